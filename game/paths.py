"""Where the game finds its scenarios and assets, and where it keeps the player's files.

An installed copy carries ``scenarios/`` and ``assets/`` inside the package (``game/_data``);
a source checkout uses the folders at the top of the repository. Neither depends on the
current directory. Player files go to the platform's user folders, as ``platformdirs`` names
them (on Linux the XDG folders, an empty or relative ``XDG_*`` variable counting as unset):

- data (saves, the player's own scenarios, classroom rooms): ``~/.local/share/brinkmanship``;
- config (``settings.json``): ``~/.config/brinkmanship``;
- state (session logs, crash reports): ``~/.local/state/brinkmanship``;
- cache (paintings already made): ``~/.cache/brinkmanship``.

``BRINK_HOME`` puts all four in one folder (classrooms, tests). The data folder is where every
earlier version kept everything, so saves and scenarios from before are where they were; the
settings file an earlier version wrote there is read until the game writes the new one
(``legacy_settings_path``).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterator

import platformdirs

_PACKAGE = Path(__file__).resolve().parent
APP = "brinkmanship"


def _data_folder(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def scenarios_folder() -> Path:
    return _data_folder("scenarios")


def assets_folder() -> Path:
    return _data_folder("assets")


def _home() -> Path | None:
    override = os.environ.get("BRINK_HOME")
    return Path(override) if override else None


def _absolute(folder: str) -> Path:
    """A platformdirs answer made safe: a relative one (an odd variable) would land in the current folder."""
    path = Path(folder)
    return path if path.is_absolute() else Path.home() / path


def user_folder() -> Path:
    """The player's data folder: saves, user scenarios and classroom rooms live here."""
    # roaming on Windows: %APPDATA%, where earlier versions kept the saves
    return _home() or _absolute(platformdirs.user_data_dir(APP, appauthor=False, roaming=True))


def config_folder() -> Path:
    """Where the settings live."""
    return _home() or _absolute(platformdirs.user_config_dir(APP, appauthor=False, roaming=True))


def state_folder() -> Path:
    """Where session logs and crash reports live: worth keeping, not worth backing up."""
    return _home() or _absolute(platformdirs.user_state_dir(APP, appauthor=False, roaming=True))


def cache_folder() -> Path:
    """What the game can make again (paintings); deleting it loses nothing."""
    home = _home()
    return home / "cache" if home else _absolute(platformdirs.user_cache_dir(APP, appauthor=False))


def settings_path() -> Path:
    return config_folder() / "settings.json"


def legacy_settings_path() -> Path:
    """Where versions before the config folder wrote the settings: beside the saves."""
    return user_folder() / "settings.json"


@contextlib.contextmanager
def throwaway_home(prefix: str) -> Iterator[Path]:
    """``BRINK_HOME`` as a fresh folder for the block, removed after it; a ``BRINK_HOME`` already set is kept.

    For runs (a benchmark, the screenshots) that must not touch the player's files, and must not
    leave a folder behind either: ``setdefault(..., mkdtemp())`` made one even when it was not used.
    """
    if os.environ.get("BRINK_HOME"):
        yield Path(os.environ["BRINK_HOME"])
        return
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        os.environ["BRINK_HOME"] = folder
        try:
            yield Path(folder)
        finally:
            del os.environ["BRINK_HOME"]


def user_scenarios_folder() -> Path:
    return user_folder() / "scenarios"


def saves_folder() -> Path:
    return user_folder() / "saves"


def logs_folder() -> Path:
    return state_folder() / "logs"


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
        if _exists(path):  # a FIFO or a device too: the loader then says what it is
            return path  # a shipped one wins a clash; id_clashes() says so wherever it matters
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


def scenario_ids() -> list[str]:
    """The ids (folder names) of every scenario the game can find, each once."""
    return list(dict.fromkeys(path.parent.name for path in available_scenarios()))


@dataclass(frozen=True)
class IdClash:
    """A user scenario whose folder name is a shipped scenario's id: by id, the shipped one is found."""

    id: str
    shipped: Path
    user: Path

    def message(self) -> str:
        return (f"the scenario {self.user} has the id '{self.id}' of a shipped scenario, which is the one "
                f"'{self.id}' names; rename its folder, or name it by its path")


def id_clashes() -> list[IdClash]:
    """Every user scenario hidden behind a shipped one of the same id."""
    shipped, user = scenarios_folder(), user_scenarios_folder()
    if not user.is_dir():
        return []
    return [IdClash(path.parent.name, shipped / path.parent.name / "scenario.yaml", path)
            for path in sorted(user.glob("*/scenario.yaml"))
            if (shipped / path.parent.name / "scenario.yaml").is_file()]
