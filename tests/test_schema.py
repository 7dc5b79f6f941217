"""The published JSON Schema: valid draft 7, matched by the shipped scenarios, strict where the loader is."""

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from game.scenario.schema import schema_text

ROOT = Path(__file__).parent.parent
SCENARIOS = sorted((ROOT / "scenarios").glob("*/scenario.yaml"))
SCHEMA = json.loads(schema_text())


class _TextDatesLoader(yaml.SafeLoader):
    """Keeps dates as the strings they are in the file, as the game's loader does."""


_TextDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def document(path):
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_TextDatesLoader)


def test_the_schema_is_a_valid_draft_7_schema():
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.parent.name)
def test_every_shipped_scenario_matches_the_schema(path):
    jsonschema.validate(document(path), SCHEMA, cls=jsonschema.Draft7Validator)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.parent.name)
def test_every_shipped_scenario_names_the_schema_in_its_first_line(path):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first_line)
    assert match, first_line
    assert (path.parent / match.group(1)).resolve() == (ROOT / "game" / "scenario" / "scenario.schema.json").resolve()


@pytest.mark.parametrize("change, where", [
    (lambda d: d.update(colour="red"), "unknown top-level field"),
    (lambda d: d["roles"]["kennedy"]["advisors"][0].update(leaning="owl"), "unknown leaning"),
    (lambda d: d["days"][0].update(id="Day One"), "id with capitals and a space"),
    (lambda d: d["variables"]["tension"].pop("max"), "variable without bounds"),
    (lambda d: d["days"][0]["choices"]["kennedy"][0].update(effect="tension += 1"), "misspelt field in a choice"),
])
def test_the_schema_rejects_what_the_loader_rejects(change, where):
    data = document(ROOT / "scenarios" / "demo" / "scenario.yaml")
    change(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft7Validator)
