"""Every word readable: no text cut with an ellipsis, broken mid-word, clipped by its box or drawn over
another, on any screen, at 1280x720, 1366x768 and 1920x1080, at 100%, 130% and 150% text, in English
and Russian, from both seats of the 1962 and Berlin 1961 scenarios on their busiest days.

The screens are walked through the real scenes and input (tests/ui/readability.py); the app's
TextLedger sees where every text landed. A failure names the screen, the widget and the text.
"""

import pygame
import pytest

from game.ui.text_ledger import Placed, clipped, overlapping
from game.ui.widgets.button import Button
from .readability import LANGUAGES, SCALES, SIZES, walk_game, walk_menus, watch

SEATS = (("cuban_missile_crisis_1962", "kennedy"), ("cuban_missile_crisis_1962", "khrushchev"),
         ("berlin_1961", "brandt"), ("berlin_1961", "ulbricht"))


def a_watched_app(make_app, size, scale, language):
    app = make_app(*size, text_scale=scale, language=language)
    app.language = language
    watch(app)
    return app


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_word_of_a_game_is_whole_inside_its_box_and_clear_of_the_others(make_app, size, scale, language):
    found = []
    for scenario, role in SEATS:
        found += walk_game(a_watched_app(make_app, size, scale, language), scenario, role)
    assert not found, f"{len(found)} problems, the first of them:\n" + "\n".join(found[:20])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_word_outside_a_game_is_whole_inside_its_box_and_clear_of_the_others(make_app, size, scale, language):
    found = walk_menus(a_watched_app(make_app, size, scale, language))
    assert not found, f"{len(found)} problems, the first of them:\n" + "\n".join(found[:20])


# --- the eyes themselves: each kind of problem is seen --------------------------------------------------
def test_the_ledger_sees_a_label_too_long_for_its_button(app):
    watch(app)
    surface = pygame.Surface((400, 200))
    Button(pygame.Rect(10, 10, 90, 30), "A label far too long for this little button", None).draw(surface, app.theme)
    assert clipped(app.theme.ledger.placed)


def test_the_ledger_sees_an_ellipsis_and_a_broken_word(app):
    ledger = watch(app)
    app.theme.fit("Kremlin backing and more besides", "body", 60)
    app.theme.wrap("Khrushchev", "body", 30)
    kinds = {cut.why for cut in ledger.take_cuts()}
    assert kinds == {"ellipsis", "broken word"}


def test_a_wrap_only_measured_is_not_a_cut(app):
    ledger = watch(app)
    with app.theme.measuring():
        app.theme.wrap("Khrushchev", "body", 30)
    assert not ledger.take_cuts()


def test_two_texts_drawn_over_each_other_are_an_overlap_and_touching_ones_are_not():
    first = Placed("DEFCON", pygame.Rect(0, 0, 80, 20), pygame.Rect(0, 0, 400, 400), "gauge", "DayScene", False)
    over = Placed("advised by", pygame.Rect(70, 10, 80, 20), pygame.Rect(0, 0, 400, 400), "card", "DayScene", False)
    beside = Placed("next", pygame.Rect(80, 0, 40, 20), pygame.Rect(0, 0, 400, 400), "gauge", "DayScene", False)
    assert overlapping([first, over]) and not overlapping([first, beside])


def test_a_line_at_the_edge_of_a_scrolling_box_is_scrolled_not_clipped():
    box = pygame.Rect(0, 0, 200, 100)
    line = Placed("a line half in view", pygame.Rect(0, 90, 150, 26), box, "pane", "DayScene", True)
    assert not clipped([line])
    assert clipped([Placed(line.text, line.rect, box, "pane", "DayScene", False)])


def test_the_walk_reports_a_screen_that_cuts(make_app, monkeypatch):
    """The day screen with its cards forced too narrow for their labels: the walk must say so."""
    from game.ui.scenes import day

    monkeypatch.setattr(day, "card_height", lambda theme, width, label: theme.line_height("subheading"))
    app = a_watched_app(make_app, (1280, 720), 1.5, "en")
    found = walk_game(app, "cuban_missile_crisis_1962", "kennedy")
    assert any("choice:" in problem and "clipped" in problem for problem in found)
