"""A line chart of one variable over the days played (tension on the ending screen).

Behind the line, each day may carry a stripe of colour (the alert level that day stood at, read
from the record). The title wraps; the axis labels are placed so that none touches another.
"""

from __future__ import annotations

import pygame

from game.ui.theme import Theme
from game.ui.widgets.base import Widget


class LineChart(Widget):
    focusable = False

    def __init__(self, rect, title: str, points: list[float], minimum: float, maximum: float,
                 labels: list[str], stripes: list | None = None):
        super().__init__(rect, None, True, title)
        self.title = title
        self.points = points
        self.minimum = minimum
        self.maximum = maximum
        self.labels = labels  # one per point
        self.stripes = stripes  # one colour per point, or None
        self.reveal = 0.0  # 0..1, the line draws itself in

    def update(self, dt: float) -> None:
        self.reveal = min(1.0, self.reveal + dt / 1.0)

    def settle(self) -> None:
        self.reveal = 1.0

    def _values(self) -> list[float]:
        return [self.minimum, (self.minimum + self.maximum) / 2, self.maximum]

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        palette = theme.palette
        rect = self.rect
        y = rect.y
        for line in theme.wrap(self.title, "small_bold", rect.w):
            theme.draw_text(surface, line, "small_bold", palette.ink_soft, (rect.x, y), "topleft", rect)
            y += theme.line_height("small_bold")
        left_pad = max(theme.measure(f"{value:g}", "small") for value in self._values()) + theme.px(10)
        half = theme.line_height("small") // 2
        plot = pygame.Rect(rect.x + left_pad, y + half, rect.w - left_pad - theme.px(8), 0)
        plot.h = rect.bottom - plot.y - theme.line_height("small") - theme.px(2)
        if plot.h < theme.px(20):
            return
        span = max(1e-9, self.maximum - self.minimum)

        def y_of(value: float) -> int:
            return round(plot.bottom - (value - self.minimum) / span * plot.h)

        count = len(self.points)
        step = plot.w / max(1, count - 1)
        xy = [(round(plot.x + index * step), y_of(value)) for index, value in enumerate(self.points)]
        if self.stripes and count:
            for index, colour in enumerate(self.stripes[:count]):
                left = plot.x if index == 0 else round(plot.x + (index - 0.5) * step)
                right = plot.right if index == count - 1 else round(plot.x + (index + 0.5) * step)
                tint = tuple((c + 2 * p) // 3 for c, p in zip(colour, palette.panel))
                pygame.draw.rect(surface, tint, (left, plot.y, max(1, right - left), plot.h))
        pygame.draw.rect(surface, palette.panel_edge, plot, 1)
        for value in self._values():
            theme.draw_text(surface, f"{value:g}", "small", palette.ink_faint, (plot.x - theme.px(6), y_of(value)),
                            "midright", rect)
        if count == 0:
            return
        shown = max(1, round(self.reveal * (count - 1)) + 1) if count > 1 else 1
        if shown > 1:
            pygame.draw.lines(surface, palette.accent, False, xy[:shown], max(2, theme.px(3)))
        for point in xy[:shown]:
            pygame.draw.circle(surface, palette.accent, point, theme.px(4))
        for text, box in self._axis_labels(theme, xy, plot.bottom + theme.px(2), pygame.Rect(plot.x, rect.y, rect.right - plot.x, rect.h)):
            theme.draw_text(surface, text, "small", palette.ink_faint, box.topleft, "topleft", rect)

    def _axis_labels(self, theme: Theme, xy, top: int, rect: pygame.Rect) -> list[tuple[str, pygame.Rect]]:
        """Labels that fit without touching: the last day's label always shows, so it pushes out a
        neighbour it would overlap rather than print over it."""
        count = len(self.points)
        gap = theme.px(8)
        kept: list[tuple[str, pygame.Rect]] = []
        for index, label in enumerate(self.labels[:count]):
            last = index == count - 1
            box = pygame.Rect(0, top, theme.measure(label, "small"), theme.line_height("small"))
            box.centerx = xy[index][0]
            box.right = min(box.right, rect.right)
            box.left = max(box.left, rect.left)
            while last and kept and box.left < kept[-1][1].right + gap:
                kept.pop()
            if kept and box.left < kept[-1][1].right + gap:
                continue
            kept.append((label, box))
        return kept

    def texts(self) -> list[str]:
        return [self.title, *self.labels]
