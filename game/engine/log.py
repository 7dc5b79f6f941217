"""The session log: one JSON line per resolved day, for debriefs, research and replay checks.

The log holds no clock times or machine details, only what the game decided and what followed,
so replaying a game writes a byte-identical log. It is rewritten atomically after every day:
a crash loses at most the decision in progress.
"""

from __future__ import annotations

import json
import os
from typing import Any, Mapping

from game.engine.atomic import write_atomically
from game.engine.state import DayRecord, GameState
from game.scenario.model import Scenario

LOG_FORMAT = "brinkmanship-log"
LOG_VERSION = 1


def named_values(scenario: Scenario, values: tuple) -> dict[str, Any]:
    result: dict[str, Any] = {v.id: values[v.slot] for v in scenario.variables.values()}
    result.update({"flags." + f.id: values[f.slot] for f in scenario.flags.values()})
    result.update({d.id: d.value(values) for d in scenario.derived.values()})
    return result


def record_line(scenario: Scenario, record: DayRecord, players: Mapping[str, str] | None = None) -> dict[str, Any]:
    day = scenario.days[record.day_index]
    line = {
        "day": record.day_id,
        "date": day.date,
        "orders": dict(record.orders),
        "interactions": list(record.interactions),
        "events": list(record.events),
        "delayed": list(record.delayed),
        "values": named_values(scenario, record.values_after),
        "ending": record.ending,
    }
    off = off_record(scenario, record, players or {})
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


def render_log(scenario: Scenario, state: GameState, players: Mapping[str, str]) -> str:
    header = {"format": LOG_FORMAT, "version": LOG_VERSION, "scenario": scenario.id,
              "digest": scenario.digest, "seed": state.seed, "players": dict(players),
              "initial": named_values(scenario, tuple(scenario.initial_values()))}
    lines = [header] + [record_line(scenario, record, players) for record in state.history]
    # allow_nan=False: strict JSON, never a bare NaN (the rules keep NaN out of every value)
    return "".join(json.dumps(line, ensure_ascii=False, sort_keys=False, allow_nan=False) + "\n" for line in lines)


def write_log(path: str | os.PathLike, scenario: Scenario, state: GameState, players: Mapping[str, str]) -> None:
    write_atomically(path, render_log(scenario, state, players))
