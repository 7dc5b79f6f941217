"""Ships, aircraft, missiles, tanks and trucks: dark profiles in a few washes and an ink line.

Each shape is drawn in its own units (a ship one unit long from stern to bow, waterline at y=0,
bow to the right) and placed by ``Canvas.place``; "left" mirrors it.
"""

from __future__ import annotations

import math

import numpy as np

from game.art.elements.canvas import Canvas
from game.art.scene_spec import Element
from game.art.shapes import convex_hull, ellipse
from game.art.watercolor import polygon_mask

HULLS = {  # stern to bow, waterline at 0, up is negative
    "freighter": ((-0.5, 0), (0.43, 0), (0.5, -0.1), (0.36, -0.085), (-0.34, -0.075), (-0.5, -0.09)),
    "destroyer": ((-0.5, 0), (0.44, 0), (0.5, -0.075), (0.2, -0.055), (-0.45, -0.045)),
    "carrier": ((-0.47, 0), (0.45, 0), (0.5, -0.08), (-0.5, -0.08)),
    "submarine": ((-0.5, -0.01), (0.4, -0.01), (0.5, -0.03), (0.42, -0.05), (-0.42, -0.045)),
    "landing_craft": ((-0.5, 0), (0.35, 0), (0.5, -0.16), (0.4, -0.17), (-0.5, -0.14)),
}
# Deck shapes per kind: (x, y, width, height) boxes above the hull, darker the later in the list.
DECKS = {
    "freighter": ((-0.42, -0.2, 0.16, 0.13), (-0.38, -0.27, 0.08, 0.08), (-0.345, -0.34, 0.035, 0.08)),
    "destroyer": ((0.12, -0.14, 0.14, 0.09), (0.16, -0.2, 0.07, 0.07), (-0.06, -0.13, 0.05, 0.08),
                  (-0.2, -0.12, 0.05, 0.07), (-0.38, -0.075, 0.09, 0.03), (0.3, -0.085, 0.05, 0.03)),
    "carrier": ((0.08, -0.2, 0.1, 0.13), (0.11, -0.27, 0.04, 0.08)),
    "submarine": ((0.02, -0.14, 0.1, 0.1),),
    "landing_craft": ((-0.48, -0.24, 0.12, 0.1),),
}
MASTS = {
    "freighter": ((-0.1, -0.3), (0.22, -0.3), (-0.33, -0.42)),
    "destroyer": ((0.19, -0.34), (-0.12, -0.25)),
    "carrier": ((0.13, -0.38),),
    "submarine": ((0.08, -0.2),),
    "landing_craft": (),
}


def _box(x: float, y: float, w: float, h: float) -> tuple:
    return ((x, y), (x + w, y), (x + w, y + h), (x, y + h))


def ship(canvas: Canvas, e: Element) -> None:
    kind, size = e["kind"], 0.5 * e["scale"]
    mirror = e["heading"] == "left"

    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size, mirror=mirror)

    # the wake and the hull's shadow on the water lie on the sea, they do not cover it (kept out of
    # the ship's own paint, the sea was taken away under their wandering washes as under the hull,
    # and pale ghosts of the hull showed on the water below it)
    with canvas.painting.untracked():
        if e["wake"]:
            _wake(canvas, e, size, mirror)
        canvas.wash(put(((-0.5, 0), (0.45, 0), (0.42, 0.03), (-0.48, 0.03))), "payne_grey", 0.2, wobble=0.02)
    hull = put(HULLS[kind])
    for box in DECKS[kind]:
        canvas.wash(put(_box(*box)), e["pigment"], 0.55, wobble=0.01, edge=0.8, granulation=0.2)
    canvas.wash(hull, e["pigment"], 0.75, wobble=0.01, edge=0.8, granulation=0.2)
    canvas.ink(hull, "lamp_black", width=0.8, strength=0.5, closed=True, wobble=0.2)
    if kind == "freighter":
        for x in (-0.1, 0.22):  # derricks leaning out from the masts over the holds
            canvas.ink(put(((x, -0.08), (x, -0.3))), "lamp_black", width=0.8)
            canvas.ink(put(((x, -0.27), (x + 0.1, -0.1))), "lamp_black", width=0.5)
            canvas.ink(put(((x, -0.27), (x - 0.1, -0.1))), "lamp_black", width=0.5)
        if e["cargo"]:  # the missiles on deck under their covers, as the ships carried them out and in
            for x in (-0.24, 0.1):
                _covered_missile(canvas, put, x, 0.29)
    elif kind == "carrier":
        canvas.wash(put(_box(-0.52, -0.1, 1.02, 0.025)), e["pigment"], 0.8, wobble=0.005)
        for x in np.linspace(-0.4, 0.35, 5):
            canvas.ink(put(((x, -0.105), (x + 0.05, -0.105))), "lamp_black", width=0.8, strength=0.6)
    elif kind == "landing_craft":
        for x in np.linspace(-0.3, 0.25, 6):  # men crouched in the well
            canvas.wash(put(ellipse(x, -0.16, 0.025, 0.025, 10)), "olive", 0.8, wobble=0.02)
    for x, top in MASTS[kind]:
        canvas.ink(put(((x, -0.05), (x, top))), "lamp_black", width=0.7)


# A missile lying on a freighter's deck under its canvas cover: its height on the deck (in the
# ship's units, one from stern to bow) and the cover's two glazes, a weathered tarpaulin.
COVER_HEIGHT = 0.045
COVER = (("raw_umber", 0.5), ("payne_grey", 0.18))


def _covered_missile(canvas: Canvas, put, x: float, length: float, deck: float = -0.08) -> None:
    """A long cylinder under canvas lying along the deck from ``x``, the tail end rounded and the
    nose drawn in: the shape the aircraft counted from above, lashed down at intervals."""
    h = COVER_HEIGHT
    top, middle = deck - h, deck - h / 2
    tail = [(x + h / 2 * (1 - np.sin(a)), middle - h / 2 * np.cos(a)) for a in np.linspace(0.0, np.pi, 7)]
    outline = np.array([*tail, (x + length * 0.8, deck), (x + length, middle + h * 0.15), (x + length * 0.8, top)])
    for pigment, strength in COVER:
        canvas.wash(put(outline), pigment, strength, wobble=0.005, edge=0.7, granulation=0.3)
    under = np.array([(x + h / 2, middle), (x + length * 0.85, middle), (x + length * 0.95, middle + h * 0.3),
                      (x + length * 0.8, deck), (x + h / 2, deck)])
    canvas.wash(put(under), "payne_grey", 0.3, wobble=0.005, edge=0.4)
    canvas.ink(put(outline), "sepia", width=0.5, strength=0.45, closed=True, wobble=0.1)
    for k in range(1, 5):  # the lashings over the cover
        lx = x + length * k / 5
        canvas.ink(put(((lx, top - 0.002), (lx + 0.005, deck))), "sepia", width=0.5, strength=0.55)


def _wake(canvas: Canvas, e: Element, size: float, mirror: bool) -> None:
    """Foam lifted out of the sea behind the stern; a turning ship's wake curves back on itself.

    The wake's path turns steadily with ``turn`` (radians per unit of length) and is flattened
    vertically, as a curve drawn on the sea's surface is seen from a low eye.
    """
    length = 0.4 + 2.0 * e["wake"]
    steps = 24
    ds = length / steps
    heading, x, y = 0.0, -0.48, 0.0
    track = [(x, y)]
    for _ in range(steps):
        heading += e["turn"] * 1.4 * ds
        x -= math.cos(heading) * ds
        y += math.sin(heading) * ds * 0.3
        track.append((x, y))
    path = np.array(track)
    s = np.linspace(0.0, 1.0, len(path))
    half = 0.035 + 0.1 * s
    tangent = np.gradient(path, axis=0)
    normal = np.column_stack((-tangent[:, 1], tangent[:, 0]))
    normal /= np.maximum(np.hypot(*normal.T), 1e-9)[:, None]
    normal[:, 1] *= 0.6
    left, right = path + normal * half[:, None], path - normal * half[:, None]
    # foam scrubbed out of the sea with a stiff, nearly dry brush: broken white, not a cut-out
    for edge, strength in ((left, 0.25), (right, 0.35)):
        pixels = canvas.place(edge, e["at"], size, mirror=mirror)
        canvas.painting.scrub(pixels, width=canvas.line * (1.5 + 4.0 * e["scale"]), amount=0.55, dryness=0.35)
        canvas.ink(pixels, "payne_grey", width=0.5, strength=strength * 0.7)
    middle = canvas.place(path, e["at"], size, mirror=mirror)
    canvas.painting.scrub(middle, width=canvas.line * (2.0 + 6.0 * e["scale"]), amount=0.45, dryness=0.5)
    bow = ((0.5, 0.0), (0.6, 0.015), (0.7, 0.02))
    canvas.painting.scrub(canvas.place(((0.45, 0.0), (0.7, 0.02)), e["at"], size, mirror=mirror),
                          width=canvas.line * 3.0, amount=0.5, dryness=0.3)
    canvas.ink(canvas.place(bow, e["at"], size, mirror=mirror), "cerulean", width=0.6, strength=0.4)


# Aircraft seen from above, nose to the right: (fuselage, wings, tail) outlines.
PLANES_TOP = {
    "u2": (((-0.5, -0.02), (0.35, -0.03), (0.5, 0), (0.35, 0.03), (-0.5, 0.02)),
           ((0.08, -0.04), (0.02, -0.82), (-0.05, -0.82), (-0.06, -0.04), (-0.06, 0.04), (-0.05, 0.82),
            (0.02, 0.82), (0.08, 0.04)),
           ((-0.38, 0), (-0.42, -0.15), (-0.49, -0.15), (-0.48, 0.15), (-0.42, 0.15))),
    "bomber": (((-0.5, -0.03), (0.42, -0.04), (0.5, 0), (0.42, 0.04), (-0.5, 0.03)),
               ((0.15, -0.03), (-0.2, -0.6), (-0.28, -0.6), (-0.05, -0.03), (-0.05, 0.03), (-0.28, 0.6),
                (-0.2, 0.6), (0.15, 0.03)),
               ((-0.36, 0), (-0.47, -0.2), (-0.52, -0.2), (-0.48, 0.2), (-0.47, 0.2))),
    "fighter": (((-0.5, -0.04), (0.35, -0.05), (0.5, 0), (0.35, 0.05), (-0.5, 0.04)),
                ((0.12, -0.04), (-0.25, -0.35), (-0.3, -0.35), (-0.2, -0.04), (-0.2, 0.04), (-0.3, 0.35),
                 (-0.25, 0.35), (0.12, 0.04)),
                ((-0.38, 0), (-0.48, -0.14), (-0.52, -0.14), (-0.5, 0.14), (-0.48, 0.14))),
}
# The Il-28: straight wings with an engine pod under each, a swept tail; the Navy's P2V Neptune
# that watched the ships: long straight wings, two big engines, a long tail boom.
PLANES_TOP["il28"] = (((-0.5, -0.03), (0.4, -0.04), (0.5, 0), (0.4, 0.04), (-0.5, 0.03)),
                      ((0.1, -0.04), (0.06, -0.56), (-0.04, -0.56), (-0.06, -0.04), (-0.06, 0.04), (-0.04, 0.56),
                       (0.06, 0.56), (0.1, 0.04)),
                      ((-0.34, 0), (-0.46, -0.22), (-0.52, -0.22), (-0.49, 0.22), (-0.46, 0.22)))
PLANES_TOP["patrol"] = (((-0.5, -0.025), (0.42, -0.035), (0.5, 0), (0.42, 0.035), (-0.5, 0.025)),
                        ((0.12, -0.035), (0.1, -0.62), (0.02, -0.62), (-0.02, -0.035), (-0.02, 0.035), (0.02, 0.62),
                         (0.1, 0.62), (0.12, 0.035)),
                        ((-0.4, 0), (-0.45, -0.16), (-0.5, -0.16), (-0.5, 0.16), (-0.45, 0.16)))
ENGINES = {"il28": (0.3, 0.055), "patrol": (0.3, 0.05)}  # where the engine pods sit along each wing, and their size

PLANES_SIDE = {  # nose to the right, y down: fuselage, fin, wing seen edge on
    "u2": (((-0.5, -0.01), (-0.2, -0.03), (0.3, -0.03), (0.5, 0), (0.3, 0.03), (-0.5, 0.02)),
           ((-0.5, -0.01), (-0.45, -0.2), (-0.38, -0.2), (-0.3, -0.02)),
           ((0.1, -0.005), (-0.05, 0.0), (0.1, 0.015))),
    "bomber": (((-0.5, -0.02), (0.4, -0.05), (0.5, 0), (0.4, 0.05), (-0.5, 0.03)),
               ((-0.5, -0.02), (-0.47, -0.25), (-0.38, -0.25), (-0.3, -0.03)),
               ((0.15, 0.0), (-0.15, 0.02), (0.1, 0.03))),
    "fighter": (((-0.5, -0.03), (0.3, -0.06), (0.5, 0), (0.3, 0.05), (-0.5, 0.04)),
                ((-0.48, -0.03), (-0.45, -0.25), (-0.36, -0.25), (-0.25, -0.04)),
                ((0.12, 0.01), (-0.2, 0.03), (0.05, 0.04))),
    "il28": (((-0.5, -0.03), (0.38, -0.05), (0.5, 0), (0.4, 0.05), (-0.5, 0.03)),
             ((-0.5, -0.03), (-0.44, -0.26), (-0.36, -0.26), (-0.3, -0.03)),
             ((0.16, 0.02), (-0.08, 0.03), (0.16, 0.07), (0.3, 0.07), (0.3, 0.03))),
    "patrol": (((-0.5, -0.02), (0.42, -0.05), (0.5, 0), (0.42, 0.05), (-0.5, 0.025)),
               ((-0.5, -0.02), (-0.46, -0.28), (-0.38, -0.28), (-0.32, -0.03)),
               ((0.18, 0.0), (-0.04, 0.01), (0.18, 0.06), (0.32, 0.06), (0.32, 0.0))),
}


def aircraft(canvas: Canvas, e: Element) -> None:
    size = 0.35 * e["scale"]
    mirror = abs(e["angle"]) > 90
    angle = e["angle"] if not mirror else e["angle"] - math.copysign(180, e["angle"])

    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size, mirror=mirror, angle=-angle if mirror else angle)

    if e["kind"] == "helicopter":
        hull = ellipse(0.18, 0, 0.2, 0.12, 24)
        canvas.wash(put(hull), e["pigment"], 0.65, wobble=0.02)
        canvas.wash(put(((0.0, -0.04), (-0.5, -0.03), (-0.5, 0.0), (0.0, 0.04))), e["pigment"], 0.6, wobble=0.01)
        canvas.ink(put(((-0.2, -0.2), (0.55, -0.2))), "lamp_black", width=1.0)
        canvas.ink(put(((0.18, -0.12), (0.18, -0.2))), "lamp_black", width=1.0)
        canvas.ink(put(((-0.5, -0.1), (-0.5, 0.06))), "lamp_black", width=0.8)
        canvas.ink(put(((0.0, 0.18), (0.35, 0.18))), "lamp_black", width=0.8)
        return
    if e["view"] == "parked":
        _parked(canvas, e, size)
        return
    table = PLANES_TOP if e["view"] == "top" else PLANES_SIDE
    body, wings, tail = table[e["kind"]]
    for part, strength in ((wings, 0.65), (tail, 0.6), (body, 0.75)):
        outline = put(part)
        canvas.wash(outline, e["pigment"], strength, wobble=0.005, edge=0.9, granulation=0.1, bleed=0.5)
        canvas.ink(outline, "lamp_black", width=0.5, strength=0.4, closed=True, wobble=0.1)
    if e["view"] == "top" and e["kind"] in ENGINES:
        along, radius = ENGINES[e["kind"]]
        for side in (-1, 1):
            pod = ellipse(0.08, side * along, 0.14, radius, 14)
            canvas.wash(put(pod), e["pigment"], 0.8, wobble=0.004, edge=0.9)
    if e["view"] == "top":
        canvas.wash(put(((0.3, -0.015), (0.4, -0.012), (0.4, 0.012), (0.3, 0.015))), "cerulean", 0.5, wobble=0.0)


# A parked aircraft seen from a raised eye (a low pass over the field, a control tower): its plan
# foreshortened to this share of its depth (looked down on at about 20 degrees) and its parts
# stood up off the ground, in units of its length: the wing and its engine pods, the fuselage's
# middle and its half depth, each pod's half depth.
PARKED_LOOK_DOWN = 0.35
PARKED_WING, PARKED_BODY, PARKED_BODY_HALF, PARKED_POD_HALF = 0.07, 0.085, 0.045, 0.03
# The shadow a parked aircraft throws on the ground, cool and granulating (its first pigment also
# shades the fuselage's lower flank).
PARKED_SHADE = (("payne_grey", 0.3), ("ultramarine", 0.12))


def _parked(canvas: Canvas, e: Element, size: float) -> None:
    """An aircraft standing on the ground, seen from above and to one side: its shadow on the
    ground first, then the wings and tailplane (its plan, foreshortened), the engine pods and the
    fuselage as solids lifted through their depth, the fin standing up, the glazed nose and the
    cockpit last. ``angle`` turns it on the ground: 0 nose to the right across the view, positive
    turning the nose toward the viewer."""
    heading = math.radians(e["angle"])
    cos, sin = math.cos(heading), math.sin(heading)
    body, wings, tail = PLANES_TOP[e["kind"]]
    _, fin, _ = PLANES_SIDE[e["kind"]]
    pigment = e["pigment"]

    def on_ground(points, height: float = 0.0, shift: tuple[float, float] = (0.0, 0.0)) -> np.ndarray:
        plan = np.asarray(points, dtype=float)
        x = plan[:, 0] * cos - plan[:, 1] * sin + shift[0]
        z = plan[:, 0] * sin + plan[:, 1] * cos + shift[1]
        return canvas.place(np.column_stack((x, z * PARKED_LOOK_DOWN - height)), e["at"], size)

    def lifted(points, low: float, high: float) -> np.ndarray:
        return convex_hull(np.vstack((on_ground(points, low), on_ground(points, high))))

    pods = [ellipse(0.08, side * ENGINES[e["kind"]][0], 0.14, ENGINES[e["kind"]][1], 14)
            for side in (-1, 1)] if e["kind"] in ENGINES else []
    # the shadow it throws on the ground, away from the light: one soft, cool shape (its parts
    # washed one by one darkened where they crossed)
    shadow = [on_ground(part, shift=(0.04, 0.06)) for part in (wings, tail, body, *pods)]
    points = np.vstack(shadow)
    x0, y0 = (int(v) - 3 for v in points.min(axis=0))
    x1, y1 = (int(v) + 4 for v in points.max(axis=0))
    if x1 - x0 >= 3 and y1 - y0 >= 3:
        with canvas.painting.untracked():  # a shadow lies on the ground, it does not cover it
            canvas.painting.lay(polygon_mask(shadow, x0, y0, x1, y1), PARKED_SHADE, 0.9, at=(x0, y0), wobble=0.6,
                                edge=0.15, bleed=1.2, granulation=0.4)
    # the legs under the wings and the nose, dark against the shadow
    legs = [(0.0, side * ENGINES[e["kind"]][0]) for side in (-1, 1)] if pods else [(0.0, -0.1), (0.0, 0.1)]
    for leg in (*legs, (0.36, 0.0)):
        canvas.ink(np.vstack((on_ground([leg], 0.0), on_ground([leg], PARKED_WING))), "lamp_black", width=0.6,
                   strength=0.6)
    # the wings and the tailplane: light metal under the sky, their edges found with the pen
    for part, height in ((wings, PARKED_WING), (tail, PARKED_BODY + PARKED_BODY_HALF)):
        plan = on_ground(part, height)
        canvas.wash(plan, pigment, 0.35, wobble=0.005, edge=0.8, granulation=0.1)
        canvas.ink(plan, "lamp_black", width=0.5, strength=0.4, closed=True, wobble=0.1)
    # the pods and the fuselage stand in front of the wing: their places lifted first, so the wing's
    # wash and its pen line do not show through them
    for pod in pods:
        outline = lifted(pod, PARKED_WING - 2 * PARKED_POD_HALF, PARKED_WING)
        canvas.lift(outline, 0.85, soften=0.6)
        canvas.wash(outline, pigment, 0.35, wobble=0.004, edge=0.8)
    hull = lifted(body, PARKED_BODY - PARKED_BODY_HALF, PARKED_BODY + PARKED_BODY_HALF)
    canvas.lift(hull, 0.85, soften=0.6)
    canvas.wash(hull, pigment, 0.25, wobble=0.004, edge=0.8, granulation=0.1)
    # its lower flank in shade: the hull's part below the top of the fuselage's plan
    canvas.wash(lifted(body, PARKED_BODY - PARKED_BODY_HALF, PARKED_BODY), PARKED_SHADE[0][0], 0.3, wobble=0.004,
                edge=0.5)
    canvas.ink(hull, "lamp_black", width=0.5, strength=0.35, closed=True, wobble=0.1)
    # the fin, standing on the tail: its side outline turned with the aircraft
    standing = np.asarray(fin, dtype=float)
    fin_points = [on_ground([(x, 0.0)], PARKED_BODY - y)[0] for x, y in standing]
    canvas.wash(np.array(fin_points), pigment, 0.3, wobble=0.004, edge=0.8)
    canvas.ink(np.array(fin_points), "lamp_black", width=0.5, strength=0.35, closed=True, wobble=0.1)
    # the glazed nose and the cockpit's canopy, catching the sky
    top = PARKED_BODY + PARKED_BODY_HALF
    canvas.wash(on_ground(ellipse(0.43, 0.0, 0.06, 0.03, 10), top - 0.015), "cerulean", 0.45, wobble=0.0)
    canvas.wash(on_ground(ellipse(0.28, 0.0, 0.05, 0.022, 10), top), "cerulean", 0.5, wobble=0.0)


def missile(canvas: Canvas, e: Element) -> None:
    """An R-12 on its erector, or lying on its trailer, with the trucks and tents of a site around it."""
    size = 0.5 * e["scale"]
    x, ground = e["at"]
    for k in range(e["tents"]):  # the site's tents, behind
        tx = x + (k - (e["tents"] - 1) / 2) * 0.16 * e["scale"] + canvas.jitter(0.015)
        at = (tx, ground - 0.1 * e["scale"])
        tent = ((-0.1, 0), (-0.07, -0.06), (0.0, -0.09), (0.07, -0.06), (0.1, 0))
        canvas.wash(canvas.place(tent, at, size), "olive", 0.6, wobble=0.02)
        canvas.wash(canvas.place(((0.0, -0.09), (0.07, -0.06), (0.1, 0), (0.02, 0)), at, size), "sepia", 0.3)
    def put(points) -> np.ndarray:
        return canvas.place(points, (x, ground), size)

    canvas.wash(put(((-0.5, 0.0), (0.5, 0.0), (0.45, 0.04), (-0.45, 0.04))), "raw_sienna", 0.35)
    raised = e["raised"] if e["mount"] == "erector" else 0.0
    turn = math.radians(raised)
    axis = np.array((math.cos(turn), -math.sin(turn)))
    normal = np.array((-axis[1], axis[0]))
    length, r = 0.85, 0.035
    foot = np.array((-0.15, -0.1)) if raised else np.array((-0.42, -0.1))
    tip = foot + axis * length
    cone = tip - axis * 0.14
    body = np.array((foot + normal * r, cone + normal * r, cone - normal * r, foot - normal * r))
    nose = np.array((cone + normal * r, tip, cone - normal * r))
    fins = np.array((foot + normal * r * 2.2, foot + axis * 0.1 + normal * r, foot - normal * r,
                     foot - normal * r * 2.2 - axis * 0.0))
    if raised:  # the erector: a girder along the missile's back, a strut to the ground, its base
        beam = foot - normal * r * 2.2
        canvas.wash(put(np.array((beam, beam + axis * length * 0.8, beam + axis * length * 0.8 - normal * r,
                                  beam - normal * r))), "olive", 0.8, wobble=0.0)
        for k in range(8):
            a = beam + axis * (k / 8 * length * 0.8)
            canvas.ink(put((a, a + axis * length * 0.1 - normal * r * 1.2)), "sepia", width=0.6)
        canvas.ink(put((beam + axis * 0.35, (foot[0] + 0.32, 0.0))), "sepia", width=1.2)
        canvas.wash(put(((-0.3, -0.12), (0.05, -0.12), (0.08, 0.0), (-0.33, 0.0))), "olive", 0.75, wobble=0.01)
    else:
        canvas.wash(put(((-0.45, -0.065), (0.45, -0.065), (0.45, -0.04), (-0.45, -0.04))), "olive", 0.8,
                    wobble=0.0)
        for wx in (-0.35, -0.25, 0.28, 0.38):
            canvas.wash(put(ellipse(wx, -0.03, 0.035, 0.035, 12)), "lamp_black", 0.75)
    canvas.lift(put(body), 0.9)
    canvas.wash(put(body), "naples_yellow", 0.15, wobble=0.0, edge=0.8)
    shade = np.array((foot - normal * r * 0.2, cone - normal * r * 0.2, cone - normal * r, foot - normal * r))
    canvas.wash(put(shade), e["pigment"], 0.35, wobble=0.0)
    canvas.wash(put(nose), "payne_grey", 0.7, wobble=0.0)
    canvas.wash(put(fins), "payne_grey", 0.6, wobble=0.0)
    canvas.ink(put(np.vstack((body[:2], nose[1:2], body[2:]))), "sepia", width=0.7, closed=True, strength=0.7)
    for k in range(e["trucks"]):
        side = -1 if k % 2 == 0 else 1
        tx = x + side * (0.32 + 0.18 * (k // 2)) * e["scale"]
        truck(canvas, Element("truck", {"at": (tx, ground + 0.03 * e["scale"]), "scale": 0.8 * e["scale"],
                                        "heading": "left" if side > 0 else "right", "canvas": k % 3 != 2,
                                        "pigment": e["pigment"]}))


def tank(canvas: Canvas, e: Element) -> None:
    size = 0.18 * e["scale"]

    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size, mirror=e["heading"] == "left")

    track = ((-0.5, -0.22), (0.5, -0.22), (0.58, -0.12), (0.45, 0), (-0.45, 0), (-0.58, -0.12))
    hull = ((-0.55, -0.22), (0.6, -0.22), (0.5, -0.36), (-0.5, -0.38))
    turret = ((-0.28, -0.38), (0.25, -0.38), (0.18, -0.56), (-0.2, -0.58))
    canvas.wash(put(track), "lamp_black", 0.55, wobble=0.01)
    canvas.wash(put(hull), e["pigment"], 0.7, wobble=0.01)
    canvas.wash(put(turret), e["pigment"], 0.75, wobble=0.01)
    canvas.wash(put(_box(0.2, -0.5, 0.85, 0.05)), e["pigment"], 0.8, wobble=0.0)
    for wx in np.linspace(-0.42, 0.42, 6):
        canvas.ink(put(ellipse(wx, -0.1, 0.07, 0.07, 12)), "lamp_black", width=0.6, closed=True, strength=0.6)
    canvas.ink(put(hull), "lamp_black", width=0.6, closed=True, strength=0.5)


def truck(canvas: Canvas, e: Element) -> None:
    size = 0.15 * e["scale"]

    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size, mirror=e["heading"] == "left")

    canvas.wash(put(((0.22, -0.12), (0.5, -0.12), (0.5, -0.3), (0.4, -0.45), (0.22, -0.45))), e["pigment"], 0.75,
                wobble=0.01)
    canvas.wash(put(((0.38, -0.42), (0.46, -0.42), (0.48, -0.32), (0.38, -0.32))), "cerulean", 0.4, wobble=0.0)
    canvas.wash(put(_box(-0.5, -0.2, 0.7, 0.08)), e["pigment"], 0.75, wobble=0.01)
    if e["canvas"]:
        top = [(-0.5, -0.2)] + [(-0.5 + 0.7 * t, -0.52 - 0.04 * math.sin(math.pi * t)) for t in np.linspace(0, 1, 7)]
        canvas.wash(put(top + [(0.2, -0.2)]), "olive", 0.55, wobble=0.02)
    for wx in (-0.32, -0.12, 0.36):
        canvas.wash(put(ellipse(wx, -0.08, 0.08, 0.08, 12)), "lamp_black", 0.75, wobble=0.01)


def deck(canvas: Canvas, e: Element) -> None:
    """Looking out from a ship's deck: grey steel planking underfoot, the rail with its stanchions
    and wires across the view, a gun mount or a cargo boom to one side."""
    horizon = canvas.y(e["horizon"])
    w, h = canvas.width, canvas.height
    pigment = e["pigment"]
    top = horizon + (h - horizon) * 0.45
    plating = np.array(((-canvas.bleed, top), (w + canvas.bleed, top - h * 0.03), (w + canvas.bleed, h + canvas.bleed),
                        (-canvas.bleed, h + canvas.bleed)))
    canvas.lift(plating, 0.9, soften=1.5)
    canvas.wash(plating, pigment, 0.45, wobble=0.002, granulation=0.6, edge=0.6)
    canvas.painting.gradient_wash("payne_grey", 0.35, top=0.0, bottom=1.0, region=plating)
    for k in range(9):  # seams of the deck plating running toward the bow
        x = w * (k / 8)
        canvas.ink(((x, top + 2), (w * 0.5 + (x - w * 0.5) * 2.2, h)), "payne_grey", width=0.6, strength=0.3)
    if e["rail"]:
        rail_y = top - h * 0.12
        for k in range(11):
            x = w * (k / 10)
            canvas.ink(((x, top - h * 0.01 * (k / 10)), (x, rail_y)), "lamp_black", width=1.6, strength=0.8)
        for lift in (0.0, 0.05):
            canvas.ink(((0, rail_y + h * lift), (w, rail_y + h * lift - h * 0.03)), "lamp_black", width=1.0,
                       strength=0.7, wobble=0.3)
    if e["gun"] and e["kind"] == "destroyer":  # a 5-inch mount, its twin barrels toward the sea
        base_x = w * 0.8
        mount = np.array(((base_x - w * 0.12, top + h * 0.02), (base_x + w * 0.14, top + h * 0.02),
                          (base_x + w * 0.12, top - h * 0.16), (base_x - w * 0.07, top - h * 0.19),
                          (base_x - w * 0.12, top - h * 0.1)))
        canvas.lift(mount, 0.9)
        canvas.wash(mount, pigment, 0.6, wobble=0.004, granulation=0.5, edge=0.8)
        canvas.wash(mount[[1, 2, 3]] * (1, 1), "payne_grey", 0.2, wobble=0.004)
        for dy in (0.0, 0.035):
            barrel = np.array(((base_x - w * 0.08, top - h * (0.13 + dy)), (base_x - w * 0.32, top - h * (0.2 + dy)),
                               (base_x - w * 0.32, top - h * (0.185 + dy)), (base_x - w * 0.08, top - h * (0.11 + dy))))
            canvas.wash(barrel, pigment, 0.8, wobble=0.002)
        canvas.ink(mount, "lamp_black", width=1.0, closed=True, strength=0.6)
    elif e["kind"] == "freighter":  # a cargo boom and a hatch cover
        canvas.ink(((w * 0.15, top), (w * 0.15, horizon - h * 0.35)), "lamp_black", width=2.5)
        canvas.ink(((w * 0.15, horizon - h * 0.3), (w * 0.45, top - h * 0.08)), "lamp_black", width=1.5)
        hatch = np.array(((w * 0.3, top + h * 0.05), (w * 0.75, top + h * 0.04), (w * 0.8, top + h * 0.16),
                          (w * 0.25, top + h * 0.17)))
        canvas.wash(hatch, "olive", 0.55, wobble=0.005)


def launcher(canvas: Canvas, e: Element) -> None:
    """A Jupiter on its stand at Cigli, the steel petals of its shelter folded down round its foot;
    or an SA-2 on its rail launcher, perhaps firing."""
    size = 0.5 * e["scale"]

    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size)

    if e["kind"] == "jupiter":
        body_colour = e["pigment"] or "naples_yellow"
        canvas.wash(put(((-0.25, 0.0), (0.25, 0.0), (0.2, 0.04), (-0.2, 0.04))), "payne_grey", 0.35)
        if e["shelter"]:  # the petals: curved steel leaves lying open round the base
            for k in range(6):
                a = math.radians(-150 + k * 24)
                tip = (0.32 * math.cos(a), -0.08 + 0.1 * math.sin(a) * -1)
                petal = ((-0.03 * math.sin(a), -0.12), (tip[0] - 0.05, tip[1]), tip, (tip[0] + 0.05, tip[1]),
                         (0.03 * math.sin(a), -0.12))
                canvas.wash(put(petal), "payne_grey", 0.45, wobble=0.01, granulation=0.5)
                canvas.ink(put(petal), "lamp_black", width=0.6, strength=0.5, closed=True)
        canvas.wash(put(((-0.12, -0.12), (0.12, -0.12), (0.1, -0.2), (-0.1, -0.2))), "payne_grey", 0.7)
        r = 0.045
        body = ((-r, -0.2), (r, -0.2), (r, -1.0), (0.0, -1.14), (-r, -1.0))
        canvas.lift(put(body), 0.95)
        canvas.wash(put(body), body_colour, 0.14, wobble=0.0, edge=0.7)
        canvas.wash(put(((0.01, -0.2), (r, -0.2), (r, -1.0), (0.01, -1.05))), "payne_grey", 0.22, wobble=0.0)
        canvas.wash(put(((-r, -0.55), (r, -0.55), (r, -0.6), (-r, -0.6))), "lamp_black", 0.7, wobble=0.0)
        canvas.ink(put(body), "sepia", width=0.7, closed=True, strength=0.7)
        for side in (-1, 1):
            canvas.wash(put(((side * r, -0.2), (side * r * 2.4, -0.2), (side * r, -0.32))), "payne_grey", 0.6)
        return
    # SA-2: a slim missile on its rail, tilted up, on a turntable
    turn = math.radians(e["raised"] * 0.6)
    axis = np.array((math.cos(turn), -math.sin(turn)))
    normal = np.array((-axis[1], axis[0]))
    base = np.array((0.0, -0.08))
    canvas.wash(put(((-0.2, 0.0), (0.2, 0.0), (0.15, -0.08), (-0.15, -0.08))), e["pigment"] or "olive", 0.75)
    canvas.ink(put((base, base + axis * 0.5)), "lamp_black", width=1.4)
    if e["firing"]:  # the missile gone up the sky: its trail and the dust it threw up
        trail = np.array([base + axis * 0.5 + (0.0, 0.0), base + axis * 1.2 + (0.05, -0.4), base + axis * 1.6 + (0.1, -1.2)])
        for k in range(12):
            point = trail[0] + (trail[-1] - trail[0]) * (k / 11) + (canvas.jitter(0.03), 0.0)
            canvas.wash(put(ellipse(point[0], point[1], 0.03 + 0.05 * k / 11, 0.03 + 0.05 * k / 11, 12)),
                        "davy_grey", 0.25 - 0.012 * k, wobble=0.1)
        canvas.wash(put(ellipse(0.0, -0.02, 0.5, 0.08, 20)), "raw_sienna", 0.25, wobble=0.08)
        return
    r = 0.02
    missile = np.array((base + normal * r, base + axis * 0.6 + normal * r, base + axis * 0.68,
                        base + axis * 0.6 - normal * r, base - normal * r))
    canvas.lift(put(missile), 0.9)
    canvas.wash(put(missile), "naples_yellow", 0.2, wobble=0.0)
    canvas.ink(put(missile), "sepia", width=0.6, closed=True)
