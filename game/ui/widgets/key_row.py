"""A row of the keys page: what an action does at the left, its key on a keycap at the right."""

from __future__ import annotations

import pygame

from game.ui.theme import Theme
from game.ui.widgets.base import Widget, focus_ring


def _keycap_width(theme: Theme, key: str) -> int:
    return max(theme.px(70), theme.measure(key, "small_bold") + theme.px(24))


def key_row_height(theme: Theme, width: int, label: str, key: str) -> int:
    """The height that shows the action's words whole beside its keycap."""
    pad = theme.px(10)
    with theme.measuring():
        lines = len(theme.wrap(label, "body", max(1, width - _keycap_width(theme, key) - 3 * pad)))
    return max(theme.px(44), lines * theme.line_height("body") + 2 * pad // 2 + theme.px(8))


class KeyRow(Widget):
    def __init__(self, rect, label: str, key: str, on_activate=None, listening: bool = False, name: str = ""):
        super().__init__(rect, on_activate, True, name or label)
        self.label = label
        self.key_label = key  # the key's name, or "press a key" while waiting for one
        self.listening = listening

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        palette = theme.palette
        rect = self.rect
        radius = theme.px(6)
        fill = palette.hover if (self.hovered or self.pressed or self.listening) else palette.panel
        pygame.draw.rect(surface, fill, rect, border_radius=radius)
        pygame.draw.rect(surface, palette.accent if self.listening else palette.panel_edge, rect,
                         theme.px(3 if self.listening else 1), border_radius=radius)
        pad = theme.px(10)
        cap = pygame.Rect(0, 0, _keycap_width(theme, self.key_label), theme.line_height("small_bold") + theme.px(8))
        cap.midright = (rect.right - pad, rect.centery)
        cap_fill = palette.accent if self.listening else palette.paper
        pygame.draw.rect(surface, cap_fill, cap, border_radius=theme.px(5))
        pygame.draw.rect(surface, palette.ink_soft, cap, max(1, theme.px(1.5)), border_radius=theme.px(5))
        ink = palette.accent_ink if self.listening else palette.ink
        theme.draw_text(surface, self.key_label, "small_bold", ink, cap.center, "center", cap)
        lines = theme.wrap(self.label, "body", max(1, cap.x - rect.x - 2 * pad))
        step = theme.line_height("body")
        y = rect.centery - len(lines) * step // 2
        for line in lines:
            theme.draw_text(surface, line, "body", palette.ink, (rect.x + pad, y), "topleft", rect)
            y += step
        if self.focused:
            focus_ring(surface, rect, theme, radius)

    def texts(self) -> list[str]:
        return [self.label, self.key_label]
