"""``brink report`` on the 1962 scenario: seconds from the log to the finished page.

The target: a 1962 report ready in under 30 s on the 2-core development machine. Two logs are
measured, both written by playing the engine: a classroom session in which both teams are played
by people and follow the decisions of 1962 to the settlement (every order of both seats is a
decision, so the report plays on every alternative of all of them: the heaviest report a class
following history makes), and one in which one team plays against the computer and the crisis
turns to war in a week (the scripted session of the tests). With ``--pdf`` the time to print
the page with headless Chromium is measured too.

    python benchmarks/bench_report.py [--games N] [--jobs N] [--pdf]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.cli import main as brink  # noqa: E402
from game.engine.log import render_log  # noqa: E402
from game.engine.opponents import HistoricalPolicy  # noqa: E402
from game.engine.resolve import day_random, legal_choices, resolve_day  # noqa: E402
from game.engine.state import new_game  # noqa: E402
from game.scenario.load import load_scenario  # noqa: E402
from tests.debrief.session import script_session  # noqa: E402

TARGET = 30.0
CUBA = ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml"


def both_teams_follow_history(scenario, seed: int = 1962) -> str:
    """A log in which both seats are people who order what was ordered in 1962."""
    historical = HistoricalPolicy()
    state = new_game(scenario, seed)
    while not state.ended:
        orders = {}
        for stream, role in enumerate(scenario.roles, start=1):
            legal = legal_choices(scenario, state, role)
            orders[role] = historical.choose(scenario, state, role, legal, day_random(seed, state.day_index, stream)) if legal else None
        state = resolve_day(scenario, state, orders)
    return render_log(scenario, state, {role: "human" for role in scenario.roles})


def measure(label: str, text: str, folder: Path, games: int | None, jobs: int | None, pdf: bool) -> float:
    log = folder / f"{label}.log"
    log.write_text(text, encoding="utf-8")
    arguments = ["report", str(log), "--out", str(folder / f"{label}.html")]
    if games:
        arguments += ["--games", str(games)]
    if jobs:
        arguments += ["--jobs", str(jobs)]
    output = StringIO()
    started = time.perf_counter()
    with redirect_stdout(output):
        assert brink(arguments) == 0
    seconds = time.perf_counter() - started
    said = output.getvalue().strip().split("(")[1].split(",")
    print(f"{label:<26} {said[0]:>13} {said[1].strip():>30}  {seconds:6.1f} s"
          f"  {'meets' if seconds < TARGET else 'MISSES'} the {TARGET:.0f} s target")
    if pdf:
        from game.tools.pdf import find_browser, print_to_pdf

        if find_browser():
            started = time.perf_counter()
            print_to_pdf(folder / f"{label}.html", folder / f"{label}.pdf")
            print(f"{'':<26} {'':>13} {'the PDF':>30}  {time.perf_counter() - started:6.1f} s")
    return seconds


def run() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--games", type=int, default=None, help="games per alternative (default: brink report's)")
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: brink report's, the cores)")
    parser.add_argument("--pdf", action="store_true", help="also time printing the PDF with headless Chromium")
    arguments = parser.parse_args()
    scenario = load_scenario(CUBA)
    print(f"{os.cpu_count()} cores, games per alternative {arguments.games or 'as brink report'}, "
          f"processes {arguments.jobs or 'as brink report (the cores)'}")
    with tempfile.TemporaryDirectory() as folder:
        measure("both teams follow 1962", both_teams_follow_history(scenario), Path(folder), arguments.games,
                arguments.jobs, arguments.pdf)
        measure("one team, war in a week", script_session(scenario).text, Path(folder), arguments.games,
                arguments.jobs, arguments.pdf)


if __name__ == "__main__":
    run()
