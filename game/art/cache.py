"""Paintings remembered on disk, so a second ``brink art`` (or a test) does not paint again.

A painting is a pure function of the painter's code, its seed, its description and its size, so
the cache key hashes exactly those. The painter's version is a digest of the painter's own source
files: change a brush and every old entry is simply never asked for again. Entries are lossless
PNGs written atomically (temporary file, fsync, rename); a file that does not decode, for
whatever reason, is treated as absent and painted again.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any
from collections.abc import Callable

import numpy as np

from game.art import png
from game.engine import atomic
from game.files import read_regular_file

MAX_ENTRY_BYTES = 64 * 1024 * 1024  # far above any painting (a 1280x720 one is about 2 MB)

_PAINTER_FILES = ("watercolor.py", "shapes.py", "maps.py", "portraits.py", "portrait_spec.py", "likeness.py",
                  "head.py", "head_paint.py", "face_features.py", "attire.py", "scenes.py", "scene_spec.py",
                  "lettering.py", "elements")


@lru_cache(maxsize=1)
def painter_version() -> str:
    """A digest of the painter's source: any change to how things are painted changes every key."""
    digest = hashlib.blake2b(b"brinkmanship painter 1", digest_size=12)
    folder = Path(__file__).resolve().parent
    for name in _PAINTER_FILES:
        path = folder / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            if file.is_file():
                digest.update(file.relative_to(folder).as_posix().encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()


def cache_folder() -> Path:
    """The ``art`` folder in the game's cache folder (``$BRINK_HOME/cache/art`` when that is set)."""
    from game import paths

    return paths.cache_folder() / "art"


def cache_key(seed: int, description: Any, size: tuple[int, int], version: str | None = None) -> str:
    canonical = json.dumps(description, sort_keys=True, separators=(",", ":"), ensure_ascii=True, default=str)
    text = f"{version or painter_version()}\n{int(seed)}\n{size[0]}x{size[1]}\n{canonical}"
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).hexdigest()


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """A picture written whole or not at all, readable by everyone like any other asset."""
    atomic.write_bytes_atomically(path, data)


class ArtCache:
    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder is not None else cache_folder()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.png"

    def tidy(self) -> int:
        """Delete the temporary files a painter killed half-way through a write left in the cache's
        folders (only stale ones of the atomic writer's naming); returns how many went."""
        try:
            folders = [entry.path for entry in os.scandir(self.folder)
                       if len(entry.name) == 2 and entry.is_dir(follow_symlinks=False)]
        except OSError:
            return 0
        return sum(atomic.remove_orphans(folder) for folder in folders)

    def get(self, key: str) -> np.ndarray | None:
        path = self.path(key)
        try:
            # Only a plain file the cache wrote: a link (say to /dev/zero) or a FIFO in its place is
            # refused without reading or waiting, and dropped like any corrupt entry.
            return png.decode(read_regular_file(path, MAX_ENTRY_BYTES, follow_links=False))
        except FileNotFoundError:
            return None
        except (OSError, png.PNGError, ValueError):
            try:  # corrupt or unreadable: forget it, it will be painted again
                path.unlink()
            except OSError:
                pass
            return None

    def put(self, key: str, pixels: np.ndarray) -> None:
        try:
            write_bytes_atomically(self.path(key), png.encode(pixels, level=6))
        except OSError:
            pass  # a cache that cannot be written only costs time

    def painted(self, seed: int, description: Any, size: tuple[int, int],
                paint: Callable[[], np.ndarray]) -> tuple[np.ndarray, bool]:
        """The painting for these inputs, from the cache when there; the flag says it came from there."""
        key = cache_key(seed, description, size)
        pixels = self.get(key)
        if pixels is not None and pixels.shape[:2] == (size[1], size[0]):
            return pixels, True
        pixels = paint()
        self.put(key, pixels)
        return pixels, False
