"""Every translatable text of a scenario file, found by walking the file beside its JSON Schema.

Translation tools need what the loader throws away: the exact span of each text in the file
(to rewrite it in place, comments and all) and a stable name for it (a PO file's context).
The schema already says which fields are text (``#/definitions/text``), so walking the YAML
nodes beside it finds them all, and a field added to the format later is found without a
second list to keep up to date.

The file is composed with PyYAML's pure-Python safe composer: it builds nodes, never objects,
and its marks count characters (the C composer counts bytes), which is what the span edits need.
Callers load the file with the game's loader first, which has already refused what is unsafe
(code tags, alias bombs, files too large).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

from game.scenario.schema import schema_text

SOURCE_LANGUAGE = "en"
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")
_TEXT_REFERENCE = "#/definitions/text"
_CORE = "tag:yaml.org,2002:"


@dataclass(frozen=True, slots=True)
class TextField:
    """One text of the file: where it is, what it says in each language, and how it is written.

    ``path`` names the field as a PO context does: ``days[found].choices.kennedy[airstrike].text``
    (list items by their id where they have one, by position otherwise). ``parent`` is the node
    that holds the text (a mapping or a list) and ``key`` the key node when that is a mapping;
    ``flow`` says whether the text sits inside ``{...}`` or ``[...]``, where block style is not allowed.
    """

    path: str
    node: yaml.Node
    parent: yaml.Node
    key: yaml.Node | None
    flow: bool
    shared: bool  # reached through a YAML alias: one place in the file, several fields

    @property
    def line(self) -> int:
        """The line that names the text: its key's, where a block mapping's languages start below it."""
        return (self.key or self.node).start_mark.line + 1

    @property
    def translations(self) -> dict[str, str]:
        """Language -> text as the game reads it (trimmed); a plain string is English."""
        if isinstance(self.node, yaml.ScalarNode):
            return {SOURCE_LANGUAGE: self.node.value.strip()}
        return {key.value: value.value.strip() for key, value in self.node.value
                if isinstance(value, yaml.ScalarNode)}

    @property
    def source(self) -> str:
        """The text translators start from: English, or the first language the author gave."""
        found = self.translations
        return found.get(SOURCE_LANGUAGE) or next(iter(found.values()), "")

    def translation(self, language: str) -> str:
        return self.translations.get(language, "") if isinstance(self.node, yaml.MappingNode) else ""


def source_hash(text: str) -> str:
    """A short fingerprint of the source text, carried in the PO file to notice a changed original."""
    return "sha256:" + hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


def compose(text: str) -> yaml.Node | None:
    """The node tree of a YAML document (None for an empty one); raises yaml.YAMLError."""
    return yaml.compose(text, Loader=yaml.SafeLoader)


@functools.lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads(schema_text())


def text_fields(document: yaml.Node | None) -> list[TextField]:
    """Every text of the document with a non-empty source, in file order."""
    if document is None:
        return []
    walker = _Walker(_schema())
    walker.walk(document, _schema(), "", None, None, False)
    return [field for field in walker.found if field.source]


def coverage(fields: list[TextField]) -> dict[str, tuple[int, int]]:
    """Language -> (texts translated, texts in all), for every language other than the source."""
    total = len(fields)
    counts: dict[str, int] = {}
    for field in fields:
        for language, text in field.translations.items():
            if language != SOURCE_LANGUAGE and text:
                counts[language] = counts.get(language, 0) + 1
    return {language: (counts[language], total) for language in sorted(counts)}


def coverage_phrase(done: int, total: int) -> str:
    """'40 of 536 texts (7%)': the figure ``brink validate`` and ``brink translate`` both print."""
    percent = int(100 * done / total) if total else 100
    return f"{done} of {total} texts ({percent}%)"


class _Walker:
    def __init__(self, schema: dict):
        self.schema = schema
        self.found: list[TextField] = []
        self.seen: set[int] = set()
        self.visiting: set[int] = set()

    def resolve(self, schema: Any) -> dict:
        while isinstance(schema, dict) and "$ref" in schema and schema["$ref"] != _TEXT_REFERENCE:
            target: Any = self.schema
            for part in schema["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
        return schema if isinstance(schema, dict) else {}

    def walk(self, node: yaml.Node, schema: Any, path: str, parent: yaml.Node | None,
             key: yaml.Node | None, flow: bool) -> None:
        schema = self.resolve(schema)
        if schema.get("$ref") == _TEXT_REFERENCE:
            if _is_text(node) and parent is not None:
                shared = id(node) in self.seen
                self.seen.add(id(node))
                self.found.append(TextField(path, node, parent, key, flow, shared))
            return
        if id(node) in self.visiting:  # an alias of its own ancestor: nothing more to find
            return
        for part in schema.get("allOf", ()):
            self.walk(node, part, path, parent, key, flow)
        branches = schema.get("anyOf") or schema.get("oneOf")
        if branches:
            for branch in branches:
                if self.fits(node, branch):
                    self.walk(node, branch, path, parent, key, flow)
                    break
            # A oneOf beside the schema's own properties only constrains them ("after" or "after_days"):
            # the fields are still the schema's own.
            if not any(part in schema for part in ("properties", "items", "additionalProperties")):
                return
        self.visiting.add(id(node))
        try:
            self.walk_children(node, schema, path, flow)
        finally:
            self.visiting.discard(id(node))

    def walk_children(self, node: yaml.Node, schema: dict, path: str, flow: bool) -> None:
        inner_flow = flow or bool(getattr(node, "flow_style", False))
        if isinstance(node, yaml.MappingNode):
            properties = schema.get("properties", {})
            extra = schema.get("additionalProperties")
            for key_node, value in node.value:
                name = str(key_node.value)
                child = properties.get(name, extra if isinstance(extra, dict) else None)
                if child is not None:
                    self.walk(value, child, f"{path}.{name}" if path else name, node, key_node, inner_flow)
        elif isinstance(node, yaml.SequenceNode) and isinstance(schema.get("items"), dict):
            names = [_item_name(item, index) for index, item in enumerate(node.value)]
            for index, item in enumerate(node.value):
                name = names[index] if names.count(names[index]) == 1 else str(index)
                self.walk(item, schema["items"], f"{path}[{name}]", node, None, inner_flow)

    def fits(self, node: yaml.Node, schema: Any) -> bool:
        """Whether a node has the shape of one branch of an ``anyOf``: enough to choose the branch."""
        schema = self.resolve(schema)
        if schema.get("$ref") == _TEXT_REFERENCE:
            return _is_text(node)
        branches = schema.get("anyOf") or schema.get("oneOf")
        if branches:
            return any(self.fits(node, branch) for branch in branches)
        kinds = schema.get("type")
        kinds = [kinds] if isinstance(kinds, str) else list(kinds or [])
        if not kinds:
            kinds = ["object"] if "properties" in schema else ["array"] if "items" in schema else []
        if not kinds:
            return True
        if isinstance(node, yaml.MappingNode):
            if "object" not in kinds:
                return False
            keys = {str(k.value) for k, _ in node.value}
            if not set(schema.get("required", ())) <= keys:
                return False
            if schema.get("additionalProperties") is False and not keys <= set(schema.get("properties", {})):
                return False
            return True
        if isinstance(node, yaml.SequenceNode):
            return "array" in kinds
        return any(kind in ("string", "number", "integer", "boolean", "null") for kind in kinds)


def _is_text(node: yaml.Node) -> bool:
    if isinstance(node, yaml.ScalarNode):
        return node.tag not in (_CORE + "bool", _CORE + "null") or node.style is not None
    if isinstance(node, yaml.MappingNode):
        return bool(node.value) and all(
            isinstance(key, yaml.ScalarNode) and LANGUAGE_PATTERN.match(str(key.value))
            and isinstance(value, yaml.ScalarNode) for key, value in node.value)
    return False


def _item_name(item: yaml.Node, index: int) -> str:
    if isinstance(item, yaml.MappingNode):
        for key, value in item.value:
            if key.value == "id" and isinstance(value, yaml.ScalarNode) and re.match(r"^[a-z][a-z0-9_]*$", value.value):
                return value.value
    return str(index)

