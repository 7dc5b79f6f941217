"""Long lists scroll: thirty saves on the load screen, a dozen scenarios of the player's own on setup and Scenarios.

The wheel, the arrows and Page Up/Down move the list; the focused row is always in view, every
row on screen is whole and clickable, and the scroll bar's thumb shows where the window is.
"""

import os

import pygame
import pytest

from game import paths
from game.engine import machine
from game.engine.saves import save_game
from game.ui.match import load_cached
from .driver import click, press, scene_name, step, widget

SAVES = 30
OWN_SCENARIOS = 12


@pytest.fixture
def thirty_saves(demo_path):
    scenario = load_cached(demo_path, {})
    folder = paths.saves_folder()
    folder.mkdir(parents=True)
    for number in range(SAVES):
        session = machine.replay(scenario, number + 1, [dict(scenario.days[0].historical)] * (number % 3 > 0))
        path = folder / f"game-{number:02d}.json"
        save_game(path, session, {"kennedy": "human", "khrushchev": "historical"})
        os.utime(path, (1_700_000_000 + number * 60, 1_700_000_000 + number * 60))  # game-29 is the newest
    return [f"save:game-{number:02d}.json" for number in reversed(range(SAVES))]


@pytest.fixture
def twelve_scenarios(demo_path):
    text = demo_path.read_text(encoding="utf-8")
    names = []
    for number in range(OWN_SCENARIOS):
        folder = paths.user_scenarios_folder() / f"crisis_{number:02d}"
        folder.mkdir(parents=True)
        (folder / "scenario.yaml").write_text(
            text.replace('title: "Four Days in October (demo)"', f'title: "Crisis number {number:02d}"'), encoding="utf-8")
        names.append(f"scenario:crisis_{number:02d}")
    return [f"scenario:{path.parent.name}" for path in paths.available_scenarios()]


def rows_of(app, prefix):
    return [w for w in app.top.widgets if w.name.startswith(prefix)]


def in_view(app, prefix):
    """The rows on screen: whole, inside the list's area and the window."""
    scene = app.top
    area = scene.list.bar.rect
    window = pygame.Rect((0, 0), app.size)
    rows = rows_of(app, prefix)
    for row in rows:
        assert area.contains(row.rect) and window.contains(row.rect), row.name
    return [row.name for row in rows]


def thumb_share(app):
    bar = app.top.list.bar
    thumb, track = bar.thumb(app.theme), bar.track(app.theme)
    return (thumb.y - track.y) / max(1, track.h - thumb.h)


def test_the_load_screen_walks_down_thirty_saves_with_the_focused_one_always_in_view(app, thirty_saves):
    app.push("title")
    app.push("load")
    shown = in_view(app, "save:")
    assert 3 <= len(shown) < SAVES and shown == thirty_saves[:len(shown)]
    assert app.top.focus.name == thirty_saves[0] and thumb_share(app) == 0
    reached = [app.top.focus.name]
    for _ in range(SAVES - 1):
        press(app, pygame.K_DOWN)
        reached.append(app.top.focus.name)
        assert app.top.focus.name in in_view(app, "save:")
    assert reached == thirty_saves
    assert thumb_share(app) == 1
    press(app, pygame.K_HOME)
    assert app.top.focus.name == thirty_saves[0] and in_view(app, "save:")[0] == thirty_saves[0]


def test_page_down_and_up_move_a_window_at_a_time(app, thirty_saves):
    app.push("title")
    app.push("load")
    visible = len(in_view(app, "save:"))
    press(app, pygame.K_PAGEDOWN)
    assert app.top.focus.name == thirty_saves[visible]
    assert app.top.focus.name in in_view(app, "save:")
    assert 0 < thumb_share(app) < 1
    press(app, pygame.K_END)
    assert app.top.focus.name == thirty_saves[-1] and in_view(app, "save:")[-1] == thirty_saves[-1]
    press(app, pygame.K_PAGEUP)
    assert app.top.focus.name == thirty_saves[-1 - visible]


def test_the_wheel_scrolls_the_saves_and_a_row_scrolled_into_view_loads_with_a_click(app, thirty_saves):
    app.push("title")
    app.push("load")
    area = app.top.list.bar.rect
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=area.center, rel=(0, 0), buttons=(0, 0, 0)))
    for _ in range(SAVES):
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
    step(app)
    shown = in_view(app, "save:")
    assert shown[-1] == thirty_saves[-1]
    oldest = widget(app, thirty_saves[-1])
    click(app, oldest)
    assert scene_name(app) == "BriefingScene"
    assert app.top.match.session.state.seed == 1  # game-00 was played with seed 1


def test_setup_scrolls_to_a_scenario_of_the_players_own_and_plays_it(app, twelve_scenarios):
    app.push("title")
    app.push("setup", scenario="demo", seed=3)
    shown = in_view(app, "scenario:")
    assert len(shown) < len(twelve_scenarios)
    assert "scenario:demo" in shown
    app.top.set_focus(widget(app, shown[0]))
    for _ in range(len(twelve_scenarios) - 1 - twelve_scenarios.index(shown[0])):
        press(app, pygame.K_DOWN)
        assert app.top.focus.name in in_view(app, "scenario:")
    assert app.top.focus.name == twelve_scenarios[-1]
    press(app, pygame.K_RETURN)
    assert app.top.scenario_name == "crisis_11"
    assert app.top.focus.name == "scenario:crisis_11"  # still in view after the choice redraws the screen
    click(app, widget(app, "Begin"))
    assert app.top.match.scenario.title.get() == "Crisis number 11"


def test_the_scenarios_screen_scrolls_with_the_wheel_and_shows_the_one_clicked(app, twelve_scenarios):
    app.push("title")
    app.push("scenarios")
    first = in_view(app, "scenario:")
    assert len(first) < len(twelve_scenarios)
    area = app.top.list.bar.rect
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=area.center, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-3, flipped=False))
    step(app)
    moved = in_view(app, "scenario:")
    assert moved[0] == twelve_scenarios[3] and moved == twelve_scenarios[3:3 + len(first)]
    press(app, pygame.K_TAB)  # the focus is on a row in view
    assert app.top.focus.name in moved
    click(app, widget(app, moved[-1]))
    assert app.top.chosen == moved[-1].split(":")[1]
    assert f"Crisis number {moved[-1][-2:]}" in app.top.texts()


def test_a_short_list_has_no_scroll_bar(app):
    app.push("title")
    app.push("load")
    assert app.top.list.bar.texts() == [] and not app.top.list.window.scrolls
