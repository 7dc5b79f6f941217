"""The meters: the DEFCON gauge (5 calm .. 1 war) with the tension behind it, and a bar for every other variable.

Values move smoothly over time toward their new reading (an ease with a time constant, so
the motion takes the same time at any frame rate). Each widget lays its words out from the
theme and says how tall it needs to be at a width, so a layout can give it room for every
word whole, at any text size and in any language.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.engine.alert import LEVEL_WORDS, level_of
from game.ui.theme import Colour, Theme, ink_on
from game.ui.widgets.base import Widget

EASE = 3.5  # per second


def ease(current: float, target: float, dt: float, rate: float = EASE) -> float:
    current += (target - current) * min(1.0, dt * rate)
    return target if abs(target - current) < 1e-3 else current


def finite(value, fallback: float = 0.0) -> float:
    """A value a gauge can draw: the engine keeps NaN out of the state, but a gauge never trusts that."""
    return value if isinstance(value, (int, float)) and math.isfinite(value) else fallback


def number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:.1f}" if isinstance(value, float) else str(value)


@dataclass(frozen=True, slots=True)
class Tension:
    """The variable the DEFCON level follows, shown under the gauge with its name and value."""

    label: str
    value: float
    minimum: float
    maximum: float


def change_text(delta: float) -> str:
    """A change as a reader sees it: an arrow and the amount (the arrow, not only colour, says which way)."""
    return f"\u25b2 {number(abs(delta))}" if delta > 0 else f"\u25bc {number(abs(delta))}"


# --- the DEFCON gauge -------------------------------------------------------------------------------------
def _cell_w(theme: Theme) -> int:
    return theme.measure("5", "small_bold") + theme.px(26)


def _gauge_rows(theme: Theme, width: int, tension_label: str | None, title: str = "DEFCON") -> dict[str, int]:
    """Heights of the gauge's rows at this width: the heading (with the five cells beside it when
    they fit there), the meaning of the level when it does not fit beside the badge, the cells
    when they need their own row, the tension line."""
    badge = theme.line_height("number")
    heading = max(badge, theme.line_height("small_bold"))
    words_w = max(theme.measure(theme.words(words), "small") for words in LEVEL_WORDS.values())
    title_w = theme.measure(title, "small_bold") + theme.px(10) + theme.measure("5", "number") + theme.px(24)
    words_beside = title_w + theme.px(12) + words_w <= width
    cells_beside = words_beside and title_w + theme.px(12) + words_w + theme.px(16) + 5 * _cell_w(theme) <= width
    rows = {"heading": heading, "words": 0 if words_beside else theme.line_height("small"),
            "cells": 0 if cells_beside else theme.line_height("small_bold") + theme.px(6), "tension": 0}
    if tension_label is not None:
        value_w = theme.measure("100", "small_bold") + theme.px(8)
        with theme.measuring():
            label_lines = len(theme.wrap(tension_label, "small", max(1, width - value_w)))
        rows["tension"] = label_lines * theme.line_height("small") + theme.px(12)
    return rows


def gauge_height(theme: Theme, width: int, tension_label: str | None, title: str = "DEFCON") -> int:
    rows = _gauge_rows(theme, width, tension_label, title)
    gaps = theme.px(6) * ((1 if rows["cells"] else 0) + (1 if rows["tension"] else 0))
    return sum(rows.values()) + gaps


class DefconGauge(Widget):
    focusable = False

    def __init__(self, rect, level: float | None, tension: Tension | None = None, start: float | None = None,
                 tension_start: float | None = None, title: str = "DEFCON"):
        super().__init__(rect, None, True, title)
        self.title = title
        self.level = level_of(level)
        self.shown = float(self.level if start is None else level_of(start))
        if tension is not None:
            low = finite(tension.minimum)
            tension = Tension(tension.label, finite(tension.value, low), low, finite(tension.maximum, low + 1))
        self.tension = tension
        self.tension_shown = tension.value if tension is not None else 0.0
        if tension is not None and tension_start is not None:
            self.tension_shown = finite(tension_start, tension.value)
        self.pulse = 2.4 if start is not None and level_of(start) != self.level else 0.0  # seconds of attention
        self.still_ring = False  # reduced motion: the pulse's ring drawn once, at rest

    def update(self, dt: float) -> None:
        self.pulse = max(0.0, self.pulse - dt)
        self.shown = ease(self.shown, self.level, dt)
        if self.tension is not None:
            self.tension_shown = ease(self.tension_shown, self.tension.value, dt)

    def settle(self) -> None:
        # a changed level still draws the eye, with a ring that stands still instead of one that swells
        self.still_ring = self.still_ring or self.pulse > 0
        self.pulse = 0.0
        self.shown = float(self.level)
        if self.tension is not None:
            self.tension_shown = self.tension.value

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        palette = theme.palette
        rect = self.rect
        rows = _gauge_rows(theme, rect.w, self.tension.label if self.tension else None, self.title)
        level = level_of(self.shown)
        hue = palette.defcon[5 - level]
        # the heading: the word, the level on a badge of its colour (ink chosen to stand out on it), its meaning
        middle = rect.y + rows["heading"] // 2
        title = theme.draw_text(surface, self.title, "small_bold", palette.ink_soft, (rect.x, middle), "midleft", rect)
        numeral_w = theme.measure(str(level), "number")
        badge = pygame.Rect(title.right + theme.px(10), rect.y, numeral_w + theme.px(24), rows["heading"])
        pygame.draw.rect(surface, hue, badge, border_radius=theme.px(6))
        pygame.draw.rect(surface, palette.ink, badge, max(1, theme.px(1.5)), border_radius=theme.px(6))
        theme.draw_text(surface, str(level), "number", ink_on(palette, hue), badge.center, "center", badge)
        words = theme.words(LEVEL_WORDS[level])
        if rows["words"]:
            theme.draw_text(surface, words, "small", palette.ink_soft, (rect.x, rect.y + rows["heading"]), "topleft", rect)
        else:
            theme.draw_text(surface, words, "small", palette.ink_soft, (badge.right + theme.px(12), middle), "midleft", rect)
        gap = theme.px(4)
        if rows["cells"]:  # a row of their own, across the gauge
            top = rect.y + rows["heading"] + rows["words"] + theme.px(6)
            left, cell_w, cell_h = rect.x, (rect.w - 4 * gap) / 5, rows["cells"]
        else:  # at the heading's right
            cell_h = theme.line_height("small_bold") + theme.px(6)
            top = rect.y + (rows["heading"] - cell_h) // 2
            cell_w = _cell_w(theme)
            left = rect.right - 5 * cell_w - 4 * gap
        for index, value in enumerate((5, 4, 3, 2, 1)):
            cell = pygame.Rect(round(left + index * (cell_w + gap)), top, round(cell_w), cell_h)
            colour = palette.defcon[index]
            active = value == level
            passed = value > level
            fill = colour if active else (_toward(colour, palette.panel) if passed else palette.paper_deep)
            pygame.draw.rect(surface, fill, cell, border_radius=theme.px(4))
            if active:
                pygame.draw.rect(surface, palette.ink, cell, max(1, theme.px(2)), border_radius=theme.px(4))
                if self.pulse > 0:  # a changed alert level draws the eye: a ring that swells and fades
                    phase = (self.pulse * 1.5) % 1.0
                    ring = cell.inflate(round(theme.px(14) * (1 - phase)), round(theme.px(14) * (1 - phase)))
                    pygame.draw.rect(surface, colour, ring, max(1, theme.px(3)), border_radius=theme.px(6))
                elif self.still_ring:
                    ring = cell.inflate(theme.px(8), theme.px(8))
                    pygame.draw.rect(surface, palette.ink, ring, max(1, theme.px(2)), border_radius=theme.px(6))
            theme.draw_text(surface, str(value), "small_bold", ink_on(palette, fill), cell.center, "center", cell)
        if self.tension is not None:
            below = rect.y + rows["heading"] + rows["words"] + (rows["cells"] + theme.px(6) if rows["cells"] else 0)
            self._draw_tension(surface, theme, pygame.Rect(rect.x, below + theme.px(6), rect.w, rows["tension"]))

    def _draw_tension(self, surface: pygame.Surface, theme: Theme, area: pygame.Rect) -> None:
        palette = theme.palette
        tension = self.tension
        assert tension is not None  # drawn only when there is a tension meter
        value_text = number(round(self.tension_shown) if abs(self.tension_shown - tension.value) > 0.01 else tension.value)
        theme.draw_text(surface, value_text, "small_bold", palette.ink, (area.right, area.y), "topright", area)
        lines = theme.wrap(tension.label, "small", max(1, area.w - theme.measure("100", "small_bold") - theme.px(8)))
        y = area.y
        for line in lines:
            theme.draw_text(surface, line, "small", palette.ink_soft, (area.x, y), "topleft", area)
            y += theme.line_height("small")
        bar = pygame.Rect(area.x, area.bottom - theme.px(9), area.w, theme.px(9))
        share = _share(self.tension_shown, tension.minimum, tension.maximum)
        pygame.draw.rect(surface, palette.paper_deep, bar, border_radius=theme.px(4))
        if share > 0:
            pygame.draw.rect(surface, palette.defcon[5 - self.level], (bar.x, bar.y, max(bar.h, round(bar.w * share)), bar.h),
                             border_radius=theme.px(4))
        pygame.draw.rect(surface, palette.panel_edge, bar, 1, border_radius=theme.px(4))

    def spoken(self) -> str:
        said = f"{self.title} {self.level}"
        if self.tension is not None:
            said += f". {self.tension.label}: {number(self.tension.value)}"
        return said

    def texts(self) -> list[str]:
        shown = [f"{self.title} {self.level}", LEVEL_WORDS[self.level]]  # in English: what tests look for
        if self.tension is not None:
            shown += [self.tension.label, number(self.tension.value)]
        return shown


# --- a bar per variable ----------------------------------------------------------------------------------
def _value_width(theme: Theme, minimum: float, maximum: float, with_change: bool) -> int:
    """Room for the figures at the right: the widest value the bar can show, and a change beside it."""
    minimum, maximum = finite(minimum), finite(maximum)
    widest = max(theme.measure(number(v), "small_bold") for v in (minimum, maximum, round(minimum), round(maximum)))
    if with_change:
        span = abs(maximum - minimum)
        widest += theme.px(8) + theme.measure(change_text(finite(span)), "small_bold")
    return widest


def meter_height(theme: Theme, width: int, label: str, minimum: float, maximum: float, with_change: bool) -> int:
    """The height of a bar: its name on as many lines as it needs beside the figures, then the bar."""
    room = width - _value_width(theme, minimum, maximum, with_change) - theme.px(8)
    with theme.measuring():
        lines = len(theme.wrap(label, "small", max(1, room)))
    return lines * theme.line_height("small") + theme.px(12)


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

    def settle(self) -> None:
        self.shown = self.value

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        palette = theme.palette
        rect = self.rect
        delta = self.value - self.start
        value_text = number(round(self.shown) if abs(self.shown - self.value) > 0.01 else self.value)
        right = theme.draw_text(surface, value_text, "small_bold", palette.ink, (rect.right, rect.y), "topright", rect)
        if delta:
            colour = palette.rise if delta > 0 else palette.fall
            theme.draw_text(surface, change_text(delta), "small_bold", colour, (right.x - theme.px(8), rect.y), "topright", rect)
        room = rect.w - _value_width(theme, self.minimum, self.maximum, bool(delta)) - theme.px(8)
        y = rect.y
        for line in theme.wrap(self.label, "small", max(1, room)):
            theme.draw_text(surface, line, "small", palette.ink_soft, (rect.x, y), "topleft", rect)
            y += theme.line_height("small")
        bar = pygame.Rect(rect.x, rect.bottom - theme.px(9), rect.w, theme.px(9))
        pygame.draw.rect(surface, palette.paper_deep, bar, border_radius=theme.px(4))
        share = _share(self.shown, self.minimum, self.maximum)
        if share > 0:
            pygame.draw.rect(surface, self.colour or palette.ink_soft, (bar.x, bar.y, max(bar.h, round(bar.w * share)), bar.h),
                             border_radius=theme.px(4))
        pygame.draw.rect(surface, palette.panel_edge, bar, 1, border_radius=theme.px(4))

    def texts(self) -> list[str]:
        return [self.label, number(self.value)]

    def spoken(self) -> str:
        return f"{self.label}: {number(self.value)}"


def _share(value: float, minimum: float, maximum: float) -> float:
    """Where ``value`` stands between the bounds, from 0 to 1 (0 for anything that is not a finite number)."""
    span = maximum - minimum
    if not (math.isfinite(value) and math.isfinite(span)) or span <= 0:
        return 0.0
    return min(1.0, max(0.0, (value - minimum) / span))


def _toward(colour: Colour, other: Colour) -> Colour:
    """A third of the way from ``colour`` to ``other``: a level already passed, faded."""
    red, green, blue = ((c + 2 * p) // 3 for c, p in zip(colour, other))
    return red, green, blue
