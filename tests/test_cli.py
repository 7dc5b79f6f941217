"""The ``brink`` command as a user meets it: exit statuses, messages, never a traceback."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
DEMO = ROOT / "scenarios" / "demo" / "scenario.yaml"
BROKEN = ROOT / "tests" / "fixtures" / "engine" / "broken_for_cli.yaml"


def brink(*arguments, stdin="", cwd=None):
    environment = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "game", *map(str, arguments)], input=stdin, text=True,
                          capture_output=True, cwd=cwd or ROOT, env=environment, timeout=120)


def test_help_lists_every_command():
    result = brink("--help")
    assert result.returncode == 0
    for command in ("play", "validate", "simulate", "schema", "scenarios"):
        assert command in result.stdout


def test_the_console_script_and_python_dash_m_are_the_same_program():
    import tomllib

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"brink": "game.cli:main"}
    installed = Path(sys.executable).parent / "brink"
    if installed.exists():  # after `pip install .`, the script prints the very same help
        script = subprocess.run([installed, "--help"], capture_output=True, text=True, timeout=60)
        assert script.stdout == brink("--help").stdout.replace("python -m game", "brink")


def test_validate_accepts_a_good_scenario():
    result = brink("validate", DEMO)
    assert result.returncode == 0
    assert "ok" in result.stdout


def test_validate_lists_every_error_with_file_line_and_column_and_exits_1():
    result = brink("validate", BROKEN)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert len(lines) == 3
    assert lines[0].startswith(f"{BROKEN}:16:43: error: unknown variable 'haet' (did you mean 'heat'?)")
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_of_a_missing_file_is_an_error_not_a_traceback(tmp_path):
    result = brink("validate", tmp_path / "nothing.yaml")
    assert result.returncode == 1
    assert "cannot read the file" in result.stdout
    assert "Traceback" not in result.stderr


def test_validate_can_print_json_for_tools():
    result = brink("validate", "--format", "json", BROKEN)
    assert result.returncode == 1
    problems = json.loads(result.stdout)
    assert {"path", "line", "column", "severity", "message"} <= set(problems[0])


@pytest.mark.parametrize("arguments", [
    ["no-such-command"],
    ["simulate", "demo", "--games", "0"],
    ["simulate", "demo", "--games", "many"],
    ["simulate", "demo", "--policy", "genius"],
    ["simulate", "demo", "--policy", "castro=random"],
    ["play", "--text", "--opponent", "genius"],
    ["play", "--text", "--role", "castro", "demo"],
    ["validate"],
])
def test_bad_arguments_get_a_usage_message_and_exit_2(arguments):
    result = brink(*arguments)
    assert result.returncode == 2, result.stderr
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr


def test_simulate_prints_endings_picks_and_speed():
    result = brink("simulate", "demo", "--games", "200", "--seed", "3")
    assert result.returncode == 0
    assert "Endings" in result.stdout and "games per second" in result.stdout
    assert "Choices of kennedy" in result.stdout


def test_simulate_json_is_machine_readable_and_adds_up():
    result = brink("simulate", DEMO, "--games", "300", "--seed", "3", "--policy", "kennedy=hawk", "--json")
    report = json.loads(result.stdout)
    assert report["policies"] == {"kennedy": "hawk", "khrushchev": "random"}
    assert sum(ending["games"] for ending in report["endings"].values()) == 300
    assert report["games_per_second"] > 0


def test_simulate_is_reproducible_from_its_seed():
    first = json.loads(brink("simulate", "demo", "--games", "100", "--seed", "9", "--json").stdout)
    second = json.loads(brink("simulate", "demo", "--games", "100", "--seed", "9", "--json").stdout)
    for report in (first, second):  # times of the machine, not results of the seed
        report.pop("seconds"), report.pop("games_per_second"), report.pop("decision_ms_p95")
    assert first == second


def test_simulate_of_an_invalid_scenario_prints_the_errors_and_exits_1():
    result = brink("simulate", BROKEN, "--games", "5")
    assert result.returncode == 1
    assert ": error: " in result.stderr


def test_schema_prints_a_json_schema():
    result = brink("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("http://json-schema.org/draft-07/schema")


def test_scenarios_lists_the_shipped_scenarios():
    result = brink("scenarios")
    assert result.returncode == 0
    assert "demo" in result.stdout
