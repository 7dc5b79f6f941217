"""What the day brought: both sides' orders, what happened, and the meters moving to their new values."""

from __future__ import annotations

import datetime

import pygame

from game.engine.alert import alert_level
from game.engine.news import day_news
from game.engine.visibility import shown_orders
from game.i18n import long_date
from game.ui import flow, layout, map_model
from game.ui.map_view import MapView
from game.ui.scenes.base import Scene
from game.ui.scenes.briefing import painting_with_title
from game.ui.scenes.common import (add_meters, add_status, meters_height, paint_in_force, stakes,
                                   status_height)
from game.ui.widgets.base import panel
from game.ui.widgets.button import Button, button_height, button_width, label_lines
from game.ui.widgets.textbox import TextBox


def resolution_blocks(match, record) -> list[tuple[str, str, str]]:
    scenario = match.scenario
    t = match.t
    _ = match.words
    blocks = [(_("Orders of the day"), "subheading", "ink")]
    for order in shown_orders(scenario, record, match.viewers(), record.values_after):
        blocks.append((f"{t(scenario.roles[order.role_id].name)}: {match.order_label(record.day_index, order)}",
                       "body", "ink"))
    happened = []
    for news in day_news(scenario, record, match.viewers()):
        if news.kind == "event":
            happened.append((_("News:") + " " + t(news.title), "small_bold", "accent"))
            happened.append((t(news.text), "body", "ink"))
        elif news.kind == "flag":
            state = _("now in force") if news.in_force else _("no longer in force")
            happened.append((f"{t(news.title)}: {state}.", "small_bold", "ink_soft"))
        else:
            happened.append((t(news.text), "body", "ink"))
    if happened:
        blocks.append((_("What happened"), "subheading", "ink"))
        blocks.extend(happened)
    else:
        blocks.append((_("The day passes without incident."), "italic", "ink_soft"))
    day = scenario.days[record.day_index]
    history = day.history_for(match.viewers())  # a seat's own note where the day's tells the other's secrets
    if history:
        blocks.append((_("What really happened"), "subheading", "ink"))
        blocks.append((t(history), "italic", "ink_soft"))
    return blocks


class ResolutionScene(Scene):
    def __init__(self, app, match, record):
        super().__init__(app)
        self.match = match
        self.record = record
        scenario = match.scenario
        before, after = record.values_before, record.values_after
        self.sounded = False
        self.alarm = (alert_level(scenario, after) or 5) < (alert_level(scenario, before) or 5)

    def build(self, size) -> None:
        theme = self.theme
        match = self.match
        scenario = match.scenario
        record = self.record
        day = scenario.days[record.day_index]
        m = layout.margin(theme)
        _ = match.words
        bar = self.plan_heading(long_date(day.date, _), _("Day {number}: what happened", number=day.index + 1))
        area = pygame.Rect(m, bar.bottom + m, size[0] - 2 * m, size[1] - bar.bottom - 2 * m)
        after = record.values_after
        for share in (0.52, 0.58, 0.64):  # the meters take a wider column when their names need it
            left, right = layout.split_columns(area, [1 - share, share], m * 2)
            seats = match.viewers()
            if status_height(theme, match, right.w, after, seats=seats) \
                    + meters_height(theme, match, right.w, after, True, seats) <= right.h:
                break
        menu_w = button_width(theme, _("Menu"), "button", self.app.keys.label("back"))
        label = _("See how it ended") if record.ending else _("On to the next day")
        button_h = button_height(theme, "button", label_lines(theme, label, left.w - menu_w - m))
        self.text_panel = pygame.Rect(left.x, left.y, left.w, left.h - button_h - m)
        text = self.add(TextBox(self.text_panel.inflate(-theme.px(28), -theme.px(24)), resolution_blocks(match, record),
                                theme, gap=6, name="what happened"))
        self.picture_rect = None
        spare = text.rect.h - text.content_height
        own_views = [day.seen_by[r] for r in match.viewers() or () if r in day.seen_by and match.viewer is None]
        private = any(view.title or view.art is not None for view in own_views)  # two players, two days
        if spare > theme.px(170) and not private:  # room for the day's painting under the words
            width = self.text_panel.w - theme.px(28)
            height = min(spare - theme.px(20), round(width * 9 / 16))
            self.picture_rect = pygame.Rect(0, 0, round(height * 16 / 9), height)
            self.picture_rect.midbottom = (self.text_panel.centerx, self.text_panel.bottom - theme.px(14))
            text.rect.h = self.picture_rect.y - theme.px(10) - text.rect.y
        buttons = pygame.Rect(left.x, left.bottom - button_h, left.w, button_h)
        self.add(Button(pygame.Rect(buttons.x, buttons.y, menu_w, button_h), _("Menu"), self.menu, hint=self.app.keys.label("back"), name="Menu"))
        self.go = self.add(Button(pygame.Rect(buttons.x + menu_w + m, buttons.y, buttons.w - menu_w - m, button_h),
                                  label, self.proceed, kind="primary", hint=self.app.keys.label("activate"), name="continue"))
        # the right: the map (when it keeps a fair share), then the gauge, the meters and what is in force
        before = record.values_before
        status_h = status_height(theme, match, right.w, after, seats=seats)
        meters_h = meters_height(theme, match, right.w, after, with_change=True, seats=seats)
        panel_h = status_h + meters_h - theme.px(12)
        map_h = right.h - panel_h - m
        if map_h >= 0.3 * right.h:
            map_rect = pygame.Rect(right.x, right.y, right.w, map_h)
            self.meters_rect = pygame.Rect(right.x, right.bottom - panel_h, right.w, panel_h)
            history = match.session.state.history[: record.day_index + 1]
            if record.day_index + 1 < len(scenario.days) and not record.ending:
                next_date = scenario.days[record.day_index + 1].date
            else:
                next_date = (datetime.date.fromisoformat(day.date) + datetime.timedelta(days=1)).isoformat()
            if scenario.map is not None:
                self.map_view: MapView | None = self.add(MapView(map_rect, "scenario", self.app.art, scenario=scenario,
                                                 language=match.language))
            elif map_model.is_caribbean(scenario):
                start = map_model.map_picture(scenario, day.date, before, history[:-1], seats)
                end = map_model.map_picture(scenario, next_date, after, history, seats)
                self.map_view = self.add(MapView(map_rect, "caribbean", self.app.art, end, start=start))
            else:
                self.map_view = self.add(MapView(map_rect, "world", self.app.art))
        else:  # large type in a small window: the numbers matter more than the ships
            self.map_view = None
            self.meters_rect = pygame.Rect(right.x, right.y, right.w, panel_h)
        status = pygame.Rect(right.x, self.meters_rect.y, right.w, status_h)
        self.flags_rect = add_status(self, status, match, after, start=before, seats=seats)
        add_meters(self, pygame.Rect(right.x, status.bottom - theme.px(12), right.w, meters_h), match, after, start=before,
                   seats=seats)

    def first_focus(self):
        return self.go

    def stakes(self) -> float:
        return stakes(self.match.scenario, self.record.values_after)

    def paint_static(self, surface: pygame.Surface) -> None:
        theme = self.theme
        scenario = self.match.scenario
        day = scenario.days[self.record.day_index]
        self.heading_bar(surface)
        panel(surface, self.text_panel, theme, fill=(251, 246, 234))
        if self.picture_rect is not None:
            viewer = self.match.viewer
            picture_id, art = day.picture_for(viewer)
            picture = painting_with_title(self.app, scenario, picture_id, art, self.match.t(day.title_for(viewer)),
                                          self.picture_rect)
            surface.blit(picture, self.picture_rect)
            pygame.draw.rect(surface, theme.palette.panel_edge, self.picture_rect, max(1, theme.px(1.5)))
        panel(surface, self.meters_rect, theme)
        self.flag_texts = paint_in_force(surface, theme, self.flags_rect, self.match, self.record.values_after,
                                         self.match.viewers())

    def static_texts(self) -> list[str]:
        return getattr(self, "flag_texts", [])

    def update(self, dt: float) -> None:
        super().update(dt)
        if not self.sounded:
            self.sounded = True
            self.app.sound.play("alarm" if self.alarm else ("news" if self.record.events else "order"))

    def proceed(self) -> None:
        from game.engine.machine import Phase

        if self.match.phase is Phase.RESOLUTION:
            self.match.finish_day()
        flow.show_current(self.app, self.match)

    def menu(self) -> None:
        self.app.push("pause", match=self.match)

    def back(self) -> bool:
        self.menu()
        return True
