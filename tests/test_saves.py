"""Saves and logs: written atomically, read back exactly, refused when they no longer fit."""

import io
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
    with pytest.raises(SaveError, match="does not give the values and ending it holds: the save was edited by hand"):
        restore(data, scenario)


def test_a_save_whose_ending_was_written_in_by_hand_is_refused(scenario, tmp_path):
    data = good_save(scenario, tmp_path)
    data["ending"] = "settlement"  # an ending the orders never reached
    with pytest.raises(SaveError, match="the save was edited by hand"):
        restore(data, scenario)


def test_a_save_whose_scenario_file_changed_since_says_so(scenario, tmp_path):
    copy = tmp_path / "mine" / "scenario.yaml"
    copy.parent.mkdir()
    copy.write_text(DEMO.read_text())
    data = good_save(load_scenario(copy), tmp_path)
    copy.write_text(DEMO.read_text().replace('effects: "missiles_ready += 1"', 'effects: "missiles_ready += 2"'))
    with pytest.raises(SaveError, match="the scenario file was changed since it was saved"):
        restore(data, load_scenario(copy))


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


# --- damaged saves: each kind of damage, one line -----------------------------------------------
def good_save(scenario, tmp_path) -> dict:
    save_game(tmp_path / "good.json", machine.replay(scenario, 42, DAYS), PLAYERS)
    return json.loads((tmp_path / "good.json").read_text())


@pytest.mark.parametrize("damage, message", [
    (lambda d: d.update(scenario=[]), "'scenario' must name the scenario's id and file, not an empty list"),
    (lambda d: d.update(players=["kennedy"]), "'players' must map each seat to who plays it, not a list"),
    (lambda d: d.update(days={"found": {}}), "'days' must be the list of each day's orders, not an object"),
    (lambda d: d["days"].__setitem__(1, ["quarantine"]), "the orders of day 2 must map each seat to a choice id, not a list"),
    (lambda d: d["scenario"].update(id=5), "its scenario id 5 is not an id"),
    (lambda d: d.pop("scenario"), "'scenario' must name the scenario's id and file, not null"),
    (lambda d: d["players"].update(khrushchev="genius"), "seat 'khrushchev' is played by the text \"genius\""),
    (lambda d: d.update(seed="42"), 'its seed is the text "42", not a whole number'),
    (lambda d: d.update(version="1"), 'the save\'s version is the text "1", not a whole number; this game reads version 1'),
    (lambda d: d.update(version=2), "save version 2 is not supported; this game reads version 1"),
    (lambda d: d.update(values=[1, "x"]), "'values' must be a list of numbers and true/false"),
    (lambda d: d.update(ending=["over"]), "'ending' must be an ending's id or null, not a list"),
    (lambda d: d.pop("values"), "it has no 'values'"),
    (lambda d: d.pop("ending"), "it has no 'ending'"),
    (lambda d: d.update(seed=2**70), "its seed 1180591620717411303424 is out of range"),
    (lambda d: d["scenario"].update(path="/" + "a" * 5000), "the scenario's 'path' must be text of at most 4,096"),
])
def test_each_kind_of_damage_to_a_save_gets_one_line_saying_what_is_wrong(scenario, tmp_path, damage, message):
    data = good_save(scenario, tmp_path)
    damage(data)
    (tmp_path / "bad.json").write_text(json.dumps(data))
    with pytest.raises(SaveError) as raised:
        restore(read_save(tmp_path / "bad.json"), scenario)
    assert message in str(raised.value) and "\n" not in str(raised.value)


@pytest.mark.parametrize("text, message", [
    ("[" * 100_000 + "]" * 100_000, "nested far too deeply"),
    ('{"format": "brinkmanship-save", "version": 1, "seed": ' + "7" * 5000 + "}", "it holds a number of 5000 digits"),
    ('{"format": "brinkmanship-save", "version": 1, "seed": NaN}', "it holds 'NaN', which is not a number"),
])
def test_a_save_too_deep_too_long_or_with_nan_is_refused_in_one_line(tmp_path, text, message):
    (tmp_path / "bad.json").write_text(text)
    with pytest.raises(SaveError) as raised:
        read_save(tmp_path / "bad.json")
    assert message in str(raised.value) and len(str(raised.value)) < 300


def test_an_unknown_policy_is_refused_when_the_save_is_read_not_at_the_opponents_first_move(scenario, tmp_path):
    data = good_save(scenario, tmp_path)
    data["players"]["khrushchev"] = "clairvoyant"
    (tmp_path / "bad.json").write_text(json.dumps(data))
    with pytest.raises(SaveError, match="played by the text \"clairvoyant\""):
        read_save(tmp_path / "bad.json")


# --- which scenario a save goes with -----------------------------------------------------------
def test_a_save_names_its_scenario_by_absolute_path(scenario, tmp_path, monkeypatch):
    monkeypatch.chdir(DEMO.parent.parent.parent)
    relative = load_scenario(Path("scenarios/demo/scenario.yaml"))
    assert good_save(relative, tmp_path)["scenario"]["path"] == str(DEMO.resolve())


def test_load_from_another_folder_continues_the_game(scenario, tmp_path, monkeypatch, capsys):
    from game import cli

    monkeypatch.chdir(DEMO.parent.parent.parent)
    save = tmp_path / "game.json"
    save_game(save, machine.replay(load_scenario(Path("scenarios/demo/scenario.yaml")), 42, DAYS), PLAYERS)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n1\n"))
    assert cli.main(["play", "--text", "--load", str(save)]) == 0
    assert "Day 3 of 4" in capsys.readouterr().out


def test_an_old_save_with_a_relative_path_finds_the_identical_scenario_by_id(scenario, tmp_path, monkeypatch):
    from game.engine.saves import scenario_file

    data = good_save(scenario, tmp_path)
    data["scenario"]["path"] = "scenarios/demo/scenario.yaml"  # as saves were written before
    monkeypatch.chdir(tmp_path)
    assert scenario_file(data).resolve() == DEMO.resolve()


def test_the_window_never_takes_another_scenario_of_the_same_id_for_a_save(tmp_path):
    from game.ui.match import load_match

    copy = tmp_path / "mine" / "scenario.yaml"
    copy.parent.mkdir()
    copy.write_text(DEMO.read_text().replace("Four Days in October (demo)", "My own four days"))
    save = tmp_path / "game.json"
    save_game(save, machine.replay(load_scenario(copy), 42, DAYS), PLAYERS)
    assert load_match(save).scenario.title.get() == "My own four days"
    copy.unlink()
    with pytest.raises(SaveError) as raised:
        load_match(save)
    message = str(raised.value)
    assert f"this save was played on {copy}, which is gone" in message
    assert "is another version of it" in message and str(DEMO.resolve()) in message


# --- one way to open a save, in both front ends ---------------------------------------------------
DAMAGE = {
    "an unknown policy": (lambda d: d["players"].update(khrushchev="oracle"), 'seat \'khrushchev\' is played by the text "oracle"'),
    "an int scenario id": (lambda d: d["scenario"].update(id=7), "its scenario id 7 is not an id"),
    "a missing scenario": (lambda d: d.update(scenario={"id": "nowhere", "path": "/gone/scenario.yaml"}),
                           "this save is of the scenario 'nowhere': its file /gone/scenario.yaml is gone and no "
                           "scenario of that id is installed"),
    "orders that do not fit": (lambda d: d["days"][0].update(kennedy="accept_deal"), "no longer fits the scenario file"),
    "values edited": (lambda d: d["values"].__setitem__(0, 99), "the save was edited by hand"),
    "a list for the players": (lambda d: d.update(players=[]), "'players' must map each seat to who plays it"),
}


def damaged_save(scenario, tmp_path, damage) -> Path:
    data = good_save(scenario, tmp_path)
    damage(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    return path


@pytest.mark.parametrize("damage, message", DAMAGE.values(), ids=DAMAGE.keys())
def test_text_mode_and_window_refuse_a_damaged_save_with_the_same_line(scenario, tmp_path, damage, message,
                                                                        monkeypatch, capsys):
    from game import cli
    from game.ui import app as app_module
    from game.ui.match import load_match

    path = damaged_save(scenario, tmp_path, damage)
    with pytest.raises(SaveError) as raised:
        load_match(path)
    assert message in raised.value.reason and str(raised.value) == f"{path}: {raised.value.reason}"
    monkeypatch.setattr(app_module.App, "run", lambda self: pytest.fail("a refused save opened the game"))
    for front_end in (["--text"], []):
        assert cli.main(["play", *front_end, "--load", str(path)]) == 1
        captured = capsys.readouterr()
        assert captured.err == f"brink: {path}: {raised.value.reason}\n", front_end
        assert "Traceback" not in captured.out


def test_a_save_opens_with_the_players_it_names_for_every_seat(scenario, tmp_path):
    from game.engine.saves import open_save

    data = good_save(scenario, tmp_path)
    del data["players"]["khrushchev"]
    (tmp_path / "game.json").write_text(json.dumps(data))
    opened = open_save(tmp_path / "game.json", lambda path: scenario, players={"khrushchev": "hawk"})
    assert opened.players == {"kennedy": "human", "khrushchev": "hawk"}
    assert opened.scenario_path.resolve() == DEMO.resolve() and len(opened.session.state.history) == 2
