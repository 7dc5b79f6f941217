"""Rectangles for every screen, computed from the window size and the theme's scale.

Screens ask for their regions here instead of placing things by magic numbers; every length
is given in 720p pixels and scaled by ``theme.px``, so 1280x720 and 1920x1080 look alike.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.theme import Theme


def margin(theme: Theme) -> int:
    return theme.px(16)


def top_bar(size, theme: Theme) -> pygame.Rect:
    return pygame.Rect(0, 0, size[0], theme.px(58))


@dataclass(frozen=True, slots=True)
class Heading:
    bar: pygame.Rect
    first_line: pygame.Rect  # the title's line: a button in the bar is centred on it
    texts: tuple  # (text, style, palette colour name, position, anchor) to draw


def plan_heading(size, theme: Theme, title: str, subtitle: str, reserve: int) -> Heading:
    """The heading bar: title and subtitle whole, on one line when some size of the title allows it,
    else the title on its line and the subtitle wrapped below."""
    m = margin(theme)
    width = size[0] - 2 * m - (reserve + m if reserve else 0)
    pad = theme.px(6)
    gap = theme.px(16)
    styles = ("title", "heading")
    if subtitle:
        together = next((style for style in styles
                         if theme.measure(title, style) + gap + theme.measure(subtitle, "subheading") <= width), None)
        if together is not None:
            step = theme.line_height(together)
            x = m + theme.measure(title, together) + gap
            texts = ((title, together, "ink", (m, pad), "topleft"),
                     (subtitle, "subheading", "ink_soft", (x, pad + step // 2 + theme.px(3)), "midleft"))
            return Heading(pygame.Rect(0, 0, size[0], max(theme.px(58), step + 2 * pad)),
                           pygame.Rect(0, pad, size[0], step), texts)
    style = theme.first_fitting(title, styles, width) or theme.wrapping_style(title, ("heading", "subheading", "small"), width)
    step = theme.line_height(style)
    placed = []
    y = pad
    for line in theme.wrap(title, style, width):
        placed.append((line, style, "ink", (m, y), "topleft"))
        y += step
    for line in theme.wrap(subtitle, "subheading", width) if subtitle else []:
        placed.append((line, "subheading", "ink_soft", (m, y), "topleft"))
        y += theme.line_height("subheading")
    return Heading(pygame.Rect(0, 0, size[0], max(theme.px(58), y + pad)), pygame.Rect(0, pad, size[0], step), tuple(placed))


def split_columns(rect: pygame.Rect, shares: list[float], gap: int) -> list[pygame.Rect]:
    """Columns across ``rect`` in the given proportions, separated by ``gap``."""
    total = sum(shares)
    width = rect.w - gap * (len(shares) - 1)
    columns = []
    x = rect.x
    for index, share in enumerate(shares):
        w = round(width * share / total) if index < len(shares) - 1 else rect.right - x
        columns.append(pygame.Rect(x, rect.y, w, rect.h))
        x += w + gap
    return columns


def split_rows(rect: pygame.Rect, heights: list[float | None], gap: int) -> list[pygame.Rect]:
    """Rows down ``rect``: fixed heights, and None rows sharing what is left equally."""
    fixed = sum(h for h in heights if h is not None)
    free = [h for h in heights if h is None]
    left = max(0, rect.h - fixed - gap * (len(heights) - 1))
    each = left / len(free) if free else 0
    rows = []
    y = rect.y
    for h in heights:
        height = round(h if h is not None else each)
        rows.append(pygame.Rect(rect.x, y, rect.w, height))
        y += height + gap
    return rows


def grid(rect: pygame.Rect, count: int, columns: int, gap: int, row_height: int | None = None) -> list[pygame.Rect]:
    """``count`` cells, ``columns`` across, each row ``row_height`` tall (or sharing the height)."""
    if count <= 0:
        return []
    rows = (count + columns - 1) // columns
    cell_w = (rect.w - gap * (columns - 1)) / columns
    cell_h = row_height if row_height is not None else (rect.h - gap * (rows - 1)) / rows
    cells = []
    for index in range(count):
        row, column = divmod(index, columns)
        cells.append(pygame.Rect(round(rect.x + column * (cell_w + gap)), round(rect.y + row * (cell_h + gap)),
                                 round(cell_w), round(cell_h)))
    return cells


def centered(size, width: int, height: int) -> pygame.Rect:
    rect = pygame.Rect(0, 0, min(width, size[0]), min(height, size[1]))
    rect.center = (size[0] // 2, size[1] // 2)
    return rect


def body(size, theme: Theme, top: int) -> pygame.Rect:
    m = margin(theme)
    return pygame.Rect(m, top + m // 2, size[0] - 2 * m, size[1] - top - m - m // 2)


def tab_row(rect: pygame.Rect, labels: list[str], theme: Theme, style: str, gap: int) -> list[pygame.Rect]:
    """Tabs across ``rect``, each as wide as its label needs plus an equal share of what is left;
    when they cannot all stand in one row, they take two (or more) rows of equal height."""
    from game.ui.widgets.button import button_height, button_width

    height = button_height(theme, style)
    widths = [button_width(theme, label, style) for label in labels]
    rows: list[list[int]] = [[]]
    used = 0
    for index, width in enumerate(widths):
        if rows[-1] and used + gap + width > rect.w:
            rows.append([])
            used = 0
        used += (gap if rows[-1] else 0) + width
        rows[-1].append(index)
    rects: list[pygame.Rect] = [pygame.Rect(0, 0, 0, 0)] * len(labels)
    y = rect.y
    for row in rows:
        natural = sum(widths[i] for i in row) + gap * (len(row) - 1)
        spare = max(0, rect.w - natural) / len(row)
        x = float(rect.x)
        for position, index in enumerate(row):
            span = widths[index] + spare if position < len(row) - 1 else rect.right - x
            rects[index] = pygame.Rect(round(x), y, round(span), height)
            x += span + gap
        y += height + gap
    return rects


def button_row_height(theme: Theme, style: str = "button") -> int:
    from game.ui.widgets.button import button_height

    return button_height(theme, style)


def tab_labels(width: int, choices: list[tuple[str, str]], theme: Theme, style: str, gap: int) -> list[str]:
    """Each tab's long label when they all fit in one row, else its short one."""
    from game.ui.widgets.button import button_width

    long = [full for full, _ in choices]
    needed = sum(button_width(theme, label, style) for label in long) + gap * (len(long) - 1)
    return long if needed <= width else [short for _, short in choices]


def card_pages(area: pygame.Rect, heights: list[int], columns: int, gap: int) -> list[list[tuple[int, pygame.Rect]]]:
    """The cards laid in rows of ``columns`` (each row as tall as its tallest card), page by page.

    A page holds as many whole rows as fit in ``area``; the next row starts the next page.
    Returns, per page, (card index, rectangle) pairs.
    """
    width = (area.w - gap * (columns - 1)) // columns
    pages: list[list[tuple[int, pygame.Rect]]] = [[]]
    y = area.y
    for first in range(0, len(heights), columns):
        members = list(range(first, min(first + columns, len(heights))))
        row_h = max(heights[i] for i in members)
        if pages[-1] and y + row_h > area.bottom:
            pages.append([])
            y = area.y
        for column, index in enumerate(members):
            x = area.x + column * (width + gap)
            w = width if column < columns - 1 else area.right - x
            pages[-1].append((index, pygame.Rect(x, y, w, min(row_h, area.h))))
        y += row_h + gap
    return pages


def option_row_height(theme: Theme, base: float, description_lines: int) -> int:
    """A list row's height: ``base`` at 720p, or more when large text needs it for its title and description."""
    needed = theme.px(10) + theme.line_height("subheading") + description_lines * theme.line_height("small")
    return max(theme.px(base), needed)
