"""A choice as a card: its number (the key that picks it), label, short text, and what it will move.

"Moves" names the variables and flags the order changes, never which way: judging that is the
player's work.
"""

from __future__ import annotations

import pygame

from game.ui.theme import Theme
from game.ui.widgets.base import Widget, blit_lines, focus_ring


class ChoiceCard(Widget):
    def __init__(self, rect, number: int, label: str, text: str, moves: list[str], on_activate=None,
                 selected: bool = False, name: str = ""):
        super().__init__(rect, on_activate, True, name or label)
        self.number = number
        self.label = label
        self.text = text
        self.moves = moves
        self.selected = selected
        self.recommended_by: str = ""  # the advisor being heard recommends this one

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        """The card from a picture made once per look (a busy day draws a dozen cards every frame)."""
        state = (self.rect.size, self.hovered or self.pressed, self.selected, self.recommended_by, id(theme))
        if getattr(self, "_face_for", None) != state:
            face = pygame.Surface((self.rect.w, self.rect.h + theme.px(3)), pygame.SRCALPHA)
            self._paint(face, theme, face.get_rect(h=self.rect.h))
            self._face, self._face_for = face, state
        surface.blit(self._face, self.rect.topleft)
        if self.focused:
            focus_ring(surface, self.rect, theme, theme.px(8))

    def _paint(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect) -> None:
        palette = theme.palette
        radius = theme.px(8)
        fill = palette.hover if (self.hovered or self.pressed) else palette.panel
        if self.selected:
            fill = (252, 246, 232)
        pygame.draw.rect(surface, palette.paper_deep, rect.move(0, theme.px(3)), border_radius=radius)
        pygame.draw.rect(surface, fill, rect, border_radius=radius)
        edge = palette.accent if self.selected else palette.panel_edge
        pygame.draw.rect(surface, edge, rect, theme.px(3) if self.selected else max(1, theme.px(1.2)), border_radius=radius)
        pad = theme.px(8)
        # the number, in a seal at the left: the key that chooses this card
        seal = pygame.Rect(rect.x + pad, rect.y + pad, theme.px(30), theme.px(30))
        pygame.draw.ellipse(surface, palette.accent if self.selected else palette.paper_deep, seal)
        digit = theme.text(str(self.number), "subheading", palette.accent_ink if self.selected else palette.ink)
        surface.blit(digit, digit.get_rect(center=seal.center))
        x = seal.right + pad
        width = rect.right - pad - x
        y = rect.y + pad - theme.px(3)
        moves_h = theme.line_height("small") if self.moves else 0
        title_room = max(1, min(2, (rect.bottom - pad - moves_h - y) // theme.line_height("subheading")))
        title_lines = theme.wrap(self.label, "subheading", width)
        if len(title_lines) > title_room:
            title_lines = title_lines[:title_room - 1] + [theme.fit(" ".join(title_lines[title_room - 1:]), "subheading", width)]
        y = blit_lines(surface, theme, title_lines, "subheading", palette.ink, x, y)
        room = rect.bottom - pad - moves_h - y
        lines = theme.wrap(self.text, "small", width) if self.text else []
        fits = max(0, (room + theme.px(10)) // theme.line_height("small"))  # a line may reach into the moves line's leading
        shown = lines[:fits]
        if len(lines) > fits and shown:
            shown[-1] = theme.fit(shown[-1] + " \u2026", "small", width)
        blit_lines(surface, theme, shown, "small", palette.ink_soft, x, y)
        if self.moves:
            moves = theme.fit("Moves: " + " \u00b7 ".join(self.moves), "small", rect.right - pad - (rect.x + pad))
            surface.blit(theme.text(moves, "small", palette.ink_faint), (rect.x + pad, rect.bottom - pad - moves_h + theme.px(2)))
        if self.recommended_by:
            note = theme.text(f"advised by {self.recommended_by}", "small_bold", palette.accent)
            surface.blit(note, note.get_rect(topright=(rect.right - pad, rect.y + theme.px(2))))

    def texts(self) -> list[str]:
        return [self.label, self.text, *self.moves]
