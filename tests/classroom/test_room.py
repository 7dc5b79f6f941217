"""The room's rules without a network: seats, who may act when, votes, days, and replay."""

from __future__ import annotations

import io

import pytest

from game.classroom import commands as c
from game.classroom.room import LEADER, Room, RoomError, majority
from game.engine import machine
from game.text.play import TextGame


def new_room(scenario, seed: int = 7) -> Room:
    ticks = iter(range(1, 10_000))
    return Room("ACDEFG", scenario, seed, "teacher-token", 0.0, clock=lambda: float(next(ticks)))


def seated(scenario, *seats: tuple[str, str, str]) -> Room:
    """A room with a student on each (name, team, place), not yet started."""
    room = new_room(scenario)
    for number, (name, team, place) in enumerate(seats, start=1):
        room.apply(c.Join(f"m{number}", f"token{number}", name, "en"))
        room.apply(c.Sit(f"m{number}", team, place))
    return room


def two_teams(scenario) -> Room:
    return seated(scenario, ("Ann", "kennedy", LEADER), ("Bob", "khrushchev", LEADER), ("Cat", "kennedy", "rfk"),
                  ("Dan", "kennedy", "lemay"), ("Eve", "khrushchev", "mikoyan"))


def refused(room: Room, command) -> str:
    version = room.version
    with pytest.raises(RoomError) as caught:
        room.apply(command)
    assert room.version == version, "a refused command changed the room"
    return str(caught.value)


def test_a_leaders_seat_takes_one_student_and_an_advisors_two(demo):
    room = two_teams(demo)
    room.apply(c.Join("m6", "token6", "Fay", "en"))
    assert refused(room, c.Sit("m6", "kennedy", LEADER)) == "Ann already leads this team."
    room.apply(c.Sit("m6", "kennedy", "rfk"))
    room.apply(c.Join("m7", "token7", "Gus", "en"))
    assert "Two students already share this seat" in refused(room, c.Sit("m7", "kennedy", "rfk"))
    room.apply(c.Sit("m7", "kennedy", "rfk", by_teacher=True))  # the teacher may put a third there
    assert [m.name for m in room.seated("kennedy", "rfk")] == ["Cat", "Fay", "Gus"]


def test_a_seat_must_exist(demo):
    room = two_teams(demo)
    assert refused(room, c.Sit("m1", "nato", LEADER)) == "There is no such team."
    assert refused(room, c.Sit("m1", "kennedy", "mcnamara")) == "There is no such seat in this team."


def test_names_are_trimmed_and_cut_to_forty_characters(demo):
    room = new_room(demo)
    room.apply(c.Join("m1", "t1", "  Ann \n  Lee  " + "x" * 60, "en"))
    assert room.members["m1"].name.startswith("Ann Lee x") and len(room.members["m1"].name) == 40
    assert refused(room, c.Join("m2", "t2", "   ", "en")) == "Type your name first."


def test_a_team_with_students_needs_a_leader_to_start(demo):
    room = seated(demo, ("Cat", "kennedy", "rfk"))
    assert refused(room, c.Start()) == "John F. Kennedy has students but no leader yet: seat one first."


def test_a_team_nobody_sits_in_is_played_by_the_computer(demo):
    room = seated(demo, ("Ann", "kennedy", LEADER))
    room.apply(c.Start())
    assert room.computer == {"khrushchev"}
    assert room.session.order_of("khrushchev") is not None  # given as the day opens
    room.apply(c.Join("m2", "t2", "Bob", "en"))
    assert "The computer plays this team" in refused(room, c.Sit("m2", "khrushchev", "mikoyan"))


def test_nothing_is_ordered_or_recommended_before_the_start(demo):
    room = two_teams(demo)
    assert refused(room, c.Order("m1", "wait_and_watch")) == "Orders are not open now."
    assert refused(room, c.Recommend("m3", "wait_and_watch", "why not")) == "Orders are not open now."


def test_only_the_leader_orders_and_only_advisors_recommend(demo):
    room = two_teams(demo)
    room.apply(c.Start())
    choice = room.session.legal_choices("kennedy")[0].id
    assert refused(room, c.Order("m3", choice)) == "Only the team's leader gives the order."
    assert refused(room, c.Recommend("m1", choice, "")) == "The leader gives the order; advisors recommend."


def test_an_advisor_recommends_only_a_choice_open_to_their_own_team(demo):
    room = two_teams(demo)
    room.apply(c.Start())
    theirs = {c_.id for c_ in room.session.legal_choices("khrushchev")} - \
             {c_.id for c_ in room.session.legal_choices("kennedy")}
    assert refused(room, c.Recommend("m3", sorted(theirs)[0], "")) == "That choice is not open to your team today."


def test_a_reason_is_at_most_five_hundred_characters(demo):
    room = two_teams(demo)
    room.apply(c.Start())
    choice = room.session.legal_choices("kennedy")[0].id
    assert refused(room, c.Recommend("m3", choice, "x" * 501)) == "A reason is at most 500 characters."
    room.apply(c.Recommend("m3", choice, "y" * 500))
    assert room.advice["kennedy"].recommendations[0].reason == "y" * 500


def test_a_second_recommendation_replaces_the_first(demo):
    room = two_teams(demo)
    room.apply(c.Start())
    first, second = [choice.id for choice in room.session.legal_choices("kennedy")][:2]
    room.apply(c.Recommend("m3", first, "one"))
    room.apply(c.Recommend("m3", second, "two"))
    assert [(r.choice, r.reason) for r in room.advice["kennedy"].recommendations] == [(second, "two")]


def test_both_orders_resolve_the_day_together(demo):
    room = two_teams(demo)
    room.apply(c.Start())
    room.apply(c.Order("m1", room.session.legal_choices("kennedy")[0].id))
    assert room.phase == "deciding" and room.has_decided("kennedy") and not room.has_decided("khrushchev")
    room.apply(c.Order("m2", room.session.legal_choices("khrushchev")[0].id))
    assert room.phase == "resolved"
    assert len(room.session.state.history) == 1


def test_a_leader_may_take_an_order_back_while_the_other_team_decides(demo):
    room = two_teams(demo)
    room.apply(c.Start())
    room.apply(c.Order("m1", room.session.legal_choices("kennedy")[0].id))
    room.apply(c.Withdraw("m1"))
    assert not room.has_decided("kennedy")
    assert refused(room, c.Withdraw("m1")) == "There is no order to take back."


def test_the_teacher_opens_the_next_day_only_after_the_resolution(demo):
    room = two_teams(demo)
    room.apply(c.Start())
    assert refused(room, c.NextDay()) == "The day is not resolved yet."
    room.apply(c.Order("m1", room.session.legal_choices("kennedy")[0].id))
    room.apply(c.Order("m2", room.session.legal_choices("khrushchev")[0].id))
    room.apply(c.NextDay())
    assert room.phase == "deciding" and room.session.state.day_index == 1
    assert room.advice["kennedy"].recommendations == []  # a new day, new advice


def test_a_voting_team_orders_what_the_majority_chose_once_all_have_voted(demo):
    room = two_teams(demo)
    room.apply(c.Configure(vote=True))
    room.apply(c.Start())
    first, second = [choice.id for choice in room.session.legal_choices("kennedy")][:2]
    room.apply(c.Recommend("m3", second, "two"))
    room.apply(c.Order("m1", first))  # the leader's vote
    assert room.session.order_of("kennedy") is None  # Dan has not voted yet
    room.apply(c.Recommend("m4", second, "two as well"))
    assert room.session.order_of("kennedy") == second
    assert room.advice["kennedy"].decided_by == "vote"


def test_the_leader_breaks_a_tie(demo):
    room = two_teams(demo)
    room.apply(c.Configure(vote=True))
    room.apply(c.Start())
    first, second = [choice.id for choice in room.session.legal_choices("kennedy")][:2]
    room.apply(c.Recommend("m3", first, ""))
    room.apply(c.Recommend("m4", second, ""))
    room.apply(c.Order("m1", second))
    assert room.session.order_of("kennedy") == second


def test_a_leader_closes_the_vote_with_the_votes_cast_so_far(demo):
    room = two_teams(demo)
    room.apply(c.Configure(vote=True))
    room.apply(c.Start())
    first = room.session.legal_choices("kennedy")[0].id
    assert refused(room, c.Decide("m1")) == "Nobody has voted yet."
    room.apply(c.Recommend("m3", first, ""))
    room.apply(c.Decide("m1"))
    assert room.session.order_of("kennedy") == first


def test_majority_and_its_tie_breaker():
    assert majority(["a", "b", "a"], "b") == "a"
    assert majority(["a", "b"], "b") == "b"
    assert majority(["a", "b"], "c") is None
    assert majority([], "a") is None


def test_replaying_the_commands_rebuilds_the_same_room(demo):
    room = two_teams(demo)
    log = []
    original_apply = room.apply

    def remember(command, at=None):
        original_apply(command, at)
        log.append(command)
    room.apply = remember
    room.apply(c.Start())
    room.apply(c.Recommend("m3", room.session.legal_choices("kennedy")[0].id, "because"))
    room.apply(c.Order("m1", room.session.legal_choices("kennedy")[0].id))
    room.apply(c.Order("m2", room.session.legal_choices("khrushchev")[0].id))
    room.apply(c.NextDay())
    again = two_teams(demo)
    for command in log:
        again.apply(c.from_record(c.to_record(command)))  # through the stored form, as after a restart
    assert again.session == room.session
    assert [(m.id, m.token, m.seat) for m in again.members.values()] == \
           [(m.id, m.token, m.seat) for m in room.members.values()]


def test_a_room_with_the_computer_plays_the_same_game_as_the_text_mode(crisis):
    """Same seed and orders: Kennedy's student orders as a player at the terminal would, the
    computer plays Khrushchev in both, and the games end alike, value for value."""
    room = seated(crisis, ("Ann", "kennedy", LEADER))
    room.apply(c.Start())
    typed = []
    while room.phase != "ended":
        if room.phase == "resolved":
            room.apply(c.NextDay())
            continue
        legal = room.session.legal_choices("kennedy")
        pick = (room.session.state.day_index * 7) % len(legal)  # an arbitrary but fixed way through
        typed.append(str(pick + 1))
        room.apply(c.Order("m1", legal[pick].id))
    game = TextGame(machine.start(crisis, 7), {"kennedy": "human", "khrushchev": "historical"},
                    io.StringIO("\n".join(typed) + "\n"), io.StringIO())
    game.run()
    assert game.session.state == room.session.state
