"""Proof that the strategist is stronger, on 1962 and Berlin 1961 at the default difficulty.

For each scenario, each seat and each fixed opponent (a *cell*), the strategist and every fixed
policy play the seat over the same seeded games. Two claims are checked:

- in every cell, the strategist does no worse than the best fixed policy *in that cell* beyond
  the noise of so few games (``NOISE`` standard errors of the difference of the two means,
  worked out from the games themselves);
- over the four opponents of a seat, it beats every fixed policy by ``MARGIN``: a fixed policy
  plays one habit against everyone, while the strategist reads the other seat from the orders it
  has seen and answers each opponent as that opponent deserves.

The games are few so that the test stays fast; the same table with 200 games a cell is
``benchmarks/bench_strategist.py``, and its figures are in benchmarks/README.md.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from game.engine.goals import goal_value
from game.engine.opponents import FIXED_POLICIES, policy_named
from game.processes import process_pool
from game.scenario.load import load_scenario
from game.tools.simulate import game_seeds_of, play_one

ROOT = Path(__file__).parent.parent
SCENARIOS = {
    "cuban_missile_crisis_1962": (ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml", 8),
    "berlin_1961": (ROOT / "scenarios" / "berlin_1961" / "scenario.yaml", 60),
}  # path, games a cell (a strategist's game of 1962 takes ten times one of Berlin)
SEED = 1962
NOISE = 2.0  # standard errors of the difference of two means of this many games
MARGIN = 0.25  # of a goal value whose endings span about 15


def _values(job: tuple) -> tuple:
    """The seat's goal value in each game of one (scenario, seat, policy, opponent)."""
    scenario_id, seat, mine, opponent = job
    path, games = SCENARIOS[scenario_id]
    scenario = load_scenario(path)
    policies = {role: policy_named(mine if role == seat else opponent) for role in scenario.roles}
    finals = [play_one(scenario, seed, policies) for seed in game_seeds_of(SEED, games)]
    return job, [goal_value(scenario, seat, final.ending, final.values) for final in finals]


def _cells() -> list[tuple[str, str, str]]:
    return [(scenario_id, seat, opponent) for scenario_id, (path, _) in SCENARIOS.items()
            for seat in load_scenario(path).roles for opponent in FIXED_POLICIES]


@pytest.fixture(scope="module")
def table() -> dict[tuple, list[float]]:
    jobs = [(*cell[:2], mine, cell[2]) for mine in ("strategist", *FIXED_POLICIES) for cell in _cells()]
    with process_pool(2) as pool:  # the strategist's games first: the longest jobs start soonest
        return dict(pool.map(_values, jobs))


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _standard_error(values: list[float]) -> float:
    mean = _mean(values)
    return math.sqrt(sum((value - mean) ** 2 for value in values) / (len(values) - 1) / len(values))


def _row(table, scenario_id, seat, opponent) -> str:
    return "  ".join(f"{mine} {_mean(table[scenario_id, seat, mine, opponent]):6.2f}"
                     for mine in ("strategist", *FIXED_POLICIES))


@pytest.mark.parametrize("cell", _cells(), ids="/".join)
def test_the_strategist_is_no_worse_than_the_best_fixed_policy_in_each_cell(table, cell):
    scenario_id, seat, opponent = cell
    best = max(FIXED_POLICIES, key=lambda fixed: _mean(table[scenario_id, seat, fixed, opponent]))
    mine, theirs = table[scenario_id, seat, "strategist", opponent], table[scenario_id, seat, best, opponent]
    noise = NOISE * math.hypot(_standard_error(mine), _standard_error(theirs))
    assert _mean(mine) >= _mean(theirs) - noise, (
        f"{seat} against {opponent}: the strategist {_mean(mine):.2f}, {best} {_mean(theirs):.2f}, "
        f"allowed noise {noise:.2f}\n  {_row(table, scenario_id, seat, opponent)}")


@pytest.mark.parametrize("scenario_id, seat", sorted({cell[:2] for cell in _cells()}))
def test_over_the_four_opponents_the_strategist_beats_every_fixed_policy_in_its_seat(table, scenario_id, seat):
    def overall(mine):
        return _mean([_mean(table[scenario_id, seat, mine, opponent]) for opponent in FIXED_POLICIES])

    rows = "\n".join(f"  against {opponent:<10} {_row(table, scenario_id, seat, opponent)}" for opponent in FIXED_POLICIES)
    for fixed in FIXED_POLICIES:
        assert overall("strategist") > overall(fixed) + MARGIN, f"{seat}: the strategist against {fixed}\n{rows}"
