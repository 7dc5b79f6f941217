"""One classroom game: the engine's session, the students in their seats, and today's advice.

The room is the only place where a classroom game changes. ``apply`` takes one command
(``commands``), checks it against the room as it stands and either raises ``RoomError`` with
a message a student can read, changing nothing, or changes the room. The engine is driven with
the same commands the window and the text mode give (``machine.apply``), and a team played by
the computer draws its dice as they do, so the same seed and orders make the same game.

No network and no clock of its own: the time of each command is given to ``apply`` (the
server's clock, or the store's record on replay), so tests never sleep and a replayed room is
the room that was.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any
from collections.abc import Callable, Iterable

from game.classroom import commands as c
from game.classroom.letters import MESSAGE_GAP, MESSAGES_PER_DAY, Letter, plain_text
from game.classroom.timer import DEFAULT_LETTER_MINUTES, DEFAULT_MINUTES, DecisionClock
from game.engine import injects, log, machine
from game.engine.clock import default_among
from game.engine.machine import Advance, GiveOrder, Phase, Resolve, Session, UndoLastDay, WithdrawOrder
from game.engine.opponents import policy_named
from game.engine.resolve import day_random, find_legal, reached_ending
from game.engine.visibility import state_seen_by
from game.i18n import N_
from game.scenario.model import Scenario

LEADER = "leader"
COMPUTER_POLICY = "historical"  # a team nobody sits in is played as history played it, as far as it can be
REASON_LIMIT = 500  # characters of a recommendation's reason
NAME_LIMIT = 40  # characters of a student's name
SHARED_SEAT_LIMIT = 2  # students on one advisor's seat, unless the teacher seats more
NEWS_LIMIT = 300  # characters of the teacher's news flash or a meter's reason
MAX_ADDED_SECONDS = 3600  # time added at once
# who gave a team's order, as the log says it
DECIDED_BY = {"leader": "team", "vote": "vote", "computer": "computer", "clock": "clock"}


class Refused(Exception):
    """Something a browser asked for that is refused; ``message`` is English words from the
    catalogs, with ``values`` to fill in, so each student reads it in their own language."""

    def __init__(self, message: str, **values):
        super().__init__(message.format(**values) if values else message)
        self.message = message
        self.values = values


class RoomError(Refused):
    """A command the room refuses: not this seat's to give, or not now."""


@dataclass(frozen=True, slots=True)
class Seat:
    team: str  # a role id of the scenario
    place: str  # LEADER, or the id of one of the role's advisors

    @property
    def is_leader(self) -> bool:
        return self.place == LEADER


@dataclass(slots=True)
class Member:
    id: str
    token: str
    name: str
    language: str
    joined: float
    seat: Seat | None = None


@dataclass(frozen=True, slots=True)
class Recommendation:
    member: str
    advisor: str  # the advisor's id (LEADER for a leader's vote)
    choice: str
    reason: str
    at: float


@dataclass(slots=True)
class DayAdvice:
    """What one team heard and decided on one day: kept for the teacher and the debrief."""

    day_index: int
    team: str
    recommendations: list[Recommendation] = field(default_factory=list)
    decided_by: str = ""  # "leader", "vote", "computer" or "clock"
    opened_at: float = 0.0


class Room:
    def __init__(self, code: str, scenario: Scenario, seed: int, teacher_token: str, created: float,
                 clock: Callable[[], float] = time.time):
        self.code = code
        self.scenario = scenario
        self.seed = seed
        self.teacher_token = teacher_token
        self.created = created
        self.clock = clock
        self.members: dict[str, Member] = {}
        self.vote = False
        self.started = False
        self.computer: frozenset[str] = frozenset()
        self.session: Session = machine.start(scenario, seed)
        self.advice: dict[str, DayAdvice] = {}  # team -> today's advice
        self.past_advice: list[DayAdvice] = []
        self.version = 0  # goes up with every change, so a screen knows when to draw again
        self.changed_at = created
        self.view_memo: dict = {}  # the views' shared public part, per version and language (see views)
        self.minutes = DEFAULT_MINUTES  # a day's decision time, unless the day says
        self.letter_minutes = scenario.letter_delay_minutes or DEFAULT_LETTER_MINUTES
        self.timer = DecisionClock()
        self.letters: list[Letter] = []
        self.news: list[dict[str, Any]] = []  # the teacher's injects, as both teams read them (see views)
        self.journal: list[dict[str, Any]] = []  # the session log's lines after its header (game.engine.log)
        self.started_at: float | None = None
        self.ended_early = False
        self.now = created  # the latest server time the room knows: a letter is delivered by it
        self._at = created  # the time of the command being applied

    # --- reading --------------------------------------------------------------------------------
    @property
    def phase(self) -> str:
        """'lobby' before the start, 'deciding' while orders are open, 'resolved' when a day's
        resolution is shown, 'ended' once the ending is."""
        if not self.started:
            return "lobby"
        phase = self.session.phase
        if phase is Phase.ENDED:
            return "ended"
        if phase in (Phase.RESOLUTION, Phase.DAY_END):
            return "resolved"
        return "deciding"

    def member_by_token(self, token: str) -> Member | None:
        for member in self.members.values():
            if member.token == token:
                return member
        return None

    def seated(self, team: str, place: str | None = None) -> list[Member]:
        """The members on a team's seats, in the order they joined (on one seat, with ``place``)."""
        return [m for m in self.members.values()
                if m.seat is not None and m.seat.team == team and (place is None or m.seat.place == place)]

    def leader_of(self, team: str) -> Member | None:
        found = self.seated(team, LEADER)
        return found[0] if found else None

    def played_advisors(self, team: str) -> set[str]:
        return {m.seat.place for m in self.seated(team) if m.seat is not None and not m.seat.is_leader}

    def seats(self, team: str) -> list[Seat]:
        role = self.scenario.roles[team]
        return [Seat(team, LEADER), *(Seat(team, advisor.id) for advisor in role.advisors)]

    def has_decided(self, team: str) -> bool:
        """Whether a team's order for today is in (a team with nothing to choose has nothing to give)."""
        if self.phase != "deciding":
            return self.started
        return self.session.order_of(team) is not None or team not in self.session.waiting_for()

    def votes(self, team: str) -> dict[str, str]:
        """Member -> the choice they vote for today (advisors' recommendations and the leader's vote)."""
        advice = self.advice.get(team)
        return {r.member: r.choice for r in advice.recommendations} if advice else {}

    # --- changing ---------------------------------------------------------------------------------
    def apply(self, command: c.Command, at: float | None = None) -> None:
        """Apply a command, or raise ``RoomError`` and change nothing."""
        handler = _HANDLERS.get(type(command))
        if handler is None:
            raise RoomError(N_("That is not something a room can do."))
        at = self.clock() if at is None else at
        self._at = at
        handler(self, command, at)
        self.version += 1
        self.changed_at = at
        self.now = max(self.now, at)

    def tick(self, now: float) -> bool:
        """The server's time moves on: True when that changes what a screen shows (a letter has
        arrived). The clock running out is a command of its own (``Expire``), so it is kept."""
        arriving = any(self.now < letter.arrives_at <= now for letter in self.letters)
        self.now = max(self.now, now)
        if arriving:
            self.version += 1
        return arriving

    def clock_ran_out(self, now: float) -> bool:
        return self.phase == "deciding" and self.timer.run_out(now)

    @property
    def day_id(self) -> str | None:
        """The id of the day open now (or whose resolution is shown), for the log."""
        if not self.started:
            return None
        state = self.session.state
        if self.phase == "resolved" and state.history:
            return state.history[-1].day_id
        return self.scenario.days[min(state.day_index, len(self.scenario.days) - 1)].id

    def players(self) -> dict[str, str]:
        """Who plays each role, as the log says it."""
        return {team: (COMPUTER_POLICY if team in self.computer else "team") for team in self.scenario.roles}

    def log_lines(self) -> list[dict[str, Any]]:
        """The session log of this room (docs/log-format.md), header first."""
        head = log.header(self.scenario, self.seed, self.players(), "classroom", self.started_at, room=self.code)
        return [head, *self.journal]

    def _member(self, member_id: str) -> Member:
        member = self.members.get(member_id)
        if member is None:
            raise RoomError(N_("You are not in this room; join it again."))
        return member

    def _join(self, command: c.Join, at: float) -> None:
        if command.member in self.members or self.member_by_token(command.token) is not None:
            raise RoomError(N_("That student is already in the room."))
        name = " ".join(command.name.split())[:NAME_LIMIT]
        if not name:
            raise RoomError(N_("Type your name first."))
        self.members[command.member] = Member(command.member, command.token, name, command.language, at)

    def _speak(self, command: c.Speak, at: float) -> None:
        self._member(command.member).language = command.language

    def _sit(self, command: c.Sit, at: float) -> None:
        member = self._member(command.member)
        if command.team is None:
            member.seat = None
            return
        seat = Seat(command.team, command.place or "")
        self._check_seat(seat)
        if member.seat == seat:
            return
        if seat.team in self.computer:
            raise RoomError(N_("The computer plays this team in this game; pick a seat in another team."))
        others = [m for m in self.seated(seat.team, seat.place) if m.id != member.id]
        if seat.is_leader and others:
            raise RoomError(N_("{name} already leads this team."), name=others[0].name)
        if not command.by_teacher and len(others) >= SHARED_SEAT_LIMIT:
            raise RoomError(N_("Two students already share this seat; pick another."))
        member.seat = seat

    def _check_seat(self, seat: Seat) -> None:
        if seat.team not in self.scenario.roles:
            raise RoomError(N_("There is no such team."))
        if seat not in self.seats(seat.team):
            raise RoomError(N_("There is no such seat in this team."))

    def _configure(self, command: c.Configure, at: float) -> None:
        if self.phase == "deciding" and any(self.advice.get(t) and self.advice[t].recommendations
                                            for t in self.scenario.roles):
            raise RoomError(N_("The way teams decide can change between days, not while they are deciding."))
        self.vote = bool(command.vote)

    def _start(self, command: c.Start, at: float) -> None:
        if self.started:
            raise RoomError(N_("The game has already started."))
        for team, role in self.scenario.roles.items():
            if self.seated(team) and self.leader_of(team) is None:
                raise RoomError(N_("{team} has students but no leader yet: seat one first."), team=role.name)
        self.computer = frozenset(team for team in self.scenario.roles if not self.seated(team))
        self.started = True
        self.started_at = at
        self.journal.append(log.control_line(at, self.scenario.days[0].id, "start"))
        self._open_day()

    def _open_day(self) -> None:
        """From the briefing to deliberation, the computer's orders given, the advice emptied,
        the decision clock started."""
        if self.session.phase is Phase.BRIEFING:
            self._engine(Advance())
        self.advice = {team: DayAdvice(self.session.state.day_index, team, opened_at=self._at)
                       for team in self.scenario.roles}
        self.timer.start(60.0 * (self.session.day.minutes or self.minutes), self._at)
        self._computer_orders()
        self._resolve_if_ready()

    def _computer_orders(self) -> None:
        """The computer's orders for the teams it plays that still owe one today."""
        streams = {team: stream for stream, team in enumerate(self.scenario.roles, start=1)}
        for team in self.session.waiting_for():
            if team in self.computer:
                state = self.session.state
                rng = day_random(state.seed, state.day_index, streams[team])
                choice = policy_named(COMPUTER_POLICY).choose(self.scenario, state_seen_by(self.scenario, state, team), team,
                                                             self.session.legal_choices(team), rng)
                self._engine(GiveOrder(team, choice))
                self.advice[team].decided_by = "computer"

    def _engine(self, command) -> None:
        self.session, _ = machine.apply(self.session, command)

    def _resolve_if_ready(self) -> None:
        if self.session.phase not in (Phase.DELIBERATION, Phase.ORDERS) or self.session.waiting_for():
            return
        if self.session.phase is Phase.DELIBERATION:  # nobody had anything to choose today
            self._engine(Advance())
        self._engine(Resolve())
        self.timer.stop()
        self.past_advice.extend(self.advice[team] for team in self.scenario.roles)
        self.journal.append(self._day_line(self.session.state.history[-1]))

    def _day_line(self, record) -> dict[str, Any]:
        today = [self.advice[team] for team in self.scenario.roles]
        recommendations = [log.Recommendation(advice.team, r.advisor, self.members[r.member].name, r.choice, r.reason,
                                              r.at)
                           for advice in today for r in advice.recommendations]
        recommendations.sort(key=lambda r: r.at)
        decided_by = {advice.team: DECIDED_BY[advice.decided_by] for advice in today if advice.decided_by}
        return log.day_line(self.scenario, record, self.players(), opened_at=today[0].opened_at,
                            resolved_at=self._at, decided_by=decided_by, recommendations=recommendations)

    def _deciding_member(self, member_id: str, leader: bool) -> tuple[Member, str]:
        """The member acting for their team today; raises when they may not."""
        member = self._member(member_id)
        if member.seat is None:
            raise RoomError(N_("Take a seat first."))
        if self.phase != "deciding":
            raise RoomError(N_("Orders are not open now."))
        team = member.seat.team
        if leader and not member.seat.is_leader:
            raise RoomError(N_("Only the team's leader gives the order."))
        if not leader and member.seat.is_leader:
            raise RoomError(N_("The leader gives the order; advisors recommend."))
        if team not in self.session.waiting_for() and self.session.order_of(team) is None:
            raise RoomError(N_("Your team has nothing to decide today."))
        return member, team

    def _legal(self, team: str, choice: str) -> None:
        if choice not in {option.id for option in self.session.legal_choices(team)}:
            raise RoomError(N_("That choice is not open to your team today."))

    def _recommend(self, command: c.Recommend, at: float) -> None:
        member, team = self._deciding_member(command.member, leader=False)
        self._legal(team, command.choice)
        reason = command.reason.strip()
        if len(reason) > REASON_LIMIT:
            raise RoomError(N_("A reason is at most {limit} characters."), limit=REASON_LIMIT)
        if self.session.order_of(team) is not None:
            raise RoomError(N_("Your team's order is already given."))
        assert member.seat is not None  # _deciding_member found them in a seat
        self._record(team, Recommendation(member.id, member.seat.place, command.choice, reason, at))
        if self.vote:
            self._count_votes(team, closing=False)

    def _record(self, team: str, recommendation: Recommendation) -> None:
        advice = self.advice[team]
        advice.recommendations = [r for r in advice.recommendations if r.member != recommendation.member]
        advice.recommendations.append(recommendation)

    def _order(self, command: c.Order, at: float) -> None:
        member, team = self._deciding_member(command.member, leader=True)
        self._legal(team, command.choice)
        if not self.vote:
            self._engine(GiveOrder(team, command.choice))
            self.advice[team].decided_by = "leader"
            self._resolve_if_ready()
            return
        if self.session.order_of(team) is not None:
            raise RoomError(N_("Your team's order is already given."))
        self._record(team, Recommendation(member.id, LEADER, command.choice, "", at))
        self._count_votes(team, closing=False)

    def _withdraw(self, command: c.Withdraw, at: float) -> None:
        member, team = self._deciding_member(command.member, leader=True)
        if self.session.order_of(team) is None:
            raise RoomError(N_("There is no order to take back."))
        self._engine(WithdrawOrder(team))
        self.advice[team].decided_by = ""

    def _decide(self, command: c.Decide, at: float) -> None:
        member, team = self._deciding_member(command.member, leader=True)
        if not self.vote:
            raise RoomError(N_("This room does not vote: the leader gives the order."))
        if self.session.order_of(team) is not None:
            raise RoomError(N_("Your team's order is already given."))
        if not self.votes(team):
            raise RoomError(N_("Nobody has voted yet."))
        self._count_votes(team, closing=True)

    def _count_votes(self, team: str, closing: bool) -> None:
        """Give the order when every student of the team has voted (or the leader closes the vote):
        the majority's choice, and on a tie the leader's vote among the tied; a tie the leader's
        vote does not break waits for the leader to vote again."""
        votes = self.votes(team)
        voters = {m.id for m in self.seated(team)}
        if not closing and not voters <= set(votes):
            return
        leader = self.leader_of(team)
        choice = majority(votes.values(), votes.get(leader.id) if leader else None)
        if choice is None:
            if closing:
                raise RoomError(N_("The vote is tied: vote for one of the tied choices to break the tie."))
            return
        self._engine(GiveOrder(team, choice))
        self.advice[team].decided_by = "vote"
        self._resolve_if_ready()

    def _next_day(self, command: c.NextDay, at: float) -> None:
        if self.phase != "resolved":
            raise RoomError(N_("The day is not resolved yet."))
        if self.session.phase is Phase.RESOLUTION:
            self._engine(Advance())
        self._engine(Advance())  # to the next day's briefing, or to the ending
        if self.session.phase is Phase.BRIEFING:
            self._open_day()
        elif self.session.phase is Phase.ENDED:
            self.journal.append(log.ending_line(at, self.session.state.ending, False))

    # --- the teacher's console ----------------------------------------------------------------------
    def _playing(self) -> None:
        if not self.started:
            raise RoomError(N_("The game has not started yet."))
        if self.phase == "ended":
            raise RoomError(N_("The game has ended."))

    def _timing(self, command: c.Timing, at: float) -> None:
        for value in (command.minutes, command.letter_minutes):
            if value is not None and not (0 < value <= 240):
                raise RoomError(N_("A time is a number of minutes between 0 and 240."))
        if command.minutes is not None:
            self.minutes = float(command.minutes)
        if command.letter_minutes is not None:
            self.letter_minutes = float(command.letter_minutes)

    def _pause(self, command: c.Pause, at: float) -> None:
        self._playing()
        if self.timer.paused:
            raise RoomError(N_("The clock is already paused."))
        self.timer.pause(at)
        self.journal.append(log.control_line(at, self.day_id, "pause"))

    def _resume(self, command: c.Resume, at: float) -> None:
        self._playing()
        if not self.timer.paused:
            raise RoomError(N_("The clock is not paused."))
        self.timer.resume(at)
        self.journal.append(log.control_line(at, self.day_id, "resume"))

    def _add_time(self, command: c.AddTime, at: float) -> None:
        self._playing()
        if self.phase != "deciding" or not self.timer.ticking:
            raise RoomError(N_("Time can be added while the teams decide."))
        if not 0 < command.seconds <= MAX_ADDED_SECONDS:
            raise RoomError(N_("Add between one second and an hour."))
        self.timer.add(command.seconds)
        self.journal.append(log.control_line(at, self.day_id, "add_time", seconds=command.seconds))

    def _expire(self, command: c.Expire, at: float) -> None:
        """The time is up: each team still deciding gets the day's default order (game.engine.clock)."""
        if not self.clock_ran_out(at):
            raise RoomError(N_("The clock has not run out."))
        self.timer.stop()
        for team in self.session.waiting_for():
            choice = default_among(self.scenario, self.session.state, team, self.session.legal_choices(team))
            assert choice is not None  # a team waited for has a choice open
            self._engine(GiveOrder(team, choice))
            self.advice[team].decided_by = "clock"
        self._resolve_if_ready()

    def _undo(self, command: c.Undo, at: float) -> None:
        self._playing()
        if not self.session.earlier:
            raise RoomError(N_("There is no resolved day to take back."))
        undone = self.session.earlier[-1].day_index
        self._engine(UndoLastDay())
        self.past_advice = [advice for advice in self.past_advice if advice.day_index != undone]
        self.journal.append(log.control_line(at, self.scenario.days[undone].id, "undo"))
        self._open_day()

    def _end(self, command: c.End, at: float) -> None:
        """The game ends now, with the ending the calendar's end would bring from here."""
        self._playing()
        state = self.session.state
        ending = state.ending or reached_ending(self.scenario, state.values, final=True)
        self.journal.append(log.control_line(at, self.day_id, "end", ending=ending))
        self._finish(ending, early=state.ending is None)  # an ending already reached is no early one

    def _finish(self, ending: str | None, early: bool) -> None:
        self.session = replace(self.session, state=replace(self.session.state, ending=ending), phase=Phase.ENDED)
        self.timer.stop()
        self.ended_early = early
        self.journal.append(log.ending_line(self._at, ending, early))

    def _inject(self, inject: injects.Inject, at: float, fields: dict[str, Any], news: dict[str, Any]) -> None:
        """An inject, applied before today's orders resolve, logged and told to both teams."""
        self._playing()
        if self.phase != "deciding":
            raise RoomError(N_("Injects are for while the teams decide: open the next day first."))
        try:
            state = injects.apply_inject(self.scenario, self.session.state, inject)
        except injects.IllegalInject as error:
            raise RoomError(N_("That inject cannot be applied: {why}."), why=str(error)) from None
        moves = not isinstance(inject, injects.NewsFlash)
        self.session = replace(self.session, state=state)
        self.journal.append(log.inject_line(self.scenario, at, self.day_id, fields.pop("inject"),
                                            state.values if moves else None, **fields))
        self.news.append({"at": at, "day_index": state.day_index, **news})
        if state.ending is not None:
            self._finish(state.ending, early=False)
            return
        self._orders_still_open()
        self._resolve_if_ready()

    def _orders_still_open(self) -> None:
        """An order the inject has closed (its ``requires`` no longer holds) is taken back: a
        team decides again, the computer chooses again."""
        for team, choice in list(self.session.orders):
            if choice is not None and find_legal(self.scenario, self.session.state, team, choice) is None:
                self._engine(WithdrawOrder(team))
                self.advice[team].decided_by = ""
        self._computer_orders()

    def _inject_event(self, command: c.InjectEvent, at: float) -> None:
        self._inject(injects.FireEvent(command.event), at, {"inject": "event", "event": command.event},
                     {"kind": "event", "event": command.event})

    def _inject_news(self, command: c.InjectNews, at: float) -> None:
        text = plain_text(command.text, NEWS_LIMIT)
        self._inject(injects.NewsFlash(text), at, {"inject": "news", "text": text}, {"kind": "news", "text": text})

    def _inject_meter(self, command: c.InjectMeter, at: float) -> None:
        reason = plain_text(command.reason, NEWS_LIMIT)
        self._inject(injects.MoveMeter(command.meter, command.by, reason), at,
                     {"inject": "meter", "meter": command.meter, "by": command.by, "reason": reason},
                     {"kind": "meter", "meter": command.meter, "by": command.by, "reason": reason})

    def _send(self, command: c.Send, at: float) -> None:
        """A leader's letter (delivered after the room's delay) or public statement (at once)."""
        member = self._member(command.member)
        self._playing()
        if member.seat is None or not member.seat.is_leader:
            raise RoomError(N_("Only the team's leader writes to the other team."))
        team = member.seat.team
        others = [role for role in self.scenario.roles if role != team]
        to = command.to or others[0]
        if to not in others:
            raise RoomError(N_("There is no such team to write to."))
        text = plain_text(command.text)
        if not text:
            raise RoomError(N_("Write something first."))
        today = self.session.state.day_index
        mine = [letter for letter in self.letters if letter.sender == team]
        if sum(1 for letter in mine if letter.day_index == today) >= MESSAGES_PER_DAY:
            raise RoomError(N_("Your team has sent {count} messages today, the most a day allows."),
                            count=MESSAGES_PER_DAY)
        if mine and at - mine[-1].at < MESSAGE_GAP:
            raise RoomError(N_("Wait a few seconds before the next message."))
        arrives = at if command.public else at + 60.0 * self.letter_minutes
        letter = Letter(len(self.letters) + 1, team, "all" if command.public else to, command.public, text,
                        member.name, at, arrives, today)
        self.letters.append(letter)
        self.journal.append(log.message_line(at, self.day_id, team, letter.to, letter.public, text, arrives,
                                             member.name))


def majority(votes: Iterable[str], tie_breaker: str | None) -> str | None:
    """The choice with the most votes; on a tie the tie-breaker's, if it is among the tied."""
    counts = Counter(votes)
    if not counts:
        return None
    most = max(counts.values())
    tied = [choice for choice, count in counts.items() if count == most]
    if len(tied) == 1:
        return tied[0]
    return tie_breaker if tie_breaker in tied else None


_HANDLERS: dict[type, Callable] = {
    c.Join: Room._join, c.Speak: Room._speak, c.Sit: Room._sit, c.Configure: Room._configure,
    c.Start: Room._start, c.Recommend: Room._recommend, c.Order: Room._order, c.Withdraw: Room._withdraw,
    c.Decide: Room._decide, c.NextDay: Room._next_day, c.Timing: Room._timing, c.Pause: Room._pause,
    c.Resume: Room._resume, c.AddTime: Room._add_time, c.Expire: Room._expire, c.Undo: Room._undo, c.End: Room._end,
    c.InjectEvent: Room._inject_event, c.InjectNews: Room._inject_news, c.InjectMeter: Room._inject_meter,
    c.Send: Room._send,
}
