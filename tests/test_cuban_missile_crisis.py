"""The 1962 scenario: its calendar, its people, the record of what was decided, and the balance
that `brink simulate` shows.

A seat's *best endings* are the endings with that seat's highest score (no margin): Kennedy's is
the settlement in which nothing is given for Turkey, Khrushchev's is the missiles staying in Cuba.
"""

from __future__ import annotations

import datetime
from collections import Counter
from pathlib import Path

import pytest
import yaml

from game.art.scene_spec import library
from game.engine.opponents import POLICIES, policy_named
from game.engine.resolve import day_random, find_legal, legal_choices, resolve_day
from game.engine.state import new_game
from game.scenario.load import load_scenario
from game.scenario.model import LEANINGS
from game.tools.simulate import play_one, simulate

PATH = Path(__file__).parent.parent / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml"
SCENARIO = load_scenario(PATH)
SEATS = ("kennedy", "khrushchev")
OPPONENTS = ("historical", "random", "hawk", "dove")
NUCLEAR_ENDINGS = {"general_war", "limited_exchange", "shot_unanswered", "invasion_nuclear"}
STRIKES = {"surgical_strike", "large_strike", "invade"}
SCENES = set(library())  # the painter's library (assets/art/library.yaml)
EXCOMM = {"Robert F. Kennedy", "Robert McNamara", "Dean Rusk", "McGeorge Bundy", "Maxwell Taylor", "Curtis LeMay",
          "John McCone", "Theodore Sorensen", "George Ball", "Adlai Stevenson", "Dean Acheson", "Llewellyn Thompson"}
KREMLIN_AND_OTHERS = {"Andrei Gromyko", "Rodion Malinovsky", "Anastas Mikoyan", "Frol Kozlov", "Anatoly Dobrynin",
                      "Issa Pliyev", "Fidel Castro"}


def other_seat(seat: str) -> str:
    return next(role for role in SCENARIO.roles if role != seat)


def best_endings(seat: str) -> set[str]:
    top = max(ending.scores[seat] for ending in SCENARIO.endings)
    return {ending.id for ending in SCENARIO.endings if ending.scores[seat] >= top}


def as_date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def dates_of(index: int) -> list[datetime.date]:
    """The calendar dates a day stands for: from its own date to the day before the next one."""
    first = as_date(SCENARIO.days[index].date)
    if index + 1 < len(SCENARIO.days):
        last = as_date(SCENARIO.days[index + 1].date) - datetime.timedelta(days=1)
    else:
        last = as_date(SCENARIO.last_date)
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


def defcon_after_each_day(state) -> list[int]:
    defcon = SCENARIO.derived["defcon"]
    return [defcon.value(record.values_after) for record in state.history]


# --- the calendar ---------------------------------------------------------------------------

def test_every_date_from_16_october_to_20_november_falls_in_exactly_one_day():
    start, end = as_date(SCENARIO.first_date), as_date(SCENARIO.last_date)
    assert (start, end) == (datetime.date(1962, 10, 16), datetime.date(1962, 11, 20))
    assert as_date(SCENARIO.days[0].date) == start
    covered = Counter(date for index in range(len(SCENARIO.days)) for date in dates_of(index))
    every_date = [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]
    assert len(every_date) == 36
    assert sorted(covered) == every_date
    assert set(covered.values()) == {1}


def test_the_thirteen_days_to_28_october_are_each_a_decision_of_their_own():
    october = [day for day in SCENARIO.days if as_date(day.date) <= datetime.date(1962, 10, 28)]
    assert [day.date for day in october] == [f"1962-10-{n}" for n in range(16, 29)]


def test_the_weeks_after_28_october_are_grouped_into_fewer_larger_days():
    later = [index for index, day in enumerate(SCENARIO.days) if as_date(day.date) > datetime.date(1962, 10, 28)]
    assert 1 < len(later) < sum(len(dates_of(index)) for index in later)


def test_a_day_that_stands_for_several_dates_names_its_range_in_its_title():
    grouped = [index for index in range(len(SCENARIO.days)) if len(dates_of(index)) > 1]
    assert grouped
    for index in grouped:
        dates = dates_of(index)
        title = SCENARIO.days[index].title.get("en")
        assert str(dates[0].day) in title and str(dates[-1].day) in title, title


# --- the people -----------------------------------------------------------------------------

def test_kennedy_sits_with_at_least_eight_members_of_the_excomm():
    names = {advisor.name.get() for advisor in SCENARIO.roles["kennedy"].advisors}
    assert len(names & EXCOMM) >= 8


def test_khrushchev_hears_at_least_six_of_the_presidium_his_envoys_and_castro():
    names = {advisor.name.get() for advisor in SCENARIO.roles["khrushchev"].advisors}
    assert len(names & KREMLIN_AND_OTHERS) >= 6
    assert "Fidel Castro" in names


@pytest.mark.parametrize("seat", SEATS)
def test_every_advisor_has_a_leaning_and_advice_that_changes_with_the_situation(seat):
    for advisor in SCENARIO.roles[seat].advisors:
        assert advisor.leaning in LEANINGS
        situational = [entry for entry in advisor.advice if entry.day or entry.when]
        assert len(situational) >= 2, advisor.id
        assert advisor.advice[-1].day is None and advisor.advice[-1].when is None, advisor.id


def test_every_seat_and_advisor_has_portrait_parameters_for_the_painter():
    people = [*SCENARIO.roles.values(), *(a for role in SCENARIO.roles.values() for a in role.advisors)]
    for person in people:
        assert {"face", "hair", "attire", "age"} <= set(person.portrait), person.id


# --- the days and the record ----------------------------------------------------------------

def test_every_day_briefs_both_seats_and_says_what_really_happened():
    for day in SCENARIO.days:
        for seat in SEATS:
            assert day.briefings[seat], (day.id, seat)
        assert day.history_note, day.id


def test_every_day_briefs_khrushchev_in_english_and_in_russian():
    for day in SCENARIO.days:
        for paragraph in day.briefings["khrushchev"]:
            assert {"en", "ru"} <= set(paragraph.text.languages), day.id
        briefing = day.briefing_for("khrushchev", SCENARIO.initial_values())
        assert any("а" <= letter <= "я" for letter in briefing.get("ru").lower()), day.id


def test_every_day_records_what_both_leaders_really_decided():
    for day in SCENARIO.days:
        assert set(day.historical) == set(SEATS), day.id


def test_every_choice_in_the_file_declares_its_leaning():
    document = yaml.safe_load(PATH.read_text(encoding="utf-8"))
    choices = [choice for role in document["roles"].values() for choice in role.get("choices", [])]
    choices += [choice for day in document["days"] for listed in day.get("choices", {}).values() for choice in listed]
    undeclared = [choice["id"] for choice in choices if choice.get("leaning") not in LEANINGS]
    assert not undeclared


def test_key_days_and_every_ending_name_a_scene_the_painter_knows_or_describe_their_own():
    painted_days = [day for day in SCENARIO.days if day.art]
    assert len(painted_days) >= 10
    for item in painted_days + list(SCENARIO.endings):
        if "scene" in item.art:
            assert item.art["scene"] in SCENES, item.id
        else:
            assert item.art.get("paint"), item.id


def test_there_are_at_least_eight_endings_each_with_its_own_text_history_and_scores():
    assert len(SCENARIO.endings) >= 8
    for ending in SCENARIO.endings:
        assert ending.text and ending.history_note, ending.id
        assert set(ending.scores) == set(SEATS), ending.id
    assert len({ending.text.get() for ending in SCENARIO.endings}) == len(SCENARIO.endings)


def test_the_endings_cover_settlements_war_invasion_and_a_fall_from_power():
    asked_for = {"historical_settlement", "early_settlement", "late_settlement", "settlement_no_trade",
                 "settlement_public_trade", "missiles_stay", "invasion_conventional", "invasion_nuclear",
                 "limited_exchange", "general_war", "khrushchev_ousted", "kennedy_undone"}
    assert asked_for <= {ending.id for ending in SCENARIO.endings}


def test_each_seats_best_ending_is_the_one_it_wanted_most():
    assert best_endings("kennedy") == {"settlement_no_trade"}
    assert best_endings("khrushchev") == {"missiles_stay"}


# --- (a) the record -------------------------------------------------------------------------

HISTORICAL = {seat: policy_named("historical") for seat in SEATS}
HISTORICAL_SEEDS = range(25)


@pytest.fixture(scope="module")
def historical_games():
    return [play_one(SCENARIO, seed, HISTORICAL) for seed in HISTORICAL_SEEDS]


def test_both_historical_seats_give_the_recorded_orders_every_day(historical_games):
    for state in historical_games:
        for record in state.history:
            assert dict(record.orders) == dict(SCENARIO.days[record.day_index].historical), (state.seed, record.day_id)


def test_both_historical_seats_reach_the_settlement_on_20_november_unless_luck_runs_out(historical_games):
    settled = [state for state in historical_games if state.ending == "historical_settlement"]
    assert len(settled) >= len(historical_games) - 3
    for state in historical_games:
        if state.ending == "historical_settlement":
            assert state.history[-1].day_id == "nov20"
            assert len(state.history) == len(SCENARIO.days)
        else:  # an accident on the record's own path: a torpedo or a false alarm, never an order
            assert state.ending in NUCLEAR_ENDINGS, (state.seed, state.ending)
            fired = {event for record in state.history for event in record.events}
            assert fired & {"nuclear_torpedo", "false_alarm"}, state.seed


def test_the_record_s_path_ends_in_war_in_a_small_but_real_share_of_games():
    # NOTES.md gives the figure and its reasoning: about 4 in 100, from the harried submarines
    # and alerts that could misfire during the four days at DEFCON 2.
    report = simulate(SCENARIO, 4000, 7, HISTORICAL)
    war = sum(report.endings[ending] for ending in NUCLEAR_ENDINGS) / report.games
    assert 0.02 <= war <= 0.07, war


def test_the_historical_game_follows_the_defcon_path_of_the_record(historical_games):
    # DEFCON 5 from 16 to 21 October, 3 from the speech on the 22nd, 2 for Strategic Air Command
    # from the 24th until the settlement is complete, then stood down when the quarantine is lifted.
    before_the_stand_down = [5] * 6 + [3] * 2 + [2] * 9
    for state in historical_games:
        if state.ending != "historical_settlement":
            continue
        path = defcon_after_each_day(state)
        assert path[:-1] == before_the_stand_down, state.seed
        assert path[-1] in (4, 5), state.seed
        assert state.value(SCENARIO, "defcon") == path[-1]


# --- (b) random against random --------------------------------------------------------------

@pytest.fixture(scope="module")
def random_report():
    random_policy = POLICIES["random"]
    return simulate(SCENARIO, 10_000, 1, {seat: random_policy for seat in SEATS})


def test_random_play_reaches_every_ending_with_the_record_on_one_seat_at_most(random_report):
    # The record's ending needs a President who never strikes first over thirteen days, which a
    # random President almost never is; it is reached when one seat plays the record.
    reached = {ending for ending, count in random_report.endings.items() if count}
    for seat in SEATS:
        policies = {other: POLICIES["random"] for other in SEATS}
        policies[seat] = policy_named("historical")
        mixed = simulate(SCENARIO, 4000, 2, policies)
        reached |= {ending for ending, count in mixed.endings.items() if count}
    assert [e.id for e in SCENARIO.endings if e.id not in reached] == []
    assert len([e for e in SCENARIO.endings if random_report.endings[e.id]]) >= len(SCENARIO.endings) - 2


def test_no_ending_takes_more_than_60_percent_of_random_games(random_report):
    assert max(random_report.endings.values()) <= 0.6 * random_report.games


def test_random_play_picks_every_choice_of_both_seats(random_report):
    for seat in SEATS:
        never = [choice_id for choice_id in SCENARIO.choice_ids(seat) if random_report.picks[seat][choice_id] == 0]
        assert never == [], seat


# --- (c) no fixed plan wins -----------------------------------------------------------------
# A fixed plan names one choice per day; when its choice is not open, the seat takes the first
# open choice instead. The search: coordinate ascent over the days, first day to last, trying at
# each day every choice open in any of the games still running, and keeping a change when it
# raises the share of best endings over the search seeds. It starts from the record's plan and
# from the plan that always takes the first open choice. The best plan it finds is then judged
# on fresh seeds, so that a plan lucky on the search seeds does not pass for a winning one.

SEARCH_SEEDS = range(16)
JUDGING_SEEDS = range(1000, 1120)


class _Plan:
    def __init__(self, seat: str, opponent, plan: list):
        self.seat, self.other, self.opponent, self.plan = seat, other_seat(seat), opponent, plan
        self.stream = list(SCENARIO.roles).index(self.other) + 1  # the opponent's dice, as in play_one

    def step(self, state, choice_id):
        if choice_id is None or find_legal(SCENARIO, state, self.seat, choice_id) is None:
            legal = legal_choices(SCENARIO, state, self.seat)
            choice_id = legal[0].id if legal else None
        theirs = legal_choices(SCENARIO, state, self.other)
        order = None
        if theirs:
            dice = day_random(state.seed, state.day_index, self.stream)
            order = self.opponent.choose(SCENARIO, state, self.other, theirs, dice)
        return resolve_day(SCENARIO, state, {self.seat: choice_id, self.other: order})

    def finish(self, state):
        while state.ending is None:
            state = self.step(state, self.plan[state.day_index])
        return state.ending

    def share_of(self, states, endings) -> float:
        return sum(self.finish(state) in endings for state in states) / len(states)


def best_fixed_plan(seat: str, opponent, start: list) -> list:
    best = best_endings(seat)
    plan = list(start)
    states = [new_game(SCENARIO, seed) for seed in SEARCH_SEEDS]  # each game at the start of day d
    share = _Plan(seat, opponent, plan).share_of(states, best)
    for day in range(len(SCENARIO.days)):
        running = [state for state in states if state.ending is None]
        if not running:
            break
        open_today = sorted({c.id for state in running for c in legal_choices(SCENARIO, state, seat)} - {plan[day]})
        for choice_id in open_today:
            trial = plan[:day] + [choice_id] + plan[day + 1:]
            trial_share = _Plan(seat, opponent, trial).share_of(states, best)
            if trial_share > share:
                plan, share = trial, trial_share
        player = _Plan(seat, opponent, plan)
        states = [state if state.ended else player.step(state, plan[day]) for state in states]
    return plan


@pytest.mark.parametrize("opponent_name", OPPONENTS)
@pytest.mark.parametrize("seat", SEATS)
def test_no_fixed_plan_reaches_a_seats_best_endings_in_more_than_half_the_games(seat, opponent_name):
    opponent = policy_named(opponent_name)
    best = best_endings(seat)
    record = [day.historical[seat] for day in SCENARIO.days]
    first_open = [None] * len(SCENARIO.days)
    judging = [new_game(SCENARIO, seed) for seed in JUDGING_SEEDS]
    shares = [_Plan(seat, opponent, best_fixed_plan(seat, opponent, start)).share_of(judging, best)
              for start in (record, first_open)]
    assert max(shares) <= 0.5


# --- (d) a hawkish president ----------------------------------------------------------------

@pytest.fixture(scope="module")
def hawk_games():
    hawk = policy_named("hawk")
    return {name: [play_one(SCENARIO, seed, {"kennedy": hawk, "khrushchev": policy_named(name)})
                   for seed in range(1000)]
            for name in OPPONENTS}


def test_a_hawkish_president_bombs_or_invades_before_28_october(hawk_games):
    october_28 = datetime.date(1962, 10, 28)
    for games in hawk_games.values():
        for state in games:
            assert any(record.order_of("kennedy") in STRIKES
                       and as_date(SCENARIO.days[record.day_index].date) < october_28
                       for record in state.history), state.seed


@pytest.mark.parametrize("opponent_name", OPPONENTS)
def test_a_hawkish_president_makes_nuclear_war_a_real_risk_but_not_a_certainty(hawk_games, opponent_name):
    games = hawk_games[opponent_name]
    nuclear = sum(state.ending in NUCLEAR_ENDINGS for state in games) / len(games)
    # Against a Khrushchev who also chooses force (free submarine captains, nuclear authority for
    # Pliyev) through more than a week of fighting on the island, war is near certain, not certain.
    # Against a random Khrushchev it is about 4 games in 5 (0.79 on these seeds before Khrushchev
    # had his own dated orders and a first shot waited a day for its answer, 0.805 since).
    assert 0.05 <= nuclear <= (0.95 if opponent_name == "hawk" else 0.82)


# --- (e) a passive president ----------------------------------------------------------------

class Passive:
    """Takes no new step, every day."""

    name = "passive"

    def choose(self, scenario, state, role_id, legal, rng):
        return next(choice.id for choice in legal if choice.id == "do_nothing")


def test_the_president_can_take_no_new_step_on_any_day():
    standing = {choice.id: choice for choice in SCENARIO.roles["kennedy"].standing_choices}
    assert standing["do_nothing"].requires is None
    assert not any("do_nothing" in {c.id for c in day.choices.get("kennedy", ())} for day in SCENARIO.days)


@pytest.mark.parametrize("opponent_name", OPPONENTS)
def test_a_passive_president_most_likely_leaves_the_missiles_in_cuba(opponent_name):
    policies = {"kennedy": Passive(), "khrushchev": policy_named(opponent_name)}
    endings = Counter(play_one(SCENARIO, seed, policies).ending for seed in range(400))
    assert endings.most_common(1)[0][0] == "missiles_stay" or endings["missiles_stay"] > 0.4 * 400


def test_every_advisor_at_the_table_has_a_brief_every_day_and_the_soviet_ones_also_in_russian():
    """A student playing any advisor on any day has a role card saying what that advisor would push for."""
    for day in SCENARIO.days:
        for seat in SEATS:
            for advisor in day.advisors_present(SCENARIO.roles[seat]):
                brief = day.brief_of(seat, advisor.id)
                assert len(brief.get("en").split()) >= 12, (day.id, advisor.id)
                if seat == "khrushchev":
                    assert "ru" in brief.languages and brief.get("ru") != brief.get("en"), (day.id, advisor.id)


# --- (e) choices that stick -----------------------------------------------------------------

class _RecordExcept:
    """The record's orders for a seat, except one choice taken the first day it is open."""

    def __init__(self, seat: str, choice_id: str, from_day: int = 0):
        self.name = f"record but {choice_id}"
        self.description = self.name
        self.seat, self.choice_id, self.from_day = seat, choice_id, from_day
        self.record = policy_named("historical")

    def choose(self, scenario, state, role_id, legal, rng):
        if state.day_index >= self.from_day and any(choice.id == self.choice_id for choice in legal):
            return self.choice_id
        return self.record.choose(scenario, state, role_id, legal, rng)


def test_a_first_strike_never_reaches_the_record_s_ending():
    for strike, day in (("surgical_strike", 1), ("large_strike", 3)):
        report = simulate(SCENARIO, 400, 11, {"kennedy": _RecordExcept("kennedy", strike, day),
                                              "khrushchev": HISTORICAL["khrushchev"]})
        assert report.endings["historical_settlement"] == 0, strike
        assert report.endings["settlement_after_bombs"] > 0, strike


def test_leaking_the_secret_promise_costs_the_leaker():
    def khrushchev_mean(policies):
        report = simulate(SCENARIO, 600, 5, policies)
        scores = {e.id: e.scores["khrushchev"] for e in SCENARIO.endings}
        return sum(scores[ending] * count for ending, count in report.endings.items()) / report.games

    faithful = khrushchev_mean(HISTORICAL)
    leaker = khrushchev_mean({"kennedy": HISTORICAL["kennedy"],
                              "khrushchev": _RecordExcept("khrushchev", "leak_the_promise")})
    assert leaker < faithful - 1


def test_most_settled_games_play_on_into_november():
    november = datetime.date(1962, 11, 1)
    random_policy = POLICIES["random"]
    settled = into_november = 0
    for seed in range(1500):
        state = play_one(SCENARIO, seed, {seat: random_policy for seat in SEATS})
        deal = SCENARIO.flags["deal_struck"].slot
        if any(record.values_after[deal] for record in state.history):
            settled += 1
            into_november += as_date(SCENARIO.days[state.history[-1].day_index].date) >= november
    assert settled >= 100
    assert into_november >= settled / 2, (into_november, settled)


def test_the_invasion_needs_a_week_to_mass_and_more_than_a_week_to_win():
    hawk = policy_named("hawk")
    for seed in range(300):
        state = play_one(SCENARIO, seed, {"kennedy": hawk, "khrushchev": POLICIES["dove"]})
        days = [as_date(SCENARIO.days[record.day_index].date) for record in state.history]
        orders = [record.order_of("kennedy") for record in state.history]
        if "invade" in orders:
            landing = days[orders.index("invade")]
            assert landing >= datetime.date(1962, 10, 23), seed
            taken = SCENARIO.flags["cuba_taken"].slot
            for record in state.history:
                if record.values_after[taken]:  # a turn after 28 October spans several days: count to its last
                    following = record.day_index + 1
                    last_day = (as_date(SCENARIO.days[following].date) - datetime.timedelta(days=1)
                                if following < len(SCENARIO.days) else datetime.date(1962, 11, 20))
                    assert (last_day - landing).days >= 7, seed
                    break
