"""Overlays: a panel over the scene below, which stays visible behind a veil."""

from __future__ import annotations

import pygame

from game.ui import layout
from game.ui.scenes.base import Scene
from game.ui.widgets.base import blit_text, panel
from game.ui.widgets.button import Button


class Overlay(Scene):
    """A panel over the scene below, which stays visible behind a veil."""

    opaque = False
    title = ""

    def panel_rect(self, size, rows: int) -> pygame.Rect:
        theme = self.theme
        height = theme.px(90) + rows * theme.px(56)
        return layout.centered(size, theme.px(480), height)

    def draw(self, surface: pygame.Surface) -> None:
        if getattr(self, "_veil", None) is None or self._veil.get_size() != surface.get_size():
            self._veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            self._veil.fill((30, 24, 16, 150))
        surface.blit(self._veil, (0, 0))
        theme = self.theme
        panel(surface, self.box, theme)
        blit_text(surface, theme, self.title, "title", theme.palette.ink, (self.box.centerx, self.box.y + theme.px(16)), "midtop")
        self.draw_widgets(surface)

    def static_texts(self) -> list[str]:
        return [self.title]

    def stack_buttons(self, items) -> None:
        theme = self.theme
        self.box = self.panel_rect(self.app.size, len(items))
        y = self.box.y + theme.px(76)
        for label, action, enabled in items:
            rect = pygame.Rect(self.box.x + theme.px(40), y, self.box.w - theme.px(80), theme.px(46))
            self.add(Button(rect, label, action, enabled=enabled))
            y += theme.px(56)

    def back(self) -> bool:
        self.app.pop()
        return True
