"""brink graph: every format shows the days, the choices and what leads to each ending; coverage weighs the edges."""

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from game.engine.opponents import policy_named
from game.scenario.load import load_scenario
from game.tools.graph import build, render
from game.tools.simulate import coverage, simulate

ROOT = Path(__file__).parent.parent
DEMO = load_scenario(ROOT / "scenarios" / "demo" / "scenario.yaml")
BERLIN = load_scenario(ROOT / "scenarios" / "berlin_1961" / "scenario.yaml")
BROKEN = ROOT / "tests" / "fixtures" / "engine" / "broken_for_cli.yaml"
SVG = "{http://www.w3.org/2000/svg}"


def brink(*arguments):
    environment = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "game", *map(str, arguments)], text=True, capture_output=True,
                          cwd=ROOT, env=environment, timeout=120)


def edges(scenario, **kinds):
    return {(edge.source, edge.target): edge for edge in build(scenario).edges.values()
            if not kinds or edge.kind in kinds.values()}


# --- what the structure holds --------------------------------------------------------------------
def test_a_choice_that_sets_a_flag_points_at_the_flag():
    assert edges(DEMO)["c_speech_kennedy_quarantine", "f_quarantine"].kind == "sets"


def test_a_flag_an_ending_reads_points_at_the_ending():
    edge = edges(DEMO)["f_missiles_removed", "e_settlement"]
    assert (edge.kind, edge.label) == ("reads", "if set")
    assert edges(BERLIN)["f_border_closed", "e_open_city"].label == "if clear"  # open_city: not flags.border_closed


def test_an_ending_named_by_an_interaction_is_reached_straight_from_it():
    assert edges(BERLIN)["i_shots_at_the_checkpoint", "e_firefight"].kind == "ends"


def test_the_choices_of_an_interaction_point_at_it():
    found = edges(DEMO)
    assert found["c_the_deal_kennedy_accept_deal", "i_deal_struck"].kind == "with"
    assert found["c_the_deal_khrushchev_offer_deal", "i_deal_struck"].kind == "with"


def test_a_choice_that_raises_tension_may_lead_to_war_and_one_that_lowers_it_may_not():
    found = edges(DEMO)
    assert found["c_the_line_khrushchev_run_the_line", "e_nuclear_war"].label == "tension"  # tension += 20
    assert ("c_the_line_khrushchev_turn_back", "e_nuclear_war") not in found  # tension -= 10
    assert ("c_found_khrushchev_slow_down", "e_nuclear_war") not in found  # tension -= 5


def test_edges_are_deduplicated():
    structure = build(BERLIN)
    pairs = [(edge.source, edge.target) for edge in structure.edges.values()]
    assert len(pairs) == len(set(pairs))


# --- the three formats ---------------------------------------------------------------------------
@pytest.mark.parametrize("scenario", [DEMO, BERLIN], ids=["demo", "berlin"])
@pytest.mark.parametrize("form", ["dot", "mermaid", "svg"])
def test_every_format_shows_each_day_and_each_choice(scenario, form):
    text = render(build(scenario), form)
    for day in scenario.days:
        assert day.id in text and day.date in text
        for choices in day.choices.values():
            for choice in choices:
                assert choice.id in text
    for ending in scenario.endings:
        assert ending.id in text


def test_dot_has_one_cluster_per_day_and_the_ending_edges():
    text = render(build(BERLIN), "dot")
    assert text.startswith('digraph "berlin_1961" {')
    for day in BERLIN.days:
        assert f"subgraph cluster_{day.id} {{" in text
    assert 'i_shots_at_the_checkpoint -> e_firefight [label="ends the game"' in text
    assert 'f_border_closed -> e_open_city [label="if clear"' in text
    assert text.count("{") == text.count("}")


def test_mermaid_is_a_left_to_right_flowchart_with_a_subgraph_per_day():
    text = render(build(DEMO), "mermaid")
    assert text.startswith("flowchart LR\n")
    for day in DEMO.days:
        assert f"subgraph col_{day.id} " in text
    assert 'f_missiles_removed -->|"if set"| e_settlement' in text
    assert text.count("subgraph ") == text.count("\n  end")


@pytest.mark.parametrize("scenario", [DEMO, BERLIN], ids=["demo", "berlin"])
def test_svg_is_well_formed_xml_with_a_box_per_node_and_a_path_per_edge(scenario):
    structure = build(scenario)
    root = ET.fromstring(render(structure, "svg"))
    assert root.tag == SVG + "svg"
    assert len(root.findall(f"{SVG}g")) == len(structure.nodes)
    assert len(root.findall(f"{SVG}path")) == len(structure.edges)


@pytest.mark.parametrize("name", ["cuban_missile_crisis_1962", "berlin_1961"])
def test_svg_boxes_never_overlap(name):
    scenario = load_scenario(ROOT / "scenarios" / name / "scenario.yaml")
    root = ET.fromstring(render(build(scenario), "svg"))
    boxes = [tuple(float(rect.get(key)) for key in ("x", "y", "width", "height"))
             for group in root.findall(f"{SVG}g") for rect in group.findall(f"{SVG}rect")]
    assert len(boxes) == len(build(scenario).nodes)
    for index, (x, y, w, h) in enumerate(boxes):
        for other_x, other_y, other_w, other_h in boxes[index + 1:]:
            assert x + w <= other_x or other_x + other_w <= x or y + h <= other_y or other_y + other_h <= y


def test_svg_columns_run_in_calendar_order():
    root = ET.fromstring(render(build(DEMO), "svg"))
    headers = [(float(t.get("x")), t.text) for t in root.findall(f"{SVG}text") if t.get("font-weight") == "bold"]
    xs = {text: x for x, text in headers}
    day_xs = [xs[day.id] for day in DEMO.days]
    assert day_xs == sorted(day_xs)
    assert xs["endings"] == max(xs.values())


# --- coverage ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def hawk_coverage():
    report = simulate(DEMO, 300, 4, {"kennedy": policy_named("hawk"), "khrushchev": policy_named("random")})
    return json.loads(json.dumps(coverage(report, DEMO)))  # as it comes back from the file


def stroke_widths(svg_text):
    root = ET.fromstring(svg_text)
    return {path.find(f"{SVG}title").text.split(":")[0]: float(path.get("stroke-width"))
            for path in root.findall(f"{SVG}path")}


def test_coverage_makes_edges_of_common_choices_thicker(hawk_coverage):
    plain = stroke_widths(render(build(DEMO), "svg"))
    weighed = stroke_widths(render(build(DEMO, hawk_coverage), "svg"))
    assert len(set(plain.values())) <= 2  # without counts: one width per kind of edge
    airstrike = weighed["airstrike (kennedy, found) → interaction strike_on_ready_missiles"]
    invade = weighed["invade (kennedy, the_line) → interaction strike_on_ready_missiles"]
    assert hawk_coverage["choices"]["kennedy"]["days"]["found"]["airstrike"] > \
        hawk_coverage["choices"]["kennedy"]["days"]["the_line"]["invade"]
    assert airstrike > invade > plain["invade (kennedy, the_line) → interaction strike_on_ready_missiles"]


def test_coverage_labels_counts_and_draws_what_never_happened_dashed_red(hawk_coverage):
    structure = build(DEMO, hawk_coverage)
    dot = render(structure, "dot")
    assert re.search(r'c_speech_kennedy_quarantine \[label="quarantine \(0\)\\nkennedy".*style="filled,rounded,dashed"', dot)
    assert 'c_speech_kennedy_quarantine -> f_quarantine [label="sets ×0", penwidth=1.00, style=dashed, color="#c62828"]' in dot
    settlement = hawk_coverage["endings"]["settlement"]
    assert settlement == 0 and "e_settlement [label=\"settlement (0)\"" in dot
    mermaid = render(structure, "mermaid")
    assert "stroke:#c62828,stroke-dasharray:4 3" in mermaid
    svg = render(structure, "svg")
    assert 'stroke="#c62828"' in svg and "stroke-dasharray" in svg


# --- the command ---------------------------------------------------------------------------------
def test_graph_prints_dot_by_default_and_writes_svg_with_out(tmp_path):
    result = brink("graph", "demo")
    assert result.returncode == 0 and result.stdout.startswith('digraph "demo"')
    target = tmp_path / "demo.svg"
    result = brink("graph", "demo", "--format", "svg", "--out", target)
    assert result.returncode == 0 and result.stdout == ""
    ET.parse(target)


def test_graph_reads_the_coverage_simulate_writes(tmp_path):
    counts = tmp_path / "coverage.json"
    assert brink("simulate", "demo", "--games", "50", "--coverage-out", counts).returncode == 0
    result = brink("graph", "demo", "--format", "mermaid", "--coverage", counts)
    assert result.returncode == 0
    assert re.search(r"linkStyle 0 stroke:#[0-9a-f]{6},stroke-width:\d", result.stdout)


def test_graph_refuses_coverage_of_another_scenario(tmp_path):
    counts = tmp_path / "coverage.json"
    counts.write_text(json.dumps({"scenario": "berlin_1961", "games": 1, "choices": {}}))
    result = brink("graph", "demo", "--coverage", counts)
    assert result.returncode == 1
    assert "not of 'demo'" in result.stderr and "Traceback" not in result.stderr


def test_graph_of_a_bad_scenario_prints_the_validators_errors_and_exits_1():
    result = brink("graph", BROKEN, "--format", "svg")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors and errors[0].startswith(f"{BROKEN}:16:43: error: unknown variable 'haet'")
    assert result.stdout == ""


@pytest.mark.parametrize("arguments", [["graph"], ["graph", "demo", "--format", "png"], ["graph", "demo", "--colour"]])
def test_graph_with_bad_arguments_prints_usage_and_exits_2(arguments):
    result = brink(*arguments)
    assert result.returncode == 2
    assert "usage:" in result.stderr
