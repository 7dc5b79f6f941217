"""A seeded mutator over a real save, through the command line of both front ends and the window's
loader: a save is opened and played, or refused with one line naming the save and what is wrong.

Every mutant goes through ``brink play --text --load``, ``brink play --load`` (the window, its loop
not run) and the load screen's ``load_match``; any traceback, any second line, or a save refused
by one front end and opened by the other fails the test with the mutant's seed and what it changed.
Bounded in time (``BUDGET_SECONDS``), so a slow machine tries fewer mutants, in the same order.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import random
import time
from pathlib import Path


from game import cli
from game.engine import machine
from game.engine.saves import SaveError, save_game
from game.scenario.load import load_scenario

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "scenarios" / "demo" / "scenario.yaml"
BUDGET_SECONDS = 5.0
MIN_MUTANTS = 30

HOSTILE = [None, [], {}, "", "1", "x" * 5000, 0, -1, 1.5, 10**40, True, [[[[1]]]], {"id": 5}, [None], ["oops"],
           "../../etc/passwd", "/dev/zero", "a\0b", "strategist:insane", "human", "hawk", "demo", "settlement"]


def every_place(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from every_place(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from every_place(value, path + (index,))


def raw_damage(rng: random.Random, text: str) -> tuple[str, str]:
    """A save's text damaged as text (too deep, too long a number, not finite, cut, not UTF-8, a
    version of the wrong type), and what was done to it."""
    choice = rng.choice(["deep", "digits", "nan", "infinity", "cut", "bytes", "version"])
    if choice == "deep":
        return '{"format": "brinkmanship-save", "days": ' + "[" * 50_000 + "]" * 50_000 + "}", "nested 50,000 deep"
    if choice == "digits":
        return text.replace('"seed": ', '"seed": ' + "9" * 5000, 1), "a 5,000-digit seed"
    if choice in ("nan", "infinity"):
        word = "NaN" if choice == "nan" else "Infinity"
        return text.replace('"values": [', f'"values": [{word}, ', 1), f"{word} in values"
    if choice == "version":
        return text.replace('"version": 1', '"version": "1"', 1), 'version "1"'
    at = rng.randrange(len(text))
    if choice == "bytes":
        return text[:at] + "\udcff" + text[at:], f"a byte that is not UTF-8 at {at}"
    return text[:at], f"cut at {at}"


def mutant(rng: random.Random, good: dict, text: str) -> tuple[str, str]:
    """A damaged save's text, and what was done to it."""
    kind = rng.choice(["replace", "replace", "replace", "delete", "add", "raw"])
    if kind == "raw":
        return raw_damage(rng, text)
    data = copy.deepcopy(good)
    path = rng.choice([path for path in every_place(data) if path])
    node = data
    for part in path[:-1]:
        node = node[part]
    if kind == "delete":
        del node[path[-1]]
        return json.dumps(data), f"without {path}"
    value = rng.choice(HOSTILE)
    if kind == "add" and isinstance(node, dict):
        node[rng.choice(["castro", "extra", "khrushchev", "kennedy"])] = value
        return json.dumps(data), f"{path[:-1]} + a key = {str(value)[:30]!r}"
    node[path[-1]] = value
    return json.dumps(data), f"{path} = {str(value)[:30]!r}"


def refusal(arguments: list[str], capsys) -> str | None:
    """The one line ``brink`` printed when it refused the save; None when it played the game."""
    status = cli.main(arguments)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    if status == 0:
        assert captured.err == "", captured.err
        return None
    assert status == 1 and captured.err.count("\n") == 1 and captured.err.startswith("brink: "), captured.err
    return captured.err.rstrip("\n")


def test_mutated_saves_are_opened_or_refused_in_one_line_alike_in_both_front_ends(tmp_path, monkeypatch, capsys):
    from game.ui import app as app_module
    from game.ui.match import load_match

    session = machine.replay(load_scenario(DEMO), 42, [{"kennedy": "wait_and_watch", "khrushchev": "rush_sites"}])
    good_path = tmp_path / "good.json"
    save_game(good_path, session, {"kennedy": "human", "khrushchev": "historical"})
    text = good_path.read_text()
    good = json.loads(text)
    monkeypatch.setattr(app_module.App, "run", lambda self: 0)  # open the window's first screens, then stop
    # A relative scenario path such as '../../etc/passwd' then names nothing, wherever the clone lives:
    # a save naming a real file that is no scenario is reported as that file's errors, not in one line.
    monkeypatch.chdir(tmp_path)
    rng = random.Random(18)
    started, count, refused = time.monotonic(), 0, 0
    while count < MIN_MUTANTS or time.monotonic() - started < BUDGET_SECONDS:
        seed = rng.randrange(1 << 30)
        mutated, what = mutant(random.Random(seed), good, text)
        path = tmp_path / f"save{count}.json"
        path.write_text(mutated, encoding="utf-8", errors="surrogateescape")
        try:
            monkeypatch.setattr("sys.stdin", io.StringIO("1\n" * 6))
            with contextlib.redirect_stdout(io.StringIO()):
                in_text = refusal(["play", "--text", "--load", str(path)], capsys)
                in_window = refusal(["play", "--load", str(path)], capsys)
            assert in_text == in_window, (in_text, in_window)
            try:
                load_match(path, {})
                assert in_text is None, f"the window's loader opened what the command line refused: {in_text}"
            except SaveError as error:
                assert in_text == f"brink: {path}: {error.reason}" and "\n" not in str(error)
        except Exception as error:  # the point of the test: say which mutant, to replay it
            raise AssertionError(f"save mutant {count} (seed {seed}), {what}: {type(error).__name__}: "
                                 f"{str(error)[:400]}") from error
        refused += in_text is not None
        count += 1
    assert count >= MIN_MUTANTS and 0 < refused < count  # both kinds of outcome were exercised
    from game.ui.match import list_saves

    listed = list_saves(tmp_path)  # the load screen's list reads every mutant too, and says why one cannot open
    assert listed and all(summary.problem is None or "\n" not in summary.problem for summary in listed)
