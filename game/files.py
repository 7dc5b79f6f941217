"""Reading a file the player or an author named, without trusting what sits at that path.

A path on the command line, in a save or in a cache folder may name a device (``/dev/zero``
never ends), a FIFO (opening it waits for a writer that never comes), or a file far larger than
any scenario or save. ``read_regular_file`` opens without blocking, looks at what it opened
(``fstat`` on the open descriptor, so a path swapped after the check changes nothing), and
reads at most the limit: the answer is the file's bytes or a ``FileRefused`` saying why not.
"""

from __future__ import annotations

import os
import stat

MEGABYTE = 1024 * 1024


class FileRefused(OSError):
    """A path that is not a regular file, or a file over the size limit; the message says which."""


def read_regular_file(path: str | os.PathLike, limit: int, *, follow_links: bool = True) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; raises ``FileRefused`` or ``OSError``.

    ``follow_links=False`` refuses a symbolic link outright (where the game itself wrote the file,
    as in the art cache, a link is never what it wrote).
    """
    descriptor = _open_regular(path, follow_links)
    try:
        info = os.fstat(descriptor)
        if info.st_size > limit:
            raise FileRefused(f"{os.fspath(path)} is {_size(info.st_size)}; the limit is {_size(limit)}")
        chunks, total = [], 0
        while True:  # a file that grows while it is read (or lies about its size) still stops at the limit
            chunk = os.read(descriptor, min(limit + 1 - total, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise FileRefused(f"{os.fspath(path)} is larger than {_size(limit)}")
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def read_file_start(path: str | os.PathLike, count: int) -> bytes:
    """The first ``count`` bytes of a regular file (a picture's header), on the same terms."""
    descriptor = _open_regular(path, True)
    try:
        return os.read(descriptor, count)
    finally:
        os.close(descriptor)


def _open_regular(path: str | os.PathLike, follow_links: bool) -> int:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise FileRefused(f"{os.fspath(path)} is {_kind(mode)}, not a regular file")
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"


def _size(count: int) -> str:
    if count >= MEGABYTE:
        return f"{count / MEGABYTE:.0f} MB"
    if count >= 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count} bytes"
