"""The scenario's ``debrief:`` block: questions for the discussion after a game.

A question is a text (with its languages, like every text of a scenario), or a mapping with the
``question`` and two optional filters: ``after`` (a day id: ask only when the game got that far)
and ``endings`` (ask only after one of these endings). The report prints the questions that fit
the game played; the classroom pack prints them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Collection

from game.scenario.errors import Diagnostics, Location, did_you_mean
from game.scenario.fields import Fields, kind_of, read_text
from game.scenario.model import Text
from game.scenario.yamlsource import SourceList, SourceMap

MAX_QUESTIONS = 100


@dataclass(frozen=True, slots=True)
class DebriefQuestion:
    text: Text
    after: str | None  # a day id: asked only when the game resolved that day
    endings: frozenset[str] | None  # asked only after one of these endings; None: after any
    location: Location

    def fits(self, days_played: Collection[str], ending: str | None) -> bool:
        """Whether to ask this question after a game that played these days and reached this ending."""
        if self.after is not None and self.after not in days_played:
            return False
        return self.endings is None or ending in self.endings


def read_debrief(value, location: Location, day_ids: Collection[str], ending_ids: Collection[str],
                 diagnostics: Diagnostics) -> tuple[DebriefQuestion, ...]:
    """Every question of a ``debrief:`` list, each mistake reported at its place."""
    if value is None:
        return ()
    if not isinstance(value, SourceList):
        diagnostics.error(location, f"'debrief' must be a list of questions, not {kind_of(value)}")
        return ()
    if len(value) > MAX_QUESTIONS:
        diagnostics.error(location, f"'debrief' has {len(value)} questions; at most {MAX_QUESTIONS}")
    questions = []
    for index, item in enumerate(value[:MAX_QUESTIONS]):
        where = value.item_location(index)
        what = f"debrief question {index + 1}"
        reported = len(diagnostics.items)
        if isinstance(item, SourceMap) and "question" in item:
            fields = Fields(item, where, what, diagnostics, ("question",), ("after", "endings"))
            text = fields.text("question")
            after = fields.string("after", "") or None
            if after is not None and after not in day_ids:
                fields.error("after", f"unknown day '{after}' in {what}{did_you_mean(after, day_ids)}")
                after = None
            endings = None
            if fields.has("endings"):
                named = fields.strings("endings")
                for ending in named:
                    if ending not in ending_ids:
                        fields.error("endings", f"unknown ending '{ending}' in {what}{did_you_mean(ending, ending_ids)}")
                endings = frozenset(named)
        else:
            text, after, endings = read_text(item, where, what, diagnostics), None, None
        if not text:
            if len(diagnostics.items) == reported:  # not said already by the text's own check
                diagnostics.error(where, f"{what} is empty: write the question")
            continue
        questions.append(DebriefQuestion(text, after, endings, where))
    return tuple(questions)
