"""The scenario model: frozen values built once by the loader and shared by everything after it.

Ids are plain strings as written in the file; every cross-reference between them has been
checked by the loader, so code that holds a ``Scenario`` never meets a dangling id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from collections.abc import Mapping

from game.scenario.errors import Location
from game.scenario.expr import Condition, Effect, Evaluator, NumberExpression

FORMAT_VERSION = 1
LEANINGS = ("hawk", "moderate", "dove")
TONES = ("catastrophe", "grave", "calm")  # how an ending's screen looks: war, a bitter end, a settlement
LEANING_SCORE = {"hawk": 1, "moderate": 0, "dove": -1}


@dataclass(frozen=True, slots=True)
class Text:
    """Player-facing text, in one or several languages; English (or the first given) by default."""

    translations: tuple[tuple[str, str], ...]

    def get(self, language: str = "en") -> str:
        for code, text in self.translations:
            if code == language:
                return text
        for code, text in self.translations:
            if code == "en":
                return text
        return self.translations[0][1] if self.translations else ""

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.translations)

    def __str__(self) -> str:
        return self.get()

    def __bool__(self) -> bool:
        return any(text for _, text in self.translations)


EMPTY_TEXT = Text(())

# Who may see a secret: role id -> the condition under which it sees it (None: always). A thing
# with no ``visible_to`` (None) is seen by every seat; a seat left out never sees it, until the
# author's condition for it comes true (a leak, an event, a letter).
Visibility = Mapping[str, Condition | None]


@dataclass(frozen=True, slots=True)
class Variable:
    id: str
    label: Text
    initial: float
    minimum: float
    maximum: float
    description: Text
    slot: int
    location: Location
    visible_to: Visibility | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Flag:
    id: str
    label: Text
    initial: bool
    slot: int
    location: Location
    visible_to: Visibility | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Derived:
    """A value computed from the variables, such as the DEFCON level from tension."""

    id: str
    label: Text
    value: Evaluator
    description: Text
    location: Location
    # The definition as written (formula, or from/levels/otherwise), for tools that reason about
    # the value's range without evaluating it, such as `brink validate`'s warnings.
    spec: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class DelayedEffect:
    after_days: int  # turns to wait (``after:``); 0 when the delay is counted in calendar days
    effects: tuple[Effect, ...]
    requires: Condition | None
    text: Text
    # who reads its message when it takes effect (what is seen takes no part in equality: it changes no rule)
    visible_to: Visibility | None = field(default=None, compare=False)
    # ``after_days:``: a delay in calendar days, for turns that stand for several dates ("a week
    # after the landing"); the turns to wait from each day, worked out from the calendar at load
    calendar_days: int = 0
    turns_by_day: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def turns_from(self, day_index: int) -> int:
        """How many turns after the turn ``day_index`` (the one that schedules it) it falls due."""
        if not self.calendar_days:
            return self.after_days
        if day_index < len(self.turns_by_day):
            return self.turns_by_day[day_index]
        return len(self.turns_by_day) + 1  # past the calendar: never due


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    label: Text
    text: Text
    requires: Condition | None
    effects: tuple[Effect, ...]
    later: tuple[DelayedEffect, ...]
    leaning: str
    location: Location
    ending: str | None = None  # an ending this order brings about when its day resolves
    # who learns that the order was given (the seat giving it always knows); what is seen changes no rule
    visible_to: Visibility | None = field(default=None, compare=False)

    @property
    def moves(self) -> tuple[str, ...]:
        """The variables and flags this choice changes, for showing without giving the sign away."""
        written: list[str] = []
        for effect in self.effects + tuple(e for delayed in self.later for e in delayed.effects):
            written.extend(sorted(effect.writes - set(written)))
        return tuple(written)


@dataclass(frozen=True, slots=True)
class Advice:
    text: Text
    day: str | None
    when: Condition | None
    recommends: str | None


@dataclass(frozen=True, slots=True)
class Advisor:
    id: str
    name: Text  # by language where the author gives it; ids, not names, are what tools and logs key on
    office: Text  # the office held when the scenario begins
    leaning: str
    portrait: Mapping[str, Any]
    advice: tuple[Advice, ...]
    location: Location
    later_offices: tuple[tuple[str, Text], ...] = ()  # (date YYYY-MM-DD, office from that date), in date order

    def office_on(self, date: str) -> Text:
        """The office the advisor holds on ``date`` (dates as written, which sort as they should)."""
        office = self.office
        for since, later in self.later_offices:
            if since <= date:
                office = later
        return office


@dataclass(frozen=True, slots=True)
class Goals:
    """What a seat wants (``goals:`` under a role): a value for each ending, and a weight for
    each meter as it stands at the end. Endings left out fall back on the ending's ``scores``
    for the role, then on its tone (see ``game.engine.goals``)."""

    endings: Mapping[str, float]
    meters: Mapping[str, float]  # variable id -> value per unit of the variable at the end
    location: Location


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    name: Text
    title: Text
    side: Text  # the side the role plays for, shown in the reader's language (role cards, the classroom)
    description: Text
    portrait: Mapping[str, Any]
    advisors: tuple[Advisor, ...]
    standing_choices: tuple[Choice, ...]
    location: Location
    goals: Goals | None = None  # None: every ending valued by its scores or tone, meters not at all


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of a briefing, shown when its condition holds as the day begins (always without one)."""

    text: Text
    when: Condition | None = None


def joined(texts: list[Text]) -> Text | None:
    """Several texts as one, paragraph after paragraph, in every language any of them is written in."""
    if not texts:
        return None
    if len(texts) == 1:
        return texts[0]
    codes: dict[str, None] = {}
    for text in texts:
        codes.update(dict.fromkeys(text.languages))
    return Text(tuple((code, "\n\n".join(text.get(code) for text in texts)) for code in codes))


@dataclass(frozen=True, slots=True)
class SeatView:
    """How a day looks from one seat when it is not how the other sees it: its own title, its own picture.

    On 16 October Kennedy's day is "The photographs"; in Moscow nobody knows they exist.
    """

    title: Text | None
    art: Any  # None: the day's own picture
    # the seat's own "what really happened" note, when the day's note tells of the other capital's secrets
    history: Text | None = None


@dataclass(frozen=True, slots=True)
class Day:
    id: str
    index: int
    date: str
    title: Text
    briefings: Mapping[str, tuple[Paragraph, ...]]  # role -> its briefing's paragraphs, some conditional
    choices: Mapping[str, tuple[Choice, ...]]
    historical: Mapping[str, str]
    history_note: Text
    art: Any
    location: Location
    advisors: Mapping[str, tuple[str, ...]] | None = None  # role -> advisors at the table today; None: all
    seen_by: Mapping[str, SeatView] = field(default_factory=dict)  # role -> its own title or picture
    # role -> advisor -> what that advisor would push for today: the private role card a student
    # playing the advisor reads in a classroom session
    briefs: Mapping[str, Mapping[str, Text]] = field(default_factory=dict)
    # a classroom's decision time for this day, in minutes (None: the room's own)
    minutes: float | None = None
    # role -> the order given when a team has not decided by the end of the decision time
    defaults: Mapping[str, str] = field(default_factory=dict)

    def briefing_for(self, role_id: str, values) -> Text | None:
        """What the seat is told this morning: the paragraphs whose condition holds on ``values``."""
        return joined([p.text for p in self.briefings.get(role_id, ()) if p.when is None or p.when.test(values)])

    def title_for(self, role_id: str | None) -> Text:
        """The day's title as this seat reads it."""
        view = self.seen_by.get(role_id) if role_id else None
        return view.title if view is not None and view.title else self.title

    def title_shared(self, role_ids) -> Text | None:
        """The title a screen these seats share may show: a seat's own when it is one seat; the day's
        when none of them has a title of its own; otherwise none (the date alone), since the day's
        title may be one seat's secret (on 16 October Moscow's day is not "The photographs")."""
        if role_ids is None:
            return self.title
        seats = tuple(role_ids)
        if len(seats) == 1:
            return self.title_for(seats[0])
        return None if any(self.seen_by.get(r) is not None and self.seen_by[r].title for r in seats) else self.title

    def picture_for(self, role_id: str | None) -> tuple[str, Any]:
        """(picture id, art) of the day's painting as this seat sees it; a seat's own picture has its own id."""
        view = self.seen_by.get(role_id) if role_id else None
        if view is not None and view.art is not None:
            return f"{self.id}-{role_id}", view.art
        return self.id, self.art

    def history_for(self, role_ids) -> Text:
        """The day's "what really happened" note as these seats may read it: a seat's own note where
        the scenario gives one (the day's note may tell what the other capital kept secret); on a
        screen several seats share, the day's note only when none of them has its own; with no seats
        (the ending, the debrief), the day's note."""
        if role_ids is None:
            return self.history_note
        seats = tuple(role_ids)
        own = [history for r in seats if r in self.seen_by and (history := self.seen_by[r].history) is not None]
        if not own:
            return self.history_note
        return own[0] if len(seats) == 1 else EMPTY_TEXT

    def brief_of(self, role_id: str, advisor_id: str) -> Text:
        """What an advisor would push for today, or empty text when the scenario does not say."""
        return self.briefs.get(role_id, {}).get(advisor_id, EMPTY_TEXT)

    def advisors_present(self, role: Role) -> tuple[Advisor, ...]:
        if self.advisors is None or role.id not in self.advisors:
            return role.advisors
        present = set(self.advisors[role.id])
        return tuple(advisor for advisor in role.advisors if advisor.id in present)


@dataclass(frozen=True, slots=True)
class Interaction:
    """Extra effects when the two sides' orders of one day combine."""

    id: str
    orders: Mapping[str, frozenset[str] | None]  # role -> choice ids, None meaning any order
    requires: Condition | None
    effects: tuple[Effect, ...]
    text: Text
    location: Location
    ending: str | None = None
    visible_to: Visibility | None = field(default=None, compare=False)  # who reads its text


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    title: Text
    text: Text
    requires: Condition | None
    probability: NumberExpression
    once: bool
    days: frozenset[str] | None
    effects: tuple[Effect, ...]
    later: tuple[DelayedEffect, ...]
    location: Location
    ending: str | None = None
    visible_to: Visibility | None = field(default=None, compare=False)  # who hears the news


@dataclass(frozen=True, slots=True)
class Ending:
    id: str
    title: Text
    text: Text
    priority: int
    when: Condition | None
    final: bool  # only considered when the calendar runs out
    history_note: Text
    scores: Mapping[str, float]
    art: Any
    location: Location
    tone: str = ""  # one of TONES, or "" to let the scores decide

    @property
    def mood(self) -> str:
        """The ending's tone: as written, else "grave" when every side loses, else "calm"."""
        if self.tone:
            return self.tone
        if self.scores and all(score < 0 for score in self.scores.values()):
            return "grave"
        return "calm"


ROUTE_KINDS = ("road", "rail", "sea", "air", "border", "front")


@dataclass(frozen=True, slots=True)
class MapPlace:
    name: Text
    lon: float
    lat: float


@dataclass(frozen=True, slots=True)
class MapLine:
    """A route (a road, an air corridor, a border) or an area (a zone, a country gone since), by its points."""

    name: Text
    points: tuple[tuple[float, float], ...]  # (longitude, latitude)
    kind: str = ""  # a route's kind (ROUTE_KINDS); an area's tint (a pigment of the painter)


@dataclass(frozen=True, slots=True)
class ScenarioMap:
    """A scenario's own map: its frame, the countries tinted, its areas, places, routes and labels."""

    name: Text
    bounds: tuple[float, float, float, float]  # west, south, east, north, in degrees
    countries: tuple[tuple[str, str], ...]  # (region word, pigment) washed over the country
    areas: tuple[MapLine, ...]
    places: tuple[MapPlace, ...]
    routes: tuple[MapLine, ...]
    labels: tuple[MapPlace, ...]
    location: Location


@dataclass(frozen=True, slots=True)
class Scenario:
    format_version: int
    id: str
    title: Text
    summary: Text
    authors: tuple[str, ...]
    sources: tuple[str, ...]
    license: str  # an SPDX expression (CC-BY-4.0) or the terms in words; "" when the file gives none
    first_date: str
    last_date: str
    roles: Mapping[str, Role]
    variables: Mapping[str, Variable]
    flags: Mapping[str, Flag]
    derived: Mapping[str, Derived]
    days: tuple[Day, ...]
    interactions: tuple[Interaction, ...]
    events: tuple[Event, ...]
    endings: tuple[Ending, ...]  # highest priority first; file order among equals
    path: str
    folder: str
    digest: str  # sha256 of the file's bytes, so a save can tell it was made with another version
    day_slot: int = field(default=0)
    art: Any = None  # the scenario's own title painting, as a day's art is written (None: the game's)
    map: ScenarioMap | None = field(default=None, compare=False)  # the scenario's own map, if it has one
    # how long a letter between teams takes to arrive in a classroom (None: the room's own)
    letter_delay_minutes: float | None = None
    debrief: tuple[Any, ...] = field(default=(), compare=False)  # questions after a game (game.scenario.debrief)
    # Answers the rules work out once per scenario and reuse (e.g. which interactions a pair of
    # orders can trigger); derived from the fields above, so it takes no part in equality.
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def role_ids(self) -> tuple[str, ...]:
        return tuple(self.roles)

    def initial_values(self) -> list:
        values: list = [variable.initial for variable in self.variables.values()]
        values.extend(flag.initial for flag in self.flags.values())
        values.append(1)  # the day number, counted from 1
        return values

    def day(self, day_id: str) -> Day:
        return next(day for day in self.days if day.id == day_id)

    def ending(self, ending_id: str) -> Ending:
        return next(ending for ending in self.endings if ending.id == ending_id)

    def choice(self, role_id: str, choice_id: str) -> Choice | None:
        """The first definition of a choice for a role, from the days or the standing choices."""
        for day in self.days:
            for choice in day.choices.get(role_id, ()):
                if choice.id == choice_id:
                    return choice
        for choice in self.roles[role_id].standing_choices:
            if choice.id == choice_id:
                return choice
        return None

    def choice_ids(self, role_id: str) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for day in self.days:
            for choice in day.choices.get(role_id, ()):
                seen.setdefault(choice.id)
        for choice in self.roles[role_id].standing_choices:
            seen.setdefault(choice.id)
        return tuple(seen)
