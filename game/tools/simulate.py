"""``brink simulate``: many complete games of policy against policy, and what they add up to.

This is the author's randomtest: which endings happen and how often, which choices are ever
taken, on which day games end. It drives the same rules as every other front end
(``resolve.resolve_day``), minus the phase bookkeeping a screen needs.

Beyond the tallies it keeps coverage (how often each choice was offered and picked, each event
fired, each interaction matched: what never happened is what an author most needs to see) and
the values every variable stood at when each ending came. Those are counted once per game, at
its end, so they cost little beside the game itself.
"""

from __future__ import annotations

import math
import random
import time
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter
from collections.abc import Iterable, Mapping, Sequence

from game.engine.goals import goal_value
from game.engine.opponents import Policy
from game.engine.resolve import day_random, legal_choices, resolve_day
from game.engine.state import GameState, new_game
from game.engine.visibility import state_seen_by
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
    offered: dict[str, Counter] = field(default_factory=dict)  # role -> choice id -> days it was open
    day_picks: Counter = field(default_factory=Counter)  # (role, day id, choice id) -> count
    final_values: dict[str, list[Counter]] = field(default_factory=dict)  # ending -> one Counter per slot
    seconds: float = 0.0
    goal_totals: dict[str, float] = field(default_factory=dict)  # role -> sum of its goal value over the games
    decision_seconds: dict[str, list[float]] = field(default_factory=dict)  # role -> time of each decision

    @property
    def games_per_second(self) -> float:
        return self.games / self.seconds if self.seconds > 0 else float("inf")

    def mean_day(self, ending_id: str | None = None) -> float:
        days = [d for e, ds in self.ending_days.items() if ending_id in (None, e) for d in ds]
        return sum(days) / len(days) if days else 0.0


_CHOICE_ID = attrgetter("id")


def play_one(scenario: Scenario, seed: int, policies: Mapping[str, Policy],
             offered: Mapping[str, Counter] | None = None) -> GameState:
    """One complete game between computer policies, from a seed.

    ``offered``, if given, counts for each role how often each choice was open to it: a choice
    never offered has a condition that never holds, one offered but never picked only a policy
    that never wants it.
    """
    state = new_game(scenario, seed)
    roles = tuple(enumerate(scenario.roles, start=1))
    open_lists: dict[str, list] = {role_id: [] for role_id in scenario.roles}
    while state.ending is None:
        orders: dict[str, str | None] = {}
        for stream, role_id in roles:
            legal = legal_choices(scenario, state, role_id)
            if legal:
                if offered is not None:
                    open_lists[role_id].append(legal)
                rng = day_random(seed, state.day_index, stream)
                orders[role_id] = policies[role_id].choose(scenario, state_seen_by(scenario, state, role_id), role_id, legal, rng)
            else:
                orders[role_id] = None
        state = resolve_day(scenario, state, orders)
    if offered is not None:  # counted once a game, in C, rather than once a day
        for role_id, lists in open_lists.items():
            offered[role_id].update(map(_CHOICE_ID, chain.from_iterable(lists)))
    return state


def game_seeds_of(seed: int, games: int) -> list[int]:
    """The seed of each game of a run, in order: what a split run shares out among its workers."""
    game_seeds = random.Random(seed)
    return [game_seeds.getrandbits(48) for _ in range(games)]


def simulate(scenario: Scenario, games: int, seed: int, policies: Mapping[str, Policy],
             seeds: Sequence[int] | None = None) -> SimulationReport:
    """``games`` games from ``seed``; ``seeds``, if given, are the games' own seeds (one part of a
    run split among workers, see ``game.tools.simulate_pool``)."""
    report = SimulationReport(scenario.id, games, seed, {r: p.name for r, p in policies.items()})
    report.picks = {role_id: Counter({choice_id: 0 for choice_id in scenario.choice_ids(role_id)})
                    for role_id in scenario.roles}
    report.offered = {role_id: Counter() for role_id in scenario.roles}
    slots = len(scenario.initial_values())
    derived = tuple(item.value for item in scenario.derived.values())
    day_picks: Counter = Counter()
    timed = timed_policies(policies, report)
    started = time.perf_counter()
    for game_seed in (seeds if seeds is not None else game_seeds_of(seed, games)):
        state = play_one(scenario, game_seed, timed, report.offered)
        add_goal_values(report, scenario, state)
        ending = state.ending
        assert ending is not None  # play_one plays to an ending
        report.endings[ending] += 1
        report.ending_days.setdefault(ending, []).append(len(state.history))
        finals = report.final_values.get(ending)
        if finals is None:
            finals = report.final_values[ending] = [Counter() for _ in range(slots + len(derived))]
        values = state.values
        for counter, value in zip(finals, values + tuple(value_of(values) for value_of in derived) if derived else values):
            counter[value] += 1
        for record in state.history:
            for role_id, choice_id in record.orders:
                if choice_id is not None:
                    day_picks[role_id, record.day_id, choice_id] += 1
            report.events.update(record.events)
            report.interactions.update(record.interactions)
    for (role_id, _, choice_id), count in day_picks.items():  # the totals, once, from the daily counts
        report.picks[role_id][choice_id] += count
    report.day_picks = day_picks
    report.seconds = time.perf_counter() - started
    return report


# --- what each seat wanted, and how long its decisions took ------------------------------------
class _TimedPolicy:
    """A policy whose decisions are timed (wall clock), for ``decision_ms_p95``."""

    def __init__(self, policy: Policy, times: list[float]):
        self.policy, self.times = policy, times
        self.name, self.description = policy.name, policy.description

    def choose(self, scenario, state, role_id, legal, rng):
        started = time.perf_counter()
        choice = self.policy.choose(scenario, state, role_id, legal, rng)
        self.times.append(time.perf_counter() - started)
        return choice


def timed_policies(policies: Mapping[str, Policy], report: SimulationReport) -> dict[str, Policy]:
    report.decision_seconds = {role_id: [] for role_id in policies}
    report.goal_totals = {role_id: 0.0 for role_id in policies}
    return {role_id: _TimedPolicy(policy, report.decision_seconds[role_id]) for role_id, policy in policies.items()}


def add_goal_values(report: SimulationReport, scenario: Scenario, state: GameState) -> None:
    assert state.ending is not None  # a finished game
    for role_id in report.goal_totals:
        report.goal_totals[role_id] += goal_value(scenario, role_id, state.ending, state.values)


def goal_means(report: SimulationReport) -> dict[str, float]:
    """Each role's mean goal value over the games (see ``game.engine.goals``)."""
    return {role_id: total / report.games if report.games else 0.0 for role_id, total in report.goal_totals.items()}


def percentile(values: Sequence[float], share: float) -> float:
    """The value below which ``share`` of ``values`` fall (nearest rank); 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


def decision_ms(report: SimulationReport, share: float = 0.95) -> dict[str, float]:
    """Each role's decision time at the given percentile, in milliseconds."""
    return {role_id: round(percentile(times, share) * 1000, 3) for role_id, times in report.decision_seconds.items()}


# --- coverage --------------------------------------------------------------------------------
def coverage(report: SimulationReport, scenario: Scenario) -> dict:
    """How often each part of the scenario happened: the counts ``brink graph --coverage`` draws.

    A choice's picks are split the way the scenario offers it: on each day that lists it, or as
    a standing choice (picked on a day that does not list it).
    """
    choices = {}
    for role_id, role in scenario.roles.items():
        days: dict[str, dict[str, int]] = {}
        standing = {choice.id: 0 for choice in role.standing_choices}
        for day in scenario.days:
            own = {choice.id: 0 for choice in day.choices.get(role_id, ())}
            for choice_id in own:
                own[choice_id] = report.day_picks.get((role_id, day.id, choice_id), 0)
            for choice_id in standing:
                if choice_id not in own:
                    standing[choice_id] += report.day_picks.get((role_id, day.id, choice_id), 0)
            if own:
                days[day.id] = own
        choices[role_id] = {
            "picked": {choice_id: report.picks[role_id].get(choice_id, 0) for choice_id in scenario.choice_ids(role_id)},
            "offered": {choice_id: report.offered.get(role_id, Counter()).get(choice_id, 0)
                        for choice_id in scenario.choice_ids(role_id)},
            "days": days,
            "standing": standing,
        }
    return {
        "scenario": report.scenario_id,
        "games": report.games,
        "seed": report.seed,
        "policies": report.policies,
        "endings": {ending.id: report.endings.get(ending.id, 0) for ending in scenario.endings},
        "choices": choices,
        "events": {event.id: report.events.get(event.id, 0) for event in scenario.events},
        "interactions": {item.id: report.interactions.get(item.id, 0) for item in scenario.interactions},
    }


def never_happened(report: SimulationReport, scenario: Scenario) -> dict[str, list[str]]:
    """What the games never reached, picked, fired or matched, by kind, in file order."""
    missing: dict[str, list[str]] = {"endings": [e.id for e in scenario.endings if not report.endings.get(e.id)]}
    for role_id in scenario.roles:
        offered = report.offered.get(role_id, Counter())
        missing[f"choices of {role_id}"] = [
            choice_id + ("" if offered.get(choice_id) else " (never offered)")
            for choice_id in scenario.choice_ids(role_id) if not report.picks[role_id].get(choice_id)]
    missing["events"] = [event.id for event in scenario.events if not report.events.get(event.id)]
    missing["interactions"] = [item.id for item in scenario.interactions if not report.interactions.get(item.id)]
    return {kind: items for kind, items in missing.items() if items}


# --- values at each ending ---------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Histogram:
    """One variable's (or derived value's) values at the end of the games, per ending, on shared bins."""

    name: str
    kind: str  # "variable" or "derived"
    edges: tuple[float, ...]  # bin i holds edges[i] <= value < edges[i + 1]; the last bin includes its top
    counts: Mapping[str, tuple[int, ...]]  # ending id -> games per bin (reached endings only)
    means: Mapping[str, float]

    @property
    def labels(self) -> tuple[str, ...]:
        pairs = zip(self.edges, self.edges[1:])
        if self.whole_steps:
            return tuple(_number(low) for low, _ in pairs)
        return tuple(f"{_number(low)}–{_number(high)}" for low, high in pairs)

    @property
    def whole_steps(self) -> bool:
        """One bin per whole number (a small integer range), labelled by the number alone."""
        return all(float(high - low) == 1.0 and float(low).is_integer() for low, high in zip(self.edges, self.edges[1:]))


MAX_BINS = 10


def histograms(report: SimulationReport, scenario: Scenario) -> list[Histogram]:
    """Each variable's and derived value's histogram at each ending reached."""
    named: list[tuple[str, str, int, tuple[float, float] | None]]
    named = [(variable.id, "variable", variable.slot, (variable.minimum, variable.maximum))
             for variable in scenario.variables.values()]
    first_derived = len(scenario.initial_values())
    named += [(item_id, "derived", first_derived + index, None) for index, item_id in enumerate(scenario.derived)]
    reached = [ending.id for ending in scenario.endings if ending.id in report.final_values]
    result = []
    for name, kind, slot, bounds in named:
        per_ending = {ending_id: report.final_values[ending_id][slot] for ending_id in reached}
        seen = [float(value) for counter in per_ending.values() for value in counter]
        if not seen:
            continue
        low, high = bounds if bounds is not None else (min(seen), max(seen))
        low, high = min(low, min(seen)), max(high, max(seen))
        edges = _bin_edges(low, high, all(value.is_integer() for value in seen))
        counts = {ending_id: _binned(counter, edges) for ending_id, counter in per_ending.items()}
        means = {ending_id: sum(float(v) * n for v, n in counter.items()) / max(sum(counter.values()), 1)
                 for ending_id, counter in per_ending.items()}
        result.append(Histogram(name, kind, edges, counts, means))
    return result


def _bin_edges(low: float, high: float, whole: bool) -> tuple[float, ...]:
    if whole and high - low + 1 <= MAX_BINS + 2:
        return tuple(float(value) for value in range(int(low), int(high) + 2))
    if high <= low:
        return (low, low + 1)
    step = (high - low) / MAX_BINS
    return tuple(low + step * index for index in range(MAX_BINS)) + (high,)


def _binned(counter: Counter, edges: Sequence[float]) -> tuple[int, ...]:
    counts = [0] * (len(edges) - 1)
    last = len(counts) - 1
    for value, games in counter.items():
        index = bisect_right(edges, float(value)) - 1
        counts[min(max(index, 0), last)] += games
    return tuple(counts)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.3g}"


BLOCKS = "▁▂▃▄▅▆▇█"


def block_bar(counts: Iterable[int]) -> str:
    """A bar of block characters, one per bin, scaled to the fullest; an empty bin is a dot."""
    counts = list(counts)
    most = max(counts, default=0)
    if most == 0:
        return "·" * len(counts)
    return "".join("·" if n == 0 else BLOCKS[min(len(BLOCKS) - 1, (n * len(BLOCKS) - 1) // most)] for n in counts)


# --- output --------------------------------------------------------------------------------------
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
        "ending_days": {ending_id: dict(sorted(Counter(days).items())) for ending_id, days in report.ending_days.items()},
        "picks": {role_id: dict(counter) for role_id, counter in report.picks.items()},
        "events": {event.id: report.events.get(event.id, 0) for event in scenario.events},
        "interactions": {item.id: report.interactions.get(item.id, 0) for item in scenario.interactions},
        "coverage": coverage(report, scenario),
        "never": never_happened(report, scenario),
        "histograms": {h.name: {"kind": h.kind, "bins": [[low, high] for low, high in zip(h.edges, h.edges[1:])],
                                "labels": list(h.labels),
                                "endings": {e: {"counts": list(c), "mean": round(h.means[e], 3)} for e, c in h.counts.items()}}
                       for h in histograms(report, scenario)},
        "seconds": round(report.seconds, 4),
        "games_per_second": round(report.games_per_second, 1),
        "goal_value": {role_id: round(value, 4) for role_id, value in goal_means(report).items()},
        "decision_ms_p95": decision_ms(report),
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
        offered = report.offered.get(role_id, Counter())
        heading = f"Choices of {role_id}"
        width = max([len(c) for c in counter] + [len(heading) - 4])
        lines += ["", f"{heading:<{width + 4}}  picked   offered"]
        for choice_id, count in sorted(counter.items(), key=lambda item: (-item[1], item[0])):
            note = "" if count else ("   never offered" if not offered.get(choice_id) else "   never picked")
            lines.append(f"  {choice_id:<{width}}  {count:>8}  {offered.get(choice_id, 0):>8}{note}")
    for title, items, counts, missing in (("Events", scenario.events, report.events, "never fired"),
                                          ("Interactions", scenario.interactions, report.interactions, "never matched")):
        if items:
            lines += ["", title]
            width = max(len(item.id) for item in items)
            for item in items:
                count = counts.get(item.id, 0)
                lines.append(f"  {item.id:<{width}}  {count:>8}" + ("" if count else f"   {missing}"))
    lines += _format_histograms(report, scenario)
    never = never_happened(report, scenario)
    lines += ["", f"Never happened in {report.games} games" if never else "Every ending, choice, event and interaction happened at least once."]
    for kind, names in never.items():
        lines.append(f"  {kind}: " + ", ".join(names))
    lines += ["", "Goal value (mean, per role): " + ", ".join(f"{role_id} {value:.2f}" for role_id, value in goal_means(report).items()),
              "Decision time (p95, per role): " + ", ".join(f"{role_id} {ms:.2f} ms" for role_id, ms in decision_ms(report).items())]
    lines += ["", f"{report.games} games in {report.seconds:.3f} s: {report.games_per_second:,.0f} games per second"]
    return "\n".join(lines)


def _format_histograms(report: SimulationReport, scenario: Scenario) -> list[str]:
    found = histograms(report, scenario)
    if not found:
        return []
    lines = ["", "Values at each ending (one block per bin, from the lowest value to the highest; · none)"]
    width = max(len(h.name) for h in found)
    span = max(len(f"{h.labels[0]}..{h.labels[-1]}") for h in found)
    for ending in scenario.endings:
        games = report.endings.get(ending.id, 0)
        if not games:
            continue
        lines.append(f"  {ending.id} ({games} games)")
        for h in found:
            bounds = f"{_number(h.edges[0])}..{_number(h.edges[-1] - 1 if h.whole_steps else h.edges[-1])}"
            lines.append(f"    {h.name:<{width}}  {bounds:>{span}}  {block_bar(h.counts[ending.id])}"
                         f"  mean {h.means[ending.id]:.3g}")
    return lines
