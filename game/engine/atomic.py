"""Writing files so that a crash never leaves a half-written save, log or picture behind."""

from __future__ import annotations

import os
import stat
import tempfile
import time

TEMPORARY_SUFFIX = ".tmp"
ORPHAN_AGE = 60.0  # seconds: a write takes milliseconds, so an older temporary file lost its writer


def write_atomically(path: str | os.PathLike, text: str) -> None:
    """Write text (UTF-8, newlines as given) atomically; see ``write_bytes_atomically``."""
    write_bytes_atomically(path, str.encode(text, "utf-8"))


def write_bytes_atomically(path: str | os.PathLike, data: bytes, *, readable_by_all: bool = False) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename it into place.

    A rename within one folder is atomic, so a reader (or the game after a crash) sees either
    the old file or the new one, never a mixture. The temporary file is private to its owner;
    ``readable_by_all`` gives the finished file the usual permissions instead (a picture, not a save).
    """
    path = os.fspath(path)
    try:
        _write(path, data, readable_by_all)
    except OSError as error:
        # Name the file the player asked for, not the hidden temporary one beside it.
        raise type(error)(error.errno, error.strerror or str(error), path) from None


def _write(path: str, data: bytes, readable_by_all: bool) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=TEMPORARY_SUFFIX, dir=folder)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if readable_by_all:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable
        directory = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    except OSError:
        pass


def remove_orphans(folder: str | os.PathLike, name: str | None = None, older_than: float = ORPHAN_AGE) -> int:
    """Delete temporary files a killed writer left in ``folder``; returns how many went.

    Only this module's own temporaries (``.NAME.xxxx.tmp``; with ``name``, only those of that
    file) and only regular files older than ``older_than`` seconds, so a write in progress in
    another copy of the game is never touched. Problems are ignored: this is tidying up.
    """
    prefix = "." + (name + "." if name else "")
    removed = 0
    cutoff = time.time() - older_than
    try:
        entries = list(os.scandir(folder))
    except (OSError, ValueError):
        return 0
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(TEMPORARY_SUFFIX)):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed
