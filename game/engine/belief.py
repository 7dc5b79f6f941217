"""What a seat can know of the game, and positions drawn from that knowledge for looking ahead.

A seat that looks ahead (the strategist, an advisor) must not read the meters, flags and orders
the scenario keeps from it (``visible_to``). It reasons instead over *determinizations*: full
positions, each one the game might really be in given everything the seat has seen, drawn in
proportion to how likely they are; a playout starts from one of them. This is determinized
(perfect-information) Monte Carlo over the seat's *information set*, the method of Information
Set MCTS (P. I. Cowling, E. J. Powley and D. Whitehouse, "Information Set Monte Carlo Tree
Search", IEEE Transactions on Computational Intelligence and AI in Games 4(2), 2012).

A position is drawn by replaying the game so far from the scenario's opening, as a particle
filter would, on dice of its own:

- each day, the seat's own order and every order of the other side it has learned of are given
  as they were; an order it has not learned of is drawn among the other seat's open orders, in
  proportion to how likely the habits it believes in (``game.engine.lookahead.HABITS``) make
  it, times how well the order explains the meters the seat saw change that day (a soft match:
  ``MATCH_SCALE`` of a meter's range apart costs a factor e);
- the events the seat heard of happened, those it would have heard of did not, and the others
  roll their dice as in the game;
- at the end of every day the meters and flags the seat saw are set to what it saw, so a
  replay never strays from what the seat knows; only what is hidden carries the replay's guess.

The same replay keeps, for each particle, how likely each habit is to be the way each seat has
played (Bayes' rule on the orders the seat has seen, read on the particle's own position), so the
beliefs about the other side come from the seat's knowledge too. Nothing is read of the true
position but what the seat may see: two games that differ only in what is hidden from the seat
give the same draws. Every draw comes from ``Dice`` keyed by the caller, so the same seed gives
the same positions. A seat from which the scenario keeps nothing reasons on the position itself.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import product
from typing import NamedTuple

from game.engine.lookahead import HABITS, PRIOR, SURPRISE, habit_probability, habit_weights, learn_habits, sample_key
from game.engine.resolve import Dice, apply_orders, choice_on_day, fire, legal_choices, may_fire
from game.engine.state import DayRecord, GameState, check_derived
from game.engine.visibility import history_seen_by, sees
from game.scenario.errors import FormulaError
from game.scenario.model import Choice, Event, Flag, Scenario, Variable

PARTICLES = 8  # positions drawn per look ahead: each playout starts from one of them in turn
MATCH_SCALE = 0.02  # of a meter's range: how far a replayed day may stray from what was seen, at a cost of e
_KEY = 0x5851F42D4C957F2D  # apart from the playouts' keys
_MIX = 0x9E3779B97F4A7C15
_KEPT_REPLAYS = 512  # replays kept for the next day's belief; then forgotten all at once


class Belief:
    """What one seat believes: positions to play from, and how likely each habit is for each seat."""

    __slots__ = ("positions", "habits")

    def __init__(self, positions: Sequence[GameState], habits: dict[str, tuple[float, ...]]):
        self.positions = tuple(positions)
        self.habits = habits  # role -> weight of each of HABITS

    def position(self, index: int) -> GameState:
        """The position the index-th playout of a search starts from."""
        return self.positions[index % len(self.positions)]

    def others(self, role_id: str) -> dict[str, tuple[float, ...]]:
        """The beliefs about every seat but ``role_id``."""
        return {other: weights for other, weights in self.habits.items() if other != role_id}


def keeps_secrets_from(scenario: Scenario, role_id: str) -> bool:
    """Whether anything of the game (a meter, a flag, an order, an event) may ever be kept from the seat."""
    key = ("keeps secrets from", role_id)
    found = scenario.memo.get(key)
    if found is None:
        things: list[Variable | Flag | Event | Choice] = [*scenario.variables.values(), *scenario.flags.values(),
                                                          *scenario.events]
        things += [choice for day in scenario.days for role, choices in day.choices.items() if role != role_id
                   for choice in choices]
        things += [choice for role in scenario.roles.values() if role.id != role_id for choice in role.standing_choices]
        found = scenario.memo[key] = any(_may_hide(thing.visible_to, role_id) for thing in things)
    return found


def _may_hide(visible_to, role_id: str) -> bool:
    return visible_to is not None and (role_id not in visible_to or visible_to[role_id] is not None)


def seen_slots(scenario: Scenario, role_id: str, values: Sequence) -> tuple[int, ...]:
    """The slots of the variables and flags the seat sees when the values are ``values``."""
    items: tuple[Variable | Flag, ...] = (*scenario.variables.values(), *scenario.flags.values())
    return tuple(item.slot for item in items if sees(item.visible_to, role_id, values))


def belief_of(scenario: Scenario, state: GameState, role_id: str, particles: int = PARTICLES) -> Belief:
    """What the seat believes of ``state``. The draws are keyed by the game's seed and the seat
    (never by the game's own dice), so the strategist and the advisors of a seat share one
    belief, and each day's replay extends the day before's (see ``_replayed``)."""
    if not keeps_secrets_from(scenario, role_id):
        return Belief((state,), {role: habit_weights(scenario, state, role) for role in scenario.roles})
    seen = history_seen_by(scenario, state.history, (role_id,), state.values)
    key = sample_key(state.seed * _MIX ^ _KEY, list(scenario.roles).index(role_id))
    replayed = _replayed(scenario, state.seed, role_id, seen, key, particles)
    now_seen = seen_slots(scenario, role_id, state.values)
    positions = [_position(scenario, state, particle, now_seen) for particle in replayed]
    totals = {role: [0.0] * len(HABITS) for role in scenario.roles}
    for particle in replayed:
        for role, weights in particle.habits.items():
            normal = _normalised(weights)
            totals[role] = [total + weight for total, weight in zip(totals[role], normal)]
    return Belief(positions, {role: tuple(total / particles for total in weights) for role, weights in totals.items()})


class _Particle(NamedTuple):
    """One guess at the game so far: the values, delayed effects and events as replayed, and the
    habits' weights for each seat (never changed in place once made: the memo shares them)."""

    values: tuple
    pending: tuple
    fired: frozenset[str]
    habits: dict[str, tuple[float, ...]]


class _Day:
    """One past day as the seat saw it: its record (orders it never learned of blanked), the
    slots it saw at the day's end, and the events whose news it heard or would have heard."""

    __slots__ = ("record", "slots", "heard", "audible", "seen")

    def __init__(self, scenario: Scenario, role_id: str, record: DayRecord):
        self.record = record
        self.slots = seen_slots(scenario, role_id, record.values_after)
        # (slot, value seen, range) of each, for _distance: every order tried on every particle asks
        self.seen = tuple((slot, float(record.values_after[slot]), _span(scenario, slot)) for slot in self.slots)
        self.audible = tuple(sees(event.visible_to, role_id, record.values_after) for event in scenario.events)
        self.heard = frozenset(event.id for event, audible in zip(scenario.events, self.audible)
                               if audible and event.id in record.events)


def _replayed(scenario: Scenario, seed: int, role_id: str, seen: Sequence[DayRecord], key: int,
              particles: int) -> tuple[_Particle, ...]:
    """The particles after the days seen, each replayed on its own dice. A replay depends only on
    the key and what the seat saw, so it is kept (a few games' worth) and the next day's belief
    replays one day more, not the whole game again: the answer is the same either way."""
    memo = scenario.memo.setdefault(("beliefs", role_id), {})
    marks = tuple((record.orders, record.values_after, record.events) for record in seen)
    found = memo.get((key, particles, marks))
    if found is not None:
        return found
    done = memo.get((key, particles, marks[:-1])) if marks else None
    start = len(marks) - 1 if done is not None else 0
    if done is None:
        opening = _Particle(tuple(scenario.initial_values()), (), frozenset(),
                            {role: tuple(PRIOR) for role in scenario.roles})
        done = (opening,) * particles
    days = [_Day(scenario, role_id, record) for record in seen[start:]]
    result = tuple(_replay(scenario, seed, role_id, particle, days, sample_key(key, index))
                   for index, particle in enumerate(done))
    if len(memo) >= _KEPT_REPLAYS:
        memo.clear()
    memo[key, particles, marks] = result
    return result


def _replay(scenario: Scenario, seed: int, role_id: str, particle: _Particle, days: Sequence[_Day],
            key: int) -> _Particle:
    """One particle carried through more days of the game, as the seat knows them."""
    values = list(particle.values)
    pending, fired = particle.pending, particle.fired
    habits = {role: list(weights) for role, weights in particle.habits.items()}
    for day in days:
        record = day.record
        then = GameState(seed, record.day_index, tuple(values), pending, fired, (), None)
        options: list[Sequence[tuple[Choice | None, float]]] = []
        for role in scenario.roles:
            given = record.order_of(role)
            legal = legal_choices(scenario, then, role)
            if given is not None:
                learn_habits(habits[role], scenario, then, role, legal, given)
                options.append([(choice_on_day(scenario, record.day_index, role, given), 1.0)])
            elif role != role_id and legal:  # an order the seat has not learned of
                options.append(_likely_orders(scenario, then, role, legal, habits[role]))
            else:
                options.append([(None, 1.0)])
        dice = Dice(key + record.day_index * 7919)
        day_key = int(dice.random() * (1 << 53))
        outcomes = []
        for combination in product(*options):
            chosen = [(role, choice) for role, (choice, _) in zip(scenario.roles, combination)]
            outcome = _replay_day(scenario, then, day, chosen, day_key)
            if outcome is not None:
                prior = math.prod(weight for _, weight in combination)
                outcomes.append((math.log(prior) - _distance(day, outcome[0]) / MATCH_SCALE, outcome))
        if outcomes:  # else no order explains the day without a formula failing: keep the guesses so far
            values, pending, fired = _draw(outcomes, dice.random())
        for slot in day.slots:
            values[slot] = record.values_after[slot]
        values[scenario.day_slot] = record.values_after[scenario.day_slot]
    return _Particle(tuple(values), pending, fired, {role: tuple(weights) for role, weights in habits.items()})


def _position(scenario: Scenario, state: GameState, particle: _Particle, now_seen: Sequence[int]) -> GameState:
    """The particle as a position to play from: what the seat sees today as it stands."""
    values = list(particle.values)
    for slot in now_seen:
        values[slot] = state.values[slot]
    values[scenario.day_slot] = state.values[scenario.day_slot]
    try:
        check_derived(scenario, values)
    except FormulaError:  # the guess at what is hidden makes a derived value fail: guess the opening's
        values = _opening_guess(scenario, state, now_seen)
    return GameState(state.seed, state.day_index, tuple(values), particle.pending, particle.fired, (), None)


def _replay_day(scenario: Scenario, then: GameState, day: _Day, chosen: list[tuple[str, Choice | None]],
                day_key: int) -> tuple[list, tuple, frozenset[str]] | None:
    """A past day replayed with these orders: the events the seat heard of, or would have, as
    they came, the rest by their dice (the same dice for every order tried, so orders compare
    fairly). None if a formula fails on the guessed values."""
    try:
        applied = apply_orders(scenario, then, chosen)
        values, waiting = applied.values, applied.waiting
        dice = Dice(day_key)
        fired = set(then.fired)
        day_id = day.record.day_id
        for event, audible in zip(scenario.events, day.audible):
            roll = dice.random()
            if audible:
                happens = event.id in day.heard
            else:
                happens = may_fire(event, day_id, then.fired, values) and roll < event.probability.value(values)
            if happens:
                fired.add(event.id)
                fire(event, then.day_index, values, waiting)
    except FormulaError:
        return None
    return values, tuple(waiting), frozenset(fired)


def _likely_orders(scenario: Scenario, then: GameState, role: str, legal: Sequence[Choice],
                   weights: Sequence[float]) -> list[tuple[Choice, float]]:
    """Each open order with its chance under the habits believed in (and a little surprise)."""
    chances = []
    for choice in legal:
        chance = sum(weight * habit_probability(habit, scenario, then, role, legal, choice.id)
                     for habit, weight in zip(HABITS, weights))
        chances.append((choice, (1 - SURPRISE) * chance + SURPRISE / len(legal)))
    return chances



def _distance(day: _Day, values: Sequence) -> float:
    """How far a replayed day's meters stray from what the seat saw, each in its own range."""
    distance = 0.0
    for slot, seen, span in day.seen:
        distance += abs(float(values[slot]) - seen) / span
    return distance


def _span(scenario: Scenario, slot: int) -> float:
    spans = scenario.memo.get("slot spans")
    if spans is None:
        spans = {variable.slot: max(1.0, float(variable.maximum) - float(variable.minimum))
                 for variable in scenario.variables.values()}
        scenario.memo["slot spans"] = spans
    return spans.get(slot, 1.0)  # a flag: true and false are a whole range apart


def _draw(outcomes: list, roll: float):
    """One outcome, in proportion to its weight (given as a logarithm)."""
    top = max(logarithm for logarithm, _ in outcomes)
    weights = [(math.exp(logarithm - top), outcome) for logarithm, outcome in outcomes]
    roll *= sum(weight for weight, _ in weights)
    for weight, outcome in weights:
        roll -= weight
        if roll < 0:
            return outcome
    return outcomes[-1][1]


def _opening_guess(scenario: Scenario, state: GameState, now_seen: Sequence[int]) -> list:
    """What is hidden as it stood at the opening, what is seen as it stands."""
    values = list(scenario.initial_values())
    for slot in now_seen:
        values[slot] = state.values[slot]
    values[scenario.day_slot] = state.values[scenario.day_slot]
    return values


def _normalised(weights: Sequence[float]) -> tuple[float, ...]:
    total = sum(weights)
    return tuple(weight / total for weight in weights) if total > 0 else tuple(PRIOR)
