"""``brink play --text``: a whole game from standard input, without a terminal."""

import io
import json
from pathlib import Path

from game.engine import machine
from game.scenario.load import load_scenario
from game.text.play import TextGame

DEMO = load_scenario(Path(__file__).parent.parent / "scenarios" / "demo" / "scenario.yaml")


def run(answers, players=None, seed=7, **options):
    players = players or {"kennedy": "human", "khrushchev": "historical"}
    output = io.StringIO()
    game = TextGame(machine.start(DEMO, seed), players, io.StringIO(answers), output, **options)
    status = game.run()
    return status, output.getvalue(), game


def test_a_whole_game_plays_from_piped_input_to_an_ending():
    # wait and watch, quarantine, hold the line, accept the deal: the historical path
    status, text, game = run("2\n1\n1\n1\n")
    assert status == 0
    assert "Day 1 of 4: Tuesday 16 October 1962, The photographs" in text
    assert "Robert F. Kennedy (Attorney General, dove):" in text
    assert "Ending: The missiles go home" in text
    assert game.session.state.ending == "settlement"


def test_each_day_shows_what_really_happened_after_it_resolves():
    _, text, _ = run("2\n1\n1\n1\n")
    assert text.index("Orders of the day:") < text.index("What really happened: On 16 October")


def test_bad_input_is_answered_with_a_message_and_the_question_again():
    status, text, game = run("seven\n0\n99\n\n2\n1\n1\n1\n")
    assert status == 0
    assert "'seven' is not one of the choices. Type a number from 1 to 2" in text
    assert "'99' is not one of the choices" in text
    assert game.session.state.ending == "settlement"


def test_the_end_of_input_stops_the_game_cleanly():
    status, text, game = run("2\n")
    assert status == 0
    assert text.rstrip().endswith("Input ended; the game stops here.")
    assert len(game.session.state.history) == 1


def test_undo_takes_back_the_last_day():
    status, text, game = run("1\nu\n2\n1\n1\n1\n")
    assert "The last day was undone." in text
    assert game.session.state.history[0].order_of("kennedy") == "wait_and_watch"


def test_two_players_at_one_keyboard_pass_it_between_orders():
    players = {"kennedy": "human", "khrushchev": "human"}
    status, text, game = run("\n2\n\n1\n", players=players)
    assert "Pass the keyboard to John F. Kennedy" in text
    assert "Pass the keyboard to Nikita Khrushchev" in text
    assert game.session.state.history[0].orders == (("kennedy", "wait_and_watch"), ("khrushchev", "rush_sites"))


def test_the_session_log_is_written_after_every_day(tmp_path):
    log = tmp_path / "session.jsonl"
    run("2\n1\n", log_path=str(log))
    lines = log.read_text().splitlines()
    assert len(lines) == 3  # header and two days
    assert json.loads(lines[2])["orders"]["kennedy"] == "quarantine"


def test_quitting_saves_the_game_when_a_save_file_is_named(tmp_path):
    save = tmp_path / "game.json"
    status, text, _ = run("2\nq\n", save_path=str(save))
    assert status == 0 and "It was saved." in text
    assert json.loads(save.read_text())["days"] == [{"kennedy": "wait_and_watch", "khrushchev": "rush_sites"}]


def test_the_briefing_is_shown_in_the_chosen_language_where_translated():
    players = {"kennedy": "historical", "khrushchev": "human"}
    _, text, _ = run("2\n2\n1\n1\n", players=players, language="ru")
    assert "Наши суда подходят к американской линии." in text


def test_a_seat_reads_the_day_under_its_own_title():
    """On 16 October 1962 Moscow does not know about the photographs: Khrushchev's day is his own."""
    crisis = load_scenario(Path(__file__).parent.parent / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml")
    output = io.StringIO()
    game = TextGame(machine.start(crisis, 7), {"kennedy": "historical", "khrushchev": "human"}, io.StringIO("1\nq\n"),
                    output)
    game.run()
    text = output.getvalue()
    assert "Day 1 of 18: Tuesday 16 October 1962, Operation Anadyr" in text and "The photographs" not in text
