"""What a teacher may do to a running game between decisions: fire an event, send news, move a meter.

These are rules, so they live with the engine: the classroom applies them as the teacher acts,
and the debrief report applies the same ones when it replays a logged session, so the replay
reaches the very state the class saw. An inject never touches the dice of the days: a game
with the same seed, orders and injects is the same game.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from game.engine.resolve import fire
from game.engine.state import GameState, check_derived
from game.scenario.model import Scenario


@dataclass(frozen=True, slots=True)
class FireEvent:
    """One of the scenario's events happens now, whatever its dice, days or conditions say."""

    event: str


@dataclass(frozen=True, slots=True)
class NewsFlash:
    """A line of news the teacher writes; it changes no value."""

    text: str


@dataclass(frozen=True, slots=True)
class MoveMeter:
    """A variable moves by ``by`` (clamped to its range), for a reason both teams are told."""

    meter: str
    by: float
    reason: str


Inject = FireEvent | NewsFlash | MoveMeter


class IllegalInject(ValueError):
    """An inject that does not fit the scenario or the moment; the message is for the teacher."""


def check_inject(scenario: Scenario, state: GameState, inject: Inject) -> None:
    """Raise ``IllegalInject`` unless ``inject`` can be applied to ``state``."""
    if state.ended:
        raise IllegalInject("the game has ended")
    if isinstance(inject, FireEvent):
        if not any(event.id == inject.event for event in scenario.events):
            raise IllegalInject(f"there is no event '{inject.event}' in this scenario")
        event = next(event for event in scenario.events if event.id == inject.event)
        if event.once and event.id in state.fired:
            raise IllegalInject(f"'{inject.event}' has already happened, and it happens only once")
    elif isinstance(inject, MoveMeter):
        if inject.meter not in scenario.variables:
            raise IllegalInject(f"there is no meter '{inject.meter}' in this scenario")
        if isinstance(inject.by, bool) or not isinstance(inject.by, (int, float)) or not math.isfinite(inject.by):
            raise IllegalInject("a meter moves by a finite number")
        if not inject.reason.strip():
            raise IllegalInject("say why the meter moves: both teams are told")
    elif isinstance(inject, NewsFlash):
        if not inject.text.strip():
            raise IllegalInject("a news flash needs some text")
    else:
        raise IllegalInject(f"unknown inject {inject!r}")


def apply_inject(scenario: Scenario, state: GameState, inject: Inject) -> GameState:
    """The state after ``inject``, before the day's orders are resolved.

    A fired event applies its effects now and schedules its delayed effects counted from today;
    an event that brings an ending ends the game. A moved meter stays within its range.
    """
    check_inject(scenario, state, inject)
    if isinstance(inject, NewsFlash):
        return state
    values = list(state.values)
    if isinstance(inject, MoveMeter):
        variable = scenario.variables[inject.meter]
        moved = values[variable.slot] + inject.by
        values[variable.slot] = min(variable.maximum, max(variable.minimum, moved))
        check_derived(scenario, values)
        return replace(state, values=tuple(values))
    event = next(event for event in scenario.events if event.id == inject.event)
    waiting = list(state.pending)
    fire(event, state.day_index, values, waiting)
    check_derived(scenario, values)
    return replace(state, values=tuple(values), pending=tuple(waiting),
                   fired=state.fired | {event.id}, ending=event.ending or state.ending)
