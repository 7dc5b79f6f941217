"""The ending: its painting and words, the path taken beside what happened in 1962, tension over the days."""

from __future__ import annotations

import datetime

import pygame

from game.ui import layout
from game.ui.scenes.base import Scene
from game.ui.scenes.briefing import painting_with_title
from game.ui.scenes.common import GAUGE_VARIABLE
from game.ui.widgets.base import panel
from game.ui.widgets.button import Button
from game.ui.widgets.chart import LineChart
from game.ui.widgets.textbox import TextBox


def path_blocks(match) -> list[tuple[str, str, str]]:
    """Each day played: both sides' orders, and what was really decided that day."""
    scenario = match.scenario
    blocks = []
    for record in match.session.state.history:
        day = scenario.days[record.day_index]
        date = datetime.date.fromisoformat(day.date)
        blocks.append((f"{date.day} {date:%B}: {match.t(day.title)}", "small_bold", "ink"))
        for role_id, choice_id in record.orders:
            surname = scenario.roles[role_id].name.split()[-1]
            taken = match.label_of(record.day_index, role_id, choice_id)
            real = day.historical.get(role_id)
            if real is None:
                note = ""
            elif real == choice_id:
                note = " (as in 1962)"
            else:
                note = f" (1962: {match.label_of(record.day_index, role_id, real)})"
            blocks.append((f"{surname}: {taken}{note}", "small", "ink_soft"))
    return blocks


def defcon_bands(scenario, variable) -> list[tuple[float, tuple]]:
    """Where the DEFCON level changes along the variable behind it, for the chart's stripes."""
    derived = scenario.derived.get("defcon")
    if derived is None:
        return []
    values = list(scenario.initial_values())
    bands = []
    previous = None
    steps = 100
    for index in range(steps + 1):
        value = variable.minimum + (variable.maximum - variable.minimum) * index / steps
        values[variable.slot] = value
        level = derived.value(tuple(values))
        if level != previous:
            bands.append((value, level))
            previous = level
    return bands


class EndingScene(Scene):
    def __init__(self, app, match):
        super().__init__(app)
        self.match = match
        self.ending = match.scenario.ending(match.session.state.ending)

    def build(self, size) -> None:
        theme = self.theme
        match = self.match
        scenario = match.scenario
        m = layout.margin(theme)
        bar = layout.top_bar(size, theme)
        area = pygame.Rect(m, bar.bottom + m, size[0] - 2 * m, size[1] - bar.bottom - 2 * m)
        left, right = layout.split_columns(area, [0.44, 0.56], m * 2)
        self.picture_rect, text_rect = layout.split_rows(left, [round(left.h * 0.5), None], m)
        self.text_panel = text_rect
        blocks = [(match.t(self.ending.text), "body", "ink")]
        if self.ending.history_note:
            blocks += [("How close history came", "subheading", "ink"), (match.t(self.ending.history_note), "italic", "ink_soft")]
        if self.ending.scores:
            fared = "; ".join(f"{scenario.roles[role].name}: {score:+g}" for role, score in self.ending.scores.items()
                              if role in scenario.roles)
            blocks += [("How each side fared", "subheading", "ink"), (fared, "body", "ink_soft")]
        self.add(TextBox(text_rect.inflate(-theme.px(24), -theme.px(20)), blocks, theme, gap=6, name="ending text"))
        button_h = theme.px(48)
        chart_h = round(right.h * 0.36)
        path_rect, chart_rect, buttons = layout.split_rows(right, [None, chart_h, button_h], m)
        self.path_panel = path_rect
        self.chart_panel = chart_rect
        heading = [("Your path beside 1962", "subheading", "ink")]
        self.add(TextBox(path_rect.inflate(-theme.px(24), -theme.px(20)), heading + path_blocks(match), theme, gap=3,
                         name="path"))
        variable = scenario.variables.get(GAUGE_VARIABLE) or next(iter(scenario.variables.values()), None)
        if variable is not None:
            history = match.session.state.history
            points = [history[0].values_before[variable.slot]] if history else []
            points += [record.values_after[variable.slot] for record in history]
            labels = ["start"] + [self._short(scenario.days[r.day_index].date) for r in history]
            palette = theme.palette
            bands = [(value, palette.defcon[5 - int(level)]) for value, level in defcon_bands(scenario, variable)
                     if 1 <= int(level) <= 5]
            self.add(LineChart(chart_rect.inflate(-theme.px(24), -theme.px(16)), f"{match.t(variable.label)} over the days",
                               points, variable.minimum, variable.maximum, labels[: len(points)], bands))
        half = (buttons.w - m) // 2
        self.again = self.add(Button(pygame.Rect(buttons.x, buttons.y, half, button_h), "New game", self.new_game,
                                     kind="primary"))
        self.add(Button(pygame.Rect(buttons.x + half + m, buttons.y, buttons.w - half - m, button_h), "Back to the title",
                        self.to_title, hint="Esc"))

    @staticmethod
    def _short(iso: str) -> str:
        date = datetime.date.fromisoformat(iso)
        return f"{date.day} {date:%b}"

    def first_focus(self):
        return self.again

    def paint_static(self, surface: pygame.Surface) -> None:
        theme = self.theme
        match = self.match
        self.heading_bar(surface, match.t(self.ending.title), match.t(match.scenario.title))
        rect = self.picture_rect
        surface.blit(painting_with_title(self.app, match.scenario, self.ending.id, self.ending.art,
                                         match.t(self.ending.title), rect), rect)
        pygame.draw.rect(surface, theme.palette.panel_edge, rect, max(1, theme.px(2)))
        for box in (self.text_panel, self.path_panel, self.chart_panel):
            panel(surface, box, theme, fill=(251, 246, 234))

    def static_texts(self) -> list[str]:
        return [self.match.t(self.ending.title)]

    def new_game(self) -> None:
        self.app.reset("title")
        self.app.push("setup")

    def to_title(self) -> None:
        self.app.reset("title")

    def back(self) -> bool:
        self.to_title()
        return True
