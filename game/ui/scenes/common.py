"""Pieces shared by the game screens: the meters panel and the written record of orders."""

from __future__ import annotations

import pygame

from game.text.describe import long_date
from game.ui.widgets.base import blit_text, panel
from game.ui.widgets.gauge import DefconGauge, MeterBar


GAUGE_VARIABLE = "tension"


def defcon_of(scenario, values) -> float | None:
    derived = scenario.derived.get("defcon")
    return derived.value(values) if derived is not None else None


def _gauge_parts(scenario):
    level_known = "defcon" in scenario.derived
    gauge_variable = scenario.variables.get(GAUGE_VARIABLE) if level_known else None
    bars = [v for v in scenario.variables.values() if v is not gauge_variable]
    return level_known, gauge_variable, bars


def _sizes(theme) -> dict[str, int]:
    return {"pad": theme.px(12), "gauge": theme.line_height("number") - theme.px(6) + theme.px(30) + theme.px(10),
            "bar": theme.line_height("small") + theme.px(12), "gap": theme.px(8),
            "flags": theme.line_height("small") + theme.px(2)}


def bar_columns(count: int) -> int:
    return 1 if count <= 2 else (2 if count <= 6 else 3)


def meters_height(theme, scenario, width: int) -> int:
    """The height the meters panel needs for this scenario's variables."""
    level_known, _, bars = _gauge_parts(scenario)
    size = _sizes(theme)
    columns = bar_columns(len(bars))
    rows = (len(bars) + columns - 1) // columns
    height = 2 * size["pad"] + size["flags"] + rows * (size["bar"] + size["gap"])
    if level_known:
        height += size["gauge"] + size["gap"]
    return height


def add_meters(scene, rect: pygame.Rect, match, values: tuple, start: tuple | None = None) -> pygame.Rect:
    """The DEFCON gauge and a bar per variable inside ``rect``; returns the line left for the flags."""
    theme = scene.theme
    scenario = match.scenario
    size = _sizes(theme)
    inner = rect.inflate(-2 * size["pad"], -2 * size["pad"])
    y = inner.y
    level_known, gauge_variable, bars = _gauge_parts(scenario)
    if level_known:
        tension = None
        if gauge_variable is not None:
            tension = (values[gauge_variable.slot], gauge_variable.minimum, gauge_variable.maximum)
        first = defcon_of(scenario, start) if start is not None else None
        gauge = DefconGauge(pygame.Rect(inner.x, y, inner.w, size["gauge"]), defcon_of(scenario, values), tension, first)
        if start is not None and gauge_variable is not None:
            gauge.tension_shown = start[gauge_variable.slot]
        scene.add(gauge)
        y += size["gauge"] + size["gap"]
    columns = bar_columns(len(bars))
    rows = (len(bars) + columns - 1) // columns
    room = inner.bottom - size["flags"] - y
    row_h = min(size["bar"] + size["gap"], room // max(1, rows)) if rows else 0
    column_gap = theme.px(18)
    column_w = (inner.w - column_gap * (columns - 1)) // max(1, columns)
    for index, variable in enumerate(bars):
        row, column = divmod(index, columns)
        cell = pygame.Rect(inner.x + column * (column_w + column_gap), y + row * row_h, column_w,
                           max(theme.px(24), row_h - size["gap"]))
        scene.add(MeterBar(cell, match.t(variable.label), values[variable.slot], variable.minimum, variable.maximum,
                           start[variable.slot] if start is not None else None))
    return pygame.Rect(inner.x, inner.bottom - size["flags"], inner.w, size["flags"])


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
