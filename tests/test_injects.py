"""The teacher's injects are engine rules: they change the state the same way wherever applied."""

import pytest

from game.engine.injects import FireEvent, IllegalInject, MoveMeter, NewsFlash, apply_inject
from game.engine.resolve import resolve_day
from game.engine.state import new_game
from game.scenario.load import load_scenario


@pytest.fixture(scope="module")
def cuba():
    return load_scenario("scenarios/cuban_missile_crisis_1962/scenario.yaml")


def test_a_meter_moves_within_its_range(cuba):
    state = new_game(cuba, 1)
    tension = cuba.variables["tension"]
    up = apply_inject(cuba, state, MoveMeter("tension", 10, "a rumour in the press"))
    assert up.value(cuba, "tension") == state.value(cuba, "tension") + 10
    capped = apply_inject(cuba, state, MoveMeter("tension", 10_000, "panic"))
    assert capped.value(cuba, "tension") == tension.maximum
    assert capped.history == state.history and capped.day_index == state.day_index


def test_news_changes_nothing_and_bad_injects_are_refused(cuba):
    state = new_game(cuba, 1)
    assert apply_inject(cuba, state, NewsFlash("Radio Moscow reports calm")) == state
    for bad in (NewsFlash("  "), MoveMeter("tension", 5, ""), MoveMeter("nonsense", 5, "why"),
                MoveMeter("tension", float("nan"), "why"), FireEvent("no_such_event")):
        with pytest.raises(IllegalInject):
            apply_inject(cuba, state, bad)


def test_a_fired_event_applies_its_effects_and_happens_once(cuba):
    state = new_game(cuba, 1)
    event = next(e for e in cuba.events if e.once and e.effects and not e.ending)
    fired = apply_inject(cuba, state, FireEvent(event.id))
    assert event.id in fired.fired
    assert fired.values != state.values or fired.pending != state.pending
    with pytest.raises(IllegalInject):
        apply_inject(cuba, fired, FireEvent(event.id))


def test_the_days_dice_do_not_depend_on_news(cuba):
    state = new_game(cuba, 7)
    orders = {role: cuba.days[0].historical.get(role) for role in cuba.roles}
    plain = resolve_day(cuba, state, orders)
    with_news = resolve_day(cuba, apply_inject(cuba, state, NewsFlash("a flash")), orders)
    assert plain == with_news
