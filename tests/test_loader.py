"""Loading scenario files: good ones load, and every broken one is reported precisely.

Each file in fixtures/broken/ starts with ``# expect: LINE:COL: MESSAGE`` lines, one per error
the loader must report, in order; the test holds the loader to exactly those.
"""

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario.errors import Diagnostics, ScenarioError, format_diagnostic
from game.scenario.load import load_from_bytes, load_scenario, load_with_diagnostics

FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))
GOOD = sorted((FIXTURES / "good").glob("*.yaml")) + sorted((FIXTURES.parent.parent / "scenarios").glob("*/scenario.yaml"))
EXPECT = re.compile(rb"^# expect: (\d+):(\d+): (.+)$")


def expectations(path):
    found = []
    for line in path.read_bytes().splitlines():
        match = EXPECT.match(line)
        if not match:
            break
        found.append((int(match[1]), int(match[2]), match[3].decode()))
    return found


def test_there_are_at_least_thirty_broken_files():
    assert len(BROKEN) >= 30


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.parent.name if p.name == "scenario.yaml" else p.stem)
def test_a_good_file_loads_without_errors(path):
    scenario, diagnostics = load_with_diagnostics(path)
    assert [format_diagnostic(d) for d in diagnostics.errors] == []
    assert scenario is not None and scenario.days and len(scenario.roles) >= 2


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_a_broken_file_reports_exactly_its_expected_errors(path):
    expected = expectations(path)
    assert expected, f"{path.name} has no '# expect:' line"
    scenario, diagnostics = load_with_diagnostics(path)
    assert scenario is None
    reported = [(d.location.line, d.location.column, d.message) for d in diagnostics.sorted()]
    assert reported == expected


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_every_error_is_printed_as_path_line_column_error_message(path):
    _, diagnostics = load_with_diagnostics(path)
    for diagnostic in diagnostics.sorted():
        assert re.fullmatch(rf"{re.escape(str(path))}:\d+:\d+: error: .+", format_diagnostic(diagnostic))


def test_load_scenario_raises_one_error_carrying_every_problem():
    path = FIXTURES / "broken" / "several_errors.yaml"
    with pytest.raises(ScenarioError) as raised:
        load_scenario(path)
    assert len(raised.value.diagnostics) == 3
    assert str(raised.value).count(": error: ") == 3


def test_a_missing_file_is_a_diagnostic():
    scenario, diagnostics = load_with_diagnostics(FIXTURES / "no_such_file.yaml")
    assert scenario is None
    assert "cannot read the file" in diagnostics.errors[0].message


def test_a_folder_is_read_through_its_scenario_yaml():
    scenario, _ = load_with_diagnostics(FIXTURES.parent.parent / "scenarios" / "demo")
    assert scenario is not None and scenario.id == "demo"


def test_dates_stay_as_written():
    scenario = load_scenario(FIXTURES / "good" / "minimal.yaml")
    assert scenario.days[0].date == "2000-01-01" and scenario.first_date == "2000-01-01"


def test_translated_text_is_kept_per_language():
    scenario = load_scenario(FIXTURES.parent.parent / "scenarios" / "demo" / "scenario.yaml")
    briefing = scenario.day("the_line").briefing_for("khrushchev", scenario.initial_values())
    assert briefing.languages == ("en", "ru")
    assert briefing.get("ru").startswith("Наши суда")
    assert briefing.get("fr") == briefing.get("en")


def test_a_name_is_read_in_the_language_asked_for_and_a_plain_string_name_in_every_language():
    scenario = load_scenario(FIXTURES.parent / "schema_cases" / "accepted" / "names_by_language.yaml")
    red = scenario.roles["red"]
    assert (red.name.get("ru"), red.name.get("en"), red.name.get("de")) == ("Никита Хрущёв", "Nikita Khrushchev", "Nikita Khrushchev")
    assert [a.name.get("ru") for a in red.advisors] == ["Анастас Микоян", "An Aide"]
    assert scenario.roles["blue"].name.get("ru") == "John F. Kennedy"


def test_every_leader_and_advisor_of_the_1962_scenario_has_a_russian_name():
    scenario = load_scenario(FIXTURES.parent.parent / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml")
    people = [*scenario.roles.values(), *(a for role in scenario.roles.values() for a in role.advisors)]
    untranslated = [p.id for p in people if "ru" not in p.name.languages]
    assert not untranslated
    assert scenario.roles["khrushchev"].name.get("ru") == "Никита Хрущёв"


def test_a_day_can_have_a_title_and_a_picture_of_its_own_for_one_seat():
    scenario = load_scenario(FIXTURES.parent.parent / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml")
    day = scenario.day("oct16")
    assert day.title_for("kennedy").get() == "The photographs" and day.picture_for("kennedy") == ("oct16", day.art)
    assert day.title_for("khrushchev").get() == "Operation Anadyr"
    assert day.picture_for("khrushchev") == ("oct16-khrushchev", {"scene": "kremlin"})
    assert day.title_for(None) == day.title  # a screen both seats share


def test_an_endings_tone_is_as_written_or_follows_the_scores():
    scenario = load_scenario(FIXTURES.parent.parent / "scenarios" / "berlin_1961" / "scenario.yaml")
    moods = {ending.id: ending.mood for ending in scenario.endings}
    assert moods["war_in_europe"] == "catastrophe" and moods["firefight"] == "grave"
    assert moods["free_city"] == "calm"  # no tone written, and one side wins
    demo = load_scenario(FIXTURES.parent.parent / "scenarios" / "demo" / "scenario.yaml")
    assert {ending.id: ending.tone for ending in demo.endings}["stalemate"] == ""


def test_endings_are_ordered_by_priority_then_file_order():
    scenario = load_scenario(FIXTURES.parent.parent / "scenarios" / "demo" / "scenario.yaml")
    assert [e.id for e in scenario.endings] == ["nuclear_war", "settlement", "missiles_stay", "stalemate"]


yaml_scalars = st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans(), st.none(),
                         st.text(max_size=20))
yaml_values = st.recursive(yaml_scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)), max_leaves=20)


def _dump(value):
    import yaml
    return yaml.safe_dump(value).encode()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_random_bytes_never_raise(data):
    diagnostics = Diagnostics()
    assert load_from_bytes("fuzz.yaml", data, diagnostics) is None or not diagnostics.errors


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_values)
def test_random_yaml_structures_never_raise(value):
    diagnostics = Diagnostics()
    assert load_from_bytes("fuzz.yaml", _dump(value), diagnostics) is None
    assert diagnostics.errors


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(GOOD[:1] + BROKEN), st.data())
def test_randomly_damaged_scenarios_never_raise(path, data):
    text = path.read_bytes()
    start = data.draw(st.integers(0, max(len(text) - 1, 0)))
    length = data.draw(st.integers(0, 40))
    replacement = data.draw(st.binary(max_size=10))
    damaged = text[:start] + replacement + text[start + length:]
    diagnostics = Diagnostics()
    scenario = load_from_bytes(str(path), damaged, diagnostics)
    assert (scenario is None) == bool(diagnostics.errors)


def test_a_days_briefs_say_what_each_advisor_at_the_table_would_push_for():
    scenario = load_scenario(Path(__file__).parent / "schema_cases" / "accepted" / "advisor_briefs.yaml")
    day = scenario.days[0]
    assert day.brief_of("red", "sage").get() == "Talk first, and keep talking."
    assert day.brief_of("blue", "envoy").get("ru") == "Просите времени."
    assert not day.brief_of("red", "hawk")  # not at the table that day: no brief, and none allowed


def test_an_advisor_can_change_office_on_a_date():
    scenario = load_scenario(FIXTURES.parent.parent / "scenarios" / "berlin_1961" / "scenario.yaml")
    clay = next(a for a in scenario.roles["brandt"].advisors if a.id == "clay")
    assert clay.office_on("1961-08-13").get() == "Retired general, commander of the 1948 airlift"
    assert clay.office_on("1961-09-19").get() == "President Kennedy's personal representative in Berlin"
