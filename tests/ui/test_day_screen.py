"""What the player reads on the game screens: a choice in full, whole names, the stakes, how it ended.

Each test drives the real scenes (keys, clicks, pointer moves) and reads what is on screen.
"""

from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game import paths
from game.engine.alert import alert_level, alert_parts
from game.engine.machine import Phase
from game.text.describe import short_names
from game.ui import flow, map_model
from game.ui.bench import play_on
from game.ui.match import load_cached
from game.ui.scenes.ending import EndingScene, verdict
from game.ui.text_ledger import TextLedger
from game.ui.theme import PALETTES, contrast, ink_on
from game.ui.widgets.gauge import MeterBar, change_text
from .driver import press, scene_name, step, widget
from .readability import new_match

ROOT = Path(__file__).resolve().parents[2]


def crisis(app):
    return load_cached(paths.find_scenario("cuban_missile_crisis_1962"), app.scenario_cache)


def on_day(app, role: str, day_id: str, opponent: str = "historical"):
    scenario = crisis(app)
    match = new_match(scenario, role, opponent)
    play_on(match, [day.id for day in scenario.days].index(day_id))
    flow.show_current(app, match)
    if scene_name(app) == "BriefingScene":
        app.top.proceed()
    step(app)
    return match


def pane(app) -> str:
    return " ".join(text for text, _, _ in app.top.pane.blocks)


def test_the_focused_card_shows_its_whole_label_text_and_every_meter_it_moves(make_app):
    app = make_app(1280, 720, text_scale=1.5)
    match = on_day(app, "kennedy", "oct24")
    for index, choice in enumerate(match.legal("kennedy")[:5]):
        if index:
            press(app, pygame.K_TAB)
        assert app.top.focus.choice_id == choice.id
        shown = pane(app)
        assert choice.label.get() in shown and choice.text.get() in shown
        assert all(meter in shown for meter in match.moved_labels(choice, ("kennedy",)))  # what Kennedy may see


def test_the_card_under_the_pointer_fills_the_pane_until_a_key_is_pressed(app):
    match = on_day(app, "kennedy", "oct24")
    third = app.top.cards[2]
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=third.rect.center, rel=(0, 0), buttons=(0, 0, 0)))
    step(app)
    assert match.legal("kennedy")[2].text.get() in pane(app)
    press(app, pygame.K_b)
    assert "This morning's briefing" in pane(app)


def test_an_advisors_whole_advice_and_recommendation_are_readable(make_app):
    app = make_app(1280, 720)
    match = on_day(app, "kennedy", "oct24")
    press(app, pygame.K_a)
    advisor, advice = app.top.advice[0]
    shown = pane(app)
    assert advice.text.get() in shown and advisor.name.get() in shown
    recommended = next(c for c in match.legal("kennedy") if c.id == advice.recommends)
    assert f"Recommends {match.legal('kennedy').index(recommended) + 1}: {recommended.label.get()}" in shown
    press(app, pygame.K_1 + match.legal("kennedy").index(recommended))
    assert f"Recommended by {short_names(match.scenario)[advisor.id]}" in pane(app)
    assert next(card for card in app.top.cards if card.choice_id == recommended.id).recommended


def test_names_never_name_two_people_and_the_presidents_brother_is_r_f_kennedy(app):
    names = short_names(crisis(app))
    assert names["rfk"] == "R. F. Kennedy" and names["kennedy"] == "Kennedy" and names["malinovsky"] == "Malinovsky"
    assert len(set(names.values())) == len(names)
    on_day(app, "kennedy", "oct24")
    press(app, pygame.K_a)
    chips = [w.person for w in app.top.widgets if w.name.startswith("advisor:")]
    assert "R. F. Kennedy" in chips and "Kennedy" not in chips


def test_tension_has_its_name_and_value_beside_the_defcon_gauge(app):
    match = on_day(app, "khrushchev", "oct27")
    gauge = widget(app, "DEFCON")
    tension = match.session.state.value(match.scenario, "tension")
    assert "Tension" in gauge.texts() and str(round(tension)) in gauge.texts()
    assert f"DEFCON {alert_level(match.scenario, match.session.state.values)}" in gauge.texts()


def test_the_in_force_line_says_which_forces_stand_at_which_defcon(app):
    on_day(app, "kennedy", "oct27")
    shown = " ".join(app.top.static_texts())
    assert "US forces at DEFCON 3" in shown and "Strategic Air Command at DEFCON 2" in shown
    assert widget(app, "DEFCON").level == 2


@pytest.mark.parametrize("palette", sorted(PALETTES))
def test_every_defcon_numeral_stands_out_on_its_badge(palette):
    colours = PALETTES[palette]
    for hue in colours.defcon:
        assert contrast(ink_on(colours, hue), hue) >= 4.5, (palette, hue)


def test_rises_and_falls_differ_by_arrow_and_by_colour(app):
    assert change_text(5).startswith("\u25b2") and change_text(-3).startswith("\u25bc")
    surface = pygame.Surface((400, 120))
    up = MeterBar(pygame.Rect(0, 0, 300, 40), "Trust", 20, 0, 100, start=10)
    down = MeterBar(pygame.Rect(0, 60, 300, 40), "Trust", 10, 0, 100, start=20)
    ledger = TextLedger()
    app.keep_ledger(ledger)
    for bar in (up, down):
        bar.draw(surface, app.theme)
    changes = [entry for entry in ledger.placed if entry.text.startswith(("\u25b2", "\u25bc"))]
    assert [entry.text for entry in changes] == ["\u25b2 10", "\u25bc 10"]
    assert app.theme.palette.rise != app.theme.palette.fall


def test_the_paper_darkens_at_its_edges_as_defcon_falls(app):
    on_day(app, "kennedy", "oct16")
    calm = app.top.background().get_at((4, app.size[1] - 4))
    on_day(app, "kennedy", "oct27")
    tense = app.top.background().get_at((4, app.size[1] - 4))
    assert sum(tense[:3]) < sum(calm[:3]) - 60


def test_the_ending_chart_reads_each_days_defcon_from_the_record(app):
    scenario = crisis(app)
    match = new_match(scenario, "kennedy")
    play_on(match, len(scenario.days) + 1)
    assert match.phase is Phase.ENDED
    flow.show_current(app, match)
    chart = next(w for w in app.top.widgets if w.name.startswith("Tension"))
    history = match.session.state.history
    expected = [app.theme.palette.defcon[5 - alert_level(scenario, record.values_after)] for record in history]
    assert chart.stripes[1:] == expected
    assert alert_level(scenario, history[-1].values_after) == 5  # 20 November: stood down
    assert alert_parts(scenario).variable.id == "tension"


def test_a_war_darkens_the_ending_and_says_nobody_won(app):
    scenario = crisis(app)
    war = scenario.ending("general_war")
    assert war.mood == "catastrophe" and "worst outcome" in verdict(scenario, war, "kennedy")
    match = new_match(scenario, "kennedy")
    play_on(match, 3)
    match.session = replace(match.session, state=replace(match.session.state, ending="general_war"), phase=Phase.ENDED)
    scene = app.reset("ending", match=match)
    assert isinstance(scene, EndingScene) and scene.stakes() == 1.0 and "Nobody won." in scene.static_texts()
    bar = app.draw().get_at((app.size[0] // 2, 4))
    assert sum(bar[:3]) < 150  # the heading in mourning
    settled = scenario.ending("historical_settlement")
    assert settled.mood == "calm" and verdict(scenario, settled, "kennedy").startswith("a good outcome")


def test_dismantled_sites_leave_the_map(app):
    scenario = crisis(app)
    match = new_match(scenario, "kennedy")
    play_on(match, [day.id for day in scenario.days].index("oct29_31") + 1)
    state = match.session.state
    assert state.value(scenario, "missiles_removed")
    picture = map_model.map_picture(scenario, scenario.days[state.day_index].date, state.values, state.history)
    assert picture.sites == ()


def test_every_ship_on_the_map_is_drawn_whole_inside_it(app):
    on_day(app, "kennedy", "oct23")
    view = app.top.map_view
    app.draw()
    window = pygame.Surface(app.size)
    clipped = []
    original = pygame.draw.polygon

    def watch(surface, colour, points, width=0):
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if not view.map_rect.collidepoint(min(xs), min(ys)) or not view.map_rect.collidepoint(max(xs), max(ys)):
            clipped.append(points)
        return original(surface, colour, points, width)

    pygame.draw.polygon = watch
    try:
        view._draw_ships(window, app.theme, view.projection())
    finally:
        pygame.draw.polygon = original
    assert not clipped


def test_a_briefing_keeps_its_paintings_proportions(app):
    on = new_match(crisis(app), "kennedy")
    flow.show_current(app, on)
    step(app)
    rect = app.top.picture_rect
    assert abs(rect.w / rect.h - 16 / 9) < 0.02


def test_the_soviet_seat_reads_its_own_title_on_16_october(app):
    match = new_match(crisis(app), "khrushchev")
    flow.show_current(app, match)
    step(app)
    assert "Operation Anadyr" in app.top.static_texts() and "The photographs" not in app.top.static_texts()


def test_the_load_screen_shows_games_not_files(app):
    from .readability import some_saves

    some_saves(app, paths.saves_folder())
    app.push("title")
    app.push("load")
    step(app)
    shown = " ".join(app.top.texts())
    assert ".json" not in shown and "kennedy:" not in shown and str(paths.saves_folder()) not in shown
    assert "The Cuban Missile Crisis" in shown or "Thirteen Days" in shown
    assert "Autosave" in shown and "Nikita Khrushchev: a player" in shown


def test_a_scenario_with_its_own_map_shows_it_first_with_its_places(app):
    scenario = load_cached(paths.find_scenario("berlin_1961"), app.scenario_cache)
    match = new_match(scenario, "brandt")
    play_on(match, 2)
    flow.show_current(app, match)
    app.top.proceed()
    step(app)
    assert app.top.tab == "scenario" and widget(app, "tab:scenario").label == "Germany"
    view = app.top.map_view
    assert view.view == "scenario" and "Berlin" in view.texts()
    # the routes are named in a legend under the map, never along a line too short to carry its name
    legend = {text: rect for _, text, rect in view._legend}
    assert set(legend) == {"The autobahn to Berlin", "Air corridors"}
    assert all(not rect.colliderect(view.map_rect) and view.rect.contains(rect) for rect in legend.values())
    assert not {"The autobahn to Berlin", "Air corridors"} & {text for text, _, _, _ in view._labels}
    press(app, pygame.K_m)
    assert app.top.tab == "world"


def test_a_map_not_yet_painted_washes_each_country_in_the_authors_tint(app):
    """Before `brink art`, the plain map still tells the rivals apart: Egypt rose, the French Congo blue."""
    scenario = load_cached(ROOT / "docs" / "examples" / "fashoda_1898.yaml", app.scenario_cache)
    match = new_match(scenario, "salisbury")
    flow.show_current(app, match)
    app.top.proceed()
    step(app)
    view = app.top.map_view
    assert view.view == "scenario"
    app.draw()
    project = view.projection()

    def colour_at(lon, lat):
        """The commonest colour around the point: a name or a route nearby does not decide it."""
        x, y = project(lon, lat)
        seen = [tuple(app.window.get_at((round(x) + dx, round(y) + dy))[:3]) for dx in range(-6, 7, 3)
                for dy in range(-6, 7, 3)]
        return max(set(seen), key=seen.count)

    egypt, congo = colour_at(27.0, 25.0), colour_at(21.0, 6.0)  # Egypt; the French Congo (today's Central Africa)
    assert egypt[0] > egypt[2] + 30, egypt  # rose: red well above blue
    assert congo[2] > congo[0] + 15, congo  # cerulean: blue above red
