"""Looking ahead with the engine's own rules: playouts from a position to an ending.

Both the strategist (a computer leader that plays to win for its seat) and the advisors'
estimates stand on this. A playout plays the rest of a game with the same steps as
``resolve_day`` (``apply_orders``, ``roll_events``, ``ending_of_day``) but keeps no
history, and rolls the events with its own dice: whoever looks ahead does not know the game's
dice, nor the other seat's order of the day, only how the other seat has played so far. Nor does
it start from the true position: the callers start each playout from a position the seat
believes possible (``game.engine.belief``), so nothing kept from the seat leaks into its play.

The other seat is modelled as one of the fixed habits (``historical``, ``hawk``, ``dove``,
``random``), weighted by how well each explains the orders it has given in the game so far
(Bayes' rule, with a little room for surprise so that no habit is ever ruled out for good).

Every draw comes from ``Dice`` keyed by numbers the caller derives from the game's seed, day and
seat, so the same position and key give the same answer on any machine; budgets are counted in
playouts, never in seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from game.engine.goals import goal_value
from game.engine.resolve import Dice, apply_orders, ending_of_day, legal_choices, roll_events
from game.engine.state import DayRecord, GameState
from game.scenario.errors import FormulaError
from game.scenario.model import LEANING_SCORE, Choice, Scenario

Picker = Callable[[Scenario, GameState, str, Sequence[Choice], Dice], Choice]

HABITS = ("historical", "hawk", "dove", "random")  # the ways the other seat may be playing
PRIOR = (0.4, 0.2, 0.2, 0.2)  # before the other seat's first order: many players start near the record
SURPRISE = 0.05  # the share of an order no habit explains (so one odd order rules no habit out)
_KEY_STEP = 0x9E3779B97F4A7C15
_MASK = (1 << 64) - 1


# --- the fixed habits, as pickers of Choice objects (the same draws as game.engine.opponents) ---
def pick_random(scenario: Scenario, state: GameState, role_id: str, legal: Sequence[Choice], dice: Dice) -> Choice:
    return legal[dice.randrange(len(legal))]


def _favourites(legal: Sequence[Choice], direction: int) -> list[Choice]:
    scores = [LEANING_SCORE[choice.leaning] * direction for choice in legal]  # once each: a picker's every step
    best = max(scores)
    return [choice for choice, score in zip(legal, scores) if score == best]


def pick_hawk(scenario, state, role_id, legal, dice) -> Choice:
    favourites = _favourites(legal, +1)
    return favourites[dice.randrange(len(favourites))]


def pick_dove(scenario, state, role_id, legal, dice) -> Choice:
    favourites = _favourites(legal, -1)
    return favourites[dice.randrange(len(favourites))]


def _historical_options(scenario: Scenario, state: GameState, role_id: str, legal: Sequence[Choice]) -> Sequence[Choice]:
    """What the historical habit picks among, with equal chance: the record's choice if open,
    else those of the same temper, else any."""
    recorded = scenario.days[state.day_index].historical.get(role_id)
    if recorded is not None:
        for choice in legal:
            if choice.id == recorded:
                return (choice,)
        recorded_choice = scenario.choice(role_id, recorded)
        if recorded_choice is not None:
            alike = [choice for choice in legal if choice.leaning == recorded_choice.leaning]
            if alike:
                return alike
    return legal


def pick_historical(scenario, state, role_id, legal, dice) -> Choice:
    options = _historical_options(scenario, state, role_id, legal)
    if len(options) == 1:
        return options[0]
    return options[dice.randrange(len(options))]


PICKERS: dict[str, Picker] = {"historical": pick_historical, "hawk": pick_hawk, "dove": pick_dove, "random": pick_random}


def habit_options(habit: str, scenario: Scenario, state: GameState, role_id: str,
                  legal: Sequence[Choice]) -> Sequence[Choice]:
    """The orders a habit picks among today, each with equal chance."""
    if habit == "random":
        return legal
    if habit == "historical":
        return _historical_options(scenario, state, role_id, legal)
    return _favourites(legal, +1 if habit == "hawk" else -1)


def habit_probability(habit: str, scenario: Scenario, state: GameState, role_id: str,
                      legal: Sequence[Choice], choice_id: str) -> float:
    """The chance that a seat playing by ``habit`` gives this order in this position."""
    options = habit_options(habit, scenario, state, role_id, legal)
    hits = sum(1 for choice in options if choice.id == choice_id)
    return hits / len(options)


# --- what the other seat is likely to be --------------------------------------------------------
def position_before(record: DayRecord) -> GameState:
    """The position a day's orders were given in, as far as the orders' legality and the habits
    need it: the day and the meters before it (what was pending or had fired is not kept)."""
    return GameState(0, record.day_index, record.values_before, (), frozenset(), (), None)


def habit_weights(scenario: Scenario, state: GameState, role_id: str) -> tuple[float, ...]:
    """How likely each of ``HABITS`` is to be the way ``role_id`` plays, from its orders so far."""
    weights = list(PRIOR)
    for record in state.history:
        given = record.order_of(role_id)
        if given is None:
            continue
        then = position_before(record)
        learn_habits(weights, scenario, then, role_id, legal_choices(scenario, then, role_id), given)
    total = sum(weights)
    return tuple(weight / total for weight in weights)


def learn_habits(weights: list[float], scenario: Scenario, then: GameState, role_id: str,
                 legal: Sequence[Choice], given: str) -> None:
    """Bayes' rule on one order seen, in place: each habit weighed by how likely it was to give
    that order (``SURPRISE`` keeps a habit that never would from being ruled out for good)."""
    if not legal:
        return
    for index, habit in enumerate(HABITS):
        chance = habit_probability(habit, scenario, then, role_id, legal, given)
        weights[index] *= (1 - SURPRISE) * chance + SURPRISE / len(legal)
    total = sum(weights)
    if total > 0:
        weights[:] = [weight / total for weight in weights]


# --- one playout -------------------------------------------------------------------------------
def sample_key(base: int, index: int) -> int:
    """The key of the index-th sample of a search: apart enough that samples share no dice."""
    return (base + (index + 1) * _KEY_STEP) & _MASK


def playout(scenario: Scenario, state: GameState, first: Mapping[str, Choice], pickers: Mapping[str, Picker],
            key: int) -> GameState:
    """Play from ``state`` to an ending: on the first day, roles in ``first`` give that order;
    otherwise each role's picker decides. Returns the final position (no history kept).

    The dice of a day (events, and each role's picker) depend only on ``key`` and the day, so two
    playouts with the same key that differ in one order meet the same luck where they can: the
    difference between them is the order's doing, not chance's.
    """
    while state.ending is None:
        state = play_day(scenario, state, first, pickers, key)
        first = {}
    return state


def play_day(scenario: Scenario, state: GameState, first: Mapping[str, Choice], pickers: Mapping[str, Picker],
             key: int) -> GameState:
    """One day of ``playout``: roles in ``first`` give that order, the others' pickers decide."""
    day_key = _day_key(key, state.day_index)
    chosen = []
    for stream, role_id in enumerate(scenario.roles, start=1):
        choice = first.get(role_id) if first else None
        if choice is None:
            choice = _picked(scenario, state, role_id, pickers[role_id], day_key + stream)
        chosen.append((role_id, choice))
    applied = apply_orders(scenario, state, chosen)
    values, waiting = applied.values, applied.waiting
    fired_today = roll_events(scenario, state.day_index, state.fired, values, Dice(day_key), waiting)
    ending = ending_of_day(scenario, state, chosen, applied.matching, fired_today, values)
    fired = state.fired | frozenset(fired_today) if fired_today else state.fired
    return GameState(0, state.day_index if ending else state.day_index + 1, tuple(values), tuple(waiting),
                     fired, (), ending)


def _day_key(key: int, day_index: int) -> int:
    """The key of a playout's dice on one day (each role's picker adds its stream, the events none)."""
    return key * 1_000_003 + day_index * 7919


def first_order(scenario: Scenario, state: GameState, role_id: str, picker: Picker, key: int) -> Choice | None:
    """The order ``playout`` from ``state`` with ``key`` has ``role_id`` give on its first day when
    it is given none: the same open orders, the same dice. A playout given that very order as
    ``first`` is the same playout, so whoever weighs orders may take its result instead of playing
    it again."""
    stream = list(scenario.roles).index(role_id) + 1
    return _picked(scenario, state, role_id, picker, _day_key(key, state.day_index) + stream)


def _picked(scenario: Scenario, state: GameState, role_id: str, picker: Picker, dice_key: int) -> Choice | None:
    """The order ``picker`` gives for ``role_id`` among today's open ones on the dice of ``dice_key``
    (None when none is open)."""
    legal = legal_choices(scenario, state, role_id)
    return picker(scenario, state, role_id, legal, Dice(dice_key)) if legal else None


# --- many playouts: what an order is worth -------------------------------------------------------
class Outcomes:
    """What the playouts of one line of play came to: each seat's mean goal value, and how often
    each ending came."""

    __slots__ = ("games", "totals", "endings")

    def __init__(self, roles: Sequence[str]):
        self.games = 0
        self.totals = {role_id: 0.0 for role_id in roles}
        self.endings: dict[str, int] = {}

    def add(self, scenario: Scenario, final: GameState) -> None:
        assert final.ending is not None  # only finished games are added
        self.games += 1
        for role_id in self.totals:
            self.totals[role_id] += goal_value(scenario, role_id, final.ending, final.values)
        self.endings[final.ending] = self.endings.get(final.ending, 0) + 1

    def mean(self, role_id: str) -> float:
        return self.totals[role_id] / self.games if self.games else 0.0

    def share(self, ending_ids) -> float:
        """The share of playouts that ended in any of ``ending_ids``."""
        return sum(self.endings.get(e, 0) for e in ending_ids) / self.games if self.games else 0.0


def other_habits(scenario: Scenario, state: GameState, role_id: str) -> dict[str, tuple[float, ...]]:
    """For every other seat, how likely each habit is (see ``habit_weights``)."""
    return {other: habit_weights(scenario, state, other) for other in scenario.roles if other != role_id}


def guess_others(beliefs: Mapping[str, Sequence[float]], index: int, samples: int) -> tuple[str, ...]:
    """The habits of the other seats for the index-th of ``samples`` playouts: spread over the
    beliefs in proportion (the index-th quantile of each seat's weights), not drawn at random,
    so a few playouts already meet each likely habit as often as it deserves."""
    quantile = (index + 0.5) / samples
    guess = []
    for weights in beliefs.values():
        roll = quantile
        chosen = HABITS[-1]
        for habit, weight in zip(HABITS, weights):
            roll -= weight
            if roll < 0:
                chosen = habit
                break
        guess.append(chosen)
    return tuple(guess)


def run_line(scenario: Scenario, state: GameState, role_id: str, choice: Choice | None, own: Picker,
             others: Mapping[str, str], key: int, first_days: dict | None = None) -> GameState | None:
    """One playout of giving ``choice`` today and playing by ``own`` after, the others playing by
    the habits given; None for a path on which a formula fails (it counts for nothing).

    ``first_days``, if given, keeps the position after the first day of the lines of one sample
    (the same ``state``, ``others`` and ``key``), by the seat's order that day: whatever habit the
    seat plays by after, that day is the same, so a line whose order was seen before starts from
    there, with the same result as playing it all."""
    pickers = {other: PICKERS[habit] for other, habit in others.items()}
    pickers[role_id] = own
    try:
        if first_days is None or state.ending is not None:
            return playout(scenario, state, {role_id: choice} if choice is not None else {}, pickers, key)
        order = choice if choice is not None else first_order(scenario, state, role_id, own, key)
        known = first_days.get(order.id if order is not None else None)
        if known is None or known[0] is not order:
            after = play_day(scenario, state, {role_id: order} if order is not None else {}, pickers, key)
            known = first_days[order.id if order is not None else None] = (order, after)
        return playout(scenario, known[1], {}, pickers, key)
    except FormulaError:
        return None
