"""The strategist and what it stands on: goals, the other seat's habits read from its orders,
playouts with the engine's rules, tempers, difficulty, and the same game from the same seed."""

import json
from pathlib import Path

import pytest

from game.cli import main
from game.engine.goals import TONE_VALUES, ending_values, goal_value
from game.engine.lookahead import HABITS, habit_weights, playout, PICKERS
from game.engine.opponents import POLICIES, is_policy, policy_named
from game.engine.resolve import Dice, day_random, legal_choices, resolve_day
from game.engine.state import new_game
from game.engine.strategist import DIFFICULTIES, Strategist, parse_name, weigh_orders, with_difficulty
from game.scenario.load import load_scenario
from game.scenario.model import LEANING_SCORE
from game.tools.simulate import play_one

ROOT = Path(__file__).parent.parent
DEMO = load_scenario(ROOT / "scenarios" / "demo" / "scenario.yaml")
BERLIN = load_scenario(ROOT / "scenarios" / "berlin_1961" / "scenario.yaml")
GOALS_CASE = load_scenario(ROOT / "tests" / "schema_cases" / "accepted" / "goals.yaml")


# --- goals -----------------------------------------------------------------------------------
def test_goals_value_the_endings_as_written_then_by_scores_then_by_tone():
    red = ending_values(GOALS_CASE, "red")
    assert red == {"war": -10.0, "over": 2.0}  # written in red's goals, over the ending's score of -5
    blue = ending_values(GOALS_CASE, "blue")
    assert blue["war"] == -5.0  # blue's goals leave endings out: the ending's score
    assert blue["over"] == TONE_VALUES["calm"]  # no score either: the tone


def test_meters_add_their_weight_times_the_value_at_the_end():
    values = list(GOALS_CASE.initial_values())
    values[GOALS_CASE.variables["heat"].slot] = 4
    assert goal_value(GOALS_CASE, "red", "over", values) == pytest.approx(2.0 - 0.5 * 4)
    assert goal_value(GOALS_CASE, "blue", "over", values) == pytest.approx(0.0 + 0.1 * 4)


def test_without_goals_war_is_the_worst_ending_for_every_seat():
    scenario = load_scenario(ROOT / "tests" / "schema_cases" / "accepted" / "endings_derived_and_orders.yaml")
    for role_id in scenario.roles:
        values = ending_values(scenario, role_id)
        wars = [e.id for e in scenario.endings if e.mood == "catastrophe"]
        for war in wars:
            assert values[war] == min(values.values())


def test_the_shipped_scenarios_say_what_each_seat_wants():
    for folder in ("cuban_missile_crisis_1962", "berlin_1961", "demo"):
        scenario = load_scenario(ROOT / "scenarios" / folder / "scenario.yaml")
        for role in scenario.roles.values():
            assert role.goals is not None and (role.goals.endings or role.goals.meters), (folder, role.id)
            war = [e.id for e in scenario.endings if e.mood == "catastrophe"]
            assert ending_values(scenario, role.id)[war[0]] == min(ending_values(scenario, role.id).values())


# --- names, tempers, difficulty ----------------------------------------------------------------
def test_strategist_names_carry_temper_and_difficulty():
    assert parse_name("strategist") == Strategist()
    assert parse_name("strategist:hawk:hard") == Strategist("hawk", "hard")
    assert parse_name("strategist:easy") == Strategist("", "easy")
    assert parse_name("strategist:hard").name == "strategist:hard"
    assert with_difficulty("strategist:dove", "easy") == "strategist:dove:easy"
    for bad in ("strategist:hawk:dove", "strategist:fast", "strategists", "strategist:hard:hard", "hawk:strategist"):
        assert parse_name(bad) is None and not is_policy(bad)
    assert {"strategist", "strategist:hawk", "strategist:dove", "strategist:historical"} <= set(POLICIES)
    assert policy_named("strategist:historical:easy").budget == DIFFICULTIES["easy"]


def test_the_strategist_only_picks_open_choices_and_plays_the_same_game_from_the_same_seed():
    policies = {"kennedy": Strategist("", "easy"), "khrushchev": Strategist("hawk", "easy")}
    for seed in range(6):
        first = play_one(DEMO, seed, policies)
        again = play_one(DEMO, seed, policies)
        assert [r.orders for r in first.history] == [r.orders for r in again.history]
        assert first.ending == again.ending


def test_a_strategists_decision_depends_on_its_dice_not_on_the_games_future_dice():
    """It rolls its own dice for the events it imagines: the game's seed changes nothing but
    the dice it is handed (here the same), so two games with different seeds but the same
    position and the same dice give the same answer."""
    legal = legal_choices(DEMO, new_game(DEMO, 1), "kennedy")
    one = weigh_orders(DEMO, new_game(DEMO, 1), "kennedy", legal, Dice(99), 24)
    other = weigh_orders(DEMO, new_game(DEMO, 123456), "kennedy", legal, Dice(99), 24)
    assert one == other


def test_a_hawkish_strategist_gives_more_orders_of_force_than_a_dovish_one():
    def leaning_of_orders(temper):
        policies = {"brandt": Strategist(temper, "easy"), "ulbricht": policy_named("historical")}
        total = 0
        for seed in range(6):
            for record in play_one(BERLIN, seed, policies).history:
                choice = BERLIN.choice("brandt", record.order_of("brandt"))
                total += LEANING_SCORE[choice.leaning]
        return total

    assert leaning_of_orders("hawk") > leaning_of_orders("") > leaning_of_orders("dove")


# --- reading the other seat ----------------------------------------------------------------------
@pytest.mark.parametrize("habit", ["historical", "hawk", "dove"])
def test_the_other_seats_habit_is_read_from_its_orders(habit):
    policies = {"kennedy": policy_named("random"), "khrushchev": policy_named(habit)}
    state = new_game(DEMO, 11)
    for _ in range(3):
        if state.ended:
            break
        orders = {}
        for stream, role in enumerate(DEMO.roles, start=1):
            legal = legal_choices(DEMO, state, role)
            orders[role] = policies[role].choose(DEMO, state, role, legal, day_random(11, state.day_index, stream))
        state = resolve_day(DEMO, state, orders)
    weights = dict(zip(HABITS, habit_weights(DEMO, state, "khrushchev")))
    assert max(weights, key=weights.get) == habit or weights[habit] == max(weights.values())
    assert sum(weights.values()) == pytest.approx(1.0)


def test_a_playout_follows_the_rules_to_an_ending_the_game_can_reach():
    state = new_game(DEMO, 2)
    final = playout(DEMO, state, {}, {role: PICKERS["historical"] for role in DEMO.roles}, key=7)
    assert final.ending == play_one(DEMO, 2, {r: policy_named("historical") for r in DEMO.roles}).ending


# --- brink simulate -------------------------------------------------------------------------------
def test_simulate_reports_each_seats_goal_value_and_decision_time(capsys):
    assert main(["simulate", "demo", "--games", "20", "--policy", "kennedy=strategist:dove:easy",
                 "--policy", "khrushchev=hawk", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["policies"] == {"kennedy": "strategist:dove:easy", "khrushchev": "hawk"}
    assert set(report["goal_value"]) == set(report["decision_ms_p95"]) == {"kennedy", "khrushchev"}
    assert report["decision_ms_p95"]["kennedy"] > report["decision_ms_p95"]["khrushchev"] >= 0
    endings = report["endings"]
    expected = sum(endings[e.id]["games"] * ending_values(DEMO, "khrushchev")[e.id] for e in DEMO.endings) / 20
    meters = DEMO.roles["khrushchev"].goals.meters
    reach = sum(abs(weight) * (DEMO.variables[name].maximum - DEMO.variables[name].minimum) for name, weight in meters.items())
    assert abs(report["goal_value"]["khrushchev"] - expected) <= reach  # the endings, give or take the meters


def test_simulate_refuses_an_unknown_difficulty(capsys):
    with pytest.raises(SystemExit):
        main(["simulate", "demo", "--policy", "strategist:lazy"])
    assert "unknown policy 'strategist:lazy'" in capsys.readouterr().err


def _simulate_json(*options, hash_seed="0"):
    import os
    import subprocess
    import sys

    command = [sys.executable, "-m", "game", "simulate", "demo", "--games", "24", "--seed", "5",
               "--policy", "kennedy=strategist:easy", "--policy", "khrushchev=random", "--json", *options]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT,
                          env={**os.environ, "PYTHONHASHSEED": hash_seed})
    report = json.loads(done.stdout)
    for timing in ("seconds", "games_per_second", "decision_ms_p95"):
        report.pop(timing)
    return report


def test_the_same_seed_gives_the_same_games_in_any_process_and_shared_among_workers():
    one = _simulate_json("--workers", "1", hash_seed="1")
    assert one == _simulate_json("--workers", "1", hash_seed="2")  # no set order, no str hash in a decision
    assert one == _simulate_json("--workers", "3", hash_seed="3")  # the parts add up to the whole run
