"""What each baked painting was painted from, so ``brink art`` repaints exactly the pictures whose
description changed and keeps every other one.

A folder of baked paintings (``assets/art/`` or ``brink art --out DIR``) holds ``manifest.json``
beside them: for each file, a fingerprint of everything that decides its pixels and that an author
can change - its kind, seed and size, and its description (a scene's ``art:`` value with the
library composition it names and the portrait words of the people it shows; a portrait's words;
a map's view or the scenario's ``map:``). A new version of the painter does not count: the
shipped paintings stay as they were baked until ``brink art --force`` (the art cache's key, in
game/art/cache.py, does include the painter's version, so a repaint always uses the painter of
the day). The file is written atomically; one that cannot be read counts as empty, so every
picture is painted again (most of them from the cache).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from game.engine import atomic
from game.files import read_regular_file

NAME = "manifest.json"
FORMAT = 1
MAX_BYTES = 4 * 1024 * 1024
ABOUT = ("What each painting of this folder was painted from (a digest of its kind, seed, size and "
         "description): brink art paints again the ones whose description changed. Written by brink art.")


def fingerprint(kind: str, seed: int, size: tuple[int, int], description: Any) -> str:
    canonical = json.dumps(description, sort_keys=True, separators=(",", ":"), ensure_ascii=True, default=str)
    text = f"{kind}\n{int(seed)}\n{size[0]}x{size[1]}\n{canonical}"
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def path(root: Path) -> Path:
    return Path(root) / NAME


def read(root: Path) -> dict[str, str]:
    """Each baked file (its path under ``root``, with forward slashes) and what it was painted from."""
    try:
        data = json.loads(read_regular_file(path(root), MAX_BYTES).decode("utf-8"))
    except (OSError, ValueError):
        return {}
    paintings = data.get("paintings") if isinstance(data, dict) and data.get("format") == FORMAT else None
    if not isinstance(paintings, dict):
        return {}
    return {name: value for name, value in paintings.items() if isinstance(name, str) and isinstance(value, str)}


def write(root: Path, paintings: dict[str, str]) -> None:
    """The whole record, sorted (one painting a line, so two changes merge cleanly), written atomically."""
    text = json.dumps({"about": ABOUT, "format": FORMAT, "paintings": dict(sorted(paintings.items()))},
                      indent=2, ensure_ascii=False) + "\n"
    atomic.write_bytes_atomically(path(root), text.encode("utf-8"))
