"""Paths that are not what they seem: devices, FIFOs, huge files, links in the art cache.

Every command that reads a file the user named (a scenario, a save, a coverage file) or that the
game keeps (the art cache, settings) looks at what it opened before reading: a device never
ends, a FIFO never answers, and a small PNG may claim gigabytes of pixels.
"""

from __future__ import annotations

import errno
import os
import struct
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest

from game import cli
from game.art import png
from game.art.cache import ArtCache
from game.engine import atomic
from game.engine.atomic import remove_orphans, write_atomically
from game.files import FileRefused, read_regular_file
from game.scenario.load import MAX_FILE_BYTES, load_with_diagnostics

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "scenarios" / "demo" / "scenario.yaml"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="devices and FIFOs are POSIX paths")


def finishes(work, seconds: float = 5.0):
    """Run ``work`` in a thread; what it returned, failing the test if it is still waiting after ``seconds``."""
    outcome = {}

    def run():
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed back to the test below
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "still reading or waiting"
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def a_fifo(tmp_path) -> Path:
    path = tmp_path / "scenario.yaml"
    os.mkfifo(path)
    return path


def png_with(width: int, height: int, raw: bytes) -> bytes:
    """An RGB PNG of the given header size whose image data inflates to ``raw``."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return png.SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def png_claiming(width: int, height: int) -> bytes:
    return png_with(width, height, b"\0" * 4000)


# --- scenarios ---------------------------------------------------------------------------------
@posix_only
def test_validate_refuses_a_device_before_reading_it(capsys):
    status = finishes(lambda: cli.main(["validate", "/dev/zero"]))
    assert status == 1
    assert "/dev/zero:1:1: error: cannot read the file: it is a device, not a regular file" in capsys.readouterr().out


@posix_only
def test_a_fifo_as_the_scenario_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = a_fifo(tmp_path)
    scenario, diagnostics = finishes(lambda: load_with_diagnostics(fifo))
    assert scenario is None
    assert diagnostics.errors[0].message == "cannot read the file: it is a pipe (FIFO), not a regular file"


@posix_only
def test_every_command_taking_a_scenario_refuses_a_device(capsys):
    for command in (["simulate", "/dev/zero"], ["check", "/dev/zero"], ["graph", "/dev/zero"],
                    ["play", "--text", "/dev/zero"]):
        assert finishes(lambda command=command: cli.main(command)) == 1, command
        assert "it is a device, not a regular file" in capsys.readouterr().err


@posix_only
def test_a_folder_whose_scenario_yaml_is_a_fifo_is_refused_for_what_it_is(tmp_path, capsys):
    a_fifo(tmp_path)
    assert finishes(lambda: cli.main(["validate", str(tmp_path)])) == 1
    assert f"{tmp_path / 'scenario.yaml'}:1:1: error: cannot read the file: it is a pipe (FIFO)" in capsys.readouterr().out


@posix_only
def test_a_user_scenario_id_naming_a_fifo_or_a_device_is_refused_for_what_it_is(tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    (home / "scenarios" / "pipe").mkdir(parents=True)
    os.mkfifo(home / "scenarios" / "pipe" / "scenario.yaml")
    (home / "scenarios" / "zero").mkdir()
    (home / "scenarios" / "zero" / "scenario.yaml").symlink_to("/dev/zero")
    monkeypatch.setenv("BRINK_HOME", str(home))
    assert finishes(lambda: cli.main(["validate", "pipe", "zero"])) == 1
    out = capsys.readouterr().out
    assert "pipe/scenario.yaml:1:1: error: cannot read the file: it is a pipe (FIFO), not a regular file" in out
    assert "zero/scenario.yaml:1:1: error: cannot read the file: it is a device, not a regular file" in out


def test_a_scenario_file_over_the_limit_is_refused_by_its_size_unread(tmp_path):
    big = tmp_path / "scenario.yaml"
    with open(big, "wb") as file:  # sparse: 33 MB on paper, nothing on disk
        file.truncate(MAX_FILE_BYTES + 1024 * 1024)
    scenario, diagnostics = load_with_diagnostics(big)
    assert scenario is None
    assert diagnostics.errors[0].message == "cannot read the file: it is 33 MB; the limit is 32 MB"


def test_the_limit_admits_the_load_benchmarks_hundredfold_scenario():
    assert MAX_FILE_BYTES >= 13 * 1024 * 1024  # benchmarks/README.md: the x100 file is 12.1 MB


def test_reading_stops_at_the_limit_even_when_a_file_lies_about_its_size(tmp_path, monkeypatch):
    growing = tmp_path / "grows.yaml"
    growing.write_bytes(b"x" * 5000)
    real_fstat = os.fstat

    def claims_to_be_empty(descriptor):  # a /proc file: a regular file whose size says 0
        result = real_fstat(descriptor)
        return os.stat_result((result.st_mode, *result[1:6], 0, *result[7:]))

    monkeypatch.setattr(os, "fstat", claims_to_be_empty)
    with pytest.raises(FileRefused, match="larger than 1 KB"):
        read_regular_file(growing, 1024)


# --- saves and coverage files ------------------------------------------------------------------
@posix_only
def test_loading_a_device_as_a_save_is_refused_in_one_line(capsys):
    assert finishes(lambda: cli.main(["play", "--text", "--load", "/dev/zero"])) == 1
    assert capsys.readouterr().err == "brink: /dev/zero: cannot read the save: it is a device, not a regular file\n"


@posix_only
def test_a_device_as_the_coverage_file_is_refused(capsys):
    assert finishes(lambda: cli.main(["graph", str(DEMO), "--coverage", "/dev/zero"])) == 1
    assert "cannot read the coverage file /dev/zero: " in capsys.readouterr().err


def test_a_coverage_file_with_counts_that_are_not_numbers_is_refused(tmp_path, capsys):
    coverage = tmp_path / "coverage.json"
    coverage.write_text('{"scenario": "demo", "choices": {"kennedy": {"days": {"found": {"quarantine": "many"}}}}}')
    assert cli.main(["graph", str(DEMO), "--coverage", str(coverage)]) == 1
    assert "the counts of 'kennedy' on 'found' are not whole numbers" in capsys.readouterr().err


# --- the art cache and pictures ------------------------------------------------------------------
@posix_only
@pytest.mark.parametrize("kind", ["link to a device", "fifo"])
def test_an_art_cache_entry_that_is_not_a_plain_file_is_dropped_unread(tmp_path, kind):
    cache = ArtCache(tmp_path)
    entry = cache.path("ab" + "0" * 38)
    entry.parent.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(entry)
    else:
        entry.symlink_to("/dev/zero")
    assert finishes(lambda: cache.get("ab" + "0" * 38)) is None
    assert not os.path.lexists(entry)


def test_a_png_claiming_twenty_thousand_pixels_square_is_refused_before_decoding():
    data = png_claiming(20000, 20000)
    assert len(data) < 200
    assert png.dimensions(data[:png.HEADER_BYTES]) == (20000, 20000)
    with pytest.raises(png.PNGError, match="20000x20000 pixels"):
        png.decode(data)


def test_a_png_whose_data_inflates_past_its_header_is_refused():
    assert png.decode(png_with(4, 4, b"\0" * (4 * (4 * 3 + 1)))).shape == (4, 4, 3)
    bomb = png_with(4, 4, b"\0" * 50_000_000)  # 50 KB on disk, 50 MB inflated, for 52 bytes of pixels
    with pytest.raises(png.PNGError, match="wrong length"):
        png.decode(bomb)


def test_the_window_does_not_load_a_picture_too_large_to_hold(tmp_path):
    import pygame

    from game.ui.art import _read_picture

    pygame.display.init()
    huge = tmp_path / "huge.png"
    huge.write_bytes(png_claiming(20000, 20000))
    assert _read_picture(huge) is None


def test_the_windows_picture_cache_is_bounded_by_bytes_not_count():
    import pygame

    from game.ui.art import PictureCache, surface_bytes

    cache = PictureCache(budget=10 * 1000 * 1000)
    for index in range(20):
        surface = pygame.Surface((1000, 1000), 0, 32)  # 4 MB each
        cache.put(index, surface, surface_bytes(surface))
        assert cache.bytes <= cache.budget
    assert len(cache) == 2 and 19 in cache and 18 in cache
    small = [pygame.Surface((10, 10), 0, 32) for _ in range(300)]
    for index, surface in enumerate(small):  # many small pictures fit where two large ones did
        cache.put(("small", index), surface, surface_bytes(surface))
    assert len(cache) > 200


# --- writing -----------------------------------------------------------------------------------
def test_a_failed_write_names_the_file_asked_for_not_its_temporary(tmp_path, monkeypatch):
    def disk_full(descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    target = tmp_path / "game.json"
    with pytest.raises(OSError) as raised:
        write_atomically(target, "{}")
    monkeypatch.undo()
    assert raised.value.errno == errno.ENOSPC and raised.value.filename == str(target)
    assert str(raised.value) == f"[Errno {errno.ENOSPC}] No space left on device: '{target}'"
    assert os.listdir(tmp_path) == []  # the temporary file went with the failure


def test_orphaned_temporary_files_are_removed_but_a_write_in_progress_is_not(tmp_path):
    old = tmp_path / ".autosave.json.k2j4x9.tmp"
    fresh = tmp_path / ".autosave.json.a8f3q1.tmp"
    other = tmp_path / "notes.tmp"
    for path in (old, fresh, other):
        path.write_text("{")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(other, (an_hour_ago, an_hour_ago))
    assert remove_orphans(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, other.name])


def test_the_window_tidies_the_saves_folder_when_it_starts():
    from game import paths
    from game.ui.app import App
    from game.ui.settings import Settings

    paths.saves_folder().mkdir(parents=True)
    orphan = paths.saves_folder() / ".autosave.json.x1y2z3.tmp"
    orphan.write_text("{")
    an_hour_ago = time.time() - 3600
    os.utime(orphan, (an_hour_ago, an_hour_ago))
    App(Settings(), baked_art=False)
    assert not orphan.exists()


# --- command-line bounds -----------------------------------------------------------------------
@pytest.mark.parametrize("arguments, message", [
    (["simulate", "demo", "--games", "100000000000"], "must be at most 10,000,000"),
    (["bench", "--size", "99999x99999"], "outside 640x360 to 7680x4320"),
    (["bench", "--size", "wide"], "is not a size such as 1280x720"),
    (["bench", "--frames", "10000000000"], "must be at most 100,000"),
])
def test_numbers_on_the_command_line_have_upper_bounds(arguments, message, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(arguments)
    assert exited.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("option", [["simulate", "demo", "--seed"], ["check", "demo", "--max-states"],
                                    ["play", "--text", "demo", "--seed"]])
def test_a_number_of_five_thousand_digits_on_the_command_line_is_named_in_one_short_line(option, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main([*option, "9" * 5000])
    assert exited.value.code == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.endswith("'99999999999999999999\u2026 (5,000 characters)' has 5,000 digits; no number here needs more than 20")
    assert len(last) < 200 and "sys.set_int_max_str_digits" not in last


def test_the_text_mode_tidies_what_a_killed_save_left_beside_its_file(tmp_path, monkeypatch, capsys):
    import io

    orphan = tmp_path / ".game.json.k2j4x9.tmp"
    orphan.write_text("{")
    an_hour_ago = time.time() - 3600
    os.utime(orphan, (an_hour_ago, an_hour_ago))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli.main(["play", "--text", str(DEMO), "--seed", "1", "--save", str(tmp_path / "game.json")]) == 0
    assert not orphan.exists()
