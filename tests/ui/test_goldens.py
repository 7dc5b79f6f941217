"""Every screen at 1280x720 against its golden image (demo scenario, seed 7, placeholder paintings)."""

import pygame
import pytest

from game.ui.bench import screens
from game.ui.match import load_cached
from .driver import press, step
from .golden import bad_pixels, check
from .test_screens import SCREENS


@pytest.mark.parametrize("name", SCREENS)
def test_each_screen_looks_as_its_golden(app, only_demo, name):
    scenario = load_cached(only_demo, app.scenario_cache)
    staging = screens(app, scenario)
    if name == "setup":
        app.reset("title")
        app.push("setup", scenario="demo", seed=7)  # a fixed seed on screen
    else:
        staging[name]()
    for _ in range(240):  # four seconds: every animation has settled
        app.update(1 / 60)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(0, 0), rel=(0, 0), buttons=(0, 0, 0)))
    step(app)
    check(app.draw(), name)


def test_the_comparison_counts_pixels_beyond_the_threshold_only():
    a = pygame.Surface((10, 10), depth=24)
    b = pygame.Surface((10, 10), depth=24)
    a.fill((100, 100, 100))
    b.fill((110, 100, 100))
    assert bad_pixels(a, b, 24)[0] == 0
    b.fill((100, 100, 160), pygame.Rect(0, 0, 5, 2))
    assert bad_pixels(a, b, 24)[0] == 10


# The 1962 scenario's busiest screens at the largest text in the smallest window, and in a large window
# (where the same words take less of the screen); placeholder paintings, seed 7, the historical path.
LARGE = {
    "day-150-khrushchev-27oct": ((1280, 720), 1.5, "ru", "khrushchev", "oct27", "day"),
    "briefing-150-khrushchev-27oct": ((1280, 720), 1.5, "ru", "khrushchev", "oct27", "briefing"),
    "resolution-150-kennedy-24oct": ((1280, 720), 1.5, "en", "kennedy", "oct24", "resolution"),
    "day-1080-kennedy-24oct": ((1920, 1080), 1.0, "en", "kennedy", "oct24", "day"),
    "ending-1080-kennedy": ((1920, 1080), 1.0, "en", "kennedy", None, "ending"),
}


@pytest.mark.parametrize("name", LARGE)
def test_the_1962_screens_at_large_text_and_in_a_large_window_look_as_their_goldens(make_app, name):
    from game import paths
    from game.engine.machine import Phase
    from game.ui import flow
    from game.ui.bench import play_on
    from .readability import new_match

    size, scale, language, role, day_id, screen = LARGE[name]
    app = make_app(*size, text_scale=scale, language=language)
    app.language = language
    scenario = load_cached(paths.find_scenario("cuban_missile_crisis_1962"), app.scenario_cache)
    match = new_match(scenario, role)
    days = [day.id for day in scenario.days]
    play_on(match, days.index(day_id) if day_id else len(days) + 1)
    flow.show_current(app, match)
    if screen in ("day", "resolution"):
        app.top.proceed()
    if screen == "day":
        press(app, pygame.K_a)  # the first advisor speaks
        press(app, pygame.K_2, "2")  # and the second choice is marked
    if screen == "resolution":
        app.top._pick(match.legal(role)[0].id)()
        app.top.give_order()
    assert screen != "ending" or match.phase is Phase.ENDED
    for _ in range(240):
        app.update(1 / 60)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(0, 0), rel=(0, 0), buttons=(0, 0, 0)))
    step(app)
    check(app.draw(), name)
