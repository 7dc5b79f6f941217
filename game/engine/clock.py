"""The order a team gets when its decision time runs out: what a government that could not decide does.

A classroom room gives each day a decision time; a team still undecided when it runs out is
given the day's default order. The rule is the engine's, so the room, a replay and the debrief
all agree on it: the day's ``default:`` for the seat when that choice is open now (a choice's
``requires`` may have closed it), else the most cautious open choice by its leaning (dove before
moderate before hawk), the first in the file among equals.
"""

from __future__ import annotations

from game.engine.resolve import legal_choices
from game.engine.state import GameState
from game.scenario.model import LEANING_SCORE, Choice, Scenario


def default_order(scenario: Scenario, state: GameState, role_id: str) -> str | None:
    """The choice id given to ``role_id`` when the clock decides today, or None when nothing is open."""
    return default_among(scenario, state, role_id, legal_choices(scenario, state, role_id))


def default_among(scenario: Scenario, state: GameState, role_id: str, open_choices: tuple[Choice, ...]) -> str | None:
    """``default_order`` among choices already worked out (the session's legal choices)."""
    if not open_choices:
        return None
    day = scenario.days[min(state.day_index, len(scenario.days) - 1)]
    wanted = day.defaults.get(role_id)
    if wanted is not None and any(choice.id == wanted for choice in open_choices):
        return wanted
    # min() keeps the first of equals, so file order breaks ties
    return min(open_choices, key=lambda choice: LEANING_SCORE.get(choice.leaning, 0)).id
