"""The teacher's console in a room, without a network: the decision clock with a fake clock,
injects, letters and public statements, undo, ending early, and the room's session log."""

from __future__ import annotations

import json

import pytest

from game.classroom import commands as c
from game.classroom.letters import plain_text
from game.classroom.room import LEADER, Room, RoomError
from game.classroom.views import PROJECTOR, TEACHER, view_for
from game.engine.clock import default_order
from game.engine.log import render_lines

START = 1_800_000_000.0  # 2027-01-15T08:00:00Z


class FakeClock:
    """Server time that moves only when the test moves it."""

    def __init__(self, now: float = START):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def move(self, seconds: float) -> float:
        self.now += seconds
        return self.now


def class_of(scenario, clock: FakeClock, minutes: float | None = None) -> Room:
    """Both teams led by a student, one advisor each, started at START."""
    room = Room("ACDEFG", scenario, 7, "teacher-token", clock(), clock=clock)
    if minutes is not None:
        room.apply(c.Timing(minutes=minutes))
    for number, (name, team, place) in enumerate([("Ann", "kennedy", LEADER), ("Bob", "khrushchev", LEADER),
                                                  ("Cat", "kennedy", "rfk"), ("Dan", "khrushchev", "gromyko")], 1):
        room.apply(c.Join(f"m{number}", f"token{number}", name, "en"))
        room.apply(c.Sit(f"m{number}", team, place))
    room.apply(c.Start())
    return room


def first_day_resolved(room: Room, soviet: str = "keep_building") -> None:
    room.apply(c.Order("m1", "convene_excomm"))
    room.apply(c.Order("m2", soviet))


def refused(room: Room, command) -> str:
    version, lines = room.version, len(room.journal)
    with pytest.raises(RoomError) as caught:
        room.apply(command)
    assert room.version == version and len(room.journal) == lines, "a refused command changed the room"
    return str(caught.value)


def log_of(room: Room) -> list[dict]:
    return [json.loads(line) for line in render_lines(room.log_lines()).splitlines()]


# --- the decision clock -----------------------------------------------------------------------------
def test_when_the_clock_runs_out_both_undecided_teams_get_the_days_default(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock)  # the room's default: five minutes
    assert room.timer.deadline == START + 300
    clock.move(299)
    assert not room.clock_ran_out(clock())
    assert "has not run out" in refused(room, c.Expire())
    clock.move(1)
    assert room.clock_ran_out(clock())
    expected = {team: default_order(crisis, room.session.state, team) for team in crisis.roles}
    room.apply(c.Expire())
    record = room.session.state.history[-1]
    assert dict(record.orders) == expected == {"kennedy": "do_nothing", "khrushchev": "keep_building"}
    day = log_of(room)[-1]
    assert day["kind"] == "day" and day["decided_by"] == {"kennedy": "clock", "khrushchev": "clock"}
    assert day["opened_at"] == "2027-01-15T08:00:00Z" and day["resolved_at"] == "2027-01-15T08:05:00Z"
    resolution = view_for(room, room.members["m1"])["resolution"]
    assert [order["clock"] for order in resolution["orders"]] == [True, True]


def test_a_team_that_decided_keeps_its_order_and_only_the_other_gets_the_default(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock, minutes=2)
    clock.move(30)
    room.apply(c.Order("m2", "hide_sites"))
    clock.move(90)
    room.apply(c.Expire())
    assert dict(room.session.state.history[-1].orders) == {"kennedy": "do_nothing", "khrushchev": "hide_sites"}
    assert log_of(room)[-1]["decided_by"] == {"kennedy": "clock", "khrushchev": "team"}
    assert [o["clock"] for o in view_for(room, PROJECTOR)["resolution"]["orders"]] == [True, False]


def test_a_days_own_minutes_override_the_rooms(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock, minutes=3)
    assert room.timer.total == 180
    for _ in crisis.days[:11]:  # to 27 October, the day with eight minutes
        room.apply(c.Order("m1", "do_nothing") if any(ch.id == "do_nothing" for ch in room.session.legal_choices("kennedy"))
                   else c.Order("m1", room.session.legal_choices("kennedy")[0].id))
        if room.phase == "deciding":
            room.apply(c.Order("m2", room.session.legal_choices("khrushchev")[0].id))
        if room.phase == "ended":
            pytest.skip("this path ended before 27 October")
        room.apply(c.NextDay())
    assert room.session.day.id == "oct27" and room.session.day.minutes == 8
    assert room.timer.total == 480


def test_a_paused_clock_does_not_run_out_and_resumes_with_the_time_it_had(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock)
    clock.move(100)
    room.apply(c.Pause())
    assert "already paused" in refused(room, c.Pause())
    clock.move(3600)
    assert not room.clock_ran_out(clock())
    view = view_for(room, room.members["m3"])["clock"]
    assert view["paused"] and view["left"] == 200 and view["deadline"] is None
    room.apply(c.Resume())
    assert room.timer.deadline == clock() + 200
    clock.move(199)
    assert not room.clock_ran_out(clock())
    clock.move(1)
    assert room.clock_ran_out(clock())
    actions = [line["action"] for line in log_of(room)[1:] if line["kind"] == "control"]
    assert actions == ["start", "pause", "resume"]


def test_added_time_moves_the_deadline_running_or_paused(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock)
    room.apply(c.AddTime(60))
    assert room.timer.deadline == START + 360
    room.apply(c.Pause())
    room.apply(c.AddTime(300))
    room.apply(c.Resume())
    assert room.timer.deadline == START + 660
    clock.move(659)
    assert not room.clock_ran_out(clock())
    assert "between one second and an hour" in refused(room, c.AddTime(0))
    assert [(line["action"], line.get("seconds")) for line in log_of(room)[1:] if line["kind"] == "control"] == [
        ("start", None), ("add_time", 60), ("pause", None), ("add_time", 300), ("resume", None)]


def test_a_pause_holds_the_next_days_clock_too(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock)
    first_day_resolved(room)
    room.apply(c.Pause())
    clock.move(600)
    room.apply(c.NextDay())
    assert room.timer.deadline is None and room.timer.left == 300
    clock.move(6000)
    assert not room.clock_ran_out(clock())


def test_the_teacher_can_change_the_rooms_minutes_and_the_letters_delay(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock)
    assert room.letter_minutes == crisis.letter_delay_minutes == 3
    room.apply(c.Timing(minutes=7, letter_minutes=1))
    assert (room.minutes, room.letter_minutes) == (7, 1)
    assert "between 0 and 240" in refused(room, c.Timing(minutes=0))
    assert view_for(room, TEACHER)["console"]["minutes"] == 7


# --- injects ------------------------------------------------------------------------------------------
def test_a_news_flash_is_logged_and_shown_to_both_teams_and_the_projector(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock)
    clock.move(42)
    before = room.session.state.values
    room.apply(c.InjectNews("Radio Moscow\x07 reports <b>calm</b>"))
    assert room.session.state.values == before
    for viewer in (room.members["m1"], room.members["m4"], PROJECTOR):
        assert view_for(room, viewer)["news"][-1]["text"] == "Radio Moscow reports <b>calm</b>"
    assert log_of(room)[-1] == {"kind": "inject", "at": "2027-01-15T08:00:42Z", "day": "oct16", "inject": "news",
                                "text": "Radio Moscow reports <b>calm</b>"}
    assert "needs some text" in refused(room, c.InjectNews("  \x00 "))


def test_a_moved_meter_is_applied_logged_with_its_reason_and_told(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock)
    tension = crisis.variables["tension"]
    before = room.session.state.values[tension.slot]
    room.apply(c.InjectMeter("tension", 10, "A rumour of a second U-2"))
    assert room.session.state.values[tension.slot] == before + 10
    line = log_of(room)[-1]
    assert (line["inject"], line["meter"], line["by"], line["reason"]) == ("meter", "tension", 10, "A rumour of a second U-2")
    assert line["values"]["tension"] == before + 10
    news = view_for(room, room.members["m2"])["news"][-1]
    assert (news["kind"], news["by"], news["text"]) == ("meter", 10, "A rumour of a second U-2")
    assert "no meter 'tenshun'" in refused(room, c.InjectMeter("tenshun", 5, "why"))
    assert "say why" in refused(room, c.InjectMeter("tension", 5, " "))


def test_a_fired_event_is_applied_logged_and_shown_as_news(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock)
    event = next(e for e in crisis.events if e.once and not e.ending)
    room.apply(c.InjectEvent(event.id))
    assert event.id in room.session.state.fired
    line = log_of(room)[-1]
    assert (line["inject"], line["event"], line["day"]) == ("event", event.id, "oct16")
    assert view_for(room, room.members["m1"])["news"][-1]["title"] == event.title.get("en")
    assert "only once" in refused(room, c.InjectEvent(event.id))
    assert "no event 'nothing_at_all'" in refused(room, c.InjectEvent("nothing_at_all"))


def test_injects_wait_for_open_orders(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock)
    first_day_resolved(room)
    assert "open the next day first" in refused(room, c.InjectNews("Too late"))


def test_an_event_that_ends_the_game_ends_it(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock)
    event = next(e for e in crisis.events if e.ending)
    room.apply(c.InjectEvent(event.id))
    assert room.phase == "ended" and room.session.state.ending == event.ending
    assert log_of(room)[-1] == {"kind": "ending", "at": "2027-01-15T08:00:00Z", "ending": event.ending, "early": False}


# --- letters and public statements ------------------------------------------------------------------
def test_a_letter_arrives_after_its_delay_and_never_before(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock)
    room.apply(c.Send("m1", "Dear Chairman,\n\n\n\nturn the ships.", False))
    soviet, american = room.members["m4"], room.members["m3"]
    assert view_for(room, soviet)["correspondence"] == []
    mine = view_for(room, american)["correspondence"]
    assert [(m["text"], m["arrived"], m["mine"]) for m in mine] == [("Dear Chairman,\n\nturn the ships.", False, True)]
    assert not room.tick(clock.move(179))
    assert view_for(room, soviet)["correspondence"] == []
    assert room.tick(clock.move(1))  # three minutes, as the scenario says: delivered
    received = view_for(room, soviet)["correspondence"]
    assert [(m["from"], m["author"], m["arrived"], m["mine"]) for m in received] == [("kennedy", "Ann", True, False)]
    assert log_of(room)[-1] == {"kind": "message", "at": "2027-01-15T08:00:00Z", "day": "oct16", "from": "kennedy",
                                "to": "khrushchev", "public": False, "text": "Dear Chairman,\n\nturn the ships.",
                                "arrives_at": "2027-01-15T08:03:00Z", "author": "Ann"}
    assert "on_its_way" not in json.dumps(view_for(room, PROJECTOR))
    assert view_for(room, PROJECTOR)["statements"] == []


def test_a_public_statement_reaches_everyone_at_once(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock)
    room.apply(c.Send("m2", "The Soviet Union wants peace.", True))
    for viewer in (room.members["m1"], room.members["m3"]):
        assert view_for(room, viewer)["correspondence"][0]["text"] == "The Soviet Union wants peace."
    assert view_for(room, PROJECTOR)["statements"][0]["from_name"] == "Nikita Khrushchev"
    assert view_for(room, TEACHER)["console"]["messages"][0]["public"] is True
    line = log_of(room)[-1]
    assert (line["to"], line["public"], line["arrives_at"]) == ("all", True, line["at"])


def test_only_a_leader_writes_within_the_limits(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock)
    assert "Only the team's leader" in refused(room, c.Send("m3", "Hello", False))
    assert "Write something first" in refused(room, c.Send("m1", "\x00\u202e ", False))
    room.apply(c.Send("m1", "x" * 5000, False))
    assert len(room.letters[-1].text) == 600
    assert "Wait a few seconds" in refused(room, c.Send("m1", "again", False))
    assert "no such team" in refused(room, c.Send("m1", "me", False, to="kennedy"))


def test_the_teacher_sees_every_letter_even_in_transit(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock)
    room.apply(c.Send("m1", "Private", False))
    messages = view_for(room, TEACHER)["console"]["messages"]
    assert [(m["text"], m["arrived"]) for m in messages] == [("Private", False)]


def test_plain_text_keeps_line_breaks_and_drops_control_characters():
    assert plain_text("a\r\nb\x1b[31m\tc\u200b\n\n\n\nd") == "a\nb[31m c\n\nd"


# --- undo and ending early -----------------------------------------------------------------------------
def test_undo_takes_back_the_last_day_and_opens_its_orders_again(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock)
    first_day_resolved(room, "rush_sites")
    room.apply(c.NextDay())
    clock.move(30)
    room.apply(c.Undo())
    assert room.phase == "deciding" and room.session.day.id == "oct16" and not room.session.state.history
    assert room.timer.deadline == clock() + 300
    assert log_of(room)[-1] == {"kind": "control", "at": "2027-01-15T08:00:30Z", "day": "oct16", "action": "undo"}
    assert "no resolved day" in refused(room, c.Undo())


def test_ending_early_gives_the_ending_the_calendars_end_would_bring(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock)
    room.apply(c.End())
    assert room.phase == "ended" and room.ended_early
    control, ending = log_of(room)[-2:]
    assert control["action"] == "end" and control["ending"] == ending["ending"] == room.session.state.ending
    assert ending["early"] is True
    assert "has ended" in refused(room, c.Pause())


# --- the log ------------------------------------------------------------------------------------------
def test_the_rooms_log_line_by_line(crisis):
    clock = FakeClock()
    room = class_of(crisis, clock)
    clock.move(10)
    room.apply(c.Recommend("m3", "convene_excomm", "Talk first."))
    clock.move(10)
    room.apply(c.InjectNews("A storm in the Caribbean"))
    clock.move(10)
    room.apply(c.Send("m2", "We are watching.", True))
    clock.move(10)
    room.apply(c.Order("m1", "convene_excomm"))
    clock.move(10)
    room.apply(c.Order("m2", "keep_building"))
    lines = log_of(room)
    assert lines[0]["front_end"] == "classroom" and lines[0]["room"] == "ACDEFG" and lines[0]["version"] == 2
    assert lines[0]["started"] == "2027-01-15T08:00:00Z"
    assert lines[0]["players"] == {"kennedy": "team", "khrushchev": "team"}
    assert [line["kind"] for line in lines[1:]] == ["control", "inject", "message", "day"]
    day = lines[-1]
    assert day["orders"] == {"kennedy": "convene_excomm", "khrushchev": "keep_building"}
    assert day["decided_by"] == {"kennedy": "team", "khrushchev": "team"}
    assert day["recommendations"] == [{"role": "kennedy", "advisor": "rfk", "student": "Cat", "choice": "convene_excomm",
                                       "reason": "Talk first.", "at": "2027-01-15T08:00:10Z"}]
    assert (day["opened_at"], day["resolved_at"]) == ("2027-01-15T08:00:00Z", "2027-01-15T08:00:50Z")
