"""The real App, headless (tests/conftest.py sets the dummy video and audio drivers), for every UI test."""

import os

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.ui.app import App  # noqa: E402  (after the drivers are chosen)
from game.ui.settings import Settings  # noqa: E402
from game.ui.speech import RecordingSpeaker  # noqa: E402

SCENARIO_CACHE: dict = {}  # scenarios load once per test run


@pytest.fixture
def make_app():
    apps = []

    def make(width=1280, height=720, **settings):
        app = App(Settings(width=width, height=height, **settings), baked_art=False, persist_settings=False,
                  scenario_cache=SCENARIO_CACHE)
        app.sound.enabled = False
        app.speaker = RecordingSpeaker()  # a test that turns self-voicing on is heard here, never aloud
        apps.append(app)
        return app

    yield make
    for app in apps:
        while app.scenes:
            app.scenes.pop().shutdown()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def only_demo(monkeypatch, repo_root):
    """The scenario lists show only the demo, so screens do not change as scenarios are added."""
    from game import paths

    demo = repo_root / "scenarios" / "demo" / "scenario.yaml"
    monkeypatch.setattr(paths, "available_scenarios", lambda: [demo])
    return demo


@pytest.fixture
def own_scenario(repo_root):
    """A copy of the demo in the user's scenarios folder, to edit as an author does."""
    import shutil

    from game import paths

    folder = paths.user_scenarios_folder() / "my_crisis"
    folder.mkdir(parents=True)
    path = folder / "scenario.yaml"
    shutil.copy(repo_root / "scenarios" / "demo" / "scenario.yaml", path)
    return path
