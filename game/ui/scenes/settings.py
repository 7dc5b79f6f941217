"""Settings: window size, full screen, text size, colour-blind safe palette, sound, language, advisors'
estimates; applied at once.

The languages offered are those the scenario's texts are written in: the game's own scenario
when the settings are opened from a game, else every scenario the game finds.
"""

from __future__ import annotations

import pygame

from game import i18n
from game.i18n import N_
from game.ui.languages import language_name, languages_of, scenario_languages
from game.ui.settings import TEXT_SCALES, WINDOW_SIZES
from game.ui.widgets.button import Button, button_height
from game.ui.scenes.overlay import Overlay


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
        ]
        theme = self.theme
        labels = [label for __, label in rows] + [_("Done")]
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
        self.add(Button(rect, _("Done"), self.back, kind="primary", hint=self.app.keys.label("back"), name="done"))

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
