"""Settings: window size, full screen, text size, colour-blind safe palette, sound, language; applied at once.

The languages offered are those the scenario's texts are written in: the game's own scenario
when the settings are opened from a game, else every scenario the game finds.
"""

from __future__ import annotations

import pygame

from game.ui.languages import language_name, languages_of, scenario_languages
from game.ui.settings import TEXT_SCALES, WINDOW_SIZES
from game.ui.widgets.button import Button, button_height
from game.ui.scenes.overlay import Overlay


class SettingsScene(Overlay):
    title = "Settings"

    def __init__(self, app):
        super().__init__(app)
        match = next((scene.match for scene in reversed(app.scenes) if getattr(scene, "match", None) is not None), None)
        if match is not None:
            self.languages = scenario_languages(match.scenario)
        else:
            from game.ui.scenes.setup import scenario_choices

            self.languages = languages_of(s for _, s in scenario_choices(app.scenario_cache) if s is not None)

    def build(self, size) -> None:
        settings = self.app.settings
        width, height = settings.size
        rows = [
            ("size", f"Window size: {width} \u00d7 {height}"),
            ("fullscreen", f"Full screen: {'on' if settings.fullscreen else 'off'}"),
            ("text", f"Text size: {round(settings.text_scale * 100)}%"),
            ("palette", f"Colour-blind safe colours: {'on' if settings.colour_blind else 'off'}"),
            ("sound", f"Sound: {'on' if settings.sound else 'off'}"),
            ("language", f"Scenario language: {language_name(self.app.language)}"),
        ]
        theme = self.theme
        labels = [label for _, label in rows] + ["Done"]
        self.box = self.panel_rect(size, labels, ["\u2190 \u2192"] * len(rows) + ["Esc"])
        y = self.box.y + self.header_height()
        button_h = button_height(theme)
        for key, label in rows:
            rect = pygame.Rect(self.box.x + theme.px(40), y, self.box.w - theme.px(80), button_h)
            button = Button(rect, label, self._cycle(key, 1), hint="\u2190 \u2192", name=f"setting:{key}")
            button.setting = key
            self.add(button)
            y += button_h + theme.px(10)
        rect = pygame.Rect(self.box.x + theme.px(40), y, self.box.w - theme.px(80), button_h)
        self.add(Button(rect, "Done", self.back, kind="primary", hint="Esc", name="done"))

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
            elif key == "language":
                languages = list(self.languages)
                index = languages.index(self.app.language) if self.app.language in languages else -1
                new = settings.changed(language=languages[(index + step) % len(languages)])
            else:
                new = settings.changed(sound=not settings.sound)
            self.app.apply_settings(new)
            if key == "language":
                self.app.set_language(new.language)  # also when --lang had chosen another for this run
        return cycle

    def on_key(self, event) -> bool:
        setting = getattr(self.focus, "setting", None)
        if setting and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self._cycle(setting, 1 if event.key == pygame.K_RIGHT else -1)()
            return True
        return super().on_key(event)
