"""The phases of a day: commands in, events out, and nothing illegal in between."""

from pathlib import Path

import pytest

from game.engine import machine
from game.engine.machine import (Advance, DayResolved, DayUndone, GameEnded, GiveOrder, IllegalCommand,
                                 OrderGiven, Phase, PhaseChanged, Resolve, UndoLastDay, WithdrawOrder)
from game.scenario.load import load_scenario

DEMO = Path(__file__).parent.parent / "scenarios" / "demo" / "scenario.yaml"


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(DEMO)


def to_orders(session):
    session, _ = machine.apply(session, Advance())
    session, _ = machine.apply(session, Advance())
    return session


def test_a_day_runs_briefing_deliberation_orders_resolution_day_end(scenario):
    session = machine.start(scenario, 1)
    seen = [session.phase]
    session, _ = machine.apply(session, Advance())
    seen.append(session.phase)
    session, _ = machine.apply(session, Advance())
    seen.append(session.phase)
    session, _ = machine.apply(session, GiveOrder("kennedy", "wait_and_watch"))
    session, _ = machine.apply(session, GiveOrder("khrushchev", "slow_down"))
    session, events = machine.apply(session, Resolve())
    seen.append(session.phase)
    session, _ = machine.apply(session, Advance())
    seen.append(session.phase)
    session, _ = machine.apply(session, Advance())
    seen.append(session.phase)
    assert seen == [Phase.BRIEFING, Phase.DELIBERATION, Phase.ORDERS, Phase.RESOLUTION, Phase.DAY_END, Phase.BRIEFING]
    assert isinstance(events[0], DayResolved) and events[0].record.day_id == "found"
    assert session.state.day_index == 1 and session.orders == ()


def test_an_order_given_during_deliberation_moves_to_the_orders_phase(scenario):
    session, _ = machine.apply(machine.start(scenario, 1), Advance())
    session, events = machine.apply(session, GiveOrder("kennedy", "airstrike"))
    assert session.phase is Phase.ORDERS
    assert events == (PhaseChanged(Phase.ORDERS, 0), OrderGiven("kennedy", "airstrike"))


def test_a_second_order_from_the_same_role_replaces_the_first(scenario):
    session = to_orders(machine.start(scenario, 1))
    session, _ = machine.apply(session, GiveOrder("kennedy", "airstrike"))
    session, _ = machine.apply(session, GiveOrder("kennedy", "wait_and_watch"))
    assert session.orders == (("kennedy", "wait_and_watch"),)


def test_an_order_can_be_withdrawn_before_the_day_resolves(scenario):
    session = to_orders(machine.start(scenario, 1))
    session, _ = machine.apply(session, GiveOrder("kennedy", "airstrike"))
    session, _ = machine.apply(session, WithdrawOrder("kennedy"))
    assert session.order_of("kennedy") is None


def test_the_day_does_not_resolve_until_every_role_has_ordered(scenario):
    session = to_orders(machine.start(scenario, 1))
    session, _ = machine.apply(session, GiveOrder("kennedy", "airstrike"))
    with pytest.raises(IllegalCommand, match="khrushchev"):
        machine.apply(session, Resolve())
    assert session.waiting_for() == ("khrushchev",)


@pytest.mark.parametrize("command", [Resolve(), GiveOrder("kennedy", "airstrike"), UndoLastDay(), WithdrawOrder("kennedy")])
def test_commands_out_of_phase_are_refused_and_change_nothing(scenario, command):
    session = machine.start(scenario, 1)
    with pytest.raises(IllegalCommand):
        machine.apply(session, command)
    assert session.phase is Phase.BRIEFING


def test_an_order_that_is_not_open_today_is_refused(scenario):
    session = to_orders(machine.start(scenario, 1))
    with pytest.raises(IllegalCommand, match="not open"):
        machine.apply(session, GiveOrder("kennedy", "accept_deal"))
    with pytest.raises(IllegalCommand, match="no role"):
        machine.apply(session, GiveOrder("castro", "accept_deal"))


def test_undo_returns_to_the_orders_of_the_last_resolved_day(scenario):
    session = to_orders(machine.start(scenario, 1))
    before = session.state
    session, _ = machine.apply(session, GiveOrder("kennedy", "airstrike"))
    session, _ = machine.apply(session, GiveOrder("khrushchev", "rush_sites"))
    session, _ = machine.apply(session, Resolve())
    session, events = machine.apply(session, UndoLastDay())
    assert session.state == before
    assert session.phase is Phase.ORDERS and session.orders == ()
    assert events[0] == DayUndone(0)


def test_the_game_ends_after_the_day_end_of_the_ending_day(scenario):
    # two airstrikes in a row push tension past 100 whatever the dice: nuclear war
    days = [{"kennedy": "airstrike", "khrushchev": "rush_sites"}]
    session = to_orders(machine.start(scenario, 7))
    for role, choice in days[0].items():
        session, _ = machine.apply(session, GiveOrder(role, choice))
    session, _ = machine.apply(session, Resolve())
    session, _ = machine.apply(session, Advance())
    session = to_orders(session)
    session, _ = machine.apply(session, GiveOrder("kennedy", "airstrike"))
    session, _ = machine.apply(session, GiveOrder("khrushchev", "rush_sites"))
    session, _ = machine.apply(session, Resolve())
    assert session.state.ending == "nuclear_war"
    session, _ = machine.apply(session, Advance())
    assert session.phase is Phase.DAY_END
    session, events = machine.apply(session, Advance())
    assert session.phase is Phase.ENDED
    assert GameEnded("nuclear_war") in events
    with pytest.raises(IllegalCommand, match="ended"):
        machine.apply(session, Advance())


def test_replay_rebuilds_the_same_session(scenario):
    days = [{"kennedy": "wait_and_watch", "khrushchev": "rush_sites"},
            {"kennedy": "quarantine", "khrushchev": "hold_firm"}]
    first = machine.replay(scenario, 11, days)
    second = machine.replay(scenario, 11, days)
    assert first.state == second.state
    assert machine.orders_so_far(first) == days
    assert first.phase is Phase.BRIEFING and first.state.day_index == 2


def test_replay_refuses_orders_that_do_not_fit(scenario):
    with pytest.raises(IllegalCommand):
        machine.replay(scenario, 11, [{"kennedy": "accept_deal", "khrushchev": "rush_sites"}])
