"""The window's pure parts: the map's picture of a day, the match driver, long text that scrolls."""

import pygame

from game.engine.machine import Phase, replay
from game.scenario.load import load_scenario
from game.ui import map_model
from game.ui.match import HUMAN, Match, list_saves, load_match


def demo(path):
    return load_scenario(path)


def historical_game(scenario, days):
    orders = [dict(day.historical) for day in scenario.days[:days]]
    return replay(scenario, 7, orders)


def test_the_soviet_ships_come_closer_each_day_until_the_line(demo_path):
    scenario = demo(demo_path)
    far = map_model.convoy_distance(scenario, "1962-10-16", ())
    near = map_model.convoy_distance(scenario, "1962-10-22", ())
    assert far < near <= map_model.ROUTE_LENGTH


def test_the_quarantine_line_is_drawn_once_the_quarantine_is_declared(demo_path):
    scenario = demo(demo_path)
    before = historical_game(scenario, 1).state
    after = historical_game(scenario, 2).state
    assert not map_model.map_picture(scenario, "1962-10-22", before.values, before.history).quarantine
    assert map_model.map_picture(scenario, "1962-10-24", after.values, after.history).quarantine


def test_under_quarantine_the_ships_stop_at_the_line_and_turn_back_when_ordered(demo_path):
    scenario = demo(demo_path)
    two = historical_game(scenario, 2).state  # quarantine declared on the 22nd
    stopped = map_model.convoy_distance(scenario, "1962-10-27", two.history)
    assert stopped <= map_model.LINE_DISTANCE
    three = historical_game(scenario, 3).state  # the ships are turned back on the 24th
    assert map_model.convoy_distance(scenario, "1962-10-27", three.history) < stopped


def test_the_ready_missile_sites_follow_the_missiles_variable(demo_path):
    scenario = demo(demo_path)
    state = historical_game(scenario, 2).state
    picture = map_model.map_picture(scenario, "1962-10-24", state.values, state.history)
    ready = sum(site.ready for site in picture.sites)
    assert 1 <= ready <= len(map_model.SITES)


def test_computer_orders_use_the_text_modes_dice_and_the_match_resolves_a_day(demo_path):
    scenario = demo(demo_path)
    match = Match.new(scenario, 7, {"kennedy": HUMAN, "khrushchev": "historical"}, log_path=None)
    match.give_order("kennedy", "wait_and_watch")
    match.computer_orders()
    assert match.session.order_of("khrushchev") == "rush_sites"
    record = match.resolve()
    assert record.orders == (("kennedy", "wait_and_watch"), ("khrushchev", "rush_sites"))
    match.finish_day()
    assert match.phase is Phase.BRIEFING and match.session.state.day_index == 1


def test_the_autosave_after_a_day_loads_back_to_the_same_state(demo_path):
    scenario = demo(demo_path)
    match = Match.new(scenario, 7, {"kennedy": HUMAN, "khrushchev": "dove"}, log_path=None)
    match.give_order("kennedy", "airstrike")
    match.computer_orders()
    match.resolve()
    match.finish_day()
    loaded = load_match(match.autosave)
    assert loaded.session.state == match.session.state
    assert loaded.players == match.players
    assert [save.path.name for save in list_saves()] == ["autosave.json"]


def test_the_match_writes_the_session_log_after_every_day(demo_path, tmp_path):
    scenario = demo(demo_path)
    log = tmp_path / "lesson.jsonl"
    match = Match.new(scenario, 7, {"kennedy": HUMAN, "khrushchev": "hawk"}, log_path=log)
    match.give_order("kennedy", "wait_and_watch")
    match.computer_orders()
    match.resolve()
    match.finish_day()
    assert len(log.read_text().splitlines()) == 2  # the header and the first day


def test_the_windows_log_is_version_2_with_the_times_of_its_clock(demo_path, tmp_path):
    import json

    from game.engine.log import PlayTimes

    scenario = demo(demo_path)
    log = tmp_path / "lesson.jsonl"
    readings = iter(range(1_800_000_000, 1_800_000_100, 30))
    match = Match.new(scenario, 7, {"kennedy": HUMAN, "khrushchev": "hawk"}, log_path=log)
    match.times = PlayTimes(lambda: float(next(readings)))  # started at the first reading
    match.begin_day()
    match.give_order("kennedy", "wait_and_watch")
    match.computer_orders()
    match.resolve()
    match.finish_day()
    head, day = (json.loads(line) for line in log.read_text().splitlines())
    assert (head["version"], head["front_end"], head["started"]) == (2, "window", "2027-01-15T08:00:00Z")
    assert (day["opened_at"], day["resolved_at"]) == ("2027-01-15T08:00:30Z", "2027-01-15T08:01:00Z")
    assert day["decided_by"] == {"kennedy": "player", "khrushchev": "computer"}


def test_a_long_text_scrolls_and_never_draws_outside_its_box(app):
    from game.ui.widgets.textbox import TextBox

    box = TextBox(pygame.Rect(100, 100, 300, 90), [("word " * 400, "body", "ink")], app.theme)
    assert box.overflow > 0 and box.can_focus
    assert box.scroll(3)
    for _ in range(120):
        box.update(1 / 60)
    assert box.offset > 0
    surface = pygame.Surface((600, 400))
    surface.fill((0, 0, 0))
    box.draw(surface, app.theme)
    outside = surface.get_at((100, 95)), surface.get_at((100, 200)), surface.get_at((450, 150))
    assert all(colour[:3] == (0, 0, 0) for colour in outside)


def test_brink_play_opens_the_window_unless_text_is_asked_for(monkeypatch):
    from game import cli
    from game.ui import app as app_module

    calls = []
    monkeypatch.setattr(app_module, "launch", lambda **options: calls.append(options) or 0)
    assert cli.main(["play", "demo", "--seed", "3", "--role", "khrushchev"]) == 0
    assert calls and calls[0]["seed"] == 3 and calls[0]["role"] == "khrushchev"
