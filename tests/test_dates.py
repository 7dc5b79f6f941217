"""Dates in the player's language, from Babel's CLDR data, wherever the game shows one."""

from __future__ import annotations

from pathlib import Path

from game import i18n
from game.scenario.load import load_scenario
from game.text.describe import day_heading
from game.tools.role_cards import cards_of

HALF = Path(__file__).resolve().parent / "fixtures" / "translate" / "half_translated.yaml"


def test_each_form_of_a_date_in_russian():
    russian = i18n.words("ru")
    assert i18n.long_date("1962-10-27", russian) == "суббота, 27 октября 1962 г."
    assert i18n.dated("1962-10-27", russian) == "27 октября 1962 г."
    assert i18n.short_date("1962-10-27", russian) == "27 октября"
    assert i18n.abbreviated_date("1962-10-27", russian) == "27 окт."


def test_english_dates_keep_the_day_before_the_month():
    english = i18n.words("en")
    assert i18n.dated("1962-10-27", english) == "27 October 1962"
    assert i18n.short_date("1962-10-27", english) == "27 October"
    assert i18n.abbreviated_date("1962-10-27", english) == "27 Oct"


def test_a_scenario_language_the_interface_lacks_still_gets_its_own_dates():
    german = i18n.words("de")
    assert german("Give the order") == "Give the order"  # no German catalog for the buttons
    assert i18n.dated("1962-10-27", german) == "27. Oktober 1962"
    assert i18n.long_date("1962-10-27", i18n.words("pt-BR")) == "sábado, 27 de outubro de 1962"


def test_a_language_babel_does_not_know_gets_english_dates_and_a_text_that_is_no_date_stays_itself():
    assert i18n.dated("1962-10-27", i18n.words("zz")) == "27 October 1962"
    assert i18n.dated("the next morning", i18n.words("ru")) == "the next morning"


def test_the_text_mode_heads_each_day_with_a_date_in_the_player_language():
    scenario = load_scenario(HALF)
    assert day_heading(scenario, scenario.days[0], "ru") == "Day 1 of 1: суббота, 27 октября 1962 г., Мост"
    assert day_heading(scenario, scenario.days[0], "en") == "Day 1 of 1: Saturday 27 October 1962, The bridge"


def test_a_role_card_dates_what_its_player_knows_in_the_card_language():
    scenario = load_scenario(HALF)
    role = scenario.roles["red"]
    assert cards_of(scenario, role, "ru", i18n.words("ru"))[0]["date"] == "27 октября 1962 г."
    assert cards_of(scenario, role, "de", i18n.words("de"))[0]["date"] == "27. Oktober 1962"
