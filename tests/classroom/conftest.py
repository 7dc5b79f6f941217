"""A classroom host on this machine's loopback, with its own room file, for the network tests."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from game.classroom.host import BackgroundHost
from game.classroom.store import RoomStore
from game.scenario.load import load_scenario

ROOT = Path(__file__).resolve().parents[2]
_SCENARIOS: dict[str, object] = {}


def scenario(name: str):
    """A shipped scenario, loaded once per test run."""
    if name not in _SCENARIOS:
        _SCENARIOS[name] = load_scenario(ROOT / "scenarios" / name / "scenario.yaml")
    return _SCENARIOS[name]


@pytest.fixture
def crisis():
    return scenario("cuban_missile_crisis_1962")


@pytest.fixture
def demo():
    return scenario("demo")


class Host:
    """A running host: its rooms, its address, and a way to make a room on its own thread."""

    def __init__(self, background: BackgroundHost):
        self.background = background
        self.classroom = background.classroom
        port = background.address.url.rsplit(":", 1)[1].strip("/")
        self.http = f"http://127.0.0.1:{port}"
        self.ws = f"{self.http}/ws"

    def new_room(self, scenario, seed: int = 7):
        return self.background.call(lambda: self.classroom.create_room(scenario, seed))

    def room(self, code: str):
        return self.background.call(lambda: self.classroom.rooms[code])


@pytest.fixture
def host(tmp_path):
    background = BackgroundHost(RoomStore(tmp_path / "rooms.sqlite3"), bind="127.0.0.1", port=0)
    assert background.start(), background.error
    yield Host(background)
    background.stop()


def strings(value) -> list[str]:
    """Every text in a message or a view, however deep."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


def run(coroutine, timeout: float = 60.0):
    """Run a test's client side to the end, within a time limit."""
    return asyncio.run(asyncio.wait_for(coroutine, timeout))


class Client:
    """One websocket as a browser keeps it: every message read, states merged into the view."""

    def __init__(self, socket):
        self.socket = socket
        self.view: dict = {}

    @classmethod
    async def open(cls, http, url: str, opening: dict) -> Client:
        client = cls(await http.ws_connect(url))
        await client.send(opening)
        return client

    async def send(self, message: dict) -> None:
        await self.socket.send_json(message)

    async def next(self, kind: str | None = None, timeout: float = 10) -> dict:
        """The next message (of a kind, skipping others); a state comes back merged."""
        from game.classroom.rehearsal import merge

        while True:
            message = json.loads((await self.socket.receive(timeout=timeout)).data)
            if message["type"] == "state":
                self.view = merge(self.view, message)
                message = self.view
            if kind is None or message["type"] == kind:
                return message

    async def until(self, check, timeout: float = 10) -> dict:
        """The first state, merged, for which ``check`` holds (no error on the way)."""
        while True:
            message = await self.next(timeout=timeout)
            assert message["type"] != "error", message["message"]
            if message["type"] == "state" and check(message):
                return message

    async def close(self) -> None:
        await self.socket.close()
