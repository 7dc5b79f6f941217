"""Who may see what: secrets kept from a seat until the author's condition lets it in.

A flag, a variable, an event's news, an interaction's text, a delayed effect's message or an
order may say ``visible_to``: the seats that see it, each with the condition (if any) under which
it does; a thing without it is seen by everyone. An order is always seen by the seat that gives
it; the others learn of it when its condition holds (typically once its effects can be seen), and
until then every screen says only that an order was given. Every front end asks here, so a secret is kept the same
way in the window, the text mode and the classroom.

A screen for one seat asks with that seat; a screen several people look at together (the
resolution in a game of two players at one screen) shows only what every one of them may see.
The ending and the debrief show everything.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple, cast
from collections.abc import Iterable, Sequence

from game.engine.resolve import choice_on_day
from game.engine.state import DayRecord, GameState
from game.scenario.model import Choice, Scenario, Visibility


def sees(visible_to: Visibility | None, role_id: str, values: Sequence) -> bool:
    """Whether ``role_id`` may see a thing with this ``visible_to`` when the values are ``values``."""
    if visible_to is None:
        return True
    if role_id not in visible_to:
        return False
    condition = visible_to[role_id]
    return condition is None or condition.test(values)


def all_see(visible_to: Visibility | None, role_ids: Iterable[str] | None, values: Sequence) -> bool:
    """Whether every one of ``role_ids`` may see it (None: no one is kept from anything, as at the ending)."""
    if visible_to is None or role_ids is None:
        return True
    return all(sees(visible_to, role_id, values) for role_id in role_ids)


def shown_variables(scenario: Scenario, values: Sequence, role_ids: Iterable[str] | None) -> list:
    """The variables the seats may see, in the file's order."""
    seats = None if role_ids is None else tuple(role_ids)
    return [v for v in scenario.variables.values() if all_see(v.visible_to, seats, values)]


def shown_flags(scenario: Scenario, values: Sequence, role_ids: Iterable[str] | None) -> list:
    """The flags the seats may see, in the file's order (whether in force or not)."""
    seats = None if role_ids is None else tuple(role_ids)
    return [f for f in scenario.flags.values() if all_see(f.visible_to, seats, values)]


def shown_names(scenario: Scenario, names: Iterable[str], values: Sequence, role_ids: Iterable[str] | None) -> list[str]:
    """Of variable and flag names (``tension``, ``flags.quarantine``), those the seats may see."""
    seats = None if role_ids is None else tuple(role_ids)
    kept = []
    for name in names:
        item = scenario.flags.get(name[6:]) if name.startswith("flags.") else scenario.variables.get(name)
        if item is None or all_see(item.visible_to, seats, values):
            kept.append(name)
    return kept


class ShownOrder(NamedTuple):
    """One seat's order of a day as other seats may see it: ``seen`` False means they know only
    that an order was given, not which (``choice_id`` is then None)."""

    role_id: str
    choice_id: str | None
    seen: bool


def order_seen(choice: Choice | None, giver: str, role_ids: Iterable[str] | None, values: Sequence) -> bool:
    """Whether every one of ``role_ids`` may know that ``giver`` gave ``choice`` (the giver always knows)."""
    if choice is None or choice.visible_to is None or role_ids is None:
        return True
    return all(seat == giver or sees(choice.visible_to, seat, values) for seat in role_ids)


def shown_orders(scenario: Scenario, record: DayRecord, role_ids: Iterable[str] | None,
                 values: Sequence) -> list[ShownOrder]:
    """A day's orders as the seats may see them when the values are ``values`` (the day's own
    outcome on its resolution screen, today's values in the record of past days)."""
    seats = None if role_ids is None else tuple(role_ids)
    shown = []
    for role_id, choice_id in record.orders:
        choice = choice_on_day(scenario, record.day_index, role_id, choice_id) if choice_id else None
        seen = order_seen(choice, role_id, seats, values)
        shown.append(ShownOrder(role_id, choice_id if seen else None, seen))
    return shown


def has_secret_orders(scenario: Scenario) -> bool:
    """Whether any order of the scenario is kept from some seat (most scenarios have none)."""
    found = scenario.memo.get("secret orders")
    if found is None:
        choices = [c for day in scenario.days for cs in day.choices.values() for c in cs]
        choices += [c for role in scenario.roles.values() for c in role.standing_choices]
        found = scenario.memo["secret orders"] = any(c.visible_to is not None for c in choices)
    return found


def history_seen_by(scenario: Scenario, history: Sequence[DayRecord], role_ids: Iterable[str] | None,
                    values: Sequence) -> tuple[DayRecord, ...]:
    """The record of past days with every order the seats may not know blanked (as if none was
    given): what a map, a calendar or a computer player reads on a seat's behalf."""
    if role_ids is None or not has_secret_orders(scenario):
        return tuple(history)
    seats = tuple(role_ids)
    return tuple(_record_seen(scenario, record, seats, values) for record in history)


def _record_seen(scenario: Scenario, record: DayRecord, seats: tuple[str, ...], values: Sequence) -> DayRecord:
    orders = tuple((o.role_id, o.choice_id) for o in shown_orders(scenario, record, seats, values))
    return record if orders == record.orders else replace(record, orders=orders)


class SeatState:
    """The game as one seat knows it, for a computer player: the state itself, with the other
    side's hidden orders blanked from its ``history``. The record is worked out only when a policy
    reads it (none of the shipped ones does, and a simulation asks for thousands of these)."""

    __slots__ = ("_scenario", "_state", "_role_id", "_history")

    def __init__(self, scenario: Scenario, state: GameState, role_id: str):
        self._scenario, self._state, self._role_id = scenario, state, role_id
        self._history: tuple[DayRecord, ...] | None = None

    @property
    def history(self) -> tuple[DayRecord, ...]:
        if self._history is None:
            self._history = history_seen_by(self._scenario, self._state.history, (self._role_id,), self._state.values)
        return self._history

    def __getattr__(self, name: str):
        return getattr(self._state, name)


def state_seen_by(scenario: Scenario, state: GameState, role_id: str) -> GameState:
    """The game as one seat knows it, for a computer player (meters and flags stay: a policy reads
    the rules' state, not the screens)."""
    # a SeatState stands in for the GameState it wraps (every attribute but history passes through)
    return cast(GameState, SeatState(scenario, state, role_id)) if has_secret_orders(scenario) else state
