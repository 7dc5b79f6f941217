"""Setting up a game: the scenario, your seat, the opponent (a computer temper or a second player), the seed."""

from __future__ import annotations

import random
from pathlib import Path

import pygame

from game import paths
from game.engine.opponents import POLICIES
from game.engine.saves import SaveError
from game.scenario.model import Scenario
from game.engine.strategist import DEFAULT_DIFFICULTY, DIFFICULTIES, Strategist, parse_name, with_difficulty
from game.ui import flow, layout
from game.ui.match import HUMAN, Match, load_cached
from game.ui.scenes.base import Scene
from game.ui.scenes.rows import ScrollingRows
from game.i18n import N_, dated
from game.ui.widgets.base import blit_lines
from game.ui.widgets.button import Button, OptionRow, TextField, button_height, button_width, option_row_height
from game.ui.widgets.portrait import portrait_surface
from game.ui.widgets.textbox import TextBox

DEFAULT_SCENARIO = "cuban_missile_crisis_1962"
FALLBACK_SCENARIO = "demo"
OPPONENTS = ("historical", "hawk", "dove", "random",
             "strategist", "strategist:hawk", "strategist:dove", "strategist:historical", HUMAN)
OPPONENT_TITLES = {"historical": N_("Computer: the historical leader"), "hawk": N_("Computer: a hawk"),
                   "dove": N_("Computer: a dove"), "random": N_("Computer: unpredictable"),
                   "strategist": N_("Computer: a strategist"), "strategist:hawk": N_("Computer: a hawkish strategist"),
                   "strategist:dove": N_("Computer: a dovish strategist"),
                   "strategist:historical": N_("Computer: a strategist true to history"),
                   HUMAN: N_("A second player at this screen")}
OPPONENT_DESCRIPTIONS = {"historical": N_("Does what the real leader did, as far as the game allows."),
                         "hawk": N_("Reaches for force and pressure first."),
                         "dove": N_("Reaches for talks and restraint first."),
                         "random": N_("Picks any open choice with equal chance."),
                         "strategist": N_("Thinks ahead with the rules, learns how you play, and plays to win its seat."),
                         "strategist:hawk": N_("Thinks ahead and plays to win, leaning to force and pressure."),
                         "strategist:dove": N_("Thinks ahead and plays to win, leaning to talks and restraint."),
                         "strategist:historical": N_("Thinks ahead and plays to win, leaning to what was really done."),
                         HUMAN: N_("Two players take turns; the screen is covered between their orders.")}
DIFFICULTY_WORDS = {"easy": N_("Thinks ahead: a little"), "normal": N_("Thinks ahead: well"),
                    "hard": N_("Thinks ahead: hard")}  # a strategist's difficulty
# who plays a seat, as a saved game lists it
OPPONENT_IN_A_SAVE = {"historical": N_("the computer, the historical leader"), "hawk": N_("the computer, a hawk"),
                      "dove": N_("the computer, a dove"), "random": N_("the computer, unpredictable"),
                      "strategist": N_("the computer, a strategist"),
                      "strategist:hawk": N_("the computer, a hawkish strategist"),
                      "strategist:dove": N_("the computer, a dovish strategist"),
                      "strategist:historical": N_("the computer, a strategist true to history"),
                      HUMAN: N_("a player")}


def scenario_choices(cache: dict, named: str | None = None) -> list[tuple[str, Scenario | None]]:
    """(folder name, scenario or None if it does not load), shipped ones first, then the user's.

    ``named``, a file named on the command line that is none of those, comes first under its path.
    """
    found: list[tuple[str, Scenario | None]] = []
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
        strategist = parse_name(opponent) if opponent else None
        self.difficulty = strategist.difficulty if strategist is not None else DEFAULT_DIFFICULTY
        if strategist is not None:
            opponent = Strategist(strategist.temper).name
        self.opponent = opponent if opponent in OPPONENTS else "historical"
        self.seed = str(seed if seed is not None else random.SystemRandom().randrange(1, 1_000_000))
        self._fix_role()
        self.list = ScrollingRows(self)
        self.opponents = ScrollingRows(self)
        names = [name for name, _ in self.choices]
        if self.scenario_name in names:
            self.list.window.first = names.index(self.scenario_name)  # the chosen one in view (fitted at layout)
        if self.opponent != "historical":
            self.opponents.window.first = OPPONENTS.index(self.opponent)

    @property
    def scenario(self):
        return dict(self.choices).get(self.scenario_name) if self.scenario_name is not None else None

    def _fix_role(self) -> None:
        scenario = self.scenario
        if scenario is not None and self.role not in scenario.roles:
            self.role = next(iter(scenario.roles))

    def build(self, size) -> None:
        theme = self.theme
        m = layout.margin(theme)
        _ = self.app.words
        back_w = button_width(theme, _("Back"), "button", self.app.keys.label("back"))
        bar = self.plan_heading(_("A new game"), _("choose a crisis, a seat and an opponent"))
        button_h = button_height(theme)
        area = pygame.Rect(m, bar.bottom + m, size[0] - 2 * m, size[1] - bar.bottom - 3 * m - button_h)
        self.columns = layout.split_columns(area, [0.31, 0.36, 0.33], m * 2)
        gap = theme.px(8)
        self.column_titles = []
        tops = []
        for column, title in zip(self.columns, (_("The crisis"), _("Your seat"), _("Your opponent"))):
            lines = theme.wrap(title, "heading", column.w)
            self.column_titles.append(lines)
            tops.append(column.y + len(lines) * theme.line_height("heading") + theme.px(6))
        # scenarios: a list, each row its title and its span
        column = self.columns[0]
        rows_area = pygame.Rect(column.x, tops[0], column.w, column.bottom - tops[0])
        row_w = rows_area.w - theme.px(16)
        row_h = max(option_row_height(theme, row_w, *self._scenario_words(index)) for index in range(len(self.choices))) \
            if self.choices else theme.px(60)
        self.list.build(rows_area, len(self.choices), min(row_h, rows_area.h), gap, self._scenario_row)
        # seats: a row for each role, then the chosen seat's description
        column = self.columns[1]
        scenario = self.scenario
        if scenario is not None:
            roles = list(scenario.roles.values())
            portrait = theme.px(72)
            y = tops[1]
            for role in roles:
                height = option_row_height(theme, column.w, role.name.get(self.app.language), role.title.get(self.app.language), "", portrait)
                picture = portrait_surface(self.app.art, theme, scenario.id, role.id, role.name.get(self.app.language), portrait)
                self.add(OptionRow(pygame.Rect(column.x, y, column.w, height), role.name.get(self.app.language), role.title.get(self.app.language),
                                   self._picker("role", role.id), selected=role.id == self.role,
                                   name=f"role:{role.id}", portrait=picture))
                y += height + gap
            chosen = scenario.roles.get(self.role)
            if chosen is not None and column.bottom - y > theme.line_height("body"):
                self.add(TextBox(pygame.Rect(column.x, y + theme.px(4), column.w, column.bottom - y - theme.px(4)),
                                 [(chosen.description.get(self.app.language), "body", "ink_soft")], theme, name="seat"))
        # opponents: a list; the seed under it
        column = self.columns[2]
        field_h = max(theme.px(40), theme.line_height("subheading") + theme.px(10))
        self.seed_lines = theme.wrap(_("Seed: the same seed replays the same dice"), "small_bold", column.w)
        seed_block = len(self.seed_lines) * theme.line_height("small_bold") + theme.px(4) + field_h
        thinking = parse_name(self.opponent) is not None  # a strategist: how hard it thinks, under the list
        difficulty_block = button_h + theme.px(14) if thinking else 0
        opponents_area = pygame.Rect(column.x, tops[2], column.w,
                                     column.bottom - tops[2] - seed_block - difficulty_block - theme.px(14))
        row_w = opponents_area.w - theme.px(16)
        row_h = max(option_row_height(theme, row_w, *self._opponent_words(opponent)) for opponent in OPPONENTS)
        self.opponents.build(opponents_area, len(OPPONENTS), min(row_h, opponents_area.h), theme.px(6),
                             self._opponent_row)
        if thinking:
            self.add(Button(pygame.Rect(column.x, opponents_area.bottom + theme.px(14), column.w, button_h),
                            _(DIFFICULTY_WORDS[self.difficulty]), self._next_difficulty, name="difficulty"))
        self.seed_label_y = opponents_area.bottom + difficulty_block + theme.px(14)
        seed_y = column.bottom - field_h
        new_seed_w = min(column.w // 2, button_width(theme, _("New seed")))
        self.seed_rect = pygame.Rect(column.x, seed_y, column.w - new_seed_w - gap, field_h)
        self.add(TextField(self.seed_rect, _("Seed"), self.seed, self._set_seed, name="seed"))
        self.add(Button(pygame.Rect(self.seed_rect.right + gap, seed_y, new_seed_w, field_h), _("New seed"), self._new_seed,
                        name="new seed"))
        # the way on
        bottom = pygame.Rect(m, size[1] - m - button_h, size[0] - 2 * m, button_h)
        self.add(Button(pygame.Rect(bottom.x, bottom.y, back_w, bottom.h), _("Back"), self.back, hint=self.app.keys.label("back"), name="Back"))
        begin_w = max(theme.px(260), button_width(theme, _("Begin")))
        self.begin_button = self.add(Button(pygame.Rect(bottom.right - begin_w, bottom.y, begin_w, bottom.h),
                                            _("Begin"), self.begin, kind="primary", name="Begin",
                                            enabled=scenario is not None and bool(self.seed)))

    def _scenario_words(self, index: int) -> tuple[str, str]:
        name, scenario = self.choices[index]
        _ = self.app.words
        if scenario is None:
            return name, _("This scenario has errors: run 'brink validate {name}'.", name=name)
        first, last = (dated(date, _) for date in (scenario.first_date, scenario.last_date))
        return scenario.title.get(self.app.language), \
            _.ngettext("{count} day of decision, {first} to {last}", "{count} days of decision, {first} to {last}",
                       len(scenario.days), first=first, last=last)

    def _scenario_row(self, index: int, rect: pygame.Rect) -> OptionRow:
        name, scenario = self.choices[index]
        title, description = self._scenario_words(index)
        if scenario is None:
            return OptionRow(rect, title, description, enabled=False, name=f"scenario:{name}")
        return OptionRow(rect, title, description, self._picker("scenario_name", name), selected=name == self.scenario_name,
                         name=f"scenario:{name}")

    def _opponent_words(self, opponent: str) -> tuple[str, str]:
        _ = self.app.words
        if opponent in OPPONENT_DESCRIPTIONS:
            return _(OPPONENT_TITLES[opponent]), _(OPPONENT_DESCRIPTIONS[opponent])
        description = POLICIES[opponent].description  # a policy added later, not yet translated
        return opponent, description[:1].upper() + description[1:] + "."

    def _opponent_row(self, index: int, rect: pygame.Rect) -> OptionRow:
        opponent = OPPONENTS[index]
        return OptionRow(rect, *self._opponent_words(opponent), self._picker("opponent", opponent),
                         selected=opponent == self.opponent, name=f"opponent:{opponent}")

    def on_key(self, event) -> bool:
        return self.list.key(event) or self.opponents.key(event) or super().on_key(event)

    def first_focus(self):
        return getattr(self, "begin_button", None) if getattr(self, "begin_button", None) and self.begin_button.can_focus \
            else super().first_focus()

    def paint_static(self, surface: pygame.Surface) -> None:
        theme = self.theme
        palette = theme.palette
        self.heading_bar(surface)
        for column, lines in zip(self.columns, self.column_titles):
            blit_lines(surface, theme, lines, "heading", palette.ink, column.x, column.y, box=column)
        blit_lines(surface, theme, self.seed_lines, "small_bold", palette.ink_soft, self.columns[2].x, self.seed_label_y,
                   box=self.columns[2])

    def static_texts(self) -> list[str]:
        _ = self.app.words
        return [_("A new game"), _("The crisis"), _("Your seat"), _("Your opponent")]

    # --- choices ------------------------------------------------------------------------------------
    def _picker(self, attribute: str, value: str):
        def pick() -> None:
            setattr(self, attribute, value)
            if attribute == "scenario_name":
                self._fix_role()
            self.relayout()
        return pick

    def _next_difficulty(self) -> None:
        names = list(DIFFICULTIES)
        self.difficulty = names[(names.index(self.difficulty) + 1) % len(names)]
        self.relayout()

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
        opponent = self.opponent
        if parse_name(opponent) is not None:
            opponent = with_difficulty(opponent, self.difficulty)
        players = {role: (HUMAN if role == self.role else opponent) for role in scenario.roles}
        match = Match.new(scenario, int(self.seed), players, language=self.app.language, log_path=self.app.log_path,
                          autosave=self.app.save_path)
        match.write_autosave()
        flow.show_current(self.app, match)
