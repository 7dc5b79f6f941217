"""How long the watercolor painter takes, and how much memory it needs.

    python benchmarks/bench_art.py [--repeat 3]

Prints the median time and the peak of traced allocations (tracemalloc) for: the painter's core on
a 1280x720 sheet (a sky, a sea, forty washes, ink and spatter), every scene of the library at
1280x720, a portrait at the baked size, and each base map; then the process's peak resident size.
Targets: a 1280x720 painting < 2 s on one core, a portrait < 0.5 s, peak memory < 400 MB.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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
    """Median wall-clock and CPU seconds (CPU is what one core costs on a busy machine) and peak MB."""
    times, cpu_times = [], []
    peak = 0
    for round_ in range(repeat):
        tracemalloc.start()
        start, cpu = time.perf_counter(), time.process_time()
        paint(round_)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    return name, statistics.median(times), statistics.median(cpu_times), peak / 2**20


def jobs(repeat: int):
    yield "core 1280x720 (40 washes)", lambda r: core_painting(r)
    from game.art.portraits import paint_portrait
    from game.art.scene_spec import library
    from game.art.scenes import paint_scene
    width, height = bake.SCENE_SIZE
    for name in library():
        yield f"scene {name} {width}x{height}", \
            lambda r, name=name: paint_scene({"scene": name}, width, height, seed_for("bench", name, r))
    params = {"face": "oval", "hair": "dark", "hair_style": "full_side_parted", "attire": "suit",
              "tie": "dark_blue", "skin": "light_tan", "age": 45}
    size = bake.PORTRAIT_SIZE
    yield f"portrait {size}x{size}", lambda r: paint_portrait(params, size, seed_for("bench", "portrait", r))
    for view in maps.views():
        w, h = maps.sheet_size(view)
        yield f"map {view} {w}x{h}", lambda r, view=view, w=w, h=h: maps.paint_map(view, w, h, seed_for("bench", r))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    scene_times = []
    print(f"{'painting':<44} {'wall':>9} {'cpu':>9}   peak traced")
    for name, paint in jobs(arguments.repeat):
        label, seconds, cpu, peak = measure(name, paint, arguments.repeat)
        if label.startswith("scene"):
            scene_times.append(cpu)
        print(f"{label:<44} {seconds:7.3f} s {cpu:7.3f} s   {peak:7.1f} MB", flush=True)
    if scene_times:
        print(f"{'scenes, cpu: median / slowest':<44} {statistics.median(scene_times):7.3f} s / {max(scene_times):.3f} s")
    print(f"process peak resident size {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
