"""A seed plus the orders given reproduce a game exactly, down to the bytes of its log."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import machine
from game.engine.log import render_log
from game.engine.machine import Advance, GiveOrder, Phase, Resolve
from game.scenario.load import load_scenario

DEMO = load_scenario(Path(__file__).parent.parent / "scenarios" / "demo" / "scenario.yaml")
RULES = load_scenario(Path(__file__).parent / "fixtures" / "engine" / "rules.yaml")
PLAYERS = {"kennedy": "human", "khrushchev": "human"}


def play_by_picks(scenario, seed, picks):
    """Play a whole game, each order chosen by an index into the open choices."""
    session = machine.start(scenario, seed)
    picks = list(picks)
    while session.phase is not Phase.ENDED:
        if session.phase is Phase.DELIBERATION:
            for role in scenario.roles:
                legal = session.legal_choices(role)
                if legal:
                    pick = picks.pop(0) if picks else 0
                    session, _ = machine.apply(session, GiveOrder(role, legal[pick % len(legal)].id))
            session, _ = machine.apply(session, Resolve())
        else:
            session, _ = machine.apply(session, Advance())
    return session


games = st.tuples(st.integers(min_value=0, max_value=2**48), st.lists(st.integers(0, 10), max_size=12))


@settings(max_examples=150, deadline=None)
@given(games)
def test_the_same_seed_and_orders_give_the_same_log(game):
    seed, picks = game
    first = play_by_picks(DEMO, seed, picks)
    second = play_by_picks(DEMO, seed, picks)
    assert render_log(DEMO, first.state, PLAYERS) == render_log(DEMO, second.state, PLAYERS)
    assert first.state == second.state


@settings(max_examples=150, deadline=None)
@given(games)
def test_replaying_a_games_orders_writes_a_byte_identical_log(game):
    seed, picks = game
    for scenario in (DEMO, RULES):
        original = play_by_picks(scenario, seed, picks)
        replayed = machine.replay(scenario, seed, machine.orders_so_far(original))
        assert replayed.phase is Phase.ENDED
        assert render_log(scenario, replayed.state, PLAYERS).encode() == render_log(scenario, original.state, PLAYERS).encode()


def test_different_seeds_can_give_different_games():
    endings_by_seed = {play_by_picks(DEMO, seed, [1, 0, 0, 1, 0, 0, 0, 0]).state.history[0].events for seed in range(40)}
    assert len(endings_by_seed) > 1
