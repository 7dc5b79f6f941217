"""Files the game writes: only over a regular file (a link is written through), temporary files a
killed writer left are tidied away, a folder that cannot be written is one line; process counts are bounded."""

from __future__ import annotations

import os
import stat
import time

import pytest

from game import cli
from game.art.cache import ArtCache
from game.engine.atomic import write_atomically


def stale(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG half")
    an_hour_ago = time.time() - 3600
    os.utime(path, (an_hour_ago, an_hour_ago))
    return path


def test_the_art_cache_drops_temporary_files_a_killed_painter_left_and_keeps_the_rest(tmp_path):
    cache = ArtCache(tmp_path)
    orphan = stale(tmp_path / "ab" / ".ab12cd.png.x1y2z3.tmp")
    kept = [stale(tmp_path / "ab" / "ab12cd.png"), stale(tmp_path / "notes" / ".old.png.x1y2z3.tmp")]
    fresh = tmp_path / "cd" / ".cd34ef.png.q9w8e7.tmp"  # a write in progress in another copy of the game
    fresh.parent.mkdir()
    fresh.write_bytes(b"")
    assert cache.tidy() == 1
    assert not orphan.exists() and fresh.exists() and all(path.exists() for path in kept)


def test_a_missing_art_cache_is_nothing_to_tidy(tmp_path):
    assert ArtCache(tmp_path / "never_made").tidy() == 0


def test_the_window_tidies_the_art_cache_when_it_starts():
    from game.art.cache import cache_folder
    from game.ui.app import App
    from game.ui.settings import Settings

    orphan = stale(cache_folder() / "ef" / ".ef56ab.png.k2j4x9.tmp")
    App(Settings(), baked_art=False)
    assert not orphan.exists()


@pytest.mark.parametrize("arguments", [
    ["art", "--jobs", "100000"],
    ["report", "game.jsonl", "--jobs", "100000"],
    ["simulate", "demo", "--workers", "100000"],
])
def test_counts_of_processes_have_an_upper_bound(arguments, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(arguments)
    assert exited.value.code == 2 and "must be at most 64, not 100,000" in capsys.readouterr().err


def test_brink_art_that_cannot_write_its_folder_says_so_in_one_line(tmp_path, capsys):
    (tmp_path / "somefile").write_text("not a folder")
    out = tmp_path / "somefile" / "art"
    assert cli.main(["art", "demo", "--only", "maps", "--out", str(out), "--jobs", "1"]) == 1
    error = capsys.readouterr().err  # after the progress bar's line
    assert "Traceback" not in error
    last = error.splitlines()[-1]
    assert last.startswith(f"brink: cannot write {out}") and last.endswith(": Not a directory")


def test_a_classroom_host_tidies_its_logs_folder_when_it_restores_its_rooms(tmp_path):
    from game.classroom.server import Classroom
    from game.classroom.store import RoomStore

    store = RoomStore(tmp_path / "rooms.sqlite3")
    classroom = Classroom(store)
    orphan = stale(classroom.log_folder / ".ABCD.jsonl.x1y2z3.tmp")
    log = stale(classroom.log_folder / "ABCD.jsonl")
    assert classroom.restore() == []
    assert not orphan.exists() and log.exists()


def test_a_fifo_is_refused_not_replaced_by_a_file_or_waited_on(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError) as raised:
        write_atomically(fifo, "{}")
    assert str(raised.value) == f"[Errno 1] it is a pipe (FIFO), not a regular file to write: '{fifo}'"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and os.listdir(tmp_path) == ["pipe"]


def a_device(tmp_path):
    """A character device to aim at: a copy of /dev/null in ``tmp_path`` where the test may make one,
    else /dev/null itself when nothing can be renamed into /dev anyway (not root)."""
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        return device
    except (AttributeError, OSError):
        if os.geteuid() == 0:  # were the refusal broken, the test itself would replace the real /dev/null
            pytest.skip("cannot make a device node to aim at, and /dev/null is too precious for root to risk")
        return "/dev/null"


def test_a_device_is_refused_not_replaced_by_a_file(tmp_path):
    device = a_device(tmp_path)
    with pytest.raises(OSError, match="it is a device, not a regular file to write"):
        write_atomically(device, "{}")  # as root, a rename would have put a file in its place
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_a_link_is_written_through_and_stays_a_link(tmp_path):
    (tmp_path / "real.json").write_text("old")
    (tmp_path / "link.json").symlink_to(tmp_path / "real.json")
    write_atomically(tmp_path / "link.json", "new")
    assert (tmp_path / "link.json").is_symlink() and (tmp_path / "real.json").read_text() == "new"


@pytest.mark.parametrize("command", [["play", "demo", "--text"], ["simulate", "demo"], ["check", "demo"]])
def test_a_seed_longer_than_a_save_can_hold_is_a_usage_error(command, capsys):
    """A game played on such a seed could be saved but never loaded again."""
    with pytest.raises(SystemExit) as exited:
        cli.main([*command, "--seed", "9" * 20])
    assert exited.value.code == 2 and "a seed is a whole number of at most 64 bits" in capsys.readouterr().err
