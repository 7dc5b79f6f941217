"""The published JSON Schema: valid draft 7, in step with the loader, and named by every scenario.

The loader is the authority on the format. The schema gives editors completion and hover help,
so it must never flag a file the loader accepts, and it should catch the mistakes of shape the
loader rejects. The small files in schema_cases/ pin both directions: each one is also loaded
by the game, so a case cannot drift from what the loader really does.
"""

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from game.scenario.load import load_with_diagnostics
from game.scenario.schema import schema_text

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "game" / "scenario" / "scenario.schema.json"
SCHEMA = json.loads(schema_text())
CASES = Path(__file__).parent / "schema_cases"
MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)")

VALID_FILES = sorted(
    [*(ROOT / "scenarios").rglob("scenario.yaml"),
     *(ROOT / "tests" / "fixtures" / "good").rglob("*.yaml"),
     *(ROOT / "docs" / "examples").rglob("*.yaml"),
     *(CASES / "accepted").glob("*.yaml")]
)
REJECTED_CASES = sorted((CASES / "rejected").glob("*.yaml"))
SCENARIO_FOLDER_YAML = sorted((ROOT / "scenarios").rglob("*.yaml"))


class _TextDatesLoader(yaml.SafeLoader):
    """Keeps dates as the strings they are in the file, as the game's loader does."""


_TextDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def document(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDatesLoader)


def schema_problems(path: Path) -> list[str]:
    validator = jsonschema.Draft7Validator(SCHEMA)
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in validator.iter_errors(document(path))]


def name_of(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_the_schema_is_a_valid_draft_7_schema():
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert SCHEMA["$id"] and SCHEMA["title"] and SCHEMA["description"]


def test_schema_text_is_the_file_shipped_in_the_package():
    assert schema_text() == SCHEMA_FILE.read_text(encoding="utf-8")


def _properties(node, path="#"):
    """Every property schema in the schema, with where it is, for the hover-help check."""
    if isinstance(node, dict):
        for name, child in node.get("properties", {}).items():
            yield f"{path}/properties/{name}", child
        if isinstance(node.get("additionalProperties"), dict):
            yield f"{path}/additionalProperties", node["additionalProperties"]
        for key, child in node.items():
            yield from _properties(child, f"{path}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _properties(child, f"{path}/{index}")


def test_every_property_has_a_description_for_hover_help():
    missing = [where for where, child in _properties(SCHEMA) if "description" not in child]
    assert missing == []


@pytest.mark.parametrize("path", VALID_FILES, ids=name_of)
def test_a_file_the_loader_accepts_matches_the_schema(path):
    scenario, diagnostics = load_with_diagnostics(path)
    assert scenario is not None, [d.message for d in diagnostics.errors]
    assert schema_problems(path) == []


@pytest.mark.parametrize("path", REJECTED_CASES, ids=lambda p: p.stem)
def test_the_schema_rejects_a_mistake_the_loader_rejects(path):
    scenario, _ = load_with_diagnostics(path)
    assert scenario is None, "the loader accepts this case, so the schema must too"
    assert schema_problems(path) != []


def test_there_are_rejected_cases_for_the_commonest_mistakes():
    names = {path.stem for path in REJECTED_CASES}
    assert {"unknown_top_level_field", "unknown_leaning", "id_with_capitals_and_a_space"} <= names


@pytest.mark.parametrize("path", SCENARIO_FOLDER_YAML, ids=name_of)
def test_every_scenario_file_names_the_schema_in_its_first_line(path):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.fullmatch(first_line)
    assert match, f"the first line should be '# yaml-language-server: $schema=...', not {first_line!r}"
    target = path.parent / match.group(1)
    assert target.is_file(), f"{match.group(1)} does not exist relative to {name_of(path)}"
    assert target.resolve() == SCHEMA_FILE.resolve()


def test_the_painters_vocabulary_in_the_schema_is_current():
    """Editors complete the portrait words, picture elements and scene names the painter knows;
    after changing them, run scripts/sync_schema_vocabulary.py."""
    from game.art.schema_parts import definitions

    for name, definition in definitions().items():
        assert SCHEMA["definitions"][name] == json.loads(json.dumps(definition)), name


def test_the_format_reference_lists_every_portrait_word():
    from game.art.portrait_spec import KEYS

    reference = (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")
    section = reference.split("## Portraits", 1)[1].split("\n## ", 1)[0]
    for key, allowed in KEYS.items():
        assert f"`{key}`" in section, key
        for word in allowed if isinstance(allowed, tuple) else ():
            assert f"`{word}`" in section, (key, word)


def test_the_schemas_id_is_the_documented_stable_name_for_this_format():
    from game.scenario.model import FORMAT_VERSION
    from game.scenario.schema import SCHEMA_ID

    assert SCHEMA["$id"] == SCHEMA_ID == f"https://brinkmanship.invalid/schema/scenario-{FORMAT_VERSION}.json"
    assert SCHEMA_ID in (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")


def test_brink_schema_path_names_the_file_brink_schema_prints(capsys):
    from game.cli import main

    assert main(["schema", "--path"]) == 0
    printed = Path(capsys.readouterr().out.strip())
    assert printed.is_absolute() and printed.read_text(encoding="utf-8") == schema_text()
