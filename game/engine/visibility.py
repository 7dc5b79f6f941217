"""Who may see what: secrets kept from a seat until the author's condition lets it in.

A flag, a variable, an event's news, an interaction's text or a delayed effect's message may say
``visible_to``: the seats that see it, each with the condition (if any) under which it does; a
thing without it is seen by everyone. Every front end asks here, so a secret is kept the same
way in the window, the text mode and the classroom.

A screen for one seat asks with that seat; a screen several people look at together (the
resolution in a game of two players at one screen) shows only what every one of them may see.
The ending and the debrief show everything.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from game.scenario.model import Scenario, Visibility


def sees(visible_to: Visibility | None, role_id: str, values: Sequence) -> bool:
    """Whether ``role_id`` may see a thing with this ``visible_to`` when the values are ``values``."""
    if visible_to is None:
        return True
    if role_id not in visible_to:
        return False
    condition = visible_to[role_id]
    return condition is None or condition.test(values)


def all_see(visible_to: Visibility | None, role_ids: Iterable[str] | None, values: Sequence) -> bool:
    """Whether every one of ``role_ids`` may see it (None: no one is kept from anything, as at the ending)."""
    if visible_to is None or role_ids is None:
        return True
    return all(sees(visible_to, role_id, values) for role_id in role_ids)


def shown_variables(scenario: Scenario, values: Sequence, role_ids: Iterable[str] | None) -> list:
    """The variables the seats may see, in the file's order."""
    seats = None if role_ids is None else tuple(role_ids)
    return [v for v in scenario.variables.values() if all_see(v.visible_to, seats, values)]


def shown_flags(scenario: Scenario, values: Sequence, role_ids: Iterable[str] | None) -> list:
    """The flags the seats may see, in the file's order (whether in force or not)."""
    seats = None if role_ids is None else tuple(role_ids)
    return [f for f in scenario.flags.values() if all_see(f.visible_to, seats, values)]


def shown_names(scenario: Scenario, names: Iterable[str], values: Sequence, role_ids: Iterable[str] | None) -> list[str]:
    """Of variable and flag names (``tension``, ``flags.quarantine``), those the seats may see."""
    seats = None if role_ids is None else tuple(role_ids)
    kept = []
    for name in names:
        item = scenario.flags.get(name[6:]) if name.startswith("flags.") else scenario.variables.get(name)
        if item is None or all_see(item.visible_to, seats, values):
            kept.append(name)
    return kept
