"""Reading a session log back (version 1 or 2, see docs/log-format.md), for the debrief report.

A log comes from a classroom's download, a colleague's mail or a USB stick: it is untrusted
input. Every line is checked for its shape before anything uses it, and every problem is one
``file:line: error: ...`` message (``LogError`` carries them all), never a traceback. What is
read is frozen dataclasses; the ``undo`` controls are already applied (the undone day, and the
injects given after it was resolved, are dropped), so a reader sees the game as it stands.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from typing import Any
from collections.abc import Mapping

from game.engine.log import LOG_FORMAT, LOG_VERSION
from game.files import MEGABYTE, read_regular_file

READABLE_VERSIONS = tuple(range(1, LOG_VERSION + 1))  # every version the writer has ever written
SIZE_LIMIT = 32 * MEGABYTE
MAX_TEXT = 20_000  # a reason, a letter or a news flash longer than this is not what the game wrote
DECIDED_BY = ("player", "team", "vote", "clock", "computer")
CONTROL_ACTIONS = ("start", "pause", "resume", "add_time", "undo", "end")
INJECT_KINDS = ("event", "news", "meter")


@dataclass(frozen=True, slots=True)
class Recommendation:
    role: str
    advisor: str
    student: str
    choice: str
    reason: str
    at: str


@dataclass(frozen=True, slots=True)
class DayLine:
    """A resolved day, as logged."""

    line: int
    day: str
    date: str
    orders: Mapping[str, str | None]
    decided_by: Mapping[str, str]
    recommendations: tuple[Recommendation, ...]
    interactions: tuple[str, ...]
    events: tuple[str, ...]
    values: Mapping[str, Any]
    ending: str | None
    opened_at: str = ""
    resolved_at: str = ""


@dataclass(frozen=True, slots=True)
class InjectLine:
    """Something the teacher did to the game: fired an event, sent news, moved a meter."""

    line: int
    at: str
    day: str
    inject: str  # "event", "news" or "meter"
    event: str = ""
    text: str = ""
    meter: str = ""
    by: float = 0.0
    reason: str = ""
    values: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class MessageLine:
    """A letter (private, arrives later) or a public statement between the teams."""

    line: int
    at: str
    day: str  # the day open when it was sent; empty before the first day or after the last
    sender: str
    to: str
    public: bool
    text: str
    arrives_at: str
    author: str


@dataclass(frozen=True, slots=True)
class ControlLine:
    line: int
    at: str
    day: str
    action: str
    seconds: float = 0.0
    ending: str | None = None


@dataclass(frozen=True, slots=True)
class SessionLog:
    """A whole log, with undone days taken out."""

    path: str
    version: int
    scenario: str
    digest: str
    seed: int
    players: Mapping[str, str]
    initial: Mapping[str, Any]
    front_end: str
    room: str
    started: str
    days: tuple[DayLine, ...]
    injects: tuple[InjectLine, ...]
    messages: tuple[MessageLine, ...]
    controls: tuple[ControlLine, ...]
    ending: str | None  # the ending reached (from the last day, an ending line or an early end)
    ended_early: bool
    entries: tuple[DayLine | InjectLine | MessageLine | ControlLine, ...]  # in the order they happened

    def decided_by(self, day: DayLine, role: str) -> str:
        """Who gave a role's order; version 1 logs say only who played the seat."""
        if role in day.decided_by:
            return day.decided_by[role]
        return "player" if self.players.get(role) in ("human", "team", "player") else "computer"


class LogError(ValueError):
    """A log that cannot be read; ``messages`` holds every ``file:line: error: ...`` line."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


class _Bad(ValueError):
    """One problem with one line (the reader adds the file and line)."""


# --- reading -------------------------------------------------------------------------------------
def read_log(path: str | os.PathLike) -> SessionLog:
    """The log at ``path``; raises ``LogError`` listing every problem found."""
    name = os.fspath(path)
    try:
        data = read_regular_file(path, SIZE_LIMIT)
    except OSError as error:
        raise LogError([f"{name}: error: cannot read the log: {error.strerror or error}"]) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise LogError([f"{name}:{line}: error: not UTF-8 text"]) from None
    return parse_log(text, name)


def parse_log(text: str, name: str = "<log>") -> SessionLog:
    """Parse a log's text; ``name`` is used in the messages."""
    problems: list[str] = []
    lines = [(number, raw) for number, raw in enumerate(text.splitlines(), start=1) if raw.strip()]
    if not lines:
        raise LogError([f"{name}:1: error: the log is empty"])
    objects: list[tuple[int, dict]] = []
    for number, raw in lines:
        try:
            value = json.loads(raw, parse_constant=_no_constant)
        except (ValueError, RecursionError) as error:
            problems.append(f"{name}:{number}: error: not a JSON line ({_short(error)})")
            continue
        if not isinstance(value, dict):
            problems.append(f"{name}:{number}: error: a log line is a JSON object, not {_kind(value)}")
            continue
        objects.append((number, value))
    if not objects:
        raise LogError(problems)
    header_number, header = objects[0]
    if header_number != lines[0][0]:
        raise LogError(problems)
    try:
        head = _header(header)
    except _Bad as error:
        raise LogError(problems + [f"{name}:{header_number}: error: {error}"]) from None
    entries: list = []
    ending_line: str | None = None
    ended_early = False
    for number, value in objects[1:]:
        try:
            kind = value.get("kind", "day" if head["version"] == 1 or "orders" in value else None)
            if head["version"] == 1 and kind != "day":
                raise _Bad("a version 1 log holds only days")
            if kind == "day":
                entries.append(_day(number, value))
            elif kind == "inject":
                entries.append(_inject(number, value))
            elif kind == "message":
                entries.append(_message(number, value))
            elif kind == "control":
                control = _control(number, value)
                if control.action == "undo":
                    _undo(entries, number)
                else:
                    entries.append(control)
                    if control.action == "end":
                        ended_early, ending_line = True, control.ending or ending_line
            elif kind == "ending":  # an early end may have reached no ending: "ending": null
                ending_line = _optional(value, "ending", str, "") or ending_line
                ended_early = ended_early or bool(_optional(value, "early", bool, False))
            else:
                raise _Bad(f"unknown kind {kind!r} (one of day, inject, message, control, ending)")
        except _Bad as error:
            problems.append(f"{name}:{number}: error: {error}")
    if problems:
        raise LogError(sorted(problems, key=_line_number))
    days = tuple(entry for entry in entries if isinstance(entry, DayLine))
    ending = ending_line or (days[-1].ending if days else None)
    return SessionLog(
        path=name, version=head["version"], scenario=head["scenario"], digest=head["digest"], seed=head["seed"],
        players=head["players"], initial=head["initial"], front_end=head["front_end"], room=head["room"],
        started=head["started"], days=days,
        injects=tuple(entry for entry in entries if isinstance(entry, InjectLine)),
        messages=tuple(entry for entry in entries if isinstance(entry, MessageLine)),
        controls=tuple(entry for entry in entries if isinstance(entry, ControlLine)),
        ending=ending, ended_early=ended_early, entries=tuple(entries))


def _undo(entries: list, number: int) -> None:
    """Drop the latest day, and the injects given after it was resolved (they were taken back with it)."""
    for index in range(len(entries) - 1, -1, -1):
        if isinstance(entries[index], DayLine):
            entries[index:] = [entry for entry in entries[index + 1:] if not isinstance(entry, InjectLine)]
            return
    raise _Bad("an undo with no day before it to take back")


def _header(value: dict) -> dict:
    if value.get("format") != LOG_FORMAT:
        raise _Bad(f"not a session log (the first line's \"format\" is not \"{LOG_FORMAT}\")")
    version = value.get("version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        raise _Bad(f"log version {version!r} is not one this game reads "
                   f"({' or '.join(str(known) for known in READABLE_VERSIONS)})")
    seed = value.get("seed")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise _Bad("\"seed\" must be a whole number")
    return {"version": version, "scenario": _text(value, "scenario"), "digest": _optional(value, "digest", str, ""),
            "seed": seed, "players": _names(value, "players"), "initial": _values(value, "initial"),
            "front_end": _optional(value, "front_end", str, ""), "room": _optional(value, "room", str, ""),
            "started": _optional(value, "started", str, "")}


def _day(number: int, value: dict) -> DayLine:
    orders = value.get("orders")
    if not isinstance(orders, dict) or not all(isinstance(k, str) and (v is None or isinstance(v, str))
                                               for k, v in orders.items()):
        raise _Bad("\"orders\" must map each role to a choice id (or null)")
    recommendations = value.get("recommendations", [])
    if not isinstance(recommendations, list):
        raise _Bad("\"recommendations\" must be a list")
    decided = _names(value, "decided_by", required=False)
    for role, who in decided.items():
        if who not in DECIDED_BY:
            raise _Bad(f"\"decided_by\" of {role} is {who!r}, not one of {', '.join(DECIDED_BY)}")
    ending = value.get("ending")
    if ending is not None and not isinstance(ending, str):
        raise _Bad("\"ending\" must be an ending id or null")
    return DayLine(line=number, day=_text(value, "day"), date=_optional(value, "date", str, ""), orders=dict(orders),
                   decided_by=decided, recommendations=tuple(_recommendation(item) for item in recommendations),
                   interactions=_ids(value, "interactions"), events=_ids(value, "events"),
                   values=_values(value, "values"), ending=ending,
                   opened_at=_optional(value, "opened_at", str, ""), resolved_at=_optional(value, "resolved_at", str, ""))


def _recommendation(item: Any) -> Recommendation:
    if not isinstance(item, dict):
        raise _Bad("each recommendation must be an object")
    return Recommendation(role=_text(item, "role"), advisor=_text(item, "advisor"),
                          student=_optional(item, "student", str, ""), choice=_text(item, "choice"),
                          reason=_optional(item, "reason", str, ""), at=_optional(item, "at", str, ""))


def _inject(number: int, value: dict) -> InjectLine:
    kind = value.get("inject")
    common = {"line": number, "at": _optional(value, "at", str, ""), "day": _text(value, "day")}
    if kind == "event":
        return InjectLine(inject="event", event=_text(value, "event"), values=_values(value, "values"), **common)
    if kind == "news":
        return InjectLine(inject="news", text=_text(value, "text"), **common)
    if kind == "meter":
        by = value.get("by")
        if isinstance(by, bool) or not isinstance(by, (int, float)) or not math.isfinite(by):
            raise _Bad("a meter inject's \"by\" must be a number")
        return InjectLine(inject="meter", meter=_text(value, "meter"), by=by, reason=_text(value, "reason"),
                          values=_values(value, "values"), **common)
    raise _Bad(f"\"inject\" is {kind!r}, not one of {', '.join(INJECT_KINDS)}")


def _message(number: int, value: dict) -> MessageLine:
    public = value.get("public")
    if not isinstance(public, bool):
        raise _Bad("a message's \"public\" must be true or false")
    at = _optional(value, "at", str, "")
    return MessageLine(line=number, at=at, day=_optional(value, "day", str, ""), sender=_text(value, "from"),
                       to=_text(value, "to"),
                       public=public, text=_text(value, "text"), arrives_at=_optional(value, "arrives_at", str, at),
                       author=_optional(value, "author", str, ""))


def _control(number: int, value: dict) -> ControlLine:
    action = value.get("action")
    if action not in CONTROL_ACTIONS:
        raise _Bad(f"\"action\" is {action!r}, not one of {', '.join(CONTROL_ACTIONS)}")
    seconds = value.get("seconds", 0)
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not math.isfinite(seconds):
        raise _Bad("\"seconds\" must be a number")
    ending = value.get("ending")
    if ending is not None and not isinstance(ending, str):
        raise _Bad("\"ending\" must be an ending id")
    return ControlLine(line=number, at=_optional(value, "at", str, ""), day=_optional(value, "day", str, ""),
                       action=action, seconds=seconds, ending=ending)


# --- field checks ----------------------------------------------------------------------------------
def _text(value: dict, key: str) -> str:
    item = value.get(key)
    if not isinstance(item, str) or not item:
        raise _Bad(f"\"{key}\" must be a non-empty text" if key in value else f"\"{key}\" is missing")
    if len(item) > MAX_TEXT:
        raise _Bad(f"\"{key}\" is longer than {MAX_TEXT} characters")
    return item


def _optional(value: dict, key: str, kind: type, default: Any) -> Any:
    item = value.get(key, default)
    if item is None:
        return default
    if not isinstance(item, kind) or (kind is not bool and isinstance(item, bool)):
        raise _Bad(f"\"{key}\" must be {'true or false' if kind is bool else 'a text'}")
    if isinstance(item, str) and len(item) > MAX_TEXT:
        raise _Bad(f"\"{key}\" is longer than {MAX_TEXT} characters")
    return item


def _names(value: dict, key: str, required: bool = True) -> dict[str, str]:
    item = value.get(key)
    if item is None and not required:
        return {}
    if not isinstance(item, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in item.items()):
        raise _Bad(f"\"{key}\" must map each role to a text")
    return dict(item)


def _ids(value: dict, key: str) -> tuple[str, ...]:
    item = value.get(key, [])
    if not isinstance(item, list) or not all(isinstance(v, str) for v in item):
        raise _Bad(f"\"{key}\" must be a list of ids")
    return tuple(item)


def _values(value: dict, key: str) -> dict[str, Any]:
    item = value.get(key)
    if not isinstance(item, dict):
        raise _Bad(f"\"{key}\" must map each meter to its value")
    for name, number in item.items():
        if not isinstance(number, (int, float, bool)):
            raise _Bad(f"\"{key}\": the value of {name!r} must be a number or true/false")
    return dict(item)


def _line_number(message: str) -> int:
    """The line of a ``file:line: error: ...`` message, to list them in the file's order."""
    place = message.split(": error: ", 1)[0]
    number = place.rsplit(":", 1)[-1]
    return int(number) if number.isdigit() else 0


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _short(error: Exception) -> str:
    return str(error).split(":")[0] if isinstance(error, json.JSONDecodeError) else str(error)


def _kind(value: Any) -> str:
    return {list: "a list", str: "a text", int: "a number", float: "a number", bool: "true/false"}.get(
        type(value), "null")

