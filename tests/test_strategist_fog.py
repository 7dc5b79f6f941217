"""The strategist and the advisors look ahead only from what their seat can know.

Two games of 1962 that differ only in what is kept from a seat (the other capital's politics,
its secret orders to the submarines, the SAM sites and the tactical weapons, today and on every
day before) must look the same to that seat: the same worth for every order, the same decision,
the same estimate from every advisor.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from game.engine.advice import advice_for
from game.engine.belief import belief_of, keeps_secrets_from, seen_slots
from game.engine.estimates import estimates_for
from game.engine.opponents import policy_named
from game.engine.resolve import day_random, legal_choices, resolve_day
from game.engine.state import GameState, new_game
from game.engine.strategist import Strategist, weigh_orders
from game.engine.visibility import state_seen_by
from game.scenario.load import load_scenario

ROOT = Path(__file__).parent.parent
CUBA = load_scenario(ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml")
DEMO = load_scenario(ROOT / "scenarios" / "demo" / "scenario.yaml")
# what each seat never sees of the other: its politics, and the orders given to its own forces
KEPT = {
    "kennedy": ("soviet_hawks", "khrushchev_standing", "flags.subs_armed", "flags.tactical_authorised",
                "flags.island_alert", "flags.sam_forbidden"),
    "khrushchev": ("us_hawks", "kennedy_standing", "flags.blockade_planned", "flags.cordier_ready",
                   "flags.radar_scare"),
}


def played(seed: int, days: int, policy: str) -> GameState:
    state = new_game(CUBA, seed)
    policies = {role: policy_named(policy) for role in CUBA.roles}
    for _ in range(days):
        orders = {}
        for stream, role in enumerate(CUBA.roles, start=1):
            legal = legal_choices(CUBA, state, role)
            orders[role] = policies[role].choose(CUBA, state, role, legal, day_random(seed, state.day_index, stream)) \
                if legal else None
        state = resolve_day(CUBA, state, orders)
        assert state.ending is None, "the game must still be on for the seat to decide"
    return state


def _slot(name: str) -> int:
    return CUBA.flags[name[6:]].slot if name.startswith("flags.") else CUBA.variables[name].slot


def _changed(values: tuple, seat: str) -> tuple:
    """The values with everything in KEPT that the seat cannot see moved far from where it stood."""
    changed = list(values)
    hidden = set(range(len(values))) - set(seen_slots(CUBA, seat, values))
    for name in KEPT[seat]:
        slot = _slot(name)
        if slot in hidden:
            if name.startswith("flags."):
                changed[slot] = not changed[slot]
            else:
                variable = CUBA.variables[name]
                changed[slot] = variable.minimum if changed[slot] > (variable.minimum + variable.maximum) / 2 \
                    else variable.maximum
    assert seen_slots(CUBA, seat, changed) == seen_slots(CUBA, seat, values)
    return tuple(changed)


def other_truth(state: GameState, seat: str) -> GameState:
    """The same game as the seat sees it, with what is kept from it otherwise, today and in its past."""
    history = tuple(replace(record, values_before=_changed(record.values_before, seat),
                            values_after=_changed(record.values_after, seat)) for record in state.history)
    other = replace(state, values=_changed(state.values, seat), history=history)
    assert other.values != state.values
    return other


CASES = [("kennedy", 5, 6, "hawk"), ("khrushchev", 3, 5, "historical"), ("kennedy", 8, 4, "random")]


@pytest.mark.parametrize("seat, seed, days, policy", CASES)
def test_what_is_hidden_from_the_seat_changes_nothing_the_strategist_weighs(seat, seed, days, policy):
    state = played(seed, days, policy)
    other = other_truth(state, seat)
    legal = legal_choices(CUBA, state, seat)
    assert legal == legal_choices(CUBA, other, seat)
    for temper in ("", "hawk"):
        worth = weigh_orders(CUBA, state_seen_by(CUBA, state, seat), seat, legal, day_random(seed, days, 9), 64, temper)
        assert worth == weigh_orders(CUBA, state_seen_by(CUBA, other, seat), seat, legal, day_random(seed, days, 9), 64,
                                     temper)
    strategist = Strategist()
    assert strategist.choose(CUBA, state, seat, legal, day_random(seed, days, 1)) == \
        strategist.choose(CUBA, other, seat, legal, day_random(seed, days, 1))


@pytest.mark.parametrize("seat, seed, days, policy", CASES)
def test_what_is_hidden_from_the_seat_changes_no_advisor_estimate(seat, seed, days, policy):
    state = played(seed, days, policy)
    advice = advice_for(CUBA, state, seat)
    found = estimates_for(CUBA, state, seat, advice)
    assert found, "the seat's advisors recommend orders that day"
    assert found == estimates_for(CUBA, other_truth(state, seat), seat, advice)


def test_the_positions_a_seat_believes_in_keep_what_it_sees_and_come_again_from_the_same_key():
    state = played(5, 6, "hawk")
    belief = belief_of(CUBA, state, "kennedy")
    seen = seen_slots(CUBA, "kennedy", state.values)
    for position in belief.positions:
        assert [position.values[slot] for slot in seen] == [state.values[slot] for slot in seen]
        assert position.day_index == state.day_index
    again = belief_of(CUBA, state, "kennedy")
    assert [p.values for p in again.positions] == [p.values for p in belief.positions]
    assert again.habits == belief.habits


def test_a_seat_from_which_nothing_is_kept_reasons_on_the_position_itself():
    assert not keeps_secrets_from(DEMO, "kennedy")
    assert keeps_secrets_from(CUBA, "kennedy") and keeps_secrets_from(CUBA, "khrushchev")
    state = new_game(DEMO, 3)
    assert belief_of(DEMO, state, "kennedy").positions == (state,)
