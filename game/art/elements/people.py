"""People and the things on their tables: figures, meeting tables, a television, letters, lecterns."""

from __future__ import annotations

import math

import numpy as np

from game.art.elements.canvas import Canvas
from game.art.scene_spec import Element
from game.art.shapes import ellipse

# A standing figure one unit tall, feet at y=0: head, then the body from shoulders to feet.
BODY = ((-0.04, -0.82), (0.04, -0.82), (0.12, -0.79), (0.155, -0.74), (0.15, -0.6), (0.12, -0.42), (0.1, 0),
        (0.02, 0), (0.0, -0.4), (-0.02, 0), (-0.1, 0), (-0.12, -0.42), (-0.15, -0.6), (-0.155, -0.74),
        (-0.12, -0.79))
# Seen at a table: head and shoulders, the rest hidden by the table's edge.
SEATED = ((-0.04, -0.82), (0.04, -0.82), (0.1, -0.79), (0.14, -0.74), (0.15, -0.6), (0.13, -0.44),
          (-0.13, -0.44), (-0.15, -0.6), (-0.14, -0.74), (-0.1, -0.79))


def _one_figure(canvas: Canvas, at, size: float, pose: str, pigment: str, strength: float = 0.7) -> None:
    def put(points) -> np.ndarray:
        return canvas.place(points, at, size)

    head = ellipse(0.0, -0.9, 0.075, 0.09, 16) if pose != "seated" else ellipse(0.0, -0.9, 0.085, 0.1, 16)
    canvas.wash(put(SEATED if pose == "seated" else BODY), pigment, strength, wobble=0.03, edge=0.7)
    canvas.wash(put(head), "flesh" if pose != "soldier" else pigment, 0.9 if pose != "soldier" else strength,
                wobble=0.03)
    canvas.wash(put(head), pigment, 0.25 * strength, wobble=0.03)
    if pose == "speaking":
        canvas.wash(put(((0.1, -0.76), (0.32, -0.98), (0.36, -0.95), (0.14, -0.68))), pigment, strength, wobble=0.02)
    elif pose == "waving":
        canvas.wash(put(((0.1, -0.76), (0.28, -1.08), (0.32, -1.06), (0.14, -0.7))), pigment, strength, wobble=0.02)
    elif pose == "soldier":
        canvas.wash(put(ellipse(0.0, -0.93, 0.09, 0.05, 16)), "olive", 0.9, wobble=0.02)
        canvas.ink(put(((0.16, -0.2), (0.24, -1.05))), "lamp_black", width=0.8)


def figure(canvas: Canvas, e: Element) -> None:
    size = 0.25 * e["scale"]
    x, y = e["at"]
    for row in reversed(range(e["rows"])):  # the back row first, so the front row stands before it
        depth = 1.0 - 0.15 * row
        many = 1 if e["spread"] == 0 else max(1, round(e["spread"] * 2.8 / (size * depth)))
        for k in range(many):
            # evenly along the spread, each a little out of line; back rows fill the front row's gaps
            slot = (k + 0.5 + 0.5 * (row % 2)) / many - 0.5
            fx = x + slot * e["spread"] + canvas.jitter(0.3 * e["spread"] / many)
            fy = y - row * 0.05 * e["scale"] + canvas.jitter(0.008)
            _one_figure(canvas, (fx, fy), size * depth * canvas.rng.uniform(0.92, 1.05), e["pose"], e["pigment"],
                        0.55 + 0.2 * (row == 0))


def table(canvas: Canvas, e: Element) -> None:
    """A meeting table in perspective, its seats along both sides, or a desk seen from the front."""
    size = 0.6 * e["scale"]
    x, y = e["at"]

    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size)

    if e["lamp"]:
        canvas.ink(put(((0.0, -1.2), (0.0, -0.75))), "sepia", width=0.8)
        canvas.wash(put(((-0.12, -0.68), (0.12, -0.68), (0.05, -0.76), (-0.05, -0.76))), "sepia", 0.6, wobble=0.02)
        cone = put(((-0.12, -0.68), (0.12, -0.68), (0.7, 0.3), (-0.7, 0.3)))
        canvas.lift(cone, 0.35, soften=canvas.height * 0.03)
        canvas.wash(cone, "naples_yellow", 0.2, edge=0.1, bleed=4.0, wobble=0.05)
        for ring in range(3):
            canvas.wash(put(ellipse(0.0, -0.66, 0.2 - ring * 0.06, 0.1 - ring * 0.03, 20)), "cadmium_yellow", 0.2,
                        edge=0.05, bleed=3.0)
    shape = e["shape"]
    if shape == "long":
        _long_table(canvas, e, size)
    elif shape == "horseshoe":
        _horseshoe(canvas, e, size)
    else:  # a desk seen from the front, someone seated behind it
        width = 0.55 if shape == "desk" else 0.3
        if e["seats"]:
            _one_figure(canvas, (x, y + 0.02 * size), 0.55 * size, "seated", "indigo", 0.8)
        canvas.wash(put(((-width, -0.02), (width, -0.02), (width, 0.35), (-width, 0.35))), e["pigment"], 0.7,
                    wobble=0.005, granulation=0.5)
        canvas.wash(put(((-width - 0.04, -0.06), (width + 0.04, -0.06), (width + 0.04, -0.01),
                         (-width - 0.04, -0.01))), e["pigment"], 0.85, wobble=0.005)
        canvas.ink(put(((-width, -0.02), (width, -0.02), (width, 0.35), (-width, 0.35))), "sepia", width=0.6,
                   closed=True, strength=0.5)
        if e["papers"]:
            canvas.wash(put(((-0.2, -0.09), (0.05, -0.09), (0.07, -0.06), (-0.22, -0.06))), "naples_yellow", 0.3)


def _horseshoe(canvas: Canvas, e: Element, size: float) -> None:
    """The Security Council's horseshoe seen from the floor: a far curve, two arms coming toward us."""
    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size)

    arc = np.linspace(math.pi, 0.0, 24)
    outer = [(-0.8, 0.3)] + [(0.8 * math.cos(a), -0.28 * math.sin(a)) for a in arc] + [(0.8, 0.3)]
    inner = [(0.55, 0.3)] + [(0.55 * math.cos(a), -0.17 * math.sin(a)) for a in arc[::-1]] + [(-0.55, 0.3)]
    seats = e["seats"]
    for k in range(seats):  # the members around the outside of the curve, facing in
        a = math.pi - (k + 0.5) / seats * math.pi
        fx, fy = 0.9 * math.cos(a), -0.33 * math.sin(a)
        if math.sin(a) < 0.35:
            fy += 0.12 * (0.35 - math.sin(a)) / 0.35
        canvas_at = put(((fx, fy + 0.02),))[0]
        _one_figure(canvas, (canvas_at[0] / canvas.width, canvas_at[1] / canvas.height), 0.32 * size, "seated",
                    "sepia", 0.7)
    top = np.array(outer + inner)
    canvas.lift(put(top), 0.85)
    canvas.wash(put(top), e["pigment"], 0.45, wobble=0.003, granulation=0.4)
    for side in (-1, 1):  # the ends of the arms, facing us
        face = ((side * 0.8, 0.3), (side * 0.8, 0.37), (side * 0.55, 0.37), (side * 0.55, 0.3))
        canvas.wash(put(face), e["pigment"], 0.8, wobble=0.0)
    canvas.ink(put(outer), "sepia", width=0.7, strength=0.6)
    canvas.ink(put(inner), "sepia", width=0.6, strength=0.5)
    canvas.wash(put(((-0.2, 0.12), (0.2, 0.12), (0.2, 0.2), (-0.2, 0.2))), e["pigment"], 0.6, wobble=0.0)


def _long_table(canvas: Canvas, e: Element, size: float) -> None:
    """The table seen from its foot, in perspective: an oval top, the seated on both sides, far first."""
    x0, y0 = canvas.point(e["at"])
    unit = size * canvas.height

    def project(u: float, w: float) -> tuple[float, float, float]:
        z = 1.0 + 2.6 * w  # w: 0 at the near end, 1 at the far end
        return x0 + u * unit * 1.3 / z, y0 - unit * 0.8 * (1.0 - 1.0 / z), 1.0 / z

    top = [project(0.34 * math.cos(t), 0.5 + 0.5 * math.sin(t))[:2] for t in np.linspace(0, 2 * math.pi, 48)]
    edge = [project(0.34 * math.cos(t), 0.5 + 0.5 * math.sin(t))[:2] for t in np.linspace(math.pi, 2 * math.pi, 24)]
    apron = np.array(edge + [(px, py + unit * 0.05) for px, py in edge[::-1]])
    seats = e["seats"] // 2
    placed = []
    for k in range(seats):
        w = 0.9 - 0.75 * k / max(1, seats - 1)
        for side in (-1, 1):
            half = 0.34 * math.sqrt(max(0.0, 1 - (2 * w - 1) ** 2)) + 0.08
            placed.append((w, project(side * half, w)))
    def seat(px: float, py: float, depth: float, strength: float) -> None:
        size = unit * 0.55 * depth
        # a seated bust ends at 0.44 of a figure's height: set that line at the table's edge
        _one_figure(canvas, (px / canvas.width, (py + 0.44 * size) / canvas.height), size / canvas.height,
                    "seated", "sepia", strength)

    for w, (px, py, depth) in placed:  # the far half of the table hides nobody: seats behind it first
        if w > 0.5:
            seat(px, py, depth, 0.6)
    canvas.lift(np.array(top), 0.8)
    canvas.wash(np.array(top), e["pigment"], 0.75, wobble=0.005, granulation=0.5)
    canvas.wash(apron, e["pigment"], 0.75, wobble=0.005)
    canvas.ink(np.array(top), "sepia", width=0.7, closed=True, strength=0.6)
    if e["papers"]:
        for w, (px, py, depth) in placed:
            inward = (x0 - px) * 0.25
            page = ellipse(px + inward, py, unit * 0.035 * depth, unit * 0.012 * depth, 8)
            canvas.lift(page, 0.6)
            canvas.wash(page, "naples_yellow", 0.2, wobble=0.0)
    for w, (px, py, depth) in placed:
        if w <= 0.5:
            seat(px, py, depth, 0.75)


def television(canvas: Canvas, e: Element) -> None:
    """A 1960s set on splayed legs, the screen's grey-blue glow, the President at his desk on it."""
    size = 0.5 * e["scale"]

    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size)

    if e["glow"]:
        for ring in range(3):
            r = 0.9 - ring * 0.2
            canvas.wash(put(ellipse(0.0, -0.05, r, r * 0.8, 24)), "cerulean", 0.08 * e["glow"], edge=0.05, bleed=4.0)
    for x in (-0.4, 0.4):
        canvas.ink(put(((x * 0.9, 0.35), (x * 1.05, 0.65))), "sepia", width=1.6)
    cabinet = ((-0.62, -0.5), (0.62, -0.5), (0.65, 0.35), (-0.65, 0.35))
    canvas.lift(put(cabinet), 0.8)
    canvas.wash(put(cabinet), e["pigment"], 0.6, wobble=0.005, granulation=0.6)
    canvas.ink(put(cabinet), "sepia", width=0.8, closed=True)
    screen = [(0.48 * math.cos(a), -0.05 + 0.33 * math.sin(a)) for a in np.linspace(0, 2 * math.pi, 40)]
    canvas.lift(put(screen), 0.95)
    canvas.wash(put(screen), "cerulean", 0.12, wobble=0.0, edge=0.2)
    canvas.wash(put(screen), "payne_grey", 0.12, wobble=0.0, edge=0.6)
    if e["screen"] != "blank":
        if e["screen"] == "president":  # the flag behind his right shoulder, as in the Oval Office broadcast
            canvas.ink(put(((0.3, 0.1), (0.3, -0.3))), "payne_grey", width=0.8)
            canvas.wash(put(((0.3, -0.3), (0.42, -0.28), (0.42, -0.12), (0.3, -0.14))), "payne_grey", 0.4)
        _one_figure(canvas, (e["at"][0], e["at"][1] + 0.3 * size), 0.55 * size, "seated", "payne_grey", 0.8)
        canvas.wash(put(((-0.36, 0.06), (0.36, 0.06), (0.38, 0.26), (-0.38, 0.26))), "payne_grey", 0.55,
                    wobble=0.0)
        canvas.lift(put(((-0.1, 0.07), (0.06, 0.07), (0.07, 0.1), (-0.11, 0.1))), 0.7)
    for y in np.linspace(-0.33, 0.26, 14):  # the scan lines
        canvas.ink(put(((-0.44, y), (0.44, y))), "payne_grey", width=0.3, strength=0.15, wobble=0.0)
    canvas.ink(put(screen), "lamp_black", width=1.0, closed=True, strength=0.7)
    for kx in (0.52, 0.56):
        canvas.wash(put(ellipse(kx - 0.04, -0.2 + (kx - 0.52) * 5, 0.025, 0.025, 10)), "lamp_black", 0.7)
    canvas.ink(put(((0.0, -0.5), (-0.3, -0.95))), "sepia", width=0.8)
    canvas.ink(put(((0.0, -0.5), (0.25, -0.98))), "sepia", width=0.8)
    canvas.wash(put(ellipse(0.0, -0.52, 0.1, 0.04, 14)), "sepia", 0.6)


def letter(canvas: Canvas, e: Element) -> None:
    """A written page: pale paper, lines of ink handwriting, perhaps a seal or a pen across it."""
    size = 0.55 * e["scale"]

    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size, angle=e["angle"])

    page = ((-0.3, -0.42), (0.3, -0.42), (0.3, 0.42), (-0.3, 0.42))
    canvas.wash(put(((-0.28, -0.38), (0.33, -0.38), (0.33, 0.46), (-0.28, 0.46))), "burnt_umber", 0.4, wobble=0.01)
    canvas.lift(put(page), 0.92, soften=1.0)
    canvas.wash(put(page), "naples_yellow", 0.12, wobble=0.0, edge=0.3)
    canvas.ink(put(page), "sepia", width=0.5, closed=True, strength=0.4)
    for row in range(e["lines"]):
        y = -0.33 + row * 0.065
        end = 0.24 if row < e["lines"] - 1 else 0.05
        xs = np.linspace(-0.23, end, 24)
        ys = y + 0.006 * np.sin(xs * 90 + row)
        canvas.ink(put(np.column_stack((xs, ys))), e["pigment"], width=0.55, strength=0.55, wobble=0.4)
    if e["seal"]:
        canvas.wash(put(ellipse(0.17, 0.33, 0.05, 0.05, 16)), "alizarin", 0.8, wobble=0.03)
    if e["pen"]:
        canvas.wash(put(((0.1, 0.5), (0.55, 0.0), (0.57, 0.02), (0.13, 0.52))), "lamp_black", 0.8, wobble=0.0)
        canvas.wash(put(((0.55, 0.0), (0.61, -0.06), (0.57, 0.02))), "cadmium_yellow", 0.6, wobble=0.0)


def papers(canvas: Canvas, e: Element) -> None:
    for k in range(e["count"]):
        at = (e["at"][0] + canvas.jitter(e["spread"] * 0.5), e["at"][1] + canvas.jitter(e["spread"] * 0.25))
        letter(canvas, Element("letter", {"at": at, "scale": e["scale"] * 0.5, "angle": canvas.jitter(35),
                                          "lines": 7, "seal": False, "pen": False, "pigment": e["pigment"]}))


def podium(canvas: Canvas, e: Element) -> None:
    size = 0.4 * e["scale"]

    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size)

    stand = ((-0.22, -0.62), (0.22, -0.62), (0.17, 0.0), (-0.17, 0.0))
    canvas.lift(put(stand), 0.9)
    canvas.wash(put(stand), e["pigment"], 0.7, wobble=0.005, granulation=0.5)
    canvas.ink(put(stand), "sepia", width=0.7, closed=True)
    canvas.wash(put(ellipse(0.0, -0.38, 0.08, 0.08, 20)), "naples_yellow", 0.5)
    canvas.ink(put(ellipse(0.0, -0.38, 0.08, 0.08, 20)), "sepia", width=0.5, closed=True)
    for k in range(e["microphones"]):
        x = (k - (e["microphones"] - 1) / 2) * 0.07
        tip = (x * 1.3, -0.82 + abs(x) * 0.3)
        canvas.ink(put(((x * 0.5, -0.62), tip)), "lamp_black", width=0.7)
        canvas.wash(put(ellipse(tip[0], tip[1], 0.025, 0.035, 10)), "lamp_black", 0.8, wobble=0.0)


def handshake(canvas: Canvas, e: Element) -> None:
    """Two dark sleeves from either side, white cuffs, the hands clasped between."""
    size = 0.5 * e["scale"]

    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size)

    for side, pigment in ((-1, "indigo"), (1, "payne_grey")):
        sleeve = ((side * 1.2, -0.05 + side * 0.05), (side * 0.32, -0.1), (side * 0.3, 0.1),
                  (side * 1.2, 0.25 + side * 0.05))
        canvas.wash(put(sleeve), pigment, 0.8, wobble=0.01)
        canvas.wash(put(((side * 0.32, -0.1), (side * 0.24, -0.1), (side * 0.22, 0.1), (side * 0.3, 0.1))),
                    "naples_yellow", 0.12, wobble=0.0)
        canvas.ink(put(((side * 0.32, -0.1), (side * 0.3, 0.1))), "sepia", width=0.6)
    palm = ((-0.24, -0.08), (0.0, -0.14), (0.24, -0.08), (0.22, 0.1), (0.0, 0.14), (-0.22, 0.1))
    canvas.lift(put(palm), 0.9)
    canvas.wash(put(palm), "flesh", 0.9, wobble=0.02)
    canvas.wash(put(palm), "burnt_sienna", 0.15, wobble=0.02)
    for k in range(4):  # the fingers folded over the other hand
        y = -0.08 + k * 0.05
        canvas.ink(put(((-0.02, y), (0.12, y + 0.01), (0.16, y + 0.04))), "burnt_sienna", width=0.6)
    canvas.ink(put(((0.0, -0.14), (-0.12, -0.2), (-0.2, -0.16))), "burnt_sienna", width=0.7)
    canvas.ink(put(palm), "sepia", width=0.5, closed=True, strength=0.5)


# A tiny pen alphabet on a 4x6 grid (x right, y down): strokes of grid points.
GLYPHS = {
    "A": ((0, 6, 2, 0, 4, 6), (1, 3, 3, 3)), "B": ((0, 0, 0, 6, 3, 6, 4, 5, 3, 3, 0, 3), (0, 0, 3, 0, 4, 1, 3, 3)),
    "C": ((4, 1, 3, 0, 1, 0, 0, 1, 0, 5, 1, 6, 3, 6, 4, 5),), "D": ((0, 0, 0, 6, 3, 6, 4, 4, 4, 2, 3, 0, 0, 0),),
    "E": ((4, 0, 0, 0, 0, 6, 4, 6), (0, 3, 3, 3)), "F": ((4, 0, 0, 0, 0, 6), (0, 3, 3, 3)),
    "G": ((4, 1, 3, 0, 1, 0, 0, 1, 0, 5, 1, 6, 4, 6, 4, 3, 2, 3),), "H": ((0, 0, 0, 6), (4, 0, 4, 6), (0, 3, 4, 3)),
    "I": ((2, 0, 2, 6), (1, 0, 3, 0), (1, 6, 3, 6)), "J": ((4, 0, 4, 5, 3, 6, 1, 6, 0, 5),),
    "K": ((0, 0, 0, 6), (4, 0, 0, 4), (1, 3, 4, 6)), "L": ((0, 0, 0, 6, 4, 6),),
    "M": ((0, 6, 0, 0, 2, 3, 4, 0, 4, 6),), "N": ((0, 6, 0, 0, 4, 6, 4, 0),),
    "O": ((1, 0, 3, 0, 4, 1, 4, 5, 3, 6, 1, 6, 0, 5, 0, 1, 1, 0),), "P": ((0, 6, 0, 0, 3, 0, 4, 1, 4, 2, 3, 3, 0, 3),),
    "Q": ((1, 0, 3, 0, 4, 1, 4, 5, 3, 6, 1, 6, 0, 5, 0, 1, 1, 0), (2, 4, 4, 6)),
    "R": ((0, 6, 0, 0, 3, 0, 4, 1, 4, 2, 3, 3, 0, 3), (2, 3, 4, 6)),
    "S": ((4, 1, 3, 0, 1, 0, 0, 1, 0, 2, 4, 4, 4, 5, 3, 6, 1, 6, 0, 5),), "T": ((0, 0, 4, 0), (2, 0, 2, 6)),
    "U": ((0, 0, 0, 5, 1, 6, 3, 6, 4, 5, 4, 0),), "V": ((0, 0, 2, 6, 4, 0),), "W": ((0, 0, 1, 6, 2, 3, 3, 6, 4, 0),),
    "X": ((0, 0, 4, 6), (4, 0, 0, 6)), "Y": ((0, 0, 2, 3, 4, 0), (2, 3, 2, 6)), "Z": ((0, 0, 4, 0, 0, 6, 4, 6),),
    "0": ((1, 0, 3, 0, 4, 1, 4, 5, 3, 6, 1, 6, 0, 5, 0, 1, 1, 0),), "1": ((1, 1, 2, 0, 2, 6),),
    "2": ((0, 1, 1, 0, 3, 0, 4, 1, 4, 2, 0, 6, 4, 6),), "3": ((0, 0, 4, 0, 2, 2, 4, 4, 3, 6, 0, 6),),
    "4": ((3, 6, 3, 0, 0, 4, 4, 4),), "5": ((4, 0, 0, 0, 0, 3, 3, 3, 4, 4, 4, 5, 3, 6, 0, 6),),
    "6": ((3, 0, 1, 0, 0, 2, 0, 5, 1, 6, 3, 6, 4, 5, 4, 4, 3, 3, 0, 3),), "7": ((0, 0, 4, 0, 1, 6),),
    "8": ((1, 3, 0, 2, 0, 1, 1, 0, 3, 0, 4, 1, 4, 2, 3, 3, 1, 3, 0, 4, 0, 5, 1, 6, 3, 6, 4, 5, 4, 4, 3, 3),),
    "9": ((4, 3, 1, 3, 0, 2, 0, 1, 1, 0, 3, 0, 4, 1, 4, 4, 3, 6, 1, 6),),
    ".": ((2, 5.6, 2, 6),), ",": ((2, 5, 1.5, 7),), "-": ((1, 3, 3, 3),), "'": ((2, 0, 2, 1.5),),
    ":": ((2, 1.6, 2, 2), (2, 5.6, 2, 6)), "!": ((2, 0, 2, 4), (2, 5.6, 2, 6)), "?": ((0, 1, 1, 0, 3, 0, 4, 1, 2, 3, 2, 4), (2, 5.6, 2, 6)),
}


def text_plate(canvas: Canvas, e: Element) -> None:
    """A short caption in pen capitals on a pale card."""
    text = e["text"].upper()
    if not text:
        return
    letter_height = canvas.height * 0.035 * e["scale"]
    unit = letter_height / 6
    advance = unit * 5.5
    width = advance * len(text)
    x0, y0 = canvas.x(e["at"][0]) - width / 2, canvas.y(e["at"][1]) - letter_height / 2
    card = ((x0 - unit * 3, y0 - unit * 3), (x0 + width + unit * 2, y0 - unit * 3),
            (x0 + width + unit * 2, y0 + letter_height + unit * 3), (x0 - unit * 3, y0 + letter_height + unit * 3))
    canvas.lift(card, 0.9, soften=1.0)
    canvas.wash(card, "naples_yellow", 0.2, wobble=0.005, edge=0.4)
    canvas.ink(card, "sepia", width=0.6, strength=0.5, closed=True)
    for index, char in enumerate(text):
        for stroke in GLYPHS.get(char, ()):
            points = np.array(stroke, dtype=float).reshape(-1, 2) * unit + (x0 + index * advance, y0)
            canvas.ink(points, e["pigment"], width=max(0.5, unit * 0.7 / canvas.line), strength=0.85, wobble=0.2)
