"""Computer players: policies behind one small interface.

A policy sees what a player sees (the scenario, the state, the choices open to its role) and
gets the day's dice from the engine (anything with ``random()`` and ``randrange(n)``); it
returns one choice id. The fixed habits live here; the strategist, which looks ahead, in
``game.engine.strategist``.
"""

from __future__ import annotations

from typing import Protocol
from collections.abc import Sequence

from game.engine.resolve import Dice
from game.engine.state import GameState
from game.engine.strategist import Strategist, parse_name
from game.scenario.model import LEANING_SCORE, Choice, Scenario


class Policy(Protocol):
    # read-only: a strategist computes its name and description from its temper
    @property
    def name(self) -> str: ...

    @property
    def description(self) -> str: ...

    def choose(self, scenario: Scenario, state: GameState, role_id: str,
               legal: Sequence[Choice], rng: Dice) -> str: ...


class RandomPolicy:
    name = "random"
    description = "picks any open choice with equal chance"

    def choose(self, scenario, state, role_id, legal, rng):
        return legal[rng.randrange(len(legal))].id


class LeaningPolicy:
    """Prefers the choices of one temper; among equals, picks at random."""

    def __init__(self, name: str, direction: int, description: str):
        self.name = name
        self.direction = direction
        self.description = description

    def choose(self, scenario, state, role_id, legal, rng):
        best = max(LEANING_SCORE[choice.leaning] * self.direction for choice in legal)
        favourites = [choice for choice in legal if LEANING_SCORE[choice.leaning] * self.direction == best]
        return favourites[rng.randrange(len(favourites))].id


class HistoricalPolicy:
    """Takes what was really decided on each day, where the scenario records it.

    When the record's choice is not open (the game has left history's path), it picks a choice
    of the same temper as the recorded one, and failing that any open choice.
    """

    name = "historical"
    description = "does what the real leader did, as far as the game allows"

    def choose(self, scenario, state, role_id, legal, rng):
        day = scenario.days[state.day_index]
        recorded = day.historical.get(role_id)
        if recorded is not None:
            for choice in legal:
                if choice.id == recorded:
                    return choice.id
            recorded_choice = scenario.choice(role_id, recorded)
            if recorded_choice is not None:
                alike = [c for c in legal if c.leaning == recorded_choice.leaning]
                if alike:
                    return alike[rng.randrange(len(alike))].id
        return legal[rng.randrange(len(legal))].id


FIXED_POLICIES: dict[str, Policy] = {
    "historical": HistoricalPolicy(),
    "random": RandomPolicy(),
    "hawk": LeaningPolicy("hawk", +1, "reaches for force and pressure first"),
    "dove": LeaningPolicy("dove", -1, "reaches for talks and restraint first"),
}
# Every policy by name: the fixed habits, then the strategist in each temper at the default
# difficulty. Another difficulty is named with a suffix, e.g. ``strategist:hawk:hard``.
POLICIES: dict[str, Policy] = {
    **FIXED_POLICIES,
    **{strategist.name: strategist for strategist in (Strategist(temper) for temper in ("", "hawk", "dove", "historical"))},
}


def is_policy(name: str) -> bool:
    """Whether ``name`` names a policy, difficulty suffix included."""
    return name in POLICIES or parse_name(name) is not None


def policy_named(name: str) -> Policy:
    found = POLICIES.get(name) or parse_name(name)
    if found is None:
        raise KeyError(f"unknown policy '{name}'; choose from {', '.join(POLICIES)} "
                       "(a strategist may add a difficulty: easy, normal or hard, e.g. strategist:hawk:hard)")
    return found
