"""The code passes ruff and mypy as pyproject.toml configures them, so the test command checks them too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    # --no-cache: no .ruff_cache left in the tree
    result = run("ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing(tmp_path):
    # the cache goes to a temporary folder, so the tree stays clean; the files come from pyproject.toml
    result = run("mypy", "--cache-dir", str(tmp_path / "mypy_cache"))
    assert result.returncode == 0, result.stdout + result.stderr
