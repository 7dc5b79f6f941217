"""brink simulate's coverage, histograms and HTML report: they add up, and they honour each seat's policy."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine.opponents import policy_named
from game.scenario.load import load_scenario
from game.tools.report_html import render_report
from game.tools.simulate import block_bar, coverage, histograms, never_happened, report_as_dict, simulate

ROOT = Path(__file__).parent.parent
DEMO = load_scenario(ROOT / "scenarios" / "demo" / "scenario.yaml")
BERLIN = load_scenario(ROOT / "scenarios" / "berlin_1961" / "scenario.yaml")
RANDOM = policy_named("random")


def brink(*arguments):
    environment = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "game", *map(str, arguments)], text=True, capture_output=True,
                          cwd=ROOT, env=environment, timeout=120)


@pytest.fixture(scope="module")
def demo_report():
    return simulate(DEMO, 400, 5, {"kennedy": RANDOM, "khrushchev": RANDOM})


@pytest.fixture(scope="module")
def berlin_report():
    return simulate(BERLIN, 300, 2, {"brandt": RANDOM, "ulbricht": policy_named("hawk")})


def test_ending_counts_add_up_to_the_games_played(demo_report):
    counts = coverage(demo_report, DEMO)
    assert counts["games"] == 400
    assert sum(counts["endings"].values()) == 400


@pytest.mark.parametrize("role_id", ["kennedy", "khrushchev"])
def test_each_seat_gives_one_order_a_day_and_coverage_counts_every_one(demo_report, role_id):
    # Every demo seat always has a standing choice open, so it orders once on each day played.
    days_played = sum(sum(days) for days in demo_report.ending_days.values())
    choices = coverage(demo_report, DEMO)["choices"][role_id]
    assert sum(choices["picked"].values()) == days_played
    by_day = sum(sum(picked.values()) for picked in choices["days"].values()) + sum(choices["standing"].values())
    assert by_day == days_played


def test_a_choice_is_never_picked_more_often_than_it_was_offered(berlin_report):
    for role_id, choices in coverage(berlin_report, BERLIN)["choices"].items():
        for choice_id, picked in choices["picked"].items():
            assert picked <= choices["offered"][choice_id], (role_id, choice_id)


def test_events_and_interactions_are_counted_per_item(demo_report):
    counts = coverage(demo_report, DEMO)
    assert set(counts["events"]) == {event.id for event in DEMO.events}
    assert set(counts["interactions"]) == {item.id for item in DEMO.interactions}
    assert counts["events"]["u2_shot_down"] > 0


@pytest.mark.parametrize("scenario, fixture", [(DEMO, "demo_report"), (BERLIN, "berlin_report")])
def test_each_histogram_counts_every_game_of_each_ending(scenario, fixture, request):
    report = request.getfixturevalue(fixture)
    found = histograms(report, scenario)
    assert {h.name for h in found} == set(scenario.variables) | set(scenario.derived)
    for histogram in found:
        assert set(histogram.counts) == {e for e, n in report.endings.items() if n}
        for ending_id, counts in histogram.counts.items():
            assert sum(counts) == report.endings[ending_id], (histogram.name, ending_id)
            assert len(counts) == len(histogram.edges) - 1


def test_a_histogram_of_a_small_whole_range_has_one_bin_per_value(demo_report):
    defcon = next(h for h in histograms(demo_report, DEMO) if h.name == "defcon")
    assert defcon.whole_steps
    assert all(label.isdigit() for label in defcon.labels)


def test_the_json_histograms_give_bins_and_counts(demo_report):
    data = report_as_dict(demo_report, DEMO)
    tension = data["histograms"]["tension"]
    assert tension["bins"][0][0] == 0 and tension["bins"][-1][1] == 100
    for ending_id, entry in tension["endings"].items():
        assert sum(entry["counts"]) == data["endings"][ending_id]["games"]


def test_block_bar_scales_to_the_fullest_bin_and_dots_the_empty_ones():
    assert block_bar([0, 1, 2, 4]) == "·▂▄█"
    assert block_bar([0, 0]) == "··"


def test_a_seat_playing_hawk_never_picks_a_dove_choice_while_the_other_seat_does():
    report = simulate(DEMO, 300, 4, {"kennedy": policy_named("hawk"), "khrushchev": RANDOM})
    leaning = {(role, choice_id): DEMO.choice(role, choice_id).leaning
               for role in DEMO.roles for choice_id in DEMO.choice_ids(role)}
    kennedy_doves = [c for c, n in report.picks["kennedy"].items() if n and leaning["kennedy", c] == "dove"]
    khrushchev_doves = [c for c, n in report.picks["khrushchev"].items() if n and leaning["khrushchev", c] == "dove"]
    assert kennedy_doves == []
    assert khrushchev_doves


def test_what_never_happened_says_whether_a_choice_was_never_offered():
    report = simulate(DEMO, 200, 4, {"kennedy": policy_named("hawk"), "khrushchev": RANDOM})
    never = never_happened(report, DEMO)
    assert "hold_the_line (never offered)" in never["choices of kennedy"]  # the hawk strikes first: no line to hold
    assert "quarantine" in never["choices of kennedy"]  # offered, but a hawk never takes it
    assert "settlement" in never["endings"]


def test_the_text_report_lists_what_never_happened_and_the_values_at_each_ending():
    result = brink("simulate", "demo", "--games", "300", "--policy", "kennedy=hawk")
    assert result.returncode == 0
    assert "Never happened in 300 games" in result.stdout
    assert "never offered" in result.stdout and "never picked" in result.stdout
    assert "Values at each ending" in result.stdout
    assert any(block in result.stdout for block in "▁▂▃▄▅▆▇█")


def test_the_html_report_is_one_page_of_inline_svg_with_nothing_fetched(demo_report):
    page = render_report(demo_report, DEMO)
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<svg") >= 3
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in page


def test_the_html_report_marks_what_never_happened():
    report = simulate(DEMO, 200, 4, {"kennedy": policy_named("hawk"), "khrushchev": RANDOM})
    page = render_report(report, DEMO)
    assert '<tr class="never"><td>settlement</td>' in page
    assert "never reached" in page


def test_simulate_html_writes_the_report_file(tmp_path):
    target = tmp_path / "reports" / "demo.html"
    result = brink("simulate", "demo", "--games", "100", "--html", target)
    assert result.returncode == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    assert "<svg" in page and "Coverage" in page
    assert [p.name for p in target.parent.iterdir()] == ["demo.html"]  # no temporary file left behind


def test_simulate_coverage_out_writes_the_counts_graph_reads(tmp_path):
    target = tmp_path / "coverage.json"
    result = brink("simulate", "demo", "--games", "150", "--seed", "2", "--coverage-out", target)
    assert result.returncode == 0, result.stderr
    counts = json.loads(target.read_text(encoding="utf-8"))
    assert counts["scenario"] == "demo" and counts["games"] == 150
    assert sum(counts["endings"].values()) == 150


def test_simulate_cannot_write_the_report_is_an_error_not_a_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = brink("simulate", "demo", "--games", "5", "--html", blocker / "report.html")
    assert result.returncode == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr
