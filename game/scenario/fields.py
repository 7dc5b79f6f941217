"""Typed, located access to one YAML mapping, reporting every misuse instead of stopping.

Each getter returns a usable default after reporting a problem, so the loader can go on and
find the next problem too; that is how one run of ``brink validate`` lists them all.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from game.scenario.errors import Diagnostics, Location, did_you_mean
from game.scenario.expr import number_problem
from game.scenario.model import EMPTY_TEXT, Text
from game.scenario.yamlsource import SourceList, SourceMap

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
MAX_ID_LENGTH = 64  # ids become file names (portraits, paintings): keep them well under any system's limit
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")
_TYPE_NAMES = {bool: "true/false", int: "a whole number", float: "a number", str: "text", dict: "a mapping", list: "a list"}


def kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    for python_type, name in _TYPE_NAMES.items():
        if isinstance(value, python_type):
            return name
    return type(value).__name__


# YAML 1.1, which PyYAML reads, wants a point in a number with an exponent: 1e15 is text there.
_EXPONENT_WITHOUT_POINT = re.compile(r"[-+]?[0-9]+[eE][-+]?[0-9]+")


def not_a_number(value: Any) -> str:
    """What a value that should be a number is, with the fix when it is a YAML 1.1 '1e15'."""
    if isinstance(value, str) and _EXPONENT_WITHOUT_POINT.fullmatch(value.strip()):
        mantissa, _, exponent = value.strip().replace("E", "e").partition("e")
        return f"text (YAML reads '{value.strip()}' as text: write {mantissa}.0e{exponent})"
    return kind_of(value)


def id_problem(value: Any, what: str = "") -> str | None:
    """Why a value cannot be an id, or None."""
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        shown = str(value) if len(str(value)) <= 40 else str(value)[:37] + "..."
        return (f"'{shown}' is not a valid {what + ' ' if what else ''}id: use lower-case letters, digits and _ , "
                "starting with a letter")
    if len(value) > MAX_ID_LENGTH:
        return f"the {what + ' ' if what else ''}id '{value[:20]}...' is {len(value)} characters long; ids are at most {MAX_ID_LENGTH}"
    return None


class Fields:
    """One mapping of the file (a role, a day, a choice...), read field by field."""

    def __init__(self, value: Any, location: Location, what: str, diagnostics: Diagnostics,
                 required: tuple[str, ...] = (), optional: tuple[str, ...] = ()):
        self.what = what
        self.diagnostics = diagnostics
        self.ok = isinstance(value, SourceMap)
        self.map: SourceMap = value if self.ok else SourceMap(location)
        self.fallback = location
        if not self.ok:
            diagnostics.error(location, f"{what} must be a mapping of fields, not {kind_of(value)}")
            return
        for key in value:
            if key not in required and key not in optional:
                known = (*required, *optional)
                diagnostics.error(value.key_location(key), f"unknown field '{key}' in {what}{did_you_mean(key, known)}")
        get = value.get
        for key in required:
            found = get(key)
            if found is None:
                if key in value and diagnostics.reported_at(value.value_location(key)):
                    continue  # given, but refused as it was read (e.g. 1:30): one error is enough
                diagnostics.error(self.location, f"{what} is missing the field '{key}'")
            elif found.__class__ is str and not found.strip():  # `id: ''` is as good as no id
                diagnostics.error(value.value_location(key), f"'{key}' in {what} is empty")

    @property
    def location(self) -> Location:
        return self.map.location if self.ok else self.fallback

    def has(self, key: str) -> bool:
        """Whether the field is given; a value refused as it was read counts as given (it was reported)."""
        if self.map.get(key) is not None:
            return True
        return key in self.map and self.map.value_location(key) in self.diagnostics.refused_places

    def raw(self, key: str, default: Any = None) -> Any:
        value = self.map.get(key)
        return default if value is None else value

    def where(self, key: str) -> Location:
        return self.map.value_location(key) if key in self.map else self.location

    def key_where(self, key: str) -> Location:
        return self.map.key_location(key)

    def error(self, key: str, message: str) -> None:
        self.diagnostics.error(self.where(key), message)

    def string(self, key: str, default: str = "") -> str:
        value = self.map.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or isinstance(value, (dict, list)):
            self.error(key, f"'{key}' in {self.what} must be text, not {kind_of(value)}")
            return default
        return str(value)

    def identifier(self, key: str) -> str:
        value = self.string(key)
        problem = id_problem(value) if value else None
        if problem:
            self.error(key, problem)
        return value

    def number(self, key: str, default: float = 0) -> float:
        value = self.map.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.error(key, f"'{key}' in {self.what} must be a number, not {not_a_number(value)}")
            return default
        problem = number_problem(value)
        if problem:
            self.error(key, f"'{key}' in {self.what}: {problem}")
            return default
        return value

    def integer(self, key: str, default: int = 0) -> int:
        value = self.map.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(key, f"'{key}' in {self.what} must be a whole number, not {not_a_number(value)}")
            return default
        problem = number_problem(value)
        if problem:
            self.error(key, f"'{key}' in {self.what}: {problem}")
            return default
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.map.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.error(key, f"'{key}' in {self.what} must be true or false, not {kind_of(value)}")
            return default
        return value

    def text(self, key: str) -> Text:
        value = self.map.get(key)
        if value.__class__ is str:  # the common case needs no location and no message
            return plain_text(value)
        return read_text(value, self.where(key), f"'{key}' in {self.what}", self.diagnostics)

    def sequence(self, key: str) -> SourceList:
        value = self.map.get(key)
        if value is None:
            return SourceList(self.where(key))
        if not isinstance(value, SourceList):
            self.error(key, f"'{key}' in {self.what} must be a list, not {kind_of(value)}")
            return SourceList(self.where(key))
        return value

    def mapping(self, key: str) -> SourceMap:
        value = self.map.get(key)
        if value is None:
            return SourceMap(self.where(key))
        if not isinstance(value, SourceMap):
            self.error(key, f"'{key}' in {self.what} must be a mapping, not {kind_of(value)}")
            return SourceMap(self.where(key))
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        """A list of plain strings; a single string is accepted as a list of one."""
        return read_strings(self.map.get(key), self.where(key), f"'{key}' in {self.what}", self.diagnostics)


def read_strings(value: Any, location: Location, what: str, diagnostics: Diagnostics) -> tuple[str, ...]:
    """A list of plain strings; a single string is accepted as a list of one."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, SourceList):
        diagnostics.error(location, f"{what} must be a list of text, not {kind_of(value)}")
        return ()
    result = []
    for index, item in enumerate(value):
        if isinstance(item, (dict, list)) or item is None or isinstance(item, bool):
            diagnostics.error(value.item_location(index), f"items of {what} must be text, not {kind_of(item)}")
        else:
            result.append(str(item))
    return tuple(result)


def read_text(value: Any, location: Location, what: str, diagnostics: Diagnostics) -> Text:
    """Text is a string, or a mapping from language code to string: ``{en: ..., ru: ...}``."""
    if value is None:
        return EMPTY_TEXT
    if isinstance(value, SourceMap):
        if not value:
            diagnostics.error(location, f"{what} is an empty mapping: give the text, or {{en: ..., ru: ...}}")
            return EMPTY_TEXT
        translations = []
        for code, text in value.items():
            if not LANGUAGE_PATTERN.match(code):
                diagnostics.error(value.key_location(code), f"'{code}' in {what} is not a language code such as 'en' or 'ru'")
            elif not isinstance(text, str):
                diagnostics.error(value.value_location(code), f"the '{code}' text of {what} must be text, not {kind_of(text)}")
            else:
                translations.append((code, text.strip()))
        return Text(tuple(translations))
    if isinstance(value, (list, bool)):
        diagnostics.error(location, f"{what} must be text, or a mapping of language to text, not {kind_of(value)}")
        return EMPTY_TEXT
    return plain_text(str(value))


@functools.lru_cache(maxsize=65536)
def plain_text(value: str) -> Text:
    """Text in the default language; shared between equal strings, as Text is immutable."""
    return Text((("en", value.strip()),))
