"""Overlays: a panel over the scene below, which stays visible behind a veil."""

from __future__ import annotations

import pygame

from game.ui import layout
from game.ui.scenes.base import Scene
from game.ui.widgets.base import blit_text, panel
from game.ui.widgets.button import Button


class Overlay(Scene):
    """A panel over the scene below, which stays visible behind a veil."""

    opaque = True  # it draws the scene below itself, from a picture taken when it opened
    title = ""

    def header_height(self) -> int:
        """Room above the first button for the title, which grows with the text size."""
        theme = self.theme
        return max(theme.px(76), theme.px(22) + theme.line_height("title"))

    def panel_rect(self, size, rows: int) -> pygame.Rect:
        theme = self.theme
        height = self.header_height() + theme.px(14) + rows * theme.px(56)
        return layout.centered(size, theme.px(480), height)

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.backdrop(surface.get_size()), (0, 0))
        self.draw_widgets(surface)

    def backdrop(self, size) -> pygame.Surface:
        """The scene below as it stood when this panel opened, veiled, with the panel and its title on it.

        Drawn once per layout: the game below waits while a menu is open, so one opaque blit a
        frame replaces drawing it again and blending a full-window veil over it every frame.
        """
        key = (size, self._layout_for, tuple(self.box))
        if getattr(self, "_backdrop_for", None) != key:
            backdrop = pygame.Surface(size)
            scenes = self.app.scenes
            below = scenes[scenes.index(self) - 1] if self in scenes and scenes.index(self) > 0 else None
            if below is not None:
                below.draw(backdrop)
            else:
                backdrop.fill(self.theme.palette.paper)
            veil = pygame.Surface(size, pygame.SRCALPHA)
            veil.fill((30, 24, 16, 150))
            backdrop.blit(veil, (0, 0))
            theme = self.theme
            panel(backdrop, self.box, theme)
            blit_text(backdrop, theme, self.title, "title", theme.palette.ink,
                      (self.box.centerx, self.box.y + theme.px(16)), "midtop")
            self._backdrop, self._backdrop_for = backdrop, key
        return self._backdrop

    def static_texts(self) -> list[str]:
        return [self.title]

    def stack_buttons(self, items) -> None:
        theme = self.theme
        self.box = self.panel_rect(self.app.size, len(items))
        y = self.box.y + self.header_height()
        for label, action, enabled in items:
            rect = pygame.Rect(self.box.x + theme.px(40), y, self.box.w - theme.px(80), theme.px(46))
            self.add(Button(rect, label, action, enabled=enabled))
            y += theme.px(56)

    def back(self) -> bool:
        self.app.pop()
        return True
