"""The debrief report from the teacher's console: the same page as `brink report`, from the room's log."""

from __future__ import annotations

import aiohttp
import pytest

from tests.classroom.conftest import run
from tests.classroom.test_hostile import joined, receive, teacher


@pytest.fixture
def room(host, demo):
    return host.new_room(demo)


def test_the_teacher_gets_the_debrief_report_of_the_game_so_far(host, room):
    async def scenario():
        async with aiohttp.ClientSession() as http:
            ann, _ = await joined(http, host, room, "<b>Ann</b>", "kennedy", "leader")
            boss = await teacher(http, host, room)
            await boss.send({"type": "start"})
            await ann.until(lambda state: state["phase"] == "deciding")
            answers = []
            await boss.send({"type": "get_report"})  # nothing played yet
            answers.append((await receive(boss, "error"))["message"])
            await ann.send({"type": "get_report"})  # a student may not ask
            answers.append((await receive(ann, "error"))["message"])
            await ann.send({"type": "order", "choice": "wait_and_watch"})
            await ann.until(lambda state: state["phase"] == "resolved")
            await boss.send({"type": "get_report"})
            await receive(boss, "report_started")
            report = await boss.next("report", timeout=120)
            return answers, report
    answers, report = run(scenario(), timeout=180)
    assert answers == ["The report needs at least one day played.", "Only the teacher can do that."]
    assert report["name"] == f"brinkmanship-{room.code}-report.html"
    page = report["text"]
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "Turning points" in page or "turning points" in page
    assert "http://" not in page and "https://" not in page  # self-contained: nothing fetched
    assert "<b>Ann</b>" not in page  # a student's name is text, never markup
