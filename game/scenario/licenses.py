"""The ``license:`` of a scenario: an SPDX expression, or the terms in words.

An SPDX expression (``CC-BY-4.0``, ``MIT AND CC-BY-SA-4.0``) is what packaging tools and
people sharing scenarios can read without guessing, so a value written like one is held to the
SPDX list and a misspelt identifier gets a "did you mean". Text that does not look like an
identifier ("Free for classroom use", "Public domain") is accepted as it is written: a teacher's
own terms are better than none. The list of identifiers is the one ``packaging`` carries (the
same list pip and PyPI check ``License-Expression`` against).
"""

from __future__ import annotations

import difflib
import re

from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression

MAX_LICENSE_LENGTH = 500
_OPERATORS = {"AND", "OR", "WITH"}
_TOKEN = re.compile(r"[^\s()]+")


def _known_identifiers() -> tuple[list[str], list[str]]:
    """The SPDX license and exception identifiers, as SPDX spells them.

    ``packaging`` keeps the list in a private module; without it, expressions are still checked
    (by ``canonicalize_license_expression``), only the "did you mean" is lost.
    """
    try:
        from packaging.licenses._spdx import EXCEPTIONS, LICENSES
    except ImportError:  # pragma: no cover - a packaging that moved its list
        return [], []
    return [entry["id"] for entry in LICENSES.values()], [entry["id"] for entry in EXCEPTIONS.values()]


def read_license(value: str) -> tuple[str, str | None]:
    """The license as it will be kept (an SPDX expression in SPDX's spelling, or the text), and a problem or None."""
    text = " ".join(value.split())
    if not text:
        return "", "'license' is empty: give an SPDX expression such as CC-BY-4.0, or the terms in words"
    if len(text) > MAX_LICENSE_LENGTH:
        return "", (f"'license' is {len(text)} characters long; keep it to {MAX_LICENSE_LENGTH} "
                    "(put the full terms in a LICENSE file beside the scenario)")
    try:
        return str(canonicalize_license_expression(text)), None
    except InvalidLicenseExpression:
        pass
    if not looks_like_spdx(text):
        return text, None  # the terms in words
    return "", f"license: {spdx_problem(text)}"


def looks_like_spdx(text: str) -> bool:
    """Whether the author meant an SPDX expression: operators, brackets, or one identifier-like word.

    "MTI", "CC0", "Apache2" and "CC-BY-SA-4" are misspelt identifiers; "Proprietary" or
    "All rights reserved" are words.
    """
    words = text.split()
    if "(" in text or ")" in text or any(word in _OPERATORS for word in words):
        return True
    if len(words) != 1:
        return False
    word = words[0]
    return any(character.isdigit() or character in "-.+" for character in word) or (len(word) > 1 and word.isupper())


def spdx_problem(text: str) -> str:
    """What is wrong with an expression ``canonicalize_license_expression`` refused, in the author's terms."""
    licenses, exceptions = _known_identifiers()
    known_licenses = {identifier.lower() for identifier in licenses}
    known_exceptions = {identifier.lower() for identifier in exceptions}
    tokens = _TOKEN.findall(text)
    for index, token in enumerate(tokens):
        if token in _OPERATORS or token.lower().startswith(("licenseref-", "documentref-")):
            continue
        after_with = index > 0 and tokens[index - 1] == "WITH"
        known, names, what = ((known_exceptions, exceptions, "SPDX license exception") if after_with
                              else (known_licenses, licenses, "SPDX license identifier"))
        if token.rstrip("+").lower() not in known and token.lower() not in known:
            return (f"'{token}' is not an {what}{_closest(token, names)}; write an SPDX expression such as "
                    "CC-BY-4.0 or MIT AND CC-BY-SA-4.0 (a license of your own as LicenseRef-NAME), "
                    "or the terms in words")
    return (f"'{text}' is not a complete SPDX expression: identifiers joined by AND, OR or WITH, "
            "with brackets in pairs (e.g. MIT AND (CC-BY-4.0 OR CC-BY-SA-4.0))")


def _closest(word: str, names: list[str]) -> str:
    by_lower = {name.lower(): name for name in names}
    close = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6)
    return f" (did you mean '{by_lower[close[0]]}'?)" if close else ""
