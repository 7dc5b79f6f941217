"""``brink simulate --workers N``: one run of games shared out among worker processes.

A strategist thinks for tens of milliseconds a decision, so a run with one is worth spreading
over the machine's cores. The run's game seeds are drawn exactly as a single process draws them
(``game_seeds_of``) and dealt out in contiguous parts; each worker loads the scenario from its
file and plays its part; the parts' reports are added up in order. The result is the one a
single process gives, apart from the timings.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Mapping

from game.engine.opponents import policy_named
from game.processes import process_pool
from game.scenario.load import load_scenario
from game.scenario.model import Scenario
from game.tools.simulate import SimulationReport, game_seeds_of, simulate


def _part(job: tuple) -> SimulationReport:
    path, games, seed, names, seeds = job
    scenario = load_scenario(path, freeze=True)
    return simulate(scenario, games, seed, {role: policy_named(name) for role, name in names.items()}, seeds)


def simulate_split(scenario: Scenario, games: int, seed: int, names: Mapping[str, str], workers: int) -> SimulationReport:
    """Like ``simulate`` with the policies named, played by ``workers`` processes."""
    seeds = game_seeds_of(seed, games)
    size = -(-games // workers)
    parts = [seeds[start:start + size] for start in range(0, games, size)]
    started = time.perf_counter()
    with process_pool(len(parts)) as pool:
        reports = list(pool.map(_part, [(scenario.path, games, seed, dict(names), part) for part in parts]))
    total = merged(reports, games)
    total.seconds = time.perf_counter() - started
    return total


def merged(reports: list[SimulationReport], games: int) -> SimulationReport:
    """The reports of the parts of one run, added up in order."""
    first = reports[0]
    total = SimulationReport(first.scenario_id, games, first.seed, dict(first.policies))
    total.picks = {role: Counter() for role in first.picks}
    total.offered = {role: Counter() for role in first.offered}
    total.goal_totals = {role: 0.0 for role in first.goal_totals}
    total.decision_seconds = {role: [] for role in first.decision_seconds}
    for report in reports:
        total.endings.update(report.endings)
        for ending, days in report.ending_days.items():
            total.ending_days.setdefault(ending, []).extend(days)
        for role, counter in report.picks.items():
            total.picks[role].update(counter)
            for choice_id in counter:  # a choice never picked is still listed, at 0
                total.picks[role].setdefault(choice_id, 0)
        for role, counter in report.offered.items():
            total.offered[role].update(counter)
        total.events.update(report.events)
        total.interactions.update(report.interactions)
        total.day_picks.update(report.day_picks)
        for ending, counters in report.final_values.items():
            into = total.final_values.setdefault(ending, [Counter() for _ in counters])
            for mine, theirs in zip(into, counters):
                mine.update(theirs)
        for role, value in report.goal_totals.items():
            total.goal_totals[role] += value
        for role, times in report.decision_seconds.items():
            total.decision_seconds[role].extend(times)
    return total
