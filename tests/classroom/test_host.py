"""``brink host``'s words on the terminal: the address students type, the code, a QR code, the token."""

from __future__ import annotations

import io

import pytest

from game.classroom import codes, host
from game.classroom.room import Room


class Terminal(io.StringIO):
    def __init__(self, encoding: str):
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self):
        return self._encoding


def test_room_codes_are_six_letters_without_look_alikes():
    made = {codes.new_code() for _ in range(300)}
    assert all(len(code) == 6 and set(code) <= set(codes.ALPHABET) for code in made)
    assert not set("ILOQSZBUV01258") & set(codes.ALPHABET)
    assert codes.new_code(taken=made) not in made
    assert codes.normalise_code(" kmt-xpa ") == "KMTXPA"
    assert codes.normalise_code("KMTXP") is None and codes.normalise_code("KMTXPO") is None


def test_the_address_is_the_machines_own_on_the_network_or_says_there_is_none(monkeypatch):
    monkeypatch.setattr(host, "lan_address", lambda: "192.168.1.20")
    assert host.address_for("0.0.0.0", 8765) == host.Address("http://192.168.1.20:8765/", True, 8765)
    monkeypatch.setattr(host, "lan_address", lambda: None)
    assert host.address_for("0.0.0.0", 8765) == host.Address("http://127.0.0.1:8765/", False, 8765)
    assert host.address_for("10.0.0.5", 9000) == host.Address("http://10.0.0.5:9000/", True, 9000)


def test_loopback_and_link_local_addresses_are_not_what_students_can_reach():
    assert not host._reachable("127.0.0.1") and not host._reachable("169.254.3.4") and not host._reachable("0.0.0.0")
    assert host._reachable("192.168.1.20") and host._reachable("10.1.2.3")


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_the_terminal_shows_the_code_a_qr_code_and_the_teachers_token(demo, encoding):
    room = Room("KMTXPA", demo, 3, "the-teachers-token", 0.0)
    out = Terminal(encoding)
    host.print_room(room, host.Address("http://192.168.1.20:8765/", True), out)
    text = out.getvalue()
    assert "Students open    http://192.168.1.20:8765/  and type the code KMTXPA" in text
    assert "http://192.168.1.20:8765/teacher#KMTXPA.the-teachers-token" in text
    qr = [line for line in text.splitlines() if line.startswith("    ") and set(line.strip()) <= set("\u2580\u2584\u2588 #")]
    assert len(qr) >= 12  # a QR code of 25 modules or more, two rows a line (or one, in plain ASCII)
    text.encode(encoding)  # nothing the terminal cannot show


def test_brink_host_takes_a_decision_time_in_minutes(capsys):
    from game.cli import build_parser

    parser = build_parser()
    assert parser.parse_args(["host", "--minutes", "7.5"]).minutes == 7.5
    assert parser.parse_args(["host"]).minutes is None
    for bad in ("0", "-3", "300", "soon"):
        with pytest.raises(SystemExit) as exit_:
            parser.parse_args(["host", "--minutes", bad])
        assert exit_.value.code == 2
    assert "minutes" in capsys.readouterr().err


def test_a_new_rooms_minutes_are_its_first_command(tmp_path, demo):
    from game.classroom import commands as c
    from game.classroom.server import Classroom
    from game.classroom.store import RoomStore

    classroom = Classroom(RoomStore(tmp_path / "rooms.sqlite3"))
    room = classroom.create_room(demo, seed=1, minutes=8)
    assert room.minutes == 8
    assert [command for _, command in classroom.store.commands(room.code)] == [c.Timing(minutes=8)]
    out = io.StringIO()
    host.print_room(room, host.Address("http://192.168.1.20:8765/", True), out, log_path=classroom.log_path(room))
    assert "Decision time    8 minutes a day; the session log is written to" in out.getvalue()
