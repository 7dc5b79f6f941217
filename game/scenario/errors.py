"""Problems found in a scenario file, as values with a location.

Errors travel as ``Diagnostic`` values until they reach the edge of the program, where
``format_diagnostic`` prints them in the one format editors and CI logs understand:
``path:line:col: severity: message``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import NamedTuple
from collections.abc import Iterable


class Location(NamedTuple):
    """A place in a file; line and column count from 1, as editors show them.

    A named tuple rather than a dataclass: a large scenario creates hundreds of thousands of
    them, and a tuple is the cheapest immutable value Python makes.
    """

    path: str
    line: int = 1
    column: int = 1

    def shifted(self, columns: int) -> Location:
        """The same line, ``columns`` further right: used to point inside an expression string."""
        return Location(self.path, self.line, self.column + columns)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    location: Location
    message: str
    severity: str = "error"  # "error" or "warning"


class ScenarioError(Exception):
    """Raised at the end of loading when any error was found; carries all of them."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(format_diagnostic(d) for d in self.diagnostics))


def format_diagnostic(diagnostic: Diagnostic) -> str:
    return f"{diagnostic.location}: {diagnostic.severity}: {diagnostic.message}"


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """A hint for a misspelt id, or an empty string when nothing is close enough to help."""
    candidates = sorted(set(known))
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    if close:
        return f" (did you mean '{close[0]}'?)"
    if candidates and len(candidates) <= 8:
        return " (known: " + ", ".join(candidates) + ")"
    return ""


# A message quotes what the author wrote ("unknown advisor 'x'"); a 1,500-character id quoted
# whole would bury the message, so a long quotation keeps its start and its length.
_LONG_QUOTATION = re.compile(r"'([^'\s]{81,})'")


def _shortened(message: str) -> str:
    if len(message) < 200:
        return message
    return _LONG_QUOTATION.sub(lambda found: f"'{found[1][:60]}…' ({len(found[1]):,} characters)", message)


class Diagnostics:
    """Collects problems while loading, so one run reports every one of them."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []
        # Places whose value was refused as the file was read (a 400-digit number, 1:30): the value
        # reaches the checks as nothing, and "missing" or "not a number" there would only be noise.
        self.refused_places: set[Location] = set()

    def error(self, location: Location, message: str) -> None:
        if location in self.refused_places:
            return
        self.items.append(Diagnostic(location, _shortened(message), "error"))

    def refuse(self, location: Location, message: str) -> None:
        """An error for a value refused while reading; later complaints about that place are dropped."""
        self.error(location, message)
        self.refused_places.add(location)

    def warning(self, location: Location, message: str) -> None:
        self.items.append(Diagnostic(location, _shortened(message), "warning"))

    def reported_at(self, location: Location) -> bool:
        """Whether an error was already reported at this very place (a value refused while reading)."""
        return any(d.location == location for d in self.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: (d.location.path, d.location.line, d.location.column))


class FormulaError(ArithmeticError):
    """A formula of the scenario came to something that is not a usable number while a game ran.

    What can be refused at load is refused there (numbers too large, derived values that blow
    up); this is what is left, such as ``tension = tension / calm * 1e15 * 1e15`` on a day when
    it overflows. The rules stop before the bad number reaches the game state; the front end
    prints ``diagnostic`` in the usual ``path:line:col: error:`` form.
    """

    def __init__(self, location: Location | None, message: str):
        self.location = location
        self.message = message
        super().__init__(message if location is None else format_diagnostic(Diagnostic(location, message)))

    @property
    def diagnostic(self) -> Diagnostic:
        return Diagnostic(self.location or Location("<scenario>"), self.message)

    def at(self, location: Location) -> FormulaError:
        """The same error placed at ``location`` when it has no place of its own yet."""
        return self if self.location is not None else FormulaError(location, self.message)
