"""A monkey at the controls: 20,000 random clicks, keys, wheel turns and resizes across every screen.

Nothing may raise, and every game the monkey touched must still be a valid one: replaying its
seed and its orders through the engine gives exactly the state the window holds.
"""

import random

import pygame

from game.engine.machine import replay
from game.ui.bench import screens
from game.ui.match import load_cached
from .test_screens import SCREENS

EVENTS = 20_000
KEYS = [pygame.K_TAB, pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT,
        pygame.K_RIGHT, pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_9, pygame.K_a, pygame.K_m, pygame.K_h,
        pygame.K_BACKSPACE, pygame.K_PAGEDOWN, pygame.K_PAGEUP, pygame.K_HOME, pygame.K_END, pygame.K_0, pygame.K_x]


def random_event(rng: random.Random, size):
    width, height = size
    roll = rng.random()
    pos = (rng.randrange(width), rng.randrange(height))
    if roll < 0.35:
        return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
                pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=rng.choice((1, 1, 1, 3))),
                pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1)]
    if roll < 0.5:
        return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))]
    if roll < 0.55:
        return [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice((-1, 1)), flipped=False)]
    if roll < 0.553:
        size = (rng.randrange(800, 2000), rng.randrange(500, 1200))
        return [pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size)]
    key = rng.choice(KEYS)
    unicode = pygame.key.name(key) if key in (pygame.K_0, pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_9) else ""
    shift = pygame.KMOD_SHIFT if rng.random() < 0.1 else 0
    return [pygame.event.Event(pygame.KEYDOWN, key=key, mod=shift, unicode=unicode, scancode=0)]


def matches_on(app):
    return {id(scene.match): scene.match for scene in app.scenes if getattr(scene, "match", None) is not None}


def test_twenty_thousand_random_events_leave_every_game_valid(app, only_demo):
    rng = random.Random(1962)
    scenario = load_cached(only_demo, app.scenario_cache)
    staging = screens(app, scenario)
    seen = {}
    per_screen = EVENTS // len(SCREENS)
    sent = 0
    for name in SCREENS:
        staging[name]()
        for index in range(per_screen):
            for event in random_event(rng, app.size):
                pygame.event.post(event)
            sent += 1
            if index % 8 == 7:
                app.frame(1 / 60)
            if not app.running or not app.scenes:  # the monkey chose Quit: open the game again
                app.running = True
                staging[name]()
            seen.update(matches_on(app))
        app.frame(1 / 60)
        seen.update(matches_on(app))
    assert sent >= EVENTS - len(SCREENS)
    assert seen, "the monkey never reached a game"
    for match in seen.values():
        session = match.session
        rebuilt = replay(scenario, session.state.seed, [dict(r.orders) for r in session.state.history])
        assert rebuilt.state.values == session.state.values
        assert rebuilt.state.history == session.state.history
        assert session.phase.value in {"briefing", "deliberation", "orders", "resolution", "day_end", "ended"}
