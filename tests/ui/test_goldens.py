"""Every screen at 1280x720 against its golden image (demo scenario, seed 7, placeholder paintings)."""

import pygame
import pytest

from game.ui.bench import screens
from game.ui.match import load_cached
from .driver import step
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
