"""A day's orders -> effects, interactions, delayed effects, random events, endings.

The order of resolution, which authors can rely on:
1. interaction conditions are read on the values as they stood when the orders were given;
2. each role's order applies its effects, roles in the order the file declares them (so two
   simultaneous orders never see each other's effects when deciding whether they apply);
3. matching interactions apply their effects;
4. delayed effects due today apply, if their condition holds;
5. random events roll, in file order, each at most once per day;
6. an ending named by a choice, interaction or event of the day ends the game (the highest
   priority one if several); otherwise endings are checked, highest priority first, and after
   the last day the final (calendar) endings too.
Every variable is clamped to its bounds after each assignment. A formula that comes to no usable
number (NaN, or a derived value out of range) stops the day with a ``FormulaError`` placed at the
formula, before anything reaches the state.
"""

from __future__ import annotations

from operator import itemgetter
from typing import NamedTuple
from collections.abc import Mapping, Sequence

from game.engine.state import DayRecord, GameState, Note, Pending, check_derived
from game.scenario.errors import FormulaError
from game.scenario.expr import DAY_NAME, Condition, Effect, Evaluator
from game.scenario.model import Choice, Event, Interaction, Scenario

_MIX = 0x9E3779B97F4A7C15  # spreads neighbouring seeds apart


class Dice:
    """A small, fast random generator (SplitMix64), enough for game dice and fully reproducible.

    Every draw of a day comes from its own generator keyed by the game's seed, the day and a
    purpose (events, or one role's computer player), so each day can be replayed on its own:
    a save needs only the seed and the orders. Seeding Python's ``random.Random`` for each of
    these cost more than a whole day's rules, which is why this one exists.
    """

    __slots__ = ("state",)

    def __init__(self, key: int):
        self.state = key & _MASK

    def random(self) -> float:
        """A float in [0, 1)."""
        self.state = state = (self.state + 0x9E3779B97F4A7C15) & _MASK
        z = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return ((z ^ (z >> 31)) >> 11) * _UNIT

    def randrange(self, stop: int) -> int:
        return int(self.random() * stop)

    def choice(self, items):
        return items[self.randrange(len(items))]


_MASK = (1 << 64) - 1
_UNIT = 1.0 / (1 << 53)


def day_random(seed: int, day_index: int, stream: int = 0) -> Dice:
    """The dice for one purpose on one day: stream 0 for events, role index + 1 for its player."""
    return Dice(seed * _MIX + day_index * 1_000_003 + stream * 7919)


def legal_choices(scenario: Scenario, state: GameState, role_id: str) -> tuple[Choice, ...]:
    """The choices open to a role today: the day's own, then the role's standing ones."""
    if state.ending is not None:
        return ()
    key = ("open", state.day_index, role_id)
    table = scenario.memo.get(key)
    if table is None:  # the lookahead asks at every step of every playout: worked out once a day and role
        table = scenario.memo[key] = _OpenChoices(scenario, _offered_on(scenario, state.day_index, role_id))
    return table.open_at(state.values)


_KEPT_OPEN = 4096  # answers an _OpenChoices keeps; then forgotten all at once


class _OpenChoices:
    """The choices offered to a role on a day, and which of them are open, by the values their
    conditions read: a playout meets the same few flags and meters again and again, so each
    pattern of them is tested once. A condition that reads a derived value is tested every time."""

    __slots__ = ("tests", "read", "known")

    def __init__(self, scenario: Scenario, offered: tuple[Choice, ...]):
        self.tests = tuple((choice, choice.requires.test if choice.requires else None) for choice in offered)
        slots = _slots_read(scenario, [choice.requires for choice in offered if choice.requires])
        self.read = itemgetter(*slots) if slots else None
        self.known: dict = {}

    def open_at(self, values: Sequence) -> tuple[Choice, ...]:
        if self.read is None:
            return self.tested(values)
        mark = self.read(values)
        found = self.known.get(mark)
        if found is None:
            if len(self.known) >= _KEPT_OPEN:
                self.known.clear()
            found = self.known[mark] = self.tested(values)
        return found

    def tested(self, values: Sequence) -> tuple[Choice, ...]:
        return tuple([choice for choice, test in self.tests if test is None or test(values)])


def _slots_read(scenario: Scenario, conditions: Sequence[Condition]) -> tuple[int, ...] | None:
    """The slots of the values these conditions read, in order; None if one reads a derived value
    (or reads nothing: then there is nothing to look up by)."""
    slots: set[int] = set()
    for condition in conditions:
        for name in condition.reads:
            if name.startswith("flags.") and name[6:] in scenario.flags:
                slots.add(scenario.flags[name[6:]].slot)
            elif name in scenario.variables:
                slots.add(scenario.variables[name].slot)
            elif name == DAY_NAME:
                slots.add(scenario.day_slot)
            else:
                return None
    return tuple(sorted(slots)) or None


def _offered_on(scenario: Scenario, day_index: int, role_id: str) -> tuple[Choice, ...]:
    """A day's own choices for a role, then its standing ones that no choice of the day replaces
    (same id); the same on every visit to that day, so listed once."""
    key = ("offered", day_index, role_id)
    offered = scenario.memo.get(key)
    if offered is None:
        own = scenario.days[day_index].choices.get(role_id, ())
        replaced = {choice.id for choice in own}
        offered = scenario.memo[key] = (*own, *(choice for choice in scenario.roles[role_id].standing_choices
                                                if choice.id not in replaced))
    return offered


def find_legal(scenario: Scenario, state: GameState, role_id: str, choice_id: str) -> Choice | None:
    """The choice if it is open to the role today, else None (without listing every choice)."""
    if state.ended:
        return None
    choice = choice_on_day(scenario, state.day_index, role_id, choice_id)
    if choice is not None and (choice.requires is None or choice.requires.test(state.values)):
        return choice
    return None


def choice_on_day(scenario: Scenario, day_index: int, role_id: str, choice_id: str) -> Choice | None:
    """The choice as it was offered on a given day (a day's own choice wins over a standing one)."""
    key = ("offered by id", day_index, role_id)
    by_id = scenario.memo.get(key)
    if by_id is None:
        by_id = scenario.memo[key] = {choice.id: choice for choice in _offered_on(scenario, day_index, role_id)}
    return by_id.get(choice_id)


class IllegalOrder(ValueError):
    """An order that is not open to its role today."""


def resolve_day(scenario: Scenario, state: GameState, orders: Mapping[str, str | None]) -> GameState:
    """Resolve the current day with every role's order; returns the next state.

    ``orders`` maps each role to a choice id, or to None for a role with no legal choice today.
    """
    if state.ended:
        raise IllegalOrder("the game has ended")
    day = scenario.days[state.day_index]
    chosen: list[tuple[str, Choice | None]] = []
    for role_id in scenario.roles:
        choice_id = orders.get(role_id)
        if choice_id is None:
            if legal_choices(scenario, state, role_id):
                raise IllegalOrder(f"'{role_id}' has not given an order for {day.id}")
            chosen.append((role_id, None))
            continue
        choice = find_legal(scenario, state, role_id, choice_id)
        if choice is None:
            raise IllegalOrder(f"'{choice_id}' is not open to '{role_id}' on {day.id}")
        chosen.append((role_id, choice))

    applied = apply_orders(scenario, state, chosen)
    values, waiting = applied.values, applied.waiting

    fired = state.fired
    events_today = roll_events(scenario, state.day_index, fired, values, day_random(state.seed, state.day_index), waiting)
    if events_today:
        fired = fired | frozenset(events_today)

    ending = ending_of_day(scenario, state, chosen, applied.matching, events_today, values)
    next_index = state.day_index if ending else state.day_index + 1
    after = tuple(values)
    record = DayRecord(day.id, state.day_index, tuple(applied.order_ids.items()),
                       tuple(i.id for i in applied.matching), tuple(events_today), tuple(applied.delayed_sources),
                       tuple(applied.delayed_notes), applied.before, after, ending)
    return GameState(state.seed, next_index, after, tuple(waiting), fired, state.history + (record,), ending)


class OrdersApplied(NamedTuple):
    """Steps 1 to 4 of a day: what the orders, their interactions and the delayed effects due did."""

    before: tuple  # the values as the orders were given
    values: list  # the values after steps 2 to 4, still to be changed by events
    order_ids: dict[str, str | None]
    matching: tuple[Interaction, ...]
    waiting: list[Pending]  # delayed effects not yet due
    delayed_sources: list[str]
    delayed_notes: list


def apply_orders(scenario: Scenario, state: GameState, chosen: Sequence[tuple[str, Choice | None]]) -> OrdersApplied:
    """Steps 1 to 4 for legal orders (each role, in the file's order, with its choice or None);
    shared by the game and by ``brink check``, which then lets the events fall every way."""
    before = state.values
    values = list(before)
    order_ids = {role_id: (choice.id if choice else None) for role_id, choice in chosen}
    combined = _interactions_for(scenario, order_ids)  # most pairs of orders combine into none
    matching = tuple(interaction for interaction in combined
                     if interaction.requires is None or interaction.requires.test(before)) if combined else ()

    pending = list(state.pending)
    for _, choice in chosen:
        if choice is None:
            continue
        run_effects(choice.effects, values)
        for delayed in choice.later:
            pending.append(Pending(state.day_index + delayed.turns_from(state.day_index), choice.id, delayed.effects,
                                   delayed.requires, delayed.text, delayed.visible_to))
    for interaction in matching:
        run_effects(interaction.effects, values)

    delayed_sources = []
    delayed_notes = []
    waiting = []
    for item in pending:
        if item.due_index > state.day_index:
            waiting.append(item)
        elif item.requires is None or item.requires.test(values):
            run_effects(item.effects, values)
            delayed_sources.append(item.source)
            delayed_notes.append(Note(item.text, item.visible_to))
    return OrdersApplied(before, values, order_ids, matching, waiting, delayed_sources, delayed_notes)


def run_effects(effects: Sequence[Effect], values: list) -> None:
    """Apply effects in order; a formula that fails is reported at its own place in the file."""
    for effect in effects:
        try:
            effect.apply(values)
        except FormulaError as error:
            raise error.at(effect.location) from None


def may_fire(event: Event, day_id: str, fired: frozenset[str], values: Sequence) -> bool:
    """Whether an event rolls its dice today (step 5), before chance has its say."""
    if event.once and event.id in fired:
        return False
    if event.days is not None and day_id not in event.days:
        return False
    return event.requires is None or event.requires.test(values)


def roll_events(scenario: Scenario, day_index: int, fired: frozenset[str], values: list, dice: Dice,
                waiting: list) -> list[str]:
    """Step 5: every event that may fire today (``may_fire``) rolls the dice, in the file's order;
    one that happens acts at once, so a later event sees its effects. Returns their ids.

    The lookahead runs this at every step of every playout, so the events tied to other days are
    left out once per day and each event's tests are taken out of it beforehand."""
    happened = []
    for event, event_id, once, requires, chance in _events_on(scenario, day_index):
        if once and event_id in fired:
            continue
        if requires is not None and not requires(values):
            continue
        if dice.random() < chance(values):
            happened.append(event_id)
            fire(event, day_index, values, waiting)
    return happened


def _events_on(scenario: Scenario, day_index: int) -> tuple:
    key = ("events", day_index)
    found = scenario.memo.get(key)
    if found is None:
        day_id = scenario.days[day_index].id
        found = scenario.memo[key] = tuple(
            (event, event.id, event.once, event.requires.test if event.requires is not None else None,
             event.probability.value)
            for event in scenario.events if event.days is None or day_id in event.days)
    return found


def fire(event: Event, day_index: int, values: list, waiting: list) -> None:
    """An event that happened: its effects now, its delayed effects among those waiting."""
    run_effects(event.effects, values)
    for delayed in event.later:
        waiting.append(Pending(day_index + delayed.turns_from(day_index), event.id, delayed.effects, delayed.requires, delayed.text,
                               delayed.visible_to))


def ending_of_day(scenario: Scenario, state: GameState, chosen: Sequence[tuple[str, Choice | None]],
                  matching: Sequence[Interaction], events_today: Sequence[str], values: list) -> str | None:
    """Step 6: the ending the day brings, if any; when there is none, the day number in
    ``values`` moves on to the next day. Last, every derived value is checked on the values the
    game will keep, the new day's number included (a formula may read ``day``), so no state has
    a derived value that cannot be shown or saved."""
    forced = {choice.ending for _, choice in chosen if choice is not None and choice.ending}
    if matching:
        forced.update(interaction.ending for interaction in matching if interaction.ending)
    if events_today:
        endings = _event_endings(scenario)
        forced.update(endings[event_id] for event_id in events_today if event_id in endings)
    last_day = state.day_index + 1 >= len(scenario.days)
    ending = _first_forced(scenario, forced) if forced else reached_ending(scenario, values, final=last_day)
    if not ending:
        values[scenario.day_slot] = state.day_index + 2
    check_derived(scenario, values)
    return ending


def _event_endings(scenario: Scenario) -> dict[str, str]:
    """The ending each event that brings one brings, by event id: most days of a playout some event
    fires, and the few that end the game are found without going through all of them."""
    found = scenario.memo.get("event endings")
    if found is None:
        found = scenario.memo["event endings"] = {event.id: event.ending for event in scenario.events if event.ending}
    return found


def _interactions_for(scenario: Scenario, order_ids: Mapping[str, str | None]) -> tuple[Interaction, ...]:
    """The interactions these orders combine into, before their conditions: the same for every
    day the same orders meet, so worked out once per pair of orders."""
    key = ("interactions", *order_ids.values())
    found = scenario.memo.get(key)
    if found is None:
        found = scenario.memo[key] = tuple(interaction for interaction in scenario.interactions
                                           if _orders_match(interaction.orders, order_ids))
    return found


def _orders_match(wanted: Mapping[str, frozenset[str] | None], orders: Mapping[str, str | None]) -> bool:
    for role_id, choice_ids in wanted.items():
        given = orders.get(role_id)
        if given is None or (choice_ids is not None and given not in choice_ids):
            return False
    return True


def _first_forced(scenario: Scenario, forced: set[str]) -> str:
    """Of the endings the day's orders or events brought about, the one of highest priority."""
    return next(ending.id for ending in scenario.endings if ending.id in forced)


def reached_ending(scenario: Scenario, values: Sequence, final: bool) -> str | None:
    """The ending that applies now, if any; ``final`` when the calendar has run out."""
    for ending_id, test in _ending_tests(scenario, final):
        if test is None or test(values):
            return ending_id
    return None


def _ending_tests(scenario: Scenario, final: bool) -> tuple[tuple[str, Evaluator | None], ...]:
    """(id, test) of the endings that may apply, highest priority first: the final ones only when
    the calendar has run out. Every day of every playout asks, so listed once per scenario."""
    key = ("ending tests", final)
    found = scenario.memo.get(key)
    if found is None:
        found = scenario.memo[key] = tuple((ending.id, ending.when.test if ending.when is not None else None)
                                           for ending in scenario.endings if final or not ending.final)
    return found
