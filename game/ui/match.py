"""One game as the window plays it: the session, who plays each role, and its files.

No pygame here. Screens never touch the session: they call these methods, which turn a
player's intent into the engine's commands (``machine.apply``). Computer players draw their
dice exactly as the text mode does (``day_random(seed, day, role index + 1)``), so the same
seed and the same human orders give the same game in the window and in the terminal.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Mapping

from game import i18n, paths
from game.engine import machine
from game.engine.log import PlayTimes, write_log
from game.engine.machine import Advance, GiveOrder, Phase, Resolve, Session, UndoLastDay, WithdrawOrder
from game.engine.opponents import policy_named
from game.engine.resolve import choice_on_day, day_random
from game.engine.visibility import ShownOrder, shown_names, state_seen_by
from game.engine.saves import MAX_SAVE_BYTES, SaveError, open_save, save_game, save_problem, scenario_file
from game.files import read_regular_file
from game.engine.state import DayRecord
from game.scenario.errors import FormulaError
from game.scenario.load import MAX_FILE_BYTES, load_scenario
from game.scenario.model import Choice, Scenario

HUMAN = "human"
AUTOSAVE_NAME = "autosave.json"


def autosave_path() -> Path:
    return paths.saves_folder() / AUTOSAVE_NAME


@dataclass
class Match:
    session: Session
    players: dict[str, str]  # role -> "human" or a policy name
    language: str = "en"
    log_path: Path | None = None
    autosave: Path | None = field(default_factory=autosave_path)
    times: PlayTimes = field(default_factory=PlayTimes)  # wall-clock times for the log
    _failing: set = field(default_factory=set, init=False, repr=False)  # writes failing now, each shown once
    _unshown: list = field(default_factory=list, init=False, repr=False)

    @classmethod
    def new(cls, scenario: Scenario, seed: int, players: Mapping[str, str], language: str = "en",
            log_path: Path | None = None, autosave: Path | None = None) -> Match:
        if log_path is None:
            stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
            log_path = paths.logs_folder() / f"{scenario.id}-{seed}-{stamp}.jsonl"
        return cls(machine.start(scenario, seed), dict(players), language, log_path,
                   autosave if autosave is not None else autosave_path())

    # --- reading ------------------------------------------------------------------------------
    @property
    def scenario(self) -> Scenario:
        return self.session.scenario

    @property
    def phase(self) -> Phase:
        return self.session.phase

    @property
    def humans(self) -> list[str]:
        return [role for role in self.scenario.roles if self.players.get(role) == HUMAN]

    @property
    def hot_seat(self) -> bool:
        return len(self.humans) > 1

    def viewers(self) -> tuple[str, ...] | None:
        """The seats looking at a screen both sides share (the resolution): its secrets must be every one
        of theirs. None when nobody plays (computer against computer): nothing is kept from anyone."""
        return tuple(self.humans) or None

    @property
    def viewer(self) -> str | None:
        """The seat whose eyes the shared screens (resolution, record, ending) take: the one human,
        or None when two play at one screen and both look."""
        humans = self.humans
        return humans[0] if len(humans) == 1 else None

    def t(self, text) -> str:
        return text.get(self.language) if text is not None else ""

    @property
    def words(self) -> i18n.Words:
        """The interface's own words in the match's language."""
        return i18n.words(self.language)

    def legal(self, role_id: str) -> tuple[Choice, ...]:
        return self.session.legal_choices(role_id)

    def humans_waiting(self) -> list[str]:
        return [role for role in self.session.waiting_for() if self.players.get(role) == HUMAN]

    def label_of(self, day_index: int, role_id: str, choice_id: str | None) -> str:
        if choice_id is None:
            _ = self.words
            return _("no order")
        choice = choice_on_day(self.scenario, day_index, role_id, choice_id)
        return self.t(choice.label) if choice else choice_id

    def order_label(self, day_index: int, order: ShownOrder) -> str:
        """An order's label, or words saying an order was given that the seats may not know yet."""
        if not order.seen:
            _ = self.words
            return _("an order not yet known")
        return self.label_of(day_index, order.role_id, order.choice_id)

    def moved_labels(self, choice: Choice, seats: tuple[str, ...] | None = None) -> list[str]:
        """What the choice will move, by name, leaving out what the seats may not see."""
        labels = []
        for name in shown_names(self.scenario, choice.moves, self.session.state.values, seats):
            if name.startswith("flags."):
                labels.append(self.t(self.scenario.flags[name[6:]].label))
            elif name in self.scenario.variables:
                labels.append(self.t(self.scenario.variables[name].label))
        return labels

    # --- commands -----------------------------------------------------------------------------
    def apply(self, command) -> tuple:
        self.session, events = machine.apply(self.session, command)
        self.times.note(self.session.state, self.session.phase in (Phase.DELIBERATION, Phase.ORDERS))
        return events

    def begin_day(self) -> None:
        """From the briefing to deliberation (the briefing has been read)."""
        if self.phase is Phase.BRIEFING:
            self.apply(Advance())

    def give_order(self, role_id: str, choice_id: str) -> None:
        self.begin_day()
        self.apply(GiveOrder(role_id, choice_id))

    def computer_orders(self) -> None:
        """Every computer player still owing an order gives it, with the text mode's dice."""
        self.begin_day()
        streams = {role_id: stream for stream, role_id in enumerate(self.scenario.roles, start=1)}
        for role_id in self.session.waiting_for():
            who = self.players.get(role_id, HUMAN)
            if who == HUMAN:
                continue
            state = self.session.state
            rng = day_random(state.seed, state.day_index, streams[role_id])
            choice_id = policy_named(who).choose(self.scenario, state_seen_by(self.scenario, state, role_id), role_id, self.legal(role_id), rng)
            self.apply(GiveOrder(role_id, choice_id))

    def ready(self) -> bool:
        return self.phase in (Phase.DELIBERATION, Phase.ORDERS) and not self.session.waiting_for()

    def resolve(self) -> DayRecord:
        if self.phase is Phase.DELIBERATION:
            self.apply(Advance())
        try:
            events = self.apply(Resolve())
        except FormulaError:
            # A formula came to no usable number with these orders: take them back, so the
            # player can give another order (the error is shown over the day).
            for role_id, _ in self.session.orders:
                self.apply(WithdrawOrder(role_id))
            raise
        return events[0].record

    def finish_day(self) -> None:
        """From the resolution to the next day's briefing, or to the ending; log and autosave."""
        if self.phase is Phase.RESOLUTION:
            self.apply(Advance())
        if self.phase is Phase.DAY_END:
            self.apply(Advance())
        self.write_log()
        self.write_autosave()

    def undo(self) -> bool:
        """Take back the last resolved day; False when there is none."""
        if not self.session.earlier:
            return False
        self.apply(UndoLastDay())
        self.write_autosave()
        return True

    # --- files --------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        save_game(path, self.session, self.players)

    # A full disk or a read-only folder must not stop the game: a failed write is kept here for
    # the window to show once (``take_write_problems``), and shown again only if it comes back
    # after a write that worked.
    def write_autosave(self) -> None:
        if self.autosave is not None:
            self._written("autosave", self.autosave, lambda: self.save(self.autosave))

    def write_log(self) -> None:
        if self.log_path is not None:
            self._written("log", self.log_path, lambda: write_log(self.log_path, self.scenario, self.session.state,
                                                                  self.players, "window", self.times))

    def take_write_problems(self) -> list[WriteProblem]:
        """The failed writes not yet shown, each once."""
        problems, self._unshown = self._unshown, []
        return problems

    def _written(self, what: str, path: Path, write) -> None:
        try:
            write()
        except (OSError, ValueError) as error:
            problem = WriteProblem(what, Path(getattr(error, "filename", None) or path),
                                   getattr(error, "strerror", None) or str(error))
            if problem not in self._failing:
                self._failing.add(problem)
                self._unshown.append(problem)
            return
        self._failing = {problem for problem in self._failing if problem.what != what}


@dataclass(frozen=True, slots=True)
class WriteProblem:
    """A file of the game's own (the autosave, the log) that could not be written, and why."""
    what: str  # "autosave" or "log"
    path: Path
    reason: str


def load_match(path: Path, scenario_cache: dict | None = None, scenario_path: Path | None = None) -> Match:
    """A saved game, replayed; raises SaveError with a readable message.

    The scenario is the file the save names (``saves.scenario_file``), or ``scenario_path``
    when the player named one; never another scenario that merely shares the id.
    """
    saved = open_save(path, lambda found: load_cached(found, scenario_cache), scenario_path)
    session, players = saved.session, dict(saved.players)
    scenario = session.scenario
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    log_path = paths.logs_folder() / f"{scenario.id}-{session.state.seed}-{stamp}.jsonl"
    return Match(session, players, log_path=log_path)


def load_cached(path: Path, cache: dict | None = None) -> Scenario:
    """The scenario from the cache, unless its file changed since (an author edits while the game runs)."""
    key = str(Path(path).resolve())
    if cache is not None and key in cache and _unchanged(Path(path), cache[key]):
        return cache[key]
    try:
        scenario = load_scenario(path)
    except Exception as error:  # the loader's own error carries file, line and column
        raise SaveError(f"the scenario {path} does not load: {error}") from None
    if cache is not None:
        cache[key] = scenario
    return scenario


def _unchanged(path: Path, scenario: Scenario) -> bool:
    try:
        return hashlib.sha256(read_regular_file(path, MAX_FILE_BYTES)).hexdigest() == scenario.digest
    except OSError:
        return True  # gone or unreadable: keep the version in hand


@dataclass(frozen=True, slots=True)
class SaveSummary:
    path: Path
    scenario_id: str
    days_played: int
    ended: bool
    players: dict
    modified: float
    scenario_path: Path | None = None  # the file loading it would play on (``saves.scenario_file``)
    problem: str | None = None  # why it cannot be opened, when that shows without replaying it


def list_saves(folder: Path | None = None) -> list[SaveSummary]:
    """The saves in the saves folder, newest first; unreadable files are left out."""
    folder = folder or paths.saves_folder()
    summaries: list[SaveSummary] = []
    if not folder.is_dir():
        return summaries
    for path in folder.glob("*.json"):
        data = _save_data(path, checked=False)
        if data is None:  # not a save at all
            continue
        try:  # listed when it names its scenario and days; opening it says what else is wrong
            scenario_path, problem = _scenario_of(data, path)
            summaries.append(SaveSummary(path, str(data["scenario"]["id"])[:80], len(data["days"]),
                                         data.get("ending") is not None, {str(k)[:40]: str(v)[:40] for k, v in data.get("players", {}).items()},
                                         path.stat().st_mtime, scenario_path, problem))
        except (OSError, KeyError, TypeError, AttributeError):
            continue
    summaries.sort(key=lambda s: (-s.modified, s.path.name))
    return summaries


def _scenario_of(data: dict, path: Path) -> tuple[Path | None, str | None]:
    """The scenario file a listed save would be opened on, found as opening it finds it (never a
    namesake of its id), or why there is none."""
    problem = save_problem(data)
    if problem is not None:
        return None, problem
    try:
        return scenario_file(data, path), None
    except SaveError as error:
        return None, error.reason


def _save_data(path: Path, checked: bool = True) -> dict | None:
    """A save's data (``checked``: only a sound save's), or None when it cannot be read."""
    try:
        data = json.loads(read_regular_file(path, MAX_SAVE_BYTES).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    return data if not checked or save_problem(data) is None else None


def can_continue() -> bool:
    """An unfinished autosaved game exists."""
    data = _save_data(autosave_path())
    return data is not None and data.get("ending") is None
