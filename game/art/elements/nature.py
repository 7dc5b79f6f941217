"""Sky, sea, land and weather: the washes a scene is laid on, and what drifts across them."""

from __future__ import annotations

import math

import numpy as np

from game import geography
from game.art.elements.canvas import Canvas
from game.art.scene_spec import Element
from game.art.shapes import blob, clip_to_box, ellipse, rectangle
from game.art.watercolor import channel_sum, soften

# Per time of day: (top of the sky, pigment near the horizon, cloud pigment, sea pigment, sea shadow).
SKIES = {
    "dawn": ("cerulean", "rose", "payne_grey", "cerulean", "ultramarine"),
    "day": ("cerulean", "naples_yellow", "payne_grey", "cerulean", "ultramarine"),
    "dusk": ("indigo", "cadmium_yellow", "alizarin", "indigo", "payne_grey"),
    "night": ("indigo", "prussian_blue", "payne_grey", "prussian_blue", "indigo"),
    "storm": ("payne_grey", "yellow_ochre", "payne_grey", "payne_grey", "indigo"),
}
GLOW = {"dawn": 0.4, "day": 0.25, "dusk": 0.55, "night": 0.5, "storm": 0.3}
DARKNESS = {"dawn": 0.45, "day": 0.4, "dusk": 0.6, "night": 0.8, "storm": 0.7}


def sky(canvas: Canvas, e: Element) -> None:
    """The sky as a watercolorist lays it: the paper wetted first, a graded wash from the top,
    warmer toward the horizon, clouds lifted out and their grey bellies dropped in while it is
    wet (so they melt at the edges), a bloom or two in a stormy sky. A few clouds get a crisp top
    once it has dried."""
    canvas.time = e["time"]  # the colour the air lends to distance
    canvas.light = e["light"]  # where the sun is: people are lit from there
    time = e["time"]
    top, low, cloud_pigment, _, _ = SKIES[time]
    top = e["pigment"] or top
    horizon = canvas.y(e["horizon"])
    if horizon <= 0:
        return
    painting = canvas.painting
    dark = DARKNESS[time]
    painting.wet(canvas.band(None, horizon + canvas.height * 0.01))
    # Over the whole sheet (no region to mask: a third of the cost), reaching 0.1 at the horizon;
    # below it the ramp runs out to nothing under whatever is painted there.
    painting.gradient_wash(top, dark, top=1.0, bottom=1.0 - 0.9 * canvas.height / horizon)
    if time == "dusk":  # the band of red between the gold and the dark
        painting.gradient_wash("alizarin", 0.35, top=0.0, bottom=1.0,
                               region=canvas.band(horizon * 0.1, horizon + canvas.height * 0.06))
    glow = canvas.band(horizon * 0.35, horizon + canvas.height * 0.06)
    painting.gradient_wash(low, GLOW[time], top=0.0, bottom=1.0, region=glow)
    clouds = []
    for index in range(round(e["cloud"] * 9)):
        cx = canvas.rng.uniform(0, canvas.width)
        cy = canvas.rng.uniform(0.12, 0.75) * horizon
        r = canvas.height * canvas.rng.uniform(0.035, 0.08) * (0.6 + 0.6 * cy / horizon)  # smaller far off
        shape = blob(cx, cy, r, canvas.rng, 0.5)
        shape[:, 0] = cx + (shape[:, 0] - cx) * canvas.rng.uniform(2.2, 3.8)  # clouds lie long and low
        shape[:, 1] = cy + (shape[:, 1] - cy) * 0.6
        clouds.append((shape, cx, cy, r))
        if time in ("day", "dawn"):  # white tops lifted out, grey bellies dropped in wet
            canvas.lift(shape - (0, r * 0.25), 0.65, soften=r * 0.2)
            belly = shape.copy()
            belly[:, 1] = cy + 0.3 * r + (shape[:, 1] - cy) * 0.5
            canvas.wash(belly, ((cloud_pigment, 0.12), ("rose", 0.03)), 1.0, edge=0.0, bleed=2.5)
        else:
            canvas.wash(shape, cloud_pigment, 0.16 + 0.2 * (time == "storm"), edge=0.1, bleed=2.5,
                        backruns=1 if time == "storm" and index % 3 == 0 else 0)
    painting.dry()
    for shape, _cx, _cy, r in clouds[:2]:
        if time in ("day", "dawn"):  # a crisp, sunlit top on the nearest clouds
            canvas.lift(shape - (0, r * 0.35), 0.35, soften=1.2)
    if e["stars"]:
        painting.spatter("naples_yellow", e["stars"], (0, 0, canvas.width, horizon * 0.8),
                         size=max(0.6, canvas.line * 0.7), strength=0.7)


def sea(canvas: Canvas, e: Element) -> None:
    """Water from a hazy horizon to a dark, saturated foreground: the sky's colour caught near the
    horizon, waves drawn smaller and closer together with distance, the light's path scrubbed
    out with a nearly dry brush."""
    _, low, _, body, shadow = SKIES[e["time"]]
    body = e["pigment"] or body
    horizon = canvas.y(e["horizon"])
    painting = canvas.painting
    region = canvas.band(horizon, None)
    canvas.lift(region, 1.0, soften=1.0)  # whatever the sky left below the horizon
    depth = max(1.0, canvas.height - horizon)
    painting.wet(canvas.band(horizon, horizon + depth * 0.35), 0.8)
    canvas.wash(region, body, 0.3 + 0.25 * DARKNESS[e["time"]], wobble=0.0015, edge=0.3, bleed=0.8)
    painting.gradient_wash(shadow, 0.5, top=-horizon / depth, bottom=1.0)  # nothing above the horizon
    haze = canvas.band(horizon - 1, horizon + depth * 0.2)  # the far water pales into the sky
    painting.gradient_wash(low, 0.18, top=1.0, bottom=0.0, region=haze)
    if e["time"] in ("dawn", "dusk"):  # the sky's colour caught on the water near the horizon
        reflection = canvas.band(horizon + 1, horizon + depth * 0.6)
        warm = "alizarin" if e["time"] == "dusk" else "rose"
        painting.gradient_wash(warm, 0.15, top=1.0, bottom=0.0, region=reflection)
    painting.dry()
    if e["time"] in ("dawn", "dusk", "night", "day"):  # the sun's (or the moon's) path on the water
        x = canvas.width * (0.5 if e["time"] != "day" else 0.3)
        for _ in range(round(30 + 40 * e["swell"])):
            t = canvas.rng.uniform(0.0, 1.0) ** 1.3
            y = horizon + 2 + t * depth
            half = canvas.width * (0.01 + 0.08 * t) * canvas.rng.uniform(0.3, 1.0)
            cx = x + canvas.rng.normal(0.0, canvas.width * (0.01 + 0.05 * t))
            painting.scrub(((cx - half, y), (cx + half, y + canvas.rng.uniform(-1, 1))), width=canvas.line * (0.6 + 2 * t),
                           amount=0.5 if e["time"] != "night" else 0.3)
    strokes = round(18 + e["swell"] * 70)
    for _ in range(strokes):
        t = canvas.rng.uniform(0.02, 1.0) ** 1.6  # more, shorter strokes near the horizon
        y = horizon + t * depth
        x = canvas.rng.uniform(-0.05, 1.05) * canvas.width
        length = canvas.width * (0.02 + 0.09 * t) * (0.5 + e["swell"])
        bow = depth * 0.01 * (0.3 + t) * (1 + 2 * e["swell"])
        xs = np.linspace(x, x + length, 6)
        ys = y - bow * np.sin(np.linspace(0, math.pi, 6))
        painting.dry_brush(np.column_stack((xs, ys)), shadow, width=canvas.line * (0.6 + 1.6 * t),
                           strength=0.3 + 0.3 * t, dryness=0.3, wobble=0.4)


def _frame(canvas: Canvas, e: Element) -> tuple[dict | None, tuple, tuple]:
    """Where a map's land comes from and what it shows: (a base map's view or None for every
    country of the world, the box the canvas shows, the bounds the view covers).

    ``view: auto`` (the default) shows the ``box`` when there is one, else frames the ``region``,
    else is the Caribbean view; a region's frame keeps the land's proportions (a degree of
    longitude shrinks with the cosine of the latitude) and leaves a margin of sea and neighbours.
    """
    if e["view"] != "auto" or not (e["box"] or e["region"]):
        view = geography.geometry()["views"]["caribbean" if e["view"] == "auto" else e["view"]]
        return view, tuple(e["box"] or view["bounds"]), tuple(view["bounds"])
    if e["box"]:
        return None, tuple(e["box"]), tuple(e["box"])
    extent = geography.region_extent(e["region"])
    assert extent is not None  # the scene's check refused an unknown region
    west, south, east, north = extent
    middle_lon, middle_lat = (west + east) / 2, (south + north) / 2
    shrink = max(0.2, math.cos(math.radians(middle_lat)))
    tall = max(north - south, (east - west) * shrink * canvas.height / canvas.width, 2.0) * 1.3
    wide = tall * canvas.width / canvas.height / shrink
    box = (middle_lon - wide / 2, middle_lat - tall / 2, middle_lon + wide / 2, middle_lat + tall / 2)
    return None, box, box


def _project(canvas: Canvas, e: Element, box: tuple):
    """Longitude and latitude to pixels: the box fills the canvas; a tilt lays the map back in perspective."""
    west, south, east, north = box
    horizon = canvas.y(e["horizon"])
    far = e["tilt"] / (1.0 - e["tilt"]) * 8.0  # how much deeper the top of the map lies than its bottom

    def project(ring) -> np.ndarray:
        points = np.asarray(ring, dtype=float)
        u = (points[:, 0] - west) / (east - west)
        v = (north - points[:, 1]) / (north - south)
        if not far:
            return np.column_stack((u * canvas.width, v * canvas.height))
        depth = 1.0 + far * (1.0 - v)
        x = canvas.width / 2 + (u - 0.5) * canvas.width * 1.4 / depth
        y = horizon + (canvas.height - horizon) / depth
        return np.column_stack((x, y))

    return project


def _coasts(points: list, box: tuple) -> list:
    """The runs of a clipped ring that are real coast, not the cut along the box's edge."""
    def on_edge(p) -> bool:
        return any(abs(p[i % 2] - box[i]) < 1e-9 for i in range(4))

    runs: list[list] = []
    current: list = []
    for a, b in zip(points, points[1:] + points[:1]):
        if on_edge(a) and on_edge(b):
            if len(current) > 1:
                runs.append(current)
            current = []
            continue
        if not current:
            current = [a]
        current.append(b)
    if len(current) > 1:
        runs.append(current)
    return runs


def _map(canvas: Canvas, e: Element) -> None:
    pigment = e["pigment"] or "sap_green"
    view, (west, south, east, north), bounds = _frame(canvas, e)
    project = _project(canvas, e, (west, south, east, north))
    # In perspective the far edge shows more longitude than the box: clip well outside what shows,
    # or the cut along the box's sides (and the slivers it leaves) would be seen.
    far = e["tilt"] / (1.0 - e["tilt"]) * 8.0
    seen = 0.5 * (1.0 + far) / 1.4 - 0.5
    pad_x, pad_y = (east - west) * max(0.15, seen + 0.1), (north - south) * 0.02
    box = (west - pad_x, south - pad_y, east + pad_x, north + pad_y)
    frame = project(((bounds[0], bounds[3]), (bounds[2], bounds[3])))
    top = min(frame[:, 1].min(), canvas.y(e["horizon"])) if e["tilt"] else 0.0
    water = canvas.band(top - 2 if e["tilt"] else None, None)
    canvas.lift(water, 1.0, soften=1.0)
    canvas.wash(water, e["sea"], 0.45, wobble=0.002)
    if view is not None and (not e["region"] or e["region"] in view["countries"]):
        region = view["countries"].get(e["region"], []) if e["region"] else []
    else:
        region = geography.region_rings(e["region"]) if e["region"] else []
    muted = "yellow_ochre" if region else pigment
    if view is not None:
        _lay_land(canvas, project, box, view["land"], muted, {})
    else:  # every country that reaches into the box, from the world map's 1:50m outlines
        rings = [ring for country in geography.countries_within(box) for ring in geography.region_rings(country)]
        _lay_land(canvas, project, box, rings, muted, _edge_counts(rings))
    for ring in region:
        clipped = clip_to_box(ring, *box)
        if len(clipped) >= 3:
            outline = project(clipped)
            canvas.wash(outline, pigment, 0.6, wobble=0.01, edge=0.7)
            canvas.wash(outline, "olive", 0.2, wobble=0.03, granulation=0.8)
    if e["tilt"]:
        _haze(canvas, canvas.y(e["horizon"]), float(project(((west, north),))[0, 1]))


def _edge_counts(rings: list) -> dict[frozenset, int]:
    """How many outlines each edge belongs to: two for a border between countries, one for a coast."""
    counts: dict[frozenset, int] = {}
    for ring in rings:
        for a, b in zip(ring, ring[1:] + ring[:1]):
            edge = frozenset((tuple(a), tuple(b)))
            counts[edge] = counts.get(edge, 0) + 1
    return counts


def _lay_land(canvas: Canvas, project, box: tuple, rings: list, pigment: str, edges: dict) -> None:
    """Land washed ring by ring, its coasts inked; borders (edges two outlines share) finer and paler."""
    drawn: set[frozenset] = set()
    for ring in rings:
        clipped = clip_to_box(ring, *box)
        if len(clipped) < 3:
            continue
        outline = project(clipped)
        if np.ptp(outline, axis=0).max() < 2:
            continue
        canvas.wash(outline, pigment, 0.5, wobble=0.01, edge=0.7)
        for coast in _coasts(clipped, box):
            for border, part in _split_borders(coast, edges, drawn):
                if border:
                    canvas.ink(project(part), "sepia", width=0.45, strength=0.3, wobble=0.2)
                else:
                    canvas.ink(project(part), "sepia", width=0.6, strength=0.6, wobble=0.2)


def _split_borders(run: list, seen: dict, drawn: set) -> list[tuple[bool, list]]:
    """A run of outline as pieces of coast and of border (an edge two countries share), each border
    edge kept for the first country that draws it."""
    pieces: list[tuple[bool, list]] = []
    for a, b in zip(run, run[1:]):
        edge = frozenset((tuple(a), tuple(b)))
        border = seen.get(edge, 0) > 1
        if border and edge in drawn:
            continue
        drawn.add(edge)
        if pieces and pieces[-1][0] == border and pieces[-1][1][-1] == a:
            pieces[-1][1].append(b)
        else:
            pieces.append((border, [a, b]))
    return pieces


def _haze(canvas: Canvas, horizon: float, far_edge: float) -> None:
    """Distance fades to the colour of the air: stacked lifts, strongest at the horizon, then a pale wash.

    It also softens the box's far edge, where the map stops short of the horizon.
    """
    depth = max(far_edge - horizon, 0.0) * 1.6 + canvas.height * 0.05
    for k in range(4):
        canvas.lift(canvas.band(horizon - 2, horizon + depth * (1.0 - k / 4)), 0.3, soften=canvas.height * 0.03)
    canvas.painting.gradient_wash("cerulean", 0.3, top=1.0, bottom=0.0, region=canvas.band(horizon, horizon + depth))


def _ridge(canvas: Canvas, x0: float, x1: float, base: float, rise: float, bumps: int) -> np.ndarray:
    xs = np.linspace(x0, x1, 40)
    phase = canvas.rng.uniform(0, 6.3, 3)
    wave = sum(np.sin(xs / canvas.width * math.pi * bumps * k + phase[k - 1]) / k for k in (1, 2, 3))
    return np.column_stack((xs, base - rise * (0.6 + 0.4 * wave)))


def land(canvas: Canvas, e: Element) -> None:
    if e["shape"] == "map":
        _map(canvas, e)
        return
    horizon = canvas.y(e["horizon"])
    bottom = canvas.height + canvas.bleed
    left, right = -canvas.bleed, canvas.width + canvas.bleed
    pigment = e["pigment"] or {"beach": "yellow_ochre", "city": "payne_grey"}.get(e["shape"], "sap_green")
    if e["shape"] == "coast":
        width = e["extent"] * canvas.width
        x0, x1 = (left, width) if e["side"] == "left" else (canvas.width - width, right)
        ridge = _ridge(canvas, x0, x1, horizon, canvas.height * 0.08 * (0.5 + e["extent"]), 3)
        taper = np.linspace(0, 1, len(ridge)) if e["side"] == "right" else np.linspace(1, 0, len(ridge))
        ridge[:, 1] = horizon - (horizon - ridge[:, 1]) * np.sqrt(taper)
        shape = np.vstack((ridge, ((x1, horizon + 2), (x0, horizon + 2))))
        canvas.lift(shape, 0.8, soften=2.0)  # land is opaque: the sky behind it does not show through
        canvas.wash(shape, pigment, 0.45, wobble=0.02)
        canvas.wash(shape, "payne_grey", 0.15, granulation=0.7, wobble=0.02)
        return
    if e["shape"] == "beach":
        top = horizon + (1.0 - e["extent"]) * (canvas.height - horizon)
        xs = np.linspace(left, right, 30)
        edge = top + canvas.height * 0.015 * np.sin(xs / canvas.width * 9 + canvas.rng.uniform(0, 6))
        shape = np.vstack((np.column_stack((xs, edge)), ((right, bottom), (left, bottom))))
        canvas.lift(shape, 0.9, soften=canvas.height * 0.004)
        canvas.wash(shape, pigment, 0.4, granulation=0.8, wobble=0.005)
        canvas.painting.gradient_wash("raw_sienna", 0.25, top=0.0, bottom=1.0, region=shape)
        canvas.ink(np.column_stack((xs, edge - 2)), "cerulean", width=0.8, strength=0.4)
        return
    if e["shape"] == "city":  # the ground the streets stand on, then the roofs against the sky
        ground = canvas.band(horizon, None)
        canvas.lift(ground, 0.8, soften=2.0)
        canvas.wash(ground, pigment, 0.15 + 0.3 * DARKNESS[canvas.time], granulation=0.6, wobble=0.005)
        canvas.painting.gradient_wash("burnt_umber", 0.3, top=0.0, bottom=1.0, region=ground)
        _skyline(canvas, horizon, pigment, e["extent"])
        return
    rise = canvas.height * (0.02 if e["shape"] == "plain" else 0.1) * (0.4 + e["extent"])
    far = _ridge(canvas, left, right, horizon, rise, 2)
    canvas.lift(np.vstack((far, ((right, bottom), (left, bottom)))), 0.8, soften=2.0)
    canvas.wash(np.vstack((far, ((right, bottom), (left, bottom)))), pigment, 0.4, granulation=0.6, wobble=0.005)
    if e["shape"] == "hills":
        near = _ridge(canvas, left, right, horizon + rise * 1.2, rise * 0.8, 3)
        canvas.wash(np.vstack((near, ((right, bottom), (left, bottom)))), pigment, 0.3, wobble=0.01)
    ground = canvas.band(horizon, None)
    canvas.painting.gradient_wash("olive" if pigment != "olive" else "burnt_umber", 0.25, top=0.0, bottom=1.0,
                                  region=ground)


def _skyline(canvas: Canvas, horizon: float, pigment: str, extent: float) -> None:
    x = -4.0
    while x < canvas.width:
        w = canvas.width * canvas.rng.uniform(0.03, 0.07)
        h = canvas.height * canvas.rng.uniform(0.04, 0.16) * (0.5 + extent)
        block = rectangle(x, horizon - h, w, h + 3)
        canvas.lift(block, 0.7, soften=1.0)
        canvas.wash(block, pigment, canvas.rng.uniform(0.3, 0.5), wobble=0.02, edge=0.8)
        x += w * canvas.rng.uniform(0.7, 1.0)


def trees(canvas: Canvas, e: Element) -> None:
    start, end = np.array(canvas.point(e["at"])), np.array(canvas.point(e["to"]))
    size = canvas.height * 0.12 * e["scale"]
    pigment = e["pigment"] or {"round": "sap_green", "pine": "viridian", "palm": "sap_green"}[e["kind"]]
    for index in range(e["count"]):
        t = (index + 0.5) / e["count"] + canvas.jitter(0.3 / e["count"])
        x, y = start + (end - start) * t
        h = size * canvas.rng.uniform(0.75, 1.2)
        if e["kind"] == "round":
            canvas.ink(((x, y), (x, y - h * 0.5)), "burnt_umber", width=1.2)
            canvas.wash(blob(x, y - h * 0.7, h * 0.38, canvas.rng, 0.4), pigment, 0.45, granulation=0.7)
        elif e["kind"] == "pine":
            shape = np.array(((x, y - h), (x + h * 0.22, y - h * 0.05), (x - h * 0.22, y - h * 0.05)))
            canvas.wash(shape, pigment, 0.5)
            canvas.ink(((x, y), (x, y - h * 0.1)), "burnt_umber", width=1.0)
        else:
            lean = canvas.jitter(0.25) * h
            top = (x + lean, y - h * 1.2)
            canvas.ink(((x, y), (x + lean * 0.4, y - h * 0.6), top), "burnt_umber", width=1.6)
            for angle in np.linspace(-160, -20, 6) + canvas.jitter(10):
                tip = (top[0] + math.cos(math.radians(angle)) * h * 0.45,
                       top[1] + math.sin(math.radians(angle)) * h * 0.2 + h * 0.18)
                mid = (top[0] + (tip[0] - top[0]) * 0.5, top[1] - h * 0.08)
                canvas.ink((top, mid, tip), pigment, width=1.4, strength=0.8)
                canvas.wash(((top[0], top[1] - h * 0.02), mid, tip, (mid[0], mid[1] + h * 0.06)), pigment, 0.35)


def cloud(canvas: Canvas, e: Element) -> None:
    """A mushroom cloud: a column of boiling smoke under a broad, rolling cap."""
    x, ground = canvas.point(e["at"])
    s = canvas.height * 0.5 * e["scale"]
    if e["kind"] == "puff":
        _puff(canvas, x, ground, s * 0.3)
        return
    cap_y = ground - s * 0.78
    if e["glow"]:  # the flash lights the sky behind: lifted, then washed with gold
        halo = ellipse(x, cap_y + s * 0.2, s * 0.75, s * 0.6, 40)
        canvas.lift(halo, 0.45 * e["glow"], soften=s * 0.15)
        canvas.wash(halo, "naples_yellow", 0.25 * e["glow"], edge=0.05, bleed=4.0, wobble=0.05)
        canvas.lift(ellipse(x, ground, s * 0.6, s * 0.12, 32), 0.5 * e["glow"], soften=s * 0.06)
    stem = np.array(((x - s * 0.08, ground), (x - s * 0.05, ground - s * 0.4), (x - s * 0.06, cap_y + s * 0.1),
                     (x + s * 0.06, cap_y + s * 0.1), (x + s * 0.05, ground - s * 0.4), (x + s * 0.08, ground)))
    canvas.lift(stem, 0.6, soften=2.0)
    canvas.wash(stem, e["pigment"], 0.45, wobble=0.03)
    canvas.wash(stem[[0, 1, 2, 2]] * (1, 1) + (s * 0.02, 0), "burnt_umber", 0.3, wobble=0.03, granulation=0.8)
    skirt = ellipse(x, ground - s * 0.45, s * 0.16, s * 0.035, 24)
    canvas.wash(skirt, "burnt_umber", 0.3, wobble=0.05)
    canvas.wash(ellipse(x, ground - s * 0.02, s * 0.5, s * 0.06, 32), "burnt_umber", 0.35, bleed=2.5, wobble=0.05)
    cap = blob(x, cap_y, s * 0.3, canvas.rng, 0.25)
    cap[:, 0] = x + (cap[:, 0] - x) * 1.35
    canvas.lift(cap, 0.7, soften=3.0)
    for k in range(10):  # the rolling edge of the cap, darker below
        a = k / 10 * 2 * math.pi
        cx, cy = x + s * 0.34 * math.cos(a), cap_y + s * 0.16 * math.sin(a)
        canvas.wash(blob(cx, cy, s * 0.12, canvas.rng, 0.35), e["pigment"], 0.3 + 0.15 * (math.sin(a) > 0),
                    wobble=0.05)
    canvas.wash(blob(x, cap_y - s * 0.02, s * 0.2, canvas.rng, 0.3), "vermilion", 0.35, wobble=0.05)
    canvas.wash(blob(x, cap_y - s * 0.05, s * 0.12, canvas.rng, 0.3), "cadmium_yellow", 0.5, wobble=0.05)
    canvas.wash(ellipse(x, cap_y + s * 0.14, s * 0.38, s * 0.06, 32), "burnt_umber", 0.35, wobble=0.05)


def _puff(canvas: Canvas, x: float, y: float, r: float) -> None:
    """A white cumulus: lumps lifted out of whatever lies below, a soft grey shadow on one side."""
    lumps = [(x + dx * r, y + dy * r, k * r) for dx, dy, k in
             ((0, 0, 0.6), (-0.7, 0.15, 0.45), (0.7, 0.12, 0.5), (-0.25, -0.3, 0.45), (0.35, -0.25, 0.4))]
    for cx, cy, radius in lumps:
        canvas.lift(blob(cx, cy, radius, canvas.rng, 0.35), 0.8, soften=radius * 0.12)
    belly = np.array([(x + r * 0.9 * math.cos(a), y + r * 0.3 + r * 0.25 * math.sin(a))
                      for a in np.linspace(0, 2 * math.pi, 24, endpoint=False)])
    canvas.wash(belly, "payne_grey", 0.1, edge=0.1, bleed=3.0, wobble=0.08)


def smoke(canvas: Canvas, e: Element) -> None:
    start, end = np.array(canvas.point(e["at"])), np.array(canvas.point(e["to"]))
    size = canvas.height * 0.03 * e["scale"]
    puffs = 14
    for k in range(puffs):
        t = k / (puffs - 1)
        cx, cy = start + (end - start) * t
        r = size * (0.4 + 2.2 * t)
        canvas.wash(blob(cx + canvas.jitter(r * 0.4), cy + canvas.jitter(r * 0.4), r, canvas.rng, 0.5),
                    e["pigment"], e["strength"] * (0.9 - 0.6 * t), edge=0.3, bleed=2.0)


def light(canvas: Canvas, e: Element) -> None:
    x, y = canvas.point(e["at"])
    r = canvas.height * e["radius"]
    if e["beam"]:  # a searchlight: light lifted out of the dark along the beam, then tinted
        turn = math.radians(-e["angle"])
        spread = math.radians(6)
        length = canvas.height * e["beam"]
        far = [(x + length * math.cos(turn + d), y + length * math.sin(turn + d)) for d in (-spread, spread)]
        beam = np.array(((x, y), *far))
        canvas.lift(beam, 0.6 * e["strength"] + 0.2, soften=canvas.height * 0.006)
        canvas.wash(beam, e["pigment"], e["strength"] * 0.3, wobble=0.01, edge=0.1, bleed=2.0)
    for ring in range(4):
        canvas.wash(ellipse(x, y, r * (1 - ring * 0.22), r * (1 - ring * 0.22)), e["pigment"],
                    e["strength"] * 0.3, edge=0.05, bleed=3.0, wobble=0.04)


# The colour of the air at each time of day: what distance and weather fade things toward.
AIR = {"dawn": (("rose", 0.1), ("cerulean", 0.12)), "day": (("cerulean", 0.16), ("naples_yellow", 0.05)),
       "dusk": (("rose", 0.12), ("ultramarine", 0.08)), "night": (("indigo", 0.2), ("payne_grey", 0.08)),
       "storm": (("payne_grey", 0.2), ("naples_yellow", 0.04))}


def atmosphere(canvas: Canvas, laid: tuple[np.ndarray, np.ndarray], depth: float) -> None:
    """Aerial perspective (Leonardo's): what was just painted, being far off, loses strength and
    takes on the colour of the air between it and the eye.

    ``laid`` is the element's own paint; it is faded by ``depth`` and a thin wash of the air's
    colour is laid over where it went. What the element lifted (its reserved place) stays lifted.
    """
    painting = canvas.painting
    footprint = np.clip(channel_sum(laid[0]) * 2.5, 0.0, 1.0)
    if footprint.max() <= 0.0:
        return
    fade = np.float32(0.7 * depth)
    ys, xs = np.nonzero(footprint > 0.02)
    x0, x1, y0, y1 = xs.min(), xs.max() + 1, ys.min(), ys.max() + 1
    # far things are softer as well as paler: what is left of the element's paint is blurred a
    # little, more the further off it is (its edges and small marks lose their bite)
    sigma = depth * 0.004 * canvas.height
    if sigma >= 0.5:
        margin = int(3 * sigma) + 1
        box = (slice(max(0, y0 - margin), y1 + margin), slice(max(0, x0 - margin), x1 + margin))
        for film, own in ((painting.density, laid[0]), (painting.scatter, laid[1])):
            mine = own[box] * (1.0 - fade)
            soft = np.stack([soften(mine[..., c], sigma) for c in range(3)], axis=-1)
            film[box] = np.maximum(film[box] + soft - own[box], 0.0)
    else:
        painting.density -= laid[0] * fade
        painting.scatter -= laid[1] * fade
    air = AIR.get(getattr(canvas, "time", "day"), AIR["day"])
    painting.lay(footprint[y0:y1, x0:x1], air, depth, at=(int(x0), int(y0)), wobble=0.0, edge=0.0, bleed=1.0,
                 granulation=0.0, flow=0.05)


def weather(canvas: Canvas, e: Element) -> None:
    """Haze and fog pale the picture toward its horizon; rain and drizzle slant across it; snow falls."""
    horizon = canvas.y(e["horizon"])
    strength = e["strength"]
    air = AIR[e["time"]]
    painting = canvas.painting
    rows = np.arange(canvas.height, dtype=np.float32)[:, None]
    if e["kind"] in ("haze", "fog"):
        reach = canvas.height * (0.25 if e["kind"] == "haze" else 0.6)
        band = np.exp(-((rows - horizon) / reach) ** 2) * np.ones((1, canvas.width), dtype=np.float32)
        if e["kind"] == "fog":  # fog sits on the ground: everything below the horizon is in it too
            band = np.maximum(band, (rows > horizon) * 0.7 * np.ones((1, canvas.width), dtype=np.float32))
        painting.lift(band * (0.5 if e["kind"] == "haze" else 0.75) * strength)
        mist = (("payne_grey", 0.06), ("naples_yellow", 0.04)) if e["kind"] == "fog" else air
        painting.lay(band, mist, strength, wobble=canvas.height * 0.02, edge=0.0, bleed=canvas.height * 0.01,
                     granulation=0.0, flow=0.3)
        return
    if e["kind"] == "showers":
        _showers(canvas, horizon, strength, air)
        return
    if e["kind"] == "cloud_shadows":
        _cloud_shadows(canvas, horizon, strength)
        return
    if e["kind"] == "snow":
        count = int(600 * strength * canvas.width * canvas.height / (1280 * 720))
        for _ in range(count):
            x, y = canvas.rng.uniform(0, canvas.width), canvas.rng.uniform(0, canvas.height)
            r = canvas.line * canvas.rng.uniform(0.6, 1.8)
            yy, xx = np.mgrid[-3:4, -3:4]
            painting.lift(np.clip(1.2 - np.hypot(xx, yy) / r, 0.0, 1.0), 0.8, at=(int(x) - 3, int(y) - 3))
        return
    # rain: a grey veil from the clouds, then streaks slanting with the wind, some lifted pale
    painting.gradient_wash("payne_grey", 0.18 * strength, top=1.0, bottom=0.2)
    count = int((260 if e["kind"] == "rain" else 110) * strength * canvas.width / 1280)
    length = canvas.height * (0.09 if e["kind"] == "rain" else 0.05)
    for _ in range(count):
        x, y = canvas.rng.uniform(-0.1, 1.05) * canvas.width, canvas.rng.uniform(-0.05, 1.0) * canvas.height
        streak = ((x, y), (x - 0.28 * length, y + length))
        if canvas.rng.random() < 0.3:
            canvas.lift(np.array((streak[0], streak[1], (streak[1][0] + 1.5, streak[1][1]), (x + 1.5, y))), 0.5,
                        soften=0.6)
        else:
            painting.dry_brush(streak, "payne_grey", width=canvas.line * 0.8, strength=0.25 * strength, dryness=0.55,
                               wobble=0.3)


def _showers(canvas: Canvas, horizon: float, strength: float, air) -> None:
    """Rain falling far off: a long, low bank of cloud with grey curtains hanging from its underside
    to the horizon, soft at every edge and slanting with the wind, laid wet so they melt into the
    sky (the painter's way of putting weather in a distance: the curtains sit in the air, paler than
    anything near). The bank is wide and flat, never a cap on a column."""
    rng = canvas.rng
    w = canvas.width
    base = horizon - canvas.height * rng.uniform(0.16, 0.24)
    slant = w * rng.uniform(0.015, 0.04)
    for _ in range(1 + int(strength > 0.45)):
        middle, span = rng.uniform(0.2, 0.8) * w, w * rng.uniform(0.3, 0.5)
        bank = blob(0.0, 0.0, 1.0, rng, 0.25, n=48) * (span / 2, canvas.height * 0.035) + (middle, base)
        curtains = []
        for k in range(3 + int(2 * strength)):
            x = middle + span * ((k + rng.uniform(0.2, 0.8)) / (3 + int(2 * strength)) - 0.5) * 0.85
            wide = span * rng.uniform(0.08, 0.16)
            curtains.append(np.array(((x - wide / 2, base), (x + wide / 2, base), (x + wide / 2 - slant, horizon + 2),
                                      (x - wide / 2 - slant, horizon + 2))))
        canvas.painting.wet(bank, 0.8)
        for curtain in curtains:
            canvas.painting.wet(curtain, 0.8)
        for curtain in curtains:
            canvas.wash(curtain, (("payne_grey", 0.12), ("ultramarine", 0.05)), strength, wobble=0.05, edge=0.0,
                        bleed=canvas.height * 0.012, granulation=0.5)
        canvas.wash(bank, (("payne_grey", 0.2), ("ultramarine", 0.06), ("burnt_sienna", 0.03)), strength,
                    wobble=0.05, edge=0.1, bleed=canvas.height * 0.008, granulation=0.4)
        canvas.painting.dry()
        canvas.lift(bank[bank[:, 1] < base - canvas.height * 0.015], 0.35, soften=canvas.height * 0.01)
        for curtain in curtains:  # the streaks of the falling rain inside each curtain
            for k in range(4):
                sx = curtain[0][0] + (curtain[1][0] - curtain[0][0]) * (k + 0.5) / 4
                canvas.painting.dry_brush(((sx, base + 4), (sx - slant, horizon)), "payne_grey",
                                          width=canvas.line * 1.2, strength=0.1 * strength, dryness=0.5, wobble=0.4)
    # the air over the curtains' feet, so they stand back in the distance
    rows = np.arange(canvas.height, dtype=np.float32)[:, None]
    band = np.exp(-((rows - horizon) / (canvas.height * 0.05)) ** 2) * np.ones((1, w), dtype=np.float32)
    canvas.painting.lay(band, air, 0.5 * strength, wobble=0.0, edge=0.0, bleed=2.0, granulation=0.0, flow=0.2)


def _cloud_shadows(canvas: Canvas, horizon: float, strength: float) -> None:
    """Shadows of clouds passing over the land: cool patches, large near us and flattened and small
    toward the horizon, as the ground recedes. A landscape painter uses them to lay the ground out
    in depth and to say the sky is moving."""
    rng = canvas.rng
    depth = canvas.height - horizon
    if depth < 4:
        return
    for _ in range(3 + int(6 * strength)):
        t = rng.uniform(0.05, 1.0) ** 1.5  # more of them far off, where they are small
        y = horizon + t * depth
        rx = canvas.width * (0.04 + 0.2 * t) * rng.uniform(0.7, 1.3)
        ry = rx * (0.08 + 0.25 * t)
        patch = blob(0.0, 0.0, 1.0, rng, 0.35) * (rx, ry) + (rng.uniform(-0.1, 1.1) * canvas.width, y)
        canvas.wash(patch, (("ultramarine", 0.2), ("burnt_sienna", 0.09), ("payne_grey", 0.08)),
                    strength * (0.6 + 0.4 * t), wobble=0.05, edge=0.15, bleed=canvas.height * 0.006,
                    granulation=0.6)
