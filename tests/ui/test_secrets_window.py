"""Secrets in the window: each seat's screens show only what it may see; a screen two players share
shows only what both may; the ending shows everything."""

from pathlib import Path

import pygame

from game.ui import flow
from game.ui.bench import play_on
from game.ui.match import HUMAN, Match, load_cached
from .driver import press, scene_name, step

SECRETS = Path(__file__).parent.parent / "fixtures" / "engine" / "secrets.yaml"


def game(app, players):
    scenario = load_cached(SECRETS, app.scenario_cache)
    match = Match.new(scenario, 1, players, log_path=None, autosave=None)
    match.autosave = None
    return match


def shown(app) -> str:
    return " ".join(app.top.texts())


def resolution_of_day_one(app, players, order="agree"):
    match = game(app, players)
    flow.show_current(app, match)
    while scene_name(app) in ("PassScreen", "BriefingScene", "DayScene"):
        if scene_name(app) == "PassScreen":
            app.top.proceed()
        elif scene_name(app) == "BriefingScene":
            app.top.proceed()
        else:
            role = app.top.role
            app.top._pick(order if role == "red" else "wait")()
            app.top.give_order()
        step(app)
    assert scene_name(app) == "ResolutionScene"
    return match


def test_the_other_seat_reads_nothing_of_the_secret_on_the_day_it_is_made(app):
    resolution_of_day_one(app, {"red": "historical", "blue": HUMAN})
    text = shown(app)
    assert "The secret plan" not in text and "A whisper in the ministry" not in text and "Plotters ready" not in text


def test_the_seat_that_keeps_the_secret_reads_it(app):
    resolution_of_day_one(app, {"red": HUMAN, "blue": "historical"})
    text = shown(app)
    assert "The secret plan: now in force." in text and "A whisper in the ministry" in text and "Plotters ready" in text


def test_a_screen_two_players_share_keeps_each_ones_secret(app):
    resolution_of_day_one(app, {"red": HUMAN, "blue": HUMAN})
    text = shown(app)
    assert "The secret plan" not in text and "Plotters ready" not in text


def test_after_the_leak_the_other_seat_sees_the_plan_in_force_and_its_briefing_tells_of_it(app):
    match = game(app, {"red": "historical", "blue": HUMAN})
    play_on(match, 2)
    flow.show_current(app, match)
    app.top.proceed()
    step(app)
    press(app, pygame.K_b)
    text = shown(app)
    assert "The papers talk of a plot." in text
    assert any("The secret plan" in line for line in app.top.static_texts())
    assert "Plotters ready" not in text  # the meter was never shown to blue


def test_the_day_screen_hides_what_a_choice_moves_in_secret(app):
    match = game(app, {"red": HUMAN, "blue": "historical"})
    flow.show_current(app, match)
    app.top.proceed()
    step(app)
    assert "Plotters ready" in " ".join(match.moved_labels(match.legal("red")[0], ("red",)))
    assert "Plotters ready" not in " ".join(match.moved_labels(match.legal("red")[0], ("blue",)))


def test_the_resolution_tells_the_other_seat_only_that_an_order_was_given(app):
    resolution_of_day_one(app, {"red": "historical", "blue": HUMAN})
    text = shown(app)
    assert "Red Leader: an order not yet known" in text and "Agree to the plan" not in text
    assert "Blue's capital heard nothing that day." in text and "friends abroad" not in text  # its own note


def test_the_resolution_shows_a_seat_its_own_secret_order(app):
    resolution_of_day_one(app, {"red": HUMAN, "blue": "historical"})
    text = shown(app)
    assert "Red Leader: Agree to the plan" in text and "Red's friends abroad offered a plan that day." in text


def test_a_shared_resolution_keeps_the_order_from_both_players(app):
    resolution_of_day_one(app, {"red": HUMAN, "blue": HUMAN})
    text = shown(app)
    assert "Red Leader: an order not yet known" in text and "Agree to the plan" not in text
    assert "What really happened" not in text  # blue has a note of its own: the shared screen shows neither


def orders_so_far(app, match, role):
    """The "Orders so far" tab of ``role``'s day screen, as its words."""
    flow.show_current(app, match)
    while scene_name(app) != "DayScene" or app.top.role != role:
        app.top.proceed()
        step(app)
    app.top._tab("history")()
    step(app)
    return shown(app)


def test_the_record_of_orders_keeps_the_order_until_the_leak_and_then_shows_it(app):
    match = game(app, {"red": "historical", "blue": HUMAN})
    play_on(match, 1)
    before = orders_so_far(app, match, "blue")
    assert "R. Leader: an order not yet known" in before and "Agree to the plan" not in before
    match = game(app, {"red": "historical", "blue": HUMAN})
    play_on(match, 2)
    assert "R. Leader: Agree to the plan" in orders_so_far(app, match, "blue")


def test_the_ending_shows_the_order_to_everyone(app):
    match = game(app, {"red": "historical", "blue": HUMAN})
    play_on(match, 3)
    flow.show_current(app, match)
    step(app)
    assert scene_name(app) == "EndingScene"
    assert "Agree to the plan" in shown(app)


def test_a_screen_two_players_share_shows_neither_seats_own_title_of_the_day(app):
    """On 16 October Kennedy's day is "The photographs" and Moscow's "Operation Anadyr": a screen both
    read shows the date alone, and no painting of either day."""
    from game import paths
    from game.ui.scenes.common import history_blocks

    scenario = load_cached(paths.find_scenario("cuban_missile_crisis_1962"), app.scenario_cache)
    match = Match.new(scenario, 7, {"kennedy": HUMAN, "khrushchev": HUMAN}, log_path=None, autosave=None)
    match.autosave = None
    play_on(match, 1)
    shared = " ".join(text for text, _, _ in history_blocks(match))
    assert "Tuesday 16 October 1962" in shared
    assert "The photographs" not in shared and "Operation Anadyr" not in shared
    assert "Operation Anadyr" in " ".join(text for text, _, _ in history_blocks(match, ("khrushchev",)))
    app.reset("resolution", match=match, record=match.session.state.history[-1])
    step(app)
    assert scene_name(app) == "ResolutionScene" and app.top.picture_rect is None
    play_on(match, 2)  # 18 October: one day for both, and its painting
    app.reset("resolution", match=match, record=match.session.state.history[-1])
    step(app)
    assert app.top.picture_rect is not None
