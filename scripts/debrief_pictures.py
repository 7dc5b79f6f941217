"""The pictures of docs/classroom.md: the report's first page and a sheet of role cards, as printed.

Plays the tests' scripted classroom session of 1962, makes its report and the 1962 role cards,
prints both with headless Chromium and turns the first page of each into a PNG with pdftoppm
(both must be installed: apt-get install chromium poppler-utils).

    python scripts/debrief_pictures.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.cli import main as brink  # noqa: E402
from game.scenario.load import load_scenario  # noqa: E402
from game.tools.pdf import print_to_pdf  # noqa: E402
from tests.debrief.session import script_session  # noqa: E402

DOCS = ROOT / "docs"


def first_page(pdf: Path, png: Path, resolution: int = 70) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", str(resolution), "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(png.with_suffix(""))], check=True, timeout=120)


def run() -> None:
    scenario = load_scenario(ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        log = work / "class.log"
        log.write_text(script_session(scenario).text, encoding="utf-8")
        assert brink(["report", str(log), "--out", str(work / "report.html"), "--pdf", str(work / "report.pdf")]) == 0
        first_page(work / "report.pdf", DOCS / "report-page.png")
        assert brink(["cards", "cuban_missile_crisis_1962", "--out", str(work / "cards.html")]) == 0
        print_to_pdf(work / "cards.html", work / "cards.pdf")
        first_page(work / "cards.pdf", DOCS / "cards-sheet.png")
    print("wrote docs/report-page.png and docs/cards-sheet.png")


if __name__ == "__main__":
    run()
