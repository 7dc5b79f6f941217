"""``brink translate``: a scenario's texts out to a PO file for translators, and their work back in.

A PO file is what translators' tools (Poedit, Lokalize, Weblate, OmegaT) read and write. Each
text of the scenario is one entry: its context is the field's path in the file
(``days[found].choices.kennedy[airstrike].text``), its reference the file and line, and an
extracted comment carries a hash of the English. The hash is how a changed original is noticed:
exporting again over an earlier PO file marks the entries whose English changed fuzzy, and
importing refuses an entry whose hash no longer matches the scenario, unless told to accept it.

A PO file comes from someone else's computer: it is read as untrusted input, every problem is
reported as ``file:line: error: message``, and nothing is written unless all of it is good.
"""

from __future__ import annotations

import io
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po, write_po

from game.engine.atomic import write_atomically
from game.files import MEGABYTE, FileRefused, read_regular_file
from game.scenario.errors import Diagnostic, Diagnostics, Location, did_you_mean, format_diagnostic
from game.scenario.load import MAX_FILE_BYTES, load_from_bytes
from game.scenario.text_fields import (LANGUAGE_PATTERN, SOURCE_LANGUAGE, TextField, compose, coverage,
                                       coverage_phrase, source_hash, text_fields)
from game.tools.text_rewrite import apply_edits, translation_edit

MAX_PO_BYTES = 16 * MEGABYTE  # a full translation of the largest scenario is well under 2 MB
HASH_COMMENT = "source-hash: "
# What a line of a PO file may start with; Babel's reader skips what it does not understand,
# so a damaged file is caught here, line by line, before Babel reads it.
_PO_LINE = re.compile(r'^\s*(#.*|(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+"(?:[^"\\]|\\.)*"\s*|"(?:[^"\\]|\\.)*"\s*)?$')
_UNSAFE_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class ScenarioSource:
    """A scenario file as text, with its texts found, after the game's loader accepted it."""

    path: str
    scenario_id: str
    text: str
    fields: list[TextField]

    @property
    def by_path(self) -> dict[str, TextField]:
        return {field.path: field for field in self.fields}


def _read_or_report(path: str, limit: int, diagnostics: Diagnostics) -> bytes | None:
    """The file's bytes, or None with one located error saying why it cannot be read."""
    try:
        return read_regular_file(path, limit)
    except (FileRefused, OSError, ValueError) as error:
        diagnostics.error(Location(path), f"cannot read the file: {_reason(error, path)}")
        return None


def read_scenario_source(path: str, diagnostics: Diagnostics) -> ScenarioSource | None:
    """The scenario's text and texts; None (with the loader's errors) unless it loads cleanly."""
    data = _read_or_report(path, MAX_FILE_BYTES, diagnostics)
    if data is None:
        return None
    scenario = load_from_bytes(path, data, diagnostics)
    if scenario is None:
        return None
    text = data.decode("utf-8")
    return ScenarioSource(path, scenario.id, text, text_fields(compose(text)))


def _reason(error: Exception, path: str) -> str:
    """Why a file could not be read, without its path, which the line already begins with."""
    reason = (None if isinstance(error, FileRefused) else getattr(error, "strerror", None)) or str(error)
    return "it" + reason[len(path):] if reason.startswith(path) else reason


def language_problem(language: str) -> str | None:
    """Why a language code cannot be a translation's target, or None."""
    if not LANGUAGE_PATTERN.match(language):
        return f"'{language}' is not a language code such as 'ru', 'de' or 'pt-BR'"
    if language == SOURCE_LANGUAGE:
        return "English is the language translations are made from; choose another language"
    try:
        Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return f"'{language}' is not a language Babel knows (its language data has no such locale)"
    return None


# --- export -------------------------------------------------------------------------------------

def export_catalog(source: ScenarioSource, language: str, previous: Catalog | None) -> Catalog:
    """The PO catalog of every text; translations from an earlier PO file, else from the scenario.

    An entry of the earlier file whose English hash differs from today's is carried over fuzzy,
    with the English it was made from as the previous msgid, as ``msgmerge`` does.
    """
    scenario_id = source.scenario_id
    catalog = Catalog(locale=language.replace("-", "_"), project=scenario_id, charset="utf-8", fuzzy=False,
                      header_comment=f"# Translation of the scenario {scenario_id} into {language}.\n"
                                     "# Made with 'brink translate export'; read back with 'brink translate import'.\n#")
    earlier = {message.context: message for message in previous if message.id and message.context} if previous else {}
    reference = _reference_name(source.path)
    for field in source.fields:
        english = field.source
        current_hash = source_hash(english)
        string = field.translation(language)
        flags: set[str] = set()
        previous_id = None
        old = earlier.get(field.path)
        if old is not None and old.string:
            # the earlier file is the translator's working copy: its work wins over the scenario's,
            # which it may not have reached yet
            string = str(old.string)
            if _hash_of(old) != current_hash or old.fuzzy:
                flags.add("fuzzy")
                if old.id != english:
                    previous_id = str(old.id)
        message = Message(english, string, locations=[(reference, field.line)], flags=flags,
                          auto_comments=[HASH_COMMENT + current_hash], context=field.path,
                          previous_id=previous_id or ())
        catalog[english] = message  # keyed by the English and the context, so repeated English stays apart
    return catalog


def _reference_name(path: str) -> str:
    relative = os.path.relpath(path)
    return Path(relative if not relative.startswith("..") else path).as_posix()


def catalog_text(catalog: Catalog) -> str:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, include_previous=True, omit_header=False)
    return buffer.getvalue().decode("utf-8")


def export(scenario_path: str, language: str, output: str | None, out: TextIO, err: TextIO) -> int:
    """``brink translate export``: exit status 0, or 1 with every problem printed."""
    diagnostics = Diagnostics()
    source = read_scenario_source(scenario_path, diagnostics)
    previous = None
    if source is not None and output and os.path.exists(output):
        previous = read_catalog(output, diagnostics)
        if previous is not None:
            earlier_language = catalog_language(previous, output, diagnostics)
            if earlier_language not in (None, language):
                diagnostics.error(Location(output), f"this PO file is a translation into {earlier_language}, "
                                                    f"not {language}: choose another file to write")
    if source is None or diagnostics.errors:
        return _report(diagnostics, err)
    catalog = export_catalog(source, language, previous)
    text = catalog_text(catalog)
    if output:
        write_atomically(output, text)
        done, total = _translated(catalog)
        fuzzy = sum(1 for message in catalog if message.id and message.fuzzy)
        print(f"wrote {output}: {total} texts of {source.scenario_id}, {done} translated into {language}"
              + (f", {fuzzy} fuzzy (the English changed since they were translated)" if fuzzy else ""), file=err)
    else:
        out.write(text)
    return 0


def _translated(catalog: Catalog) -> tuple[int, int]:
    messages = [message for message in catalog if message.id]
    return sum(1 for message in messages if message.string and not message.fuzzy), len(messages)


# --- reading a PO file --------------------------------------------------------------------------

def read_catalog(path: str, diagnostics: Diagnostics) -> Catalog | None:
    """A PO file read strictly: a damaged line, a wrong encoding or a missing language is an error."""
    data = _read_or_report(path, MAX_PO_BYTES, diagnostics)
    if data is None:
        return None
    data = data.removeprefix(b"\xef\xbb\xbf")  # the byte-order mark some Windows editors put first
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_number = data[:error.start].count(b"\n") + 1
        diagnostics.error(Location(path, line_number), "not UTF-8 text; save the PO file as UTF-8")
        return None
    reported = len(diagnostics.items)
    for number, line in enumerate(text.splitlines(), start=1):
        if not _PO_LINE.match(line):
            diagnostics.error(Location(path, number), f"not a line of a PO file: {line[:60]!r}")
        elif _UNSAFE_CHARACTERS.search(line):
            diagnostics.error(Location(path, number), "a control character; a text may hold only line breaks and tabs")
    if len(diagnostics.items) > reported:
        return None
    try:
        catalog = read_po(io.BytesIO(data), abort_invalid=True, charset="utf-8")
    except PoFileError as error:
        diagnostics.error(Location(path, getattr(error, "lineno", 1) or 1), f"not a valid PO file: {error}")
        return None
    except (ValueError, LookupError, UnknownLocaleError) as error:  # a header Babel cannot use
        diagnostics.error(Location(path), f"not a valid PO file: {error}")
        return None
    return catalog


def catalog_language(catalog: Catalog, path: str, diagnostics: Diagnostics) -> str | None:
    """The language the PO header names, as the scenario writes it ('pt-BR'), or None with an error."""
    header = dict(catalog.mime_headers).get("Language", "")
    language = str(header).strip().replace("_", "-")
    if not language:
        diagnostics.error(Location(path), "the PO header names no language: add a line \"Language: ru\\n\"")
        return None
    problem = language_problem(language)
    if problem:
        diagnostics.error(Location(path), f"the PO header's language: {problem}")
        return None
    return language


def _hash_of(message: Message) -> str | None:
    for comment in message.auto_comments:
        if comment.startswith(HASH_COMMENT):
            return comment[len(HASH_COMMENT):].strip()
    return None


# --- import -------------------------------------------------------------------------------------

def translations_from(catalog: Catalog, po_path: str, source: ScenarioSource, language: str,
                      allow_fuzzy: bool, diagnostics: Diagnostics) -> dict[str, str]:
    """Field path -> translation for every entry that may go into the scenario; problems reported."""
    fields = source.by_path
    first_line: dict[str, int] = {}
    result: dict[str, str] = {}
    for message in catalog:
        if not message.id:
            continue  # the header
        where = Location(po_path, message.lineno or 1)
        context = message.context
        if message.pluralizable or isinstance(message.string, (list, tuple)):
            diagnostics.error(where, "a plural entry; scenario texts have no plural forms")
            continue
        if not context:
            diagnostics.error(where, "an entry without msgctxt: the context names the text it translates")
            continue
        if context in first_line:
            diagnostics.error(where, f"a second entry for '{context}' (the first is at line {first_line[context]})")
            continue
        first_line[context] = message.lineno or 1
        field = fields.get(context)
        if field is None:
            diagnostics.error(where, f"the scenario has no text '{context}'{did_you_mean(context, fields)}")
            continue
        string = str(message.string or "").strip()
        if not string:
            continue  # not translated yet
        if _UNSAFE_CHARACTERS.search(string):  # written as an escape such as \x01 on the line itself
            diagnostics.error(where, f"'{context}': a control character; a text may hold only line breaks and tabs")
            continue
        if field.shared:
            diagnostics.error(where, f"'{context}' is a YAML alias of another text; translate that one instead")
            continue
        if not allow_fuzzy:
            problem = _staleness(message, field)
            if problem:
                diagnostics.error(where, f"'{context}': {problem}")
                continue
        if string != field.translation(language):
            result[context] = string
    return result


def _staleness(message: Message, field: TextField) -> str | None:
    if message.fuzzy:
        return ("marked fuzzy: check the translation against the English, remove the fuzzy mark, "
                "or import with --allow-fuzzy")
    found = _hash_of(message)
    if found is None:
        return f"no '#. {HASH_COMMENT}...' comment, so it cannot be matched to its English; export again, or --allow-fuzzy"
    if found != source_hash(field.source) or message.id != field.source:
        return ("the English changed since this file was exported; export again over this file "
                "(the entry becomes fuzzy, to check), or import with --allow-fuzzy")
    return None


def rewritten(source: ScenarioSource, language: str, translations: dict[str, str], diagnostics: Diagnostics) -> str | None:
    """The scenario's text with the translations written in, checked by reading it back."""
    fields = source.by_path
    edits = [translation_edit(source.text, fields[path], language, text) for path, text in translations.items()]
    new_text = apply_edits(source.text, edits)
    check = Diagnostics()
    if load_from_bytes(source.path, new_text.encode("utf-8"), check) is None:
        for diagnostic in check.errors:
            diagnostics.error(diagnostic.location, f"the translated file would not load: {diagnostic.message}")
        return None
    after = {field.path: field for field in text_fields(compose(new_text))}
    for path, field in fields.items():
        wanted = translations.get(path, field.translation(language))
        now = after.get(path)
        if now is None or now.source != field.source or now.translation(language) != wanted:
            diagnostics.error(Location(source.path, field.line), f"could not write the translation of '{path}' "
                                                                 "in place; write it by hand")
    return None if diagnostics.errors else new_text


def import_translations(scenario_path: str, po_path: str, allow_fuzzy: bool, err: TextIO) -> int:
    """``brink translate import``: exit status 0, or 1 with every problem printed and nothing written."""
    diagnostics = Diagnostics()
    catalog = read_catalog(po_path, diagnostics)
    language = catalog_language(catalog, po_path, diagnostics) if catalog is not None else None
    source = read_scenario_source(scenario_path, diagnostics)
    if catalog is None or language is None or source is None:
        return _report(diagnostics, err)
    translations = translations_from(catalog, po_path, source, language, allow_fuzzy, diagnostics)
    if diagnostics.errors:
        return _report(diagnostics, err)
    if not translations:
        print(f"{scenario_path}: nothing to change ({language}: {_coverage_line(source.fields, language)})", file=err)
        return 0
    new_text = rewritten(source, language, translations, diagnostics)
    if new_text is None:
        return _report(diagnostics, err)
    _replace_keeping_mode(source.path, new_text)
    print(f"{source.path}: wrote {len(translations)} translation{'s' if len(translations) != 1 else ''} "
          f"({language}: {_coverage_line(text_fields(compose(new_text)), language)})", file=err)
    return 0


def _replace_keeping_mode(path: str, text: str) -> None:
    """The scenario replaced whole, as the author's file: through a link to it, with its permissions."""
    target = os.path.realpath(path)
    mode = stat.S_IMODE(os.stat(target).st_mode)
    write_atomically(target, text)
    os.chmod(target, mode)


def _coverage_line(fields: list[TextField], language: str) -> str:
    done, total = coverage(fields).get(language, (0, len(fields)))
    return coverage_phrase(done, total)


def _report(diagnostics: Diagnostics, err: TextIO) -> int:
    for diagnostic in _sorted(diagnostics.items):
        print(format_diagnostic(diagnostic), file=err)
    return 1


def _sorted(items: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(items, key=lambda d: (d.location.path, d.location.line, d.location.column))
