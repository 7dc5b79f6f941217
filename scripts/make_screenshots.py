"""Write the README's screenshots (docs/screenshot-*.png) from a headless run of the real screens.

    python scripts/make_screenshots.py            # 1280x720, the 1962 scenario if present, else the demo
    python scripts/make_screenshots.py --size 1920x1080 --out /tmp/shots
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game import paths  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.bench import bench_scenario, screens  # noqa: E402
from game.ui.settings import Settings  # noqa: E402

WANTED = {"title": "title", "day": "day", "ending": "ending"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--out", default=str(ROOT / "docs"))
    parser.add_argument("--all", action="store_true", help="every screen, not only the README's three")
    arguments = parser.parse_args()
    with paths.throwaway_home("brink-shots-"):  # the player's own saves and settings stay out of the pictures
        return shoot(arguments)


def shoot(arguments: argparse.Namespace) -> int:
    width, height = (int(part) for part in arguments.size.split("x"))
    app = App(Settings(width=width, height=height), persist_settings=False)
    app.sound.enabled = False
    scenario = bench_scenario(app.scenario_cache)
    out = Path(arguments.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, stage in screens(app, scenario).items():
        if not arguments.all and name not in WANTED:
            continue
        stage()
        if name == "day" and app.top.advice:
            app.top.on_key(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_a, mod=0))  # an advisor speaks, as in play
            app.top.on_key(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_1, mod=0))  # and the first choice is marked
        for _ in range(300):
            app.update(1 / 60)
        app.draw()
        suffix = "" if arguments.size == "1280x720" else f"-{width}"
        path = out / f"screenshot-{name}{suffix}.png"
        pygame.image.save(app.window, str(path))
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
