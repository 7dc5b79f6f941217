"""The scenario's ``debrief:`` block: what loads, what is refused (located, with a did-you-mean), what fits a game."""

from pathlib import Path

from game.cli import main
from game.scenario.load import load_scenario, load_with_diagnostics

CASES = Path(__file__).resolve().parents[1] / "schema_cases"
BASE = (CASES / "accepted" / "debrief_questions.yaml").read_text(encoding="utf-8").split("debrief:")[0]


def _errors(tmp_path, block: str) -> list[str]:
    path = tmp_path / "scenario.yaml"
    path.write_text(BASE + block, encoding="utf-8")
    _, diagnostics = load_with_diagnostics(path)
    return [f"{d.location.line}:{d.location.column}: {d.message}" for d in diagnostics.errors]


def test_every_form_of_question_loads_with_its_filters():
    scenario = load_scenario(CASES / "accepted" / "debrief_questions.yaml")
    first, translated, filtered, by_ending = scenario.debrief
    assert first.text.get() == "Who decided, and when?" and first.after is None and first.endings is None
    assert translated.text.get("ru") == "Стоило ли оно того?"
    assert filtered.endings == frozenset({"boom"}) and filtered.after == "one"
    assert by_ending.endings == frozenset({"over"})
    assert filtered.fits({"one"}, "boom") and not filtered.fits({"one"}, "over") and not filtered.fits(set(), "boom")
    assert first.fits(set(), None)


def test_mistakes_are_located_with_a_did_you_mean(tmp_path):
    errors = _errors(tmp_path, "debrief:\n  - {question: 'Why?', after: onne, endings: [bom]}\n"
                               "  - {question: 'Why?', colour: red}\n  - [not, a, text]\n  - {question: ''}\n")
    assert errors == [
        "22:31: unknown day 'onne' in debrief question 1 (did you mean 'one'?)",
        "22:46: unknown ending 'bom' in debrief question 1 (did you mean 'boom'?)",
        "23:24: unknown field 'colour' in debrief question 2 (known: after, endings, question)",
        "24:5: debrief question 3 must be text, or a mapping of language to text, not a list",
        "25:17: 'question' in debrief question 4 is empty",
    ]


def test_a_debrief_that_is_not_a_list_and_an_empty_question(tmp_path):
    assert _errors(tmp_path, "debrief: {question: 'Why?'}\n") == ["21:10: 'debrief' must be a list of questions, not a mapping"]
    assert _errors(tmp_path, "debrief:\n  - '   '\n") == ["22:6: debrief question 1 is empty: write the question"]


def test_validate_prints_them_as_located_lines(tmp_path, capsys):
    path = tmp_path / "scenario.yaml"
    path.write_text(BASE + "debrief:\n  - {question: 'Why?', after: onne}\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert f"{path}:22:31: error: unknown day 'onne'" in capsys.readouterr().out


def test_the_shipped_scenarios_have_questions_for_every_kind_of_ending():
    root = Path(__file__).resolve().parents[2] / "scenarios"
    for folder in ("cuban_missile_crisis_1962", "berlin_1961"):
        scenario = load_scenario(root / folder / "scenario.yaml")
        assert len(scenario.debrief) >= 6
        for ending in scenario.endings:  # whichever way a game ends, there is something to ask
            assert sum(q.fits({d.id for d in scenario.days}, ending.id) for q in scenario.debrief) >= 4
        assert all(q.text.get("ru") != q.text.get("en") for q in scenario.debrief)


def test_the_classroom_pack_lists_every_question_of_the_shipped_scenarios():
    root = Path(__file__).resolve().parents[2]
    pack = " ".join((root / "docs" / "classroom.md").read_text(encoding="utf-8").split())
    for folder in ("cuban_missile_crisis_1962", "berlin_1961"):
        for question in load_scenario(root / "scenarios" / folder / "scenario.yaml").debrief:
            assert " ".join(question.text.get().split()) in pack, question.text.get()
