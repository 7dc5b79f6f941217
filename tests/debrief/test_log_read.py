"""The session log reader: version 1 and 2, undo, untrusted lines, and the replay's check."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.cli import main
from game.engine import machine
from game.engine.log import named_values
from game.engine.log_read import LogError, parse_log, read_log
from game.engine.log_replay import ReplayError, replay_log
from tests.debrief.session import HOSTILE_NAME


def version_1_log(scenario, state, players) -> str:
    """A log as the game wrote it before classroom sessions (version 1: no kinds, no times)."""
    header = {"format": "brinkmanship-log", "version": 1, "scenario": scenario.id, "digest": scenario.digest,
              "seed": state.seed, "players": players,
              "initial": named_values(scenario, tuple(scenario.initial_values()))}
    lines = [header] + [{"day": record.day_id, "date": scenario.days[record.day_index].date,
                         "orders": dict(record.orders), "interactions": list(record.interactions),
                         "events": list(record.events), "delayed": list(record.delayed),
                         "values": named_values(scenario, record.values_after), "ending": record.ending}
                        for record in state.history]
    return "".join(json.dumps(line) + "\n" for line in lines)


def test_a_version_1_log_reads_and_replays(cuba):
    days = [{"kennedy": "convene_excomm", "khrushchev": "keep_building"},
            {"kennedy": "more_flights", "khrushchev": "keep_convoy_course"}]
    session = machine.replay(cuba, 5, days)
    text = version_1_log(cuba, session.state, {"kennedy": "human", "khrushchev": "historical"})
    log = parse_log(text, "old.log")
    assert log.version == 1 and [d.day for d in log.days] == ["oct16", "oct17"]
    assert log.decided_by(log.days[0], "kennedy") == "player"
    assert log.decided_by(log.days[0], "khrushchev") == "computer"
    assert log.days[0].recommendations == () and log.injects == ()
    replay = replay_log(cuba, log)
    assert replay.final == session.state
    assert [d.state.day_index for d in replay.decisions] == [0, 1]


def test_a_version_2_log_reads_with_undo_applied(cuba, session, session_log):
    log = read_log(session_log)
    assert log.version == 2 and log.room == "KXMPTA" and log.front_end == "classroom"
    assert len(log.days) == session.days
    assert log.ending == session.ending
    # the day taken back is gone, and so is the inject given after it was resolved
    assert all(d.orders["kennedy"] != session.undone_choice for d in log.days if d.day == "oct19")
    assert not any(i.reason == "taken back with the day" for i in log.injects)
    assert [i.inject for i in log.injects] == ["meter", "news", "event"]
    assert [m.public for m in log.messages] == [False, True]
    assert log.messages[0].author == HOSTILE_NAME
    clock = next(d for d in log.days if d.day == session.clock_day)
    assert log.decided_by(clock, "kennedy") == "clock"
    assert clock.recommendations[0].student == HOSTILE_NAME


def test_the_replay_reaches_every_logged_value(cuba, session_log):
    log = read_log(session_log)
    replay = replay_log(cuba, log)
    assert len(replay.decisions) == len(log.days)
    assert replay.final.ending == log.ending
    assert replay.warnings == ()
    # the meter inject on the third day is in the state the team ordered in
    third = replay.decisions[2]
    assert third.state.value(cuba, "tension") == log.injects[0].values["tension"]


def test_a_log_that_does_not_replay_is_refused_at_its_line(cuba, session):
    lines = session.text.splitlines()
    number, day = next((n, json.loads(line)) for n, line in enumerate(lines) if '"kind": "day"' in line)
    day["values"]["tension"] += 13
    lines[number] = json.dumps(day)
    with pytest.raises(ReplayError) as caught:
        replay_log(cuba, parse_log("\n".join(lines), "tampered.log"))
    assert caught.value.messages[0].startswith(f"tampered.log:{number + 1}: error: the replay gives tension")


BROKEN = [
    ("{not json", "1: error: not a JSON line"),
    ('{"format": "brinkmanship-log", "version": 9, "scenario": "x", "seed": 1, "players": {}, "initial": {}}',
     "1: error: log version 9 is not one this game reads"),
]


@pytest.mark.parametrize("first, expected", BROKEN)
def test_a_broken_header_is_located(tmp_path, capsys, first, expected):
    path = tmp_path / "broken.log"
    path.write_text(first + "\n", encoding="utf-8")
    assert main(["report", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:{expected}" in err and "Traceback" not in err


def test_every_broken_line_is_listed_and_the_cli_exits_1(tmp_path, capsys, session):
    lines = session.text.splitlines()
    lines[1] = '{"kind": "day", "day": "oct16", "orders": "blockade", "values": {}}'
    lines[2] = '[1, 2]'
    lines[3] = '{"kind": "inject", "day": "oct18", "inject": "meter", "meter": "tension", "by": "lots", "reason": "x", "values": {}}'
    lines[4] = '{"kind": "weather"}'
    lines.insert(5, '{"kind": "control", "action": "undo"')
    path = tmp_path / "broken.log"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LogError) as caught:
        read_log(path)
    messages = caught.value.messages
    assert [m.split(": error: ")[0] for m in messages] == [f"{path}:{n}" for n in (2, 3, 4, 5, 6)]
    assert "\"orders\" must map each role" in messages[0]
    assert "JSON object, not a list" in messages[1]
    assert "\"by\" must be a number" in messages[2]
    assert "unknown kind 'weather'" in messages[3]
    assert "not a JSON line" in messages[4]
    assert main(["report", str(path), "--out", str(tmp_path / "r.html")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count(": error: ") == 5
    assert not (tmp_path / "r.html").exists()


def test_an_undo_with_nothing_to_take_back_and_a_device_are_refused(tmp_path, session):
    header = session.text.splitlines()[0]
    with pytest.raises(LogError, match="2: error: an undo with no day"):
        parse_log(header + '\n{"kind": "control", "action": "undo"}\n', "x.log")
    with pytest.raises(LogError, match="not a regular file"):
        read_log("/dev/zero")
    with pytest.raises(LogError, match="empty"):
        parse_log("\n\n", "x.log")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=60), st.builds(json.dumps, st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(
        ["kind", "day", "orders", "values", "inject", "action", "by", "public", "text", "from", "to"]), inner, max_size=4),
    max_leaves=8))), max_size=6))
def test_any_text_reads_or_is_refused_with_located_lines(lines):
    header = ('{"format": "brinkmanship-log", "version": 2, "scenario": "x", "seed": 1, '
              '"players": {}, "initial": {}}')
    try:
        parse_log("\n".join([header, *lines]), "fuzz.log")
    except LogError as error:
        assert error.messages and all(m.startswith("fuzz.log:") and ": error: " in m for m in error.messages)


def test_simulate_from_log_refuses_bad_arguments_with_usage(session_log, capsys):
    for arguments in (["--day", "oct16"], ["--from-log", str(session_log)],
                      ["--from-log", str(session_log), "--day", "nov30"],
                      ["--from-log", str(session_log), "--day", "oct16", "--order", "kennedy=invade"],
                      ["--from-log", str(session_log), "--day", "oct16", "--order", "castro=anything"]):
        with pytest.raises(SystemExit) as caught:
            main(["simulate", "cuban_missile_crisis_1962", *arguments])
        assert caught.value.code == 2
        assert "Traceback" not in capsys.readouterr().err


def test_a_message_outside_the_days_and_an_early_end_without_an_ending_read(session):
    header = session.text.splitlines()[0]
    log = parse_log("\n".join([
        header,
        '{"kind": "message", "at": "t", "day": null, "from": "kennedy", "to": "all", "public": true, "text": "Hello"}',
        '{"kind": "control", "at": "t", "day": "oct16", "action": "end", "ending": null}',
        '{"kind": "ending", "at": "t", "ending": null, "early": true}']), "early.log")
    assert log.messages[0].day == "" and log.ending is None and log.ended_early
