"""Loading a saved game, newest first (the autosave among them).

Each save is shown as a player thinks of it: the crisis, the day it stands on, who plays whom,
and when it was saved, rather than as a file name.
"""

from __future__ import annotations

import datetime

import pygame

from game.engine.saves import SaveError
from game.i18n import long_date, short_date
from game.ui import flow, layout
from game.ui.match import list_saves, load_cached, load_match
from game.ui.scenes.base import Scene
from game.ui.scenes.rows import ScrollingRows
from game.engine.strategist import Strategist, parse_name
from game.ui.scenes.setup import OPPONENT_IN_A_SAVE
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
        _ = self.app.words
        bar = self.plan_heading(_("Load a game"), _("newest first"))
        button_h = button_height(theme)
        area = pygame.Rect(m * 4, bar.bottom + m, size[0] - 8 * m, size[1] - bar.bottom - 3 * m - button_h)
        row_w = area.w - theme.px(16)
        row_h = max((option_row_height(theme, row_w, *self._words(save)) for save in self.saves), default=theme.px(70))
        self.list.build(area, len(self.saves), min(row_h, area.h), theme.px(8), self._save_row)
        button = pygame.Rect(m * 4, size[1] - m - button_h, button_width(theme, _("Back"), "button", self.app.keys.label("back")), button_h)
        self.add(Button(button, _("Back"), self.back, hint=self.app.keys.label("back"), name="Back"))

    def _scenario(self, path):
        """The scenario at the file the save would be opened on (None: none, or it does not load)."""
        if path not in self._scenarios:
            try:
                self._scenarios[path] = load_cached(path, self.app.scenario_cache) if path else None
            except SaveError:
                self._scenarios[path] = None
        return self._scenarios[path]

    def _words(self, save) -> tuple[str, str, str]:
        """A save's title, description and badge, as the list shows them."""
        language = self.app.language
        _ = self.app.words
        scenario = self._scenario(save.scenario_path)
        when = datetime.datetime.fromtimestamp(save.modified)
        badge = f"{short_date(when.date().isoformat(), _)} {when.year}, {when:%H:%M}"
        if save.path.name == "autosave.json":
            badge = _("Autosave, {when}", when=badge)
        if save.problem is not None:
            return save.scenario_id, _("This save cannot be opened: {reason}", reason=save.problem), badge
        if scenario is None:
            return save.scenario_id, _("This game's scenario cannot be found."), badge
        title = scenario.title.get(language)
        if save.ended:
            state = _("Finished")
        else:
            day = scenario.days[min(save.days_played, len(scenario.days) - 1)]
            state = _("Day {number} of {total}", number=day.index + 1, total=len(scenario.days)) + \
                f", {long_date(day.date, _)}"
        seats = []
        for role_id, player in save.players.items():
            role = scenario.roles.get(role_id)
            if role is None:
                continue
            strategist = parse_name(player)
            listed = Strategist(strategist.temper).name if strategist is not None else player  # any difficulty
            who = _(OPPONENT_IN_A_SAVE[listed]) if listed in OPPONENT_IN_A_SAVE else player
            seats.append(f"{role.name.get(language)}: {who}")
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
            _ = self.app.words
            blit_text(surface, theme, _("No saved games yet."), "italic", theme.palette.ink_soft,
                      (self.app.size[0] // 2, self.app.size[1] // 2), "center")

    def static_texts(self) -> list[str]:
        _ = self.app.words
        return [_("Load a game")]

    def _loader(self, path):
        def load() -> None:
            try:
                match = load_match(path, self.app.scenario_cache)
            except SaveError as error:
                _ = self.app.words
                self.app.notify(_("Cannot load {file}: {error}", file=path.name, error=error.reason))
                return
            flow.continue_match(self.app, match)
        return load

    def back(self) -> bool:
        self.app.pop()
        return True
