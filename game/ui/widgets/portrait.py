"""Portraits: an oval painting (or initials on a wash until it is painted), and the advisor chip."""

from __future__ import annotations

import pygame

from game.art.catalog import FACE_WINDOW
from game.ui.theme import Theme
from game.ui.widgets.base import Widget, focus_ring, initials, leaning_mark


def portrait_surface(art, theme: Theme, scenario_id: str, person_id: str, name: str, size: int) -> pygame.Surface:
    """A round portrait with a thin frame, ready to blit: the head and collar, not the whole bust."""
    image, placeholder = art.portrait(scenario_id, person_id, (size, size), window=FACE_WINDOW)
    round_image = pygame.Surface((size, size), pygame.SRCALPHA)
    mask = pygame.Surface((size, size), pygame.SRCALPHA)
    pygame.draw.ellipse(mask, (255, 255, 255, 255), mask.get_rect())
    round_image.blit(image, (0, 0))
    round_image.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    if placeholder:
        style = "title" if size >= theme.px(70) else ("heading" if size >= theme.px(56) else "subheading")
        styles = ("title", "heading", "subheading", "small_bold")
        # at a large text size the usual face would spill out of the oval: step down until it fits
        style = next((s for s in styles[styles.index(style):] if theme.measure(initials(name), s) <= size * 0.8), "small_bold")
        letters = theme.text(initials(name), style, theme.palette.ink_soft)
        round_image.blit(letters, letters.get_rect(center=(size // 2, size // 2)))
    pygame.draw.ellipse(round_image, theme.palette.panel_edge, round_image.get_rect(), max(1, theme.px(2)))
    return round_image


def chip_height(theme: Theme, portrait: int, name_lines: int) -> int:
    """A chip's height: the portrait, then its name on one of ``name_lines`` staggered lines."""
    return portrait + theme.px(6) + name_lines * theme.line_height("small")


class AdvisorChip(Widget):
    """An advisor: portrait, leaning badge and name; activating it asks for their advice.

    On a crowded row the names take turns on two lines (``stagger``), so each may run as wide as
    two chips; the day screen chooses how many chips a row holds so that every name is whole.
    """

    def __init__(self, rect, portrait: pygame.Surface, name: str, office: str, leaning: str,
                 on_activate=None, selected: bool = False, silent: bool = False, stagger: int = 0,
                 full_name: str = "", widget_name: str = ""):
        super().__init__(rect, on_activate, True, widget_name or name)
        self.advice_index: int | None = None  # which of the day's advice it asks for, set by the day screen
        self.portrait = portrait
        self.person = name  # the short name shown under the portrait
        self.full_name = full_name or name
        self.office = office
        self.leaning = leaning
        self.selected = selected
        self.silent = silent
        self.stagger = stagger

    def name_box(self) -> pygame.Rect:
        """Where the name may run: a staggered name has its neighbours' empty line beside it."""
        spill = self.rect.w // 2
        return pygame.Rect(self.rect.x - spill, self.rect.y, self.rect.w + 2 * spill, self.rect.h)

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        """The chip from a picture made once per look (the 1962 table seats a dozen advisors)."""
        state = (self.rect.size, self.hovered or self.pressed, self.selected, self.stagger, id(theme))
        spill = self.rect.w // 2
        ledger = theme.ledger
        if getattr(self, "_face_for", None) != state:
            face = pygame.Surface((self.rect.w + 2 * spill, self.rect.h), pygame.SRCALPHA)
            if ledger is None:
                self._paint(face, theme, pygame.Rect(spill, 0, self.rect.w, self.rect.h))
                self._texts = []
            else:
                with ledger.capture() as drawn:
                    self._paint(face, theme, pygame.Rect(spill, 0, self.rect.w, self.rect.h))
                self._texts = drawn
            self._face, self._face_for = face, state
        surface.blit(self._face, (self.rect.x - spill, self.rect.y))
        if ledger is not None:
            ledger.replay(self._texts, (self.rect.x - spill, self.rect.y))
        if self.focused:
            focus_ring(surface, self.rect, theme, theme.px(8))

    def _paint(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect) -> None:
        palette = theme.palette
        radius = theme.px(8)
        picture = self.portrait.get_rect(midtop=(rect.centerx, rect.y + theme.px(4)))
        y = picture.bottom + theme.px(2) + self.stagger * theme.line_height("small")
        if self.selected or self.hovered or self.pressed:
            # Two marks, the face and its own name, never one box down the column: the neighbours'
            # names run on the other line through this chip's column and must stay unframed.
            name_width = min(theme.measure(self.person, "small"), 2 * rect.w) + theme.px(10)
            name_tag = pygame.Rect(0, 0, name_width, theme.line_height("small") + theme.px(2))
            name_tag.midtop = (rect.centerx, y - theme.px(1))
            for box in (picture.inflate(theme.px(8), theme.px(8)), name_tag):
                pygame.draw.rect(surface, palette.hover if not self.selected else (250, 242, 224), box,
                                 border_radius=radius)
                if self.selected:
                    pygame.draw.rect(surface, palette.accent, box, theme.px(2), border_radius=radius)
        surface.blit(self.portrait, picture)
        if self.leaning:
            mark_colour = palette.leaning.get(self.leaning, palette.ink_soft)
            badge = pygame.Rect(0, 0, theme.px(22), theme.px(22))
            badge.center = (picture.right - theme.px(6), picture.bottom - theme.px(6))
            pygame.draw.ellipse(surface, palette.panel, badge)
            pygame.draw.ellipse(surface, mark_colour, badge, max(1, theme.px(1.5)))
            leaning_mark(surface, self.leaning, badge.center, theme.px(10), mark_colour)
        box = pygame.Rect(rect.x - rect.w // 2, 0, rect.w * 2, surface.get_height())
        theme.draw_text(surface, self.person, "small", palette.ink, (rect.centerx, y), "midtop", box)

    def texts(self) -> list[str]:
        return [self.person, self.full_name, self.office, self.leaning]


def briefing_picture(theme: Theme, size: int) -> pygame.Surface:
    """A folded paper in a round frame: the morning's briefing, beside the advisors' faces."""
    picture = pygame.Surface((size, size), pygame.SRCALPHA)
    palette = theme.palette
    pygame.draw.ellipse(picture, palette.paper_deep, picture.get_rect())
    page = pygame.Rect(0, 0, round(size * 0.46), round(size * 0.58))
    page.center = (size // 2, size // 2)
    pygame.draw.rect(picture, palette.panel, page)
    pygame.draw.rect(picture, palette.ink_soft, page, max(1, theme.px(1.5)))
    for row in range(4):
        y = page.y + round(page.h * (0.22 + row * 0.18))
        right = page.right - round(page.w * (0.18 if row < 3 else 0.45))
        pygame.draw.line(picture, palette.ink_faint, (page.x + round(page.w * 0.18), y), (right, y), max(1, theme.px(1.5)))
    pygame.draw.ellipse(picture, palette.panel_edge, picture.get_rect(), max(1, theme.px(2)))
    return picture
