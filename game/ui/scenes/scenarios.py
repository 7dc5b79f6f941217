"""The scenarios the game finds, with their summaries, roles and sources."""

from __future__ import annotations

import pygame

from game.ui import layout
from game.ui.scenes.base import Scene
from game.ui.scenes.briefing import painting_rect, painting_with_title
from game.ui.scenes.rows import ScrollingRows
from game.ui.widgets.base import panel
from game.i18n import dated
from game.ui.widgets.button import Button, OptionRow, button_height, button_width, option_row_height
from game.ui.widgets.textbox import TextBox


class ScenariosScene(Scene):
    """The scenarios the game finds, with their summaries and sources."""

    def __init__(self, app):
        super().__init__(app)
        from game.ui.scenes.setup import scenario_choices

        self.choices = scenario_choices(app.scenario_cache)
        self.chosen = next((name for name, s in self.choices if s is not None), None)
        self.list = ScrollingRows(self)

    def build(self, size) -> None:
        theme = self.theme
        m = layout.margin(theme)
        _ = self.app.words
        bar = self.plan_heading(_("Scenarios"), _("the crises this game can play"))
        button_h = button_height(theme)
        area = pygame.Rect(m, bar.bottom + m, size[0] - 2 * m, size[1] - bar.bottom - 3 * m - button_h)
        left, right = layout.split_columns(area, [0.4, 0.6], m * 2)
        row_w = left.w - theme.px(16)
        row_h = max((option_row_height(theme, row_w, *self._words(index)) for index in range(len(self.choices))),
                    default=theme.px(60))
        self.list.build(left, len(self.choices), min(row_h, left.h), theme.px(8), self._scenario_row)
        self.detail = right
        scenario = (dict(self.choices).get(self.chosen) if self.chosen is not None else None)
        self.picture_rect = None
        if scenario is not None and scenario.art is not None and right.h > theme.px(420):
            # the scenario's own title painting over its description, when the panel has room for both
            inner = right.inflate(-theme.px(28), -theme.px(24))
            self.picture_rect = painting_rect(pygame.Rect(inner.x, inner.y, inner.w, round(inner.h * 0.4)))
            right = pygame.Rect(right.x, self.picture_rect.bottom, right.w, right.bottom - self.picture_rect.bottom)
        if scenario is not None:
            language = self.app.language
            roles = "; ".join(f"{r.name.get(language)}, {r.title.get(language)}" for r in scenario.roles.values())
            blocks = [(scenario.title.get(language), "title", "ink"), (scenario.summary.get(language), "body", "ink"),
                      (_("Roles"), "subheading", "ink"), (roles, "body", "ink_soft")]
            if scenario.authors:
                blocks += [(_("Written by"), "subheading", "ink"), (", ".join(scenario.authors), "body", "ink_soft")]
            if scenario.sources:
                blocks += [(_("Sources"), "subheading", "ink"), ("\n".join(scenario.sources), "small", "ink_soft")]
            self.add(TextBox(right.inflate(-theme.px(28), -theme.px(24)), blocks, theme, gap=6, name="details"))
        buttons = pygame.Rect(m, size[1] - m - button_h, size[0] - 2 * m, button_h)
        self.add(Button(pygame.Rect(buttons.x, buttons.y, button_width(theme, _("Back"), "button", self.app.keys.label("back")), buttons.h),
                        _("Back"), self.back, hint=self.app.keys.label("back"), name="Back"))
        play_w = max(theme.px(300), button_width(theme, _("Play this scenario")))
        self.play = self.add(Button(pygame.Rect(buttons.right - play_w, buttons.y, play_w, buttons.h),
                                    _("Play this scenario"), self.play_it, kind="primary", enabled=scenario is not None,
                                    name="Play this scenario"))

    def _words(self, index: int) -> tuple[str, str]:
        name, scenario = self.choices[index]
        _ = self.app.words
        if scenario is None:
            return name, _("Has errors: run 'brink validate'.")
        first, last = (dated(date, _) for date in (scenario.first_date, scenario.last_date))
        return scenario.title.get(self.app.language), _.ngettext("{count} day; {first} to {last}",
                                                                 "{count} days; {first} to {last}",
                                                                 len(scenario.days), first=first, last=last)

    def _scenario_row(self, index: int, rect: pygame.Rect) -> OptionRow:
        name, scenario = self.choices[index]
        title, description = self._words(index)
        if scenario is None:
            return OptionRow(rect, title, description, enabled=False, name=f"scenario:{name}")
        return OptionRow(rect, title, description, self._show(name), selected=name == self.chosen, name=f"scenario:{name}")

    def on_key(self, event) -> bool:
        return self.list.key(event) or super().on_key(event)

    def paint_static(self, surface: pygame.Surface) -> None:
        self.heading_bar(surface)
        panel(surface, self.detail, self.theme, fill=(251, 246, 234))
        scenario = (dict(self.choices).get(self.chosen) if self.chosen is not None else None)
        if self.picture_rect is not None and scenario is not None:
            title = scenario.title.get(self.app.language)
            surface.blit(painting_with_title(self.app, scenario, "title", scenario.art, title, self.picture_rect),
                         self.picture_rect)
            pygame.draw.rect(surface, self.theme.palette.panel_edge, self.picture_rect, max(1, self.theme.px(1.5)))

    def static_texts(self) -> list[str]:
        _ = self.app.words
        return [_("Scenarios")]

    def _show(self, name: str):
        def show() -> None:
            self.chosen = name
            self.relayout()
        return show

    def play_it(self) -> None:
        self.app.replace("setup", scenario=self.chosen)

    def back(self) -> bool:
        self.app.pop()
        return True
