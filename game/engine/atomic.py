"""Writing files so that a crash never leaves a half-written save, log or picture behind."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time

TEMPORARY_SUFFIX = ".tmp"
ORPHAN_AGE = 60.0  # seconds: a write takes milliseconds, so an older temporary file lost its writer


def write_atomically(path: str | os.PathLike, text: str) -> None:
    """Write text (UTF-8, newlines as given) atomically; see ``write_bytes_atomically``."""
    write_bytes_atomically(path, str.encode(text, "utf-8"))


def write_bytes_atomically(path: str | os.PathLike, data: bytes) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename it into place.

    A rename within one folder is atomic, so a reader (or the game after a crash) sees either
    the old file or the new one, never a mixture. The temporary file is private to its owner
    while it is written (``mkstemp``); before the rename it gets the permissions any program's new
    file gets (0666 less the umask), so a report written to share can be read by others and
    overwriting a 0644 file leaves it 0644.
    """
    path = os.fspath(path)
    try:
        _write(_written_through(path), data)
    except OSError as error:
        # Name the file the player asked for, not the hidden temporary one beside it.
        raise type(error)(error.errno, error.strerror or str(error), path) from None


def _written_through(path: str) -> str:
    """The file to replace: the target of a symbolic link (which stays a link), never a device.

    Renaming over a path replaces whatever is there: ``--save /dev/null`` run as root would put
    a regular file in place of the device, and a FIFO or socket would silently become a file.
    Only a regular file, a folder (which the rename refuses itself) or nothing is replaced.
    """
    target = os.path.realpath(path) if os.path.islink(path) else path
    try:
        mode = os.stat(target).st_mode
    except (OSError, ValueError):
        return target  # nothing there yet, or a path the write itself will report
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        kind = "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else \
            "a pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "not a plain file"
        raise OSError(errno.EPERM, f"it is {kind}, not a regular file to write", path)
    return target


def _write(path: str, data: bytes) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
    except FileExistsError:  # a file stands where the folder should be: "File exists" would puzzle
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), folder) from None
    handle, temporary = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=TEMPORARY_SUFFIX, dir=folder)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o666 & ~current_umask())
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


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows.

    ``os.umask`` can only be read by setting it, which for a moment changes it for every thread
    (the classroom server writes from several); Linux shows it in /proc instead.
    """
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


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
        entries = list(os.scandir(os.fspath(folder)))
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


def remove_orphans_beside(path: str | os.PathLike) -> int:
    """``remove_orphans`` for the temporaries of one file: what a killed write of it left last time."""
    path = os.path.abspath(os.fspath(path))
    return remove_orphans(os.path.dirname(path), os.path.basename(path))
