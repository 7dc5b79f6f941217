"""How strong the strategist is, and how long it thinks.

For each scenario, each seat and each fixed opponent, the mean goal value of the seat (see
``game.engine.goals``) over the same seeded games when the seat is played by each fixed policy
and by the strategist; then the strategist's decision times (median and p95) per scenario, at the
default difficulty. Run from the repository root:

    python benchmarks/bench_strategist.py [--games 200] [--workers 2] [--scenarios cuban_missile_crisis_1962 berlin_1961 demo]
        [--seats khrushchev] [--opponents hawk dove]

``--seats`` and ``--opponents`` keep only some cells of the table (a seat not in a scenario is
ignored there), for measuring one pairing without playing them all.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from game.engine.opponents import FIXED_POLICIES, policy_named  # noqa: E402
from game.paths import scenarios_folder  # noqa: E402
from game.processes import process_pool  # noqa: E402
from game.scenario.load import load_scenario  # noqa: E402
from game.tools.simulate import goal_means, percentile, simulate  # noqa: E402

STRATEGIST = "strategist"


def _cell(job: tuple) -> tuple:
    scenario_id, seat, mine, opponent, games, seed = job
    scenario = load_scenario(os.path.join(scenarios_folder(), scenario_id, "scenario.yaml"), freeze=True)
    policies = {role: policy_named(mine if role == seat else opponent) for role in scenario.roles}
    report = simulate(scenario, games, seed, policies)
    return scenario_id, seat, mine, opponent, goal_means(report)[seat], report.decision_seconds[seat], report.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scenarios", nargs="+", default=["cuban_missile_crisis_1962", "berlin_1961", "demo"])
    parser.add_argument("--policy", default=STRATEGIST, help="the strategist to measure (default: strategist)")
    parser.add_argument("--seats", nargs="+", default=None, help="only these seats (default: every seat)")
    parser.add_argument("--opponents", nargs="+", default=None, choices=list(FIXED_POLICIES),
                        help="only against these fixed policies (default: all of them)")
    arguments = parser.parse_args()
    fixed = list(FIXED_POLICIES)
    opponents = arguments.opponents or fixed
    jobs = []
    for scenario_id in arguments.scenarios:
        roles = list(load_scenario(os.path.join(scenarios_folder(), scenario_id, "scenario.yaml")).roles)
        for seat in roles:
            if arguments.seats and seat not in arguments.seats:
                continue
            for opponent in opponents:
                for mine in (arguments.policy, *fixed):
                    jobs.append((scenario_id, seat, mine, opponent, arguments.games, arguments.seed))
    started = time.perf_counter()
    with process_pool(arguments.workers) as pool:
        results = list(pool.map(_cell, jobs))
    print(f"Mean goal value of the seat over {arguments.games} seeded games (seed {arguments.seed}); "
          f"'best fixed' is the best of {', '.join(fixed)} in that seat against that opponent.\n")
    print(f"{'scenario':<27} {'seat':<11} {'opponent':<11} " + " ".join(f"{name:>10}" for name in fixed)
          + f" {'best fixed':>10} {arguments.policy:>12} {'margin':>7}")
    wins = cells = 0
    for scenario_id in arguments.scenarios:
        seats = dict.fromkeys(r[1] for r in results if r[0] == scenario_id)
        for seat in seats:
            for opponent in opponents:
                row = {r[2]: r[4] for r in results if r[0] == scenario_id and r[1] == seat and r[3] == opponent}
                best = max(row[name] for name in fixed)
                margin = row[arguments.policy] - best
                cells += 1
                wins += margin > 0
                print(f"{scenario_id:<27} {seat:<11} {opponent:<11} " + " ".join(f"{row[name]:>10.2f}" for name in fixed)
                      + f" {best:>10.2f} {row[arguments.policy]:>12.2f} {margin:>+7.2f}")
    print(f"\nThe strategist beats the best fixed policy in {wins} of {cells} cells.\n")
    print(f"Decision time of {arguments.policy} (ms, {arguments.workers} worker processes on the machine at once)")
    for scenario_id in arguments.scenarios:
        times = [t for r in results if r[0] == scenario_id and r[2] == arguments.policy for t in r[5]]
        per_game = [r[6] / arguments.games for r in results if r[0] == scenario_id and r[2] == arguments.policy]
        if not times:
            continue
        print(f"  {scenario_id:<27} decisions {len(times):>6}  median {statistics.median(times) * 1000:7.1f}"
              f"  p95 {percentile(times, 0.95) * 1000:7.1f}  max {max(times) * 1000:7.1f}"
              f"  seconds per game {statistics.mean(per_game):6.2f}")
    print(f"\n{len(jobs)} simulations in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
