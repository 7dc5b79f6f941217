"""`brink translate`: a scenario's texts out to a PO file and back, and what `brink validate` says of them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po, write_po

from game.cli import main
from game.scenario.load import load_scenario
from game.scenario.text_fields import LANGUAGE_PATTERN, compose, source_hash, text_fields
from game.tools.text_rewrite import apply_edits, translation_edit

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "translate"
HALF = FIXTURES / "half_translated.yaml"
DEMO = ROOT / "scenarios" / "demo" / "scenario.yaml"


@pytest.fixture
def half(tmp_path) -> Path:
    copy = tmp_path / "scenario.yaml"
    shutil.copyfile(HALF, copy)
    return copy


@pytest.fixture
def demo(tmp_path) -> Path:
    copy = tmp_path / "demo" / "scenario.yaml"
    copy.parent.mkdir()
    shutil.copyfile(DEMO, copy)
    return copy


def _export(scenario: Path, po: Path, language: str = "ru") -> None:
    assert main(["translate", "export", str(scenario), "--lang", language, "-o", str(po)]) == 0


def _entries(po: Path) -> dict:
    with open(po, "rb") as file:
        return {message.context: message for message in read_po(file) if message.id}


def _translate(po: Path, translations: dict[str, str], out: Path | None = None) -> Path:
    """What a translator does in Poedit: fill in some entries and save."""
    with open(po, "rb") as file:
        catalog = read_po(file)
    for message in catalog:
        if message.context in translations:
            message.string = translations[message.context]
    out = out or po
    with open(out, "wb") as file:
        write_po(file, catalog, width=100)
    return out


@pytest.mark.parametrize("scenario", ["demo", "berlin_1961", "cuban_missile_crisis_1962"])
def test_every_text_a_shipped_scenario_translates_is_found(scenario):
    """The texts are found through the schema: a text field it did not describe would be missed."""
    document = compose((ROOT / "scenarios" / scenario / "scenario.yaml").read_text(encoding="utf-8"))
    found = {id(field.node) for field in text_fields(document)}
    translated = [node for node in _nodes(document) if isinstance(node, yaml.MappingNode) and node.value
                  and {key.value for key, _ in node.value} >= {"en"}
                  and all(LANGUAGE_PATTERN.match(key.value) for key, _ in node.value)]
    assert translated and all(id(node) in found for node in translated)


TRICKY = ["Конец", "Огонь: да или нет?", "# не комментарий", "- не список", "\"Кавычки\" и 'апострофы'",
          "Первый абзац.\n\nВторой абзац.", "Очень длинный текст, " * 12, "{не: словарь}", "  пробелы  ", "yes"]


@pytest.mark.parametrize("scenario", ["demo", "berlin_1961", "cuban_missile_crisis_1962"])
def test_every_text_of_a_shipped_scenario_can_be_written_in_place_and_reads_back_exactly(scenario, tmp_path):
    """Whatever a translator types, in whatever style the author wrote the text, the file still loads."""
    source = (ROOT / "scenarios" / scenario / "scenario.yaml").read_text(encoding="utf-8")
    fields = text_fields(compose(source))
    wanted = {field.path: TRICKY[index % len(TRICKY)].strip() for index, field in enumerate(fields)}
    written = apply_edits(source, [translation_edit(source, field, "ru", wanted[field.path]) for field in fields])
    after = {field.path: field for field in text_fields(compose(written))}
    assert {path: field.translation("ru") for path, field in after.items()} == wanted
    assert [after[field.path].source for field in fields] == [field.source for field in fields]
    copy = tmp_path / "scenario.yaml"
    copy.write_text(written, encoding="utf-8")
    assert load_scenario(copy).title.get("ru") == wanted["title"]


def _nodes(node):
    yield node
    if isinstance(node, yaml.MappingNode):
        for _key, value in node.value:
            yield from _nodes(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _nodes(item)


def test_export_names_each_text_by_its_path_with_its_line_and_english_hash(half, tmp_path):
    po = tmp_path / "ru.po"
    _export(half, po)
    entries = _entries(po)
    assert list(entries) == ["title", "summary", "variables.heat.label", "roles.red.name", "roles.blue.name",
                             "days[bridge].title",
                             "days[bridge].choices.red[cross].label", "days[bridge].choices.blue[wait].label",
                             "endings[over].title", "endings[over].text"]
    cross = entries["days[bridge].choices.red[cross].label"]
    assert cross.id == "Cross the bridge"
    assert cross.locations[0][1] == 24
    assert cross.auto_comments == ["source-hash: " + source_hash("Cross the bridge")]
    assert entries["summary"].id.startswith("Two towns, one bridge and a river in flood. Long enough")


def test_export_fills_in_the_translations_the_scenario_already_has(half, tmp_path):
    po = tmp_path / "ru.po"
    _export(half, po)
    entries = _entries(po)
    assert (entries["title"].string, entries["days[bridge].title"].string) == ("Переправа", "Мост")
    assert entries["endings[over].title"].string == ""
    _export(half, tmp_path / "de.po", "de")
    assert _entries(tmp_path / "de.po")["title"].string == "Die Überfahrt"


def test_a_round_trip_writes_russian_into_a_copy_of_a_shipped_scenario_and_keeps_its_comments(demo, tmp_path):
    po = tmp_path / "ru.po"
    _export(demo, po)
    original = demo.read_text(encoding="utf-8")
    _translate(po, {
        "title": "Четыре дня в октябре (демо)",  # a quoted one-line string
        "summary": "Короткая версия кризиса октября 1962 года: ракеты на Кубе, карантин или удар, суда у "
                   "линии, сделка или катастрофа. По четыре решения для каждой стороны.",  # a folded block
        "days[found].choices.kennedy[airstrike].text": "Уничтожить с воздуха всё, что видно: пока не поздно.",
        "days[the_line].briefing.khrushchev": "Наши суда у линии. Ваши приказы?",  # replaces a translation
    })
    assert main(["translate", "import", str(demo), str(po)]) == 0
    scenario = load_scenario(demo)
    assert scenario.title.get("ru") == "Четыре дня в октябре (демо)"
    assert scenario.summary.get("ru").startswith("Короткая версия кризиса")
    assert scenario.summary.get("en") == load_scenario(DEMO).summary.get("en")
    assert scenario.choice("kennedy", "airstrike").text.get("ru") == "Уничтожить с воздуха всё, что видно: пока не поздно."
    assert scenario.days[0].title.get("ru") == scenario.days[0].title.get("en")  # untouched: still English only
    rewritten = demo.read_text(encoding="utf-8")
    comments = [line.strip() for line in original.splitlines() if line.strip().startswith("#")]
    assert comments and all(comment in rewritten for comment in comments)
    assert "Наши суда у линии. Ваши приказы?" in rewritten
    assert main(["validate", str(demo)]) == 0


def test_importing_twice_changes_nothing_more(half, tmp_path, capsys):
    po = tmp_path / "ru.po"
    _export(half, po)
    _translate(po, {"endings[over].title": "Конец"})
    assert main(["translate", "import", str(half), str(po)]) == 0
    once = half.read_bytes()
    assert main(["translate", "import", str(half), str(po)]) == 0
    assert half.read_bytes() == once
    assert "nothing to change (ru: 4 of 10 texts (40%))" in capsys.readouterr().err


def test_a_plain_string_becomes_a_mapping_in_the_same_place_and_its_comment_stays(half, tmp_path):
    po = tmp_path / "ru.po"
    _export(half, po)
    _translate(po, {"days[bridge].choices.red[cross].label": "Перейти мост", "variables.heat.label": "Жар"})
    assert main(["translate", "import", str(half), str(po)]) == 0
    lines = half.read_text(encoding="utf-8").splitlines()
    assert lines[23] == "          label: {en: Cross the bridge, ru: Перейти мост}  # a plain string, to become {en, ru}"
    assert lines[10] == "  heat: {label: {en: Heat, ru: Жар}, initial: 0, min: 0, max: 10}  # the only meter"


def test_the_names_of_the_seats_go_out_to_the_po_file_and_come_back_in_russian(half, tmp_path):
    po = tmp_path / "ru.po"
    _export(half, po)
    assert (_entries(po)["roles.red.name"].id, _entries(po)["roles.blue.name"].id) == ("Red", "Blue")
    _translate(po, {"roles.red.name": "Красные"})
    assert main(["translate", "import", str(half), str(po)]) == 0
    assert half.read_text(encoding="utf-8").splitlines()[12] == "  red: {name: {en: Red, ru: Красные}}"
    scenario = load_scenario(half)
    assert (scenario.roles["red"].name.get("ru"), scenario.roles["red"].name.get("en")) == ("Красные", "Red")
    assert scenario.roles["blue"].name.get("ru") == "Blue"  # not translated: English stands in
    assert _entries(_export_again(half, tmp_path))["roles.red.name"].string == "Красные"


def _export_again(scenario: Path, tmp_path: Path) -> Path:
    po = tmp_path / "again.po"
    _export(scenario, po)
    return po


def test_an_entry_made_from_changed_english_is_refused_unless_allowed(half, tmp_path, capsys):
    po = tmp_path / "ru.po"
    _export(half, po)
    _translate(po, {"endings[over].text": "Календарь закончился."})
    half.write_text(half.read_text(encoding="utf-8").replace("The calendar ran out.", "Time ran out."), encoding="utf-8")
    before = half.read_bytes()
    assert main(["translate", "import", str(half), str(po)]) == 1
    error = capsys.readouterr().err
    assert f"{po}:" in error and "'endings[over].text': the English changed since this file was exported" in error
    assert half.read_bytes() == before
    assert main(["translate", "import", str(half), str(po), "--allow-fuzzy"]) == 0
    assert load_scenario(half).ending("over").text.get("ru") == "Календарь закончился."


def test_exporting_again_over_the_po_file_marks_a_changed_english_fuzzy(half, tmp_path):
    po = tmp_path / "ru.po"
    _export(half, po)
    _translate(po, {"endings[over].text": "Календарь закончился.", "endings[over].title": "Конец"})
    half.write_text(half.read_text(encoding="utf-8").replace("The calendar ran out.", "Time ran out."), encoding="utf-8")
    _export(half, po)
    entries = _entries(po)
    changed, same = entries["endings[over].text"], entries["endings[over].title"]
    assert changed.fuzzy and changed.id == "Time ran out."
    assert '#| msgid "The calendar ran out."' in po.read_text(encoding="utf-8")  # what it was made from
    assert changed.string == "Календарь закончился."  # kept, for the translator to check
    assert not same.fuzzy and same.string == "Конец"


def test_exporting_again_keeps_the_translator_work_not_yet_imported(half, tmp_path):
    po = tmp_path / "ru.po"
    _export(half, po)
    _translate(po, {"title": "Переход", "endings[over].title": "Конец"})
    _export(half, po)
    entries = _entries(po)
    assert (entries["title"].string, entries["endings[over].title"].string) == ("Переход", "Конец")
    assert not entries["title"].fuzzy


def test_exporting_one_language_over_another_language_file_is_refused(half, tmp_path, capsys):
    po = tmp_path / "de.po"
    _export(half, po, "de")
    before = po.read_bytes()
    assert main(["translate", "export", str(half), "--lang", "ru", "-o", str(po)]) == 1
    assert f"{po}:1:1: error: this PO file is a translation into de, not ru" in capsys.readouterr().err
    assert po.read_bytes() == before


def test_a_fuzzy_entry_is_refused_until_the_translator_clears_it(half, tmp_path, capsys):
    po = tmp_path / "ru.po"
    _export(half, po)
    _translate(po, {"endings[over].text": "Календарь закончился."})
    half.write_text(half.read_text(encoding="utf-8").replace("The calendar ran out.", "Time ran out."), encoding="utf-8")
    _export(half, po)
    assert main(["translate", "import", str(half), str(po)]) == 1
    assert "'endings[over].text': marked fuzzy" in capsys.readouterr().err
    text = po.read_text(encoding="utf-8").replace("#, fuzzy\n", "")
    po.write_text(text, encoding="utf-8")
    assert main(["translate", "import", str(half), str(po)]) == 0


@pytest.mark.parametrize("name, expected", [
    ("damaged.po", ["damaged.po:8:1: error: not a line of a PO file: 'mgsid \"The Crossing\"'",
                    "damaged.po:13:1: error: not a line of a PO file: 'msgstr \"Конец'"]),
    ("wrong_entries.po", ["wrong_entries.po:10:1: error: the scenario has no text 'endings[over].titel' "
                          "(did you mean 'endings[over].title'?)",
                          "wrong_entries.po:20:1: error: a second entry for 'endings[over].text' (the first is at line 15)",
                          "wrong_entries.po:23:1: error: an entry without msgctxt",
                          "wrong_entries.po:27:1: error: 'variables.heat.label': no '#. source-hash: ...' comment"]),
    ("no_language.po", ["no_language.po:1:1: error: the PO header names no language"]),
    ("latin1.po", ["latin1.po:8:1: error: not UTF-8 text"]),
])
def test_a_bad_po_file_is_reported_line_by_line_and_nothing_is_written(half, name, expected, capsys):
    before = half.read_bytes()
    assert main(["translate", "import", str(half), str(FIXTURES / name)]) == 1
    error = capsys.readouterr().err
    for line in expected:
        assert f"{FIXTURES / line}" in error
    assert "Traceback" not in error
    assert half.read_bytes() == before


def test_a_language_that_is_no_language_is_a_usage_error(half, capsys):
    for language in ("russian", "en", "zz"):
        with pytest.raises(SystemExit) as stop:
            main(["translate", "export", str(half), "--lang", language])
        assert stop.value.code == 2
        assert "usage: brink translate export" in capsys.readouterr().err


def test_validate_notes_the_coverage_of_each_language(capsys):
    assert main(["validate", str(HALF)]) == 0
    out = capsys.readouterr().out
    assert f"{HALF}: translations: de: 1 of 10 texts (10%), ru: 3 of 10 texts (30%)" in out.splitlines()


def test_coverage_is_a_note_and_never_a_warning_that_strict_would_fail_on(capsys):
    assert main(["validate", "--format", "json", str(HALF)]) == 0
    messages = [entry["message"] for entry in json.loads(capsys.readouterr().out)]
    assert messages and not any("of 10 texts" in message or "ru:" in message for message in messages)


def test_coverage_counts_a_translation_once_it_is_imported(half, tmp_path, capsys):
    po = tmp_path / "ru.po"
    _export(half, po)
    _translate(po, {"endings[over].title": "Конец", "endings[over].text": "Календарь закончился."})
    assert main(["translate", "import", str(half), str(po)]) == 0
    capsys.readouterr()
    main(["validate", str(half)])
    assert f"{half}: translations: de: 1 of 10 texts (10%), ru: 5 of 10 texts (50%)" in capsys.readouterr().out
