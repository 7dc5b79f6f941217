"""Every choice, effect and condition of a scenario, each with a phrase saying where it sits.

The authoring tools (lint, graph) walk the same parts of a scenario; this module walks them
once, in file order, so the tools agree on what "every effect" means.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Iterator

from game.scenario.expr import Condition, Effect
from game.scenario.model import Choice, Day, DelayedEffect, Event, Flag, Interaction, Scenario, Variable


@dataclass(frozen=True, slots=True)
class Offered:
    """A choice as one role meets it: on one day, or standing (``day`` None) on every day."""

    role_id: str
    day: Day | None
    choice: Choice

    @property
    def where(self) -> str:
        place = f"on day '{self.day.id}'" if self.day is not None else "(standing)"
        return f"choice '{self.choice.id}' of '{self.role_id}' {place}"


def offered_choices(scenario: Scenario) -> Iterator[Offered]:
    """Each day's choices in file order, then each role's standing choices."""
    for day in scenario.days:
        for role_id, choices in day.choices.items():
            for choice in choices:
                yield Offered(role_id, day, choice)
    for role_id, role in scenario.roles.items():
        for choice in role.standing_choices:
            yield Offered(role_id, None, choice)


def every_effect(scenario: Scenario) -> Iterator[Effect]:
    """Every effect anywhere: choices (and their delayed effects), interactions, events."""
    for offered in offered_choices(scenario):
        yield from offered.choice.effects
        for delayed in offered.choice.later:
            yield from delayed.effects
    for interaction in scenario.interactions:
        yield from interaction.effects
    for event in scenario.events:
        yield from event.effects
        for delayed in event.later:
            yield from delayed.effects


def every_condition(scenario: Scenario) -> Iterator[Condition]:
    """Every condition: requires, advice, delayed effects, interactions, events, endings, briefing
    paragraphs, and the conditions under which a seat learns a secret."""
    for offered in offered_choices(scenario):
        if offered.choice.requires is not None:
            yield offered.choice.requires
        for delayed in offered.choice.later:
            if delayed.requires is not None:
                yield delayed.requires
    for role in scenario.roles.values():
        for advisor in role.advisors:
            for advice in advisor.advice:
                if advice.when is not None:
                    yield advice.when
    for interaction in scenario.interactions:
        if interaction.requires is not None:
            yield interaction.requires
    for event in scenario.events:
        if event.requires is not None:
            yield event.requires
        for delayed in event.later:
            if delayed.requires is not None:
                yield delayed.requires
    for ending in scenario.endings:
        if ending.when is not None:
            yield ending.when
    for day in scenario.days:
        for paragraphs in day.briefings.values():
            yield from (paragraph.when for paragraph in paragraphs if paragraph.when is not None)
    yield from _secret_conditions(scenario)


def _secret_conditions(scenario: Scenario) -> Iterator[Condition]:
    """The conditions under which a seat learns a secret (``visible_to``)."""
    holders: list[Variable | Flag | Interaction | Event | DelayedEffect] = [
        *scenario.variables.values(), *scenario.flags.values(), *scenario.interactions, *scenario.events]
    holders += [delayed for offered in offered_choices(scenario) for delayed in offered.choice.later]
    holders += [delayed for event in scenario.events for delayed in event.later]
    for holder in holders:
        for condition in (holder.visible_to or {}).values():
            if condition is not None:
                yield condition


def names_read(scenario: Scenario) -> set[str]:
    """Every name a rule reads: conditions, effects' right-hand sides, probabilities."""
    read: set[str] = set()
    for condition in every_condition(scenario):
        read |= condition.reads
    for effect in every_effect(scenario):
        read |= effect.reads
    for event in scenario.events:
        read |= event.probability.reads
    return read


def names_written(scenario: Scenario) -> set[str]:
    written: set[str] = set()
    for effect in every_effect(scenario):
        written |= effect.writes
    return written


def ending_sources(scenario: Scenario) -> dict[str, list[str]]:
    """Ending id -> what names it with an ``ending:`` field (choices, interactions, events)."""
    sources: dict[str, list[str]] = {}
    for offered in offered_choices(scenario):
        if offered.choice.ending:
            sources.setdefault(offered.choice.ending, []).append(offered.where)
    for interaction in scenario.interactions:
        if interaction.ending:
            sources.setdefault(interaction.ending, []).append(f"interaction '{interaction.id}'")
    for event in scenario.events:
        if event.ending:
            sources.setdefault(event.ending, []).append(f"event '{event.id}'")
    return sources
