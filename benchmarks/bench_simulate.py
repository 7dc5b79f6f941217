"""``brink simulate`` throughput: complete games per second on one core.

The target: a 36-day, two-role scenario at 1,000 complete games per second or more. Measured on
the generated 36-day scenario (shaped like the 1962 one), on every shipped scenario, for random
and historical play.

    python benchmarks/bench_simulate.py [--games 3000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate_scenario import generate  # noqa: E402
from game.engine.opponents import policy_named  # noqa: E402
from game.scenario.load import load_scenario  # noqa: E402
from game.tools.simulate import simulate  # noqa: E402

TARGET = 1000


def measure(label: str, path: Path, games: int) -> dict[str, float]:
    scenario = load_scenario(path)
    rates = {}
    for policy in ("random", "historical"):
        chosen = policy_named(policy)
        report = simulate(scenario, games, 1, {role: chosen for role in scenario.roles})
        rates[policy] = report.games_per_second
        print(f"{label:<28} {len(scenario.days):>3} days  {policy:<10} {report.games_per_second:>9,.0f} games/s"
              f"   mean game length {report.mean_day():5.1f} days")
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=3000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.yaml"
        path.write_text(generate(1), encoding="utf-8")
        generated = measure("generated (36 days)", path, arguments.games)
    for scenario_path in sorted((ROOT / "scenarios").glob("*/scenario.yaml")):
        measure(scenario_path.parent.name, scenario_path, arguments.games)
    slowest = min(generated.values())
    verdict = "meets" if slowest >= TARGET else "MISSES"
    print(f"\n36-day generated scenario, slowest policy: {slowest:,.0f} games/s, {verdict} the {TARGET:,} games/s target")


if __name__ == "__main__":
    main()
