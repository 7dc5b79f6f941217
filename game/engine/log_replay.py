"""Rebuilding a logged game from its seed, orders and injects, and checking it against the log.

The debrief's turning points start games from the state a team stood in before each decision;
that state is not in the log, it is rebuilt here by the same rules the game ran (the seed, each
day's orders, each event or meter inject at its place). The replay checks every rebuilt value
against the logged one, so a report never reasons from a state the class did not see.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from collections.abc import Mapping

from game.engine.injects import FireEvent, IllegalInject, Inject, MoveMeter, apply_inject
from game.engine.log import named_values
from game.engine.log_read import DayLine, InjectLine, SessionLog
from game.engine.resolve import IllegalOrder, resolve_day
from game.engine.state import GameState, new_game
from game.scenario.model import Scenario


@dataclass(frozen=True, slots=True)
class Decision:
    """A logged day and the state its orders were given in (the day's injects already applied)."""

    day: DayLine
    state: GameState


@dataclass(frozen=True, slots=True)
class Replay:
    decisions: tuple[Decision, ...]
    final: GameState
    warnings: tuple[str, ...]  # e.g. the scenario file changed since the game


class ReplayError(ValueError):
    """The log does not replay on this scenario; ``messages`` are ``file:line: error: ...`` lines."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


def inject_of(line: InjectLine) -> Inject | None:
    """The engine's inject for a logged one; news changes no value, so it has none."""
    if line.inject == "event":
        return FireEvent(line.event)
    if line.inject == "meter":
        return MoveMeter(line.meter, line.by, line.reason)
    return None


def replay_log(scenario: Scenario, log: SessionLog) -> Replay:
    """Every decision's state, rebuilt and checked; raises ``ReplayError`` at the first line that differs."""
    warnings = []
    if log.scenario != scenario.id:
        raise ReplayError([f"{log.path}:1: error: the log is of scenario '{log.scenario}', not '{scenario.id}'"])
    if log.digest and log.digest != scenario.digest:
        warnings.append(f"{log.path}:1: warning: the scenario file has changed since this game was played")
    state = new_game(scenario, log.seed)
    _compare(log, 1, "initial", log.initial, named_values(scenario, state.values))
    decisions = []
    for entry in log.entries:
        if isinstance(entry, InjectLine):
            inject = inject_of(entry)
            if inject is None:
                continue
            where = _open_day(scenario, state)
            if entry.day != where:
                _fail(log, entry.line, f"an inject on day '{entry.day}' while the game stood at '{where}'")
            try:
                state = apply_inject(scenario, state, inject)
            except IllegalInject as error:
                _fail(log, entry.line, f"the inject does not apply: {error}")
            if entry.values is not None:
                _compare(log, entry.line, "values", entry.values, named_values(scenario, state.values))
        elif isinstance(entry, DayLine):
            where = _open_day(scenario, state)
            if entry.day != where:
                _fail(log, entry.line, f"day '{entry.day}' where the game stood at '{where}'")
            decisions.append(Decision(entry, state))
            orders = {role: entry.orders.get(role) for role in scenario.roles}
            try:
                state = resolve_day(scenario, state, orders)
            except IllegalOrder as error:
                _fail(log, entry.line, f"the orders do not replay: {error}")
            _compare(log, entry.line, "values", entry.values, named_values(scenario, state.values))
            if entry.ending != state.ending:
                _fail(log, entry.line, f"the log says the day ended in {entry.ending!r}, the replay in {state.ending!r}")
    return Replay(tuple(decisions), state, tuple(warnings))


def _open_day(scenario: Scenario, state: GameState) -> str:
    if state.ended:
        return f"the ending '{state.ending}'"
    return scenario.days[state.day_index].id


def _compare(log: SessionLog, line: int, key: str, logged: Mapping[str, Any], rebuilt: Mapping[str, Any]) -> None:
    for name, value in logged.items():
        if name not in rebuilt:
            _fail(log, line, f"\"{key}\" names '{name}', which this scenario does not have")
        if not _same(value, rebuilt[name]):
            _fail(log, line, f"the replay gives {name} = {rebuilt[name]!r}, the log says {value!r}")


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def _fail(log: SessionLog, line: int, message: str) -> None:
    raise ReplayError([f"{log.path}:{line}: error: {message}"])
