"""The interface's words: every word the code, the templates and the browser scripts use is in the
catalog template, Russian translates every one of them, and the compiled catalogs match their sources.

After changing a word the game shows, run ``python scripts/translations.py all`` and translate
what it lists (see that script).
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from game import i18n

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "game" / "locale"
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402  (scripts/translations.py)

PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _key(message) -> tuple:
    return (message.context, message.id if isinstance(message.id, str) else tuple(message.id))


def _text(message):
    return message.string if isinstance(message.string, str) else tuple(message.string)


def _catalog(path: Path):
    with open(path, "rb") as file:
        return read_po(file)


def _used_in_the_code() -> set[tuple]:
    """Every word marked in the code today, extracted as the script does."""
    from babel.messages.extract import DEFAULT_KEYWORDS
    from babel.messages.frontend import parse_mapping_cfg

    method_map, options_map = parse_mapping_cfg(io.StringIO((ROOT / "babel.cfg").read_text()))
    keywords = dict(DEFAULT_KEYWORDS)
    keywords.update({"N_": None, "NP_": ((1, "c"), 2), "pgettext": ((1, "c"), 2), "ngettext": (1, 2)})
    found = set()
    for _, _, message, _, context in extract_from_dir(str(ROOT), method_map, options_map, keywords):
        found.add((context, message if isinstance(message, str) else tuple(message)))
    return found


def test_the_catalog_template_holds_every_word_the_game_uses():
    template = {_key(message) for message in _catalog(LOCALE / "brink.pot") if message.id}
    used = _used_in_the_code()
    assert used - template == set(), "new words: run 'python scripts/translations.py all' and translate them"
    assert template - used == set(), "words no longer used: run 'python scripts/translations.py all'"


@pytest.mark.parametrize("language", [code for code in i18n.LANGUAGES if code != i18n.SOURCE_LANGUAGE])
def test_every_word_is_translated(language):
    template = {_key(message) for message in _catalog(LOCALE / "brink.pot") if message.id}
    catalog = _catalog(LOCALE / language / "LC_MESSAGES" / "brink.po")
    translated = {_key(message) for message in catalog if message.id and not message.fuzzy
                  and all(message.string if isinstance(message.string, tuple) else [message.string])}
    assert template - translated == set()
    assert translations.missing(language) == []


@pytest.mark.parametrize("language", [code for code in i18n.LANGUAGES if code != i18n.SOURCE_LANGUAGE])
def test_a_translation_keeps_every_placeholder(language):
    for message in _catalog(LOCALE / language / "LC_MESSAGES" / "brink.po"):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        wanted = set(PLACEHOLDER.findall(ids[-1])) | set(PLACEHOLDER.findall(ids[0]))
        for text in strings:
            assert set(PLACEHOLDER.findall(text)) <= wanted, (message.id, text)
            assert set(PLACEHOLDER.findall(text)) >= set(PLACEHOLDER.findall(ids[0])) - {"count"}, (message.id, text)


@pytest.mark.parametrize("language", [code for code in i18n.LANGUAGES if code != i18n.SOURCE_LANGUAGE])
def test_the_compiled_catalog_matches_its_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    source = {_key(m): _text(m) for m in _catalog(folder / "brink.po") if m.id}
    with open(folder / "brink.mo", "rb") as file:
        compiled = {_key(m): _text(m) for m in read_mo(file) if m.id}
    assert compiled == source, "run 'python scripts/translations.py compile'"


def test_russian_speaks_russian_with_its_three_plural_forms():
    words = i18n.words("ru")
    assert words("Give the order") == "Отдать приказ"
    assert [words.ngettext("{count} vote cast", "{count} votes cast", n) for n in (1, 3, 5, 21)] == \
           ["1 голос подан", "3 голоса подано", "5 голосов подано", "21 голос подан"]
    assert i18n.long_date("1962-10-27", words) == "суббота, 27 октября 1962 г."


def test_an_unknown_language_falls_back_to_english():
    assert i18n.supported("ru-RU") == "ru" and i18n.supported("de") == "en" and i18n.supported(None) == "en"
    assert i18n.words("de")("Give the order") == "Give the order"
    assert i18n.long_date("1962-10-27", i18n.words("en")) == "Saturday 27 October 1962"
