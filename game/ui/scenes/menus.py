"""Overlays and small screens: the pause menu, settings, the pass-the-screen cover, loading, scenarios."""

from __future__ import annotations

import datetime

import pygame

from game import paths
from game.engine.saves import SaveError
from game.ui import flow, layout
from game.ui.match import list_saves, load_match
from game.ui.scenes.base import Scene
from game.ui.settings import TEXT_SCALES, WINDOW_SIZES
from game.ui.widgets.base import blit_lines, blit_text, panel
from game.ui.widgets.button import Button, OptionRow
from game.ui.widgets.portrait import portrait_surface
from game.ui.widgets.textbox import TextBox


class Overlay(Scene):
    """A panel over the scene below, which stays visible behind a veil."""

    opaque = False
    title = ""

    def panel_rect(self, size, rows: int) -> pygame.Rect:
        theme = self.theme
        height = theme.px(90) + rows * theme.px(56)
        return layout.centered(size, theme.px(480), height)

    def draw(self, surface: pygame.Surface) -> None:
        if getattr(self, "_veil", None) is None or self._veil.get_size() != surface.get_size():
            self._veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            self._veil.fill((30, 24, 16, 150))
        surface.blit(self._veil, (0, 0))
        theme = self.theme
        panel(surface, self.box, theme)
        blit_text(surface, theme, self.title, "title", theme.palette.ink, (self.box.centerx, self.box.y + theme.px(16)), "midtop")
        self.draw_widgets(surface)

    def static_texts(self) -> list[str]:
        return [self.title]

    def stack_buttons(self, items) -> None:
        theme = self.theme
        self.box = self.panel_rect(self.app.size, len(items))
        y = self.box.y + theme.px(76)
        for label, action, enabled in items:
            rect = pygame.Rect(self.box.x + theme.px(40), y, self.box.w - theme.px(80), theme.px(46))
            self.add(Button(rect, label, action, enabled=enabled))
            y += theme.px(56)

    def back(self) -> bool:
        self.app.pop()
        return True


class PauseScene(Overlay):
    title = "Paused"

    def __init__(self, app, match=None):
        super().__init__(app)
        self.match = match

    def build(self, size) -> None:
        can_undo = self.match is not None and bool(self.match.session.earlier)
        self.stack_buttons([
            ("Resume", self.back, True),
            ("Save the game", self.save, self.match is not None),
            ("Load a game", lambda: self.app.push("load"), True),
            ("Undo the last day", self.undo, can_undo),
            ("Settings", lambda: self.app.push("settings"), True),
            ("Quit to the title", self.quit_to_title, True),
        ])

    def save(self) -> None:
        match = self.match
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        name = f"{match.scenario.id}-day{match.session.state.day_index + 1}-{stamp}.json"
        path = paths.saves_folder() / name
        try:
            match.save(path)
        except OSError as error:
            self.app.notify(f"Could not save: {error.strerror or error}")
            return
        self.app.notify(f"Saved as {name}")
        self.app.pop()

    def undo(self) -> None:
        if self.match.undo():
            self.app.notify("The last day was undone.")
            flow.show_current(self.app, self.match)

    def quit_to_title(self) -> None:
        if self.match is not None:
            self.match.write_autosave()
        self.app.reset("title")


class SettingsScene(Overlay):
    title = "Settings"

    def build(self, size) -> None:
        settings = self.app.settings
        width, height = settings.size
        rows = [
            ("size", f"Window size: {width} \u00d7 {height}"),
            ("fullscreen", f"Full screen: {'on' if settings.fullscreen else 'off'}"),
            ("text", f"Text size: {round(settings.text_scale * 100)}%"),
            ("palette", f"Colour-blind safe colours: {'on' if settings.colour_blind else 'off'}"),
            ("sound", f"Sound: {'on' if settings.sound else 'off'}"),
        ]
        theme = self.theme
        self.box = self.panel_rect(size, len(rows) + 1)
        self.box.w = theme.px(560)
        self.box.centerx = size[0] // 2
        y = self.box.y + theme.px(76)
        for key, label in rows:
            rect = pygame.Rect(self.box.x + theme.px(40), y, self.box.w - theme.px(80), theme.px(46))
            button = Button(rect, label, self._cycle(key, 1), hint="\u2190 \u2192", name=f"setting:{key}")
            button.setting = key
            self.add(button)
            y += theme.px(56)
        rect = pygame.Rect(self.box.x + theme.px(40), y, self.box.w - theme.px(80), theme.px(46))
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
            else:
                new = settings.changed(sound=not settings.sound)
            self.app.apply_settings(new)
        return cycle

    def on_key(self, event) -> bool:
        setting = getattr(self.focus, "setting", None)
        if setting and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self._cycle(setting, 1 if event.key == pygame.K_RIGHT else -1)()
            return True
        return super().on_key(event)


class PassScreen(Scene):
    """Covers the screen between two players, so neither sees the other's orders."""

    def __init__(self, app, match, role: str):
        super().__init__(app)
        self.match = match
        self.role = role

    def build(self, size) -> None:
        theme = self.theme
        scenario = self.match.scenario
        name = scenario.roles[self.role].name
        self.portrait = portrait_surface(self.app.art, theme, scenario.id, self.role, name, theme.px(140))
        rect = pygame.Rect(0, 0, theme.px(420), theme.px(54))
        rect.center = (size[0] // 2, round(size[1] * 0.76))
        self.ready = self.add(Button(rect, f"I am {name}: show my desk", self.proceed, kind="primary", hint="Enter",
                                     name="ready"))
        menu = pygame.Rect(0, 0, theme.px(140), theme.px(40))
        menu.topright = (size[0] - layout.margin(theme), layout.margin(theme))
        self.add(Button(menu, "Menu", self.menu, hint="Esc"))

    def first_focus(self):
        return self.ready

    def paint_static(self, surface: pygame.Surface) -> None:
        theme = self.theme
        palette = theme.palette
        width, height = self.app.size
        scenario = self.match.scenario
        role = scenario.roles[self.role]
        surface.blit(self.portrait, self.portrait.get_rect(center=(width // 2, round(height * 0.3))))
        blit_text(surface, theme, f"Pass the screen to {role.name}", "title", palette.ink,
                  (width // 2, round(height * 0.3) + theme.px(86)), "midtop")
        lines = theme.wrap(f"{role.name}'s orders are secret. Press Enter or click when only {role.name.split()[-1]} "
                           "can see the screen.", "body", theme.px(640))
        blit_lines(surface, theme, lines, "body", palette.ink_soft, width // 2 - theme.px(320),
                   round(height * 0.3) + theme.px(140), align="center", width=theme.px(640))

    def static_texts(self) -> list[str]:
        return [f"Pass the screen to {self.match.scenario.roles[self.role].name}"]

    def proceed(self) -> None:
        self.app.reset("briefing", match=self.match, role=self.role)

    def menu(self) -> None:
        self.app.push("pause", match=self.match)

    def back(self) -> bool:
        self.menu()
        return True


class LoadScene(Scene):
    """The saved games, newest first (the autosave among them)."""

    def build(self, size) -> None:
        theme = self.theme
        m = layout.margin(theme)
        bar = layout.top_bar(size, theme)
        area = pygame.Rect(m * 4, bar.bottom + m, size[0] - 8 * m, size[1] - bar.bottom - 3 * m - theme.px(48))
        self.saves = list_saves()
        row_h = theme.px(70)
        fits = max(1, (area.h + theme.px(8)) // (row_h + theme.px(8)))
        cells = layout.grid(area, min(len(self.saves), fits), 1, theme.px(8), row_h)
        titles = {}
        for save, rect in zip(self.saves, cells):
            title = titles.get(save.scenario_id) or self._scenario_title(save.scenario_id)
            titles[save.scenario_id] = title
            when = datetime.datetime.fromtimestamp(save.modified).strftime("%d %b %Y, %H:%M")
            who = ", ".join(f"{role}: {'player' if p == 'human' else p}" for role, p in save.players.items())
            state = "ended" if save.ended else f"{save.days_played} day{'s' if save.days_played != 1 else ''} played"
            name = "Autosave" if save.path.name == "autosave.json" else save.path.stem
            self.add(OptionRow(rect, f"{name} \u2014 {title}", f"{state}; {who}", self._loader(save.path),
                               badge=when, name=f"save:{save.path.name}"))
        if not self.saves:
            self.empty = True
        button = pygame.Rect(m * 4, size[1] - m - theme.px(48), theme.px(180), theme.px(48))
        self.add(Button(button, "Back", self.back, hint="Esc"))

    def _scenario_title(self, scenario_id: str) -> str:
        path = paths.find_scenario(scenario_id)
        if path is None:
            return scenario_id
        for key, scenario in self.app.scenario_cache.items():
            if scenario.id == scenario_id:
                return scenario.title.get()
        return scenario_id

    def paint_static(self, surface: pygame.Surface) -> None:
        self.heading_bar(surface, "Load a game", f"from {paths.saves_folder()}")
        if not self.saves:
            theme = self.theme
            blit_text(surface, theme, "No saved games yet.", "italic", theme.palette.ink_soft,
                      (self.app.size[0] // 2, self.app.size[1] // 2), "center")

    def static_texts(self) -> list[str]:
        return ["Load a game"]

    def _loader(self, path):
        def load() -> None:
            try:
                match = load_match(path, self.app.scenario_cache)
            except SaveError as error:
                self.app.notify(f"Cannot load {path.name}: {error}")
                return
            flow.continue_match(self.app, match)
        return load

    def back(self) -> bool:
        self.app.pop()
        return True


class ScenariosScene(Scene):
    """The scenarios the game finds, with their summaries and sources."""

    def __init__(self, app):
        super().__init__(app)
        from game.ui.scenes.setup import scenario_choices

        self.choices = scenario_choices(app.scenario_cache)
        self.chosen = next((name for name, s in self.choices if s is not None), None)

    def build(self, size) -> None:
        theme = self.theme
        m = layout.margin(theme)
        bar = layout.top_bar(size, theme)
        area = pygame.Rect(m, bar.bottom + m, size[0] - 2 * m, size[1] - bar.bottom - 3 * m - theme.px(48))
        left, right = layout.split_columns(area, [0.4, 0.6], m * 2)
        cells = layout.grid(left, len(self.choices), 1, theme.px(8), theme.px(84))
        for (name, scenario), rect in zip(self.choices, cells):
            if rect.bottom > left.bottom:
                break
            if scenario is None:
                self.add(OptionRow(rect, name, "Has errors: run 'brink validate'.", enabled=False, name=f"scenario:{name}"))
            else:
                self.add(OptionRow(rect, scenario.title.get(), f"{len(scenario.days)} days; {scenario.first_date} to "
                                   f"{scenario.last_date}", self._show(name), selected=name == self.chosen,
                                   name=f"scenario:{name}"))
        self.detail = right
        scenario = dict(self.choices).get(self.chosen)
        if scenario is not None:
            roles = "; ".join(f"{r.name}, {r.title.get()}" for r in scenario.roles.values())
            blocks = [(scenario.title.get(), "title", "ink"), (scenario.summary.get(), "body", "ink"),
                      ("Roles", "subheading", "ink"), (roles, "body", "ink_soft")]
            if scenario.authors:
                blocks += [("Written by", "subheading", "ink"), (", ".join(scenario.authors), "body", "ink_soft")]
            if scenario.sources:
                blocks += [("Sources", "subheading", "ink"), ("\n".join(scenario.sources), "small", "ink_soft")]
            self.add(TextBox(right.inflate(-theme.px(28), -theme.px(24)), blocks, theme, gap=6, name="details"))
        buttons = pygame.Rect(m, size[1] - m - theme.px(48), size[0] - 2 * m, theme.px(48))
        self.add(Button(pygame.Rect(buttons.x, buttons.y, theme.px(160), buttons.h), "Back", self.back, hint="Esc"))
        self.play = self.add(Button(pygame.Rect(buttons.right - theme.px(300), buttons.y, theme.px(300), buttons.h),
                                    "Play this scenario", self.play_it, kind="primary", enabled=scenario is not None))

    def paint_static(self, surface: pygame.Surface) -> None:
        self.heading_bar(surface, "Scenarios", "the crises this game can play")
        panel(surface, self.detail, self.theme, fill=(251, 246, 234))

    def static_texts(self) -> list[str]:
        return ["Scenarios"]

    def _show(self, name: str):
        def show() -> None:
            self.chosen = name
            self.relayout()
        return show

    def play_it(self) -> None:
        self.app.replace("setup", scenario=self.chosen)

    def back(self) -> bool:
        self.app.pop()
        return True
