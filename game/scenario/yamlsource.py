"""Reading untrusted YAML into plain data that remembers where every piece came from.

Only the YAML core types are accepted (mappings, sequences, strings, numbers, booleans, null);
any other tag, such as ``!!python/object``, is refused rather than constructed, so a scenario
file can never make the loader run code. Values come back as ``SourceMap`` and ``SourceList``,
ordinary dicts and lists that also know the line and column of each key and item, which is what
lets every later check point at the exact place in the file.
"""

from __future__ import annotations

import gc
from typing import Any

import yaml

from game.scenario.errors import Diagnostics, Location

try:  # libyaml parses an order of magnitude faster; the pure-Python parser is the fallback.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_MAX_EXPANDED_NODES = 2_000_000  # guards against alias bombs ("billion laughs")


class _TooLarge(Exception):
    """Stops reading at once when aliases would expand past the limit."""


class SourceMap(dict):
    """A mapping from a YAML file, with the location of itself, each key and each value.

    Positions are kept as (line, column) pairs and turned into ``Location`` values only when
    asked for: a large file has hundreds of thousands of them and most are never reported.
    """

    __slots__ = ("path", "where", "key_places", "value_places")

    def __init__(self, location: Location):
        super().__init__()
        self.path = location.path
        self.where = (location.line, location.column)
        self.key_places: dict[str, tuple[int, int]] = {}
        self.value_places: dict[str, tuple[int, int]] = {}

    @property
    def location(self) -> Location:
        return Location(self.path, *self.where)

    def key_location(self, key: str) -> Location:
        return Location(self.path, *self.key_places.get(key, self.where))

    def value_location(self, key: str) -> Location:
        return Location(self.path, *self.value_places.get(key, self.where))


class SourceList(list):
    """A sequence from a YAML file, with the location of itself and each item."""

    __slots__ = ("path", "where", "item_places")

    def __init__(self, location: Location):
        super().__init__()
        self.path = location.path
        self.where = (location.line, location.column)
        self.item_places: list[tuple[int, int]] = []

    @property
    def location(self) -> Location:
        return Location(self.path, *self.where)

    def item_location(self, index: int) -> Location:
        place = self.item_places[index] if index < len(self.item_places) else self.where
        return Location(self.path, *place)


def read_yaml(path: str, text: str | bytes, diagnostics: Diagnostics) -> Any:
    """Parse one YAML document; problems go to ``diagnostics`` and the result is None."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            before = error.object[:error.start]  # the undecoded bytes
            line = before.count(b"\n") + 1
            column = error.start - (before.rfind(b"\n") + 1) + 1
            diagnostics.error(Location(path, line, column),
                              f"not a UTF-8 text file ({error.reason}); save it as UTF-8 in your editor")
            return None
    if "\x00" in text:
        diagnostics.error(place_of(path, text, text.index("\x00")), "not a text file (it contains NUL bytes)")
        return None
    if _hidden_line_break(path, text, diagnostics):
        return None
    loader = _Loader(text)
    builder = _Builder(path, diagnostics, loader)
    collecting = gc.isenabled()
    gc.disable()  # the build makes only acyclic containers; cycle-hunting through them is wasted time
    try:
        document = builder.document()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
        diagnostics.error(where, f"not valid YAML: {error.problem or error.context or 'invalid YAML'}")
        return None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, such as a control character
        character = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "?")
        index = text.find(chr(character))
        where = place_of(path, text, index) if index >= 0 else Location(path)
        diagnostics.error(where, f"the character U+{character:04X} is not allowed in a scenario file "
                                 f"({error.reason}); delete it or write it as an escape in quoted text")
        return None
    except yaml.YAMLError as error:
        diagnostics.error(Location(path), f"not valid YAML: {error}")
        return None
    except _TooLarge:
        return None
    finally:
        loader.dispose()
        if collecting:
            gc.enable()
    if builder.refused:
        # A file carrying code tags is refused outright: listing every such place helps its
        # author, but reading the rest of it as a scenario would only add noise.
        return None
    if document is _EMPTY:
        diagnostics.error(Location(path), "the file is empty; a scenario is a YAML mapping")
        return None
    return document


_EMPTY = object()


_MAX_DIGITS = 40  # far beyond any number a scenario needs; Python itself stops at 4,300


def _number_problem(text: str) -> str | None:
    """Why a plain scalar YAML reads as a number must be refused, or None.

    YAML 1.1 reads ``1:30`` as a base-60 number (90), which no author means; and a number of
    thousands of digits would only reach the game to overflow it.
    """
    if ":" in text:
        return (f"'{text}' would be read as a base-60 number; write a plain number, "
                f"or put it in quotes if it is text")
    digits = sum(character.isdigit() for character in text)
    if digits > _MAX_DIGITS:
        return f"the number {text.lstrip('+-')[:12]}\u2026 has {digits} digits; numbers in a scenario are far smaller"
    return None


def place_of(path: str, text: str, index: int) -> Location:
    """The line and column of a character of the text, counted as editors count them: a line
    ends at CR LF, LF or a lone CR (a file saved with old Mac line ends is still numbered)."""
    before = text[:index]
    breaks = before.count("\n") + before.count("\r") - before.count("\r\n")
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return Location(path, breaks + 1, index - line_start + 1)


# YAML also ends a line at NEL, LS and PS, which editors show inside a line (NEL is what a
# Windows-1252 '...' becomes when mis-decoded): every place reported after one would be a line
# off from what the author sees, so the character is refused where it stands.
_HIDDEN_LINE_BREAKS = {"\x85": "NEL", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}


def _hidden_line_break(path: str, text: str, diagnostics: Diagnostics) -> bool:
    found = [index for index in (text.find(character) for character in _HIDDEN_LINE_BREAKS) if index >= 0]
    if not found:
        return False
    index = min(found)
    character = text[index]
    diagnostics.error(place_of(path, text, index),
                      f"the character U+{ord(character):04X} ({_HIDDEN_LINE_BREAKS[character]}) is not allowed in a "
                      f"scenario file: YAML reads it as a line break that most editors do not show; delete it "
                      f"or write it as an escape in quoted text")
    return True


class _Builder:
    """Builds values straight from the parser's events.

    Going through PyYAML's node graph would resolve every scalar's type in Python twice over;
    reading events and resolving each distinct plain scalar once makes loading several times
    faster, which matters for the 100x benchmark scenario and for hot reload.
    """

    def __init__(self, path: str, diagnostics: Diagnostics, loader: Any):
        self.path = path
        self.diagnostics = diagnostics
        self.loader = loader
        self.anchors: dict[str, Any] = {}
        self.sizes: dict[int, int] = {}  # id of an anchored value -> its size in nodes
        self.plain: dict[str, Any] = {}  # plain scalar text -> its value, resolved once
        self.expanded = 0
        self.refused = False
        self.constructor = yaml.SafeLoader.__new__(yaml.SafeLoader)
        yaml.constructor.SafeConstructor.__init__(self.constructor)

    def error(self, mark: Any, message: str) -> None:
        self.diagnostics.error(Location(self.path, mark.line + 1, mark.column + 1), message)

    def refuse_tag(self, event: Any) -> None:
        self.refused = True
        tag = event.tag.replace(_CORE, "!!")
        self.error(event.start_mark, f"the YAML tag '{tag}' is not allowed; scenario files hold plain data only "
                                     "(mappings, lists, text, numbers, true/false)")

    def document(self) -> Any:
        get = self.loader.get_event
        get()  # stream start
        if isinstance(self.loader.peek_event(), yaml.StreamEndEvent):
            return _EMPTY
        get()  # document start
        return self.value(get())

    def value(self, event: Any) -> Any:
        """The value that starts with ``event``."""
        kind = type(event)
        if kind is yaml.ScalarEvent:
            result = self.scalar(event)
        elif kind is yaml.MappingStartEvent:
            result = self.mapping(event)
        elif kind is yaml.SequenceStartEvent:
            result = self.sequence(event)
        elif kind is yaml.AliasEvent:
            return self.alias(event)
        else:  # pragma: no cover - the parser yields nothing else here
            return None
        if event.anchor is not None:
            self.anchors[event.anchor] = result
        return result

    def alias(self, event: Any) -> Any:
        """A shared reference to an anchored value, counted at its full size against alias bombs."""
        if event.anchor not in self.anchors:
            self.error(event.start_mark, f"unknown alias '*{event.anchor}'")
            return None
        result = self.anchors[event.anchor]
        self.expanded += self.size_of(result)
        if self.expanded > _MAX_EXPANDED_NODES:
            self.error(event.start_mark, "the document is too large once its aliases are expanded")
            raise _TooLarge
        return result

    def size_of(self, value: Any) -> int:
        """Nodes in a value once expanded; memoised, so nested aliases cost linear time to count."""
        if not isinstance(value, (dict, list)):
            return 1
        known = self.sizes.get(id(value))
        if known is None:
            items = value.values() if isinstance(value, dict) else value
            known = self.sizes[id(value)] = 1 + sum(self.size_of(item) for item in items)
        return known

    def scalar(self, event: Any) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            if not event.implicit[0]:
                return event.value  # quoted or block text is always a string
            value = event.value
            try:
                return self.plain[value]
            except KeyError:
                tag = self.loader.resolve(yaml.ScalarNode, value, (True, False))
                reported = len(self.diagnostics.items)
                result = self.construct(tag, value, event)
                if len(self.diagnostics.items) == reported:  # a refused value is reported at every place it occurs
                    self.plain[value] = result
                return result
        if tag not in _SCALAR_TAGS:
            self.refuse_tag(event)
            return None
        return self.construct(tag, event.value, event)

    def construct(self, tag: str, value: str, event: Any) -> Any:
        if tag == _CORE + "timestamp" or tag == _CORE + "str":
            return value  # dates stay as written: "1962-10-16"
        if tag == _CORE + "merge":
            return _MERGE
        if tag in (_CORE + "int", _CORE + "float"):
            problem = _number_problem(value)
            if problem:
                mark = event.start_mark
                self.diagnostics.refuse(Location(self.path, mark.line + 1, mark.column + 1), problem)
                return None
        try:
            return self.constructor.construct_object(yaml.ScalarNode(tag, value), deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as error:
            self.error(event.start_mark, f"cannot read the value {value!r}: {error}")
            return None

    def mapping(self, start: Any) -> SourceMap:
        result = SourceMap.__new__(SourceMap)
        result.path, result.where = self.path, (start.start_mark.line + 1, start.start_mark.column + 1)
        result.key_places, result.value_places = {}, {}
        if start.tag is not None and start.tag not in ("!", _CORE + "map"):
            self.refuse_tag(start)
        get, plain, scalar_event = self.loader.get_event, self.plain, yaml.ScalarEvent
        key_places, value_places = result.key_places, result.value_places
        while True:
            event = get()
            kind = type(event)
            if kind is yaml.MappingEndEvent:
                return result
            if kind is not scalar_event:
                self.error(event.start_mark, "a mapping key must be a plain name")
                self.value(event)
                self.value(get())
                continue
            key = plain.get(event.value, _MISSING) if event.tag is None and event.implicit[0] else _MISSING
            if key is _MISSING:
                key = self.scalar(event)
            value_event = get()
            mark = value_event.start_mark
            if type(value_event) is scalar_event:
                style = value_event.style
                value_place = (mark.line + 1, mark.column + 1) if not style else _place(value_event)
                if value_event.anchor is not None or value_event.tag is not None:
                    value = self.value(value_event)
                elif not value_event.implicit[0]:
                    value = value_event.value  # quoted or block text
                else:
                    value = plain.get(value_event.value, _MISSING)
                    if value is _MISSING:
                        value = self.scalar(value_event)
            else:
                value_place = (mark.line + 1, mark.column + 1)
                value = self.value(value_event)
            if key is _MERGE:
                self.error(event.start_mark, "merge keys ('<<') are not supported; write the fields out")
                continue
            if not isinstance(key, str):
                if key is None and event.tag not in (None, "!"):
                    continue  # a refused tag, already reported
                key = event.value
            if key in result:
                self.error(event.start_mark, f"duplicate key '{key}' (first given at line {key_places[key][0]})")
                continue
            result[key] = value
            mark = event.start_mark
            key_places[key] = (mark.line + 1, mark.column + 1)
            value_places[key] = value_place

    def sequence(self, start: Any) -> SourceList:
        result = SourceList.__new__(SourceList)
        result.path, result.where = self.path, (start.start_mark.line + 1, start.start_mark.column + 1)
        places: list[tuple[int, int]] = []
        result.item_places = places
        if start.tag is not None and start.tag not in ("!", _CORE + "seq"):
            self.refuse_tag(start)
        get, scalar_event = self.loader.get_event, yaml.ScalarEvent
        append, place = result.append, places.append
        while True:
            event = get()
            kind = type(event)
            if kind is yaml.SequenceEndEvent:
                return result
            mark = event.start_mark
            if kind is scalar_event and event.anchor is None:
                if event.tag is None and not event.implicit[0]:
                    append(event.value)  # quoted or block text
                else:
                    append(self.scalar(event))
                style = event.style
                place((mark.line + 1, mark.column + 1) if not style else _place(event))
            else:
                append(self.value(event))
                place((mark.line + 1, mark.column + 1))


def _place(event: Any) -> tuple[int, int]:
    """Line and column where a scalar's text begins: past an opening quote, so expression
    columns line up; for block text, the first line of its content."""
    mark = event.start_mark
    style = event.style
    if style in ("'", '"'):
        return mark.line + 1, mark.column + 2
    if style in ("|", ">"):
        return mark.line + 2, mark.column + 3
    return mark.line + 1, mark.column + 1


_MISSING = object()
_MERGE = object()
