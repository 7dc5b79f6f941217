"""``brink play --text``: the whole game in a terminal, reading orders from standard input.

Works without a terminal (piped input, classroom scripts, tests): every prompt is a plain line,
bad input gets a message and the question again, and the end of input ends the game cleanly.
"""

from __future__ import annotations

import os
import textwrap
from typing import TextIO
from collections.abc import Callable, Mapping

from game import i18n
from game.engine import machine
from game.engine.advice import advice_for
from game.engine.estimates import estimates_for, odds_words
from game.engine.log import PlayTimes, write_log
from game.engine.machine import Advance, GiveOrder, IllegalCommand, Phase, Resolve, Session, UndoLastDay
from game.engine.opponents import policy_named
from game.engine.resolve import choice_on_day, day_random
from game.engine.saves import save_game
from game.scenario.errors import FormulaError, format_diagnostic
from game.scenario.model import Choice, Scenario
from game.engine.news import day_news
from game.engine.visibility import shown_names, shown_orders, state_seen_by
from game.text.describe import changes, day_heading, meter_lines

HUMAN = "human"
HELP = ("Type the number of a choice to give that order. Other commands: "
        "'a' advisors again, 'm' meters, 'u' undo the last day, 's' save, 'q' quit, 'h' this help.")


class _InputEnded(Exception):
    pass


class _Quit(Exception):
    pass


class TextGame:
    def __init__(self, session: Session, players: Mapping[str, str], read: TextIO, write: TextIO,
                 language: str = "en", save_path: str | None = None, log_path: str | None = None, width: int = 78,
                 clock: Callable[[], float] | None = None, estimates: bool = True):
        self.session = session
        # wall-clock times for the log (when each day opened and was resolved); injectable for tests
        self.times = PlayTimes(clock) if clock is not None else PlayTimes()
        self.scenario = session.scenario
        self.players = dict(players)
        self.read = read
        self.write = write
        self.language = language
        self.save_path = save_path
        self.log_path = log_path
        self.width = width
        self.humans = [role for role, who in self.players.items() if who == HUMAN]
        self.estimates = estimates  # advisors give their odds of war (off: play in the fog)
        self._kept: str | None = None  # a piped line that answered a question it was not meant for

    # --- output helpers ---------------------------------------------------------------------
    def say(self, text: str = "", indent: str = "") -> None:
        if not text:
            self.write.write("\n")
            return
        for paragraph in text.split("\n"):
            wrapped = textwrap.fill(paragraph, self.width, initial_indent=indent, subsequent_indent=indent) or indent
            self.write.write(wrapped + "\n")

    def say_line(self, text: str) -> None:
        """One line as it is, never wrapped: a file name or a ``path:line:col:`` message must stay whole."""
        self.write.write(text.replace("\n", " ") + "\n")

    def t(self, text) -> str:
        return text.get(self.language)

    def ask(self, prompt: str) -> str:
        self.write.write(prompt)
        self.write.flush()
        line, self._kept = (self._kept, None) if self._kept is not None else (self.read.readline(), None)
        if not line:
            raise _InputEnded
        if not _is_terminal(self.read):  # piped input: show the answer, so the transcript reads right
            self.write.write(line if line.endswith("\n") else line + "\n")
        return line.strip()

    # --- the game -----------------------------------------------------------------------------
    def run(self) -> int:
        scenario = self.scenario
        self.say(f"{self.t(scenario.title)}")
        self.say("=" * min(self.width, len(self.t(scenario.title))))
        if scenario.summary:
            self.say(self.t(scenario.summary))
        for role_id, who in self.players.items():
            role = scenario.roles[role_id]
            self.say(f"{self.t(role.name)} ({self.t(role.title)}): " + ("you" if who == HUMAN else f"computer, {who}"))
        try:
            while self.session.phase is not Phase.ENDED:
                self.play_phase()
        except _InputEnded:
            self.say()
            self.say("Input ended; the game stops here." + (" It was saved." if self.autosave() else ""))
            return 0
        except _Quit:
            self.say("Game over by choice." + (" It was saved." if self.autosave(ask=True) else ""))
            return 0
        except KeyboardInterrupt:
            # Ctrl-C loses at most the order being typed: the days played so far are saved.
            self.say()
            self.say("Interrupted." + (" The game was saved." if self.autosave() else ""))
            return 130
        except FormulaError as error:
            # The rules stopped before the bad number reached the game: what is saved is sound.
            self.say_line(format_diagnostic(error.diagnostic))
            self.say("The game cannot go on past this formula." + (" It was saved." if self.autosave() else ""))
            return 1
        self.show_ending()
        return 0

    def apply(self, command) -> tuple:
        self.session, events = machine.apply(self.session, command)
        self.times.note(self.session.state, self.session.phase in (Phase.DELIBERATION, Phase.ORDERS))
        return events

    def play_phase(self) -> None:
        phase = self.session.phase
        if phase is Phase.BRIEFING:
            self.say()
            seat = self.humans[0] if len(self.humans) == 1 else None
            self.say(day_heading(self.scenario, self.session.day, self.language, seat))
            self.say("-" * self.width)
            self.apply(Advance())
        elif phase is Phase.DELIBERATION:
            self.apply(Advance())
        elif phase is Phase.ORDERS:
            self.collect_orders()
            events = self.apply(Resolve())
            self.show_resolution(events[0].record)
        elif phase is Phase.RESOLUTION:
            self.apply(Advance())
        elif phase is Phase.DAY_END:
            self.write_log()
            self.apply(Advance())

    def collect_orders(self) -> None:
        """Ask each role for its order in turn; an undo empties the orders and the loop starts over."""
        streams = {role_id: stream for stream, role_id in enumerate(self.scenario.roles, start=1)}
        while self.session.waiting_for():
            role_id = self.session.waiting_for()[0]
            legal = self.session.legal_choices(role_id)
            if self.players[role_id] == HUMAN:
                if len(self.humans) > 1:
                    self.pass_screen(role_id)
                self.human_order(role_id, legal)
            else:
                policy = policy_named(self.players[role_id])
                rng = day_random(self.session.state.seed, self.session.state.day_index, streams[role_id])
                choice_id = policy.choose(self.scenario, state_seen_by(self.scenario, self.session.state, role_id),
                                          role_id, legal, rng)
                self.apply(GiveOrder(role_id, choice_id))

    def pass_screen(self, role_id: str) -> None:
        role = self.scenario.roles[role_id]
        self.say()
        self.ask(f"Pass the keyboard to {self.t(role.name)}, then press Enter. ")
        self.write.write("\n" * 40)  # scroll the other player's orders out of sight

    def human_order(self, role_id: str, legal: tuple[Choice, ...]) -> None:
        role = self.scenario.roles[role_id]
        day = self.session.day
        self.say()
        self.say(f"{self.t(role.name)}, {self.t(role.title)}")
        if len(self.humans) > 1 and role_id in day.seen_by and day.seen_by[role_id].title:
            self.say(f"Your day: {self.t(day.title_for(role_id))}")
        briefing = day.briefing_for(role_id, self.session.state.values)
        if briefing:
            self.say(self.t(briefing), "  ")
        self.show_advisors(role_id)
        self.show_choices(legal, role_id)
        while True:
            answer = self.ask(f"Your order, {self.t(role.name).split()[-1]} (1-{len(legal)}, h for help): ").lower()
            if answer.isdigit() and 1 <= int(answer) <= len(legal):
                self.apply(GiveOrder(role_id, legal[int(answer) - 1].id))
                return
            if answer in ("h", "help", "?"):
                self.say(HELP)
            elif answer == "a":
                self.show_advisors(role_id)
            elif answer == "m":
                for line in meter_lines(self.scenario, self.session.state.values, self.language, (role_id,)):
                    self.say(line, "  ")
            elif answer == "c":
                self.show_choices(legal, role_id)
            elif answer == "s":
                if not self.save_path:
                    self.save_path = self.ask_for_file("No save file was named. Save to which file "
                                                       "(a path, or Enter to go back)? ")
                saved = self.save(ask=True) if self.save_path else None
                if saved:
                    self.say_line(f"Saved to {saved}.")
            elif answer == "u":
                try:
                    self.apply(UndoLastDay())
                except IllegalCommand as error:
                    self.say(f"Cannot undo: {error}.")
                    continue
                self.say(f"The last day was undone. Back to {day_heading(self.scenario, self.session.day, self.language)}.")
                return
            elif answer == "q":
                raise _Quit
            else:
                self.say(f"'{answer}' is not one of the choices. Type a number from 1 to {len(legal)}, or h for help.")

    def show_advisors(self, role_id: str) -> None:
        advice = advice_for(self.scenario, self.session.state, role_id)
        odds = estimates_for(self.scenario, self.session.state, role_id, advice) if self.estimates else {}
        for advisor, entry in advice:
            office = self.t(advisor.office_on(self.session.day.date))
            self.say(f"{self.t(advisor.name)} ({office}, {advisor.leaning}):", "  ")
            self.say(f"\u201c{self.t(entry.text)}\u201d", "      ")
            estimate = odds.get(advisor.id)
            if estimate is not None:
                choice = choice_on_day(self.scenario, self.session.state.day_index, role_id, estimate.choice_id)
                assert choice is not None  # an estimate is of a choice open today
                self.say(f"On \u201c{self.t(choice.label)}\u201d: I put the odds of war at {odds_in_english(estimate.said)}.",
                         "      ")

    def show_choices(self, legal: tuple[Choice, ...], role_id: str) -> None:
        self.say("Your choices:")
        for number, choice in enumerate(legal, start=1):
            self.say(f"{number}. {self.t(choice.label)}", "  ")
            if choice.text:
                self.say(self.t(choice.text), "     ")
            moved = self.moved_labels(choice, role_id)
            if moved:
                self.say("Moves: " + ", ".join(moved), "     ")

    def moved_labels(self, choice: Choice, role_id: str) -> list[str]:
        """What the choice moves, by name, leaving out what the seat may not see."""
        labels = []
        for name in shown_names(self.scenario, choice.moves, self.session.state.values, (role_id,)):
            if name.startswith("flags."):
                labels.append(self.t(self.scenario.flags[name[6:]].label))
            else:
                labels.append(self.t(self.scenario.variables[name].label))
        return labels

    def show_resolution(self, record) -> None:
        scenario = self.scenario
        self.say()
        self.say("Orders of the day:")
        seats = tuple(self.humans) or None  # what every player at the keyboard may see
        for order in shown_orders(scenario, record, seats, record.values_after):
            role = scenario.roles[order.role_id]
            choice = choice_on_day(scenario, record.day_index, order.role_id, order.choice_id) if order.choice_id else None
            label = self.t(choice.label) if choice else ("an order not yet known" if not order.seen else "no order")
            self.say(f"{self.t(role.name)}: {label}", "  ")
        for news in day_news(scenario, record, seats):
            if news.kind == "event":
                self.say(f"News: {self.t(news.title)}. {self.t(news.text)}", "  ")
            elif news.kind in ("interaction", "delayed"):
                self.say(self.t(news.text), "  ")
        moved = changes(scenario, record.values_before, record.values_after, self.language, seats)
        if moved:
            self.say("What moved:")
            for line in moved:
                self.say(line, "  ")
        day = scenario.days[record.day_index]
        history = day.history_for(seats)  # a seat's own note where the day's tells the other's secrets
        if history:
            self.say("What really happened: " + self.t(history))

    def show_ending(self) -> None:
        assert self.session.state.ending is not None  # shown once the game has ended
        ending = self.scenario.ending(self.session.state.ending)
        self.say()
        self.say("*" * self.width)
        self.say(f"Ending: {self.t(ending.title)}")
        self.say(self.t(ending.text))
        if ending.history_note:
            self.say("How close history came: " + self.t(ending.history_note))
        self.say()
        self.say("Your path:")
        for record in self.session.state.history:
            day = self.scenario.days[record.day_index]
            orders = "; ".join(
                f"{self.t(self.scenario.roles[r].name).split()[-1]}: "
                + (self.t(_offered(self.scenario, record.day_index, r, c).label) if c else "-")
                for r, c in record.orders)
            self.say(f"{i18n.short_date(day.date, i18n.words(self.language))}  {orders}", "  ")
        for line in meter_lines(self.scenario, self.session.state.values, self.language):
            self.say(line, "  ")
        self.write_log()

    # --- files -------------------------------------------------------------------------------
    # A save or log that cannot be written (a read-only folder, a full disk, a folder named as
    # the file) never ends the game: the player is told in one line and offered another file.
    def save(self, ask: bool = False) -> str | None:
        """Save the game; the path it went to, or None (no save file, or it could not be written)."""
        if not self.save_path:
            return None
        written = self.write_file("save", "save_path", lambda path: save_game(path, self.session, self.players), ask)
        return self.save_path if written else None

    def autosave(self, ask: bool = False) -> bool:
        return self.save(ask) is not None and not self.session.state.ended

    def write_log(self) -> None:
        if self.log_path:
            self.write_file("log", "log_path",
                            lambda path: write_log(path, self.scenario, self.session.state, self.players, "text",
                                                   self.times), ask=True)

    def write_file(self, what: str, attribute: str, write: Callable[[str], None], ask: bool) -> bool:
        while True:
            path = getattr(self, attribute)
            try:
                write(path)
                return True
            except (OSError, ValueError) as error:
                reason = getattr(error, "strerror", None) or str(error)
                self.say_line(f"Cannot write the {what} to {path}: {reason}; the game goes on.")
            if not ask:
                return False
            other = self.ask_for_file(f"Write the {what} to another file (a path, or Enter to go on without it)? ")
            if not other:
                if what == "log":
                    self.log_path = None  # asked once; the player chose to play on without it
                return False
            setattr(self, attribute, other)

    def ask_for_file(self, prompt: str) -> str | None:
        """A path typed by the player; None for Enter, and for the end of input: the question may
        come while the game is already closing (quitting, the ending), where nothing else can be asked.

        A script piping its orders cannot know that a disk will fail and a question come between
        them: a piped answer that is no path (``2``, ``q``: no folder, no extension) is taken as
        Enter and kept for the question it was written for.
        """
        try:
            answer = self.ask(prompt)
        except _InputEnded:
            self.write.write("\n")
            return None
        if answer and not _is_terminal(self.read) and not _looks_like_path(answer):
            self._kept = answer + "\n"
            self.say_line(f"('{answer}' is not a file path: no other file, and '{answer}' answers the next question.)")
            return None
        return os.path.expanduser(answer) if answer else None


def _looks_like_path(answer: str) -> bool:
    return any(mark in answer for mark in ("/", "\\", ".", "~"))


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def odds_in_english(risk: float) -> str:
    phrase, numbers = odds_words(risk)
    return {"almost none": "almost nothing", "almost certain": "near certain",
            "1 in n": "about 1 in {n}", "n in 10": "about {n} in 10"}[phrase].format(**numbers)


def _offered(scenario: Scenario, day_index: int, role_id: str, choice_id: str) -> Choice:
    """A choice given on a day of the record, which was offered that day."""
    choice = choice_on_day(scenario, day_index, role_id, choice_id)
    assert choice is not None
    return choice
