"""The interface's own words in the player's language, from gettext catalogs shipped in the package.

Scenario texts carry their own translations (``{en: ..., ru: ...}``); this module is for the
words the game itself says: buttons, headings, messages, dates. The English words are the
message ids, written in the code as ``_("Give the order")`` (or ``N_`` where a word is only
marked, and translated where it is shown); ``game/locale/<language>/LC_MESSAGES/brink.po`` holds
each translation and ``brink.mo`` its compiled form, which is what runs.
``scripts/translations.py`` extracts the words with Babel and updates and compiles the catalogs;
``tests/test_translations.py`` holds Russian to being complete.

No language is global: the window keeps one ``Words`` for its player, the classroom server one
per browser, so two students on one server can read two languages.
"""

from __future__ import annotations

import datetime
import functools
import gettext
from pathlib import Path
from typing import Any

DOMAIN = "brink"
SOURCE_LANGUAGE = "en"
# every language with a complete catalog, each by its own name as a player looking for it would see it
LANGUAGES = {"en": "English", "ru": "Русский"}


def locale_folder() -> Path:
    return Path(__file__).resolve().parent / "locale"


def N_(message: str) -> str:
    """Marks a word for the catalogs where it is defined; it is translated where it is shown."""
    return message


def NP_(context: str, message: str) -> tuple[str, str]:
    """Marks a word with a context (a month in a date, say), for ``Words.pgettext`` later."""
    return context, message


class Words:
    """One language's interface words: call it with an English message to get the translation."""

    def __init__(self, language: str, translations: gettext.NullTranslations, date_language: str | None = None):
        self.language = language
        self.date_language = date_language or language  # the player's own, which the catalogs may lack
        self._translations = translations

    def __call__(self, message: str, **values) -> str:
        text = self._translations.gettext(message)
        return text.format(**values) if values else text

    gettext = __call__

    def ngettext(self, singular: str, plural: str, count: int, **values) -> str:
        """The form for ``count`` (Russian has three); ``{count}`` and other values are filled in."""
        return self._translations.ngettext(singular, plural, count).format(count=count, **values)

    def pgettext(self, context: str, message: str) -> str:
        return self._translations.pgettext(context, message)

    def catalog(self) -> dict[str, str]:
        """Every translated message, for a browser that looks its words up itself.

        Plural and context entries stay on the server: the browser client is written to need
        neither (the server sends counts and dates already worded)."""
        found = getattr(self._translations, "_catalog", {})
        return {key: value for key, value in found.items()
                if isinstance(key, str) and "\x04" not in key and key and value}


@functools.cache
def words(language: str) -> Words:
    """The words of a language; an unknown language gets the English ones."""
    code = supported(language)
    if code == SOURCE_LANGUAGE:
        return Words(code, gettext.NullTranslations(), language)
    try:
        with open(locale_folder() / code / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as file:
            return Words(code, gettext.GNUTranslations(file), language)
    except OSError:
        return Words(SOURCE_LANGUAGE, gettext.NullTranslations(), language)


def supported(language: str | None) -> str:
    """The catalog language closest to what was asked for: 'ru-RU' and 'ru_RU' give 'ru'."""
    if not language:
        return SOURCE_LANGUAGE
    code = language.replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else SOURCE_LANGUAGE


# --- dates --------------------------------------------------------------------------------------
# Dates come from Babel's CLDR data, in the player's language even where the interface has no
# catalog of its own (a scenario translated into German shows "27. Oktober 1962" around English
# buttons). English keeps the day-month-year order the game has always used ("27 October 1962");
# CLDR's plain English is American ("October 27, 1962").
_ENGLISH_PATTERNS = {"full": "EEEE d MMMM y", "long": "d MMMM y", "MMMMd": "d MMMM", "MMMd": "d MMM"}


def _date(iso_date: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(iso_date)
    except (TypeError, ValueError):
        return None


@functools.lru_cache(maxsize=64)
def _babel_locale(language: str) -> Any:
    """Babel's locale for a language code ('pt-BR' -> pt_BR); None where Babel has no data for it."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def _formatted(iso_date: str, words_of_language: Words, form: str) -> str:
    """A date in one of the forms above, in the player's language; a text that is no date as it is."""
    from babel.dates import format_date, format_skeleton

    date = _date(iso_date)
    if date is None:
        return str(iso_date)
    locale = _babel_locale(words_of_language.date_language) or _babel_locale(words_of_language.language)
    if locale is None or locale.language == SOURCE_LANGUAGE:
        return format_date(date, _ENGLISH_PATTERNS[form], locale="en")
    written = format_date(date, form, locale=locale) if form in ("full", "long") else format_skeleton(form, date, locale=locale)
    # CLDR's narrow no-break space ("1962\u202fг.") is missing from many fonts, the game's own among them
    return written.replace("\u202f", " ")


def long_date(iso_date: str, words_of_language: Words) -> str:
    """'Tuesday 16 October 1962', or 'вторник, 16 октября 1962 г.'."""
    return _formatted(iso_date, words_of_language, "full")


def dated(iso_date: str, words_of_language: Words) -> str:
    """'16 October 1962', or '16 октября 1962 г.'."""
    return _formatted(iso_date, words_of_language, "long")


def abbreviated_date(iso_date: str, words_of_language: Words) -> str:
    """'16 Oct', or '16 окт.': where a chart has room for little."""
    return _formatted(iso_date, words_of_language, "MMMd")


def short_date(iso_date: str, words_of_language: Words) -> str:
    """'16 October', or '16 октября'."""
    return _formatted(iso_date, words_of_language, "MMMMd")
