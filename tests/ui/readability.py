"""Walking the screens as a player does, and reading the ledger for cut, clipped and overlapping text.

Each screen is reached through the real scenes and input (keys, clicks); after each step one
frame is drawn and the app's ``TextLedger`` says where every text landed. A problem is named
with the screen, the widget and the text, so a failure says exactly what a player could not read.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from types import SimpleNamespace

import pygame

from game import paths
from game.engine.machine import Phase, replay
from game.engine.resolve import legal_choices
from game.ui import flow
from game.ui.bench import play_on
from game.ui.match import HUMAN, Match, load_cached
from game.ui.text_ledger import TextLedger, clipped, overlapping
from .driver import click, press, step, widget

SIZES = ((1280, 720), (1366, 768), (1920, 1080))
SCALES = (1.0, 1.3, 1.5)
LANGUAGES = ("en", "ru")
SCENARIOS = ("cuban_missile_crisis_1962", "berlin_1961")


def watch(app) -> TextLedger:
    ledger = TextLedger()
    app.keep_ledger(ledger)
    return ledger


def problems_now(app, where: str) -> list[str]:
    """Draw a frame and list every text on it that is cut, clipped or drawn over another."""
    app.draw()
    ledger = app.theme.ledger
    screen = type(app.top).__name__
    found = []
    for cut in ledger.take_cuts():
        found.append(f"{where} {screen}/{cut.owner or '-'}: {cut.why}: {cut.text!r} drawn as {cut.shown!r}")
    for entry in clipped(ledger.placed):
        found.append(f"{where} {screen}/{entry.owner}: clipped: {entry.text!r} at {tuple(entry.rect)} "
                     f"outside {tuple(entry.box)}")
    window = app.window.get_rect()
    for entry in ledger.placed:
        if not entry.scrolls and not window.contains(entry.rect):
            found.append(f"{where} {screen}/{entry.owner}: off the window: {entry.text!r} at {tuple(entry.rect)}")
    for first, second in overlapping(ledger.placed):
        found.append(f"{where} {screen}: overlap: {first.owner}:{first.text!r} {tuple(first.rect)} and "
                     f"{second.owner}:{second.text!r} {tuple(second.rect)}")
    return found


def settle(app, seconds: float = 4.0) -> None:
    for _ in range(round(seconds * 60)):
        app.update(1 / 60)


def scenario_named(app, name: str):
    return load_cached(paths.find_scenario(name), app.scenario_cache)


def busiest_days(scenario, role: str) -> list[int]:
    """The days on the historical path on which ``role`` has the most open choices, and the most words
    to read (title, briefing and the choices' labels and texts, in the longer of English and Russian)."""
    most_choices = most_words = (0, 0)
    for index in range(len(scenario.days)):
        state = replay(scenario, 7, [dict(d.historical) for d in scenario.days[:index]]).state
        if state.ended:
            break
        day = scenario.days[index]
        legal = legal_choices(scenario, state, role)
        texts = [day.title_for(role), day.briefing_for(role, state.values)] + [c.label for c in legal] + [c.text for c in legal]
        words = max(sum(len(text.get(language)) for text in texts if text is not None) for language in LANGUAGES)
        most_choices = max(most_choices, (len(legal), index))
        most_words = max(most_words, (words, index))
    return sorted({most_choices[1], most_words[1]})


def new_match(scenario, role: str, opponent: str = "historical") -> Match:
    players = {r: (HUMAN if r == role else opponent) for r in scenario.roles}
    match = Match.new(scenario, 7, players, log_path=None, autosave=None)
    match.autosave = None
    match.log_path = None
    return match


def walk_day(app, where: str) -> list[str]:
    """The situation room: every card in focus (across its pages), every advisor heard, every tab."""
    found = problems_now(app, where + " day")
    scene = app.top
    for _ in range(len(scene.choices) + 2):  # Tab walks the cards and on to the next page
        press(app, pygame.K_TAB)
        found += problems_now(app, where + " day, focus on " + (app.top.focus.name if app.top.focus else "-"))
    for _ in range(len(app.top.advice)):
        press(app, pygame.K_a)
        found += problems_now(app, where + " day, advisor heard")
    for key in list(app.top.tab_buttons):
        click(app, widget(app, f"tab:{key}"))
        found += problems_now(app, where + f" day, tab {app.top.tab}")
    return found


def walk_game(app, scenario_name: str, role: str) -> list[str]:
    """The seat's busiest days: briefing, day, pause; the resolution of the first of them; the pass
    screen of a game at one screen; then the ending of the historical path."""
    scenario = scenario_named(app, scenario_name)
    where = f"[{scenario_name} {role} {app.size[0]}x{app.size[1]} {app.settings.text_scale:g} {app.language}]"
    found = []
    days = busiest_days(scenario, role)
    for number, day in enumerate(days):
        match = new_match(scenario, role)
        play_on(match, day)
        flow.show_current(app, match)
        step(app)
        here = f"{where} {scenario.days[day].id}"
        found += problems_now(app, here + " briefing")
        app.top.proceed()
        step(app)
        found += walk_day(app, here)
        if number:
            continue
        press(app, pygame.K_ESCAPE)
        found += problems_now(app, here + " pause")
        press(app, pygame.K_ESCAPE)
        day_scene = app.top
        day_scene._pick(match.legal(role)[0].id)()
        day_scene.give_order()
        step(app)
        for seconds in (0.0, 0.4, 1.2, 4.0):  # the meters move: their figures appear as they go
            settle(app, seconds)
            found += problems_now(app, here + f" resolution +{seconds:g}s")
        if match.phase is Phase.RESOLUTION:
            match.finish_day()
        play_on(match, len(scenario.days) + 1)
        if match.phase is Phase.ENDED:
            flow.show_current(app, match)
            settle(app, 2.0)
            found += problems_now(app, where + " ending")
    hot_seat = new_match(scenario, role, opponent=HUMAN)
    flow.show_current(app, hot_seat)
    step(app)
    found += problems_now(app, where + " pass the screen")
    return found


def walk_menus(app) -> list[str]:
    """The screens outside a game: title, setup, scenarios, load (with saves), settings, keys, a file's errors."""
    where = f"[{app.size[0]}x{app.size[1]} {app.settings.text_scale:g} {app.language}]"
    found = []
    some_saves(app, paths.saves_folder())
    app.reset("title")
    step(app)
    found += problems_now(app, where + " title")
    for name in ("setup", "scenarios", "load", "settings", "keys"):
        app.reset("title")
        app.push(name)
        step(app)
        found += problems_now(app, where + f" {name}")
        for _ in range(12):
            press(app, pygame.K_TAB)
            found += problems_now(app, where + f" {name}, focus on " + (app.top.focus.name if app.top.focus else "-"))
    app.reset("title")
    app.push("problems", reloaded=SimpleNamespace(file_name="a_very_long_scenario_file_name_for_a_crisis.yaml",
                                                  problems=PROBLEMS))
    step(app)
    found += problems_now(app, where + " problems")
    return found


PROBLEMS = ["scenarios/my_crisis/scenario.yaml:12:5: error: unknown field 'briefng' in day 'oct16'; did you mean "
            "'briefing'?",
            "scenarios/my_crisis/scenario.yaml:40:17: error: 'tensoin' is not a variable, flag or derived value; "
            "did you mean 'tension'?"] * 6


def some_saves(app, folder: Path) -> None:
    """Saves of each shipped scenario, one of them ended, for the load screen to list."""
    folder.mkdir(parents=True, exist_ok=True)
    for index, name in enumerate(SCENARIOS):
        scenario = scenario_named(app, name)
        match = new_match(scenario, next(iter(scenario.roles)))
        play_on(match, 2 if index == 0 else len(scenario.days) + 1)
        match.save(folder / f"{scenario.id}-{datetime.date(2026, 12, 5 - index)}.json")
    autosave = new_match(scenario_named(app, SCENARIOS[0]), "khrushchev", opponent=HUMAN)
    play_on(autosave, 5)
    autosave.save(folder / "autosave.json")
