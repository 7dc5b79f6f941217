"""The phases of a day and the only legal moves between them: commands in, events out.

    briefing -> deliberation -> orders -> resolution -> day_end -> briefing (next day) ... -> ended

Every front end (text mode, the pygame screens, a classroom session, tests) drives a game by
applying commands to a ``Session`` and reading the events and the new session it returns. A
command that is not legal in the current phase raises ``IllegalCommand`` with a message a player
can read; the session is unchanged.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from game.engine import resolve
from game.engine.state import DayRecord, GameState, new_game
from game.scenario.model import Choice, Scenario


class Phase(enum.Enum):
    BRIEFING = "briefing"
    DELIBERATION = "deliberation"
    ORDERS = "orders"
    RESOLUTION = "resolution"
    DAY_END = "day_end"
    ENDED = "ended"


# --- commands ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Advance:
    """Move on: briefing -> deliberation -> orders; resolution -> day end -> next day or ending."""


@dataclass(frozen=True, slots=True)
class GiveOrder:
    role: str
    choice: str


@dataclass(frozen=True, slots=True)
class WithdrawOrder:
    role: str


@dataclass(frozen=True, slots=True)
class Resolve:
    """Resolve the day once every role has given its order."""


@dataclass(frozen=True, slots=True)
class UndoLastDay:
    """Take back the last resolved day's orders and return to that day's orders phase."""


Command = Advance | GiveOrder | WithdrawOrder | Resolve | UndoLastDay


# --- events --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PhaseChanged:
    phase: Phase
    day_index: int


@dataclass(frozen=True, slots=True)
class OrderGiven:
    role: str
    choice: str


@dataclass(frozen=True, slots=True)
class OrderWithdrawn:
    role: str


@dataclass(frozen=True, slots=True)
class DayResolved:
    record: DayRecord


@dataclass(frozen=True, slots=True)
class GameEnded:
    ending: str


@dataclass(frozen=True, slots=True)
class DayUndone:
    day_index: int


GameEvent = PhaseChanged | OrderGiven | OrderWithdrawn | DayResolved | GameEnded | DayUndone


class IllegalCommand(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Session:
    scenario: Scenario
    state: GameState
    phase: Phase
    orders: tuple[tuple[str, str], ...] = ()
    earlier: tuple[GameState, ...] = ()  # the state before each resolved day, for undo

    @property
    def day(self):
        return self.scenario.days[self.state.day_index]

    def order_of(self, role_id: str) -> str | None:
        return dict(self.orders).get(role_id)

    def legal_choices(self, role_id: str) -> tuple[Choice, ...]:
        return resolve.legal_choices(self.scenario, self.state, role_id)

    def waiting_for(self) -> tuple[str, ...]:
        """Roles that still owe an order (roles with no open choice owe none)."""
        given = dict(self.orders)
        return tuple(role_id for role_id in self.scenario.roles
                     if role_id not in given and self.legal_choices(role_id))


def start(scenario: Scenario, seed: int) -> Session:
    return Session(scenario, new_game(scenario, seed), Phase.BRIEFING)


def apply(session: Session, command: Command) -> tuple[Session, tuple[GameEvent, ...]]:
    handler = _HANDLERS.get(type(command))
    if handler is None:
        raise IllegalCommand(f"unknown command {command!r}")
    return handler(session, command)


def _advance(session: Session, command: Advance):
    phase = session.phase
    if phase is Phase.BRIEFING:
        return _to(session, Phase.DELIBERATION)
    if phase is Phase.DELIBERATION:
        return _to(session, Phase.ORDERS)
    if phase is Phase.RESOLUTION:
        return _to(session, Phase.DAY_END)
    if phase is Phase.DAY_END:
        if session.state.ended:
            moved, events = _to(session, Phase.ENDED)
            assert session.state.ending is not None  # state.ended says there is one
            return moved, events + (GameEnded(session.state.ending),)
        return _to(replace(session, orders=()), Phase.BRIEFING)
    if phase is Phase.ORDERS:
        raise IllegalCommand("the day's orders are not all in yet; give them, then resolve the day")
    raise IllegalCommand("the game has ended")


def _to(session: Session, phase: Phase):
    moved = replace(session, phase=phase)
    return moved, (PhaseChanged(phase, moved.state.day_index),)


def _give_order(session: Session, command: GiveOrder):
    if session.phase not in (Phase.DELIBERATION, Phase.ORDERS):
        raise IllegalCommand(f"orders are given during deliberation or orders, not {session.phase.value}")
    if command.role not in session.scenario.roles:
        raise IllegalCommand(f"there is no role '{command.role}' in this scenario")
    if resolve.find_legal(session.scenario, session.state, command.role, command.choice) is None:
        raise IllegalCommand(f"'{command.choice}' is not open to {command.role} today")
    orders = tuple((r, c) for r, c in session.orders if r != command.role) + ((command.role, command.choice),)
    moved = replace(session, orders=orders, phase=Phase.ORDERS)
    events: tuple = (OrderGiven(command.role, command.choice),)
    if session.phase is not Phase.ORDERS:
        events = (PhaseChanged(Phase.ORDERS, session.state.day_index),) + events
    return moved, events


def _withdraw_order(session: Session, command: WithdrawOrder):
    if session.phase is not Phase.ORDERS or session.order_of(command.role) is None:
        raise IllegalCommand(f"{command.role} has no order to withdraw")
    orders = tuple((r, c) for r, c in session.orders if r != command.role)
    return replace(session, orders=orders), (OrderWithdrawn(command.role),)


def _resolve(session: Session, command: Resolve):
    if session.phase is not Phase.ORDERS:
        raise IllegalCommand(f"a day is resolved from the orders phase, not {session.phase.value}")
    missing = session.waiting_for()
    if missing:
        raise IllegalCommand("still waiting for orders from " + ", ".join(missing))
    next_state = resolve.resolve_day(session.scenario, session.state, dict(session.orders))
    moved = Session(session.scenario, next_state, Phase.RESOLUTION, session.orders,
                    session.earlier + (session.state,))
    return moved, (DayResolved(next_state.history[-1]), PhaseChanged(Phase.RESOLUTION, next_state.day_index))


def _undo(session: Session, command: UndoLastDay):
    if not session.earlier:
        raise IllegalCommand("there is no resolved day to undo")
    previous = session.earlier[-1]
    moved = Session(session.scenario, previous, Phase.ORDERS, (), session.earlier[:-1])
    return moved, (DayUndone(previous.day_index), PhaseChanged(Phase.ORDERS, previous.day_index))


_HANDLERS: dict[type, Callable[[Session, Any], tuple[Session, tuple[GameEvent, ...]]]] = {
    Advance: _advance,
    GiveOrder: _give_order,
    WithdrawOrder: _withdraw_order,
    Resolve: _resolve,
    UndoLastDay: _undo,
}


def orders_so_far(session: Session) -> list[dict[str, str | None]]:
    """Each resolved day's orders, in order: with the seed, all a save or a replay needs."""
    return [dict(record.orders) for record in session.state.history]


def replay(scenario: Scenario, seed: int, days: list[dict[str, str | None]]) -> Session:
    """Rebuild a session from a seed and each day's orders; raises IllegalCommand if they don't fit."""
    session = start(scenario, seed)
    for index, orders in enumerate(days):
        if session.state.ended:
            raise IllegalCommand(f"the game ended before day {index + 1} of the record")
        session, _ = apply(session, Advance())
        session, _ = apply(session, Advance())
        for role_id, choice_id in orders.items():
            if choice_id is not None:
                session, _ = apply(session, GiveOrder(role_id, choice_id))
        session, _ = apply(session, Resolve())
        session, _ = apply(session, Advance())
        session, _ = apply(session, Advance())  # to the next day's briefing, or to the ending
    return session
