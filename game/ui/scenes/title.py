"""The title: the game's name over a painting, and the way in."""

from __future__ import annotations

import pygame

from game.engine.saves import SaveError
from game.i18n import N_
from game.ui import flow, layout
from game.ui.match import autosave_path, can_continue, load_match
from game.ui.scenes.base import Scene
from game.ui.widgets.base import blit_lines
from game.ui.widgets.button import Button, button_height, button_width

NAME = "Brinkmanship"
SUBTITLE = N_("A crisis decision game \u2014 October 1962")
HINT = N_("Arrows or {next} to move, {choose} to choose")


class TitleScene(Scene):
    def build(self, size) -> None:
        theme = self.theme
        width, height = size
        m = layout.margin(theme)
        self.can_continue = can_continue()
        _ = self.app.words
        items = [  # (the button's name, as tests and the readability ledger know it; what it does; enabled)
            ("Continue", self.continue_game, self.can_continue),
            ("New game", self.new_game, True),
            ("Host a class", lambda: self.app.push("projector"), True),
            ("Load", lambda: self.app.push("load"), True),
            ("Scenarios", lambda: self.app.push("scenarios"), True),
            ("Settings", lambda: self.app.push("settings"), True),
            ("Quit", self.app.quit, True),
        ]
        labels = {"Continue": _("Continue"), "New game": _("New game"), "Host a class": _("Host a class"),
                  "Load": _("Load"), "Scenarios": _("Scenarios"), "Settings": _("Settings"), "Quit": _("Quit")}
        # a paper band down the left, as wide as the name needs, holds the name and the menu
        self.left = m * 3
        name_style = theme.first_fitting(NAME, ("display", "title"), width - 2 * self.left) or "title"
        self.name_style = name_style
        band_w = max(theme.px(610), theme.measure(NAME, name_style) + 2 * m + theme.px(20))
        self.band = pygame.Rect(m * 2 - theme.px(10), 0, min(width - m, band_w), height)
        text_w = self.band.right - self.left - m
        self.subtitle_lines = theme.wrap(_(SUBTITLE), "italic", text_w)
        self.hint_lines = theme.wrap(_(HINT, next=self.app.keys.label("next_focus"), choose=self.app.keys.label("activate")),
                                     "small", text_w)
        self.name_y = round(height * 0.1)
        self.rule_y = self.name_y + theme.line_height(name_style) + len(self.subtitle_lines) * theme.line_height("italic") \
            + theme.px(16)
        button_w = min(text_w, max(theme.px(300), max(button_width(theme, labels[name]) for name, __, __ in items)))
        button_h = button_height(theme)
        hint_top = height - m * 2 - len(self.hint_lines) * theme.line_height("small")
        room = hint_top - self.rule_y - theme.px(16)
        # one column of buttons, or two side by side when large type leaves no height for one
        columns = 1 if len(items) * (button_h + theme.px(4)) <= room else 2
        rows = -(-len(items) // columns)
        if columns == 2:
            button_w = (text_w - m) // 2
        gap = max(theme.px(4), min(theme.px(10), (room - rows * button_h) // max(1, rows)))
        top = self.rule_y + max(theme.px(16), (room - rows * (button_h + gap)) // 3)
        self.hint_top = hint_top
        for index, (label, action, enabled) in enumerate(items):
            kind = "primary" if (label == "Continue" and enabled) or (label == "New game" and not self.can_continue) else "secondary"
            column, row = divmod(index, rows)
            rect = pygame.Rect(self.left + column * (button_w + m), top + row * (button_h + gap), button_w, button_h)
            self.add(Button(rect, labels[label], action, kind=kind, enabled=enabled, name=label))

    def first_focus(self):
        return next((w for w in self.widgets if w.can_focus), None)

    def paint_static(self, surface: pygame.Surface) -> None:
        theme = self.theme
        palette = theme.palette
        width, height = self.app.size
        surface.blit(self.app.art.title((width, height)), (0, 0))
        band = pygame.Surface(self.band.size, pygame.SRCALPHA)
        band.fill((*palette.paper, 222))
        surface.blit(band, self.band)
        pygame.draw.line(surface, palette.panel_edge, self.band.topright, self.band.bottomright, max(1, theme.px(1)))
        name = theme.draw_text(surface, NAME, self.name_style, palette.ink, (self.left - theme.px(4), self.name_y),
                               "topleft", self.band)
        blit_lines(surface, theme, self.subtitle_lines, "italic", palette.ink_soft, self.left, name.bottom, box=self.band)
        pygame.draw.line(surface, palette.accent, (self.left, self.rule_y), (self.left + theme.px(300), self.rule_y),
                         max(1, theme.px(2)))
        blit_lines(surface, theme, self.hint_lines, "small", palette.ink_soft, self.left, self.hint_top, box=self.band)

    def static_texts(self) -> list[str]:
        return [NAME, self.app.words(SUBTITLE)]

    def new_game(self) -> None:
        self.app.push("setup")

    def continue_game(self) -> None:
        try:
            match = load_match(autosave_path(), self.app.scenario_cache)
        except SaveError as error:
            self.app.notify(self.app.words.gettext("Cannot continue: {error}").format(error=error.reason))
            return
        flow.continue_match(self.app, match)

    def on_key(self, event) -> bool:
        if self.app.keys.pressed(event, "back"):
            return True  # the title is the bottom of the stack: Quit is a menu item, not Escape
        return super().on_key(event)

    def spoken_title(self) -> str:
        return f"{NAME}. {self.app.words(SUBTITLE)}"

    def resume(self) -> None:
        if self._layout_for is not None and can_continue() != getattr(self, "can_continue", False):
            self.relayout()
        super().resume()
