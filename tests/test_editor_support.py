"""What an editor offers in a scenario file: the schema's lists are the loader's, and the guide shows the server's.

The YAML language server (the engine of VS Code's YAML extension) completes and explains fields
from game/scenario/scenario.schema.json. The first tests need no server: they hold the schema to
the fields the loader really accepts, and the script's edited files to the mistakes the game
reports. The last ones ask the real server, through scripts/editor_completion.py, when Node.js
and the server are on this machine, and are skipped otherwise.
"""

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pygame
import pytest
import yaml

import game.scenario.load as load_module
from game.scenario.load import load_scenario, load_with_diagnostics
from game.scenario.model import LEANINGS

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "game" / "scenario" / "scenario.schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
DAY_SCHEMA = SCHEMA["properties"]["days"]["items"]
CHOICE_SCHEMA = SCHEMA["definitions"]["choice"]
EXAMPLE = ROOT / "docs" / "examples" / "three_day_crisis.yaml"
GUIDE = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
PART_5 = GUIDE[GUIDE.index("## Part 5"):GUIDE.index("## Part 6")]
PICTURE = ROOT / "docs" / "editor-completion.png"
SHIPPED = sorted([*(ROOT / "scenarios").glob("*/scenario.yaml"), *(ROOT / "docs" / "examples").glob("*.yaml")])
MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)")

_spec = importlib.util.spec_from_file_location("editor_completion", ROOT / "scripts" / "editor_completion.py")
editor_completion = importlib.util.module_from_spec(_spec)
sys.modules["editor_completion"] = editor_completion  # dataclasses look their module up there
_spec.loader.exec_module(editor_completion)


@pytest.fixture(scope="module")
def loader_fields() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """The (required, optional) fields the loader reads for each mapping of the example, as it reads them."""
    seen: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}

    class Recording(load_module.Fields):
        def __init__(self, value, location, what, diagnostics, required=(), optional=()):
            seen.setdefault(what, (tuple(required), tuple(optional)))
            super().__init__(value, location, what, diagnostics, required, optional)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load_module, "Fields", Recording)
        load_scenario(EXAMPLE)
    return seen


def fields_of(loader_fields, prefix: str) -> tuple[set[str], set[str]]:
    """The one field list the loader uses for every mapping whose description starts with prefix."""
    found = {value for what, value in loader_fields.items() if what.startswith(prefix)}
    assert len(found) == 1, f"the loader reads {prefix!r} mappings with different field lists: {found}"
    required, optional = found.pop()
    return set(required), set(optional)


def example_lines() -> str:
    return editor_completion.with_schema(EXAMPLE.read_text(encoding="utf-8"))


def loaded_errors(text: str, tmp_path: Path) -> list:
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    scenario, diagnostics = load_with_diagnostics(path)
    return diagnostics.errors


# --- the schema against the loader -------------------------------------------------------------

def test_the_schema_offers_exactly_the_fields_the_loader_accepts_in_a_day(loader_fields):
    required, optional = fields_of(loader_fields, "day ")
    assert set(DAY_SCHEMA["properties"]) == required | optional
    assert set(DAY_SCHEMA["required"]) == required
    assert DAY_SCHEMA["additionalProperties"] is False  # so a misspelt field is underlined


def test_the_schema_offers_exactly_the_fields_the_loader_accepts_in_a_choice(loader_fields):
    required, optional = fields_of(loader_fields, "a choice of ")
    assert set(CHOICE_SCHEMA["properties"]) == required | optional
    assert set(CHOICE_SCHEMA["required"]) == required
    assert CHOICE_SCHEMA["additionalProperties"] is False


def test_the_leanings_offered_are_the_games_leanings():
    assert SCHEMA["definitions"]["leaning"]["enum"] == list(LEANINGS)
    assert CHOICE_SCHEMA["properties"]["leaning"]["$ref"] == "#/definitions/leaning"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_shipped_scenario_names_the_schema_in_its_first_line(path):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.fullmatch(first_line)
    assert match, f"the first line should be the schema modeline, not {first_line!r}"
    assert (path.parent / match.group(1)).resolve() == SCHEMA_FILE.resolve()
    assert editor_completion.MODELINE.match(first_line)  # the line the script rewrites


# --- the files the script shows the server --------------------------------------------------------

def test_the_copy_names_the_schema_by_a_file_uri_that_exists():
    first_line = example_lines().split("\n")[0]
    uri = MODELINE.fullmatch(first_line).group(1)
    assert uri == SCHEMA_FILE.as_uri()
    assert SCHEMA_FILE.is_file()


def test_the_empty_line_stands_among_a_days_fields_and_changes_nothing(tmp_path):
    probe = editor_completion.day_probe(example_lines())
    lines = probe.lines
    assert lines[probe.line].strip() == ""
    assert probe.column == len(lines[probe.line]) == lines[probe.line - 1].index("title")
    assert loaded_errors(probe.text, tmp_path) == []


def test_the_new_day_is_opened_inside_the_list_of_days():
    probe = editor_completion.new_day_probe(example_lines())
    lines = probe.lines
    assert lines[probe.line] == "  - " and probe.column == 4
    following = next(line for line in lines[probe.line + 1:] if line.strip())
    assert not following.startswith(" ")  # the next section, not a field of another day


def test_the_leaning_is_left_empty_with_the_cursor_after_it():
    probe = editor_completion.leaning_probe(example_lines())
    assert probe.lines[probe.line].endswith("leaning: ")
    assert probe.column == len(probe.lines[probe.line])


def test_the_broken_copy_holds_exactly_the_two_mistakes_the_game_reports(tmp_path):
    probe = editor_completion.broken_probe(example_lines())
    errors = loaded_errors(probe.text, tmp_path)
    assert sorted(error.message for error in errors) == sorted([
        "unknown field 'efects' in a choice of 'south' on day 'standoff' (did you mean 'effects'?)",
        "unknown leaning 'hawkish' (did you mean 'hawk'?)",
    ])
    assert {error.location.line - 1 for error in errors} == {probe.line - 1, probe.line}


# --- the guide ------------------------------------------------------------------------------------

def test_the_guide_shows_the_picture_and_the_command_that_makes_it():
    assert "(editor-completion.png)" in PART_5
    assert "python scripts/editor_completion.py" in PART_5
    assert "There is no screenshot" not in GUIDE


def test_the_picture_is_a_legible_size():
    picture = pygame.image.load(str(PICTURE))
    assert picture.get_width() >= 1200 and picture.get_height() >= 800


# --- the real server, when this machine has it ---------------------------------------------------

def _server_available() -> bool:
    return bool(shutil.which("node") and (shutil.which("yaml-language-server") or editor_completion.cached_server()))


needs_server = pytest.mark.skipif(
    not _server_available(),
    reason="needs Node.js and yaml-language-server, on PATH or installed into "
           "~/.cache/brinkmanship/yaml-language-server by `python scripts/editor_completion.py`")


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    folder = tmp_path_factory.mktemp("editor")
    out = folder / "answers.json"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "editor_completion.py"), "--no-install",
                          "--json", str(out), "--png", str(folder / "picture.png")],
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    recorded = json.loads(out.read_text(encoding="utf-8"))
    return {probe["name"]: probe for probe in recorded["probes"]} | {"_printed": run.stdout, "_folder": folder}


def labels(probe) -> list[str]:
    return [item["label"] for item in probe["items"]]


@needs_server
def test_the_server_completes_the_fields_a_day_does_not_have_yet(answers, loader_fields):
    required, optional = fields_of(loader_fields, "day ")
    standoff = next(day for day in yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))["days"]
                    if day["id"] == "standoff")
    assert set(labels(answers["day_fields"])) == (required | optional) - set(standoff)


@needs_server
def test_the_server_completes_every_field_of_a_new_day(answers, loader_fields):
    required, optional = fields_of(loader_fields, "day ")
    assert required | optional <= set(labels(answers["new_day_fields"]))


@needs_server
def test_the_server_completes_the_leanings(answers):
    assert labels(answers["leaning_values"]) == list(LEANINGS)


@needs_server
def test_the_server_explains_a_field_with_the_schemas_words(answers):
    assert DAY_SCHEMA["properties"]["briefing"]["description"] in answers["hover_briefing"]["hover"]


@needs_server
def test_the_server_underlines_the_misspelt_field_and_the_bad_leaning(answers):
    probe = answers["misspelt_field_and_bad_leaning"]
    lines = probe["text"].split("\n")
    underlined = {lines[d["range"]["start"]["line"]][d["range"]["start"]["character"]:d["range"]["end"]["character"]]
                  for d in probe["diagnostics"]}
    assert underlined == {"efects", "hawkish"}


@needs_server
@pytest.mark.parametrize("name", sorted(path.parent.name for path in (ROOT / "scenarios").glob("*/scenario.yaml")))
def test_the_server_finds_the_schema_from_a_shipped_scenarios_own_first_line(answers, name):
    probe = answers[f"shipped_{name}"]
    assert SCHEMA["properties"]["days"]["description"] in probe["hover"]
    assert probe["diagnostics"] == []


@needs_server
def test_the_guide_prints_the_lists_the_server_gives(answers):
    for name in ("day_fields", "new_day_fields", "leaning_values"):
        assert "completion: " + ", ".join(labels(answers[name])) in PART_5


@needs_server
def test_the_script_draws_its_picture(answers):
    picture = pygame.image.load(str(answers["_folder"] / "picture.png"))
    assert picture.get_size() == pygame.image.load(str(PICTURE)).get_size()


def test_ci_installs_the_same_server_the_script_pins():
    """The server tests are skipped without the server; CI installs it so that they run there."""
    assert editor_completion.SERVER_PACKAGE in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
