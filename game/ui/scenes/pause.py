"""The pause menu: resume, save, load, undo the last day, settings, quit to the title."""

from __future__ import annotations

import datetime

from game import paths
from game.i18n import N_
from game.ui import flow
from game.ui.scenes.overlay import Overlay


class PauseScene(Overlay):
    title = N_("Paused")

    def __init__(self, app, match=None):
        super().__init__(app)
        self.match = match

    def build(self, size) -> None:
        can_undo = self.match is not None and bool(self.match.session.earlier)
        _ = self.app.words
        self.stack_buttons([
            (_("Resume"), self.back, True, "Resume"),
            (_("Save the game"), self.save, self.match is not None, "Save the game"),
            (_("Load a game"), lambda: self.app.push("load"), True, "Load a game"),
            (_("Undo the last day"), self.undo, can_undo, "Undo the last day"),
            (_("Settings"), lambda: self.app.push("settings"), True, "Settings"),
            (_("Quit to the title"), self.quit_to_title, True, "Quit to the title"),
        ])

    def save(self) -> None:
        match = self.match
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        name = f"{match.scenario.id}-day{match.session.state.day_index + 1}-{stamp}.json"
        path = paths.saves_folder() / name
        try:
            match.save(path)
        except OSError as error:
            _ = self.app.words
            self.app.notify(_("Could not save to {file}: {error}", file=str(error.filename or path),
                              error=error.strerror or error), 8.0)
            return
        self.app.notify(self.app.words.gettext("Saved as {name}").format(name=name))
        self.app.pop()

    def undo(self) -> None:
        if self.match.undo():
            self.app.notify(self.app.words.gettext("The last day was undone."))
            flow.show_current(self.app, self.match)

    def quit_to_title(self) -> None:
        if self.match is not None:
            self.match.write_autosave()
        self.app.reset("title")
        if self.match is not None:  # the title holds no match: say it here if the autosave failed
            flow.show_write_problems(self.app, self.match)
