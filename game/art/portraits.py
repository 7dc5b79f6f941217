"""Head-and-shoulders watercolor portraits of a scenario's people, from a few words each.

Everything about a sitter comes from their ``portrait:`` parameters, and the painting seed only
moves the brush: the same person looks the same on every screen, while two people differ in the
things a viewer reads at 64 px, namely the outline of the head, the mass and colour of the hair,
glasses, facial hair, and the clothes. Geometry is worked out in unit coordinates (the canvas is
1 x 1, x to the right, y downward) and scaled to pixels only when painted, so a portrait reads the
same at any size. The light comes from the viewer's left, so the shadow side of every form is on
the right.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import numpy as np

from game.art.portrait_spec import Portrait, PortraitError, resolve
from game.art.watercolor import Painting, soften

__all__ = ["paint_portrait", "PortraitError"]

Glaze = tuple[str, float]  # a pigment and how strongly it is laid

# -- palettes -------------------------------------------------------------------------------------

SKIN_GLAZES: dict[str, tuple[Glaze, ...]] = {
    "light": (("flesh", 0.50), ("rose", 0.06)),
    "pink": (("flesh", 0.46), ("rose", 0.08)),
    "ruddy": (("flesh", 0.48), ("vermilion", 0.025), ("rose", 0.07)),
    "light_tan": (("flesh", 0.55), ("yellow_ochre", 0.07), ("raw_sienna", 0.04)),
    "olive": (("flesh", 0.55), ("raw_sienna", 0.10), ("burnt_umber", 0.03)),
    "tan": (("flesh", 0.55), ("raw_sienna", 0.24)),
    "brown": (("raw_sienna", 0.45), ("burnt_sienna", 0.35)),
    "dark": (("burnt_sienna", 0.45), ("burnt_umber", 0.50)),
}
SKIN_SHADOW: dict[str, str] = {
    "light": "burnt_sienna", "pink": "burnt_sienna", "ruddy": "burnt_sienna", "light_tan": "burnt_sienna",
    "olive": "burnt_sienna", "tan": "burnt_sienna", "brown": "burnt_umber", "dark": "sepia",
}
CHEEK_FLUSH: dict[str, float] = {"pink": 0.16, "ruddy": 0.24}

HAIR_GLAZES: dict[str, tuple[Glaze, ...]] = {
    "dark": (("burnt_umber", 0.65), ("lamp_black", 0.35)),
    "brown": (("burnt_umber", 0.55), ("raw_sienna", 0.15)),
    "sandy": (("raw_sienna", 0.40), ("yellow_ochre", 0.25)),
    "auburn": (("burnt_sienna", 0.55), ("burnt_umber", 0.20)),
    "grey": (("payne_grey", 0.38), ("sepia", 0.08)),
    "white": (("payne_grey", 0.16),),
}
HAIR_INK: dict[str, tuple[str, float]] = {  # the pigment and strength of strands and eyebrows
    "dark": ("lamp_black", 0.75), "brown": ("sepia", 0.75), "sandy": ("burnt_umber", 0.55),
    "auburn": ("burnt_umber", 0.65), "grey": ("payne_grey", 0.6), "white": ("payne_grey", 0.35),
}

# Cloth: the main colour of the jacket, and what the collar opening shows.
CLOTH: dict[str, tuple[Glaze, ...]] = {
    "suit": (("payne_grey", 0.55), ("indigo", 0.25)),
    "soviet_suit": (("burnt_umber", 0.40), ("payne_grey", 0.45)),
    "coat": (("raw_sienna", 0.40), ("burnt_umber", 0.35)),
    "uniform": (("yellow_ochre", 0.40), ("raw_sienna", 0.30), ("olive", 0.12)),
    "uniform_army": (("olive", 0.50), ("sepia", 0.28)),
    "uniform_air": (("ultramarine", 0.30), ("payne_grey", 0.50)),
    "uniform_navy": (("indigo", 0.65), ("lamp_black", 0.30)),
    "soviet_uniform": (("viridian", 0.22), ("payne_grey", 0.45), ("olive", 0.15)),
    "olive_fatigues": (("sap_green", 0.38), ("olive", 0.38)),
    "blouse": (("naples_yellow", 0.30), ("rose", 0.05)),
    "dress": (("prussian_blue", 0.45), ("payne_grey", 0.30)),
}
SHIRT: dict[str, Glaze] = {
    "uniform_army": ("yellow_ochre", 0.18), "uniform_air": ("cerulean", 0.16),
    "uniform": ("yellow_ochre", 0.16),
}
TIE_GLAZES: dict[str, tuple[Glaze, ...]] = {
    "dark": (("payne_grey", 0.70), ("lamp_black", 0.30)),
    "dark_blue": (("prussian_blue", 0.65), ("indigo", 0.35)),
    "narrow_dark": (("payne_grey", 0.70), ("lamp_black", 0.35)),
    "patterned": (("alizarin", 0.45), ("burnt_umber", 0.30)),
    "red": (("vermilion", 0.55), ("alizarin", 0.25)),
    "bow": (("lamp_black", 0.65), ("payne_grey", 0.3)),
}
# Half the width across the shoulders: the Soviet cut and a greatcoat are broader.
SHOULDERS: dict[str, float] = {"soviet_suit": 0.45, "soviet_uniform": 0.45, "coat": 0.45, "blouse": 0.38, "dress": 0.38}
# The background's hue hints at the side: cool for the United States, warm for the Soviet camp,
# green for the Cuban fatigues, neutral for anyone else.
BACKGROUND: dict[str, tuple[str, str]] = {
    "suit": ("cerulean", "ultramarine"), "uniform_army": ("cerulean", "ultramarine"),
    "uniform_air": ("cerulean", "ultramarine"), "uniform_navy": ("cerulean", "ultramarine"),
    "soviet_suit": ("burnt_sienna", "vermilion"), "soviet_uniform": ("burnt_sienna", "vermilion"),
    "olive_fatigues": ("sap_green", "yellow_ochre"),
    "coat": ("yellow_ochre", "raw_sienna"), "uniform": ("yellow_ochre", "raw_sienna"),
    "blouse": ("yellow_ochre", "rose"), "dress": ("yellow_ochre", "rose"),
}

# -- the head -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Head:
    """The proportions of a face, in canvas units, measured from the eye line."""

    cx: float
    eye_y: float
    width: float        # half the width across the cheekbones, at the eye line
    crown: float        # from the eye line up to the top of the skull
    chin: float         # from the eye line down to the chin
    squareness: float   # exponent of the jaw's superellipse: 2 is a round jaw, 3.5 a square one
    taper: float        # how much the jaw narrows toward the chin, beyond the curve itself

    def half_width(self, down: float) -> float:
        """Half the face's width a fraction ``down`` of the way from the eye line to the chin."""
        s = min(max(down, 0.0), 1.0)
        n = self.squareness
        return self.width * (1.0 - s ** n) ** (1.0 / n) * (1.0 - self.taper * s * s)

    @property
    def jaw(self) -> float:
        """Half the width at the corner of the jaw."""
        return self.half_width(0.7)

    @property
    def neck(self) -> float:
        """Half the neck's width: a broad face sits on a thick neck."""
        return 0.55 * self.width

    @property
    def chin_width(self) -> float:
        return max(self.half_width(0.95), 0.3 * self.width)

    def jaw_line(self, half: float, n: int = 11) -> np.ndarray:
        """The underside of the face between x = -half and +half about the centre, left to right."""
        depths = np.linspace(0.0, 1.0, 200)
        widths = np.array([self.half_width(depth) for depth in depths])  # narrowing downward
        xs = np.linspace(-half, half, n)
        below = np.interp(np.abs(xs), widths[::-1], depths[::-1])
        return np.column_stack((self.cx + xs, self.eye_y + self.chin * below))

    def outline(self) -> np.ndarray:
        """The face seen from the front, clockwise from the top of the skull.

        The skull is the same ellipse the hair is laid on; below the eye line the jaw is a
        superellipse, so one number turns a round face into a square one.
        """
        up = np.linspace(0.0, np.pi / 2, 14)
        skull = np.column_stack((self.width * np.sin(up), -self.crown * np.cos(up)))
        n = self.squareness
        down = np.linspace(0.0, np.pi / 2, 18)[1:]
        depth = np.sin(down) ** (2.0 / n)
        jaw = np.column_stack((self.width * np.cos(down) ** (2.0 / n) * (1.0 - self.taper * depth ** 2),
                               self.chin * depth))
        right = np.vstack((skull, jaw))
        left = right[-2:0:-1] * (-1.0, 1.0)
        return np.vstack((right, left)) + (self.cx, self.eye_y)

    def skull(self, extra_width: float, extra_height: float, start: float, stop: float, n: int = 24) -> np.ndarray:
        """Points on an arc around the top of the head, from angle start to stop (0 = top, 90 = side)."""
        angles = np.radians(np.linspace(start, stop, n))
        x = self.cx + (self.width + extra_width) * np.sin(angles)
        y = self.eye_y - (self.crown + extra_height) * np.cos(angles)
        return np.column_stack((x, y))

    @property
    def chin_y(self) -> float:
        return self.eye_y + self.chin

    @property
    def collar_y(self) -> float:
        return self.chin_y + 0.055

    @property
    def mouth_y(self) -> float:
        return self.eye_y + 0.68 * self.chin

    @property
    def nose_y(self) -> float:
        return self.eye_y + 0.43 * self.chin

    @property
    def brow_y(self) -> float:
        return self.eye_y - 0.16 * self.crown

    @property
    def eye_dx(self) -> float:
        return 0.42 * self.width


# width, crown, chin, squareness, taper: the outline that tells a round Khrushchev from a long Acheson.
FACE_SHAPES: dict[str, tuple[float, float, float, float, float]] = {
    "oval": (0.150, 0.205, 0.215, 2.3, 0.28),
    "round": (0.180, 0.198, 0.190, 2.1, 0.04),
    "long": (0.136, 0.220, 0.262, 2.5, 0.30),
    "narrow": (0.126, 0.210, 0.228, 2.4, 0.30),
    "lean": (0.140, 0.212, 0.240, 2.9, 0.38),
    "square": (0.160, 0.198, 0.205, 3.6, 0.18),
    "broad": (0.185, 0.198, 0.205, 3.0, 0.16),
    "weathered": (0.152, 0.205, 0.222, 2.8, 0.26),
}


def head_for(sitter: Portrait) -> Head:
    return Head(0.5, 0.40, *FACE_SHAPES[sitter.face])


# -- the painting ---------------------------------------------------------------------------------


# Washes bleed and ink spreads by whole pixels, so a portrait painted small would blur into blots
# (dark frames into a bandit's mask). Below this size it is painted on a larger sheet and averaged
# down, like a reduced print. The cost hardly grows: it is in the number of strokes, not pixels.
SMALLEST_SHEET = 256


def paint_portrait(params: Mapping[str, Any], size: int, seed: int) -> np.ndarray:
    """A square uint8 (size, size, 3) portrait; raises ``PortraitError`` on bad parameters."""
    sitter = resolve(params)
    if size < 16:
        raise PortraitError([("size", f"a portrait needs at least 16 pixels a side, not {size}")])
    factor = -(-SMALLEST_SHEET // size)
    pixels = _paint(sitter, size * factor, seed)
    if factor == 1:
        return pixels
    blocks = pixels.reshape(size, factor, size, factor, 3).astype(np.float32).mean(axis=(1, 3))
    return np.round(blocks).astype(np.uint8)


def _paint(sitter: Portrait, size: int, seed: int) -> np.ndarray:
    canvas = Canvas(Painting(size, size, seed), size)
    head = head_for(sitter)
    _background(canvas, sitter, head)
    _body(canvas, sitter, head)
    _neck(canvas, sitter, head)
    _ears(canvas, sitter, head)
    _face(canvas, sitter, head)
    _hair(canvas, sitter, head)
    _features(canvas, sitter, head)
    _age_lines(canvas, sitter, head)
    _facial_hair(canvas, sitter, head)
    if sitter.glasses:
        _glasses(canvas, sitter, head)
    if sitter.cigar:
        _cigar(canvas, head)
    if sitter.cap:
        _cap(canvas, sitter, head)
    return canvas.painting.pixels()


# The figure is drawn about this point and enlarged around it, so the head fills the frame the
# way a studio portrait does (the face must still read at 64 px).
ZOOM_ABOUT, ZOOM, ZOOM_TO = (0.5, 0.40), 1.2, (0.5, 0.43)


class Canvas:
    """The painting seen in canvas units: frames the figure and scales outlines and strokes to pixels."""

    def __init__(self, painting: Painting, size: int):
        self.painting = painting
        self.size = size
        self.scale = size / 256.0 * ZOOM  # stroke widths are chosen for the 256 px portrait

    def pixels_of(self, outline: Any) -> np.ndarray:
        points = (np.asarray(outline, dtype=float) - ZOOM_ABOUT) * ZOOM + ZOOM_TO
        return points * self.size

    def wash(self, outline: Any, glazes: Sequence[Glaze], *, layers: int = 8, **style: Any) -> None:
        points = self.pixels_of(outline)
        for index, (pigment, strength) in enumerate(glazes):
            # the first glaze gives the shape its edge; tints over it need fewer copies
            self.painting.wash(points, pigment, strength, layers=layers if index == 0 else max(2, layers // 3), **style)

    def ink(self, line: Any, pigment: str = "sepia", width: float = 1.6, strength: float = 0.85,
            closed: bool = False, wobble: float = 0.4) -> None:
        # A line finer than a pixel is drawn a pixel wide but paler, as a fine pen reads from afar;
        # otherwise the details of a small portrait (glasses, brows) would merge into dark blots.
        pixels = width * self.scale
        if pixels < 1.0:
            strength *= max(0.3, pixels)
        self.painting.ink(self.pixels_of(line), pigment, width=max(0.6, pixels), strength=strength,
                          closed=closed, wobble=wobble * self.scale)


def _background(canvas: Canvas, sitter: Portrait, head: Head) -> None:
    """A graded wash laid around the figure, as a painter cuts in, so it never greys the face.

    A glaze over the sheet masked by the figure's silhouette, blurred so a pale margin of
    paper breathes around the sitter.
    """
    painting = canvas.painting
    main, second = BACKGROUND[sitter.attire]
    figure = painting.coverage([canvas.pixels_of(_silhouette(sitter, head))])
    around = 1.0 - soften(figure, 0.012 * canvas.size)
    rows = np.linspace(0.0, 1.0, canvas.size, dtype=np.float32)[:, None]
    columns = np.linspace(0.0, 1.0, canvas.size, dtype=np.float32)[None, :]
    streaks = 0.06 * np.sin(columns * 9.0 + rows * 5.0 + painting.rng.uniform(0, 2 * np.pi))
    painting.glaze(around * (0.32 - 0.2 * rows + streaks * 0.3), main)
    painting.glaze(around * (0.04 + 0.12 * rows), second)


def _silhouette(sitter: Portrait, head: Head) -> np.ndarray:
    """The figure's outline, a little outside it: up the left shoulder, over the head, down the right."""
    style = HAIR_STYLES[sitter.hair_style]
    above = 0.10 if sitter.cap else style.volume + 0.01
    skull = head.skull(0.036 + style.volume * 0.35, above, -105, 105, 30)
    collar_y = head.collar_y
    cx, neck = head.cx, head.neck
    beside = head.width + 0.05 + style.volume * 0.35 if style.falls else 0.0  # hair hanging to the shoulders
    left = [(cx - 0.62, 1.2), (cx - 0.52, collar_y + 0.22), (cx - 0.40, collar_y + 0.06), (cx - 0.22, collar_y + 0.01),
            (cx - max(neck + 0.03, beside), collar_y - 0.05), (cx - max(head.jaw + 0.02, beside), head.chin_y - 0.04)]
    right = [(2 * cx - x, y) for x, y in reversed(left)]
    return np.vstack((left, skull, right))


# -- body and clothes -----------------------------------------------------------------------------


def _body(canvas: Canvas, sitter: Portrait, head: Head) -> None:
    collar_y = head.collar_y
    shoulders = SHOULDERS.get(sitter.attire, 0.42)
    neck = head.neck
    v_tip = min(0.99, collar_y + 0.22)
    cx = head.cx
    left_half = _smooth(np.array([
        (cx - neck - 0.02, collar_y - 0.02), (cx - 0.22, collar_y + 0.03), (cx - shoulders + 0.02, collar_y + 0.09),
        (cx - shoulders - 0.03, collar_y + 0.20), (cx - shoulders - 0.05, 1.05),
    ]), closed=False)
    jacket_left = np.vstack((left_half, [(cx, 1.05), (cx, v_tip)]))
    jacket_right = jacket_left * (-1, 1) + (2 * cx, 0)
    opening = np.array([(cx - neck - 0.02, collar_y - 0.02), (cx + neck + 0.02, collar_y - 0.02), (cx, v_tip)])
    cloth = CLOTH[sitter.attire]
    if sitter.attire in ("blouse", "dress"):
        _round_neckline(canvas, sitter, head, left_half, cloth)
        return

    if sitter.attire == "olive_fatigues":
        canvas.wash(opening, SKIN_GLAZES[sitter.skin], layers=6)
    else:
        canvas.wash(opening, (SHIRT.get(sitter.attire, ("payne_grey", 0.07)),), layers=4)
    if sitter.tie not in ("none",) and sitter.attire != "olive_fatigues":
        _tie(canvas, sitter.tie, cx, collar_y, v_tip)
    for half in (jacket_left, jacket_right):
        canvas.wash(half, cloth, layers=10)
    canvas.wash(jacket_right, (("payne_grey", 0.12),), layers=4)  # the far side in shadow
    _collar(canvas, sitter, cx, collar_y, neck, v_tip)
    if sitter.uniformed:
        _insignia(canvas, sitter, cx, collar_y, shoulders)
    if sitter.attire == "olive_fatigues":
        _fatigue_details(canvas, cx, collar_y)


def _round_neckline(canvas: Canvas, sitter: Portrait, head: Head, left_half: np.ndarray,
                    cloth: Sequence[Glaze]) -> None:
    """A blouse or dress: one piece of cloth over both shoulders, with a scooped neckline."""
    cx, collar_y, neck = head.cx, head.collar_y, head.neck
    scoop = _smooth(np.array([(cx - neck - 0.03, collar_y - 0.02), (cx - neck * 0.7, collar_y + 0.045),
                              (cx, collar_y + 0.07), (cx + neck * 0.7, collar_y + 0.045),
                              (cx + neck + 0.03, collar_y - 0.02)]), closed=False)
    canvas.wash(np.vstack((scoop, [(cx, collar_y - 0.03)])), SKIN_GLAZES[sitter.skin], layers=6)
    outline = np.vstack((left_half[::-1], scoop, (left_half * (-1, 1) + (2 * cx, 0))))
    canvas.wash(outline, cloth, layers=10)
    right = np.vstack(([(cx + 0.1, collar_y + 0.06)], left_half[2:] * (-1, 1) + (2 * cx, 0), [(cx + 0.1, 1.05)]))
    canvas.wash(right, (("payne_grey", 0.05),), layers=4)
    canvas.ink(scoop, "sepia", width=1.1, strength=0.45)


def _tie(canvas: Canvas, tie: str, cx: float, collar_y: float, v_tip: float) -> None:
    glazes = TIE_GLAZES[tie]
    if tie == "bow":
        bow = np.array([(cx - 0.055, collar_y - 0.03), (cx, collar_y - 0.005), (cx - 0.055, collar_y + 0.02)])
        canvas.wash(bow, glazes, layers=4)
        canvas.wash(bow * (-1, 1) + (2 * cx, 0), glazes, layers=4)
        canvas.wash(_ellipse(cx, collar_y - 0.005, 0.012, 0.014, 12), glazes, layers=3)
        return
    half = 0.013 if tie == "narrow_dark" else 0.018
    blade = 0.024 if tie == "narrow_dark" else 0.034
    knot = np.array([(cx - half - 0.004, collar_y - 0.025), (cx + half + 0.004, collar_y - 0.025),
                     (cx + half, collar_y + 0.005), (cx - half, collar_y + 0.005)])
    body = np.array([(cx - half, collar_y + 0.005), (cx + half, collar_y + 0.005), (cx + blade, v_tip + 0.04),
                     (cx, v_tip + 0.07), (cx - blade, v_tip + 0.04)])
    canvas.wash(knot, glazes, layers=4)
    canvas.wash(body, glazes, layers=6)
    if tie == "patterned":
        rng = np.random.default_rng(7)  # the pattern is the tie's, not the brush's
        for _ in range(10):
            x = cx + rng.uniform(-0.6, 0.6) * half * 1.4
            y = collar_y + rng.uniform(0.02, v_tip - collar_y)
            canvas.wash(_ellipse(x, y, 0.005, 0.005, 8), (("naples_yellow", 0.5), ("cerulean", 0.2)), layers=2)


def _collar(canvas: Canvas, sitter: Portrait, cx: float, collar_y: float, neck: float, v_tip: float) -> None:
    ink = "lamp_black" if sitter.attire in ("suit", "uniform_navy") else "sepia"
    # shirt collar points
    for side in (-1, 1):
        point = [(cx + side * (neck + 0.01), collar_y - 0.04), (cx + side * 0.035, collar_y + 0.035),
                 (cx + side * 0.004, collar_y - 0.008)]
        canvas.ink(point, "payne_grey", width=1.1, strength=0.5)
    # lapels: from the collar down to the buttoning point, with the notch
    lapel_width = 0.10 if sitter.attire in ("soviet_suit", "coat") else 0.08
    if sitter.attire == "olive_fatigues":
        lapel_width = 0.06
    for side in (-1, 1):
        lapel = [(cx + side * (neck + 0.02), collar_y - 0.025), (cx + side * (neck + lapel_width), collar_y + 0.07),
                 (cx + side * (neck + lapel_width - 0.025), collar_y + 0.085), (cx + side * 0.004, v_tip)]
        canvas.ink(lapel, ink, width=1.3, strength=0.55)
        shade = np.array(lapel + [(cx + side * (neck + 0.01), collar_y + 0.03)])
        canvas.wash(shade, (("payne_grey", 0.18),), layers=3)
    if sitter.attire == "coat":  # a heavy collar turned up behind the neck
        for side in (-1, 1):
            collar = [(cx + side * (neck - 0.01), collar_y - 0.075), (cx + side * (neck + 0.05), collar_y - 0.05),
                      (cx + side * (neck + 0.07), collar_y + 0.02), (cx + side * (neck + 0.02), collar_y - 0.01)]
            canvas.wash(np.array(collar), CLOTH["coat"] + (("burnt_umber", 0.2),), layers=4)
            canvas.ink(collar[:3], ink, width=1.2, strength=0.5)


def _insignia(canvas: Canvas, sitter: Portrait, cx: float, collar_y: float, shoulders: float) -> None:
    soviet = sitter.attire == "soviet_uniform"
    board_glazes = (("cadmium_yellow", 0.7), ("yellow_ochre", 0.5)) if soviet else CLOTH[sitter.attire]
    board_height = 0.055 if soviet else 0.032
    for side in (-1, 1):
        inner, outer = cx + side * 0.16, cx + side * (shoulders - 0.03)
        board = np.array([(inner, collar_y + 0.025), (outer, collar_y + 0.065),
                          (outer, collar_y + 0.065 + board_height),
                          (inner, collar_y + 0.025 + board_height)])
        canvas.wash(board, board_glazes + (("burnt_umber", 0.15),), layers=4)
        canvas.ink(board, "sepia", width=0.9, strength=0.5, closed=True)
        mid_x = (inner + outer) / 2
        mid_y = collar_y + 0.045 + board_height / 2
        if soviet:
            _star(canvas, mid_x, mid_y, 0.018, (("alizarin", 0.6), ("vermilion", 0.3)))
        elif sitter.attire in ("uniform_army", "uniform_air"):
            for k in range(4):  # four silver stars of a full general
                _star(canvas, mid_x + (k - 1.5) * 0.026 * side, mid_y + (k - 1.5) * 0.006, 0.011,
                      (("davy_grey", 0.35),), outline=("payne_grey", 0.75))
        else:
            canvas.wash(_ellipse(outer - side * 0.015, mid_y, 0.007, 0.007, 10), (("yellow_ochre", 0.6),), layers=2)
    if soviet:  # red collar tabs with gold braid
        for side in (-1, 1):
            tab = np.array([(cx + side * 0.055, collar_y - 0.01), (cx + side * 0.11, collar_y - 0.005),
                            (cx + side * 0.105, collar_y + 0.03), (cx + side * 0.06, collar_y + 0.025)])
            canvas.wash(tab, (("alizarin", 0.45), ("vermilion", 0.2)), layers=3)
            canvas.ink(tab[[0, 1]], "yellow_ochre", width=1.0, strength=0.7)
    _decorations(canvas, sitter, cx, collar_y)
    for k in range(2):  # buttons down the front
        button = _ellipse(cx + 0.005, collar_y + 0.20 + 0.07 * k, 0.008, 0.008, 10)
        canvas.wash(button, (("yellow_ochre", 0.6),), layers=2)


def _decorations(canvas: Canvas, sitter: Portrait, cx: float, collar_y: float) -> None:
    """Ribbons over the wearer's left breast (the viewer's right); Soviet orders on both sides."""
    soviet = sitter.attire == "soviet_uniform"
    rows = 4 if sitter.medals else 2
    right = cx + 0.185
    _ribbons(canvas, right, collar_y + 0.115, rows=rows, columns=3)
    gold = (("cadmium_yellow", 0.6), ("yellow_ochre", 0.35))
    if sitter.medals and soviet:  # Hero stars above the ribbons, and orders on the other side
        _star(canvas, right + 0.02, collar_y + 0.09, 0.016, gold)
        _star(canvas, right + 0.06, collar_y + 0.09, 0.016, gold)
        _ribbons(canvas, cx - 0.275, collar_y + 0.115, rows=3, columns=3)
        for k in range(3):
            canvas.wash(_ellipse(cx - 0.26 + k * 0.032, collar_y + 0.19, 0.012, 0.012, 12), gold, layers=2)
    elif sitter.medals:  # medals hung on short ribbons under the ribbon bar
        for k in range(3):
            x = right + 0.015 + k * 0.03
            top = collar_y + 0.115 + rows * 0.014
            canvas.ink([(x, top), (x, top + 0.025)], "alizarin", width=1.6, strength=0.6)
            canvas.wash(_ellipse(x, top + 0.033, 0.01, 0.01, 12), gold, layers=2)
    if sitter.attire == "uniform_air":  # a pilot's wings above the ribbons
        wings = [(right - 0.005, collar_y + 0.10), (right + 0.045, collar_y + 0.107), (right + 0.095, collar_y + 0.10)]
        canvas.ink(wings, "payne_grey", width=1.6, strength=0.55)


RIBBON_COLOURS = ("alizarin", "ultramarine", "cadmium_yellow", "viridian", "vermilion", "cerulean")


def _ribbons(canvas: Canvas, x: float, y: float, rows: int, columns: int) -> None:
    width, height = 0.03, 0.014
    for row in range(rows):
        for column in range(columns):
            colour = RIBBON_COLOURS[(row * 2 + column * 3) % len(RIBBON_COLOURS)]
            box = _rectangle(x + column * width, y + row * height, width * 0.95, height * 0.85)
            canvas.wash(box, ((colour, 0.55),), layers=2, wobble=0.02, edge=0.3, bleed=0.5)


def _fatigue_details(canvas: Canvas, cx: float, collar_y: float) -> None:
    for side in (-1, 1):  # chest pockets with their flaps, and the comandante's star on the collar
        x = cx + side * 0.17
        pocket = _rectangle(x - 0.055, collar_y + 0.17, 0.11, 0.12)
        canvas.ink(pocket, "sepia", width=1.0, strength=0.45, closed=True)
        flap = [(x - 0.058, collar_y + 0.17), (x - 0.05, collar_y + 0.20), (x + 0.05, collar_y + 0.20),
                (x + 0.058, collar_y + 0.17)]
        canvas.wash(np.array(flap), (("olive", 0.25),), layers=3)
        canvas.ink(flap, "sepia", width=1.0, strength=0.45)
        diamond = np.array([(cx + side * 0.10, collar_y + 0.005), (cx + side * 0.118, collar_y + 0.025),
                            (cx + side * 0.10, collar_y + 0.045), (cx + side * 0.082, collar_y + 0.025)])
        canvas.wash(diamond, (("alizarin", 0.6), ("lamp_black", 0.25)), layers=2)
        _star(canvas, cx + side * 0.10, collar_y + 0.025, 0.008, (("naples_yellow", 0.5),))


def _star(canvas: Canvas, x: float, y: float, r: float, glazes: Sequence[Glaze],
          outline: tuple[str, float] | None = None) -> None:
    angles = np.radians(np.arange(10) * 36 - 90)
    radii = np.where(np.arange(10) % 2 == 0, r, r * 0.42)
    points = np.column_stack((x + radii * np.cos(angles), y + radii * np.sin(angles)))
    canvas.wash(points, glazes, layers=2, wobble=0.02, edge=0.3, bleed=0.5)
    if outline:
        canvas.ink(points, outline[0], width=0.8, strength=outline[1], closed=True, wobble=0.1)


# -- skin -----------------------------------------------------------------------------------------


def _neck(canvas: Canvas, sitter: Portrait, head: Head) -> None:
    """The neck starts at the jaw: washes are transparent, so skin laid twice would darken the chin."""
    half = head.neck
    base = head.collar_y + 0.03
    jaw = head.jaw_line(half)
    neck = np.vstack((jaw - (0.0, 0.008), [(head.cx + half * 1.08, base), (head.cx - half * 1.08, base)]))
    canvas.wash(neck, SKIN_GLAZES[sitter.skin], layers=6)
    # the shadow the jaw casts on the neck, deeper on the far side
    shadow = np.vstack((jaw, [(head.cx + half, head.chin_y + 0.03), (head.cx - half * 0.6, head.chin_y + 0.012)]))
    canvas.wash(shadow, ((SKIN_SHADOW[sitter.skin], 0.18),), layers=4)


def _ears(canvas: Canvas, sitter: Portrait, head: Head) -> None:
    for side in (-1, 1):
        x = head.cx + side * (head.width + 0.008)
        y = head.eye_y + 0.035
        ear = _ellipse(x, y, 0.026, 0.052, 20)
        canvas.wash(ear, SKIN_GLAZES[sitter.skin] + ((SKIN_SHADOW[sitter.skin], 0.10 if side < 0 else 0.22),), layers=5)
        curl = [(x + side * 0.012, y - 0.035), (x + side * 0.018, y - 0.01), (x + side * 0.01, y + 0.025),
                (x + side * 0.002, y + 0.04)]
        canvas.ink(_smooth(np.array(curl), closed=False), SKIN_SHADOW[sitter.skin], width=1.0, strength=0.5)


def _face(canvas: Canvas, sitter: Portrait, head: Head) -> None:
    outline = head.outline()
    glazes = SKIN_GLAZES[sitter.skin]
    shadow_pigment = SKIN_SHADOW[sitter.skin]
    canvas.wash(outline, glazes, layers=12, edge=0.5)
    # the shadow side: everything right of a line down the face, fading out toward the nose
    cx, w = head.cx, head.width
    # the terminator curves with the form: far back on the brow, nearest the nose at the cheek
    terminator = _smooth(np.array([(cx + 0.22 * w, head.chin_y - 0.012), (cx + 0.36 * w, head.eye_y + 0.6 * head.chin),
                                   (cx + 0.30 * w, head.eye_y + 0.15 * head.chin),
                                   (cx + 0.40 * w, head.eye_y - 0.35 * head.crown),
                                   (cx + 0.58 * w, head.eye_y - 0.92 * head.crown)]), closed=False)
    right_side = outline[(outline[:, 0] >= cx + 0.2 * w) & (outline[:, 1] <= head.chin_y - 0.01)]
    right_side = right_side[(right_side[:, 0] > cx + 0.55 * w) | (right_side[:, 1] > head.eye_y)]
    shadow = np.vstack((right_side, terminator))
    canvas.wash(shadow, ((shadow_pigment, 0.22),), layers=6)
    # eye sockets and the plane under the cheekbone
    for side in (-1, 1):
        socket = _ellipse(cx + side * head.eye_dx, head.eye_y - 0.008, 0.05, 0.028, 16)
        canvas.wash(socket, ((shadow_pigment, 0.12 if side < 0 else 0.2),), layers=3)
    hollow = 0.22 if sitter.face in ("lean", "weathered") or sitter.age >= 62 else 0.10
    for side in (-1, 1):
        cheek = _ellipse(cx + side * (w * 0.72), head.eye_y + 0.42 * head.chin, 0.028, 0.06, 14)
        canvas.wash(cheek, ((shadow_pigment, hollow * (0.6 if side < 0 else 1.0)),), layers=3)
    flush = CHEEK_FLUSH.get(sitter.skin, 0.08)
    for side in (-1, 1):
        canvas.wash(_ellipse(cx + side * w * 0.55, head.eye_y + 0.3 * head.chin, 0.035, 0.03, 14),
                    (("rose", flush),), layers=3)
    if sitter.skin == "ruddy":  # the nose too
        canvas.wash(_ellipse(cx + 0.004, head.nose_y - 0.008, 0.022, 0.02, 12), (("rose", 0.14),), layers=2)
    # the outline: firm on the shadow side and under the chin, barely there on the lit side
    n = len(outline)
    right = outline[int(n * 0.06): int(n * 0.55)]
    canvas.ink(right, shadow_pigment, width=1.3, strength=0.55)
    left = outline[int(n * 0.55): int(n * 0.94)]
    canvas.ink(left, shadow_pigment, width=1.0, strength=0.3)


def _features(canvas: Canvas, sitter: Portrait, head: Head) -> None:
    cx = head.cx
    hair_ink, hair_strength = HAIR_INK[sitter.hair_colour]
    shadow = SKIN_SHADOW[sitter.skin]
    heavy = 2.4 if sitter.face in ("broad", "square") else 2.0
    for side in (-1, 1):
        x = cx + side * head.eye_dx
        # eyebrow: thick at the inner end, tapering outward, lower and straighter with age
        arch = 0.012 if sitter.age < 55 else 0.007
        brow = [(x - side * 0.038, head.brow_y + 0.004), (x, head.brow_y - arch),
                (x + side * 0.045, head.brow_y + 0.006)]
        canvas.ink(_smooth(np.array(brow), closed=False), hair_ink, width=heavy, strength=hair_strength)
        # eye: the upper lid, a dark iris under it, a faint lower lid
        lid = [(x - 0.028, head.eye_y + 0.002), (x - 0.01, head.eye_y - 0.011), (x + 0.012, head.eye_y - 0.011),
               (x + 0.03, head.eye_y + 0.003)]
        canvas.wash(_ellipse(x, head.eye_y, 0.026, 0.009, 14), (("naples_yellow", 0.15),), layers=2)
        iris = _ellipse(x + 0.002, head.eye_y - 0.001, 0.009, 0.009, 12)
        canvas.wash(iris, (("sepia", 0.7), ("lamp_black", 0.4)), layers=2,
                    wobble=0.02, edge=0.3, bleed=0.3)
        canvas.ink(_smooth(np.array(lid), closed=False), "lamp_black", width=1.5, strength=0.8)
        lower = [(x - 0.022, head.eye_y + 0.008), (x, head.eye_y + 0.012), (x + 0.024, head.eye_y + 0.007)]
        canvas.ink(_smooth(np.array(lower), closed=False), shadow, width=0.9, strength=0.4)
    # nose: the shadow side of the bridge, the tip and the nostrils
    nose_y = head.nose_y
    nose_w = 0.030 if sitter.face in ("broad", "round", "square") else 0.026
    bridge = [(cx + 0.012, head.eye_y + 0.01), (cx + 0.018, head.eye_y + 0.06), (cx + nose_w, nose_y - 0.004)]
    canvas.ink(_smooth(np.array(bridge), closed=False), shadow, width=1.2, strength=0.5)
    canvas.wash(np.array([(cx + 0.008, head.eye_y + 0.01), (cx + 0.02, head.eye_y + 0.01),
                          (cx + nose_w + 0.006, nose_y),
                          (cx + 0.006, nose_y - 0.01)]), ((shadow, 0.2),), layers=3)
    for side in (-1, 1):
        nostril = [(cx + side * nose_w, nose_y - 0.012), (cx + side * (nose_w + 0.006), nose_y + 0.004),
                   (cx + side * 0.012, nose_y + 0.01)]
        canvas.ink(_smooth(np.array(nostril), closed=False), shadow, width=1.2, strength=0.65)
    canvas.wash(_ellipse(cx + 0.004, nose_y + 0.016, 0.026, 0.008, 12), ((shadow, 0.25),), layers=2)
    # mouth: one line, turned down with age; a shadow under the lower lip
    half = 0.050 if head.width > 0.16 else 0.044
    droop = 0.004 + max(0, sitter.age - 40) * 0.0003
    mouth = [(cx - half, head.mouth_y + droop), (cx - half * 0.4, head.mouth_y - 0.002), (cx, head.mouth_y + 0.001),
             (cx + half * 0.4, head.mouth_y - 0.002), (cx + half, head.mouth_y + droop)]
    if sitter.lipstick:
        lips = _smooth(np.array([(cx - half * 0.85, head.mouth_y), (cx - half * 0.3, head.mouth_y - 0.012),
                                 (cx, head.mouth_y - 0.008), (cx + half * 0.3, head.mouth_y - 0.012),
                                 (cx + half * 0.85, head.mouth_y), (cx + half * 0.4, head.mouth_y + 0.016),
                                 (cx - half * 0.4, head.mouth_y + 0.016)]), closed=True)
        canvas.wash(lips, (("alizarin", 0.40), ("vermilion", 0.15)), layers=4)
    elif not sitter.moustache:  # a moustache hides the upper lip and softens the line under it
        canvas.wash(np.array([(cx - half * 0.8, head.mouth_y - 0.001), (cx, head.mouth_y - 0.012),
                              (cx + half * 0.8, head.mouth_y - 0.001)]), (("alizarin", 0.18),), layers=2)
    canvas.ink(_smooth(np.array(mouth), closed=False), "burnt_umber", width=1.5,
               strength=0.45 if sitter.moustache else 0.75)
    canvas.wash(_ellipse(cx + 0.004, head.mouth_y + 0.022, half * 0.55, 0.008, 12), ((shadow, 0.28),), layers=2)


def _age_lines(canvas: Canvas, sitter: Portrait, head: Head) -> None:
    age = sitter.age + (15 if sitter.face == "weathered" else 0)
    cx, shadow = head.cx, SKIN_SHADOW[sitter.skin]

    def depth(start: int, full: int) -> float:
        return float(np.clip((age - start) / (full - start), 0.0, 1.0))

    folds = depth(35, 70)
    if folds > 0:
        for side in (-1, 1):
            fold = [(cx + side * 0.038, head.nose_y - 0.006), (cx + side * 0.058, head.nose_y + 0.03),
                    (cx + side * 0.062, head.mouth_y + 0.012)]
            canvas.ink(_smooth(np.array(fold), closed=False), shadow, width=1.1, strength=0.25 + 0.35 * folds)
    bags = depth(45, 75)
    if bags > 0:
        for side in (-1, 1):
            x = cx + side * head.eye_dx
            bag = [(x - 0.02, head.eye_y + 0.022), (x + side * 0.003, head.eye_y + 0.03),
                   (x + 0.022, head.eye_y + 0.021)]
            canvas.ink(_smooth(np.array(bag), closed=False), shadow, width=0.9, strength=0.2 + 0.3 * bags)
    forehead = depth(48, 75)
    if forehead > 0:
        for k in range(1 + int(forehead * 2.5)):
            y = head.brow_y - 0.035 - 0.018 * k
            line = [(cx - 0.06, y + 0.002), (cx - 0.02, y - 0.002), (cx + 0.02, y + 0.001), (cx + 0.06, y - 0.001)]
            canvas.ink(_smooth(np.array(line), closed=False), shadow, width=0.9, strength=0.18 + 0.25 * forehead)
    crows = depth(52, 78)
    if crows > 0:
        for side in (-1, 1):
            x = cx + side * (head.eye_dx + 0.034)
            for k in (-1, 0, 1):
                canvas.ink([(x, head.eye_y + k * 0.006), (x + side * 0.02, head.eye_y + k * 0.014)], shadow,
                           width=0.8, strength=0.15 + 0.3 * crows)
    jowls = depth(58, 80)
    if jowls > 0:
        for side in (-1, 1):
            jowl = [(cx + side * (head.jaw - 0.01), head.mouth_y),
                    (cx + side * (head.jaw - 0.025), head.mouth_y + 0.05)]
            canvas.ink(jowl, shadow, width=1.0, strength=0.2 + 0.3 * jowls)


# -- hair -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HairStyle:
    """How a style sits on the head: volume above the skull, where the hairline runs, and strands."""

    volume: float        # height of the hair above the skull, canvas units
    sides: float         # how far down the sides it reaches, degrees from the top (90 = eye line)
    hairline: float      # height of the hairline above the eye line, as a fraction of the crown
    temples: float       # how much further back the hairline is at the temples
    part: float | None   # x of the parting, as a fraction of the half-width (negative = viewer's left)
    wave: float          # amplitude of waves on the outer edge
    strokes: str         # direction of strands: back, side, up, wavy, thin, none
    strength: float = 1.0  # how dense the hair is (thinning hair lets the scalp through)
    lift: float = 0.0      # extra height of a quiff or forelock ...
    lift_at: float = 0.0   # ... and where it rises, degrees from the top (negative = viewer's left)
    falls: float = 0.0     # how far below the eye line it hangs beside the face, in chins (0: it does not)


HAIR_STYLES: dict[str, HairStyle] = {
    "short_side_parted": HairStyle(0.030, 84, 0.64, 0.06, -0.45, 0.002, "side"),
    "full_side_parted": HairStyle(0.050, 88, 0.60, 0.05, -0.50, 0.006, "side", lift=0.016, lift_at=22),
    "tousled_forelock": HairStyle(0.046, 88, 0.58, 0.05, None, 0.010, "side", lift=0.008, lift_at=-20),
    "slicked_back": HairStyle(0.020, 82, 0.66, 0.08, None, 0.0, "back"),
    "combed_back": HairStyle(0.032, 84, 0.68, 0.10, None, 0.002, "back"),
    "wavy_combed_back": HairStyle(0.040, 86, 0.66, 0.08, None, 0.008, "wavy", lift=0.012),
    "thin_combed": HairStyle(0.012, 80, 0.80, 0.10, -0.35, 0.0, "thin", 0.55),
    "short_combed": HairStyle(0.024, 82, 0.66, 0.06, None, 0.002, "side"),
    "short_brushed": HairStyle(0.030, 82, 0.64, 0.04, None, 0.004, "up"),
    "thick_wavy": HairStyle(0.075, 96, 0.58, 0.03, None, 0.014, "wavy"),
    "fringe_at_sides": HairStyle(0.012, 96, 1.0, 0.0, None, 0.004, "none"),
    "bob": HairStyle(0.040, 90, 0.58, 0.02, -0.3, 0.004, "side", falls=0.85),
    "long": HairStyle(0.040, 90, 0.60, 0.02, 0.0, 0.006, "back", falls=1.75),
    "bun": HairStyle(0.020, 86, 0.62, 0.02, 0.0, 0.0, "back"),
    "none": HairStyle(0.0, 0, 1.0, 0.0, None, 0.0, "none"),
}


def _hair(canvas: Canvas, sitter: Portrait, head: Head) -> None:
    if sitter.hair == "bald" or sitter.hair_style == "fringe_at_sides":
        _bald_top(canvas, sitter, head)
        if sitter.hair_style != "none":
            _fringe(canvas, sitter, head)
        return
    if sitter.hair_style == "none":
        return
    style = HAIR_STYLES[sitter.hair_style]
    if sitter.hair == "receding":  # the hairline climbs and the temples go back further
        style = HairStyle(style.volume * 0.8, style.sides - 4, min(0.9, style.hairline + 0.16), style.temples + 0.08,
                          style.part, style.wave, style.strokes, style.strength * 0.9)
    glazes = tuple((pigment, strength * style.strength) for pigment, strength in HAIR_GLAZES[sitter.hair_colour])
    if sitter.hair_style == "bun" and not sitter.cap:  # gathered at the back, showing above the crown
        top = head.eye_y - head.crown - style.volume
        canvas.wash(_ellipse(head.cx + 0.01, top - 0.025, 0.062, 0.042, 20), glazes, layers=6)
    mass = _hair_mass(head, style, sitter.hair_style)
    if sitter.cap:  # only what shows below the cap's band
        mass = _below(mass, _cap_band_y(head) - 0.01)
    canvas.wash(mass, glazes, layers=10, edge=0.7)
    # the far side of the hair in shadow
    if not sitter.cap:  # a crescent along the far side of the hair
        reach = 0.012 + style.volume * 0.35
        shade = np.vstack((head.skull(reach, style.volume, 30, min(style.sides, 95), 12),
                           head.skull(reach - 0.045, style.volume - 0.03, min(style.sides, 95), 30, 12) + (0.0, 0.01)))
        canvas.wash(shade, ((glazes[0][0], 0.2),), layers=4)
    if not sitter.cap:
        _strands(canvas, sitter, head, style)
    if sitter.hair_style == "tousled_forelock":  # a lock that falls across the brow, to the far side
        hairline_y = head.eye_y - style.hairline * head.crown
        lock = [(head.cx - 0.07, hairline_y - 0.01), (head.cx + 0.03, hairline_y - 0.012),
                (head.cx + 0.085, hairline_y + 0.035), (head.cx + 0.06, hairline_y + 0.05),
                (head.cx + 0.035, hairline_y + 0.03), (head.cx - 0.01, hairline_y + 0.035),
                (head.cx - 0.045, hairline_y + 0.012)]
        canvas.wash(_smooth(np.array(lock), closed=True), glazes, layers=6)
        ink, strength = HAIR_INK[sitter.hair_colour]
        for k in range(3):
            x = head.cx - 0.04 + 0.03 * k
            strand = [(x, hairline_y - 0.005), (x + 0.04, hairline_y + 0.02 + 0.008 * k)]
            canvas.ink(strand, ink, width=1.0, strength=strength * 0.5)


def _hair_mass(head: Head, style: HairStyle, name: str) -> np.ndarray:
    """One polygon: the outer edge over the skull, then the hairline back across the forehead."""
    outer = head.skull(0.012 + style.volume * 0.35, style.volume, -style.sides, style.sides, 40)
    if style.lift:
        angles = np.linspace(-style.sides, style.sides, len(outer))
        outer[:, 1] -= style.lift * np.exp(-(((angles - style.lift_at) / 32.0) ** 2))
    if style.wave:
        # waves belong to the style, not the brush: a fixed pattern along the edge
        phase = np.linspace(0, 7 * np.pi, len(outer))
        normal = outer - (head.cx, head.eye_y)
        normal /= np.linalg.norm(normal, axis=1, keepdims=True)
        outer = outer + normal * (style.wave * np.abs(np.sin(phase)))[:, None]
    if name == "short_brushed":  # a flat top
        outer[:, 1] = np.maximum(outer[:, 1], head.eye_y - head.crown - style.volume * 0.6)
    w, crown = head.width, head.crown
    side_bottom = head.eye_y - crown * np.cos(np.radians(style.sides)) + 0.01
    centre = head.eye_y - crown * style.hairline
    corner = centre - crown * style.temples
    part = style.part if style.part is not None else 0.0
    if name == "full_side_parted":  # a quiff that sweeps off the parting and across the brow
        centre += 0.02
    line = [(0.97 * w, side_bottom), (0.95 * w, head.eye_y - 0.35 * crown), (0.72 * w, corner),
            (0.25 * w, centre - 0.005), (part * w * 0.5, centre + (0.012 if style.part else 0.0)),
            (-0.35 * w, centre + (0.004 if style.part else 0.0)), (-0.72 * w, corner - (0.01 if style.part else 0.0)),
            (-0.95 * w, head.eye_y - 0.35 * crown), (-0.97 * w, side_bottom)]
    if style.falls:
        line = line[1:-1]
    hairline = _smooth(np.array(line) + (head.cx, 0.0), closed=False)
    # a high hairline must stay on the head, or the mass folds over itself above the skull
    across = np.clip((hairline[:, 0] - head.cx) / head.width, -1.0, 1.0)
    skull_y = head.eye_y - crown * np.sqrt(1.0 - across ** 2)
    hairline[:, 1] = np.maximum(hairline[:, 1], skull_y + 0.014)
    if not style.falls:
        return np.vstack((outer, hairline))
    # hair that hangs beside the face: down the outside, back up along the cheek (or the neck)
    drop = head.eye_y + style.falls * head.chin
    reach = head.width + 0.03 + style.volume * 0.35
    hang = [(reach, head.eye_y + 0.35 * (drop - head.eye_y)), (reach + 0.012, drop - 0.03), (reach - 0.01, drop)]
    depths = np.linspace(drop - head.eye_y, 0.0, 8)
    inside = [(_beside_face(head, depth) + 0.006, head.eye_y + depth) for depth in depths]
    right = np.array(hang + inside) + (head.cx, 0.0)
    left = right[::-1] * (-1.0, 1.0) + (2 * head.cx, 0.0)
    return np.vstack((outer, right, hairline, left))


def _beside_face(head: Head, depth: float) -> float:
    """Half the width of what hair hanging at ``depth`` below the eye line must clear: face, then neck."""
    if depth <= 0.9 * head.chin:
        return max(head.half_width(depth / head.chin), head.neck)
    return head.neck


def _strands(canvas: Canvas, sitter: Portrait, head: Head, style: HairStyle) -> None:
    """Brush marks that say which way the hair is combed; each runs from the hairline to the skull."""
    ink, strength = HAIR_INK[sitter.hair_colour]
    strength *= 0.55 * style.strength
    if style.strokes == "none":
        return
    hairline_y = head.eye_y - head.crown * style.hairline
    crest = head.skull(0.0, style.volume * 0.6, -62, 62, 9)  # where strands end, on the mass's crown
    if style.part is not None:
        x = head.cx + style.part * head.width
        top = head.skull(0.0, style.volume * 0.7, np.degrees(np.arcsin(style.part * 0.9)), 0, 2)[0]
        canvas.ink([(x, hairline_y - 0.012), top], ink, width=1.1, strength=strength + 0.15)
    for k, (x_top, y_top) in enumerate(crest):
        t = (k - 4) / 4.0  # -1 .. 1 across the head
        x = head.cx + t * head.width * 0.75
        y = hairline_y - 0.006 - 0.02 * t * t
        if style.strokes == "back":
            line = [(x, y), ((x + x_top) / 2, (y + y_top) / 2 - 0.006), (x_top, y_top)]
        elif style.strokes == "side":
            start = style.part if style.part is not None else -0.5
            origin = (head.cx + start * head.width * 0.9, y_top + 0.01)
            line = [origin, ((origin[0] + x) / 2 + 0.02, min(origin[1], y_top) + 0.004), (x + 0.015, y)]
        elif style.strokes == "up":
            line = [(x, y), (x + 0.003, y - 0.028)]
        elif style.strokes == "wavy":
            mid = ((x + x_top) / 2, (y + y_top) / 2)
            line = [(x, y), (mid[0] + 0.012, (y + mid[1]) / 2), (mid[0] - 0.01, mid[1]), (x_top + 0.01, y_top)]
        elif style.strokes == "thin":
            if k % 2:
                continue
            line = [(x - 0.02, y - 0.004), (x, (y + y_top) / 2), (x_top, y_top + 0.01)]
        else:
            return
        canvas.ink(_smooth(np.array(line), closed=False) if len(line) > 2 else line, ink, width=1.0, strength=strength)


def _bald_top(canvas: Canvas, sitter: Portrait, head: Head) -> None:
    """The dome: a shadow on the far side and a dent at the temples make it read as round."""
    shadow = SKIN_SHADOW[sitter.skin]
    outer = head.skull(-0.004, -0.004, 28, 88, 14)
    inner = head.skull(-0.04, -0.03, 88, 28, 14) + (-0.008, 0.01)
    canvas.wash(np.vstack((outer, inner)), ((shadow, 0.14),), layers=4)
    for side in (-1, 1):
        x = head.cx + side * head.width * 0.8
        canvas.ink([(x, head.eye_y - 0.55 * head.crown), (x - side * 0.004, head.eye_y - 0.3 * head.crown)],
                   shadow, width=1.0, strength=0.2)


def _fringe(canvas: Canvas, sitter: Portrait, head: Head) -> None:
    glazes = HAIR_GLAZES[sitter.hair_colour]
    ink, strength = HAIR_INK[sitter.hair_colour]
    for side in (-1, 1):
        outer = head.skull(0.016, 0.016, 66, 100, 12)
        inner = head.skull(-0.014, -0.014, 100, 74, 12)
        patch = np.vstack((outer, inner)) * (side, 1) + ((1 - side) * head.cx, 0)
        canvas.wash(patch, glazes, layers=5)
        for k in range(3):
            a = 70 + k * 9
            p = head.skull(0.0, 0.0, a, a + 14, 3) * (side, 1) + ((1 - side) * head.cx, 0)
            canvas.ink(p, ink, width=0.9, strength=strength * 0.5)


def _facial_hair(canvas: Canvas, sitter: Portrait, head: Head) -> None:
    glazes = HAIR_GLAZES[sitter.hair_colour]
    ink, strength = HAIR_INK[sitter.hair_colour]
    cx = head.cx
    if sitter.beard == "full":
        chin_y = head.chin_y
        beard = [(-head.width * 0.98, head.eye_y + 0.04), (-head.width * 0.95, head.eye_y + 0.35 * head.chin),
                 (-head.jaw - 0.01, head.eye_y + 0.75 * head.chin), (-head.chin_width - 0.01, chin_y + 0.035),
                 (0.0, chin_y + 0.05), (head.chin_width + 0.01, chin_y + 0.035),
                 (head.jaw + 0.01, head.eye_y + 0.75 * head.chin),
                 (head.width * 0.95, head.eye_y + 0.35 * head.chin), (head.width * 0.98, head.eye_y + 0.04),
                 (head.width * 0.80, head.eye_y + 0.05), (head.width * 0.70, head.eye_y + 0.30 * head.chin),
                 (0.06, head.mouth_y + 0.025), (0.0, head.mouth_y + 0.03), (-0.06, head.mouth_y + 0.025),
                 (-head.width * 0.70, head.eye_y + 0.30 * head.chin), (-head.width * 0.80, head.eye_y + 0.05)]
        outline = _smooth(np.array(beard) + (cx, 0.0), closed=True)
        canvas.wash(outline, glazes, layers=10, edge=0.7)
        for k in range(12):
            t = (k - 5.5) / 5.5
            x = cx + t * head.jaw * 0.95
            y = head.mouth_y + 0.03 + (1 - t * t) * 0.03
            canvas.ink([(x, y), (x + t * 0.006, y + 0.03)], ink, width=0.9, strength=strength * 0.5)
    elif sitter.beard == "goatee":
        goatee = _smooth(np.array([(cx - 0.03, head.mouth_y + 0.02), (cx + 0.03, head.mouth_y + 0.02),
                                   (cx + 0.032, head.chin_y - 0.005), (cx, head.chin_y + 0.035),
                                   (cx - 0.032, head.chin_y - 0.005)]), closed=True)
        canvas.wash(goatee, glazes, layers=6)
        canvas.ink([(cx, head.mouth_y + 0.03), (cx, head.chin_y + 0.025)], ink, width=0.8, strength=strength * 0.4)
    if sitter.moustache:
        _moustache(canvas, sitter, head, glazes, ink, strength)


def _moustache(canvas: Canvas, sitter: Portrait, head: Head, glazes: Sequence[Glaze], ink: str,
               strength: float) -> None:
    cx, y = head.cx, head.mouth_y
    style = sitter.moustache_style
    if style == "clipped":
        shape = [(cx - 0.036, y - 0.01), (cx - 0.026, y - 0.026), (cx + 0.026, y - 0.026), (cx + 0.036, y - 0.01)]
    elif style == "waxed_guardsman":  # bushy, with ends brushed out and up
        shape = [(cx - 0.085, y - 0.022), (cx - 0.06, y - 0.004), (cx - 0.02, y - 0.002), (cx, y - 0.006),
                 (cx + 0.02, y - 0.002), (cx + 0.06, y - 0.004), (cx + 0.085, y - 0.022), (cx + 0.05, y - 0.03),
                 (cx, y - 0.036), (cx - 0.05, y - 0.03)]
    else:  # full
        shape = [(cx - 0.062, y + 0.01), (cx - 0.05, y - 0.028), (cx, y - 0.034), (cx + 0.05, y - 0.028),
                 (cx + 0.062, y + 0.01),
                 (cx + 0.03, y - 0.002), (cx, y - 0.006), (cx - 0.03, y - 0.002)]
    weight = 0.8 if style == "clipped" else 1.15
    canvas.wash(np.array(shape), tuple((p, min(1.0, s * weight)) for p, s in glazes), layers=5)
    for k in range(-3, 4):
        x = cx + k * 0.011
        canvas.ink([(x, y - 0.026), (x + k * 0.003, y - 0.006)], ink, width=0.8, strength=strength * 0.5)


# -- things worn and held -------------------------------------------------------------------------

GLASSES_INK: dict[str, tuple[str, float, float]] = {  # pigment, strength, width at 256 px
    "rimless": ("payne_grey", 0.32, 0.9),
    "clear_frames": ("sepia", 0.6, 1.3),
    "dark_frames": ("lamp_black", 0.85, 2.1),
}


def _glasses(canvas: Canvas, sitter: Portrait, head: Head) -> None:
    pigment, strength, width = GLASSES_INK[sitter.glasses_style]
    rx, ry = 0.046, 0.032
    y = head.eye_y + 0.004
    for side in (-1, 1):
        x = head.cx + side * head.eye_dx
        lens = _rounded_rectangle(x, y, rx, ry)
        canvas.wash(lens, (("cerulean", 0.04),), layers=2)
        if sitter.glasses_style == "dark_frames":  # heavier brow bar, as on horn-rims
            canvas.ink(lens[: len(lens) // 2 + 1], pigment, width=width, strength=strength)
            canvas.ink(lens, pigment, width=width * 0.6, strength=strength * 0.8, closed=True)
        else:
            canvas.ink(lens, pigment, width=width, strength=strength, closed=True)
        arm = [(x + side * rx, y - 0.012), (head.cx + side * (head.width + 0.004), y - 0.016)]
        canvas.ink(arm, pigment, width=width * 0.8, strength=strength)
        glint = [(x - 0.025, y - 0.012), (x - 0.012, y - 0.022)]
        canvas.ink(glint, "cerulean", width=0.9, strength=0.15)
    bridge = [(head.cx - head.eye_dx + rx, y - 0.01), (head.cx, y - 0.016), (head.cx + head.eye_dx - rx, y - 0.01)]
    canvas.ink(bridge, pigment, width=width * 0.8, strength=strength)


def _cigar(canvas: Canvas, head: Head) -> None:
    start = np.array((head.cx + 0.035, head.mouth_y + 0.004))
    direction = np.array((0.95, 0.32))
    length, radius = 0.14, 0.011
    normal = np.array((-direction[1], direction[0]))
    end = start + direction * length
    body = np.array([start + normal * radius, end + normal * radius, end - normal * radius, start - normal * radius])
    canvas.wash(body, (("burnt_umber", 0.55), ("burnt_sienna", 0.25)), layers=4)
    band = start + direction * 0.03
    canvas.wash(np.array([band + normal * radius, band + direction * 0.012 + normal * radius,
                          band + direction * 0.012 - normal * radius, band - normal * radius]),
                (("vermilion", 0.5), ("cadmium_yellow", 0.2)), layers=2)
    ash = np.array([end + normal * radius, end + direction * 0.018 + normal * radius,
                    end + direction * 0.018 - normal * radius, end - normal * radius])
    canvas.wash(ash, (("payne_grey", 0.35),), layers=2)
    canvas.ink([end + normal * radius, end - normal * radius], "vermilion", width=1.4, strength=0.5)
    tip = end + direction * 0.02
    smoke = [tip + (0.0, -0.01), tip + (0.015, -0.05), tip + (-0.005, -0.09), tip + (0.02, -0.14), tip + (0.005, -0.2)]
    canvas.ink(_smooth(np.array(smoke), closed=False), "payne_grey", width=2.0, strength=0.18, wobble=1.0)


def _cap(canvas: Canvas, sitter: Portrait, head: Head) -> None:
    """A cap to suit the clothes: an officer's peaked cap with a uniform, a patrol cap otherwise."""
    if sitter.uniformed:
        _service_cap(canvas, sitter, head)
    else:
        _patrol_cap(canvas, sitter, head)


def _patrol_cap(canvas: Canvas, sitter: Portrait, head: Head) -> None:
    """A flat-topped crown that stands up off the head, and a short curved peak."""
    cx, w = head.cx, head.width
    band_y = _cap_band_y(head)
    top_y = head.eye_y - head.crown - 0.09
    crown = _smooth(np.array([(cx - w * 1.0, band_y), (cx - w * 1.02, top_y + 0.03), (cx - w * 0.92, top_y),
                              (cx, top_y - 0.004), (cx + w * 0.92, top_y), (cx + w * 1.02, top_y + 0.03),
                              (cx + w * 1.0, band_y), (cx, band_y + 0.01)]), closed=True, steps=4)
    cloth = CLOTH["olive_fatigues"] if sitter.attire in CIVILIAN else CLOTH[sitter.attire]
    canvas.wash(crown, cloth, layers=8)
    canvas.wash(crown[crown[:, 0] > cx + 0.3 * w], (("payne_grey", 0.12),), layers=3)  # the far side in shadow
    canvas.ink([(cx - w * 1.02, band_y - 0.03), (cx + w * 1.02, band_y - 0.03)], "sepia", width=1.0, strength=0.35)
    _peak(canvas, head, band_y, (("olive", 0.45), ("sepia", 0.35)))


CIVILIAN = ("suit", "soviet_suit", "coat", "blouse", "dress")  # a civilian in a cap wears a fatigue cap

# the band of an officer's peaked cap: red for the Soviet army, dark for the others
CAP_BANDS: dict[str, tuple[Glaze, ...]] = {
    "soviet_uniform": (("alizarin", 0.55), ("vermilion", 0.25)),
}


def _service_cap(canvas: Canvas, sitter: Portrait, head: Head) -> None:
    """A peaked cap: a wide stiff top seen from below, a band, a badge, a black peak."""
    cx, w = head.cx, head.width
    band_y = _cap_band_y(head)
    band_top = band_y - 0.035
    top = _smooth(np.array([(cx - w * 1.0, band_top), (cx - w * 1.32, band_top - 0.045),
                            (cx - w * 1.1, band_top - 0.085), (cx, band_top - 0.095), (cx + w * 1.1, band_top - 0.085),
                            (cx + w * 1.32, band_top - 0.045), (cx + w * 1.0, band_top)]), closed=True, steps=4)
    canvas.wash(top, CLOTH[sitter.attire], layers=8)
    canvas.wash(top[top[:, 0] > cx + 0.3 * w], (("payne_grey", 0.12),), layers=3)
    band = np.array([(cx - w * 1.0, band_top), (cx + w * 1.0, band_top), (cx + w * 0.98, band_y),
                     (cx - w * 0.98, band_y)])
    canvas.wash(band, CAP_BANDS.get(sitter.attire, (("payne_grey", 0.35), ("lamp_black", 0.12))), layers=4)
    gold = (("cadmium_yellow", 0.6), ("yellow_ochre", 0.35))
    if sitter.soviet:
        _star(canvas, cx, band_top - 0.004, 0.016, gold)
    else:
        canvas.wash(_ellipse(cx, band_top - 0.01, 0.02, 0.018, 14), gold, layers=3)
    _peak(canvas, head, band_y, (("lamp_black", 0.6), ("payne_grey", 0.3)))


def _peak(canvas: Canvas, head: Head, band_y: float, glazes: Sequence[Glaze]) -> None:
    cx, w = head.cx, head.width
    peak = _smooth(np.array([(cx - w * 0.95, band_y), (cx, band_y + 0.004), (cx + w * 0.95, band_y),
                             (cx + w * 0.7, band_y + 0.045), (cx, band_y + 0.055), (cx - w * 0.7, band_y + 0.045)]),
                   closed=True)
    canvas.wash(peak, glazes, layers=5)
    canvas.ink(peak, "sepia", width=1.0, strength=0.4, closed=True)


def _cap_band_y(head: Head) -> float:
    return head.eye_y - 0.62 * head.crown


# -- geometry helpers -----------------------------------------------------------------------------


def _below(polygon: np.ndarray, y: float) -> np.ndarray:
    """The part of a polygon below a horizontal line (Sutherland-Hodgman against one edge)."""
    kept: list[np.ndarray] = []
    for a, b in zip(polygon, np.roll(polygon, -1, axis=0)):
        a_in, b_in = a[1] >= y, b[1] >= y
        if a_in:
            kept.append(a)
        if a_in != b_in:
            t = (y - a[1]) / (b[1] - a[1])
            kept.append(a + (b - a) * t)
    return np.array(kept) if kept else np.zeros((0, 2))


def _smooth(points: np.ndarray, closed: bool, steps: int = 6) -> np.ndarray:
    """A Catmull-Rom curve through the points: hand-placed control points, painted as a curve."""
    points = np.asarray(points, dtype=float)
    if closed:
        padded = np.vstack((points[-1:], points, points[:2]))
        segments = len(points)
    else:
        padded = np.vstack((points[:1], points, points[-1:]))
        segments = len(points) - 1
    t = np.linspace(0.0, 1.0, steps, endpoint=False)[:, None]
    curve = []
    for i in range(segments):
        p0, p1, p2, p3 = padded[i], padded[i + 1], padded[i + 2], padded[i + 3]
        curve.append(0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t ** 2
                            + (3 * p1 - p0 - 3 * p2 + p3) * t ** 3))
    if not closed:
        curve.append(points[-1:])
    return np.vstack(curve)


def _ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 24) -> np.ndarray:
    angles = np.linspace(0.0, 2.0 * np.pi, n, endpoint=False)
    return np.column_stack((cx + rx * np.cos(angles), cy + ry * np.sin(angles)))


def _rectangle(x: float, y: float, w: float, h: float) -> np.ndarray:
    return np.array([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], dtype=float)


def _rounded_rectangle(cx: float, cy: float, rx: float, ry: float, n: int = 28) -> np.ndarray:
    """A lens: a superellipse, squarer than an ellipse, starting at the left end of its top edge."""
    angles = np.linspace(np.pi, 3 * np.pi, n, endpoint=False)
    c, s = np.cos(angles), np.sin(angles)
    x = cx + rx * np.sign(c) * np.abs(c) ** 0.6
    y = cy + ry * np.sign(s) * np.abs(s) ** 0.6
    return np.column_stack((x, y))
