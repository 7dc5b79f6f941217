"""The load screen's list finds each save's scenario as opening the save does: by its file, never a namesake."""

from __future__ import annotations

import json

from game import paths
from game.engine import machine
from game.engine.saves import save_game
from game.scenario.load import load_scenario
from game.ui.match import list_saves
from .driver import scene_name, step

DAYS = [{"kennedy": "wait_and_watch", "khrushchev": "rush_sites"}]
PLAYERS = {"kennedy": "human", "khrushchev": "historical"}


def saved_on(scenario_file, name: str):
    saves = paths.saves_folder()
    saves.mkdir(parents=True, exist_ok=True)
    save_game(saves / name, machine.replay(load_scenario(scenario_file), 42, DAYS), PLAYERS)
    return saves / name


def own_copy(tmp_path, demo_path, title: str):
    copy = tmp_path / "mine" / "scenario.yaml"
    copy.parent.mkdir(exist_ok=True)
    copy.write_text(demo_path.read_text(encoding="utf-8").replace("Four Days in October (demo)", title), encoding="utf-8")
    return copy


def test_a_save_of_an_authors_copy_is_listed_with_that_copy_not_the_shipped_namesake(app, demo_path, tmp_path):
    saved_on(own_copy(tmp_path, demo_path, "My own four days"), "mine.json")
    (summary,) = list_saves()
    assert summary.scenario_path.resolve() == (tmp_path / "mine" / "scenario.yaml").resolve() and summary.problem is None
    app.push("load")
    title, description, _ = app.top._words(summary)
    assert title == "My own four days" and description.startswith("Day 2 of 4")


def test_a_save_whose_scenario_file_is_gone_is_listed_with_why_it_cannot_be_opened(app, demo_path, tmp_path):
    copy = own_copy(tmp_path, demo_path, "My own four days")
    saved_on(copy, "mine.json")
    copy.unlink()
    (summary,) = list_saves()
    assert summary.scenario_path is None and f"this save was played on {copy}, which is gone" in summary.problem
    app.push("load")
    title, description, _ = app.top._words(summary)
    assert title == "demo" and description.startswith("This save cannot be opened: this save was played on")
    app.draw()  # the long reason wraps in its row


def test_a_damaged_save_is_listed_with_what_is_wrong(app, demo_path, tmp_path):
    path = saved_on(demo_path, "edited.json")
    data = json.loads(path.read_text())
    data["players"]["khrushchev"] = "oracle"
    path.write_text(json.dumps(data))
    (summary,) = list_saves()
    assert summary.problem.startswith("the save is damaged: seat 'khrushchev' is played by the text \"oracle\"")
    app.push("load")
    step(app)
    assert scene_name(app) == "LoadScene"
