"""Every room kept as an append-only list of commands, in one SQLite file in the user folder.

SQLite (the standard library's ``sqlite3``) in write-ahead-log mode: each command is its own
committed transaction before the room's screens are told of it, so a host killed at any moment
(even with SIGKILL) loses nothing a student saw acknowledged, and a host started again replays
each room's commands into the same room. ``synchronous=NORMAL`` keeps commits quick; with the
write-ahead log it loses nothing when the process dies, only (at worst) the last moments before
a power cut.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterator

from game import paths
from game.classroom import commands
from game.classroom.commands import Command

SCHEMA = """
CREATE TABLE IF NOT EXISTS rooms (
    code TEXT PRIMARY KEY,
    created REAL NOT NULL,
    scenario_id TEXT NOT NULL,
    scenario_path TEXT NOT NULL,
    digest TEXT NOT NULL,
    seed INTEGER NOT NULL,
    teacher_token TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS commands (
    room TEXT NOT NULL REFERENCES rooms(code),
    seq INTEGER NOT NULL,
    at REAL NOT NULL,
    command TEXT NOT NULL,
    PRIMARY KEY (room, seq)
);
"""


def default_path() -> Path:
    return paths.user_folder() / "classroom" / "rooms.sqlite3"


@dataclass(frozen=True, slots=True)
class RoomRecord:
    code: str
    created: float
    scenario_id: str
    scenario_path: str
    digest: str
    seed: int
    teacher_token: str


class StoreError(Exception):
    """The room file cannot be opened or written (a full disk, a folder without permission)."""


class RoomStore:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path is not None else default_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # autocommit: every statement is its own transaction, committed when it returns
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"cannot open the room file {self.path}: {error}") from None
        self._next: dict[str, int] = {}

    def close(self) -> None:
        self._db.close()

    def add_room(self, record: RoomRecord) -> None:
        self._write("INSERT INTO rooms VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (record.code, record.created, record.scenario_id, record.scenario_path, record.digest,
                     record.seed, record.teacher_token))
        self._next[record.code] = 1

    def append(self, code: str, command: Command, at: float) -> None:
        """Keep one command of a room, committed before this returns."""
        seq = self._next.get(code)
        if seq is None:
            row = self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM commands WHERE room = ?", (code,)).fetchone()
            seq = row[0] + 1
        self._write("INSERT INTO commands VALUES (?, ?, ?, ?)",
                    (code, seq, at, json.dumps(commands.to_record(command), ensure_ascii=False)))
        self._next[code] = seq + 1

    def _write(self, sql: str, values: tuple) -> None:
        try:
            self._db.execute(sql, values)
        except sqlite3.Error as error:
            raise StoreError(f"cannot write to the room file {self.path}: {error}") from None

    def rooms(self) -> list[RoomRecord]:
        rows = self._db.execute("SELECT code, created, scenario_id, scenario_path, digest, seed, teacher_token "
                                "FROM rooms ORDER BY created").fetchall()
        return [RoomRecord(*row) for row in rows]

    def commands(self, code: str) -> Iterator[tuple[float, Command]]:
        """A room's commands in the order they were applied, with their times."""
        for at, text in self._db.execute("SELECT at, command FROM commands WHERE room = ? ORDER BY seq", (code,)):
            yield at, commands.from_record(json.loads(text))
