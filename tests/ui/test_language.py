"""The language in the settings: the interface's words and the scenario's texts drawn in it, English for a
scenario text not translated, Cyrillic drawn."""

import pygame
import pytest

from game.ui.languages import scenario_languages
from game.ui.match import load_cached
from game.ui.theme import STYLES
from .driver import click, press, scene_name, step, widget


def to_the_line_as_khrushchev(app):
    """A demo game as Khrushchev, two days played, on the morning of the third (its briefing has Russian)."""
    app.push("setup", scenario="demo", role="khrushchev", opponent="historical", seed=7)
    click(app, widget(app, "Begin"))
    for _ in range(2):
        click(app, widget(app, "To the situation room"))
        click(app, app.top.cards[0])
        click(app, widget(app, "give order"))
        click(app, widget(app, "continue"))
    assert scene_name(app) == "BriefingScene" and app.top.match.session.day.id == "the_line"
    return app.top.match


def choose_language(app, wanted: str):
    press(app, pygame.K_ESCAPE)
    click(app, widget(app, "Settings"))
    for _ in range(4):
        if widget(app, "setting:language").label.endswith(wanted):
            break
        click(app, widget(app, "setting:language"))
    assert widget(app, "setting:language").label == {"Русский": "Язык: Русский", "English": "Language: English"}[wanted]
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_ESCAPE)


def test_the_languages_offered_are_the_scenarios_own(demo_path, repo_root):
    assert scenario_languages(load_cached(demo_path, {})) == ("en", "ru")
    berlin = load_cached(repo_root / "scenarios" / "berlin_1961" / "scenario.yaml", {})
    assert scenario_languages(berlin)[0] == "en" and len(scenario_languages(berlin)) >= 2


def test_russian_in_the_settings_speaks_russian_and_leaves_an_untranslated_scenario_text_in_english(app, only_demo):
    match = to_the_line_as_khrushchev(app)
    english = "Our ships approach the American line. What are your orders?"
    assert english in app.top.texts()
    choose_language(app, "Русский")
    assert scene_name(app) == "BriefingScene"
    shown = app.top.texts()
    assert "Наши суда подходят к американской линии. Каковы ваши приказы?" in shown
    assert english not in shown
    assert "Ships at the line" in shown  # the day's title has no Russian: English, string by string
    assert "В ситуационную комнату" in shown and "To the situation room" not in shown  # the game's own words
    assert match.language == "ru" and app.settings.language == "ru"
    app.draw()
    choose_language(app, "English")
    assert english in app.top.texts()


def test_the_chosen_language_is_kept_and_speaks_in_the_next_game(make_app, only_demo):
    from game.ui.settings import load_settings

    app = make_app()
    app.persist_settings = True
    app.push("title")
    app.push("settings")
    assert app.top.languages == ("en", "ru")
    click(app, widget(app, "setting:language"))
    assert load_settings().language == "ru"
    again = make_app(language="ru")
    again.push("setup", scenario="demo", role="khrushchev", seed=3)
    click(again, widget(again, "Begin"))
    assert again.top.match.language == "ru"


@pytest.mark.parametrize("style", sorted({name for name, (font, _) in STYLES.items()}))
def test_every_font_draws_cyrillic(app, style):
    font = app.theme.font(style)
    missing = font.render("\ue000", True, (0, 0, 0), (255, 255, 255))  # a private-use point: the missing-glyph box
    box = pygame.image.tobytes(missing, "RGB")
    for letter in "Хрущёв":
        drawn = font.render(letter, True, (0, 0, 0), (255, 255, 255))
        assert drawn.get_width() > 2 and pygame.image.tobytes(drawn, "RGB") != box, f"{style} lacks {letter}"
    step(app)


def test_the_council_is_named_in_russian_on_the_day_screen(make_app):
    """Khrushchev's advisors read in Cyrillic in a Russian game: the chips, their initials and the advice's heading."""
    from game import paths
    from game.ui import flow
    from .readability import new_match

    app = make_app(language="ru")
    app.language = "ru"
    match = new_match(load_cached(paths.find_scenario("cuban_missile_crisis_1962"), app.scenario_cache), "khrushchev")
    flow.show_current(app, match)
    app.top.proceed()
    press(app, pygame.K_a)  # the first advisor speaks
    shown = app.top.texts()
    assert scene_name(app) == "DayScene"
    assert {"Громыко", "Микоян", "Малиновский", "Андрей Громыко", "Анастас Микоян"} <= set(shown)
    assert "Андрей Громыко, Министр иностранных дел (умеренный)" in shown
    latin = ("Gromyko", "Mikoyan", "Malinovsky", "Khrushchev")
    assert not [text for text in shown if any(name in text for name in latin)]
    app.draw()
