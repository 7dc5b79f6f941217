"""The rules of one day, checked on a scenario whose numbers are easy to follow by hand."""

from pathlib import Path

import pytest

from game.engine.resolve import IllegalOrder, legal_choices, resolve_day
from game.engine.state import new_game
from game.scenario.load import load_scenario

RULES = Path(__file__).parent / "fixtures" / "engine" / "rules.yaml"


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(RULES)


def play(scenario, *days, seed=1):
    state = new_game(scenario, seed)
    for orders in days:
        state = resolve_day(scenario, state, orders)
    return state


def test_a_new_game_starts_from_the_initial_values(scenario):
    state = new_game(scenario, 5)
    assert state.value(scenario, "heat") == 10
    assert state.value(scenario, "flags.signed") is False
    assert state.value(scenario, "alert") == 3
    assert state.value(scenario, "day") == 1
    assert state.day_index == 0 and state.history == () and state.ending is None


def test_legal_choices_are_the_days_own_then_the_standing_ones(scenario):
    state = new_game(scenario, 1)
    assert [c.id for c in legal_choices(scenario, state, "red")] == ["push", "strike", "nudge", "idle"]
    assert [c.id for c in legal_choices(scenario, state, "blue")] == ["sign", "hold", "idle"]


def test_a_choice_whose_condition_fails_is_not_open(scenario):
    unsigned = play(scenario, {"red": "nudge", "blue": "hold"})
    assert "only_if_signed" not in [c.id for c in legal_choices(scenario, unsigned, "red")]
    signed = play(scenario, {"red": "nudge", "blue": "sign"})
    assert "only_if_signed" in [c.id for c in legal_choices(scenario, signed, "red")]


def test_effects_are_clamped_to_the_variables_bounds(scenario):
    state = play(scenario, {"red": "push", "blue": "hold"})
    assert state.history[-1].values_after[scenario.variables["heat"].slot] == 50


def test_an_order_that_is_not_open_is_refused(scenario):
    state = new_game(scenario, 1)
    with pytest.raises(IllegalOrder):
        resolve_day(scenario, state, {"red": "only_if_signed", "blue": "hold"})
    with pytest.raises(IllegalOrder):
        resolve_day(scenario, state, {"red": "push"})


def test_an_interaction_applies_when_both_orders_match(scenario):
    state = play(scenario, {"red": "nudge", "blue": "sign"})
    assert state.history[-1].interactions == ("handshake",)
    other = play(scenario, {"red": "nudge", "blue": "hold"})
    assert other.history[-1].interactions == ()


def test_an_interaction_condition_reads_the_values_from_before_the_orders(scenario):
    # 'strike' empties the stock, yet the interaction sees the stock as it stood when ordered
    state = play(scenario, {"red": "strike", "blue": "hold"})
    record = state.history[-1]
    assert record.interactions == ("strike_on_stock",)
    assert state.value(scenario, "stock") == 0
    assert state.value(scenario, "heat") == 10 + 5 + 2 + 20


def test_a_delayed_effect_arrives_after_its_days(scenario):
    state = play(scenario, {"red": "nudge", "blue": "hold"}, {"red": "idle", "blue": "idle"})
    assert state.history[1].delayed == ()
    state = resolve_day(scenario, state, {"red": "idle", "blue": "idle"})
    assert state.history[2].delayed == ("nudge",)
    assert [str(note) for note in state.history[2].delayed_notes] == ["The nudge is felt."]
    assert state.history[2].values_after[scenario.variables["heat"].slot] == 10 + 1 + 2 + 7


def test_a_delayed_effect_whose_condition_fails_is_dropped(scenario):
    state = play(scenario, {"red": "nudge", "blue": "hold"}, {"red": "idle", "blue": "idle"})
    assert state.history[1].delayed == ()  # 'heat >= 45' was false on day two
    assert all(item.source != "nudge" or item.due_index > 1 for item in state.pending)


def test_a_once_event_fires_once_and_a_repeating_event_fires_on_its_days(scenario):
    state = play(scenario, {"red": "nudge", "blue": "hold"}, {"red": "idle", "blue": "idle"},
                 {"red": "idle", "blue": "idle"})
    fired = [record.events for record in state.history]
    assert fired == [("certain_once",), ("day_two_only",), ()]


def test_an_event_with_probability_zero_never_fires(scenario):
    for seed in range(50):
        state = play(scenario, {"red": "nudge", "blue": "hold"}, seed=seed)
        assert "never" not in state.fired


def test_a_daily_ending_is_checked_after_each_day(scenario):
    state = play(scenario, {"red": "push", "blue": "hold"})
    assert state.ending == "meltdown"
    assert state.day_index == 0
    assert state.history[-1].ending == "meltdown"
    with pytest.raises(IllegalOrder):
        resolve_day(scenario, state, {"red": "idle", "blue": "idle"})


def test_final_endings_wait_for_the_calendar_to_run_out(scenario):
    state = play(scenario, {"red": "nudge", "blue": "sign"})
    assert state.value(scenario, "luck") >= 50 and state.ending is None
    state = play(scenario, {"red": "nudge", "blue": "sign"}, {"red": "idle", "blue": "idle"},
                 {"red": "idle", "blue": "idle"})
    assert state.ending == "lucky_end"  # luck 3 + 50 + 10 (+1 never: heat stayed low) >= 60


def test_the_unconditional_final_ending_catches_every_other_game(scenario):
    state = play(scenario, {"red": "nudge", "blue": "hold"}, {"red": "idle", "blue": "idle"},
                 {"red": "idle", "blue": "idle"})
    assert state.ending == "ordinary_end"


def test_a_derived_value_follows_its_source(scenario):
    state = play(scenario, {"red": "strike", "blue": "hold"})  # heat 37
    assert state.value(scenario, "alert") == 2


def test_resolving_does_not_change_the_earlier_state(scenario):
    state = new_game(scenario, 3)
    before = (state.values, state.history, state.pending)
    resolve_day(scenario, state, {"red": "nudge", "blue": "sign"})
    assert (state.values, state.history, state.pending) == before


def test_a_choice_that_names_an_ending_ends_the_game_when_its_day_resolves(scenario):
    state = play(scenario, {"red": "nudge", "blue": "hold"}, {"red": "resign", "blue": "idle"})
    assert state.ending == "resignation"
    assert state.history[-1].ending == "resignation"


def test_only_the_advisors_at_the_table_speak(scenario):
    from game.engine.advice import advice_for

    first_day = new_game(scenario, 1)
    assert [advisor.id for advisor, _ in advice_for(scenario, first_day, "red")] == ["owl", "hawk"]
    second_day = play(scenario, {"red": "nudge", "blue": "hold"})
    assert [advisor.id for advisor, _ in advice_for(scenario, second_day, "red")] == ["hawk"]
