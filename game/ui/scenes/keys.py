"""The keys page (from Settings): every action and its key; Enter on one, then the new key, moves it.

A key already doing something on the same screens is refused with a message naming what it does,
as is a key the lists and fields keep for themselves (the arrows, Space, Home, End, Backspace).
Escape cancels a change (whatever key "back" is on, so no player can lock themselves in), and
"Reset to defaults" puts every key back. The choices go into the settings file at once.
"""

from __future__ import annotations

import pygame

from game.ui import layout
from game.ui.keymap import ACTIONS, BY_ID, KeyMap, key_name, shown_name, usable
from game.ui.scenes.base import Scene
from game.ui.scenes.rows import ScrollingRows
from game.ui.widgets.button import Button, button_height, button_width
from game.ui.widgets.key_row import KeyRow, key_row_height


class KeysScene(Scene):
    def __init__(self, app):
        super().__init__(app)
        self.list = ScrollingRows(self)
        self.listening: str | None = None  # the action waiting for its new key

    # --- layout -------------------------------------------------------------------------------------
    def action_words(self, action_id: str) -> str:
        action = BY_ID[action_id]
        number = action_id[7:] if action_id.startswith("choice_") else ""
        return self.app.words(action.label, number=number) if number else self.app.words(action.label)

    def build(self, size) -> None:
        theme = self.theme
        m = layout.margin(theme)
        _ = self.app.words
        bar = self.plan_heading(_("Keys"), _("{choose} on an action, then press its new key; Esc cancels",
                                              choose=self.app.keys.label("activate")))
        button_h = button_height(theme)
        area = pygame.Rect(m * 4, bar.bottom + m, size[0] - 8 * m, size[1] - bar.bottom - 3 * m - button_h)
        row_w = area.w - theme.px(16)
        row_h = max(key_row_height(theme, row_w, self.action_words(a.id), self._key_words(a.id)) for a in ACTIONS)
        self.list.build(area, len(ACTIONS), min(row_h, area.h), theme.px(6), self._row)
        back_label, reset_label = _("Done"), _("Reset to defaults")
        back = pygame.Rect(m * 4, size[1] - m - button_h, button_width(theme, back_label, "button",
                                                                      self.app.keys.label("back")), button_h)
        self.add(Button(back, back_label, self.back, kind="primary", hint=self.app.keys.label("back"), name="done"))
        reset = pygame.Rect(0, back.y, button_width(theme, reset_label), button_h)
        reset.right = size[0] - m * 4
        self.add(Button(reset, reset_label, self.reset, name="reset"))

    def _key_words(self, action_id: str) -> str:
        if self.listening == action_id:
            _ = self.app.words
            return _("press a key")
        return self.app.keys.label(action_id)

    def _row(self, index: int, rect: pygame.Rect) -> KeyRow:
        action = ACTIONS[index]
        return KeyRow(rect, self.action_words(action.id), self._key_words(action.id), self._listen(action.id),
                      listening=self.listening == action.id, name=f"key:{action.id}")

    def paint_static(self, surface: pygame.Surface) -> None:
        self.heading_bar(surface)

    def static_texts(self) -> list[str]:
        _ = self.app.words
        return [_("Keys")]

    # --- changing a key ------------------------------------------------------------------------------
    def _listen(self, action_id: str):
        def listen() -> None:
            self.listening = action_id
            self.relayout()
            _ = self.app.words
            self.app.speak(_("Press the new key for: {action}", action=self.action_words(action_id)))
        return listen

    def process_event(self, event):
        if self.listening is not None and event.type == pygame.KEYDOWN:
            self.take_key(event)
            return None
        return super().process_event(event)

    def take_key(self, event) -> None:
        """The key pressed while an action waits for one: taken, or refused with the reason."""
        _ = self.app.words
        action_id, self.listening = self.listening, None
        assert action_id is not None  # called only while an action waits for its key
        name = key_name(event.key)
        keys: KeyMap = self.app.keys
        if event.key == pygame.K_ESCAPE:
            message = _("Unchanged: {action} stays on {key}", action=self.action_words(action_id),
                        key=keys.label(action_id))
        elif not usable(name):
            message = _("{key} cannot be given to an action: the lists and fields need it",
                        key=shown_name(name) if name else "?")
        elif (other := keys.clash(action_id, name)) is not None:
            message = _("{key} is already the key for \u201c{action}\u201d: choose another key, or move that one first",
                        key=shown_name(name), action=self.action_words(other))
        else:
            chosen = keys.rebound(action_id, name).chosen()
            self.app.apply_settings(self.app.settings.changed(keys=chosen))
            message = _("{action}: {key}", action=self.action_words(action_id), key=shown_name(name))
        self.app.notify(message)  # shown, and spoken with self-voicing on
        self.relayout()

    def reset(self) -> None:
        self.app.apply_settings(self.app.settings.changed(keys=()))
        _ = self.app.words
        message = _("Every key is back on its default.")
        self.app.notify(message)

    def on_key(self, event) -> bool:
        return self.list.key(event) or super().on_key(event)

    def back(self) -> bool:
        self.app.pop()
        return True
