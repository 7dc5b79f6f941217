"""A whole game in the window, title to ending, by keyboard alone and by mouse alone."""

import io

import pygame

from game.engine import machine
from game.text.play import TextGame
from .driver import click, press, scene_name, step, tab_to, widget


def historical_number(app) -> int:
    """The number of the card carrying the historical order today (what a player would read and pick)."""
    scene = app.top
    wanted = scene.match.session.day.historical.get(scene.role)
    for card in scene.cards:
        if card.choice_id == wanted:
            return card.number
    return 1


def test_a_whole_game_by_keyboard_alone(app, only_demo):
    app.push("title")
    step(app)
    assert app.top.focus.name == "New game"  # nothing to continue in a fresh user folder
    press(app, pygame.K_RETURN)
    assert scene_name(app) == "SetupScene"
    tab_to(app, "seed")
    for _ in range(9):
        press(app, pygame.K_BACKSPACE)
    press(app, pygame.K_7, "7")
    tab_to(app, "Begin")
    press(app, pygame.K_RETURN)
    match = app.top.match
    assert match.session.state.seed == 7
    orders = []
    for _ in range(20):
        if scene_name(app) == "EndingScene":
            break
        assert scene_name(app) == "BriefingScene"
        press(app, pygame.K_RETURN)
        assert scene_name(app) == "DayScene"
        number = historical_number(app)
        orders.append(app.top.cards[number - 1].choice_id)
        press(app, getattr(pygame, f"K_{number}"), str(number))
        assert app.top.focus is app.top.order_button
        press(app, pygame.K_RETURN)
        assert scene_name(app) == "ResolutionScene"
        step(app, 30)
        press(app, pygame.K_RETURN)
    assert scene_name(app) == "EndingScene"
    assert match.session.state.ending == "settlement"
    assert [record.order_of("kennedy") for record in match.session.state.history] == orders


def test_a_whole_game_by_mouse_alone(app, only_demo):
    app.push("title")
    step(app)
    click(app, widget(app, "New game"))
    click(app, widget(app, "scenario:demo"))
    click(app, widget(app, "role:khrushchev"))
    click(app, widget(app, "opponent:dove"))
    click(app, widget(app, "Begin"))
    match = app.top.match
    assert match.players == {"kennedy": "dove", "khrushchev": "human"}
    for _ in range(20):
        if scene_name(app) == "EndingScene":
            break
        click(app, widget(app, "To the situation room"))
        assert scene_name(app) == "DayScene"
        if app.top.chips:
            click(app, app.top.chips[0])  # hear an advisor, as a player would
        click(app, app.top.cards[-1])
        click(app, widget(app, "give order"))
        assert scene_name(app) == "ResolutionScene"
        click(app, widget(app, "continue"))
    assert scene_name(app) == "EndingScene"
    step(app, 60)
    click(app, widget(app, "Back to the title"))
    assert scene_name(app) == "TitleScene"


def test_the_window_and_the_text_mode_play_the_same_game_from_the_same_seed_and_orders(app, only_demo):
    from game.ui.match import load_cached

    scenario = load_cached(only_demo, {})
    app.push("setup", scenario="demo", role="kennedy", opponent="random", seed=99)
    click(app, widget(app, "Begin"))
    match = app.top.match
    answers = []
    while scene_name(app) != "EndingScene":
        click(app, widget(app, "To the situation room"))
        answers.append(str(len(app.top.cards)))  # the last choice each day
        click(app, app.top.cards[-1])
        click(app, widget(app, "give order"))
        click(app, widget(app, "continue"))
    text = TextGame(machine.start(scenario, 99), {"kennedy": "human", "khrushchev": "random"},
                    io.StringIO("\n".join(answers) + "\n"), io.StringIO())
    text.run()
    assert text.session.state == match.session.state
