"""What the day brought: both sides' orders, what happened, and the meters moving to their new values."""

from __future__ import annotations

import datetime

import pygame

from game.text.describe import long_date
from game.ui import flow, layout, map_model
from game.ui.map_view import MapView
from game.ui.scenes.base import Scene
from game.ui.scenes.briefing import painting_with_title
from game.ui.scenes.common import add_meters, defcon_of, meters_height, paint_meters_panel
from game.ui.widgets.base import panel
from game.ui.widgets.button import Button
from game.ui.widgets.textbox import TextBox


def resolution_blocks(match, record) -> list[tuple[str, str, str]]:
    scenario = match.scenario
    t = match.t
    blocks = [("Orders of the day", "subheading", "ink")]
    for role_id, choice_id in record.orders:
        blocks.append((f"{scenario.roles[role_id].name}: {match.label_of(record.day_index, role_id, choice_id)}",
                       "body", "ink"))
    happened = []
    for interaction_id in record.interactions:
        interaction = next(i for i in scenario.interactions if i.id == interaction_id)
        if interaction.text:
            happened.append((t(interaction.text), "body", "ink"))
    for event_id in record.events:
        event = next(e for e in scenario.events if e.id == event_id)
        happened.append((f"News: {t(event.title)}", "small_bold", "accent"))
        happened.append((t(event.text), "body", "ink"))
    for note in record.delayed_notes:
        happened.append((t(note) if note else "Consequences of an earlier decision arrive.", "body", "ink"))
    for flag in scenario.flags.values():
        before, after = record.values_before[flag.slot], record.values_after[flag.slot]
        if before != after:
            state = "now in force" if after else "no longer in force"
            happened.append((f"{t(flag.label)}: {state}.", "small_bold", "ink_soft"))
    if happened:
        blocks.append(("What happened", "subheading", "ink"))
        blocks.extend(happened)
    else:
        blocks.append(("The day passes without incident.", "italic", "ink_soft"))
    day = scenario.days[record.day_index]
    if day.history_note:
        blocks.append(("What really happened", "subheading", "ink"))
        blocks.append((t(day.history_note), "italic", "ink_soft"))
    return blocks


class ResolutionScene(Scene):
    def __init__(self, app, match, record):
        super().__init__(app)
        self.match = match
        self.record = record
        scenario = match.scenario
        before, after = record.values_before, record.values_after
        self.sounded = False
        self.alarm = (defcon_of(scenario, after) or 5) < (defcon_of(scenario, before) or 5)

    def build(self, size) -> None:
        theme = self.theme
        match = self.match
        scenario = match.scenario
        record = self.record
        m = layout.margin(theme)
        bar = layout.top_bar(size, theme)
        area = pygame.Rect(m, bar.bottom + m, size[0] - 2 * m, size[1] - bar.bottom - 2 * m)
        left, right = layout.split_columns(area, [0.48, 0.52], m * 2)
        button_h = theme.px(48)
        self.text_panel = pygame.Rect(left.x, left.y, left.w, left.h - button_h - m)
        text = self.add(TextBox(self.text_panel.inflate(-theme.px(28), -theme.px(24)), resolution_blocks(match, record),
                                theme, gap=6, name="what happened"))
        self.picture_rect = None
        spare = text.rect.h - text.content_height
        if spare > theme.px(170):  # room for the day's painting under the words
            self.picture_rect = pygame.Rect(self.text_panel.x + theme.px(14), 0, self.text_panel.w - theme.px(28), 0)
            self.picture_rect.h = min(spare - theme.px(20), round(self.picture_rect.w * 0.56))
            self.picture_rect.bottom = self.text_panel.bottom - theme.px(14)
            text.rect.h = self.picture_rect.y - theme.px(10) - text.rect.y
        buttons = pygame.Rect(left.x, left.bottom - button_h, left.w, button_h)
        menu_w = theme.px(130)
        self.add(Button(pygame.Rect(buttons.x, buttons.y, menu_w, button_h), "Menu", self.menu, hint="Esc"))
        label = "See how it ended" if record.ending else "On to the next day"
        self.go = self.add(Button(pygame.Rect(buttons.x + menu_w + m, buttons.y, buttons.w - menu_w - m, button_h),
                                  label, self.proceed, kind="primary", hint="Enter", name="continue"))
        meters_h = min(meters_height(theme, scenario, right.w), round(right.h * 0.5))
        map_rect, self.meters_rect = layout.split_rows(right, [None, meters_h], m)
        day = scenario.days[record.day_index]
        history = match.session.state.history[: record.day_index + 1]
        if record.day_index + 1 < len(scenario.days) and not record.ending:
            next_date = scenario.days[record.day_index + 1].date
        else:
            next_date = (datetime.date.fromisoformat(day.date) + datetime.timedelta(days=1)).isoformat()
        if map_model.is_caribbean(scenario):
            before = map_model.map_picture(scenario, day.date, record.values_before, history[:-1])
            after = map_model.map_picture(scenario, next_date, record.values_after, history)
            self.map_view = self.add(MapView(map_rect, "caribbean", self.app.art, after, start=before))
        else:
            self.map_view = self.add(MapView(map_rect, "world", self.app.art))
        self.flags_rect = add_meters(self, self.meters_rect, match, record.values_after, start=record.values_before)

    def first_focus(self):
        return self.go

    def paint_static(self, surface: pygame.Surface) -> None:
        theme = self.theme
        scenario = self.match.scenario
        day = scenario.days[self.record.day_index]
        self.heading_bar(surface, long_date(day.date), f"Day {day.index + 1}: what happened")
        panel(surface, self.text_panel, theme, fill=(251, 246, 234))
        if self.picture_rect is not None:
            picture = painting_with_title(self.app, scenario, day.id, day.art, self.match.t(day.title), self.picture_rect)
            surface.blit(picture, self.picture_rect)
            pygame.draw.rect(surface, theme.palette.panel_edge, self.picture_rect, max(1, theme.px(1.5)))
        self.flag_texts = paint_meters_panel(surface, theme, self.meters_rect, self.flags_rect, self.match,
                                             self.record.values_after)

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
