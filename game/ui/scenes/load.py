"""Loading a saved game, newest first (the autosave among them)."""

from __future__ import annotations

import datetime

import pygame

from game import paths
from game.engine.saves import SaveError
from game.ui import flow, layout
from game.ui.match import list_saves, load_match
from game.ui.scenes.base import Scene
from game.ui.scenes.rows import ScrollingRows
from game.ui.widgets.base import blit_text
from game.ui.widgets.button import Button, OptionRow


class LoadScene(Scene):
    """The saved games, newest first (the autosave among them)."""

    def __init__(self, app):
        super().__init__(app)
        self.saves = list_saves()
        self.list = ScrollingRows(self)
        self._titles: dict[str, str] = {}

    def build(self, size) -> None:
        theme = self.theme
        m = layout.margin(theme)
        bar = layout.top_bar(size, theme)
        area = pygame.Rect(m * 4, bar.bottom + m, size[0] - 8 * m, size[1] - bar.bottom - 3 * m - theme.px(48))
        self.list.build(area, len(self.saves), layout.option_row_height(theme, 70, 1), theme.px(8), self._save_row)
        if not self.saves:
            self.empty = True
        button = pygame.Rect(m * 4, size[1] - m - theme.px(48), theme.px(180), theme.px(48))
        self.add(Button(button, "Back", self.back, hint="Esc"))

    def _save_row(self, index: int, rect: pygame.Rect) -> OptionRow:
        save = self.saves[index]
        title = self._titles.get(save.scenario_id) or self._scenario_title(save.scenario_id)
        self._titles[save.scenario_id] = title
        when = datetime.datetime.fromtimestamp(save.modified).strftime("%d %b %Y, %H:%M")
        who = ", ".join(f"{role}: {'player' if p == 'human' else p}" for role, p in save.players.items())
        state = "ended" if save.ended else f"{save.days_played} day{'s' if save.days_played != 1 else ''} played"
        name = "Autosave" if save.path.name == "autosave.json" else save.path.stem
        return OptionRow(rect, f"{name} \u2014 {title}", f"{state}; {who}", self._loader(save.path),
                         badge=when, name=f"save:{save.path.name}")

    def on_key(self, event) -> bool:
        return self.list.key(event) or super().on_key(event)

    def _scenario_title(self, scenario_id: str) -> str:
        path = paths.find_scenario(scenario_id)
        if path is None:
            return scenario_id
        for key, scenario in self.app.scenario_cache.items():
            if scenario.id == scenario_id:
                return scenario.title.get(self.app.language)
        return scenario_id

    def paint_static(self, surface: pygame.Surface) -> None:
        self.heading_bar(surface, "Load a game", f"from {paths.saves_folder()}")
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
