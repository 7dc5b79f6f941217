"""Shared test setup: every test runs headless, with no window and no sound device."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def private_user_folder(tmp_path, monkeypatch):
    """Saves, settings and logs go to a fresh folder per test, never the developer's own."""
    monkeypatch.setenv("BRINK_HOME", str(tmp_path / "brink_home"))


@pytest.fixture
def repo_root() -> Path:
    return ROOT


@pytest.fixture
def demo_path() -> Path:
    return ROOT / "scenarios" / "demo" / "scenario.yaml"


# The files that take longest, in the order they are handed out: the suite runs on every core
# with whole files given to a worker at a time (``--dist loadfile``), and a long file begun last
# keeps one core busy while the others wait. Longest first, the rest after them in collection
# order, lets the workers finish together (pyproject.toml turns off xdist's own reordering, which
# is by the number of tests in a file, not by their time). Times from ``pytest --durations``.
LONGEST_FILES = (
    "test_strategist_strength.py",  # about 110 s on a slow machine, with two processes of its own
    "test_cuban_missile_crisis.py",  # about 150 s
    "art/test_portraits.py",
    "art/test_likeness.py",
    "test_check.py",
    "ui/test_readability.py",
    "art/test_bake.py",
    "art/test_scenes.py",
    "ui/test_monkey.py",
    "test_fog_1962.py",
    "test_static_analysis.py",
    "classroom/test_browser.py",
)


def pytest_collection_modifyitems(config, items) -> None:
    rank = {name: index for index, name in enumerate(LONGEST_FILES)}

    def order(item) -> int:
        try:
            relative = item.path.relative_to(ROOT / "tests").as_posix()
        except ValueError:
            return len(LONGEST_FILES)
        return rank.get(relative, len(LONGEST_FILES))

    items.sort(key=order)  # stable: within a file, and among the rest, the collection's order
