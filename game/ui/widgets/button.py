"""Buttons: a primary action, a secondary one, and options that stay selected (tabs, pickers)."""

from __future__ import annotations

import pygame

from game.ui.theme import Theme
from game.ui.widgets.base import Widget, blit_lines, focus_ring


class Button(Widget):
    def __init__(self, rect, label: str, on_activate=None, kind: str = "secondary", enabled: bool = True,
                 selected: bool = False, hint: str = "", name: str = "", style: str = "button"):
        super().__init__(rect, on_activate, enabled, name or label)
        self.label = label
        self.kind = kind  # "primary", "secondary", "option", "quiet"
        self.setting: str | None = None  # the setting it cycles, on the settings screen
        self.selected = selected
        self.hint = hint  # a shortcut key shown at the right, e.g. "Esc"
        self.style = style

    def colours(self, theme: Theme):
        palette = theme.palette
        if not self.enabled:
            return palette.paper_deep, palette.ink_faint, palette.panel_edge
        if self.kind == "primary" or (self.kind == "option" and self.selected):
            fill = palette.accent
            if self.hovered or self.pressed:
                fill = _lighter(fill)
            return fill, palette.accent_ink, palette.accent
        fill = palette.hover if (self.hovered or self.pressed) else palette.panel
        if self.kind == "quiet" and not (self.hovered or self.pressed):
            fill = palette.paper
        return fill, palette.ink, palette.panel_edge

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        fill, ink, edge = self.colours(theme)
        radius = theme.px(7)
        rect = self.rect.move(0, theme.px(1) if self.pressed else 0)
        if self.enabled and self.kind != "quiet":
            pygame.draw.rect(surface, tuple(max(0, c - 40) for c in edge), rect.move(0, theme.px(2)), border_radius=radius)
        pygame.draw.rect(surface, fill, rect, border_radius=radius)
        pygame.draw.rect(surface, edge, rect, max(1, theme.px(1.5)), border_radius=radius)
        pad = button_padding(theme)
        hint_ink = ink if self.kind == "primary" else theme.palette.ink_faint
        if self.hint and theme.measure(self.label, self.style) + theme.measure(self.hint, "small") + 3 * pad <= rect.w:
            theme.draw_text(surface, self.hint, "small", hint_ink, (rect.right - pad, rect.centery), "midright", rect)
            theme.draw_text(surface, self.label, self.style, ink, (rect.x + pad, rect.centery), "midleft", rect)
        else:  # no room for the key's name: the label alone, on as many lines as it needs
            lines = theme.wrap(self.label, self.style, rect.w - 2 * pad)
            step = theme.line_height(self.style)
            y = rect.centery - len(lines) * step // 2
            for line in lines:
                theme.draw_text(surface, line, self.style, ink, (rect.centerx, y), "midtop", rect)
                y += step
        if self.focused:
            focus_ring(surface, rect, theme, radius)

    def texts(self) -> list[str]:
        return [self.label]


def button_padding(theme: Theme) -> int:
    return theme.px(12)


def button_height(theme: Theme, style: str = "button", lines: int = 1) -> int:
    """A button's height for ``lines`` lines of its label: never less than a comfortable target."""
    return max(theme.px(44), lines * theme.line_height(style) + theme.px(8))


def button_width(theme: Theme, label: str, style: str = "button", hint: str = "") -> int:
    """The width that shows the whole label (and its key, if any) on one line."""
    width = theme.measure(label, style) + 2 * button_padding(theme)
    if hint:
        width += theme.measure(hint, "small") + button_padding(theme)
    return width


def label_lines(theme: Theme, label: str, width: int, style: str = "button") -> int:
    """How many lines a button ``width`` wide needs for its label."""
    with theme.measuring():
        return len(theme.wrap(label, style, width - 2 * button_padding(theme)))


class OptionRow(Widget):
    """A selectable row with a title and a description (setup's scenarios and seats, saved games).

    The title and the description wrap to as many lines as they need; a layout asks
    ``option_row_height`` for the height that shows them whole.
    """

    def __init__(self, rect, title: str, description: str, on_activate=None, selected: bool = False,
                 badge: str = "", name: str = "", portrait: pygame.Surface | None = None, enabled: bool = True):
        super().__init__(rect, on_activate, enabled, name or title)
        self.title = title
        self.description = description
        self.selected = selected
        self.badge = badge
        self.portrait = portrait

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        palette = theme.palette
        fill = palette.hover if (self.hovered or self.pressed) else palette.panel
        if not self.enabled:
            fill = palette.paper_deep
        radius = theme.px(6)
        rect = self.rect
        pygame.draw.rect(surface, fill, rect, border_radius=radius)
        edge = palette.accent if self.selected else palette.panel_edge
        pygame.draw.rect(surface, edge, rect, theme.px(3 if self.selected else 1), border_radius=radius)
        plan = _row_plan(theme, rect.w, self.title, self.description, self.badge,
                         self.portrait.get_width() if self.portrait is not None else 0)
        pad = plan.pad
        x = rect.x + plan.text_x
        if self.portrait is not None:
            picture = self.portrait.get_rect(midleft=(rect.x + pad, rect.centery))
            surface.blit(self.portrait, picture)
            if self.selected:
                pygame.draw.ellipse(surface, palette.accent, picture.inflate(theme.px(4), theme.px(4)), theme.px(3))
        else:
            marker = pygame.Rect(0, 0, theme.px(14), theme.px(14))
            marker.midleft = (rect.x + pad, rect.y + pad // 2 + theme.line_height("subheading") // 2)
            pygame.draw.circle(surface, palette.ink_soft, marker.center, marker.w // 2, max(1, theme.px(1.5)))
            if self.selected:
                pygame.draw.circle(surface, palette.accent, marker.center, marker.w // 2 - theme.px(3))
        y = rect.y + pad // 2
        if self.badge:
            theme.draw_text(surface, self.badge, "small", palette.ink_faint, (rect.right - pad, y), "topright", rect)
            y += plan.badge_drop
        y = blit_lines(surface, theme, plan.title_lines, "subheading", palette.ink, x, y, box=rect)
        blit_lines(surface, theme, plan.description_lines, "small", palette.ink_soft, x, y, box=rect)
        if self.focused:
            focus_ring(surface, rect, theme, radius)

    def texts(self) -> list[str]:
        return [self.title, self.description, *([self.badge] if self.badge else [])]


class _RowPlan:
    __slots__ = ("pad", "text_x", "title_lines", "description_lines", "badge_drop", "height")
    pad: int
    text_x: int
    title_lines: list[str]
    description_lines: list[str]
    badge_drop: int
    height: int


def _row_plan(theme: Theme, width: int, title: str, description: str, badge: str, portrait_w: int) -> _RowPlan:
    plan = _RowPlan()
    plan.pad = pad = theme.px(10)
    plan.text_x = pad + (portrait_w if portrait_w else theme.px(14)) + pad
    room = width - plan.text_x - pad
    badge_w = theme.measure(badge, "small") + pad if badge else 0
    title_lines = theme.wrap(title, "subheading", room)
    # a badge (a date) shares the first line when the title leaves it room, else it takes a line of its own
    plan.badge_drop = 0
    if badge and theme.measure(title_lines[0], "subheading") > room - badge_w:
        plan.badge_drop = theme.line_height("small")
    plan.title_lines = title_lines
    plan.description_lines = theme.wrap(description, "small", room) if description else []
    text_h = plan.badge_drop + len(title_lines) * theme.line_height("subheading") \
        + len(plan.description_lines) * theme.line_height("small")
    plan.height = max(text_h + pad, portrait_w + 2 * pad if portrait_w else 0)
    return plan


def option_row_height(theme: Theme, width: int, title: str, description: str, badge: str = "",
                      portrait_w: int = 0) -> int:
    """The height that shows a row's title and description whole at this width."""
    with theme.measuring():
        return _row_plan(theme, width, title, description, badge, portrait_w).height


class TextField(Widget):
    """A short line of digits (the seed): type when focused, Backspace to erase."""

    def __init__(self, rect, label: str, value: str, on_change=None, max_length: int = 9, name: str = ""):
        super().__init__(rect, None, True, name or label)
        self.label = label
        self.value = value
        self.on_change = on_change
        self.max_length = max_length
        self.blink = 0.0

    def activate(self) -> bool:
        return False

    def key(self, event) -> bool:
        if event.key == pygame.K_BACKSPACE:
            self.value = self.value[:-1]
        # ASCII digits only: '²' and other characters Python calls digits are no number to int()
        elif event.unicode.isascii() and event.unicode.isdigit() and len(self.value) < self.max_length:
            self.value += event.unicode
        else:
            return False
        if self.on_change:
            self.on_change(self.value)
        return True

    def update(self, dt: float) -> None:
        self.blink = (self.blink + dt) % 1.0

    def settle(self) -> None:
        self.blink = 0.0  # a caret that stays lit

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        palette = theme.palette
        radius = theme.px(5)
        pygame.draw.rect(surface, (252, 249, 240), self.rect, border_radius=radius)
        pygame.draw.rect(surface, palette.panel_edge, self.rect, max(1, theme.px(1.5)), border_radius=radius)
        pos = theme.draw_text(surface, self.value or " ", "subheading", palette.ink,
                              (self.rect.x + theme.px(10), self.rect.centery), "midleft", self.rect)
        if self.focused and self.blink < 0.6:
            x = pos.right + theme.px(2) if self.value else pos.x
            pygame.draw.line(surface, palette.ink, (x, pos.y + theme.px(3)), (x, pos.bottom - theme.px(3)), max(1, theme.px(2)))
        if self.focused:
            focus_ring(surface, self.rect, theme, radius)

    def texts(self) -> list[str]:
        return [self.label, self.value]


def _lighter(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    red, green, blue = (min(255, c + 22) for c in colour)
    return red, green, blue
