"""The window against what a file can do: formulas that overflow, gauges given NaN, endless words,
a hundred reloads, and a scenario file named on the command line."""

from __future__ import annotations

import gc
import math
import shutil
from pathlib import Path

import pygame
import pytest

from game import paths
from game.ui.widgets.gauge import DefconGauge, MeterBar, Tension
from .driver import click, press, scene_name, widget
from .test_hot_reload import edit, on_day_two

ROOT = Path(__file__).resolve().parent.parent.parent
HOSTILE = ROOT / "tests" / "fixtures" / "hostile" / "not_a_number.yaml"


def test_a_formula_that_makes_nan_is_shown_over_the_day_and_the_game_stays_where_it_was(app, tmp_path):
    folder = paths.user_scenarios_folder() / "not_a_number"
    folder.mkdir(parents=True)
    shutil.copy(HOSTILE, folder / "scenario.yaml")
    app.push("setup", scenario="not_a_number", role="red", opponent="random", seed=3)
    click(app, widget(app, "Begin"))
    click(app, widget(app, "To the situation room"))
    match = app.top.match
    click(app, widget(app, "choice:boil"))
    click(app, widget(app, "give order"))
    assert scene_name(app) == "ProblemsScene"
    (line,) = app.top.reloaded.problems
    assert line.startswith(f"{folder / 'scenario.yaml'}:") and ": error: this effect gave 'heat'" in line
    app.draw()
    press(app, pygame.K_ESCAPE)
    assert scene_name(app) == "DayScene"
    assert not match.session.state.history and match.session.state.values[0] == 1
    click(app, widget(app, "choice:wait"))
    click(app, widget(app, "give order"))
    assert scene_name(app) == "ResolutionScene" and len(match.session.state.history) == 1


@pytest.mark.parametrize("value, low, high", [
    (math.nan, 0, 100), (math.inf, 0, 100), (50, -1e15, 1e15), (-math.inf, math.nan, math.inf), (1e300, 0, 1e-300),
])
def test_gauges_draw_nan_infinite_and_huge_values_without_failing(app, value, low, high):
    surface = pygame.Surface((600, 200))
    gauge = DefconGauge(pygame.Rect(10, 10, 400, 90), value, Tension("Tension", value, low, high), start=math.nan,
                        tension_start=math.nan)
    bar = MeterBar(pygame.Rect(10, 120, 400, 40), "Tension", value, low, high, start=value)
    worse = DefconGauge(pygame.Rect(10, 10, 400, 90), math.nan, Tension("Tension", math.inf, math.nan, 1e300))
    for widget_ in (gauge, bar, worse):
        widget_.update(0.5)
        widget_.draw(surface, app.theme)


class CountingFont:
    """A font that counts what it is asked to measure."""

    def __init__(self, font):
        self.font = font
        self.calls = 0
        self.characters = 0

    def size(self, text):
        self.calls += 1
        self.characters += len(text)
        return self.font.size(text)

    def __getattr__(self, name):
        return getattr(self.font, name)


def measured(app, text: str) -> CountingFont:
    from game.ui.theme import Theme

    theme = Theme(1280, 720)
    counting = theme._fonts["body"] = CountingFont(theme.font("body"))
    lines = theme.wrap(text, "body", 400)
    assert all(theme.font("body").font.size(line)[0] <= 400 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    return counting


def test_wrapping_an_unbroken_word_is_near_linear_in_its_length(app):
    short, long = measured(app, "x" * 500), measured(app, "x" * 5000)
    # ten times the word: about ten times the work (n log n allows a little more), never a hundred times
    assert long.calls <= 12 * short.calls and long.characters <= 13 * short.characters
    assert long.calls < 2000


def test_a_briefing_with_a_five_thousand_character_word_draws(app, own_scenario):
    edit(own_scenario, "The decision cannot wait much longer.", "W" * 5000)
    on_day_two(app)
    press(app, pygame.K_b)  # the briefing in the reading pane
    app.draw()
    assert any("WWWW" in text for text in app.top.texts())


def resident_megabytes() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 1e6


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads the memory in use from /proc")
def test_a_hundred_reloads_do_not_grow_the_memory(app, own_scenario):
    on_day_two(app)
    for _ in range(10):  # caches fill on the first reloads
        press(app, pygame.K_F5)
    gc.collect()
    frozen, before = gc.get_freeze_count(), resident_megabytes()
    for _ in range(100):
        press(app, pygame.K_F5)
    gc.collect()
    grown = resident_megabytes() - before
    assert scene_name(app) == "DayScene" and app.notice[0] == "Reloaded scenario.yaml: day 2 kept"
    assert gc.get_freeze_count() == frozen  # nothing put out of the collector's reach
    assert grown < 40, f"{grown:.0f} MB more after 100 reloads"  # it was 3.5 MB a reload


def test_brink_play_with_a_file_opens_that_file_in_the_window_not_a_namesake(monkeypatch, tmp_path, repo_root):
    from game import cli
    from game.ui import app as app_module

    copy = tmp_path / "demo" / "scenario.yaml"  # the same folder name and id as the shipped demo
    copy.parent.mkdir()
    copy.write_text((repo_root / "scenarios" / "demo" / "scenario.yaml").read_text(encoding="utf-8")
                    .replace("Four Days in October (demo)", "My own October"), encoding="utf-8")
    opened = []

    def run(self):
        opened.append(self)
        return 0

    monkeypatch.setattr(app_module.App, "run", run)
    assert cli.main(["play", str(copy)]) == 0
    top = opened[0].top
    assert scene_name(opened[0]) == "SetupScene"
    assert top.scenario is not None and top.scenario.title.get() == "My own October"
    assert Path(top.scenario.path).resolve() == copy.resolve()
