"""Which derived value is a scenario's alert level (the gauge, 5 calm .. 1 war), for every front end."""

from pathlib import Path

import pytest
import yaml

from game.engine.alert import alert_level, alert_parts, level_of
from game.scenario.load import load_scenario

ROOT = Path(__file__).parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "good" / "minimal.yaml"


def with_derived(tmp_path, derived: dict):
    """The minimal scenario with these derived values and a tension meter."""
    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    data.setdefault("variables", {})["tension"] = {"initial": 40, "min": 0, "max": 100}
    data["derived"] = derived
    path = tmp_path / "scenario.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_scenario(path)


def levels(*pairs, otherwise):
    return {"from": "tension", "levels": [{"at_least": at, "value": value} for at, value in pairs],
            "otherwise": otherwise}


def test_the_shipped_scenarios_alert_levels_are_found_by_name():
    cuba = load_scenario(ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml")
    berlin = load_scenario(ROOT / "scenarios" / "berlin_1961" / "scenario.yaml")
    assert alert_parts(cuba).level.id == "defcon" and alert_parts(cuba).variable.id == "tension"
    assert alert_parts(berlin).level.id == "alert"
    assert alert_level(cuba, cuba.initial_values()) == 5


def test_a_scale_from_five_to_one_under_another_name_is_an_alert_level(tmp_path):
    scenario = with_derived(tmp_path, {"readiness": levels((80, 1), (60, 2), (40, 3), (20, 4), otherwise=5)})
    assert alert_parts(scenario).level.id == "readiness"
    assert alert_level(scenario, scenario.initial_values()) == 3  # tension 40


@pytest.mark.parametrize("derived", [
    {"alarm": levels((80, 3), (60, 2), (40, 1), otherwise=0)},   # the guide's lighthouse: 0 calm .. 3 alarm
    {"risk": {"formula": "tension * 2"}},
])
def test_a_scale_that_is_not_five_to_one_shows_no_gauge(tmp_path, derived):
    """Not a gauge that says "war" in calm weather: an alarm running 0..3 is no DEFCON."""
    scenario = with_derived(tmp_path, derived)
    assert alert_parts(scenario).level is None
    assert alert_level(scenario, scenario.initial_values()) is None


def test_the_guides_examples_have_the_alert_levels_they_mean():
    lighthouse = load_scenario(ROOT / "docs" / "examples" / "three_day_crisis.yaml")
    fashoda = load_scenario(ROOT / "docs" / "examples" / "fashoda_1898.yaml")
    assert alert_parts(lighthouse).level is None
    assert alert_parts(fashoda).level.id == "alert"
    assert alert_level(fashoda, fashoda.initial_values()) == 5


@pytest.mark.parametrize("value, level", [(0, 1), (1, 1), (2.4, 2), (5, 5), (9, 5), (float("nan"), 5), (None, 5)])
def test_a_level_is_always_one_of_the_five(value, level):
    assert level_of(value) == level
