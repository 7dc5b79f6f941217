"""Screenshots of a classroom session, taken from a real headless Chromium (Debian's ``chromium``):
a student's phone at 360 pixels (the advisor's card, the leader's order, the resolution), the
teacher's page and its console at work, and the projector, written to docs/ for the README.

    python scripts/classroom_screenshots.py [--out docs] [--lang en]

The host runs on this machine's loopback with a fresh room store in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # playwright is imported when the script runs, after BRINK_HOME is set
    from playwright.sync_api import ViewportSize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
PHONE: ViewportSize = {"width": 360, "height": 760}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs"), help="folder for the PNGs (default docs/)")
    parser.add_argument("--lang", default="en", help="the interface's language (en or ru)")
    parser.add_argument("--all", action="store_true", help="also every other screen, for checking by eye")
    arguments = parser.parse_args(argv)
    os.environ["BRINK_HOME"] = tempfile.mkdtemp(prefix="brink-shots-")
    from playwright.sync_api import sync_playwright

    from game.classroom.host import BackgroundHost
    from game.classroom.store import RoomStore
    from game.scenario.load import load_scenario

    out = Path(arguments.out)
    out.mkdir(parents=True, exist_ok=True)
    # the host listens on loopback only, but the pages show the kind of address a class would see
    from game.classroom import host as hosting

    hosting.address_for = lambda bind, port: hosting.Address("http://192.168.1.20:8765/", True, port)
    host = BackgroundHost(RoomStore(Path(os.environ["BRINK_HOME"]) / "rooms.sqlite3"), bind="127.0.0.1", port=0)
    if not host.start():
        print(f"cannot start the host: {host.error}", file=sys.stderr)
        return 1
    scenario = load_scenario(ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml")
    room = host.call(lambda: host.classroom.create_room(scenario, seed=7))
    assert host.address is not None  # the host started
    base = f"http://127.0.0.1:{host.address.port}"
    lang = f"&lang={arguments.lang}"
    shots = []

    def shot(page, name, full_page=False, at=None):
        """A screenshot of what the screen shows (scrolled to ``at``, a selector), or of the whole page."""
        if at:
            page.locator(at).first.evaluate("node => node.scrollIntoView({block: 'start'})")
        path = out / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        shots.append(path)

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            phones = {}
            for name, seat in (("Maria", "leader"), ("Sam", "rfk"), ("Olga", "leader"), ("Ivan", "gromyko")):
                page = browser.new_context(viewport=PHONE, device_scale_factor=1.5).new_page()
                page.goto(f"{base}/?room={room.code}{lang}")
                page.fill("#student-name", name)
                page.click("button[type=submit]")
                team = "khrushchev" if name in ("Olga", "Ivan") else "kennedy"
                page.click(f"[data-key='seat:{team}:{seat}']")
                page.wait_for_selector("[aria-pressed=true]")
                phones[name] = page
            if arguments.all:
                shot(phones["Sam"], "classroom-phone-seat")
            teacher = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
            teacher.goto(f"{base}/teacher?{lang[1:]}#{room.code}.{room.teacher_token}")
            teacher.wait_for_selector("table.seating")
            projector = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
            projector.goto(f"{base}/projector?room={room.code}{lang}")
            projector.wait_for_selector(".bigcode")
            shot(projector, "classroom-projector-lobby")
            teacher.click("text=" + ("Start the game" if arguments.lang == "en" else "Начать игру"))
            phones["Sam"].wait_for_selector("#reason")
            phones["Sam"].check("input[value=convene_excomm]")
            phones["Sam"].fill("#reason", "Take the days we have: nobody outside this room knows yet, so use the "
                                          "time to weigh every option before anyone acts.")
            phones["Sam"].click("[data-key=recommend]")
            phones["Sam"].wait_for_selector(".recommendations .what")
            shot(phones["Sam"], "classroom-phone-advisor", at="body")
            phones["Maria"].wait_for_selector(".recommendations .what")
            phones["Maria"].check("input[value=convene_excomm]")
            shot(phones["Maria"], "classroom-phone-leader", at=".slot-advice")
            phones["Maria"].click("[data-key=order]")
            projector.wait_for_selector(".decided.done")
            shot(projector, "classroom-projector")
            if arguments.all:
                shot(teacher, "classroom-teacher")
            # the console at work: a news flash, a letter on its way, a public statement, advice coming in
            teacher.fill("[data-key=news-text]", "Radio Moscow: the convoy sails on to Cuba, as agreed in July.")
            teacher.click("[data-key=send-news]")
            phones["Maria"].fill("#letter-text", "Mr. Chairman, we should talk before our ships meet at sea.")
            phones["Maria"].click("[data-key=send-letter]")
            phones["Olga"].fill("#letter-text", "The Soviet Union sends only defensive aid to the people of Cuba.")
            phones["Olga"].click("[data-key=send-statement]")
            phones["Ivan"].check("input[value=keep_building]")
            phones["Ivan"].fill("#reason", "Say nothing and keep to the schedule: the sites must be ready first.")
            phones["Ivan"].click("[data-key=recommend]")
            teacher.wait_for_selector("text=Say nothing and keep to the schedule")
            teacher.wait_for_selector("text=The Soviet Union sends only defensive aid")
            shot(teacher, "classroom-teacher-console", full_page=True)
            if arguments.all:
                shot(phones["Maria"], "classroom-phone-correspondence", at=".slot-letters")
            phones["Olga"].check("input[value=keep_building]")
            phones["Olga"].click("[data-key=order]")
            phones["Maria"].wait_for_selector(".resolution")
            if arguments.all:
                shot(phones["Maria"], "classroom-phone-resolution", at="body")
            projector.wait_for_selector(".resolution")
            if arguments.all:
                shot(projector, "classroom-projector-resolution")
                for name, page in phones.items():
                    shot(page, f"classroom-phone-whole-{name.lower()}", full_page=True)
            browser.close()
    finally:
        host.stop()
    for path in shots:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
