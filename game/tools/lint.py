"""Warnings about a scenario that loads but is probably not what its author meant.

``brink validate`` prints these after the errors: advisors who never speak, variables and flags
nothing reads or nothing changes, choices, advice, interactions and events that can never
happen given the variables' bounds (see ``bounds``), days on which a seat has nothing to
choose, endings nothing can reach, days or endings without art or a history note, briefings
or advice that depend on a secret their seat never sees (and so give it away), and briefings or
advice that name an order the other side keeps from their seat. Each
warning points at the line and column of the part it is about. Warnings never stop a game;
``brink validate --strict`` makes them fail a check.
"""

from __future__ import annotations

import ast
from pathlib import Path

from game.art import catalog
from game.scenario.errors import Diagnostic, Location
from game.scenario.expr import Condition
from game.scenario.model import Advisor, Day, Ending, Scenario
from game.tools import bounds
from game.tools.bounds import Ranges
from game.tools.inventory import ending_sources, names_read, names_written, offered_choices


def lint(scenario: Scenario) -> list[Diagnostic]:
    """Every warning about a loaded scenario, in file order."""
    ranges = bounds.scenario_ranges(scenario)
    found: list[Diagnostic] = []
    for check in (_unused_advisors, _unread_or_unchanged, _impossible_choices, _impossible_rules,
                  _days_without_choices, _unreachable_endings, _missing_art_and_notes, _partial_briefs,
                  _secrets_given_away, _hidden_orders_named):
        found.extend(check(scenario, ranges))
    return sorted(found, key=lambda d: (d.location.path, d.location.line, d.location.column))


def _warning(location: Location, message: str) -> Diagnostic:
    return Diagnostic(location, message, "warning")


def _never(condition: Condition, ranges: Ranges) -> str | None:
    """Why a condition can never hold ('... whenever tension is 0..100'), or None if it can."""
    if bounds.can_be_true(condition.source, ranges):
        return None
    names = set(condition.reads)
    for name in condition.reads:  # a derived value's range comes from what it reads
        if name in ranges.derived_sources:
            names |= _names_in(ranges.derived_sources[name])
    why = ranges.describe(names)
    return f"'{condition.source.strip()}' is never true" + (f" ({why})" if why else "")


def _names_in(source: str) -> set[str]:
    try:
        tree = ast.parse(" ".join(str(source).splitlines()).strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError):
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "flags":
            names.add("flags." + node.attr)
        elif isinstance(node, ast.Name) and node.id not in ("flags", "true", "false", "True", "False"):
            names.add(node.id)
    return names


def _day_ranges(ranges: Ranges, day: Day | None) -> Ranges:
    return ranges if day is None else ranges.on_day(day.index + 1)


# --- advisors ----------------------------------------------------------------------------------
def _unused_advisors(scenario: Scenario, ranges: Ranges):
    for role in scenario.roles.values():
        for advisor in role.advisors:
            problem = _why_silent(scenario, role.id, advisor, ranges)
            if problem:
                yield _warning(advisor.location, f"advisor '{advisor.id}' of '{role.id}' is never used: {problem}")
            yield from _shadowed_advice(advisor, ranges)


def _why_silent(scenario: Scenario, role_id: str, advisor: Advisor, ranges: Ranges) -> str | None:
    if not advisor.advice:
        return "they have no advice"
    present = [day for day in scenario.days
               if advisor.id in {a.id for a in day.advisors_present(scenario.roles[role_id])}]
    if not present:
        return "they are at the table on no day"
    for day in present:
        for advice in advisor.advice:
            if advice.day is not None and advice.day != day.id:
                continue
            if advice.when is None or bounds.can_be_true(advice.when.source, _day_ranges(ranges, day)):
                return None
    return "none of their advice can apply on a day they are at the table"


def _shadowed_advice(advisor: Advisor, ranges: Ranges):
    """Advice is the first entry that fits, so an entry after one that always fits is never heard."""
    for index, advice in enumerate(advisor.advice):
        if advice.when is not None:
            never = _never(advice.when, ranges)
            if never:
                yield _warning(advice.when.location, f"this advice of '{advisor.id}' is never given: {never}")
                continue
        always = advice.day is None and (advice.when is None or bounds.truth(advice.when.source, ranges) == bounds.TRUE)
        if always and index + 1 < len(advisor.advice):
            later = len(advisor.advice) - index - 1
            yield _warning(advisor.location, f"advisor '{advisor.id}' never gives their last {later} "
                                             f"piece{'s' if later != 1 else ''} of advice: entry {index + 1} "
                                             "always applies and advice is the first entry that fits")
            return


# --- variables and flags -----------------------------------------------------------------------
def _unread_or_unchanged(scenario: Scenario, ranges: Ranges):
    read = names_read(scenario)
    for source in ranges.derived_sources.values():
        read |= _names_in(source)
    written = names_written(scenario)
    for variable in scenario.variables.values():
        if variable.id not in read:
            yield _warning(variable.location, f"variable '{variable.id}' is never read: no condition, effect, "
                                              "probability or derived value uses it, so it changes nothing")
        if variable.id not in written:
            yield _warning(variable.location, f"variable '{variable.id}' is never changed: no effect assigns it, "
                                              f"so it stays at {bounds._number(variable.initial)}")
    for flag in scenario.flags.values():
        name = "flags." + flag.id
        if name not in read:
            yield _warning(flag.location, f"flag '{flag.id}' is never read: no condition or effect uses it")
        if name not in written:
            yield _warning(flag.location, f"flag '{flag.id}' is never set: no effect assigns it, "
                                          f"so it stays {str(flag.initial).lower()}")


# --- choices, interactions, events -------------------------------------------------------------
def _impossible_choices(scenario: Scenario, ranges: Ranges):
    for offered in offered_choices(scenario):
        here = _day_ranges(ranges, offered.day)
        choice = offered.choice
        if choice.requires is not None:
            never = _never(choice.requires, here)
            if never:
                yield _warning(choice.requires.location, f"{offered.where} can never be open: {never}")
        for delayed in choice.later:
            if delayed.requires is not None:
                never = _never(delayed.requires, ranges)
                if never:
                    yield _warning(delayed.requires.location,
                                   f"a delayed effect of {offered.where} never applies: {never}")


def _impossible_rules(scenario: Scenario, ranges: Ranges):
    for interaction in scenario.interactions:
        if not any(_orders_possible_on(scenario, day, interaction.orders) for day in scenario.days):
            yield _warning(interaction.location, f"interaction '{interaction.id}' can never happen: "
                                                 "no day offers all of its orders together")
        elif interaction.requires is not None:
            never = _never(interaction.requires, ranges)
            if never:
                yield _warning(interaction.requires.location, f"interaction '{interaction.id}' can never happen: {never}")
    for event in scenario.events:
        days = [day for day in scenario.days if event.days is None or day.id in event.days]
        day_numbers = [day.index + 1 for day in days] or [0]
        here = bounds.Ranges({**ranges.numbers, bounds.DAY: (min(day_numbers), max(day_numbers))},
                             ranges.flags, ranges.derived_sources)
        if event.requires is not None:
            never = _never(event.requires, here)
            if never:
                yield _warning(event.requires.location, f"event '{event.id}' can never happen: {never}")
                continue
        highest = bounds.interval(event.probability.source, here)[1]
        if highest <= 0:
            yield _warning(event.probability.location, f"event '{event.id}' can never happen: its probability "
                                                       f"'{event.probability.source}' is never above 0")


def _orders_possible_on(scenario: Scenario, day: Day, orders) -> bool:
    for role_id, wanted in orders.items():
        offered = {c.id for c in day.choices.get(role_id, ())} | {c.id for c in scenario.roles[role_id].standing_choices}
        if not offered or (wanted is not None and not wanted & offered):
            return False
    return True


def _days_without_choices(scenario: Scenario, ranges: Ranges):
    for day in scenario.days:
        for role in scenario.roles.values():
            if not day.choices.get(role.id) and not role.standing_choices:
                yield _warning(day.location, f"on day '{day.id}' '{role.id}' has no choice at all "
                                             "(none that day and no standing choices), so gives no order")


# --- endings -----------------------------------------------------------------------------------
def _unreachable_endings(scenario: Scenario, ranges: Ranges):
    named = ending_sources(scenario)
    # what each ending is checked against: before the last day only non-final endings are checked
    for position, ending in enumerate(scenario.endings):
        if ending.id in named:
            continue  # a choice, interaction or event brings it about directly
        if ending.when is not None:
            never = _never(ending.when, ranges.on_day(len(scenario.days)) if ending.final else ranges)
            if never:
                yield _warning(ending.location, f"ending '{ending.id}' can never be reached: {never}, "
                                                "and no choice, interaction or event names it")
                continue
        blocker = _always_first(scenario.endings[:position], ending, ranges)
        if blocker is not None:
            yield _warning(ending.location, f"ending '{ending.id}' can never be reached: ending '{blocker.id}' "
                                            "is checked before it and always applies")


def _always_first(earlier: tuple[Ending, ...], ending: Ending, ranges: Ranges) -> Ending | None:
    """An ending checked before ``ending`` whose condition always holds wherever ``ending`` is checked."""
    for other in earlier:
        checked_whenever = not other.final or ending.final
        always = other.when is None or bounds.truth(other.when.source, ranges) == bounds.TRUE
        if checked_whenever and always:
            return other
    return None


# --- art and history notes ---------------------------------------------------------------------
def _missing_art_and_notes(scenario: Scenario, ranges: Ranges):
    for kind, items, note in (("day", scenario.days, "what really happened that day"),
                              ("ending", scenario.endings, "how it compares with what happened")):
        for item in items:
            problem = _art_problem(scenario, item.id, item.art)
            if problem:
                yield _warning(item.location, f"{kind} '{item.id}' {problem}")
            if not item.history_note:
                yield _warning(item.location, f"{kind} '{item.id}' has no 'history' note ({note})")


def _partial_briefs(scenario: Scenario, ranges: Ranges):
    """A day that briefs some advisors of a table and not others leaves those students without a
    card; a day that briefs nobody at a table is the author's choice and says nothing."""
    for day in scenario.days:
        for role_id, briefs in day.briefs.items():
            missing = [advisor.id for advisor in day.advisors_present(scenario.roles[role_id])
                       if advisor.id not in briefs]
            if briefs and missing:
                yield _warning(day.location, f"day '{day.id}' briefs some advisors of '{role_id}' but not "
                                             f"{', '.join(repr(m) for m in missing)}")


def _secrets_given_away(scenario: Scenario, ranges: Ranges):
    """A seat's briefing paragraph or advice shown only when a secret kept from that seat holds
    tells the seat the secret: the author meant one of the two to be otherwise."""
    def hidden_from(role_id: str, condition: Condition) -> list[str]:
        kept = []
        for name in sorted(condition.reads):
            item = scenario.flags.get(name[6:]) if name.startswith("flags.") else scenario.variables.get(name)
            if item is not None and item.visible_to is not None and role_id not in item.visible_to:
                kept.append(name)
        return kept

    def warning(condition: Condition, role_id: str, what: str):
        for name in hidden_from(role_id, condition):
            yield _warning(condition.location, f"{what} depends on '{name}', which '{role_id}' never sees: it "
                                               f"gives the secret away (add '{role_id}' to its visible_to, or "
                                               f"read something '{role_id}' sees)")

    for day in scenario.days:
        for role_id, paragraphs in day.briefings.items():
            for paragraph in paragraphs:
                if paragraph.when is not None:
                    yield from warning(paragraph.when, role_id, f"a paragraph of the briefing of '{role_id}' on day '{day.id}'")
    for role_id, role in scenario.roles.items():
        for advisor in role.advisors:
            for advice in advisor.advice:
                if advice.when is not None:
                    yield from warning(advice.when, role_id, f"advice from '{advisor.id}' to '{role_id}'")


# A label shorter than this ("Wait", "Hold") is too common a phrase to count as naming the order.
SHORTEST_TELLING_LABEL = 12


def _hidden_orders_named(scenario: Scenario, ranges: Ranges):
    """A seat's briefing or advice that names, by its label, an order another seat gives in secret
    tells the seat that order exists: the author meant the order to be seen, or the words to be
    others. (A seat may well see the order later, once its condition holds; the words are shown
    whether it holds or not, so they are read as a giveaway too.)"""
    hidden: dict[str, list[tuple[str, str, str]]] = {}  # seat kept in the dark -> (label, owner, choice id)
    for offered in offered_choices(scenario):
        choice = offered.choice
        if choice.visible_to is None:
            continue
        for role_id in scenario.roles:
            if role_id == offered.role_id or choice.visible_to.get(role_id, False) is None:
                continue  # the seat giving the order, or one that always sees it
            for language in choice.label.languages:
                label = choice.label.get(language).strip()
                entry = (label, offered.role_id, choice.id)
                if len(label) >= SHORTEST_TELLING_LABEL and entry not in hidden.setdefault(role_id, []):
                    hidden[role_id].append(entry)

    def named(role_id: str, text, location: Location, what: str):
        for label, owner, choice_id in hidden.get(role_id, ()):
            if any(label.lower() in text.get(language).lower() for language in text.languages):
                yield _warning(location, f"{what} names '{label}', an order of '{owner}' ('{choice_id}') that "
                                         f"'{role_id}' is not always shown: it gives the order away (reword it, "
                                         f"or let '{role_id}' see the order)")

    for day in scenario.days:
        for role_id, paragraphs in day.briefings.items():
            for paragraph in paragraphs:
                location = paragraph.when.location if paragraph.when is not None else day.location
                yield from named(role_id, paragraph.text, location, f"the briefing of '{role_id}' on day '{day.id}'")
    for role_id, role in scenario.roles.items():
        for advisor in role.advisors:
            for advice in advisor.advice:
                location = advice.when.location if advice.when is not None else advisor.location
                yield from named(role_id, advice.text, location, f"advice from '{advisor.id}' to '{role_id}'")


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long for the system: certainly no painting there
        return False


def _art_problem(scenario: Scenario, picture_id: str, art) -> str | None:
    try:
        image = catalog.authors_image(scenario.folder, art)
    except catalog.UnsafeArtPath as error:
        return f"has art the game will not show: {error}"
    except (OSError, ValueError):
        return "names an image the system cannot look up"
    if image is not None:
        return None if _is_file(image) else f"names the image '{art['image']}', which does not exist"
    if art or _is_file(catalog.scene_path(scenario.id, picture_id)):
        return None  # a description for the painter (checked by the loader), or a painting already made
    relative = Path("assets", "art", "scenes", scenario.id, f"{picture_id}.png")
    return (f"has no art: add 'art:' (a scene of the painter's library such as {{scene: excomm_table}}, "
            f"a composition {{paint: [...]}}, or your own {{image: ...}}) or a painting at {relative.as_posix()}")
