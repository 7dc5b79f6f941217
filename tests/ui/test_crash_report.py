"""A crash in the window's loop leaves a report in the player's log folder and says where.

The real App runs its real loop (``App.run``) headless, with a scene injected on top of a game
in progress that fails after a few frames, as a bug in a screen would.
"""

import os

import pygame

from game import __version__, paths
from game.ui.bench import bench_scenario, play_on
from game.ui.crash import draw_crash_screen
from game.ui.match import HUMAN, Match
from game.ui.scenes.base import Scene


class FailingScene(Scene):
    """Draws like any screen for a few frames, then fails in ``update``."""

    def __init__(self, app, match, fail_after: int = 3):
        super().__init__(app)
        self.match = match
        self.updates_left = fail_after * 2  # two fixed steps per 60 Hz frame, about

    def draw(self, surface):
        surface.fill(self.theme.palette.paper)

    def update(self, dt):
        self.updates_left -= 1
        if self.updates_left <= 0:
            # what a player would do on the crash screen: press a key to close it
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, unicode=" ", mod=0))
            raise RuntimeError("injected failure in a scene")


def test_a_crash_in_a_scene_writes_a_report_and_says_where(make_app, capsys):
    app = make_app()
    scenario = bench_scenario(app.scenario_cache)
    match = Match.new(scenario, 4242, {role: HUMAN for role in scenario.roles}, autosave=paths.saves_folder() / "x.json")
    play_on(match, 2)
    app.registry["failing"] = lambda app, **needs: FailingScene(app, **needs)
    app.push("title")
    app.push("failing", match=match)

    status = app.run()

    assert status == 1
    assert app.frames >= 2  # the loop really ran and drew before the failure
    reports = sorted(paths.logs_folder().glob("crash-*.txt"))
    assert len(reports) == 1
    text = reports[0].read_text(encoding="utf-8")
    assert f"Brinkmanship {__version__} crash report" in text
    assert f"Scenario: {scenario.id}" in text
    assert "Seed: 4242" in text
    last = match.session.state.history[-1]
    assert len(match.session.state.history) == 2
    orders = ", ".join(f"{role}={choice or '-'}" for role, choice in last.orders)
    assert f"Last day's orders ({last.day_id}): {orders}" in text
    first = match.session.state.history[0]
    assert f"Every day's orders: {first.day_id}: " in text
    assert "Traceback (most recent call last):" in text
    assert "RuntimeError: injected failure in a scene" in text
    assert "in update" in text  # the failing frame, from the real loop down to the scene
    assert "Screens: TitleScene > FailingScene" in text
    assert str(reports[0]) in capsys.readouterr().err  # the terminal is told where


def test_a_crash_outside_a_game_still_writes_a_report(make_app):
    app = make_app()
    app.registry["failing"] = lambda app, **needs: FailingScene(app, match=None, fail_after=1)
    app.push("failing")
    assert app.run() == 1
    (report,) = paths.logs_folder().glob("crash-*.txt")
    assert "Scenario: none (no game was being played)" in report.read_text(encoding="utf-8")


def test_the_crash_screen_names_the_report(tmp_path):
    from game import i18n

    surface = pygame.Surface((1280, 720))
    report = tmp_path / "crash-20261205-140000.txt"
    draw_crash_screen(surface, i18n.words("en"), report)
    pygame.image.save(surface, os.environ.get("BRINK_CRASH_SCREEN_PNG", str(tmp_path / "crash_screen.png")))
    # text was drawn across the middle of the page: some dark ink on the paper
    ink = sum(1 for x in range(0, 1280, 4) for y in range(150, 600, 4) if surface.get_at((x, y))[0] < 120)
    assert ink > 200
    assert surface.get_at((5, 5))[:3] == (244, 238, 226)


def test_a_screen_that_fails_to_open_at_launch_is_reported_too(monkeypatch, repo_root, capsys):
    """``brink play SCENARIO`` opens the setup screen before the loop starts: its failure is caught as well."""
    from game.ui import app as app_module
    from game.ui import scenes

    real_registry = scenes.registry

    def failing_setup(app, **needs):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, unicode=" ", mod=0))
        raise ValueError("injected failure opening the setup screen")

    monkeypatch.setattr(scenes, "registry", lambda: {**real_registry(), "setup": failing_setup})
    status = app_module.launch(scenario=str(repo_root / "scenarios" / "demo" / "scenario.yaml"))
    assert status == 1
    (report,) = paths.logs_folder().glob("crash-*.txt")
    text = report.read_text(encoding="utf-8")
    assert "ValueError: injected failure opening the setup screen" in text
    assert "in _open_first_screens" in text
    assert str(report) in capsys.readouterr().err
