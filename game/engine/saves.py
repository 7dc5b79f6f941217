"""Saved games as JSON: the seed and each day's orders, replayed on load.

A save records decisions, not internal values: replaying them through the same rules rebuilds
the exact state, undo history included. The values at the time of saving are stored too, so a
save made with a different version of the scenario is detected instead of silently diverging.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any, Mapping

from game.engine.atomic import write_atomically
from game.engine.machine import IllegalCommand, Session, orders_so_far, replay
from game.scenario.model import Scenario

SAVE_FORMAT = "brinkmanship-save"
SAVE_VERSION = 1


class SaveError(ValueError):
    """A save that cannot be read or does not fit the scenario; the message says which."""


@dataclass(frozen=True, slots=True)
class SavedGame:
    session: Session
    players: Mapping[str, str]  # role -> "human" or a policy name
    scenario_path: str


def save_to_dict(session: Session, players: Mapping[str, str]) -> dict[str, Any]:
    scenario = session.scenario
    return {
        "format": SAVE_FORMAT,
        "version": SAVE_VERSION,
        "scenario": {"id": scenario.id, "path": scenario.path, "digest": scenario.digest},
        "seed": session.state.seed,
        "players": dict(players),
        "days": orders_so_far(session),
        "values": list(session.state.values),
        "ending": session.state.ending,
    }


def save_game(path: str | os.PathLike, session: Session, players: Mapping[str, str]) -> None:
    write_atomically(path, json.dumps(save_to_dict(session, players), indent=2, ensure_ascii=False) + "\n")


def read_save(path: str | os.PathLike) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as file:
            data = json.load(file)
    except OSError as error:
        raise SaveError(f"{path}: cannot read the save: {error.strerror or error}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise SaveError(f"{path}: not a Brinkmanship save (not valid JSON: {error})") from None
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        raise SaveError(f"{path}: not a Brinkmanship save")
    if data.get("version") != SAVE_VERSION:
        raise SaveError(f"{path}: save version {data.get('version')} is not supported (this game reads {SAVE_VERSION})")
    return data


def restore(data: Mapping[str, Any], scenario: Scenario) -> Session:
    """Rebuild the session a save describes, checking it against the scenario it names."""
    if data["scenario"].get("id") != scenario.id:
        raise SaveError(f"this save belongs to scenario '{data['scenario'].get('id')}', not '{scenario.id}'")
    seed, days = data.get("seed"), data.get("days")
    if not isinstance(seed, int) or not isinstance(days, list) or not all(isinstance(d, dict) for d in days):
        raise SaveError("the save is damaged: its seed or its days are missing")
    try:
        session = replay(scenario, seed, days)
    except IllegalCommand as error:
        raise SaveError(f"the save no longer fits the scenario file ({error}); was the scenario edited?") from None
    if list(session.state.values) != data.get("values"):
        raise SaveError("replaying the save gives different results; the scenario file was changed since it was saved")
    return session
