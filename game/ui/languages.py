"""Which languages a scenario's texts are written in, and what each is called in its own tongue.

A scenario may translate only some of its texts (the 1962 file has Russian briefings for
Khrushchev's seat); a language is offered as soon as any text has it, and every text missing
from it falls back to English on its own (``Text.get``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from game.scenario.model import Scenario, Text

DEFAULT = "en"
# each language by its own name, as a player looking for it would recognise it
NAMES = {"en": "English", "ru": "Русский", "de": "Deutsch", "fr": "Français", "es": "Español", "it": "Italiano",
         "pl": "Polski", "uk": "Українська", "pt": "Português", "nl": "Nederlands", "cs": "Čeština"}

_FOUND: dict[tuple[str, str], tuple[str, ...]] = {}  # (path, digest) -> languages


def language_name(code: str) -> str:
    return NAMES.get(code, code)


def scenario_languages(scenario: Scenario) -> tuple[str, ...]:
    """English first, then every other language some text of the scenario is written in, sorted."""
    key = (scenario.path, scenario.digest)
    found = _FOUND.get(key)
    if found is None:
        codes = set(_codes(scenario, set()))
        codes.discard(DEFAULT)
        found = _FOUND[key] = (DEFAULT, *sorted(codes))
    return found


def languages_of(scenarios: Iterable[Scenario]) -> tuple[str, ...]:
    codes = {code for scenario in scenarios for code in scenario_languages(scenario)}
    codes.discard(DEFAULT)
    return (DEFAULT, *sorted(codes))


def _codes(value, seen: set) -> Iterable[str]:
    """Every language code in the texts reachable from ``value`` (the model is a tree of frozen values)."""
    if isinstance(value, Text):
        yield from value.languages
    elif dataclasses.is_dataclass(value):
        if id(value) in seen:
            return
        seen.add(id(value))
        for field in dataclasses.fields(value):
            yield from _codes(getattr(value, field.name), seen)
    elif isinstance(value, dict) or (hasattr(value, "values") and hasattr(value, "keys")):
        for item in value.values():
            yield from _codes(item, seen)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _codes(item, seen)
