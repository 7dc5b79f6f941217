"""Pieces shared by the game screens: the alert gauge, the meters panel and the written record of orders.

Every piece says how much room it needs at a width (its words wrapped, never cut), so the
screens can decide what fits beside the map and what goes behind a tab.
"""

from __future__ import annotations

import pygame

from game.engine.alert import alert_level, alert_parts
from game.engine.visibility import all_see, shown_flags, shown_orders, shown_variables
from game.i18n import long_date
from game.text.describe import short_names
from game.ui.widgets.gauge import DefconGauge, MeterBar, Tension, gauge_height, meter_height

def stakes(scenario, values) -> float:
    """How near the edge the crisis stands, 0 (calm) to 1 (war): the paper darkens with it."""
    level = alert_level(scenario, values)
    return 0.0 if level is None else (5 - level) / 4


def _bars(scenario, values: tuple, seats) -> list:
    """The variables shown as bars: those the seats may see, less the one behind the gauge."""
    parts = alert_parts(scenario)
    return [v for v in shown_variables(scenario, values, seats) if v is not parts.variable or parts.level is None]


def _gauge_variable(scenario, values: tuple, seats):
    """The variable behind the gauge, when the seats may see it."""
    variable = alert_parts(scenario).variable
    return variable if variable is not None and all_see(variable.visible_to, seats, values) else None


def _pad(theme) -> int:
    return theme.px(12)


# --- the gauge and what is in force ---------------------------------------------------------------------
def status_height(theme, match, width: int, values: tuple, with_in_force: bool = True, seats=None) -> int:
    """The status block's height: the alert gauge with its tension line (if the scenario has an
    alert level), then (unless left out) everything declared in force."""
    parts = alert_parts(match.scenario)
    inner = width - 2 * _pad(theme)
    height = 2 * _pad(theme)
    if parts.level is not None:
        variable = _gauge_variable(match.scenario, values, seats)
        label = match.t(variable.label) if variable is not None else None
        height += gauge_height(theme, inner, label, match.t(parts.level.label)) + theme.px(8)
    if not with_in_force:
        return height - theme.px(8)
    with theme.measuring():
        lines, active = in_force_lines(theme, match, values, inner, seats)
    return height + len(lines) * theme.line_height("small_bold" if active else "small")


def add_status(scene, rect: pygame.Rect, match, values: tuple, start: tuple | None = None, seats=None) -> pygame.Rect:
    """The alert gauge at the top of ``rect``; returns the room under it for what is in force."""
    theme = scene.theme
    inner = rect.inflate(-2 * _pad(theme), -2 * _pad(theme))
    parts = alert_parts(match.scenario)
    if parts.level is None:
        return inner
    tension = tension_start = None
    variable = _gauge_variable(match.scenario, values, seats)
    label = None
    if variable is not None:
        label = match.t(variable.label)
        tension = Tension(label, values[variable.slot], variable.minimum, variable.maximum)
        tension_start = start[variable.slot] if start is not None else None
    level = alert_level(match.scenario, values)
    first = alert_level(match.scenario, start) if start is not None else None
    title = match.t(parts.level.label)
    height = gauge_height(theme, inner.w, label, title)
    scene.add(DefconGauge(pygame.Rect(inner.x, inner.y, inner.w, height), level, tension, first, tension_start, title))
    top = inner.y + height + theme.px(8)
    return pygame.Rect(inner.x, top, inner.w, max(0, inner.bottom - top))


# --- the meters -------------------------------------------------------------------------------------------
def _columns(theme, match, width: int, with_change: bool, bars: list) -> tuple[int, list[int]]:
    """How many columns of bars, and each row's height: as many columns as keep every name on one line."""
    gap = theme.px(18)
    best = None
    with theme.measuring():
        for columns in (3, 2, 1):
            column_w = (width - gap * (columns - 1)) // columns
            heights = [meter_height(theme, column_w, match.t(v.label), v.minimum, v.maximum, with_change) for v in bars]
            rows = [max(heights[i:i + columns]) for i in range(0, len(heights), columns)]
            if all(h <= theme.line_height("small") + theme.px(12) for h in heights):
                return columns, rows
            if best is None or sum(rows) < sum(best[1]):
                best = (columns, rows)
    return best if best is not None else (1, [])


def in_force_block(match, values: tuple, seats=None) -> tuple[str, str, str]:
    """What is in force as one block of text (its words, style and colour): the declared flags the
    seats may see, or a line saying nothing is."""
    _ = match.words
    active = [match.t(flag.label) for flag in shown_flags(match.scenario, values, seats) if values[flag.slot]]
    if active:
        return _("In force:") + " " + "; ".join(active), "small_bold", "accent"
    return _("Nothing declared in force"), "small", "ink_faint"


def in_force_lines(theme, match, values: tuple, width: int, seats=None) -> tuple[list[str], bool]:
    """What is in force, wrapped to the width, and whether anything is."""
    text, style, _ = in_force_block(match, values, seats)
    return theme.wrap(text, style, width), style == "small_bold"


def meters_height(theme, match, width: int, values: tuple, with_change: bool = False, seats=None) -> int:
    """The height of the bars, every name whole (the gauge's variable is not among them)."""
    _, rows = _columns(theme, match, width - 2 * _pad(theme), with_change, _bars(match.scenario, values, seats))
    return 2 * _pad(theme) + sum(rows) + theme.px(8) * max(0, len(rows) - 1)



def add_meters(scene, rect: pygame.Rect, match, values: tuple, start: tuple | None = None, seats=None) -> pygame.Rect:
    """A bar per variable inside ``rect``, in as many columns as keep their names whole; returns the
    room left under them."""
    theme = scene.theme
    inner = rect.inflate(-2 * _pad(theme), -2 * _pad(theme))
    with_change = start is not None and any(start[v.slot] != values[v.slot] for v in match.scenario.variables.values())
    bars = _bars(match.scenario, values, seats)
    columns, rows = _columns(theme, match, inner.w, with_change, bars)
    gap = theme.px(8)
    column_gap = theme.px(18)
    column_w = (inner.w - column_gap * (columns - 1)) // max(1, columns)
    y = inner.y
    for row_index, row_h in enumerate(rows):
        for column, variable in enumerate(bars[row_index * columns:(row_index + 1) * columns]):
            cell = pygame.Rect(inner.x + column * (column_w + column_gap), y, column_w, row_h)
            scene.add(MeterBar(cell, match.t(variable.label), values[variable.slot], variable.minimum,
                               variable.maximum, start[variable.slot] if start is not None else None))
        y += row_h + gap
    return pygame.Rect(inner.x, y, inner.w, max(0, inner.bottom - y))


def paint_in_force(surface, theme, where: pygame.Rect, match, values: tuple, seats=None) -> list[str]:
    """What is in force, wrapped into ``where``; returns the lines drawn."""
    lines, active = in_force_lines(theme, match, values, where.w, seats)
    style = "small_bold" if active else "small"
    colour = theme.palette.accent if active else theme.palette.ink_faint
    y = where.y
    for line in lines:
        theme.draw_text(surface, line, style, colour, (where.x, y), "topleft", where)
        y += theme.line_height(style)
    return lines


# --- the record -------------------------------------------------------------------------------------------
def history_blocks(match, seats=None) -> list[tuple[str, str, str]]:
    """Each resolved day: its date and title, then each side's order as the seats know it today
    (an order kept from them shows as an unknown one until its condition holds)."""
    scenario = match.scenario
    _ = match.words
    names = short_names(scenario, match.language)
    values = match.session.state.values
    shared = seats if seats is not None else match.viewers()
    blocks = []
    for record in match.session.state.history:
        day = scenario.days[record.day_index]
        title = day.title_shared(shared)  # a day's title may be one seat's secret
        blocks.append((f"{long_date(day.date, _)}: {match.t(title)}" if title else long_date(day.date, _),
                       "small_bold", "ink"))
        for order in shown_orders(scenario, record, seats, values):
            blocks.append((f"{names[order.role_id]}: {match.order_label(record.day_index, order)}", "small", "ink_soft"))
    if not blocks:
        blocks.append((_("No orders yet: this is the first day."), "italic", "ink_faint"))
    return blocks
