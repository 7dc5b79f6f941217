"""Portraits: an oval painting (or initials on a wash until it is painted), and the advisor chip."""

from __future__ import annotations

import pygame

from game.ui.theme import Theme
from game.ui.widgets.base import Widget, focus_ring, initials, leaning_mark


def portrait_surface(art, theme: Theme, scenario_id: str, person_id: str, name: str, size: int) -> pygame.Surface:
    """A round portrait with a thin frame, ready to blit."""
    image, placeholder = art.portrait(scenario_id, person_id, (size, size))
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


class AdvisorChip(Widget):
    """An advisor: portrait, name, office and leaning; activating it asks for their advice."""

    def __init__(self, rect, portrait: pygame.Surface, name: str, office: str, leaning: str,
                 on_activate=None, selected: bool = False, silent: bool = False):
        super().__init__(rect, on_activate, True, name)
        self.portrait = portrait
        self.person = name
        self.office = office
        self.leaning = leaning
        self.selected = selected
        self.silent = silent
        self.stagger = 0  # on a crowded row, every other chip writes its name a line lower (set by the scene)

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        """The chip from a picture made once per look (the 1962 table seats a dozen advisors)."""
        state = (self.rect.size, self.hovered or self.pressed, self.selected, self.stagger, id(theme))
        spill = self.rect.w // 2  # a staggered name may reach over the neighbours' empty line
        if getattr(self, "_face_for", None) != state:
            face = pygame.Surface((self.rect.w + 2 * spill, self.rect.h), pygame.SRCALPHA)
            self._paint(face, theme, pygame.Rect(spill, 0, self.rect.w, self.rect.h))
            self._face, self._face_for = face, state
        surface.blit(self._face, (self.rect.x - spill, self.rect.y))
        if self.focused:
            focus_ring(surface, self.rect, theme, theme.px(8))

    def _paint(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect) -> None:
        palette = theme.palette
        radius = theme.px(8)
        if self.selected or self.hovered or self.pressed:
            pygame.draw.rect(surface, palette.hover if not self.selected else (250, 242, 224), rect, border_radius=radius)
        if self.selected:
            pygame.draw.rect(surface, palette.accent, rect, theme.px(2), border_radius=radius)
        picture = self.portrait.get_rect(midtop=(rect.centerx, rect.y + theme.px(4)))
        surface.blit(self.portrait, picture)
        mark_colour = palette.leaning.get(self.leaning, palette.ink_soft)
        badge = pygame.Rect(0, 0, theme.px(22), theme.px(22))
        badge.center = (picture.right - theme.px(6), picture.bottom - theme.px(6))
        pygame.draw.ellipse(surface, palette.panel, badge)
        pygame.draw.ellipse(surface, mark_colour, badge, max(1, theme.px(1.5)))
        leaning_mark(surface, self.leaning, badge.center, theme.px(10), mark_colour)
        width = rect.w - theme.px(6)
        y = picture.bottom + theme.px(2)
        surname = self.person.split()[-1] if self.person.split() else self.person
        # a crowded table (the 1962 ExComm) leaves each chip narrow: the names are staggered on two
        # lines, each with two chips' width, and the leaning word gives way to the badge, whose shape
        # and colour say it too
        narrow = width < theme.measure("moderate", "small")  # the same for every chip on the row
        style = "small" if narrow else "small_bold"
        if narrow:
            width = 2 * rect.w - theme.px(8)
            y += self.stagger * (theme.line_height("small") - theme.px(6))
        name = theme.text(theme.fit(surname, style, width), style, palette.ink)
        surface.blit(name, name.get_rect(midtop=(rect.centerx, y)))
        y += theme.line_height("small_bold") - theme.px(4)
        if not narrow:
            leaning = theme.text(self.leaning, "small", mark_colour)
            surface.blit(leaning, leaning.get_rect(midtop=(rect.centerx, y)))

    def texts(self) -> list[str]:
        return [self.person, self.office, self.leaning]
