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
from game.art.watercolor import polygon_mask, soften

Glaze = tuple[str, float]

# The shadow of cloth: a cool, granulating grey laid over the local colour, as painters mix it
# from ultramarine and burnt sienna rather than adding black.
SHADE: tuple[Glaze, ...] = (("ultramarine", 0.2), ("burnt_sienna", 0.1), ("payne_grey", 0.12))
# A shadow cast on the floor, the deck or a table: the same grey, a little stronger.
CAST: tuple[Glaze, ...] = (("ultramarine", 0.2), ("burnt_sienna", 0.12), ("payne_grey", 0.14))
SHOES: tuple[Glaze, ...] = (("lamp_black", 0.55), ("sepia", 0.25))
STANDING = ("standing", "speaking", "pointing")
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
        elbow = (0.5 + side * reach, 0.01)
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


def legs_for(torso: attire.Torso, weight: int) -> list[Limb]:
    """Legs with the weight on one (``weight``: -1 or +1), the standing leg under the body and the
    other at ease, its knee bent and its foot out: contrapposto, which keeps a standing man from
    looking like a post."""
    cx, y = torso.cx, torso.collar_y
    hips, feet = y + attire.HIPS - 0.03, y + attire.FEET - 0.1
    knee = (hips + feet) / 2
    standing = Limb(((cx + weight * 0.12, hips), (cx + weight * 0.08, knee), (cx + weight * 0.05, feet)),
                    (0.14, 0.105, 0.08), capped=False)
    easy = Limb(((cx - weight * 0.12, hips), (cx - weight * 0.19, knee + 0.02), (cx - weight * 0.25, feet - 0.06)),
                (0.135, 0.1, 0.078), capped=False)
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


def paint_legs(sheet: attire.Sheet, sitter: Portrait, torso: attire.Torso, light: Light, weight: int) -> list[np.ndarray]:
    """Trousers and shoes, the far leg first; returns the outlines, for the figure's shading."""
    cloth = attire.CLOTH[sitter.attire]
    outlines = []
    skirted = sitter.attire in SKIRTED
    for leg in legs_for(torso, weight):
        outline = leg.outline()
        if skirted:  # below the skirt's hem: stockings, the colour of the skin dulled
            stocking = Limb(leg.path[1:], (leg.widths[1] * 0.6, leg.widths[2] * 0.75), capped=False)
            sheet.wash(stocking.outline(), (("burnt_sienna", 0.12), ("payne_grey", 0.1)), layers=4)
            _shoe(sheet, torso, leg)
            continue
        sheet.wash(outline, cloth, layers=6, granulation=0.5)
        sheet.wash(leg.shade_side(light), SHADE, layers=3, wobble=0.02, edge=0.2)
        _shoe(sheet, torso, leg)
        ankle = leg.path[-1]
        crease = [(leg.path[0][0], leg.path[0][1] + 0.25), leg.path[1], (ankle[0], ankle[1] - 0.06)]
        sheet.ink(crease, "payne_grey", width=1.0, strength=0.22)
        outlines.append(outline)
    return outlines


def _shoe(sheet: attire.Sheet, torso: attire.Torso, leg: Limb) -> None:
    ankle = leg.path[-1]
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
    if sitter.uniformed or sitter.attire in ("uniform_navy", "olive_fatigues"):
        belt = np.array([(cx - half + 0.04, y + 0.74), (cx + half - 0.04, y + 0.74), (cx + half - 0.04, y + 0.8),
                         (cx - half + 0.04, y + 0.8)])
        sheet.wash(belt, (("lamp_black", 0.35), ("sepia", 0.2)), layers=3)
        sheet.wash(ellipse(torso.v_x, y + 0.77, 0.035, 0.028, 10), (("yellow_ochre", 0.5),), layers=2)
    elif not torso.back:  # the jacket's front edge and its one fastened button
        sheet.ink([(torso.v_x, top - 0.05), (torso.v_x + 0.01, hem - 0.02), (torso.v_x + 0.06, hem)], "payne_grey",
                  width=1.0, strength=0.35)
        sheet.wash(ellipse(torso.v_x + 0.01, y + 0.78, 0.014, 0.014, 8), (("lamp_black", 0.4),), layers=2)
        for side in (-1, 1):  # the pocket flaps
            px = cx + side * (half * 0.55)
            sheet.ink([(px - 0.07, y + 0.98), (px + 0.07, y + 0.99)], "payne_grey", width=1.0, strength=0.3)
    return outline


def paint_arms(sheet: attire.Sheet, sitter: Portrait, torso: attire.Torso, pose: str, light: Light,
               facing: float) -> list[np.ndarray]:
    """Both sleeves, their shadow sides, the shirt cuff and the hands (where the pose shows them)."""
    cloth = attire.CLOTH[sitter.attire]
    outlines = []
    for arm in arms_for(sitter, torso, pose, facing):
        outline = arm.outline()
        # the sleeve lies over the jacket's side: its place is lifted first, so the cloth is not doubled
        sheet.painting.lift(*_lift_field(sheet, outline))
        sheet.wash(outline, cloth, layers=6, granulation=0.5, edge=0.3)
        sheet.wash(arm.shade_side(light), SHADE, layers=3, wobble=0.02, edge=0.15)
        outlines.append(outline)
        if pose in STANDING or pose == "writing":
            paint_hand(sheet, sitter, arm, light, pointing=pose == "pointing" and arm.path[-1][0] * facing > torso.cx * facing)
    return outlines


def _lift_field(sheet: attire.Sheet, outline: np.ndarray) -> tuple[np.ndarray, float, tuple[int, int]]:
    """A softened mask of ``outline`` on its own small box, as ``Painting.lift`` takes it."""
    pixels = sheet.pixels_of(outline)
    painting = sheet.painting
    x0, y0 = (int(max(0, v)) for v in pixels.min(axis=0) - 2)
    x1, y1 = int(min(painting.width, pixels[:, 0].max() + 3)), int(min(painting.height, pixels[:, 1].max() + 3))
    if x1 <= x0 or y1 <= y0:
        return np.zeros((1, 1), dtype=np.float32), 0.0, (0, 0)
    return soften(polygon_mask([pixels], x0, y0, x1, y1), 0.8), 0.85, (x0, y0)


def paint_hand(sheet: attire.Sheet, sitter: Portrait, arm: Limb, light: Light, pointing: bool = False,
               open_hand: bool = False, length: float = 1.0) -> None:
    """A hand past the sleeve's cuff: the back of the hand, the fingers together, the thumb apart;
    its shadow side and the line of the knuckles. Small, as hands in a scene are (a head's length
    from wrist to fingertip, a little less)."""
    from game.art.head_paint import SKIN_LOOKS  # the hands take the face's colours
    skin = SKIN_LOOKS.get(sitter.skin, SKIN_LOOKS["light"])
    wrist = np.array(arm.path[-1], dtype=float)
    along = wrist - np.array(arm.path[-2], dtype=float)
    along /= max(float(np.hypot(*along)), 1e-9)
    across = np.array((-along[1], along[0]))
    along = along * length
    w = arm.widths[-1]
    # the shirt's cuff: a sliver of white kept at the sleeve's end
    cuff = np.array([wrist + across * w * 0.9, wrist - across * w * 0.9, wrist - across * w * 0.8 + along * 0.025,
                     wrist + across * w * 0.8 + along * 0.025])
    sheet.wash(cuff, (("payne_grey", 0.06),), layers=2, edge=0.4)
    base = wrist + along * 0.02
    if pointing:
        hand = [base + across * w * 0.75, base + along * 0.11 + across * w * 0.6, base + along * 0.2 + across * w * 0.15,
                base + along * 0.23, base + along * 0.12 - across * w * 0.6, base - across * w * 0.7]
    else:
        length = 0.2 if open_hand else 0.17
        hand = [base + across * w * 0.75, base + along * length * 0.7 + across * w * 0.7,
                base + along * length + across * w * 0.2, base + along * length * 0.95 - across * w * 0.45,
                base + along * length * 0.5 - across * w * 0.8, base - across * w * 0.75]
    thumb_side = 1.0 if light.side >= 0 else -1.0
    thumb = [base + across * w * 0.6 * thumb_side, base + along * 0.1 + across * w * 1.15 * thumb_side,
             base + along * 0.13 + across * w * 0.85 * thumb_side, base + along * 0.05 + across * w * 0.3 * thumb_side]
    sheet.wash(np.array(hand), skin["base"], layers=4, wobble=0.02)
    sheet.wash(np.array(thumb), skin["base"], layers=3, wobble=0.02)
    shade = [p for p in hand if (p - base) @ across * (light.side or 1.0) <= 0.0]
    if len(shade) >= 2:
        sheet.wash(np.array([base] + shade), skin.get("half", skin["base"]), layers=3, wobble=0.02, edge=0.3)
    sheet.ink([base + along * 0.08 + across * w * 0.55, base + along * 0.09 - across * w * 0.55], "burnt_sienna",
              width=0.9, strength=0.3)


def model_figure(sheet: attire.Sheet, outlines: Sequence[np.ndarray], cx: float, half_width: float,
                 light: Light) -> None:
    """The shade side of the whole figure in one glaze: the body turns from the light as a cylinder,
    the glaze soft where it turns and lightened near the far outline, where the room bounces a
    little light back; from behind a window, all of the front is in shade."""
    painting = sheet.painting
    pixels = [sheet.pixels_of(o) for o in outlines if len(o) >= 3]
    if not pixels:
        return
    points = np.vstack(pixels)
    x0, y0 = (int(max(0, v)) for v in points.min(axis=0) - 2)
    x1, y1 = int(min(painting.width, points[:, 0].max() + 3)), int(min(painting.height, points[:, 1].max() + 3))
    if x1 - x0 < 3 or y1 - y0 < 3:
        return
    body = polygon_mask(pixels, x0, y0, x1, y1)
    columns = (np.arange(x0, x1, dtype=np.float32)[None, :] - (sheet.x0 + cx * sheet.size)) / (half_width * sheet.size)
    if light.behind:
        turn = np.full_like(columns, 0.85)
    elif light.side:
        across = columns * light.side  # -1 on the lit outline, +1 on the far one
        turn = np.clip((across + 0.05) / 0.45, 0.0, 1.0)
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


def sheet_top(outlines: Sequence[np.ndarray]) -> float:
    return float(min(o[:, 1].min() for o in outlines if len(o)))
