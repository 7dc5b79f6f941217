"""The calendar strip: every date of the scenario, decision days marked, today lit, the past crossed."""

from __future__ import annotations

import datetime

import pygame

from game.ui.theme import Theme
from game.ui.widgets.base import Widget


def calendar_height(theme: Theme) -> int:
    """The strip's height: a date in bold and the mark under it."""
    return theme.line_height("small_bold") + theme.px(8)


def cell_width(theme: Theme) -> int:
    """A date's cell: the widest two-digit day, with a little air."""
    return max(theme.px(32), theme.measure("30", "small_bold") + theme.px(10))


class CalendarStrip(Widget):
    focusable = False

    def __init__(self, rect, first: str, last: str, decision_dates: list[str], today: str, played: set[str]):
        super().__init__(rect, None, True, "calendar")
        start = datetime.date.fromisoformat(first)
        end = datetime.date.fromisoformat(last)
        self.dates = [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]
        self.all_dates = self.dates
        self.decisions = set(decision_dates)
        self.today = today
        self.played = played
        self._layer: pygame.Surface | None = None

    def _visible(self, theme: Theme) -> None:
        """As many dates as fit at a legible width, today a third of the way in."""
        fits = max(1, self.rect.w // cell_width(theme))
        dates = self.all_dates
        if len(dates) <= fits:
            self.dates = dates
            return
        today = next((i for i, d in enumerate(dates) if d.isoformat() == self.today), 0)
        first = min(max(0, today - fits // 3), len(dates) - fits)
        self.dates = dates[first:first + fits]

    def _render(self, theme: Theme) -> pygame.Surface:
        palette = theme.palette
        self._visible(theme)
        layer = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        count = max(1, len(self.dates))
        cell_w = self.rect.w / count
        today_date = datetime.date.fromisoformat(self.today) if self.today else None
        for index, date in enumerate(self.dates):
            x = round(index * cell_w)
            cell = pygame.Rect(x + 1, 0, round((index + 1) * cell_w) - x - 2, self.rect.h)
            iso = date.isoformat()
            is_today = iso == self.today
            past = today_date is not None and date < today_date
            decision = iso in self.decisions
            if is_today:
                pygame.draw.rect(layer, palette.accent, cell, border_radius=theme.px(4))
                ink = palette.accent_ink
            else:
                fill = palette.panel if decision else palette.paper
                pygame.draw.rect(layer, fill, cell, border_radius=theme.px(4))
                ink = palette.ink_faint if past else (palette.ink if decision else palette.ink_soft)
            theme.draw_text(layer, str(date.day), "small_bold" if decision else "small", ink,
                            (cell.centerx, cell.y), "midtop", cell)
            if decision:
                y = cell.bottom - theme.px(7)
                if iso in self.played:
                    pygame.draw.line(layer, ink, (cell.centerx - theme.px(5), y), (cell.centerx + theme.px(5), y), max(1, theme.px(2)))
                else:
                    pygame.draw.circle(layer, ink, (cell.centerx, y), theme.px(3))
            if past and not decision:
                pygame.draw.line(layer, palette.ink_faint, (cell.x + theme.px(4), cell.bottom - theme.px(5)),
                                 (cell.right - theme.px(4), cell.y + theme.px(5)), 1)
        return layer

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        ledger = theme.ledger
        if self._layer is None or self._layer.get_size() != self.rect.size:
            if ledger is None:
                self._layer, self._texts = self._render(theme), []
            else:
                with ledger.capture() as drawn:
                    self._layer = self._render(theme)
                self._texts = drawn
        surface.blit(self._layer, self.rect)
        if ledger is not None:
            ledger.replay(self._texts, self.rect.topleft)

    def texts(self) -> list[str]:
        return [self.today]
