"""The morning briefing: the date, the day's title, the painting, and what this seat is told."""

from __future__ import annotations

import pygame

from game.text.describe import long_date
from game.ui import flow, layout
from game.ui.scenes.base import Scene
from game.ui.widgets.base import blit_lines, blit_text
from game.ui.widgets.button import Button
from game.ui.widgets.portrait import portrait_surface
from game.ui.widgets.textbox import TextBox


def painting_with_title(app, scenario, picture_id: str, art_value, title: str, rect: pygame.Rect) -> pygame.Surface:
    """The painting for a day or an ending; a placeholder carries the picture's title in ink."""
    theme = app.theme
    image, placeholder = app.art.scene(scenario, picture_id, art_value, rect.size)
    if not placeholder:
        return image
    image = image.copy()
    lines = theme.wrap(title, "title", rect.w - theme.px(60))
    height = len(lines) * theme.line_height("title")
    blit_lines(image, theme, lines, "title", theme.palette.ink_soft, theme.px(30), (rect.h - height) // 2,
               align="center", width=rect.w - theme.px(60))
    return image


class BriefingScene(Scene):
    def __init__(self, app, match, role: str):
        super().__init__(app)
        self.match = match
        self.role = role

    def build(self, size) -> None:
        theme = self.theme
        match = self.match
        scenario = match.scenario
        day = match.session.day
        m = layout.margin(theme)
        bar = layout.top_bar(size, theme)
        area = pygame.Rect(m, bar.bottom + m, size[0] - 2 * m, size[1] - bar.bottom - 2 * m)
        self.picture_rect, text_column = layout.split_columns(area, [0.56, 0.44], m * 2)
        self.portrait = portrait_surface(self.app.art, theme, scenario.id, self.role, scenario.roles[self.role].name, theme.px(72))
        head_h = theme.px(82) + theme.line_height("title") * 2
        button_h = theme.px(48)
        self.text_rect = pygame.Rect(text_column.x, text_column.y + head_h, text_column.w,
                                     text_column.h - head_h - button_h - m)
        self.head_rect = pygame.Rect(text_column.x, text_column.y, text_column.w, head_h)
        briefing = day.briefings.get(self.role)
        blocks = [(match.t(briefing) if briefing else "No word this morning.", "body", "ink")]
        self.add(TextBox(self.text_rect, blocks, theme, name="briefing"))
        buttons = pygame.Rect(text_column.x, text_column.bottom - button_h, text_column.w, button_h)
        menu_w = theme.px(130)
        self.go = self.add(Button(pygame.Rect(buttons.x + menu_w + m, buttons.y, buttons.w - menu_w - m, button_h),
                                  "To the situation room", self.proceed, kind="primary", hint="Enter"))
        self.add(Button(pygame.Rect(buttons.x, buttons.y, menu_w, button_h), "Menu", self.menu, hint="Esc"))

    def first_focus(self):
        return self.go

    def paint_static(self, surface: pygame.Surface) -> None:
        theme = self.theme
        palette = theme.palette
        match = self.match
        scenario = match.scenario
        day = match.session.day
        self.heading_bar(surface, long_date(day.date), f"Day {day.index + 1} of {len(scenario.days)}")
        rect = self.picture_rect
        picture = painting_with_title(self.app, scenario, day.id, day.art, match.t(day.title), rect)
        surface.blit(picture, rect)
        pygame.draw.rect(surface, palette.panel_edge, rect, max(1, theme.px(2)))
        head = self.head_rect
        surface.blit(self.portrait, (head.x, head.y))
        role = scenario.roles[self.role]
        x = head.x + self.portrait.get_width() + theme.px(14)
        blit_text(surface, theme, role.name, "heading", palette.ink, (x, head.y + theme.px(4)))
        blit_text(surface, theme, theme.fit(match.t(role.title), "small", head.right - x), "small", palette.ink_soft,
                  (x, head.y + theme.px(4) + theme.line_height("heading")))
        lines = theme.wrap(match.t(day.title), "title", head.w)[:2]
        y = head.y + theme.px(86)
        blit_lines(surface, theme, lines, "title", palette.accent, head.x, y)
        pygame.draw.line(surface, palette.panel_edge, (head.x, head.bottom - theme.px(6)), (head.right, head.bottom - theme.px(6)))

    def static_texts(self) -> list[str]:
        day = self.match.session.day
        return [long_date(day.date), self.match.t(day.title), self.match.scenario.roles[self.role].name]

    def proceed(self) -> None:
        self.match.begin_day()
        if self.match.hot_seat or self.role in self.match.humans_waiting():
            self.app.reset("day", match=self.match, role=self.role)
        else:
            flow.show_current(self.app, self.match)

    def menu(self) -> None:
        self.app.push("pause", match=self.match)

    def back(self) -> bool:
        self.menu()
        return True
