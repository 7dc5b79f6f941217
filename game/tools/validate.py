"""``brink validate``: check scenario files and print every problem in the compiler format."""

from __future__ import annotations

import json
from typing import Iterable, TextIO

from game.scenario.errors import Diagnostic, format_diagnostic
from game.scenario.load import load_with_diagnostics


def validate_paths(paths: Iterable[str], out: TextIO, output_format: str = "text") -> int:
    """Validate each file; returns the exit status: 0 when every file is valid, 1 otherwise."""
    all_diagnostics: list[Diagnostic] = []
    results = []
    for path in paths:
        scenario, diagnostics = load_with_diagnostics(path)
        found = diagnostics.sorted()
        all_diagnostics.extend(found)
        results.append((path, scenario, found))
    if output_format == "json":
        json.dump([_as_json(d) for d in all_diagnostics], out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for path, scenario, found in results:
            for diagnostic in found:
                out.write(format_diagnostic(diagnostic) + "\n")
            errors = sum(1 for d in found if d.severity == "error")
            if errors:
                out.write(f"{path}: {errors} error{'s' if errors != 1 else ''}\n")
            else:
                out.write(f"{path}: ok ({scenario.title}, {len(scenario.days)} days, "
                          f"{len(scenario.roles)} roles, {len(scenario.endings)} endings)\n")
    return 1 if any(d.severity == "error" for d in all_diagnostics) else 0


def _as_json(diagnostic: Diagnostic) -> dict:
    location = diagnostic.location
    return {"path": location.path, "line": location.line, "column": location.column,
            "severity": diagnostic.severity, "message": diagnostic.message}
