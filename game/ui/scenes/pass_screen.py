"""The cover between two players at one screen, so neither sees the other's orders."""

from __future__ import annotations

import pygame

from game.ui import layout
from game.ui.scenes.base import Scene
from game.ui.widgets.base import blit_lines, blit_text
from game.ui.widgets.button import Button
from game.ui.widgets.portrait import portrait_surface


class PassScreen(Scene):
    """Covers the screen between two players, so neither sees the other's orders."""

    def __init__(self, app, match, role: str):
        super().__init__(app)
        self.match = match
        self.role = role

    def build(self, size) -> None:
        theme = self.theme
        scenario = self.match.scenario
        name = scenario.roles[self.role].name
        self.portrait = portrait_surface(self.app.art, theme, scenario.id, self.role, name, theme.px(140))
        rect = pygame.Rect(0, 0, theme.px(520), theme.px(54))
        rect.center = (size[0] // 2, round(size[1] * 0.76))
        self.ready = self.add(Button(rect, f"I am {name.split()[-1]}: show my desk", self.proceed, kind="primary", hint="Enter",
                                     name="ready"))
        menu = pygame.Rect(0, 0, theme.px(140), theme.px(40))
        menu.topright = (size[0] - layout.margin(theme), layout.margin(theme))
        self.add(Button(menu, "Menu", self.menu, hint="Esc"))

    def first_focus(self):
        return self.ready

    def paint_static(self, surface: pygame.Surface) -> None:
        theme = self.theme
        palette = theme.palette
        width, height = self.app.size
        scenario = self.match.scenario
        role = scenario.roles[self.role]
        surface.blit(self.portrait, self.portrait.get_rect(center=(width // 2, round(height * 0.3))))
        blit_text(surface, theme, f"Pass the screen to {role.name}", "title", palette.ink,
                  (width // 2, round(height * 0.3) + theme.px(86)), "midtop")
        lines = theme.wrap(f"{role.name}'s orders are secret. Press Enter or click when only {role.name.split()[-1]} "
                           "can see the screen.", "body", theme.px(640))
        blit_lines(surface, theme, lines, "body", palette.ink_soft, width // 2 - theme.px(320),
                   round(height * 0.3) + theme.px(140), align="center", width=theme.px(640))

    def static_texts(self) -> list[str]:
        return [f"Pass the screen to {self.match.scenario.roles[self.role].name}"]

    def proceed(self) -> None:
        self.app.reset("briefing", match=self.match, role=self.role)

    def menu(self) -> None:
        self.app.push("pause", match=self.match)

    def back(self) -> bool:
        self.menu()
        return True
