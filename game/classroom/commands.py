"""What can happen in a room, as small values: the room applies them and the store keeps them.

A room is its list of commands: replaying them in order rebuilds it exactly, seats, tokens,
recommendations and the engine's session alike, which is how a room comes back after the host
restarts. Each command is stored as one JSON object with a ``kind``; a command carries the
member it acts for, already checked by the server (a student acts only for their own seat).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Join:
    """A student arrives: their member id and token are drawn by the server and kept here."""

    member: str
    token: str
    name: str
    language: str


@dataclass(frozen=True, slots=True)
class Speak:
    """A student changes the language of their screen."""

    member: str
    language: str


@dataclass(frozen=True, slots=True)
class Sit:
    """A member takes a seat (``team`` and ``place``: 'leader' or an advisor id), or stands up
    (both None). ``by_teacher``: the teacher seats them, and may put a third student on a seat."""

    member: str
    team: str | None
    place: str | None
    by_teacher: bool = False


@dataclass(frozen=True, slots=True)
class Configure:
    """The room's settings; ``vote``: each team votes and the majority gives the order."""

    vote: bool


@dataclass(frozen=True, slots=True)
class Start:
    """The teacher starts the game: the first day opens; a team nobody sits in is played by the computer."""


@dataclass(frozen=True, slots=True)
class Recommend:
    """An advisor recommends one of today's choices, with a reason (a vote, when the team votes)."""

    member: str
    choice: str
    reason: str


@dataclass(frozen=True, slots=True)
class Order:
    """The leader gives the team's order (their vote, when the team votes)."""

    member: str
    choice: str


@dataclass(frozen=True, slots=True)
class Withdraw:
    """The leader takes back the order given, while the other team is still deciding."""

    member: str


@dataclass(frozen=True, slots=True)
class Decide:
    """When the team votes: the leader closes the vote with the votes cast so far."""

    member: str


@dataclass(frozen=True, slots=True)
class NextDay:
    """The teacher moves on from a day's resolution: to the next day, or to the ending."""


@dataclass(frozen=True, slots=True)
class Timing:
    """The room's decision time per day and a letter's delay, in minutes (None: unchanged). The
    room's first command carries the host's ``--minutes``; the teacher may change both later."""

    minutes: float | None = None
    letter_minutes: float | None = None


@dataclass(frozen=True, slots=True)
class Pause:
    """The teacher stops the decision clock."""


@dataclass(frozen=True, slots=True)
class Resume:
    """The teacher lets the decision clock run again."""


@dataclass(frozen=True, slots=True)
class AddTime:
    """The teacher gives the teams more time today."""

    seconds: int


@dataclass(frozen=True, slots=True)
class Expire:
    """The decision time has run out (the server's clock noticed): undecided teams get the default order."""


@dataclass(frozen=True, slots=True)
class Undo:
    """The teacher takes back the last resolved day: its orders open again."""


@dataclass(frozen=True, slots=True)
class End:
    """The teacher ends the game early: the ending is the one the calendar's end would bring now."""


@dataclass(frozen=True, slots=True)
class InjectEvent:
    """The teacher fires one of the scenario's events now."""

    event: str


@dataclass(frozen=True, slots=True)
class InjectNews:
    """The teacher sends both teams a news flash of their own writing."""

    text: str


@dataclass(frozen=True, slots=True)
class InjectMeter:
    """The teacher moves a meter by an amount, for a reason both teams are told."""

    meter: str
    by: float
    reason: str


@dataclass(frozen=True, slots=True)
class Send:
    """A team's leader writes to the other team: a private letter (delivered after the room's
    delay) or a public statement (everyone reads it at once)."""

    member: str
    text: str
    public: bool
    to: str | None = None  # the team written to (None: the other team)


Command = (Join | Speak | Sit | Configure | Start | Recommend | Order | Withdraw | Decide | NextDay | Timing | Pause
           | Resume | AddTime | Expire | Undo | End | InjectEvent | InjectNews | InjectMeter | Send)

KINDS: dict[str, type] = {"join": Join, "speak": Speak, "sit": Sit, "configure": Configure, "start": Start,
                          "recommend": Recommend, "order": Order, "withdraw": Withdraw, "decide": Decide,
                          "next_day": NextDay, "timing": Timing, "pause": Pause, "resume": Resume,
                          "add_time": AddTime, "expire": Expire, "undo": Undo, "end": End,
                          "inject_event": InjectEvent, "inject_news": InjectNews, "inject_meter": InjectMeter,
                          "send": Send}
_KIND_OF = {kind: name for name, kind in KINDS.items()}


class BadRecord(ValueError):
    """A stored command that cannot be read back (a damaged or foreign store)."""


def to_record(command: Command) -> dict[str, Any]:
    return {"kind": _KIND_OF[type(command)], **dataclasses.asdict(command)}


def from_record(record: Any) -> Command:
    if not isinstance(record, dict) or record.get("kind") not in KINDS:
        raise BadRecord(f"not a room command: {record!r:.80}")
    kind = KINDS[record["kind"]]
    values = {key: value for key, value in record.items() if key != "kind"}
    try:
        return kind(**values)
    except TypeError as error:
        raise BadRecord(f"a '{record['kind']}' command with the wrong fields: {error}") from None
