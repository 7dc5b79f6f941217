"""Looking for one thing on purpose: a beam search toward an ending (or an event) a sample missed.

A bounded ``brink check`` keeps a sample of the states, and a rare ending can fall between its
samples while ``brink simulate`` still reaches it. Before the check says "not found", it looks
for each missing ending on purpose: day by day it tries every pair of orders from the states it
keeps, lets the dice fall as they would, and keeps the few states nearest to the ending, by how
far the values stand from its condition being true (and from the conditions of the endings that
would be reached first instead). A few seeded restarts of that, within a budget of resolutions.

Distance to a condition is read off its formula (parsed with ``ast``, never run as code):
``tension >= 80`` at 60 is 20 steps of a 0..100 range away, ``a and b`` adds, ``a or b`` takes the
nearer, a flag is 0 when set and 1 when not.
"""

from __future__ import annotations

import ast
import itertools
import math
import operator
import random
from dataclasses import dataclass
from collections.abc import Callable, Sequence

from game.engine.resolve import legal_choices
from game.engine.state import GameState, new_game
from game.scenario.model import Scenario

FUNCTIONS: dict[str, Callable[..., float]] = {"min": min, "max": max, "abs": abs, "round": round, "floor": math.floor, "ceil": math.ceil}


class Distance:
    """How far a state's values stand from a condition being true (0 when it is).

    The formula's tree is turned into closures once (the search asks millions of times); the
    closures compute what the rules above say and nothing else: no code from the file is run."""

    def __init__(self, scenario: Scenario, source: str):
        self.scenario = scenario
        self._measure: Callable[[Sequence], float] | None
        try:
            self._measure = self._truth(ast.parse(" ".join(str(source).split()), mode="eval").body)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            self._measure = None

    def __call__(self, values: Sequence) -> float:
        if self._measure is None:
            return 1.0
        try:
            return self._measure(values)
        except (ArithmeticError, ValueError, TypeError, RecursionError):
            return 1.0

    # --- truth --------------------------------------------------------------------------------
    def _truth(self, node: ast.AST) -> Callable[[Sequence], float]:
        if isinstance(node, ast.BoolOp):
            parts = [self._truth(child) for child in node.values]
            if isinstance(node.op, ast.And):
                return lambda values: sum([part(values) for part in parts])  # every part, no short cut
            return lambda values: min([part(values) for part in parts])
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            inner = self._truth(node.operand)
            return lambda values: 1.0 if inner(values) == 0 else 0.0
        if isinstance(node, ast.Compare):
            pairs = []
            left = node.left
            for op, right in zip(node.ops, node.comparators):
                pairs.append(self._compare(op, left, right))
                left = right
            if len(pairs) == 1:
                return pairs[0]
            return lambda values: sum([0.0] + [pair(values) for pair in pairs])
        number = self._number(node)
        return lambda values: 0.0 if number(values) else 1.0

    def _compare(self, op: ast.cmpop, left_node: ast.AST, right_node: ast.AST) -> Callable[[Sequence], float]:
        left, right = self._number(left_node), self._number(right_node)
        scale = max(self._span(left_node), self._span(right_node))
        if isinstance(op, (ast.GtE, ast.Gt)):
            nudge = 0 if isinstance(op, ast.GtE) else 1e-9
            return lambda values: max(0.0, right(values) - left(values) + nudge) / scale
        if isinstance(op, (ast.LtE, ast.Lt)):
            nudge = 0 if isinstance(op, ast.LtE) else 1e-9
            return lambda values: max(0.0, left(values) - right(values) + nudge) / scale
        if isinstance(op, ast.Eq):
            return lambda values: abs(left(values) - right(values)) / scale
        return lambda values: (0.0 if left(values) != right(values) else 1.0) / scale  # !=

    def _span(self, node: ast.AST) -> float:
        """The range a plain variable moves in (the yardstick for "how far"); 100 for anything else."""
        if isinstance(node, ast.Name) and node.id in self.scenario.variables:
            variable = self.scenario.variables[node.id]
            return max(1e-9, variable.maximum - variable.minimum)
        return 100.0

    # --- numbers ------------------------------------------------------------------------------
    def _number(self, node: ast.AST) -> Callable[[Sequence], float]:
        scenario = self.scenario
        if isinstance(node, ast.Constant):
            constant = float(node.value) if isinstance(node.value, (int, float)) else 0.0
            return lambda values: constant
        if isinstance(node, ast.Name):
            name = node.id
            if name in scenario.variables:
                slot = scenario.variables[name].slot
                return lambda values: values[slot]
            if name in scenario.derived:
                return scenario.derived[name].value
            if name in scenario.flags:
                return self._flag(scenario.flags[name].slot)
            if name == "day":
                day = scenario.day_slot
                return lambda values: values[day]
            named = {"true": 1.0, "false": 0.0}.get(name, 0.0)
            return lambda values: named
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "flags":
            flag = scenario.flags.get(node.attr)
            return self._flag(flag.slot) if flag is not None else (lambda values: 0.0)
        if isinstance(node, ast.UnaryOp):
            operand = self._number(node.operand)
            if isinstance(node.op, ast.USub):
                return lambda values: -operand(values)
            if isinstance(node.op, ast.UAdd):
                return operand
            return lambda values: float(not operand(values))
        if isinstance(node, ast.BinOp):
            a, b = self._number(node.left), self._number(node.right)
            operation = _OPERATIONS.get(type(node.op))
            if operation is None:
                return _unreadable
            return lambda values: operation(a(values), b(values))
        if isinstance(node, ast.IfExp):
            test, body, other = self._truth(node.test), self._number(node.body), self._number(node.orelse)
            return lambda values: body(values) if test(values) == 0 else other(values)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS:
            function, arguments = FUNCTIONS[node.func.id], [self._number(arg) for arg in node.args]
            return lambda values: float(function(*[argument(values) for argument in arguments]))
        if isinstance(node, (ast.BoolOp, ast.Compare)):
            truth = self._truth(node)
            return lambda values: float(truth(values) == 0)
        return _unreadable

    @staticmethod
    def _flag(slot: int) -> Callable[[Sequence], float]:
        return lambda values: float(bool(values[slot]))


def _unreadable(values: Sequence) -> float:
    """A part of a formula this search cannot read: the distance is then the plain 1 of 'not true'
    (raised when met, as before, so a part in a branch not taken costs nothing)."""
    raise ValueError("a formula this search cannot read")


_OPERATIONS: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod}


@dataclass(frozen=True, slots=True)
class Goal:
    """What the search looks for: a test on each resolution, and how far a state stands from it."""

    name: str
    reached: Callable  # (Resolution) -> bool
    distance: Callable  # (values) -> float


def ending_goal(scenario: Scenario, ending_id: str, sources: Sequence[str] = ()) -> Goal:
    """Toward an ending: its own condition, clear of the conditions of the endings checked before it;
    for one that an order, an interaction or an event brings about, toward their conditions too."""
    ending = scenario.ending(ending_id)
    own = Distance(scenario, ending.when.source) if ending.when is not None else (lambda values: 0.0)
    before = []  # endings checked before this one that would take its place: a final one only at the end
    for other in scenario.endings:
        if other.id == ending_id:
            break
        if other.when is not None and (not other.final or ending.final):
            before.append(Distance(scenario, other.when.source))
    alternatives = [Distance(scenario, source) for source in sources]

    def distance(values) -> float:
        near = own(values)
        if alternatives:
            near = min([near] + [alternative(values) for alternative in alternatives])
        return near + sum(0.5 for taken in before if taken(values) == 0)

    return Goal(ending_id, lambda resolution: resolution.state.ending == ending_id, distance)


def event_goal(scenario: Scenario, event_id: str) -> Goal:
    event = next(e for e in scenario.events if e.id == event_id)
    near = Distance(scenario, event.requires.source) if event.requires is not None else (lambda values: 0.0)
    return Goal(event_id, lambda resolution: event_id in resolution.events, near)


def search(scenario: Scenario, goal: Goal, resolve_outcomes, budget: int, seed: int = 1, width: int = 24,
           restarts: int = 6) -> tuple[tuple | None, int]:
    """A seeded beam search for ``goal`` within ``budget`` resolutions: the trail of the first way
    found (or None), and the resolutions spent. Counted in work, not time, so the same seed finds
    the same way on any machine."""
    from game.tools.check import Step  # the check's own path steps

    spent = 0
    roles = tuple(scenario.roles)
    for attempt in range(restarts):
        rng = random.Random(seed * 1009 + attempt)

        def decide(event, probability, rng=rng):
            if probability >= 1:
                return (True,)
            if probability <= 0:
                return (False,)
            return (rng.random() < probability,)

        frontier: list[tuple[GameState, tuple]] = [(new_game(scenario, 0), ())]
        for day in scenario.days:
            candidates: dict[tuple, tuple[float, float, GameState, tuple]] = {}
            for state, trail in frontier:
                options = [legal_choices(scenario, state, role_id) or (None,) for role_id in roles]
                for combination in itertools.product(*options):
                    chosen = tuple(zip(roles, combination))
                    orders = tuple((role_id, choice.id if choice else None) for role_id, choice in chosen)
                    for resolution in resolve_outcomes(scenario, state, chosen, decide):
                        spent += 1
                        next_trail = (trail, Step(day.id, orders, resolution.events))
                        if goal.reached(resolution):
                            return next_trail, spent
                        reached = resolution.state
                        if reached.ending:
                            continue
                        key = (reached.values, reached.pending, reached.fired)
                        if key not in candidates:
                            candidates[key] = (goal.distance(reached.values), rng.random(), reached, next_trail)
                if spent > budget:
                    return None, spent
            kept = sorted(candidates.values(), key=lambda item: (item[0], item[1]))[:width]
            frontier = [(state, trail) for _, _, state, trail in kept]
            if not frontier:
                break
    return None, spent
