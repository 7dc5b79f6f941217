"""Buttons: a primary action, a secondary one, and options that stay selected (tabs, pickers)."""

from __future__ import annotations

import pygame

from game.ui.theme import Theme
from game.ui.widgets.base import Widget, blit_lines, blit_text, focus_ring


class Button(Widget):
    def __init__(self, rect, label: str, on_activate=None, kind: str = "secondary", enabled: bool = True,
                 selected: bool = False, hint: str = "", name: str = "", style: str = "button"):
        super().__init__(rect, on_activate, enabled, name or label)
        self.label = label
        self.kind = kind  # "primary", "secondary", "option", "quiet"
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
                fill = tuple(min(255, c + 22) for c in fill)
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
        pad = theme.px(12)
        hint_width = 0
        show_hint = bool(self.hint) and (theme.measure(self.label, self.style) + theme.measure(self.hint, "small")
                                         + 3 * pad <= rect.w)
        if show_hint:
            hint_rect = blit_text(surface, theme, self.hint, "small", ink if self.kind == "primary" else theme.palette.ink_faint,
                                  (rect.right - pad, rect.centery), "midright")
            hint_width = hint_rect.w + pad
        available = rect.w - 2 * pad - hint_width
        label = theme.fit(self.label, self.style, available)
        text = theme.text(label, self.style, ink)
        if show_hint:
            surface.blit(text, text.get_rect(midleft=(rect.x + pad, rect.centery)))
        else:
            surface.blit(text, text.get_rect(center=rect.center))
        if self.focused:
            focus_ring(surface, rect, theme, radius)

    def texts(self) -> list[str]:
        return [self.label]


class OptionRow(Widget):
    """A selectable row with a title and a line of description (setup's scenarios, opponents)."""

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
        pygame.draw.rect(surface, fill, self.rect, border_radius=radius)
        edge = palette.accent if self.selected else palette.panel_edge
        pygame.draw.rect(surface, edge, self.rect, theme.px(3 if self.selected else 1), border_radius=radius)
        pad = theme.px(10)
        x = self.rect.x + pad
        if self.portrait is not None:
            picture = self.portrait.get_rect(midleft=(x, self.rect.centery))
            surface.blit(self.portrait, picture)
            if self.selected:
                pygame.draw.ellipse(surface, palette.accent, picture.inflate(theme.px(4), theme.px(4)), theme.px(3))
            x = picture.right + pad
        else:
            marker = pygame.Rect(0, 0, theme.px(14), theme.px(14))
            marker.midleft = (x, self.rect.y + pad + theme.line_height("subheading") // 2)
            pygame.draw.circle(surface, palette.ink_soft, marker.center, marker.w // 2, max(1, theme.px(1.5)))
            if self.selected:
                pygame.draw.circle(surface, palette.accent, marker.center, marker.w // 2 - theme.px(3))
            x = marker.right + pad
        width = self.rect.right - pad - x
        blit_text(surface, theme, theme.fit(self.title, "subheading", width), "subheading", palette.ink, (x, self.rect.y + pad // 2))
        if self.badge:
            blit_text(surface, theme, self.badge, "small", palette.ink_faint, (self.rect.right - pad, self.rect.y + pad // 2), "topright")
        lines = theme.wrap(self.description, "small", width)
        room = max(0, (self.rect.bottom - pad // 2 - (self.rect.y + pad // 2 + theme.line_height("subheading"))) // theme.line_height("small"))
        shown = lines[:room]
        if len(lines) > room and shown:
            shown[-1] = theme.fit(shown[-1] + " \u2026", "small", width)
        blit_lines(surface, theme, shown, "small", palette.ink_soft, x, self.rect.y + pad // 2 + theme.line_height("subheading"))
        if self.focused:
            focus_ring(surface, self.rect, theme, radius)

    def texts(self) -> list[str]:
        return [self.title, self.description]


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
        elif event.unicode and event.unicode.isdigit() and len(self.value) < self.max_length:
            self.value += event.unicode
        else:
            return False
        if self.on_change:
            self.on_change(self.value)
        return True

    def update(self, dt: float) -> None:
        self.blink = (self.blink + dt) % 1.0

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        palette = theme.palette
        radius = theme.px(5)
        pygame.draw.rect(surface, (252, 249, 240), self.rect, border_radius=radius)
        pygame.draw.rect(surface, palette.panel_edge, self.rect, max(1, theme.px(1.5)), border_radius=radius)
        text = theme.text(self.value or " ", "subheading", palette.ink)
        pos = text.get_rect(midleft=(self.rect.x + theme.px(10), self.rect.centery))
        surface.blit(text, pos)
        if self.focused and self.blink < 0.6:
            x = pos.right + theme.px(2) if self.value else pos.x
            pygame.draw.line(surface, palette.ink, (x, pos.y + theme.px(3)), (x, pos.bottom - theme.px(3)), max(1, theme.px(2)))
        if self.focused:
            focus_ring(surface, self.rect, theme, radius)

    def texts(self) -> list[str]:
        return [self.label, self.value]
