"""Proof that the strategist is stronger, on Berlin 1961 at the default difficulty.

For each seat, 200 seeded games: 50 against each fixed opponent (historical, random, hawk,
dove). The strategist, which does not know which opponent it faces, must end with a higher
mean goal value for its seat than every fixed policy in the same seat over the same games, by
a margin. A fixed policy plays one habit against everyone; the strategist reads the other seat
from its orders and answers each opponent as that opponent deserves.

The per-opponent table for both seats of 1962 and Berlin 1961 (200 games a cell) is
``benchmarks/bench_strategist.py``; its figures are in benchmarks/README.md. The 1962 scenario
is left to the benchmark because a strategist's game there takes about a second.
"""

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from game.engine.opponents import FIXED_POLICIES, policy_named
from game.scenario.load import load_scenario
from game.tools.simulate import goal_means, simulate

ROOT = Path(__file__).parent.parent
BERLIN = ROOT / "scenarios" / "berlin_1961" / "scenario.yaml"
GAMES_PER_OPPONENT = 50
MARGIN = 0.25  # of a goal value whose endings span about 15


def _mean(job: tuple) -> tuple:
    seat, mine, opponent = job
    scenario = load_scenario(BERLIN)
    policies = {role: policy_named(mine if role == seat else opponent) for role in scenario.roles}
    return seat, mine, opponent, goal_means(simulate(scenario, GAMES_PER_OPPONENT, 1961, policies))[seat]


@pytest.fixture(scope="module")
def table():
    seats = list(load_scenario(BERLIN).roles)
    jobs = [(seat, mine, opponent) for seat in seats for opponent in FIXED_POLICIES
            for mine in ("strategist", *FIXED_POLICIES)]
    with ProcessPoolExecutor(2) as pool:
        return {(seat, mine, opponent): value for seat, mine, opponent, value in pool.map(_mean, jobs)}


@pytest.mark.parametrize("seat", ["brandt", "ulbricht"])
def test_the_strategist_beats_every_fixed_policy_in_its_seat_against_the_fixed_opponents(table, seat):
    def overall(mine):
        return sum(table[seat, mine, opponent] for opponent in FIXED_POLICIES) / len(FIXED_POLICIES)

    rows = "\n".join(f"  against {opponent:<10} " + "  ".join(f"{mine} {table[seat, mine, opponent]:6.2f}"
                                                            for mine in ("strategist", *FIXED_POLICIES))
                     for opponent in FIXED_POLICIES)
    for fixed in FIXED_POLICIES:
        assert overall("strategist") > overall(fixed) + MARGIN, f"{seat}: the strategist against {fixed}\n{rows}"
