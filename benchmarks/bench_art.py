"""How long the watercolor painter takes, and how much memory it needs.

    python benchmarks/bench_art.py [--repeat 3] [--bake]

Prints the median time (wall clock and CPU) and the peak of traced allocations (tracemalloc) for:
the painter's core on a 1280x720 sheet (a sky, a sea, forty washes, ink and spatter), every
scene of the library at 1280x720 (those with people painted with the 1962 cast), a portrait at
the baked size at each turn of the head, and each base map; then the process's peak resident
size. With --bake, also the whole bake of the shipped scenarios (`brink art --force`, two
processes) into a temporary folder, timed as a whole.

Targets: a portrait < 1 s, a 1280x720 scene < 3 s, peak memory < 400 MB, the whole bake < 4 min
on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.art import bake, maps  # noqa: E402
from game.art.watercolor import Painting, blob, ellipse, rectangle, seed_for  # noqa: E402


def core_painting(seed: int):
    painting = Painting(1280, 720, seed)
    painting.gradient_wash("cerulean", 0.6, top=1.0, bottom=0.2)
    painting.gradient_wash("naples_yellow", 0.4, top=0.0, bottom=1.0)
    painting.wash(rectangle(-40, 430, 1360, 330), "ultramarine", 0.5, wobble=0.03)
    for _ in range(40):
        x, y = painting.rng.uniform(0, 1280), painting.rng.uniform(0, 720)
        painting.wash(blob(x, y, painting.rng.uniform(15, 90), painting.rng, 0.4), "burnt_sienna", 0.3)
    painting.wash(ellipse(640, 300, 300, 120), "sap_green", 0.5)
    painting.ink(ellipse(640, 300, 300, 120), "sepia", 1.6, closed=True)
    painting.spatter("sepia", 300, (0, 450, 1280, 270))
    return painting.pixels()


def measure(name: str, paint, repeat: int) -> tuple[str, float, float, float]:
    """Median wall-clock and CPU seconds (CPU is what one core costs on a busy machine) and peak MB.

    The times are taken without tracing (tracemalloc slows numpy's many small arrays several
    times over); the peak comes from one more, traced, painting.
    """
    times, cpu_times = [], []
    for round_ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        paint(round_)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu)
    tracemalloc.start()
    paint(0)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return name, statistics.median(times), statistics.median(cpu_times), peak / 2**20


def jobs(repeat: int):
    from game.art.portraits import paint_portrait
    from game.art.scene_spec import library
    from game.art.scenes import paint_scene
    from game.scenario.load import load_scenario

    yield "core 1280x720 (40 washes)", lambda r: core_painting(r)
    cast = bake.cast(load_scenario(ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml"))
    width, height = bake.SCENE_SIZE
    for name in library():
        yield f"scene {name}", \
            lambda r, name=name: paint_scene({"scene": name}, width, height, seed_for("bench", name, r), people=cast)
    size = bake.PORTRAIT_SIZE
    for turn in ("front", "left", "right"):
        words = dict(cast["kennedy"], turn=turn)
        yield f"portrait {size}x{size} ({turn})", \
            lambda r, words=words: paint_portrait(words, size, seed_for("bench", "portrait", r))
    for view in maps.views():
        w, h = maps.sheet_size(view)
        yield f"map {view} {w}x{h}", lambda r, view=view, w=w, h=h: maps.paint_map(view, w, h, seed_for("bench", r))


def whole_bake() -> float:
    """Seconds for `brink art --force --jobs 2` of every shipped scenario into a fresh folder."""
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, BRINK_HOME=folder, SDL_VIDEODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
        start = time.perf_counter()
        command = "import sys; from game.cli import main; sys.exit(main(sys.argv[1:]))"
        subprocess.run([sys.executable, "-c", command, "art", "--force", "--jobs", "2", "--out",
                        str(Path(folder) / "art")], cwd=ROOT, env=env, check=True, capture_output=True)
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--bake", action="store_true", help="also time the whole bake of the shipped scenarios")
    arguments = parser.parse_args()
    scene_times: list[float] = []
    portrait_times: list[float] = []
    print(f"{'painting':<44} {'wall':>9} {'cpu':>9}   peak traced")
    for name, paint in jobs(arguments.repeat):
        label, seconds, cpu, peak = measure(name, paint, arguments.repeat)
        (scene_times if label.startswith("scene") else portrait_times if label.startswith("portrait") else []).append(cpu)
        print(f"{label:<44} {seconds:7.3f} s {cpu:7.3f} s   {peak:7.1f} MB", flush=True)
    if scene_times:
        print(f"{'scenes, cpu: median / slowest':<44} {statistics.median(scene_times):7.3f} s / {max(scene_times):.3f} s")
    if portrait_times:
        print(f"{'portraits, cpu: slowest':<44} {max(portrait_times):7.3f} s")
    print(f"process peak resident size {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if arguments.bake:
        print(f"whole bake of the shipped scenarios (2 processes): {whole_bake():.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
