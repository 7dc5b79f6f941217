"""Nothing is lost: a real ``brink host`` killed with SIGKILL mid-day comes back, when started again,
with the day, the orders and the recommendations already given, and every student back in their
seat by the token their browser kept. Ctrl-C then stops it cleanly."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp

from tests.classroom.conftest import ROOT, Client, run

LAUNCH_TIMEOUT = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class HostProcess:
    def __init__(self, home: Path, port: int):
        environment = {**os.environ, "BRINK_HOME": str(home), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "game", "host", "demo", "--port", str(port), "--bind", "127.0.0.1", "--seed", "3"],
            cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.output = self._read_until("Press Ctrl-C")

    def _read_until(self, marker: str) -> str:
        lines = []
        deadline = time.monotonic() + LAUNCH_TIMEOUT
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            lines.append(line)
            if marker in line:
                return "".join(lines)
        self.process.kill()
        raise AssertionError("the host did not start:\n" + "".join(lines))

    def teacher(self) -> tuple[str, str]:
        found = re.search(r"teacher#([A-Z]{6})\.([\w-]+)", self.output)
        assert found, self.output
        return found.group(1), found.group(2)


async def connect(http, url, opening) -> tuple[Client, dict, dict]:
    """A screen opened with ``opening``: the client, its welcome, and its first state."""
    client = await Client.open(http, url, opening)
    welcome = await client.next("welcome") if opening["type"] != "watch" else {}
    return client, welcome, await client.next("state")


def order_given(state: dict, day: int) -> str | None:
    """The choice a leader's screen shows as their team's order on ``day`` (None before it is given).

    The day is part of the question: a screen's messages are read in the order they came, so a
    state from an earlier day, still unread, may show yesterday's order; taking that for today's
    made the test kill the host before today's order had even reached it."""
    if (state.get("day") or {}).get("number") != day:
        return None
    return ((state.get("team") or {}).get("order") or {}).get("choice")


def test_a_host_killed_mid_day_comes_back_with_everything(tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/ws"
    first = HostProcess(tmp_path, port)
    code, teacher_token = first.teacher()
    tokens = {}

    async def before_the_crash():
        async with aiohttp.ClientSession() as http:
            seats = {"Ann": ("kennedy", "leader"), "Cat": ("kennedy", "rfk"), "Bob": ("khrushchev", "leader")}
            sockets = {}
            for name, (team, place) in seats.items():
                client, welcome, _ = await connect(http, url, {"type": "join", "room": code, "name": name})
                tokens[name] = welcome["token"]
                await client.send({"type": "sit", "team": team, "place": place})
                await client.until(lambda state: state["you"]["seat"])
                sockets[name] = client
            teacher, _, _ = await connect(http, url, {"type": "resume", "room": code, "token": teacher_token})
            await teacher.send({"type": "start"})
            await teacher.until(lambda state: state["phase"] == "deciding")
            await sockets["Ann"].send({"type": "order", "choice": "wait_and_watch"})
            # Bob orders once the room shows Ann's order, so her screen is always sent a day-1
            # state with an order given (unread until day 2: the trap order_given steps around)
            await teacher.until(lambda state: state["console"]["teams"][0]["order"])
            await sockets["Bob"].send({"type": "order", "choice": "hold_firm"})
            await teacher.until(lambda state: state["phase"] == "resolved")
            await teacher.send({"type": "next_day"})
            await teacher.until(lambda state: state["phase"] == "deciding")
            await sockets["Cat"].send({"type": "recommend", "choice": "quarantine",
                                       "reason": "A line at sea leaves Moscow a way back."})
            await sockets["Cat"].until(lambda state: (state.get("day") or {}).get("number") == 2
                                           and state["team"]["recommendations"])
            await sockets["Ann"].send({"type": "order", "choice": "quarantine"})
            await sockets["Ann"].until(lambda state: order_given(state, day=2) == "quarantine")

    run(before_the_crash())
    first.process.send_signal(signal.SIGKILL)
    first.process.wait(10)

    second = HostProcess(tmp_path, port)
    assert "1 room from before is back" in second.output and code in second.output

    async def after_the_restart():
        async with aiohttp.ClientSession() as http:
            ann, _, ann_sees = await connect(http, url, {"type": "resume", "room": code, "token": tokens["Ann"]})
            cat, _, cat_sees = await connect(http, url, {"type": "resume", "room": code, "token": tokens["Cat"]})
            wall, _, projector = await connect(http, url, {"type": "watch", "room": code})
            assert ann_sees["day"]["number"] == 2 and ann_sees["phase"] == "deciding"
            assert ann_sees["you"]["name"] == "Ann" and ann_sees["you"]["seat"]["place"] == "leader"
            assert ann_sees["team"]["order"]["choice"] == "quarantine"
            assert [(r["student"], r["choice"], r["reason"]) for r in cat_sees["team"]["recommendations"]] == \
                   [("Cat", "quarantine", "A line at sea leaves Moscow a way back.")]
            assert [team["decided"] for team in projector["teams"]] == [True, False]
            bob, _, _ = await connect(http, url, {"type": "resume", "room": code, "token": tokens["Bob"]})
            await bob.send({"type": "order", "choice": "hold_firm"})
            resolved = await wall.until(lambda state: state["phase"] != "deciding")
            assert resolved["phase"] == "resolved"
            assert [order["label"] for order in resolved["resolution"]["orders"]][0] == "Announce a quarantine"

    try:
        run(after_the_restart())
    finally:
        second.process.send_signal(signal.SIGINT)  # Ctrl-C
        remaining, _ = second.process.communicate(timeout=15)
    assert second.process.returncode == 0
    assert "The host has stopped; every room is kept." in remaining
