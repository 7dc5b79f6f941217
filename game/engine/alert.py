"""The alert level the screens show as a gauge (5 calm .. 1 war), and the meter that drives it.

Which of a scenario's derived values is its alert level is decided here, once, for the window,
the classroom's pages and anything else that shows one. The rule is written for authors: a
derived value named ``defcon`` or ``alert``, or one whose every value (its ``otherwise``
included) lies between 1 and 5. A scale that runs the other way (0 calm .. 3 alarm) is not an
alert level and shows no gauge, rather than a gauge that reads "war" in calm weather.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.i18n import N_
from game.scenario.model import Derived, Scenario, Variable

ALERT_IDS = ("defcon", "alert")
TENSION_ID = "tension"  # the meter shown under the gauge when the alert level's levels read no variable
LEVELS = (5, 4, 3, 2, 1)
LEVEL_WORDS = {5: N_("peace"), 4: N_("increased readiness"), 3: N_("forces on alert"), 2: N_("next step to war"),
               1: N_("war")}


@dataclass(frozen=True, slots=True)
class AlertParts:
    """The derived alert level (DEFCON) and the variable it follows (tension); either may be None."""

    level: Derived | None
    variable: Variable | None


def _steps(derived: Derived) -> list | None:
    spec = derived.spec if isinstance(derived.spec, dict) else {}
    levels = spec.get("levels")
    if not levels or not all(isinstance(step, dict) for step in levels):
        return None
    return [step.get("value") for step in levels] + [spec.get("otherwise", 0)]


def _on_the_scale(derived: Derived) -> bool:
    values = _steps(derived)
    return values is not None and all(value in LEVELS for value in values)


def alert_parts(scenario: Scenario) -> AlertParts:
    """The scenario's alert level and the meter behind it, as the rule above decides."""
    level = next((scenario.derived[name] for name in ALERT_IDS if name in scenario.derived), None)
    if level is None:
        level = next((derived for derived in scenario.derived.values() if _on_the_scale(derived)), None)
    if level is None:
        return AlertParts(None, None)
    source = level.spec.get("from") if isinstance(level.spec, dict) else None
    variable = scenario.variables.get(source) if isinstance(source, str) else None
    return AlertParts(level, variable or scenario.variables.get(TENSION_ID))


def level_of(value: object) -> int:
    """A level from 5 to 1; a value that is not a finite number reads as 5 (peace)."""
    if not isinstance(value, (int, float)) or not math.isfinite(value):
        return 5
    return max(1, min(5, round(max(0.0, min(6.0, value)))))


def alert_level(scenario: Scenario, values: tuple | None) -> int | None:
    """The alert level for these values, or None when the scenario has none."""
    level = alert_parts(scenario).level
    if level is None or values is None:
        return None
    return level_of(level.value(values))
