"""Settings: window size, full screen, text size, colour-blind safe palette, sound, language, advisors'
estimates, reduced motion, self-voicing, and the keys (a page of their own); applied at once.

Self-voicing needs a voice: when the [voice] extra or the system's speech engine is missing, the
toggle says "no voice found" and a notice says what to install; the game plays on without it.

The languages offered are those the scenario's texts are written in: the game's own scenario
when the settings are opened from a game, else every scenario the game finds.
"""

from __future__ import annotations

import pygame

from game import i18n
from game.i18n import N_
from game.ui import layout
from game.ui.languages import language_name, languages_of, scenario_languages
from game.ui.settings import TEXT_SCALES, WINDOW_SIZES
from game.ui.speech import NO_ENGINE, NO_EXTRA, NO_PLAYER
from game.ui.widgets.button import Button, button_height, button_width
from game.ui.scenes.overlay import Overlay

ARROWS = "\u2190 \u2192"
PROBLEMS = {
    NO_EXTRA: N_("Self-voicing needs the voice extra: pip install brinkmanship[voice]"),
    NO_ENGINE: N_("No speech engine was found: install espeak-ng (on Windows and macOS the system's own voice is used)"),
    NO_PLAYER: N_("Self-voicing plays its voice with aplay: install alsa-utils"),
}


class SettingsScene(Overlay):
    title = N_("Settings")

    def __init__(self, app):
        super().__init__(app)
        match = next((scene.match for scene in reversed(app.scenes) if getattr(scene, "match", None) is not None), None)
        if match is not None:
            languages = scenario_languages(match.scenario)
        else:
            from game.ui.scenes.setup import scenario_choices

            languages = languages_of(s for _, s in scenario_choices(app.scenario_cache) if s is not None)
        # the game's own words and the scenario's: a language either speaks is offered (the other falls back to English)
        self.languages = tuple(dict.fromkeys([*i18n.LANGUAGES, *languages]))

    def build(self, size) -> None:
        settings = self.app.settings
        width, height = settings.size
        _ = self.app.words
        on, off = _("on"), _("off")
        rows = [
            ("size", _("Window size: {width} \u00d7 {height}", width=width, height=height)),
            ("fullscreen", _("Full screen: {state}", state=on if settings.fullscreen else off)),
            ("text", _("Text size: {percent}%", percent=round(settings.text_scale * 100))),
            ("palette", _("Colour-blind safe colours: {state}", state=on if settings.colour_blind else off)),
            ("sound", _("Sound: {state}", state=on if settings.sound else off)),
            ("language", _("Language: {language}", language=language_name(self.app.language))),
            ("estimates", _("Advisors' estimates of the odds: {state}", state=on if settings.estimates else off)),
            ("motion", _("Reduced motion: {state}", state=on if settings.reduced_motion else off)),
            ("voicing", _("Self-voicing: {state}", state=self._voicing_state())),
        ]
        theme = self.theme
        back = self.app.keys.label("back")
        items = [(key, label, ARROWS) for key, label in rows] + [("keys", _("Keys\u2026"), ""), ("done", _("Done"), back)]
        # one column when it fits the window's height, else two (large text in a small window)
        one = self.panel_rect(size, [label for __, label, __ in items], [hint for *__, hint in items])
        columns = 1 if one.h >= self._column_height(len(items)) else 2
        per_column = -(-len(items) // columns)
        self.box = self._box(size, items, columns, per_column)
        inner = self.box.inflate(-theme.px(80), 0)
        gap = theme.px(20)
        width = (inner.w - gap * (columns - 1)) // columns
        button_h = button_height(theme)
        top = self.box.y + self.header_height()
        for index, (key, label, hint) in enumerate(items):
            column, row = divmod(index, per_column)
            rect = pygame.Rect(inner.x + column * (width + gap), top + row * (button_h + theme.px(10)), width, button_h)
            if key == "done":
                self.add(Button(rect, label, self.back, kind="primary", hint=hint, name="done"))
            elif key == "keys":
                self.add(Button(rect, label, lambda: self.app.push("keys"), name="keys"))
            else:
                button = Button(rect, label, self._cycle(key, 1), hint=hint, name=f"setting:{key}")
                button.setting = key
                self.add(button)
        self._voicing_shown = self._voicing_state()

    def _column_height(self, count: int) -> int:
        return self.header_height() + self.theme.px(14) + count * (button_height(self.theme) + self.theme.px(10))

    def _box(self, size, items, columns: int, per_column: int) -> pygame.Rect:
        theme = self.theme
        m = layout.margin(theme)
        widest = max([button_width(theme, label, "button", hint) for __, label, hint in items] + [theme.px(400)])
        width = min(size[0] - 2 * m, columns * widest + (columns - 1) * theme.px(20) + theme.px(80))
        height = self.header_height(width - theme.px(40)) + theme.px(14) + per_column * (button_height(theme) + theme.px(10))
        return layout.centered(size, width, min(size[1] - 2 * m, height))

    def _voicing_state(self) -> str:
        _ = self.app.words
        if not self.app.settings.self_voicing:
            return _("off")
        speaker = self.app.speaker
        if speaker is not None and speaker.problem is not None:
            return _("no voice found")
        return _("on")

    def update(self, dt: float) -> None:
        super().update(dt)
        # the engine starts on its own thread: when it turns out to be missing, the toggle says so
        if self._layout_for is not None and self._voicing_state() != self._voicing_shown:
            self.relayout()
            self._tell_voice_problem()

    def _tell_voice_problem(self) -> None:
        speaker = self.app.speaker
        if self.app.settings.self_voicing and speaker is not None and speaker.problem in PROBLEMS:
            self.app.notify(self.app.words(PROBLEMS[speaker.problem]), seconds=8)

    def _cycle(self, key: str, step: int):
        def cycle() -> None:
            settings = self.app.settings
            if key == "size":
                sizes = list(WINDOW_SIZES)
                index = sizes.index(settings.size) if settings.size in sizes else -1
                width, height = sizes[(index + step) % len(sizes)]
                new = settings.changed(width=width, height=height)
            elif key == "fullscreen":
                new = settings.changed(fullscreen=not settings.fullscreen)
            elif key == "text":
                scales = list(TEXT_SCALES)
                index = scales.index(settings.text_scale) if settings.text_scale in scales else -1
                new = settings.changed(text_scale=scales[(index + step) % len(scales)])
            elif key == "palette":
                new = settings.changed(colour_blind=not settings.colour_blind)
            elif key == "estimates":
                new = settings.changed(estimates=not settings.estimates)
            elif key == "motion":
                new = settings.changed(reduced_motion=not settings.reduced_motion)
            elif key == "voicing":
                new = settings.changed(self_voicing=not settings.self_voicing)
            elif key == "language":
                languages = list(self.languages)
                index = languages.index(self.app.language) if self.app.language in languages else -1
                new = settings.changed(language=languages[(index + step) % len(languages)])
            else:
                new = settings.changed(sound=not settings.sound)
            if key == "voicing" and new.self_voicing:
                self.app.voice()  # opened now, so a missing voice is known while the player is here
            self.app.apply_settings(new)
            if key == "voicing":
                self._tell_voice_problem()
            if key == "language":
                self.app.set_language(new.language)  # also when --lang had chosen another for this run
        return cycle

    def on_key(self, event) -> bool:
        setting = getattr(self.focus, "setting", None)
        if setting and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self._cycle(setting, 1 if event.key == pygame.K_RIGHT else -1)()
            return True
        return super().on_key(event)
