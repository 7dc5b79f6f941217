"""Setting up a game: the scenario, your seat, the opponent (a computer temper or a second player), the seed."""

from __future__ import annotations

import random
from pathlib import Path

import pygame

from game import paths
from game.engine.opponents import POLICIES
from game.engine.saves import SaveError
from game.ui import flow, layout
from game.ui.match import HUMAN, Match, load_cached
from game.ui.scenes.base import Scene
from game.ui.scenes.rows import ScrollingRows
from game.ui.widgets.base import blit_text
from game.ui.widgets.button import Button, OptionRow, TextField
from game.ui.widgets.portrait import portrait_surface

DEFAULT_SCENARIO = "cuban_missile_crisis_1962"
FALLBACK_SCENARIO = "demo"
OPPONENTS = ("historical", "hawk", "dove", "random", HUMAN)
OPPONENT_TITLES = {"historical": "Computer: the historical leader", "hawk": "Computer: a hawk",
                   "dove": "Computer: a dove", "random": "Computer: unpredictable",
                   HUMAN: "A second player at this screen"}


def scenario_choices(cache: dict, named: str | None = None) -> list[tuple[str, object | None]]:
    """(folder name, scenario or None if it does not load), shipped ones first, then the user's.

    ``named``, a file named on the command line that is none of those, comes first under its path.
    """
    found = []
    listed = paths.available_scenarios()
    for path in ([_named_file(named, listed)] if named else []) + listed:
        if path is None:
            continue
        name = path.parent.name if path in listed else str(path)
        try:
            found.append((name, load_cached(path, cache)))
        except SaveError:
            found.append((name, None))
    return found


def _named_file(named: str, listed: list) -> Path | None:
    """The file named on the command line, unless it is one of the listed scenarios (by its real path)."""
    path = paths.find_scenario(named)
    if path is None or any(path.resolve() == other.resolve() for other in listed):
        return None
    return path


def listed_name(named: str | None, choices: list) -> str | None:
    """The name under which ``named`` (an id, folder or file) is listed among ``choices``."""
    path = paths.find_scenario(named) if named else None
    if path is None:
        return named
    for name, _ in choices:
        candidate = paths.find_scenario(name) if Path(name).name == name else Path(name)
        if candidate is not None and candidate.resolve() == path.resolve():
            return name
    return named


class SetupScene(Scene):
    def __init__(self, app, scenario: str | None = None, role: str | None = None, opponent: str | None = None,
                 seed: int | None = None):
        super().__init__(app)
        self.choices = scenario_choices(app.scenario_cache, scenario)
        scenario = listed_name(scenario, self.choices)
        loaded = [name for name, s in self.choices if s is not None]
        preferred = [scenario, DEFAULT_SCENARIO, FALLBACK_SCENARIO] + loaded
        wanted = next((name for name in preferred if name in loaded), None)
        self.scenario_name = wanted
        self.role = role
        self.opponent = opponent if opponent in OPPONENTS else "historical"
        self.seed = str(seed if seed is not None else random.SystemRandom().randrange(1, 1_000_000))
        self._fix_role()
        self.list = ScrollingRows(self)
        names = [name for name, _ in self.choices]
        if self.scenario_name in names:
            self.list.window.first = names.index(self.scenario_name)  # the chosen one in view (fitted at layout)

    @property
    def scenario(self):
        return dict(self.choices).get(self.scenario_name)

    def _fix_role(self) -> None:
        scenario = self.scenario
        if scenario is not None and self.role not in scenario.roles:
            self.role = next(iter(scenario.roles))

    def build(self, size) -> None:
        theme = self.theme
        m = layout.margin(theme)
        bar = layout.top_bar(size, theme)
        area = pygame.Rect(m, bar.bottom + m, size[0] - 2 * m, size[1] - bar.bottom - 2 * m - theme.px(56))
        self.columns = layout.split_columns(area, [0.31, 0.38, 0.31], m * 2)
        label_h = theme.line_height("heading") + theme.px(6)
        gap = theme.px(8)
        # scenarios
        column = self.columns[0]
        self.list.build(pygame.Rect(column.x, column.y + label_h, column.w, column.h - label_h), len(self.choices),
                        layout.option_row_height(theme, 104, 2), gap, self._scenario_row)
        # roles
        column = self.columns[1]
        scenario = self.scenario
        if scenario is not None:
            roles = list(scenario.roles.values())
            rows = layout.grid(pygame.Rect(column.x, column.y + label_h, column.w, column.h - label_h),
                               len(roles), 1, gap, theme.px(150))
            for role, rect in zip(roles, rows):
                picture = portrait_surface(self.app.art, theme, scenario.id, role.id, role.name, theme.px(96))
                self.add(OptionRow(rect, role.name, f"{role.title.get(self.app.language)}. {role.description.get(self.app.language)}",
                                   self._picker("role", role.id), selected=role.id == self.role,
                                   name=f"role:{role.id}", portrait=picture))
        # opponents and the seed
        column = self.columns[2]
        rows = layout.grid(pygame.Rect(column.x, column.y + label_h, column.w, column.h), len(OPPONENTS), 1,
                           theme.px(6), theme.px(64))
        for opponent, rect in zip(OPPONENTS, rows):
            description = POLICIES[opponent].description if opponent in POLICIES else \
                "Two players take turns; the screen is covered between their orders."
            self.add(OptionRow(rect, OPPONENT_TITLES[opponent], description[:1].upper() + description[1:] + ".",
                               self._picker("opponent", opponent), selected=opponent == self.opponent,
                               name=f"opponent:{opponent}"))
        seed_y = rows[-1].bottom + theme.px(14) + theme.line_height("small_bold")
        self.seed_rect = pygame.Rect(column.x, seed_y, column.w * 0.45, theme.px(40))
        self.add(TextField(self.seed_rect, "Seed", self.seed, self._set_seed, name="seed"))
        self.add(Button(pygame.Rect(self.seed_rect.right + gap, seed_y, column.w * 0.55 - gap, theme.px(40)),
                        "New seed", self._new_seed, name="new seed"))
        # the way on
        bottom = pygame.Rect(m, size[1] - m - theme.px(46), size[0] - 2 * m, theme.px(46))
        self.add(Button(pygame.Rect(bottom.x, bottom.y, theme.px(160), bottom.h), "Back", self.back, hint="Esc"))
        self.begin_button = self.add(Button(pygame.Rect(bottom.right - theme.px(260), bottom.y, theme.px(260), bottom.h),
                                            "Begin", self.begin, kind="primary", enabled=scenario is not None and bool(self.seed)))

    def _scenario_row(self, index: int, rect: pygame.Rect) -> OptionRow:
        name, scenario = self.choices[index]
        if scenario is None:
            return OptionRow(rect, name, f"This scenario has errors: run 'brink validate {name}'.", enabled=False,
                             name=f"scenario:{name}")
        return OptionRow(rect, scenario.title.get(self.app.language), f"{len(scenario.days)} days. {scenario.summary.get(self.app.language)}",
                         self._picker("scenario_name", name), selected=name == self.scenario_name,
                         name=f"scenario:{name}")

    def on_key(self, event) -> bool:
        return self.list.key(event) or super().on_key(event)

    def first_focus(self):
        return getattr(self, "begin_button", None) if getattr(self, "begin_button", None) and self.begin_button.can_focus \
            else super().first_focus()

    def paint_static(self, surface: pygame.Surface) -> None:
        theme = self.theme
        palette = theme.palette
        self.heading_bar(surface, "A new game", "choose a crisis, a seat and an opponent")
        titles = ("The crisis", "Your seat", "Your opponent")
        for column, title in zip(self.columns, titles):
            blit_text(surface, theme, title, "heading", palette.ink, (column.x, column.y - theme.px(4)))
        seed_label = theme.fit("Seed: the same seed replays the same dice", "small_bold", self.columns[2].w)
        blit_text(surface, theme, seed_label, "small_bold", palette.ink_soft,
                  (self.seed_rect.x, self.seed_rect.y - theme.px(4)), "bottomleft")

    def static_texts(self) -> list[str]:
        return ["A new game", "The crisis", "Your seat", "Your opponent"]

    # --- choices ------------------------------------------------------------------------------------
    def _picker(self, attribute: str, value: str):
        def pick() -> None:
            setattr(self, attribute, value)
            if attribute == "scenario_name":
                self._fix_role()
            self.relayout()
        return pick

    def _set_seed(self, text: str) -> None:
        self.seed = text
        self.begin_button.enabled = bool(text)

    def _new_seed(self) -> None:
        self.seed = str(random.SystemRandom().randrange(1, 1_000_000))
        self.relayout()

    def back(self) -> bool:
        self.app.pop() if len(self.app.scenes) > 1 else self.app.reset("title")
        return True

    def begin(self) -> None:
        scenario = self.scenario
        if scenario is None or not self.seed:
            return
        players = {role: (HUMAN if role == self.role else self.opponent) for role in scenario.roles}
        match = Match.new(scenario, int(self.seed), players, language=self.app.language, log_path=self.app.log_path)
        match.write_autosave()
        flow.show_current(self.app, match)
