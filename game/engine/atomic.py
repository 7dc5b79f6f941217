"""Writing files so that a crash never leaves a half-written save or log behind."""

from __future__ import annotations

import os
import tempfile


def write_atomically(path: str | os.PathLike, text: str) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename it into place.

    A rename within one folder is atomic, so a reader (or the game after a crash) sees either
    the old file or the new one, never a mixture.
    """
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
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
