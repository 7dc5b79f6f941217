"""Advisors who estimate the odds: the chance of war if the seat gives the order they recommend.

The figure comes from the same lookahead as the strategist (``game.engine.lookahead``): from the
current position as the seat knows it, playouts that give the recommended order today and then
play on by the fixed habits in turn, against the other seat as its orders so far suggest, with
dice of their own, keyed by the game's seed, the day and the seat (so an estimate is the same
every time the day is shown, and on any machine). An advisor belongs to a seat and knows what the
seat knows: each playout starts from a position the seat believes possible (the strategist's
belief, ``game.engine.belief``), never from the other side's hidden meters, flags or orders. *War* is any ending whose tone is ``catastrophe``.

Each advisor then colours the figure by their leaning, for an order of force (a ``hawk``
choice): a hawk puts the risk at ``LEANING_COLOUR['hawk']`` (half) of what the lookahead found,
a dove at ``LEANING_COLOUR['dove']`` (one and a half times, at most 95%); a moderate says what
was found. For other orders everyone gives the figure as found. The player hears the coloured
figure and must weigh who is speaking.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from collections.abc import Sequence

from game.engine.belief import Belief, belief_of
from game.engine.lookahead import PICKERS, guess_others, run_line, sample_key
from game.engine.resolve import day_random, find_legal
from game.engine.state import GameState
from game.scenario.model import Advice, Advisor, Scenario

ESTIMATE_PLAYOUTS = 32  # per order estimated: a few tens of milliseconds on the 1962 scenario
LEANING_COLOUR = {"hawk": 0.5, "moderate": 1.0, "dove": 1.5}  # times the risk of an order of force
_RISKS_KEPT = 512  # positions' estimates remembered (see _known_risks)
MOST_SAID = 0.95  # nobody at the table calls a war certain
_STREAM = 1000  # the dice streams of estimates, apart from the events' (0) and the seats' (1, 2, ...)
_OWN_HABITS = ("historical", "dove", "hawk")


@dataclass(frozen=True, slots=True)
class Estimate:
    """What one advisor says about one order: the chance of war as they put it, and as found."""

    advisor_id: str
    choice_id: str
    said: float  # the advisor's figure, coloured by their leaning
    found: float  # the lookahead's figure


def war_endings(scenario: Scenario) -> frozenset[str]:
    return frozenset(ending.id for ending in scenario.endings if ending.mood == "catastrophe")


def war_risk(scenario: Scenario, state: GameState, role_id: str, choice_id: str, playouts: int = ESTIMATE_PLAYOUTS,
             belief: Belief | None = None) -> float:
    """The share of playouts that end in war when the seat gives ``choice_id`` today, each from a
    position the seat believes possible (``belief``, else drawn here: see ``game.engine.belief``)."""
    choice = find_legal(scenario, state, role_id, choice_id)
    if choice is None:
        raise ValueError(f"'{choice_id}' is not open to '{role_id}' today")
    wars = war_endings(scenario)
    belief = belief if belief is not None else seat_belief(scenario, state, role_id)
    beliefs = belief.others(role_id)
    base = _day_key(scenario, state, role_id) ^ _choice_key(choice_id)
    counted = hits = 0
    for index in range(playouts):
        others = dict(zip(beliefs, guess_others(beliefs, index, playouts)))
        own = PICKERS[_OWN_HABITS[index % len(_OWN_HABITS)]]
        final = run_line(scenario, belief.position(index), role_id, choice, own, others, sample_key(base, index))
        if final is not None:
            counted += 1
            hits += final.ending in wars
    return hits / counted if counted else 0.0


def seat_belief(scenario: Scenario, state: GameState, role_id: str) -> Belief:
    """What the advisors of a seat believe of the position: they know what their seat knows."""
    return belief_of(scenario, state, role_id)


def _day_key(scenario: Scenario, state: GameState, role_id: str) -> int:
    stream = _STREAM + list(scenario.roles).index(role_id)
    return int(day_random(state.seed, state.day_index, stream).random() * (1 << 53))


def _choice_key(choice_id: str) -> int:
    """A number for a choice id that is the same in every process (``hash`` of a str is not)."""
    key = 0
    for byte in choice_id.encode("utf-8"):
        key = (key * 131 + byte) & ((1 << 53) - 1)
    return key


def coloured(risk: float, leaning: str, choice_leaning: str) -> float:
    """The risk as an advisor of ``leaning`` puts it, for an order of ``choice_leaning``."""
    if choice_leaning != "hawk":
        return risk
    return min(MOST_SAID, risk * LEANING_COLOUR.get(leaning, 1.0)) if risk < MOST_SAID else risk


def estimates_for(scenario: Scenario, state: GameState, role_id: str,
                  advice: Sequence[tuple[Advisor, Advice]], playouts: int = ESTIMATE_PLAYOUTS) -> dict[str, Estimate]:
    """By advisor id: the estimate of each advisor whose advice recommends an order open today.
    Each order is looked at once, however many advisors recommend it."""
    remembered = _known_risks(scenario)
    result = {}
    belief: Belief | None = None
    for advisor, entry in advice:
        choice = find_legal(scenario, state, role_id, entry.recommends) if entry.recommends else None
        if choice is None:
            continue
        key = (state, role_id, choice.id, playouts)
        risk = remembered.get(key)
        if risk is None:
            belief = belief if belief is not None else seat_belief(scenario, state, role_id)
            risk = remembered[key] = war_risk(scenario, state, role_id, choice.id, playouts, belief)
            while len(remembered) > _RISKS_KEPT:
                remembered.popitem(last=False)
        result[advisor.id] = Estimate(advisor.id, choice.id, coloured(risk, advisor.leaning, choice.leaning), risk)
    return result


def _known_risks(scenario: Scenario) -> OrderedDict:
    """The estimates already worked out, by position, seat, order and playouts: the same question
    always gets the same answer (the dice are keyed by the game), so a screen drawn again, a second
    window on the same game or a replayed day costs no new playouts. The oldest are let go."""
    known = scenario.memo.get("war risks")
    if known is None:
        known = scenario.memo["war risks"] = OrderedDict()
    return known


def odds_words(risk: float) -> tuple[str, dict]:
    """The estimate as a phrase key and its numbers, for the front ends to translate:
    ``("almost none", {})``, ``("1 in n", {"n": 3})``, ``("n in 10", {"n": 7})`` or ``("almost certain", {})``."""
    if risk < 0.02:
        return "almost none", {}
    if risk >= 0.9:
        return "almost certain", {}
    if risk <= 0.4:
        return "1 in n", {"n": max(2, round(1 / risk))}
    return "n in 10", {"n": round(risk * 10)}

