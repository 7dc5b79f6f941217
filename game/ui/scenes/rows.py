"""A scene's long list: the rows in view, and the keys and wheel that move the window over them.

The arrows walk the focus row by row as everywhere else; at the window's edge they scroll it so
the focused row stays in view. Page Up/Down jump a window's worth, Home and End to either end,
and the wheel anywhere over the list scrolls it.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui import layout
from game.ui.widgets.base import Widget
from game.ui.widgets.scroll_list import RowWindow, ScrollBar


class ScrollingRows:
    def __init__(self, scene):
        self.scene = scene
        self.window = RowWindow()
        self.rows: list[Widget] = []
        self.bar: ScrollBar | None = None

    def build(self, area: pygame.Rect, count: int, row_h: int, gap: int,
              make_row: Callable[[int, pygame.Rect], Widget]) -> None:
        """Add the rows in view to the scene; ``make_row(index, rect)`` builds one."""
        scene = self.scene
        theme = scene.theme
        self.window.fit(count, (area.h + gap) // (row_h + gap))
        room = area.w - (theme.px(16) if self.window.scrolls else 0)
        self.bar = scene.add(ScrollBar(area, self.window, self._wheel))  # first: the rows lie over it
        cells = layout.grid(pygame.Rect(area.x, area.y, room, area.h), len(self.window.shown), 1, gap, row_h)
        self.rows = []
        for index, rect in zip(self.window.shown, cells):
            row = make_row(index, rect)
            row.row_index = index
            self.rows.append(scene.add(row))

    def _focused_index(self) -> int | None:
        focus = self.scene.focus
        return focus.row_index if focus in self.rows else None

    def _show(self, index: int | None) -> None:
        """Lay the scene out again for the moved window, the focus on row ``index`` (or the nearest in view)."""
        self.scene.relayout()
        if index is None or not self.rows:
            return
        shown = self.window.shown
        index = min(max(index, shown.start), shown.stop - 1)
        self.scene.set_focus(next(row for row in self.rows if row.row_index == index))

    def _wheel(self, lines: int) -> bool:
        focused = self._focused_index()
        if self.window.scroll(lines):
            self._show(focused)
        return True

    def key(self, event) -> bool:
        """Keys on a focused row that move past the window's edge; True if used."""
        index = self._focused_index()
        if index is None:
            return False
        window = self.window
        key = event.key
        targets = {pygame.K_UP: index - 1, pygame.K_DOWN: index + 1, pygame.K_PAGEUP: index - window.visible,
                   pygame.K_PAGEDOWN: index + window.visible, pygame.K_HOME: 0, pygame.K_END: window.count - 1}
        if key not in targets:
            return False
        target = min(max(0, targets[key]), window.count - 1)
        if key in (pygame.K_UP, pygame.K_DOWN) and (target == index or target in window.shown):
            return False  # within view, or past the list's end: the ordinary arrow walk
        window.reveal(target)
        self._show(target)
        return True
