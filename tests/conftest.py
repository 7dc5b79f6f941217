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
