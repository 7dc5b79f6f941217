"""The README's promises: the two commands are the ones CI runs, and every command is documented."""

from pathlib import Path

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_exactly_the_readme_test_command():
    lines = (ROOT / ".ci" / "run").read_text().splitlines()
    command = lines[lines.index("# the README's test command:") + 1]
    assert command in README


def test_the_readme_documents_every_command_line_command():
    from game.cli import build_parser

    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # argparse keeps them here
    for name in commands:
        assert f"brink {name}" in README, f"'brink {name}' is not in the README"
