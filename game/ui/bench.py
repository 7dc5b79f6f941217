"""``brink bench``: every screen rendered headless for a few hundred frames; frame-time median and p95.

Each frame is a full turn of the real loop (events, fixed-step updates, drawing) with the mouse
sweeping across the window so hover states change as they do in play. Cold start is measured
in a fresh interpreter, from launch to the title's first frame on screen.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

os.environ["SDL_VIDEODRIVER"] = "dummy"  # headless, whatever the caller's display
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

COLD_START = ("import time; started = time.perf_counter(); import os; os.environ['SDL_VIDEODRIVER'] = 'dummy'; "
              "os.environ.setdefault('SDL_AUDIODRIVER', 'dummy'); from game.ui.app import App; "
              "from game.ui.settings import Settings; app = App(Settings(), persist_settings=False); app.push('title'); "
              "app.frame(0.0); print(time.perf_counter() - started)")


def bench_scenario(cache: dict):
    """The 1962 scenario when it is there, else the demo."""
    from game import paths
    from game.ui.match import load_cached

    path = paths.find_scenario("cuban_missile_crisis_1962") or paths.find_scenario("demo")
    assert path is not None  # the demo ships with the game
    return load_cached(path, cache)


def play_on(match, days: int) -> None:
    """Play the first human's historical order for ``days`` days (or until the end)."""
    from game.engine.machine import Phase

    for _ in range(days):
        if match.phase is Phase.ENDED:
            return
        match.begin_day()
        for role in match.humans_waiting():
            day = match.session.day
            legal = match.legal(role)
            wanted = day.historical.get(role)
            choice = wanted if any(c.id == wanted for c in legal) else legal[0].id
            match.give_order(role, choice)
        match.computer_orders()
        match.resolve()
        match.finish_day()


def screens(app, scenario) -> dict:
    """Name -> a function that puts the app on that screen (through the real scenes and flow)."""
    from game.engine.machine import Phase
    from game.ui import flow
    from game.ui.match import HUMAN, Match

    roles = list(scenario.roles)
    solo = {roles[0]: HUMAN, **{r: "historical" for r in roles[1:]}}

    def new(players=solo):
        match = Match.new(scenario, 7, players, log_path=None, autosave=None)
        match.autosave = None
        match.log_path = None
        return match

    def briefing():
        flow.show_current(app, new())

    def day():
        match = new()
        play_on(match, 1)
        flow.show_current(app, match)
        app.top.proceed()

    def resolution():
        match = new()
        play_on(match, 1)
        match.begin_day()
        role = match.humans_waiting()[0]
        match.give_order(role, match.legal(role)[0].id)
        flow.show_current(app, match)

    def ending():
        match = new()
        play_on(match, len(scenario.days) + 1)
        if match.phase is not Phase.ENDED:
            return
        flow.show_current(app, match)

    def pause():
        day()
        app.push("pause", match=app.top.match)

    def settings():
        app.reset("title")
        app.push("settings")

    def pass_screen():
        flow.show_current(app, new({r: HUMAN for r in roles}))

    return {
        "title": lambda: app.reset("title"),
        "setup": lambda: (app.reset("title"), app.push("setup")),
        "scenarios": lambda: (app.reset("title"), app.push("scenarios")),
        "load": lambda: (app.reset("title"), app.push("load")),
        "briefing": briefing,
        "day": day,
        "resolution": resolution,
        "ending": ending,
        "pause": pause,
        "settings": settings,
        "pass_screen": pass_screen,
    }


def measure(app, frames: int) -> list[float]:
    import pygame

    width, height = app.size
    times = []
    for index in range(frames):
        x = (index * 37) % width
        y = (index * 23) % height
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(x, y), rel=(1, 1), buttons=(0, 0, 0)))
        started = time.perf_counter()
        app.frame(1 / 60)
        times.append((time.perf_counter() - started) * 1000)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def cold_start_seconds() -> float:
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    environment = dict(os.environ, PYTHONPATH=root + os.pathsep + os.environ.get("PYTHONPATH", ""))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", COLD_START], check=True, capture_output=True, env=environment, cwd=root)
    return time.perf_counter() - started


def main(arguments) -> int:
    """Frame times of every screen, with the player's folders set aside in a throwaway one."""
    from game import paths

    with paths.throwaway_home("brink-bench-"):
        return _bench(arguments)


def _bench(arguments) -> int:
    from game.ui.app import App
    from game.ui.settings import Settings

    try:
        width, height = (int(part) for part in arguments.size.lower().split("x"))
    except ValueError:
        print(f"brink bench: --size must look like 1280x720, not {arguments.size}", file=sys.stderr)
        return 2
    app = App(Settings(width=width, height=height), persist_settings=False)
    app.sound.enabled = False
    scenario = bench_scenario(app.scenario_cache)
    print(f"brink bench: {arguments.frames} frames per screen at {width}x{height}, scenario {scenario.id}")
    print(f"{'screen':<14}{'median ms':>10}{'p95 ms':>10}{'max ms':>10}")
    worst = 0.0
    for name, stage in screens(app, scenario).items():
        stage()
        measure(app, 10)  # the first frames build caches; they are part of a screen's opening, not its steady state
        times = measure(app, arguments.frames)
        p95 = percentile(times, 0.95)
        worst = max(worst, p95)
        print(f"{name:<14}{statistics.median(times):>10.2f}{p95:>10.2f}{max(times):>10.2f}")
    print(f"worst p95: {worst:.2f} ms (target under 8 ms)")
    if getattr(sys, "frozen", False):  # a standalone build has no Python to hand ``-c`` to
        print("cold start: measured from a source checkout or an installed copy, not a standalone build")
    else:
        print(f"cold start to the title's first frame: {cold_start_seconds():.2f} s (target under 1.5 s)")
    return 0
