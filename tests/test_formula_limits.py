"""Every number a formula produces is finite and in range: refused at load where it can be,
stopped at run time with a located error where it cannot, and never NaN in the game state."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import pytest

from game.engine import machine
from game.engine.machine import Advance, GiveOrder, Resolve
from game.engine.saves import read_save, restore
from game.scenario.errors import FormulaError
from game.scenario.expr import LARGEST
from game.scenario.load import load_scenario, load_with_diagnostics
from game.text.play import TextGame

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = FIXTURES / "hostile" / "not_a_number.yaml"


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(HOSTILE)


def orders_given(scenario, red: str):
    session = machine.start(scenario, 1)
    session, _ = machine.apply(session, Advance())
    session, _ = machine.apply(session, GiveOrder("red", red))
    session, _ = machine.apply(session, GiveOrder("blue", "wait"))
    return session


def line_of(text: str) -> int:
    return next(number for number, line in enumerate(HOSTILE.read_text().splitlines(), 1) if text in line)


def test_an_effect_that_makes_nan_stops_the_day_at_that_effect_and_leaves_the_state_as_it_was(scenario):
    session = orders_given(scenario, "boil")
    with pytest.raises(FormulaError) as raised:
        machine.apply(session, Resolve())
    location = raised.value.location
    assert (location.path, location.line) == (str(HOSTILE), line_of("id: boil"))
    assert "gave 'heat' a value that is not a number (NaN)" in raised.value.message
    assert session.state.values == (1, 1) and not session.state.history  # unchanged: a value, not mutated


def test_a_derived_value_out_of_range_stops_the_day_at_its_formula(scenario):
    with pytest.raises(FormulaError) as raised:
        machine.apply(orders_given(scenario, "glow"), Resolve())
    assert raised.value.location.line == line_of("flare: {formula")
    assert raised.value.message.startswith("the derived value 'flare' came to 2e+30 in this game")


def test_rounding_infinity_only_clamps_to_the_bounds(scenario):
    session, _ = machine.apply(orders_given(scenario, "burn"), Resolve())
    assert session.state.values[0] == 0 and all(math.isfinite(v) for v in session.state.values[:1])


@pytest.mark.parametrize("formula", ["1e999 - 1e999", "floor(1e999)", "ceil(-1e999)", "1e16", "-10000000000000001",
                                     "1" + "0" * 1500, "heat * 1e300"])
def test_a_number_no_formula_can_use_is_refused_at_load_where_it_is_written(tmp_path, formula):
    text = (FIXTURES / "good" / "minimal.yaml").read_text().replace(
        "red: [{id: wait, label: Wait}]", f'red: [{{id: wait, label: Wait, effects: "heat = {formula}"}}]')
    path = tmp_path / "scenario.yaml"
    path.write_text(text)
    scenario, diagnostics = load_with_diagnostics(path)
    assert scenario is None
    (error,) = diagnostics.errors
    assert "numbers stay within \u00b11,000,000,000,000,000" in error.message
    assert len(error.message) < 200
    column = text.splitlines()[error.location.line - 1].index("heat = ") + 1
    assert error.location.column > column  # at the number, inside the formula


def test_forty_derived_values_that_double_each_other_are_refused_quickly():
    scenario, diagnostics = load_with_diagnostics(FIXTURES / "broken" / "derived_values_that_double.yaml")
    assert scenario is None and "read each other over and over" in diagnostics.errors[0].message


def test_a_chain_of_twelve_hundred_derived_values_is_refused_not_a_recursion_error():
    scenario, diagnostics = load_with_diagnostics(FIXTURES / "broken" / "derived_chain_1200_deep.yaml")
    assert scenario is None and "levels deep (the limit is 200)" in diagnostics.errors[0].message


def test_a_chain_within_the_limits_evaluates_to_the_right_value(tmp_path):
    derived = "derived:\n  c0: {formula: heat}\n" + "".join(f"  c{i}: {{formula: c{i - 1} + 1}}\n" for i in range(1, 90))
    text = (FIXTURES / "good" / "minimal.yaml").read_text().replace("roles:\n", derived + "roles:\n")
    path = tmp_path / "scenario.yaml"
    path.write_text(text)
    scenario = load_scenario(path)
    session = machine.start(scenario, 1)
    assert session.state.value(scenario, "c89") == 89


def test_huge_products_saturate_instead_of_growing_without_end(tmp_path):
    text = (FIXTURES / "good" / "minimal.yaml").read_text().replace(
        "red: [{id: wait, label: Wait}]",
        'red: [{id: wait, label: Wait, effects: "heat = round(heat + 2) * 999999999 * 999999999 * 999999999 * 999999999 / 3"}]')
    path = tmp_path / "scenario.yaml"
    path.write_text(text)
    scenario = load_scenario(path)
    session = machine.replay(scenario, 1, [{"red": "wait", "blue": "wait"}])
    assert session.state.values[0] == 10  # clamped to max, no OverflowError on the way


def test_the_text_game_reports_the_formula_in_one_located_line_and_keeps_a_sound_save(scenario, tmp_path):
    output = io.StringIO()
    save = tmp_path / "game.json"
    game = TextGame(machine.start(scenario, 1), {"red": "human", "blue": "random"}, io.StringIO("1\n2\n"), output,
                    save_path=str(save), log_path=str(tmp_path / "game.jsonl"))
    assert game.run() == 1
    text = output.getvalue()
    assert f"{HOSTILE}:{line_of('id: boil')}:" in text and ": error: this effect gave 'heat'" in text
    assert "The game cannot go on past this formula. It was saved." in text
    assert "NaN" not in save.read_text() and "NaN" not in (tmp_path / "game.jsonl").read_text()
    restored = restore(read_save(save), scenario)
    assert len(restored.state.history) == 1  # day one (wait) kept; day two's bad order never happened
    for line in (tmp_path / "game.jsonl").read_text().splitlines():
        json.loads(line)  # strict JSON


def test_simulate_on_the_command_line_prints_the_located_error_and_exits_1(capsys):
    from game import cli

    assert cli.main(["simulate", str(HOSTILE), "--games", "50"]) == 1
    error = capsys.readouterr().err
    assert error.startswith(f"{HOSTILE}:") and ": error: " in error and "Traceback" not in error


def test_the_largest_number_is_exact_in_a_float():
    assert float(LARGEST) == LARGEST and LARGEST + 1.0 != LARGEST


def test_a_chance_that_comes_to_nan_never_happens_in_a_game_nor_in_check():
    from game.tools.check import check

    scenario = load_scenario(FIXTURES / "hostile" / "chances_out_of_range.yaml")
    session = machine.replay(scenario, 1, [{"red": "wait", "blue": "wait"}] * 2)
    fired = {event for record in session.state.history for event in record.events}
    assert fired == {"always"}
    report = check(scenario)
    assert report.exhaustive and report.events == {"always"}


def test_a_derived_value_that_leaves_its_range_on_the_next_day_stops_the_day_that_leads_there():
    path = FIXTURES / "hostile" / "derived_grows_with_the_day.yaml"
    scenario = load_scenario(path)
    session = machine.replay(scenario, 1, [{"red": "wait", "blue": "wait"}])
    session, _ = machine.apply(session, Advance())
    session, _ = machine.apply(session, GiveOrder("red", "wait"))
    session, _ = machine.apply(session, GiveOrder("blue", "wait"))
    with pytest.raises(FormulaError) as raised:
        machine.apply(session, Resolve())
    assert raised.value.location.line == next(number for number, line in enumerate(path.read_text().splitlines(), 1)
                                              if "reach: {formula" in line)
    assert "'reach' came to 1200000000000000" in raised.value.message
    assert session.state.day_index == 1 and session.state.value(scenario, "reach") == 8 * 10**14
