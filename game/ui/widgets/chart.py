"""A line chart of one variable over the days played (tension on the ending screen)."""

from __future__ import annotations

import pygame

from game.ui.theme import Theme
from game.ui.widgets.base import Widget, blit_text


class LineChart(Widget):
    focusable = False

    def __init__(self, rect, title: str, points: list[float], minimum: float, maximum: float,
                 labels: list[str], bands: list[tuple[float, object]] | None = None):
        super().__init__(rect, None, True, title)
        self.title = title
        self.points = points
        self.minimum = minimum
        self.maximum = maximum
        self.labels = labels  # one per point
        self.bands = bands or []  # (threshold, colour): background stripes, e.g. DEFCON levels
        self.reveal = 0.0  # 0..1, the line draws itself in

    def update(self, dt: float) -> None:
        self.reveal = min(1.0, self.reveal + dt / 1.0)

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        palette = theme.palette
        rect = self.rect
        blit_text(surface, theme, self.title, "small_bold", palette.ink_soft, rect.topleft)
        left_pad = theme.px(34)
        plot = pygame.Rect(rect.x + left_pad, rect.y + theme.line_height("small_bold") + theme.px(4),
                           rect.w - left_pad - theme.px(8), 0)
        plot.h = rect.bottom - plot.y - theme.line_height("small") - theme.px(2)
        span = max(1e-9, self.maximum - self.minimum)

        def y_of(value: float) -> int:
            return round(plot.bottom - (value - self.minimum) / span * plot.h)

        previous = plot.bottom
        for threshold, colour in sorted(self.bands):
            y = y_of(threshold)
            band = pygame.Rect(plot.x, y, plot.w, previous - y)
            tint = tuple((c + 3 * p) // 4 for c, p in zip(colour, palette.panel))
            pygame.draw.rect(surface, tint, band)
            previous = y
        pygame.draw.rect(surface, palette.panel_edge, plot, 1)
        for value in (self.minimum, (self.minimum + self.maximum) / 2, self.maximum):
            blit_text(surface, theme, f"{value:g}", "small", palette.ink_faint, (plot.x - theme.px(6), y_of(value)), "midright")
        count = len(self.points)
        if count == 0:
            return
        step = plot.w / max(1, count - 1)
        xy = [(round(plot.x + index * step), y_of(value)) for index, value in enumerate(self.points)]
        shown = max(1, round(self.reveal * (count - 1)) + 1) if count > 1 else 1
        if shown > 1:
            pygame.draw.lines(surface, palette.accent, False, xy[:shown], max(2, theme.px(3)))
        for point in xy[:shown]:
            pygame.draw.circle(surface, palette.accent, point, theme.px(4))
        for text, box in self._axis_labels(theme, palette, xy, plot.bottom + theme.px(2), rect.right):
            surface.blit(text, box)

    def _axis_labels(self, theme, palette, xy, top: int, right: int) -> list:
        """Labels that fit without touching: the last day's label always shows, so it pushes out a
        neighbour it would overlap rather than print over it."""
        count = len(self.points)
        every = max(1, round(count / max(1, (right - xy[0][0]) // theme.px(60))))
        gap = theme.px(8)
        kept: list = []
        for index, label in enumerate(self.labels[:count]):
            last = index == count - 1
            if index % every and not last:
                continue
            text = theme.text(label, "small", palette.ink_faint)
            box = text.get_rect(midtop=(xy[index][0], top))
            box.right = min(box.right, right)
            while kept and box.left < kept[-1][1].right + gap:
                if not last:
                    break
                kept.pop()
            if kept and box.left < kept[-1][1].right + gap:
                continue
            kept.append((text, box))
        return kept

    def texts(self) -> list[str]:
        return [self.title, *self.labels]
