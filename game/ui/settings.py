"""The player's settings: a small JSON file in the user folder, written atomically."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from game import paths
from game.engine.atomic import write_atomically
from game.files import read_regular_file

WINDOW_SIZES = ((1280, 720), (1600, 900), (1920, 1080))
TEXT_SCALES = (1.0, 1.15, 1.3, 1.5)


@dataclass(frozen=True, slots=True)
class Settings:
    width: int = 1280
    height: int = 720
    fullscreen: bool = False
    text_scale: float = 1.0
    colour_blind: bool = False
    sound: bool = True
    language: str = "en"  # the scenario texts' language; a text not translated into it is shown in English
    estimates: bool = True  # advisors give their odds of war (off: play in the fog)
    reduced_motion: bool = False  # every animation shows its last frame at once (nothing follows the system's wish)
    self_voicing: bool = False  # the focused widget's words are spoken (game.ui.speech)
    keys: tuple[tuple[str, str], ...] = ()  # (action, key name) where the player chose another key (game.ui.keymap)

    @property
    def size(self) -> tuple[int, int]:
        return self.width, self.height

    @property
    def palette(self) -> str:
        return "colour_blind_safe" if self.colour_blind else "classic"

    def changed(self, **values) -> Settings:
        return replace(self, **values)


def settings_path() -> Path:
    return paths.settings_path()


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings; anything missing, unreadable or out of range falls back to the default."""
    if path is None:  # the new place once written; until then what an earlier version left beside the saves
        path = settings_path()
        if not path.exists() and paths.legacy_settings_path().exists():
            path = paths.legacy_settings_path()
    try:
        data = json.loads(read_regular_file(path, 64 * 1024).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    default = Settings()
    values: dict[str, Any] = {}
    for field in fields(Settings):
        if field.name == "keys":
            values["keys"] = _keys(data.get("keys"))
            continue
        value = data.get(field.name, getattr(default, field.name))
        wanted = type(getattr(default, field.name))
        if wanted is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if type(value) is not wanted:
            value = getattr(default, field.name)
        values[field.name] = value
    settings = Settings(**values)
    if not (640 <= settings.width <= 7680 and 360 <= settings.height <= 4320):
        settings = replace(settings, width=default.width, height=default.height)
    if not 0.75 <= settings.text_scale <= 2.0:
        settings = replace(settings, text_scale=1.0)
    return settings


def _keys(value) -> tuple[tuple[str, str], ...]:
    """The player's keys from the file: known actions on usable keys without a clash; the rest is dropped."""
    from game.ui.keymap import BY_ID, KeyMap, usable

    if not isinstance(value, dict):
        return ()
    keys = KeyMap()
    for action_id, name in value.items():
        if action_id in BY_ID and usable(name) and keys.clash(action_id, name) is None:
            keys = keys.rebound(action_id, name)
    return keys.chosen()


def save_settings(settings: Settings, path: Path | None = None) -> None:
    data = asdict(settings)
    data["keys"] = dict(settings.keys)
    write_atomically(path or settings_path(), json.dumps(data, indent=2) + "\n")
