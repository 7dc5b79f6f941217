"""How the strategist spends its budget: in simulated days, on an order search that finishes
however many orders are open, keeping to the habit it follows unless another surely does better."""

from pathlib import Path

import pytest

import game.engine.strategist as strategist
from game.engine.belief import Belief
from game.engine.resolve import Dice, legal_choices, resolve_day
from game.engine.state import new_game
from game.engine.strategist import DIFFICULTIES, DEFAULT_DIFFICULTY, Playouts, followed_habit, weigh_orders
from game.scenario.load import load_scenario

ROOT = Path(__file__).parent.parent
BERLIN = load_scenario(ROOT / "scenarios" / "berlin_1961" / "scenario.yaml")
SEAT = "ulbricht"


def _played(orders_of_the_seat: list[str], seed: int = 5):
    """Berlin after the seat gave these orders, one a day, and Brandt the record's."""
    state = new_game(BERLIN, seed)
    for order in orders_of_the_seat:
        recorded = BERLIN.days[state.day_index].historical["brandt"]
        state = resolve_day(BERLIN, state, {"brandt": recorded, SEAT: order})
    return state


def _playouts_counted(monkeypatch, state) -> tuple[int, int]:
    """(playouts, simulated days) of one decision of the seat at the default difficulty."""
    counted = [0, 0]
    real = strategist.run_line

    def counting(scenario, start, *rest):
        final = real(scenario, start, *rest)
        counted[0] += 1
        counted[1] += (len(scenario.days) if final is None else final.day_index + 1) - start.day_index
        return final

    monkeypatch.setattr(strategist, "run_line", counting)
    weigh_orders(BERLIN, state, SEAT, legal_choices(BERLIN, state, SEAT), Dice(3), DIFFICULTIES[DEFAULT_DIFFICULTY])
    return counted[0], counted[1]


def test_a_decision_late_in_the_game_weighs_more_playouts_for_about_the_same_days(monkeypatch):
    budget = DIFFICULTIES[DEFAULT_DIFFICULTY]
    first, first_days = _playouts_counted(monkeypatch, _played([]))
    late, late_days = _playouts_counted(monkeypatch, _played(["press_moscow", "deny_any_wall", "prepare_in_secret",
                                                               "fill_the_shops", "fill_the_shops", "fill_the_shops"]))
    assert late > first
    for days in (first_days, late_days):
        assert budget / 2 < days <= budget * 1.1  # one playout's rounding at most


@pytest.mark.parametrize("orders", [12, 11, 6, 4, 2])
@pytest.mark.parametrize("answers", [1, 2])
def test_the_order_search_is_planned_to_bring_at_least_one_order_to_all_samples(orders, answers):
    legal = list(legal_choices(BERLIN, new_game(BERLIN, 1), SEAT)) * 3
    field = strategist._field_within(legal[:orders], answers, samples=10, left=32, dice=Dice(1))
    assert field and strategist._halving_cost(len(field), answers, 1, 10) <= 32
    assert len(field) == orders or strategist._halving_cost(len(field) + 1, answers, 1, 10) > 32


def test_the_habit_followed_is_the_one_that_gave_the_last_order():
    historical = _played(["press_moscow", "deny_any_wall"])
    habits = ("historical", "hawk", "dove")
    belief = Belief((historical,), {role: (0.25, 0.25, 0.25, 0.25) for role in BERLIN.roles})
    assert followed_habit(BERLIN, belief, historical, SEAT, habits) == "historical"
    turned = _played(["press_moscow", "deny_any_wall", "appeal_to_stay"])  # the dove's order of the third day
    assert followed_habit(BERLIN, belief, turned, SEAT, habits) == "dove"
    assert followed_habit(BERLIN, belief, new_game(BERLIN, 5), SEAT, habits) is None


def _table(followed_values: list[float], other_values: list[float]) -> Playouts:
    state = new_game(BERLIN, 1)
    belief = Belief((state,), {role: (1.0, 0.0, 0.0, 0.0) for role in BERLIN.roles})  # one guess at Brandt
    table = Playouts(BERLIN, belief, SEAT, len(followed_values), base=7)
    table.results[None, "historical"] = list(followed_values)
    table.results[None, "dove"] = list(other_values)
    return table


def test_another_habit_replaces_the_one_followed_only_when_surely_better():
    followed = [0.0, -10.0, 2.0, 2.0, -10.0, 2.0, 2.0, 2.0, -10.0, 2.0]
    luckier = [value + gain for value, gain in zip(followed, [4, -3, 4, -3, 4, -3, 4, -3, 4, -3])]
    surely = [value + 1.0 for value in followed]
    leans = {"historical": 0.0, "dove": 0.0}
    habits = ("historical", "dove")
    assert set(_table(followed, luckier).responders(habits, 10, leans, "historical").values()) == {"historical"}
    assert set(_table(followed, surely).responders(habits, 10, leans, "historical").values()) == {"dove"}
    assert set(_table(followed, luckier).responders(habits, 10, leans, None).values()) == {"dove"}  # none followed yet


def test_a_small_steady_gain_on_a_few_playouts_is_not_a_sure_one():
    table = _table([2.0] * 10, [2.0] * 10)
    choice = legal_choices(BERLIN, new_game(BERLIN, 1), SEAT)[0]
    responders = {guess: "historical" for guess in table.guesses}
    table.results[choice.id, "historical"] = [2.3] * 10
    assert table.sure_gain(choice, responders, 10) is None
    table.results[choice.id, "historical"] = [5.0] * 10
    assert table.sure_gain(choice, responders, 10) == pytest.approx(3.0 - strategist.CAUTION * strategist.SPREAD_FLOOR
                                                                    * strategist.goal_range(BERLIN, SEAT) / 10 ** 0.5)
