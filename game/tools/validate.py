"""``brink validate``: check scenario files and print every problem in the compiler format.

Errors stop a scenario from loading; warnings (``lint``) are about a scenario that loads but is
probably not what its author meant. Warnings fail the check only with ``strict``.
"""

from __future__ import annotations

import json
import os
from typing import TextIO
from collections.abc import Iterable

import yaml

from game.scenario.errors import Diagnostic, format_diagnostic
from game.scenario.load import load_with_diagnostics
from game.scenario.text_fields import coverage_phrase


def validate_paths(paths: Iterable[str], out: TextIO, output_format: str = "text", strict: bool = False) -> int:
    """Validate each file; returns the exit status: 0 when every file is valid, 1 otherwise.

    A valid file's warnings are listed after its errors; with ``strict`` any warning fails it too.
    """
    from game.tools.lint import lint

    all_diagnostics: list[Diagnostic] = []
    results = []
    for path in paths:
        scenario, diagnostics = load_with_diagnostics(path)
        found = diagnostics.sorted()
        if scenario is not None:
            found += lint(scenario)
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
            warnings = _count(len(found) - errors, "warning")
            if errors:
                out.write(f"{path}: {_count(errors, 'error')}\n")
            elif strict and found:
                out.write(f"{path}: {warnings} (failing: --strict)\n")
            else:
                assert scenario is not None  # loaded without errors
                out.write(f"{path}: ok ({scenario.title}, {_count(len(scenario.days), 'day')}, "
                          f"{_count(len(scenario.roles), 'role')}, {_count(len(scenario.endings), 'ending')})"
                          + (f", {warnings}" if found else "") + "\n")
            if scenario is not None:
                languages = translation_coverage(path)
                if languages:
                    out.write(f"{path}: translations: " + ", ".join(
                        f"{language}: {coverage_phrase(*counts)}" for language, counts in languages.items()) + "\n")
    failing = ("error", "warning") if strict else ("error",)
    return 1 if any(d.severity in failing for d in all_diagnostics) else 0


def translation_coverage(path: str) -> dict[str, tuple[int, int]]:
    """Language -> (texts translated, texts in all) of a scenario that loaded.

    A note, never a failure, with or without ``strict``: a scenario in one language is complete,
    and a translation in progress is work to welcome, not a fault to fix before sharing.
    """
    from game.scenario.text_fields import compose, coverage, text_fields

    file = os.path.join(path, "scenario.yaml") if os.path.isdir(path) else path
    try:
        with open(file, encoding="utf-8") as handle:
            return coverage(text_fields(compose(handle.read())))
    except (OSError, ValueError, yaml.YAMLError):  # it loaded a moment ago; a race is no reason to fail
        return {}


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def _as_json(diagnostic: Diagnostic) -> dict:
    location = diagnostic.location
    return {"path": location.path, "line": location.line, "column": location.column,
            "severity": diagnostic.severity, "message": diagnostic.message}
