"""Title > "Host a class": the window hosts the classroom and shows the projector, driven by real
keys, with a student joining over a real websocket."""

from __future__ import annotations

import asyncio
import json
import os
import socket

import aiohttp
import pygame
import pytest

from game.classroom import codes, host
from game.classroom import commands as c
from .driver import press, scene_name, step, tab_to
from .golden import check


@pytest.fixture
def hosting(monkeypatch):
    """A fixed code and address (so the QR code is the same every run), any free port."""
    monkeypatch.setattr(codes, "new_code", lambda taken=(): "KMTXPA")
    monkeypatch.setattr(host, "DEFAULT_PORT", 0)
    monkeypatch.setattr(host, "address_for", lambda bind, port: host.Address("http://192.168.1.20:8765/", True, port))


def open_projector(app):
    app.push("title")
    tab_to(app, "Host a class")
    press(app, pygame.K_RETURN)
    assert scene_name(app) == "ProjectorScene"
    return app.top


def join(scene, name: str, team: str, place: str) -> None:
    """A student's browser joins the scene's room and takes a seat, over a real websocket."""
    async def student():
        url = f"http://127.0.0.1:{scene.host.address.port}/ws"
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(url) as browser:
                await browser.send_json({"type": "join", "room": scene.code, "name": name})
                await browser.receive(timeout=5)
                await browser.send_json({"type": "sit", "team": team, "place": place})
                while json.loads((await browser.receive(timeout=5)).data).get("you", {}).get("seat") is None:
                    pass
    asyncio.run(student())


def settle(app, frames: int = 40) -> None:
    for _ in range(frames):
        app.update(1 / 60)
    step(app)


def test_hosting_from_the_title_shows_the_code_the_qr_code_and_who_joined(app, hosting):
    scene = open_projector(app)
    assert scene.code == "KMTXPA" and scene.snapshot.view["phase"] == "lobby"
    join(scene, "<b>Ivan</b>", "khrushchev", "leader")
    join(scene, "Maria", "kennedy", "leader")
    settle(app)
    texts = app.top.texts()
    assert "KMTXPA" in texts and "<b>Ivan</b>" in texts and "Maria" in texts
    check(app.draw(), "projector_lobby")


def test_the_teacher_starts_and_moves_the_game_on_with_the_keyboard(app, hosting):
    scene = open_projector(app)
    join(scene, "Maria", "kennedy", "leader")
    press(app, pygame.K_s)
    assert scene.snapshot.view["phase"] == "deciding"
    assert [team["computer"] for team in scene.snapshot.view["teams"]] == [False, True]
    room = scene.host.classroom.rooms[scene.code]
    choice = scene.snapshot.session.legal_choices("kennedy")[0].id
    scene.host.call(lambda: scene.host.classroom.act(room, c.Order("m1", choice)))
    settle(app, 30)
    assert scene.snapshot.view["phase"] == "resolved"
    assert any(widget.name == "what happened" for widget in scene.widgets)
    press(app, pygame.K_n)
    assert scene.snapshot.view["phase"] == "deciding" and scene.snapshot.view["day"]["number"] == 2


def test_the_keys_pause_add_time_and_undo_and_each_is_on_a_button(app, hosting):
    scene = open_projector(app)
    join(scene, "Maria", "kennedy", "leader")
    press(app, pygame.K_s)
    room = scene.host.classroom.rooms[scene.code]
    hints = {widget.hint for widget in scene.widgets if getattr(widget, "hint", "")}
    assert {"P", "A", "F"} <= hints
    press(app, pygame.K_p)
    assert room.timer.paused and scene.snapshot.view["clock"]["paused"]
    assert scene.clock_text().startswith("Paused 5:00")
    settle(app)
    if os.environ.get("BRINK_SCREENSHOTS"):  # to look at the keys' buttons and the paused clock
        pygame.image.save(app.draw(), os.path.join(os.environ["BRINK_SCREENSHOTS"], "window-projector.png"))
    press(app, pygame.K_a)
    assert room.timer.total == 360 and scene.clock_text() == "Paused 6:00"
    press(app, pygame.K_f)
    assert room.timer.total == 660 and scene.clock_text() == "Paused 11:00"
    press(app, pygame.K_p)
    assert not room.timer.paused
    choice = scene.snapshot.session.legal_choices("kennedy")[0].id
    scene.host.call(lambda: scene.host.classroom.act(room, c.Order("m1", choice)))
    settle(app, 30)
    assert "U" in {widget.hint for widget in scene.widgets if getattr(widget, "hint", "")}
    press(app, pygame.K_u)
    assert scene.snapshot.view["phase"] == "deciding" and not room.session.state.history


def test_leaving_stops_the_server_and_keeps_the_room(app, hosting):
    scene = open_projector(app)
    port = scene.host.address.port
    code = scene.code
    press(app, pygame.K_ESCAPE)
    assert scene_name(app) == "TitleScene"
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    again = open_projector(app)  # "Host a class" brings the room back
    assert again.code == code


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("size, scale", [((1280, 720), 1.0), ((1280, 720), 1.5), ((1920, 1080), 1.3)],
                         ids=["1280x720-100", "1280x720-150", "1920x1080-130"])
def test_every_word_on_the_projector_is_whole_and_clear(make_app, hosting, size, scale, language):
    """The lobby, a day being decided and its resolution, read through the readability ledger."""
    from .readability import problems_now, watch

    app = make_app(*size, text_scale=scale, language=language)
    app.language = language
    watch(app)
    scene = open_projector(app)
    for name, team, place in (("Maria Alexandrovna Kuznetsova", "kennedy", "leader"), ("Sam", "kennedy", "rfk"),
                              ("<b>Ivan</b>", "khrushchev", "gromyko"), ("Olga", "khrushchev", "leader")):
        join(scene, name, team, place)
    settle(app)
    found = problems_now(app, "lobby")
    press(app, pygame.K_s)
    settle(app)
    found += problems_now(app, "deciding")
    room = scene.host.classroom.rooms[scene.code]
    for member, team in (("m1", "kennedy"), ("m4", "khrushchev")):
        choice = scene.snapshot.session.legal_choices(team)[0].id
        scene.host.call(lambda m=member, ch=choice: scene.host.classroom.act(room, c.Order(m, ch)))
    settle(app, 30)
    found += problems_now(app, "resolved")
    assert not found, "\n".join(found[:20])
