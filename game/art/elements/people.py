"""People and the things on their tables: figures, meeting tables, a television, letters, lecterns."""

from __future__ import annotations

import math

import numpy as np

from game.art import lettering
from game.art.elements import bodies
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


# Hair for people in a crowd, who are nobody in particular: dark, brown, fair, grey.
CROWD_HAIR = (("sepia", 0.75), ("burnt_umber", 0.7), ("raw_sienna", 0.55), ("payne_grey", 0.4), ("sepia", 0.6))


def _one_figure(canvas: Canvas, at, size: float, pose: str, pigment: str, strength: float = 0.7) -> None:
    """An anonymous person in a crowd or a row: painted, as a figure in a painter's crowd is, in two
    values (the lit side and the shadow side, the light from the left), with a head of flesh and
    hair, a pale collar, and nothing darker than the shadows between them."""
    def put(points) -> np.ndarray:
        return canvas.place(points, at, size)

    seated = pose == "seated"
    body = np.array(SEATED if seated else BODY)
    head_r = (0.085, 0.1) if seated else (0.075, 0.09)
    head = ellipse(0.0, -0.9, *head_r, 16)
    canvas.wash(put(body), pigment, 0.5 * strength, wobble=0.03, edge=0.5)
    shade = body[body[:, 0] >= -0.01]  # the half away from the light, a second glaze
    shade = np.vstack(([(0.0, body[:, 1].min())], shade, [(0.0, body[:, 1].max())]))
    canvas.wash(put(shade), pigment, 0.35 * strength, wobble=0.03, edge=0.4)
    if pose == "soldier":
        canvas.wash(put(head), "flesh", 0.8, wobble=0.03)
        canvas.wash(put(ellipse(0.02, -0.88, 0.05, 0.085, 12)), "burnt_sienna", 0.3, wobble=0.02)
        canvas.wash(put(ellipse(0.0, -0.93, 0.09, 0.05, 16)), "olive", 0.9, wobble=0.02)
        canvas.ink(put(((0.16, -0.2), (0.24, -1.05))), "lamp_black", width=0.8)
        return
    # a pale collar, then the head: flesh, its shadow side, and the hair over the crown
    canvas.lift(put(ellipse(0.0, -0.81, 0.05, 0.018, 10)), 0.6, soften=0.6)
    canvas.wash(put(head), "flesh", 0.9, wobble=0.03)
    canvas.wash(put(ellipse(0.025, -0.89, head_r[0] * 0.6, head_r[1] * 0.85, 12)), "burnt_sienna", 0.3,
                wobble=0.02, edge=0.2)
    hair_pigment, hair_strength = CROWD_HAIR[int(canvas.rng.integers(len(CROWD_HAIR)))]
    hx, hy = head_r
    # seen in a crowd, most people face away or half away: the hair covers more or less of the head
    cover = canvas.rng.uniform(0.35, 0.9)
    cap = [(hx * 1.05 * math.cos(t), -0.9 - hy * 1.08 * math.sin(t)) for t in np.linspace(0.0, math.pi, 12)]
    cap += [(-hx * 1.05, -0.9 + hy * (cover - 0.4)), (0.0, -0.9 + hy * (cover - 0.25)), (hx * 1.05, -0.9 + hy * (cover - 0.4))]
    canvas.wash(put(cap), hair_pigment, hair_strength * strength * 1.2, wobble=0.03, edge=0.5)
    if pose == "speaking":
        canvas.wash(put(((0.1, -0.76), (0.32, -0.98), (0.36, -0.95), (0.14, -0.68))), pigment, strength, wobble=0.02)
    elif pose == "waving":
        canvas.wash(put(((0.1, -0.76), (0.28, -1.08), (0.32, -1.06), (0.14, -0.7))), pigment, strength, wobble=0.02)


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
        canvas.lift(cone, 0.15, soften=canvas.height * 0.04)
        canvas.wash(cone, "naples_yellow", 0.18, edge=0.0, bleed=4.0, wobble=0.05)
        for ring in range(3):
            canvas.wash(put(ellipse(0.0, -0.66, 0.2 - ring * 0.06, 0.1 - ring * 0.03, 20)), "cadmium_yellow", 0.2,
                        edge=0.05, bleed=3.0)
    shape = e["shape"]
    if shape == "side":
        _side_table(canvas, e, size)
    elif shape == "long":
        _long_table(canvas, e, size)
    elif shape == "horseshoe":
        _horseshoe(canvas, e, size)
    else:  # a desk seen from the front, someone seated behind it
        width = 0.55 if shape == "desk" else 0.3
        if e["seats"]:
            _one_figure(canvas, (x, y + 0.02 * size), 0.55 * size, "seated", "indigo", 0.8)
        front = put(((-width, -0.02), (width, -0.02), (width, 0.35), (-width, 0.35)))
        top = put(((-width - 0.04, -0.06), (width + 0.04, -0.06), (width + 0.04, -0.01), (-width - 0.04, -0.01)))
        canvas.wash(front, e["pigment"], 0.7, wobble=0.005, granulation=0.5)
        canvas.wash(top, e["pigment"], 0.85, wobble=0.005)
        canvas.ink(front, "sepia", width=0.6, closed=True, strength=0.5)
        canvas.cover(front)
        canvas.cover(top)
        if e["papers"]:  # pale, yet they hide what stands behind the desk as much as the wood does
            papers = put(((-0.2, -0.09), (0.05, -0.09), (0.07, -0.06), (-0.22, -0.06)))
            canvas.wash(papers, "naples_yellow", 0.3)
            canvas.cover(papers)


def _side_table(canvas: Canvas, e: Element, size: float) -> None:
    """A long table seen across its width, a little from above: its top in perspective, the near
    edge and apron, papers, glasses and an ashtray where the places are."""
    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size)

    top = ((-1.0, 0.0), (1.0, 0.0), (0.86, -0.14), (-0.86, -0.14))
    canvas.lift(put(top), 0.85, soften=1.5)
    canvas.wash(put(top), e["pigment"], 0.55, wobble=0.003, granulation=0.5, edge=0.5)
    canvas.painting.gradient_wash("sepia", 0.25, top=0.0, bottom=1.0, region=put(top))
    canvas.lift(put(((-0.7, -0.12), (0.7, -0.12), (0.75, -0.08), (-0.75, -0.08))), 0.3, soften=canvas.height * 0.01)
    apron = ((-1.0, 0.0), (1.0, 0.0), (1.0, 0.06), (-1.0, 0.06))
    across = {"left": 1.0, "right": -1.0}.get(canvas.light, 0.0)
    with canvas.painting.untracked():  # its shadow on the floor, away from the light
        cast = ((-0.98, 0.3), (0.98, 0.3), (0.98 + 0.25 * across, 0.5), (-0.98 + 0.25 * across, 0.5))
        canvas.wash(put(cast), (("ultramarine", 0.2), ("burnt_sienna", 0.14), ("payne_grey", 0.1)), 1.0,
                    wobble=0.01, edge=0.1, bleed=canvas.height * 0.01, granulation=0.6)
    canvas.wash(put(apron), e["pigment"], 0.85, wobble=0.002)
    canvas.wash(put(((-1.0, 0.06), (1.0, 0.06), (1.0, 0.4), (-1.0, 0.4))), "sepia", 0.45, wobble=0.002, edge=0.2)
    canvas.ink(put(((-1.0, 0.0), (1.0, 0.0))), "sepia", width=1.0, strength=0.7)
    if e["papers"]:
        for k in range(e["seats"] or 6):
            u = -0.8 + 1.6 * (k + 0.5) / max(1, e["seats"] or 6)
            page = ((u - 0.07, -0.03), (u + 0.06, -0.035), (u + 0.05, -0.09), (u - 0.06, -0.085))
            canvas.lift(put(page), 0.85)
            canvas.wash(put(page), "naples_yellow", 0.12, wobble=0.0)
            canvas.ink(put(((u - 0.05, -0.05), (u + 0.04, -0.055))), "sepia", width=0.4, strength=0.4)
            if k % 2 == 0:  # a water glass
                canvas.wash(put(((u + 0.09, -0.06), (u + 0.12, -0.06), (u + 0.115, -0.13), (u + 0.095, -0.13))),
                            "cerulean", 0.12, wobble=0.0)
                canvas.ink(put(((u + 0.09, -0.06), (u + 0.095, -0.13))), "payne_grey", width=0.4, strength=0.5)


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
        for _, (px, py, depth) in placed:
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
    if e["who"]:  # someone on the screen, in black and white, and nothing of them past its edge
        painting = canvas.painting
        before = painting.snapshot()
        head = Element("person", {"who": e["who"], "pose": "bust", "turn": "front", "expression": "as_portrait",
                                  "at": (e["at"][0], e["at"][1] - 0.02 * size), "scale": 1.15 * e["scale"],
                                  "light": "front", "colour": "monochrome", "depth": 0.0})
        person(canvas, head)
        painting.keep_inside(before, canvas.painting.coverage([put(screen)]))
        canvas.wash(put(((-0.4, 0.14), (0.4, 0.14), (0.42, 0.24), (-0.42, 0.24))), "payne_grey", 0.45, wobble=0.0)
    elif e["screen"] != "blank":
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
    for _ in range(e["count"]):
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


def text_plate(canvas: Canvas, e: Element) -> None:
    """A short caption in pen capitals on a pale card (game/art/lettering.py: accents and Cyrillic too)."""
    text = lettering.capitals(e["text"])
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
        for stroke in lettering.strokes(char) or ():
            points = np.array(stroke, dtype=float).reshape(-1, 2) * unit + (x0 + index * advance, y0)
            canvas.ink(points, e["pigment"], width=max(0.5, unit * 0.7 / canvas.line), strength=0.85, wobble=0.2)


# -- a scenario's people, from their portrait words ------------------------------------------------

# How big a person's head is at scale 1: a tenth of the picture's height, as in a middle shot.
HEAD_AT_SCALE_1 = 0.1
# A head smaller than this (px, crown to chin) is painted on a sheet of its own twice the size (see
# ``person``); a larger one has room for its features at the scene's own size.
HEAD_SHEET_BELOW = 120
CLAIM_INSET = 0.02  # how far inside his clothes' outlines a person claims his place (a share of his sheet)
# how much higher (head units) a collar sits at the back of the neck than in front
BACK_COLLAR_RISE = 0.18


def person(canvas: Canvas, e: Element) -> None:
    """Someone of the scenario (or the library's people): the portrait painter's head and clothes.

    ``at`` is where the eyes are; the body is drawn below as the pose asks (a bust behind a
    table, seated with forearms on it, standing, speaking, pointing).
    """
    from dataclasses import replace

    from game.art import attire, face_features
    from game.art.head import LIGHTS, Frame, Sitter, ray_step
    from game.art.head_paint import paint_head
    from game.art.likeness import build_for
    from game.art.portrait_spec import resolve
    from game.art.portraits import EYES_AT, HEAD_SIZE, look_for, torso_for
    from game.art.watercolor import Painting, block_mean, polygon_mask, soften

    words = dict(canvas.people[e["who"]])
    if e["turn"] in ("front", "left", "right"):
        words["turn"] = e["turn"]
    if e["expression"] != "as_portrait":
        words["expression"] = e["expression"]
    sitter = resolve(words)
    build = build_for(sitter)
    if e["turn"] == "away":  # the back of the head, a little of the cheek showing
        build = replace(build, yaw=160.0)
    x, y = canvas.point(e["at"])
    head_px = HEAD_AT_SCALE_1 * canvas.height * e["scale"]
    if head_px < 3.0:
        return
    light = canvas.light if e["light"] == "scene" else e["light"]
    size = head_px / HEAD_SIZE
    sheet = attire.Sheet(canvas.painting, x - EYES_AT[0] * size, y - EYES_AT[1] * size, size)
    torso = torso_for(sitter, size, EYES_AT, HEAD_SIZE)
    if e["turn"] == "away":
        torso = replace(torso, back=True, turn=0.0)
        if e["pose"] not in bodies.STANDING:
            # a collar rides higher at the back than at the throat: seen from behind, the neck shows
            # from the hair at the nape down to a collar at about the chin's height (set where it is
            # in front, the neck ran a head's height down to the shoulders). A standing man's body
            # hangs from his collar down to his feet on the floor, and is left where it stands.
            torso = replace(torso, collar_y=torso.collar_y - BACK_COLLAR_RISE * HEAD_SIZE)
    x0, y0 = int(max(0, x - 0.75 * head_px)), int(max(0, y - 0.78 * head_px))
    x1, y1 = int(min(canvas.width, x + 0.75 * head_px)), int(min(canvas.height, y + 0.9 * head_px))
    if x1 <= x0 or y1 <= y0:
        return
    # a figure stands in front of what was painted before: the scene keeps track of its paint and
    # takes back what lay under it (scenes.reserve), as a painter leaves a figure's place white
    outlines = _body(sheet, sitter, torso, e["pose"], light)
    look = look_for(sitter, detail=min(1.0, head_px / 140.0))
    if e["colour"] == "monochrome":  # on a black-and-white screen
        look = replace(look, skin="mono", hair="mono")
    # a small head is painted on a sheet of its own, twice as large, and laid into the scene reduced
    # (as a portrait is): at the scene's own size its washes and lines spread by whole pixels over
    # features a few pixels wide
    k = 2 if head_px < HEAD_SHEET_BELOW else 1
    paper = Painting((x1 - x0) * k, (y1 - y0) * k, int(canvas.painting.rng.integers(2**62)))
    paper.wet_spread = canvas.painting.wet_spread * k
    near = Sitter(build, Frame((x - x0) * k, (y - y0) * k, head_px * k), build.yaw, build.pitch,
                  light=LIGHTS[light])
    big_sheet = attire.Sheet(paper, (sheet.x0 - x0) * k, (sheet.y0 - y0) * k, size * k)
    box = (0, 0, paper.width, paper.height)
    clothes = polygon_mask([big_sheet.pixels_of(attire.outline(sitter, torso, e["pose"]))], *box) > 0.5
    # cast with as many rays as the head has at the scene's size (the light changes slowly; the
    # features are lines over the surface), and none into the neck under the collar
    render = near.render(box, step=k * ray_step(head_px), covered=clothes)
    render.hit &= ~clothes
    render.material[clothes] = 0
    paint_head(paper, near, look, box, render=render)
    if sitter.glasses and head_px > 14:
        face_features.glasses(paper, near, render, sitter.glasses_style)
    if e["colour"] == "monochrome":  # its lips, the warm round the eyes, a mole: greys like the rest
        paper.drain_colour()
    canvas.painting.take_in(paper, (x0, y0), k)
    covered = block_mean(render.hit.astype(np.float32), k)
    canvas.claim(soften(covered, 0.6), (x0, y0))
    placed = bodies.figure_mask(sheet, outlines)
    if placed is not None:
        # claimed a little inside the outlines: a wash's wobbling layers thin out over its last
        # pixels, and what it leaves of the wall there must stay (claimed to the outline, the wall
        # was taken from under the thin edge and a pale sliver ran down the jacket's side)
        body, at = placed
        inside = soften(body, max(0.6, CLAIM_INSET * size)) > 0.85
        canvas.claim_outline(soften(inside.astype(np.float32), 0.6), at)


def _body(sheet, sitter, torso, pose: str, light_name: str) -> list[np.ndarray]:
    """The clothes' chest (game/art/attire.py) and, round it, the body a pose needs (bodies.py):
    the shadow on the ground, the legs, the jacket to the hips, the arms and hands, then the whole
    figure turned in the scene's one light. Returns the outlines of its parts (sheet units)."""
    from game.art import attire

    light = bodies.Light.named(light_name)
    facing = 1.0 if torso.turn <= 0 else -1.0  # the side the figure looks toward
    # a standing man's jacket is one wash from the collar to the hips; a seated one's chest meets
    # its lower part behind the table
    jacket = pose if pose in bodies.STANDING else "bust"
    outlines = [attire.outline(sitter, torso, jacket)]  # (a bust's flares out below where a jacket's narrows)
    if pose in bodies.STANDING:
        bodies.paint_ground_shadow(sheet, torso, light, pose)
        weight = int(facing) if not torso.back else 1
        outlines += bodies.paint_legs(sheet, sitter, torso, light, weight)
    if pose != "bust" and jacket == "bust":  # seated: the jacket's lower part, under the chest's edge
        outlines.append(bodies.paint_skirt(sheet, sitter, torso))
    attire.paint(sheet, sitter, torso, jacket)
    if jacket != "bust":  # standing: the belt, the button and the pockets, over the jacket's one wash
        outlines.append(bodies.paint_skirt(sheet, sitter, torso, washed=False))
    outlines += bodies.paint_arms(sheet, sitter, torso, pose, light, facing)
    bodies.paint_creases(sheet, sitter, outlines)
    bodies.model_figure(sheet, outlines, torso.cx, bodies.shoulders_of(sitter) + 0.1, light)
    return outlines


# A hand on a table against a hand's first size, along and across the forearm: seen across the
# table it is foreshortened along the arm but keeps its breadth (bodies.STANDING_HAND). (At 0.7 and
# 1.0 a pair of folded hands was a small round blob between the sleeves.)
TABLE_HAND = (0.95, 1.3)


def hands(canvas: Canvas, e: Element) -> None:
    """A seated person's forearms on the table before them, painted after the table so they lie on
    it: ``at`` is where the body meets the table's far edge, ``scale`` the person's. The sleeves and
    the hands are the person's own; the forearms cast their shadow on the table top."""
    from game.art import attire
    from game.art.portrait_spec import resolve
    from game.art.portraits import HEAD_SIZE

    sitter = resolve(dict(canvas.people[e["who"]]))
    head_px = HEAD_AT_SCALE_1 * canvas.height * e["scale"]
    if head_px < 4.0:
        return
    size = head_px / HEAD_SIZE
    x, y = canvas.point(e["at"])
    sheet = attire.Sheet(canvas.painting, x - 0.5 * size, y, size)
    light = bodies.Light.named(canvas.light)
    arms = bodies.forearms(sitter, e["pose"])
    shift = np.array((0.05 * (light.side or 0.0), 0.035))
    with canvas.painting.untracked():  # the shadow lies on the table; it does not cover it
        for arm in arms:
            sheet.wash(arm.outline() + shift, bodies.CAST, layers=4, wobble=0.02, edge=0.2, bleed=1.5,
                       granulation=0.6)
    cloth = attire.CLOTH[sitter.attire]
    if e["pose"] == "writing":  # the page under the hands, lines written down to where the pen is
        page = np.array([(0.22, 0.07), (0.66, 0.06), (0.7, 0.22), (0.24, 0.23)])
        canvas.lift(sheet.pixels_of(page), 0.85, soften=0.8)
        sheet.wash(page, (("naples_yellow", 0.12),), layers=3, edge=0.5)
        for k in range(3):
            sheet.ink([(0.3, 0.09 + k * 0.03), (0.6, 0.085 + k * 0.03)], "sepia", width=1.0, strength=0.35)
    for arm in arms:  # the sleeves' place lifted first, so the table's brown does not muddy them
        canvas.lift(sheet.pixels_of(arm.outline()), 0.8, soften=0.8)
    for index, arm in enumerate(arms):
        sheet.wash(arm.outline(), cloth, layers=6, granulation=0.5, wobble=bodies.LIMB_WOBBLE)
        sheet.wash(arm.shade_side(light), bodies.SHADE, layers=3, wobble=0.02, edge=0.2)
        writing_hand = e["pose"] == "writing" and index == 1  # curled round the pen
        bodies.paint_hand(sheet, sitter, arm, light, open_hand=e["pose"] != "folded" and not writing_hand,
                          length=TABLE_HAND[0], breadth=TABLE_HAND[1], thumb_toward=0.5)
        if writing_hand:  # the pen held in the fist, its tip on the page past the fingers, its end up by the knuckles
            wrist, along = arm.end()
            tip = wrist + along * 0.12 + (0.0, 0.015)
            sheet.ink([tip, tip + (0.05, -0.11)], "lamp_black", width=2.2, strength=0.85)
        if e["pose"] == "holding" and index == 0:  # a sheet of paper held between the hands
            page = np.array([(0.34, 0.1), (0.64, 0.09), (0.67, 0.2), (0.36, 0.21)])
            canvas.lift(sheet.pixels_of(page), 0.85, soften=0.8)
            sheet.wash(page, (("naples_yellow", 0.12),), layers=3, edge=0.5)
            for k in range(4):
                sheet.ink([(0.4, 0.12 + k * 0.022), (0.61, 0.115 + k * 0.022)], "sepia", width=1.0, strength=0.35)


def _photograph(canvas: Canvas, put, x: float, y: float, w: float, h: float) -> None:
    """An enlarged reconnaissance print: grey fields, tree lines, a scatter of vehicles, a caption."""
    frame = ((x, y), (x + w, y), (x + w, y + h), (x, y + h))
    canvas.lift(put(frame), 0.9, soften=0.8)
    canvas.wash(put(frame), "payne_grey", 0.22, wobble=0.002, edge=0.4, granulation=0.6)
    for _ in range(5):  # fields and woods, darker and lighter patches
        cx, cy = x + canvas.rng.uniform(0.1, 0.9) * w, y + canvas.rng.uniform(0.15, 0.85) * h
        patch = ellipse(cx, cy, w * canvas.rng.uniform(0.1, 0.3), h * canvas.rng.uniform(0.08, 0.2), 10)
        patch[:, 0] = np.clip(patch[:, 0], x, x + w)
        patch[:, 1] = np.clip(patch[:, 1], y, y + h)
        canvas.wash(put(patch), "payne_grey", canvas.rng.uniform(0.1, 0.3), wobble=0.02, edge=0.3)
    for _ in range(7):  # the launch site's vehicles and tents, tiny dark marks
        mx, my = x + canvas.rng.uniform(0.3, 0.7) * w, y + canvas.rng.uniform(0.3, 0.7) * h
        canvas.ink(put(((mx, my), (mx + w * 0.04, my + h * 0.01))), "lamp_black", width=0.7, strength=0.7)
    canvas.ink(put(((x + w * 0.55, y + h * 0.2), (x + w * 0.5, y + h * 0.42))), "lamp_black", width=0.8)
    for k in range(2):  # the interpreters' typed labels along the bottom
        canvas.ink(put(((x + w * 0.08, y + h * (0.86 + 0.06 * k)), (x + w * 0.6, y + h * (0.86 + 0.06 * k)))),
                   "lamp_black", width=0.5, strength=0.6, wobble=0.1)
    canvas.ink(put(frame), "sepia", width=0.6, strength=0.6, closed=True, wobble=0.1)


def easel(canvas: Canvas, e: Element) -> None:
    """An easel on three legs, a board on it and the enlarged U-2 photographs pinned to the board."""
    size = 0.5 * e["scale"]

    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size)

    for leg in (((-0.32, 0.0), (-0.12, -0.95)), ((0.32, 0.0), (0.12, -0.95)), ((0.0, -0.05), (0.0, -1.0))):
        canvas.ink(put(leg), e["pigment"], width=2.2, strength=0.8)
    board = ((-0.42, -0.92), (0.42, -0.92), (0.42, -0.3), (-0.42, -0.3))
    canvas.wash(put(board), e["pigment"], 0.55, wobble=0.004, granulation=0.6)
    canvas.ink(put(board), "sepia", width=0.8, closed=True)
    count = e["photos"]
    columns = 2 if count > 1 else 1
    rows = (count + columns - 1) // columns
    w, h = 0.78 / columns - 0.04, 0.58 / rows - 0.04
    for k in range(count):
        col, row = k % columns, k // columns
        _photograph(canvas, put, -0.39 + col * (w + 0.04), -0.89 + row * (h + 0.04), w, h)
    canvas.ink(put(((-0.45, -0.3), (0.45, -0.3))), e["pigment"], width=2.5, strength=0.9)


def prop(canvas: Canvas, e: Element) -> None:
    """Things on desks and in rooms, each in a few washes and a line."""
    size = 0.2 * e["scale"]
    kind = e["kind"]

    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size)

    dark = e["pigment"] or "lamp_black"
    if kind == "microphone":
        # a broadcast microphone of the time: a rounded capsule with a grille of upright ribs, held
        # in a yoke on a short stand (drawn as a box with level lines, it read as a sign or a
        # music stand)
        canvas.ink(put(((0.0, 0.0), (0.0, -0.62))), dark, width=1.6)
        canvas.wash(put(ellipse(0.0, 0.0, 0.22, 0.05, 16)), dark, 0.7, wobble=0.01)
        capsule = ellipse(0.0, -0.95, 0.12, 0.22, 28)
        canvas.wash(put(capsule), "payne_grey", 0.55, wobble=0.005)
        for x in (-0.06, 0.0, 0.06):  # the grille's ribs, shorter toward the rounded sides
            reach = 0.2 * math.sqrt(1.0 - (x / 0.12) ** 2)
            canvas.ink(put(((x, -0.95 - reach), (x, -0.95 + reach))), dark, width=0.5, strength=0.55, wobble=0.05)
        canvas.lift(put(ellipse(-0.055, -0.99, 0.03, 0.13, 12)), 0.55)  # the light down its rounded side
        canvas.ink(put(capsule), dark, width=0.8, closed=True)
        canvas.ink(put(((-0.15, -0.95), (-0.15, -0.7), (0.15, -0.7), (0.15, -0.95))), dark, width=1.1)  # the yoke
        canvas.ink(put(((0.0, -0.7), (0.0, -0.62))), dark, width=1.6)
    elif kind == "radio":  # a wooden cabinet set: speaker cloth, a lit dial, two knobs
        body = ((-0.7, -0.9), (0.7, -0.9), (0.72, 0.0), (-0.72, 0.0))
        canvas.wash(put(body), e["pigment"] or "burnt_sienna", 0.7, wobble=0.004, granulation=0.6)
        canvas.wash(put(((-0.6, -0.8), (0.05, -0.8), (0.05, -0.1), (-0.6, -0.1))), "raw_umber", 0.5, wobble=0.0)
        for k in range(6):
            canvas.ink(put(((-0.58, -0.75 + k * 0.11), (0.03, -0.75 + k * 0.11))), "sepia", width=0.4, strength=0.5)
        canvas.lift(put(((0.15, -0.75), (0.6, -0.75), (0.6, -0.5), (0.15, -0.5))), 0.9)
        canvas.wash(put(((0.15, -0.75), (0.6, -0.75), (0.6, -0.5), (0.15, -0.5))), "cadmium_yellow", 0.35, wobble=0.0)
        canvas.ink(put(((0.38, -0.73), (0.33, -0.52))), "vermilion", width=0.6)
        for kx in (0.25, 0.5):
            canvas.wash(put(ellipse(kx, -0.25, 0.07, 0.07, 12)), "sepia", 0.8, wobble=0.0)
        canvas.ink(put(body), "sepia", width=0.8, closed=True)
    elif kind == "telephone":  # the black desk set with its handset in the cradle
        base = ((-0.35, 0.0), (0.35, 0.0), (0.25, -0.3), (-0.25, -0.3))
        canvas.wash(put(base), dark, 0.75, wobble=0.005)
        canvas.wash(put(((-0.45, -0.42), (0.45, -0.42), (0.4, -0.3), (-0.4, -0.3))), dark, 0.85, wobble=0.005)
        canvas.lift(put(((-0.3, -0.4), (0.1, -0.4), (0.08, -0.37), (-0.28, -0.37))), 0.5)
        canvas.wash(put(ellipse(0.0, -0.15, 0.1, 0.08, 12)), "naples_yellow", 0.4, wobble=0.0)
    elif kind == "typewriter":
        body = ((-0.6, 0.0), (0.6, 0.0), (0.5, -0.35), (-0.5, -0.35))
        canvas.wash(put(body), dark, 0.7, wobble=0.004)
        paper = ((-0.35, -0.35), (0.35, -0.35), (0.33, -0.95), (-0.33, -0.95))
        canvas.lift(put(paper), 0.9)
        canvas.wash(put(paper), "naples_yellow", 0.1, wobble=0.0)
        for k in range(5):
            canvas.ink(put(((-0.28, -0.88 + k * 0.08), (0.2, -0.88 + k * 0.08))), "lamp_black", width=0.4,
                       strength=0.5)
        canvas.wash(put(((-0.62, -0.4), (0.62, -0.4), (0.62, -0.33), (-0.62, -0.33))), "payne_grey", 0.8)
        for k in range(8):
            canvas.wash(put(ellipse(-0.4 + k * 0.115, -0.12, 0.04, 0.03, 8)), "naples_yellow", 0.4, wobble=0.0)
    elif kind == "lamp":  # a desk lamp with a green shade, its pool of light on the desk
        canvas.ink(put(((0.0, 0.0), (0.0, -0.9))), "sepia", width=1.4)
        canvas.wash(put(ellipse(0.0, 0.0, 0.22, 0.05, 16)), "sepia", 0.7)
        shade = ((-0.35, -0.75), (0.35, -0.75), (0.2, -1.0), (-0.2, -1.0))
        canvas.wash(put(shade), e["pigment"] or "viridian", 0.7, wobble=0.01)
        canvas.lift(put(((-0.3, -0.76), (0.3, -0.76), (0.2, -0.72), (-0.2, -0.72))), 0.8)  # the bulb's glare
        # the pool of light on the desk: a warm glaze, softly spread, and the paint lifted a little
        pool = put(ellipse(0.0, 0.05, 1.2, 0.28, 28))
        with canvas.painting.untracked():  # light falling on the desk, not a solid on it
            canvas.lift(pool, 0.45, soften=canvas.height * 0.03)
            canvas.wash(pool, (("naples_yellow", 0.22), ("cadmium_yellow", 0.05)), 1.0, edge=0.0, bleed=4.0,
                        wobble=0.08)
    elif kind == "teletype":  # a teleprinter on its stand, the long message spooling out
        body = ((-0.7, -0.8), (0.7, -0.8), (0.75, 0.0), (-0.75, 0.0))
        canvas.wash(put(body), e["pigment"] or "davy_grey", 0.6, wobble=0.004, granulation=0.5)
        canvas.wash(put(((-0.5, -0.55), (0.5, -0.55), (0.55, -0.35), (-0.55, -0.35))), "payne_grey", 0.6, wobble=0.0)
        roll = ((-0.35, -0.8), (0.35, -0.8), (0.42, -1.25), (0.62, -1.4), (0.1, -1.32), (-0.3, -1.15))
        canvas.lift(put(roll), 0.85)
        canvas.wash(put(roll), (("naples_yellow", 0.16), ("payne_grey", 0.04)), 1.0, wobble=0.01)
        for k in range(5):
            canvas.ink(put(((-0.28 + k * 0.02, -0.88 - k * 0.08), (0.28 + k * 0.04, -0.88 - k * 0.08))), "lamp_black",
                       width=0.35, strength=0.5)
        canvas.ink(put(body), "sepia", width=0.8, closed=True)
    elif kind == "globe":
        canvas.wash(put(ellipse(0.0, -0.6, 0.4, 0.4, 28)), "cerulean", 0.45, wobble=0.01)
        canvas.wash(put(ellipse(-0.1, -0.7, 0.18, 0.12, 14)), "yellow_ochre", 0.5, wobble=0.05)
        canvas.wash(put(ellipse(0.15, -0.45, 0.12, 0.15, 14)), "yellow_ochre", 0.45, wobble=0.05)
        canvas.ink(put(ellipse(0.0, -0.6, 0.45, 0.45, 28)), "sepia", width=1.0, closed=True)
        canvas.ink(put(((0.0, -0.15), (0.0, 0.0))), "sepia", width=1.6)
        canvas.wash(put(ellipse(0.0, 0.0, 0.25, 0.06, 14)), "sepia", 0.7)
    elif kind == "ashtray":  # a glass ashtray and a cigar's smoke curling up from it
        canvas.wash(put(ellipse(0.0, 0.0, 0.3, 0.1, 16)), "payne_grey", 0.35, wobble=0.01)
        canvas.ink(put(((0.1, -0.03), (0.45, -0.12))), "burnt_umber", width=2.4, strength=0.8)
        smoke = np.array([(0.45, -0.14), (0.5, -0.4), (0.4, -0.7), (0.55, -1.0), (0.45, -1.3)])
        # smoke is seen through: a soft, broken wisp lifted out of what is behind it, pale against
        # a dark jacket and lost against a light wall (as the element's own paint it was reserved,
        # and cut a hard pale line through whatever stood behind the ashtray)
        with canvas.painting.untracked():
            canvas.painting.scrub(put(smoke), width=4.0 * canvas.line, amount=0.4, dryness=0.3)
    else:  # chair: the back of a leather office chair
        back = ((-0.4, -1.3), (0.4, -1.3), (0.45, -0.3), (-0.45, -0.3))
        canvas.wash(put(back), e["pigment"] or "burnt_umber", 0.75, wobble=0.01, granulation=0.5)
        canvas.lift(put(((-0.3, -1.25), (-0.15, -1.25), (-0.18, -0.4), (-0.33, -0.4))), 0.4)
        canvas.ink(put(back), "sepia", width=0.8, closed=True)
