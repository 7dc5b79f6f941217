"""``brink validate``'s warnings: a scenario that loads but is probably not what its author meant."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest

from game.scenario.load import load_scenario
from game.tools.lint import lint
from game.tools.validate import validate_paths

ROOT = Path(__file__).parent.parent
FLAWED = ROOT / "tests" / "fixtures" / "authoring" / "flawed.yaml"
SHIPPED = sorted((ROOT / "scenarios").glob("*/scenario.yaml"))


def warnings_of(path: Path) -> list[str]:
    return [f"{d.location.line}:{d.location.column}: {d.message}" for d in lint(load_scenario(path))]


def test_an_advisor_with_nothing_to_say_is_reported():
    assert "17:9: advisor 'quiet_one' of 'east' is never used: they have no advice" in warnings_of(FLAWED)


def test_a_variable_nothing_reads_is_reported():
    assert any(w.startswith("9:3: variable 'rumours' is never read") for w in warnings_of(FLAWED))


def test_a_variable_nothing_changes_is_reported_with_the_value_it_keeps():
    assert "8:3: variable 'morale' is never changed: no effect assigns it, so it stays at 50" in warnings_of(FLAWED)


def test_a_choice_whose_condition_the_bounds_rule_out_is_reported():
    assert ("48:22: choice 'impossible' of 'west' on day 'first' can never be open: "
            "'tension > 150' is never true (tension is 0..100)") in warnings_of(FLAWED)


def test_a_day_on_which_a_seat_has_nothing_to_choose_is_reported():
    assert any(w.startswith("54:5: on day 'second' 'west' has no choice at all") for w in warnings_of(FLAWED))


def test_an_ending_no_condition_can_reach_is_reported():
    assert any(w.startswith("60:5: ending 'beyond_reach' can never be reached: 'tension >= 200' is never true")
               for w in warnings_of(FLAWED))


def test_missing_art_and_history_notes_are_reported_but_art_by_scene_name_is_enough():
    found = warnings_of(FLAWED)
    assert any(w.startswith("54:5: day 'second' has no art") for w in found)
    assert "54:5: day 'second' has no 'history' note (what really happened that day)" in found
    assert not any("day 'first' has no art" in w for w in found)  # it names the painter's scene


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.parent.name)
def test_warnings_never_stop_a_valid_scenario(path):
    assert validate_paths([str(path)], StringIO()) == 0


def test_the_1962_scenario_has_no_warning_at_all():
    assert warnings_of(ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml") == []


def test_warnings_are_printed_in_the_compiler_format_after_the_errors():
    out = StringIO()
    assert validate_paths([str(FLAWED)], out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == (f"{FLAWED}:8:3: warning: variable 'morale' is never read: no condition, effect, "
                        "probability or derived value uses it, so it changes nothing")
    assert lines[-1] == f"{FLAWED}: ok (A flawed crisis, 2 days, 2 roles, 2 endings), 12 warnings"


def test_strict_turns_warnings_into_a_failure():
    out = StringIO()
    assert validate_paths([str(FLAWED)], out, strict=True) == 1
    assert out.getvalue().splitlines()[-1] == f"{FLAWED}: 12 warnings (failing: --strict)"


def test_strict_passes_a_scenario_without_warnings():
    path = ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml"
    assert validate_paths([str(path)], StringIO(), strict=True) == 0


def test_json_output_carries_the_severity_of_each_line():
    out = StringIO()
    validate_paths([str(FLAWED)], out, "json")
    found = json.loads(out.getvalue())
    assert {item["severity"] for item in found} == {"warning"}
    assert {"path": str(FLAWED), "line": 17, "column": 9, "severity": "warning",
            "message": "advisor 'quiet_one' of 'east' is never used: they have no advice"} in found


def test_a_day_that_briefs_some_advisors_of_a_table_names_those_it_left_out():
    assert "54:5: day 'second' briefs some advisors of 'east' but not 'quiet_one'" in warnings_of(FLAWED)


def with_a_spy_advising_blue(source: str, *advice: str) -> str:
    """The secrets fixture with an advisor of Blue's giving these pieces of advice (YAML flow maps)."""
    lines = "".join(f"\n          - {piece}" for piece in advice)
    return source.replace("  blue: {name: Blue Leader}",
                          "  blue:\n    name: Blue Leader\n    advisors:\n      - id: spy\n        name: A spy\n"
                          "        office: Agent\n        leaning: hawk\n        advice:" + lines)


def test_a_briefing_or_advice_that_depends_on_anothers_secret_is_reported(tmp_path):
    """Blue is told "the papers talk of a plot" only while Red's secret plotting is under way: that
    paragraph and that advice give Red's secret away, and say where. A secret Blue can learn (the
    plan, once it leaks) may be read: Blue is among the seats that see it."""
    source = (ROOT / "tests" / "fixtures" / "engine" / "secrets.yaml").read_text(encoding="utf-8")
    leaky = source.replace("{text: The papers talk of a plot., when: flags.leaked}",
                           "{text: The papers talk of a plot., when: plotting > 0}")
    leaky = with_a_spy_advising_blue(leaky, "{when: plotting >= 5, text: Something is afoot.}",
                                     "{when: flags.plan, text: The plan is out.}")
    path = tmp_path / "secrets.yaml"
    path.write_text(leaky, encoding="utf-8")
    found = [w for w in warnings_of(path) if "gives the secret away" in w]
    assert len(found) == 2, found
    assert any("a paragraph of the briefing of 'blue' on day 'three' depends on 'plotting', which 'blue' never sees"
               in w for w in found)
    assert any("advice from 'spy' to 'blue' depends on 'plotting'" in w for w in found)


def test_no_shipped_scenario_or_example_gives_a_secret_away():
    for path in [*SHIPPED, *sorted((ROOT / "docs" / "examples").glob("*.yaml"))]:
        assert not [w for w in warnings_of(path) if "gives the secret away" in w], path


def test_a_briefing_or_advice_that_names_a_secret_order_of_the_other_seat_is_reported(tmp_path):
    """Red's order "Agree to the plan" is kept from Blue until the plan leaks; a briefing of Blue's
    that names it, or advice to Blue that does, tells Blue the order exists."""
    source = (ROOT / "tests" / "fixtures" / "engine" / "secrets.yaml").read_text(encoding="utf-8")
    leaky = source.replace("      blue: Nothing stirs.\n", "      blue: Has Red chosen to agree to the plan?\n")
    leaky = with_a_spy_advising_blue(leaky, "{text: I hear Red may Agree to the Plan.}")
    path = tmp_path / "secrets.yaml"
    path.write_text(leaky, encoding="utf-8")
    found = [w for w in warnings_of(path) if "gives the order away" in w]
    assert len(found) == 2, found
    assert any("the briefing of 'blue' on day 'one' names 'Agree to the plan', an order of 'red' ('agree')" in w
               for w in found)
    assert any("advice from 'spy' to 'blue' names 'Agree to the plan'" in w for w in found)


def test_a_secret_order_named_only_to_its_own_seat_or_a_seat_that_always_sees_it_is_not_reported(tmp_path):
    source = (ROOT / "tests" / "fixtures" / "engine" / "secrets.yaml").read_text(encoding="utf-8")
    own = source.replace("      red: Your friends abroad offer a plan.\n",
                         "      red: Your friends abroad ask you to agree to the plan.\n")
    path = tmp_path / "own.yaml"
    path.write_text(own, encoding="utf-8")
    assert not [w for w in warnings_of(path) if "gives the order away" in w]
    seen = source.replace("      blue: Nothing stirs.\n", "      blue: Has Red chosen to agree to the plan?\n")
    seen = seen.replace("visible_to: {red: true, blue: flags.leaked}  # blue learns", "visible_to: {red: true, blue: true}  # blue learns")
    path = tmp_path / "seen.yaml"
    path.write_text(seen, encoding="utf-8")
    assert not [w for w in warnings_of(path) if "gives the order away" in w]


def test_no_shipped_scenario_names_a_secret_order_to_the_seat_it_is_kept_from():
    for path in [*SHIPPED, *sorted((ROOT / "docs" / "examples").glob("*.yaml"))]:
        assert not [w for w in warnings_of(path) if "gives the order away" in w], path
