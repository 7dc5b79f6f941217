"""A scene person's body below the head: arms, hands and legs with weight, modelled by the scene's light.

The portrait's clothes (game/art/attire.py) give the chest: the collar, the lapels, the tie, the
insignia. A figure in a scene needs more than a chest: shoulders as wide as a jacket's padding
makes them, arms that hang from them and bend at the elbow, hands with a thumb, a standing man's
weight on one leg with the other at ease, and the whole of it turned in one light, with its shadow
side and its shadow on the floor. This module paints those, in the sheet units of the clothes
(``attire.Sheet``: the head is 0.53 units tall, ``Torso.collar_y`` is where the collar closes).

How the light is used follows the figure painters' order of work: the figure is laid in its local
colour first, the shadow side is then glazed over it in one value as a cylinder turns from the
light (a soft edge where the form turns, a little light bounced back at the far outline), and the
cast shadow, the darkest and coolest note, goes on the ground under the feet, leaning away from
the light. (A. Loomis, "Figure Drawing for All It's Worth" (1943): the figure as blocks in one
light; J. Ruskin, "The Elements of Drawing" (1857): the shade and the shadow.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from game.art import attire
from game.art.portrait_spec import Portrait
from game.art.shapes import catmull_rom, ellipse
from game.art.watercolor import Painting, polygon_mask, soften

Glaze = tuple[str, float]

# The shadow of cloth: a cool, granulating grey laid over the local colour, as painters mix it
# from ultramarine and burnt sienna rather than adding black.
SHADE: tuple[Glaze, ...] = (("ultramarine", 0.2), ("burnt_sienna", 0.1), ("payne_grey", 0.12))
# A shadow cast on the floor, the deck or a table: the same grey, a little stronger.
CAST: tuple[Glaze, ...] = (("ultramarine", 0.2), ("burnt_sienna", 0.12), ("payne_grey", 0.14))
SHOES: tuple[Glaze, ...] = (("lamp_black", 0.55), ("sepia", 0.25))
STANDING = attire.STANDING
SKIRTED = ("blouse", "dress")


@dataclass(frozen=True, slots=True)
class Light:
    """Where the scene's one light comes from, as the figure needs it.

    ``side``: +1 when the shadow side of a form is on the viewer's right (the light from the left),
    -1 when it is on the left, 0 for a light overhead or from the front (the shade falls under
    things). ``behind``: a figure against a window, its whole front in shade.
    """

    side: float
    behind: bool = False

    @classmethod
    def named(cls, name: str) -> Light:
        return {"left": cls(1.0), "right": cls(-1.0), "above": cls(0.0), "front": cls(0.0),
                "behind": cls(0.0, behind=True)}.get(name, cls(1.0))


@dataclass(frozen=True, slots=True)
class Limb:
    """An arm or a leg as a path (shoulder, elbow, wrist; hip, knee, ankle) and its half-widths there."""

    path: tuple[tuple[float, float], ...]
    widths: tuple[float, ...]
    capped: bool = True  # rounded at the top (a shoulder); a leg starts square under the jacket

    def outline(self) -> np.ndarray:
        """The limb's outline: the path offset either side by its widths, rounded at the top."""
        points = catmull_rom(np.array(self.path, dtype=float), steps=4)
        widths = np.interp(np.linspace(0.0, 1.0, len(points)), np.linspace(0.0, 1.0, len(self.widths)), self.widths)
        normals = _normals(points)
        left, right = points + normals * widths[:, None], points - normals * widths[:, None]
        # the round of a shoulder or a hip: a half circle from one side to the other over the top
        along = points[0] - points[1]
        along /= max(float(np.hypot(*along)), 1e-9)
        turns = np.linspace(0.0, np.pi, 9)[1:-1, None]
        cap = points[0] + widths[0] * (np.cos(turns) * -normals[0] + np.sin(turns) * along)
        return np.vstack((left, right[::-1], cap)) if self.capped else np.vstack((left, right[::-1]))

    def end(self) -> tuple[np.ndarray, np.ndarray]:
        """Where the limb ends (the wrist, the ankle) and the unit direction its last part runs in."""
        end = np.array(self.path[-1], dtype=float)
        along = end - np.array(self.path[-2], dtype=float)
        return end, along / max(float(np.hypot(*along)), 1e-9)

    def shade_side(self, light: Light) -> np.ndarray:
        """The half of the limb away from the light: a strip along the side the shadow is on."""
        points = catmull_rom(np.array(self.path, dtype=float), steps=4)
        widths = np.interp(np.linspace(0.0, 1.0, len(points)), np.linspace(0.0, 1.0, len(self.widths)), self.widths)
        normals = _normals(points)
        # the normal that points toward the shadow side (x in the light's direction)
        sign = np.where(normals[:, 0:1] * (light.side or 1.0) >= 0, 1.0, -1.0)
        outer = points + normals * sign * widths[:, None]
        inner = points + normals * sign * widths[:, None] * (-0.15)
        return np.vstack((outer, inner[::-1]))


def _normals(points: np.ndarray) -> np.ndarray:
    direction = np.gradient(points, axis=0)
    normals = np.column_stack((-direction[:, 1], direction[:, 0]))
    return normals / np.maximum(np.hypot(*normals.T), 1e-9)[:, None]


# -- the figure ---------------------------------------------------------------------------------

def shoulders_of(sitter: Portrait) -> float:
    return attire.SHOULDERS.get(sitter.attire, 0.42)


def arms_for(sitter: Portrait, torso: attire.Torso, pose: str, facing: float) -> list[Limb]:
    """The two arms a pose shows. ``facing`` (+1 or -1) is the side the figure looks toward, which
    a pointing or speaking arm follows."""
    cx, y = torso.cx, torso.collar_y
    reach = shoulders_of(sitter) + 0.04
    arms = []
    for side in (-1, 1):
        shoulder = (cx + side * (reach - 0.085), y + 0.19)  # the sleeve's head under the shoulder seam
        if pose == "pointing" and side == facing:  # the arm out across the room, the hand at the end
            path = (shoulder, (cx + side * (reach + 0.3), y + 0.3), (cx + side * (reach + 0.62), y + 0.24))
        elif pose == "speaking" and side == facing:  # the forearm raised as he makes his point
            path = (shoulder, (cx + side * (reach + 0.12), y + 0.66), (cx + side * (reach + 0.06), y + 0.26))
        elif pose == "writing" and side == facing:  # bent down to the desk
            path = (shoulder, (cx + side * (reach + 0.02), y + 0.55), (cx + side * 0.12, y + 0.7))
        elif pose == "leaning":  # the weight on both hands, planted flat on a table either side of him
            path = (shoulder, (cx + side * (reach + 0.07), y + 0.68), (cx + side * (reach + 0.12), y + 1.2))
        elif pose in STANDING:  # hanging, a little bent, the hand by the thigh
            path = (shoulder, (cx + side * (reach + 0.04), y + 0.72), (cx + side * (reach - 0.01), y + 1.25))
        else:  # seated or a bust: the upper arm down the side, out of the picture
            path = (shoulder, (cx + side * (reach + 0.03), y + 0.6), (cx + side * (reach + 0.04), y + 1.0))
        arms.append(Limb(path, (0.095, 0.08, 0.064)))
    return arms


def forearms(sitter: Portrait, pose: str) -> list[Limb]:
    """Forearms on a table, from the elbows at the body's sides (at the table's far edge, y = 0, the
    body's middle at x = 0.5) forward onto the top: folded, the hands meeting before the chest;
    apart, flat on the table either side; holding, the hands together on a page; writing, one hand
    on the page and the other with the pen."""
    reach = shoulders_of(sitter) + 0.02
    arms = []
    for side in (-1, 1):
        # seen across the table the forearms come toward us, so they are short on the page
        # (the elbow just above the table's far edge, by the body's side: set on the edge, a strip of
        # the table showed between the jacket and the sleeves, as if the body floated behind it)
        elbow = (0.5 + side * reach, -0.03)
        if pose == "apart":
            wrist = (0.5 + side * (reach - 0.1), 0.1)
        elif pose == "holding":
            wrist = (0.5 + side * 0.17, 0.09)
        elif pose == "writing":  # the left hand holds the page flat, the right writes across it
            wrist = (0.5 - 0.2, 0.1) if side < 0 else (0.5 + 0.09, 0.12)
        else:
            wrist = (0.5 + side * 0.08, 0.08)
        middle = ((elbow[0] * 0.6 + wrist[0] * 0.4), (elbow[1] + wrist[1]) / 2 + 0.015)
        arms.append(Limb((elbow, middle, wrist), (0.085, 0.075, 0.062)))
    return arms


# Half the width of a trouser leg at the hip, the knee and the hem (sheet units; the head is 0.53
# tall): the cut of the time, full in the thigh and a little narrower to the shoe. (0.14, 0.105,
# 0.08 were a thin man's legs in tight trousers: under a jacket as wide as a suit's, stilts.)
LEG_WIDTHS = (0.165, 0.13, 0.105)


def legs_for(torso: attire.Torso, weight: int) -> list[Limb]:
    """Legs with the weight on one (``weight``: -1 or +1), the standing leg under the body and the
    other at ease, its knee bent and its foot out: contrapposto, which keeps a standing man from
    looking like a post."""
    cx, y = torso.cx, torso.collar_y
    hips, feet = y + attire.HIPS - 0.03, y + attire.FEET - 0.1
    knee = (hips + feet) / 2
    standing = Limb(((cx + weight * 0.13, hips), (cx + weight * 0.09, knee), (cx + weight * 0.06, feet)),
                    LEG_WIDTHS, capped=False)
    easy = Limb(((cx - weight * 0.13, hips), (cx - weight * 0.2, knee + 0.02), (cx - weight * 0.26, feet - 0.06)),
                tuple(w * 0.97 for w in LEG_WIDTHS), capped=False)
    return [easy, standing]  # the one at ease is behind


def paint_ground_shadow(sheet: attire.Sheet, torso: attire.Torso, light: Light, pose: str) -> None:
    """The figure's shadow on the ground, leaning away from the light, darkest under the feet."""
    if pose not in STANDING:
        return
    cx, feet = torso.cx, torso.collar_y + attire.FEET - 0.06
    if light.behind:  # against the light: the shadow comes toward us, narrowing
        shapes = [np.array([(cx - 0.24, feet - 0.03), (cx + 0.24, feet - 0.03), (cx + 0.2, feet + 0.5),
                            (cx + 0.08, feet + 0.95), (cx - 0.1, feet + 0.9), (cx - 0.2, feet + 0.45)]),
                  ellipse(cx, feet, 0.24, 0.06, 16)]
    elif light.side:
        lean = light.side
        shapes = [np.array([(cx - 0.22, feet - 0.02), (cx + 0.22, feet - 0.05), (cx + lean * 1.5, feet - 0.22),
                            (cx + lean * 1.75, feet - 0.1), (cx + lean * 1.2, feet + 0.1), (cx - 0.1, feet + 0.08)]),
                  ellipse(cx, feet, 0.3, 0.07, 16)]
    else:
        shapes = [ellipse(cx, feet, 0.42, 0.1, 20), ellipse(cx, feet, 0.26, 0.06, 16)]
    with sheet.painting.untracked():
        sheet.wash(shapes[0], CAST, layers=6, wobble=0.02, edge=0.3, bleed=2.0, granulation=0.7)
        sheet.wash(shapes[1], (("payne_grey", 0.25), ("burnt_umber", 0.1)), layers=3, wobble=0.02, edge=0.2,
                   bleed=1.0)


# How far a limb's wash layers stray, as a share of its length (a wash's default, 0.06, suits
# shapes about as wide as they are long).
LIMB_WOBBLE = 0.015


def paint_legs(sheet: attire.Sheet, sitter: Portrait, torso: attire.Torso, light: Light, weight: int) -> list[np.ndarray]:
    """Trousers and shoes, the far leg first; returns the outlines, for the figure's shading."""
    cloth = attire.TROUSERS.get(sitter.attire, attire.CLOTH[sitter.attire])
    outlines = []
    skirted = sitter.attire in SKIRTED
    for leg in legs_for(torso, weight):
        outline = leg.outline()
        if skirted:  # below the skirt's hem: stockings, the colour of the skin dulled
            stocking = Limb(leg.path[1:], (leg.widths[1] * 0.6, leg.widths[2] * 0.75), capped=False)
            sheet.wash(stocking.outline(), (("burnt_sienna", 0.12), ("payne_grey", 0.1)), layers=4)
            _shoe(sheet, torso, leg)
            continue
        # (a wash's layers wobble by a share of its longest side: a leg's whole length let them stray
        # across most of its width, and the trousers' edges frayed into pale flags)
        sheet.wash(outline, cloth, layers=6, granulation=0.5, wobble=LIMB_WOBBLE)
        sheet.wash(leg.shade_side(light), SHADE, layers=3, wobble=0.02, edge=0.2)
        _shoe(sheet, torso, leg)
        ankle = leg.path[-1]
        crease = [(leg.path[0][0], leg.path[0][1] + 0.25), leg.path[1], (ankle[0], ankle[1] - 0.06)]
        sheet.ink(crease, "payne_grey", width=1.0, strength=0.22)
        outlines.append(outline)
    return outlines


def _shoe(sheet: attire.Sheet, torso: attire.Torso, leg: Limb) -> None:
    """A shoe turned out a little from the body; seen from behind, only its heel, under the
    trouser's hem (a toe turned out from a figure with his back to us stuck out as a flap)."""
    ankle = leg.path[-1]
    if torso.back:
        heel = ellipse(ankle[0], ankle[1] + 0.025, 0.075, 0.05, 12)
        sheet.wash(heel, SHOES, layers=3)
        return
    toe = 0.09 * (1 if ankle[0] >= torso.cx else -1)
    shoe = np.array([(ankle[0] - 0.08, ankle[1] - 0.03), (ankle[0] + 0.08, ankle[1] - 0.03),
                     (ankle[0] + 0.09 + toe, ankle[1] + 0.05), (ankle[0] + toe * 0.5, ankle[1] + 0.08),
                     (ankle[0] - 0.09 + toe * 0.3, ankle[1] + 0.06)])
    sheet.wash(shoe, SHOES, layers=3)
    sheet.ink([(ankle[0] - 0.05, ankle[1] - 0.02), (ankle[0] + 0.03 + toe * 0.5, ankle[1] - 0.01)], "naples_yellow",
              width=1.2, strength=0.25)  # the light on the toe cap


def paint_skirt(sheet: attire.Sheet, sitter: Portrait, torso: attire.Torso, washed: bool = True) -> np.ndarray:
    """The jacket from the waist to the hips (the clothes' chest stops above the waist), with its
    hem and, on a uniform, the belt. ``washed=False``: the jacket's cloth is already laid to the
    hips in one wash (a standing figure), so only its belt, button and pockets are added."""
    cx, y = torso.cx, torso.collar_y
    half = shoulders_of(sitter)
    # the chest's wash ends 0.75 below the collar: the skirt overlaps it a little, its place lifted
    # first, so the two neither lie double in a band nor leave a gap
    top, hem = y + 0.68, y + attire.HIPS
    if sitter.attire in SKIRTED:  # a skirt to just below the knee, flaring a little
        knee = y + (attire.HIPS + attire.FEET) / 2 + 0.15
        outline = np.array([(cx - half + 0.05, top), (cx + half - 0.05, top), (cx + half - 0.02, knee - 0.1),
                            (cx + half + 0.01, knee), (cx - half - 0.01, knee), (cx - half + 0.02, knee - 0.1)])
        cloth = attire.CLOTH["dress"] if sitter.attire == "dress" else (("burnt_umber", 0.3), ("payne_grey", 0.35))
        sheet.wash(outline, cloth, layers=8, granulation=0.5)
        return outline
    outline = np.array([(cx - half + 0.03, top), (cx + half - 0.03, top), (cx + half - 0.05, hem - 0.05),
                        (cx + half - 0.07, hem), (cx - half + 0.07, hem), (cx - half + 0.05, hem - 0.05)])
    if washed:
        sheet.painting.lift(*_lift_field(sheet, outline))
        sheet.wash(outline, attire.CLOTH[sitter.attire], layers=8, granulation=0.5)
    if sitter.attire in attire.TROUSERS:  # a shirt tucked into trousers of another cloth: below the belt, the trousers
        # the hips narrower than the shoulders, the seat as wide as the tops of the legs below it
        seat = np.array([(cx - half + 0.1, y + 0.76), (cx + half - 0.1, y + 0.76), (cx + half - 0.15, hem - 0.04),
                         (cx + half - 0.17, hem), (cx - half + 0.17, hem), (cx - half + 0.15, hem - 0.04)])
        sheet.painting.lift(*_lift_field(sheet, seat))
        sheet.wash(seat, attire.TROUSERS[sitter.attire], layers=8, granulation=0.5, wobble=LIMB_WOBBLE)
        if not torso.back:  # the fly's seam
            sheet.ink([(torso.v_x, y + 0.8), (torso.v_x + 0.005, hem)], "payne_grey", width=0.9, strength=0.3)
        outline = seat
    if sitter.uniformed or sitter.attire in ("uniform_navy", "olive_fatigues", "dungarees"):
        inset = 0.1 if sitter.attire in attire.TROUSERS else 0.04  # round the shirt's waist, or the tunic's
        belt = np.array([(cx - half + inset, y + 0.74), (cx + half - inset, y + 0.74), (cx + half - inset, y + 0.8),
                         (cx - half + inset, y + 0.8)])
        sheet.wash(belt, (("lamp_black", 0.35), ("sepia", 0.2)), layers=3, wobble=0.01)  # (a band: see LIMB_WOBBLE)
        sheet.wash(ellipse(torso.v_x, y + 0.77, 0.035, 0.028, 10), (("yellow_ochre", 0.5),), layers=2)
    elif not torso.back:  # the jacket's front edge and its one fastened button
        sheet.ink([(torso.v_x, top - 0.05), (torso.v_x + 0.01, hem - 0.02), (torso.v_x + 0.06, hem)], "payne_grey",
                  width=1.0, strength=0.35)
        sheet.wash(ellipse(torso.v_x + 0.01, y + 0.78, 0.014, 0.014, 8), (("lamp_black", 0.4),), layers=2)
        for side in (-1, 1):  # the pocket flaps
            px = cx + side * (half * 0.55)
            sheet.ink([(px - 0.07, y + 0.98), (px + 0.07, y + 0.99)], "payne_grey", width=1.0, strength=0.3)
    return outline


# A standing man's hand, along and across the arm, against a hand's first size: a hand from the wrist
# to the tip of the middle finger is about four fifths of the head's height, and as broad across
# the knuckles as the face between the eyes' outer corners. (At the first size a hanging hand was a
# third of the head's height, a child's, small blobs at the sleeves' ends.)
STANDING_HAND = (1.5, 1.3)


def paint_arms(sheet: attire.Sheet, sitter: Portrait, torso: attire.Torso, pose: str, light: Light,
               facing: float) -> list[np.ndarray]:
    """Both sleeves, their shadow sides, the shirt cuff and the hands (where the pose shows them)."""
    cloth = attire.CLOTH[sitter.attire]
    outlines = []
    for arm in arms_for(sitter, torso, pose, facing):
        outline = arm.outline()
        # the sleeve lies over the jacket's side: its place is lifted first, so the cloth is not doubled
        sheet.painting.lift(*_lift_field(sheet, outline))
        sheet.wash(outline, cloth, layers=6, granulation=0.5, edge=0.3, wobble=LIMB_WOBBLE)
        sheet.wash(arm.shade_side(light), SHADE, layers=3, wobble=0.02, edge=0.15)
        outlines.append(outline)
        if pose in STANDING or pose == "writing":
            paint_hand(sheet, sitter, arm, light, pointing=pose == "pointing" and arm.path[-1][0] * facing > torso.cx * facing,
                       open_hand=pose == "leaning", length=STANDING_HAND[0], breadth=STANDING_HAND[1])
    return outlines


def box_round(painting: Painting, pixels: Sequence[np.ndarray]) -> tuple[int, int, int, int]:
    """The box (x0, y0, x1, y1) round some outlines in pixels, a few pixels wider for the wash's
    edge, within the sheet."""
    points = np.vstack(pixels)
    x0, y0 = (int(max(0, v)) for v in points.min(axis=0) - 2)
    return x0, y0, int(min(painting.width, points[:, 0].max() + 3)), int(min(painting.height, points[:, 1].max() + 3))


def figure_mask(sheet: attire.Sheet, outlines: Sequence[np.ndarray],
                pad: int = 0) -> tuple[np.ndarray, tuple[int, int]] | None:
    """The union of a figure's part outlines (sheet units) as a 0..1 mask over their box, widened
    by ``pad`` px (past the sheet's edge if need be), with the box's corner; None when the figure
    is too small to paint."""
    pixels = [sheet.pixels_of(o) for o in outlines if len(o) >= 3]
    if not pixels:
        return None
    x0, y0, x1, y1 = box_round(sheet.painting, pixels)
    if x1 - x0 < 3 or y1 - y0 < 3:
        return None
    x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    return polygon_mask(pixels, x0, y0, x1, y1), (x0, y0)


def _lift_field(sheet: attire.Sheet, outline: np.ndarray) -> tuple[np.ndarray, float, tuple[int, int]]:
    """A softened mask of ``outline`` on its own small box, as ``Painting.lift`` takes it."""
    pixels = sheet.pixels_of(outline)
    x0, y0, x1, y1 = box_round(sheet.painting, [pixels])
    if x1 <= x0 or y1 <= y0:
        return np.zeros((1, 1), dtype=np.float32), 0.0, (0, 0)
    return soften(polygon_mask([pixels], x0, y0, x1, y1), 0.8), 0.85, (x0, y0)


# A hand's fingers, from the index to the little finger: where each leaves the knuckles (across the
# back of the hand, -1 at the thumb's side, +1 at the far side), its length (a share of the hand's)
# and how far it fans out (radians). The middle finger is the longest, the little finger the shortest.
FINGERS = ((-0.72, 0.44, -0.05), (-0.24, 0.5, 0.0), (0.24, 0.46, 0.05), (0.72, 0.36, 0.12))


def paint_hand(sheet: attire.Sheet, sitter: Portrait, arm: Limb, light: Light, pointing: bool = False,
               open_hand: bool = False, length: float = 1.0, thumb_toward: float | None = None,
               breadth: float = 1.0) -> None:
    """A hand past the sleeve's cuff, built as a hand is drawn (Loomis, "Drawing the Head and
    Hands", 1956): the back of the hand as a plane widening to the knuckles, four fingers of
    unequal length leaving it and fanning a little, the thumb set low on the wrist and angled away.
    Laid flat the fingers lie out straight; folded, they curl under and only their first joints
    show past the knuckles; pointing, the index alone stays out. The hand's place is lifted first
    so the flesh is not muddied by what lies under it, the fingers are one wash with the back of
    the hand, then its shadow side and, where the hand is big enough to show them, the lines
    between the fingers. ``thumb_toward``: the x (sheet units) the thumb turns to, the body's middle
    for hands on a table; without it the thumb is on the lit side. ``length`` and ``breadth`` scale
    the hand along and across the arm (a hand on a table seen from across it is foreshortened)."""
    from game.art.head_paint import SKIN_LOOKS  # the hands take the face's colours
    skin = SKIN_LOOKS.get(sitter.skin, SKIN_LOOKS["light"])
    wrist, along = arm.end()
    across = np.array((-along[1], along[0]))
    w = arm.widths[-1]
    # the shirt's cuff: a sliver of white kept at the sleeve's end
    reach = along * length
    cuff = np.array([wrist + across * w * 0.9, wrist - across * w * 0.9, wrist - across * w * 0.8 + reach * 0.025,
                     wrist + across * w * 0.8 + reach * 0.025])
    sheet.wash(cuff, (("payne_grey", 0.06),), layers=2, edge=0.4)
    if thumb_toward is not None:
        thumb_side = 1.0 if (thumb_toward - wrist[0]) * across[0] >= 0 else -1.0
    else:
        thumb_side = 1.0 if light.side >= 0 else -1.0
    side = across * thumb_side  # toward the thumb
    hand = (0.24 if open_hand or pointing else 0.2) * length  # wrist to the tip of the middle finger
    base = wrist + along * 0.02 * length
    knuckles = base + along * hand * 0.5
    wide = w * 0.92 * breadth  # half the breadth across the knuckles
    back = np.array([base + side * w * 0.62 * breadth, knuckles + side * wide, knuckles + along * hand * 0.04,
                     knuckles - side * wide, base - side * w * 0.6 * breadth])
    shapes = [back]
    tips = []
    for index, (where, reach_of, fan) in enumerate(FINGERS):
        out = hand * reach_of
        if not (open_hand or (pointing and index == 0)):
            out *= 0.38  # curled under: the first joints past the knuckles, no more
        angle = -fan * thumb_side if open_hand else 0.0
        direction = along * np.cos(angle) + across * np.sin(angle)
        start = knuckles - side * wide * where - along * hand * 0.06
        shapes.append(_finger(start, direction, out, wide * 0.27))
        tips.append((start, direction, out))
    thumb_direction = along * np.cos(0.6) + side * np.sin(0.6)
    thumb_start = base + side * w * 0.45 * breadth + along * hand * 0.12
    shapes.append(_finger(thumb_start, thumb_direction, hand * 0.36, wide * 0.3))
    pixels = [sheet.pixels_of(shape) for shape in shapes]
    painting = sheet.painting
    x0, y0, x1, y1 = box_round(painting, pixels)
    if x1 - x0 < 2 or y1 - y0 < 2:
        return
    flesh = polygon_mask(pixels, x0, y0, x1, y1)
    px = sheet.size / 256.0
    painting.lift(soften(flesh, 0.6), 0.8, at=(x0, y0))
    painting.lay(flesh, skin["base"], 1.1, at=(x0, y0), wobble=max(0.3, 0.6 * px), edge=0.4, bleed=0.6)
    # the shadow side: the half of the hand away from the light (under a light from above or in
    # front, a fainter shade on one side still turns the hand as a form)
    shade_side = across if across[0] * (light.side or 1.0) >= 0 else -across
    half = np.array([base, knuckles + along * hand * 0.6, knuckles + along * hand * 0.6 + shade_side * wide * 1.6,
                     base + shade_side * w * 1.2 * breadth])
    shade = polygon_mask([sheet.pixels_of(half)], x0, y0, x1, y1) * flesh
    painting.lay(soften(shade, max(0.8, wide * sheet.size * 0.12)) * flesh, skin.get("half", skin["base"]),
                 1.0 if light.side else 0.5, at=(x0, y0), wobble=0.5, edge=0.3)
    # the lines between the fingers and the knuckles' row, once a finger is a few pixels wide
    if wide * 0.54 * sheet.size >= 3.0:
        for (start, direction, out), (nxt, _, out_next) in zip(tips, tips[1:]):
            gap = (start + nxt) / 2
            run = min(out, out_next) * 0.8
            sheet.ink([gap + along * hand * 0.04, gap + direction * run], "burnt_sienna", width=0.8, strength=0.35)
        sheet.ink([knuckles - side * wide * 0.9, knuckles + side * wide * 0.5], "burnt_sienna", width=0.7,
                  strength=0.2)


def _finger(start: np.ndarray, direction: np.ndarray, length: float, half: float) -> np.ndarray:
    """A finger's outline: a strip from ``start`` along ``direction``, a little narrower at its rounded tip."""
    normal = np.array((-direction[1], direction[0]))
    tip_half = half * 0.85
    end = start + direction * max(length - tip_half, 0.0)
    turns = np.linspace(0.0, np.pi, 7)
    tip = [end + (normal * np.cos(a) + direction * np.sin(a)) * tip_half for a in turns]
    return np.array([start - normal * half, *tip[::-1], start + normal * half][::-1])


def model_figure(sheet: attire.Sheet, outlines: Sequence[np.ndarray], cx: float, half_width: float,
                 light: Light) -> None:
    """The shade side of the whole figure in one glaze: the body turns from the light as a cylinder,
    the glaze soft where it turns and lightened near the far outline, where the room bounces a
    little light back; from behind a window, all of the front is in shade."""
    painting = sheet.painting
    placed = figure_mask(sheet, outlines)
    if placed is None:
        return
    body, (x0, y0) = placed
    x1, y1 = x0 + body.shape[1], y0 + body.shape[0]
    columns = (np.arange(x0, x1, dtype=np.float32)[None, :] - (sheet.x0 + cx * sheet.size)) / (half_width * sheet.size)
    if light.behind:
        turn = np.full_like(columns, 0.85)
    elif light.side:
        across = columns * light.side  # -1 on the lit outline, +1 on the far one
        # the terminator where a cylinder lit from in front and to the side turns from the lamp,
        # toward the far side (from the middle of the chest, every jacket was half pale, half dark)
        t = np.clip((across - 0.1) / 0.6, 0.0, 1.0)
        turn = t * t * (3.0 - 2.0 * t)
        turn *= 1.0 - 0.35 * np.clip((across - 0.8) / 0.3, 0.0, 1.0)  # the bounced light at the far edge
    else:  # light from above: both sides turn away a little
        turn = np.clip((np.abs(columns) - 0.55) / 0.45, 0.0, 1.0) * 0.7
    body = soften(body, max(0.6, 0.004 * sheet.size))
    if light.side and not light.behind:  # the plane facing the light is lighter: some paint taken off
        painting.lift(body * np.clip((-columns * light.side - 0.15) / 0.5, 0.0, 1.0) * 0.3, 1.0, at=(x0, y0))
    field = body * turn
    painting.lay(field, SHADE, 1.0, at=(x0, y0), wobble=max(0.5, 0.006 * sheet.size), edge=0.25,
                 bleed=max(0.5, 0.003 * sheet.size), granulation=0.6, flow=0.25)
    # the lit shoulder catches the light: a little paint lifted off along its top
    if light.side and not light.behind:
        lit_x = cx - light.side * (half_width - 0.1)
        crest = ellipse(lit_x, sheet_top(outlines) + 0.06, 0.1, 0.03, 12)
        mask = polygon_mask([sheet.pixels_of(crest)], x0, y0, x1, y1) * body
        painting.lift(soften(mask, max(0.6, 0.006 * sheet.size)), 0.35, at=(x0, y0))


# How narrow a slot between two parts of a figure is painted as a crease (a share of the sheet,
# the head being 0.53 of it): about a tenth of the head's height.
CREASE_WIDTH = 0.03


def paint_creases(sheet: attire.Sheet, sitter: Portrait, outlines: Sequence[np.ndarray]) -> None:
    """The narrow slots the parts leave between them (an arm hanging by the body, the top of the
    legs), painted as the dark they are: the cloth in its own shadow. Left unpainted, the lifts
    that light the parts' edges showed there as pale slivers, and a painter states the crease
    between arm and body as a dark accent, which is what parts the arm from the jacket."""
    reach = max(1.0, CREASE_WIDTH * sheet.size)
    # room round the figure for the dilation to spread into (clipped at the box's edge, the
    # erosion could not undo it there, and squares of crease stood out from the figure's sides)
    placed = figure_mask(sheet, outlines, pad=int(3 * reach) + 2)
    if placed is None:
        return
    body, at = placed
    grown = (soften(body, reach) > 0.12).astype(np.float32)  # a dilation, from a blur's spread
    closed = soften(grown, reach) > 0.88                     # and the erosion that undoes it
    creases = soften((closed & (body < 0.5)).astype(np.float32), 0.6)
    if creases.max() <= 0.05:
        return
    cloth = attire.CLOTH[sitter.attire]
    sheet.painting.lay(creases, cloth + SHADE, 1.0, at=at, wobble=0.5, edge=0.2, bleed=0.5, granulation=0.4)


def sheet_top(outlines: Sequence[np.ndarray]) -> float:
    return float(min(o[:, 1].min() for o in outlines if len(o)))
