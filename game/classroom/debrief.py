"""The debrief report from the teacher's console: the same page as ``brink report``, from the room's own log.

Playing the turning points takes seconds of work on every core, so the page is made away from
the server's loop (in a worker thread that hands the games to processes): screens keep their
clocks and the other rooms keep playing while it is made. A room makes one report at a time.
"""

from __future__ import annotations

import asyncio

from game.engine.log import render_lines
from game.engine.log_read import parse_log
from game.engine.log_replay import replay_log
from game.scenario.model import Scenario


def report_page(scenario: Scenario, log_lines: list, name: str, language: str) -> str:
    """The whole self-contained page for a room's log so far (the default budget of ``brink report``)."""
    from game.tools.debrief_report import make_report

    log = parse_log(render_lines(log_lines), name)
    replay = replay_log(scenario, log)
    page, _settings, _points = make_report(scenario, log, replay, language=language)
    return page


class ReportMaker:
    """Makes a room's report off the loop, refusing a second one for the same room while one is made."""

    def __init__(self) -> None:
        self.busy: set[str] = set()

    def making(self, code: str) -> bool:
        return code in self.busy

    async def make(self, code: str, scenario: Scenario, log_lines: list, language: str) -> str:
        self.busy.add(code)
        try:
            return await asyncio.to_thread(report_page, scenario, log_lines, f"brinkmanship-{code}.jsonl", language)
        finally:
            self.busy.discard(code)
