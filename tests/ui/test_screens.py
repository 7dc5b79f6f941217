"""Resizing, the hot seat's secrecy, the pause menu (save, load, undo, settings) and Continue."""

import json

import pygame
import pytest

from game import paths
from game.ui.bench import screens
from game.ui.match import autosave_path, load_cached
from .driver import click, press, scene_name, step, widget

SCREENS = ("title", "setup", "scenarios", "load", "briefing", "day", "resolution", "ending", "pause", "settings",
           "pass_screen")


def resize(app, size):
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size))
    step(app)


def inside_the_window(app):
    window = pygame.Rect((0, 0), app.size)
    for scene in app.scenes:
        for each in scene.widgets:
            assert window.contains(each.rect), f"{each.name} on {type(scene).__name__} is outside {app.size}"


@pytest.mark.parametrize("name", SCREENS)
def test_every_screen_lays_itself_out_again_when_the_window_is_resized(app, only_demo, name):
    scenario = load_cached(only_demo, app.scenario_cache)
    screens(app, scenario)[name]()
    step(app)
    for size in ((1920, 1080), (1280, 720), (1600, 900), (1024, 768)):
        resize(app, size)
        assert app.size == size
        inside_the_window(app)
        app.draw()


def test_text_is_at_least_18_pixels_at_1280x720_and_grows_more_gently_than_the_window(app):
    """A bigger window gives the words more room: the type grows, but less than the window does."""
    assert app.theme.font_size("small") >= 18
    resize(app, (1920, 1080))
    assert 21 <= app.theme.font_size("small") < 27


def test_the_text_size_setting_enlarges_every_font(app):
    app.push("title")
    before = app.theme.font_size("body")
    app.push("settings")
    click(app, widget(app, "setting:text"))
    assert app.settings.text_scale > 1.0
    assert app.theme.font_size("body") > before


def test_hot_seat_hides_each_players_orders_from_the_other(app, only_demo):
    app.push("setup", scenario="demo", role="kennedy", opponent="human", seed=3)
    click(app, widget(app, "Begin"))
    match = app.top.match
    assert scene_name(app) == "PassScreen" and app.top.role == "kennedy"
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    assert scene_name(app) == "DayScene" and app.top.role == "kennedy"
    kennedy_card = app.top.cards[0]
    secret = kennedy_card.label
    press(app, pygame.K_1, "1")
    press(app, pygame.K_RETURN)
    assert match.session.order_of("kennedy") == kennedy_card.choice_id
    # the cover between the players shows nothing of Kennedy's order
    assert scene_name(app) == "PassScreen" and app.top.role == "khrushchev"
    assert not any(secret in text for text in app.top.texts())
    press(app, pygame.K_RETURN)
    assert scene_name(app) == "BriefingScene" and app.top.role == "khrushchev"
    assert not any(secret in text for text in app.top.texts())
    press(app, pygame.K_RETURN)
    assert scene_name(app) == "DayScene" and app.top.role == "khrushchev"
    shown = app.top.texts()
    assert not any(secret in text for text in shown)
    assert all(card.choice_id in {c.id for c in match.legal("khrushchev")} for card in app.top.cards)
    press(app, pygame.K_1, "1")
    press(app, pygame.K_RETURN)
    assert scene_name(app) == "ResolutionScene"  # now both sides see what both did
    assert any(secret in text for text in app.top.texts())


def test_escape_opens_the_pause_menu_over_the_day_and_resume_closes_it(app, only_demo):
    screens(app, load_cached(only_demo, app.scenario_cache))["day"]()
    press(app, pygame.K_ESCAPE)
    assert scene_name(app) == "PauseScene"
    assert scene_name(app) == "PauseScene" and len(app.scenes) == 2
    press(app, pygame.K_RETURN)  # Resume has the focus
    assert scene_name(app) == "DayScene"


def test_save_then_load_from_the_pause_menu_restores_the_game(app, only_demo):
    app.push("setup", scenario="demo", seed=5)
    click(app, widget(app, "Begin"))
    click(app, widget(app, "To the situation room"))
    click(app, app.top.cards[0])
    click(app, widget(app, "give order"))
    click(app, widget(app, "continue"))
    state = app.top.match.session.state
    press(app, pygame.K_ESCAPE)
    click(app, widget(app, "Save the game"))
    saved = [p for p in paths.saves_folder().glob("*.json") if p.name != "autosave.json"]
    assert len(saved) == 1
    app.reset("title")
    click(app, widget(app, "Load"))
    click(app, widget(app, f"save:{saved[0].name}"))
    assert scene_name(app) == "BriefingScene"
    assert app.top.match.session.state == state


def test_undo_the_last_day_from_the_pause_menu(app, only_demo):
    app.push("setup", scenario="demo", seed=5)
    click(app, widget(app, "Begin"))
    click(app, widget(app, "To the situation room"))
    click(app, app.top.cards[0])
    click(app, widget(app, "give order"))
    match = app.top.match
    assert len(match.session.state.history) == 1
    press(app, pygame.K_ESCAPE)
    click(app, widget(app, "Undo the last day"))
    assert len(match.session.state.history) == 0
    assert scene_name(app) == "DayScene"


def test_continue_on_the_title_picks_up_the_autosave_after_every_day(app, only_demo):
    app.push("setup", scenario="demo", seed=11)
    click(app, widget(app, "Begin"))
    click(app, widget(app, "To the situation room"))
    click(app, app.top.cards[0])
    click(app, widget(app, "give order"))
    click(app, widget(app, "continue"))
    state = app.top.match.session.state
    assert json.loads(autosave_path().read_text())["days"]
    app.reset("title")
    assert widget(app, "Continue").enabled
    press(app, pygame.K_RETURN)  # Continue has the focus when there is a game to continue
    assert scene_name(app) == "BriefingScene"
    assert app.top.match.session.state == state


def test_settings_are_kept_in_the_user_folder(make_app):
    from game.ui.settings import load_settings

    app = make_app()
    app.persist_settings = True
    app.push("title")
    app.push("settings")
    click(app, widget(app, "setting:palette"))
    click(app, widget(app, "setting:sound"))
    assert load_settings().colour_blind is True
    assert load_settings().sound is False
    assert app.theme.palette.name == "colour_blind_safe"


def test_a_damaged_settings_file_falls_back_to_the_defaults(tmp_path):
    from game.ui.settings import Settings, load_settings

    path = tmp_path / "settings.json"
    path.write_text('{"width": "wide", "text_scale": 9, "sound": false')
    assert load_settings(path) == Settings()
    path.write_text('{"width": 1600, "height": 900, "text_scale": 9}')
    assert load_settings(path) == Settings(width=1600, height=900)


def test_no_audio_device_does_not_stop_the_game(monkeypatch):
    from game.ui.sound import Sound

    def refuse(*args, **kwargs):
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "init", refuse)
    sound = Sound(enabled=True)
    sound.play("click")
    sound.play("order")
    sound.close()


@pytest.mark.parametrize("scale", [1.0, 1.5])
@pytest.mark.parametrize("name", ["pause", "settings"])
def test_a_menus_title_clears_its_first_button_at_every_text_size(make_app, only_demo, name, scale):
    app = make_app(text_scale=scale)
    screens(app, load_cached(only_demo, app.scenario_cache))[name]()
    step(app)
    scene = app.top
    title = app.theme.text(scene.title, "title").get_rect(midtop=(scene.box.centerx, scene.box.y + app.theme.px(16)))
    first = min(w.rect.top for w in scene.widgets)
    assert title.bottom <= first
    assert all(scene.box.contains(w.rect) for w in scene.widgets)
