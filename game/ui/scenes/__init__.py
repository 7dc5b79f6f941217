"""The scenes, registered by name explicitly (nothing is discovered by importing folders)."""

from __future__ import annotations

from collections.abc import Callable


def registry() -> dict[str, Callable]:
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.day import DayScene
    from game.ui.scenes.ending import EndingScene
    from game.ui.scenes.keys import KeysScene
    from game.ui.scenes.load import LoadScene
    from game.ui.scenes.pass_screen import PassScreen
    from game.ui.scenes.pause import PauseScene
    from game.ui.scenes.problems import ProblemsScene
    from game.ui.scenes.projector import ProjectorScene
    from game.ui.scenes.scenarios import ScenariosScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.resolution import ResolutionScene
    from game.ui.scenes.setup import SetupScene
    from game.ui.scenes.title import TitleScene

    return {
        "title": TitleScene,
        "setup": SetupScene,
        "scenarios": ScenariosScene,
        "load": LoadScene,
        "briefing": BriefingScene,
        "day": DayScene,
        "resolution": ResolutionScene,
        "ending": EndingScene,
        "pause": PauseScene,
        "settings": SettingsScene,
        "keys": KeysScene,
        "pass_screen": PassScreen,
        "problems": ProblemsScene,
        "projector": ProjectorScene,
    }
