"""Loading a saved game, newest first (the autosave among them).

Each save is shown as a player thinks of it: the crisis, the day it stands on, who plays whom,
and when it was saved, rather than as a file name.
"""

from __future__ import annotations

import datetime

import pygame

from game import paths
from game.engine.saves import SaveError
from game.text.describe import long_date
from game.ui import flow, layout
from game.ui.match import HUMAN, list_saves, load_cached, load_match
from game.ui.scenes.base import Scene
from game.ui.scenes.rows import ScrollingRows
from game.ui.scenes.setup import OPPONENT_TITLES
from game.ui.widgets.base import blit_text
from game.ui.widgets.button import Button, OptionRow, button_height, button_width, option_row_height


class LoadScene(Scene):
    """The saved games, newest first (the autosave among them)."""

    def __init__(self, app):
        super().__init__(app)
        self.saves = list_saves()
        self.list = ScrollingRows(self)
        self._scenarios: dict[str, object] = {}

    def build(self, size) -> None:
        theme = self.theme
        m = layout.margin(theme)
        bar = self.plan_heading("Load a game", "newest first")
        button_h = button_height(theme)
        area = pygame.Rect(m * 4, bar.bottom + m, size[0] - 8 * m, size[1] - bar.bottom - 3 * m - button_h)
        row_w = area.w - theme.px(16)
        row_h = max((option_row_height(theme, row_w, *self._words(save)) for save in self.saves), default=theme.px(70))
        self.list.build(area, len(self.saves), min(row_h, area.h), theme.px(8), self._save_row)
        button = pygame.Rect(m * 4, size[1] - m - button_h, button_width(theme, "Back", "button", "Esc"), button_h)
        self.add(Button(button, "Back", self.back, hint="Esc"))

    def _scenario(self, scenario_id: str):
        if scenario_id not in self._scenarios:
            path = paths.find_scenario(scenario_id)
            try:
                self._scenarios[scenario_id] = load_cached(path, self.app.scenario_cache) if path else None
            except SaveError:
                self._scenarios[scenario_id] = None
        return self._scenarios[scenario_id]

    def _words(self, save) -> tuple[str, str, str]:
        """A save's title, description and badge, as the list shows them."""
        language = self.app.language
        scenario = self._scenario(save.scenario_id)
        when = datetime.datetime.fromtimestamp(save.modified)
        badge = f"{when.day} {when:%b %Y, %H:%M}"
        if save.path.name == "autosave.json":
            badge = f"Autosave, {badge}"
        if scenario is None:
            return save.scenario_id, "This game's scenario cannot be found.", badge
        title = scenario.title.get(language)
        if save.ended:
            state = "Finished"
        else:
            day = scenario.days[min(save.days_played, len(scenario.days) - 1)]
            state = f"Day {day.index + 1} of {len(scenario.days)}, {long_date(day.date)}"
        seats = []
        for role_id, player in save.players.items():
            role = scenario.roles.get(role_id)
            if role is None:
                continue
            who = "a player" if player == HUMAN else OPPONENT_TITLES.get(player, player).replace("Computer: ", "the computer, ")
            seats.append(f"{role.name}: {who}")
        return title, f"{state}. " + "; ".join(seats) + ".", badge

    def _save_row(self, index: int, rect: pygame.Rect) -> OptionRow:
        save = self.saves[index]
        title, description, badge = self._words(save)
        return OptionRow(rect, title, description, self._loader(save.path), badge=badge, name=f"save:{save.path.name}")

    def on_key(self, event) -> bool:
        return self.list.key(event) or super().on_key(event)

    def paint_static(self, surface: pygame.Surface) -> None:
        self.heading_bar(surface)
        if not self.saves:
            theme = self.theme
            blit_text(surface, theme, "No saved games yet.", "italic", theme.palette.ink_soft,
                      (self.app.size[0] // 2, self.app.size[1] // 2), "center")

    def static_texts(self) -> list[str]:
        return ["Load a game"]

    def _loader(self, path):
        def load() -> None:
            try:
                match = load_match(path, self.app.scenario_cache)
            except SaveError as error:
                self.app.notify(f"Cannot load {path.name}: {error}")
                return
            flow.continue_match(self.app, match)
        return load

    def back(self) -> bool:
        self.app.pop()
        return True
