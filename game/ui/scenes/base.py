"""What every scene shares: widgets, hover and focus, mouse and keyboard routing, a paper background.

Input is handled the same way on every screen: the mouse hovers and clicks (a click is a press
and a release on the same widget), Tab and Shift+Tab walk the focus, the arrow keys move it to
the nearest widget in that direction, Enter or Space activates, the mouse wheel and Page Up/Down
scroll, and Escape goes back. A scene adds its own keys in ``on_key``. Keys are looked up in the
player's key map (``game.ui.keymap``), never compared with constants here.

Two of the player's settings reach every scene through here. With self-voicing on, the focused
widget's words are spoken whenever they change (a new focus, or a setting's new value), a new
screen says its title first, and the "read the page" key reads everything on it. With reduced
motion on, every widget is settled on its last frame the moment it is added and after every
update, so no meter counts, no ship sails and no ring pulses.
"""

from __future__ import annotations

from typing import TypeVar

import pygame

from game.ui import layout
from game.ui.speech import sentences
from game.ui.widgets.base import Widget

AnyWidget = TypeVar("AnyWidget", bound=Widget)  # add() gives back the widget as the kind it is

DIRECTIONS = {pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1)}


class Scene:
    opaque = True  # False for a scene that needs the one below drawn first, every frame

    def __init__(self, app):
        self.app = app
        self.widgets: list[Widget] = []
        self.focus: Widget | None = None
        self.hover: Widget | None = None
        self.pressed: Widget | None = None
        self.mouse = (-1, -1)
        self.time = 0.0
        self._layout_for = None
        self._background: pygame.Surface | None = None
        self._spoken: tuple[str, str] | None = None  # the focus last spoken (name, words): say it once
        self._speak_focus = False  # True until a new screen has said its title
        self.heading: layout.Heading | None = None  # planned by plan_heading when a screen has a heading bar

    @property
    def theme(self):
        return self.app.theme

    # --- lifecycle ----------------------------------------------------------------------------------
    def resume(self) -> None:
        if self._layout_for != (self.app.size, id(self.app.theme)):
            self.relayout()

    def pause(self) -> None:
        self.pressed = None

    def shutdown(self) -> None:
        pass

    def relayout(self) -> None:
        first_time = self._layout_for is None
        focused = self.focus.name if self.focus else None
        self.widgets = []
        self.focus = self.hover = self.pressed = None
        self._background = None
        self.build(self.app.size)
        self._layout_for = (self.app.size, id(self.app.theme))
        match = next((w for w in self.widgets if w.name == focused and w.can_focus), None) if focused else None
        if first_time:
            self._spoken, self._speak_focus = None, True  # a new screen: its title comes with the first focus
        self.set_focus(match or self.first_focus())
        if first_time and self.focus is None:
            self.app.speak(self.spoken_title())

    def build(self, size) -> None:
        """Create the widgets for this window size (subclasses)."""

    def first_focus(self) -> Widget | None:
        return next((w for w in self.widgets if w.can_focus), None)

    def add(self, widget: AnyWidget) -> AnyWidget:
        self.widgets.append(widget)
        if self.app.reduced_motion:
            widget.settle()
        return widget

    # --- input ---------------------------------------------------------------------------------------
    def widget_at(self, pos) -> Widget | None:
        for widget in reversed(self.widgets):
            if widget.rect.collidepoint(pos) and (widget.enabled or not widget.focusable):
                return widget
        return None

    def set_focus(self, widget: Widget | None) -> None:
        if self.focus is not None:
            self.focus.focused = False
        self.focus = widget if widget is not None and widget.can_focus else None
        if self.focus is not None:
            self.focus.focused = True
            self.voice_focus()

    # --- self-voicing ------------------------------------------------------------------------------------
    def voice_focus(self) -> None:
        """Speak the focused widget's words when they are new: another widget, or the same one saying
        something else (a setting's new value). A layout done again around the same focus stays quiet."""
        if self.focus is not None:
            self.voice_widget(self.focus)

    def voice_widget(self, widget: Widget) -> None:
        if not self.app.voicing:
            return
        said = (widget.name, self.focus_words(widget))
        if said == self._spoken:
            return
        first = self._spoken is None and getattr(self, "_speak_focus", False)
        self._spoken = said
        if first:  # a new screen: its title, then the focus, as one sentence so the title is not cut short
            self._speak_focus = False
            self.app.speak(sentences(self.spoken_title(), said[1]))
        else:
            self.app.speak(said[1])

    def focus_words(self, widget: Widget | None) -> str:
        """A widget's words, and whether it is the one selected (a tab, a picked card, a chosen option)."""
        if widget is None:
            return ""
        if getattr(widget, "selected", False):
            _ = self.app.words
            return sentences(widget.spoken(), _("selected"))
        return widget.spoken()

    def spoken_title(self) -> str:
        """What a new screen says first: its heading."""
        heading = getattr(self, "heading", None)
        if heading is None:
            return ""
        title = " ".join(text for text, __, colour, *__ in heading.texts if colour == "ink")
        subtitle = " ".join(text for text, __, colour, *__ in heading.texts if colour != "ink")
        return sentences(title, subtitle)

    def page_words(self) -> str:
        """Everything on the screen, for the "read the page" key: the heading, then each widget's words."""
        parts = [self.spoken_title(), *self.static_texts()]
        parts += [widget.spoken() for widget in self.widgets]
        return sentences(*dict.fromkeys(part for part in parts if part and part.strip()))

    def _set_hover(self, widget: Widget | None) -> None:
        before = self.hover
        if self.hover is not None:
            self.hover.hovered = False
        self.hover = widget if widget is not None and widget.enabled and widget.focusable else None
        if self.hover is not None:
            self.hover.hovered = True
            if self.hover is not before:  # as in Ren'Py, what the pointer rests on is spoken like the focus
                self.voice_widget(self.hover)

    def process_event(self, event):
        """Handle an event; return it if this scene did not use it."""
        kind = event.type
        if kind == pygame.MOUSEMOTION:
            self.mouse = event.pos
            self._set_hover(self.widget_at(event.pos))
            return None
        if kind == pygame.MOUSEBUTTONDOWN:
            self.mouse = event.pos
            if event.button != 1:
                return event
            widget = self.widget_at(event.pos)
            self.pressed = widget if widget is not None and widget.enabled and widget.focusable else None
            if self.pressed is not None:
                self.pressed.pressed = True
                if self.pressed.can_focus:
                    self.set_focus(self.pressed)
                return None
            return event
        if kind == pygame.MOUSEBUTTONUP:
            self.mouse = event.pos
            if event.button != 1:
                return event
            pressed, self.pressed = self.pressed, None
            if pressed is not None:
                pressed.pressed = False
                if pressed.rect.collidepoint(event.pos) and pressed in self.widgets:
                    if pressed.activate():
                        self.app.sound.play("click")
                    return None
            return event
        if kind == pygame.MOUSEWHEEL:
            for widget in reversed(self.widgets):
                if widget.rect.collidepoint(self.mouse) and widget.scroll(-event.y):
                    return None
            return event
        if kind == pygame.KEYDOWN:
            if self.focus is not None and self.focus in self.widgets and self.focus.key(event):
                return None
            if self.on_key(event):
                return None
            if self.navigate(event):
                return None
            return event
        return event

    def on_key(self, event) -> bool:
        """Scene-specific keys; True if used. Escape goes back by default."""
        keys = self.app.keys
        if keys.pressed(event, "back"):
            return self.back()
        if keys.pressed(event, "read_page") and self.app.voicing:
            self.app.speak(self.page_words())
            return True
        return False

    def back(self) -> bool:
        return False

    def navigate(self, event) -> bool:
        key = event.key
        keys = self.app.keys
        focusable = [w for w in self.widgets if w.can_focus]
        if not focusable:
            return False
        if keys.pressed(event, "next_focus"):
            step = -1 if event.mod & pygame.KMOD_SHIFT else 1
            index = focusable.index(self.focus) if self.focus in focusable else -step
            self.set_focus(focusable[(index + step) % len(focusable)])
            return True
        if key in DIRECTIONS:
            if self.focus not in focusable:
                self.set_focus(focusable[0])
                return True
            target = self.nearest(self.focus, DIRECTIONS[key], focusable)
            if target is not None:
                self.set_focus(target)
            return True
        if keys.pressed(event, "activate") or key == pygame.K_SPACE:
            if self.focus is not None and self.focus in self.widgets:
                if self.focus.activate():
                    self.app.sound.play("click")
                return True
        return False

    @staticmethod
    def nearest(current: Widget, direction, candidates: list[Widget]) -> Widget | None:
        """The widget closest in a direction, preferring ones straight ahead."""
        dx, dy = direction
        cx, cy = current.rect.center
        best, best_score = None, None
        for widget in candidates:
            if widget is current:
                continue
            wx, wy = widget.rect.center
            # measure from the edge facing us, so wide and narrow widgets compare fairly
            along = (wx - cx) * dx + (wy - cy) * dy
            if along <= 0:
                continue
            overlap = (widget.rect.right > current.rect.left and widget.rect.left < current.rect.right) if dy else \
                      (widget.rect.bottom > current.rect.top and widget.rect.top < current.rect.bottom)
            across = abs((wx - cx) * dy) + abs((wy - cy) * dx)
            score = along + across * (0.5 if overlap else 3)
            if best_score is None or score < best_score:
                best, best_score = widget, score
        return best

    # --- time and drawing ------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        self.time += dt
        settle = self.app.reduced_motion
        for widget in self.widgets:
            widget.update(dt)
            if settle:
                widget.settle()

    def background(self) -> pygame.Surface:
        """The static layer: paper and whatever never changes on this screen, made once per layout."""
        if self._background is None or self._background.get_size() != self.app.size:
            surface = self.app.art.paper(self.app.size, self.theme.palette).copy()
            veil = self.app.art.stakes_veil(self.app.size, self.stakes())
            if veil is not None:
                surface.blit(veil, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
            ledger = self.theme.ledger
            if ledger is None:
                self.paint_static(surface)
                self._static_texts = []
            else:
                with ledger.owned_by("static"), ledger.capture() as drawn:
                    self.paint_static(surface)
                self._static_texts = drawn
            self._background = surface
        return self._background

    def paint_static(self, surface: pygame.Surface) -> None:
        """Draw what does not change into the background layer (subclasses)."""

    def stakes(self) -> float:
        """How near war the game on this screen stands, 0 to 1: the paper darkens at its edges with it."""
        return 0.0

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.background(), (0, 0))
        ledger = self.theme.ledger
        if ledger is not None:
            with ledger.owned_by("static"):
                ledger.replay(getattr(self, "_static_texts", []))
        self.draw_widgets(surface)

    def draw_widgets(self, surface: pygame.Surface) -> None:
        theme = self.theme
        ledger = theme.ledger
        ordered = [w for w in self.widgets if w is not self.focus]
        if self.focus is not None and self.focus in self.widgets:
            ordered.append(self.focus)  # last, so its ring is never hidden
        for widget in ordered:
            if ledger is None:
                widget.draw(surface, theme)
            else:
                with ledger.owned_by(widget.name):
                    widget.draw(surface, theme)

    def texts(self) -> list[str]:
        """Every text this scene shows: what a player at the screen can read (used by tests)."""
        found = []
        for widget in self.widgets:
            found.extend(widget.texts())
        found.extend(self.static_texts())
        return found

    def static_texts(self) -> list[str]:
        return []

    # --- helpers for subclasses ------------------------------------------------------------------------
    def plan_heading(self, title: str, subtitle: str = "", reserve: int = 0) -> pygame.Rect:
        """Lay out the heading bar for this layout; ``reserve`` pixels at its right hold a button.

        The title takes the largest style in which it fits; the subtitle follows on the same line
        when there is room and wraps onto lines of its own below when there is not, so the bar
        grows rather than cutting a word. Returns the bar's rectangle.
        """
        self.heading = layout.plan_heading(self.app.size, self.theme, title, subtitle, reserve)
        return self.heading.bar

    def heading_bar(self, surface: pygame.Surface, dark: bool = False) -> pygame.Rect:
        """Draw the bar planned by ``plan_heading``; ``dark`` for a screen in mourning (a war's ending)."""
        theme = self.theme
        palette = theme.palette
        plan = self.heading
        assert plan is not None  # plan_heading ran when the screen was laid out
        bar = plan.bar
        pygame.draw.rect(surface, (28, 24, 22) if dark else palette.panel, bar)
        pygame.draw.line(surface, palette.panel_edge, bar.bottomleft, bar.bottomright, max(1, theme.px(1.5)))
        light = {"ink": (238, 226, 204), "ink_soft": (196, 184, 164)}
        for text, style, colour, pos, anchor in plan.texts:
            ink = light.get(colour, palette.panel) if dark else getattr(palette, colour)
            theme.draw_text(surface, text, style, ink, pos, anchor, bar)
        return bar
