"""The meters: the DEFCON gauge (5 calm .. 1 war) and a bar for every other variable.

Values move smoothly over time toward their new reading (an ease with a time constant, so
the motion takes the same time at any frame rate).
"""

from __future__ import annotations

import math

import pygame

from game.ui.theme import Theme
from game.ui.widgets.base import Widget, blit_text

EASE = 3.5  # per second


def ease(current: float, target: float, dt: float, rate: float = EASE) -> float:
    current += (target - current) * min(1.0, dt * rate)
    return target if abs(target - current) < 1e-3 else current


def finite(value, fallback: float = 0.0) -> float:
    """A value a gauge can draw: the engine keeps NaN out of the state, but a gauge never trusts that."""
    return value if isinstance(value, (int, float)) and math.isfinite(value) else fallback


def share_of(value: float, low: float, high: float) -> float:
    """Where ``value`` stands between ``low`` and ``high``, from 0 to 1 (0 for a span it cannot measure)."""
    span = high - low
    if not (math.isfinite(span) and span > 0):
        return 0.0
    return min(1.0, max(0.0, (value - low) / span))


def alert_level(value: float) -> int:
    """The DEFCON level a reading shows: a whole number from 1 to 5."""
    return max(1, min(5, round(max(0.0, min(6.0, finite(value, 5))))))


def number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:.1f}" if isinstance(value, float) else str(value)


class DefconGauge(Widget):
    focusable = False

    def __init__(self, rect, level: float, tension: tuple[float, float, float] | None = None, start: float | None = None):
        super().__init__(rect, None, True, "DEFCON")
        level = finite(level, 5)
        self.level = level  # 5..1
        self.shown = level if start is None else finite(start, level)
        self.tension = _finite_triple(tension)  # (value, min, max) of the variable behind it, drawn as a fine bar
        self.tension_shown = self.tension[0] if self.tension else 0.0
        self.pulse = 2.4 if alert_level(self.shown) != alert_level(level) else 0.0  # seconds of attention

    def set(self, level: float, tension=None) -> None:
        self.level = finite(level, 5)
        self.tension = _finite_triple(tension)

    def update(self, dt: float) -> None:
        self.pulse = max(0.0, self.pulse - dt)
        self.shown = ease(self.shown, self.level, dt)
        if self.tension:
            self.tension_shown = ease(self.tension_shown, self.tension[0], dt)

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        palette = theme.palette
        rect = self.rect
        level = alert_level(self.shown)
        title = blit_text(surface, theme, "DEFCON", "small_bold", palette.ink_soft, rect.topleft)
        colour = palette.defcon[5 - level]
        blit_text(surface, theme, str(level), "number", colour, (title.right + theme.px(8), rect.y - theme.px(9)))
        words = {5: "peace", 4: "increased readiness", 3: "forces on alert", 2: "next step to war", 1: "war"}
        blit_text(surface, theme, words.get(level, ""), "small", palette.ink_soft, (rect.right, rect.y), "topright")
        top = rect.y + theme.line_height("number") - theme.px(6)
        bar_h = theme.px(30)
        gap = theme.px(4)
        cell_w = (rect.w - 4 * gap) / 5
        for index, value in enumerate((5, 4, 3, 2, 1)):
            cell = pygame.Rect(round(rect.x + index * (cell_w + gap)), top, round(cell_w), bar_h)
            hue = palette.defcon[index]
            active = value == level
            passed = value > level
            fill = hue if active else (tuple((c + 2 * p) // 3 for c, p in zip(hue, palette.panel)) if passed
                                       else palette.paper_deep)
            pygame.draw.rect(surface, fill, cell, border_radius=theme.px(4))
            if active:
                pygame.draw.rect(surface, palette.ink, cell, max(1, theme.px(2)), border_radius=theme.px(4))
                if self.pulse > 0:  # a changed alert level draws the eye: a ring that swells and fades
                    phase = (self.pulse * 1.5) % 1.0
                    ring = cell.inflate(round(theme.px(14) * (1 - phase)), round(theme.px(14) * (1 - phase)))
                    pygame.draw.rect(surface, hue, ring, max(1, theme.px(3)), border_radius=theme.px(6))
            ink = palette.ink if not active or sum(hue) > 420 else palette.accent_ink
            blit_text(surface, theme, str(value), "small_bold", ink, cell.center, "center")
        if self.tension:
            _, low, high = self.tension
            share = share_of(self.tension_shown, low, high)
            line = pygame.Rect(rect.x, top + bar_h + theme.px(4), rect.w, theme.px(5))
            pygame.draw.rect(surface, palette.paper_deep, line, border_radius=theme.px(2))
            pygame.draw.rect(surface, palette.ink_soft, (line.x, line.y, round(line.w * share), line.h), border_radius=theme.px(2))

    def texts(self) -> list[str]:
        return [f"DEFCON {round(self.level)}"]


def _finite_triple(tension):
    if not tension:
        return None
    value, low, high = (finite(part) for part in tension)
    return value, low, high


class MeterBar(Widget):
    focusable = False

    def __init__(self, rect, label: str, value: float, minimum: float, maximum: float,
                 start: float | None = None, colour=None):
        super().__init__(rect, None, True, label)
        self.label = label
        self.minimum = finite(minimum)
        self.maximum = finite(maximum, self.minimum + 1)
        self.value = finite(value, self.minimum)
        self.shown = self.value if start is None else finite(start, self.value)
        self.start = self.shown
        self.colour = colour

    def update(self, dt: float) -> None:
        self.shown = ease(self.shown, self.value, dt)

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        palette = theme.palette
        rect = self.rect
        delta = self.value - self.start
        value_text = number(round(self.shown) if abs(self.shown - self.value) > 0.01 else self.value)
        right = blit_text(surface, theme, value_text, "small_bold", palette.ink, (rect.right, rect.y), "topright")
        if delta:
            sign = "+" if delta > 0 else "\u2212"
            blit_text(surface, theme, f"{sign}{number(abs(delta))}", "small_bold", palette.accent,
                      (right.x - theme.px(8), rect.y), "topright")
            right = right.union(pygame.Rect(right.x - theme.px(60), right.y, 1, 1))
        label = theme.fit(self.label, "small", right.x - rect.x - theme.px(8))
        blit_text(surface, theme, label, "small", palette.ink_soft, rect.topleft)
        bar = pygame.Rect(rect.x, rect.bottom - theme.px(9), rect.w, theme.px(9))
        pygame.draw.rect(surface, palette.paper_deep, bar, border_radius=theme.px(4))
        share = share_of(self.shown, self.minimum, self.maximum)
        if share > 0:
            pygame.draw.rect(surface, self.colour or palette.ink_soft, (bar.x, bar.y, max(bar.h, round(bar.w * share)), bar.h),
                             border_radius=theme.px(4))
        pygame.draw.rect(surface, palette.panel_edge, bar, 1, border_radius=theme.px(4))

    def texts(self) -> list[str]:
        return [self.label, number(self.value)]
