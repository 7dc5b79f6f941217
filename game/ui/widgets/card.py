"""A choice as a card: its number (the key that picks it) and its whole label.

The card shows only what a player scans; the choice's full text and everything it will move
are read in the day screen's reading pane when the card has the focus, the pointer or the
mark. The label wraps to as many lines as it needs: the layout asks ``card_height``.
A card recommended by an advisor the player has heard carries a ribbon in its corner.
"""

from __future__ import annotations

import pygame

from game.ui.theme import Theme
from game.ui.widgets.base import Widget, focus_ring


def _geometry(theme: Theme, width: int) -> tuple[int, int, int, int]:
    """Padding, the seal's size, where the label starts, and how wide it may run."""
    pad = theme.px(8)
    seal = max(theme.px(28), theme.line_height("subheading") - theme.px(6))
    x = pad + seal + pad
    ribbon = theme.px(16)
    return pad, seal, x, max(1, width - x - pad - ribbon)


def card_height(theme: Theme, width: int, label: str) -> int:
    """The height that shows the whole label (and the seal) at this width."""
    pad, seal, _, room = _geometry(theme, width)
    with theme.measuring():
        lines = len(theme.wrap(label, "subheading", room))
    return max(seal, lines * theme.line_height("subheading")) + 2 * pad


class ChoiceCard(Widget):
    def __init__(self, rect, number: int, label: str, on_activate=None, selected: bool = False, name: str = "",
                 recommended: bool = False):
        super().__init__(rect, on_activate, True, name or label)
        self.choice_id = ""  # the choice it gives, set by the day screen
        self.number = number
        self.label = label
        self.selected = selected
        self.recommended = recommended  # an advisor the player heard recommends it

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        """The card from a picture made once per look (a busy day draws a dozen cards every frame)."""
        state = (self.rect.size, self.hovered or self.pressed, self.selected, self.recommended, id(theme))
        ledger = theme.ledger
        if getattr(self, "_face_for", None) != state:
            face = pygame.Surface((self.rect.w, self.rect.h + theme.px(3)), pygame.SRCALPHA)
            if ledger is None:
                self._paint(face, theme, face.get_rect(h=self.rect.h))
                self._texts = []
            else:
                with ledger.capture() as drawn:
                    self._paint(face, theme, face.get_rect(h=self.rect.h))
                self._texts = drawn
            self._face, self._face_for = face, state
        surface.blit(self._face, self.rect.topleft)
        if ledger is not None:
            ledger.replay(self._texts, self.rect.topleft)
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
        pad, size, x, room = _geometry(theme, rect.w)
        # the number, in a seal at the left: the key that chooses this card
        seal = pygame.Rect(rect.x + pad, rect.y + pad, size, size)
        pygame.draw.ellipse(surface, palette.accent if self.selected else palette.paper_deep, seal)
        digit = str(self.number)
        style = "subheading" if theme.measure(digit, "subheading") <= size else "small_bold"
        theme.draw_text(surface, digit, style, palette.accent_ink if self.selected else palette.ink, seal.center, "center", rect)
        y = rect.y + pad
        for line in theme.wrap(self.label, "subheading", room):
            theme.draw_text(surface, line, "subheading", palette.ink, (rect.x + x, y), "topleft", rect)
            y += theme.line_height("subheading")
        if self.recommended:  # a ribbon folded over the corner: an advisor you heard recommends it
            corner = theme.px(16)
            points = [(rect.right - corner - theme.px(4), rect.y), (rect.right - theme.px(4), rect.y),
                      (rect.right - theme.px(4), rect.y + corner)]
            pygame.draw.polygon(surface, palette.accent, points)

    def texts(self) -> list[str]:
        return [self.label]

    def spoken(self) -> str:
        return f"{self.number}. {self.label}"

