"""What a resolved day brought, item by item, as the seats looking at it may see it.

The window's resolution screen, the text mode and the classroom all tell the day from this one
list, so a secret is kept, and a message is not told twice, the same way everywhere: an
interaction's words, each event's news, each delayed effect's message (the same words due twice
on one day are told once; one without words is not news), and each flag that came into or went out of force.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Iterable

from game.engine.state import DayRecord
from game.engine.visibility import all_see
from game.scenario.model import EMPTY_TEXT, Scenario, Text


@dataclass(frozen=True, slots=True)
class News:
    kind: str  # "interaction", "event", "delayed" or "flag"
    title: Text  # an event's title, a flag's label; empty for the others
    text: Text  # what happened; empty for a flag (see ``in_force``)
    source: str = ""  # the interaction, event, choice or flag it comes from
    in_force: bool | None = None  # for a flag: whether it came into force (True) or went out (False)


def day_news(scenario: Scenario, record: DayRecord, seats: Iterable[str] | None) -> list[News]:
    """The day's news for ``seats`` (None: everything, as the ending and the debrief show it)."""
    seats = None if seats is None else tuple(seats)
    values = record.values_after
    found: list[News] = []
    for interaction_id in record.interactions:
        interaction = next(i for i in scenario.interactions if i.id == interaction_id)
        if interaction.text and all_see(interaction.visible_to, seats, values):
            found.append(News("interaction", EMPTY_TEXT, interaction.text, interaction.id))
    for event_id in record.events:
        event = next(e for e in scenario.events if e.id == event_id)
        if all_see(event.visible_to, seats, values):
            found.append(News("event", event.title, event.text, event.id))
    told: set[Text] = set()
    for source, note in zip(record.delayed, record.delayed_notes):
        # a delayed effect without words is the rules' housekeeping (bombs that stopped falling):
        # there is nothing to tell, and an id is no news
        if not note.text or not all_see(note.visible_to, seats, values) or note.text in told:
            continue
        told.add(note.text)
        found.append(News("delayed", EMPTY_TEXT, note.text, source))
    for flag in scenario.flags.values():
        before, after = record.values_before[flag.slot], record.values_after[flag.slot]
        if before != after and all_see(flag.visible_to, seats, values):
            found.append(News("flag", flag.label, EMPTY_TEXT, flag.id, bool(after)))
    return found
