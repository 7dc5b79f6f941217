"""Where the game finds its scenarios and assets, and where it keeps the player's files.

An installed copy carries ``scenarios/`` and ``assets/`` inside the package (``game/_data``);
a source checkout uses the folders at the top of the repository. Neither depends on the
current directory. Player files (saves, logs, their own scenarios) go to the platform's user
folders, overridable with ``BRINK_HOME`` for classrooms and tests.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_folder(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def scenarios_folder() -> Path:
    return _data_folder("scenarios")


def assets_folder() -> Path:
    return _data_folder("assets")


def user_folder() -> Path:
    """The player's own folder: saves, session logs and user scenarios live here."""
    override = os.environ.get("BRINK_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "brinkmanship"


def user_scenarios_folder() -> Path:
    return user_folder() / "scenarios"


def saves_folder() -> Path:
    return user_folder() / "saves"


def logs_folder() -> Path:
    return user_folder() / "logs"


def find_scenario(name: str) -> Path | None:
    """A scenario by path, folder or id (the folder name under a scenarios folder).

    A path that exists but is no plain file (``/dev/zero``, a FIFO) is returned as it is, so the
    loader can say what is wrong with it instead of "no such scenario".
    """
    candidate = Path(name)
    if _exists(candidate):
        if not candidate.is_dir():
            return candidate
        if _exists(candidate / "scenario.yaml"):
            return candidate / "scenario.yaml"
    if "/" in name or "\\" in name or "\0" in name or len(name) > 255:
        return None  # a path that is not there, not an id
    for folder in (scenarios_folder(), user_scenarios_folder()):
        path = folder / name / "scenario.yaml"
        if path.is_file():
            return path
    return None


def _exists(path: Path) -> bool:
    """Whether anything is at ``path``; False for names the system cannot even look up (too long, NUL)."""
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def available_scenarios() -> list[Path]:
    """Every scenario.yaml in the shipped and the user's scenario folders, shipped ones first."""
    found = []
    for folder in (scenarios_folder(), user_scenarios_folder()):
        if folder.is_dir():
            found.extend(sorted(folder.glob("*/scenario.yaml")))
    return found
