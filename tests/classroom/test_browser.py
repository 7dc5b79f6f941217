"""A real browser (Debian's headless Chromium, driven by Playwright): a student joins as an advisor by
keyboard alone, another as the leader; the advisor recommends, the leader sees the reason and gives the
order, and everyone sees the resolution, the projector too. Names that look like HTML stay text.

``.ci/run`` installs Chromium when it is missing, so this runs in CI; on a machine without it the
test says so and is skipped.
"""

from __future__ import annotations

import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PHONE = {"width": 360, "height": 740}
ADVISOR = '<img src=x onerror="window.__pwned=1">'
LEADER = "<script>window.__pwned=2</script>"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def phone(browser):
    return browser.new_context(viewport=PHONE).new_page()


def no_sideways_scrolling(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def role_card_shows_the_face_window(page) -> None:
    """The role card's round frame shows the painting's head and collar, as the game's window
    frames it (game.art.catalog.FACE_WINDOW), not the whole bust shrunk into the circle."""
    from game.art.catalog import FACE_WINDOW

    image = page.locator(".card .portrait img")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    frame, shown = page.locator(".card .portrait").bounding_box(), image.bounding_box()
    x0, y0, x1, _ = FACE_WINDOW
    inside = frame["width"] - 4  # within its 2 px border
    assert abs(shown["width"] - inside / (x1 - x0)) < 1.0, (shown, frame)
    assert abs((frame["x"] + 2 - shown["x"]) - x0 * shown["width"]) < 1.0, (shown, frame)
    assert abs((frame["y"] + 2 - shown["y"]) - y0 * shown["height"]) < 1.0, (shown, frame)


def test_an_advisor_and_a_leader_play_a_day_in_the_browser(browser, host, demo, tmp_path):
    room = host.new_room(demo)
    base = host.http

    # the advisor, by keyboard alone: the code is already in the address, as from the QR code
    advisor = phone(browser)
    advisor.goto(f"{base}/?room={room.code}")
    assert advisor.locator("#room-code").input_value() == room.code
    advisor.locator("#student-name").focus()
    advisor.keyboard.type(ADVISOR)
    advisor.keyboard.press("Enter")
    seat = advisor.locator("[data-key='seat:kennedy:rfk']")
    seat.focus()
    advisor.keyboard.press("Enter")
    advisor.wait_for_selector("[data-key='seat:kennedy:rfk'][aria-pressed=true]")

    leader = phone(browser)
    leader.goto(f"{base}/?room={room.code}")
    leader.fill("#student-name", LEADER)
    leader.click("button[type=submit]")
    leader.click("[data-key='seat:kennedy:leader']")
    leader.wait_for_selector("[data-key='seat:kennedy:leader'][aria-pressed=true]")

    projector = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    projector.goto(f"{base}/projector?room={room.code}")
    projector.wait_for_selector(".bigcode")
    assert projector.locator(".bigcode").inner_text() == room.code
    assert projector.get_by_text(ADVISOR).count() == 1 and projector.get_by_text(LEADER).count() == 1

    teacher = browser.new_context().new_page()
    teacher.goto(f"{base}/teacher#{room.code}.{room.teacher_token}")
    teacher.click("text=Start the game")

    # the advisor reads the card and recommends, still by keyboard
    advisor.wait_for_selector("#reason")
    role_card_shows_the_face_window(advisor)
    advisor.locator("input[value=wait_and_watch]").focus()
    advisor.keyboard.press("Space")
    advisor.locator("#reason").focus()
    advisor.keyboard.type("Nobody outside this room knows yet: use the days we have.")
    advisor.locator("[data-key=recommend]").focus()
    advisor.keyboard.press("Enter")
    advisor.wait_for_selector("text=You recommended: Wait and watch")
    assert no_sideways_scrolling(advisor)
    advisor.screenshot(path=str(tmp_path / "advisor.png"), full_page=True)

    # the leader hears it and gives the order; the computer plays Khrushchev, so the day resolves
    leader.wait_for_selector("text=Nobody outside this room knows yet: use the days we have.")
    leader.check("input[value=wait_and_watch]")
    leader.click("[data-key=order]")
    for page in (leader, advisor, projector):
        page.wait_for_selector("text=Orders of the day")
        assert page.get_by_text("Wait and watch").count() >= 1
    assert no_sideways_scrolling(leader)
    projector.screenshot(path=str(tmp_path / "projector.png"))
    assert (tmp_path / "advisor.png").stat().st_size > 10_000 and (tmp_path / "projector.png").stat().st_size > 10_000

    # a reload comes back to the same seat, by the token the browser kept
    advisor.reload()
    advisor.wait_for_selector("text=Orders of the day")
    assert advisor.get_by_text(ADVISOR).count() >= 1  # "<img ...>, you sit as Robert F. Kennedy ..."

    for page in (advisor, leader, projector, teacher):
        assert page.evaluate("window.__pwned") is None
        assert page.locator("img[onerror], body script:not([src]):not([type])").count() == 0


def test_the_join_page_speaks_russian_when_asked(browser, host, demo):
    room = host.new_room(demo)
    page = phone(browser)
    page.goto(f"{host.http}/?room={room.code}&lang=ru")
    assert page.locator("h1").inner_text() == "Присоединяйтесь к классу"
    assert page.locator("html").get_attribute("lang") == "ru"
    page.fill("#student-name", "Маша")
    page.click("button[type=submit]")
    page.wait_for_selector("text=Выберите место")
    assert no_sideways_scrolling(page)


def shots(tmp_path):
    """Where the screenshots go: BRINK_SCREENSHOTS when set (to look at them), else the test's folder."""
    import os
    from pathlib import Path

    folder = Path(os.environ.get("BRINK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_teachers_console_pauses_adds_time_sends_news_and_sees_the_letters(browser, host, crisis, tmp_path):
    """The teacher's real buttons, and what the students' pages show of them."""
    from playwright.sync_api import expect

    room = host.new_room(crisis)
    base = host.http
    folder = shots(tmp_path)
    students = {}
    for name, team in (("Ann", "kennedy"), ("Boris", "khrushchev")):
        page = phone(browser)
        page.goto(f"{base}/?room={room.code}")
        page.fill("#student-name", name)
        page.click("button[type=submit]")
        page.click(f"[data-key='seat:{team}:leader']")
        page.wait_for_selector(f"[data-key='seat:{team}:leader'][aria-pressed=true]")
        students[team] = page
    kennedy, khrushchev = students["kennedy"], students["khrushchev"]
    teacher = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    teacher.goto(f"{base}/teacher#{room.code}.{room.teacher_token}")
    teacher.click("text=Start the game")

    # the clock shows on the students' screens, counting down from five minutes
    kennedy.wait_for_selector(".countdown .time")
    assert kennedy.locator(".countdown .time").inner_text() in ("5:00", "4:59", "4:58")

    # pause: every screen says so and the time stands still; +1 min adds a minute to it
    teacher.click("[data-key=pause]")
    kennedy.wait_for_selector("text=The clock is paused")
    left = kennedy.locator(".countdown .time").inner_text()
    teacher.click("[data-key=add60]")
    minutes, seconds = (int(part) for part in left.split(":"))
    longer = f"{minutes + 1}:{seconds:02d}"
    expect(kennedy.locator(".countdown .time")).to_have_text(longer)
    expect(khrushchev.locator(".countdown .time")).to_have_text(longer)  # each phone hears it in its own time
    teacher.click("[data-key=resume]")
    kennedy.wait_for_selector("text=left to decide")

    # a news flash the teacher writes reaches both teams as news, as text
    teacher.fill("[data-key=news-text]", "Radio Moscow: <b>calm</b> in the Caribbean")
    teacher.click("[data-key=send-news]")
    for page in (kennedy, khrushchev):
        page.wait_for_selector("text=Radio Moscow: <b>calm</b> in the Caribbean")
        assert page.locator(".news b:text('calm')").count() == 0

    # the letters' delay made short on the console, then a letter: on its way for its sender only,
    # seen at once by the teacher, delivered to the other team when its time comes
    teacher.fill("[data-key=letter-minutes]", "0.1")
    teacher.click("[data-key=timing]")
    expect(teacher.locator("[data-key=letter-minutes]")).to_have_value("0.1")
    kennedy.fill("#letter-text", "Dear Chairman, let us talk before the ships meet.")
    kennedy.click("[data-key=send-letter]")
    kennedy.wait_for_selector("text=on its way")
    teacher.wait_for_selector("text=Dear Chairman, let us talk before the ships meet.")
    assert khrushchev.get_by_text("Dear Chairman").count() == 0
    khrushchev.wait_for_selector("text=Dear Chairman, let us talk before the ships meet.", timeout=20_000)
    assert khrushchev.get_by_text("Letter from John F. Kennedy").count() == 1
    kennedy.wait_for_selector(".letters li:not(.in-transit)")

    # a public statement: everyone at once
    khrushchev.fill("#letter-text", "The Soviet Union wants peace.")
    khrushchev.click("[data-key=send-statement]")
    for page in (kennedy, teacher):
        page.wait_for_selector("text=The Soviet Union wants peace.")

    # an advisor-free team: the leader's order appears on the console as it comes in
    kennedy.check("input[value=convene_excomm]")
    kennedy.click("[data-key=order]")
    teacher.wait_for_selector("text=Order: Meet the advisers in secret")

    teacher.screenshot(path=str(folder / "teacher.png"), full_page=True)
    khrushchev.screenshot(path=str(folder / "student.png"), full_page=True)
    projector = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    projector.goto(f"{base}/projector?room={room.code}")
    projector.wait_for_selector(".countdown.big .time")
    projector.wait_for_selector("text=The Soviet Union wants peace.")
    projector.screenshot(path=str(folder / "projector-clock.png"))
    assert no_sideways_scrolling(khrushchev)
    for name in ("teacher.png", "student.png", "projector-clock.png"):
        assert (folder / name).stat().st_size > 10_000
