"""Saved games as JSON: the seed and each day's orders, replayed on load.

A save records decisions, not internal values: replaying them through the same rules rebuilds
the exact state, undo history included. The values at the time of saving are stored too, so a
save made with a different version of the scenario is detected instead of silently diverging.

A save file is untrusted input like a scenario file (it may be edited, truncated or swapped):
it is read with a size limit, checked field by field before anything uses it, and each kind of
damage gets one line that says what is wrong.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from collections.abc import Callable, Mapping

from game import paths
from game.engine.atomic import write_atomically
from game.engine.machine import IllegalCommand, Session, orders_so_far, replay
from game.engine.opponents import POLICIES, is_policy
from game.files import FileRefused, read_regular_file
from game.scenario.errors import FormulaError
from game.scenario.fields import MAX_ID_LENGTH, id_problem
from game.scenario.load import MAX_FILE_BYTES
from game.scenario.model import Scenario

SAVE_FORMAT = "brinkmanship-save"
SAVE_VERSION = 1
HUMAN = "human"
MAX_SAVE_BYTES = 8 * 1024 * 1024  # a save of a thousand days is under 200 KB
MAX_DAYS = 100_000
MAX_VALUES = 1_000_000
_MAX_DIGITS = 30  # a seed or a value never needs more; Python's own limit (4,300) gives a long complaint


class SaveError(ValueError):
    """A save that cannot be read or does not fit the scenario; the message says which.

    ``reason`` is the message without the save's path, for a screen that names the file its own way.
    """

    def __init__(self, reason: str, path: str | os.PathLike | None = None):
        super().__init__(f"{os.fspath(path)}: {reason}" if path is not None else reason)
        self.reason = reason
        self.path = path


class _Damaged(Exception):
    pass


@dataclass(frozen=True, slots=True)
class SavedGame:
    session: Session
    players: Mapping[str, str]  # role -> "human" or a policy name, for every role of the scenario
    scenario_path: Path


def open_save(path: str | os.PathLike, load: Callable[[Path], Scenario], scenario_path: str | os.PathLike | None = None,
              players: Mapping[str, str] | None = None) -> SavedGame:
    """The one way a front end opens a save: read and check it, find its scenario, load, replay.

    Every refusal is a ``SaveError`` of one line that starts with the save's path. ``load`` turns
    the scenario file into a model (each front end has its own cache and way of showing a bad
    file) and raises ``SaveError`` when it cannot; ``scenario_path`` is a file the player named
    instead of the one the save names; ``players`` plays the seats the save does not name
    (every seat human when not given).
    """
    data = read_save(path)
    try:
        found = Path(scenario_path) if scenario_path is not None else scenario_file(data, path)
        scenario = load(found)
        session = restore(data, scenario)
    except SaveError as error:
        raise SaveError(error.reason, path) from None
    saved = data.get("players", {})
    defaults = players or {}
    return SavedGame(session, {role: saved.get(role, defaults.get(role, HUMAN)) for role in scenario.roles}, found)


def save_to_dict(session: Session, players: Mapping[str, str]) -> dict[str, Any]:
    scenario = session.scenario
    return {
        "format": SAVE_FORMAT,
        "version": SAVE_VERSION,
        # An absolute path, so the save loads from any folder (`--load` from elsewhere).
        "scenario": {"id": scenario.id, "path": os.path.abspath(scenario.path), "digest": scenario.digest},
        "seed": session.state.seed,
        "players": dict(players),
        "days": orders_so_far(session),
        "values": list(session.state.values),
        "ending": session.state.ending,
    }


def save_game(path: str | os.PathLike, session: Session, players: Mapping[str, str]) -> None:
    # allow_nan=False: a save is strict JSON, never a bare NaN (the rules keep NaN out of the state)
    write_atomically(path, json.dumps(save_to_dict(session, players), indent=2, ensure_ascii=False, allow_nan=False) + "\n")


def read_save(path: str | os.PathLike) -> dict[str, Any]:
    """The save's data, checked field by field; raises ``SaveError`` with one line saying what is wrong."""
    try:
        raw = read_regular_file(path, MAX_SAVE_BYTES)
    except FileRefused as error:
        raise SaveError(f"cannot read the save: {_reason(error, path)}", path) from None
    except (OSError, ValueError) as error:
        raise SaveError(f"cannot read the save: {getattr(error, 'strerror', None) or error}", path) from None
    try:
        data = json.loads(raw.decode("utf-8"), parse_int=_whole_number, parse_constant=_no_constant)
    except _Damaged as error:
        raise SaveError(f"the save is damaged: {error}", path) from None
    except RecursionError:
        raise SaveError("the save is damaged: it is nested far too deeply", path) from None
    except (ValueError, UnicodeDecodeError) as error:  # JSONDecodeError is a ValueError
        raise SaveError(f"not a Brinkmanship save (not valid JSON: {error})", path) from None
    problem = save_problem(data)
    if problem:
        raise SaveError(problem, path)
    return data


def _reason(error: OSError, path) -> str:
    text = str(error)
    return "it" + text[len(os.fspath(path)):] if text.startswith(os.fspath(path)) else text


def _whole_number(text: str) -> int:
    if len(text) > _MAX_DIGITS:
        raise _Damaged(f"it holds a number of {len(text.lstrip('-'))} digits")
    return int(text)


def _no_constant(name: str) -> None:
    raise _Damaged(f"it holds '{name}', which is not a number")


def save_problem(data: Any) -> str | None:
    """What is wrong with a save's data before it meets a scenario, in one line; None when nothing is.

    The checks follow the save's fields one by one, like a schema: the first damage found is
    named, with the field it is in.
    """
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        return "not a Brinkmanship save"
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        return f"the save's version is {_shown(version)}, not a whole number; this game reads version {SAVE_VERSION}"
    if version != SAVE_VERSION:
        return f"save version {version} is not supported; this game reads version {SAVE_VERSION}"
    scenario = data.get("scenario")
    if not isinstance(scenario, dict):
        return f"the save is damaged: 'scenario' must name the scenario's id and file, not {_shown(scenario)}"
    if id_problem(scenario.get("id")):
        return f"the save is damaged: its scenario id {_shown(scenario.get('id'))} is not an id"
    for key in ("path", "digest"):
        value = scenario.get(key)
        if value is not None and (not isinstance(value, str) or len(value) > 4096 or "\0" in value):
            return (f"the save is damaged: the scenario's '{key}' must be text of at most 4,096 characters "
                    f"without NUL, not {_shown(value)}")
    seed = data.get("seed")
    if isinstance(seed, bool) or not isinstance(seed, int):
        return f"the save is damaged: its seed is {_shown(seed)}, not a whole number"
    if not -2**63 <= seed < 2**63:
        return f"the save is damaged: its seed {_shown(seed)} is out of range (a seed fits in 64 bits)"
    players = data.get("players", {})
    if not isinstance(players, dict) or len(players) > 64:
        return f"the save is damaged: 'players' must map each seat to who plays it, not {_shown(players)}"
    for role, who in players.items():
        if id_problem(role) or not isinstance(who, str) or (who != HUMAN and not is_policy(who)):
            return (f"the save is damaged: seat '{role[:40]}' is played by {_shown(who)}; "
                    f"a seat is played by one of {', '.join((HUMAN, *POLICIES))}")
    days = data.get("days")
    if not isinstance(days, list) or len(days) > MAX_DAYS:
        return f"the save is damaged: 'days' must be the list of each day's orders, not {_shown(days)}"
    for number, orders in enumerate(days, start=1):
        if not isinstance(orders, dict) or len(orders) > 64 or not all(
                isinstance(role, str) and len(role) <= MAX_ID_LENGTH
                and (choice is None or (isinstance(choice, str) and len(choice) <= MAX_ID_LENGTH))
                for role, choice in orders.items()):
            return f"the save is damaged: the orders of day {number} must map each seat to a choice id, not {_shown(orders)}"
    if "values" not in data or "ending" not in data:  # every save this game writes holds both
        return f"the save is damaged: it has no '{'values' if 'values' not in data else 'ending'}'"
    values = data.get("values")
    if (not isinstance(values, list) or len(values) > MAX_VALUES or not all(
            isinstance(value, (int, float)) and (isinstance(value, bool) or math.isfinite(value)) for value in values)):
        return "the save is damaged: 'values' must be a list of numbers and true/false"
    ending = data.get("ending")
    if ending is not None and (not isinstance(ending, str) or len(ending) > MAX_ID_LENGTH):
        return f"the save is damaged: 'ending' must be an ending's id or null, not {_shown(ending)}"
    return None


def _shown(value: Any) -> str:
    """A value from a damaged save as a message quotes it: its JSON, cut short."""
    if isinstance(value, dict):
        return "an object" if value else "an empty object"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    text = json.dumps(value, ensure_ascii=False) if value is None or isinstance(value, (str, bool, int, float)) else repr(value)
    if isinstance(value, str):
        text = "the text " + text
    return text if len(text) <= 60 else text[:57] + "..."


def scenario_file(data: Mapping[str, Any], save_path: str | os.PathLike | None = None) -> Path:
    """The scenario file a (checked) save was made with; raises ``SaveError`` when it is gone.

    The save names the file by its absolute path (older saves: relative to the folder the game
    was started from, or to the save's own folder). When that file is gone, a scenario of the same
    id is taken only if it is byte for byte the one the game was played on: another version of it,
    such as the shipped one beside an author's copy, is never taken silently.
    """
    reference = data["scenario"]
    written = reference.get("path")
    scenario_id = reference["id"]
    if written:
        candidates = [Path(written)]
        if not Path(written).is_absolute() and save_path is not None:
            candidates.append(Path(save_path).resolve().parent / written)
        for candidate in candidates:
            if _is_file(candidate):
                return candidate
    found = paths.find_scenario(scenario_id)
    if found is None:
        where = f"its file {written} is gone and " if written else ""
        raise SaveError(f"this save is of the scenario '{scenario_id}': {where}no scenario of that id is installed")
    if not written or reference.get("digest") in (None, _digest(found)):
        return found
    raise SaveError(f"this save was played on {written}, which is gone; the scenario '{scenario_id}' at {found} "
                    f"is another version of it. To go on with that one: brink play {found} --load {save_path or 'SAVE'}")


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(read_regular_file(path, MAX_FILE_BYTES)).hexdigest()
    except OSError:
        return None


def restore(data: Mapping[str, Any], scenario: Scenario) -> Session:
    """Rebuild the session a save describes, checking it against the scenario it names."""
    problem = save_problem(data)
    if problem:
        raise SaveError(problem)
    if data["scenario"]["id"] != scenario.id:
        raise SaveError(f"this save belongs to scenario '{data['scenario']['id']}', not '{scenario.id}'")
    try:
        session = replay(scenario, data["seed"], data["days"])
    except IllegalCommand as error:
        raise SaveError(f"the save no longer fits the scenario file ({error}); was the scenario edited?") from None
    except FormulaError as error:
        raise SaveError(f"replaying the save stops at a formula of the scenario: {error}") from None
    if list(session.state.values) != data["values"] or session.state.ending != data["ending"]:
        if data["scenario"].get("digest") == scenario.digest:  # the very file it was played on
            raise SaveError("replaying the save's orders does not give the values and ending it holds: "
                            "the save was edited by hand")
        raise SaveError("replaying the save gives different results; the scenario file was changed since it was saved")
    return session
