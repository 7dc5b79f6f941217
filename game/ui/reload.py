"""Hot reload: read the scenario file again and carry the game in progress over to the new version.

An author plays as they write: edit a briefing, press F5, and the same game goes on with the new
text. A game is its seed and its orders (the same idea that makes saves and undo work), so the
orders given so far are replayed through the engine's commands on the new file. Where an order
no longer exists or is no longer open, the replay stops at the last day that still fits and the
player is told why; a file with errors changes nothing, and its problems are listed exactly as
``brink validate`` prints them.

No pygame here: the window shows the outcome (``game.ui.scenes.problems`` and a notice).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game import i18n
from game.engine import machine
from game.engine.machine import Advance, GiveOrder, IllegalCommand, Phase, Resolve, Session
from game.scenario.errors import format_diagnostic
from game.scenario.load import load_with_diagnostics
from game.scenario.model import Scenario


@dataclass(frozen=True, slots=True)
class Reloaded:
    """The outcome of a reload: a new session, or the reasons there is none."""

    path: str
    session: Session | None  # None: the file has errors and the game stays on the old version
    problems: tuple[str, ...] = ()  # the validator's lines, ``path:line:col: severity: message``
    stopped: str = ""  # why the replay stopped before the day the player was on ("" when it did not)

    @property
    def ok(self) -> bool:
        return self.session is not None

    @property
    def file_name(self) -> str:
        return Path(self.path).name

    def summary(self, words: i18n.Words | None = None) -> str:
        """The one line the player reads after pressing F5, in the player's language."""
        _ = words or i18n.words(i18n.SOURCE_LANGUAGE)
        if self.session is None:
            count = sum(1 for line in self.problems if ": error: " in line)
            return _.ngettext("{file} has {count} error: still playing the last good version",
                              "{file} has {count} errors: still playing the last good version", count,
                              file=self.file_name)
        day = self.session.state.day_index + 1
        if self.stopped:
            return _("Reloaded {file}, back to day {day}: {why}", file=self.file_name, day=day, why=self.stopped)
        return _("Reloaded {file}: day {day} kept", file=self.file_name, day=day)


def reload_session(session: Session, path: str | None = None) -> Reloaded:
    """Load the file again (``path``, or the one the game was started from) and replay the game on it."""
    path = path or session.scenario.path
    scenario, diagnostics = load_with_diagnostics(path)
    if scenario is None:
        return Reloaded(path, None, tuple(format_diagnostic(d) for d in diagnostics.sorted()))
    if scenario.id != session.scenario.id:
        message = f"{path}:1:1: error: the file now holds scenario '{scenario.id}', not '{session.scenario.id}'"
        return Reloaded(path, None, (message,))
    rebuilt, stopped = carry_over(session, scenario)
    return Reloaded(path, rebuilt, stopped=stopped)


def carry_over(session: Session, scenario: Scenario) -> tuple[Session, str]:
    """The game replayed on ``scenario`` as far as its orders still fit, in the same phase; and why it stopped short.

    Each recorded day is played by the same commands ``machine.replay`` uses, one day at a time,
    so a day that no longer fits leaves the game at that day's briefing with every earlier day
    kept (and undoable). Today's orders already given are given again where still open.
    """
    days = machine.orders_so_far(session)
    rebuilt = machine.start(scenario, session.state.seed)
    for index, orders in enumerate(days):
        if rebuilt.state.ended:
            return rebuilt, f"the game now ends before day {index + 1}"
        try:
            resolved = _resolve_day(rebuilt, orders)
        except IllegalCommand as error:
            return rebuilt, f"day {index + 1} no longer fits ({error})"
        if index == len(days) - 1 and session.phase in (Phase.RESOLUTION, Phase.DAY_END):
            return (_advance(resolved) if session.phase is Phase.DAY_END else resolved), ""
        rebuilt = _advance(_advance(resolved))
    if rebuilt.phase is Phase.ENDED or session.phase not in (Phase.DELIBERATION, Phase.ORDERS):
        return rebuilt, ""
    rebuilt = _advance(rebuilt)
    dropped = []
    for role_id, choice_id in session.orders:
        try:
            rebuilt, _ = machine.apply(rebuilt, GiveOrder(role_id, choice_id))
        except IllegalCommand:
            dropped.append(role_id)
    if dropped:
        names = ", ".join(scenario.roles[r].name.get("en") if r in scenario.roles else r for r in dropped)
        return rebuilt, f"today's order by {names} is no longer open"
    return rebuilt, ""


def _resolve_day(session: Session, orders: dict) -> Session:
    session = _advance(_advance(session))
    for role_id, choice_id in orders.items():
        if choice_id is not None:
            session, _ = machine.apply(session, GiveOrder(role_id, choice_id))
    session, _ = machine.apply(session, Resolve())
    return session


def _advance(session: Session) -> Session:
    return machine.apply(session, Advance())[0]
