"""The game state between days: a small immutable value, cheap to copy, keep and compare.

Undo, replay, hot seat and saves all rest on this being a value: the engine never changes a
state in place, it returns the next one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.scenario.expr import Condition, Effect
from game.scenario.model import Scenario, Text, Visibility


@dataclass(frozen=True, slots=True)
class Pending:
    """A delayed effect waiting for its day, e.g. submarines harried a day after running the line."""

    due_index: int  # the day index whose resolution applies it
    source: str  # the choice or event that scheduled it
    effects: tuple[Effect, ...]
    requires: Condition | None
    text: Text
    visible_to: Visibility | None = field(default=None, compare=False)  # who reads its message when it takes effect


@dataclass(frozen=True, slots=True)
class Note:
    """What a delayed effect said as it took effect (may be empty text), and who may read it."""

    text: Text
    visible_to: Visibility | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return str(self.text)

    def __bool__(self) -> bool:
        return bool(self.text)


@dataclass(frozen=True, slots=True)
class DayRecord:
    """What one day's resolution did: the basis of the resolution screen, the log and the debrief."""

    day_id: str
    day_index: int
    orders: tuple[tuple[str, str | None], ...]  # (role, choice id), None when a role had no choice
    interactions: tuple[str, ...]
    events: tuple[str, ...]
    delayed: tuple[str, ...]  # sources of delayed effects that took effect today
    delayed_notes: tuple[Note, ...]  # the author's words for each of them, and who may read them
    values_before: tuple
    values_after: tuple
    ending: str | None

    def order_of(self, role_id: str) -> str | None:
        return dict(self.orders).get(role_id)


@dataclass(frozen=True, slots=True)
class GameState:
    seed: int
    day_index: int  # the day being played; equals len(history) until the game ends
    values: tuple  # variables, then flags, then the day number (see Scenario.initial_values)
    pending: tuple[Pending, ...]
    fired: frozenset[str]  # events that have happened (a 'once' event fires at most one time)
    history: tuple[DayRecord, ...]
    ending: str | None

    @property
    def ended(self) -> bool:
        return self.ending is not None

    def value(self, scenario: Scenario, name: str):
        """A variable, flag (``flags.x`` or ``x``), derived value or ``day``, by name."""
        if name.startswith("flags."):
            return self.values[scenario.flags[name[6:]].slot]
        if name in scenario.variables:
            return self.values[scenario.variables[name].slot]
        if name in scenario.flags:
            return self.values[scenario.flags[name].slot]
        if name in scenario.derived:
            return scenario.derived[name].value(self.values)
        if name == "day":
            return self.values[scenario.day_slot]
        raise KeyError(name)


def check_derived(scenario: Scenario, values) -> None:
    """Raise ``FormulaError`` if a derived value's formula is not a number in range for ``values``.

    Values by levels are constants checked at load; only formulas are evaluated here.
    """
    formulas = scenario.memo.get("derived formulas")
    if formulas is None:
        formulas = scenario.memo["derived formulas"] = tuple(
            derived.value for derived in scenario.derived.values() if "formula" in derived.spec)
    for value in formulas:
        value(values)


def new_game(scenario: Scenario, seed: int) -> GameState:
    check_derived(scenario, scenario.initial_values())
    return GameState(seed=seed, day_index=0, values=tuple(scenario.initial_values()), pending=(),
                     fired=frozenset(), history=(), ending=None)
