"""Games played on from a state of a logged game: the odds of each ending had a team chosen otherwise.

The debrief report and ``brink simulate --from-log`` both ask the same question of the same
rules: from the state a team gave its order in, with one order changed and the other seats'
orders of that day as they were given (orders are simultaneous: the other side did not know),
how do games end when computer policies play the remaining days? Each game gets its own seed
for the dice from day one of the alternative on; the seeds come from one generator, so a run is
reproducible, and every alternative of a decision meets the same dice (common random numbers:
the differences between alternatives are the choices', not luck's).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from collections.abc import Mapping, Sequence

from game.engine.opponents import HistoricalPolicy, Policy
from game.engine.resolve import day_random, find_legal, legal_choices, resolve_day
from game.engine.state import GameState
from game.engine.visibility import state_seen_by
from game.scenario.model import Scenario

DEFAULT_GAMES = 500
DEFAULT_SEED = 1


def game_seeds(seed: int, games: int) -> list[int]:
    """The seed of each game, the same way ``brink simulate`` draws them."""
    source = random.Random(seed)
    return [source.getrandbits(48) for _ in range(games)]


def play_on(scenario: Scenario, start: GameState, seed: int, first_orders: Mapping[str, str | None],
            policies: Mapping[str, Policy]) -> GameState:
    """One game from ``start``: today's orders as given, then every day by the policies, to an ending."""
    state = resolve_day(scenario, replace(start, seed=seed), first_orders)
    roles = tuple(enumerate(scenario.roles, start=1))
    while state.ending is None:
        orders: dict[str, str | None] = {}
        for stream, role_id in roles:
            policy = policies[role_id]
            if isinstance(policy, HistoricalPolicy):  # the record's order, when open, without listing the rest
                recorded = scenario.days[state.day_index].historical.get(role_id)
                if recorded is not None and find_legal(scenario, state, role_id, recorded) is not None:
                    orders[role_id] = recorded  # what HistoricalPolicy.choose returns, with no dice drawn
                    continue
            legal = legal_choices(scenario, state, role_id)
            # a policy reads the record as its seat saw it (no order the seat could not know)
            orders[role_id] = (policy.choose(scenario, state_seen_by(scenario, state, role_id), role_id, legal,
                                             day_random(seed, state.day_index, stream))
                               if legal else None)
        state = resolve_day(scenario, state, orders)
    return state


def endings_from(scenario: Scenario, start: GameState, first_orders: Mapping[str, str | None],
                 policies: Mapping[str, Policy], seeds: Sequence[int]) -> Counter:
    """How many of the games (one per seed) reached each ending."""
    return Counter(play_on(scenario, start, seed, first_orders, policies).ending for seed in seeds)


def war_endings(scenario: Scenario) -> frozenset[str]:
    """The endings counted as war: those whose tone is ``catastrophe`` (shooting, nuclear or not)."""
    return frozenset(ending.id for ending in scenario.endings if ending.mood == "catastrophe")
