"""``brink graph``: the day-by-day structure of a scenario, as DOT, Mermaid or SVG.

What an author needs to see at a glance: on each day, what each seat may do; which flags each
choice, interaction and event sets or clears; and which endings each of them can lead to. An
ending is reachable from a choice when the choice names it (``ending:``), or when the ending's
condition reads something the choice writes *in the direction the condition wants*: a choice
that only lowers tension does not lead to ``tension >= 100``. Without that test nearly every
choice would lead to every ending, and the picture would say nothing. Flags are drawn as nodes
of their own (choice -> flag -> ending), so one flag read by three endings is three edges, not
three per choice.

The SVG is laid out here, in columns (standing choices, each day, interactions, flags,
endings), with no graph-drawing dependency. Given the coverage counts of ``brink simulate
--coverage-out``, edges grow with how often their source happened and what never happened is
drawn dashed and red.
"""

from __future__ import annotations

import ast
import html
import json
import math
from dataclasses import dataclass, field
from collections.abc import Mapping

from game.files import read_regular_file
from game.scenario.expr import Condition, Effect
from game.scenario.model import Scenario
from game.tools.bounds import effect_steps, number_constant, scenario_ranges

FORMATS = ("dot", "mermaid", "svg")
STANDING = "standing"


@dataclass(frozen=True, slots=True)
class Node:
    id: str  # safe in DOT, Mermaid and XML
    kind: str  # choice, event, interaction, flag, ending
    name: str  # the id the author wrote
    column: str  # a day id, a seat's standing column, "interactions", "events", "flags" or "endings"
    role: str | None = None
    title: str = ""  # longer text, for tooltips


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    kind: str  # sets, clears, changes, ends, leads, with, reads
    label: str = ""


@dataclass
class Structure:
    """The nodes and deduplicated edges of a scenario, with the counts of a simulation if given."""

    scenario: Scenario
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str], Edge] = field(default_factory=dict)
    counts: dict[str, int] | None = None  # node id -> times it happened, from coverage
    games: int = 0

    def add_node(self, node: Node) -> None:
        self.nodes.setdefault(node.id, node)

    def add_edge(self, edge: Edge) -> None:
        """One edge per pair of nodes; a stronger kind (ends over leads) and the union of labels win."""
        key = (edge.source, edge.target)
        old = self.edges.get(key)
        if old is None:
            self.edges[key] = edge
            return
        kind = min(old.kind, edge.kind, key=_KIND_STRENGTH.index)
        labels = sorted(set(filter(None, (old.label + ", " + edge.label).split(", "))))
        self.edges[key] = Edge(edge.source, edge.target, kind, ", ".join(labels))

    def columns(self) -> list[str]:
        # Standing choices after the days, a column per seat: they are open on every day and set
        # most of the flags, so beside the flags their edges stay short.
        return [*(day.id for day in self.scenario.days), *map(standing_column, self.scenario.roles),
                "interactions", "events", "flags", "endings"]

    def count(self, node_id: str) -> int | None:
        return None if self.counts is None else self.counts.get(node_id, 0)

    def edge_count(self, edge: Edge) -> int | None:
        """How often an edge was travelled: its source's count; for flag -> ending, the ending's."""
        if self.counts is None:
            return None
        node = self.nodes[edge.source]
        return self.count(edge.target) if node.kind == "flag" else self.count(edge.source)


_KIND_STRENGTH = ["ends", "sets", "clears", "changes", "with", "reads", "leads"]


# --- what formulas write and want ----------------------------------------------------------------
def condition_wants(condition: Condition, scenario: Scenario, derived_sources: Mapping[str, str]) -> dict[str, set[str]]:
    """Name -> which way a change of it makes the condition truer: 'up', 'down', 'true', 'false' or 'any'."""
    try:
        tree = ast.parse(" ".join(condition.source.splitlines()).strip(), mode="eval").body
    except (SyntaxError, ValueError, RecursionError):
        return {name: {"any"} for name in condition.reads}
    wants: dict[str, set[str]] = {}
    _want(tree, False, wants, scenario)
    for name in list(wants):  # a derived value moves with what it reads, in a direction not worked out here
        if name in derived_sources:
            for source_name in _names(derived_sources[name], scenario):
                wants.setdefault(source_name, set()).add("any")
    return wants


_FLIP = {"up": "down", "down": "up", "true": "false", "false": "true", "any": "any"}


def _want(node: ast.AST, negated: bool, wants: dict[str, set[str]], scenario: Scenario) -> None:
    def add(name: str, kind: str) -> None:
        wants.setdefault(name, set()).add(_FLIP[kind] if negated else kind)

    if isinstance(node, ast.BoolOp):
        for value in node.values:
            _want(value, negated, wants, scenario)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        _want(node.operand, not negated, wants, scenario)
    elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "flags":
        add("flags." + node.attr, "true")
    elif isinstance(node, ast.Name) and node.id in scenario.flags:
        add("flags." + node.id, "true")
    elif isinstance(node, ast.Compare) and len(node.ops) == 1:
        left, right, op = node.left, node.comparators[0], type(node.ops[0])
        if isinstance(right, ast.Name) and number_constant(left) is not None:
            left, right, op = right, left, _MIRROR.get(op, op)
        if isinstance(left, ast.Name) and number_constant(right) is not None and op in _DIRECTION:
            add(left.id, _DIRECTION[op])
        else:
            for name in _walk_names(node, scenario):
                wants.setdefault(name, set()).add("any")
    else:
        for name in _walk_names(node, scenario):
            wants.setdefault(name, set()).add("any")


_DIRECTION = {ast.Gt: "up", ast.GtE: "up", ast.Lt: "down", ast.LtE: "down", ast.Eq: "any", ast.NotEq: "any"}
_MIRROR = {ast.Gt: ast.Lt, ast.GtE: ast.LtE, ast.Lt: ast.Gt, ast.LtE: ast.GtE}


def _walk_names(node: ast.AST, scenario: Scenario) -> set[str]:
    names = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Attribute) and isinstance(child.value, ast.Name) and child.value.id == "flags":
            names.add("flags." + child.attr)
        elif isinstance(child, ast.Name) and child.id != "flags":
            names.add("flags." + child.id if child.id in scenario.flags else child.id)
    return names


def _names(source: str, scenario: Scenario) -> set[str]:
    try:
        return _walk_names(ast.parse(source.strip(), mode="eval"), scenario)
    except (SyntaxError, ValueError, RecursionError):
        return set()


def _agrees(written: set[str], wanted: set[str]) -> bool:
    return "any" in written or "any" in wanted or bool(written & wanted)


# --- the structure -------------------------------------------------------------------------------
def build(scenario: Scenario, coverage: Mapping | None = None) -> Structure:
    """Every node and edge of the picture, and the coverage counts laid onto them if given."""
    structure = Structure(scenario)
    ranges = scenario_ranges(scenario)
    endings = [(ending, condition_wants(ending.when, scenario, ranges.derived_sources) if ending.when else {})
               for ending in scenario.endings]
    flag_readers: set[str] = set()
    for ending, wants in endings:
        structure.add_node(Node(f"e_{ending.id}", "ending", ending.id, "endings", title=str(ending.title)))
        for name in wants:
            if name.startswith("flags."):
                flag_readers.add(name)

    def flag_node(name: str) -> str:
        flag_id = name[6:]
        node_id = f"f_{flag_id}"
        structure.add_node(Node(node_id, "flag", flag_id, "flags", title=str(scenario.flags[flag_id].label)))
        return node_id

    def link(source: str, steps: dict[str, set[str]], ending: str | None) -> None:
        for name, written in sorted(steps.items()):
            if name.startswith("flags."):
                kind = "sets" if written == {"true"} else "clears" if written == {"false"} else "changes"
                structure.add_edge(Edge(source, flag_node(name), kind))
        if ending:
            structure.add_edge(Edge(source, f"e_{ending}", "ends", "ends the game"))
        for other, wants in endings:
            through = sorted(name for name, written in steps.items()
                             if not name.startswith("flags.") and name in wants and _agrees(written, wants[name]))
            if through:
                structure.add_edge(Edge(source, f"e_{other.id}", "leads", ", ".join(through)))

    choice_nodes: dict[tuple[str, str], list[str]] = {}  # (role, choice id) -> its nodes, for interactions
    for role_id, role in scenario.roles.items():
        for choice in role.standing_choices:
            node_id = f"c_{STANDING}_{role_id}_{choice.id}"
            structure.add_node(Node(node_id, "choice", choice.id, standing_column(role_id), role_id, str(choice.label)))
            choice_nodes.setdefault((role_id, choice.id), []).append(node_id)
            link(node_id, effect_steps(_all_effects(choice)), choice.ending)
    for day in scenario.days:
        for role_id, choices in day.choices.items():
            for choice in choices:
                node_id = f"c_{day.id}_{role_id}_{choice.id}"
                structure.add_node(Node(node_id, "choice", choice.id, day.id, role_id, str(choice.label)))
                choice_nodes.setdefault((role_id, choice.id), []).append(node_id)
                link(node_id, effect_steps(_all_effects(choice)), choice.ending)
    for event in scenario.events:
        column = next((day.id for day in scenario.days if event.days and day.id in event.days), "events")
        node_id = f"v_{event.id}"
        structure.add_node(Node(node_id, "event", event.id, column, title=str(event.title)))
        link(node_id, effect_steps(_all_effects(event)), event.ending)
    for interaction in scenario.interactions:
        node_id = f"i_{interaction.id}"
        structure.add_node(Node(node_id, "interaction", interaction.id, "interactions", title=str(interaction.text)))
        for role_id, choice_ids in interaction.orders.items():
            for choice_id in sorted(choice_ids or ()):
                for source in choice_nodes.get((role_id, choice_id), ()):
                    structure.add_edge(Edge(source, node_id, "with"))
        link(node_id, effect_steps(interaction.effects), interaction.ending)
    for ending, wants in endings:
        for name, kinds in sorted(wants.items()):
            if name.startswith("flags."):
                label = "if set" if kinds == {"true"} else "if clear" if kinds == {"false"} else "reads"
                structure.add_edge(Edge(flag_node(name), f"e_{ending.id}", "reads", label))
    if coverage is not None:
        structure.counts, structure.games = coverage_counts(coverage, structure), int(coverage.get("games", 0))
    return structure


def _all_effects(item) -> tuple[Effect, ...]:
    return tuple(item.effects) + tuple(effect for delayed in item.later for effect in delayed.effects)


class CoverageError(ValueError):
    """A coverage file that cannot be read, or was made for another scenario."""


MAX_COVERAGE_BYTES = 64 * 1024 * 1024


def read_coverage(path: str, scenario: Scenario) -> dict:
    not_coverage = f"{path} is not a coverage file (JSON from 'brink simulate --coverage-out')"
    try:
        coverage = json.loads(read_regular_file(path, MAX_COVERAGE_BYTES).decode("utf-8"))
    except OSError as error:
        raise CoverageError(f"cannot read the coverage file {path}: {error.strerror or error}") from None
    except RecursionError:
        raise CoverageError(f"{not_coverage}: it is nested far too deeply") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise CoverageError(f"{not_coverage}: {error}") from None
    if not isinstance(coverage, dict) or not isinstance(coverage.get("choices"), dict):
        raise CoverageError(not_coverage)
    if coverage.get("scenario") != scenario.id:
        raise CoverageError(f"{path} counts games of '{_shown(coverage.get('scenario'))}', not of '{scenario.id}'")
    problem = _coverage_problem(coverage)
    if problem:
        raise CoverageError(f"{not_coverage}: {problem}")
    return coverage


def _coverage_problem(coverage: Mapping) -> str | None:
    """What is malformed in a coverage file's counts, or None: every count is a whole number."""
    for role_id, choices in coverage["choices"].items():
        if not isinstance(choices, dict):
            return f"the counts of '{_shown(role_id)}' are not an object"
        days = choices.get("days") or {}
        if not isinstance(days, dict):
            return f"the day counts of '{_shown(role_id)}' are not an object"
        for day_id, picked in days.items():
            if not _counts(picked):
                return f"the counts of '{_shown(role_id)}' on '{_shown(day_id)}' are not whole numbers"
        if not _counts(choices.get("standing") or {}):
            return f"the standing counts of '{_shown(role_id)}' are not whole numbers"
    for section in ("events", "interactions", "endings"):
        if not _counts(coverage.get(section) or {}):
            return f"the '{section}' counts are not whole numbers"
    return None


def _counts(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(count, int) and not isinstance(count, bool) and 0 <= count < 10**15 for count in value.values())


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def coverage_counts(coverage: Mapping, structure: Structure) -> dict[str, int]:
    """Node id -> count, from the JSON ``brink simulate --coverage-out`` writes."""
    counts: dict[str, int] = {}
    for role_id, choices in (coverage.get("choices") or {}).items():
        for day_id, picked in (choices.get("days") or {}).items():
            for choice_id, count in picked.items():
                counts[f"c_{day_id}_{role_id}_{choice_id}"] = int(count)
        for choice_id, count in (choices.get("standing") or {}).items():
            counts[f"c_{STANDING}_{role_id}_{choice_id}"] = int(count)
    for prefix, section in (("v_", "events"), ("i_", "interactions"), ("e_", "endings")):
        for item_id, count in (coverage.get(section) or {}).items():
            counts[prefix + item_id] = int(count)
    return {node_id: count for node_id, count in counts.items() if node_id in structure.nodes}


def standing_column(role_id: str) -> str:
    """A seat's standing choices stand in a column of their own, after the days."""
    return f"{STANDING}_{role_id}"


def column_title(structure: Structure, column: str) -> tuple[str, str]:
    """Two lines over a column: the day's number and date, then its id; or what the column holds."""
    for role_id in structure.scenario.roles:
        if column == standing_column(role_id):
            return "every day", f"{role_id}: standing"
    if column in ("interactions", "events", "flags", "endings"):
        return "", column
    day = structure.scenario.day(column)
    return f"day {day.index + 1} · {day.date}", day.id


def column_label(structure: Structure, column: str) -> str:
    first, second = column_title(structure, column)
    return f"{second} ({first})" if first == "every day" else " · ".join(filter(None, (first, second)))


def render(structure: Structure, form: str) -> str:
    if form == "dot":
        return to_dot(structure)
    if form == "mermaid":
        return to_mermaid(structure)
    if form == "svg":
        from game.tools.graph_svg import to_svg

        return to_svg(structure)
    raise ValueError(f"unknown format '{form}' (choose from {', '.join(FORMATS)})")


# --- DOT and Mermaid -----------------------------------------------------------------------------
EDGE_COLOURS = {"sets": "#2e7d32", "clears": "#8d6e63", "changes": "#607d8b", "with": "#3949ab",
                "reads": "#8e24aa", "ends": "#212121", "leads": "#9e9e9e"}
NEVER_COLOUR = "#c62828"
ROLE_COLOURS = ("#dbe8f6", "#f8dcd6", "#e0f0d8", "#efe2f5")
ROLE_STROKES = ("#2b5d9c", "#a83a2a", "#3c7a2c", "#6b3b85")
KIND_SHAPES = {"choice": "box", "event": "hexagon", "interaction": "diamond", "flag": "ellipse", "ending": "doubleoctagon"}


def role_colour(structure: Structure, role_id: str | None) -> tuple[str, str]:
    if role_id is None:
        return "#f4f1e8", "#8a7a50"
    index = list(structure.scenario.roles).index(role_id) % len(ROLE_COLOURS)
    return ROLE_COLOURS[index], ROLE_STROKES[index]


def _weight(structure: Structure, count: int | None) -> float:
    """An edge's width: 1 for nothing counted, up to 7 for the commonest, by the square root (area)."""
    most = max(structure.counts.values(), default=0) if structure.counts else 0
    if count is None or not most:
        return 1.0
    return 1.0 + 6.0 * math.sqrt(min(count / most, 1.0))


def _node_label(structure: Structure, node: Node) -> str:
    count = structure.count(node.id)
    return node.name if count is None or node.kind == "flag" else f"{node.name} ({count})"


def _unreached(structure: Structure, node_id: str) -> bool:
    node = structure.nodes[node_id]
    return structure.counts is not None and node.kind != "flag" and structure.count(node_id) == 0


def _edge_unreached(structure: Structure, edge: Edge) -> bool:
    return structure.counts is not None and (structure.edge_count(edge) == 0 or _unreached(structure, edge.source))


def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(structure: Structure) -> str:
    scenario = structure.scenario
    lines = [f"digraph {_dot_text(scenario.id)} {{",
             f"  label={_dot_text(str(scenario.title))}; labelloc=t; rankdir=LR; newrank=true; compound=true;",
             '  node [fontname="Helvetica", fontsize=10, style="filled,rounded"]; edge [fontname="Helvetica", fontsize=8];']
    firsts = []
    for column in structure.columns():
        members = [node for node in structure.nodes.values() if node.column == column]
        if not members:
            continue
        firsts.append(members[0].id)
        lines.append(f"  subgraph cluster_{column} {{")
        lines.append(f"    rank=same; {'; '.join(node.id for node in members)};")
        lines.append(f"    label={_dot_text(column_label(structure, column))}; style=rounded; color=\"#999999\";")
        for node in members:
            fill, stroke = role_colour(structure, node.role)
            style = '"filled,rounded,dashed"' if _unreached(structure, node.id) else '"filled,rounded"'
            if _unreached(structure, node.id):
                stroke = NEVER_COLOUR
            label = _node_label(structure, node) + (f"\n{node.role}" if node.role else "")
            lines.append(f"    {node.id} [label={_dot_text(label).replace(chr(10), chr(92) + 'n')}, "
                         f"shape={KIND_SHAPES[node.kind]}, fillcolor=\"{fill}\", color=\"{stroke}\", style={style}, "
                         f"tooltip={_dot_text(node.title)}];")
        lines.append("  }")
    # One rank per column, in calendar order: invisible links hold the columns in line.
    lines += [f"  {left} -> {right} [style=invis, weight=100];" for left, right in zip(firsts, firsts[1:])]
    for edge in structure.edges.values():
        count = structure.edge_count(edge)
        words = (edge.label or edge.kind) + ("" if count is None else f" ×{count}")
        # 'may lead' edges are many: their words go in the tooltip, not on the picture
        attributes = [f"tooltip={_dot_text(words)}" if edge.kind == "leads" else f"label={_dot_text(words)}"]
        if count is not None:
            attributes.append(f"penwidth={_weight(structure, count):.2f}")
        if _edge_unreached(structure, edge):
            attributes += ['style=dashed', f'color="{NEVER_COLOUR}"']
        else:
            attributes.append(f'color="{EDGE_COLOURS[edge.kind]}"' + (", style=dotted" if edge.kind == "leads" else ""))
        lines.append(f"  {edge.source} -> {edge.target} [{', '.join(attributes)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_text(text: str) -> str:
    return '"' + html.escape(text, quote=False).replace('"', "#quot;") + '"'


def to_mermaid(structure: Structure) -> str:
    lines = ["flowchart LR"]
    shapes = {"choice": ("[", "]"), "event": ("{{", "}}"), "interaction": ("{", "}"), "flag": ("([", "])"),
              "ending": ("[[", "]]")}
    for column in structure.columns():
        members = [node for node in structure.nodes.values() if node.column == column]
        if not members:
            continue
        lines.append(f"  subgraph col_{column} [{_mermaid_text(column_label(structure, column))}]")
        for node in members:
            opening, closing = shapes[node.kind]
            lines.append(f"    {node.id}{opening}{_mermaid_text(_node_label(structure, node))}{closing}")
        lines.append("  end")
    styles = []
    for index, edge in enumerate(structure.edges.values()):
        label = edge.label or edge.kind
        style = f"stroke:{EDGE_COLOURS[edge.kind]}"
        if structure.counts is not None:
            count = structure.edge_count(edge)
            label += f" ×{count}"
            style += f",stroke-width:{_weight(structure, count):.1f}px"
            if _edge_unreached(structure, edge):
                style += f",stroke:{NEVER_COLOUR},stroke-dasharray:4 3"
        styles.append(f"  linkStyle {index} {style}")
        if edge.kind == "leads":  # many: drawn dotted and without words
            lines.append(f"  {edge.source} -.-> {edge.target}")
        else:
            lines.append(f"  {edge.source} -->|{_mermaid_text(label)}| {edge.target}")
    lines += styles
    for index, role_id in enumerate(structure.scenario.roles):
        fill, stroke = role_colour(structure, role_id)
        lines.append(f"  classDef role{index} fill:{fill},stroke:{stroke}")
        member_ids = [node.id for node in structure.nodes.values() if node.role == role_id]
        if member_ids:
            lines.append(f"  class {','.join(member_ids)} role{index}")
    if structure.counts is not None:
        lines.append(f"  classDef never stroke:{NEVER_COLOUR},stroke-dasharray:4 3,color:#8b0000")
        never = [node_id for node_id in structure.nodes if _unreached(structure, node_id)]
        if never:
            lines.append(f"  class {','.join(never)} never")
    return "\n".join(lines) + "\n"
