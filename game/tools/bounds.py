"""What a formula can come to, given the bounds of the names it reads: interval analysis.

``brink validate`` uses this to warn about a condition that can never be true (``tension >= 120``
when tension stops at 100) or an ending no state can reach. Formulas are re-parsed from their
source text with ``ast`` (parsing only; nothing is evaluated as code) and walked over ranges
instead of values: a number is an interval ``(low, high)``, a condition the set of truth values
it can take. The analysis is sound but not complete: "can never be true" is said only when it
is certain; a condition it cannot decide counts as possible.

A name's range starts from what the file declares and is narrowed where that is certain:
a variable no effect changes stays at its initial value; one only ever raised by constants
never falls below it (and the other way round); a flag nothing sets keeps its initial value.
Inside ``a and b``, comparisons of a name with a number narrow the name for what follows.
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass, field, replace
from typing import TypeGuard
from collections.abc import Callable, Iterable, Mapping

from game.scenario.expr import Effect
from game.scenario.model import Scenario
from game.tools.inventory import every_effect

Interval = tuple[float, float]
Truth = frozenset
TRUE: Truth = frozenset({True})
FALSE: Truth = frozenset({False})
BOTH: Truth = frozenset({False, True})
ANYTHING: Interval = (-math.inf, math.inf)
DAY = "day"


@dataclass(frozen=True)
class Ranges:
    """The range of every name a formula may read: variables, derived values, the day, flags."""

    numbers: Mapping[str, Interval]
    flags: Mapping[str, Truth]
    derived_sources: Mapping[str, str] = field(default_factory=dict)  # id -> the formula it reads

    def on_day(self, day_number: int) -> Ranges:
        """The same ranges on one known day (a day's own choices are only offered that day)."""
        return replace(self, numbers={**self.numbers, DAY: (day_number, day_number)})

    def describe(self, names: set[str] | frozenset[str]) -> str:
        """'tension is 0..100, flags.deal is false': the ranges behind a verdict, for messages."""
        parts = []
        for name in sorted(names):
            if name.startswith("flags."):
                truth = self.flags.get(name[6:], BOTH)
                parts.append(f"{name} is " + ("true or false" if truth == BOTH else str(True in truth).lower()))
            elif name in self.numbers:
                low, high = self.numbers[name]
                parts.append(f"{name} is {_number(low)}" if low == high else f"{name} is {_number(low)}..{_number(high)}")
        return ", ".join(parts)


def _number(value: float) -> str:
    if math.isinf(value):
        return "-inf" if value < 0 else "inf"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# --- the ranges of a scenario ------------------------------------------------------------------
def scenario_ranges(scenario: Scenario) -> Ranges:
    """Each variable's and flag's range over a whole game, then each derived value's from them."""
    steps = _written_steps(scenario)
    numbers: dict[str, Interval] = {}
    for variable in scenario.variables.values():
        low, high = variable.minimum, variable.maximum
        kinds = steps.get(variable.id)
        if kinds is None:  # nothing changes it
            low = high = variable.initial
        elif kinds <= {"up"}:
            low = variable.initial
        elif kinds <= {"down"}:
            high = variable.initial
        numbers[variable.id] = (low, high)
    numbers[DAY] = (1, max(len(scenario.days), 1))
    flags: dict[str, Truth] = {}
    for flag in scenario.flags.values():
        set_to = steps.get("flags." + flag.id, set())
        values = {flag.initial}
        values.update(True if kind == "true" else False for kind in set_to if kind in ("true", "false"))
        if set_to - {"true", "false"}:
            values = {False, True}
        flags[flag.id] = frozenset(values)
    ranges = Ranges(numbers, flags)
    sources: dict[str, str] = {}
    for derived_id, spec in _derived_specs(scenario).items():
        numbers[derived_id], sources[derived_id] = _derived_range(spec, ranges)
    for derived_id in scenario.derived:
        numbers.setdefault(derived_id, ANYTHING)
    return Ranges(numbers, flags, sources)


def _written_steps(scenario: Scenario) -> dict[str, set[str]]:
    return effect_steps(every_effect(scenario))


def effect_steps(effects: Iterable[Effect]) -> dict[str, set[str]]:
    """Name -> how the effects change it: 'up'/'down' by a constant, 'true'/'false', or 'any'."""
    steps: dict[str, set[str]] = {}
    for effect in effects:
        try:
            statements = ast.parse(effect.source, mode="exec").body
        except (SyntaxError, ValueError, RecursionError):
            for name in effect.writes:
                steps.setdefault(name, set()).add("any")
            continue
        for statement in statements:
            written, kind = _step(statement)
            if written is not None:
                steps.setdefault(written, set()).add(kind)
    return steps


def _step(statement: ast.stmt) -> tuple[str | None, str]:
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target, value = statement.targets[0], statement.value
        if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "flags":
            constant = _truth_constant(value)
            return "flags." + target.attr, ("any" if constant is None else str(constant).lower())
        if isinstance(target, ast.Name):
            return target.id, "any"
    if isinstance(statement, ast.AugAssign) and isinstance(statement.target, ast.Name):
        amount = number_constant(statement.value)
        if amount is not None and isinstance(statement.op, (ast.Add, ast.Sub)):
            if isinstance(statement.op, ast.Sub):
                amount = -amount
            return statement.target.id, ("up" if amount >= 0 else "down")
        return statement.target.id, "any"
    return None, "any"


def number_constant(node: ast.AST) -> float | None:
    """The number a literal such as 5 or -2.5 stands for; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return _float(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        inner = number_constant(node.operand)
        return None if inner is None else (-inner if isinstance(node.op, ast.USub) else inner)
    return None


def _float(value: int | float) -> float:
    """A literal as a float; a whole number too large for one is infinitely large, as far as ranges go."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def _truth_constant(node: ast.AST) -> bool | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.Name) and node.id in ("true", "True", "false", "False"):
        return node.id in ("true", "True")
    return None


def _derived_specs(scenario: Scenario) -> dict[str, Mapping]:
    return {derived.id: derived.spec for derived in scenario.derived.values()}


def _derived_range(spec: Mapping, ranges: Ranges) -> tuple[Interval, str]:
    """A derived value's range: its formula's, or the levels its source can reach."""
    if "formula" in spec:
        source = str(spec["formula"])
        return interval(source, ranges), source
    source = str(spec.get("from", ""))
    low, high = interval(source, ranges)
    raw_levels = [(level.get("at_least"), level.get("value")) for level in spec.get("levels") or []
                  if isinstance(level, dict)]
    levels = [(_float(t), _float(v)) for t, v in raw_levels if _is_number(t) and _is_number(v)]
    otherwise = spec.get("otherwise", 0)
    possible = []
    ceiling = math.inf  # levels are listed from the highest threshold down; each covers [at_least, ceiling)
    for threshold, value in levels:
        if threshold < ceiling and high >= threshold and low < ceiling:
            possible.append(value)
        ceiling = min(ceiling, threshold)
    if low < ceiling and _is_number(otherwise):
        possible.append(_float(otherwise))
    if not possible:
        return ANYTHING, source
    return (min(possible), max(possible)), source


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# --- evaluation over ranges --------------------------------------------------------------------
def truth(source: str, ranges: Ranges) -> Truth:
    """The truth values a condition can take; ``BOTH`` when it cannot be analysed."""
    tree = _parse(source)
    if tree is None:
        return BOTH
    result = _Walker(ranges).value(tree)
    return result if isinstance(result, frozenset) else BOTH


def interval(source: str, ranges: Ranges) -> Interval:
    """The interval a number formula stays in; everything when it cannot be analysed."""
    tree = _parse(source)
    if tree is None:
        return ANYTHING
    result = _Walker(ranges).value(tree)
    return result if isinstance(result, tuple) else ANYTHING


def can_be_true(source: str, ranges: Ranges) -> bool:
    return True in truth(source, ranges)


def _parse(source: str) -> ast.AST | None:
    text = " ".join(str(source).splitlines()).strip()
    try:
        return ast.parse(text, mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


class _Walker:
    """Walks a formula's tree over ranges; ``value`` gives an Interval or a Truth set."""

    def __init__(self, ranges: Ranges):
        self.numbers = dict(ranges.numbers)
        self.flags = dict(ranges.flags)

    def value(self, node: ast.AST):
        try:
            method = getattr(self, "_" + type(node).__name__, None)
            return method(node) if method is not None else None
        except RecursionError:
            return None

    def number(self, node: ast.AST) -> Interval:
        result = self.value(node)
        return result if isinstance(result, tuple) else ANYTHING

    def boolean(self, node: ast.AST) -> Truth:
        result = self.value(node)
        return result if isinstance(result, frozenset) else BOTH

    def _Constant(self, node: ast.Constant):
        if isinstance(node.value, bool):
            return frozenset({node.value})
        if isinstance(node.value, (int, float)):
            return (_float(node.value), _float(node.value))
        return None

    def _Name(self, node: ast.Name):
        if node.id in ("true", "True"):
            return TRUE
        if node.id in ("false", "False"):
            return FALSE
        return self.numbers.get(node.id, ANYTHING)

    def _Attribute(self, node: ast.Attribute):
        if isinstance(node.value, ast.Name) and node.value.id == "flags":
            return self.flags.get(node.attr, BOTH)
        return None

    def _UnaryOp(self, node: ast.UnaryOp):
        if isinstance(node.op, ast.Not):
            return frozenset(not value for value in self.boolean(node.operand))
        low, high = self.number(node.operand)
        return (-high, -low) if isinstance(node.op, ast.USub) else (low, high)

    def _BoolOp(self, node: ast.BoolOp):
        if isinstance(node.op, ast.Or):
            result: set[bool] = set()
            for operand in node.values:
                result |= self.boolean(operand)
            return frozenset(result)
        # 'and': each operand is read where the ones before it held, so they narrow its ranges
        saved = (dict(self.numbers), dict(self.flags))
        can_be_false = False
        can_be_true = True
        for operand in node.values:
            here = self.boolean(operand)
            can_be_false = can_be_false or False in here
            if True not in here or not self.narrow(operand):
                can_be_true = False
                break
        self.numbers, self.flags = saved
        return frozenset(value for value, possible in ((True, can_be_true), (False, can_be_false)) if possible)

    def _BinOp(self, node: ast.BinOp):
        a, b = self.number(node.left), self.number(node.right)
        op = node.op
        if isinstance(op, ast.Add):
            return (a[0] + b[0], a[1] + b[1])
        if isinstance(op, ast.Sub):
            return (a[0] - b[1], a[1] - b[0])
        if isinstance(op, ast.Mult):
            return _hull(_times(x, y) for x in a for y in b)
        if isinstance(op, (ast.Div, ast.FloorDiv)):
            return _divide(a, b, floor=isinstance(op, ast.FloorDiv))
        if isinstance(op, ast.Mod):
            if b == (0.0, 0.0):
                return (0.0, 0.0)  # the game's rule: a % 0 is 0
            return (min(b[0], 0.0), max(b[1], 0.0))
        return ANYTHING

    def _Compare(self, node: ast.Compare):
        operands = [node.left, *node.comparators]
        can_be_true, can_be_false = True, False
        for op, left, right in zip(node.ops, operands, operands[1:]):
            here = self._compare(op, self.value(left), self.value(right))
            can_be_false = can_be_false or False in here
            can_be_true = can_be_true and True in here
        return frozenset(value for value, possible in ((True, can_be_true), (False, can_be_false)) if possible)

    def _compare(self, op: ast.cmpop, a, b) -> Truth:
        if isinstance(a, frozenset) and isinstance(b, frozenset):
            equal = {x == y for x in a for y in b}
            if isinstance(op, ast.Eq):
                return frozenset(equal)
            if isinstance(op, ast.NotEq):
                return frozenset(not value for value in equal)
            return BOTH
        if not (isinstance(a, tuple) and isinstance(b, tuple)):
            return BOTH
        if isinstance(op, (ast.Gt, ast.GtE)):
            a, b = b, a
            op = ast.Lt() if isinstance(op, ast.Gt) else ast.LtE()
        if isinstance(op, ast.Lt):
            return _truths(a[0] < b[1], a[1] >= b[0])
        if isinstance(op, ast.LtE):
            return _truths(a[0] <= b[1], a[1] > b[0])
        overlap = a[0] <= b[1] and b[0] <= a[1]
        single = a[0] == a[1] == b[0] == b[1]
        if isinstance(op, ast.Eq):
            return _truths(overlap, not single)
        if isinstance(op, ast.NotEq):
            return _truths(not single, overlap)
        return BOTH

    def _IfExp(self, node: ast.IfExp):
        test = self.boolean(node.test)
        branches = [self.value(branch) for branch, taken in ((node.body, True in test), (node.orelse, False in test)) if taken]
        if all(isinstance(branch, frozenset) for branch in branches):
            return frozenset().union(*branches)
        if all(isinstance(branch, tuple) for branch in branches):
            return _hull(point for branch in branches for point in branch)
        return None

    def _Call(self, node: ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else ""
        arguments = [self.number(argument) for argument in node.args]
        if not arguments:
            return ANYTHING
        if name == "min":
            return (min(a[0] for a in arguments), min(a[1] for a in arguments))
        if name == "max":
            return (max(a[0] for a in arguments), max(a[1] for a in arguments))
        low, high = arguments[0]
        if name == "abs":
            if low >= 0:
                return (low, high)
            if high <= 0:
                return (-high, -low)
            return (0.0, max(-low, high))
        roundings: dict[str, Callable[[float], int]] = {"round": round, "floor": math.floor, "ceil": math.ceil}
        rounding = roundings.get(name)
        if rounding is not None:  # monotone, so the ends of the interval map to the ends
            return (_rounded(rounding, low), _rounded(rounding, high))
        return ANYTHING

    # --- narrowing ------------------------------------------------------------------------
    def narrow(self, node: ast.AST) -> bool:
        """Narrow the ranges to where ``node`` is true; False when that leaves nothing."""
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
            return all(self.narrow(operand) for operand in node.values)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "flags":
            return self._narrow_flag(node.attr, True)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            inner = node.operand
            if isinstance(inner, ast.Attribute) and isinstance(inner.value, ast.Name) and inner.value.id == "flags":
                return self._narrow_flag(inner.attr, False)
            return True
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            for op, left, right in zip(node.ops, operands, operands[1:]):
                if not self._narrow_comparison(op, left, right):
                    return False
        return True

    def _narrow_flag(self, name: str, wanted: bool) -> bool:
        remaining = self.flags.get(name, BOTH) & {wanted}
        self.flags[name] = frozenset(remaining)
        return bool(remaining)

    def _narrow_comparison(self, op: ast.cmpop, left: ast.AST, right: ast.AST) -> bool:
        mirrored = {ast.Lt: ast.Gt, ast.LtE: ast.GtE, ast.Gt: ast.Lt, ast.GtE: ast.LtE, ast.Eq: ast.Eq, ast.NotEq: ast.NotEq}
        ok = True
        for name_node, other, operator in ((left, right, type(op)), (right, left, mirrored[type(op)])):
            if not isinstance(name_node, ast.Name) or name_node.id not in self.numbers:
                continue
            bound = self.value(other)
            if not isinstance(bound, tuple):
                continue
            ok = self._narrow_name(name_node.id, operator, bound) and ok
        return ok

    def _narrow_name(self, name: str, operator: type, bound: Interval) -> bool:
        low, high = self.numbers[name]
        if operator in (ast.Gt, ast.GtE):
            if high < bound[0] or (operator is ast.Gt and high <= bound[0]):
                return False
            low = max(low, bound[0])
        elif operator in (ast.Lt, ast.LtE):
            if low > bound[1] or (operator is ast.Lt and low >= bound[1]):
                return False
            high = min(high, bound[1])
        elif operator is ast.Eq:
            low, high = max(low, bound[0]), min(high, bound[1])
            if low > high:
                return False
        self.numbers[name] = (low, high)
        return True


def _truths(can_be_true: bool, can_be_false: bool) -> Truth:
    return frozenset(value for value, possible in ((True, can_be_true), (False, can_be_false)) if possible)


def _times(x: float, y: float) -> float:
    if x == 0 or y == 0:
        return 0.0  # not inf * 0 = nan: an unbounded factor times zero is still zero
    return x * y


def _rounded(rounding: Callable[[float], int], x: float) -> float:
    return float(rounding(x)) if math.isfinite(x) else x


def _hull(points) -> Interval:
    points = [p for p in points if not math.isnan(p)]
    return (min(points), max(points)) if points else ANYTHING


def _divide(a: Interval, b: Interval, floor: bool) -> Interval:
    """a / b with the game's rule that dividing by zero gives zero."""
    if b == (0.0, 0.0):
        return (0.0, 0.0)
    if b[0] <= 0 <= b[1]:
        return ANYTHING  # the divisor can be as small as it likes (or zero, giving 0)
    result = _hull(_quotient(x, y) for x in a for y in b)
    if floor:
        result = (_rounded(math.floor, result[0]), _rounded(math.floor, result[1]))
    return result


def _quotient(x: float, y: float) -> float:
    if math.isinf(y):
        return 0.0 if math.isfinite(x) else math.nan
    return x / y
