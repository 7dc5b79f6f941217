"""The JSON Schema of the scenario format, as shipped with the package.

Editors with the YAML language server read it through the modeline at the top of a scenario
file and offer completion and hover help; ``brink schema`` prints it. The loader, not the
schema, is the authority: the schema describes shapes, the loader also checks meaning
(cross-references, expressions, dates).
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

# The schema's identifier (its "$id"): a name, not an address to fetch. No public site serves it;
# editors read the file the game ships (``schema_path``). The pattern is
# https://brinkmanship.invalid/schema/<document>-<format version>.json, under the top-level domain
# reserved never to resolve (RFC 2606), so no one else can ever answer at that address.
SCHEMA_ID = "https://brinkmanship.invalid/schema/scenario-1.json"


def schema_path() -> Path:
    """The schema file shipped with the game, for an editor's ``# yaml-language-server: $schema=`` line.

    In a source checkout and an installed copy alike it is a real file on disk (the package is
    never zipped; a standalone build unpacks its data files too).
    """
    with as_file(files("game.scenario") / "scenario.schema.json") as path:
        return Path(path).resolve()


def schema_text() -> str:
    """The schema's JSON text, read from the package so it works from an installed wheel too."""
    return (files("game.scenario") / "scenario.schema.json").read_text(encoding="utf-8")
