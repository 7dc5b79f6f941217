"""Misperception in 1962: no screen shows a seat what it may not know at that moment.

Many seeded games are played for each seat (the record's orders, random ones, a hawk's), in the
text mode, in the window's words and in a classroom, and every text the seat is shown on each day
is checked against
what is kept from it on that day: the other side's orders it has not learned of, the other
side's meters, the secret flags, the news and messages meant for the other capital. The ending
shows everything.
"""

from __future__ import annotations

import functools
import io
import random
import re
from pathlib import Path

import pytest

from game.classroom import commands as c
from game.classroom.room import LEADER
from game.classroom.views import view_for
from game.engine import machine
from game.engine.opponents import policy_named
from game.engine.resolve import choice_on_day, day_random
from game.engine.visibility import all_see, sees
from game.scenario.load import load_scenario
from game.text.play import TextGame
from tests.classroom.conftest import strings
from tests.classroom.test_room import seated

ROOT = Path(__file__).parent.parent
CRISIS = load_scenario(ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml")
OTHER = {"kennedy": "khrushchev", "khrushchev": "kennedy"}
PAIRS = [("historical", "historical"), ("historical", "random"), ("random", "historical"), ("random", "random"),
         ("hawk", "hawk"), ("hawk", "random"), ("random", "hawk")]
GAMES = [(seat, mine, theirs, seed) for seat in OTHER for mine, theirs in PAIRS for seed in (1, 2, 3)]


def kept_from(seat: str, history, day: int) -> set[str]:
    """Every text the scenario keeps from ``seat`` while it reads day ``day``'s screens: as the day
    begins and on its resolution (what is hidden at both moments)."""
    record = history[day]
    moments = (record.values_before, record.values_after)
    other = OTHER[seat]
    kept: set[str] = set()
    for earlier in history[: day + 1]:
        if earlier.order_of(other) is None:
            continue
        # read from the file's visible_to itself, not through the code the screens use
        choice = choice_on_day(CRISIS, earlier.day_index, other, earlier.order_of(other))
        shown_when = moments if earlier is not record else (record.values_after,)  # its own day: on its resolution
        if not any(sees(choice.visible_to, seat, values) for values in shown_when):
            kept.add(choice.label.get())
    for item in (*CRISIS.variables.values(), *CRISIS.flags.values()):
        if not any(all_see(item.visible_to, (seat,), values) for values in moments):
            kept.add(item.label.get())
    after = record.values_after
    for event_id in record.events:
        event = next(e for e in CRISIS.events if e.id == event_id)
        if not all_see(event.visible_to, (seat,), after):
            kept.update((event.title.get(), event.text.get()))
    for interaction_id in record.interactions:
        interaction = next(i for i in CRISIS.interactions if i.id == interaction_id)
        if interaction.text and not all_see(interaction.visible_to, (seat,), after):
            kept.add(interaction.text.get())
    for note in record.delayed_notes:
        if note.text and not all_see(note.visible_to, (seat,), after):
            kept.add(note.text.get())
    return kept - told_openly(seat, record)


def told_openly(seat: str, record) -> set[str]:
    """Words of that day the seat may read in their own right (the same words as a secret, told by something public)."""
    told = set()
    for event_id in record.events:
        event = next(e for e in CRISIS.events if e.id == event_id)
        if all_see(event.visible_to, (seat,), record.values_after):
            told.update((event.title.get(), event.text.get()))
    for note in record.delayed_notes:
        if all_see(note.visible_to, (seat,), record.values_after):
            told.add(note.text.get())
    return told


class PolicyAnswers(io.StringIO):
    """A player at the keyboard who plays like a computer policy, and asks for the meters first."""

    def __init__(self, policy: str, seat: str):
        super().__init__()
        self.policy = policy_named(policy)
        self.seat = seat
        self.game: TextGame | None = None
        self.asked_meters = False

    def readline(self, *args) -> str:
        session = self.game.session
        if self.seat not in session.waiting_for():
            return "\n"
        if not self.asked_meters:
            self.asked_meters = True
            return "m\n"
        self.asked_meters = False
        legal = session.legal_choices(self.seat)
        state = session.state
        rng = day_random(state.seed + 99, state.day_index, 7)
        wanted = self.policy.choose(CRISIS, state, self.seat, legal, rng)
        return f"{[choice.id for choice in legal].index(wanted) + 1}\n"


@functools.cache  # the test of what the games meet reads the same games again
def play_text(seat: str, mine: str, theirs: str, seed: int) -> tuple[str, TextGame]:
    """A whole text game. The advisors give their odds of war in the first seed's games only: the
    odds are the slow part (playouts each day) and their words are checked there; the other games
    check everything else the text shows, and meet more of the secrets in the same time."""
    answers = PolicyAnswers(mine, seat)
    output = io.StringIO()
    game = TextGame(machine.start(CRISIS, seed), {seat: "human", OTHER[seat]: theirs}, answers, output, width=10_000,
                    estimates=seed == 1)
    answers.game = game
    game.run()
    return output.getvalue(), game


def by_day(text: str) -> tuple[list[str], str]:
    """The transcript cut at each day's heading, and the ending."""
    game, ending = text[: text.index("Ending:")], text[text.index("Ending:"):]
    days = re.split(r"^Day \d+ of \d+:", game, flags=re.M)[1:]
    return days, ending


@pytest.mark.parametrize("seat,mine,theirs,seed", GAMES, ids=lambda v: str(v))
def test_the_text_mode_shows_a_seat_nothing_kept_from_it_and_the_ending_everything(seat, mine, theirs, seed):
    text, game = play_text(seat, mine, theirs, seed)
    history = game.session.state.history
    days, ending = by_day(text)
    assert len(days) == len(history)
    assert ("odds of war" in text) == (seed == 1)  # the advisors' odds are among the words checked
    for index, day_text in enumerate(days):
        leaked = [secret for secret in kept_from(seat, history, index) if secret in day_text]
        assert not leaked, f"{seat}, {CRISIS.days[history[index].day_index].id}: {leaked}"
        day = CRISIS.days[history[index].day_index]
        own = day.seen_by.get(seat)
        if own is not None and own.history is not None:  # the day's note tells the other capital's secrets
            assert day.history_note.get() not in day_text and own.history.get() in day_text
    for record in history:
        for role_id, choice_id in record.orders:
            if choice_id:
                assert choice_on_day(CRISIS, record.day_index, role_id, choice_id).label.get() in ending
    for variable in CRISIS.variables.values():
        assert variable.label.get() in ending


def test_the_games_meet_the_secrets_they_are_meant_to_check():
    """The games above do reach the hidden orders and meters of both sides (not a test that cannot fail)."""
    hidden = {seat: set() for seat in OTHER}
    for seat, mine, theirs, seed in GAMES[:: 3]:
        _, game = play_text(seat, mine, theirs, seed)
        history = game.session.state.history
        for index in range(len(history)):
            hidden[seat] |= kept_from(seat, history, index)
    assert {"Kremlin backing", "Soviet hawks", "Camouflage and deny"} <= hidden["kennedy"]
    assert {"Kennedy at home", "US hawks", "Meet the advisers in secret", "Troops (est.)"} \
        <= hidden["khrushchev"]
    assert "Nuclear warheads for the Lunas and cruise missiles in Cuba" in hidden["kennedy"]


@pytest.mark.parametrize("seat", list(OTHER))
@pytest.mark.parametrize("seed", [1, 2])
def test_a_classroom_team_is_sent_nothing_kept_from_it(seat, seed):
    room = seated(CRISIS, ("Ann", seat, LEADER), ("Cat", seat, next(iter(a.id for a in CRISIS.roles[seat].advisors))))
    room.apply(c.Start())
    leader, advisor = room.members["m1"], room.members["m2"]
    rng = random.Random(seed)
    sent: list[tuple[int, str]] = []
    while not room.session.state.ended:
        day = room.session.state.day_index
        sent.extend((day, text) for who in (leader, advisor) for text in strings(view_for(room, who)))
        legal = room.session.legal_choices(seat)
        room.apply(c.Order("m1", rng.choice(legal).id))
        if not room.session.state.ended:  # once the game has ended, everything is shown
            sent.extend((day, text) for who in (leader, advisor) for text in strings(view_for(room, who)))
        room.apply(c.NextDay())
    history = room.session.state.history
    for index, record in enumerate(history):
        kept = kept_from(seat, history, index)
        leaked = {text for day, text in sent if day == record.day_index for secret in kept if secret in text}
        assert not leaked, f"{seat}, {CRISIS.days[record.day_index].id}: {leaked}"
    ended = "\n".join(strings(view_for(room, leader)))
    assert all(choice_on_day(CRISIS, r.day_index, OTHER[seat], r.order_of(OTHER[seat])).label.get() in ended
               for r in history if r.order_of(OTHER[seat]))


@pytest.mark.parametrize("seat,mine,theirs,seed", GAMES[::2], ids=lambda v: str(v))
def test_the_windows_words_show_a_seat_nothing_kept_from_it(seat, mine, theirs, seed):
    """The resolution, the record of orders so far, the meters and what is in force, as the window
    words them for the seat, day after day."""
    from game.ui.match import HUMAN, Match
    from game.ui.scenes.common import _bars, history_blocks, in_force_block
    from game.ui.scenes.resolution import resolution_blocks

    match = Match.new(CRISIS, seed, {seat: HUMAN, OTHER[seat]: theirs}, log_path=None, autosave=None)
    match.autosave = None
    policy = policy_named(mine)
    shown: list[str] = []
    while not match.session.state.ended:
        match.begin_day()
        state = match.session.state
        legal = match.legal(seat)
        match.give_order(seat, policy.choose(CRISIS, state, seat, legal, day_random(seed + 99, state.day_index, 7)))
        match.computer_orders()
        record = match.resolve()
        values = match.session.state.values
        words = [text for text, _, _ in resolution_blocks(match, record) + history_blocks(match, (seat,))]
        words += [in_force_block(match, values, (seat,))[0]] + [v.label.get() for v in _bars(CRISIS, values, (seat,))]
        if not match.session.state.ended:  # the ending shows everything
            kept = kept_from(seat, match.session.state.history, record.day_index)
            leaked = {secret for secret in kept for text in words if secret in text}
            assert not leaked, f"{seat}, {CRISIS.days[record.day_index].id}: {leaked}"
            shown.extend(words)
        match.finish_day()
    assert shown
