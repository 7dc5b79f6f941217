"""``view_for``: each screen sees its own team's private game and the public one, never the other team's."""

from __future__ import annotations

import json

from game.classroom import commands as c
from game.classroom.room import LEADER
from game.classroom.views import PROJECTOR, TEACHER, view_for, view_json
from tests.classroom.conftest import strings
from tests.classroom.test_room import seated


def full_class(crisis):
    room = seated(crisis, ("Ann", "kennedy", LEADER), ("Bob", "khrushchev", LEADER), ("Cat", "kennedy", "rfk"),
                  ("Dan", "khrushchev", "gromyko"))
    room.apply(c.Start())
    room.clock = lambda: 100.0  # the server's time stands still while a test compares two views
    return room


def test_an_advisor_sees_their_card_with_todays_brief_and_their_teams_briefing(crisis):
    room = full_class(crisis)
    view = view_for(room, room.members["m3"])
    day = crisis.days[0]
    assert view["card"]["name"] == "Robert F. Kennedy"
    assert view["card"]["brief"] == day.brief_of("kennedy", "rfk").get("en")
    assert view["team"]["briefing"] == day.briefing_for("kennedy", room.session.state.values).get("en")
    assert {choice["id"] for choice in view["team"]["choices"]} == {c_.id for c_ in room.session.legal_choices("kennedy")}


def test_a_student_never_sees_the_other_teams_briefing_choices_briefs_or_advice(crisis):
    room = full_class(crisis)
    day = crisis.days[0]
    room.apply(c.Recommend("m4", "keep_building", "SECRET-SOVIET-REASON"))
    soviet_briefing = day.briefing_for("khrushchev", room.session.state.values)
    secret = [soviet_briefing.get("en"), soviet_briefing.get("ru"), "SECRET-SOVIET-REASON",
              *(day.brief_of("khrushchev", a.id).get("en") for a in crisis.roles["khrushchev"].advisors),
              *(choice.text.get("en") for choice in room.session.legal_choices("khrushchev"))]
    for viewer in (room.members["m1"], room.members["m3"], PROJECTOR):
        seen = "\n".join(strings(view_for(room, viewer)))
        for text in filter(None, secret):
            assert text not in seen, f"{viewer}: {text[:40]}"
    # the teacher's console sees every team's recommendations and reasons as they come in
    console = view_for(room, TEACHER)["console"]
    soviet = next(team for team in console["teams"] if team["id"] == "khrushchev")
    assert [(r["student"], r["reason"]) for r in soviet["recommendations"]] == [("Dan", "SECRET-SOVIET-REASON")]


def test_nobody_sees_an_order_before_the_day_resolves_and_everybody_after(crisis):
    room = full_class(crisis)
    room.apply(c.Order("m2", "freeze_work"))
    label = crisis.choice("khrushchev", "freeze_work").label.get("en")
    for viewer in (room.members["m1"], room.members["m3"], PROJECTOR):
        assert label not in strings(view_for(room, viewer))
    assert next(t for t in view_for(room, TEACHER)["console"]["teams"] if t["id"] == "khrushchev")["order"] == label
    assert view_for(room, room.members["m4"])["team"]["order"]["label"] == label  # the team itself knows
    assert [team["decided"] for team in view_for(room, PROJECTOR)["teams"]] == [False, True]
    room.apply(c.Order("m1", "private_warning"))
    for viewer in (room.members["m1"], room.members["m3"], room.members["m2"], PROJECTOR, TEACHER):
        orders = view_for(room, viewer)["resolution"]["orders"]
        assert [order["label"] for order in orders] == ["Warn Moscow in private", label]


def test_an_order_kept_from_the_other_team_is_known_only_to_its_own(crisis):
    """Camouflage is Moscow's secret until the low-level jets fly, the ExComm Washington's until the
    speech: each team reads its own order and only that the other gave one; the wall reads neither."""
    room = full_class(crisis)
    room.apply(c.Order("m2", "hide_sites"))
    room.apply(c.Order("m1", "convene_excomm"))
    excomm, camouflage = "Meet the advisers in secret", crisis.choice("khrushchev", "hide_sites").label.get("en")
    unknown = "an order not yet known"
    expected = {"m1": [excomm, unknown], "m3": [excomm, unknown], "m2": [unknown, camouflage],
                "m4": [unknown, camouflage], PROJECTOR: [unknown, unknown], TEACHER: [unknown, unknown]}
    for who, labels in expected.items():
        view = view_for(room, room.members[who] if who.startswith("m") else who)
        assert [order["label"] for order in view["resolution"]["orders"]] == labels, who
        assert [order["label"] for order in view["record"][0]["orders"]] == labels, who
        hidden = {excomm, camouflage} - set(labels)
        assert not hidden & set(strings(view)), who


def test_the_projector_and_the_teacher_see_no_team_and_no_card(crisis):
    room = full_class(crisis)
    for viewer in (PROJECTOR, TEACHER):
        view = view_for(room, viewer)
        assert "team" not in view and "card" not in view and "you" not in view


def test_a_student_reads_the_scenario_in_their_language_where_it_has_one(crisis):
    room = full_class(crisis)
    room.apply(c.Speak("m2", "ru"))
    view = view_for(room, room.members["m2"])
    assert view["team"]["briefing"] == crisis.days[0].briefing_for("khrushchev", room.session.state.values).get("ru")
    assert view["day"]["long_date"] == "вторник, 16 октября 1962 г."
    assert view["language"] == "ru"


def test_a_student_reads_the_names_of_the_seats_and_the_council_in_their_language(crisis):
    room = full_class(crisis)
    room.apply(c.Speak("m4", "ru"))
    view = view_for(room, room.members["m4"])  # Dan, who sits as Gromyko
    assert [team["name"] for team in view["teams"]] == ["Джон Ф. Кеннеди", "Никита Хрущёв"]
    assert view["team"]["name"] == "Никита Хрущёв" and view["you"]["seat"]["name"] == "Андрей Громыко"
    assert (view["card"]["name"], view["card"]["team"]) == ("Андрей Громыко", "Никита Хрущёв")
    assert "Анастас Микоян" in {advisor["name"] for advisor in view["team"]["advisors"]}
    english = view_for(room, room.members["m2"])  # Bob, still in English
    assert english["team"]["name"] == "Nikita Khrushchev"
    assert [team["side"] for team in view["teams"]] == ["Соединённые Штаты", "Советский Союз"]
    assert [team["side"] for team in english["teams"]] == ["United States", "Soviet Union"]
    assert view_for(room, TEACHER, "ru")["console"]["teams"][1]["name"] == "Никита Хрущёв"


def test_the_leader_hears_the_advisors_no_student_plays_and_not_those_who_are_played(crisis):
    room = full_class(crisis)
    advisors = {a["id"]: a for a in view_for(room, room.members["m1"])["team"]["advisors"]}
    assert "says" not in advisors["rfk"] and advisors["rfk"]["students"] == ["Cat"]
    assert advisors["mcnamara"]["says"] and advisors["mcnamara"]["students"] == []


def test_a_view_is_plain_json(crisis):
    room = full_class(crisis)
    for viewer in (room.members["m1"], room.members["m3"], PROJECTOR, TEACHER):
        assert json.loads(json.dumps(view_for(room, viewer))) == view_for(room, viewer)


def test_the_json_sent_is_the_view_itself(crisis):
    room = full_class(crisis)
    room.apply(c.Recommend("m3", "convene_excomm", '«Quotes» and "escapes" </script>'))
    for viewer in (room.members["m1"], room.members["m3"], room.members["m4"], PROJECTOR, TEACHER):
        assert json.loads(view_json(room, viewer)) == view_for(room, viewer)


def test_a_secret_in_force_shows_only_to_the_team_it_belongs_to(crisis):
    """Moscow's order to hold the tactical weapons is its own secret (visible_to: [khrushchev]):
    on Khrushchev's team's screens, never on Kennedy's, the projector's or the teacher's."""
    room = full_class(crisis)
    secret = crisis.flags["tactical_held"]
    assert secret.visible_to is not None and "kennedy" not in secret.visible_to
    room.apply(c.Order("m2", "hold_tactical"))
    room.apply(c.Order("m1", "convene_excomm"))
    label = secret.label.get("en")
    for viewer in (room.members["m2"], room.members["m4"]):
        view = view_for(room, viewer)
        assert label in view["meters"]["in_force"]
        assert any(change["label"] == label for change in view["resolution"]["moved"])
    for viewer in (room.members["m1"], room.members["m3"], PROJECTOR):
        assert label not in strings(view_for(room, viewer))
