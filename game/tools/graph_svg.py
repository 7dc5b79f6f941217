"""``brink graph --format svg``: the structure drawn by a small layout of our own.

Columns run left to right: one per day, then each seat's standing choices, interactions,
undated events, flags and endings, so every edge points right. In the day
columns each seat has a band of its own at the same height on every day, so a seat's choices
read as one row through the calendar. Flags and interactions are ordered by the mean height of
what points at them (the barycentre heuristic), which keeps most curves short and uncrossed.
Edges that only *may* lead to an ending (through a variable) are drawn faint, behind the
rest: there are many of them, and the flags and ``ending:`` links are the story.
"""

from __future__ import annotations

import html

from game.tools.graph import (EDGE_COLOURS, NEVER_COLOUR, Edge, Node, Structure, _edge_unreached, _unreached, _weight,
                              column_title, role_colour, standing_column)

BOX_WIDTH = 138
COLUMN_WIDTH = 178
BOX_HEIGHT = 18
ROW = 23
BAND_GAP = 14
TOP = 96
LEFT = 20
ENDINGS_GAP = 90
CHAR_WIDTH = 5.9  # of the 10 px sans-serif the boxes use, for cutting long ids short
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
NEVER = NEVER_COLOUR
KIND_FILL = {"event": ("#fff4d6", "#b7950b"), "interaction": ("#e8eaf6", "#3949ab"), "flag": ("#f1f8e9", "#558b2f"),
             "ending": ("#fbe9e7", "#6d2c20")}


def to_svg(structure: Structure) -> str:
    positions, columns, height = layout(structure)
    legend, legend_end = _legend(structure)
    width = int(max(LEFT * 2 + COLUMN_WIDTH * len(columns) + (ENDINGS_GAP if "endings" in columns else 0),
                    legend_end + LEFT))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'font-family="{FONT}" font-size="10">',
             f"<title>{_e(structure.scenario.title)}: structure</title>",
             '<rect width="100%" height="100%" fill="#ffffff"/>', _markers()]
    parts += _headers(structure, columns, height)
    parts += legend
    ordered = sorted(structure.edges.values(), key=lambda edge: edge.kind != "leads")  # faint ones underneath
    parts += [_edge(structure, edge, positions) for edge in ordered]
    parts += [_box(structure, structure.nodes[node_id], x, y) for node_id, (x, y) in positions.items()]
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


# --- layout --------------------------------------------------------------------------------------
def layout(structure: Structure) -> tuple[dict[str, tuple[float, float]], list[str], int]:
    """Each node's top-left corner, the columns drawn, and the picture's height."""
    by_column: dict[str, list[Node]] = {}
    for node in structure.nodes.values():
        by_column.setdefault(node.column, []).append(node)
    columns = [column for column in structure.columns() if by_column.get(column)]
    x_of = {column: _column_left(index, columns) + (COLUMN_WIDTH - BOX_WIDTH) / 2 for index, column in enumerate(columns)}
    positions: dict[str, tuple[float, float]] = {}
    roles = list(structure.scenario.roles)
    days = [day.id for day in structure.scenario.days]

    # Day columns: one band per seat, as tall as the seat's busiest day, then the day's events.
    band_rows = {role: max((sum(1 for n in by_column.get(d, ()) if n.role == role) for d in days), default=0)
                 for role in roles}
    band_top, y = {}, TOP
    for role in roles:
        band_top[role] = y
        y += band_rows[role] * ROW + BAND_GAP
    events_top = y
    for day_id in days:
        rows = {role: 0 for role in roles}
        event_row = 0
        for node in by_column.get(day_id, ()):
            if node.role is not None:
                positions[node.id] = (x_of[day_id], band_top[node.role] + rows[node.role] * ROW)
                rows[node.role] += 1
            else:
                positions[node.id] = (x_of[day_id], events_top + event_row * ROW)
                event_row += 1

    # Standing choices: a column per seat, beginning at the seat's band; undated events in file order.
    for role in roles:
        column = standing_column(role)
        if column in x_of:
            _stack(by_column[column], x_of[column], band_top[role], positions, spacing=ROW)
    if "events" in x_of:
        _stack(by_column["events"], x_of["events"], TOP, positions, spacing=ROW)

    # Interactions, flags: by the mean height of their sources; endings in order of priority.
    for column in ("interactions", "flags"):
        if column in x_of:
            _stack_by_sources(structure, by_column[column], x_of[column], positions)
    if "endings" in x_of:
        _stack(by_column["endings"], x_of["endings"], TOP, positions, spacing=ROW + 6)
    bottom = max((y for _, y in positions.values()), default=TOP) + BOX_HEIGHT + 24
    return positions, columns, int(bottom)


def _column_left(index: int, columns: list[str]) -> float:
    """The endings stand a little apart, so the edges from many flags into few endings fan out."""
    return LEFT + index * COLUMN_WIDTH + (ENDINGS_GAP if columns[index] == "endings" else 0)


def _stack_by_sources(structure: Structure, nodes: list[Node], x: float, positions: dict) -> None:
    def centre(node: Node) -> float:
        heights = [positions[edge.source][1] for edge in structure.edges.values()
                   if edge.target == node.id and edge.source in positions]
        return sum(heights) / len(heights) if heights else float("inf")

    wanted = sorted(((centre(node), index, node) for index, node in enumerate(nodes)), key=lambda item: item[:2])
    y: float = TOP
    for goal, _, node in wanted:
        if goal != float("inf"):
            y = max(y, min(goal, TOP + (len(nodes) * ROW) * 2))
        positions[node.id] = (x, y)
        y += ROW


def _stack(nodes: list[Node], x: float, top: float, positions: dict, spacing: float) -> None:
    for index, node in enumerate(nodes):
        positions[node.id] = (x, top + index * spacing)


# --- drawing -------------------------------------------------------------------------------------
def _headers(structure: Structure, columns: list[str], height: int) -> list[str]:
    parts = []
    for index, column in enumerate(columns):
        x = _column_left(index, columns)
        if index % 2 == 0:
            parts.append(f'<rect x="{x}" y="{TOP - 40}" width="{COLUMN_WIDTH}" height="{height - TOP + 30}" fill="#f6f6f3"/>')
        first, second = column_title(structure, column)
        centre = x + COLUMN_WIDTH / 2
        parts.append(f'<text x="{centre}" y="{TOP - 24}" text-anchor="middle" fill="#555">{_e(first)}</text>')
        parts.append(f'<text x="{centre}" y="{TOP - 10}" text-anchor="middle" font-weight="bold" fill="#222">'
                     f"{_e(_fit(second, BOX_WIDTH + 30))}</text>")
    return parts


def _legend(structure: Structure) -> tuple[list[str], float]:
    """The title and a key to the colours; returns where the key ends, so the picture is wide enough."""
    title = str(structure.scenario.title)
    if structure.counts is not None:
        title += f" — coverage of {structure.games} simulated games (dashed red: never happened)"
    parts = [f'<text x="{LEFT}" y="22" font-size="14" font-weight="bold">{_e(title)}</text>']
    x: float = LEFT
    for role in structure.scenario.roles:
        fill, stroke = role_colour(structure, role)
        parts.append(f'<rect x="{x}" y="32" width="12" height="12" rx="3" fill="{fill}" stroke="{stroke}"/>'
                     f'<text x="{x + 16}" y="42">{_e(role)}</text>')
        x += 24 + len(role) * CHAR_WIDTH + 10
    for kind, (fill, stroke) in KIND_FILL.items():
        parts.append(f'<rect x="{x}" y="32" width="12" height="12" rx="3" fill="{fill}" stroke="{stroke}"/>'
                     f'<text x="{x + 16}" y="42">{kind}</text>')
        x += 24 + len(kind) * CHAR_WIDTH + 10
    for kind, words in (("sets", "sets a flag"), ("clears", "clears a flag"), ("with", "order in an interaction"),
                        ("reads", "flag an ending reads"), ("ends", "ends the game"), ("leads", "may lead (a variable)")):
        dash = ' stroke-dasharray="3 3"' if kind == "leads" else ""
        parts.append(f'<line x1="{x}" y1="38" x2="{x + 22}" y2="38" stroke="{EDGE_COLOURS[kind]}" stroke-width="2"{dash}/>'
                     f'<text x="{x + 26}" y="42">{_e(words)}</text>')
        x += 36 + len(words) * CHAR_WIDTH + 10
    return parts, max(x, LEFT + len(title) * CHAR_WIDTH * 1.4)


def _markers() -> str:
    """An arrowhead per edge colour: a line that merely passes behind a box has none at it."""
    heads = "".join(f'<marker id="head-{name}" viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="5" markerHeight="5" '
                    f'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="{colour}"/></marker>'
                    for name, colour in (*EDGE_COLOURS.items(), ("never", NEVER)))
    return f"<defs>{heads}</defs>"


def _box(structure: Structure, node: Node, x: float, y: float) -> str:
    fill, stroke = role_colour(structure, node.role) if node.kind == "choice" else KIND_FILL[node.kind]
    never = _unreached(structure, node.id)
    count = structure.count(node.id)
    count_text = "" if count is None or node.kind == "flag" else f"{count:,}"
    room = BOX_WIDTH - 8 - (len(count_text) * CHAR_WIDTH + 6 if count_text else 0)
    dash = ' stroke-dasharray="4 2"' if never else ""
    radius = 9 if node.kind in ("flag", "ending") else 3
    tooltip = f"{node.name}: {node.title}" + (f" ({count} in {structure.games} games)" if count_text else "")
    parts = [f'<g><title>{_e(tooltip)}</title>',
             f'<rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="{radius}" fill="{fill}" '
             f'stroke="{NEVER if never else stroke}" stroke-width="{1.6 if never or node.kind == "ending" else 1}"{dash}/>',
             f'<text x="{x + 5}" y="{y + 13}" fill="{"#8b0000" if never else "#1a1a1a"}">{_e(_fit(node.name, room))}</text>']
    if count_text:
        parts.append(f'<text x="{x + BOX_WIDTH - 4}" y="{y + 13}" text-anchor="end" font-weight="bold" '
                     f'fill="{NEVER if never else "#333"}">{count_text}</text>')
    parts.append("</g>")
    return "".join(parts)


def _edge(structure: Structure, edge: Edge, positions: dict[str, tuple[float, float]]) -> str:
    (x1, y1), (x2, y2) = positions[edge.source], positions[edge.target]
    x1, y1, x2, y2 = x1 + BOX_WIDTH, y1 + BOX_HEIGHT / 2, x2, y2 + BOX_HEIGHT / 2
    bend = max(30.0, (x2 - x1) * 0.45)
    path = f"M{x1:.1f},{y1:.1f} C{x1 + bend:.1f},{y1:.1f} {x2 - bend:.1f},{y2:.1f} {x2:.1f},{y2:.1f}"
    colour, opacity, dash, head = EDGE_COLOURS[edge.kind], 0.8, "", edge.kind
    width = _weight(structure, structure.edge_count(edge)) if structure.counts is not None else 1.2
    if edge.kind == "leads":  # many and only possible: kept thin even when their source was common
        opacity, dash, width = 0.28, ' stroke-dasharray="3 3"', 1 + (width - 1) * 0.25
    if edge.kind == "ends":
        width += 1
    if _edge_unreached(structure, edge):
        colour, dash, opacity, head = NEVER, ' stroke-dasharray="5 3"', 0.3 if edge.kind == "leads" else 0.7, "never"
    count = structure.edge_count(edge)
    words = (f"{_describe(structure.nodes[edge.source])} → {_describe(structure.nodes[edge.target])}: "
             f"{edge.label or edge.kind}" + (f" ({count})" if count is not None else ""))
    return (f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="{width:.2f}" stroke-opacity="{opacity}"{dash} '
            f'marker-end="url(#head-{head})">'
            f"<title>{_e(words)}</title></path>")


def _describe(node: Node) -> str:
    return f"{node.name} ({node.role}, {node.column})" if node.kind == "choice" else f"{node.kind} {node.name}"


def _fit(text: str, room: float) -> str:
    most = max(int(room / CHAR_WIDTH), 3)
    return text if len(text) <= most else text[: most - 1] + "…"
