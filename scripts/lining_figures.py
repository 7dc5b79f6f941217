"""Make the game's Vollkorn files draw lining figures by default, in place.

Vollkorn's default digits are old-style figures: in a calendar or a meter "10, 11, 12" read as
"IO, II, I2" and DEFCON 1 as "I". The font carries lining figures too (glyphs ``one.lf`` ...),
but pygame's text renderer cannot switch OpenType features on, so this script points the
character map's digits at the lining glyphs instead. Nothing else in the font changes; the
Open Font License allows the modification (Vollkorn declares no reserved font name), and the
description field of each file says what was changed.

    python scripts/lining_figures.py            # assets/fonts/Vollkorn-*.ttf (needs fontTools)
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools.ttLib import TTFont

DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
NOTE = "Modified for Brinkmanship: the digits map to the lining figures (.lf) by default."


def line_up(path: Path) -> bool:
    """Point the digits at the lining glyphs; False when the file already does."""
    font = TTFont(str(path))
    glyphs = set(font.getGlyphOrder())
    changed = False
    for table in font["cmap"].tables:
        if not table.isUnicode():
            continue
        for index, name in enumerate(DIGITS):
            lining = f"{name}.lf"
            if lining in glyphs and table.cmap.get(0x30 + index) != lining:
                table.cmap[0x30 + index] = lining
                changed = True
    if changed:
        names = font["name"]
        description = names.getDebugName(10) or ""
        if NOTE not in description:
            names.setName((description + " " + NOTE).strip(), 10, 3, 1, 0x409)
        font.save(str(path))
    return changed


def main() -> int:
    folder = Path(__file__).resolve().parent.parent / "assets" / "fonts"
    for path in sorted(folder.glob("Vollkorn-*.ttf")):
        print(f"{path.name}: {'lining figures now' if line_up(path) else 'already lining'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
