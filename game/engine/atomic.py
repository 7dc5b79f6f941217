"""Writing files so that a crash never leaves a half-written save, log or picture behind."""

from __future__ import annotations

import os
import tempfile


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
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=folder)
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
