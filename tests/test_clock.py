"""The order the clock gives a team that has not decided: the day's default, else the most cautious open choice."""

from pathlib import Path

from game.engine import machine
from game.engine.clock import default_order
from game.engine.machine import Advance, GiveOrder, Resolve
from game.scenario.errors import Diagnostics
from game.scenario.load import load_from_bytes, load_scenario

ROOT = Path(__file__).resolve().parent.parent
CLOCKS = ROOT / "tests" / "schema_cases" / "accepted" / "decision_times_and_defaults.yaml"
CRISIS = ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml"

WITHOUT_DEFAULTS = b"""format: 1
id: nodefaults
title: No defaults
calendar: {start: 2000-01-01, end: 2000-01-01}
variables:
  heat: {initial: 0, min: 0, max: 10}
roles:
  red: {name: Red}
  blue: {name: Blue}
days:
  - id: one
    date: 2000-01-01
    title: One
    choices:
      red:
        - {id: strike, label: Strike, leaning: hawk}
        - {id: talk, label: Talk, leaning: moderate}
        - {id: wait, label: Wait, leaning: moderate}
      blue:
        - {id: bluster, label: Bluster, leaning: hawk}
        - {id: yield_now, label: Yield, leaning: dove, requires: "heat > 5"}
        - {id: hold, label: Hold, leaning: moderate}
    default: {blue: yield_now}
endings:
  - {id: over, title: Over, text: The calendar ran out., final: true}
"""


def without_defaults():
    diagnostics = Diagnostics()
    scenario = load_from_bytes("nodefaults.yaml", WITHOUT_DEFAULTS, diagnostics)
    assert scenario is not None and not diagnostics.errors, diagnostics.errors
    return scenario


def opened(scenario, seed=1):
    session, _ = machine.apply(machine.start(scenario, seed), Advance())
    return session


def test_the_days_default_is_given_when_it_is_open():
    scenario = load_scenario(CLOCKS)
    state = opened(scenario).state
    assert scenario.days[0].minutes == 4 and scenario.letter_delay_minutes == 2.5
    assert default_order(scenario, state, "red") == "wait"
    assert default_order(scenario, state, "blue") == "strike"  # the file's default, though a hawk's


def test_a_standing_choice_can_be_the_default():
    scenario = load_scenario(CLOCKS)
    session = opened(scenario)
    for role in ("red", "blue"):
        session, _ = machine.apply(session, GiveOrder(role, "wait"))
    session, _ = machine.apply(session, Resolve())
    session, _ = machine.apply(session, Advance())
    session, _ = machine.apply(session, Advance())
    session, _ = machine.apply(session, Advance())
    assert session.day.id == "two"
    assert default_order(scenario, session.state, "red") == "sulk"


def test_without_a_default_the_most_cautious_open_choice_first_in_the_file():
    scenario = without_defaults()
    state = opened(scenario).state
    assert default_order(scenario, state, "red") == "talk"  # two moderates: the first in the file


def test_a_default_that_is_closed_today_gives_way_to_the_most_cautious_open_choice():
    scenario = without_defaults()
    state = opened(scenario).state
    assert "yield_now" not in [c.id for c in machine.start(scenario, 1).legal_choices("blue")]
    assert default_order(scenario, state, "blue") == "hold"


def test_the_1962_scenario_has_a_default_for_both_seats_on_every_day():
    scenario = load_scenario(CRISIS)
    for day in scenario.days:
        assert set(day.defaults) == set(scenario.roles), day.id
    state = opened(scenario).state
    assert default_order(scenario, state, "kennedy") == "do_nothing"
    assert default_order(scenario, state, "khrushchev") == "keep_building"
