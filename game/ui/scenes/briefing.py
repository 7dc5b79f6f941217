"""The morning briefing: the date, the day's title, the painting, and what this seat is told.

The painting keeps its own proportions (the painter's 16:9), with the seat's portrait and name
under it; the day's title and the briefing take the other column, the briefing scrolling when
it is longer than the room.
"""

from __future__ import annotations

import pygame

from game.i18n import long_date
from game.ui import flow, layout
from game.ui.scenes.base import Scene
from game.ui.scenes.common import stakes
from game.ui.widgets.base import blit_lines
from game.ui.widgets.button import Button, button_height, button_width, label_lines
from game.ui.widgets.portrait import portrait_surface
from game.ui.widgets.textbox import TextBox

PAINTING_ASPECT = 16 / 9


def painting_with_title(app, scenario, picture_id: str, art_value, title: str, rect: pygame.Rect) -> pygame.Surface:
    """The painting for a day or an ending; a placeholder carries the picture's title in ink."""
    theme = app.theme
    image, placeholder = app.art.scene(scenario, picture_id, art_value, rect.size)
    if not placeholder:
        return image
    image = image.copy()
    width = rect.w - theme.px(60)
    fitting = None
    with theme.measuring():
        for style in ("title", "heading", "subheading"):  # the largest type in which the title fits the picture
            lines = theme.wrap(title, style, width)
            # every word whole: a long word (Russian has many) takes a smaller type, never a break
            if all(theme.measure(word, style) <= width for word in title.split()) \
                    and all(theme.measure(line, style) <= width for line in lines) \
                    and len(lines) * theme.line_height(style) <= rect.h - theme.px(20):
                fitting = style
                break
    if fitting is None:
        return image  # too small a picture for its title: the wash alone
    style = fitting
    lines = theme.wrap(title, style, width)
    height = len(lines) * theme.line_height(style)
    ledger = theme.ledger
    if ledger is None:
        blit_lines(image, theme, lines, style, theme.palette.ink_soft, theme.px(30), (rect.h - height) // 2,
                   align="center", width=width)
        return image
    with ledger.capture() as drawn:  # drawn on the picture: entered where the picture will stand
        blit_lines(image, theme, lines, style, theme.palette.ink_soft, theme.px(30), (rect.h - height) // 2,
                   align="center", width=width)
    ledger.replay(drawn, rect.topleft)
    return image


def painting_rect(area: pygame.Rect) -> pygame.Rect:
    """The largest 16:9 rectangle at the top of ``area``."""
    width = min(area.w, round(area.h * PAINTING_ASPECT))
    return pygame.Rect(area.x, area.y, width, round(width / PAINTING_ASPECT))


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
        role = scenario.roles[self.role]
        m = layout.margin(theme)
        _ = match.words
        bar = self.plan_heading(long_date(day.date, _), _("Day {number} of {total}", number=day.index + 1,
                                                          total=len(scenario.days)))
        area = pygame.Rect(m, bar.bottom + m, size[0] - 2 * m, size[1] - bar.bottom - 2 * m)
        left, right = layout.split_columns(area, [0.56, 0.44], m * 2)
        self.picture_rect = painting_rect(pygame.Rect(left.x, left.y, left.w, left.h - theme.px(96)))
        # under the painting: who is being briefed
        portrait = min(theme.px(72), max(theme.px(40), left.bottom - self.picture_rect.bottom - theme.px(16)))
        self.portrait = portrait_surface(self.app.art, theme, scenario.id, self.role, match.t(role.name), portrait)
        self.who_rect = pygame.Rect(left.x, self.picture_rect.bottom + theme.px(14), left.w,
                                    left.bottom - self.picture_rect.bottom - theme.px(14))
        # the other column: the day's title, the briefing, the way on
        title = match.t(day.title_for(self.role))
        style = theme.first_fitting(max(title.split(), key=len, default=""), ("title", "heading"), right.w) or "heading"
        self.title_style = style
        self.title_lines = theme.wrap(title, style, right.w)
        title_h = len(self.title_lines) * theme.line_height(style) + theme.px(14)
        menu_w = button_width(theme, _("Menu"), "button", self.app.keys.label("back"))
        go_label = _("To the situation room")
        go_w = right.w - menu_w - m
        # the way on takes two lines when its words need them (the Russian is longer) rather than cutting one
        go_lines = 1 if button_width(theme, go_label, "button", self.app.keys.label("activate")) <= go_w else label_lines(theme, go_label, go_w)
        button_h = button_height(theme, "button", go_lines)
        self.head_rect = pygame.Rect(right.x, right.y, right.w, title_h)
        text_rect = pygame.Rect(right.x, right.y + title_h + theme.px(8), right.w,
                                right.h - title_h - theme.px(8) - button_h - m)
        briefing = day.briefing_for(self.role, match.session.state.values)
        blocks = [(match.t(briefing) if briefing else _("No word this morning."), "body", "ink")]
        self.add(TextBox(text_rect, blocks, theme, name="briefing"))
        buttons = pygame.Rect(right.x, right.bottom - button_h, right.w, button_h)
        self.go = self.add(Button(pygame.Rect(buttons.x + menu_w + m, buttons.y, go_w, button_h),
                                  go_label, self.proceed, kind="primary", hint=self.app.keys.label("activate"), name="To the situation room"))
        self.add(Button(pygame.Rect(buttons.x, buttons.y, menu_w, button_h), _("Menu"), self.menu, hint=self.app.keys.label("back"), name="Menu"))

    def first_focus(self):
        return self.go

    def stakes(self) -> float:
        return stakes(self.match.scenario, self.match.session.state.values)

    def paint_static(self, surface: pygame.Surface) -> None:
        theme = self.theme
        palette = theme.palette
        match = self.match
        scenario = match.scenario
        day = match.session.day
        self.heading_bar(surface)
        rect = self.picture_rect
        picture_id, art = day.picture_for(self.role)
        picture = painting_with_title(self.app, scenario, picture_id, art, match.t(day.title_for(self.role)), rect)
        surface.blit(picture, rect)
        pygame.draw.rect(surface, palette.panel_edge, rect, max(1, theme.px(2)))
        who = self.who_rect
        surface.blit(self.portrait, (who.x, who.y))
        role = scenario.roles[self.role]
        x = who.x + self.portrait.get_width() + theme.px(14)
        words = pygame.Rect(x, who.y, who.right - x, who.h)
        y = blit_lines(surface, theme, theme.wrap(match.t(role.name), "heading", words.w), "heading", palette.ink, x, who.y,
                       box=words)
        blit_lines(surface, theme, theme.wrap(match.t(role.title), "small", words.w), "small", palette.ink_soft, x, y,
                   box=words)
        head = self.head_rect
        blit_lines(surface, theme, self.title_lines, self.title_style, palette.accent, head.x, head.y, box=head)
        pygame.draw.line(surface, palette.panel_edge, (head.x, head.bottom - theme.px(4)),
                         (head.right, head.bottom - theme.px(4)))

    def static_texts(self) -> list[str]:
        day = self.match.session.day
        return [long_date(day.date, self.match.words), self.match.t(day.title_for(self.role)),
                self.match.t(self.match.scenario.roles[self.role].name)]

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
