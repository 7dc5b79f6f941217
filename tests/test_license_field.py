"""The scenario's ``license:``: an SPDX expression checked against the SPDX list, or the terms in words.

The located errors of a bad value are pinned by fixtures/broken/*license*.yaml (test_loader.py);
these tests say which values count as SPDX and how they are kept.
"""

from pathlib import Path

import pytest

from game.scenario.licenses import read_license
from game.scenario.load import load_scenario

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("written, kept", [
    ("CC-BY-4.0", "CC-BY-4.0"),
    ("MIT AND (CC-BY-4.0 OR CC-BY-SA-4.0)", "MIT AND (CC-BY-4.0 OR CC-BY-SA-4.0)"),
    ("cc-by-sa-4.0", "CC-BY-SA-4.0"),
    ("mit and apache-2.0", "MIT AND Apache-2.0"),
    ("GPL-3.0-or-later WITH Classpath-exception-2.0", "GPL-3.0-or-later WITH Classpath-exception-2.0"),
    ("LicenseRef-Classroom-Terms", "LicenseRef-Classroom-Terms"),
])
def test_an_spdx_expression_is_kept_in_spdx_spelling(written, kept):
    assert read_license(written) == (kept, None)


@pytest.mark.parametrize("words", ["Free for use in schools; credit the author", "Public domain",
                                   "All rights reserved", "Proprietary"])
def test_the_terms_in_words_are_kept_as_written(words):
    assert read_license(words) == (words, None)


@pytest.mark.parametrize("written, hint", [
    ("CC-BY-SA-4", "did you mean 'CC-BY-SA-4.0'?"),
    ("CC0", "did you mean 'CC0-1.0'?"),
    ("MTI", "did you mean 'MIT'?"),
    ("Apache2", "did you mean 'Apache-2.0'?"),
    ("MIT AND CC-BY-4", "'CC-BY-4' is not an SPDX license identifier (did you mean 'CC-BY-4.0'?)"),
    ("GPL-2.0-only WITH Classpath-exeption-2.0", "not an SPDX license exception (did you mean 'Classpath-exception-2.0'?)"),
])
def test_a_misspelt_identifier_is_refused_with_a_did_you_mean(written, hint):
    kept, problem = read_license(written)
    assert kept == "" and problem is not None and hint in problem


@pytest.mark.parametrize("written", ["MIT AND", "(MIT", "MIT OR OR CC0-1.0"])
def test_a_broken_expression_is_refused(written):
    _, problem = read_license(written)
    assert problem is not None and "not a complete SPDX expression" in problem


def test_an_empty_or_overlong_license_is_refused():
    assert "empty" in read_license("   ")[1]
    assert "500" in read_license("Free " * 200)[1]


def test_the_shipped_scenarios_carry_the_games_own_license():
    for path in sorted((ROOT / "scenarios").glob("*/scenario.yaml")):
        assert load_scenario(path).license == "MIT", path


def test_a_scenario_without_a_license_has_none():
    assert load_scenario(ROOT / "tests" / "fixtures" / "good" / "minimal.yaml").license == ""
