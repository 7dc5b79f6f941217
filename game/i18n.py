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

    def __init__(self, language: str, translations: gettext.NullTranslations):
        self.language = language
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
        return Words(code, gettext.NullTranslations())
    try:
        with open(locale_folder() / code / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as file:
            return Words(code, gettext.GNUTranslations(file))
    except OSError:
        return Words(SOURCE_LANGUAGE, gettext.NullTranslations())


def supported(language: str | None) -> str:
    """The catalog language closest to what was asked for: 'ru-RU' and 'ru_RU' give 'ru'."""
    if not language:
        return SOURCE_LANGUAGE
    code = language.replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else SOURCE_LANGUAGE


# --- dates --------------------------------------------------------------------------------------
# A month written in a date is in the genitive in Russian ("16 октября"), hence the context.
MONTHS = (NP_("month in a date", "January"), NP_("month in a date", "February"), NP_("month in a date", "March"),
          NP_("month in a date", "April"), NP_("month in a date", "May"), NP_("month in a date", "June"),
          NP_("month in a date", "July"), NP_("month in a date", "August"),
          NP_("month in a date", "September"), NP_("month in a date", "October"),
          NP_("month in a date", "November"), NP_("month in a date", "December"))
WEEKDAYS = (NP_("weekday", "Monday"), NP_("weekday", "Tuesday"), NP_("weekday", "Wednesday"),
            NP_("weekday", "Thursday"), NP_("weekday", "Friday"), NP_("weekday", "Saturday"),
            NP_("weekday", "Sunday"))


def long_date(iso_date: str, words_of_language: Words) -> str:
    """'Tuesday 16 October 1962', or 'вторник, 16 октября 1962 г.'; a text that is no date is
    returned as it is."""
    try:
        date = datetime.date.fromisoformat(iso_date)
    except (TypeError, ValueError):
        return str(iso_date)
    _ = words_of_language
    return _("{weekday} {day} {month} {year}", weekday=_.pgettext(*WEEKDAYS[date.weekday()]),
             day=date.day, month=_.pgettext(*MONTHS[date.month - 1]), year=date.year)


MONTHS_ABBREVIATED = (NP_("month abbreviated", "Jan"), NP_("month abbreviated", "Feb"),
                      NP_("month abbreviated", "Mar"), NP_("month abbreviated", "Apr"),
                      NP_("month abbreviated", "May"), NP_("month abbreviated", "Jun"),
                      NP_("month abbreviated", "Jul"), NP_("month abbreviated", "Aug"),
                      NP_("month abbreviated", "Sep"), NP_("month abbreviated", "Oct"),
                      NP_("month abbreviated", "Nov"), NP_("month abbreviated", "Dec"))


def _date(iso_date: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(iso_date)
    except (TypeError, ValueError):
        return None


def dated(iso_date: str, words_of_language: Words) -> str:
    """'16 October 1962', or '16 октября 1962 г.'."""
    date = _date(iso_date)
    if date is None:
        return str(iso_date)
    _ = words_of_language
    return _("{day} {month} {year}", day=date.day, month=_.pgettext(*MONTHS[date.month - 1]), year=date.year)


def abbreviated_date(iso_date: str, words_of_language: Words) -> str:
    """'16 Oct', or '16 окт.': where a chart has room for little."""
    date = _date(iso_date)
    if date is None:
        return str(iso_date)
    _ = words_of_language
    return _("{day} {month}", day=date.day, month=_.pgettext(*MONTHS_ABBREVIATED[date.month - 1]))


def short_date(iso_date: str, words_of_language: Words) -> str:
    """'16 October', or '16 октября'."""
    try:
        date = datetime.date.fromisoformat(iso_date)
    except (TypeError, ValueError):
        return str(iso_date)
    _ = words_of_language
    return _("{day} {month}", day=date.day, month=_.pgettext(*MONTHS[date.month - 1]))
