"""The title: the game's name over a painting, and the way in."""

from __future__ import annotations

import pygame

from game.engine.saves import SaveError
from game.ui import flow, layout
from game.ui.match import autosave_path, can_continue, load_match
from game.ui.scenes.base import Scene
from game.ui.widgets.base import blit_text
from game.ui.widgets.button import Button

SUBTITLE = "A crisis decision game \u2014 October 1962"


class TitleScene(Scene):
    def build(self, size) -> None:
        theme = self.theme
        width, height = size
        m = layout.margin(theme)
        self.can_continue = can_continue()
        button_w = theme.px(300)
        button_h = theme.px(46)
        gap = theme.px(10)
        items = [
            ("Continue", self.continue_game, self.can_continue),
            ("New game", self.new_game, True),
            ("Host a class", lambda: self.app.push("projector"), True),
            ("Load", lambda: self.app.push("load"), True),
            ("Scenarios", lambda: self.app.push("scenarios"), True),
            ("Settings", lambda: self.app.push("settings"), True),
            ("Quit", self.app.quit, True),
        ]
        x = m * 3
        y = round(height * 0.38)
        for index, (label, action, enabled) in enumerate(items):
            kind = "primary" if (label == "Continue" and enabled) or (label == "New game" and not self.can_continue) else "secondary"
            rect = pygame.Rect(x, y + index * (button_h + gap), button_w, button_h)
            self.add(Button(rect, label, action, kind=kind, enabled=enabled))

    def first_focus(self):
        return next((w for w in self.widgets if w.can_focus), None)

    def paint_static(self, surface: pygame.Surface) -> None:
        theme = self.theme
        palette = theme.palette
        width, height = self.app.size
        surface.blit(self.app.art.title((width, height)), (0, 0))
        m = layout.margin(theme)
        # a paper band down the left, where the name and the menu stand
        band = pygame.Surface((theme.px(610), height), pygame.SRCALPHA)
        band.fill((*palette.paper, 222))
        surface.blit(band, (m * 2 - theme.px(10), 0))
        pygame.draw.line(surface, palette.panel_edge, (m * 2 - theme.px(10) + band.get_width(), 0),
                         (m * 2 - theme.px(10) + band.get_width(), height), max(1, theme.px(1)))
        name = blit_text(surface, theme, "Brinkmanship", "display", palette.ink, (m * 3 - theme.px(4), round(height * 0.12)))
        blit_text(surface, theme, SUBTITLE, "italic", palette.ink_soft, (m * 3, name.bottom + theme.px(2)))
        pygame.draw.line(surface, palette.accent, (m * 3, name.bottom + theme.px(40)),
                         (m * 3 + theme.px(300), name.bottom + theme.px(40)), max(1, theme.px(2)))
        hint = "Arrows or Tab to move, Enter to choose"
        blit_text(surface, theme, hint, "small", palette.ink_soft, (m * 3, height - m * 2), "bottomleft")

    def static_texts(self) -> list[str]:
        return ["Brinkmanship", SUBTITLE]

    def new_game(self) -> None:
        self.app.push("setup")

    def continue_game(self) -> None:
        try:
            match = load_match(autosave_path(), self.app.scenario_cache)
        except SaveError as error:
            self.app.notify(f"Cannot continue: {error}")
            return
        flow.continue_match(self.app, match)

    def on_key(self, event) -> bool:
        if event.key == pygame.K_ESCAPE:
            return True  # the title is the bottom of the stack: Quit is a menu item, not Escape
        return False

    def resume(self) -> None:
        if self._layout_for is not None and can_continue() != getattr(self, "can_continue", False):
            self.relayout()
        super().resume()
