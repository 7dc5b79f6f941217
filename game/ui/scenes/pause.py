"""The pause menu: resume, save, load, undo the last day, settings, quit to the title."""

from __future__ import annotations

import datetime

from game import paths
from game.ui import flow
from game.ui.scenes.overlay import Overlay


class PauseScene(Overlay):
    title = "Paused"

    def __init__(self, app, match=None):
        super().__init__(app)
        self.match = match

    def build(self, size) -> None:
        can_undo = self.match is not None and bool(self.match.session.earlier)
        self.stack_buttons([
            ("Resume", self.back, True),
            ("Save the game", self.save, self.match is not None),
            ("Load a game", lambda: self.app.push("load"), True),
            ("Undo the last day", self.undo, can_undo),
            ("Settings", lambda: self.app.push("settings"), True),
            ("Quit to the title", self.quit_to_title, True),
        ])

    def save(self) -> None:
        match = self.match
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        name = f"{match.scenario.id}-day{match.session.state.day_index + 1}-{stamp}.json"
        path = paths.saves_folder() / name
        try:
            match.save(path)
        except OSError as error:
            self.app.notify(f"Could not save: {error.strerror or error}")
            return
        self.app.notify(f"Saved as {name}")
        self.app.pop()

    def undo(self) -> None:
        if self.match.undo():
            self.app.notify("The last day was undone.")
            flow.show_current(self.app, self.match)

    def quit_to_title(self) -> None:
        if self.match is not None:
            self.match.write_autosave()
        self.app.reset("title")
