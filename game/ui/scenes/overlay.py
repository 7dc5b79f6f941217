"""Overlays: a panel over the scene below, which stays visible behind a veil."""

from __future__ import annotations

import pygame

from game.ui import layout
from game.ui.scenes.base import Scene
from game.ui.widgets.base import panel
from game.ui.widgets.button import Button, button_height, button_width


class Overlay(Scene):
    """A panel over the scene below, which stays visible behind a veil."""

    opaque = True  # it draws the scene below itself, from a picture taken when it opened
    title = ""  # in English; shown in the player's language

    @property
    def shown_title(self) -> str:
        return self.app.words.gettext(self.title) if self.title else ""

    def spoken_title(self) -> str:
        return self.shown_title

    def title_style(self, width: int) -> str:
        return self.theme.wrapping_style(self.shown_title, ("title", "heading", "subheading", "small"), width)

    def title_lines(self, width: int) -> list[str]:
        return self.theme.wrap(self.shown_title, self.title_style(width), width)

    def header_height(self, width: int | None = None) -> int:
        """Room above the first button for the title (on as many lines as it needs)."""
        theme = self.theme
        width = width if width is not None else (self.box.w - theme.px(40) if hasattr(self, "box") else theme.px(440))
        return theme.px(16) + len(self.title_lines(width)) * theme.line_height(self.title_style(width)) + theme.px(10)

    def panel_rect(self, size, labels: list[str], hints: list[str] | None = None) -> pygame.Rect:
        """A panel wide enough for its widest button (or the title's longest word) and tall enough for them all."""
        theme = self.theme
        hints = hints or [""] * len(labels)
        m = layout.margin(theme)
        widest = max([button_width(theme, label, "button", hint) for label, hint in zip(labels, hints)]
                     + [theme.px(400)])
        width = min(size[0] - 2 * m, widest + theme.px(80))
        height = self.header_height(width - theme.px(40)) + theme.px(14) + len(labels) * (button_height(theme) + theme.px(10))
        return layout.centered(size, width, min(size[1] - 2 * m, height))

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.backdrop(surface.get_size()), (0, 0))
        ledger = self.theme.ledger
        if ledger is not None:
            with ledger.owned_by("static"):
                ledger.replay(self._backdrop_texts)
        self.draw_widgets(surface)

    def backdrop(self, size) -> pygame.Surface:
        """The scene below as it stood when this panel opened, veiled, with the panel and its title on it.

        Drawn once per layout: the game below waits while a menu is open, so one opaque blit a
        frame replaces drawing it again and blending a full-window veil over it every frame.
        """
        key = (size, self._layout_for, tuple(self.box))
        if getattr(self, "_backdrop_for", None) != key:
            theme = self.theme
            ledger = theme.ledger
            backdrop = pygame.Surface(size)
            scenes = self.app.scenes
            below = scenes[scenes.index(self) - 1] if self in scenes and scenes.index(self) > 0 else None
            if below is not None:
                if ledger is not None:
                    with ledger.capture():  # veiled: the words below are not read through the panel
                        below.draw(backdrop)
                else:
                    below.draw(backdrop)
            else:
                backdrop.fill(theme.palette.paper)
            veil = pygame.Surface(size, pygame.SRCALPHA)
            veil.fill((30, 24, 16, 150))
            backdrop.blit(veil, (0, 0))
            panel(backdrop, self.box, theme)
            self._backdrop_texts = []
            if ledger is not None:
                with ledger.capture() as drawn:
                    self.paint_title(backdrop)
                self._backdrop_texts = drawn
            else:
                self.paint_title(backdrop)
            self._backdrop, self._backdrop_for = backdrop, key
        return self._backdrop

    def paint_title(self, surface: pygame.Surface) -> None:
        theme = self.theme
        y = self.box.y + theme.px(16)
        width = self.box.w - theme.px(40)
        style = self.title_style(width)
        for line in self.title_lines(width):
            theme.draw_text(surface, line, style, theme.palette.ink, (self.box.centerx, y), "midtop", self.box)
            y += theme.line_height(style)

    def static_texts(self) -> list[str]:
        return [self.title]

    def stack_buttons(self, items, hints: list[str] | None = None) -> None:
        """A column of buttons under the title: (label, action, enabled) each, or (label, action, enabled,
        name) where the label is in the player's language and the name stays the same in every one."""
        theme = self.theme
        self.box = self.panel_rect(self.app.size, [item[0] for item in items], hints)
        y = self.box.y + self.header_height()
        button_h = button_height(theme)
        for label, action, enabled, *name in items:
            rect = pygame.Rect(self.box.x + theme.px(40), y, self.box.w - theme.px(80), button_h)
            self.add(Button(rect, label, action, enabled=enabled, name=name[0] if name else ""))
            y += button_h + theme.px(10)

    def back(self) -> bool:
        self.app.pop()
        return True
