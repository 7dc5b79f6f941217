"""Colours and type: warm paper and ink, two palettes, fonts scaled from the window's height.

Every colour a screen uses comes from a ``Palette``; every piece of text is rendered through
``Theme.text`` so it is drawn once and then blitted from a cache, and put on screen through
``Theme.draw_text`` so a ``TextLedger`` (in tests) can see where it landed. Lengths are set in
"720p pixels" and scaled with the window; type grows more gently than the window (as the square
root of its scale), so a larger window shows more words rather than the same words larger. Type
is never under 18 pixels at 1280x720, so a projector at the back of a classroom stays legible.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pygame

from game import i18n, paths
from game.ui.text_ledger import TextLedger

Colour = tuple[int, int, int]

MIN_TEXT_PX = 18  # at 1280x720; scales with the window


@dataclass(frozen=True, slots=True)
class Palette:
    name: str
    paper: Colour
    paper_deep: Colour
    panel: Colour
    panel_edge: Colour
    ink: Colour
    ink_soft: Colour
    ink_faint: Colour
    accent: Colour  # buttons, the chosen order
    accent_ink: Colour  # text on the accent colour
    focus: Colour  # the keyboard focus ring
    hover: Colour
    united_states: Colour
    soviet_union: Colour
    sea: Colour
    sea_deep: Colour
    land: Colour
    land_edge: Colour
    cuba: Colour
    quarantine: Colour
    missile: Colour
    good: Colour
    bad: Colour
    rise: Colour  # a meter that went up (drawn with an up arrow: never colour alone)
    fall: Colour  # a meter that went down (a down arrow)
    defcon: tuple[Colour, Colour, Colour, Colour, Colour]  # DEFCON 5 (calm) .. DEFCON 1 (war)
    leaning: dict


CLASSIC = Palette(
    name="classic",
    paper=(238, 227, 204), paper_deep=(222, 206, 174), panel=(247, 240, 224), panel_edge=(168, 146, 108),
    ink=(43, 36, 29), ink_soft=(92, 78, 62), ink_faint=(140, 124, 102),
    accent=(124, 38, 32), accent_ink=(250, 243, 228), focus=(26, 92, 156), hover=(232, 216, 182),
    united_states=(38, 74, 128), soviet_union=(160, 38, 34),
    sea=(190, 209, 210), sea_deep=(150, 180, 188), land=(226, 210, 172), land_edge=(120, 100, 70),
    cuba=(214, 168, 112), quarantine=(38, 74, 128), missile=(160, 38, 34),
    good=(58, 112, 62), bad=(160, 44, 36), rise=(30, 92, 120), fall=(150, 52, 30),
    defcon=((126, 168, 112), (146, 154, 70), (204, 160, 58), (214, 124, 62), (164, 36, 32)),
    leaning={"hawk": (150, 52, 40), "moderate": (120, 104, 80), "dove": (52, 96, 130)},
)

# Okabe and Ito's palette: told apart under the common colour-vision deficiencies (DEFCON 1's vermilion a
# shade darker, so its numeral keeps a 4.5:1 contrast).
COLOUR_BLIND_SAFE = Palette(
    name="colour_blind_safe",
    paper=(238, 229, 208), paper_deep=(220, 208, 180), panel=(248, 243, 230), panel_edge=(150, 136, 110),
    ink=(30, 30, 30), ink_soft=(74, 70, 64), ink_faint=(124, 118, 108),
    accent=(0, 94, 158), accent_ink=(255, 255, 255), focus=(213, 94, 0), hover=(226, 222, 200),
    united_states=(0, 114, 178), soviet_union=(213, 94, 0),
    sea=(196, 218, 232), sea_deep=(150, 190, 214), land=(232, 220, 180), land_edge=(100, 90, 70),
    cuba=(230, 159, 0), quarantine=(0, 114, 178), missile=(213, 94, 0),
    good=(0, 140, 110), bad=(213, 94, 0), rise=(0, 94, 158), fall=(178, 74, 0),
    defcon=((0, 114, 178), (86, 180, 233), (240, 228, 66), (230, 159, 0), (192, 82, 0)),
    leaning={"hawk": (213, 94, 0), "moderate": (110, 110, 110), "dove": (0, 114, 178)},
)

def luminance(colour: Colour) -> float:
    """Relative luminance (WCAG), for choosing ink that stands out on a coloured ground."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: Colour, second: Colour) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ink_on(palette: Palette, ground: Colour) -> Colour:
    """The palette's dark ink or its light ink, whichever reads better on ``ground``."""
    return max((palette.ink, palette.accent_ink), key=lambda ink: contrast(ink, ground))


PALETTES = {CLASSIC.name: CLASSIC, COLOUR_BLIND_SAFE.name: COLOUR_BLIND_SAFE}

# style -> (font file, size in 720p pixels)
STYLES = {
    "display": ("Vollkorn-Bold.ttf", 76),
    "title": ("Vollkorn-SemiBold.ttf", 38),
    "heading": ("Vollkorn-SemiBold.ttf", 27),
    "subheading": ("Vollkorn-SemiBold.ttf", 22),
    "body": ("Vollkorn-Regular.ttf", 20),
    "italic": ("Vollkorn-Italic.ttf", 20),
    "button": ("Vollkorn-SemiBold.ttf", 21),
    "small": ("Vollkorn-Regular.ttf", 18),
    "small_bold": ("Vollkorn-SemiBold.ttf", 18),
    "number": ("Vollkorn-Bold.ttf", 30),
}


def font_folder() -> Path:
    return paths.assets_folder() / "fonts"


class Theme:
    """Fonts and the text cache for one window height, text scale and palette."""

    def __init__(self, width: int, height: int, text_scale: float = 1.0, palette: str = "classic",
                 ledger: TextLedger | None = None, words: i18n.Words | None = None):
        self.width = width
        self.height = height
        self.text_scale = text_scale
        self.palette = PALETTES.get(palette, CLASSIC)
        self.ledger = ledger  # where drawn text is entered, for the readability tests; None in play
        self.words = words or i18n.words(i18n.SOURCE_LANGUAGE)  # the interface's words, for widgets that say their own
        # one "720p pixel" in real pixels; a narrow window scales by its width so nothing overflows
        self.unit = min(height / 720.0, width / 1280.0)
        # type follows the window less than lengths do: a bigger window has room for more words
        self.text_unit = self.unit if self.unit <= 1.0 else self.unit ** 0.5
        self._fonts: dict[str, pygame.font.Font] = {}
        self._cache: dict[tuple, pygame.Surface] = {}
        self._wraps: dict[tuple, list[str]] = {}
        self._fits: dict[tuple, str] = {}
        self._widths: dict[tuple, int] = {}
        self._measuring = 0  # inside ``measuring()``: wraps only count lines, a broken word is not a cut yet

    def px(self, value: float) -> int:
        """A length given at 720p, in real pixels."""
        return max(1, round(value * self.unit))

    def font_size(self, style: str) -> int:
        size = STYLES[style][1] * self.text_unit * self.text_scale
        return max(round(size), round(MIN_TEXT_PX * self.text_unit))

    def font(self, style: str) -> pygame.font.Font:
        font = self._fonts.get(style)
        if font is None:
            filename, _ = STYLES[style]
            path = font_folder() / filename
            size = self.font_size(style)
            try:
                font = pygame.font.Font(path, size)
            except (OSError, FileNotFoundError):
                font = pygame.font.Font(None, round(size * 1.2))  # pygame's own font, always there
            self._fonts[style] = font
        return font

    def line_height(self, style: str) -> int:
        return self.font(style).get_linesize()

    def text(self, text: str, style: str = "body", colour: Colour | None = None) -> pygame.Surface:
        """The rendered text, from the cache when it was drawn before."""
        colour = colour or self.palette.ink
        key = (text, style, colour)
        surface = self._cache.get(key)
        if surface is None:
            if len(self._cache) > 4000:
                self._cache.clear()
            surface = self.font(style).render(text, True, colour)
            self._cache[key] = surface
        return surface

    def draw_text(self, surface: pygame.Surface, text: str, style: str, colour: Colour | None, pos,
                  anchor: str = "topleft", box: pygame.Rect | None = None, scrolls: bool = False) -> pygame.Rect:
        """Put ``text`` on ``surface`` with its ``anchor`` at ``pos``; ``box`` is where it must stay.

        Every text on screen comes through here, so the ledger (when there is one) knows where
        each landed and whether it kept inside its box.
        """
        rendered = self.text(text, style, colour)
        rect = rendered.get_rect(**{anchor: pos})
        surface.blit(rendered, rect)
        if self.ledger is not None and text.strip():
            self.ledger.place(text, rect, box if box is not None else surface.get_rect(), scrolls)
        return rect

    @contextmanager
    def measuring(self):
        """Wrap to measure, not to draw: a layout trying widths may break a word it will not use."""
        self._measuring += 1
        try:
            yield
        finally:
            self._measuring -= 1

    def fits(self, text: str, style: str, width: int) -> bool:
        return self.measure(text, style) <= width

    def first_fitting(self, text: str, styles: tuple[str, ...], width: int) -> str | None:
        """The first of ``styles`` (largest first) in which ``text`` fits on one line, or None."""
        return next((style for style in styles if self.measure(text, style) <= width), None)

    def wrapping_style(self, text: str, styles: tuple[str, ...], width: int) -> str:
        """The first of ``styles`` in which every word of ``text`` fits ``width``, so it wraps whole
        (the last style when none does)."""
        longest = max(text.split(), key=lambda word: self.measure(word, styles[-1]), default="")
        return next((style for style in styles if self.measure(longest, style) <= width), styles[-1])

    def measure(self, text: str, style: str = "body") -> int:
        key = (text, style)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) > 4000:
                self._widths.clear()
            width = self._widths[key] = self.font(style).size(text)[0]
        return width

    def wrap(self, text: str, style: str, width: int) -> list[str]:
        """Lines of at most ``width`` pixels; paragraphs kept; a word too long is cut by characters.

        A word broken across lines is entered in the ledger as a cut: screens are laid out so
        that no word of a shipped scenario needs it.
        """
        key = (text, style, width)
        lines = self._wraps.get(key)
        if lines is None:
            if len(self._wraps) > 4000:
                self._wraps.clear()
            lines = self._wraps[key] = self._wrap(text, style, width)
        if self.ledger is not None and not self._measuring \
                and any(len(word) > 1 and self.measure(word, style) > width for word in text.split()):
            self.ledger.cut(text, "\n".join(lines), "broken word")
        return lines

    def _wrap(self, text: str, style: str, width: int) -> list[str]:
        font = self.font(style)
        lines = []
        for paragraph in text.split("\n"):
            words = paragraph.split()
            if not words:
                lines.append("")
                continue
            line = ""
            for word in words:
                candidate = f"{line} {word}" if line else word
                if font.size(candidate)[0] <= width:
                    line = candidate
                    continue
                if line:
                    lines.append(line)
                if font.size(word)[0] > width:  # a word wider than the box
                    *whole, word = _cut_word(word, font, width)
                    lines.extend(whole)
                line = word
            lines.append(line)
        return lines

    def fit(self, text: str, style: str, width: int) -> str:
        """The text shortened with an ellipsis so it fits on one line of ``width`` pixels.

        Cards and rows fit their texts on every frame, so the answer is cached, and the cut is
        found by halving (a long choice text cut one letter at a time cost a frame 100 ms).
        """
        key = (text, style, width)
        fitted = self._fits.get(key)
        if fitted is None:
            if len(self._fits) > 4000:
                self._fits.clear()
            fitted = self._fits[key] = self._fit(text, self.font(style), width)
        if self.ledger is not None and fitted != text:
            self.ledger.cut(text, fitted, "ellipsis")
        return fitted

    @staticmethod
    def _fit(text: str, font: pygame.font.Font, width: int) -> str:
        if font.size(text)[0] <= width:
            return text
        shortest, longest = 0, len(text)  # text[:shortest] + "…" fits; text[:longest] + "…" does not
        while longest - shortest > 1:
            middle = (shortest + longest) // 2
            if font.size(text[:middle] + "\u2026")[0] <= width:
                shortest = middle
            else:
                longest = middle
        return text[:shortest].rstrip() + "\u2026"


def _cut_word(word: str, font: pygame.font.Font, width: int) -> list[str]:
    """A word wider than ``width`` in pieces that fit (at least one character each).

    Each piece is found by doubling its length until it no longer fits, then halving the gap,
    so a piece of k characters costs about 2 log2 k measurements of at most 2k characters: an
    unbroken 5,000-character word is cut in a few hundred measurements, not millions.
    """
    pieces = []
    start, end = 0, len(word)
    while start < end:
        fits = start + 1  # one character always goes, even in a box narrower than it
        probe = start + 2
        while probe <= end and font.size(word[start:probe])[0] <= width:
            fits = probe
            probe = start + (probe - start) * 2
        too_long = min(probe, end + 1)  # word[start:too_long] does not fit (or runs past the end)
        while too_long - fits > 1:
            middle = (fits + too_long) // 2
            if font.size(word[start:middle])[0] <= width:
                fits = middle
            else:
                too_long = middle
        pieces.append(word[start:fits])
        start = fits
    return pieces
