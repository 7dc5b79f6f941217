"""Writing one language of a text into a scenario file in place, leaving the rest of the file alone.

Re-dumping the YAML would lose the author's comments, order, quoting and line breaks, so each
translation is an edit of the characters of one text: its value replaced, a language added to
its mapping, or a plain string turned into ``{en: ..., ru: ...}``. Every piece of YAML written
here is read back with the YAML parser before it is used; a style that does not give back the
exact text (a colon in a plain scalar, a line that starts with a space) falls back to a quoted
string, which always does.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass

import yaml

from game.scenario.text_fields import SOURCE_LANGUAGE, TextField

LONG_LINE = 100  # past this, a translation goes on lines of its own, folded as authors write long text


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the characters ``start:end`` of the file with ``text``."""

    start: int
    end: int
    text: str


def apply_edits(source: str, edits: list[Edit]) -> str:
    """The file with every edit made; edits never overlap, as each belongs to one text."""
    result = source
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        result = result[:edit.start] + edit.text + result[edit.end:]
    return result


def translation_edit(source: str, field: TextField, language: str, translation: str) -> Edit:
    """The edit that makes ``field`` read ``translation`` in ``language``."""
    node = field.node
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == language:
                start, end = _span(source, value)
                return Edit(start, end, _value(translation, _indent_of(key) + 2, field.flow or bool(node.flow_style)))
        return _added_language(source, node, language, translation, field.flow)
    return _as_mapping(source, field, language, translation)


def _span(source: str, node: yaml.Node) -> tuple[int, int]:
    """A scalar's characters without the line breaks a block scalar's span takes after it."""
    start, end = node.start_mark.index, node.end_mark.index
    return start, start + len(source[start:end].rstrip())


def _indent_of(node: yaml.Node) -> int:
    return node.start_mark.column


def _added_language(source: str, node: yaml.MappingNode, language: str, translation: str, flow: bool) -> Edit:
    last = node.value[-1][1]
    _, end = _span(source, last)
    if node.flow_style:
        return Edit(end, end, f", {language}: {_value(translation, 0, True)}")
    column = _indent_of(node.value[0][0])
    line_end = source.find("\n", end)
    line_end = len(source) if line_end < 0 else line_end  # past a comment that ends the last line
    return Edit(line_end, line_end, f"\n{' ' * column}{language}: {_value(translation, column + 2, flow)}")


def _as_mapping(source: str, field: TextField, language: str, translation: str) -> Edit:
    """A plain string becomes ``{en: ..., ru: ...}``: inline when short, else a block mapping."""
    start, end = _span(source, field.node)
    written = source[start:end]
    english = field.node.value
    inline_english = written if "\n" not in written and _reads_as(written, english, 0, True) else _quoted(english)
    inline = f"{{{SOURCE_LANGUAGE}: {inline_english}, {language}: {_value(translation, 0, True)}}}"
    line_start = source.rfind("\n", 0, start) + 1
    if field.flow or ("\n" not in written and start - line_start + len(inline) <= LONG_LINE):
        return Edit(start, end, inline)
    # One level deeper than the key (or the dash) that holds the text; the English keeps its
    # own lines, each moved right by the same two columns so a block scalar stays one.
    holder = field.key.start_mark.column if field.key is not None else _dash_column(source, start)
    column = holder + 2
    first, *rest = written.split("\n")
    moved = "\n".join([first] + [("  " + line) if line.strip() else "" for line in rest])
    while start > line_start and source[start - 1] == " ":
        start -= 1  # no space left after 'key:' at the end of its line
    pad = " " * column
    return Edit(start, end, f"\n{pad}{SOURCE_LANGUAGE}: {moved}\n{pad}{language}: {_value(translation, column + 2, False)}")


def _dash_column(source: str, start: int) -> int:
    line_start = source.rfind("\n", 0, start) + 1
    dash = source.rfind("-", line_start, start)
    return dash - line_start if dash >= 0 else start - line_start


def _value(text: str, indent: int, flow: bool) -> str:
    """``text`` written as a YAML scalar at column ``indent``: the plainest style that reads back exactly."""
    candidates = []
    if not flow and "\n" in text:
        candidates.append("|-\n" + "\n".join((" " * indent + line) if line else "" for line in text.split("\n")))
    elif not flow and len(text) > LONG_LINE - indent:
        lines = textwrap.wrap(text, width=max(40, LONG_LINE - indent), break_long_words=False, break_on_hyphens=False)
        candidates.append(">-\n" + "\n".join(" " * indent + line for line in lines))
    if "\n" not in text:
        candidates.append(text)
    for candidate in candidates:
        if _reads_as(candidate, text, indent, flow):
            return candidate
    return _quoted(text)


def _quoted(text: str) -> str:
    """A double-quoted YAML string: JSON's escapes are all YAML escapes too."""
    return json.dumps(text, ensure_ascii=False)


def _reads_as(written: str, text: str, indent: int, flow: bool) -> bool:
    document = f"{{k: {written}}}" if flow else f"{' ' * max(0, indent - 2)}k: {written}\n"
    try:
        value = yaml.safe_load(document)
    except yaml.YAMLError:
        return False
    return isinstance(value, dict) and value.get("k") == text
