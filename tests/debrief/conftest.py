"""The 1962 scenario and one scripted classroom session, shared by the debrief's tests."""

from pathlib import Path

import pytest

from game.scenario.load import load_scenario
from tests.debrief.session import script_session

ROOT = Path(__file__).resolve().parents[2]
CUBA = ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml"


@pytest.fixture(scope="session")
def cuba():
    return load_scenario(CUBA, freeze=True)


@pytest.fixture(scope="session")
def session(cuba):
    return script_session(cuba)


@pytest.fixture
def session_log(session, tmp_path) -> Path:
    path = tmp_path / "class.log"
    path.write_text(session.text, encoding="utf-8")
    return path
