"""Buildings, rooms, windows, walls, wire, roads and flags: where a scene happens."""

from __future__ import annotations

import math

import numpy as np

from game.art.elements.canvas import Canvas
from game.art.elements.nature import SKIES
from game.art.scene_spec import Element
from game.art.shapes import blob, ellipse


def _box(x: float, y: float, w: float, h: float) -> tuple:
    return ((x, y), (x + w, y), (x + w, y + h), (x, y + h))


def _windows(canvas: Canvas, put, x0: float, x1: float, y0: float, y1: float, columns: int, rows: int,
             lit: float, pigment: str = "payne_grey") -> None:
    w = (x1 - x0) / columns
    h = (y1 - y0) / rows
    for row in range(rows):
        for column in range(columns):
            bright = canvas.rng.random() < lit
            box = _box(x0 + column * w + w * 0.25, y0 + row * h + h * 0.2, w * 0.5, h * 0.55)
            canvas.wash(put(box), "cadmium_yellow" if bright else pigment, 0.6 if bright else 0.4, wobble=0.0,
                        edge=0.9, layers=4)


def building(canvas: Canvas, e: Element) -> None:
    size = 0.5 * e["scale"]

    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size)

    kind = e["kind"]
    if kind == "white_house":
        pigment = e["pigment"] or "naples_yellow"
        canvas.wash(put(_box(-0.6, -0.35, 1.2, 0.35)), pigment, 0.2, wobble=0.005)
        canvas.wash(put(_box(-0.6, -0.05, 1.2, 0.05)), "payne_grey", 0.2, wobble=0.005)
        canvas.ink(put(_box(-0.6, -0.35, 1.2, 0.35)), "sepia", width=0.8, closed=True)
        canvas.ink(put(((-0.62, -0.36), (0.62, -0.36))), "sepia", width=1.2)
        _windows(canvas, put, -0.58, -0.16, -0.3, -0.05, 4, 2, e["lit"])
        _windows(canvas, put, 0.16, 0.58, -0.3, -0.05, 4, 2, e["lit"])
        canvas.wash(put(((-0.18, -0.36), (0.0, -0.46), (0.18, -0.36))), pigment, 0.25)
        canvas.ink(put(((-0.18, -0.36), (0.0, -0.46), (0.18, -0.36), (-0.18, -0.36))), "sepia", width=0.8)
        canvas.wash(put(_box(-0.16, -0.34, 0.32, 0.34)), "payne_grey", 0.25, wobble=0.005)
        for x in np.linspace(-0.15, 0.15, 6):
            canvas.wash(put(_box(x - 0.012, -0.35, 0.024, 0.35)), "naples_yellow", 0.3, wobble=0.0)
            canvas.ink(put(((x - 0.012, -0.35), (x - 0.012, 0))), "sepia", width=0.5, strength=0.6)
    elif kind == "kremlin":
        _kremlin(canvas, e, put)
    elif kind == "un_building":
        pigment = e["pigment"] or "cerulean"
        slab = _box(-0.15, -1.1, 0.3, 1.1)
        canvas.wash(put(slab), pigment, 0.45, wobble=0.005, edge=0.9)
        canvas.wash(put(_box(-0.15, -1.1, 0.08, 1.1)), "payne_grey", 0.3, wobble=0.0)
        for y in np.linspace(-1.08, -0.02, 28):
            canvas.ink(put(((-0.15, y), (0.15, y))), "payne_grey", width=0.4, strength=0.45, wobble=0.1)
        canvas.ink(put(slab), "sepia", width=0.7, closed=True)
        hall = ((-0.7, 0), (-0.66, -0.16), (-0.2, -0.2), (-0.2, 0))
        canvas.wash(put(hall), "naples_yellow", 0.3)
        canvas.wash(put(ellipse(-0.44, -0.2, 0.08, 0.04, 16)), "payne_grey", 0.4)
        canvas.ink(put(hall), "sepia", width=0.7, closed=True)
    elif kind == "capitol":
        pigment = e["pigment"] or "naples_yellow"
        canvas.wash(put(_box(-0.7, -0.22, 1.4, 0.22)), pigment, 0.2)
        canvas.ink(put(_box(-0.7, -0.22, 1.4, 0.22)), "sepia", width=0.7, closed=True)
        canvas.wash(put(_box(-0.16, -0.42, 0.32, 0.2)), pigment, 0.25)
        for x in np.linspace(-0.15, 0.15, 9):
            canvas.ink(put(((x, -0.42), (x, -0.24))), "sepia", width=0.5)
        dome = [(0.17 * math.cos(a), -0.42 - 0.2 * math.sin(a)) for a in np.linspace(0, math.pi, 20)]
        canvas.wash(put(dome), pigment, 0.3)
        canvas.ink(put(dome), "sepia", width=0.8)
        canvas.ink(put(((0, -0.62), (0, -0.72))), "sepia", width=1.2)
        _windows(canvas, put, -0.68, -0.2, -0.2, -0.02, 6, 2, e["lit"])
        _windows(canvas, put, 0.2, 0.68, -0.2, -0.02, 6, 2, e["lit"])
    elif kind == "checkpoint":
        pigment = e["pigment"] or "naples_yellow"
        canvas.lift(put(_box(-0.14, -0.28, 0.28, 0.28)), 0.85)
        canvas.wash(put(_box(-0.14, -0.28, 0.28, 0.28)), pigment, 0.35, wobble=0.005)
        canvas.wash(put(((-0.18, -0.28), (0.18, -0.28), (0.14, -0.33), (-0.14, -0.33))), "payne_grey", 0.5)
        canvas.wash(put(_box(-0.1, -0.22, 0.2, 0.08)), "cerulean", 0.3, wobble=0.0)
        canvas.ink(put(_box(-0.14, -0.28, 0.28, 0.28)), "sepia", width=0.7, closed=True)
        for k in range(4):  # sandbags along the front
            canvas.wash(put(ellipse(-0.15 + k * 0.1, -0.03, 0.055, 0.03, 12)), "raw_sienna", 0.5)
        canvas.ink(put(((0.3, 0), (0.3, -0.5))), "sepia", width=0.8)
        canvas.wash(put(_box(0.16, -0.62, 0.3, 0.13)), "naples_yellow", 0.2, wobble=0.0)
        canvas.ink(put(_box(0.16, -0.62, 0.3, 0.13)), "sepia", width=0.7, closed=True)
        for k in range(3):
            y = -0.59 + k * 0.04
            canvas.ink(put(((0.19, y), (0.43 - k * 0.04, y))), "lamp_black", width=0.5, strength=0.7)
    else:
        pigment = e["pigment"] or ("raw_sienna" if kind == "apartment" else "yellow_ochre")
        width, height = (0.5, 0.55) if kind == "apartment" else (0.35, 0.3)
        front = _box(-width / 2, -height, width, height)
        canvas.lift(put(front), 0.7, soften=1.0)
        canvas.wash(put(front), pigment, 0.4, wobble=0.005, granulation=0.6)
        canvas.wash(put(_box(-width / 2 - 0.01, -height - 0.03, width + 0.02, 0.03)), "burnt_umber", 0.5,
                    wobble=0.005)
        canvas.ink(put(front), "sepia", width=0.7, closed=True)
        rows = 5 if kind == "apartment" else 2
        _windows(canvas, put, -width / 2, width / 2, -height + 0.02, -0.02, 6 if kind == "apartment" else 3,
                 rows, e["lit"])


def _kremlin(canvas: Canvas, e: Element, put) -> None:
    """The red wall with its swallowtail merlons, the Spasskaya tower, and gold domes behind."""
    red = e["pigment"] or "vermilion"
    for x, r in ((-0.25, 0.07), (-0.12, 0.055), (0.42, 0.06)):
        canvas.wash(put(_box(x - r * 0.7, -0.36, r * 1.4, 0.16)), "naples_yellow", 0.3)
        dome = [(x + r * math.cos(a) * (1 - 0.3 * math.sin(a)), -0.36 - r * 1.3 * math.sin(a) ** 0.7)
                for a in np.linspace(0, math.pi, 16)]
        canvas.wash(put(dome), "cadmium_yellow", 0.55)
        canvas.wash(put(dome), "raw_sienna", 0.2)
        canvas.ink(put(((x, -0.36 - r * 1.3), (x, -0.36 - r * 1.3 - 0.06))), "sepia", width=0.8)
    wall = _box(-0.9, -0.2, 1.8, 0.2)
    canvas.wash(put(wall), red, 0.6, granulation=0.6, wobble=0.006)
    canvas.wash(put(_box(-0.9, -0.06, 1.8, 0.06)), "burnt_sienna", 0.3, wobble=0.006)
    for x in np.arange(-0.9, 0.9, 0.05):
        merlon = ((x, -0.2), (x, -0.235), (x + 0.012, -0.225), (x + 0.025, -0.235), (x + 0.025, -0.2))
        canvas.wash(put(merlon), red, 0.6, wobble=0.0)
    for x, height in ((-0.75, 0.42), (0.7, 0.36)):  # corner towers
        canvas.wash(put(_box(x - 0.05, -height, 0.1, height)), red, 0.6, wobble=0.02)
        canvas.wash(put(((x - 0.065, -height), (x, -height - 0.2), (x + 0.065, -height))), "viridian", 0.55)
    # the Spasskaya tower: a square shaft, a lighter belfry, a tall green spire, a red star
    canvas.wash(put(_box(0.02, -0.6, 0.16, 0.6)), red, 0.65, granulation=0.5, wobble=0.015)
    canvas.wash(put(_box(0.04, -0.78, 0.12, 0.18)), red, 0.5, wobble=0.02)
    canvas.wash(put(ellipse(0.1, -0.5, 0.045, 0.045, 20)), "naples_yellow", 0.6)
    canvas.ink(put(ellipse(0.1, -0.5, 0.045, 0.045, 20)), "sepia", width=0.6, closed=True)
    canvas.wash(put(((0.045, -0.78), (0.1, -1.05), (0.155, -0.78))), "viridian", 0.6)
    star = [(0.1 + 0.035 * (1 if k % 2 == 0 else 0.45) * math.sin(k * math.pi / 5),
             -1.1 - 0.035 * (1 if k % 2 == 0 else 0.45) * math.cos(k * math.pi / 5)) for k in range(10)]
    canvas.wash(put(star), "alizarin", 0.8, wobble=0.0)
    canvas.ink(put(_box(0.02, -0.6, 0.16, 0.6)), "sepia", width=0.6, closed=True)


def room(canvas: Canvas, e: Element) -> None:
    """An interior: the wall washed in on damp paper (its colour varying, a bloom here and there),
    darker toward the corners and the ceiling so the light gathers where the people are; a dado
    rail and panelling; the floor running back to a vanishing point, darkening toward us."""
    canvas.time = e["time"]
    canvas.light = e["light"]
    painting = canvas.painting
    w, h = canvas.width, canvas.height
    floor = canvas.y(e["horizon"])
    canvas.floor = floor
    wall = canvas.band(None, floor + 2)
    night = e["time"] in ("night", "dusk", "storm")
    painting.wet(wall, 0.9)
    canvas.wash(wall, e["wall"], 0.32, wobble=0.002, granulation=0.4, backruns=1)
    # a second, earthier colour dropped into the wet wall in broad patches
    rows = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None]
    cols = np.linspace(0.0, 1.0, w, dtype=np.float32)[None, :]
    phase = canvas.rng.uniform(0, 6.3, 2)
    patches = np.clip(0.5 + 0.5 * np.sin(cols * 5.3 + phase[0]) * np.cos(rows * 3.1 + phase[1]), 0.0, 1.0)
    above_floor = (rows < e["horizon"]).astype(np.float32)
    # over the wall only (and a margin for the bleed): below the floor line there is nothing to lay
    reach = max(1, min(h, int(np.ceil(floor + h * 0.04))))
    painting.lay((patches * above_floor)[:reach], (("raw_umber", 0.08), ("burnt_sienna", 0.03)), 1.0, wobble=0.0, edge=0.0,
                 bleed=h * 0.01, granulation=0.3)
    painting.dry()
    # the light gathers in the middle: the corners and the top of the wall fall into shade
    vignette = np.clip(((cols - 0.5) / 0.55) ** 2 + ((rows - 0.55) / 0.75) ** 2, 0.0, 1.0)
    # the one light falls across the room: the wall is lighter on its side and turns into a cool
    # half-tone on the far side (from a lamp overhead, both ends darken a little); laid with the
    # shade of the corners in one wash, over the wall only
    across = {"left": cols, "right": 1.0 - cols}.get(e["light"], np.abs(cols - 0.5) * 1.2)
    side = np.clip(across - 0.25, 0.0, 1.0) * (0.35 if night else 0.6)
    wall_rows = max(1, min(h, int(np.ceil(floor))))
    shade = (vignette + side)[:wall_rows]
    painting.lay(shade, (("payne_grey", 0.22 if night else 0.12), ("burnt_umber", 0.06), ("ultramarine", 0.04)),
                 1.0, wobble=0.0, edge=0.0, bleed=h * 0.02, granulation=0.5)
    if night:
        painting.gradient_wash("payne_grey", 0.35, top=1.0, bottom=0.2, region=wall)
    dado = floor - h * 0.14
    canvas.wash(canvas.band(dado, floor), e["floor"], 0.22, wobble=0.002, granulation=0.4)
    canvas.ink(((0, dado), (w, dado)), "sepia", width=0.9, strength=0.55)
    canvas.ink(((0, dado + h * 0.008), (w, dado + h * 0.008)), "sepia", width=0.5, strength=0.3)
    for k in range(e["panels"]):
        x = (k + 0.5) / e["panels"] * w
        canvas.ink(((x, floor * 0.08), (x, dado - h * 0.02)), "sepia", width=0.5, strength=0.3)
        canvas.ink(((x + w * 0.004, floor * 0.08), (x + w * 0.004, dado - h * 0.02)), "naples_yellow", width=0.5,
                   strength=0.25)
    ground = canvas.band(floor, None)
    canvas.lift(ground, 0.6, soften=1.5)
    canvas.wash(ground, e["floor"], 0.38, wobble=0.002, granulation=0.3)
    painting.gradient_wash("burnt_umber", 0.35, top=0.0, bottom=1.0, region=ground)
    vanishing = (w * 0.5, floor - h * 0.25)
    # boards or the weave of the carpet, running to the vanishing point (a desk top filling the
    # picture has none)
    for k in range(9 if floor > 0.3 * h else 0):
        x = w * (k - 4) / 3.0 + w * 0.5
        t = (h - vanishing[1]) / max(1.0, h - vanishing[1])
        start = (vanishing[0] + (x - vanishing[0]) * (floor - vanishing[1]) / (h - vanishing[1]), floor)
        canvas.ink((start, (x, h)), "sepia", width=0.6, strength=0.2 * t, wobble=0.3)


def window(canvas: Canvas, e: Element) -> None:
    size = 0.3 * e["scale"]

    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size)

    top, low = SKIES[e["time"]][:2]
    pane = _box(-0.5, -0.7, 1.0, 1.4)
    _light_through(canvas, e, put)
    canvas.lift(put(pane), 0.8, soften=1.0)
    canvas.painting.gradient_wash(top, 0.55, top=1.0, bottom=0.3, region=put(pane))
    canvas.painting.gradient_wash(low, 0.35, top=0.0, bottom=1.0, region=put(pane))
    _view(canvas, e, put)
    for x in (-0.5, 0.0, 0.5):
        canvas.ink(put(((x, -0.7), (x, 0.7))), e["pigment"], width=1.4)
    for y in (-0.7, -0.23, 0.23, 0.7):
        canvas.ink(put(((-0.5, y), (0.5, y))), e["pigment"], width=1.1)
    if e["curtains"]:
        for side in (-1, 1):
            drape = ((side * 0.5, -0.78), (side * 0.78, -0.78), (side * 0.72, 0.78), (side * 0.42, 0.78),
                     (side * 0.5, 0.0))
            canvas.wash(put(drape), "alizarin", 0.5, granulation=0.5)
            for k in range(3):
                x = side * (0.55 + k * 0.07)
                canvas.ink(put(((x, -0.75), (x - side * 0.02, 0.75))), "burnt_umber", width=0.5, strength=0.5)


# How much daylight a window lets in at each time: none at night or under a storm's dark.
DAYLIGHT = {"dawn": 0.7, "day": 1.0, "dusk": 0.6, "night": 0.0, "storm": 0.25}
SUNLIGHT = {"dawn": (("naples_yellow", 0.22), ("rose", 0.06)), "day": (("naples_yellow", 0.22), ("cadmium_yellow", 0.07)),
            "dusk": (("cadmium_yellow", 0.1), ("vermilion", 0.05)), "storm": (("naples_yellow", 0.1),)}


def _light_through(canvas: Canvas, e: Element, put) -> None:
    """The light a window lets into the room: a soft glow on the wall round it, and the window's
    shape laid on the floor, carried toward us and across, away from the side the light comes
    from, its bars' shadows across it. Light in watercolour is paper kept or lifted: the patch is
    lifted, then glazed warm."""
    daylight = DAYLIGHT[e["time"]]
    if not daylight or canvas.floor is None:
        return
    warm = SUNLIGHT[e["time"]]
    canvas.lift(put(ellipse(0.0, 0.0, 1.1, 1.2, 28)), 0.25 * daylight, soften=canvas.height * 0.03)
    floor = canvas.floor
    corners = put(((-0.5, 0.7), (0.5, 0.7)))
    if floor - corners[0][1] < -canvas.height * 0.02:  # the window reaches below the floor line
        return
    across = {"left": 1.0, "right": -1.0}.get(canvas.light, 0.0)
    width = corners[1][0] - corners[0][0]
    reach = min(canvas.height - floor, 0.45 * (corners[1][1] - put(((0.0, -0.7),))[0][1]) + 0.1 * canvas.height)
    spread = 0.25 * width
    top_y, low_y = floor + 0.01 * canvas.height, floor + reach
    shift = across * width * 0.8
    patch = np.array(((corners[0][0], top_y), (corners[1][0], top_y), (corners[1][0] + shift + spread, low_y),
                      (corners[0][0] + shift - spread, low_y)))
    canvas.lift(patch, 0.7 * daylight, soften=canvas.height * 0.012)
    canvas.wash(patch, warm, daylight, wobble=0.02, edge=0.1, bleed=canvas.height * 0.006, granulation=0.2)
    middle_top, middle_low = (patch[0] + patch[1]) / 2, (patch[2] + patch[3]) / 2
    canvas.ink((middle_top, middle_low), "burnt_umber", width=1.2 * e["scale"], strength=0.2 * daylight, wobble=0.3)


def _view(canvas: Canvas, e: Element, put) -> None:
    """What the window looks out on, small and pale with distance: towers, palms, roofs."""
    view = e["view"]
    if view == "sky":
        return
    far = "payne_grey" if e["time"] in ("night", "storm") else "cerulean"
    ground = ((-0.5, 0.45), (0.5, 0.4), (0.5, 0.7), (-0.5, 0.7))
    canvas.wash(put(ground), far, 0.3, wobble=0.01)
    if view == "kremlin":  # the Spasskaya tower and a stretch of red wall, seen across the square
        canvas.wash(put(((-0.5, 0.32), (0.5, 0.32), (0.5, 0.45), (-0.5, 0.45))), "vermilion", 0.35, wobble=0.01)
        canvas.wash(put(((0.05, 0.32), (0.2, 0.32), (0.19, -0.15), (0.06, -0.15))), "vermilion", 0.4, wobble=0.01)
        canvas.wash(put(((0.06, -0.15), (0.125, -0.45), (0.19, -0.15))), "viridian", 0.45, wobble=0.01)
        canvas.wash(put(ellipse(0.125, -0.5, 0.02, 0.02, 8)), "alizarin", 0.7, wobble=0.0)
        for x in (-0.35, -0.2):
            canvas.wash(put(ellipse(x, 0.28, 0.05, 0.06, 12)), "cadmium_yellow", 0.4, wobble=0.02)
    elif view == "palms":
        for x in (-0.3, 0.1, 0.35):
            canvas.ink(put(((x, 0.45), (x + 0.03, 0.0))), "sepia", width=1.2, strength=0.6)
            canvas.wash(put(ellipse(x + 0.03, -0.02, 0.14, 0.05, 12)), "sap_green", 0.45, wobble=0.08)
    else:  # city roofs
        x = -0.5
        while x < 0.5:
            w = canvas.rng.uniform(0.08, 0.18)
            h = canvas.rng.uniform(0.1, 0.4)
            canvas.wash(put(((x, 0.45), (x + w, 0.45), (x + w, 0.45 - h), (x, 0.45 - h))), far, 0.35, wobble=0.01)
            x += w


def mural(canvas: Canvas, e: Element) -> None:
    """A wide painted panel: loose patches of colour and, in the middle, a bird rising from ashes.

    After Per Krohg's mural in the Security Council chamber, seen from across the room.
    """
    size = 0.3 * e["scale"]

    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size)

    panel = _box(-0.9, -0.4, 1.8, 0.8)
    canvas.lift(put(panel), 0.85)
    canvas.wash(put(panel), "naples_yellow", 0.3, wobble=0.003)
    patches = ("cerulean", "yellow_ochre", "burnt_sienna", "sap_green", "rose", "cerulean", "raw_sienna",
               "ultramarine", "yellow_ochre", "burnt_sienna", "rose", "sap_green")
    for k, pigment in enumerate(patches):
        cx = -0.68 + 1.36 * (k % 6) / 5 + canvas.jitter(0.05)
        cy = -0.2 if k < 6 else 0.16
        patch = blob_local(cx, cy + canvas.jitter(0.03), 0.12, canvas)
        canvas.wash(put(patch), pigment, 0.35, wobble=0.03)
    for k in range(7):  # small figures in the panels, standing in rows
        x = -0.7 + k * 0.23
        canvas.ink(put(((x, 0.32), (x, 0.16))), "sepia", width=1.0, strength=0.6)
        canvas.wash(put(ellipse(x, 0.13, 0.025, 0.03, 10)), "sepia", 0.6)
    wing = ((-0.28, -0.28), (-0.1, -0.12), (0.0, -0.05), (0.1, -0.12), (0.28, -0.28))
    canvas.ink(put(wing), "vermilion", width=1.6, strength=0.8)
    canvas.ink(put(((0.0, -0.05), (0.0, 0.12))), "vermilion", width=1.4, strength=0.8)
    canvas.wash(put(ellipse(0.0, 0.16, 0.12, 0.05, 16)), "payne_grey", 0.4)
    canvas.ink(put(panel), e["pigment"], width=1.4, closed=True)


def blob_local(cx: float, cy: float, r: float, canvas: Canvas) -> np.ndarray:
    """A lumpy patch in an element's own units (``shapes.blob`` wants pixels and a generator)."""
    return blob(cx, cy, r, canvas.rng, 0.5) * (1.0, 0.7) + (0.0, cy * 0.3)


def wire(canvas: Canvas, e: Element) -> None:
    """Posts and sagging strands with barbs: the first wire of 13 August 1961."""
    start, end = np.array(canvas.point(e["at"])), np.array(canvas.point(e["to"]))
    height = canvas.height * e["height"]
    posts = [start + (end - start) * t for t in np.linspace(0, 1, e["posts"])]
    for post in posts:
        lean = canvas.jitter(height * 0.08)
        canvas.ink((post, (post[0] + lean, post[1] - height)), e["pigment"], width=1.5)
    for strand in range(e["strands"]):
        lift = height * (0.15 + 0.8 * strand / max(1, e["strands"] - 1))
        for a, b in zip(posts, posts[1:]):
            xs = np.linspace(a[0], b[0], 8)
            ys = np.linspace(a[1], b[1], 8) - lift + height * 0.05 * np.sin(np.linspace(0, math.pi, 8))
            canvas.ink(np.column_stack((xs, ys)), e["pigment"], width=0.6, strength=0.75, wobble=0.3)
            barb = height * 0.035
            for x, y in zip(xs[1:-1:2], ys[1:-1:2]):
                canvas.ink(((x - barb, y - barb), (x + barb, y + barb)), e["pigment"], width=0.5)
                canvas.ink(((x - barb, y + barb), (x + barb, y - barb)), e["pigment"], width=0.5)


def wall(canvas: Canvas, e: Element) -> None:
    start, end = np.array(canvas.point(e["at"])), np.array(canvas.point(e["to"]))
    height = canvas.height * e["height"]
    outline = (start, end, end - (0, height), start - (0, height))
    canvas.wash(outline, e["pigment"], 0.35, wobble=0.01, granulation=0.7)
    for row in range(1, 5):
        t = row / 5
        a, b = start - (0, height * t), end - (0, height * t)
        canvas.ink((a, b), "sepia", width=0.5, strength=0.4)
        for k in range(12):
            s = (k + 0.5 * (row % 2)) / 12
            p = a + (b - a) * s
            canvas.ink((p, p + (0, height / 5)), "sepia", width=0.4, strength=0.35)
    canvas.ink((start - (0, height), end - (0, height)), "sepia", width=0.8)


def road(canvas: Canvas, e: Element) -> None:
    """A road from its near end to its far end; ``taper`` narrows the far end, as a road running away does."""
    near, far = np.array(canvas.point(e["at"])), np.array(canvas.point(e["to"]))
    along = far - near
    across = np.array((-along[1], along[0])) / max(1e-9, float(np.hypot(*along)))
    half = canvas.width * e["width"] / 2
    narrow = 1.0 - e["taper"]
    outline = (near - across * half, near + across * half, far + across * half * narrow, far - across * half * narrow)
    canvas.wash(outline, e["pigment"], 0.4, wobble=0.005, granulation=0.6)
    for side in (-1, 1):
        canvas.ink((near + side * across * half, far + side * across * half * narrow), "sepia", width=0.6,
                   strength=0.4)
    if e["lines"]:
        for k in range(12):
            t0, t1 = (k / 12) ** (1.0 + e["taper"]), ((k + 0.45) / 12) ** (1.0 + e["taper"])
            canvas.ink((near + along * t0, near + along * t1), "naples_yellow",
                       width=1.5 * (1 - t0 * e["taper"]) + 0.3, strength=0.7)


def arcade(canvas: Canvas, e: Element) -> None:
    """A colonnade of round arches: the shaded walks of old Havana, dark openings between pale piers."""
    size = 0.6 * e["scale"]
    count = e["arches"]

    def put(points) -> np.ndarray:
        return canvas.place(points, e["at"], size)

    width = 2.0
    wall = _box(-width / 2, -1.0, width, 1.0)
    canvas.lift(put(wall), 0.85)
    canvas.wash(put(wall), e["pigment"], 0.4, wobble=0.003, granulation=0.6)
    span = width / count
    for k in range(count):
        x0 = -width / 2 + k * span + span * 0.14
        x1 = x0 + span * 0.72
        rise = (x1 - x0) / 2
        arch = [(x0, 0.0), (x0, -0.55)] + [((x0 + x1) / 2 - rise * math.cos(a), -0.55 - rise * math.sin(a))
                                          for a in np.linspace(0.0, math.pi, 12)] + [(x1, -0.55), (x1, 0.0)]
        canvas.wash(put(arch), "burnt_umber", 0.55, wobble=0.004)
        canvas.wash(put(arch), "ultramarine", 0.18, wobble=0.004, granulation=0.8)
        canvas.ink(put(arch[1:-1]), "sepia", width=0.7, strength=0.5)
    canvas.wash(put(_box(-width / 2, -1.0, width, 0.12)), "raw_sienna", 0.35, wobble=0.003)
    canvas.ink(put(((-width / 2, -0.88), (width / 2, -0.88))), "sepia", width=0.8, strength=0.6)
    canvas.wash(put(((-width / 2, -1.0), (width / 2, -1.0), (width / 2, -0.3), (width * 0.3, 0.0),
                     (-width / 2, 0.0))), "payne_grey", 0.08, wobble=0.004)
