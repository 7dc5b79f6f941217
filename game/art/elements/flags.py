"""Flags on poles: each country's design as a few plain marks (stripes, a canton, a cross, a disc,
stars, a crescent), or the stripes an author chooses.

A design is data: a tuple of marks painted in order on the cloth, the first usually its stripes.
The cloth is one unit long and 0.55 tall and ripples with ``wave``; stripes and crosses follow the
ripple, the small marks in the middle (stars, discs) are laid where they stand. White is the
paper left bare (or lifted back, for white on a colour), as a watercolorist paints it.

What is drawn is a painter's shorthand at the size a flag shows in a scene: emblems that need
fine drawing (the hammer and sickle, the stars of the United States, coats of arms) are a dot,
a ring or left out. ``docs/scenario-format.md`` says which, flag by flag.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from game.art.elements.canvas import Canvas
from game.art.scene_spec import FLAGS, WHITE, Element
from game.art.shapes import clip_to_box, ellipse

HEIGHT = 0.55  # the cloth's height, its length being 1

RED, BLUE, YELLOW, GREEN, BLACK = "vermilion", "ultramarine", "cadmium_yellow", "hookers_green", "lamp_black"
SKY_BLUE, MAROON, NAVY = "cerulean", "alizarin", "prussian_blue"
ORANGE = (("vermilion", 0.45), ("cadmium_yellow", 0.75))
C = HEIGHT / 2  # the middle of the cloth, from its top


def _stripes(*colours, weights=None, vertical=False) -> tuple:
    return ("stripes", colours, weights, vertical)


def _nordic(u: float, v: float, thickness: float, colour) -> tuple:
    """A cross whose upright stands nearer the pole: ``u``, ``v`` its middle, ``thickness`` a share of the height."""
    return ("cross", u, v, thickness, colour)


DESIGNS: dict[str, tuple[tuple, ...]] = {
    # the flags of 1962 (kept as first painted)
    "generic": (_stripes(BLUE),),
    "white": (),
    "usa": (("bars", "alizarin", 13, 0.6, 4), ("canton", 0.42, 7 / 13, BLUE, 0.7)),
    "ussr": (_stripes(RED), ("disc", 0.15, 0.12, 0.05, YELLOW, 0.7, 10)),
    "un": (_stripes(SKY_BLUE), ("ring", 0.5, 0.28, 0.12, "naples_yellow", 20)),
    "cuba": (_stripes(BLUE, None, BLUE, None, BLUE), ("triangle", 0.45, 0.28, RED, 0.7),
             ("star", 0.15, 0.28, 0.06, None)),
    "turkey": (_stripes(RED), ("crescent", 0.36, 0.28, 0.13, 0.4, 0.1, RED), ("lift", 0.56, 0.28, 0.04, 10)),
    "frg": (_stripes(BLACK, RED, YELLOW),),
    # the GDR's from 1959: its hammer, compass and wreath as a golden ring
    "gdr": (_stripes(BLACK, RED, YELLOW), ("lift", 0.5, C, 0.11, 24), ("disc", 0.5, C, 0.11, RED, 0.45, 24),
            ("ring", 0.5, C, 0.1, YELLOW, 24), ("ring", 0.5, C, 0.045, "raw_sienna", 16)),
    "germany": (_stripes(BLACK, RED, YELLOW),),
    "france": (_stripes(BLUE, None, RED, vertical=True),),
    "italy": (_stripes(GREEN, None, RED, vertical=True),),
    "united_kingdom": (_stripes(BLUE), ("saltire", 0.2, None), ("saltire", 0.07, RED), ("upright", 0.34, None),
                       ("upright", 0.2, RED)),
    # 1922-1958, flown through Suez: a white crescent and three stars on green
    "egypt": (_stripes(GREEN), ("crescent", 0.44, C, 0.15, 0.5, 0.125, GREEN), ("star", 0.5, 0.185, 0.04, None),
              ("star", 0.55, C, 0.04, None), ("star", 0.5, 0.365, 0.04, None)),
    # the United Arab Republic, 1958-1971 (Egypt's until 1972, Syria's again from 1980)
    "uar": (_stripes(RED, None, BLACK), ("star", 0.36, C, 0.045, GREEN), ("star", 0.64, C, 0.045, GREEN)),
    "israel": (_stripes(None, BLUE, None, BLUE, None, weights=(1.5, 2.5, 8, 2.5, 1.5)),
               ("hexagram", 0.5, C, 0.1, BLUE)),
    "japan": (("disc", 0.5, C, 0.165, RED, 0.65, 40),),
    "china": (_stripes(RED), ("star", 0.167, 0.1375, 0.08, YELLOW), ("star", 0.333, 0.055, 0.028, YELLOW),
              ("star", 0.4, 0.11, 0.028, YELLOW), ("star", 0.4, 0.1925, 0.028, YELLOW),
              ("star", 0.333, 0.2475, 0.028, YELLOW)),
    "poland": (_stripes(None, RED),),
    "hungary": (_stripes(RED, None, GREEN),),
    "czechoslovakia": (_stripes(None, RED), ("triangle", 0.5, C, BLUE, 0.7)),
    "yugoslavia": (_stripes(BLUE, None, RED), ("star", 0.5, C, 0.11, RED)),
    "romania": (_stripes(BLUE, YELLOW, RED, vertical=True),),
    "bulgaria": (_stripes(None, GREEN, RED),),
    "netherlands": (_stripes(RED, None, BLUE),),
    "belgium": (_stripes(BLACK, YELLOW, RED, vertical=True),),
    "ireland": (_stripes(GREEN, None, ORANGE, vertical=True),),
    "austria": (_stripes(RED, None, RED),),
    "switzerland": (_stripes(RED), ("plus", 0.5, C, 0.32, 0.07)),
    "sweden": (_stripes(BLUE), _nordic(0.375, 0.5, 0.2, YELLOW)),
    "norway": (_stripes(RED), _nordic(0.364, 0.5, 0.25, None), _nordic(0.364, 0.5, 0.125, BLUE)),
    "denmark": (_stripes(RED), _nordic(0.378, 0.5, 0.143, None)),
    "finland": (_nordic(0.361, 0.5, 0.273, BLUE),),
    "greece": (("bars", BLUE, 9, 0.65, 6), ("canton", 0.3056, 5 / 9, BLUE, 0.7), ("plus", 0.1528, 0.1528, 0.27, 0.055)),
    "spain": (_stripes(RED, YELLOW, RED, weights=(1, 2, 1)),),
    "russia": (_stripes(None, BLUE, RED),),
    "ukraine": (_stripes(BLUE, YELLOW),),
    "estonia": (_stripes(SKY_BLUE, BLACK, None),),
    "latvia": (_stripes(MAROON, None, MAROON, weights=(2, 1, 2)),),
    "lithuania": (_stripes(YELLOW, GREEN, RED),),
    "india": (_stripes(ORANGE, None, GREEN), ("ring", 0.5, C, 0.07, NAVY, 24)),
    "pakistan": (_stripes(None, GREEN, weights=(1, 3), vertical=True),
                 ("crescent", 0.62, C, 0.14, 0.66, 0.12, GREEN), ("star", 0.72, 0.2, 0.04, None)),
    "vietnam": (_stripes(RED), ("star", 0.5, C, 0.14, YELLOW)),
    "iran": (_stripes(GREEN, None, RED),),
    "nigeria": (_stripes(GREEN, None, GREEN, vertical=True),),
    "mexico": (_stripes(GREEN, None, RED, vertical=True), ("disc", 0.5, C, 0.06, "burnt_sienna", 0.5, 16)),
    "brazil": (_stripes(GREEN), ("diamond", 0.5, C, 0.42, 0.21, YELLOW), ("disc", 0.5, C, 0.11, BLUE, 0.7, 28)),
    "argentina": (_stripes(SKY_BLUE, None, SKY_BLUE), ("disc", 0.5, C, 0.045, YELLOW, 0.7, 16)),
    "colombia": (_stripes(YELLOW, BLUE, RED, weights=(2, 1, 1)),),
    "lebanon": (_stripes(RED, None, RED, weights=(1, 2, 1)), ("cedar", 0.5, C, 0.12, "sap_green")),
    "jordan": (_stripes(BLACK, None, GREEN), ("triangle", 0.45, C, RED, 0.7), ("star", 0.15, C, 0.05, None)),
    "algeria": (_stripes(GREEN, None, vertical=True), ("moon", 0.5, C, 0.13, 0.54, 0.105, RED),
                ("star", 0.56, C, 0.04, RED)),
    "tunisia": (_stripes(RED), ("lift", 0.5, C, 0.15, 24), ("moon", 0.49, C, 0.11, 0.52, 0.088, RED),
                ("star", 0.54, C, 0.035, RED)),
    "morocco": (_stripes(RED), ("pentagram", 0.5, C, 0.13, "sap_green")),
}
DESIGNS["britain"] = DESIGNS["united_kingdom"]
assert set(DESIGNS) == set(FLAGS), "every flag the language names needs its design, and no other"


def author_design(stripes: tuple, direction: str) -> tuple[tuple, ...]:
    """The design of a flag an author sets: stripes of pigments, ``white`` (the paper) or #rrggbb."""
    colours = tuple(None if colour == WHITE else colour for colour in stripes)
    return (_stripes(*colours, vertical=direction == "vertical"),)


def flag(canvas: Canvas, e: Element) -> None:
    size = 0.25 * e["scale"]
    x, y = canvas.point(e["at"])
    unit = canvas.height * size
    if e["pole"]:
        canvas.ink(((x, y), (x, y - unit * 1.3)), "sepia", width=1.0)
    cloth = Cloth(canvas, x, y - unit * 1.3, unit, e["wave"])
    design = author_design(e["stripes"], e["direction"]) if e["stripes"] else DESIGNS[e["kind"]]
    for mark in design:
        MARKS[mark[0]](cloth, *mark[1:])
    canvas.ink(cloth.rectangle(0, 0, 1, 1), "sepia", width=0.5, strength=0.5, closed=True)


class Cloth:
    """The flag's cloth on the canvas: (u, v) fractions of its length and height to pixels, rippling."""

    def __init__(self, canvas: Canvas, x: float, top: float, unit: float, wave: float):
        self.canvas, self.x, self.top, self.unit, self.wave = canvas, x, top, unit, wave

    def ripple(self, u):
        return self.wave * 0.1 * np.sin(u * 5.5) * u

    def rectangle(self, u0: float, v0: float, u1: float, v1: float) -> np.ndarray:
        """A band of the cloth: its long edges follow the ripple."""
        us = np.linspace(u0, u1, 10)
        upper = np.column_stack((self.x + us * self.unit, self.top + (v0 * HEIGHT + self.ripple(us)) * self.unit))
        lower = np.column_stack((self.x + us[::-1] * self.unit,
                                 self.top + (v1 * HEIGHT + self.ripple(us[::-1])) * self.unit))
        return np.vstack((upper, lower))

    def polygon(self, points) -> np.ndarray:
        """A shape given in (u, v) on the cloth, cut to the cloth, every edge bent with the ripple."""
        kept = clip_to_box(points, 0.0, 0.0, 1.0, 1.0)
        if len(kept) < 3:
            return np.empty((0, 2))
        dense = []
        for a, b in zip(kept, kept[1:] + kept[:1]):
            for t in np.linspace(0.0, 1.0, 6, endpoint=False):
                dense.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
        uv = np.asarray(dense)
        return np.column_stack((self.x + uv[:, 0] * self.unit,
                                self.top + (uv[:, 1] * HEIGHT + self.ripple(uv[:, 0])) * self.unit))

    def at(self, u: float, w: float) -> tuple[float, float]:
        """A point ``u`` along and ``w`` down, both in lengths of the cloth: where a small mark stands."""
        return self.x + self.unit * u, self.top + self.unit * w

    def fill(self, shape, colour: Any, strength: float = 0.65, **options) -> None:
        """Paint a shape in a colour, or lift it back to the paper when the colour is white (None)."""
        self.canvas.lift(shape, 1.0)  # a colour over another is laid on paper lifted clean, as yellow on blue
        if colour is not None:           # would otherwise glaze to green
            self.canvas.wash(shape, colour, strength, wobble=0.0, **options)


def _paint_stripes(cloth: Cloth, colours: tuple, weights: tuple | None, vertical: bool) -> None:
    if weights is None:
        band = 1 / len(colours)
        edges = [(k * band, (k + 1) * band) for k in range(len(colours))]
    else:
        total, edges, start = float(sum(weights)), [], 0.0
        for weight in weights:
            edges.append((start, start + weight / total))
            start += weight / total
    for colour, (start, end) in zip(colours, edges):
        if colour is not None:
            stripe = cloth.rectangle(start, 0, end, 1) if vertical else cloth.rectangle(0, start, 1, end)
            cloth.canvas.wash(stripe, colour, 0.65, wobble=0.0, layers=6)


def _bars(cloth: Cloth, colour: str, count: int, strength: float, layers: int) -> None:
    """Every other of ``count`` stripes, from the top: the rest stay paper."""
    for k in range((count + 1) // 2):
        cloth.canvas.wash(cloth.rectangle(0, k * 2 / count, 1, (k * 2 + 1) / count), colour, strength, wobble=0.0,
                          layers=layers)


def _canton(cloth: Cloth, u1: float, v1: float, colour: str, strength: float) -> None:
    cloth.canvas.wash(cloth.rectangle(0, 0, u1, v1), colour, strength, wobble=0.0)


def _triangle(cloth: Cloth, u: float, w: float, colour: str, strength: float) -> None:
    """A triangle from the hoist, its point ``u`` along the cloth, over the stripes."""
    hoist = cloth.rectangle(0, 0, 0.01, 1)
    cloth.fill(np.array((hoist[0], cloth.at(u, w), hoist[-1])), colour, strength)


def _disc(cloth: Cloth, u: float, w: float, r: float, colour: str, strength: float, points: int) -> None:
    x, y = cloth.at(u, w)
    cloth.canvas.wash(ellipse(x, y, cloth.unit * r, cloth.unit * r, points), colour, strength, wobble=0.0)


def _lift(cloth: Cloth, u: float, w: float, r: float, points: int) -> None:
    x, y = cloth.at(u, w)
    cloth.canvas.lift(ellipse(x, y, cloth.unit * r, cloth.unit * r, points), 0.85)


def _ring(cloth: Cloth, u: float, w: float, r: float, colour: str, points: int) -> None:
    x, y = cloth.at(u, w)
    cloth.canvas.ink(ellipse(x, y, cloth.unit * r, cloth.unit * r, points), colour, width=1.0, closed=True)


def _crescent(cloth: Cloth, u: float, w: float, r: float, inner_u: float, inner: float, field: Any) -> None:
    """A white crescent on a field of one colour: a disc lifted to the paper, a smaller one beside it
    (at ``inner_u``) painted back in the field's colour."""
    x, y = cloth.at(u, w)
    cloth.canvas.lift(ellipse(x, y, cloth.unit * r, cloth.unit * r, 20), 0.85)
    inside_x, _ = cloth.at(inner_u, w)
    cloth.canvas.wash(ellipse(inside_x, y, cloth.unit * inner, cloth.unit * inner, 20), field, 0.6, wobble=0.0)


def _moon(cloth: Cloth, u: float, w: float, r: float, inner_u: float, inner: float, colour: Any) -> None:
    """A crescent as a shape of its own (over stripes of two colours): the disc of radius ``r`` less
    the disc of radius ``inner`` at ``inner_u`` (further along the cloth), painted (or lifted, for white)."""
    x, y = cloth.at(u, w)
    big, small, shift = cloth.unit * r, cloth.unit * inner, cloth.unit * (inner_u - u)
    across = (shift * shift + big * big - small * small) / (2 * shift)  # where the two circles cross
    rise = math.sqrt(max(big * big - across * across, 0.0))
    outer_from, inner_from = math.atan2(rise, across), math.atan2(rise, across - shift)
    outer = np.linspace(outer_from, 2 * math.pi - outer_from, 24)  # round the back, away from the hollow
    hollow = np.linspace(2 * math.pi - inner_from, inner_from, 24)
    shape = np.vstack((np.column_stack((x + big * np.cos(outer), y + big * np.sin(outer))),
                       np.column_stack((x + shift + small * np.cos(hollow), y + small * np.sin(hollow)))))
    cloth.fill(shape, colour, 0.7)


def _star_points(x: float, y: float, r: float, spikes: int = 5, ratio: float = 0.4) -> np.ndarray:
    angles = -math.pi / 2 + np.arange(2 * spikes) * math.pi / spikes
    radii = np.where(np.arange(2 * spikes) % 2 == 0, r, r * ratio)
    return np.column_stack((x + radii * np.cos(angles), y + radii * np.sin(angles)))


def _star(cloth: Cloth, u: float, w: float, r: float, colour: Any) -> None:
    x, y = cloth.at(u, w)
    cloth.fill(_star_points(x, y, cloth.unit * r), colour, 0.75)


def _pentagram(cloth: Cloth, u: float, w: float, r: float, colour: str) -> None:
    """A star drawn as one line of five strokes (Morocco's)."""
    x, y = cloth.at(u, w)
    tips = _star_points(x, y, cloth.unit * r, ratio=1.0)[::2]
    cloth.canvas.ink(tips[[0, 2, 4, 1, 3]], colour, width=1.4, closed=True)


def _hexagram(cloth: Cloth, u: float, w: float, r: float, colour: str) -> None:
    """Two triangles interlaced, drawn in line (Israel's star)."""
    x, y = cloth.at(u, w)
    for turn in (-math.pi / 2, math.pi / 2):
        angles = turn + np.arange(3) * 2 * math.pi / 3
        triangle = np.column_stack((x + cloth.unit * r * np.cos(angles), y + cloth.unit * r * np.sin(angles)))
        cloth.canvas.ink(triangle, colour, width=1.5, closed=True)


def _cross(cloth: Cloth, u: float, v: float, thickness: float, colour: Any) -> None:
    """A cross over the whole cloth: an upright at ``u`` and a bar at ``v``, ``thickness`` of the height wide."""
    half_v, half_u = thickness / 2, thickness * HEIGHT / 2
    cloth.fill(cloth.rectangle(u - half_u, 0, u + half_u, 1), colour, layers=6)
    cloth.fill(cloth.rectangle(0, v - half_v, 1, v + half_v), colour, layers=6)


def _upright(cloth: Cloth, thickness: float, colour: Any) -> None:
    """A cross in the middle (St George's), ``thickness`` of the height wide."""
    _cross(cloth, 0.5, 0.5, thickness, colour)


def _saltire(cloth: Cloth, thickness: float, colour: Any) -> None:
    """Two diagonals corner to corner, ``thickness`` of the height wide."""
    for (u0, v0), (u1, v1) in (((0, 0), (1, 1)), ((0, 1), (1, 0))):
        # across the band at right angles, in lengths of the cloth, then back to (u, v)
        du, dw = u1 - u0, (v1 - v0) * HEIGHT
        length = math.hypot(du, dw)
        nu, nw = -dw / length * thickness * HEIGHT / 2, du / length * thickness * HEIGHT / 2
        band = [(u0 - du + nu, v0 - (dw - nw) / HEIGHT), (u1 + du + nu, v1 + (dw + nw) / HEIGHT),
                (u1 + du - nu, v1 + (dw - nw) / HEIGHT), (u0 - du - nu, v0 - (dw + nw) / HEIGHT)]
        cloth.fill(cloth.polygon(band), colour)


def _plus(cloth: Cloth, u: float, w: float, size: float, thickness: float) -> None:
    """A white cross standing free (Switzerland's, Greece's canton): lifted to the paper."""
    x, y = cloth.at(u, w)
    half, arm = cloth.unit * thickness / 2, cloth.unit * size / 2
    for shape in (((x - half, y - arm), (x + half, y - arm), (x + half, y + arm), (x - half, y + arm)),
                  ((x - arm, y - half), (x + arm, y - half), (x + arm, y + half), (x - arm, y + half))):
        cloth.canvas.lift(shape, 0.85)


def _diamond(cloth: Cloth, u: float, w: float, half_u: float, half_w: float, colour: str) -> None:
    x, y = cloth.at(u, w)
    shape = ((x - cloth.unit * half_u, y), (x, y - cloth.unit * half_w), (x + cloth.unit * half_u, y),
             (x, y + cloth.unit * half_w))
    cloth.canvas.lift(shape, 0.85)
    cloth.canvas.wash(shape, colour, 0.7, wobble=0.0)


def _cedar(cloth: Cloth, u: float, w: float, r: float, colour: str) -> None:
    """A tree of three tiers on a trunk (Lebanon's cedar)."""
    x, y = cloth.at(u, w)
    s = cloth.unit * r
    for tier in range(3):
        top, width = y - s + tier * s * 0.55, s * (0.45 + 0.3 * tier)
        cloth.canvas.wash(((x, top), (x + width, top + s * 0.7), (x - width, top + s * 0.7)), colour, 0.7, wobble=0.0)
    cloth.canvas.wash(((x - s * 0.08, y + s * 0.8), (x + s * 0.08, y + s * 0.8), (x + s * 0.08, y + s * 1.05),
                       (x - s * 0.08, y + s * 1.05)), "burnt_umber", 0.6, wobble=0.0)


MARKS: dict[str, Callable[..., None]] = {
    "stripes": _paint_stripes, "bars": _bars, "canton": _canton, "triangle": _triangle, "disc": _disc, "lift": _lift,
    "ring": _ring, "crescent": _crescent, "moon": _moon, "star": _star, "pentagram": _pentagram, "hexagram": _hexagram,
    "cross": _cross, "upright": _upright, "saltire": _saltire, "plus": _plus, "diamond": _diamond, "cedar": _cedar,
}
