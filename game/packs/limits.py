"""What a pack may hold, and which names its files may have: one set of rules for packing and installing.

The packer refuses what the installer would refuse, so an author learns it before sharing.
The limits are generous for a scenario (the largest shipped one is a few hundred kilobytes of
YAML; a picture is at most a few megabytes) and small enough that a hostile archive cannot fill
a disk or a memory: a zip bomb is refused by its declared sizes and by how many times over a
file claims to be compressed, before anything is unpacked.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from game.files import MEGABYTE


class PackRefused(Exception):
    """A pack that cannot be made or installed; the message is one line saying why, for the player."""


@dataclass(frozen=True, slots=True)
class PackLimits:
    pack_bytes: int = 64 * MEGABYTE  # the .brink file itself
    file_bytes: int = 32 * MEGABYTE  # one file unpacked: the loader's and the picture reader's own limit
    total_bytes: int = 96 * MEGABYTE  # every file unpacked
    files: int = 500
    # A scenario's YAML deflates about five times, a PNG hardly at all; a file that claims a
    # hundred times is a bomb. Small files are exempt: a page of blank lines harms nobody.
    ratio: int = 100
    ratio_exempt_bytes: int = 64 * 1024
    manifest_bytes: int = 1 * MEGABYTE
    name_characters: int = 240  # a whole path inside the pack; every system takes that


LIMITS = PackLimits()
_DRIVE = re.compile(r"^[A-Za-z]:")
# Names Windows will not create whatever the folder: a scenario shared from Linux must still install there.
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)


def name_problem(name: str, limits: PackLimits = LIMITS) -> str | None:
    """Why ``name`` cannot be a file's path inside a pack (relative, '/'-separated, plain), or None."""
    if not name:
        return "has an empty name"
    if any(unicodedata.category(character) == "Cc" for character in name):
        return "has a control character in its name"
    if len(name) > limits.name_characters:
        return f"has a name of {len(name)} characters; at most {limits.name_characters}"
    if "\\" in name:
        return "has a backslash in its name (a Windows path); names inside a pack use '/'"
    if name.startswith("/"):
        return "is an absolute path"
    if _DRIVE.match(name):
        return "names a drive (an absolute Windows path)"
    parts = name.split("/")
    if ".." in parts:
        return "climbs out of its folder with '..'"
    if any(part in ("", ".") for part in parts):
        return "has an empty or '.' step in its path"
    if any(_WINDOWS_RESERVED.match(part) or part.endswith((" ", ".")) for part in parts):
        return "has a name Windows cannot create"
    return None


def shown(name: str) -> str:
    """A name from a pack, fit to print on one line of a terminal: quoted, escapes visible, cut short."""
    text = repr(name[:80] + ("..." if len(name) > 80 else ""))
    return text
