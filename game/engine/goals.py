"""What each seat wants: the value of a finished game for a role.

A role's ``goals:`` value each ending (and, if the author wishes, the meters as they stand at
the end). An ending the goals leave out is valued by the ending's ``scores`` for the role and,
without a score, by its tone: a catastrophe (a war) is the worst there is for everyone. The
strategist plays to raise this number for its seat and ``brink simulate`` reports its mean.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.scenario.model import Scenario

# An ending's value for a seat when neither the goals nor the ending's scores say: war is worst.
TONE_VALUES = {"catastrophe": -10.0, "grave": -3.0, "calm": 0.0}


def ending_values(scenario: Scenario, role_id: str) -> dict[str, float]:
    """Each ending's value for the role, before the meters: worked out once per scenario."""
    key = ("goal endings", role_id)
    found = scenario.memo.get(key)
    if found is None:
        goals = scenario.roles[role_id].goals
        written = goals.endings if goals is not None else {}
        found = {}
        for ending in scenario.endings:
            if ending.id in written:
                found[ending.id] = written[ending.id]
            elif role_id in ending.scores:
                found[ending.id] = float(ending.scores[role_id])
            else:
                found[ending.id] = TONE_VALUES[ending.mood]
        scenario.memo[key] = found
    return found


def meter_weights(scenario: Scenario, role_id: str) -> tuple[tuple[int, float], ...]:
    """(slot, weight) for each meter the role's goals value at the end."""
    key = ("goal meters", role_id)
    found = scenario.memo.get(key)
    if found is None:
        goals = scenario.roles[role_id].goals
        meters = goals.meters if goals is not None else {}
        found = scenario.memo[key] = tuple((scenario.variables[name].slot, weight) for name, weight in meters.items())
    return found


def goal_value(scenario: Scenario, role_id: str, ending_id: str, values: Sequence) -> float:
    """How good a finished game is for the role: its ending's value plus the weighted meters."""
    value = ending_values(scenario, role_id)[ending_id]
    for slot, weight in meter_weights(scenario, role_id):
        value += weight * float(values[slot])
    return value


def goal_range(scenario: Scenario, role_id: str) -> float:
    """How far apart the role's best and worst endings are (at least 1): the scale on which a
    temper's leaning and an estimate's noise are measured."""
    values = ending_values(scenario, role_id).values()
    return max(1.0, max(values) - min(values))
