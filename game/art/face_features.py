"""The darks laid last on a head: eyes, brows, nostrils, the mouth, lines of age and mood, hair strokes.

Each feature is a curve on the face's surface in head space (``game.art.head``), found by casting
rays at the face, then turned and projected with the head, so it foreshortens in a three-quarter
view and the nose hides the far eye's inner corner. What an expression changes is here: a stern
face lowers the inner ends of the brows and knits them, a worried one raises them and creases
the forehead, a smile lifts the corners of the mouth and the cheeks and narrows the eyes, a tired
face droops the lids and the mouth.

Sizes are in head units (chin to crown about 1) and turned into pixels by the frame's scale, so
a head in a crowd gets the same marks, only smaller, and fewer where they would not show.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from game.art.head import HAIR, Render, Sitter
from game.art.likeness import Build
from game.art.shapes import catmull_rom
from game.art.watercolor import Painting, polygon_mask, soften

# brow height above the eye line and how much an expression moves the inner and outer ends
BROW_MOODS = {"neutral": (0.0, 0.0), "stern": (-0.018, 0.004), "worried": (0.022, -0.006),
              "smiling": (0.006, 0.004), "tired": (0.004, -0.01)}
# the brows of hair lighter than dark: how much deeper than the hair's shadow colour they are
# laid, and the sepia that darkens it (burnt umber alone is near the skin's own shadow colour)
BROWS_DARKER_THAN_HAIR = {"brown": (1.6, 0.3), "auburn": (1.5, 0.25), "sandy": (1.4, 0.2)}
# half the mouth's width: about as wide as the pupils are apart, less a little
MOUTH_HALF = 0.092
# how the corners of the mouth sit (up is positive), and how far apart
MOUTH_MOODS = {"neutral": 0.0, "stern": -0.01, "worried": -0.006, "smiling": 0.02, "tired": -0.012}
# (an old man's pale eyes are grey more than blue, and read darker than they are under the lids:
# cerulean, a sky's blue, lit them up like a doll's in a room's half-light)
IRIS = {"dark": ("sepia", "burnt_umber"), "brown": ("burnt_umber", "sepia"), "sandy": ("cerulean", "payne_grey"),
        "auburn": ("cobalt_blue", "payne_grey"), "grey": ("payne_grey", "indigo"), "white": ("payne_grey", "indigo"),
        "mono": ("payne_grey", "lamp_black")}


def paint(painting: Painting, sitter: Sitter, render: Render, look) -> None:
    """Eyes, brows, nose, mouth, lines, a mole: the features, darkest marks of the face."""
    b = sitter.build
    scale = sitter.frame.scale
    if scale < 18 or abs(b.yaw) > 100:  # too small to show them, or the face is turned away
        return
    if scale >= 60:  # lines of age and mood need room to read
        _wrinkles(painting, sitter, render, look)
    for side in (-1, 1):
        _eye(painting, sitter, render, look, side)
        brow(painting, sitter, render, look, side)
    _nostrils(painting, sitter, render, look)
    _mouth(painting, sitter, render, look)
    if b.mole != "none":
        side = -1 if b.mole == "left" else 1
        point = sitter.surface([(side * 0.1, b.nose_base_y + 0.025)])
        pixels, visible = sitter.project(point, render)
        if visible[0]:
            x, y = pixels[0]
            # a small raised spot, darker than a freckle, with its own little shadow
            r = max(1.0, 0.016 * scale)
            yy, xx = np.mgrid[-4:5, -4:5].astype(np.float32)
            spot = np.clip(1.3 - np.hypot(xx - (x - round(x)), yy - (y - round(y))) / r, 0.0, 1.0)
            # the mole is the sitter's, not the brush's: it leaves the brush's chances as they were,
            # so a face with a mole is otherwise the same painting as one without
            state = painting.rng.bit_generator.state
            painting.lay(spot, (("burnt_sienna", 0.5), ("burnt_umber", 0.25)), 1.0,
                         at=(int(round(x)) - 4, int(round(y)) - 4), wobble=0.0, edge=0.5, bleed=0.3, granulation=0.0)
            painting.rng.bit_generator.state = state


def _line(painting: Painting, sitter: Sitter, render: Render, head_xy, pigment: str, width: float,
          strength: float, wobble: float = 0.3, dry: float = 0.0, tolerance: float = 0.02) -> None:
    """A stroke along a curve of the surface: only its visible runs are painted."""
    points = sitter.surface(head_xy)
    pixels, visible = sitter.project(points, render, tolerance)
    width_px = width * sitter.frame.scale
    if width_px < 0.5:
        strength *= width_px / 0.5
    for run in _runs(pixels, visible):
        if dry > 0.0:
            painting.dry_brush(run, pigment, width=max(0.6, width_px), strength=strength, dryness=dry,
                               wobble=wobble)
        else:
            painting.ink(run, pigment, width=max(0.5, width_px), strength=strength, wobble=wobble)


def _runs(pixels: np.ndarray, visible: np.ndarray) -> list[np.ndarray]:
    runs, start = [], None
    for index, shown in enumerate(list(visible) + [False]):
        if shown and start is None:
            start = index
        elif not shown and start is not None:
            if index - start >= 2:
                runs.append(pixels[start:index])
            start = None
    return runs


def _fill(painting: Painting, sitter: Sitter, render: Render, head_xy, glazes, soft: float = 0.6,
          tolerance: float = 0.02, lift: float = 0.0, scale: float = 1.0) -> None:
    """A small wash over a closed curve of the surface (an iris, the upper lip); ``scale`` deepens or
    thins every glaze of the mixture alike."""
    points = sitter.surface(head_xy)
    pixels, visible = sitter.project(points, render, tolerance)
    if visible.mean() < 0.5:
        return
    x0, y0 = np.floor(pixels.min(axis=0)).astype(int) - 3
    x1, y1 = np.ceil(pixels.max(axis=0)).astype(int) + 4
    mask = polygon_mask([pixels], x0, y0, x1, y1)
    mask = soften(mask, soft)
    if lift:
        painting.lift(mask, lift, at=(x0, y0))
    for pigment, strength in glazes:
        painting.lay(mask, pigment, strength * scale, at=(x0, y0), wobble=0.3, edge=0.4, bleed=0.4, granulation=0.2)


def _eye(painting: Painting, sitter: Sitter, render: Render, look, side: int) -> None:
    """An eye as a painter states it: the socket's half-tone, the white left as paper (greyed under
    the lid's shadow), the iris a dark disc cut by the upper lid, a lifted catchlight, then the
    upper lid's line, heaviest toward the outer corner, and the lower lid a warm touch."""
    b = sitter.build
    scale = sitter.frame.scale
    cx, cy = side * b.eye_x, -0.006
    half = 0.07 * b.eye_size
    upper = 0.034 * b.eye_open
    lower = 0.02 * b.eye_open
    t = np.linspace(-1.0, 1.0, 15)
    # the upper lid peaks a little toward the nose, the lower lid dips toward the outer corner
    xs = cx + half * t
    inner = -side  # toward the nose
    peak = 1.0 - (t - 0.18 * inner) ** 2
    top = cy + upper * np.clip(peak, 0.0, None) ** 0.6
    bottom = cy - lower * np.clip(1.0 - (t + 0.2 * inner) ** 2, 0.0, None) ** 0.8
    corner_drop = -0.006 if b.expression == "tired" else 0.0
    top = top + corner_drop * np.clip(t * side, 0.0, None)
    opening = np.vstack((np.column_stack((xs, top)), np.column_stack((xs[::-1], bottom[::-1]))))
    _socket(painting, sitter, render, look, side, cx, cy, half)
    # the white of the eye is the paper lifted, then greyed: never as white as a highlight (a clean
    # white almond round the iris made every sitter stare); the upper lid's shadow greys its top.
    # A narrowed eye (small, hooded, screwed up in a smile) is mostly in the lids' shadow: less of
    # its white is lifted and the lid's shadow reaches further down it.
    narrowed = _narrowed(b)
    _fill(painting, sitter, render, opening, (("payne_grey", 0.075), ("ultramarine", 0.015), ("rose", 0.015)),
          soft=0.3, lift=0.85 - 0.45 * narrowed)
    if scale > 60:  # in a scene's small heads the lid's shadow is lost in the lid's line
        reach = 0.3 + 0.4 * narrowed
        lid_shadow = np.vstack((np.column_stack((xs, top)), np.column_stack((xs[::-1], (top - reach * (top - cy))[::-1]))))
        _fill(painting, sitter, render, lid_shadow, (("payne_grey", 0.07 + 0.05 * narrowed), ("burnt_sienna", 0.03)),
              soft=0.3)
    # iris and pupil, looking straight out (their tops hidden under the upper lid)
    radius = 0.027 * b.eye_size
    angles = np.linspace(0.0, 2 * math.pi, 20, endpoint=False)
    iris_y = cy + 0.004
    ix = cx + 0.004 * inner  # a little toward the nose: the eyes converge on the viewer
    iris = np.column_stack((ix + radius * np.cos(angles), iris_y + radius * np.sin(angles)))
    iris[:, 1] = np.minimum(iris[:, 1], np.interp(iris[:, 0], xs, top) - 0.001)
    iris[:, 1] = np.maximum(iris[:, 1], np.interp(iris[:, 0], xs, bottom) + 0.001)
    first, second = IRIS.get(look.hair, IRIS["brown"])
    # a mid-tone disc, darker at the pupil: an iris as dark as the lid's line merges with it into
    # one bar, which reads as dark glasses
    _fill(painting, sitter, render, iris, ((first, 0.75), (second, 0.45)), soft=0.45)
    if scale > 40:
        pupil = np.column_stack((ix + 0.45 * radius * np.cos(angles), iris_y + 0.45 * radius * np.sin(angles)))
        pupil[:, 1] = np.minimum(pupil[:, 1], np.interp(pupil[:, 0], xs, top) - 0.002)
        _fill(painting, sitter, render, pupil, (("lamp_black", 0.8),), soft=0.4)
        # the catchlight, lifted out on the side of the light
        toward = -1.0 if sitter.light[0] < 0 else 1.0
        glint = sitter.surface([(ix + toward * 0.4 * radius, iris_y + 0.35 * radius)])
        pixels, visible = sitter.project(glint, render)
        if visible[0]:
            r = max(0.7, 0.0055 * scale)
            x, y = pixels[0]
            yy, xx = np.mgrid[-3:4, -3:4]
            spot = np.clip(1.3 - np.hypot(xx + round(x) - x, yy + round(y) - y) / r, 0.0, 1.0)
            painting.lift(spot, 0.8, at=(int(round(x)) - 3, int(round(y)) - 3))
    # the upper lid: the darkest line of the face, thin at the inner corner and heavier over the
    # outer half, where the lashes shade it, ending at the corner as it turns down into the lower
    # lid (a tail run on past the white, in black, read as a made-up eye)
    lid = np.column_stack((xs, top + 0.003))
    # (wide enough to survive the 64 px chip: there the eyes are this line and the iris under it)
    weight = 0.012 if b.hooded < 0.5 else 0.015
    inner_end = lid[:len(lid) // 2 + 1] if side > 0 else lid[len(lid) // 2:]
    outer = lid[len(lid) // 2 - 1:] if side > 0 else lid[:len(lid) // 2 + 2][::-1]
    _line(painting, sitter, render, inner_end, "sepia", 0.7 * weight, 0.85, wobble=0.15)
    corner = outer[-1] + (side * 0.004, -0.006)
    _line(painting, sitter, render, np.vstack((outer, corner)), "sepia", weight, 1.0, wobble=0.15)
    _line(painting, sitter, render, outer[:-1] + (0.0, -0.002), "lamp_black", 0.55 * weight, 0.45, wobble=0.1)
    # the lower lid, soft and warm; the crease of the upper lid (or the fold that hides it)
    if scale > 40:
        _line(painting, sitter, render, np.column_stack((xs[2:-1], bottom[2:-1] - 0.004)), "burnt_sienna", 0.007,
              0.4, wobble=0.2)
        crease = np.column_stack((xs[1:-1], top[1:-1] + 0.016 + 0.006 * b.hooded))
        _line(painting, sitter, render, crease, "burnt_sienna", 0.006 + 0.004 * b.hooded, 0.35 + 0.2 * b.hooded,
              wobble=0.3)
    if b.eye_bags > 0.2 and scale > 50:
        bag = np.column_stack((xs[3:-2] + 0.005 * side, bottom[3:-2] - 0.022 - 0.006 * b.eye_bags))
        _line(painting, sitter, render, bag, "burnt_sienna", 0.006, 0.2 + 0.15 * min(b.eye_bags, 1.5), wobble=0.3)


def _narrowed(b: Build) -> float:
    """How far the lids close over an eye, 0 (open) to 1 (a slit): from its opening and size, the
    hood of the upper lid, and a smile's cheeks pushing the lower lid up."""
    closing = np.clip((0.95 - b.eye_open) / 0.4, 0.0, 1.0) * 0.6 + np.clip((1.0 - b.eye_size) / 0.3, 0.0, 1.0) * 0.2
    closing += 0.3 * min(b.hooded, 1.0) + (0.15 if b.expression == "smiling" else 0.0)
    return float(np.clip(closing, 0.0, 1.0))


def _socket(painting: Painting, sitter: Sitter, render: Render, look, side: int, cx: float, cy: float,
            half: float) -> None:
    """The shadow of the eye's socket: the upper lid under the brow and the hollow by the nose.

    This, more than the eye itself, is what makes eyes read from across a room or on a small chip:
    a soft, cool half-tone from the brow down to the lashes, deepest at the inner corner, lighter
    on the lid's own bulge so the eye does not sink into a hole.
    """
    from game.art.head_paint import SKIN_LOOKS
    b = sitter.build
    angles = np.linspace(0.0, 2 * math.pi, 24, endpoint=False)
    inner = -side
    x = cx + 0.012 * inner + (half + 0.012) * np.cos(angles)
    y = cy + 0.018 + (0.036 + 0.008 * b.deep_eyes + 0.006 * b.hooded) * np.sin(angles)
    ring = np.column_stack((x, y))
    shade = SKIN_LOOKS[look.skin]["half"]
    depth = 0.9 + 0.35 * b.deep_eyes + 0.2 * b.hooded
    _fill(painting, sitter, render, ring, shade, soft=0.018 * sitter.frame.scale, tolerance=0.05, scale=1.4 * depth)
    if sitter.frame.scale <= 60:
        return
    # the inner corner, by the bridge of the nose: the deepest part of the socket
    corner = np.column_stack((cx + inner * (half - 0.004) + 0.016 * np.cos(angles),
                              cy + 0.008 + 0.018 * np.sin(angles)))
    shadow = SKIN_LOOKS[look.skin]["shadow"]
    _fill(painting, sitter, render, corner, shadow, soft=0.012 * sitter.frame.scale, tolerance=0.05,
          scale=0.7 * depth)


def brow(painting: Painting, sitter: Sitter, render: Render, look, side: int) -> None:
    """A brow as hairs over skin: longer than the eye beneath it (from over the inner corner to past
    the outer one), its head soft and thick, rising to an arch over the outer iris, then a tail that
    thins and falls toward the temple. A brow drawn as an even bar with square ends, as long as the
    eye and as dark as the lashes, read as a sticker and, with the lid, as dark glasses."""
    b = sitter.build
    from game.art.head_paint import HAIR_LOOKS  # the hair's colours, defined with the hair
    inner_shift, outer_shift = BROW_MOODS.get(b.expression, (0.0, 0.0))
    cx = side * b.eye_x
    half = 0.07 * b.eye_size
    t = np.linspace(0.0, 1.0, 13)  # from the inner end to the outer end
    x = cx + side * (-(half + 0.004) + (2.0 * half + 0.034) * t)
    # the arch peaks about two thirds along, over the outer edge of the iris; the tail falls below the head
    peak = 0.62
    rise = np.sin(0.5 * np.pi * np.clip(t / peak, 0.0, 1.0))
    fall = np.cos(0.5 * np.pi * np.clip((t - peak) / (1.0 - peak), 0.0, 1.0))
    profile = np.where(t <= peak, rise, fall)
    arch = (0.01 + 0.012 * b.brow_arch) * profile - 0.016 * t ** 3
    base = 0.082 + 0.006 * b.brow_ridge  # a clear gap of lit lid between brow and eye
    y = base + arch + inner_shift * (1.0 - t) ** 1.5 + outer_shift * t ** 2
    if b.expression == "stern":
        x = x + side * 0.008 * (1.0 - t)  # knitted toward the nose
    pigment, strength = HAIR_LOOKS[look.hair]["stroke"][0]
    if look.hair in ("white", "grey") and b.age > 55:
        pigment, strength = "payne_grey", 0.55
    # thickest a little past the head, then thinning steadily to a point at the tail; the head
    # itself rounded, not cut square
    thickness = (0.014 + 0.008 * b.brow_weight) * np.minimum(0.55 + 2.0 * t, 1.0) * (1.0 - 0.8 * t ** 1.3)
    curve = np.column_stack((x, y))
    # the brow's mass first, a soft band in the hair's shadow colour (at chip size the brows are
    # this band, and with the lids they are what makes the eyes read), then dry passes for its hairs
    band = np.vstack((curve + np.column_stack((np.zeros_like(t), 0.55 * thickness)),
                      (curve - np.column_stack((np.zeros_like(t), 0.45 * thickness)))[::-1]))
    mass = HAIR_LOOKS[look.hair]["shadow"]
    weight = 0.5 + 0.25 * min(b.brow_weight, 1.8)
    if look.hair in BROWS_DARKER_THAN_HAIR:
        # brows read darker than the hair above them (dense short hairs, in the brow ridge's
        # shadow): a brown-haired man's brows in the hair's own shadow colour were faint lines
        # under a light forehead, and his face looked blank
        deeper, sepia = BROWS_DARKER_THAN_HAIR[look.hair]
        mass, weight = mass + (("sepia", sepia),), weight * deeper
    if sitter.frame.scale <= 40:  # a scene's small heads: the band alone, a little firmer
        weight *= 1.3
    _fill(painting, sitter, render, band, tuple((name, amount * weight) for name, amount in mass),
          soft=max(0.4, 0.007 * sitter.frame.scale))
    if sitter.frame.scale <= 40:
        return
    # the dark hairs crowd over the body of the brow, not its head (whose hairs stand up, sparse)
    # nor its tail; one lighter, thinner stroke runs out along the tail
    body = curve[2:9]
    width = float(thickness[2:9].mean())
    for k in range(2 if sitter.frame.scale > 50 else 1):
        offset = (k - 0.5) * 0.25 * width if sitter.frame.scale > 50 else 0.0
        _line(painting, sitter, render, body + (0.0, offset), pigment, 0.6 * width, min(1.0, 0.5 * strength),
              wobble=0.35, dry=0.4)
    _line(painting, sitter, render, curve[7:], pigment, 0.4 * width, min(1.0, 0.4 * strength), wobble=0.3, dry=0.35)
    if b.brow_weight > 1.6 and sitter.frame.scale > 50:  # bushy: hairs out of line
        for k in range(7):
            u = (k + 0.5) / 7 * 0.8
            p = np.array((np.interp(u, t, x), np.interp(u, t, y)))
            hair = np.array((p - (side * 0.004, 0.008), p + (side * 0.012, 0.006)))
            _line(painting, sitter, render, hair, pigment, 0.004, strength * 0.5, wobble=0.3)


def _nostrils(painting: Painting, sitter: Sitter, render: Render, look) -> None:
    b = sitter.build
    from game.art.head_paint import SKIN_LOOKS
    shadow = SKIN_LOOKS[look.skin]["shadow"][0][0]
    base = b.nose_base_y
    for side in (-1, 1):
        x = side * 0.026 * b.nose_width
        comma = np.array(((x - side * 0.004, base + 0.022), (x + side * 0.008, base + 0.012),
                          (x + side * 0.002, base + 0.004)))
        _line(painting, sitter, render, comma, "burnt_umber", 0.007, 0.55, wobble=0.2, tolerance=0.05)
        wing = np.array(((side * 0.03 * b.nose_width, base + 0.05), (side * 0.047 * b.nose_width, base + 0.028),
                         (side * 0.036 * b.nose_width, base + 0.012)))
        _line(painting, sitter, render, wing, shadow, 0.006, 0.45, wobble=0.2, tolerance=0.04)


def _mouth(painting: Painting, sitter: Sitter, render: Render, look) -> None:
    """The upper lip turned down from the light (a darker shape with its bow), the lower lip a
    light tint with its shadow under it, the line between them darkest at the corners."""
    b = sitter.build
    lift = MOUTH_MOODS.get(b.expression, 0.0) + 0.006 * b.mouth_turn
    half = MOUTH_HALF * b.mouth_width
    t = np.linspace(-1.0, 1.0, 13)
    x = half * t
    y = b.mouth_y + 0.003 * np.cos(t * math.pi / 2) + lift * t * t
    line = np.column_stack((x, y))
    lips = (("alizarin", 0.22), ("burnt_sienna", 0.2)) if not look.lipstick else (("alizarin", 0.4), ("vermilion", 0.2))
    bow = 0.006 * np.exp(-(t / 0.2) ** 2)
    upper = np.column_stack((x * 0.97, y + (0.017 + 0.005 * b.lips) * (1.0 - t * t) ** 0.55 - bow))
    # in a beard the lips are lifted out of its dark first, as a painter scrubs them back: a beard
    # that hides the mouth reads as a mask
    bearded = b.beard != "none"
    # (the beard stands off the skin the lips are placed on: look for them through it)
    tolerance = 0.08 if bearded else 0.04
    _fill(painting, sitter, render, np.vstack((line, upper[::-1])), lips, soft=0.5, tolerance=tolerance,
          lift=0.45 if bearded and b.moustache == "none" else 0.0)
    lower = np.column_stack((x * 0.82, y - (0.02 + 0.006 * b.lips) * (1.0 - t * t) ** 0.7))
    lower_glazes = (("rose", 0.14), ("burnt_sienna", 0.04)) if not bearded else (("rose", 0.3), ("burnt_sienna", 0.12))
    _fill(painting, sitter, render, np.vstack((line, lower[::-1])), lower_glazes, soft=0.7, tolerance=tolerance,
          lift=0.7 if bearded else 0.0)
    if b.teeth != "hidden":
        _teeth(painting, sitter, render, x, y, t, b.teeth == "gap")
    # the line: a thin dark between the lips, fuller at the corners where the mouth turns in
    _line(painting, sitter, render, line[1:-1], "sepia", 0.012, 0.9, wobble=0.15)
    for side in (-1, 1):
        end = line[-4:] if side > 0 else line[:4][::-1]
        corner = np.vstack((end, end[-1] + (side * 0.008, -0.002)))
        _line(painting, sitter, render, corner, "sepia", 0.012, 0.8, wobble=0.1)
    # the shadow under the lower lip, which sets the lip forward of the chin
    under = np.column_stack((x[3:-3] * 0.7, b.mouth_y - 0.04 - 0.006 * b.lips + 0.004 * (1.0 - t[3:-3] ** 2)))
    _line(painting, sitter, render, under, "burnt_sienna", 0.018, 0.5, wobble=0.3)


def _teeth(painting: Painting, sitter: Sitter, render: Render, x: np.ndarray, y: np.ndarray, t: np.ndarray,
           gap: bool) -> None:
    """A mouth open on the upper teeth: the dark of the mouth, the teeth lifted out of it as a
    pale band under the upper lip (greyed toward the corners, where they turn away), and, for a
    gap-toothed grin, a dark notch between the front two."""
    opening = 0.036 * (1.0 - t * t) ** 0.7
    dark = np.vstack((np.column_stack((x * 0.9, y + 0.002)), np.column_stack((x[::-1] * 0.9, (y - opening)[::-1]))))
    _fill(painting, sitter, render, dark, (("sepia", 0.7), ("alizarin", 0.2)), soft=0.4, tolerance=0.05)
    band = np.abs(t) < 0.72
    tx, ty, depth = x[band] * 0.88, y[band], opening[band]
    teeth = np.vstack((np.column_stack((tx, ty + 0.002)), np.column_stack((tx[::-1], (ty - 0.7 * depth)[::-1]))))
    _fill(painting, sitter, render, teeth, (("yellow_ochre", 0.03), ("payne_grey", 0.03)), soft=0.35,
          tolerance=0.05, lift=0.97)
    if gap and sitter.frame.scale > 40:
        notch = np.array(((0.0, float(np.interp(0.0, x, y)) + 0.001), (0.0, float(np.interp(0.0, x, y)) - 0.011)))
        _line(painting, sitter, render, notch, "sepia", 0.006, 0.8, wobble=0.05, tolerance=0.05)


def _wrinkles(painting: Painting, sitter: Sitter, render: Render, look) -> None:
    b = sitter.build
    from game.art.head_paint import SKIN_LOOKS
    shadow = SKIN_LOOKS[look.skin]["shadow"][0][0]
    scale = sitter.frame.scale
    age = b.age + 8 * (b.cheeks < -0.5)
    years = float(np.clip((age - 32) / 36.0, 0.0, 1.0))
    smiling = b.expression == "smiling"
    # the folds from the nose's wings past the corners of the mouth
    fold = years * 0.5 + (0.35 if smiling else 0.0) + 0.15 * b.jowls
    if fold > 0.1:
        for side in (-1, 1):
            # (it ends at the corner of the mouth: run on below it, the marionette line's place, the
            # stroke read as a drip from the mouth once the features were painted crisp)
            curve = np.array(((side * 0.055, b.nose_base_y + 0.02), (side * 0.08, b.mouth_y + 0.03),
                              (side * (0.072 * b.mouth_width + 0.025), b.mouth_y - 0.007),
                              (side * (0.07 * b.mouth_width + 0.03), b.mouth_y - 0.02 - 0.007 * b.jowls)))
            curve = catmull_rom(curve, 5)
            _line(painting, sitter, render, curve, shadow, 0.01, min(0.6, 0.2 + 0.4 * fold), wobble=0.4, dry=0.2)
    if scale < 50:
        return
    if b.expression == "worried" or years > 0.55:
        # the forehead's creases as soft, shallow troughs in the skin's half-tone, thinning to
        # nothing at their ends (drawn as thin lines of burnt sienna, they read as handwriting)
        mixture = SKIN_LOOKS[look.skin]["half"]
        depth = 0.5 + 0.5 * years
        for k in range(2 + (years > 0.8)):
            y = 0.17 + 0.045 * k
            t = np.linspace(-1.0, 1.0, 11)
            bow = 0.012 if b.expression == "worried" else 0.004
            middle = y + bow * (1.0 - t * t)
            half = 0.0065 * np.sqrt(1.0 - t * t) + 0.0005
            band = np.vstack((np.column_stack((0.12 * t, middle + half)), np.column_stack((0.12 * t, middle - half))[::-1]))
            _fill(painting, sitter, render, band, mixture, soft=max(0.6, 0.012 * scale), scale=depth)
    if b.expression in ("stern", "worried") or years > 0.7:
        for side in (-1, 1):
            crease = np.array(((side * 0.02, 0.035), (side * 0.024, 0.1)))
            # (a pale line: at full strength the pair read as an orange scratch between the brows)
            _line(painting, sitter, render, crease, shadow, 0.006, 0.3 if b.expression == "stern" else 0.2,
                  wobble=0.3)
    if smiling or years > 0.6:
        for side in (-1, 1):
            for k in range(3):
                start = np.array((side * (b.eye_x + 0.055), -0.01 + 0.015 * (k - 1)))
                end = start + (side * 0.03, 0.012 * (k - 1))
                _line(painting, sitter, render, np.array((start, end)), shadow, 0.005, 0.3, wobble=0.2,
                      tolerance=0.05)




# -- hair -----------------------------------------------------------------------------------------

def hair_strokes(painting: Painting, sitter: Sitter, render: Render, stroke, px: float) -> None:
    """Strokes that say how the hair is combed, on the hair's own surface."""
    b = sitter.build
    pigment, strength = stroke
    if b.strokes == "none" or sitter.frame.scale < 25:
        return
    rng = np.random.default_rng(int(b.age * 7919 + len(b.strokes) * 104729))  # the comb's, not the brush's
    top = b.hair_top
    centre = np.array((0.0, 0.08 + 0.5 * top, -0.07))
    radii = np.array((0.355 * b.skull + b.hair_side, 0.42 + 0.5 * top, 0.44 + b.hair_side + 0.01))

    def on_cap(theta: np.ndarray, phi: np.ndarray) -> np.ndarray:
        """Points on the hair's shell: theta from the top toward the face (0 top, pi/2 front), phi round."""
        direction = np.column_stack((np.sin(theta) * np.sin(phi), np.cos(theta), np.sin(theta) * np.cos(phi)))
        return centre + direction * radii * 1.005

    count = {"fringe": 10, "thin": 8, "up": 18}.get(b.strokes, 14)
    width = 0.007 if b.strokes != "thin" else 0.005
    for k in range(count):
        u = (k + rng.uniform(0.2, 0.8)) / count
        if b.strokes == "fringe":  # short strokes back along the band over the ears
            side = -1 if k % 2 else 1
            theta = np.full(6, 1.25 + rng.uniform(-0.1, 0.1))
            phi = side * np.linspace(1.15, 2.1, 6) + rng.uniform(-0.1, 0.1)
        elif b.strokes == "up":
            phi = np.full(3, (u - 0.5) * 2.6)
            theta = np.linspace(0.95, 0.75, 3) - 0.3 * abs(u - 0.5)
        elif b.strokes in ("side", "tousled"):
            part = b.part_x if b.part_x else -0.1
            start_phi = np.arcsin(np.clip(part / radii[0], -0.9, 0.9))
            away = -np.sign(part) if part else 1.0
            phi = start_phi + away * np.linspace(0.0, 0.9 + 0.8 * u, 7)
            theta = np.linspace(0.35 + 0.6 * u, 0.7 + 0.55 * u, 7)
        else:  # back, wavy, thin: from the hairline over the crown
            phi = np.full(7, (u - 0.5) * 2.2) + (0.08 * np.sin(np.linspace(0, 6, 7)) if b.strokes == "wavy" else 0.0)
            theta = np.linspace(1.0, 0.15, 7)
        points = on_cap(theta, phi)
        pixels, visible = sitter.project(points, render, tolerance=0.06)
        for run in _runs(pixels, visible):
            # (a drier brush broke the strokes into specks, which read as grit on the hair)
            painting.dry_brush(run, pigment, width=max(0.6, width * sitter.frame.scale), strength=strength * 0.35,
                               dryness=0.3, wobble=0.5 * px)
    if b.part_x and b.strokes in ("side", "tousled"):  # the parting itself: a thin line of scalp
        theta = np.linspace(0.45, 0.1, 5)
        phi = np.full(5, np.arcsin(np.clip(b.part_x / radii[0], -0.9, 0.9)))
        pixels, visible = sitter.project(on_cap(theta, phi), render, tolerance=0.06)
        for run in _runs(pixels, visible):
            painting.ink(run, pigment, width=max(0.5, 0.006 * sitter.frame.scale), strength=strength * 0.6,
                         wobble=0.3 * px)


def forelock(painting: Painting, sitter: Sitter, render: Render, colours, px: float) -> None:
    """A forelock fallen across the forehead (Robert Kennedy's): a few strands from inside the
    front hairline, away from the parting and down over the brow, laid on the forehead's surface.

    The lock's solid barely stands off the forehead, so the light alone cannot show it; a painter
    states it as strokes: a loaded stroke of the hair's colour for the lock's body, then a few
    darker, thinner ones for its strands, tapering where they end on the skin.
    """
    b = sitter.build
    scale = sitter.frame.scale
    if b.forelock <= 0.0 or scale < 30 or abs(b.yaw) > 100:
        return
    away = -math.copysign(1.0, b.part_x) if b.part_x else 1.0
    centre = 0.35 * b.part_x
    drop = 0.08 + 0.04 * b.forelock
    light_pigment, light_strength = colours["light"][0]
    dark_pigment, dark_strength = colours["stroke"][0]
    for index in range(5):
        offset = (index - 2) * 0.03  # the strands fan out a little as they fall
        start = (centre + offset - away * 0.03, b.hairline_y + 0.05)
        middle = (centre + 1.2 * offset + away * 0.03, b.hairline_y - 0.4 * drop)
        end = (centre + 1.4 * offset + away * 0.07, b.hairline_y - drop * (1.0 - 0.12 * abs(index - 2)))
        curve = catmull_rom(np.array((start, middle, end)), 4)
        points = sitter.surface(curve)
        points[:, 2] += 0.012  # the hair lies on the skin (over the lock's own solid, which stands a little off it)
        pixels, visible = sitter.project(points, render, tolerance=0.1)
        for run in _runs(pixels, visible):
            if index % 2 == 0:
                painting.dry_brush(run, light_pigment, width=max(1.0, 0.04 * scale),
                                   strength=min(1.0, 1.6 * light_strength), dryness=0.1, wobble=0.4 * px)
            painting.dry_brush(run, dark_pigment, width=max(0.6, 0.009 * scale), strength=0.6 * dark_strength,
                               dryness=0.2, wobble=0.4 * px)


def hair_locks(painting: Painting, sitter: Sitter, render: Render, colours, lit: np.ndarray, px: float) -> None:
    """Locks across a large head of hair, the way it is combed: dark strokes where the mass turns
    from the light, a lifted streak along the crest of a lock where it turns toward it.

    The comb's shell (``hair_strokes``) says where strokes start on the solid; a portrait needs
    more than a few: here they follow a direction field on the sheet, away from the parting and
    down for a side parting, up and back for hair combed back, rippling for wavy hair, and stop at
    the hair's edge, so every lock lies on the hair and none strays onto the forehead.
    """
    b = sitter.build
    if b.strokes in ("none", "fringe") or sitter.frame.scale <= 100:
        return
    hair = render.material == HAIR
    if hair.sum() < 200:
        return
    pigment, strength = colours["stroke"][0]
    mass_pigment, mass_strength = colours["shadow"][0]
    rows, cols = np.nonzero(hair)
    rng = np.random.default_rng(int(b.age * 7919 + len(b.strokes) * 104729 + 17))  # the comb's, not the brush's
    scale = sitter.frame.scale
    parting = sitter.project(np.array([(b.part_x or 0.0, 0.45, 0.25)], dtype=np.float32))[0][0]
    centre = sitter.project(np.array([(0.0, 0.3, 0.0)], dtype=np.float32))[0][0]
    step = 0.022 * scale
    count = int(min(60, hair.sum() / (0.004 * scale * scale)))
    for k in range(count):
        index = int(rng.integers(len(rows)))
        point = np.array((cols[index] + render.x0 + 0.5, rows[index] + render.y0 + 0.5))
        path = [point.copy()]
        for _ in range(int(rng.integers(3, 7))):
            if b.strokes in ("side", "tousled") and b.part_x:
                away = math.copysign(1.0, point[0] - parting[0]) if abs(point[0] - parting[0]) > 1.0 else \
                    -math.copysign(1.0, b.part_x)
                drop = 0.15 + 0.6 * min(1.0, abs(point[0] - parting[0]) / (0.3 * scale))
                direction = np.array((away, drop))
            else:  # combed back: up from the hairline and out over the crown
                direction = np.array((0.5 * (point[0] - centre[0]) / (0.3 * scale), -1.0))
            if b.wave > 0.0:
                direction[0] += 0.6 * b.wave * math.sin(point[1] / (0.05 * scale))
            direction = direction / max(float(np.hypot(*direction)), 1e-6)
            point = point + direction * step
            c, r = int(point[0] - render.x0), int(point[1] - render.y0)
            if not (0 <= r < hair.shape[0] and 0 <= c < hair.shape[1]) or not hair[r, c]:
                break
            path.append(point.copy())
        if len(path) < 3:
            continue
        line = np.array(path)
        r0, c0 = rows[index], cols[index]
        if lit[r0, c0] > 0.55 and k % 2:
            # (a light lift: a stronger one left white streaks that read as grey hair)
            painting.scrub(line, width=max(1.0, 0.014 * scale), amount=0.22, dryness=0.15)
        elif k % 3:
            # most locks are the shadow between two locks, a broad stroke of the hair's own dark: in
            # the darkest pigment they read as ink scribbled on the hair
            painting.dry_brush(line, mass_pigment, width=max(1.0, 0.02 * scale), strength=min(1.0, 1.1 * mass_strength),
                               dryness=0.05, wobble=0.4 * px)
        else:
            # (a fuller brush than the comb's strokes: a lock is a line, not a scatter of specks)
            painting.dry_brush(line, pigment, width=max(0.8, 0.009 * scale), strength=strength * 0.55,
                               dryness=0.15, wobble=0.4 * px)


def beard_strokes(painting: Painting, render: Render, mask: np.ndarray, stroke, px: float) -> None:
    """Short downward strokes over a beard: its texture, denser in its shadow."""
    pigment, strength = stroke
    ys, xs = np.nonzero(mask > 0.6)
    if len(ys) < 10:
        return
    rng = np.random.default_rng(len(ys))
    count = min(120, len(ys) // 12)
    picks = rng.choice(len(ys), count, replace=False)
    length = 5.0 * px
    for index in picks:
        x, y = xs[index] + render.x0, ys[index] + render.y0
        lean = rng.uniform(-0.4, 0.4)
        painting.dry_brush(((x, y), (x + lean * length, y + length)), pigment, width=max(0.6, 1.1 * px),
                           strength=strength * 0.5, dryness=0.4, wobble=0.2)


# -- glasses --------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Frames:
    """A style of glasses: the ink of its frame and the size of its lenses, in head units.

    The lenses are as big as real ones are to a face (about 50 mm wide and 38 high, with eyes 63 mm
    apart): they reach from the bridge of the nose past the outer corner of the eye and from the
    top of the cheek up under the brow, so the frame lies on skin around the eye. Lenses no larger
    than the eye put the frame on the lids, where with the lashes it drew one dark bar: goggles,
    or a blindfold.
    """

    pigment: str
    strength: float
    rim: float
    half_width: float
    half_height: float


GLASSES = {
    "rimless": Frames("payne_grey", 0.8, 0.006, 0.106, 0.064),  # metal bridge and arms; the lens's edge in touches
    "clear_frames": Frames("sepia", 0.65, 0.007, 0.108, 0.068),
    "dark_frames": Frames("lamp_black", 0.8, 0.009, 0.11, 0.07),
}
# the lens's middle: a little below the eye's (the eye looks through its upper half) and a little
# out from it (a lens's inner edge is by the nose, its outer edge well past the eye's outer corner)
LENS_Y, LENS_OUT = -0.012, 0.015


def glasses(painting: Painting, sitter: Sitter, render: Render, style: str) -> None:
    """Lenses before the eyes, a bridge over the nose at the lenses' tops, arms from their top
    outer corners back to the ears: turned with the head.

    The bridge and the arms sit as high as the top of the lens, as they do on a face, never across
    the middle of the eyes: there, seen from the front, they ran in one line through both pupils.
    """
    b = sitter.build
    frames = GLASSES[style]
    pigment, strength = frames.pigment, frames.strength
    rx, ry = frames.half_width, frames.half_height
    scale = sitter.frame.scale
    z_lens = 0.43 + 0.01 * b.brow_ridge
    angles = np.linspace(math.pi, 3 * math.pi, 28, endpoint=False)
    c, s = np.cos(angles), np.sin(angles)
    top_y = LENS_Y + 0.82 * ry  # where the bridge and the arms meet the lens
    for side in (-1, 1):
        cx = side * (b.eye_x + LENS_OUT)
        x = cx + rx * np.sign(c) * np.abs(c) ** 0.65
        y = LENS_Y + ry * np.sign(s) * np.abs(s) ** 0.65
        rim = np.column_stack((x, y, _lens_z(z_lens, x - cx, side)))
        pixels, visible = sitter.project(rim, render, tolerance=0.01)
        if visible.mean() > 0.3:
            mask_box = pixels.min(axis=0).astype(int) - 2, pixels.max(axis=0).astype(int) + 3
            lens = polygon_mask([pixels], mask_box[0][0], mask_box[0][1], mask_box[1][0], mask_box[1][1])
            painting.lay(soften(lens, 0.6), "cerulean", 0.025, at=tuple(mask_box[0]), wobble=0.3, edge=0.2)
        closed = np.vstack((pixels, pixels[:1]))
        shown = np.concatenate((visible, visible[:1]))
        edge_strength = strength
        if style == "rimless":
            # a lens without a frame shows only where its edge catches the light or the shadow: a
            # thin, broken line along the bottom and the outer side, nothing across the brow
            caught = (s < -0.15) | (c * side > 0.55)
            shown = shown & np.concatenate((caught, caught[:1]))
            edge_strength = 0.45 * strength
        for run in _runs(closed, shown):
            painting.ink(run, pigment, width=max(0.6, frames.rim * scale), strength=edge_strength, wobble=0.15)
        if style == "dark_frames":  # the heavier bar along the top of a horn-rim
            top = rim[(s < 0.1)]
            pixels, visible = sitter.project(top, render, tolerance=0.01)
            for run in _runs(pixels, visible):
                painting.ink(run, pigment, width=max(0.7, 1.3 * frames.rim * scale), strength=strength, wobble=0.15)
        # the arm, from the lens's top outer corner back to the ear
        corner_x = cx + side * 0.92 * rx
        arm = np.array(((corner_x, top_y, _lens_z(z_lens, corner_x - cx, side)),
                        (side * 0.3 * b.skull, top_y, 0.2), (side * 0.355 * b.skull, top_y - 0.005, 0.0)))
        pixels, visible = sitter.project(_resample(arm, 8), render, tolerance=0.02)
        for run in _runs(pixels, visible):
            painting.ink(run, pigment, width=max(0.5, 0.8 * frames.rim * scale), strength=strength * 0.9, wobble=0.15)
        # a glint across the upper lens, on the lamp's side (the viewer's left)
        glint = np.array(((cx - 0.55 * rx, LENS_Y + 0.35 * ry, z_lens + 0.005),
                          (cx - 0.25 * rx, LENS_Y + 0.6 * ry, z_lens + 0.005)))
        pixels, visible = sitter.project(glint, render, tolerance=0.02)
        if visible.all():
            painting.ink(pixels, "naples_yellow", width=max(0.5, 0.006 * scale), strength=0.3, wobble=0.1)
    inner_x = b.eye_x + LENS_OUT - 0.92 * rx
    bridge = np.array(((-inner_x, top_y, z_lens), (0.0, top_y + 0.01, z_lens + 0.02), (inner_x, top_y, z_lens)))
    pixels, visible = sitter.project(_resample(bridge, 6), render, tolerance=0.01)
    for run in _runs(pixels, visible):
        painting.ink(run, pigment, width=max(0.6, frames.rim * scale), strength=strength, wobble=0.15)


def _lens_z(z_lens: float, dx: np.ndarray | float, side: int) -> np.ndarray | float:
    """How far forward a lens stands at ``dx`` from its middle (a number or an array): it bends
    back toward the temple."""
    return z_lens - 0.125 * dx * side - 0.15 * np.abs(dx)


def _resample(points: np.ndarray, count: int) -> np.ndarray:
    t = np.linspace(0.0, 1.0, len(points))
    u = np.linspace(0.0, 1.0, count)
    return np.column_stack([np.interp(u, t, points[:, k]) for k in range(points.shape[1])])
