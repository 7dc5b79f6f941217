"""``brink check``: explore every way a scenario can go and report what can never happen.

This is the author's quicktest. Starting from the first day, it follows every legal pair of
orders and every way the day's random events can fall (an event whose chance is strictly
between 0 and 1 both fires and does not; a sure one just fires), day by day, merging paths
that arrive at the same state (values, delayed effects waiting, events already fired).

Two bounds keep a big scenario to seconds rather than hours, and the report says when either
bit, so that "never" then means "not found": when a day's distinct states outnumber
``max_states``, or would cost more than the day's share of ``max_resolutions``, a seeded uniform
sample of them is kept (up to a quarter of it from the states the record's orders lead to,
where the scenario marks what was really decided); and within one day's orders only the first ``branching_events`` uncertain
events branch both ways, the rest being decided by the seeded sampler at their own probability.

When a bound bit, the check then looks on purpose for each ending and event its sample missed
(``game.tools.direct``: a seeded beam search toward the thing's condition, within a budget of
resolutions), and says "not found" rather than "never" for what it still did not find.

The report: endings reached (with the earliest day and one path there) and never reached,
choices never open, events that never fire, interactions that never happen, each variable's
range at the start of each day and at each ending, and dead ends (a reachable state in which
a seat has no legal choice), which are errors.

Resolving a day here uses the engine's own steps (``apply_orders``, ``may_fire``, ``fire``,
``ending_of_day`` in ``game.engine.resolve``) and differs from ``resolve_day`` only in taking the
events' outcomes as given instead of rolling dice; ``tests/test_check.py`` holds the two to the
same results.
"""

from __future__ import annotations

import itertools
import random
import time
from dataclasses import dataclass, field
from collections.abc import Callable, Iterator, Sequence

from game.engine.resolve import apply_orders, ending_of_day, fire, legal_choices, may_fire
from game.engine.state import GameState, new_game
from game.scenario.errors import Location
from game.scenario.model import Choice, Event, Interaction, Scenario

DEFAULT_MAX_STATES = 20_000
DEFAULT_MAX_RESOLUTIONS = 600_000
DEFAULT_BRANCHING_EVENTS = 3
DEFAULT_DIRECTED = 300_000  # resolutions a bounded check may spend looking on purpose for what its sample missed

Decide = Callable[[Event, float], Sequence[bool]]


def every_outcome(event: Event, probability: float) -> tuple[bool, ...]:
    """Both ways when chance decides; one way when the probability makes it certain."""
    if probability >= 1:
        return (True,)
    if not probability > 0:  # NaN too: the game's dice never fall below it
        return (False,)
    return (False, True)  # not firing first, so the example paths lean on chance as little as they can


@dataclass(frozen=True, slots=True)
class Resolution:
    """One way a day can resolve: the next state and what happened on the way."""

    state: GameState
    events: tuple[str, ...]
    interactions: tuple[str, ...]


# --- one day, with the events' outcomes given ---------------------------------------------------
def resolve_outcomes(scenario: Scenario, state: GameState, chosen: Sequence[tuple[str, Choice | None]],
                     decide: Decide = every_outcome) -> Iterator[Resolution]:
    """Every resolution of the current day for these orders, one per way ``decide`` lets events fall.

    ``chosen`` pairs each role, in the file's order, with its legal choice (None when it has none).
    The returned states carry no history and seed 0: they are positions, not games.
    """
    applied = apply_orders(scenario, state, chosen)
    # 5. and 6.: events, then the ending
    yield from _roll(scenario, state, chosen, applied.matching, applied.values, applied.waiting, (), 0, decide)


def _roll(scenario, state, chosen, matching, values, waiting, fired_today, start, decide) -> Iterator[Resolution]:
    day = scenario.days[state.day_index]
    events = scenario.events
    for index in range(start, len(events)):
        event = events[index]
        if not may_fire(event, day.id, state.fired, values):
            continue
        outcomes = decide(event, event.probability.value(values))
        if len(outcomes) == 1:
            if outcomes[0]:
                fired_today = fired_today + (event.id,)
                fire(event, state.day_index, values, waiting)
            continue
        for fires in outcomes:
            branch_values, branch_waiting, branch_fired = list(values), list(waiting), fired_today
            if fires:
                branch_fired = fired_today + (event.id,)
                fire(event, state.day_index, branch_values, branch_waiting)
            yield from _roll(scenario, state, chosen, matching, branch_values, branch_waiting, branch_fired,
                             index + 1, decide)
        return
    yield _finish(scenario, state, chosen, matching, values, waiting, fired_today)


def _finish(scenario, state, chosen, matching, values, waiting, fired_today) -> Resolution:
    ending = ending_of_day(scenario, state, chosen, matching, fired_today, values)
    next_index = state.day_index if ending else state.day_index + 1
    fired = state.fired | frozenset(fired_today) if fired_today else state.fired
    next_state = GameState(0, next_index, tuple(values), tuple(waiting), fired, (), ending)
    return Resolution(next_state, fired_today, tuple(interaction.id for interaction in matching))


# --- the search ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Step:
    """One day of a path: the orders given and the events that fired."""

    day_id: str
    orders: tuple[tuple[str, str | None], ...]
    events: tuple[str, ...]

    def describe(self) -> str:
        orders = ", ".join(f"{role} {choice or '(no order)'}" for role, choice in self.orders)
        return f"{self.day_id}: {orders}" + (f" [{', '.join(self.events)}]" if self.events else "")


Trail = tuple  # (parent trail, Step), or () at the start: paths share their beginnings


def path_of(trail: Trail) -> list[Step]:
    steps = []
    while trail:
        trail, step = trail
        steps.append(step)
    return steps[::-1]


@dataclass
class EndingFound:
    first_day: int  # the day number (from 1) on which it was first reached
    states: int = 0  # resolutions that end in it (paths merged into one state count once)
    example: Trail = ()
    directed: bool = False  # found by looking for it on purpose, after the sample missed it


@dataclass
class DeadEnd:
    day_index: int
    role_id: str
    states: int = 0
    example: Trail = ()


@dataclass
class CheckReport:
    scenario: Scenario
    max_states: int
    seed: int
    states_per_day: list[int] = field(default_factory=list)  # distinct states at the start of each day
    bounded_days: list[int] = field(default_factory=list)  # day numbers (from 1) whose states were sampled
    endings: dict[str, EndingFound] = field(default_factory=dict)
    available: dict[tuple[int, str], set[str]] = field(default_factory=dict)  # (day index, role) -> choice ids
    events: set[str] = field(default_factory=set)
    interactions: set[str] = field(default_factory=set)
    day_ranges: list[dict[str, tuple[float, float]]] = field(default_factory=list)
    ending_ranges: dict[str, dict[str, tuple[float, float]]] = field(default_factory=dict)
    dead_ends: dict[tuple[int, str], DeadEnd] = field(default_factory=dict)
    resolutions: int = 0
    events_sampled: bool = False  # some uncertain events were decided by the sampler, not branched
    directed_resolutions: int = 0  # spent looking on purpose for what the sample missed
    events_directed: set[str] = field(default_factory=set)  # events found only by looking for them
    seconds: float = 0.0

    @property
    def exhaustive(self) -> bool:
        return not self.bounded_days and not self.events_sampled

    def unreachable_endings(self) -> list[str]:
        return [ending.id for ending in self.scenario.endings if ending.id not in self.endings]

    def never_available(self) -> list[tuple[str, int | None, Choice]]:
        """(role, day index or None for a standing choice, choice) for each choice never open."""
        scenario = self.scenario
        missing: list[tuple[str, int | None, Choice]] = []
        for day in scenario.days:
            if day.index >= len(self.states_per_day):
                break
            for role_id, choices in day.choices.items():
                open_today = self.available.get((day.index, role_id), set())
                missing.extend((role_id, day.index, c) for c in choices if c.id not in open_today)
        for role_id, role in scenario.roles.items():
            ever = set().union(*(ids for (_, r), ids in self.available.items() if r == role_id))
            missing.extend((role_id, None, c) for c in role.standing_choices if c.id not in ever)
        return missing

    def events_never_fired(self) -> list[str]:
        return [event.id for event in self.scenario.events if event.id not in self.events]

    def interactions_never(self) -> list[str]:
        return [item.id for item in self.scenario.interactions if item.id not in self.interactions]


def capped_outcomes(sampler: random.Random, branching_events: int, report: CheckReport) -> Callable[[], Decide]:
    """Both ways for the first ``branching_events`` uncertain events of a resolution, then one
    way drawn at the event's own probability (so likely outcomes stay likely in the sample)."""
    branched = 0

    def decide(event: Event, probability: float) -> tuple[bool, ...]:
        nonlocal branched
        outcomes = every_outcome(event, probability)
        if len(outcomes) == 1:
            return outcomes
        if branched < branching_events:
            branched += 1
            return outcomes
        report.events_sampled = True
        return (sampler.random() < probability,)

    def fresh() -> Decide:
        nonlocal branched
        branched = 0
        return decide

    return fresh


def check(scenario: Scenario, max_states: int = DEFAULT_MAX_STATES, seed: int = 1,
          max_resolutions: int = DEFAULT_MAX_RESOLUTIONS,
          branching_events: int = DEFAULT_BRANCHING_EVENTS,
          directed: int = DEFAULT_DIRECTED) -> CheckReport:
    """Explore the scenario breadth-first over distinct states, one day at a time; when the search was
    bounded, then look on purpose for each ending (and event) the sample missed."""
    started = time.perf_counter()
    report = CheckReport(scenario, max_states, seed)
    sampler = random.Random(seed)
    next_decide = capped_outcomes(sampler, branching_events, report)
    roles = tuple(scenario.roles)
    start = new_game(scenario, 0)
    frontier: dict[tuple, tuple[GameState, Trail]] = {_key(start): (start, ())}
    cost_per_state = 1.0  # resolutions per state on the day before: the estimate for today
    on_record = {_key(start)}  # states the record's orders lead to: always kept by a sample
    for day in scenario.days:
        if not frontier:
            break
        share = (max_resolutions - report.resolutions) / (len(scenario.days) - day.index)
        affordable = max(1, int(share / cost_per_state))
        if len(frontier) > affordable:
            if day.index + 1 not in report.bounded_days:
                report.bounded_days.append(day.index + 1)
            frontier = _sample(frontier, affordable, on_record, sampler)
        resolutions_before = report.resolutions
        report.states_per_day.append(len(frontier))
        report.day_ranges.append(_ranges(scenario, (state.values for state, _ in frontier.values())))
        following: dict[tuple, tuple[GameState, Trail]] = {}
        record_orders = dict(day.historical or {})
        next_on_record: set[tuple] = set()
        for state_key, (state, trail) in frontier.items():
            options = []
            for role_id in roles:
                legal = legal_choices(scenario, state, role_id)
                report.available.setdefault((day.index, role_id), set()).update(c.id for c in legal)
                if not legal:
                    _dead_end(report, day.index, role_id, trail)
                options.append(legal or (None,))
            for combination in itertools.product(*options):
                chosen = tuple(zip(roles, combination))
                orders = tuple((role_id, choice.id if choice else None) for role_id, choice in chosen)
                as_recorded = state_key in on_record and all(record_orders.get(role_id, choice_id) == choice_id
                                                             for role_id, choice_id in orders)
                for resolution in resolve_outcomes(scenario, state, chosen, next_decide()):
                    report.resolutions += 1
                    report.events.update(resolution.events)
                    report.interactions.update(resolution.interactions)
                    next_trail = (trail, Step(day.id, orders, resolution.events))
                    reached = resolution.state
                    if reached.ending:
                        _ending(report, day.index, reached, next_trail)
                        continue
                    key = _key(reached)
                    if key not in following:
                        following[key] = (reached, next_trail)
                    if as_recorded:
                        next_on_record.add(key)
        cost_per_state = max(1.0, (report.resolutions - resolutions_before) / len(frontier))
        if len(following) > max_states:
            report.bounded_days.append(day.index + 2)
            following = _sample(following, max_states, next_on_record, sampler)
        frontier, on_record = following, next_on_record
    if not report.exhaustive and directed > 0:
        _look_on_purpose(report, seed, directed)
    report.seconds = time.perf_counter() - started
    return report


def _look_on_purpose(report: CheckReport, seed: int, budget: int) -> None:
    """A directed search for each ending, then each event, that the sample did not reach, sharing
    ``budget`` resolutions among them (what one leaves unspent goes to the next)."""
    from game.tools.direct import ending_goal, event_goal, search
    from game.tools.inventory import ending_sources

    scenario = report.scenario
    sources = _ending_conditions(scenario, ending_sources(scenario))
    goals = [ending_goal(scenario, ending_id, sources.get(ending_id, ())) for ending_id in report.unreachable_endings()]
    event_goals = [event_goal(scenario, event_id) for event_id in report.events_never_fired()]
    left = budget
    for number, goal in enumerate(goals + event_goals):
        share = left // (len(goals) + len(event_goals) - number)
        trail, spent = search(scenario, goal, resolve_outcomes, share, seed)
        left -= spent
        report.resolutions += spent
        report.directed_resolutions += spent
        if trail is None:
            continue
        if number < len(goals):
            report.endings[goal.name] = EndingFound(len(path_of(trail)), 0, trail, directed=True)
        else:
            report.events.add(goal.name)
            report.events_directed.add(goal.name)


def _ending_conditions(scenario: Scenario, sources: dict[str, list[str]]) -> dict[str, list[str]]:
    """For each ending an order, interaction or event brings about, the conditions of those that do."""
    conditions: dict[str, list[str]] = {}
    for role in scenario.roles.values():
        for choice in role.standing_choices:
            if choice.ending:
                conditions.setdefault(choice.ending, []).append(choice.requires.source if choice.requires else "true")
    for day in scenario.days:
        for choices in day.choices.values():
            for choice in choices:
                if choice.ending:
                    conditions.setdefault(choice.ending, []).append(choice.requires.source if choice.requires else "true")
    items: tuple[Interaction | Event, ...] = (*scenario.interactions, *scenario.events)
    for item in items:
        if item.ending:
            conditions.setdefault(item.ending, []).append(item.requires.source if item.requires else "true")
    return conditions


def _sample(states: dict, size: int, keep: set, sampler: random.Random) -> dict:
    """A seeded uniform sample of ``size`` states in which up to a quarter are drawn from ``keep``
    (the record's path and where its dice may lead), so a bounded search still follows what
    really happened without the record's own branching crowding out everything else."""
    recorded = [key for key in states if key in keep]
    kept = sampler.sample(recorded, min(len(recorded), max(1, size // 4)))  # the record's dice branch too
    # The quietest of the record's states (the fewest one-time events fired) is always among them:
    # a branch where an accident has struck may still be open for a day (a first nuclear shot waits
    # for its answer) and must not crowd out the road the record itself took.
    quietest = min(recorded, key=lambda key: (len(key[2]), recorded.index(key)), default=None)
    if quietest is not None and quietest not in kept:
        kept[-1:] = [quietest]
    taken = set(kept)
    rest = [key for key in states if key not in taken]
    chosen = kept + sampler.sample(rest, max(0, min(len(rest), size - len(kept))))
    return {key: states[key] for key in chosen}


def _key(state: GameState) -> tuple:
    return (state.values, state.pending, state.fired)


def _dead_end(report: CheckReport, day_index: int, role_id: str, trail: Trail) -> None:
    found = report.dead_ends.get((day_index, role_id))
    if found is None:
        found = report.dead_ends[(day_index, role_id)] = DeadEnd(day_index, role_id, 0, trail)
    found.states += 1


def _ending(report: CheckReport, day_index: int, state: GameState, trail: Trail) -> None:
    ending = state.ending
    assert ending is not None  # called for ended games only
    found = report.endings.get(ending)
    if found is None:
        found = report.endings[ending] = EndingFound(day_index + 1, 0, trail)
        report.ending_ranges[ending] = {}
    found.states += 1
    ranges = report.ending_ranges[ending]
    for name, value in _named_values(report.scenario, state.values):
        low, high = ranges.get(name, (value, value))
        ranges[name] = (min(low, value), max(high, value))


def _named_values(scenario: Scenario, values: Sequence) -> Iterator[tuple[str, float]]:
    for variable in scenario.variables.values():
        yield variable.id, values[variable.slot]
    for derived in scenario.derived.values():
        yield derived.id, derived.value(values)


def _ranges(scenario: Scenario, all_values) -> dict[str, tuple[float, float]]:
    ranges: dict[str, tuple[float, float]] = {}
    for values in all_values:
        for name, value in _named_values(scenario, values):
            low, high = ranges.get(name, (value, value))
            ranges[name] = (min(low, value), max(high, value))
    return ranges


# --- the report ---------------------------------------------------------------------------------
def _where(location: Location) -> str:
    return f"{location.path}:{location.line}:{location.column}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.4g}"


def format_check(report: CheckReport) -> str:
    scenario = report.scenario
    total = sum(report.states_per_day)
    limits = []
    if report.bounded_days:
        limits.append(f"a sample of the states kept on day {', '.join(map(str, report.bounded_days))}")
    if report.events_sampled:
        limits.append("some random events drawn rather than followed both ways")
    how = ("exhaustive search" if report.exhaustive else
           f"BOUNDED search ({'; '.join(limits)}), then {report.directed_resolutions:,} resolutions looking on "
           "purpose for what the sample missed: 'not found' is not 'never'")
    lines = [f"{scenario.title}: {how}",
             f"{len(scenario.days)} days, {total:,} distinct states, {report.resolutions:,} resolutions "
             f"in {report.seconds:.2f} s", "", "Endings"]
    width = max((len(e.id) for e in scenario.endings), default=10)
    for ending in scenario.endings:
        found = report.endings.get(ending.id)
        if found is None:
            if report.exhaustive:
                lines.append(f"  {ending.id:<{width}}  NEVER REACHED  ({_where(ending.location)})")
            else:
                lines.append(f"  {ending.id:<{width}}  not found in this sample, nor by looking for it on purpose")
            continue
        if found.directed:
            lines.append(f"  {ending.id:<{width}}  missed by the sample, found on purpose on day {found.first_day};"
                         f" e.g. " + "; ".join(step.describe() for step in path_of(found.example)))
            continue
        lines.append(f"  {ending.id:<{width}}  from day {found.first_day}, {found.states:,} resolutions;"
                     f" e.g. " + "; ".join(step.describe() for step in path_of(found.example)))
    missing = report.never_available()
    lines += ["", "Choices never open" + ("" if missing else ": none")]
    for role_id, day_index, choice in missing:
        place = f"on day '{scenario.days[day_index].id}'" if day_index is not None else "(standing, on any day)"
        lines.append(f"  {role_id} {choice.id} {place}  ({_where(choice.location)})")
    never_fired = report.events_never_fired()
    title = "Events that never fire" if report.exhaustive else "Events not found firing"
    lines += ["", title + ("" if never_fired else ": none")]
    for event_id in never_fired:
        event = next(e for e in scenario.events if e.id == event_id)
        lines.append(f"  {event_id}  ({_where(event.location)})" if report.exhaustive else f"  {event_id}")
    for event_id in sorted(report.events_directed):
        lines.append(f"  ({event_id}: missed by the sample, found firing on purpose)")
    never_met = report.interactions_never()
    if scenario.interactions:
        lines += ["", "Interactions that never happen" + ("" if never_met else ": none")]
        for interaction_id in never_met:
            interaction = next(i for i in scenario.interactions if i.id == interaction_id)
            lines.append(f"  {interaction_id}  ({_where(interaction.location)})")
    lines += ["", "Values at the start of each day (min..max over reachable states)"]
    lines += _range_table([(f"{index + 1} {scenario.days[index].id}", ranges)
                           for index, ranges in enumerate(report.day_ranges)], scenario)
    lines += ["", "Values at each ending"]
    lines += _range_table([(ending_id, report.ending_ranges[ending_id])
                           for ending_id in (e.id for e in scenario.endings) if ending_id in report.ending_ranges],
                          scenario)
    lines += ["", "Dead ends" + ("" if report.dead_ends else ": none")]
    for dead in report.dead_ends.values():
        day = scenario.days[dead.day_index]
        lines.append(f"{_where(day.location)}: error: on day '{day.id}' '{dead.role_id}' has no legal choice in "
                     f"{dead.states:,} reachable state{'s' if dead.states != 1 else ''}, e.g. after "
                     + ("; ".join(step.describe() for step in path_of(dead.example)) or "the start"))
    return "\n".join(lines)


def _range_table(rows: list[tuple[str, dict]], scenario: Scenario) -> list[str]:
    names = [*scenario.variables, *scenario.derived]
    cells = [[label] + [(_number(r[name][0]) + ".." + _number(r[name][1])) if name in r else "-" for name in names]
             for label, r in rows]
    header = [""] + names
    widths = [max(len(row[i]) for row in [header, *cells]) for i in range(len(header))]
    return ["  " + "  ".join(text.ljust(width) for text, width in zip(row, widths)).rstrip()
            for row in [header, *cells]]


def check_as_dict(report: CheckReport) -> dict:
    scenario = report.scenario

    def place(location: Location) -> dict:
        return {"path": location.path, "line": location.line, "column": location.column}

    return {
        "scenario": scenario.id,
        "exhaustive": report.exhaustive,
        "max_states": report.max_states,
        "seed": report.seed,
        "bounded_days": report.bounded_days,
        "events_sampled": report.events_sampled,
        "states_per_day": report.states_per_day,
        "resolutions": report.resolutions,
        "endings": {ending.id: ({"reachable": True, "first_day": found.first_day, "states": found.states,
                                 "found_on_purpose": found.directed,
                                 "example": [step.describe() for step in path_of(found.example)]}
                                if (found := report.endings.get(ending.id)) else
                                ({"reachable": False, **place(ending.location)} if report.exhaustive else
                                 {"reachable": None, "found": False}))
                    for ending in scenario.endings},
        "choices_never_open": [{"role": role_id, "day": scenario.days[day_index].id if day_index is not None else None,
                                "choice": choice.id, **place(choice.location)}
                               for role_id, day_index, choice in report.never_available()],
        "events_never_fired": report.events_never_fired(),
        "events_found_on_purpose": sorted(report.events_directed),
        "directed_resolutions": report.directed_resolutions,
        "interactions_never_happen": report.interactions_never(),
        "day_ranges": {scenario.days[index].id: {name: list(bounds) for name, bounds in ranges.items()}
                       for index, ranges in enumerate(report.day_ranges)},
        "ending_ranges": {ending_id: {name: list(bounds) for name, bounds in ranges.items()}
                          for ending_id, ranges in report.ending_ranges.items()},
        "dead_ends": [{"day": scenario.days[dead.day_index].id, "role": dead.role_id, "states": dead.states,
                       "example": [step.describe() for step in path_of(dead.example)],
                       **place(scenario.days[dead.day_index].location)}
                      for dead in report.dead_ends.values()],
        "seconds": round(report.seconds, 3),
    }
