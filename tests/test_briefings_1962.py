"""The 1962 briefings follow what has happened: a morning after American bombs does not speak
of holding back the newspapers, of a speech still to come, or of a Moscow that suspects nothing."""

from __future__ import annotations

from pathlib import Path

from game.engine.resolve import legal_choices, resolve_day
from game.engine.state import new_game
from game.scenario.load import load_scenario

PATH = Path(__file__).parent.parent / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml"
SCENARIO = load_scenario(PATH)
SEATS = ("kennedy", "khrushchev")
# words of the quiet path before the speech, untrue once bombs have fallen
BEFORE_THE_BOMBS = ("want to print it", "Your speech is set", "suspect nothing", "seem to suspect",
                    "The networks have given you", "hold the stories", "Operation Anadyr is going to plan",
                    "may concern Cuba")


def briefings_after_a_first_strike(seed: int):
    """Each morning's briefings for both seats, when the President bombs the sites on 16 October
    and then both seats follow the record as far as it is open."""
    state = resolve_day(SCENARIO, new_game(SCENARIO, seed), {"kennedy": "surgical_strike", "khrushchev": "keep_building"})
    mornings = []
    while state.ending is None and SCENARIO.days[state.day_index].date <= "1962-10-28":
        day = SCENARIO.days[state.day_index]
        mornings.append((day.id, {seat: day.briefing_for(seat, state.values).get("en") for seat in SEATS}))
        orders = {}
        for seat in SEATS:
            legal = [c.id for c in legal_choices(SCENARIO, state, seat)]
            orders[seat] = day.historical[seat] if day.historical[seat] in legal else legal[0]
        state = resolve_day(SCENARIO, state, orders)
    return mornings


def test_after_american_bombs_no_briefing_speaks_of_the_quiet_days_before_them():
    checked = 0
    for seed in range(5):
        for day_id, texts in briefings_after_a_first_strike(seed):
            for seat, text in texts.items():
                assert text, (seed, day_id, seat)
                assert not [words for words in BEFORE_THE_BOMBS if words in text], (seed, day_id, seat, text)
                assert "bomb" in text.lower() or "landing" in text.lower() or "settlement" in text.lower(), (day_id, seat)
                checked += 1
    assert checked >= 20


def test_on_the_record_s_path_each_morning_tells_the_record_s_own_briefing():
    expected = {"oct18": "Gromyko comes to the Oval Office", "oct21": "want to print it",
                "oct22": "The networks have given you", "oct24": "The quarantine takes effect"}
    state = new_game(SCENARIO, 3)
    seen = {}
    while SCENARIO.days[state.day_index].id != "oct25":
        day = SCENARIO.days[state.day_index]
        seen[day.id] = day.briefing_for("kennedy", state.values).get("en")
        state = resolve_day(SCENARIO, state, dict(day.historical))
        assert state.ending is None
    for day_id, words in expected.items():
        assert words in seen[day_id], day_id
