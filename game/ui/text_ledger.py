"""Where every piece of text landed on screen, and every text that had to be cut to fit.

The screens promise that every word can be read: no text shortened with an ellipsis, none
spilling out of its box, none drawn over another. A promise like that is kept by measuring,
so the theme can carry a ledger: each text drawn is entered with its rectangle, the box it must
stay in and the widget that drew it; each cut (an ellipsis, a word broken across lines) with
its whole text. The readability tests walk every screen and read the ledger; in play there is
no ledger and drawing costs nothing more.

Widgets that paint a picture once and blit it every frame (cards, the static background)
capture what they drew and replay it at the picture's place on each frame.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from collections.abc import Iterator

import pygame


@dataclass(frozen=True, slots=True)
class Placed:
    text: str
    rect: pygame.Rect  # where the words landed, in the coordinates of the surface drawn on
    box: pygame.Rect  # the region they must stay inside
    owner: str  # the widget that drew them, or "static" for a screen's fixed layer
    layer: str  # the scene being drawn
    scrolls: bool  # inside a scrolling view, where a line at the edge is scrolled, not clipped


@dataclass(frozen=True, slots=True)
class Cut:
    text: str  # the whole text
    shown: str  # what was drawn instead
    why: str  # "ellipsis" or "broken word"
    owner: str
    layer: str


class TextLedger:
    def __init__(self) -> None:
        self.placed: list[Placed] = []
        self.cuts: list[Cut] = []
        self.owner = ""
        self.layer = ""
        self._captures: list[list] = []

    def begin_frame(self) -> None:
        """A new frame: what was placed before is gone from the screen (cuts stay until taken)."""
        self.placed = []

    def take_cuts(self) -> list[Cut]:
        cuts, self.cuts = self.cuts, []
        return cuts

    # --- entries -------------------------------------------------------------------------------------
    def place(self, text: str, rect: pygame.Rect, box: pygame.Rect, scrolls: bool = False) -> None:
        entry = ("place", text, pygame.Rect(rect), pygame.Rect(box), scrolls)
        if self._captures:
            self._captures[-1].append(entry)
        else:
            self.placed.append(Placed(text, pygame.Rect(rect), pygame.Rect(box), self.owner, self.layer, scrolls))

    def cut(self, text: str, shown: str, why: str) -> None:
        entry = ("cut", text, shown, why)
        if self._captures:
            self._captures[-1].append(entry)
        else:
            self.cuts.append(Cut(text, shown, why, self.owner, self.layer))

    # --- pictures painted once ----------------------------------------------------------------------
    @contextmanager
    def capture(self) -> Iterator[list]:
        """Collect what is drawn inside the block instead of entering it, for ``replay`` later."""
        records: list = []
        self._captures.append(records)
        try:
            yield records
        finally:
            self._captures.pop()

    def replay(self, records: list, offset: tuple[int, int] = (0, 0)) -> None:
        """Enter captured texts again, moved by ``offset`` (where their picture is blitted this frame)."""
        dx, dy = offset
        for record in records:
            if record[0] == "place":
                _, text, rect, box, scrolls = record
                self.place(text, rect.move(dx, dy), box.move(dx, dy), scrolls)
            else:
                _, text, shown, why = record
                self.cut(text, shown, why)

    @contextmanager
    def owned_by(self, owner: str) -> Iterator[None]:
        previous, self.owner = self.owner, owner
        try:
            yield
        finally:
            self.owner = previous


# --- the checks the readability tests make ---------------------------------------------------------------
def clipped(entries: list[Placed], tolerance: int = 1) -> list[Placed]:
    """Texts that reach outside their box (a scrolling view's edge excepted)."""
    return [entry for entry in entries
            if not entry.scrolls and not entry.box.inflate(2 * tolerance, 2 * tolerance).contains(entry.rect)]


def overlapping(entries: list[Placed], tolerance: int = 1) -> list[tuple[Placed, Placed]]:
    """Pairs of texts of one layer drawn over each other (touching by ``tolerance`` pixels is allowed)."""
    pairs = []
    visible = [entry for entry in entries if entry.text.strip()]
    for index, first in enumerate(visible):
        a = _inked(first)
        for second in visible[index + 1:]:
            if first.layer != second.layer:
                continue
            b = _inked(second)
            overlap = a.clip(b)
            if overlap.w > tolerance and overlap.h > tolerance:
                pairs.append((first, second))
    return pairs


def _inked(entry: Placed) -> pygame.Rect:
    """The part of a text's line box that shows: a line seen through a scrolling view is cut at its edge."""
    return entry.rect.clip(entry.box) if entry.scrolls else entry.rect
