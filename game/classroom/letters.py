"""Messages between teams: a private letter, delivered after a delay, or a public statement.

A message is a student's words, so it is untrusted: ``plain_text`` keeps it to plain text of a
bounded size (no control characters, no runs of blank lines) before the room keeps it, and every
screen shows it as text. A letter is delivered at ``arrives_at`` by the server's clock, never
before, and a host restarted meanwhile still delivers it: the time is in the stored command.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MESSAGE_LIMIT = 600  # characters of a letter or a statement
MESSAGES_PER_DAY = 6  # a team's messages on one day: letters are weighed, not chatted
MESSAGE_GAP = 20.0  # seconds between two messages of one team

_BLANK_RUNS = re.compile(r"\n{3,}")


@dataclass(frozen=True, slots=True)
class Letter:
    number: int  # 1, 2, ... in the order they were sent
    sender: str  # the team's role id
    to: str  # a role id, or "all" for a public statement
    public: bool
    text: str
    author: str  # the student's name, as typed
    at: float
    arrives_at: float
    day_index: int

    def arrived(self, now: float) -> bool:
        return now >= self.arrives_at


def plain_text(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """The text as plain text: line breaks kept (at most one blank line in a row), every other
    control or formatting character dropped, spaces trimmed, at most ``limit`` characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    kept = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    lines = [" ".join(line.split()) for line in kept.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()[:limit].strip()
