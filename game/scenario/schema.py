"""The JSON Schema of the scenario format, as shipped with the package.

Editors with the YAML language server read it through the modeline at the top of a scenario
file and offer completion and hover help; ``brink schema`` prints it. The loader, not the
schema, is the authority: the schema describes shapes, the loader also checks meaning
(cross-references, expressions, dates).
"""

from __future__ import annotations

from importlib.resources import files


def schema_text() -> str:
    """The schema's JSON text, read from the package so it works from an installed wheel too."""
    return (files("game.scenario") / "scenario.schema.json").read_text(encoding="utf-8")
