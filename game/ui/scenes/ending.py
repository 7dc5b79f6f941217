"""The ending: its painting and words, how it went for the player's seat, the path beside 1962, tension by day.

An ending looks like what it is: a war darkens the whole screen and its verdict stands on black;
a bitter end is sombre; a settlement is calm. The chart shows tension day by day over stripes
of the alert level each day really stood at (read from the record, so it agrees with the gauge).
"""

from __future__ import annotations


import pygame

from game import i18n
from game.engine.alert import TENSION_ID, alert_level, alert_parts
from game.i18n import abbreviated_date, short_date
from game.text.describe import short_names
from game.ui import layout
from game.ui.scenes.base import Scene
from game.ui.scenes.briefing import painting_rect, painting_with_title
from game.ui.widgets.base import blit_lines, panel
from game.ui.widgets.button import Button, button_height, button_width
from game.ui.widgets.chart import LineChart
from game.ui.widgets.textbox import TextBox

# the verdict's ground and ink for each tone
VERDICT = {"catastrophe": ((28, 24, 22), (238, 226, 204)), "grave": ((98, 40, 30), (250, 240, 224))}


def path_blocks(match) -> list[tuple[str, str, str]]:
    """Each day played: both sides' orders, and what was really decided that day."""
    scenario = match.scenario
    _ = match.words
    names = short_names(scenario, match.language)
    blocks = []
    for record in match.session.state.history:
        day = scenario.days[record.day_index]
        blocks.append((f"{short_date(day.date, _)}: {match.t(day.title_for(match.viewer))}", "small_bold", "ink"))
        for role_id, choice_id in record.orders:
            taken = match.label_of(record.day_index, role_id, choice_id)
            real = day.historical.get(role_id)
            if real is None:
                note = ""
            elif real == choice_id:
                note = " " + _("(as in 1962)")
            else:
                note = " " + _("(1962: {choice})", choice=match.label_of(record.day_index, role_id, real))
            blocks.append((f"{names[role_id]}: {taken}{note}", "small", "ink_soft"))
    return blocks


def verdict(scenario, ending, role_id: str, _: i18n.Words | None = None) -> str:
    """How the ending went for one seat, in plain words, measured against every ending the scenario has."""
    _ = _ or i18n.words(i18n.SOURCE_LANGUAGE)
    score = ending.scores.get(role_id)
    if score is None:
        return ""
    scores = [e.scores[role_id] for e in scenario.endings if role_id in e.scores]
    low, high = min(scores), max(scores)
    share = (score - low) / (high - low) if high > low else 0.5
    if score == high:
        words = _("the best outcome your side could have had")
    elif score == low:
        words = _("the worst outcome for your side")
    elif share >= 0.66:
        words = _("a good outcome for your side")
    elif share >= 0.4:
        words = _("neither a victory nor a defeat")
    else:
        words = _("a defeat for your side")
    signed = {"score": f"{score:+g}", "low": f"{low:+g}", "high": f"{high:+g}"}
    return _("{verdict} ({score}, where {low} is the worst and {high} the best)", verdict=words, **signed)


class EndingScene(Scene):
    def __init__(self, app, match):
        super().__init__(app)
        self.match = match
        self.ending = match.scenario.ending(match.session.state.ending)

    def verdict_lines(self) -> list[str]:
        """What the ending meant for each player at the screen (both, when two played)."""
        scenario = self.match.scenario
        _ = self.match.words
        names = short_names(scenario, self.match.language)
        seats = self.match.humans or list(scenario.roles)
        lines = [_("Nobody won.") if self.ending.mood == "catastrophe" else ""]
        for role_id in seats:
            said = verdict(scenario, self.ending, role_id, _)
            if said:
                lines.append(_("For {name}: {verdict}.", name=names[role_id], verdict=said))
        return [line for line in lines if line]

    def build(self, size) -> None:
        theme = self.theme
        match = self.match
        scenario = match.scenario
        _ = match.words
        m = layout.margin(theme)
        bar = self.plan_heading(match.t(self.ending.title), match.t(scenario.title))
        area = pygame.Rect(m, bar.bottom + m, size[0] - 2 * m, size[1] - bar.bottom - 2 * m)
        left, right = layout.split_columns(area, [0.46, 0.54], m * 2)
        pad = theme.px(12)
        self.verdict_texts = [theme.wrap(line, "subheading", left.w - 2 * pad) for line in self.verdict_lines()]
        verdict_h = sum(len(lines) for lines in self.verdict_texts) * theme.line_height("subheading") + 2 * pad
        # the painting gives way to the words: the ending's text keeps room for six lines at least
        words_h = 6 * theme.line_height("body") + theme.px(20)
        picture_h = max(theme.px(120), min(round(left.h * 0.48), left.h - verdict_h - words_h - 2 * m))
        self.picture_rect = painting_rect(pygame.Rect(left.x, left.y, left.w, picture_h))
        self.verdict_rect = pygame.Rect(left.x, self.picture_rect.bottom + m, left.w, verdict_h)
        text_rect = pygame.Rect(left.x, self.verdict_rect.bottom + m, left.w, left.bottom - self.verdict_rect.bottom - m)
        self.text_panel = text_rect
        blocks = [(match.t(self.ending.text), "body", "ink")]
        if self.ending.history_note:
            blocks += [(_("How close history came"), "subheading", "ink"),
                       (match.t(self.ending.history_note), "italic", "ink_soft")]
        self.add(TextBox(text_rect.inflate(-theme.px(24), -theme.px(20)), blocks, theme, gap=6, name="ending text"))
        button_h = button_height(theme)
        chart_h = round(right.h * 0.36)
        path_rect, chart_rect, buttons = layout.split_rows(right, [None, chart_h, button_h], m)
        self.path_panel = path_rect
        self.chart_panel = chart_rect
        heading = [(_("Your path beside 1962"), "subheading", "ink")]
        self.add(TextBox(path_rect.inflate(-theme.px(24), -theme.px(20)), heading + path_blocks(match), theme, gap=3,
                         name="path"))
        self._add_chart(chart_rect.inflate(-theme.px(24), -theme.px(16)))
        back_w = button_width(theme, _("Back to the title"), "button", self.app.keys.label("back"))
        self.again = self.add(Button(pygame.Rect(buttons.x, buttons.y, buttons.w - back_w - m, button_h), _("New game"),
                                     self.new_game, kind="primary", name="New game"))
        self.add(Button(pygame.Rect(buttons.right - back_w, buttons.y, back_w, button_h), _("Back to the title"),
                        self.to_title, hint=self.app.keys.label("back"), name="Back to the title"))

    def _add_chart(self, rect: pygame.Rect) -> None:
        match = self.match
        scenario = match.scenario
        parts = alert_parts(scenario)
        variable = parts.variable or scenario.variables.get(TENSION_ID) or next(iter(scenario.variables.values()), None)
        if variable is None:
            return
        history = match.session.state.history
        states = ([history[0].values_before] if history else []) + [record.values_after for record in history]
        points = [values[variable.slot] for values in states]
        _ = match.words
        labels = [_("start")] + [abbreviated_date(scenario.days[r.day_index].date, _) for r in history]
        stripes = None
        title = _("{meter} over the days", meter=match.t(variable.label))
        if parts.level is not None:
            palette = self.theme.palette
            # the scenario has a level, so every state has one
            stripes = [palette.defcon[5 - (alert_level(scenario, values) or 5)] for values in states]
            title = _("{meter}, over the {level} of each day", meter=match.t(variable.label),
                      level=match.t(parts.level.label))
        self.add(LineChart(rect, title, points, variable.minimum, variable.maximum, labels[: len(points)], stripes))

    def first_focus(self):
        return self.again

    def stakes(self) -> float:
        return {"catastrophe": 1.0, "grave": 0.5}.get(self.ending.mood, 0.0)

    def paint_static(self, surface: pygame.Surface) -> None:
        theme = self.theme
        palette = theme.palette
        match = self.match
        self.heading_bar(surface, dark=self.ending.mood == "catastrophe")
        rect = self.picture_rect
        surface.blit(painting_with_title(self.app, match.scenario, self.ending.id, self.ending.art,
                                         match.t(self.ending.title), rect), rect)
        frame = (20, 16, 14) if self.ending.mood == "catastrophe" else palette.panel_edge
        pygame.draw.rect(surface, frame, rect, max(1, theme.px(3 if self.ending.mood == "catastrophe" else 2)))
        ground, ink = VERDICT.get(self.ending.mood, (palette.panel, palette.ink))
        pygame.draw.rect(surface, ground, self.verdict_rect, border_radius=theme.px(8))
        pygame.draw.rect(surface, palette.panel_edge, self.verdict_rect, max(1, theme.px(1.5)), border_radius=theme.px(8))
        pad = theme.px(12)
        y = self.verdict_rect.y + pad
        for lines in self.verdict_texts:
            y = blit_lines(surface, theme, lines, "subheading", ink, self.verdict_rect.x + pad, y, box=self.verdict_rect)
        for box in (self.text_panel, self.path_panel, self.chart_panel):
            panel(surface, box, theme, fill=(251, 246, 234))

    def static_texts(self) -> list[str]:
        return [self.match.t(self.ending.title), *self.verdict_lines()]

    def new_game(self) -> None:
        self.app.reset("title")
        self.app.push("setup")

    def to_title(self) -> None:
        self.app.reset("title")

    def back(self) -> bool:
        self.to_title()
        return True
