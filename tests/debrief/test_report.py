"""``brink report`` on a scripted classroom session: what the page shows, and that it stands alone.

The turning points are checked against ``brink simulate --from-log``, which rebuilds the state
from the log on its own and plays the same games: same seed, same policies, the same counts.
"""

import json
import re
from html import unescape

import pytest

from game import i18n
from game.cli import main
from game.engine.log_read import read_log
from game.engine.log_replay import replay_log
from game.engine.opponents import policy_named
from game.tools.turning_points import default_policies, turning_points
from tests.debrief.session import HOSTILE_NAME

GAMES, SEED = 40, 3


@pytest.fixture(scope="module")
def report(tmp_path_factory, session):
    folder = tmp_path_factory.mktemp("report")
    log = folder / "class.log"
    log.write_text(session.text, encoding="utf-8")
    out = folder / "report.html"
    assert main(["report", str(log), "--out", str(out), "--games", str(GAMES), "--seed", str(SEED), "--jobs", "2"]) == 0
    return log, out.read_text(encoding="utf-8")


def _rows(page: str) -> list[dict[str, str]]:
    return [dict(re.findall(r'data-(\w+)="([^"]*)"', row)) for row in re.findall(r"<tr [^>]*data-choice[^>]*>", page)]


def test_the_page_shows_the_ending_the_path_and_the_decisions(report, cuba, session):
    _, page = report
    ending = cuba.ending(session.ending)
    assert unescape(ending.title.get()) in unescape(page)
    assert 'src="data:image/png;base64,' in page  # the ending's painting, inside the page
    for day in cuba.days[:session.days]:  # the path beside 1962: every day with the recorded orders
        assert i18n.dated(day.date, i18n.words("en")) in page  # "16 October 1962", as a reader writes it
        recorded = cuba.choice("kennedy", day.historical["kennedy"]).label.get()
        assert unescape(recorded) in unescape(page)
    assert "the clock decided, not the team" in page
    assert "Reporters ask questions" in page or "press_leak" not in page  # the injected event, by its title


def test_names_and_reasons_are_text_never_markup(report):
    _, page = report
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Ada" in page
    assert "Because &lt;i&gt;" in page and "<i>convene_excomm</i>" not in page
    assert "Radio Moscow: &lt;b&gt;all is calm&lt;/b&gt; in Havana" in page
    assert HOSTILE_NAME not in page


def test_the_page_refers_to_nothing_outside_itself(report):
    _, page = report
    page = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "data:", page)
    assert not re.search(r"(?i)\b(?:https?|ftp):|//[a-z0-9]", page.replace("http://www.w3.org/2000/svg", ""))
    assert not re.search(r'(?i)(?:src|href)="(?!data:|#)', page)
    assert not re.search(r"(?i)url\((?!['\"]?data:)", page) and "@import" not in page


def test_charts_turning_points_and_questions_are_there(report, cuba, session):
    _, page = report
    assert page.count("<svg") >= 2 + len(cuba.variables)  # tension, meters, odds bars
    assert "<polyline" in page and "DEFCON 2" in page
    assert page.count("<polygon") == 3  # every inject (a meter, a news flash, an event) is a triangle on the chart
    assert page.count('stroke="#1f4e8c" stroke-width="1.5"') == 2  # and each message a box
    top = re.findall(r'<li data-day="(\w+)" data-role="(\w+)">', page)
    assert len(top) == 3
    asked = [q for q in cuba.debrief if q.fits({d.id for d in cuba.days[:session.days]}, session.ending)]
    assert asked and all(unescape(q.text.get()).split()[0] in unescape(page) for q in asked)
    assert "Your crisis ended in war" in page and "Your crisis was settled" not in page
    assert "historical for John F. Kennedy; historical for Nikita Khrushchev" in page  # who plays on, said


def test_turning_points_match_an_independent_simulate_run(report, cuba, capsys):
    log_path, page = report
    rows = _rows(page)
    top_day, top_role = re.findall(r'<li data-day="(\w+)" data-role="(\w+)">', page)[0]
    checked = [row for row in rows if row["day"] == top_day] + [rows[0]]
    for row in checked:
        capsys.readouterr()
        assert main(["simulate", "cuban_missile_crisis_1962", "--from-log", str(log_path), "--day", row["day"],
                     "--order", f"{row['role']}={row['choice']}", "--games", str(GAMES), "--seed", str(SEED),
                     "--json"]) == 0
        result = json.loads(capsys.readouterr().out)
        counts = {e: v["games"] for e, v in result["endings"].items() if v["games"]}
        assert row["endings"] == ",".join(f"{e}={n}" for e, n in sorted(counts.items()))
        assert float(row["war"]) == pytest.approx(result["war"])
    assert any(float(row["war"]) > 0 for row in checked)  # the check compares something that happened


def test_the_figures_do_not_depend_on_the_number_of_processes(cuba, session_log):
    log = read_log(session_log)
    replay = replay_log(cuba, log)
    policies = {role: policy_named(name) for role, name in default_policies(log, cuba).items()}
    one = turning_points(cuba, log, replay, policies, 12, 5, processes=1)
    two = turning_points(cuba, log, replay, policies, 12, 5, processes=2)
    assert one == two and len(one) == len(log.days)


def test_a_log_of_a_missing_scenario_says_how_to_name_it(tmp_path, session, capsys):
    path = tmp_path / "other.log"
    path.write_text(session.text.replace('"scenario": "cuban_missile_crisis_1962"', '"scenario": "atlantis_1999"', 1),
                    encoding="utf-8")
    assert main(["report", str(path)]) == 1
    assert "--scenario PATH" in capsys.readouterr().err


def test_without_chromium_the_pdf_command_says_how_to_print(report, tmp_path, monkeypatch, capsys):
    log_path, _ = report
    monkeypatch.setattr("game.tools.pdf.find_browser", lambda: None)
    out = tmp_path / "r.html"
    assert main(["report", str(log_path), "--out", str(out), "--games", "2", "--pdf", str(tmp_path / "r.pdf")]) == 1
    assert out.is_file() and not (tmp_path / "r.pdf").exists()
    assert "Save as PDF" in capsys.readouterr().err


def test_the_page_speaks_russian_with_lang_ru(session_log, tmp_path, cuba):
    out = tmp_path / "report.html"
    assert main(["report", str(session_log), "--out", str(out), "--games", "2", "--lang", "ru"]) == 0
    page = out.read_text(encoding="utf-8")
    assert '<html lang="ru">' in page and "Поворотные моменты" in page and "Вопросы для обсуждения" in page
    assert cuba.debrief[0].text.get("ru").split()[0] in page
    assert i18n.dated(cuba.days[0].date, i18n.words("ru")) in page  # "16 октября 1962 г.": dates in Russian too
    assert cuba.days[0].date not in page


@pytest.mark.parametrize("arguments", [["--scenario", "no_such_crisis"], ["--lang", "xx"]])
def test_a_bad_scenario_or_language_prints_reports_usage_and_exits_2(session_log, arguments, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["report", str(session_log), "--games", "10", *arguments])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.startswith("usage: brink report ")
