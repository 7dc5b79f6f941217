"""Advisors who estimate the odds: a figure from the lookahead, coloured by the advisor's leaning,
the same every time a day is shown, shown in the text mode and the window, and off on request."""

import io
import re
from pathlib import Path

import pytest

from game.engine import machine
from game.engine.advice import advice_for
from game.engine.estimates import LEANING_COLOUR, MOST_SAID, coloured, estimates_for, odds_words, war_risk
from game.engine.state import new_game
from game.scenario.load import load_scenario
from game.text.play import TextGame

ROOT = Path(__file__).parent.parent
DEMO = load_scenario(ROOT / "scenarios" / "demo" / "scenario.yaml")
CUBA = load_scenario(ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml")


def test_a_hawk_halves_the_risk_of_force_a_dove_raises_it_and_other_orders_are_told_as_found():
    assert coloured(0.4, "hawk", "hawk") == pytest.approx(0.4 * LEANING_COLOUR["hawk"])
    assert coloured(0.4, "dove", "hawk") == pytest.approx(0.4 * LEANING_COLOUR["dove"])
    assert coloured(0.4, "moderate", "hawk") == 0.4
    assert coloured(0.8, "dove", "hawk") == MOST_SAID
    for leaning in ("hawk", "moderate", "dove"):
        assert coloured(0.4, leaning, "dove") == coloured(0.4, leaning, "moderate") == 0.4


def test_odds_are_put_in_words_a_player_can_weigh():
    assert odds_words(0.0) == ("almost none", {})
    assert odds_words(0.25) == ("1 in n", {"n": 4})
    assert odds_words(0.33) == ("1 in n", {"n": 3})
    assert odds_words(0.7) == ("n in 10", {"n": 7})
    assert odds_words(0.97) == ("almost certain", {})


def test_the_estimate_is_the_same_each_time_the_day_is_shown_and_follows_the_position():
    state = new_game(CUBA, 4)
    advice = advice_for(CUBA, state, "kennedy")
    first = estimates_for(CUBA, state, "kennedy", advice)
    assert first == estimates_for(CUBA, state, "kennedy", advice)
    assert first, "the 1962 advisors recommend orders on the first day"
    for advisor, entry in advice:
        if advisor.id in first:
            estimate = first[advisor.id]
            assert estimate.choice_id == entry.recommends
            assert 0 <= estimate.found <= 1
            assert estimate.found == war_risk(CUBA, state, "kennedy", entry.recommends)  # worked out afresh, the same
            assert estimate.said == coloured(estimate.found, advisor.leaning, CUBA.choice("kennedy", entry.recommends).leaning)


def test_an_order_that_brings_war_by_itself_is_estimated_as_war_and_a_quiet_one_as_peace():
    scenario = load_scenario(ROOT / "tests" / "schema_cases" / "accepted" / "goals.yaml")
    state = new_game(scenario, 1)
    assert war_risk(scenario, state, "red", "strike") == 1.0
    assert war_risk(scenario, state, "red", "wait") == 0.0


def text_game(estimates):
    output = io.StringIO()
    game = TextGame(machine.start(CUBA, 4), {"kennedy": "human", "khrushchev": "strategist:easy"},
                    io.StringIO("q\n"), output, estimates=estimates)
    game.run()
    return output.getvalue()


def test_the_text_mode_gives_each_recommending_advisors_odds_unless_turned_off():
    shown = text_game(True)
    said = re.findall(r"On “[^”]+”: I put the odds of war at (almost nothing|near certain|about \d+ in \d+)\.", shown)
    assert len(said) >= 2
    assert "I put the odds of war" not in text_game(False)


def test_the_command_line_turns_estimates_off(monkeypatch, capsys):
    from game.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    assert main(["play", "cuban_missile_crisis_1962", "--text", "--seed", "4", "--no-estimates"]) == 0
    assert "I put the odds of war" not in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    assert main(["play", "cuban_missile_crisis_1962", "--text", "--seed", "4", "--opponent", "strategist",
                 "--difficulty", "easy"]) == 0
    out = capsys.readouterr().out
    assert "I put the odds of war" in out and "strategist:easy" in out


def test_a_position_already_estimated_is_answered_from_memory_with_the_same_figures(monkeypatch):
    from game.engine import estimates
    state = new_game(CUBA, 11)
    advice = advice_for(CUBA, state, "kennedy")
    first = estimates_for(CUBA, state, "kennedy", advice)
    assert first

    def no_playouts(*args, **kwargs):
        raise AssertionError("a position estimated before was looked ahead again")
    monkeypatch.setattr(estimates, "war_risk", no_playouts)
    assert estimates_for(CUBA, new_game(CUBA, 11), "kennedy", advice) == first  # an equal position, not the same object
    with pytest.raises(AssertionError):  # another game's position is a new question
        estimates_for(CUBA, new_game(CUBA, 12), "kennedy", advice)
