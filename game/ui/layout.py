"""Rectangles for every screen, computed from the window size and the theme's scale.

Screens ask for their regions here instead of placing things by magic numbers; every length
is given in 720p pixels and scaled by ``theme.px``, so 1280x720 and 1920x1080 look alike.
"""

from __future__ import annotations

import pygame

from game.ui.theme import Theme


def margin(theme: Theme) -> int:
    return theme.px(16)


def top_bar(size, theme: Theme) -> pygame.Rect:
    return pygame.Rect(0, 0, size[0], theme.px(58))


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


def day_screen(size, theme: Theme, meters_h: int) -> dict[str, pygame.Rect]:
    """The main screen: map and meters on the left; advisors, advice and the orders on the right."""
    m = margin(theme)
    bar = top_bar(size, theme)
    calendar = pygame.Rect(m, bar.bottom + theme.px(6), size[0] - 2 * m, theme.px(30))
    main = pygame.Rect(m, calendar.bottom + theme.px(10), size[0] - 2 * m, size[1] - calendar.bottom - theme.px(10) - m)
    left, right = split_columns(main, [0.47, 0.53], m)
    tabs_h = theme.px(36)
    meters_h = min(meters_h, round(left.h * 0.5))
    tabs, map_rect, meters = split_rows(left, [tabs_h, None, meters_h], theme.px(6))
    chip_h = max(theme.px(96), theme.px(46) + 2 * theme.line_height("small") - theme.px(6))  # room for staggered names
    advice_h = theme.px(100)
    button_h = theme.px(44)
    advisors_rect, advice, cards, button_row = split_rows(right, [chip_h, advice_h, None, button_h], theme.px(10))
    return {"bar": bar, "calendar": calendar, "tabs": tabs, "map": map_rect, "meters": meters,
            "advisors": advisors_rect, "advice": advice, "cards": cards, "buttons": button_row}


def card_columns(cards: pygame.Rect, count: int, theme: Theme) -> tuple[int, int]:
    """How many columns of cards, and how tall each: two columns unless one fits better."""
    gap = theme.px(10)
    for columns, least in ((1, 92), (2, 84), (3, 0)):
        if columns == 1 and count > 2 and (cards.h - gap * (count - 1)) // max(1, count) < theme.px(least):
            continue
        rows = (count + columns - 1) // columns
        height = (cards.h - gap * (rows - 1)) // max(1, rows)
        if height >= theme.px(least) or columns == 3:
            return columns, min(height, theme.px(150))
    return 3, theme.px(60)


def card_pages(cards: pygame.Rect, count: int, theme: Theme, least: int) -> tuple[int, int, int, pygame.Rect | None]:
    """Columns, card height, cards per page, and the pager's row (None when every card fits at once).

    A card shorter than ``least`` cannot show its label and what it moves,
    so a busy day (the 1962 scenario offers up to fifteen orders) is shown a page at a time in
    two columns rather than squeezed into unreadable slivers.
    """
    columns, height = card_columns(cards, count, theme)
    if columns <= 2 and height >= least:
        return columns, height, count, None
    gap = theme.px(10)
    fitting_rows = max(1, (cards.h + gap) // (least + gap))
    if fitting_rows * 2 >= count:
        rows = (count + 1) // 2
        return 2, min((cards.h - gap * (rows - 1)) // rows, theme.px(150)), count, None
    pager_h = theme.line_height("small_bold") + theme.px(10)
    room = cards.h - pager_h - gap
    rows = max(1, (room + gap) // (least + gap))
    height = (room - gap * (rows - 1)) // rows
    pager = pygame.Rect(cards.x, cards.bottom - pager_h, cards.w, pager_h)
    return 2, height, rows * 2, pager


def option_row_height(theme: Theme, base: float, description_lines: int) -> int:
    """A list row's height: ``base`` at 720p, or more when large text needs it for its title and description."""
    needed = theme.px(10) + theme.line_height("subheading") + description_lines * theme.line_height("small")
    return max(theme.px(base), needed)
