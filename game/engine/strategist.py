"""The strategist: a computer leader that looks ahead and plays to win for its own seat.

Each day it weighs every open order by playouts (``game.engine.lookahead``): give the order
today, then play on by one of the fixed habits, against the other seat as its orders so far
suggest it plays, with dice of its own, each playout from a position the seat believes possible
(``game.engine.belief``: what the scenario keeps from the seat is guessed, never read). An
*arm* is an (order, habit to play on by) pair; the arms share their dice sample for sample
(common random numbers), and successive halving spends the budget on the promising ones: every
round the worse half is dropped, so the orders worth comparing get most of the playouts. The
order of the best arm is given; a temper adds a lean to the comparison (a hawk likes force a
little more than the numbers say, a dove less, the historical temper likes what was really done).

Budgets are counted in simulated days, so the same seed gives the same game on any machine; the
difficulty sets the budget. The default fits the 250 ms per decision this game allows itself
(see ``benchmarks/bench_strategist.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Sequence

from game.engine.goals import goal_range
from game.engine.goals import goal_value
from game.engine.belief import Belief, belief_of
from game.engine.lookahead import (HABITS, PICKERS, first_order, guess_others, habit_options, habit_probability,
                                   position_before, run_line, sample_key)
from game.engine.resolve import Dice, legal_choices
from game.engine.state import GameState
from game.scenario.model import LEANING_SCORE, Choice, Scenario

# Simulated days a decision may play out, for each difficulty; "normal" is the default. Counted in
# days rather than playouts, a decision whose playouts are short (late in a game, or in a short
# scenario) gets more of them for about the same time; counted, never timed, so that the same
# seed gives the same game on any machine.
DIFFICULTIES = {"easy": 240, "normal": 640, "hard": 2560}
DEFAULT_DIFFICULTY = "normal"

# A temper: the habits it plays on by in its playouts, and its lean (as a share of the seat's
# range of goal values) toward hawkish (+1) or dovish (-1) orders, or toward the record.
TEMPERS = {
    "": (("historical", "hawk", "dove"), 0.0, 0.0),
    "hawk": (("hawk", "historical"), +0.08, 0.0),
    "dove": (("dove", "historical"), -0.08, 0.0),
    "historical": (("historical", "dove", "hawk"), 0.0, 0.08),
}
TEMPER_WORDS = {
    "": "looks ahead with the rules and plays to win for its seat",
    "hawk": "looks ahead like the strategist, leaning to force and pressure",
    "dove": "looks ahead like the strategist, leaning to talks and restraint",
    "historical": "looks ahead like the strategist, leaning to what was really done",
}


@dataclass(frozen=True)
class Strategist:
    """A policy (see ``game.engine.opponents``): ``choose`` returns one open choice id."""

    temper: str = ""
    difficulty: str = DEFAULT_DIFFICULTY

    @property
    def name(self) -> str:
        parts = ["strategist"] + ([self.temper] if self.temper else [])
        if self.difficulty != DEFAULT_DIFFICULTY:
            parts.append(self.difficulty)
        return ":".join(parts)

    @property
    def description(self) -> str:
        return TEMPER_WORDS[self.temper]

    @property
    def budget(self) -> int:
        return DIFFICULTIES[self.difficulty]

    def choose(self, scenario: Scenario, state: GameState, role_id: str, legal: Sequence[Choice], rng: Dice) -> str:
        if len(legal) == 1:
            return legal[0].id
        values = weigh_orders(scenario, state, role_id, legal, rng, self.budget, self.temper)
        best = max(values.values())
        tied = [choice for choice in legal if values.get(choice.id, float("-inf")) >= best - 1e-9]
        return tied[rng.randrange(len(tied))].id  # the habit's own orders tie: pick among them as it would


def weigh_orders(scenario: Scenario, state: GameState, role_id: str, legal: Sequence[Choice], rng: Dice,
                 budget: int, temper: str = "") -> dict[str, float]:
    """Each open order's worth to the seat (orders not weighed are left out), plus the temper's lean.

    ``budget`` is in simulated days: the playouts it pays for are as many as fit, the longest a
    playout can be (to the scenario's last day) setting how many the habits get.

    First the habits: for each habit of the temper, playouts that follow it from today. Against
    each guess at the other seat (guesses spread in proportion to the beliefs), the habit that
    does best is that guess's *responder*: a player who soon learns who they face answers a hawk
    across the table differently from a dove; but the habit the seat has been following is kept
    unless another surely does better (``Playouts.responders``). The habits' worth is the mean,
    over the guesses, of the responder's value; the order the habits would give today is worth that.

    Then, with the rest of the budget, each open order followed by the responders, halving the
    field each round, on the same dice and guesses as the habits (common random numbers); when
    there are more orders than the halving could bring to the end, a random few of them. An order
    counts only once weighed on as many playouts as the habits, and only by what it surely gains
    (``Playouts.sure_gain``), so that luck in a few playouts does not lead it astray.
    """
    habits, lean, record_lean = TEMPERS[temper]
    scale = goal_range(scenario, role_id)
    recorded = scenario.days[state.day_index].historical.get(role_id)

    def bias(choice: Choice) -> float:
        return scale * (lean * LEANING_SCORE[choice.leaning] + (record_lean if choice.id == recorded else 0.0))

    most = budget // SHORTEST  # playouts, however short
    days_left = len(scenario.days) - state.day_index  # the longest a playout can be
    samples = max(2, min(most // 2, int(budget * FIRST_SHARE / days_left)) // len(habits))
    base = int(rng.random() * (1 << 53))
    belief = belief_of(scenario, state, role_id)
    table = Playouts(scenario, belief, role_id, samples, base)
    for habit in habits:
        table.run(None, habit, samples)
    leans = {habit: scale * (lean * HABIT_DIRECTION[habit] + (record_lean if habit == "historical" else 0.0))
             for habit in habits}  # the temper leans the choice of habit too, as it leans each order
    responders = table.responders(habits, samples, leans, followed_habit(scenario, belief, state, role_id, habits))
    baseline = table.worth(None, responders, samples)
    leading = responders[table.likeliest_guess()]
    worth = {choice.id: baseline + bias(choice) for choice in habit_options(leading, scenario, state, role_id, legal)}
    left = min(most - table.count, int((budget - table.days) * table.count / max(1, table.days)))
    answers = tuple(dict.fromkeys(responders.values()))
    field = _field_within(legal, len(answers), samples, left, Dice(base))
    reach = samples
    while reach > 1 and _halving_cost(len(field), len(answers), reach, samples) > left:
        reach //= 2
    while field:
        cost = sum(max(0, reach - table.done(choice, habit)) for choice in field for habit in answers)
        if cost > left:
            break
        for choice in field:
            for habit in answers:
                table.run(choice, habit, reach)
        left -= cost
        if reach >= samples:
            break
        field.sort(key=lambda c: table.worth(c, responders, reach) + bias(c), reverse=True)
        field = field[:max(1, len(field) // 2)]
        reach = min(samples, reach * 2)
    for choice in field:
        if all(table.done(choice, habit) >= samples for habit in answers):
            gain = table.sure_gain(choice, responders, samples)
            if gain is not None:
                value = baseline + gain + bias(choice)
                worth[choice.id] = max(worth.get(choice.id, float("-inf")), value)
    return worth


def _halving_cost(count: int, answers: int, reach: int, samples: int) -> int:
    """The playouts successive halving spends on ``count`` orders, starting at ``reach`` samples
    each and doubling as the field halves, until the orders left are weighed on all ``samples``."""
    cost = done = 0
    while True:
        cost += count * answers * (reach - done)
        if reach >= samples:
            return cost
        done, count, reach = reach, max(1, count // 2), min(samples, reach * 2)


def _field_within(legal: Sequence[Choice], answers: int, samples: int, left: int, dice: Dice) -> list[Choice]:
    """The orders to weigh: all of them if the halving can bring at least one to all ``samples``
    within ``left`` playouts, else as many as it can, drawn at random (an order never weighed
    may still be given as the habits' own; one weighed on too few playouts could never count)."""
    field = list(legal)
    while len(field) > 1 and _halving_cost(len(field), answers, 1, samples) > left:
        del field[dice.randrange(len(field))]
    return field


CAUTION = 1.5  # standard errors an order off the habits' path must clear (see Playouts.sure_gain)
# The spread of an order's gains is taken as at least this share of the seat's range: a few
# playouts that all agree have most likely not yet met the rare disaster a new course risks (a
# small but steady gain seen on ten playouts is often a war in fifty), so a small gain must be
# seen on many playouts to count, a large one on few.
SPREAD_FLOOR = 0.1
SWITCH_CAUTION = 1.5  # standard errors another habit must clear to replace the one followed (see Playouts.responders)
HABIT_DIRECTION = {"hawk": 1, "dove": -1, "historical": 0, "random": 0}
FIRST_SHARE = 0.5  # of the budget, for the habits; the rest for other orders
SHORTEST = 4  # days a playout counts for at least, so the last days of a game are not weighed on thousands


class Playouts:
    """The goal values of playouts by (order, habit), sample by sample: sample i of every line
    starts from the same position the seat believes possible, with the same dice and the same
    guess at the other seats, so lines compare fairly."""

    def __init__(self, scenario: Scenario, belief: Belief, role_id: str, samples: int, base: int):
        self.scenario, self.belief, self.role_id, self.base = scenario, belief, role_id, base
        beliefs = belief.others(role_id)
        self.guesses = [guess_others(beliefs, index, samples) for index in range(samples)]
        self.others = tuple(beliefs)
        # keyed by (order, habit); order None: the habit gives today's order too
        self.results: dict[tuple[str | None, str], list[float | None]] = {}
        self.lengths: dict[tuple[str | None, str], list[int]] = {}  # the days each of those playouts simulated
        self.first_days: list[dict] = [{} for _ in range(samples)]  # each sample's first days, by order (see run_line)
        self.count = self.days = 0  # playouts played, and the days they simulated

    def done(self, choice: Choice | None, habit: str) -> int:
        return len(self.results.get((_id(choice), habit), ()))

    def run(self, choice: Choice | None, habit: str, upto: int) -> None:
        """Play the line's samples up to ``upto`` (those not yet played); with no choice, the habit
        gives today's order too."""
        found = self.results.setdefault((_id(choice), habit), [])
        lengths = self.lengths.setdefault((_id(choice), habit), [])
        for index in range(len(found), upto):
            value, days = self._habits_own(choice, habit, index) or self._play(choice, habit, index)
            self.count += 1  # counted as played either way: the budget, and so every decision, stays the same
            self.days += days
            found.append(value)
            lengths.append(days)

    def _play(self, choice: Choice | None, habit: str, index: int) -> tuple[float | None, int]:
        """The index-th sample of the line, played: its goal value (None if a formula failed) and its days."""
        others = dict(zip(self.others, self.guesses[index]))
        start = self.belief.position(index)
        final = run_line(self.scenario, start, self.role_id, choice, PICKERS[habit], others,
                         sample_key(self.base, index), self.first_days[index])
        days = (len(self.scenario.days) if final is None else final.day_index + 1) - start.day_index
        if final is None:
            return None, days
        assert final.ending is not None  # a playout runs to an ending
        return goal_value(self.scenario, self.role_id, final.ending, final.values), days

    def _habits_own(self, choice: Choice | None, habit: str, index: int) -> tuple[float | None, int] | None:
        """The index-th sample of (choice, habit) when it is the habit's own line's: the habit gave
        that very order on its first day, on the same dice, so the playout would be the same one
        (in 1962 and Berlin, more than a quarter of an order search's playouts). None if it must be played."""
        own = self.results.get((None, habit), ())
        if choice is None or index >= len(own):
            return None
        key = sample_key(self.base, index)
        if first_order(self.scenario, self.belief.position(index), self.role_id, PICKERS[habit], key) is not choice:
            return None
        return own[index], self.lengths[None, habit][index]

    def worth(self, choice: Choice | None, responders: dict[tuple, str], upto: int) -> float:
        """Mean over the first ``upto`` samples, each played on by its guess's responder."""
        total = count = 0.0
        for index in range(upto):
            found = self.results.get((_id(choice), responders[self.guesses[index]]), ())
            value = found[index] if index < len(found) else None
            if value is not None:
                total += value
                count += 1
        return total / count if count else float("-inf")

    def sure_gain(self, choice: Choice, responders: dict[tuple, str], upto: int) -> float | None:
        """What giving ``choice`` gains over following the habits, sample by sample on the same
        dice, at the low end of its confidence interval (``CAUTION`` standard errors below the
        mean gain): the best of several orders weighed on a few playouts looks better than it is,
        and a gamble that might start a war should have to prove itself. None: no sure gain."""
        gains = []
        for index in range(upto):
            habit = responders[self.guesses[index]]
            mine = self.results.get((choice.id, habit), ())
            theirs = self.results.get((None, habit), ())
            gain_of_mine = mine[index] if index < len(mine) else None
            gain_of_theirs = theirs[index] if index < len(theirs) else None
            if gain_of_mine is not None and gain_of_theirs is not None:
                gains.append(gain_of_mine - gain_of_theirs)
        low = _low_end(gains, floor=SPREAD_FLOOR * goal_range(self.scenario, self.role_id))
        return low if low is not None and low > 0 else None

    def responders(self, habits: Sequence[str], upto: int, leans: dict[str, float],
                   followed: str | None) -> dict[tuple, str]:
        """For each guess at the others, the habit whose own line does best against it, counting the
        temper's ``leans``. The habit the seat has ``followed`` so far is kept unless another does
        surely better on the same dice (``CAUTION`` standard errors, as for an order in
        ``sure_gain``): switching habits on the strength of a few playouts mixes lines that only
        work when kept to, yet a habit followed against a misread opponent must not be kept once
        the playouts show it plainly losing."""
        by_guess: dict[tuple, list[int]] = {}
        for index in range(upto):
            by_guess.setdefault(self.guesses[index], []).append(index)
        chosen = {guess: habits[0] for guess in self.guesses}
        for guess, indices in by_guess.items():
            means = {}
            for habit in habits:
                found = [value for value in self._values(None, habit, indices) if value is not None]
                if found:
                    means[habit] = sum(found) / len(found) + leans.get(habit, 0.0)
            if not means:
                continue
            ranked = sorted(means, key=means.__getitem__, reverse=True)
            if followed not in means:
                chosen[guess] = ranked[0]
                continue
            chosen[guess] = followed
            for habit in ranked:
                if habit == followed:
                    break
                pairs = zip(self._values(None, habit, indices), self._values(None, followed, indices))
                gains = [mine - theirs for mine, theirs in pairs if mine is not None and theirs is not None]
                low = _low_end(gains, leans.get(habit, 0.0) - leans.get(followed, 0.0), SWITCH_CAUTION)
                if low is not None and low > 0:
                    chosen[guess] = habit
                    break
        return chosen

    def _values(self, choice: Choice | None, habit: str, indices: Sequence[int]) -> list[float | None]:
        found = self.results.get((_id(choice), habit), ())
        return [found[index] if index < len(found) else None for index in indices]

    def likeliest_guess(self) -> tuple:
        return max(self.guesses, key=self.guesses.count)  # the first of the most common: no set, whose order varies by process


def _low_end(gains: Sequence[float], shift: float = 0.0, caution: float | None = None,
             floor: float = 0.0) -> float | None:
    """The mean of paired gains (plus ``shift``), ``caution`` standard errors down (``CAUTION`` if not
    given), the spread taken as at least ``floor``; None with fewer than two."""
    if len(gains) < 2:
        return None
    mean = sum(gains) / len(gains)
    spread = max(floor, (sum((gain - mean) ** 2 for gain in gains) / (len(gains) - 1)) ** 0.5)
    return mean + shift - (CAUTION if caution is None else caution) * spread / len(gains) ** 0.5


def followed_habit(scenario: Scenario, belief: Belief, state: GameState, role_id: str,
                   habits: Sequence[str]) -> str | None:
    """The habit of the temper the seat is following: one that would have given its last order
    (of those, the one that best explains all its orders so far), else the one that best explains
    them; None before its first order. The last order counts most: a seat that has just changed
    habits, having seen who it faces, keeps to the new one."""
    if not state.history:
        return None
    weights = dict(zip(HABITS, belief.habits[role_id]))
    record = state.history[-1]
    given = record.order_of(role_id)
    explains = dict.fromkeys(habits, False)
    if given is not None:
        then = position_before(record)
        legal = legal_choices(scenario, then, role_id)
        if legal:
            explains = {habit: habit_probability(habit, scenario, then, role_id, legal, given) > 0 for habit in habits}
    return max(habits, key=lambda habit: (explains[habit], weights.get(habit, 0.0)))


def _id(choice: Choice | None) -> str | None:
    return None if choice is None else choice.id


def parse_name(name: str) -> Strategist | None:
    """``strategist``, ``strategist:hawk``, ``strategist:dove:hard``...: the strategist it names, or None."""
    parts = name.split(":")
    if parts[0] != "strategist" or len(parts) > 3:
        return None
    temper, difficulty = "", DEFAULT_DIFFICULTY
    for part in parts[1:]:
        if part in TEMPERS and part and not temper:
            temper = part
        elif part in DIFFICULTIES and difficulty == DEFAULT_DIFFICULTY and part != DEFAULT_DIFFICULTY:
            difficulty = part
        else:
            return None
    return Strategist(temper, difficulty)


def with_difficulty(name: str, difficulty: str) -> str:
    """A strategist's policy name at another difficulty, e.g. ('strategist:dove', 'hard') -> 'strategist:dove:hard'."""
    found = parse_name(name)
    if found is None:
        raise KeyError(f"'{name}' is not a strategist")
    return Strategist(found.temper, difficulty).name
