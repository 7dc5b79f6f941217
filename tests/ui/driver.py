"""Driving the real scenes the way a player does: posted pygame events, then a turn of the loop."""

from __future__ import annotations

import pygame

DT = 1 / 60


def step(app, frames: int = 1) -> None:
    for _ in range(frames):
        app.frame(DT)


def press(app, key: int, unicode: str = "", mod: int = 0, frames: int = 1) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode, scancode=0))
    step(app, frames)


def click_at(app, pos, frames: int = 1) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    step(app, frames)


def click(app, widget, frames: int = 1) -> None:
    assert widget.enabled, f"{widget.name} is not enabled"
    click_at(app, widget.rect.center, frames)


def widget(app, name: str):
    """The widget of that name on the top scene (its label, or a name like 'choice:quarantine')."""
    for candidate in app.top.widgets:
        if candidate.name == name:
            return candidate
    names = [w.name for w in app.top.widgets]
    raise AssertionError(f"no widget '{name}' on {type(app.top).__name__}; there are {names}")


def scene_name(app) -> str:
    return type(app.top).__name__


def tab_to(app, name: str, limit: int = 60) -> None:
    """Press Tab until the focus is on the named widget, as a keyboard player does."""
    for _ in range(limit):
        if app.top.focus is not None and app.top.focus.name == name:
            return
        press(app, pygame.K_TAB)
    raise AssertionError(f"Tab never reached '{name}' on {scene_name(app)}")
