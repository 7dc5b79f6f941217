"""The messages a browser may send, checked at the edge before anything else reads them.

Every message is one JSON object with a ``type`` (and optionally ``v``, the protocol version,
which must be 1). Each type has a fixed set of fields, each of a fixed kind and size; a field
not listed, a missing one, a wrong kind, a text too long, a frame too large or not JSON at all
is refused with a ``ProtocolError`` naming the problem, before the room sees it. Who may send
what (a student only for their own seat, the teacher's commands only with the teacher's token)
and when (the phase) is for the server and the room to check.

Server to browser: ``state`` (a view, see ``views``), ``welcome`` (a seat token), ``log`` (the
session log, to the teacher who asked), ``error``.
The teacher's console (the clock, injects, the log) and letters between teams came as new
types in the same version: a browser that never sends them is served as before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import math

from game.classroom.letters import MESSAGE_LIMIT
from game.classroom.room import MAX_ADDED_SECONDS, NAME_LIMIT, NEWS_LIMIT, REASON_LIMIT, Refused
from game.i18n import N_

VERSION = 1
MAX_FRAME_BYTES = 4096  # a 500-character reason in any script fits with room to spare
ID_LIMIT = 64
TOKEN_LIMIT = 64
LANGUAGE_LIMIT = 16


class ProtocolError(Refused):
    """A message refused at the edge, before the room sees it: not JSON, or not of its type's shape."""


@dataclass(frozen=True, slots=True)
class Text:
    limit: int
    required: bool = True
    empty: bool = False  # an empty text is allowed


@dataclass(frozen=True, slots=True)
class Flag:
    pass


@dataclass(frozen=True, slots=True)
class Number:
    """A finite number within bounds (``whole``: an integer); absent or null when not ``required``."""

    minimum: float
    maximum: float
    whole: bool = False
    required: bool = True


@dataclass(frozen=True, slots=True)
class OptionalId:
    """An id, or null (a seat's team and place: null stands up)."""


ROOM = Text(16)
SCHEMAS: dict[str, dict[str, Any]] = {
    # anyone, as the first message of a connection
    "join": {"room": ROOM, "name": Text(NAME_LIMIT * 2), "lang": Text(LANGUAGE_LIMIT, required=False)},
    "resume": {"room": ROOM, "token": Text(TOKEN_LIMIT), "lang": Text(LANGUAGE_LIMIT, required=False)},
    "watch": {"room": ROOM, "lang": Text(LANGUAGE_LIMIT, required=False)},
    # a student, for their own seat
    "lang": {"lang": Text(LANGUAGE_LIMIT)},
    "sit": {"team": OptionalId(), "place": OptionalId()},
    "recommend": {"choice": Text(ID_LIMIT), "reason": Text(REASON_LIMIT, empty=True)},
    "order": {"choice": Text(ID_LIMIT)},
    "withdraw": {},
    "decide": {},
    "send": {"text": Text(MESSAGE_LIMIT), "public": Flag(), "to": OptionalId()},
    # the teacher
    "seat": {"member": Text(ID_LIMIT), "team": OptionalId(), "place": OptionalId()},
    "configure": {"vote": Flag()},
    "start": {},
    "next_day": {},
    "pause": {},
    "resume_clock": {},
    "add_time": {"seconds": Number(1, MAX_ADDED_SECONDS, whole=True)},
    "undo": {},
    "end": {},
    "timing": {"minutes": Number(0.5, 240, required=False), "letter_minutes": Number(0.1, 240, required=False)},
    "inject_event": {"event": Text(ID_LIMIT)},
    "inject_news": {"text": Text(NEWS_LIMIT)},
    "inject_meter": {"meter": Text(ID_LIMIT), "by": Number(-1e6, 1e6), "reason": Text(NEWS_LIMIT)},
    "get_log": {},
    "get_report": {},
}
OPENING = ("join", "resume", "watch")
TEACHER_ONLY = ("seat", "configure", "start", "next_day", "pause", "resume_clock", "add_time", "undo", "end", "timing",
                "inject_event", "inject_news", "inject_meter", "get_log", "get_report")


@dataclass(frozen=True, slots=True)
class Message:
    type: str
    fields: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.fields.get(key)


def parse(frame: str | bytes) -> Message:
    """A checked message from one websocket frame, or ``ProtocolError``."""
    size = len(frame.encode("utf-8")) if isinstance(frame, str) else len(frame)
    if size > MAX_FRAME_BYTES:
        raise ProtocolError(N_("That message is too large ({size} bytes; the limit is {limit})."),
                            size=size, limit=MAX_FRAME_BYTES)
    try:
        data = json.loads(frame)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise ProtocolError(N_("That message is not JSON.")) from None
    if not isinstance(data, dict):
        raise ProtocolError(N_("A message is a JSON object with a 'type'."))
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in SCHEMAS:
        raise ProtocolError(N_("Unknown message type."))
    if "v" in data and (data["v"] != VERSION or isinstance(data["v"], bool)):
        raise ProtocolError(N_("This server speaks protocol version {version}."), version=VERSION)
    schema = SCHEMAS[kind]
    unknown = set(data) - set(schema) - {"type", "v"}
    if unknown:
        raise ProtocolError(N_("Unexpected field '{field}' in a '{type}' message."),
                            field=sorted(unknown)[0][:32], type=kind)
    fields = {}
    for name, rule in schema.items():
        fields[name] = _check(kind, name, rule, data.get(name), name in data)
    return Message(kind, fields)


def _check(kind: str, name: str, rule: Any, value: Any, present: bool) -> Any:
    if isinstance(rule, Text):
        if not present or value is None:
            if rule.required:
                raise ProtocolError(N_("A '{type}' message needs '{field}'."), type=kind, field=name)
            return None
        if not isinstance(value, str):
            raise ProtocolError(N_("'{field}' must be text."), field=name)
        if len(value) > rule.limit:
            raise ProtocolError(N_("'{field}' is too long (at most {limit} characters)."), field=name, limit=rule.limit)
        if not value.strip() and not rule.empty:
            raise ProtocolError(N_("'{field}' is empty."), field=name)
        return value
    if isinstance(rule, Flag):
        if not isinstance(value, bool):
            raise ProtocolError(N_("'{field}' must be true or false."), field=name)
        return value
    if isinstance(rule, Number):
        if not present or value is None:
            if rule.required:
                raise ProtocolError(N_("A '{type}' message needs '{field}'."), type=kind, field=name)
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                or (rule.whole and value != int(value)):
            raise ProtocolError(N_("'{field}' must be a number."), field=name)
        if not rule.minimum <= value <= rule.maximum:
            raise ProtocolError(N_("'{field}' must be between {minimum} and {maximum}."), field=name,
                                minimum=f"{rule.minimum:g}", maximum=f"{rule.maximum:g}")
        return int(value) if rule.whole else value
    if isinstance(rule, OptionalId):
        if value is None:
            return None
        if not isinstance(value, str) or not value or len(value) > ID_LIMIT:
            raise ProtocolError(N_("'{field}' must be an id or null."), field=name)
        return value
    raise AssertionError(rule)


def error_frame(text: str) -> str:
    return json.dumps({"type": "error", "v": VERSION, "message": text}, ensure_ascii=False)
