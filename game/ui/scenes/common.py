"""Pieces shared by the game screens: the meters panel and the written record of orders."""

from __future__ import annotations

import pygame

from game.text.describe import long_date
from game.ui import layout
from game.ui.widgets.base import blit_text, panel
from game.ui.widgets.gauge import DefconGauge, MeterBar

GAUGE_VARIABLE = "tension"


def defcon_of(scenario, values) -> float | None:
    derived = scenario.derived.get("defcon")
    return derived.value(values) if derived is not None else None


def add_meters(scene, rect: pygame.Rect, match, values: tuple, start: tuple | None = None) -> pygame.Rect:
    """The DEFCON gauge and a bar per variable inside ``rect``; returns the room left for flags."""
    theme = scene.theme
    scenario = match.scenario
    pad = theme.px(12)
    inner = rect.inflate(-2 * pad, -2 * pad)
    y = inner.y
    level = defcon_of(scenario, values)
    gauge_variable = scenario.variables.get(GAUGE_VARIABLE) if level is not None else None
    if level is not None:
        tension = None
        if gauge_variable is not None:
            tension = (values[gauge_variable.slot], gauge_variable.minimum, gauge_variable.maximum)
        gauge_h = theme.line_height("number") + theme.px(30)
        first = defcon_of(scenario, start) if start is not None else None
        gauge = DefconGauge(pygame.Rect(inner.x, y, inner.w, gauge_h), level, tension, first)
        if start is not None and gauge_variable is not None:
            gauge.tension_shown = start[gauge_variable.slot]
        scene.add(gauge)
        y += gauge_h + theme.px(10)
    bars = [v for v in scenario.variables.values() if v is not gauge_variable]
    flags_h = theme.line_height("small") + theme.px(4)
    columns = 2 if len(bars) > 2 else 1
    rows = (len(bars) + columns - 1) // columns
    room = inner.bottom - flags_h - y
    bar_h = min(theme.px(46), room // max(1, rows)) if rows else 0
    cells = layout.grid(pygame.Rect(inner.x, y, inner.w, room), len(bars), columns, theme.px(16), bar_h)
    for variable, cell in zip(bars, cells):
        cell = pygame.Rect(cell.x, cell.y, cell.w, max(theme.px(30), bar_h - theme.px(8)))
        scene.add(MeterBar(cell, match.t(variable.label), values[variable.slot], variable.minimum, variable.maximum,
                           start[variable.slot] if start is not None else None))
    return pygame.Rect(inner.x, inner.bottom - flags_h, inner.w, flags_h)


def paint_meters_panel(surface, theme, rect: pygame.Rect, flags_rect: pygame.Rect, match, values: tuple) -> list[str]:
    panel(surface, rect, theme)
    active = [match.t(flag.label) for flag in match.scenario.flags.values() if values[flag.slot]]
    text = "In force: " + "; ".join(active) if active else "Nothing declared in force"
    text = theme.fit(text, "small", flags_rect.w)
    blit_text(surface, theme, text, "small_bold" if active else "small",
              theme.palette.accent if active else theme.palette.ink_faint, flags_rect.topleft)
    return [text]


def history_blocks(match) -> list[tuple[str, str, str]]:
    """Each resolved day: its date and title, then each side's order."""
    scenario = match.scenario
    blocks = []
    for record in match.session.state.history:
        day = scenario.days[record.day_index]
        blocks.append((f"{long_date(day.date)}: {match.t(day.title)}", "small_bold", "ink"))
        for role_id, choice_id in record.orders:
            name = scenario.roles[role_id].name
            blocks.append((f"{name}: {match.label_of(record.day_index, role_id, choice_id)}", "small", "ink_soft"))
    if not blocks:
        blocks.append(("No orders yet: this is the first day.", "italic", "ink_faint"))
    return blocks
