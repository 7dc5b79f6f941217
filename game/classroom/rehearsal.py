"""Scripted students: a class of bots that play a room over real websockets, as browsers do.

For the tests (a whole game with two teams of advisors and leaders and the teacher, every
message one seat receives recorded) and the load benchmark (ten rooms of twelve at once). Each
bot joins with a name, takes its seat and answers every state it is sent: an advisor
recommends, a leader gives the order once every advisor of the team has spoken, the teacher
starts the game when everyone is seated and opens each next day. Choices follow the record of
1962 where the day has one open, else the first open choice, so a rehearsal is reproducible.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp

LEADER = "leader"


@dataclass
class Bot:
    """One scripted screen: a student (``team`` and ``place``), or the teacher (``teacher_token``)."""

    name: str
    team: str | None = None
    place: str | None = None
    teacher_token: str | None = None
    watcher: bool = False  # the projector: only watches
    expected_students: int = 0  # the teacher starts once this many are seated
    reason: str = ""  # an advisor's reason, with {day} filled in
    history: dict[int, dict[str, str]] = field(default_factory=dict)  # day index -> team -> choice of 1962
    received: list[str] = field(default_factory=list)  # every frame, as sent
    token: str | None = None
    member: str | None = None
    errors: list[str] = field(default_factory=list)
    done: asyncio.Event = field(default_factory=asyncio.Event)
    # for the benchmark: when the last state of each resolution arrived
    resolved_at: dict[int, float] = field(default_factory=dict)
    ordered_at: dict[int, float] = field(default_factory=dict)
    acted: set = field(default_factory=set)
    view: dict[str, Any] = field(default_factory=dict)  # the state as it stands, deltas merged in

    @property
    def is_teacher(self) -> bool:
        return self.teacher_token is not None

    def opening(self, room: str) -> dict[str, Any]:
        if self.watcher:
            return {"type": "watch", "v": 1, "room": room}
        if self.is_teacher:
            return {"type": "resume", "v": 1, "room": room, "token": self.teacher_token}
        if self.token:
            return {"type": "resume", "v": 1, "room": room, "token": self.token}
        return {"type": "join", "v": 1, "room": room, "name": self.name}

    async def play(self, http: aiohttp.ClientSession, url: str, room: str, until_ended: bool = True) -> None:
        """Connect, open, and answer states until the game ends (or the connection closes)."""
        async with http.ws_connect(url, max_msg_size=4 * 1024 * 1024) as socket:
            await socket.send_str(json.dumps(self.opening(room)))
            async for frame in socket:
                if frame.type is not aiohttp.WSMsgType.TEXT:
                    break
                self.received.append(frame.data)
                message = json.loads(frame.data)
                if message["type"] == "welcome":
                    self.token = message.get("token") or self.token
                    self.member = message.get("member")
                    if not self.is_teacher and self.team:
                        await socket.send_str(json.dumps({"type": "sit", "team": self.team, "place": self.place}))
                elif message["type"] == "error":
                    self.errors.append(message["message"])
                elif message["type"] == "state":
                    self.view = merge(self.view, message)
                    await self.answer(socket, self.view)
                    if self.view["phase"] == "ended" and until_ended:
                        break
        self.done.set()

    async def answer(self, socket, view: dict[str, Any]) -> None:
        phase = view["phase"]
        if phase in ("resolved", "ended") and view.get("resolution"):
            self.resolved_at.setdefault(view["resolution"]["day_index"], time.perf_counter())
        if self.is_teacher:
            await self._teach(socket, view)
            return
        if self.watcher:
            return
        team = view.get("team")
        if phase != "deciding" or not team or not team.get("choices") or team.get("order"):
            return
        day = view["day"]["index"]
        choice = self.pick(day, team)
        if self.place == LEADER:
            advisors = [m for t in view["teams"] if t["id"] == self.team for m in t["members"] if m["place"] != LEADER]
            spoken = [r for r in team["recommendations"] if not r["leader"]]
            if len(spoken) >= len(advisors) and ("order", day) not in self.acted:
                self.acted.add(("order", day))
                self.ordered_at[day] = time.perf_counter()
                await socket.send_str(json.dumps({"type": "order", "choice": choice}))
        elif ("recommend", day) not in self.acted:
            self.acted.add(("recommend", day))
            await socket.send_str(json.dumps({"type": "recommend", "choice": choice,
                                              "reason": self.reason.format(day=day)}))

    def pick(self, day: int, team: dict[str, Any]) -> str:
        open_choices = [choice["id"] for choice in team["choices"]]
        recorded = self.history.get(day, {}).get(self.team) if self.team else None
        return recorded if recorded is not None and recorded in open_choices else open_choices[0]

    async def _teach(self, socket, view: dict[str, Any]) -> None:
        phase = view["phase"]
        key = (phase, view.get("day", {}).get("index"))
        if key in self.acted:
            return
        if phase == "lobby":
            seated = sum(len(team["members"]) for team in view["teams"])
            if seated >= self.expected_students:
                self.acted.add(key)
                await socket.send_str(json.dumps({"type": "start"}))
        elif phase == "resolved":
            self.acted.add(key)
            await socket.send_str(json.dumps({"type": "next_day"}))


def merge(view: dict[str, Any], message: dict[str, Any]) -> dict[str, Any]:
    """A state as the browser keeps it: a full one replaces it, a delta changes the fields it
    names (null: the field is gone)."""
    if not message.get("delta"):
        return dict(message)
    merged = dict(view)
    for key, value in message.items():
        if key == "delta":
            continue
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


def history_of(scenario) -> dict[int, dict[str, str]]:
    """What each leader decided in 1962, day by day, for the bots to follow."""
    return {day.index: dict(day.historical) for day in scenario.days}


def class_of(scenario, advisors_per_team: int, teacher_token: str, reason: str = "") -> list[Bot]:
    """A leader and ``advisors_per_team`` advisors for every team, and the teacher."""
    history = history_of(scenario)
    bots = []
    for team, role in scenario.roles.items():
        bots.append(Bot(f"{role.name.get('en').split()[-1]} leader", team, LEADER, history=history))
        for advisor in role.advisors[:advisors_per_team]:
            bots.append(Bot(f"{advisor.name.get('en')} student", team, advisor.id, reason=reason, history=history))
    bots.append(Bot("Teacher", teacher_token=teacher_token, expected_students=len(bots)))
    return bots
