"""Plain-language views of the engine's state, shared by the text mode and the tools."""

from __future__ import annotations

from game import i18n
from game.engine.visibility import shown_flags, shown_variables
from game.scenario.model import Day, Scenario


def long_date(iso_date: str, language: str = "en") -> str:
    """The day's date in the player's language: 'Saturday 27 October 1962', 'суббота, 27 октября 1962 г.'."""
    return i18n.long_date(iso_date, i18n.words(language))


def meter_lines(scenario: Scenario, values: tuple, language: str = "en", seats=None) -> list[str]:
    """Every meter the seats may see, and what is in force (``seats`` None: everything)."""
    lines = []
    for variable in shown_variables(scenario, values, seats):
        lines.append(f"{variable.label.get(language)}: {_number(values[variable.slot])} "
                     f"(of {_number(variable.minimum)}..{_number(variable.maximum)})")
    for derived in scenario.derived.values():
        lines.append(f"{derived.label.get(language)}: {_number(derived.value(values))}")
    active = [flag.label.get(language) for flag in shown_flags(scenario, values, seats) if values[flag.slot]]
    if active:
        lines.append("In force: " + "; ".join(active))
    return lines


def changes(scenario: Scenario, before: tuple, after: tuple, language: str = "en", seats=None) -> list[str]:
    """How each meter the seats may see moved, and what came into or went out of force."""
    lines = []
    for variable in shown_variables(scenario, after, seats):
        old, new = before[variable.slot], after[variable.slot]
        if old != new:
            lines.append(f"{variable.label.get(language)}: {_number(old)} -> {_number(new)} ({_signed(new - old)})")
    for derived in scenario.derived.values():
        old, new = derived.value(before), derived.value(after)
        if old != new:
            lines.append(f"{derived.label.get(language)}: {_number(old)} -> {_number(new)}")
    for flag in shown_flags(scenario, after, seats):
        old, new = before[flag.slot], after[flag.slot]
        if old != new:
            lines.append(f"{flag.label.get(language)}: {'now in force' if new else 'no longer in force'}")
    return lines


def short_names(scenario: Scenario, language: str = "en") -> dict[str, str]:
    """A short name for every person (roles and advisors, by id) that never names two people.

    The surname is enough for most ("McNamara"); where two people share one (the President and
    his brother), an advisor is named with initials ("R. F. Kennedy") and the leader keeps the
    surname, since the seat is theirs. Leaders who share a surname both take initials. Names are
    read in ``language`` (English where the author gave none), so "Хрущёв" stands beside "Кеннеди".
    """
    def surname(name: str) -> str:
        words = name.split()
        return words[-1] if words else name

    def initialled(name: str) -> str:
        words = name.split()
        if len(words) < 2:
            return name
        return " ".join(word[0] + "." if word[0].isalpha() and not word.endswith(".") else word
                        for word in words[:-1]) + " " + words[-1]

    leaders = {role.id: role.name.get(language) for role in scenario.roles.values()}
    advisors = {advisor.id: advisor.name.get(language) for role in scenario.roles.values() for advisor in role.advisors}
    counts: dict[str, int] = {}
    for name in list(leaders.values()) + list(advisors.values()):
        counts[surname(name)] = counts.get(surname(name), 0) + 1
    leader_surnames = [surname(name) for name in leaders.values()]
    names = {}
    for person, name in leaders.items():
        names[person] = surname(name) if leader_surnames.count(surname(name)) == 1 else initialled(name)
    for person, name in advisors.items():
        names[person] = surname(name) if counts[surname(name)] == 1 else initialled(name)
    return names


def day_heading(scenario: Scenario, day: Day, language: str = "en", role_id: str | None = None) -> str:
    """The day's heading line, with its title as ``role_id``'s seat reads it (the general one without)."""
    return f"Day {day.index + 1} of {len(scenario.days)}: {long_date(day.date, language)}, {day.title_for(role_id).get(language)}"


def _number(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _signed(value) -> str:
    text = _number(value)
    return text if text.startswith("-") else "+" + text

