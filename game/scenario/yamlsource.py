"""Reading untrusted YAML into plain data that remembers where every piece came from.

Only the YAML core types are accepted (mappings, sequences, strings, numbers, booleans, null);
any other tag, such as ``!!python/object``, is refused rather than constructed, so a scenario
file can never make the loader run code. Values come back as ``SourceMap`` and ``SourceList``,
ordinary dicts and lists that also know the line and column of each key and item, which is what
lets every later check point at the exact place in the file.
"""

from __future__ import annotations

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
    """Stops the walk at once when aliases would expand past the limit."""


class SourceMap(dict):
    """A mapping from a YAML file, with the location of itself, each key and each value."""

    __slots__ = ("location", "key_locations", "value_locations")

    def __init__(self, location: Location):
        super().__init__()
        self.location = location
        self.key_locations: dict[str, Location] = {}
        self.value_locations: dict[str, Location] = {}

    def key_location(self, key: str) -> Location:
        return self.key_locations.get(key, self.location)

    def value_location(self, key: str) -> Location:
        return self.value_locations.get(key, self.location)


class SourceList(list):
    """A sequence from a YAML file, with the location of itself and each item."""

    __slots__ = ("location", "item_locations")

    def __init__(self, location: Location):
        super().__init__()
        self.location = location
        self.item_locations: list[Location] = []

    def item_location(self, index: int) -> Location:
        return self.item_locations[index] if index < len(self.item_locations) else self.location


def read_yaml(path: str, text: str | bytes, diagnostics: Diagnostics) -> Any:
    """Parse one YAML document; problems go to ``diagnostics`` and the result is None."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            before = text[:error.start]
            line = before.count(b"\n") + 1
            column = error.start - (before.rfind(b"\n") + 1) + 1
            diagnostics.error(Location(path, line, column),
                              f"not a UTF-8 text file ({error.reason}); save it as UTF-8 in your editor")
            return None
    if "\x00" in text:
        diagnostics.error(Location(path, 1, 1), "not a text file (it contains NUL bytes)")
        return None
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = _location(path, mark) if mark else Location(path)
        problem = error.problem or error.context or "invalid YAML"
        diagnostics.error(where, f"not valid YAML: {problem}")
        return None
    except yaml.YAMLError as error:
        diagnostics.error(Location(path), f"not valid YAML: {error}")
        return None
    if node is None:
        diagnostics.error(Location(path), "the file is empty; a scenario is a YAML mapping")
        return None
    converter = _Converter(path, diagnostics)
    try:
        document = converter.convert(node)
    except _TooLarge:
        return None
    if converter.refused:
        # A file carrying code tags or alias bombs is refused outright: listing every such place
        # helps its author, but reading the rest of it as a scenario would only add noise.
        return None
    return document


def _location(path: str, mark: Any) -> Location:
    return Location(path, mark.line + 1, mark.column + 1)


class _Converter:
    def __init__(self, path: str, diagnostics: Diagnostics):
        self.path = path
        self.diagnostics = diagnostics
        self.constructor = yaml.SafeLoader.__new__(yaml.SafeLoader)
        yaml.constructor.SafeConstructor.__init__(self.constructor)
        self.expanded = 0
        self.refused = False

    def where(self, node: yaml.Node) -> Location:
        return _location(self.path, node.start_mark)

    def value_where(self, node: yaml.Node) -> Location:
        """Where a scalar's text begins: past the opening quote, so expression columns line up."""
        location = self.where(node)
        if isinstance(node, yaml.ScalarNode) and node.style in ("'", '"'):
            return location.shifted(1)
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            return Location(self.path, location.line + 1, location.column + 2)
        return location

    def convert(self, node: yaml.Node) -> Any:
        self.expanded += 1
        if self.expanded > _MAX_EXPANDED_NODES:
            if not self.refused or self.expanded == _MAX_EXPANDED_NODES + 1:
                self.diagnostics.error(self.where(node), "the document is too large once its aliases are expanded")
            self.refused = True
            raise _TooLarge
        if isinstance(node, yaml.MappingNode):
            return self.convert_mapping(node)
        if isinstance(node, yaml.SequenceNode):
            return self.convert_sequence(node)
        return self.convert_scalar(node)

    def refuse_tag(self, node: yaml.Node) -> None:
        self.refused = True
        tag = node.tag.replace(_CORE, "!!")
        self.diagnostics.error(
            self.where(node),
            f"the YAML tag '{tag}' is not allowed; scenario files hold plain data only "
            "(mappings, lists, text, numbers, true/false)",
        )

    def convert_scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self.refuse_tag(node)
            return None
        if node.tag == _CORE + "timestamp":
            return node.value  # dates stay as written: "1962-10-16"
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as error:
            self.diagnostics.error(self.where(node), f"cannot read the value {node.value!r}: {error}")
            return None

    def convert_sequence(self, node: yaml.SequenceNode) -> SourceList:
        result = SourceList(self.where(node))
        if node.tag != _CORE + "seq":
            self.refuse_tag(node)
            return result
        for item in node.value:
            result.append(self.convert(item))
            result.item_locations.append(self.value_where(item))
        return result

    def convert_mapping(self, node: yaml.MappingNode) -> SourceMap:
        result = SourceMap(self.where(node))
        if node.tag != _CORE + "map":
            self.refuse_tag(node)
            return result
        for key_node, value_node in node.value:
            if key_node.tag == _CORE + "merge":
                self.diagnostics.error(self.where(key_node), "merge keys ('<<') are not supported; write the fields out")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALAR_TAGS:
                self.diagnostics.error(self.where(key_node), "a mapping key must be a plain name")
                continue
            key = str(key_node.value)
            if key in result:
                first = result.key_locations[key]
                self.diagnostics.error(self.where(key_node), f"duplicate key '{key}' (first given at line {first.line})")
                continue
            result[key] = self.convert(value_node)
            result.key_locations[key] = self.where(key_node)
            result.value_locations[key] = self.value_where(value_node)
        return result
