"""Computer policies: each picks only open choices, and each has its own temper."""

import random
from pathlib import Path

import pytest

from game.engine.opponents import POLICIES, policy_named
from game.engine.resolve import legal_choices, resolve_day
from game.engine.state import new_game
from game.scenario.load import load_scenario
from game.tools.simulate import play_one

DEMO = load_scenario(Path(__file__).parent.parent / "scenarios" / "demo" / "scenario.yaml")


def test_both_seats_on_the_historical_policy_follow_the_record_to_the_settlement():
    historical = policy_named("historical")
    state = play_one(DEMO, 3, {"kennedy": historical, "khrushchev": historical})
    for record in state.history:
        day = DEMO.days[record.day_index]
        assert dict(record.orders) == dict(day.historical)
    assert state.ending == "settlement"


@pytest.mark.parametrize("name", sorted(POLICIES))
def test_every_policy_only_picks_open_choices(name):
    policy = policy_named(name)
    for seed in range(30):
        state = new_game(DEMO, seed)
        rng = random.Random(seed)
        while not state.ended:
            orders = {}
            for role in DEMO.roles:
                legal = legal_choices(DEMO, state, role)
                orders[role] = policy.choose(DEMO, state, role, legal, rng)
                assert orders[role] in [c.id for c in legal]
            state = resolve_day(DEMO, state, orders)


def test_the_hawk_picks_the_most_hawkish_open_choice():
    state = new_game(DEMO, 1)
    legal = legal_choices(DEMO, state, "khrushchev")
    assert policy_named("hawk").choose(DEMO, state, "khrushchev", legal, random.Random(1)) == "rush_sites"


def test_the_dove_picks_the_most_dovish_open_choice():
    state = new_game(DEMO, 1)
    legal = legal_choices(DEMO, state, "khrushchev")
    assert policy_named("dove").choose(DEMO, state, "khrushchev", legal, random.Random(1)) == "slow_down"


def test_the_random_policy_spreads_its_picks():
    state = new_game(DEMO, 1)
    legal = legal_choices(DEMO, state, "kennedy")
    picks = {policy_named("random").choose(DEMO, state, "kennedy", legal, random.Random(s)) for s in range(40)}
    assert picks == {c.id for c in legal}


def test_an_unknown_policy_name_lists_the_known_ones():
    with pytest.raises(KeyError, match="historical, random, hawk, dove"):
        policy_named("genius")
