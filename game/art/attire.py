"""Shoulders and clothes under a painted head: suits, uniforms and their insignia, fatigues.

Drawn in the units of a ``Sheet`` (a square, x to the right and y down, 0..1 across), placed on
the painting wherever the caller wants it: the whole frame for a portrait, a small square round
a head in a scene. The chest turns a little with the head (less than the head does), so a sitter
looking to one side shows more of the near shoulder and the tie moves toward the way they look.
The light comes from the viewer's left, as on the face.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from collections.abc import Sequence

import numpy as np

from game.art.portrait_spec import Portrait
from game.art.shapes import catmull_rom, ellipse
from game.art.watercolor import Painting, polygon_mask

Glaze = tuple[str, float]

# Cloth: the jacket's colour in two glazes; the shirt or what the collar opening shows.
CLOTH: dict[str, tuple[Glaze, ...]] = {
    "suit": (("payne_grey", 0.5), ("indigo", 0.22)),
    "soviet_suit": (("burnt_umber", 0.38), ("payne_grey", 0.42)),
    "coat": (("raw_sienna", 0.38), ("burnt_umber", 0.33)),
    "uniform": (("yellow_ochre", 0.38), ("raw_sienna", 0.28), ("olive", 0.12)),
    "uniform_army": (("olive", 0.48), ("sepia", 0.26)),
    "uniform_air": (("ultramarine", 0.28), ("payne_grey", 0.48)),
    "uniform_navy": (("indigo", 0.6), ("lamp_black", 0.28)),
    "soviet_uniform": (("terre_verte", 0.45), ("payne_grey", 0.35), ("olive", 0.18)),
    "olive_fatigues": (("sap_green", 0.34), ("olive", 0.38)),
    "blouse": (("naples_yellow", 0.28), ("rose", 0.05)),
    "dress": (("prussian_blue", 0.42), ("payne_grey", 0.28)),
    # a sailor's chambray working shirt: a pale, greyed blue, faded by washing
    "dungarees": (("cerulean", 0.2), ("ultramarine", 0.06), ("payne_grey", 0.08)),
}
# Trousers of another cloth than the jacket's or the shirt's (the rest are of a suit's one cloth):
# the sailor's denim, a deep indigo.
TROUSERS: dict[str, tuple[Glaze, ...]] = {
    "dungarees": (("indigo", 0.5), ("prussian_blue", 0.2), ("payne_grey", 0.12)),
}
# What the opening at the throat shows: a shirt of a service's colour, or (the default) a white one;
# under a sailor's open collar, his white undershirt.
SHIRT: dict[str, Glaze] = {"uniform_army": ("yellow_ochre", 0.16), "uniform_air": ("cerulean", 0.14),
                           "uniform": ("yellow_ochre", 0.14), "dungarees": ("payne_grey", 0.04)}
TIE_GLAZES: dict[str, tuple[Glaze, ...]] = {
    "dark": (("payne_grey", 0.65), ("lamp_black", 0.28)),
    "dark_blue": (("prussian_blue", 0.6), ("indigo", 0.32)),
    "narrow_dark": (("payne_grey", 0.65), ("lamp_black", 0.32)),
    "patterned": (("alizarin", 0.42), ("burnt_umber", 0.28)),
    "red": (("vermilion", 0.5), ("alizarin", 0.22)),
    "bow": (("lamp_black", 0.6), ("payne_grey", 0.28)),
}
# Half the width across the shoulders (a suit's unless named): the Soviet cut and a greatcoat are broader.
SHOULDERS: dict[str, float] = {"soviet_suit": 0.5, "soviet_uniform": 0.51, "coat": 0.5, "blouse": 0.42,
                               "dress": 0.42, "dungarees": 0.44}  # (a shirt has no padding)
SUIT_SHOULDERS = 0.47
RIBBON_COLOURS = ("alizarin", "ultramarine", "cadmium_yellow", "viridian", "vermilion", "cerulean")
GOLD = (("cadmium_yellow", 0.55), ("yellow_ochre", 0.32))


class Sheet:
    """A square of the painting in its own units: (x0, y0) is its top left pixel, ``size`` its side."""

    def __init__(self, painting: Painting, x0: float, y0: float, size: float):
        self.painting = painting
        self.x0, self.y0, self.size = x0, y0, size
        self.scale = size / 256.0  # stroke widths are chosen for a 256 px portrait

    def pixels_of(self, outline: Any) -> np.ndarray:
        return np.asarray(outline, dtype=float) * self.size + (self.x0, self.y0)

    def wash(self, outline: Any, glazes: Sequence[Glaze], *, layers: int = 8, **style: Any) -> None:
        points = self.pixels_of(outline)
        if np.ptp(points, axis=0).max() < 1.0:
            return
        layers = max(2, min(layers, int(np.ptp(points, axis=0).max() / 5)))
        for index, (pigment, strength) in enumerate(glazes):
            # the first glaze gives the shape its edge; tints over it need fewer copies
            self.painting.wash(points, pigment, strength, layers=layers if index == 0 else max(2, layers // 3),
                               **style)

    def ink(self, line: Any, pigment: str = "sepia", width: float = 1.6, strength: float = 0.85,
            closed: bool = False, wobble: float = 0.4) -> None:
        # a line finer than a pixel is drawn a pixel wide but paler, as a fine pen reads from afar
        pixels = width * self.scale
        if pixels < 1.0:
            strength *= max(0.3, pixels)
        self.painting.ink(self.pixels_of(line), pigment, width=max(0.6, pixels), strength=strength,
                          closed=closed, wobble=wobble * self.scale)


@dataclass(frozen=True, slots=True)
class Torso:
    """Where the clothes go, in sheet units: the collar's centre and height, the neck, the turn."""

    cx: float
    collar_y: float
    neck: float        # half the neck's width where the collar closes round it
    turn: float        # -1 .. 1: the chest turned to the viewer's left (+) or right (-)
    back: bool = False  # seen from behind: the back of the jacket, no opening or tie

    @property
    def v_x(self) -> float:
        """Where the jacket's V and the tie sit: moved toward the way the chest turns."""
        return self.cx - 0.09 * self.turn

    @property
    def v_tip(self) -> float:
        return min(0.99, self.collar_y + 0.22)


# Where a standing figure's body ends, in sheet units below the collar (the head is 0.56 units
# tall): hips, knees and feet at the proportions of a man about seven heads tall.
HIPS, FEET = 1.3, 3.3
# Where a shirt tucked into trousers ends, below the collar: at the belt (the trousers go on to the hips).
WAIST = 0.8
# The poses whose figure stands on its feet: the jacket goes down to the hips in one wash.
STANDING = ("standing", "speaking", "pointing", "leaning")
# How far a standing man's jacket's wash layers stray, as a share of its height (a wash's default,
# 0.06, suits shapes about as wide as they are long; a whole jacket is taller than it is wide).
TALL_JACKET_WOBBLE = 0.025


def outline(sitter: Portrait, torso: Torso, pose: str = "bust") -> np.ndarray:
    """The clothes' outline (shoulders, chest and the collar's edge), for masking the neck above it."""
    left, right = _halves(sitter, torso, _bottom(torso, pose, sitter.attire))
    if torso.back or sitter.attire in ("blouse", "dress"):
        return np.vstack((left[::-1], right))
    return np.vstack((left[::-1], _collar_top(torso), right))


def _collar_top(torso: Torso) -> np.ndarray:
    """The collar's upper edge across the throat: it wraps round the neck, so it stands higher at
    the sides than in front, where it dips to the knot (a straight cut reads as a head on a box)."""
    cx, y, neck = torso.cx, torso.collar_y, torso.neck
    t = np.linspace(-0.8, 0.8, 7)
    return np.column_stack((cx + t * (neck + 0.02) - 0.02 * torso.turn * (1.0 - t * t), y - 0.02 - 0.05 * t * t))


def _bottom(torso: Torso, pose: str, attire: str) -> float:
    if pose in STANDING:
        return torso.collar_y + (WAIST if attire in TROUSERS else HIPS)
    if pose == "seated":
        return torso.collar_y + 0.95
    # a bust goes on to the chest, so that in a scene the table or the frame, not a cut, ends it
    return max(1.05, torso.collar_y + 0.75)


def _halves(sitter: Portrait, torso: Torso, bottom: float = 1.05) -> tuple[np.ndarray, np.ndarray]:
    shoulders = SHOULDERS.get(sitter.attire, SUIT_SHOULDERS)
    cx, y, neck = torso.cx, torso.collar_y, torso.neck
    near = 1.0 + 0.2 * torso.turn   # the shoulder on the viewer's left comes nearer when the chest turns right
    far = 1.0 - 0.2 * torso.turn
    waist = bottom > y + 0.8  # a whole jacket narrows to the waist and flares a little at the hips
    tucked = sitter.attire in TROUSERS and bottom >= y + WAIST  # a shirt taken in at the belt

    def half(side: int, width: float) -> np.ndarray:
        points = [(cx + side * (neck + 0.02), y - 0.06), (cx + side * 0.22 * width, y + 0.03),
                  (cx + side * (shoulders - 0.02) * width, y + 0.09), (cx + side * (shoulders + 0.03) * width, y + 0.2)]
        if tucked:  # the chest, then the shirt drawn in to the belt, a little bloused over it
            points += [(cx + side * (shoulders - 0.05) * width, y + 0.5), (cx + side * (shoulders - 0.1) * width, bottom)]
        elif waist:
            points += [(cx + side * (shoulders - 0.04) * width, y + 0.7), (cx + side * (shoulders - 0.06) * width, bottom)]
        else:
            points.append((cx + side * (shoulders + 0.05) * width, bottom))
        return catmull_rom(np.array(points))

    return half(-1, far if torso.turn > 0 else near), half(1, near if torso.turn > 0 else far)


def paint(sheet: Sheet, sitter: Portrait, torso: Torso, pose: str = "bust") -> None:
    """The clothes, light washes first; the darks (lapels, tie, insignia) over them.

    ``pose`` says how far down the jacket goes: to the chest for a bust, to the hips for a
    standing figure, in one wash, so no dried edge of a chest lies across a standing man's waist.
    The arms and legs are the scene's (``game.art.elements.bodies``).
    """
    bottom = _bottom(torso, pose, sitter.attire)
    left, right = _halves(sitter, torso, bottom)
    cloth = CLOTH[sitter.attire]
    # at the wash's default wobble a whole jacket's edges frayed inside its outline (pale slivers by the arms)
    jacket_style = {"wobble": TALL_JACKET_WOBBLE} if pose in STANDING else {}
    v_x, v_tip, y, neck = torso.v_x, torso.v_tip, torso.collar_y, torso.neck
    if torso.back:  # the back of a jacket: one piece, the collar's band, the seam down the middle
        sheet.wash(np.vstack((left[::-1], right)), cloth, layers=10, granulation=0.5, **jacket_style)
        sheet.wash(np.vstack((right, [(torso.cx, max(bottom, 1.05)), (torso.cx, y)])), (("payne_grey", 0.12),), layers=4)
        band = np.array([(torso.cx - neck - 0.02, y - 0.03), (torso.cx + neck + 0.02, y - 0.03),
                         (torso.cx + neck + 0.03, y + 0.02), (torso.cx - neck - 0.03, y + 0.02)])
        sheet.wash(band, cloth + (("payne_grey", 0.15),), layers=4)
        sheet.ink([(torso.cx - neck, y - 0.045), (torso.cx + neck, y - 0.045)], "payne_grey", width=1.0, strength=0.4)
        if sitter.attire == "dungarees":  # a shirt's back: the yoke's seam across the shoulders, no middle seam
            shoulders = SHOULDERS["dungarees"]
            sheet.ink([(torso.cx - shoulders + 0.06, y + 0.15), (torso.cx, y + 0.17), (torso.cx + shoulders - 0.06, y + 0.15)],
                      "payne_grey", width=0.8, strength=0.3)
        else:
            sheet.ink([(torso.cx, y + 0.05), (torso.cx, max(bottom, 1.05))], "payne_grey", width=0.8, strength=0.35)
        return
    if sitter.attire in ("blouse", "dress"):
        _round_neckline(sheet, sitter, torso, left, right, cloth)
        return
    opening = np.vstack(([(torso.cx - neck - 0.02, y - 0.06)], _collar_top(torso), [(torso.cx + neck + 0.02, y - 0.06), (v_x, v_tip)]))
    low = max(bottom, 1.05)
    if sitter.attire == "olive_fatigues":
        sheet.wash(opening, (("olive", 0.2), ("sap_green", 0.1)), layers=6)
    else:
        sheet.wash(opening, (SHIRT.get(sitter.attire, ("payne_grey", 0.06)),), layers=4)
    if sitter.tie != "none" and sitter.attire != "olive_fatigues":
        _tie(sheet, sitter.tie, v_x, y, v_tip)
    # the jacket in one wash round the V: washed as two fronts meeting on a line, each wash's edge
    # drew back from it as it dried and left a pale seam down the chest; the fronts' edge is drawn
    sheet.wash(np.vstack((left[::-1], [(v_x, v_tip)], right)), cloth, layers=10, granulation=0.5, **jacket_style)
    _far_side(sheet, np.vstack((right, [(v_x, low), (v_x, v_tip)])), v_x, float(right[:, 0].max()))
    sheet.ink([(v_x, v_tip + 0.03), (v_x + 0.006, low)], "payne_grey", width=0.9, strength=0.3)
    shoulder_shade = np.vstack((left[2:], [(left[-1][0] + 0.06, low), (left[2][0] + 0.05, left[2][1] + 0.05)]))
    sheet.wash(shoulder_shade, (("payne_grey", 0.08),), layers=3)
    _collar(sheet, sitter, torso)
    if sitter.uniformed:
        _insignia(sheet, sitter, torso)
    if sitter.attire == "olive_fatigues":
        _fatigue_details(sheet, torso)
    elif sitter.attire == "dungarees":
        _shirt_details(sheet, torso)


def _far_side(sheet: Sheet, half: np.ndarray, v_x: float, side_x: float) -> None:
    """The far side of the chest turning from the light: a glaze that deepens from the middle of
    the chest to the side, as a cylinder turns (laid flat from the buttons, the jacket was two
    cloths, a pale and a dark, parted by a hard line down the middle)."""
    pixels = sheet.pixels_of(half)
    x0, y0 = np.floor(pixels.min(axis=0)).astype(int) - 2
    x1, y1 = np.ceil(pixels.max(axis=0)).astype(int) + 3
    if x1 - x0 < 2 or y1 - y0 < 2:
        return
    mask = polygon_mask([pixels], x0, y0, x1, y1)
    columns = (np.arange(x0, x1, dtype=np.float32)[None, :] - sheet.pixels_of([(v_x, 0.0)])[0, 0]) / sheet.size
    # a third of the glaze at the buttons, all of it six tenths of the way out to the side
    turning = np.clip(0.35 + 0.65 * columns / max(0.05, 0.6 * (side_x - v_x)), 0.0, 1.0)
    sheet.painting.lay(mask * turning, (("payne_grey", 0.14), ("ultramarine", 0.05)), 1.0, at=(int(x0), int(y0)),
                       wobble=max(0.5, 0.01 * sheet.size), edge=0.2, bleed=max(0.5, 0.004 * sheet.size), granulation=0.8)


def _round_neckline(sheet: Sheet, sitter: Portrait, torso: Torso, left: np.ndarray, right: np.ndarray,
                    cloth: Sequence[Glaze]) -> None:
    """A blouse or dress: one piece of cloth over both shoulders, with a scooped neckline."""
    cx, y, neck = torso.v_x, torso.collar_y, torso.neck
    scoop = catmull_rom(np.array([(cx - neck - 0.03, y - 0.02), (cx - neck * 0.7, y + 0.045), (cx, y + 0.07),
                              (cx + neck * 0.7, y + 0.045), (cx + neck + 0.03, y - 0.02)]))
    sheet.wash(np.vstack((left[::-1], scoop, right)), cloth, layers=10)
    shade = np.vstack(([(cx + 0.1, y + 0.06)], right[2:], [(cx + 0.1, 1.05)]))
    sheet.wash(shade, (("payne_grey", 0.05),), layers=4)
    sheet.ink(scoop, "sepia", width=1.1, strength=0.45)


def _tie(sheet: Sheet, tie: str, cx: float, collar_y: float, v_tip: float) -> None:
    glazes = TIE_GLAZES[tie]
    if tie == "bow":
        bow = np.array([(cx - 0.055, collar_y - 0.03), (cx, collar_y - 0.005), (cx - 0.055, collar_y + 0.02)])
        sheet.wash(bow, glazes, layers=4)
        sheet.wash(bow * (-1, 1) + (2 * cx, 0), glazes, layers=4)
        sheet.wash(ellipse(cx, collar_y - 0.005, 0.012, 0.014, 12), glazes, layers=3)
        return
    half = 0.013 if tie == "narrow_dark" else 0.018
    blade = 0.024 if tie == "narrow_dark" else 0.034
    knot = np.array([(cx - half - 0.004, collar_y - 0.025), (cx + half + 0.004, collar_y - 0.025),
                     (cx + half, collar_y + 0.005), (cx - half, collar_y + 0.005)])
    body = np.array([(cx - half, collar_y + 0.005), (cx + half, collar_y + 0.005), (cx + blade, v_tip + 0.04),
                     (cx, v_tip + 0.07), (cx - blade, v_tip + 0.04)])
    sheet.wash(knot, glazes, layers=4)
    sheet.wash(body, glazes, layers=6)
    sheet.wash(body[[1, 2, 3]] * (1, 1), (("lamp_black", 0.12),), layers=2)  # its far side in shadow
    if tie == "patterned":
        rng = np.random.default_rng(7)  # the pattern is the tie's, not the brush's
        for _ in range(10):
            x = cx + rng.uniform(-0.6, 0.6) * half * 1.4
            y = collar_y + rng.uniform(0.02, v_tip - collar_y)
            sheet.wash(ellipse(x, y, 0.005, 0.005, 8), (("naples_yellow", 0.5), ("cerulean", 0.2)), layers=2)


def _collar(sheet: Sheet, sitter: Portrait, torso: Torso) -> None:
    ink = "lamp_black" if sitter.attire in ("suit", "uniform_navy") else "sepia"
    cx, y, neck, v_x, v_tip = torso.cx, torso.collar_y, torso.neck, torso.v_x, torso.v_tip
    # the shirt's collar: paper left white, a grey line and a little shadow under its points (a
    # working shirt is itself the collar, open over the undershirt)
    for side in (-1, 1) if sitter.attire != "dungarees" else ():
        point = [(cx + side * (neck + 0.01), y - 0.04), (v_x + side * 0.035, y + 0.035), (v_x + side * 0.004, y - 0.008)]
        sheet.ink(point, "payne_grey", width=1.1, strength=0.5)
        sheet.wash(np.array([(v_x + side * 0.035, y + 0.035), (v_x + side * 0.004, y - 0.008),
                             (v_x + side * 0.01, y + 0.045)]), (("payne_grey", 0.12),), layers=2)
    lapel_width = 0.10 if sitter.attire in ("soviet_suit", "coat") else 0.08
    if sitter.attire in ("olive_fatigues", "dungarees"):
        lapel_width = 0.06
    for side in (-1, 1):
        lapel = [(cx + side * (neck + 0.02), y - 0.025), (cx + side * (neck + lapel_width), y + 0.07),
                 (cx + side * (neck + lapel_width - 0.025), y + 0.085), (v_x + side * 0.004, v_tip)]
        sheet.ink(lapel, ink, width=1.3, strength=0.55)
        shade = np.array(lapel + [(cx + side * (neck + 0.01), y + 0.03)])
        sheet.wash(shade, (("payne_grey", 0.16),), layers=3)
    if sitter.attire == "coat":  # a heavy collar turned up behind the neck
        for side in (-1, 1):
            collar = [(cx + side * (neck - 0.01), y - 0.075), (cx + side * (neck + 0.05), y - 0.05),
                      (cx + side * (neck + 0.07), y + 0.02), (cx + side * (neck + 0.02), y - 0.01)]
            sheet.wash(np.array(collar), CLOTH["coat"] + (("burnt_umber", 0.2),), layers=4)
            sheet.ink(collar[:3], ink, width=1.2, strength=0.5)


def _insignia(sheet: Sheet, sitter: Portrait, torso: Torso) -> None:
    soviet = sitter.attire == "soviet_uniform"
    cx, y = torso.cx, torso.collar_y
    shoulders = SHOULDERS.get(sitter.attire, SUIT_SHOULDERS)
    board_glazes = (("cadmium_yellow", 0.65), ("yellow_ochre", 0.45)) if soviet else CLOTH[sitter.attire]
    board_height = 0.055 if soviet else 0.032
    for side in (-1, 1):
        inner, outer = cx + side * 0.16, cx + side * (shoulders - 0.03)
        board = np.array([(inner, y + 0.025), (outer, y + 0.065), (outer, y + 0.065 + board_height),
                          (inner, y + 0.025 + board_height)])
        sheet.wash(board, board_glazes + (("burnt_umber", 0.15),), layers=4)
        sheet.ink(board, "sepia", width=0.9, strength=0.5, closed=True)
        mid_x, mid_y = (inner + outer) / 2, y + 0.045 + board_height / 2
        if soviet:
            _star(sheet, mid_x, mid_y, 0.018, (("alizarin", 0.6), ("vermilion", 0.3)))
        elif sitter.attire in ("uniform_army", "uniform_air"):
            for k in range(4):  # the four stars of a full general
                _star(sheet, mid_x + (k - 1.5) * 0.026 * side, mid_y + (k - 1.5) * 0.006, 0.011,
                      (("davy_grey", 0.35),), outline=("payne_grey", 0.75))
        else:
            sheet.wash(ellipse(outer - side * 0.015, mid_y, 0.007, 0.007, 10), (("yellow_ochre", 0.6),), layers=2)
    if soviet:  # red collar tabs with gold braid
        for side in (-1, 1):
            tab = np.array([(cx + side * 0.055, y - 0.01), (cx + side * 0.11, y - 0.005), (cx + side * 0.105, y + 0.03),
                            (cx + side * 0.06, y + 0.025)])
            sheet.wash(tab, (("alizarin", 0.45), ("vermilion", 0.2)), layers=3)
            sheet.ink(tab[[0, 1]], "yellow_ochre", width=1.0, strength=0.7)
    _decorations(sheet, sitter, torso)
    for k in range(2):  # buttons down the front
        sheet.wash(ellipse(torso.v_x + 0.005, y + 0.20 + 0.07 * k, 0.008, 0.008, 10), (("yellow_ochre", 0.6),),
                   layers=2)


def _decorations(sheet: Sheet, sitter: Portrait, torso: Torso) -> None:
    """Ribbons over the wearer's left breast (the viewer's right); Soviet orders on both sides."""
    soviet = sitter.attire == "soviet_uniform"
    cx, y = torso.cx, torso.collar_y
    rows = 4 if sitter.medals else 2
    right = cx + 0.185
    _ribbons(sheet, right, y + 0.115, rows=rows, columns=3)
    if sitter.medals and soviet:  # Hero stars above the ribbons, and orders on the other side
        _star(sheet, right + 0.02, y + 0.09, 0.016, GOLD)
        _star(sheet, right + 0.06, y + 0.09, 0.016, GOLD)
        _ribbons(sheet, cx - 0.275, y + 0.115, rows=3, columns=3)
        for k in range(3):
            sheet.wash(ellipse(cx - 0.26 + k * 0.032, y + 0.19, 0.012, 0.012, 12), GOLD, layers=2)
    elif sitter.medals:  # medals hung on short ribbons under the ribbon bar
        for k in range(3):
            x = right + 0.015 + k * 0.03
            top = y + 0.115 + rows * 0.014
            sheet.ink([(x, top), (x, top + 0.025)], "alizarin", width=1.6, strength=0.6)
            sheet.wash(ellipse(x, top + 0.033, 0.01, 0.01, 12), GOLD, layers=2)
    if sitter.attire == "uniform_air":  # a pilot's wings above the ribbons
        wings = [(right - 0.005, y + 0.10), (right + 0.045, y + 0.107), (right + 0.095, y + 0.10)]
        sheet.ink(wings, "payne_grey", width=1.6, strength=0.55)


def _ribbons(sheet: Sheet, x: float, y: float, rows: int, columns: int) -> None:
    width, height = 0.03, 0.014
    for row in range(rows):
        for column in range(columns):
            colour = RIBBON_COLOURS[(row * 2 + column * 3) % len(RIBBON_COLOURS)]
            box = np.array([(x + column * width, y + row * height), (x + column * width + width * 0.95, y + row * height),
                            (x + column * width + width * 0.95, y + row * height + height * 0.85),
                            (x + column * width, y + row * height + height * 0.85)])
            sheet.wash(box, ((colour, 0.55),), layers=2, wobble=0.02, edge=0.3, bleed=0.5)


def _shirt_details(sheet: Sheet, torso: Torso) -> None:
    """A working shirt: the white undershirt's round neckband in the open collar, the buttons down
    the front and two patch pockets without flaps."""
    cx, y = torso.v_x, torso.collar_y
    sheet.ink([(cx - torso.neck * 0.9, y - 0.02), (cx, y + 0.05), (cx + torso.neck * 0.9, y - 0.02)], "payne_grey",
              width=0.9, strength=0.3)
    for k in range(3):
        sheet.wash(ellipse(cx + 0.012, torso.v_tip + 0.05 + 0.2 * k, 0.011, 0.011, 8), (("payne_grey", 0.3),), layers=2)
    for side in (-1, 1):
        x = cx + side * 0.18
        pocket = np.array([(x - 0.06, y + 0.16), (x + 0.06, y + 0.16), (x + 0.058, y + 0.3), (x - 0.058, y + 0.3)])
        sheet.ink(pocket, "payne_grey", width=0.9, strength=0.35, closed=True)


def _fatigue_details(sheet: Sheet, torso: Torso) -> None:
    cx, y = torso.v_x, torso.collar_y
    for side in (-1, 1):  # chest pockets with their flaps, and the comandante's star on the collar
        x = cx + side * 0.17
        pocket = np.array([(x - 0.055, y + 0.17), (x + 0.055, y + 0.17), (x + 0.055, y + 0.29), (x - 0.055, y + 0.29)])
        sheet.ink(pocket, "sepia", width=1.0, strength=0.45, closed=True)
        flap = [(x - 0.058, y + 0.17), (x - 0.05, y + 0.20), (x + 0.05, y + 0.20), (x + 0.058, y + 0.17)]
        sheet.wash(np.array(flap), (("olive", 0.25),), layers=3)
        sheet.ink(flap, "sepia", width=1.0, strength=0.45)
        diamond = np.array([(cx + side * 0.10, y + 0.005), (cx + side * 0.118, y + 0.025),
                            (cx + side * 0.10, y + 0.045), (cx + side * 0.082, y + 0.025)])
        sheet.wash(diamond, (("alizarin", 0.6), ("lamp_black", 0.25)), layers=2)
        _star(sheet, cx + side * 0.10, y + 0.025, 0.008, (("naples_yellow", 0.5),))


def _star(sheet: Sheet, x: float, y: float, r: float, glazes: Sequence[Glaze],
          outline: tuple[str, float] | None = None) -> None:
    angles = np.radians(np.arange(10) * 36 - 90)
    radii = np.where(np.arange(10) % 2 == 0, r, r * 0.42)
    points = np.column_stack((x + radii * np.cos(angles), y + radii * np.sin(angles)))
    sheet.wash(points, glazes, layers=2, wobble=0.02, edge=0.3, bleed=0.5)
    if outline:
        sheet.ink(points, outline[0], width=0.8, strength=outline[1], closed=True, wobble=0.1)
