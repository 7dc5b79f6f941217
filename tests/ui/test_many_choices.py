"""A day with more choices than keys or room: 0 picks the tenth, and every card can be reached and clicked.

The 1962 scenario's busiest day offers each seat well over nine orders; it is checked at 1280x720
with the largest text size, where the fewest cards fit at once.
"""

import pygame
import pytest

from game import paths
from game.engine.machine import replay
from game.engine.resolve import legal_choices
from game.ui import flow
from game.ui.bench import play_on
from game.ui.match import HUMAN, Match, load_cached
from game.ui.settings import TEXT_SCALES
from .driver import click, press, scene_name, step


def busiest_day(scenario, role):
    """The day on the historical path where ``role`` has the most legal choices, and how many."""
    best = (0, 0)
    for index in range(len(scenario.days)):
        state = replay(scenario, 7, [dict(d.historical) for d in scenario.days[:index]]).state
        if state.ended:
            break
        best = max(best, (len(legal_choices(scenario, state, role)), index))
    return best[1], best[0]


def on_busiest_day(app, role):
    scenario = load_cached(paths.find_scenario("cuban_missile_crisis_1962"), app.scenario_cache)
    index, count = busiest_day(scenario, role)
    players = {r: (HUMAN if r == role else "historical") for r in scenario.roles}
    match = Match.new(scenario, 7, players, log_path=None, autosave=None)
    match.autosave = None
    play_on(match, index)
    flow.show_current(app, match)
    app.top.proceed()
    step(app)
    assert scene_name(app) == "DayScene" and len(match.legal(role)) == count
    return match, count


@pytest.fixture
def large_text_app(make_app):
    return make_app(1280, 720, text_scale=max(TEXT_SCALES))


@pytest.mark.parametrize("role", ["kennedy", "khrushchev"])
def test_every_card_of_the_busiest_day_is_on_some_page_inside_the_cards_area(large_text_app, role):
    app = large_text_app
    match, count = on_busiest_day(app, role)
    assert count > 10
    scene = app.top
    seen = []
    window = pygame.Rect((0, 0), app.size)
    for _ in range(scene.pages):
        for card in scene.cards:
            assert scene.cards_rect.contains(card.rect) and window.contains(card.rect)
            assert card.rect.h >= app.theme.line_height("subheading")
            seen.append(card.choice_id)
        press(app, pygame.K_PAGEDOWN)
        scene = app.top
    assert seen == [choice.id for choice in match.legal(role)]


def test_zero_picks_the_tenth_card_turning_to_its_page(large_text_app):
    app = large_text_app
    match, _ = on_busiest_day(app, "kennedy")
    press(app, pygame.K_0, "0")
    tenth = match.legal("kennedy")[9].id
    assert app.top.selected == tenth
    assert any(card.choice_id == tenth and card.selected for card in app.top.cards)
    assert app.top.focus is app.top.order_button
    press(app, pygame.K_RETURN)
    assert match.session.state.history[-1].order_of("kennedy") == tenth


def test_tab_walks_through_every_card_across_the_pages(large_text_app):
    app = large_text_app
    match, count = on_busiest_day(app, "khrushchev")
    first = app.top.cards[0]
    assert app.top.focus is first
    reached = [first.choice_id]
    for _ in range(count - 1):
        press(app, pygame.K_TAB)
        reached.append(app.top.focus.choice_id)
    assert reached == [choice.id for choice in match.legal("khrushchev")]
    press(app, pygame.K_TAB)
    assert app.top.focus not in app.top.cards  # on past the cards (the order button waits for a pick)
    press(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    assert app.top.focus.choice_id == reached[-1]
    for _ in range(len(app.top.cards)):
        press(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    assert app.top.page == app.top.pages - 2  # Shift+Tab walks back onto the previous page


def test_the_arrows_walk_down_onto_the_next_page_and_back_up(large_text_app):
    app = large_text_app
    on_busiest_day(app, "kennedy")
    rows = len({card.rect.y for card in app.top.cards})
    for _ in range(rows):
        press(app, pygame.K_DOWN)
    assert app.top.page == 1 and app.top.focus is app.top.cards[0]
    press(app, pygame.K_UP)
    assert app.top.page == 0 and app.top.focus is app.top.cards[-1]


def test_the_wheel_and_the_pager_turn_the_cards_and_a_card_on_a_later_page_is_clickable(large_text_app):
    app = large_text_app
    match, count = on_busiest_day(app, "kennedy")
    scene = app.top
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=scene.cards[0].rect.center, rel=(0, 0),
                                         buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
    step(app)
    assert app.top.page == 1
    for _ in range(count):
        more = next(w for w in app.top.widgets if w.name == "cards:more")
        if not more.enabled:
            break
        click(app, more)
    last = app.top.cards[-1]
    assert last.choice_id == match.legal("kennedy")[-1].id
    click(app, last)
    assert app.top.selected == last.choice_id
    assert app.top.order_button.label.endswith((last.label, f"choice {last.number}"))
    app.draw()


def test_a_day_that_fits_has_no_pager(app, only_demo):
    from game.ui.bench import screens

    screens(app, load_cached(only_demo, app.scenario_cache))["day"]()
    assert app.top.pages == 1 and not any(w.name.startswith("cards:") for w in app.top.widgets)


def test_random_keys_clicks_and_wheel_turns_on_a_busy_day_leave_the_game_valid(large_text_app):
    import random

    from .test_monkey import KEYS, random_event

    app = large_text_app
    match, _ = on_busiest_day(app, "kennedy")
    rng = random.Random(1023)
    keys = KEYS + [pygame.K_F5]
    for index in range(3000):
        events = random_event(rng, app.size)
        if events[0].type == pygame.KEYDOWN:
            key = rng.choice(keys)
            events = [pygame.event.Event(pygame.KEYDOWN, key=key, mod=events[0].mod, scancode=0,
                                         unicode=pygame.key.name(key) if pygame.K_0 <= key <= pygame.K_9 else "")]
        for event in events:
            pygame.event.post(event)
        if index % 8 == 7:
            app.frame(1 / 60)
        if not app.running or not app.scenes:
            break
    app.frame(1 / 60)
    session = match.session
    rebuilt = replay(session.scenario, session.state.seed, [dict(r.orders) for r in session.state.history])
    assert rebuilt.state == session.state


def test_f5_keeps_the_page_of_cards_and_the_card_marked_on_it(large_text_app):
    app = large_text_app
    match, _ = on_busiest_day(app, "kennedy")
    press(app, pygame.K_PAGEDOWN)
    press(app, pygame.K_PAGEDOWN)
    marked = app.top.cards[-1].choice_id
    click(app, app.top.cards[-1])
    press(app, pygame.K_F5)
    assert app.notice[0] == f"Reloaded scenario.yaml: day {match.session.state.day_index + 1} kept"
    assert app.top.page == 2 and app.top.selected == marked
    assert any(card.choice_id == marked and card.selected for card in app.top.cards)
