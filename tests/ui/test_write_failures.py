"""The window when its own files cannot be written: the game goes on, and the player is told where and why."""

from __future__ import annotations

import os
import shutil

import pygame

from game import paths
from .driver import click, press, scene_name, step, widget
from .test_hot_reload import on_day_two


def blocked(tmp_path, name: str):
    """A path that no one can write, root included: its folder is a regular file."""
    in_the_way = tmp_path / "somefile"
    in_the_way.write_text("not a folder")
    return in_the_way / name


def test_an_autosave_and_log_that_fail_are_shown_once_and_the_game_goes_on(app, own_scenario, tmp_path):
    app.push("setup", scenario="my_crisis", role="kennedy", opponent="historical", seed=7)
    click(app, widget(app, "Begin"))
    match = app.top.match
    match.autosave, match.log_path = blocked(tmp_path, "autosave.json"), blocked(tmp_path, "game.jsonl")
    click(app, widget(app, "To the situation room"))
    click(app, widget(app, "choice:wait_and_watch"))
    click(app, widget(app, "give order"))
    click(app, widget(app, "continue"))  # the day ends: the log and the autosave are written
    reason = os.strerror(20)  # ENOTDIR: Not a directory
    assert app.notice[0] == (f"The game goes on, but its log could not be written to {match.log_path}: {reason}\n"
                             f"The game goes on, but it could not be autosaved to {match.autosave}: {reason}")
    app.notice = None
    click(app, widget(app, "To the situation room"))
    click(app, widget(app, "choice:wait_and_watch"))
    click(app, widget(app, "give order"))
    click(app, widget(app, "continue"))
    assert app.notice is None  # the same failure is not repeated every day
    assert scene_name(app) == "BriefingScene" and len(match.session.state.history) == 2


def test_a_failure_that_comes_back_after_a_write_that_worked_is_shown_again(app, own_scenario, tmp_path):
    match = on_day_two(app)
    match.autosave = blocked(tmp_path, "autosave.json")
    match.write_autosave()
    step(app)
    assert "could not be autosaved" in app.notice[0]
    app.notice = None
    match.autosave = tmp_path / "autosave.json"
    match.write_autosave()
    match.autosave = blocked(tmp_path, "autosave.json")
    match.write_autosave()
    step(app)
    assert "could not be autosaved" in app.notice[0]


def test_quitting_to_the_title_says_when_the_autosave_failed(app, own_scenario, tmp_path):
    match = on_day_two(app)
    match.autosave = blocked(tmp_path, "autosave.json")
    press(app, pygame.K_ESCAPE)
    click(app, widget(app, "Quit to the title"))
    assert scene_name(app) == "TitleScene"
    assert app.notice[0].startswith(f"The game goes on, but it could not be autosaved to {match.autosave}")


def test_saving_from_the_pause_menu_names_the_file_that_could_not_be_written(app, own_scenario, tmp_path):
    on_day_two(app)
    saves = paths.saves_folder()
    shutil.rmtree(saves, ignore_errors=True)
    saves.write_text("in the way")  # the saves folder is a file: nothing can be saved in it
    press(app, pygame.K_ESCAPE)
    click(app, widget(app, "Save the game"))
    assert app.notice[0].startswith(f"Could not save to {saves}/demo-day2-") and app.notice[0].endswith(
        ": Not a directory")
    assert scene_name(app) == "PauseScene"


def test_settings_that_cannot_be_saved_apply_and_say_so():
    from game.ui.app import App
    from game.ui.settings import Settings, settings_path

    folder = settings_path().parent
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("in the way")  # the settings' folder is a file
    app = App(Settings(width=1280, height=720), baked_art=False, persist_settings=True, scenario_cache={})
    try:
        app.apply_settings(app.settings.changed(text_scale=1.25))
        assert app.settings.text_scale == 1.25
        assert app.notice[0] == (f"The settings apply now, but could not be saved to {settings_path()}: "
                                 "Not a directory")
    finally:
        while app.scenes:
            app.scenes.pop().shutdown()


def test_save_on_the_command_line_is_where_the_window_autosaves(monkeypatch, tmp_path, repo_root):
    import json

    from game import cli
    from game.ui import app as app_module

    opened = []
    monkeypatch.setattr(app_module.App, "run", lambda self: opened.append(self) or 0)
    target = tmp_path / "mine.json"
    assert cli.main(["play", "demo", "--role", "kennedy", "--seed", "5", "--save", str(target)]) == 0
    app = opened[0]
    click(app, widget(app, "Begin"))
    assert app.top.match.autosave == target
    assert json.loads(target.read_text())["seed"] == 5 and not paths.saves_folder().joinpath("autosave.json").exists()
    while app.scenes:
        app.scenes.pop().shutdown()


def test_the_window_tidies_what_a_killed_write_left_beside_its_save_and_log(monkeypatch, tmp_path):
    import time

    from game import cli
    from game.ui import app as app_module

    orphans = [tmp_path / ".mine.json.k2j4x9.tmp", tmp_path / ".mine.jsonl.a8f3q1.tmp"]
    an_hour_ago = time.time() - 3600
    for orphan in orphans:
        orphan.write_text("{")
        os.utime(orphan, (an_hour_ago, an_hour_ago))
    monkeypatch.setattr(app_module.App, "run", lambda self: 0)
    assert cli.main(["play", "demo", "--save", str(tmp_path / "mine.json"), "--log", str(tmp_path / "mine.jsonl")]) == 0
    assert not any(orphan.exists() for orphan in orphans)


def test_the_seed_field_takes_only_ascii_digits(app, only_demo):
    app.push("setup", scenario="demo", role="kennedy", opponent="historical", seed=12)
    field = widget(app, "seed")
    click(app, field)
    for character in "²٣x7":
        press(app, pygame.K_UNKNOWN, unicode=character)
    assert field.value == "127"
    click(app, widget(app, "Begin"))
    assert app.top.match.session.state.seed == 127
