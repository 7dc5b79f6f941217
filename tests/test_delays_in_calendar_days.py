"""`after_days:` counts a delay in calendar days, so that "a week after the landing" falls on
the right turn whether the turns stand for one date or for a week."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.resolve import resolve_day
from game.engine.state import new_game
from game.scenario.load import load_scenario

FIXTURE = Path(__file__).parent / "fixtures" / "engine" / "calendar_delay.yaml"
SCENARIO = load_scenario(FIXTURE)
DAY_IDS = [day.id for day in SCENARIO.days]


def day_it_arrives(landing_day: str) -> str | None:
    """The turn on whose resolution the landing's delayed effect applies, if any."""
    state = new_game(SCENARIO, 1)
    while state.ending is None:
        day_id = SCENARIO.days[state.day_index].id
        state = resolve_day(SCENARIO, state, {"red": "land" if day_id == landing_day else "wait", "blue": "wait"})
        if state.value(SCENARIO, "flags.arrived"):
            return day_id
    return None


@pytest.mark.parametrize("landing, arrival", [
    ("d01", "d04_10"),   # the 8th falls within the turn of the 4th to the 10th
    ("d03", "d04_10"),   # the 10th is that turn's last date
    ("d04_10", "d11_20"),  # a week after the 4th: the turn that reaches the 11th
    ("d11_20", "d21_28"),
    ("d21_28", "d29_31"),
])
def test_the_delay_falls_on_the_first_turn_whose_dates_reach_a_week_later(landing, arrival):
    assert day_it_arrives(landing) == arrival


def test_a_delay_that_runs_past_the_calendar_never_falls_due():
    assert day_it_arrives("d29_31") is None


def test_the_turns_to_wait_are_worked_out_from_the_calendar_when_the_file_loads():
    delayed = SCENARIO.roles["red"].standing_choices[1].later[0]
    assert delayed.calendar_days == 7 and delayed.after_days == 0
    turns = [delayed.turns_from(index) for index in range(len(DAY_IDS))]
    assert turns[:-1] == [3, 2, 1, 1, 1, 1]
    assert len(DAY_IDS) - 1 + turns[-1] >= len(DAY_IDS)  # from the last turn: beyond the calendar
