"""A long list of rows (scenarios, saves) shown a window at a time, with a scroll bar beside it.

The list scrolls by whole rows, so every row on screen is whole and clickable and nothing has to
be clipped. A scene keeps one ``RowWindow`` across its layouts (which row is first) and builds
only the rows in view; the ``ScrollBar`` lies under those rows, takes the wheel anywhere over
the list and shows where the window is.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.theme import Theme
from game.ui.widgets.base import Widget


class RowWindow:
    """Which rows of ``count`` are on screen: ``visible`` of them from ``first``."""

    def __init__(self) -> None:
        self.first = 0
        self.count = 0
        self.visible = 1

    def fit(self, count: int, visible: int) -> None:
        self.count = count
        self.visible = max(1, visible)
        self.first = min(max(0, self.first), self.last_first)

    @property
    def last_first(self) -> int:
        return max(0, self.count - self.visible)

    @property
    def scrolls(self) -> bool:
        return self.count > self.visible

    @property
    def shown(self) -> range:
        return range(self.first, min(self.count, self.first + self.visible))

    def scroll(self, rows: int) -> bool:
        """Move the window by ``rows`` (positive: down); True if it moved."""
        first = min(max(0, self.first + rows), self.last_first)
        moved = first != self.first
        self.first = first
        return moved

    def reveal(self, index: int) -> bool:
        """Move the window the least that puts row ``index`` in view; True if it moved."""
        if index < self.first:
            return self.scroll(index - self.first)
        if index >= self.first + self.visible:
            return self.scroll(index - self.first - self.visible + 1)
        return False


class ScrollBar(Widget):
    """The track and thumb at the right of a long list; the wheel over the list scrolls it."""

    focusable = False

    def __init__(self, rect, window: RowWindow, on_scroll: Callable[[int], bool], name: str = "scroll bar"):
        super().__init__(rect, None, True, name)
        self.window = window
        self.on_scroll = on_scroll

    def scroll(self, lines: int) -> bool:
        return self.on_scroll(lines) if self.window.scrolls else False

    def track(self, theme: Theme) -> pygame.Rect:
        return pygame.Rect(self.rect.right - theme.px(6), self.rect.y, theme.px(6), self.rect.h)

    def thumb(self, theme: Theme) -> pygame.Rect:
        track = self.track(theme)
        window = self.window
        height = max(theme.px(28), round(track.h * window.visible / max(1, window.count)))
        share = window.first / window.last_first if window.last_first else 0.0
        return pygame.Rect(track.x, track.y + round((track.h - height) * share), track.w, height)

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        if not self.window.scrolls:
            return
        palette = theme.palette
        pygame.draw.rect(surface, palette.paper_deep, self.track(theme), border_radius=theme.px(3))
        pygame.draw.rect(surface, palette.ink_faint, self.thumb(theme), border_radius=theme.px(3))

    def texts(self) -> list[str]:
        window = self.window
        if not window.scrolls:
            return []
        return [f"{window.first + 1}\u2013{window.first + len(window.shown)} of {window.count}"]
