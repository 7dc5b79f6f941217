"""The authoring guide's promises: its example files load, Berlin 1961 plays and is balanced, translations show."""

import re
from pathlib import Path

import pytest

from game.engine.opponents import policy_named
from game.scenario.load import load_scenario
from game.tools.simulate import play_one, simulate

ROOT = Path(__file__).parent.parent
GUIDE = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
EXAMPLE = ROOT / "docs" / "examples" / "three_day_crisis.yaml"
BERLIN = ROOT / "scenarios" / "berlin_1961" / "scenario.yaml"
HISTORICAL_ENDING = "a_wall_not_a_war"
# a ```yaml block right after the marker, up to its closing fence
COMPLETE_FILES = re.findall(r"<!-- complete-file -->\n```yaml\n(.*?)\n```\n", GUIDE, re.DOTALL)


@pytest.fixture(scope="module")
def berlin():
    return load_scenario(BERLIN)


@pytest.fixture(scope="module")
def random_games(berlin):
    return simulate(berlin, 5000, 1, {role: policy_named("random") for role in berlin.roles})


def test_the_three_day_example_loads():
    scenario = load_scenario(EXAMPLE)
    assert len(scenario.days) == 3


def test_the_guide_marks_its_complete_files():
    assert len(COMPLETE_FILES) >= 2  # the first playable file (Step 5) and the whole file (Step 10)


@pytest.mark.parametrize("index", range(len(COMPLETE_FILES)))
def test_every_complete_file_in_the_guide_loads(index, tmp_path):
    path = tmp_path / "scenario.yaml"
    path.write_text(COMPLETE_FILES[index] + "\n", encoding="utf-8")
    load_scenario(path)  # raises ScenarioError listing every problem


def test_the_guides_whole_file_is_the_example_without_its_translations(tmp_path):
    """Step 10 and docs/examples describe the same crisis: same seeds give the same games."""
    path = tmp_path / "scenario.yaml"
    path.write_text(COMPLETE_FILES[-1] + "\n", encoding="utf-8")
    from_guide = load_scenario(path)
    example = load_scenario(EXAMPLE)
    policies = {role: policy_named("random") for role in example.roles}
    assert simulate(from_guide, 300, 5, policies).endings == simulate(example, 300, 5, policies).endings
    assert from_guide.choice_ids("north") == example.choice_ids("north")
    assert from_guide.choice_ids("south") == example.choice_ids("south")


def test_the_example_returns_its_russian_translations():
    scenario = load_scenario(EXAMPLE)
    assert scenario.title.get("ru") == "Спор о маяке"
    assert scenario.title.get("en") == "The Lighthouse Quarrel"
    assert scenario.days[0].title.get("ru") == "Маяк погас"
    briefing = scenario.days[0].briefing_for("north", scenario.initial_values())
    assert briefing.get("ru").startswith("Прошлой ночью погас старый маяк")
    assert scenario.choice("north", "send_keeper").label.get("ru") == "Отправить смотрителя"
    assert scenario.variables["tension"].label.get("ru") == "Напряжённость"


def test_an_untranslated_text_falls_back_to_english():
    scenario = load_scenario(EXAMPLE)
    assert scenario.choice("south", "send_gunboat").label.get("ru") == "Send the gunboat"


def test_berlin_has_two_seats_of_its_own_and_at_least_six_days(berlin):
    assert set(berlin.roles) == {"brandt", "ulbricht"}
    assert len(berlin.days) >= 6


def test_every_berlin_day_has_a_history_note_and_a_historical_pick_for_both_seats(berlin):
    for day in berlin.days:
        assert day.history_note, day.id
        assert set(day.historical) == set(berlin.roles), day.id
        assert set(day.briefings) == set(berlin.roles), day.id


def test_every_berlin_ending_has_a_history_note_and_scores_for_both_seats(berlin):
    assert len(berlin.endings) >= 5
    for ending in berlin.endings:
        assert ending.history_note, ending.id
        assert set(ending.scores) == set(berlin.roles), ending.id


def test_berlin_played_as_history_was_reaches_the_wall_not_a_war(berlin):
    historical = {role: policy_named("historical") for role in berlin.roles}
    state = play_one(berlin, 1, historical)
    for record in state.history:
        assert dict(record.orders) == dict(berlin.days[record.day_index].historical)
    assert state.ending == HISTORICAL_ENDING


def test_berlin_played_as_history_was_mostly_reaches_the_historical_ending(berlin):
    """Chance events may tip history's path elsewhere, but rarely."""
    report = simulate(berlin, 1000, 1, {role: policy_named("historical") for role in berlin.roles})
    assert report.endings[HISTORICAL_ENDING] / report.games >= 0.85


def test_random_play_of_berlin_reaches_every_ending(berlin, random_games):
    assert {ending.id for ending in berlin.endings} <= set(random_games.endings)


def test_no_berlin_ending_takes_more_than_sixty_percent_of_random_games(random_games):
    assert max(random_games.endings.values()) / random_games.games <= 0.60


def test_random_play_of_berlin_picks_every_choice(random_games):
    for picks in random_games.picks.values():
        assert all(picks.values()), [choice for choice, count in picks.items() if not count]


# --- Part 7: every output the guide prints for Fashoda 1898 is what the game prints --------------------

FASHODA = ROOT / "docs" / "examples" / "fashoda_1898.yaml"
# <!-- output: ARGS[; input: WORDS] --> before a ```text block: the block is a run of lines of
# `brink ARGS` (typed WORDS on its input, one per line)
OUTPUTS = re.findall(r"<!-- output: (.*?) -->\n```text\n(.*?)\n```\n", GUIDE, re.DOTALL)
# The drafts the guide tells of, made from the example by undoing the changes it describes.
DRAFTS = {
    "draft": [('    requires: "not flags.marchand_recalled"\n    probability: 0.25',
               '    requires: "not flags.marchand_recalled"\n    probability: 0.4'),
              ('    orders: {salisbury: order_kitchener_to_act, delcasse: hold_fashoda}\n    requires: "tension >= 50"\n',
               '    orders: {salisbury: order_kitchener_to_act, delcasse: hold_fashoda}\n')],
    "leaky": [('{text: "Marchand\'s last letter, weeks old, says the quinine is running out.", when: "column_supplies <= 30"}',
               '{text: "From the Upper Nile, nothing. You do not know whether the post still has food.", '
               'when: "not flags.supplies_known"}')],
}


def test_part_7_prints_outputs_of_the_fashoda_example():
    assert len(OUTPUTS) >= 8
    assert {"{draft}", "{leaky}"} <= {word for args, _ in OUTPUTS for word in args.split()}


@pytest.mark.parametrize("index", range(len(OUTPUTS)))
def test_every_output_in_part_7_is_what_the_game_prints(index, tmp_path, monkeypatch, capsys):
    from game.cli import main

    command, shown = OUTPUTS[index]
    command, _, typed = command.partition("; input: ")
    args = command.split()
    for name, changes in DRAFTS.items():
        if "{" + name + "}" in args:
            text = FASHODA.read_text(encoding="utf-8")
            for before, after in changes:
                assert before in text, f"the example no longer has what the guide's {name} changed"
                text = text.replace(before, after)
            (tmp_path / "fashoda_1898.yaml").write_text(text, encoding="utf-8")
            args = ["fashoda_1898.yaml" if arg == "{" + name + "}" else arg for arg in args]
    monkeypatch.chdir(tmp_path if any(arg == "fashoda_1898.yaml" for arg in args) else ROOT)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("".join(word + "\n" for word in typed.split())))
    main(args)
    printed = capsys.readouterr().out.splitlines()
    lines = shown.splitlines()
    starts = [i for i, line in enumerate(printed) if line == lines[0]]
    assert any(printed[i:i + len(lines)] == lines for i in starts), "\n".join(printed)


def test_the_fashoda_example_has_no_warning_and_reaches_every_ending():
    """What authors copy should be clean: no warning from `brink validate --strict`, every ending reached."""
    from game.tools.lint import lint

    scenario = load_scenario(FASHODA)
    assert lint(scenario) == []
    games = simulate(scenario, 2000, 1, {role: policy_named("random") for role in scenario.roles})
    assert all(games.endings.get(ending.id, 0) > 0 for ending in scenario.endings)
