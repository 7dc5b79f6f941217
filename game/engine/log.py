"""The session log, version 2: one JSON object a line, the same for the window, the text mode and a classroom.

docs/log-format.md is the format's description; ``brink report`` reads it back. A log is a
header, then lines in the order things happened: resolved days, the teacher's injects,
messages between teams, the teacher's hand on the clock, the ending. Wall-clock times come in
as numbers (seconds since the epoch) from whoever keeps them (``PlayTimes`` here for the
window and the text mode, the room's commands for a classroom), so the same game with the same
times writes a byte-identical log, and a replayed room rebuilds the very log it had.

The log is rewritten atomically after every change: a crash loses at most the decision in progress.
"""

from __future__ import annotations

import datetime
import json
import os
import time
from dataclasses import dataclass, field
from typing import Any
from collections.abc import Callable, Iterable, Mapping, Sequence

from game.engine.atomic import write_atomically
from game.engine.state import DayRecord, GameState
from game.scenario.model import Scenario

LOG_FORMAT = "brinkmanship-log"
LOG_VERSION = 2
FRONT_ENDS = ("window", "text", "classroom")
# who gave a role's order on a day (``decided_by``)
DECIDERS = ("player", "team", "vote", "clock", "computer")
HUMAN = "human"


def utc_stamp(seconds: float | None) -> str | None:
    """A wall-clock time as the log writes it: UTC, ISO 8601 to the second, with a Z."""
    if seconds is None:
        return None
    moment = datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def named_values(scenario: Scenario, values: tuple) -> dict[str, Any]:
    result: dict[str, Any] = {v.id: values[v.slot] for v in scenario.variables.values()}
    result.update({"flags." + f.id: values[f.slot] for f in scenario.flags.values()})
    result.update({d.id: d.value(values) for d in scenario.derived.values()})
    return result


def header(scenario: Scenario, seed: int, players: Mapping[str, str], front_end: str, started: float | None,
           room: str | None = None) -> dict[str, Any]:
    line: dict[str, Any] = {"format": LOG_FORMAT, "version": LOG_VERSION, "scenario": scenario.id,
                            "digest": scenario.digest, "seed": seed, "front_end": front_end}
    if room is not None:
        line["room"] = room
    line["started"] = utc_stamp(started)
    line["players"] = dict(players)
    line["initial"] = named_values(scenario, tuple(scenario.initial_values()))
    return line


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One advisor's recommendation of a day in a classroom, as the log keeps it."""

    role: str
    advisor: str
    student: str
    choice: str
    reason: str
    at: float


def day_line(scenario: Scenario, record: DayRecord, players: Mapping[str, str], *, opened_at: float | None = None,
             resolved_at: float | None = None, decided_by: Mapping[str, str] | None = None,
             recommendations: Iterable[Recommendation] = ()) -> dict[str, Any]:
    """A resolved day. ``decided_by`` defaults to ``player`` for human seats and ``computer``
    for the others; a role that had no order that day (nothing was open to it) is left out."""
    day = scenario.days[record.day_index]
    orders = dict(record.orders)
    deciders = {}
    for role_id, choice_id in record.orders:
        if choice_id is None:
            continue
        given = (decided_by or {}).get(role_id)
        deciders[role_id] = given or ("player" if players.get(role_id) == HUMAN else "computer")
    line = {
        "kind": "day",
        "day": record.day_id,
        "date": day.date,
        "opened_at": utc_stamp(opened_at),
        "resolved_at": utc_stamp(resolved_at),
        "orders": orders,
        "decided_by": deciders,
        "recommendations": [{"role": r.role, "advisor": r.advisor, "student": r.student, "choice": r.choice,
                             "reason": r.reason, "at": utc_stamp(r.at)} for r in recommendations],
        "interactions": list(record.interactions),
        "events": list(record.events),
        "delayed": list(record.delayed),
        "values": named_values(scenario, record.values_after),
        "ending": record.ending,
    }
    off = off_record(scenario, record, players)
    if off:
        line["off_record"] = off
    return line


def off_record(scenario: Scenario, record: DayRecord, players: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """Where a computer seat playing the record could not: the recorded choice was not open that day
    (the game had left history's path), so it took another of the same temper."""
    day = scenario.days[record.day_index]
    found = {}
    for role_id, choice_id in record.orders:
        recorded = day.historical.get(role_id)
        if players.get(role_id) == "historical" and recorded and choice_id != recorded:
            found[role_id] = {"recorded": recorded, "given": choice_id or "",
                              "why": "the recorded choice was not open that day"}
    return found


def inject_line(scenario: Scenario, at: float, day_id: str | None, inject: str, values: tuple | None = None,
                **fields: Any) -> dict[str, Any]:
    """Something the teacher did to the game: ``inject`` is ``event`` (with ``event``), ``news``
    (with ``text``) or ``meter`` (with ``meter``, ``by``, ``reason``); event and meter injects
    carry every meter after them."""
    line = {"kind": "inject", "at": utc_stamp(at), "day": day_id, "inject": inject, **fields}
    if values is not None:
        line["values"] = named_values(scenario, values)
    return line


def message_line(at: float, day_id: str | None, sender: str, to: str, public: bool, text: str, arrives_at: float,
                 author: str) -> dict[str, Any]:
    return {"kind": "message", "at": utc_stamp(at), "day": day_id, "from": sender, "to": to, "public": public,
            "text": text, "arrives_at": utc_stamp(arrives_at), "author": author}


def control_line(at: float, day_id: str | None, action: str, **fields: Any) -> dict[str, Any]:
    return {"kind": "control", "at": utc_stamp(at), "day": day_id, "action": action, **fields}


def ending_line(at: float, ending: str | None, early: bool) -> dict[str, Any]:
    return {"kind": "ending", "at": utc_stamp(at), "ending": ending, "early": early}


def render_lines(lines: Iterable[Mapping[str, Any]]) -> str:
    # allow_nan=False: strict JSON, never a bare NaN (the rules keep NaN out of every value)
    return "".join(json.dumps(line, ensure_ascii=False, sort_keys=False, allow_nan=False) + "\n" for line in lines)


# --- one screen's game: the window and the text mode ---------------------------------------------
@dataclass
class PlayTimes:
    """The wall-clock times of a game played at one screen: when it started, when each day's
    orders opened and when it was resolved. ``note`` is called after every command; the clock
    is injectable so a test writes the same log every time."""

    clock: Callable[[], float] = time.time
    started: float = 0.0
    opened: dict[int, float] = field(default_factory=dict)
    resolved: dict[int, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.started:
            self.started = self.clock()

    def note(self, state: GameState, deciding: bool) -> None:
        """Record what is new: a day whose orders have just opened, a day just resolved (a day
        taken back and resolved again keeps its first opening and its last resolution)."""
        resolved_days = {record.day_index for record in state.history}
        for index in [i for i in self.resolved if i not in resolved_days]:
            del self.resolved[index]
        if deciding and state.day_index not in self.opened:
            self.opened[state.day_index] = self.clock()
        for index in resolved_days - set(self.resolved):
            self.resolved[index] = self.clock()


def render_log(scenario: Scenario, state: GameState, players: Mapping[str, str], front_end: str = "text",
               times: PlayTimes | None = None) -> str:
    """The log of a game played at one screen (the window or the text mode); without ``times``
    every wall-clock time is null."""
    lines = [header(scenario, state.seed, players, front_end, times.started if times else None)]
    for record in state.history:
        lines.append(day_line(scenario, record, players,
                              opened_at=times.opened.get(record.day_index) if times else None,
                              resolved_at=times.resolved.get(record.day_index) if times else None))
    if state.ended and times is not None and state.history:
        lines.append(ending_line(times.resolved.get(state.history[-1].day_index, times.clock()), state.ending, False))
    return render_lines(lines)


def write_log(path: str | os.PathLike, scenario: Scenario, state: GameState, players: Mapping[str, str],
              front_end: str = "text", times: PlayTimes | None = None) -> None:
    write_atomically(path, render_log(scenario, state, players, front_end, times))


def write_lines(path: str | os.PathLike, lines: Sequence[Mapping[str, Any]]) -> None:
    write_atomically(path, render_lines(lines))
