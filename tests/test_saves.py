"""Saves and logs: written atomically, read back exactly, refused when they no longer fit."""

import json
import os
from pathlib import Path

import pytest

from game.engine import machine
from game.engine.atomic import write_atomically
from game.engine.log import render_log, write_log
from game.engine.saves import SaveError, read_save, restore, save_game
from game.scenario.load import load_scenario

DEMO = Path(__file__).parent.parent / "scenarios" / "demo" / "scenario.yaml"
RULES = Path(__file__).parent / "fixtures" / "engine" / "rules.yaml"
PLAYERS = {"kennedy": "human", "khrushchev": "historical"}
DAYS = [{"kennedy": "wait_and_watch", "khrushchev": "rush_sites"},
        {"kennedy": "quarantine", "khrushchev": "hold_firm"}]


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(DEMO)


def test_a_saved_game_loads_back_to_the_same_state_and_undo_history(scenario, tmp_path):
    session = machine.replay(scenario, 42, DAYS)
    save_game(tmp_path / "game.json", session, PLAYERS)
    restored = restore(read_save(tmp_path / "game.json"), scenario)
    assert restored.state == session.state
    assert restored.earlier == session.earlier
    assert restored.phase is session.phase


def test_a_save_carries_its_format_version_and_players(scenario, tmp_path):
    save_game(tmp_path / "game.json", machine.replay(scenario, 42, DAYS), PLAYERS)
    data = json.loads((tmp_path / "game.json").read_text())
    assert data["format"] == "brinkmanship-save" and data["version"] == 1
    assert data["players"] == PLAYERS and data["days"] == DAYS and data["seed"] == 42


def test_saving_leaves_no_temporary_files_behind(scenario, tmp_path):
    save_game(tmp_path / "game.json", machine.replay(scenario, 42, DAYS), PLAYERS)
    save_game(tmp_path / "game.json", machine.replay(scenario, 42, DAYS[:1]), PLAYERS)
    assert os.listdir(tmp_path) == ["game.json"]


def test_a_failed_write_keeps_the_previous_file_whole(tmp_path):
    target = tmp_path / "save.json"
    write_atomically(target, "old contents")

    with pytest.raises(TypeError):
        write_atomically(target, 12345)  # not text: the write fails half-way
    assert target.read_text() == "old contents"
    assert os.listdir(tmp_path) == ["save.json"]


def test_a_save_edited_by_hand_is_refused(scenario, tmp_path):
    save_game(tmp_path / "game.json", machine.replay(scenario, 42, DAYS), PLAYERS)
    data = json.loads((tmp_path / "game.json").read_text())
    data["values"][0] += 1
    with pytest.raises(SaveError, match="different results"):
        restore(data, scenario)


def test_a_save_whose_orders_no_longer_fit_is_refused(scenario, tmp_path):
    save_game(tmp_path / "game.json", machine.replay(scenario, 42, DAYS), PLAYERS)
    data = json.loads((tmp_path / "game.json").read_text())
    data["days"][1]["kennedy"] = "accept_deal"
    with pytest.raises(SaveError, match="no longer fits"):
        restore(data, scenario)


def test_a_save_of_another_scenario_is_refused(scenario, tmp_path):
    save_game(tmp_path / "game.json", machine.replay(scenario, 42, DAYS), PLAYERS)
    with pytest.raises(SaveError, match="belongs to scenario 'demo'"):
        restore(read_save(tmp_path / "game.json"), load_scenario(RULES))


@pytest.mark.parametrize("contents, message", [
    ("not json at all", "not valid JSON"),
    ('{"format": "something-else"}', "not a Brinkmanship save"),
    ('{"format": "brinkmanship-save", "version": 99}', "version 99"),
    ("[1, 2, 3]", "not a Brinkmanship save"),
])
def test_a_file_that_is_not_a_readable_save_is_refused_with_a_reason(tmp_path, contents, message):
    (tmp_path / "bad.json").write_text(contents)
    with pytest.raises(SaveError, match=message):
        read_save(tmp_path / "bad.json")


def test_a_missing_save_is_reported_not_raised_as_oserror(tmp_path):
    with pytest.raises(SaveError, match="cannot read"):
        read_save(tmp_path / "missing.json")


def test_the_log_has_a_header_and_one_line_per_resolved_day(scenario, tmp_path):
    session = machine.replay(scenario, 42, DAYS)
    write_log(tmp_path / "log.jsonl", scenario, session.state, PLAYERS)
    lines = [json.loads(line) for line in (tmp_path / "log.jsonl").read_text().splitlines()]
    assert lines[0]["format"] == "brinkmanship-log" and lines[0]["seed"] == 42
    assert [line["day"] for line in lines[1:]] == ["found", "speech"]
    assert lines[2]["orders"] == DAYS[1]
    assert lines[2]["values"]["flags.quarantine"] is True
    assert "defcon" in lines[2]["values"]


def test_the_log_holds_no_clock_time_so_replays_match(scenario):
    first = render_log(scenario, machine.replay(scenario, 42, DAYS).state, PLAYERS)
    second = render_log(scenario, machine.replay(scenario, 42, DAYS).state, PLAYERS)
    assert first == second
