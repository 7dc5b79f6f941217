"""Accessibility in the window: keys the player chooses, reduced motion, and self-voicing.

Every test drives the real scenes with posted events; the voice is heard through a recording
speaker, and the missing voice through a stand-in for the optional pyttsx3 package.
"""

import importlib.machinery
import json
import sys
import threading
import time
import types

import pygame

from game.ui import speech
from game.ui.bench import screens
from game.ui.keymap import ACTIONS, KeyMap, usable
from game.ui.match import load_cached
from game.ui.settings import load_settings, save_settings
from game.ui.speech import NO_ENGINE, NO_EXTRA, NO_PLAYER, EngineSpeaker
from .driver import DT, click, press, scene_name, step, tab_to, widget
from .golden import bad_pixels, reduced


def open_keys_page(app):
    app.push("title")
    app.push("settings")
    step(app)
    click(app, widget(app, "keys"))
    assert scene_name(app) == "KeysScene"


def rebind(app, action_id: str, key: int, unicode: str = ""):
    """Walk to the action's row with Tab, Enter on it, then the new key: as a keyboard player does."""
    tab_to(app, f"key:{action_id}")
    press(app, pygame.K_RETURN)
    assert app.top.listening == action_id
    press(app, key, unicode)


def on_the_day(app, scenario_path):
    scenario = load_cached(scenario_path, app.scenario_cache)
    screens(app, scenario)["day"]()
    step(app)
    assert scene_name(app) == "DayScene"


# --- keys ---------------------------------------------------------------------------------------------
def test_a_rebound_key_does_the_action_and_the_old_key_no_longer_does(app, only_demo):
    open_keys_page(app)
    rebind(app, "map", pygame.K_g, "g")
    assert app.settings.keys == (("map", "g"),)
    assert widget(app, "key:map").key_label == "G"
    on_the_day(app, only_demo)
    first = app.top.tab
    press(app, pygame.K_m)
    assert app.top.tab == first  # M no longer switches the map
    press(app, pygame.K_g, "g")
    assert app.top.tab != first
    assert widget(app, f"tab:{app.top.tab}").hint == "G"  # the tab's hint names the new key


def test_a_rebound_back_key_opens_the_menu_and_escape_still_cancels_a_change(app, only_demo):
    open_keys_page(app)
    rebind(app, "back", pygame.K_q, "q")
    press(app, pygame.K_RETURN)  # the focus stayed on the row: change it again, then think better of it
    press(app, pygame.K_ESCAPE)
    assert scene_name(app) == "KeysScene" and app.top.listening is None
    assert app.keys.key_of("back") == "q"
    assert app.notice[0].startswith("Unchanged")
    on_the_day(app, only_demo)
    press(app, pygame.K_ESCAPE)
    assert scene_name(app) == "DayScene"
    press(app, pygame.K_q, "q")
    assert scene_name(app) == "PauseScene"


def test_a_key_already_doing_something_on_the_same_screens_is_refused_with_a_message(app):
    open_keys_page(app)
    rebind(app, "map", pygame.K_h, "h")
    assert app.keys.key_of("map") == "m" and app.settings.keys == ()
    assert "H is already the key for \u201cOrders so far\u201d" in app.notice[0]
    rebind(app, "map", pygame.K_SPACE, " ")
    assert app.keys.key_of("map") == "m"
    assert "cannot be given to an action" in app.notice[0]


def test_the_default_keys_never_clash_and_every_one_may_be_taken():
    keys = KeyMap()
    for action in ACTIONS:
        assert keys.clash(action.id, action.default) is None, action.id
        assert usable(action.default), action.id


def test_actions_of_screens_never_seen_together_may_share_a_key():
    keys = KeyMap()
    assert keys.key_of("add_minute") == keys.key_of("next_advisor") == "a"  # the projector and the day
    assert keys.clash("next_advisor", "f") is None  # the projector's +5 minutes is on F
    assert keys.clash("next_advisor", "r") == "read_page"  # a key for everywhere is on every screen


def test_reset_to_defaults_puts_every_key_back(app):
    open_keys_page(app)
    rebind(app, "briefing", pygame.K_g, "g")
    assert app.keys.key_of("briefing") == "g"
    click(app, widget(app, "reset"))
    assert app.settings.keys == () and app.keys.key_of("briefing") == "b"


def test_the_keys_page_lists_every_action_with_its_key(app):
    open_keys_page(app)
    listed = set()
    for _ in range(len(ACTIONS)):  # walk the whole list with the arrows: the window scrolls along
        focus = app.top.focus
        if focus is not None and focus.name.startswith("key:"):
            listed.add(focus.name[4:])
        press(app, pygame.K_DOWN)
    assert listed == {action.id for action in ACTIONS}


def test_chosen_keys_are_kept_in_the_settings_file_and_bad_ones_dropped(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"keys": {"map": "g", "briefing": "h", "nonsense": "x", "choices": "space",
                                         "next_advisor": "no such key"}}))
    settings = load_settings(path)
    assert dict(settings.keys) == {"map": "g"}  # H clashes with orders so far; Space is kept for the lists
    save_settings(settings.changed(keys=(("map", "g"), ("back", "f1"))), path)
    assert json.loads(path.read_text())["keys"] == {"map": "g", "back": "f1"}
    assert load_settings(path).keys == (("back", "f1"), ("map", "g"))  # in the order of the keys page


# --- reduced motion -------------------------------------------------------------------------------------
def frame(app) -> pygame.Surface:
    return reduced(app.draw(pygame.Surface(app.size)).convert(24))


def share_differing(one: pygame.Surface, other: pygame.Surface) -> float:
    count, _ = bad_pixels(one, other, 24)
    return count / (one.get_width() * one.get_height())


def test_reduced_motion_shows_the_last_frame_of_every_animation_at_once(make_app, only_demo):
    scenario = load_cached(only_demo, {})
    moving = make_app(1280, 720)
    screens(moving, scenario)["resolution"]()
    step(moving)
    start = frame(moving)
    step(moving, round(6 / DT))  # every meter, ship and ring has long come to rest
    end = frame(moving)
    still = make_app(1280, 720, reduced_motion=True)
    screens(still, scenario)["resolution"]()
    step(still)
    at_once = frame(still)
    assert share_differing(start, end) > 0.005, "the screen should move when motion is not reduced"
    # at rest, the two differ only by the ring a changed alert level keeps when it may not pulse
    assert share_differing(at_once, end) < 0.002


def test_reduced_motion_settles_each_moving_widget_as_soon_as_it_is_added(make_app, only_demo):
    app = make_app(1280, 720, reduced_motion=True)
    scenario = load_cached(only_demo, app.scenario_cache)
    screens(app, scenario)["resolution"]()
    from game.ui.widgets.gauge import DefconGauge, MeterBar

    meters = [w for w in app.top.widgets if isinstance(w, MeterBar)]
    assert meters and all(m.shown == m.value for m in meters)
    gauge = next(w for w in app.top.widgets if isinstance(w, DefconGauge))
    assert gauge.pulse == 0 and gauge.shown == gauge.level


# --- self-voicing ----------------------------------------------------------------------------------------
def voiced_app(make_app, **settings):
    return make_app(1280, 720, self_voicing=True, **settings)  # heard by the fixture's recording speaker


def test_self_voicing_speaks_the_screen_title_then_each_focused_button(make_app):
    app = voiced_app(make_app)
    app.push("title")
    step(app)
    assert app.speaker.spoken[0].startswith("Brinkmanship. ")
    assert app.speaker.spoken[0].endswith(f"{app.top.focus.label}.")
    press(app, pygame.K_TAB)
    assert app.speaker.spoken[-1] == app.top.focus.label == "Host a class"
    press(app, pygame.K_DOWN)
    assert app.speaker.spoken[-1] == "Load"


def test_the_button_under_the_pointer_is_spoken_too(make_app):
    app = voiced_app(make_app)
    app.push("title")
    step(app)
    load = widget(app, "Load")
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=load.rect.center, rel=(0, 0), buttons=(0, 0, 0)))
    step(app)
    assert app.speaker.spoken[-1] == "Load"


def test_a_setting_changed_is_spoken_with_its_new_value_and_nothing_is_said_twice(make_app):
    app = voiced_app(make_app)
    app.push("title")
    app.push("settings")
    step(app)
    tab_to(app, "setting:sound")
    assert app.speaker.spoken[-1] == "Sound: on"
    heard = len(app.speaker.spoken)
    press(app, pygame.K_RETURN)
    assert app.speaker.spoken[heard:] == ["Sound: off"]


def test_the_read_key_reads_the_whole_screen_and_b_reads_the_briefing(make_app, only_demo):
    app = voiced_app(make_app)
    on_the_day(app, only_demo)
    match = app.top.match
    briefing = match.t(match.session.day.briefing_for(app.top.role, match.session.state.values))
    press(app, pygame.K_r, "r")
    page = app.speaker.spoken[-1]
    assert briefing.split()[0] in page and all(match.t(c.label) in page for c in app.top.choices)
    press(app, pygame.K_a, "a")
    press(app, pygame.K_b, "b")
    assert " ".join(briefing.split()) in app.speaker.spoken[-1]


def test_a_heard_advisor_is_spoken_with_the_advice_and_a_picked_card_says_it_is_selected(make_app, only_demo):
    app = voiced_app(make_app)
    on_the_day(app, only_demo)
    press(app, pygame.K_a, "a")
    advisor, advice = app.top.advice[0]
    assert app.top.match.t(advice.text) in app.speaker.spoken[-1]
    first = app.top.cards[0].name
    press(app, pygame.K_1, "1")  # pick the first card: the focus moves on to the order button
    assert app.top.focus.name == "give order"
    tab_to(app, first)  # back to the card, now picked
    assert app.speaker.spoken[-1] == f"1. {app.top.focus.label}. selected."


def test_the_read_key_on_the_day_also_reads_defcon_and_every_meter(make_app, only_demo):
    app = voiced_app(make_app)
    on_the_day(app, only_demo)
    press(app, pygame.K_r, "r")
    from game.ui.widgets.gauge import MeterBar

    meters = [w for w in app.top.widgets if isinstance(w, MeterBar)]
    assert meters and all(f"{m.label}: " in app.speaker.spoken[-1] for m in meters)
    assert "DEFCON" in app.speaker.spoken[-1]


def test_a_notice_is_spoken_too(make_app):
    app = voiced_app(make_app)
    app.push("title")
    app.notify("Saved")
    assert app.speaker.spoken[-1] == "Saved"


def test_without_self_voicing_nothing_is_spoken(make_app):
    app = make_app(1280, 720)
    app.push("title")
    press(app, pygame.K_TAB)
    press(app, pygame.K_r, "r")
    assert app.speaker.spoken == []


def test_without_the_voice_extra_the_toggle_says_so_and_the_game_plays_on(make_app, monkeypatch):
    real = speech.importlib.util.find_spec
    monkeypatch.setattr(speech.importlib.util, "find_spec", lambda name: None if name == "pyttsx3" else real(name))
    app = turn_voicing_on(make_app)
    assert app.settings.self_voicing and app.speaker.problem == NO_EXTRA
    assert widget(app, "setting:voicing").label == "Self-voicing: no voice found"
    assert "pip install brinkmanship[voice]" in app.notice[0]
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_TAB)
    assert scene_name(app) == "TitleScene" and app.running


def turn_voicing_on(make_app):
    """A window whose speaker is found as a player's is (none given), with the self-voicing
    toggle of the settings clicked on."""
    app = make_app(1280, 720)
    app.speaker = None
    app.push("title")
    app.push("settings")
    step(app)
    click(app, widget(app, "setting:voicing"))
    return app


def fake_pyttsx3(monkeypatch, init):
    module = types.ModuleType("pyttsx3")
    module.__spec__ = importlib.machinery.ModuleSpec("pyttsx3", None)
    module.init = init
    monkeypatch.setitem(sys.modules, "pyttsx3", module)


def test_without_a_speech_engine_under_the_extra_the_toggle_says_so(make_app, monkeypatch):
    def init():
        raise RuntimeError("This means you probably do not have eSpeak or eSpeak-ng installed!")
    fake_pyttsx3(monkeypatch, init)
    app = turn_voicing_on(make_app)
    assert app.speaker.wait_ready(5)
    step(app)  # the engine failed on its thread; the next frame shows it
    assert app.speaker.problem == NO_ENGINE
    assert widget(app, "setting:voicing").label == "Self-voicing: no voice found"
    assert "espeak-ng" in app.notice[0]


class SlowEngine:
    """A speech engine that takes its time over every sentence, as a real one does."""

    def __init__(self):
        self.said: list[str] = []
        self.spoke = threading.Event()

    def getProperty(self, name):  # noqa: N802  (pyttsx3's spelling)
        return []

    def setProperty(self, name, value):  # noqa: N802
        pass

    def say(self, text):
        self.said.append(text)

    def runAndWait(self):  # noqa: N802
        time.sleep(0.3)
        self.spoke.set()

    def stop(self):
        raise AssertionError("stopped from another thread: espeak-ng can deadlock on that")


def until(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_when_the_focus_runs_ahead_of_the_voice_only_the_newest_words_are_said(monkeypatch):
    engine = SlowEngine()
    fake_pyttsx3(monkeypatch, lambda: engine)
    monkeypatch.setattr(speech.shutil, "which", lambda name: f"/usr/bin/{name}")
    speaker = EngineSpeaker()
    assert speaker.wait_ready(5)
    speaker.say("New game")
    assert until(lambda: engine.said == ["New game"])
    for label in ("Host a class", "Load", "Scenarios"):  # Tab, Tab, Tab while "New game" is still being said
        speaker.say(label)
    assert until(lambda: len(engine.said) == 2)
    time.sleep(0.4)
    assert engine.said == ["New game", "Scenarios"]
    speaker.close()


def test_the_engine_speaks_on_its_own_thread_so_a_frame_never_waits_for_it(monkeypatch):
    engine = SlowEngine()
    fake_pyttsx3(monkeypatch, lambda: engine)
    monkeypatch.setattr(speech.shutil, "which", lambda name: f"/usr/bin/{name}")
    speaker = EngineSpeaker()
    assert speaker.wait_ready(5) and speaker.problem is None
    started = time.perf_counter()
    speaker.say("New game")
    assert time.perf_counter() - started < 0.05
    assert engine.spoke.wait(5)
    assert engine.said == ["New game"]
    speaker.close()


def test_on_linux_without_aplay_the_toggle_says_to_install_alsa_utils(make_app, monkeypatch):
    fake_pyttsx3(monkeypatch, SlowEngine)
    monkeypatch.setattr(speech.sys, "platform", "linux")
    monkeypatch.setattr(speech.shutil, "which", lambda name: None)
    app = turn_voicing_on(make_app)
    assert app.speaker.wait_ready(5)
    step(app)
    assert app.speaker.problem == NO_PLAYER
    assert widget(app, "setting:voicing").label == "Self-voicing: no voice found"
    assert "alsa-utils" in app.notice[0]


def test_the_voice_speaks_the_players_language_when_the_engine_has_one():
    voices = [types.SimpleNamespace(id="gmw/en-029", languages=["en-029"]),
              types.SimpleNamespace(id="gmw/en", languages=["en-gb"]),
              types.SimpleNamespace(id="zle/ru", languages=["ru"])]
    assert speech.voice_for(voices, "ru") == "zle/ru"
    assert speech.voice_for(voices, "en") == "gmw/en"  # the language itself before a region of it
    assert speech.voice_for(voices[:1], "en") == "gmw/en-029"
    assert speech.voice_for(voices, "de") is None


def test_brink_play_voice_turns_self_voicing_on_for_the_run(monkeypatch):
    import game.ui.app as app_module
    from game.cli import main

    asked = {}
    monkeypatch.setattr(app_module, "launch", lambda **options: asked.update(options) or 0)
    assert main(["play", "demo", "--voice"]) == 0
    assert asked["voice"] is True
