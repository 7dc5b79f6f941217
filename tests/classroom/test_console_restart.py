"""The console's state survives the host: a room replayed from its store has the same clock,
the same letters in transit (delivered on time, never early) and writes the same log."""

from __future__ import annotations

from game.classroom import commands as c
from game.classroom.room import LEADER
from game.classroom.server import Classroom
from game.classroom.store import RoomStore
from game.classroom.views import view_for

from tests.classroom.test_console import START, FakeClock


def classroom_at(tmp_path, clock) -> Classroom:
    return Classroom(RoomStore(tmp_path / "rooms.sqlite3"), clock=clock)


def started_room(classroom, scenario, minutes=4):
    room = classroom.create_room(scenario, seed=7, minutes=minutes)
    for number, (name, team) in enumerate([("Ann", "kennedy"), ("Bob", "khrushchev")], 1):
        classroom.act(room, c.Join(f"m{number}", f"token{number}", name, "en"))
        classroom.act(room, c.Sit(f"m{number}", team, LEADER))
    classroom.act(room, c.Start())
    return room


def test_a_restarted_host_has_the_same_clock_letters_and_log(tmp_path, crisis):
    clock = FakeClock()
    first = classroom_at(tmp_path, clock)
    room = started_room(first, crisis)
    clock.move(60)
    first.act(room, c.Pause())
    clock.move(60)
    first.act(room, c.AddTime(60))
    first.act(room, c.Resume())
    first.act(room, c.Send("m1", "Turn the ships.", False))
    first.act(room, c.InjectMeter("tension", 5, "Rumours"))
    log_text = first.log_path(room).read_text()
    deadline = room.timer.deadline
    assert deadline == START + 120 + 240  # 4 minutes, one paused, one added
    first.store.close()

    clock.move(60)  # the host was down for a minute
    second = classroom_at(tmp_path, clock)
    assert second.restore() == []
    again = second.rooms[room.code]
    assert again.timer.deadline == deadline and again.minutes == 4
    assert again.session.state == room.session.state
    assert second.log_path(again).read_text() == log_text
    assert view_for(again, again.members["m2"])["correspondence"] == []  # three minutes are not up
    clock.move(119)  # sent at START + 120: three minutes are up at START + 300
    assert second.tick() == []
    clock.move(1)
    assert second.tick() == [room.code]  # the letter arrives on time, after the restart
    assert [m["text"] for m in view_for(again, again.members["m2"])["correspondence"]] == ["Turn the ships."]


def test_the_clock_runs_out_while_the_host_ticks_and_the_default_is_kept(tmp_path, crisis):
    clock = FakeClock()
    classroom = classroom_at(tmp_path, clock)
    room = started_room(classroom, crisis, minutes=1)
    clock.move(59)
    assert classroom.tick() == []
    clock.move(1)
    assert classroom.tick() == [room.code]
    assert room.phase == "resolved"
    kinds = [command for _, command in classroom.store.commands(room.code)]
    assert isinstance(kinds[-1], c.Expire)
    lines = classroom.log_path(room).read_text().splitlines()
    assert '"decided_by": {"kennedy": "clock", "khrushchev": "clock"}' in lines[-1]
