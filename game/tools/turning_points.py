"""Turning points: for every decision of a logged game, the odds of each ending had it gone otherwise.

For each decision (a day's order of a seat people played), every choice open to that seat that
day is played on from the state the team stood in, ``games`` times (see ``from_state``). The
decisions that moved the odds of war most are those where the choice made and the most different
alternative lie furthest apart. The work is spread over the machine's cores; each alternative's
games are the same whichever process plays them, so the numbers never depend on the core count.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Mapping, Sequence

from game.engine.log_read import SessionLog
from game.engine.log_replay import Replay, replay_log
from game.engine.opponents import POLICIES, Policy, is_policy, policy_named
from game.engine.resolve import legal_choices
from game.engine.state import GameState
from game.processes import process_pool
from game.scenario.load import load_scenario
from game.scenario.model import Scenario
from game.tools.from_state import endings_from, game_seeds, war_endings

HUMAN_DECIDERS = ("player", "team", "vote", "clock")
MOST_GAMES = 500  # per alternative, when the report has few decisions
FEWEST_GAMES = 100  # per alternative, however many decisions there are
BUDGET = 25_000  # games in all, by default: the report of a long classroom game stays within the time a teacher waits


def games_per_alternative(alternatives: int) -> int:
    """As many games per alternative as the budget allows, from 100 to 500: a short game's report gets
    finer odds, a long one's stays quick (about 3.5 points of error at worst on a share, from 100 games)."""
    return max(FEWEST_GAMES, min(MOST_GAMES, BUDGET // max(alternatives, 1)))


@dataclass(frozen=True, slots=True)
class Alternative:
    choice: str
    endings: Mapping[str, int]  # ending id -> games that reached it
    games: int
    war: float  # share of the games that ended in war
    taken: bool  # the choice the team made


@dataclass(frozen=True, slots=True)
class TurningPoint:
    day_index: int
    day_id: str
    role: str
    decided_by: str
    taken: str
    alternatives: tuple[Alternative, ...]  # in the order the game offered them

    @property
    def war_taken(self) -> float:
        return next(a.war for a in self.alternatives if a.taken)

    @property
    def swing(self) -> float:
        """How far the odds of war lay from the choice made to the most different alternative."""
        return max(abs(a.war - self.war_taken) for a in self.alternatives)


def default_policies(log: SessionLog, scenario: Scenario) -> dict[str, str]:
    """Who plays the remaining days: a computer seat its own policy, a seat people played ``historical``."""
    return {role: player if (player := log.players.get(role)) is not None and player in POLICIES else "historical"
            for role in scenario.roles}


def decisions_of(log: SessionLog, replay: Replay, scenario: Scenario) -> list[tuple[int, str]]:
    """(decision index in the replay, role) for every order people gave (the clock's too); if the
    log has none (computer against computer), every order."""
    found = [(index, role) for index, decision in enumerate(replay.decisions) for role in scenario.roles
             if log.decided_by(decision.day, role) in HUMAN_DECIDERS and decision.day.orders.get(role)]
    if found:
        return found
    return [(index, role) for index, decision in enumerate(replay.decisions) for role in scenario.roles
            if decision.day.orders.get(role)]


# What a worker plays from: the scenario, the policies and the state before each decision of the
# game. A scenario's compiled formulas do not pickle, nor do the delayed effects a state carries, so a
# worker process loads the scenario from its file and replays the log itself.
_WORK: dict = {}


def _play(task: tuple[int, dict, tuple[int, ...]]) -> dict[str, int]:
    decision, orders, seeds = task
    return dict(endings_from(_WORK["scenario"], _WORK["states"][decision], orders, _WORK["policies"], seeds))


def _start_worker(path: str, digest: str, policy_names: dict[str, str], log: SessionLog, marks: tuple) -> None:
    scenario = load_scenario(path)
    states = [decision.state for decision in replay_log(scenario, log).decisions]
    if scenario.digest != digest or _marks(states) != marks:  # the file changed meanwhile: another game's numbers
        raise RuntimeError(f"{path} changed while the report was being made")
    _WORK.update(scenario=scenario, states=states,
                 policies={role: policy_named(name) for role, name in policy_names.items()})


def _marks(states: Sequence[GameState]) -> tuple:
    """What a worker's replay must agree on with this process's: each decision's day and values."""
    return tuple((state.day_index, state.values) for state in states)


def turning_points(scenario: Scenario, log: SessionLog, replay: Replay, policies: Mapping[str, Policy],
                   games: int | None, seed: int, processes: int | None = None) -> tuple[TurningPoint, ...]:
    """Every decision's alternatives and their odds, in the order of the game; ``games`` per
    alternative, or None for ``games_per_alternative`` of their number."""
    shape = []
    for index, role in decisions_of(log, replay, scenario):
        decision = replay.decisions[index]
        choices = [choice.id for choice in legal_choices(scenario, decision.state, role)]
        taken = decision.day.orders[role]
        assert taken is not None  # decisions_of gives only seats that gave an order
        if taken not in choices:
            choices.append(taken)
        shape.append((index, role, taken, choices))
    if games is None:
        games = games_per_alternative(sum(len(choices) for *_, choices in shape))
    seeds = tuple(game_seeds(seed, games))
    tasks = []
    for index, role, _taken, choices in shape:
        decision = replay.decisions[index]
        for choice in choices:
            orders = {r: decision.day.orders.get(r) for r in scenario.roles}
            orders[role] = choice
            tasks.append((index, orders, seeds))
    counts = _run(scenario, log, replay, policies, tasks, processes)
    wars = war_endings(scenario)
    result, position = [], 0
    for index, role, taken, choices in shape:
        decision = replay.decisions[index]
        alternatives = []
        for choice in choices:
            endings = counts[position]
            position += 1
            war = sum(n for ending, n in endings.items() if ending in wars) / games
            alternatives.append(Alternative(choice, endings, games, war, choice == taken))
        result.append(TurningPoint(decision.state.day_index, decision.day.day, role,
                                   log.decided_by(decision.day, role), taken, tuple(alternatives)))
    return tuple(result)


def most_moving(points: Sequence[TurningPoint], count: int = 3) -> list[TurningPoint]:
    """The decisions that moved the odds of war most, largest first (earlier first among equals)."""
    return sorted((p for p in points if p.swing > 0), key=lambda p: (-p.swing, p.day_index))[:count]


def _run(scenario: Scenario, log: SessionLog, replay: Replay, policies: Mapping[str, Policy], tasks: list,
         processes: int | None) -> list[dict[str, int]]:
    processes = min(processes or os.cpu_count() or 1, len(tasks))
    names = {role: policy.name for role, policy in policies.items()}
    states = [decision.state for decision in replay.decisions]
    if processes <= 1 or not _loads_the_same(scenario) or not all(map(is_policy, names.values())):
        _WORK.update(scenario=scenario, policies=policies, states=states)
        try:
            return [_play(task) for task in tasks]
        finally:
            _WORK.clear()
    with process_pool(processes, _start_worker, (scenario.path, scenario.digest, names, log, _marks(states))) as pool:
        return list(pool.map(_play, tasks))


def _loads_the_same(scenario: Scenario) -> bool:
    """Whether a worker loading the scenario's file gets this very scenario (it was not made from
    text in memory, and the file has not changed since)."""
    try:
        return hashlib.sha256(Path(scenario.path).read_bytes()).hexdigest() == scenario.digest
    except OSError:
        return False
