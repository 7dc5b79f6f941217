"""The advisors' odds on the day screen: heard with the advice, in the player's language, and
gone when Settings turn estimates off."""

import re

import pygame

from game.engine.estimates import estimates_for
from .driver import click, press, step, widget
from .test_day_screen import on_day, pane


def test_a_recommending_advisor_gives_the_odds_the_lookahead_found_coloured_by_their_leaning(make_app):
    app = make_app(1280, 720)
    match = on_day(app, "kennedy", "oct24", opponent="strategist:easy")
    press(app, pygame.K_a)
    advisor, advice = app.top.advice[0]
    estimate = estimates_for(match.scenario, match.session.state, "kennedy", [(advisor, advice)])[advisor.id]
    shown = pane(app)
    said = re.search(r"I put the odds that this ends in war at (.+?)\.”", shown)
    assert said, shown
    from game.ui.scenes.day import odds_phrase

    assert said.group(1) == odds_phrase(app.words, estimate.said)


def test_the_odds_are_in_russian_for_a_russian_player(make_app):
    app = make_app(1280, 720, language="ru")
    app.language = "ru"
    on_day(app, "kennedy", "oct24")
    press(app, pygame.K_a)
    assert "Шансы, что это кончится войной, я оцениваю как" in pane(app)


def test_settings_turn_the_estimates_off_for_players_who_want_the_fog(make_app):
    app = make_app(1280, 720)
    app.push("settings")
    step(app)
    click(app, widget(app, "setting:estimates"))
    assert not app.settings.estimates
    assert "off" in widget(app, "setting:estimates").label
    app.pop()
    on_day(app, "kennedy", "oct24")
    press(app, pygame.K_a)
    shown = pane(app)
    assert "Recommends" in shown and "odds" not in shown


def test_the_setup_offers_the_strategists_tempers_and_how_hard_they_think(app, only_demo):
    app.push("setup", scenario="demo", seed=5)
    step(app)
    assert "difficulty" not in [w.name for w in app.top.widgets]  # the historical leader does not think ahead
    app.reset("title")
    app.push("setup", scenario="demo", seed=5, opponent="strategist:hawk")  # as `brink play --opponent` opens it
    step(app)
    assert widget(app, "opponent:strategist:hawk").selected
    click(app, widget(app, "opponent:strategist:hawk"))
    assert widget(app, "difficulty").enabled and "well" in widget(app, "difficulty").label
    click(app, widget(app, "difficulty"))
    assert "hard" in widget(app, "difficulty").label
    click(app, widget(app, "Begin"))
    match = app.top.match
    assert match.players == {"kennedy": "human", "khrushchev": "strategist:hawk:hard"}
    click(app, widget(app, "To the situation room"))
    click(app, app.top.cards[0])
    click(app, widget(app, "give order"))  # the strategist answers within the day
    assert match.session.state.history[0].order_of("khrushchev") in {c.id for c in match.scenario.days[0].choices["khrushchev"]} | \
        {c.id for c in match.scenario.roles["khrushchev"].standing_choices}
