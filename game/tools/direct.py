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
import random
from dataclasses import dataclass
from collections.abc import Callable, Sequence

from game.engine.resolve import legal_choices
from game.engine.state import GameState, new_game
from game.scenario.model import Scenario

FUNCTIONS: dict[str, Callable[..., float]] = {"min": min, "max": max, "abs": abs, "round": round, "floor": math.floor, "ceil": math.ceil}


class Distance:
    """How far a state's values stand from a condition being true (0 when it is)."""

    def __init__(self, scenario: Scenario, source: str):
        self.scenario = scenario
        self.tree: ast.expr | None
        try:
            self.tree = ast.parse(" ".join(str(source).split()), mode="eval").body
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            self.tree = None

    def __call__(self, values: Sequence) -> float:
        if self.tree is None:
            return 1.0
        try:
            return self._distance(self.tree, values)
        except (ArithmeticError, ValueError, TypeError, RecursionError):
            return 1.0

    # --- truth --------------------------------------------------------------------------------
    def _distance(self, node: ast.AST, values) -> float:
        if isinstance(node, ast.BoolOp):
            parts = [self._distance(child, values) for child in node.values]
            return sum(parts) if isinstance(node.op, ast.And) else min(parts)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return 1.0 if self._distance(node.operand, values) == 0 else 0.0
        if isinstance(node, ast.Compare):
            total = 0.0
            left = node.left
            for op, right in zip(node.ops, node.comparators):
                total += self._compare(op, left, right, values)
                left = right
            return total
        return 0.0 if self._number(node, values) else 1.0

    def _compare(self, op: ast.cmpop, left_node: ast.AST, right_node: ast.AST, values) -> float:
        left, right = self._number(left_node, values), self._number(right_node, values)
        scale = max(self._span(left_node), self._span(right_node))
        if isinstance(op, (ast.GtE, ast.Gt)):
            gap = right - left + (0 if isinstance(op, ast.GtE) else 1e-9)
        elif isinstance(op, (ast.LtE, ast.Lt)):
            gap = left - right + (0 if isinstance(op, ast.LtE) else 1e-9)
        elif isinstance(op, ast.Eq):
            gap = abs(left - right)
        else:  # !=
            gap = 0.0 if left != right else 1.0
        return max(0.0, gap) / scale

    def _span(self, node: ast.AST) -> float:
        """The range a plain variable moves in (the yardstick for "how far"); 100 for anything else."""
        if isinstance(node, ast.Name) and node.id in self.scenario.variables:
            variable = self.scenario.variables[node.id]
            return max(1e-9, variable.maximum - variable.minimum)
        return 100.0

    # --- numbers ------------------------------------------------------------------------------
    def _number(self, node: ast.AST, values) -> float:
        scenario = self.scenario
        if isinstance(node, ast.Constant):
            return float(node.value) if isinstance(node.value, (int, float)) else 0.0
        if isinstance(node, ast.Name):
            name = node.id
            if name in scenario.variables:
                return values[scenario.variables[name].slot]
            if name in scenario.derived:
                return scenario.derived[name].value(values)
            if name in scenario.flags:
                return float(bool(values[scenario.flags[name].slot]))
            if name == "day":
                return values[scenario.day_slot]
            return {"true": 1.0, "false": 0.0}.get(name, 0.0)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "flags":
            flag = scenario.flags.get(node.attr)
            return float(bool(values[flag.slot])) if flag is not None else 0.0
        if isinstance(node, ast.UnaryOp):
            operand = self._number(node.operand, values)
            return -operand if isinstance(node.op, ast.USub) else (operand if isinstance(node.op, ast.UAdd)
                                                                   else float(not operand))
        if isinstance(node, ast.BinOp):
            a, b = self._number(node.left, values), self._number(node.right, values)
            operations: dict[type, Callable[[float, float], float]] = {
                ast.Add: lambda x, y: x + y, ast.Sub: lambda x, y: x - y, ast.Mult: lambda x, y: x * y,
                ast.Div: lambda x, y: x / y, ast.FloorDiv: lambda x, y: x // y, ast.Mod: lambda x, y: x % y}
            return operations[type(node.op)](a, b)
        if isinstance(node, ast.IfExp):
            chosen = node.body if self._distance(node.test, values) == 0 else node.orelse
            return self._number(chosen, values)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS:
            return float(FUNCTIONS[node.func.id](*(self._number(arg, values) for arg in node.args)))
        if isinstance(node, (ast.BoolOp, ast.Compare)):
            return float(self._distance(node, values) == 0)
        raise ValueError("a formula this search cannot read")


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
