"""A seeded mutator over the shipped scenarios and a save: nothing a file can hold crashes or hangs the game.

Each mutant scenario goes through everything a player or an author runs on a file: load (and
validate's warnings), simulate, check, graph, a text-mode game and one rendered day in the
window. The only acceptable failures are located diagnostics: the loader's
``path:line:col: error:`` lines, or a ``FormulaError`` placed at its formula. Any other
exception fails the test with the seed and the mutation that caused it, so it can be replayed.

The run is bounded in time (``BUDGET_SECONDS``) rather than in count, so a slow machine tests
fewer mutants rather than taking longer; the mutants come in the same order on every machine.
A local run may search longer and elsewhere: ``BRINK_FUZZ_SECONDS=600 BRINK_FUZZ_SEED=7``.
"""

from __future__ import annotations

import copy
import io
import json
import os
import random
import struct
import time
import zlib
from pathlib import Path

import pytest
import yaml

from game.engine import machine
from game.engine.opponents import policy_named
from game.engine.saves import SaveError, read_save, restore, save_game
from game.scenario.errors import FormulaError, Location
from game.scenario.load import load_scenario, load_with_diagnostics
from game.text.play import TextGame
from game.tools.check import check
from game.tools.graph import FORMATS, build, render
from game.tools.lint import lint
from game.tools.simulate import simulate
from test_save_fuzz import raw_damage

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = [ROOT / "scenarios" / name / "scenario.yaml" for name in ("demo", "berlin_1961", "cuban_missile_crisis_1962")]
# A few seconds in CI; the save mutants take about two seconds more.
BUDGET_SECONDS = float(os.environ.get("BRINK_FUZZ_SECONDS", "8"))
SEED = int(os.environ.get("BRINK_FUZZ_SEED", "18"))
MIN_MUTANTS = 30
FORMULA_KEYS = ("effects", "requires", "when", "formula", "from", "probability")
BIG = " * 1e15" * 22  # past the largest float: infinity, built from numbers the loader accepts


# --- the mutator ---------------------------------------------------------------------------------
def hostile_values(rng: random.Random):
    return rng.choice([
        None, [], {}, "", "x" * 300, "a\0b", "\x07", 10**1500, -(10**16), float("nan"), float("inf"),
        -0.0, True, 2.5e-320, [[[[[[[[[[1]]]]]]]]]], {"image": "x" * 300 + ".png"}, {"image": "a\0b.png"},
        {"image": "/dev/zero"}, {"image": "../../../etc/passwd"}, {"image": "huge.png"}, "1" * 1500,
    ])


def hostile_formula(rng: random.Random, names: list[str], key: str) -> str:
    name = rng.choice(names) if names else "tension"
    assignments = [f"{name} = 1e999 - 1e999", f"{name} = {name}{BIG} - {name}{BIG}", f"{name} = floor({name}{BIG})",
                   f"{name} = ceil(-{name}{BIG})", f"{name} = round({name} / 0)", f"{name} += {name} * {name} * {name} * {name}",
                   f"{name} = round(({name}{BIG}) - ({name}{BIG}))", f"{name} = {'1' * 1500}", f"{name} //= 0; {name} %= 0"]
    numbers = [f"{name}{BIG}", f"({name}{BIG}) - ({name}{BIG})", f"floor({name}{BIG})", "1e999", f"round({name} / 0)",
               "-(" * 30 + name + ")" * 30, f"max({name}, {name}{BIG}) % 7"]
    if key == "effects":
        return rng.choice(assignments)
    if key in ("requires", "when"):
        return rng.choice(numbers) + rng.choice([" > 1", " == 0", " != 5"])
    return rng.choice(numbers)


def variable_names(data) -> list[str]:
    variables = data.get("variables") if isinstance(data, dict) else None
    return [name for name in variables if isinstance(name, str)] if isinstance(variables, dict) else []


def places(node, path=()):
    """Every (path, value) in a plain YAML document."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from places(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from places(value, path + (index,))


def replace_at(data, path, value):
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


def with_derived_chain(data: dict, variable: str, count: int, formula, prefix: str) -> str:
    """Derived values d0..d(count-1), each computed from the one before, and an ending reading the last."""
    if not isinstance(data.get("derived"), dict):
        data["derived"] = {}
    derived = data["derived"]
    derived[f"{prefix}0"] = {"formula": variable}
    for index in range(1, count):
        derived[f"{prefix}{index}"] = {"formula": formula(index)}
    last = f"{prefix}{count - 1}"
    data.setdefault("endings", []).insert(0, {"id": "chained", "title": "x", "text": "x", "when": f"{last} > 0"})
    return f"{count} derived values, the last being {formula(count - 1)}"


def structural_mutant(rng: random.Random, text: str) -> tuple[str, str]:
    data = yaml.safe_load(text)
    names = variable_names(data)
    candidates = [(path, value) for path, value in places(data) if path]
    formulas = [(path, value) for path, value in candidates if path[-1] in FORMULA_KEYS or
                (len(path) > 1 and path[-2] in FORMULA_KEYS)]
    kind = rng.choice(["value", "value", "formula", "formula", "formula", "doubling", "chain"])
    if kind == "formula" and formulas:
        path, _ = rng.choice(formulas)
        key = path[-1] if path[-1] in FORMULA_KEYS else path[-2]
        value = hostile_formula(rng, names, key)
        replace_at(data, path, value)
        what = f"formula at {path}: {value[:60]}"
    elif kind == "doubling" and names:
        what = with_derived_chain(data, names[0], 41, lambda index: f"d{index - 1} + d{index - 1}", "d")
    elif kind == "chain" and names:
        what = with_derived_chain(data, names[0], 1200, lambda index: f"d{index - 1} + 1", "d")
    else:
        path, _ = rng.choice(candidates)
        value = hostile_values(rng)
        replace_at(data, path, value)
        what = f"value at {path}: {str(value)[:60]!r}"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), what


def text_mutant(rng: random.Random, text: str) -> tuple[str, str]:
    kind = rng.choice(["control", "truncate", "sexagesimal", "exponent", "flip", "indent", "swap"])
    lines = text.splitlines(keepends=True)
    if kind == "control":
        at = rng.randrange(len(text))
        character = rng.choice(["\x07", "\x00", "\x1b", "\x85", "\u2028", "\ufeff", "\t", "\r"])
        return text[:at] + character + text[at:], f"{character!r} at {at}"
    if kind == "truncate":
        at = rng.randrange(len(text))
        return text[:at], f"cut at {at}"
    if kind == "sexagesimal":
        return text.replace("initial: ", "initial: 1:", 1), "initial: 1:30"
    if kind == "exponent":
        return text.replace("initial: ", "initial: 1e", 1), "initial: 1e30 (text in YAML 1.1)"
    if kind == "flip":
        data = bytearray(text.encode("utf-8"))
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return data.decode("utf-8", errors="replace"), "flipped bytes"
    if kind == "indent":
        index = rng.randrange(len(lines))
        lines[index] = "  " + lines[index]
        return "".join(lines), f"indented line {index + 1}"
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]
    return "".join(lines), f"swapped lines {a + 1} and {b + 1}"


def huge_png() -> bytes:
    """A small PNG file that claims 20000x20000 pixels."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 60001)) + chunk(b"IEND", b"")


# --- what each mutant goes through -------------------------------------------------------------
def located(error: Exception) -> bool:
    return isinstance(error, FormulaError) and isinstance(error.location, Location) and bool(error.location.path)


def attempt(step):
    """Run one step; a FormulaError placed at its formula is an acceptable end, anything else is not."""
    try:
        return step()
    except FormulaError as error:
        if not located(error):
            raise
        return None


def exercise_scenario(path: Path, app, folder: Path) -> None:
    scenario, diagnostics = load_with_diagnostics(path)
    lines = path.read_bytes().splitlines() or [b""]
    for diagnostic in diagnostics.items:
        assert diagnostic.location.path and diagnostic.location.line >= 1, diagnostic
        # a place the author can find: on a line of the file as an editor numbers them
        assert diagnostic.location.line <= len(lines) + 1, diagnostic
        assert len(diagnostic.message) < 1000, diagnostic.message[:200]
    if scenario is None:
        assert diagnostics.errors
        return
    lint(scenario)
    policies = {role: policy_named("random") for role in scenario.roles}
    attempt(lambda: simulate(scenario, 4, 1, policies))
    attempt(lambda: check(scenario, max_states=40, max_resolutions=150, directed=150))
    structure = build(scenario)
    for output in FORMATS:
        render(structure, output)
    session = attempt(lambda: machine.start(scenario, 3))
    if session is None:
        return
    roles = list(scenario.roles)
    players = {role: ("human" if role == roles[0] else "random") for role in roles}
    save = folder / "game.json"
    game = TextGame(session, players, io.StringIO("1\n" * 30 + "s\n" + "1\n" * 30), io.StringIO(),
                    save_path=str(save), log_path=str(folder / "game.jsonl"))
    assert game.run() in (0, 1)
    if save.exists():
        try:
            restore(read_save(save), scenario)
        except SaveError:
            pass
    render_one_day(app, scenario, players)


def render_one_day(app, scenario, players) -> None:
    from game.ui.flow import show_current
    from game.ui.match import Match

    match = attempt(lambda: Match.new(scenario, 5, players, autosave=None))
    if match is None:
        return
    try:
        show_current(app, match)  # the briefing
        if match.humans_waiting() or match.phase.value in ("briefing", "deliberation", "orders"):
            match.begin_day()
            app.reset("day", match=match, role=match.humans[0])
        app.draw()
    except FormulaError as error:
        assert located(error), error


@pytest.fixture(scope="module")
def window():
    from game.ui.app import App
    from game.ui.settings import Settings

    app = App(Settings(width=1280, height=720), baked_art=False, persist_settings=False, scenario_cache={})
    app.sound.enabled = False
    yield app
    while app.scenes:
        app.scenes.pop().shutdown()


def test_mutated_scenarios_end_in_a_located_diagnostic_or_play_through(tmp_path, window):
    originals = [(path, path.read_text(encoding="utf-8")) for path in SCENARIOS]
    (tmp_path / "huge.png").write_bytes(huge_png())
    rng = random.Random(SEED)
    started = time.monotonic()
    count = 0
    while count < MIN_MUTANTS or time.monotonic() - started < BUDGET_SECONDS:
        seed = rng.randrange(1 << 30)
        mutant_rng = random.Random(seed)
        # the demo most often: it is quick, so more mutants fit in the budget
        source, text = originals[mutant_rng.choice([0, 0, 0, 0, 1, 1, 2])]
        mutated, what = (structural_mutant if mutant_rng.random() < 0.7 else text_mutant)(mutant_rng, text)
        folder = tmp_path / f"m{count}"
        folder.mkdir()
        (folder / "huge.png").write_bytes(huge_png())
        path = folder / "scenario.yaml"
        path.write_text(mutated, encoding="utf-8", errors="surrogatepass")
        try:
            exercise_scenario(path, window, folder)
        except Exception as error:  # the point of the test: report which mutant, to replay it
            raise AssertionError(f"mutant {count} (seed {seed}) of {source.parent.name}, {what}: "
                                 f"{type(error).__name__}: {str(error)[:300]}") from error
        count += 1
    assert count >= MIN_MUTANTS


# --- saves -------------------------------------------------------------------------------------
def hostile_save_values(rng: random.Random):
    return rng.choice([None, [], {}, "1", "x" * 5000, 10**40, -1, 1.5, True, [[[[1]]]], {"id": 5},
                       {"kennedy": "nobody"}, [{"kennedy": 5}], [None], ["oops"], "../../etc/passwd"])


def save_mutant(rng: random.Random, good: dict, text: str) -> tuple[str, str]:
    kind = rng.choice(["field", "field", "nested", "raw"])
    if kind == "raw":
        return raw_damage(rng, text)
    data = copy.deepcopy(good)
    if kind == "nested":
        paths = [path for path, _ in places(data) if path]
        path = rng.choice(paths)
        value = hostile_save_values(rng)
        replace_at(data, path, value)
        return json.dumps(data), f"{path} = {str(value)[:40]!r}"
    key = rng.choice(list(data))
    if rng.random() < 0.3:
        del data[key]
        return json.dumps(data), f"without {key}"
    value = hostile_save_values(rng)
    data[key] = value
    return json.dumps(data), f"{key} = {str(value)[:40]!r}"


def test_mutated_saves_are_loaded_or_refused_in_one_line(tmp_path, window):
    from game.ui.match import load_match

    scenario = load_scenario(SCENARIOS[0])
    session = machine.replay(scenario, 42, [{"kennedy": "wait_and_watch", "khrushchev": "rush_sites"}])
    good_path = tmp_path / "good.json"
    save_game(good_path, session, {"kennedy": "human", "khrushchev": "historical"})
    text = good_path.read_text()
    good = json.loads(text)
    rng = random.Random(75)
    for count in range(75):
        mutated, what = save_mutant(rng, good, text)
        path = tmp_path / f"save{count}.json"
        path.write_text(mutated, encoding="utf-8", errors="surrogateescape")
        try:
            try:
                restored = restore(read_save(path), scenario)
            except SaveError as error:
                assert "\n" not in str(error) and len(str(error)) < 400, str(error)
            else:
                players = {"kennedy": "human", "khrushchev": "historical"}
                TextGame(restored, players, io.StringIO("1\n" * 10), io.StringIO()).run()
            try:
                load_match(path, window.scenario_cache)
            except SaveError as error:
                assert "\n" not in str(error), str(error)
        except Exception as error:
            raise AssertionError(f"save mutant {count}, {what}: {type(error).__name__}: {str(error)[:300]}") from error
