"""The scenario file's errors after F5, over the game that goes on with the last good version.

The lines are the validator's own (``path:line:col: error: message``), so what the author reads
here is what ``brink validate`` and their editor's problem list show. Escape, Close or a click
outside the panel puts it away.
"""

from __future__ import annotations

import pygame

from game.i18n import N_
from game.ui import layout
from game.ui.scenes.overlay import Overlay
from game.ui.widgets.base import blit_lines
from game.ui.widgets.button import Button, button_height, button_width
from game.ui.widgets.textbox import TextBox

ADVICE = N_("Still playing the last good version. Fix the file, then press F5 again.")


class ProblemsScene(Overlay):
    def __init__(self, app, reloaded):
        super().__init__(app)
        self.reloaded = reloaded
        _ = app.words
        self.title = _("{file} has errors", file=reloaded.file_name)

    def build(self, size) -> None:
        theme = self.theme
        m = layout.margin(theme)
        self.box = layout.centered(size, min(size[0] - 4 * m, theme.px(1040)), min(size[1] - 4 * m, theme.px(600)))
        inner_w = self.box.w - theme.px(56)
        _ = self.app.words
        self.advice_lines = theme.wrap(_(ADVICE), "body", inner_w)
        self.advice_top = self.box.y + self.header_height()
        top = self.advice_top + len(self.advice_lines) * theme.line_height("body") + theme.px(10)
        button_h = button_height(theme)
        bottom = self.box.bottom - theme.px(20) - button_h
        lines = pygame.Rect(self.box.x + theme.px(28), top, inner_w, bottom - top - theme.px(12))
        self.lines = self.add(TextBox(lines, [(line, "small", "ink") for line in self.reloaded.problems], theme,
                                      gap=4, name="problems"))
        close = pygame.Rect(0, 0, button_width(theme, _("Close"), "button", self.app.keys.label("back")), button_h)
        close.bottomright = (self.box.right - theme.px(28), self.box.bottom - theme.px(20))
        self.close = self.add(Button(close, _("Close"), self.back, kind="primary", hint=self.app.keys.label("back"), name="close"))

    def first_focus(self):
        return self.lines if self.lines.can_focus else self.close

    def paint_title(self, surface: pygame.Surface) -> None:
        super().paint_title(surface)
        theme = self.theme
        blit_lines(surface, theme, self.advice_lines, "body", theme.palette.ink_soft, self.box.x + theme.px(28),
                   self.advice_top, align="center", width=self.box.w - theme.px(56), box=self.box)

    def static_texts(self) -> list[str]:
        return [self.title, self.app.words(ADVICE)]

    def process_event(self, event):
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.pressed is None \
                and not self.box.collidepoint(event.pos):
            return None if self.back() else event
        return super().process_event(event)
