"""F5 in a game: the scenario file is read again and the game goes on from the same day on the new version."""

import io

import pygame

from game.tools.validate import validate_paths
from .driver import click, press, scene_name, step, widget


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def on_day_two(app):
    """A game on the copy, day one played by mouse, standing in day two's situation room."""
    app.push("setup", scenario="my_crisis", role="kennedy", opponent="historical", seed=7)
    click(app, widget(app, "Begin"))
    click(app, widget(app, "To the situation room"))
    click(app, widget(app, "choice:wait_and_watch"))
    click(app, widget(app, "give order"))
    click(app, widget(app, "continue"))
    click(app, widget(app, "To the situation room"))
    assert scene_name(app) == "DayScene"
    return app.top.match


def test_f5_draws_the_edited_text_and_keeps_the_day_and_the_marked_card(app, own_scenario):
    match = on_day_two(app)
    click(app, widget(app, "choice:airstrike"))
    history = match.session.state.history
    edit(own_scenario, "The country must be told.", "The country must hear it tonight.")
    edit(own_scenario, "title: The President speaks", "title: The President goes on television")
    press(app, pygame.K_F5)
    assert scene_name(app) == "DayScene"
    assert app.top.match is match and match.session.state.day_index == 1
    assert match.session.state.history == history
    press(app, pygame.K_b)  # the briefing in the reading pane
    shown = " ".join(app.top.texts())
    assert "The country must hear it tonight." in shown and "The President goes on television" in shown
    assert "The country must be told." not in shown
    assert app.top.selected == "airstrike"
    assert app.notice[0] == "Reloaded scenario.yaml: day 2 kept"


def test_f5_on_a_broken_file_lists_the_validators_lines_and_the_game_goes_on(app, own_scenario):
    match = on_day_two(app)
    before = match.session
    edit(own_scenario, 'effects: ["tension += 20", "flags.quarantine = true"', 'effects: ["tension += 20", "flags.quarantin = true"')
    edit(own_scenario, "  - id: the_line\n    date: 1962-10-24", "  - id: the_line\n    date: 1962-10-99")
    press(app, pygame.K_F5)
    assert scene_name(app) == "ProblemsScene"
    printed = io.StringIO()
    assert validate_paths([str(own_scenario)], printed) == 1
    expected = [line for line in printed.getvalue().splitlines() if ": error: " in line]
    assert len(expected) == 2
    assert list(app.top.reloaded.problems) == expected
    shown = app.top.texts()
    assert all(line in shown for line in expected)
    assert "scenario.yaml has errors" in shown
    app.draw()
    press(app, pygame.K_ESCAPE)
    assert scene_name(app) == "DayScene"
    assert match.session is before  # the last good version, untouched
    click(app, widget(app, "choice:quarantine"))
    click(app, widget(app, "give order"))
    assert scene_name(app) == "ResolutionScene" and len(match.session.state.history) == 2


def test_a_click_outside_the_error_panel_puts_it_away(app, own_scenario):
    on_day_two(app)
    edit(own_scenario, "date: 1962-10-24", "date: someday")
    press(app, pygame.K_F5)
    assert scene_name(app) == "ProblemsScene"
    click_outside = (app.top.box.x // 2, app.top.box.y // 2)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=click_outside, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=click_outside, button=1))
    step(app)
    assert scene_name(app) == "DayScene"


def test_many_errors_scroll_in_the_panel(app, own_scenario):
    on_day_two(app)
    text = own_scenario.read_text(encoding="utf-8")
    own_scenario.write_text(text.replace('"tension += ', '"tensio += '), encoding="utf-8")
    press(app, pygame.K_F5)
    lines = widget(app, "problems")
    assert len(app.top.reloaded.problems) > 10
    assert lines.overflow > 0 and app.top.focus is lines
    press(app, pygame.K_PAGEDOWN)
    step(app, 60)
    assert lines.offset > 0


def test_an_order_that_no_longer_exists_stops_the_replay_at_the_last_good_day(app, own_scenario):
    match = on_day_two(app)
    edit(own_scenario, "        leaning: moderate\n        effects: \"missiles_ready += 1\"",
         "        leaning: moderate\n        requires: \"flags.quarantine\"\n        effects: \"missiles_ready += 1\"")
    press(app, pygame.K_F5)
    assert match.session.state.day_index == 0 and not match.session.state.history
    assert scene_name(app) == "BriefingScene"
    notice = app.notice[0]
    assert notice.startswith("Reloaded scenario.yaml, back to day 1: day 1 no longer fits")
    assert "wait_and_watch" in notice


def test_f5_on_the_resolution_screen_stays_on_it(app, own_scenario):
    match = on_day_two(app)
    click(app, widget(app, "choice:quarantine"))
    click(app, widget(app, "give order"))
    assert scene_name(app) == "ResolutionScene"
    edit(own_scenario, "brings down an American spy plane", "downs an American spy plane")
    press(app, pygame.K_F5)
    assert scene_name(app) == "ResolutionScene" and len(match.session.state.history) == 2
    assert "downs an American spy plane" in " ".join(app.top.texts())
    click(app, widget(app, "continue"))
    assert scene_name(app) == "BriefingScene" and match.session.state.day_index == 2


def test_f5_outside_a_game_only_says_what_it_is_for(app):
    app.push("title")
    press(app, pygame.K_F5)
    assert scene_name(app) == "TitleScene" and "during a game" in app.notice[0]


def test_a_new_game_started_after_an_edit_plays_the_edited_file(app, own_scenario):
    app.push("title")
    app.push("setup", scenario="my_crisis", role="kennedy", seed=7)
    app.reset("title")
    edit(own_scenario, "title: The photographs", "title: The photographs arrive")
    app.push("setup", scenario="my_crisis", role="kennedy", seed=7)
    click(app, widget(app, "Begin"))
    assert "The photographs arrive" in app.top.texts()


def test_a_reload_that_would_remove_the_players_seat_is_refused(app, own_scenario):
    match = on_day_two(app)
    before = match.session
    text = own_scenario.read_text(encoding="utf-8").replace("kennedy", "jfk")
    own_scenario.write_text(text, encoding="utf-8")
    press(app, pygame.K_F5)
    assert match.session is before and scene_name(app) == "DayScene"
    assert "the seat 'kennedy' you play is no longer in it" in app.notice[0]


def test_the_error_panel_lays_itself_out_again_when_the_window_is_resized(app, own_scenario):
    on_day_two(app)
    edit(own_scenario, "date: 1962-10-24", "date: someday")
    press(app, pygame.K_F5)
    for size in ((1920, 1080), (1024, 768), (1280, 720)):
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size))
        step(app)
        window = pygame.Rect((0, 0), app.size)
        assert scene_name(app) == "ProblemsScene" and window.contains(app.top.box)
        assert all(app.top.box.contains(w.rect) for w in app.top.widgets)
        app.draw()
