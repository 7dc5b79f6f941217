"""The cover between two players at one screen, so neither sees the other's orders."""

from __future__ import annotations

import pygame

from game.text.describe import short_names
from game.ui.speech import sentences
from game.ui import layout
from game.ui.scenes.base import Scene
from game.ui.scenes.common import stakes
from game.ui.widgets.base import blit_lines
from game.ui.widgets.button import Button, button_height, button_width, label_lines
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
        role = scenario.roles[self.role]
        short = short_names(scenario, self.match.language)[self.role]
        name = self.match.t(role.name)
        _ = self.match.words
        m = layout.margin(theme)
        width = min(size[0] - 4 * m, theme.px(760))
        self.column = pygame.Rect((size[0] - width) // 2, 0, width, size[1])
        self.portrait = portrait_surface(self.app.art, theme, scenario.id, self.role, name, theme.px(140))
        self.title_lines = theme.wrap(_("Pass the screen to {name}", name=name), "title", width)
        self.body_lines = theme.wrap(_("{name}'s orders are secret. Press {key} or click when only {short} "
                                       "can see the screen.", name=name, short=short,
                                       key=self.app.keys.label("activate")), "body", width)
        label = _("I am {short}: show my desk", short=short)
        button_w = min(width, button_width(theme, label, "button", self.app.keys.label("activate")))
        button_h = button_height(theme, "button", label_lines(theme, label, button_w))
        height = (self.portrait.get_height() + theme.px(16) + len(self.title_lines) * theme.line_height("title")
                  + theme.px(8) + len(self.body_lines) * theme.line_height("body") + theme.px(28) + button_h)
        self.top = max(m * 3, (size[1] - height) // 2)
        rect = pygame.Rect(0, 0, button_w, button_h)
        rect.midbottom = (size[0] // 2, self.top + height)
        self.ready = self.add(Button(rect, label, self.proceed, kind="primary", hint=self.app.keys.label("activate"), name="ready"))
        menu_w = button_width(theme, _("Menu"), "button", self.app.keys.label("back"))
        menu = pygame.Rect(0, 0, menu_w, button_height(theme))
        menu.topright = (size[0] - m, m)
        self.add(Button(menu, _("Menu"), self.menu, hint=self.app.keys.label("back"), name="Menu"))

    def first_focus(self):
        return self.ready

    def stakes(self) -> float:
        return stakes(self.match.scenario, self.match.session.state.values)

    def paint_static(self, surface: pygame.Surface) -> None:
        theme = self.theme
        palette = theme.palette
        column = self.column
        picture = self.portrait.get_rect(midtop=(column.centerx, self.top))
        surface.blit(self.portrait, picture)
        y = blit_lines(surface, theme, self.title_lines, "title", palette.ink, column.x, picture.bottom + theme.px(16),
                       align="center", width=column.w)
        blit_lines(surface, theme, self.body_lines, "body", palette.ink_soft, column.x, y + theme.px(8), align="center",
                   width=column.w)

    def spoken_title(self) -> str:
        return sentences(" ".join(self.title_lines), " ".join(self.body_lines))

    def static_texts(self) -> list[str]:
        _ = self.match.words
        return [_("Pass the screen to {name}", name=self.match.t(self.match.scenario.roles[self.role].name))]

    def proceed(self) -> None:
        self.app.reset("briefing", match=self.match, role=self.role)

    def menu(self) -> None:
        self.app.push("pause", match=self.match)

    def back(self) -> bool:
        self.menu()
        return True
