"""``brink cards``: printable role cards, one per leader and advisor, for a classroom without screens.

A card holds what the seat's player needs at the table: the portrait, the name, the office and
leaning, what the seat knows when the crisis opens (its team's first briefing and the secrets its
side is let into, never the other side's: ``visible_to`` is kept as in the game), and what the
person wants (their standing advice and what they push for on the first day).
"""

from __future__ import annotations

from typing import Any

from game import i18n
from game.engine.visibility import sees
from game.scenario.model import Flag, Role, Scenario, Variable
from game.tools.debrief_report import environment, portrait_of

LEANING_WORDS = {"hawk": i18n.N_("a hawk: reaches for force and pressure first"),
                 "moderate": i18n.N_("a moderate: weighs force against talks"),
                 "dove": i18n.N_("a dove: reaches for talks and restraint first")}


def render_cards(scenario: Scenario, language: str = "en", paper: str = "A4") -> str:
    """The page of cards, leaders first, each team's advisors after its leader."""
    words = i18n.words(i18n.supported(language))
    return environment(language).get_template("cards.html").render(
        scenario=scenario.title.get(language), paper=paper, language=i18n.supported(language),
        cards=[card for role in scenario.roles.values() for card in cards_of(scenario, role, language, words)])


def cards_of(scenario: Scenario, role: Role, language: str, words: i18n.Words) -> list[dict[str, Any]]:
    first = scenario.days[0]
    date = i18n.dated(first.date, i18n.words(language))  # in the card's language, even one the interface lacks
    values = tuple(scenario.initial_values())
    briefing = [p.text.get(language) for p in first.briefings.get(role.id, ())
                if p.when is None or p.when.test(values)]
    secrets = _secrets(scenario, role.id, values, language)
    name = role.name.get(language)
    leader = {"kind": "leader", "role_id": role.id, "team": role.side.get(language) or name, "name": name, "office": role.title.get(language),
              "leaning": "", "temper": "", "portrait": portrait_of(scenario, role.id), "knows": briefing, "secrets": secrets,
              "wants": [role.description.get(language)] if role.description else [],
              "date": date}
    result = [leader]
    for advisor in role.advisors:
        standing = [a.text.get(language) for a in advisor.advice if a.day is None and a.when is None]
        brief = first.brief_of(role.id, advisor.id).get(language)
        wants = ([brief] if brief else []) + standing[:1]
        result.append({"kind": "advisor", "role_id": role.id, "team": role.side.get(language) or name, "name": advisor.name.get(language),
                       "office": advisor.office_on(first.date).get(language),
                       "leaning": words(LEANING_WORDS[advisor.leaning]) if advisor.leaning in LEANING_WORDS
                       else advisor.leaning, "temper": advisor.leaning,
                       "portrait": portrait_of(scenario, advisor.id), "knows": briefing[:1], "secrets": secrets,
                       "wants": wants, "leader": name, "date": date})
    return result


def _secrets(scenario: Scenario, role_id: str, values: tuple, language: str) -> list[tuple[str, str]]:
    """What this side is let into at the start that some other seat is not, as (label, description):
    the card sets each label in bold so a student finds the meter again on the screen by its name."""
    found = []
    items: tuple[Variable | Flag, ...] = (*scenario.variables.values(), *scenario.flags.values())
    for item in items:
        if item.visible_to is None or not sees(item.visible_to, role_id, values):
            continue
        if all(sees(item.visible_to, other, values) for other in scenario.roles):
            continue
        description = getattr(item, "description", None)
        found.append((item.label.get(language), description.get(language) if description else ""))
    return found
