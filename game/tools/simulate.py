"""``brink simulate``: many complete games of policy against policy, and what they add up to.

This is the author's randomtest: which endings happen and how often, which choices are ever
taken, on which day games end. It drives the same rules as every other front end
(``resolve.resolve_day``), minus the phase bookkeeping a screen needs.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping

from game.engine.opponents import Policy
from game.engine.resolve import day_random, legal_choices, resolve_day
from game.engine.state import GameState, new_game
from game.scenario.model import Scenario


@dataclass
class SimulationReport:
    scenario_id: str
    games: int
    seed: int
    policies: dict[str, str]
    endings: Counter = field(default_factory=Counter)
    ending_days: dict[str, list[int]] = field(default_factory=dict)
    picks: dict[str, Counter] = field(default_factory=dict)  # role -> choice id -> count
    events: Counter = field(default_factory=Counter)
    interactions: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def games_per_second(self) -> float:
        return self.games / self.seconds if self.seconds > 0 else float("inf")

    def mean_day(self, ending_id: str | None = None) -> float:
        days = [d for e, ds in self.ending_days.items() if ending_id in (None, e) for d in ds]
        return sum(days) / len(days) if days else 0.0


def play_one(scenario: Scenario, seed: int, policies: Mapping[str, Policy]) -> GameState:
    """One complete game between computer policies, from a seed."""
    state = new_game(scenario, seed)
    roles = tuple(enumerate(scenario.roles, start=1))
    while state.ending is None:
        orders = {}
        for stream, role_id in roles:
            legal = legal_choices(scenario, state, role_id)
            if legal:
                rng = day_random(seed, state.day_index, stream)
                orders[role_id] = policies[role_id].choose(scenario, state, role_id, legal, rng)
            else:
                orders[role_id] = None
        state = resolve_day(scenario, state, orders)
    return state


def simulate(scenario: Scenario, games: int, seed: int, policies: Mapping[str, Policy]) -> SimulationReport:
    report = SimulationReport(scenario.id, games, seed, {r: p.name for r, p in policies.items()})
    report.picks = {role_id: Counter({choice_id: 0 for choice_id in scenario.choice_ids(role_id)})
                    for role_id in scenario.roles}
    game_seeds = random.Random(seed)
    started = time.perf_counter()
    for _ in range(games):
        state = play_one(scenario, game_seeds.getrandbits(48), policies)
        report.endings[state.ending] += 1
        report.ending_days.setdefault(state.ending, []).append(len(state.history))
        for record in state.history:
            for role_id, choice_id in record.orders:
                if choice_id is not None:
                    report.picks[role_id][choice_id] += 1
            report.events.update(record.events)
            report.interactions.update(record.interactions)
    report.seconds = time.perf_counter() - started
    return report


def report_as_dict(report: SimulationReport, scenario: Scenario) -> dict:
    return {
        "scenario": report.scenario_id,
        "games": report.games,
        "seed": report.seed,
        "policies": report.policies,
        "endings": {ending.id: {"games": report.endings.get(ending.id, 0),
                                "share": report.endings.get(ending.id, 0) / report.games if report.games else 0,
                                "mean_day": round(report.mean_day(ending.id), 3)}
                    for ending in scenario.endings},
        "mean_day": round(report.mean_day(), 3),
        "picks": {role_id: dict(counter) for role_id, counter in report.picks.items()},
        "events": {event.id: report.events.get(event.id, 0) for event in scenario.events},
        "interactions": {item.id: report.interactions.get(item.id, 0) for item in scenario.interactions},
        "seconds": round(report.seconds, 4),
        "games_per_second": round(report.games_per_second, 1),
    }


def format_report(report: SimulationReport, scenario: Scenario) -> str:
    lines = [f"{scenario.title} — {report.games} games, seed {report.seed}, "
             + ", ".join(f"{role} plays {name}" for role, name in report.policies.items()), "", "Endings"]
    width = max((len(e.id) for e in scenario.endings), default=10)
    for ending in scenario.endings:
        count = report.endings.get(ending.id, 0)
        share = count / report.games if report.games else 0
        bar = "#" * round(share * 40)
        day = f"mean day {report.mean_day(ending.id):5.1f}" if count else "never reached"
        lines.append(f"  {ending.id:<{width}}  {count:>7}  {share:6.1%}  {day}  {bar}")
    lines.append(f"  mean day of ending: {report.mean_day():.2f} of {len(scenario.days)}")
    for role_id, counter in report.picks.items():
        lines += ["", f"Choices of {role_id}"]
        width = max((len(c) for c in counter), default=10)
        for choice_id, count in sorted(counter.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"  {choice_id:<{width}}  {count:>8}" + ("   never picked" if count == 0 else ""))
    if scenario.events:
        lines += ["", "Events"]
        for event in scenario.events:
            lines.append(f"  {event.id:<{width}}  {report.events.get(event.id, 0):>8}")
    lines += ["", f"{report.games} games in {report.seconds:.3f} s: {report.games_per_second:,.0f} games per second"]
    return "\n".join(lines)
