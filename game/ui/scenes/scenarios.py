"""The scenarios the game finds, with their summaries, roles and sources."""

from __future__ import annotations

import pygame

from game.ui import layout
from game.ui.scenes.base import Scene
from game.ui.scenes.rows import ScrollingRows
from game.ui.widgets.base import panel
from game.ui.widgets.button import Button, OptionRow
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
        bar = layout.top_bar(size, theme)
        area = pygame.Rect(m, bar.bottom + m, size[0] - 2 * m, size[1] - bar.bottom - 3 * m - theme.px(48))
        left, right = layout.split_columns(area, [0.4, 0.6], m * 2)
        self.list.build(left, len(self.choices), layout.option_row_height(theme, 84, 1), theme.px(8),
                        self._scenario_row)
        self.detail = right
        scenario = dict(self.choices).get(self.chosen)
        if scenario is not None:
            roles = "; ".join(f"{r.name}, {r.title.get(self.app.language)}" for r in scenario.roles.values())
            blocks = [(scenario.title.get(self.app.language), "title", "ink"), (scenario.summary.get(self.app.language), "body", "ink"),
                      ("Roles", "subheading", "ink"), (roles, "body", "ink_soft")]
            if scenario.authors:
                blocks += [("Written by", "subheading", "ink"), (", ".join(scenario.authors), "body", "ink_soft")]
            if scenario.sources:
                blocks += [("Sources", "subheading", "ink"), ("\n".join(scenario.sources), "small", "ink_soft")]
            self.add(TextBox(right.inflate(-theme.px(28), -theme.px(24)), blocks, theme, gap=6, name="details"))
        buttons = pygame.Rect(m, size[1] - m - theme.px(48), size[0] - 2 * m, theme.px(48))
        self.add(Button(pygame.Rect(buttons.x, buttons.y, theme.px(160), buttons.h), "Back", self.back, hint="Esc"))
        self.play = self.add(Button(pygame.Rect(buttons.right - theme.px(300), buttons.y, theme.px(300), buttons.h),
                                    "Play this scenario", self.play_it, kind="primary", enabled=scenario is not None))

    def _scenario_row(self, index: int, rect: pygame.Rect) -> OptionRow:
        name, scenario = self.choices[index]
        if scenario is None:
            return OptionRow(rect, name, "Has errors: run 'brink validate'.", enabled=False, name=f"scenario:{name}")
        return OptionRow(rect, scenario.title.get(self.app.language), f"{len(scenario.days)} days; {scenario.first_date} to "
                         f"{scenario.last_date}", self._show(name), selected=name == self.chosen, name=f"scenario:{name}")

    def on_key(self, event) -> bool:
        return self.list.key(event) or super().on_key(event)

    def paint_static(self, surface: pygame.Surface) -> None:
        self.heading_bar(surface, "Scenarios", "the crises this game can play")
        panel(surface, self.detail, self.theme, fill=(251, 246, 234))

    def static_texts(self) -> list[str]:
        return ["Scenarios"]

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
