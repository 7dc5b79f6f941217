"""Load-and-validate time of scenarios, and how it scales with size.

Prints, for the shipped scenarios and for generated ones at several scales, the file size, the
YAML parse time and the whole load (parse + checks + compiling every formula). The target: a
generated scenario 100 times the size of the 1962 one loads and validates in under 2 s. When
the 1962 scenario is present, a generated scenario of at least 100 times its size in bytes is
measured too.

    python benchmarks/bench_load.py [--scales 1 10 50 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate_scenario import generate  # noqa: E402
from game.scenario.errors import Diagnostics  # noqa: E402
from game.scenario.load import load_with_diagnostics  # noqa: E402
from game.scenario.yamlsource import read_yaml  # noqa: E402

TARGET_SECONDS = 2.0


def median_seconds(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(label: str, path: Path, repeat: int) -> float:
    data = path.read_bytes()
    parse = median_seconds(lambda: read_yaml(str(path), data, Diagnostics()), repeat)
    scenario_holder = {}

    def load() -> None:
        scenario, diagnostics = load_with_diagnostics(path)
        if scenario is None:
            raise SystemExit(f"{path} did not load: {diagnostics.errors[:3]}")
        scenario_holder["days"] = len(scenario.days)

    total = median_seconds(load, repeat)
    lines = data.count(b"\n")
    print(f"{label:<34} {len(data) / 1e6:7.2f} MB {lines:>9,} lines {scenario_holder['days']:>6} days "
          f"  parse {parse:6.3f} s   load+validate {total:6.3f} s")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 50, 100])
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; median of {arguments.repeat} runs\n")
    for path in sorted((ROOT / "scenarios").glob("*/scenario.yaml")):
        measure(path.parent.name, path, arguments.repeat)
    real = ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml"
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for scale in arguments.scales:
            path = Path(folder) / f"generated_x{scale}.yaml"
            path.write_text(generate(scale), encoding="utf-8")
            results[f"generated x{scale}"] = measure(f"generated x{scale}", path, arguments.repeat)
        if real.exists():
            unit = len(generate(1).encode())
            scale = -(-100 * real.stat().st_size // unit)  # rounded up: at least 100 times the bytes
            path = Path(folder) / "generated_like_100x_1962.yaml"
            path.write_text(generate(scale), encoding="utf-8")
            label = f"100x the 1962 scenario (x{scale})"
            results[label + " x100"] = measure(label, path, arguments.repeat)
    print()
    for label, seconds in results.items():
        if label.endswith("x100"):
            verdict = "meets" if seconds < TARGET_SECONDS else "MISSES"
            print(f"{label}: {seconds:.2f} s, {verdict} the {TARGET_SECONDS:.0f} s target")


if __name__ == "__main__":
    main()
