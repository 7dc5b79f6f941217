"""The widget contract and the drawing helpers every widget shares.

A widget has a rectangle (given by the scene's layout), knows whether it is hovered, focused or
pressed, draws itself from the theme, and calls its ``on_activate`` when clicked or when Enter
is pressed on it. It never changes game state itself: the scene's callback issues commands.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.theme import Theme


class Widget:
    focusable = True

    def __init__(self, rect: pygame.Rect, on_activate: Callable[[], None] | None = None,
                 enabled: bool = True, name: str = ""):
        self.rect = pygame.Rect(rect)
        self.on_activate = on_activate
        self.enabled = enabled
        self.name = name
        self.hovered = False
        self.focused = False
        self.pressed = False
        self.row_index: int | None = None  # its place in a scrolling list, when it is one of the rows

    @property
    def can_focus(self) -> bool:
        return self.focusable and self.enabled

    def activate(self) -> bool:
        if self.enabled and self.on_activate is not None:
            self.on_activate()
            return True
        return False

    def scroll(self, lines: int) -> bool:
        """Scroll by lines (positive: down); True if the widget scrolls."""
        return False

    def key(self, event: pygame.event.Event) -> bool:
        """A key pressed while this widget has the focus; True if it was used."""
        return False

    def update(self, dt: float) -> None:
        pass

    def settle(self) -> None:
        """Jump to where the animation would end (reduced motion): a widget that moves overrides this."""

    def spoken(self) -> str:
        """The words self-voicing says when this widget has the focus."""
        return ". ".join(text for text in self.texts() if text)

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        pass

    def texts(self) -> list[str]:
        """Every piece of text the widget shows (for tests: what a player can read)."""
        return []


# --- drawing helpers ----------------------------------------------------------------------------
def shadow(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, radius: int = 8, depth: int = 3) -> None:
    """A soft drop shadow under a panel: a few translucent offset rectangles."""
    offset = theme.px(depth)
    for step in range(3, 0, -1):
        grow = step * theme.px(1.5)
        shade = pygame.Surface((rect.w + 2 * grow, rect.h + 2 * grow), pygame.SRCALPHA)
        pygame.draw.rect(shade, (40, 28, 12, 18), shade.get_rect(), border_radius=radius + grow)
        surface.blit(shade, (rect.x - grow, rect.y - grow + offset))


def panel(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, fill=None, edge=None,
          radius: int | None = None, with_shadow: bool = True, width: int = 1) -> None:
    palette = theme.palette
    radius = theme.px(8) if radius is None else radius
    if with_shadow:
        shadow(surface, rect, theme, radius)
    pygame.draw.rect(surface, fill or palette.panel, rect, border_radius=radius)
    pygame.draw.rect(surface, edge or palette.panel_edge, rect, max(1, theme.px(width)), border_radius=radius)


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, radius: int | None = None) -> None:
    """The keyboard focus: a strong double outline, visible on any background."""
    radius = theme.px(8) if radius is None else radius
    outer = rect.inflate(theme.px(8), theme.px(8))
    pygame.draw.rect(surface, theme.palette.panel, outer, theme.px(4), border_radius=radius + theme.px(3))
    pygame.draw.rect(surface, theme.palette.focus, outer, theme.px(3), border_radius=radius + theme.px(3))


def blit_lines(surface: pygame.Surface, theme: Theme, lines: list[str], style: str, colour,
               x: int, y: int, align: str = "left", width: int = 0, box: pygame.Rect | None = None) -> int:
    """Draw wrapped lines from the cache; returns the y below the last line."""
    step = theme.line_height(style)
    anchor, spot = {"center": ("midtop", x + width // 2), "right": ("topright", x + width)}.get(align, ("topleft", x))
    for line in lines:
        if line:
            theme.draw_text(surface, line, style, colour, (spot, y), anchor, box)
        y += step
    return y


def blit_text(surface: pygame.Surface, theme: Theme, text: str, style: str, colour, pos, anchor: str = "topleft",
              box: pygame.Rect | None = None) -> pygame.Rect:
    return theme.draw_text(surface, text, style, colour, pos, anchor, box)


def initials(name: str) -> str:
    words = [w for w in name.replace(".", " ").split() if w[:1].isalpha()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[-1][0]).upper()


def leaning_mark(surface: pygame.Surface, leaning: str, center, size: int, colour) -> None:
    """Hawk a triangle, dove a circle, moderate a square: told apart by shape, not colour alone."""
    x, y = center
    half = size // 2
    if leaning == "hawk":
        pygame.draw.polygon(surface, colour, [(x, y - half), (x + half, y + half * 3 // 4), (x - half, y + half * 3 // 4)])
    elif leaning == "dove":
        pygame.draw.circle(surface, colour, center, half)
    else:
        pygame.draw.rect(surface, colour, pygame.Rect(x - half * 4 // 5, y - half * 4 // 5, half * 8 // 5, half * 8 // 5))
