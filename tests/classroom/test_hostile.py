"""Bad input and strangers: every hostile message gets an error frame and a log line, and the room
goes on as if it had never been sent."""

from __future__ import annotations

import json
import logging

import aiohttp
import pytest

from game.classroom import protocol
from game.classroom.protocol import ProtocolError
from tests.classroom.conftest import Client, run


async def receive(client: Client, kind: str | None = None) -> dict:
    return await client.next(kind, timeout=5)


async def joined(http, host, room, name, team=None, place=None):
    client = await Client.open(http, host.ws, {"type": "join", "room": room.code, "name": name})
    welcome = await client.next("welcome")
    await client.next("state")
    if team:
        await client.send({"type": "sit", "team": team, "place": place})
        await client.until(lambda state: state["you"]["seat"])
    welcome["state"] = client.view
    return client, welcome


async def teacher(http, host, room):
    client = await Client.open(http, host.ws, {"type": "resume", "room": room.code, "token": room.teacher_token})
    await client.next("state")
    return client


@pytest.fixture
def room(host, demo):
    return host.new_room(demo)


def test_an_oversized_message_is_refused_and_the_connection_goes_on(host, room, caplog):
    async def scenario():
        async with aiohttp.ClientSession() as http:
            socket, _ = await joined(http, host, room, "Ann", "kennedy", "leader")
            version = host.room(room.code).version
            await socket.socket.send_str(json.dumps({"type": "sit", "team": "x" * 5000, "place": None}))
            error = await receive(socket, "error")
            assert "too large" in error["message"]
            await socket.socket.send_str("y" * 100_000)  # beyond the websocket's own limit: closed, nothing else
            closing = await socket.socket.receive(timeout=5)
            assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)
            assert host.room(room.code).version == version
            again, _ = await joined(http, host, room, "Bob")  # the server carries on
            await again.close()
    with caplog.at_level(logging.WARNING, logger="brink.classroom"):
        run(scenario())
    assert any("bad message" in record.getMessage() for record in caplog.records)


def test_malformed_json_and_messages_of_the_wrong_shape_are_refused(host, room, caplog):
    async def scenario():
        async with aiohttp.ClientSession() as http:
            socket, _ = await joined(http, host, room, "Ann")
            answers = []
            for frame in ("{not json", "[1, 2]", json.dumps({"type": "launch"}), json.dumps({"no": "type"}),
                          json.dumps({"type": "sit", "team": 7, "place": None}),
                          json.dumps({"type": "recommend", "choice": "x"}),
                          json.dumps({"type": "order", "choice": "wait_and_watch", "v": 2}),
                          json.dumps({"type": "configure", "vote": "yes"})):
                await socket.socket.send_str(frame)
                answers.append((await receive(socket, "error"))["message"])
            await socket.socket.send_bytes(b"\x00\x01")
            answers.append((await receive(socket, "error"))["message"])
            return answers
    with caplog.at_level(logging.WARNING, logger="brink.classroom"):
        answers = run(scenario())
    assert answers == ["That message is not JSON.", "A message is a JSON object with a 'type'.",
                       "Unknown message type.", "Unknown message type.", "'team' must be an id or null.",
                       "A 'recommend' message needs 'reason'.", "This server speaks protocol version 1.",
                       "'vote' must be true or false.", "That message is not JSON."]
    assert sum("bad message" in r.getMessage() or "binary" in r.getMessage() for r in caplog.records) == 9


def test_a_command_in_the_wrong_phase_is_refused(host, room):
    async def scenario():
        async with aiohttp.ClientSession() as http:
            socket, _ = await joined(http, host, room, "Ann", "kennedy", "leader")
            await socket.send({"type": "order", "choice": "wait_and_watch"})
            early = (await receive(socket, "error"))["message"]
            master = await teacher(http, host, room)
            await master.send({"type": "next_day"})
            not_yet = (await receive(master, "error"))["message"]
            return early, not_yet
    assert run(scenario()) == ("Orders are not open now.", "The day is not resolved yet.")


def test_a_student_cannot_act_for_another_seat_nor_as_the_teacher(host, room):
    async def scenario():
        async with aiohttp.ClientSession() as http:
            ann, _ = await joined(http, host, room, "Ann", "kennedy", "leader")
            bob, bobs = await joined(http, host, room, "Bob", "khrushchev", "leader")
            answers = []
            # naming another member in a message is no way in: the connection is the seat
            await ann.send({"type": "order", "choice": "wait_and_watch", "member": bobs["member"]})
            answers.append((await receive(ann, "error"))["message"])
            await ann.send({"type": "start"})
            answers.append((await receive(ann, "error"))["message"])
            await ann.send({"type": "seat", "member": bobs["member"], "team": None, "place": None})
            answers.append((await receive(ann, "error"))["message"])
            # nor is a guessed token, or the teacher's with a letter changed
            stranger = Client(await http.ws_connect(host.ws))
            forged = room.teacher_token[:-1] + ("A" if room.teacher_token[-1] != "A" else "B")
            for token in ("guess", bobs["token"][:-2] + "xx", forged):
                await stranger.send({"type": "resume", "room": room.code, "token": token})
                answers.append((await receive(stranger, "error"))["message"])
            # and a seat's token works only in its own room
            return answers
    answers = run(scenario())
    assert answers[0] == "Unexpected field 'member' in a 'order' message."
    assert answers[1:3] == ["Only the teacher can do that."] * 2
    assert answers[3:] == ["That seat is not in this room any more: join again with your name."] * 3
    assert host.room(room.code).started is False


def test_a_wrong_room_code_is_refused_kindly(host, room):
    async def scenario():
        async with aiohttp.ClientSession() as http:
            socket = await Client.open(http, host.ws, {"type": "join", "room": "QQQQQQ", "name": "Ann"})
            return (await receive(socket, "error"))["message"]
    assert run(scenario()) == "There is no room QQQQQQ on this server. Check the code on the projector."


def test_flooding_is_refused_then_the_connection_is_closed_and_the_room_goes_on(host, room, caplog):
    async def scenario():
        async with aiohttp.ClientSession() as http:
            socket, _ = await joined(http, host, room, "Ann", "kennedy", "leader")
            for _ in range(400):
                await socket.send({"type": "sit", "team": "kennedy", "place": "leader"})
            kinds = []
            while True:
                frame = await socket.socket.receive(timeout=10)
                if frame.type is not aiohttp.WSMsgType.TEXT:
                    break
                message = json.loads(frame.data)
                kinds.append(message.get("message") if message["type"] == "error" else message["type"])
            calm, _ = await joined(http, host, room, "Bob", "khrushchev", "leader")
            await calm.close()
            return kinds, frame
    with caplog.at_level(logging.WARNING, logger="brink.classroom"):
        kinds, closing = run(scenario())
    assert "Too many messages: slow down." in kinds
    assert kinds.count("Too many messages: slow down.") < 10  # one a second, not one per message
    assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    assert any("closed for flooding" in record.getMessage() for record in caplog.records)
    assert [m.name for m in host.room(room.code).members.values()] == ["Ann", "Bob"]


def test_names_that_look_like_html_stay_text_in_every_view(host, room):
    names = ["<script>alert('x')</script>", '<img src=x onerror="alert(1)">']

    async def scenario():
        async with aiohttp.ClientSession() as http:
            for name in names:
                socket, welcome = await joined(http, host, room, name, "kennedy", "rfk" if "img" in name else "leader")
                await socket.close()
            return welcome["state"]
    state = run(scenario())
    members = [m["name"] for team in state["teams"] for m in team["members"]]
    assert members == names  # the view carries the names as they were typed; the page shows them as text


def test_the_protocol_checks_each_field_of_each_type():
    with pytest.raises(ProtocolError, match="too long"):
        protocol.parse(json.dumps({"type": "recommend", "choice": "a", "reason": "x" * 501}))
    with pytest.raises(ProtocolError, match="empty"):
        protocol.parse(json.dumps({"type": "join", "room": "ABCDEF", "name": "   "}))
    message = protocol.parse(json.dumps({"type": "recommend", "choice": "a", "reason": "Почему бы и нет" * 30}))
    assert message["choice"] == "a"
    assert protocol.parse(json.dumps({"type": "sit", "team": None, "place": None})).fields == {"team": None, "place": None}


def test_the_consoles_messages_are_checked_at_the_edge():
    for bad, why in [({"type": "add_time", "seconds": "60"}, "must be a number"),
                     ({"type": "add_time", "seconds": True}, "must be a number"),
                     ({"type": "add_time", "seconds": 1.5}, "must be a number"),
                     ({"type": "add_time", "seconds": 86_400}, "between 1 and 3600"),
                     ({"type": "inject_meter", "meter": "tension", "by": float("nan"), "reason": "x"}, "must be a number"),
                     ({"type": "inject_meter", "meter": "tension", "by": 1e300, "reason": "x"}, "between"),
                     ({"type": "inject_news", "text": "x" * 301}, "too long"),
                     ({"type": "send", "text": "x" * 601, "public": False, "to": None}, "too long"),
                     ({"type": "send", "text": "hello", "public": "yes", "to": None}, "true or false"),
                     ({"type": "timing", "minutes": 0}, "between"),
                     ({"type": "resume_clock", "now": 1}, "Unexpected field")]:
        with pytest.raises(ProtocolError, match=why):
            protocol.parse(json.dumps(bad))
    assert protocol.parse(json.dumps({"type": "add_time", "seconds": 300.0}))["seconds"] == 300
    assert protocol.parse(json.dumps({"type": "timing", "letter_minutes": 2})).fields == {"minutes": None, "letter_minutes": 2}


def test_a_student_cannot_work_the_console_and_only_a_leader_writes(host, room):
    async def scenario():
        async with aiohttp.ClientSession() as http:
            ann, _ = await joined(http, host, room, "Ann", "kennedy", "leader")
            cat, _ = await joined(http, host, room, "Cat", "kennedy", "rfk")
            boss = await teacher(http, host, room)
            await boss.send({"type": "start"})
            await ann.until(lambda state: state["phase"] == "deciding")
            answers = []
            for message in ({"type": "pause"}, {"type": "add_time", "seconds": 60}, {"type": "get_log"},
                            {"type": "inject_news", "text": "Ann rules"}, {"type": "undo"}, {"type": "end"}):
                await ann.send(message)
                answers.append((await receive(ann, "error"))["message"])
            await cat.send({"type": "send", "text": "From an advisor", "public": True, "to": None})
            answers.append((await receive(cat, "error"))["message"])
            # the teacher gets the room's log on asking, as the file has it
            await boss.send({"type": "get_log"})
            log = await receive(boss, "log")
            return answers, log
    answers, log = run(scenario())
    assert answers[:6] == ["Only the teacher can do that."] * 6
    assert answers[6] == "Only the team's leader writes to the other team."
    room_now = host.room(room.code)
    assert not room_now.timer.paused and not room_now.news and not room_now.letters
    lines = [json.loads(line) for line in log["text"].splitlines()]
    assert log["name"] == f"brinkmanship-{room.code}.jsonl"
    assert lines[0]["room"] == room.code and [line["kind"] for line in lines[1:]] == ["control"]
    host.background.call(host.classroom.finish_writes)  # the log is written on a thread of its own
    assert log["text"] == host.classroom.log_path(room_now).read_text(encoding="utf-8")
