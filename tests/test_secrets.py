"""Secrets (``visible_to``) and briefings that follow the game, in the engine and the text mode."""

import io
from pathlib import Path

from game.engine import machine
from game.engine.machine import replay
from game.engine.news import day_news
from game.engine.opponents import POLICIES
from game.engine.visibility import ShownOrder, sees, shown_flags, shown_names, shown_orders, shown_variables, state_seen_by
from game.scenario.load import load_scenario
from game.text.play import TextGame

ROOT = Path(__file__).parent.parent
SECRETS = load_scenario(Path(__file__).parent / "fixtures" / "engine" / "secrets.yaml")
AGREED = [{"red": "agree", "blue": "wait"}]
QUIET = {"red": "wait", "blue": "wait"}


def after(days):
    return replay(SECRETS, 1, days).state


def test_a_secret_flag_is_seen_by_its_seat_and_by_the_other_only_once_it_leaks():
    plan = SECRETS.flags["plan"]
    state = after(AGREED)
    assert sees(plan.visible_to, "red", state.values) and not sees(plan.visible_to, "blue", state.values)
    leaked = after(AGREED + [{"red": "wait", "blue": "wait"}])
    assert leaked.value(SECRETS, "flags.leaked") and sees(plan.visible_to, "blue", leaked.values)
    assert plan in shown_flags(SECRETS, leaked.values, ("blue",))


def test_a_secret_meter_and_what_moves_it_are_hidden_from_the_other_seat():
    state = after(AGREED)
    assert [v.id for v in shown_variables(SECRETS, state.values, ("blue",))] == ["heat"]
    agree = SECRETS.choice("red", "agree")
    assert shown_names(SECRETS, agree.moves, state.values, ("blue",)) == ["heat"]  # its public delayed effects
    assert set(shown_names(SECRETS, agree.moves, state.values, ("red",))) == {"flags.plan", "plotting", "heat"}


def test_the_days_news_keeps_each_seats_secrets_and_tells_a_message_once():
    state = after(AGREED)
    first = state.history[0]
    red = [(n.kind, n.source) for n in day_news(SECRETS, first, ("red",))]
    blue = [(n.kind, n.source) for n in day_news(SECRETS, first, ("blue",))]
    assert ("event", "whisper") in red and ("flag", "plan") in red
    assert blue == []
    second = after(AGREED + [{"red": "wait", "blue": "wait"}]).history[1]
    told = [str(n.text) for n in day_news(SECRETS, second, ("blue",)) if n.kind == "delayed"]
    assert told == ["Ships are seen at sea."]  # two effects with the same words: told once, and not the secret one
    assert "The plotters move their ships." in [str(n.text) for n in day_news(SECRETS, second, ("red",))]
    assert len(day_news(SECRETS, first, None)) == len(day_news(SECRETS, first, ("red",)))  # the ending sees all


def test_a_briefing_paragraph_shows_only_when_its_condition_holds_as_the_day_begins():
    three = SECRETS.day("three")
    quiet = after([{"red": "refuse", "blue": "wait"}, {"red": "wait", "blue": "wait"}])
    loud = after(AGREED + [{"red": "wait", "blue": "wait"}])
    assert three.briefing_for("blue", quiet.values).get() == "Nothing stirs."
    assert three.briefing_for("blue", loud.values).get() == "Nothing stirs.\n\nThe papers talk of a plot."
    assert three.briefing_for("red", loud.values) is None


def play_text(players, answers):
    output = io.StringIO()
    TextGame(machine.start(SECRETS, 1), players, io.StringIO(answers), output).run()
    return output.getvalue()


def test_the_text_mode_keeps_the_secret_from_the_other_seat_until_it_leaks():
    text = play_text({"red": "historical", "blue": "human"}, "1\n1\n1\n")
    first_day = text[:text.index("Day 2 of 3")]
    game, ending = text[:text.index("Ending:")], text[text.index("Ending:"):]
    assert "The secret plan" not in first_day and "whisper" not in first_day.lower()
    assert "Plotters ready" not in game and "The plotters move their ships" not in game
    assert "A leak" in game and "The papers talk of a plot." in game
    assert "Plotters ready" in ending  # the ending shows everything


def test_the_text_mode_shows_the_seat_its_own_secrets():
    text = play_text({"red": "human", "blue": "historical"}, "1\nm\n1\n1\n")
    assert "The secret plan: now in force" in text and "A whisper in the ministry" in text
    assert "Plotters ready" in text and "The plotters move their ships." in text


def test_the_log_says_when_the_historical_player_had_to_leave_the_record():
    import json

    from game.engine.log import render_log
    from game.engine.machine import Advance, GiveOrder, Resolve, apply, start
    from game.engine.opponents import policy_named
    from game.engine.resolve import day_random

    crisis = load_scenario(ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml")
    players = {"kennedy": "random", "khrushchev": "historical"}

    def played(seed):
        session = start(crisis, seed)
        while not session.state.ended:
            session, _ = apply(session, Advance())
            session, _ = apply(session, Advance())
            for stream, role in enumerate(crisis.roles, start=1):
                legal = session.legal_choices(role)
                if legal:
                    rng = day_random(session.state.seed, session.state.day_index, stream)
                    choice = policy_named(players[role]).choose(crisis, session.state, role, legal, rng)
                    session, _ = apply(session, GiveOrder(role, choice))
            session, _ = apply(session, Resolve())
            session, _ = apply(session, Advance())
            session, _ = apply(session, Advance())
        return [json.loads(line) for line in render_log(crisis, session.state, players).splitlines()[1:]]

    # an unpredictable Kennedy soon takes the game where the record's order is no longer open
    lines = next(lines for lines in map(played, range(1, 80)) if any("off_record" in line for line in lines))
    for line in (line for line in lines if "off_record" in line):
        entry = line["off_record"]["khrushchev"]
        day = crisis.day(line["day"])
        assert entry["recorded"] == day.historical["khrushchev"] != entry["given"] == line["orders"]["khrushchev"]
    assert all("kennedy" not in line.get("off_record", {}) for line in lines)  # a hawk has no record to keep


def test_an_order_is_kept_from_the_other_seat_until_its_condition_holds():
    record = after(AGREED).history[0]
    unknown = [ShownOrder("red", None, False), ShownOrder("blue", "wait", True)]
    assert shown_orders(SECRETS, record, ("blue",), record.values_after) == unknown
    assert shown_orders(SECRETS, record, ("red",), record.values_after)[0] == ShownOrder("red", "agree", True)
    assert shown_orders(SECRETS, record, ("red", "blue"), record.values_after) == unknown  # a shared screen
    assert shown_orders(SECRETS, record, None, record.values_after)[0].seen  # the ending sees all
    leaked = after(AGREED + [QUIET])
    assert shown_orders(SECRETS, record, ("blue",), leaked.values)[0] == ShownOrder("red", "agree", True)
    refused = after([{"red": "refuse", "blue": "wait"}]).history[0]
    assert shown_orders(SECRETS, refused, ("blue",), refused.values_after)[0].seen  # an order without visible_to


def test_a_computer_player_reads_the_record_as_its_seat_knows_it(monkeypatch):
    state = after(AGREED)
    seen = state_seen_by(SECRETS, state, "blue")
    assert seen.history[0].orders == (("red", None), ("blue", "wait"))
    assert (seen.day_index, seen.values, seen.ended) == (state.day_index, state.values, state.ended)
    assert state_seen_by(SECRETS, state, "red").history == state.history
    leaked = after(AGREED + [QUIET])
    assert state_seen_by(SECRETS, leaked, "blue").history == leaked.history
    seen = []

    class Watcher:
        name, description = "watcher", "remembers what it was shown"

        def choose(self, scenario, state, role_id, legal, rng):
            seen.extend(record.order_of("red") for record in state.history)
            return legal[0].id

    monkeypatch.setitem(POLICIES, "watcher", Watcher())
    play_text({"red": "human", "blue": "watcher"}, "1\n1\n1\n")
    assert seen == [None, "agree", "wait"]  # on day two the order is hidden from blue; on day three (leaked) not


def test_the_text_mode_tells_the_other_seat_only_that_an_order_was_given():
    text = play_text({"red": "historical", "blue": "human"}, "1\n1\n1\n")
    game, ending = text[:text.index("Ending:")], text[text.index("Ending:"):]
    assert "Agree to the plan" not in game
    assert "Red Leader: an order not yet known" in game
    assert "Agree to the plan" in ending  # the ending shows every order


def test_two_players_at_one_keyboard_share_a_resolution_that_keeps_the_order_from_both():
    text = play_text({"red": "human", "blue": "human"}, "\n1\n\n1\n")
    resolution = text[text.index("Orders of the day:"):]
    assert "Red Leader: an order not yet known" in resolution.split("Day 2 of 3")[0]


def test_a_seat_reads_its_own_note_of_what_really_happened_where_the_days_tells_the_others_secret():
    one = SECRETS.day("one")
    general, blues = "Red's friends abroad offered a plan that day.", "Blue's capital heard nothing that day."
    assert one.history_for(("blue",)).get() == blues and one.history_for(("red",)).get() == general
    assert not one.history_for(("red", "blue"))  # a shared screen shows neither
    assert one.history_for(None).get() == general  # the ending and the debrief: the day's own
    blue = play_text({"red": "historical", "blue": "human"}, "1\n1\n1\n")
    assert blues in blue and general not in blue
    red = play_text({"red": "human", "blue": "historical"}, "1\n1\n1\n")
    assert general in red and blues not in red
