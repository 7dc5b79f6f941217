"""A box of wrapped text that scrolls when it is longer than its panel (briefings, history, news).

The text is a list of blocks, each (text, style, colour role); lines are wrapped to the box's
width once per layout and drawn from the theme's cache; nothing is drawn outside the box.
The box takes the keyboard focus only when there is something to scroll.
"""

from __future__ import annotations

import pygame

from game.ui.theme import Theme
from game.ui.widgets.base import Widget, focus_ring

Block = tuple[str, str, str]  # text, style, colour name in the palette ("ink", "ink_soft", ...)


class TextBox(Widget):
    def __init__(self, rect, blocks: list[Block], theme: Theme, gap: float = 8, name: str = "text",
                 padding: float = 0):
        super().__init__(rect, None, True, name)
        self.blocks = blocks
        self.padding = theme.px(padding)
        self.gap = theme.px(gap)
        self.offset = 0.0  # pixels scrolled
        self.target = 0.0
        self.lines: list[tuple[str, str, str, int]] = []  # text, style, colour, y
        self.content_height = 0
        self._wrap(theme)

    def _wrap(self, theme: Theme) -> None:
        width = self.rect.w - 2 * self.padding - theme.px(10)  # room for the scroll bar
        self.lines, self.content_height = lay_out_blocks(theme, self.blocks, width, self.gap)

    @property
    def overflow(self) -> int:
        return max(0, self.content_height - (self.rect.h - 2 * self.padding))

    @property
    def can_focus(self) -> bool:
        return self.overflow > 0

    def scroll(self, lines: int) -> bool:
        if not self.overflow:
            return False
        self.target = min(max(0.0, self.target + lines * 40), float(self.overflow))
        return True

    def key(self, event) -> bool:
        page = max(1, (self.rect.h // 40) - 1)
        steps = {pygame.K_DOWN: 1, pygame.K_UP: -1, pygame.K_PAGEDOWN: page, pygame.K_PAGEUP: -page}
        if event.key in steps and self.overflow:
            before = self.target
            self.scroll(steps[event.key])
            return self.target != before or event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP)
        if event.key == pygame.K_HOME:
            self.target = 0.0
            return True
        if event.key == pygame.K_END:
            self.target = float(self.overflow)
            return True
        return False

    def update(self, dt: float) -> None:
        # ease toward the target: smooth, and the same speed at any frame rate
        self.offset += (self.target - self.offset) * min(1.0, dt * 14)
        if abs(self.target - self.offset) < 0.5:
            self.offset = self.target

    def settle(self) -> None:
        self.offset = self.target

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        palette = theme.palette
        inner = self.rect.inflate(-2 * self.padding, -2 * self.padding)
        previous = surface.get_clip()
        surface.set_clip(inner.clip(previous) if previous else inner)
        top = inner.y - round(self.offset)
        for text, style, colour, y in self.lines:
            line_y = top + y
            if line_y > inner.bottom or line_y + theme.line_height(style) < inner.y:
                continue
            if text:
                theme.draw_text(surface, text, style, getattr(palette, colour), (inner.x, line_y), box=inner, scrolls=True)
        surface.set_clip(previous)
        if self.overflow:
            track = pygame.Rect(inner.right - theme.px(4), inner.y, theme.px(4), inner.h)
            pygame.draw.rect(surface, palette.paper_deep, track, border_radius=theme.px(2))
            share = inner.h / self.content_height
            thumb_h = max(theme.px(24), round(inner.h * share))
            thumb_y = inner.y + round((inner.h - thumb_h) * (self.offset / self.overflow))
            pygame.draw.rect(surface, palette.ink_faint, (track.x, thumb_y, track.w, thumb_h), border_radius=theme.px(2))
        if self.focused:
            focus_ring(surface, self.rect, theme, theme.px(6))

    def texts(self) -> list[str]:
        return [text for text, _, _ in self.blocks]


def lay_out_blocks(theme: Theme, blocks: list[Block], width: int, gap: int) -> tuple[list[tuple[str, str, str, int]], int]:
    """The blocks wrapped to ``width``: each line with its y, and the height of them all."""
    y = 0
    lines = []
    for index, (text, style, colour) in enumerate(blocks):
        if index and text != "":
            y += gap
        for line in theme.wrap(text, style, max(20, width)):
            lines.append((line, style, colour, y))
            y += theme.line_height(style)
    return lines, y


def text_height(theme: Theme, blocks: list[Block], width: int, gap: float = 8, padding: float = 0) -> int:
    """The height a TextBox ``width`` wide needs to show ``blocks`` without scrolling."""
    inner = width - 2 * theme.px(padding) - theme.px(10)
    with theme.measuring():
        return lay_out_blocks(theme, blocks, inner, theme.px(gap))[1] + 2 * theme.px(padding)
