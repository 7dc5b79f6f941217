"""``brink check``: the author's quicktest explores every way a scenario can go."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from game.engine.resolve import legal_choices, resolve_day
from game.engine.state import new_game
from game.processes import process_pool
from game.scenario.load import load_scenario
from game.tools.check import check, check_as_dict, format_check, path_of, resolve_outcomes

from test_cli import brink

ROOT = Path(__file__).parent.parent
DEAD_END = ROOT / "tests" / "fixtures" / "authoring" / "dead_end.yaml"
DEMO = ROOT / "scenarios" / "demo" / "scenario.yaml"
BERLIN = ROOT / "scenarios" / "berlin_1961" / "scenario.yaml"


@pytest.fixture(scope="module")
def dead_end_report():
    return check(load_scenario(DEAD_END))


def test_a_small_scenario_is_searched_exhaustively(dead_end_report):
    assert dead_end_report.exhaustive
    assert format_check(dead_end_report).splitlines()[0] == "A crisis with a dead end: exhaustive search"


def test_a_seat_left_with_no_legal_choice_is_an_error_with_the_path_that_leads_there(dead_end_report):
    text = format_check(dead_end_report)
    assert (f"{DEAD_END}:44:5: error: on day 'second' 'west' has no legal choice in 2 reachable states, "
            "e.g. after first: east push, west hold") in text


def test_an_ending_no_game_can_reach_is_listed_with_its_place(dead_end_report):
    assert dead_end_report.unreachable_endings() == ["peace_talks"]
    assert f"peace_talks  NEVER REACHED  ({DEAD_END}:67:5)" in format_check(dead_end_report)


def test_a_choice_whose_condition_never_holds_in_play_is_listed(dead_end_report):
    never = [(role, choice.id) for role, _, choice in dead_end_report.never_available()]
    assert never == [("west", "offer_talks")]


def test_an_event_whose_condition_never_holds_in_play_is_listed(dead_end_report):
    assert dead_end_report.events_never_fired() == ["summit"]


def test_each_variables_range_is_reported_per_day(dead_end_report):
    # On the first day tension is 20; pushing adds 10 and the incident 5, so the second day sees 20..35.
    assert dead_end_report.day_ranges[0]["tension"] == (20, 20)
    assert dead_end_report.day_ranges[1]["tension"] == (20, 35)


def test_the_demo_is_explored_completely_and_every_ending_is_reachable():
    report = check(load_scenario(DEMO))
    assert report.exhaustive
    assert report.unreachable_endings() == []
    assert report.dead_ends == {}
    assert report.never_available() == []


def test_a_bounded_search_says_so_and_that_never_means_not_found():
    report = check(load_scenario(BERLIN), max_states=50, max_resolutions=20_000)
    assert not report.exhaustive
    first_line = format_check(report).splitlines()[0]
    assert first_line.startswith("A Wall in Berlin, 1961: BOUNDED search")
    assert first_line.endswith("'not found' is not 'never'")


def test_the_same_seed_gives_the_same_bounded_report():
    scenario = load_scenario(BERLIN)
    first = check_as_dict(check(scenario, max_states=40, max_resolutions=10_000, seed=3))
    second = check_as_dict(check(scenario, max_states=40, max_resolutions=10_000, seed=3))
    first.pop("seconds"), second.pop("seconds")
    assert first == second


def test_the_second_scenario_has_no_dead_end_and_every_ending_is_found():
    report = check(load_scenario(BERLIN), max_resolutions=150_000)
    assert report.dead_ends == {}
    assert report.unreachable_endings() == []


@pytest.mark.parametrize("path", [DEMO, BERLIN], ids=["demo", "berlin"])
def test_the_search_resolves_a_day_exactly_as_the_engine_does(path):
    """Whatever the dice do in a real game, the search has that outcome among its branches."""
    scenario = load_scenario(path)
    chooser = random.Random(5)
    for seed in range(40):
        state = new_game(scenario, seed)
        while not state.ended:
            chosen = []
            for role_id in scenario.roles:
                legal = legal_choices(scenario, state, role_id)
                chosen.append((role_id, chooser.choice(legal) if legal else None))
            branches = {(r.state.values, r.state.pending, r.state.fired, r.state.ending)
                        for r in resolve_outcomes(scenario, state, chosen)}
            state = resolve_day(scenario, state, {role: (c.id if c else None) for role, c in chosen})
            assert (state.values, state.pending, state.fired, state.ending) in branches


def test_the_command_exits_1_on_a_dead_end_and_prints_the_report():
    result = brink("check", DEAD_END)
    assert result.returncode == 1
    assert "error: on day 'second' 'west' has no legal choice" in result.stdout
    assert "Traceback" not in result.stderr


def test_the_command_exits_0_for_a_sound_scenario_and_can_speak_json():
    result = brink("check", "demo", "--json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["exhaustive"] is True
    assert all(found["reachable"] for found in report["endings"].values())


def test_a_broken_file_gets_the_validators_lines_and_exit_1():
    broken = ROOT / "tests" / "fixtures" / "engine" / "broken_for_cli.yaml"
    result = brink("check", broken)
    assert result.returncode == 1
    assert f"{broken}:16:43: error: unknown variable 'haet' (did you mean 'heat'?)" in result.stdout + result.stderr


def test_bad_arguments_get_usage_and_exit_2():
    result = brink("check", "demo", "--max-states", "0")
    assert result.returncode == 2
    assert "usage:" in result.stderr


CRISIS_1962 = ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml"


def _bounded_1962(directed: int | None) -> dict:
    """One bounded check of 1962 (30,000 resolutions, ``directed`` as given or the default), in a
    worker process: what the tests read of it, since a report holds the compiled scenario, which
    does not travel between processes."""
    options = {} if directed is None else {"directed": directed}
    report = check(load_scenario(CRISIS_1962), max_resolutions=30_000, **options)
    early = report.endings.get("early_settlement")
    return {"exhaustive": report.exhaustive, "last_day_states": report.states_per_day[-1],
            "endings": set(report.endings), "unreachable": report.unreachable_endings(),
            "text": format_check(report), "early_directed": early.directed if early else None,
            "early_path": path_of(early.example) if early else None}


@pytest.fixture(scope="module")
def bounded_1962() -> dict:
    """The two bounded checks of 1962 the tests below look at, side by side: with the default
    directed search, and with none."""
    kinds = {"default": None, "blind": 0}
    with process_pool(2) as pool:
        return dict(zip(kinds, pool.map(_bounded_1962, kinds.values())))


def test_a_bounded_search_always_follows_the_record_to_the_historical_ending(bounded_1962):
    """A sample small enough to miss most of the 1962 crisis still walks the path of the record
    (the sample itself: the check that does not look on purpose)."""
    report = bounded_1962["blind"]
    assert not report["exhaustive"]
    assert report["last_day_states"] < 60  # a thin sample by the last day...
    assert "historical_settlement" in report["endings"]  # ...that still holds the record's way there


def test_a_bounded_check_looks_on_purpose_for_an_ending_its_sample_missed(bounded_1962):
    """early_settlement is rare (a deal before 27 October that also sends the bombers home, then
    three weeks without an accident): a small sample misses it, the directed search does not."""
    blind, looking = bounded_1962["blind"], bounded_1962["default"]
    assert "early_settlement" in blind["unreachable"]
    line = next(line for line in blind["text"].splitlines() if "early_settlement" in line)
    assert "not found in this sample" in line and "NEVER" not in line and ".yaml:" not in line
    assert looking["early_directed"]
    # settlement_no_trade (a pledge alone, Khrushchev surviving the Presidium's reckoning) is
    # rarer still: random play reaches it (tests/test_cuban_missile_crisis.py), this budget not.
    assert set(looking["unreachable"]) <= {"settlement_no_trade"}
    assert replay_ending(load_scenario(CRISIS_1962), looking["early_path"]) == "early_settlement"


def replay_ending(scenario, steps):
    """Play a found path with the engine's own steps, each event falling as the path says."""
    state = new_game(scenario, 0)
    for step in steps:
        legal = {role: {c.id: c for c in legal_choices(scenario, state, role)} for role, _ in step.orders}
        chosen = tuple((role, legal[role].get(choice)) for role, choice in step.orders)
        fired = set(step.events)
        state = next(resolve_outcomes(scenario, state, chosen, lambda event, chance, fired=fired: (event.id in fired,))).state
    return state.ending


@pytest.mark.parametrize("source, expected", [
    ("tension >= 80", 0.4),  # 40 short, of a 0..100 range
    ("tension >= 20", 0.0),
    ("missiles_ready <= 0", 0.03),  # the wider of the two sides' ranges: a bare number's is 100
    ("tension >= 80 and trust >= 30", 0.4 + 0.1),  # 'and' adds
    ("tension >= 80 or trust >= 30", 0.1),  # 'or' takes the nearer
    ("flags.quarantine", 1.0),
    ("not flags.quarantine", 0.0),
    ("flags.quarantine == false and 20 <= tension < 50", 0.0),
    ("(trust if flags.quarantine else tension) >= 50", 0.1),  # the branch the flag picks
    ("tension / (trust - 20) > 1", 1.0),  # a division by zero: plainly 'not true'
    ("defcon <= 2", None),  # a derived value, read through its own formula
])
def test_the_directed_search_measures_how_far_a_condition_is_from_true(source, expected):
    from game.tools.direct import Distance
    demo = load_scenario(ROOT / "scenarios" / "demo" / "scenario.yaml")
    values = [40, 3, 50, 20, False, False, False, 1]
    found = Distance(demo, source)(values)
    if expected is None:
        defcon = demo.derived["defcon"].value(values)
        assert found == max(0.0, defcon - 2) / 100
    else:
        assert found == pytest.approx(expected)
