"""The interface's words in other languages: extract them from the code, update and compile the catalogs.

    python scripts/translations.py extract   # game/locale/brink.pot from the code, templates and scripts
    python scripts/translations.py update    # each language's brink.po takes the new and changed words
    python scripts/translations.py compile   # each brink.po -> brink.mo, which the game reads
    python scripts/translations.py check     # list words a catalog still lacks (exit 1 if any)
    python scripts/translations.py all       # extract, update, compile, check

After changing any word the game shows: run `all`, translate what `check` lists in
game/locale/<language>/LC_MESSAGES/brink.po (a text editor or Poedit), then run `compile`.
Babel does the work; the game itself reads the compiled catalogs with Python's gettext.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "game" / "locale"
TEMPLATE = LOCALE / "brink.pot"
KEYWORDS = ["-k", "N_", "-k", "NP_:1c,2", "-k", "pgettext:1c,2", "-k", "ngettext:1,2"]


def _babel(*arguments: str) -> None:
    from babel.messages.frontend import CommandLineInterface

    CommandLineInterface().run(["pybabel", "-q", *arguments])


def _keeping_dates(paths: list[Path], work) -> None:
    """Run ``work``; a catalog whose only change is the date Babel stamps in its header is left as
    it was, so extracting twice changes no file."""
    before = {path: path.read_text(encoding="utf-8") if path.exists() else None for path in paths}
    work()
    for path, old in before.items():
        if old is not None and path.exists() and _undated(path.read_text(encoding="utf-8")) == _undated(old):
            path.write_text(old, encoding="utf-8")


def _undated(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if "-Date: " not in line)


def _catalogs() -> list[Path]:
    return sorted(LOCALE.glob("*/LC_MESSAGES/brink.po"))


def extract() -> None:
    _keeping_dates([TEMPLATE], lambda: _babel(
        "extract", "-F", str(ROOT / "babel.cfg"), *KEYWORDS, "--no-location", "--sort-output",
        "--project", "Brinkmanship", "--copyright-holder", "Brinkmanship team", "-o", str(TEMPLATE), str(ROOT)))


def update() -> None:
    _keeping_dates(_catalogs(), lambda: _babel("update", "-i", str(TEMPLATE), "-d", str(LOCALE), "-D", "brink",
                                               "--no-fuzzy-matching", "--ignore-obsolete"))


def compile_catalogs() -> None:
    """Each brink.po to brink.mo; a .mo already up to date with its .po is not written again."""
    for po in _catalogs():
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime or not _compiled_matches(po, mo):
            _babel("compile", "-i", str(po), "-o", str(mo), "--statistics")


def _compiled_matches(po: Path, mo: Path) -> bool:
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    with open(po, "rb") as source, open(mo, "rb") as compiled:
        return {m.id: m.string for m in read_po(source) if m.id} == {m.id: m.string for m in read_mo(compiled) if m.id}


def missing(language: str) -> list[str]:
    """Words the language's catalog lacks or marks fuzzy."""
    from babel.messages.pofile import read_po

    with open(LOCALE / language / "LC_MESSAGES" / "brink.po", "rb") as file:
        catalog = read_po(file)
    lacking = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if message.fuzzy or not all(strings):
            lacking.append(message.id if isinstance(message.id, str) else message.id[0])
    return lacking


def check() -> int:
    status = 0
    for folder in sorted(path for path in LOCALE.iterdir() if path.is_dir()):
        lacking = missing(folder.name)
        for word in lacking:
            print(f"{folder.name}: untranslated: {word}")
        status |= bool(lacking)
    return status


def main(argv: list[str]) -> int:
    task = argv[0] if argv else "all"
    if task in ("extract", "all"):
        extract()
    if task in ("update", "all"):
        update()
    if task in ("compile", "all"):
        compile_catalogs()
    if task in ("check", "all"):
        return check()
    if task not in ("extract", "update", "compile", "check", "all"):
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
