"""The condition and effect language of scenario files.

Conditions are short expressions such as ``tension >= 80 and not flags.blockade``; effects are
assignments such as ``tension += 10; flags.blockade = true``. Text from a file is parsed once, at
load time, with Python's own parser (``ast.parse`` builds a syntax tree and runs nothing), then
checked against a small whitelist of node kinds, names and types, and compiled into closures over
the game's value vector. Nothing is ever handed to ``eval`` or ``exec``, and evaluating a compiled
condition does no tree walk: it is one or a few Python calls, which is what lets ``brink simulate``
play thousands of games a second.

The vector (``Slots``) holds the numeric variables, then the boolean flags, then the day number;
derived values are functions of it.
"""

from __future__ import annotations

import ast
import math
from operator import itemgetter
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from collections.abc import Callable, Mapping, Sequence

from game.scenario.errors import Diagnostics, FormulaError, Location, did_you_mean

Values = list  # the mutable value vector during resolution: numbers, then booleans, then the day
# an evaluator only reads, so a state's tuple of values serves as well as the list; it gives a number or a
# boolean by the expression's kind, which only the loader knows, so callers see Any
Evaluator = Callable[[Sequence[Any]], Any]
Mutator = Callable[[Values], None]

NUMBER = "number"
BOOLEAN = "boolean"
MAX_SOURCE_LENGTH = 2000
MAX_NESTING = 60  # far beyond any sensible formula; keeps the compiler's recursion safe
DAY_NAME = "day"
# Every number a scenario writes, and every value a derived value comes to, stays within this:
# far beyond any meter, and far below where floats lose whole numbers or overflow.
LARGEST = 10**15
LARGEST_TEXT = "1,000,000,000,000,000"
# Derived values may read each other; these bound the work one formula may stand for, so a
# chain that doubles at every step (2**40 calls) or runs a thousand deep is refused at load.
MAX_STEPS = 100_000
MAX_DEPTH = 200
# ... and the work of all of a scenario's formulas together: 300 conditions each just under
# MAX_STEPS made one simulated game take a minute and more.
MAX_TOTAL_STEPS = 250_000
FUNCTIONS = {"min": (2, None), "max": (2, None), "abs": (1, 1), "round": (1, 1), "floor": (1, 1), "ceil": (1, 1)}


@dataclass(frozen=True, slots=True)
class NameSpace:
    """What names an expression may use, resolved to positions in the value vector."""

    variables: Mapping[str, int]  # id -> slot
    bounds: Mapping[str, tuple[float, float]]  # id -> (min, max), for clamping assignments
    flags: Mapping[str, int]  # id -> slot
    derived: Mapping[str, Evaluator]
    day_slot: int
    # derived id -> (steps, depth): how much work reading it costs, for refusing blow-ups at load
    derived_measures: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    # Compiled closures by source text: scenarios repeat their formulas a great deal, and a
    # closure depends only on the names, so each distinct text is compiled once per load.
    compiled: dict = field(default_factory=dict, compare=False, repr=False)
    # The steps of every formula compiled here that reads derived values, with the place of the
    # heaviest: a budget for the whole scenario (see MAX_TOTAL_STEPS and ``work_problem``).
    work: Work = field(default_factory=lambda: Work(), compare=False, repr=False)


@dataclass(slots=True)
class Work:
    """What reading derived values costs across a whole scenario, added up as formulas are compiled."""

    steps: int = 0
    heaviest: tuple[int, Location | None] = (0, None)
    refused_one: bool = False  # a formula over its own limit is reported there; the sum would only repeat it

    def add(self, steps: int, location: Location) -> None:
        if steps <= 1:
            return
        self.steps += steps
        if steps > self.heaviest[0]:
            self.heaviest = (steps, location)

    def problem(self) -> tuple[Location, str] | None:
        """Where to report a scenario whose formulas together would stand for too much work, and why."""
        steps, location = self.heaviest
        if self.steps <= MAX_TOTAL_STEPS or location is None or self.refused_one:
            return None
        return location, (f"the scenario's formulas read derived values that read each other so often that "
                          f"working them all out once would take {self.steps:,} steps (the limit is "
                          f"{MAX_TOTAL_STEPS:,}); this one alone takes {steps:,}: compute it from the variables")


# The compiled values below are named tuples, not dataclasses: a large scenario makes hundreds
# of thousands of them while loading, and a tuple is the cheapest immutable value to create.
class Condition(NamedTuple):
    source: str
    location: Location
    test: Evaluator
    reads: frozenset[str]


class NumberExpression(NamedTuple):
    source: str
    location: Location
    value: Evaluator
    reads: frozenset[str]
    constant: float | None  # the value when the expression uses no names
    measure: tuple[int, int] = (1, 1)  # (steps, depth) of one evaluation, derived values it reads included


class Effect(NamedTuple):
    source: str
    location: Location
    apply: Mutator
    reads: frozenset[str]
    writes: frozenset[str]  # variable ids and "flags.<id>" names it assigns


class _Invalid(Exception):
    def __init__(self, node: ast.AST | None, message: str):
        self.node = node
        self.message = message


def parse_condition(source: object, location: Location, names: NameSpace, diagnostics: Diagnostics) -> Condition | None:
    compiled = _compile_source(source, location, names, diagnostics, BOOLEAN, "condition")
    if compiled is None:
        return None
    function, reads, _, _ = compiled
    return Condition(str(source), location, function, reads)


def parse_number(source: object, location: Location, names: NameSpace, diagnostics: Diagnostics) -> NumberExpression | None:
    compiled = _compile_source(source, location, names, diagnostics, NUMBER, "number")
    if compiled is None:
        return None
    function, reads, constant, measure = compiled
    return NumberExpression(str(source), location, function, reads, constant, measure)


def parse_effects(source: object, location: Location, names: NameSpace, diagnostics: Diagnostics) -> Effect | None:
    """Compile ``a += 1; flags.b = true`` (one string) into one mutator of the value vector."""
    if isinstance(source, bool) or not isinstance(source, str):
        diagnostics.error(location, f"an effect must be text such as 'tension += 5', not {_describe(source)}")
        return None
    cached = names.compiled.get((source, "effect"))
    if cached is not None:
        apply, reads, writes, cached_steps = cached
        names.work.add(cached_steps, location)
        return Effect(source, location, apply, reads, writes)
    if len(source) > MAX_SOURCE_LENGTH:
        diagnostics.error(location, f"the effect is longer than {MAX_SOURCE_LENGTH} characters")
        return None
    tree = _parse(source, location, "exec", diagnostics)
    if tree is None:
        return None
    assert isinstance(tree, ast.Module)  # what "exec" mode parses to
    compiler = _Compiler(names)
    steps: list[Mutator] = []
    ok = True
    for statement in tree.body:
        try:
            steps.append(compiler.statement(statement))
        except _Invalid as problem:
            _report(problem, source, location, diagnostics)
            ok = False
    if not ok:
        return None
    if not steps:
        diagnostics.error(location, "the effect is empty")
        return None
    steps_taken = 1
    if names.derived_measures and not names.derived_measures.keys().isdisjoint(compiler.reads):
        measure = _measure(tree, names.derived_measures)
        unfit = _measure_problem(measure)
        if unfit:
            diagnostics.error(location, unfit)
            names.work.refused_one = True
            return None
        steps_taken = measure[0]
        names.work.add(steps_taken, location)
    if len(steps) == 1:
        apply = steps[0]
    else:
        sequence = tuple(steps)

        def apply(values: Values) -> None:
            for step in sequence:
                step(values)

    reads, writes = frozenset(compiler.reads), frozenset(compiler.writes)
    names.compiled[(source, "effect")] = (apply, reads, writes, steps_taken)
    return Effect(source, location, apply, reads, writes)


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _compile_source(source, location, names, diagnostics, want, what):
    if isinstance(source, bool):
        if want == BOOLEAN:
            return (lambda values, result=source: result), frozenset(), None, (1, 1)
        diagnostics.error(location, f"expected a number or a formula, not {_describe(source)}")
        return None
    if isinstance(source, (int, float)):
        if want == NUMBER:
            problem = number_problem(source)
            if problem:
                diagnostics.error(location, problem)
                return None
            number = source
            return (lambda values: number), frozenset(), number, (1, 1)
        diagnostics.error(location, f"expected a condition such as 'tension >= 50', not {_describe(source)}")
        return None
    if not isinstance(source, str):
        diagnostics.error(location, f"expected a {what} written as text, not {_describe(source)}")
        return None
    cached = names.compiled.get((source, want))
    if cached is not None:
        names.work.add(cached[3][0], location)
        return cached
    if len(source) > MAX_SOURCE_LENGTH:
        diagnostics.error(location, f"the {what} is longer than {MAX_SOURCE_LENGTH} characters")
        return None
    tree = _parse(source, location, "eval", diagnostics)
    if tree is None:
        return None
    assert isinstance(tree, ast.Expression)  # what "eval" mode parses to
    compiler = _Compiler(names)
    try:
        function, kind = compiler.expression(tree.body)
        if kind != want:
            raise _Invalid(tree.body, f"this {what} gives a {kind}, but a {want} is needed" + (
                " (compare it, e.g. 'tension >= 50')" if want == BOOLEAN else ""))
    except _Invalid as problem:
        _report(problem, source, location, diagnostics)
        return None
    reads = frozenset(compiler.reads)
    measure = (1, 1)
    if names.derived_measures and not reads.isdisjoint(names.derived_measures):
        measure = _measure(tree.body, names.derived_measures)
        unfit = _measure_problem(measure)
        if unfit:
            diagnostics.error(location, unfit)
            names.work.refused_one = True
            return None
        names.work.add(measure[0], location)
    constant = compiler_constant(tree.body) if want == NUMBER else None
    result = names.compiled[(source, want)] = (function, reads, constant, measure)
    return result


def number_problem(value: object) -> str | None:
    """Why a number written in a scenario cannot be used, or None: not finite, or too large."""
    if isinstance(value, float) and not math.isfinite(value):
        return f"{_short(value)} is not a usable number; numbers stay within \u00b1{LARGEST_TEXT}"
    if isinstance(value, (int, float)) and not -LARGEST <= value <= LARGEST:
        return f"the number {_short(value)} is too large; numbers stay within \u00b1{LARGEST_TEXT}"
    return None


def _short(value: object) -> str:
    """A number as a message can quote it: a 1,500-digit constant as its first digits and its length."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**20:
        digits = len(str(abs(value))) if abs(value) < 10**4000 else 4000
        return f"{str(value)[:12]}\u2026 ({digits} digits)"
    if isinstance(value, float) and value != value:
        return "NaN"
    if isinstance(value, float) and math.isinf(value):
        return "infinity" if value > 0 else "minus infinity"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _measure(node: ast.AST, derived: Mapping[str, tuple[int, int]]) -> tuple[int, int]:
    """(steps, depth) of evaluating a tree, each derived value counted at its own full measure."""
    if isinstance(node, ast.Name) and node.id in derived:
        steps, depth = derived[node.id]
        return steps, depth + 1
    steps, depth = 1, 0
    for child in ast.iter_child_nodes(node):
        child_steps, child_depth = _measure(child, derived)
        steps += child_steps
        depth = max(depth, child_depth)
    return steps, depth + 1


def _measure_problem(measure: tuple[int, int]) -> str | None:
    steps, depth = measure
    if steps > MAX_STEPS:
        return (f"this formula reads derived values that read each other over and over: working it out "
                f"would take {steps:,} steps (the limit is {MAX_STEPS:,}); compute it from the variables")
    if depth > MAX_DEPTH:
        return (f"this formula reads a chain of derived values {depth} levels deep (the limit is {MAX_DEPTH}); "
                f"compute it from fewer steps")
    return None


def measure_of_levels(source_measure: tuple[int, int]) -> tuple[int, int]:
    """A derived value by levels costs its 'from' formula and one more step."""
    return source_measure[0] + 1, source_measure[1] + 1


def checked_derived(evaluate: Evaluator, derived_id: str, location: Location) -> Evaluator:
    """A derived value's formula, refusing at run time a result that is not a number in range.

    NaN would slip past every comparison and into saves as bare ``NaN``; a huge result would
    overflow the next formula that reads it. Either stops the rules with a located error.
    """
    def derived_value(values: Sequence[Any]) -> Any:
        result = evaluate(values)
        if -LARGEST <= result <= LARGEST:
            return result
        raise FormulaError(location, f"the derived value '{derived_id}' came to {_short(result)} in this game; "
                                     f"a value must be a number within \u00b1{LARGEST_TEXT}")

    return derived_value


def compiler_constant(node: ast.AST) -> float | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = compiler_constant(node.operand)
        return None if inner is None else -inner
    return None


def _parse(source: str, location: Location, mode: str, diagnostics: Diagnostics) -> ast.AST | None:
    # Python's parser is a means, not the language: newlines in a condition would be legal in
    # YAML block text, so they are joined, and tabs are counted as one column like editors do.
    text = " ".join(source.splitlines()) if mode == "eval" else source
    try:
        tree = ast.parse(text.strip() if mode == "eval" else text, mode=mode)
    except SyntaxError as error:
        column = (error.offset or 1) - 1
        message = (error.msg or "invalid syntax").replace("invalid syntax. Perhaps you forgot a comma?", "invalid syntax")
        if "Exceeds the limit" in message:  # Python's own advice about huge integers is no help here
            message = f"a number is far too long; numbers stay within \u00b1{LARGEST_TEXT}"
        quoted = source.strip()
        quoted = quoted if len(quoted) <= 80 else quoted[:77] + "..."
        diagnostics.error(location.shifted(max(column, 0)), f"syntax error in '{quoted}': {message}")
        return None
    except (RecursionError, MemoryError, ValueError):
        diagnostics.error(location, "the expression is too deeply nested or malformed")
        return None
    # Only a long text can nest deeply enough to matter; the check walks the whole tree.
    if len(text) > MAX_NESTING * 2 and _nesting(tree) > MAX_NESTING:
        diagnostics.error(location, f"the expression is nested more than {MAX_NESTING} levels deep; split it up")
        return None
    return tree


def _nesting(tree: ast.AST) -> int:
    """The depth of a syntax tree, measured without recursion."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return deepest


def _report(problem: _Invalid, source: str, location: Location, diagnostics: Diagnostics) -> None:
    node = problem.node
    column = getattr(node, "col_offset", 0) if node is not None else 0
    line = getattr(node, "lineno", 1) if node is not None else 1
    if line > 1:
        where = Location(location.path, location.line + line - 1, column + 1)
    else:
        where = location.shifted(column)
    diagnostics.error(where, problem.message)


_COMPARE = {
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
}


def _slot_versus_constant(op: type, slot: int, constant: float) -> Evaluator:
    """Specialised closures for the commonest condition, 'name OP number': one call, no dispatch."""
    if op is ast.GtE:
        return lambda v: v[slot] >= constant
    if op is ast.Gt:
        return lambda v: v[slot] > constant
    if op is ast.LtE:
        return lambda v: v[slot] <= constant
    if op is ast.Lt:
        return lambda v: v[slot] < constant
    if op is ast.Eq:
        return lambda v: v[slot] == constant
    return lambda v: v[slot] != constant


def _flag_run(run: Sequence[tuple[int, bool, Evaluator]], conjunction: bool) -> list[Evaluator]:
    """One evaluator for neighbouring flag literals (slot, the value that makes it true, its own
    compiled test) of an 'and' (all as wanted) or an 'or' (not all the other way); flags hold
    True or False, so a tuple comparison decides it. A lone literal keeps its own test."""
    if len(run) < 2:
        return [test for _, _, test in run]
    read = itemgetter(*(slot for slot, _, _ in run))
    if conjunction:
        pattern = tuple(wanted for _, wanted, _ in run)
        return [lambda v: read(v) == pattern]
    opposite = tuple(not wanted for _, wanted, _ in run)
    return [lambda v: read(v) != opposite]


def _chain(parts: Sequence[Evaluator], conjunction: bool) -> Evaluator:
    """'a and b and c' as nested two-part closures (no generator per call), first part outermost."""
    combined = parts[-1]
    for part in reversed(parts[:-1]):
        combined = _both(part, combined) if conjunction else _either(part, combined)
    return combined


def _both(first: Evaluator, rest: Evaluator) -> Evaluator:
    return lambda v: first(v) and rest(v)


def _either(first: Evaluator, rest: Evaluator) -> Evaluator:
    return lambda v: first(v) or rest(v)


def _multiply(a, b):
    result = a * b
    # Whole numbers in Python grow without end; past 2**53 the game carries on in floats, which
    # saturate at infinity instead of growing until memory runs out.
    if result.__class__ is int and not -_BIG_INT <= result <= _BIG_INT:
        return float(result)
    return result


_BIG_INT = 2**53

_ARITHMETIC = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: _multiply,
    ast.Div: lambda a, b: a / b if b else 0.0,  # a scenario must never crash the game
    ast.FloorDiv: lambda a, b: a // b if b else 0,
    ast.Mod: lambda a, b: a % b if b else 0,
}


def _rounding(function: Callable[[float], int]) -> Callable[[float], float]:
    """round/floor/ceil that leave infinity and NaN as they are (Python raises) and keep results small."""
    def rounded(x):
        try:
            result = function(x)
        except (OverflowError, ValueError):
            return x  # caught where it would enter the game: an assignment or a derived value
        return result if -_BIG_INT <= result <= _BIG_INT else float(result)

    return rounded


_CALLS: dict[str, Callable[..., float]] = {
    "min": min,
    "max": max,
    "abs": abs,
    "round": _rounding(round),
    "floor": _rounding(math.floor),
    "ceil": _rounding(math.ceil),
}


class _Compiler:
    """Turns a checked syntax tree into closures; raises _Invalid for anything outside the language."""

    def __init__(self, names: NameSpace):
        self.names = names
        self.reads: set[str] = set()
        self.writes: set[str] = set()

    # --- expressions ------------------------------------------------------------------------
    def expression(self, node: ast.AST) -> tuple[Evaluator, str]:
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            raise _Invalid(node, f"'{_snippet(node)}' is not allowed here; use names, numbers, "
                                 "comparisons, and/or/not, + - * / and min/max/abs/round")
        return method(node)

    def number(self, node: ast.AST) -> Evaluator:
        function, kind = self.expression(node)
        if kind != NUMBER:
            raise _Invalid(node, f"'{_snippet(node)}' is true/false, but a number is needed here")
        return function

    def boolean(self, node: ast.AST) -> Evaluator:
        function, kind = self.expression(node)
        if kind != BOOLEAN:
            raise _Invalid(node, f"'{_snippet(node)}' is a number, but a condition is needed here "
                                 "(compare it, e.g. 'tension >= 50')")
        return function

    def _Constant(self, node: ast.Constant):
        value = node.value
        if isinstance(value, bool):
            return (lambda v: value), BOOLEAN
        if isinstance(value, (int, float)) and not isinstance(value, complex):
            problem = number_problem(value)
            if problem:
                raise _Invalid(node, problem)
            return (lambda v: value), NUMBER
        raise _Invalid(node, f"{value!r} is not allowed: only numbers and true/false are values")

    def _Name(self, node: ast.Name):
        name = node.id
        if name in ("true", "True"):
            return (lambda v: True), BOOLEAN
        if name in ("false", "False"):
            return (lambda v: False), BOOLEAN
        self.reads.add(name)
        slot = self.names.variables.get(name)
        if slot is not None:
            return (lambda v: v[slot]), NUMBER
        derived = self.names.derived.get(name)
        if derived is not None:
            return derived, NUMBER
        if name == DAY_NAME:
            day = self.names.day_slot
            return (lambda v: v[day]), NUMBER
        if name in self.names.flags:
            raise _Invalid(node, f"'{name}' is a flag: write 'flags.{name}'")
        known = list(self.names.variables) + list(self.names.derived) + [DAY_NAME]
        raise _Invalid(node, f"unknown name '{name}'{did_you_mean(name, known)}")

    def _Attribute(self, node: ast.Attribute):
        if isinstance(node.value, ast.Name) and node.value.id == "flags":
            slot = self.names.flags.get(node.attr)
            if slot is None:
                raise _Invalid(node, f"unknown flag '{node.attr}'{_flag_hint(node.attr, self.names.flags)}")
            self.reads.add("flags." + node.attr)
            return (lambda v: v[slot]), BOOLEAN
        raise _Invalid(node, f"'{_snippet(node)}' is not a name the game knows; flags are written 'flags.name'")

    def _BoolOp(self, node: ast.BoolOp):
        conjunction = isinstance(node.op, ast.And)
        parts = [self.boolean(value) for value in node.values]  # checks every part and notes its reads
        # A run of plain flags ('flags.a and not flags.b and ...', the usual 'requires' of a choice)
        # is read in one C call and compared with the pattern that decides it: the legal choices
        # are tested in every step of every playout the strategist and the estimates look ahead.
        # Only neighbours are merged, so the order of evaluation (and which part can fail) is kept.
        groups: list[Evaluator] = []
        run: list[tuple[int, bool, Evaluator]] = []
        for value, part in zip(node.values, parts):
            literal = self._flag_literal(value)
            if literal is not None:
                run.append((*literal, part))
                continue
            groups.extend(_flag_run(run, conjunction))
            run = []
            groups.append(part)
        groups.extend(_flag_run(run, conjunction))
        return _chain(groups, conjunction), BOOLEAN

    def _flag_literal(self, node: ast.AST) -> tuple[int, bool] | None:
        """(slot, the value that makes it true) for 'flags.x' or 'not flags.x', else None."""
        wanted = True
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            node, wanted = node.operand, False
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id == "flags" and node.attr in self.names.flags):
            return self.names.flags[node.attr], wanted
        return None

    def _UnaryOp(self, node: ast.UnaryOp):
        if isinstance(node.op, ast.Not):
            inner = self.boolean(node.operand)
            return (lambda v: not inner(v)), BOOLEAN
        if isinstance(node.op, (ast.USub, ast.UAdd)):
            inner = self.number(node.operand)
            if isinstance(node.op, ast.UAdd):
                return inner, NUMBER
            return (lambda v: -inner(v)), NUMBER
        raise _Invalid(node, f"the operator in '{_snippet(node)}' is not allowed")

    def _BinOp(self, node: ast.BinOp):
        operation = _ARITHMETIC.get(type(node.op))
        if operation is None:
            raise _Invalid(node, f"the operator in '{_snippet(node)}' is not allowed; use + - * / // %")
        left, right = self.number(node.left), self.number(node.right)
        return (lambda v: operation(left(v), right(v))), NUMBER

    def _Compare(self, node: ast.Compare):
        operands = [node.left, *node.comparators]
        tests = []
        for op, left_node, right_node in zip(node.ops, operands, operands[1:]):
            compare = _COMPARE.get(type(op))
            if compare is None:
                raise _Invalid(node, f"'{_snippet(node)}' uses a comparison that is not allowed; use < <= > >= == !=")
            left, left_kind = self.expression(left_node)
            right, right_kind = self.expression(right_node)
            if left_kind != right_kind:
                raise _Invalid(node, f"'{_snippet(node)}' compares a {left_kind} with a {right_kind}")
            if left_kind == BOOLEAN and type(op) not in (ast.Eq, ast.NotEq):
                raise _Invalid(node, f"'{_snippet(node)}' orders true/false values; only == and != apply to them")
            tests.append(self._comparison(type(op), compare, left_node, left, right_node, right))
        if len(tests) == 1:
            return tests[0], BOOLEAN
        return _chain(tests, True), BOOLEAN

    def _comparison(self, op, compare, left_node, left, right_node, right) -> Evaluator:
        slot = self._plain_slot(left_node)
        constant = compiler_constant(right_node)
        if slot is not None and constant is not None:
            return _slot_versus_constant(op, slot, constant)
        return lambda v: compare(left(v), right(v))

    def _plain_slot(self, node: ast.AST) -> int | None:
        if isinstance(node, ast.Name):
            return self.names.variables.get(node.id)
        return None

    def _IfExp(self, node: ast.IfExp):
        test = self.boolean(node.test)
        body, body_kind = self.expression(node.body)
        other, other_kind = self.expression(node.orelse)
        if body_kind != other_kind:
            raise _Invalid(node, f"both branches of '{_snippet(node)}' must be of one kind")
        return (lambda v: body(v) if test(v) else other(v)), body_kind

    def _Call(self, node: ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in _CALLS:
            name = node.func.id if isinstance(node.func, ast.Name) else _snippet(node.func)
            raise _Invalid(node, f"unknown function '{name}'{did_you_mean(str(name), _CALLS)}")
        if node.keywords:
            raise _Invalid(node, f"'{node.func.id}' takes no named arguments")
        least, most = FUNCTIONS[node.func.id]
        count = len(node.args)
        if count < least or (most is not None and count > most):
            wanted = f"{least}" if least == most else f"at least {least}"
            raise _Invalid(node, f"'{node.func.id}' takes {wanted} argument{'s' if least > 1 else ''}, not {count}")
        arguments = tuple(self.number(argument) for argument in node.args)
        function = _CALLS[node.func.id]
        if count == 1:
            (only,) = arguments
            return (lambda v: function(only(v))), NUMBER
        if count == 2:
            a, b = arguments
            return (lambda v: function(a(v), b(v))), NUMBER
        return (lambda v: function(*(argument(v) for argument in arguments))), NUMBER

    # --- statements -------------------------------------------------------------------------
    def statement(self, node: ast.stmt) -> Mutator:
        if isinstance(node, ast.Assign):
            if len(node.targets) != 1:
                raise _Invalid(node, "assign one name at a time")
            return self._assign(node.targets[0], node.value, None)
        if isinstance(node, ast.AugAssign):
            operation = _ARITHMETIC.get(type(node.op))
            if operation is None:
                raise _Invalid(node, "only += -= *= /= //= %= are allowed")
            return self._assign(node.target, node.value, operation)
        if isinstance(node, ast.Expr):
            raise _Invalid(node, f"'{_snippet(node)}' does nothing; an effect assigns, e.g. 'tension += 5'")
        raise _Invalid(node, f"'{_snippet(node)}' is not an effect; write e.g. 'tension += 5' or 'flags.blockade = true'")

    def _assign(self, target: ast.AST, value_node: ast.AST, operation) -> Mutator:
        if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "flags":
            slot = self.names.flags.get(target.attr)
            if slot is None:
                raise _Invalid(target, f"unknown flag '{target.attr}'{_flag_hint(target.attr, self.names.flags)}")
            if operation is not None:
                raise _Invalid(target, "a flag is set with '=', e.g. 'flags.blockade = true'")
            self.writes.add("flags." + target.attr)
            value = self.boolean(value_node)
            flag_slot = slot  # 'slot' is reused below, so the closure keeps its own

            def set_flag(v: Values) -> None:
                v[flag_slot] = value(v)

            return set_flag
        if not isinstance(target, ast.Name):
            raise _Invalid(target, f"cannot assign to '{_snippet(target)}'")
        name = target.id
        slot = self.names.variables.get(name)
        if slot is None:
            if name in self.names.derived or name == DAY_NAME:
                raise _Invalid(target, f"'{name}' is computed by the game and cannot be assigned")
            if name in self.names.flags:
                raise _Invalid(target, f"'{name}' is a flag: write 'flags.{name} = true'")
            raise _Invalid(target, f"unknown variable '{name}'{did_you_mean(name, self.names.variables)}")
        self.writes.add(name)
        low, high = self.names.bounds[name]
        amount = self.number(value_node)
        constant = compiler_constant(value_node)
        if operation is None:
            def assign(v: Values) -> None:
                result = amount(v)
                v[slot] = result if low <= result <= high else _clamped(result, low, high, name)
            return assign
        if operation is _ARITHMETIC[ast.Add] and constant is not None:
            def add_constant(v: Values) -> None:
                result = v[slot] + constant
                v[slot] = low if result < low else high if result > high else result
            return add_constant

        def update(v: Values) -> None:
            result = operation(v[slot], amount(v))
            v[slot] = result if low <= result <= high else _clamped(result, low, high, name)

        return update


def _clamped(result, low, high, name: str):
    """A result outside the bounds, brought back to them; NaN, which is on neither side, stops the day.

    The error has no place yet: closures are shared by every place with the same text, and the
    engine adds the place of the effect that ran (``resolve.run_effects``).
    """
    if result < low:
        return low
    if result > high:
        return high
    raise FormulaError(None, f"this effect gave '{name}' a value that is not a number (NaN) in this game; "
                              "the game cannot go on with it (look for infinity minus infinity, or 0 times infinity)")


def _flag_hint(name: str, flags: Mapping[str, int]) -> str:
    if not flags:
        return "; this scenario declares no flags: add it under 'flags:'"
    return did_you_mean(name, flags)


def _snippet(node: ast.AST) -> str:
    try:
        text = ast.unparse(node)
    except Exception:  # unparse of a partial tree; the message still needs something
        text = type(node).__name__
    return text if len(text) <= 60 else text[:57] + "..."
