"""A head painted as a watercolorist paints one: light first, dark last, the planes in two or three values.

The solid (``game.art.head``) says which way every bit of the face turns to the light. A painter
does not copy that gradient; they simplify it into a few values laid one over the other:

1. The first wash, on damp paper, over all the skin except the reserved highlights (the brow,
   the bridge of the nose, the top of the cheekbone): a pale flesh mixture, with warmer colour
   dropped into the cheeks, nose and ears and, on a man, a cool grey-green into the shaved jaw
   while it is still wet, so they melt in without edges. The hair's first wash touches it while
   both are wet, which softens the hairline as it is in life.
2. When that is dry, the half-tone: one glaze over every plane turned from the light, graded so
   it deepens toward the terminator, soft where the form turns slowly (a cheek) and firmer where
   it breaks (the jaw); the front of the chin kept in the light the shirt throws back up.
3. The shadow: a darker, cooler glaze laid wet-on-dry, so it dries with the hard, darkened edge
   of a real wash where the form breaks (the edge softened where it rounds off): the shadow side
   of the face, the eye sockets, under the jaw, kept a little lighter near the outline where
   light bounces back into it.
4. The darks last: the hollows (nostrils, the corners of the mouth, the ear's opening), the nose
   stated on its own (its shadow side, its base, its cast shadow, the light on its bridge), the
   hair's shadow and its strokes, then the eyes, brows and mouth line (``game.art.face_features``).

Everything is laid with ``Painting.lay`` from fields over the head's box, so edges wobble and dry
as washes do, and the paper's tooth shows through.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.art import face_features
from game.art.head import (BEARD, CAP, CAP_BAND, CIGAR, CIGAR_RADIUS, HAIR, LIP, MOUSTACHE, NECK_TOP, PEAK, SKIN, Render,
                           Sitter, cheek_hollow, cigar_ends)
from game.art.watercolor import Painting, soften

Glaze = tuple[str, float]

# Per skin tone: the first wash, the warm accents dropped into it, the half-tone and the shadow.
# Light skin after the painters' usual yellow ochre and rose madder, shadows of burnt sienna
# cooled with ultramarine (which granulates, as it does on paper). The amounts were fitted, by
# the palette's Kubelka-Munk mixing, to target colours for each tone and for its half-tone and
# shadow (the light side about 0.8 and the shadow about 0.55 of the light, the shadow cooler).
SKIN_LOOKS: dict[str, dict[str, tuple[Glaze, ...]]] = {
    "light": {"base": (("yellow_ochre", 0.07), ("rose", 0.16), ("burnt_sienna", 0.04)),
              "warm": (("rose", 0.1), ("vermilion", 0.02)),
              "half": (("burnt_sienna", 0.1), ("rose", 0.02), ("ultramarine", 0.06)),
              "shadow": (("burnt_sienna", 0.1), ("ultramarine", 0.16), ("alizarin", 0.02))},
    # a pale, indoor face: less colour in the first wash, the shadows cooler
    "pale": {"base": (("yellow_ochre", 0.05), ("rose", 0.1), ("burnt_sienna", 0.015)),
             "warm": (("rose", 0.07),),
             "half": (("burnt_sienna", 0.07), ("rose", 0.015), ("ultramarine", 0.07)),
             "shadow": (("burnt_sienna", 0.08), ("ultramarine", 0.17), ("alizarin", 0.02))},
    # sallow: yellow-grey, little blood in it (raw umber and ochre; greenish half-tones)
    "sallow": {"base": (("yellow_ochre", 0.085), ("raw_umber", 0.045), ("rose", 0.075)),
               "warm": (("rose", 0.04), ("burnt_sienna", 0.03)),
               "half": (("raw_umber", 0.08), ("burnt_sienna", 0.03), ("ultramarine", 0.05), ("terre_verte", 0.02)),
               "shadow": (("burnt_umber", 0.1), ("ultramarine", 0.15), ("alizarin", 0.015))},
    "pink": {"base": (("yellow_ochre", 0.06), ("rose", 0.26), ("burnt_sienna", 0.01)),
             "warm": (("rose", 0.12), ("alizarin", 0.02)),
             "half": (("burnt_sienna", 0.1), ("rose", 0.02), ("ultramarine", 0.06)),
             "shadow": (("burnt_sienna", 0.1), ("ultramarine", 0.16), ("alizarin", 0.02))},
    "ruddy": {"base": (("yellow_ochre", 0.07), ("rose", 0.32), ("burnt_sienna", 0.04)),
              "warm": (("alizarin", 0.05), ("vermilion", 0.05)),
              "half": (("burnt_sienna", 0.1), ("rose", 0.04), ("ultramarine", 0.06)),
              "shadow": (("burnt_sienna", 0.12), ("ultramarine", 0.16))},
    "light_tan": {"base": (("yellow_ochre", 0.07), ("rose", 0.11), ("burnt_sienna", 0.13)),
                  "warm": (("vermilion", 0.03), ("rose", 0.07)),
                  "half": (("burnt_sienna", 0.1), ("rose", 0.02), ("ultramarine", 0.06)),
                  "shadow": (("burnt_sienna", 0.1), ("ultramarine", 0.16), ("alizarin", 0.02))},
    "olive": {"base": (("yellow_ochre", 0.06), ("raw_umber", 0.06), ("burnt_sienna", 0.17)),
              "warm": (("burnt_sienna", 0.06), ("rose", 0.05)),
              "half": (("burnt_sienna", 0.1), ("rose", 0.04), ("ultramarine", 0.06)),
              "shadow": (("burnt_sienna", 0.12), ("ultramarine", 0.16))},
    "tan": {"base": (("raw_sienna", 0.12), ("burnt_sienna", 0.26), ("rose", 0.03)),
            "warm": (("burnt_sienna", 0.08), ("rose", 0.05)),
            "half": (("burnt_sienna", 0.1), ("rose", 0.04), ("ultramarine", 0.06)),
            "shadow": (("burnt_sienna", 0.12), ("ultramarine", 0.16))},
    "brown": {"base": (("raw_sienna", 0.03), ("burnt_sienna", 0.21), ("burnt_umber", 0.3)),
              "warm": (("burnt_sienna", 0.1), ("alizarin", 0.03)),
              "half": (("burnt_sienna", 0.12), ("ultramarine", 0.06)),
              "shadow": (("burnt_sienna", 0.1), ("ultramarine", 0.18), ("alizarin", 0.02))},
    # a face on a black-and-white television screen
    "mono": {"base": (("payne_grey", 0.12), ("sepia", 0.03)), "warm": (("payne_grey", 0.03),),
             "half": (("payne_grey", 0.14),), "shadow": (("payne_grey", 0.3), ("indigo", 0.06))},
    "dark": {"base": (("burnt_umber", 0.7), ("burnt_sienna", 0.08)),
             "warm": (("burnt_sienna", 0.1), ("alizarin", 0.04)),
             "half": (("burnt_sienna", 0.14), ("ultramarine", 0.06)),
             "shadow": (("burnt_sienna", 0.16), ("ultramarine", 0.2))},
}

# The warm charged into the core of a face's shadow, just past the terminator.
CORE_WARMTH: dict[str, tuple[Glaze, ...]] = {
    "light": (("burnt_sienna", 0.12), ("alizarin", 0.05)),
    "mono": (("payne_grey", 0.12),),
    "dark": (("burnt_sienna", 0.16), ("alizarin", 0.06)),
}

# Hair: the first (light) wash, the shadow mass, and the pigment of strokes and brows.
HAIR_LOOKS: dict[str, dict[str, tuple[Glaze, ...]]] = {
    "dark": {"light": (("burnt_umber", 0.6), ("ultramarine", 0.15), ("sepia", 0.2)),
             "shadow": (("sepia", 0.55), ("indigo", 0.3)),
             "stroke": (("lamp_black", 0.7),)},
    "brown": {"light": (("burnt_umber", 0.55), ("burnt_sienna", 0.2)),
              "shadow": (("burnt_umber", 0.45), ("ultramarine", 0.15)), "stroke": (("sepia", 0.75),)},
    "sandy": {"light": (("raw_sienna", 0.22), ("raw_umber", 0.22), ("yellow_ochre", 0.08)),
              "shadow": (("burnt_sienna", 0.25), ("raw_umber", 0.2)), "stroke": (("burnt_umber", 0.55),)},
    "auburn": {"light": (("burnt_sienna", 0.38), ("raw_sienna", 0.12)),
               "shadow": (("burnt_sienna", 0.3), ("burnt_umber", 0.25)), "stroke": (("burnt_umber", 0.65),)},
    "grey": {"light": (("payne_grey", 0.14), ("raw_umber", 0.04)),
             "shadow": (("payne_grey", 0.32), ("burnt_umber", 0.06)), "stroke": (("payne_grey", 0.6),)},
    "mono": {"light": (("payne_grey", 0.5),), "shadow": (("payne_grey", 0.5), ("indigo", 0.2)),
             "stroke": (("lamp_black", 0.6),)},
    "white": {"light": (("payne_grey", 0.05), ("yellow_ochre", 0.02)),
              "shadow": (("payne_grey", 0.18), ("ultramarine", 0.04)), "stroke": (("payne_grey", 0.4),)},
}


@dataclass(frozen=True, slots=True)
class Look:
    """What the head is painted in: skin and hair colours, the cap's cloth, whether to shade a beard."""

    skin: str
    hair: str
    cap_cloth: tuple[Glaze, ...] = (("olive", 0.5), ("sap_green", 0.2))
    cap_band: tuple[Glaze, ...] = (("payne_grey", 0.45),)
    shaved: bool = True       # the blue-grey of a shaved jaw
    lipstick: bool = False
    detail: float = 1.0       # 1 for a portrait; less for a small head in a scene (fewer, broader marks)


def _smoothstep(low: float, high: float, values: np.ndarray) -> np.ndarray:
    t = np.clip((values - low) / (high - low), 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


# A face is painted with a fuller brush and more care than a sky: its washes flow evenly (the
# mottle of a big wash would shift the whole face's tone from one painting to the next) and
# granulate less, so the same sitter looks the same whichever seed moves the brush.
FACE_FLOW = 0.04
# How much lighter the planes past the terminator that face the viewer are kept (the half-tone and
# the shadow shape there): the room's light from the painter's side, a luminous shadow. (0.4 on a
# 256 px sheet; on the portraits' larger sheet the washes' edges are firmer and let less of the
# light side into the shadow, and the broad cheek went back toward a dark mask.)
FACING_FILL = 0.6
FACE_GRAIN = 0.45


def _glazes(painting: Painting, field: np.ndarray, at: tuple[int, int], glazes, scale: float = 1.0,
            **style) -> None:
    """A mixture laid as one wash over ``field``."""
    style.setdefault("flow", FACE_FLOW)
    style["granulation"] = style.get("granulation", 0.4) * FACE_GRAIN
    painting.lay(field, glazes, scale, at=at, **style)


def paint_head(painting: Painting, sitter: Sitter, look: Look, box: tuple[int, int, int, int],
               render: Render | None = None) -> Render:
    """Paint the sitter's head and neck into ``box`` of the sheet; returns the render for later marks.

    ``render`` is the sitter already ray-cast over ``box``, when the caller needed it first (to
    paint the background around the silhouette).
    """
    render = render if render is not None else sitter.render(box)
    if not render.hit.any():
        return render
    at = (render.x0, render.y0)
    px = sitter.frame.scale / 140.0  # brush sizes are chosen for a head 140 px from chin to crown
    material = render.material
    skin = np.isin(material, (SKIN, LIP)).astype(np.float32)
    skin = soften(skin, 0.5)  # the ray grid's steps, smoothed to a brush's edge
    hair = soften((material == HAIR).astype(np.float32), 0.6)
    wobble = 1.2 * px
    # the light looked at with half-closed eyes: the solid's small bumps are not planes. Every
    # wash that follows the light (the skin's values, the hair's sheen and shadow, a beard's) reads
    # this one field, worked out once per head.
    squint = soften(render.lit, 2.4 * px)

    # a bald man's fringe is cropped hair over the scalp, which shows through it: the skin's washes
    # go under it as well (kept off it, a white fringe stood out whiter than the skin, a bandage)
    flesh = np.maximum(skin, SCALP_UNDER_FRINGE * hair) if render.build.fringe_only else skin
    _first_skin_wash(painting, render, look, flesh, hair, at, px, squint)
    _half_tones(painting, render, look, flesh, at, wobble, squint)
    _hair(painting, sitter, render, look, at, px, squint)
    _facial_hair(painting, render, look, at, px, squint)
    _cap(painting, render, look, at, px)
    _cigar(painting, render, at, px)
    _accents(painting, render, look, skin, at, wobble)
    if look.detail >= 1.0:  # in a head of a scene the broad planes already are the form
        _form_accents(painting, render, look, skin, at, wobble)
        _nose(painting, render, look, skin, at, wobble)
    face_features.paint(painting, sitter, render, look)
    _found_edges(painting, render, look, at, px)
    return render


def _first_skin_wash(painting: Painting, render: Render, look: Look, skin: np.ndarray, hair: np.ndarray,
                     at: tuple[int, int], px: float, squint: np.ndarray) -> None:
    colours = SKIN_LOOKS[look.skin]
    position = render.position
    lit = render.lit
    # reserved whites: the planes squarely in the light keep the paper
    # (small: the brow's corner, the bridge of the nose, the top of the cheekbone)
    # (a small head in a scene keeps less: at a scene's size the forehead squarely under a lamp
    # above was a patch of bare paper, a bald spot under the hair)
    highlight = _smoothstep(0.86, 0.97, lit) * _smoothstep(0.5, 0.8, render.facing) * skin * 0.85 * look.detail ** 2
    highlight = soften(highlight, 0.8 * px)
    damp = soften(np.maximum(skin, hair), 2.0 * px)
    wet_field = np.zeros((painting.height, painting.width), dtype=np.float32)
    _paste(wet_field, damp, at)
    painting.wet(wet_field)
    reserve = np.zeros_like(wet_field)
    _paste(reserve, highlight, at)
    # the first wash already darkens a little where the form turns away: a painter loads the brush
    # more there while the wash is wet
    turning = 0.95 + 0.35 * _smoothstep(0.75, 0.25, lit)
    _glazes(painting, skin * turning, at, colours["base"], scale=1.45, wobble=1.2 * px, edge=0.25, bleed=0.8 * px,
            granulation=0.3, reserve=reserve)
    # charges of colour into the wet wash: warm cheeks, nose and ears; the cool of a shaved jaw
    b = render.build
    x, y, z = position[..., 0], position[..., 1], position[..., 2]
    cheeks = 0.6 * np.exp(-(((np.abs(x) - 0.2) / 0.09) ** 2 + ((y + 0.13) / 0.09) ** 2)) * (z > 0.1)
    nose = np.exp(-((x / 0.05) ** 2 + ((y - b.nose_base_y - 0.03) / 0.05) ** 2)) * (z > 0.3)
    ears = ((np.abs(x) > 0.31 * b.skull) & (z < 0.1) & (y > -0.13) & (y < 0.1)).astype(np.float32)
    warm = np.clip(cheeks + 0.8 * nose + 0.7 * ears, 0.0, 1.0) * skin
    _glazes(painting, soften(warm, 2.0 * px), at, colours["warm"], 1.4, wobble=2.0 * px, edge=0.0, bleed=1.5 * px)
    if look.shaved:  # a hint of cool only: stronger, the whole lower face went grey-brown and read as a stubble
        jaw = _smoothstep(b.nose_base_y - 0.02, b.nose_base_y - 0.09, y) * (np.abs(x) < 0.3 * b.jaw) * (z > -0.02)
        jaw = jaw * (1.0 - (render.material == LIP)) * skin
        strength = 0.2 if look.hair in ("dark", "brown") else 0.12
        _glazes(painting, soften(jaw, 2.5 * px), at, (("terre_verte", 0.08), ("ultramarine", 0.015)), strength,
                wobble=2.0 * px, edge=0.0, bleed=1.5 * px)
    lips = soften((render.material == LIP).astype(np.float32), 0.7 * px)
    lip_colour = (("alizarin", 0.32), ("vermilion", 0.12)) if look.lipstick else (("rose", 0.16), ("alizarin", 0.05))
    _glazes(painting, lips, at, lip_colour, wobble=0.6 * px, edge=0.2, bleed=0.6 * px)
    # the hair's first wash, its edge softened where it meets the forehead
    hair_colours = HAIR_LOOKS[look.hair]
    painting.dry()
    # the light on the hair's mass is left paler: a broad sheen where it turns to the lamp
    sheen = _smoothstep(0.5, 0.85, squint) * hair * (0.3 if look.hair in ("dark", "brown") else 0.35)
    _glazes(painting, np.clip(hair - sheen, 0.0, 1.0), at, hair_colours["light"], _mass(render).wash,
            wobble=1.8 * px, edge=0.25, bleed=1.8 * px, granulation=0.35)


@dataclass(frozen=True, slots=True)
class HairMass:
    """How a head's hair is laid: the first wash's strength, its darks' and its edge's softness (px)."""

    wash: float
    darks: float
    edge: float


FULL_HEAD = HairMass(wash=1.0, darks=1.0, edge=0.6)
# a bald man's fringe, cropped close: hair over skin, the scalp showing through, its edge melted
# (painted as a full head's mass, it was a dark patch behind the ear)
CROPPED_FRINGE = HairMass(wash=0.7, darks=0.5, edge=1.4)
SCALP_UNDER_FRINGE = 0.8  # how much of the skin's washes go under a cropped fringe


def _mass(render: Render) -> HairMass:
    return CROPPED_FRINGE if render.build.fringe_only else FULL_HEAD


def _half_tones(painting: Painting, render: Render, look: Look, skin: np.ndarray, at, wobble: float,
                squint: np.ndarray) -> None:
    """The planes turned from the light: one shadow shape, then a half-tone and the core inside it.

    A painter looks with half-closed eyes and sees the head as a light shape and a shadow shape.
    The light is looked at blurred over a few brush widths (the solid's small bumps are not
    planes), and everything past the terminator goes into one shadow shape, laid wet-on-dry so
    it dries with a firm edge where the form breaks (the far side of the face, under the brow,
    the nose's shadow, under the jaw) and softened where it rounds off. Before it, the half-tone
    on damp paper, graded: it deepens steadily from the lit planes to the terminator, so the
    form turns in the half-tone and the shadow shape is a light glaze over it, not a flat block
    down half the face. After it, the core of the shadow just past the turn, lighter again
    toward the outline where the room's light bounces back, so the far cheek is a turning form
    and not a dark mask.
    """
    colours = SKIN_LOOKS[look.skin]
    lit = squint
    facing = render.facing
    bounce = _smoothstep(0.4, 0.06, facing)
    half_at, shadow_at = _value_breaks(lit, skin)
    # the half-tone: planes turning from the lamp (a band round the half-tone's value, and a graded
    # wash that deepens toward the terminator), and the side planes of the face turning from the viewer
    graded = _smoothstep(0.95, shadow_at, lit)
    half = np.maximum(_smoothstep(half_at + 0.12, half_at - 0.12, lit), graded * graded * 0.9) * skin
    # the hollows the room's light reaches less (the sockets, the sides of the nose, the corners of
    # the mouth, under the lower lip): a half-tone even on the lit side, so the face keeps its form
    enclosed = _smoothstep(0.85, 0.55, soften(render.occlusion, 1.0 * wobble)) * skin
    half = np.maximum(half, 0.75 * enclosed)
    turning = _smoothstep(0.55, 0.2, soften(facing, 1.5 * wobble)) * skin
    half = np.maximum(half, 0.6 * turning)
    # the white collar and shirt throw light back up into the front of the chin: a painter keeps
    # it in the half-tone there, or the lower face goes dark from the mouth to the jaw, a beard
    fill = _chin_fill(render)
    half = half * (1.0 - 0.45 * fill)
    # past the terminator, the planes that face the viewer take the room's light from his side
    toward_viewer = _smoothstep(0.6, 0.92, facing)
    half = half * (1.0 - FACING_FILL * toward_viewer * _smoothstep(half_at, shadow_at, lit))
    wet = np.zeros((painting.height, painting.width), dtype=np.float32)
    _paste(wet, soften(half, 3.0 * wobble) * 0.7, at)
    painting.wet(wet)
    _glazes(painting, half * (1.0 - 0.3 * bounce), at, colours["half"], scale=1.1, wobble=wobble, edge=0.0,
            bleed=1.6, granulation=0.3)
    painting.dry()
    # the shadow shape, one light wash (the graded half-tone under it already turns the form), its
    # edge found or lost as the form breaks or rounds, charged darker at its core just past the
    # turn and lighter toward the outline, where the room's light bounces back into it
    neck = _smoothstep(render.build.chin_y + 0.02, render.build.chin_y - 0.06, render.position[..., 1])
    shadow = _smoothstep(shadow_at + 0.045, shadow_at - 0.045, lit) * skin
    # (the neck below the jaw is stated by its own glazes after this, lighter than a face's shadow)
    shadow = shadow * (1.0 - 0.7 * _philtrum(render)) * (1.0 - 0.75 * neck) * (1.0 - 0.12 * bounce) * (1.0 - 0.6 * fill)
    # the nose's flank is stated by the nose's own glazes (``_nose``), lighter than the face's
    # shadow: charged with the core as well, it read as a dark wedge beside the nose
    flank = _nose_zone(render)
    shadow = shadow * (1.0 - 0.5 * flank)
    # (on a face turned toward the lamp, the broad cheek facing us was one dark mask)
    shadow = shadow * (1.0 - FACING_FILL * toward_viewer)
    core = _smoothstep(shadow_at - 0.02, shadow_at - 0.16, lit) * skin * (1.0 - 0.85 * bounce) * (1.0 - 0.9 * neck)
    core = core * (1.0 - flank)
    shadow = _lost_and_found(shadow, render, wobble)
    _glazes(painting, np.clip(0.5 * shadow + 0.25 * soften(core, 1.6 * wobble), 0.0, 1.0), at, colours["shadow"],
            scale=1.3, wobble=wobble, edge=0.45, bleed=0.5, granulation=0.45)
    # the core's warmth: just past the turn, light scattered in the flesh comes back out red, so a
    # painter charges the core with a warm (a cool grey there made a pale face a plaster cast)
    _glazes(painting, soften(core, 2.0 * wobble), at, CORE_WARMTH.get(look.skin, CORE_WARMTH["light"]),
            scale=1.0, wobble=wobble, edge=0.1, bleed=1.2, granulation=0.2)
    # the neck stands back in the jaw's shadow: darkest right under the jaw, where it draws the
    # jaw line, and fading down to the collar. Without it a head sits on its neck like a balloon.
    throat = _neck(render) * skin
    if throat.any():
        y = render.position[..., 1]
        under = _smoothstep(render.build.chin_y - 0.12, render.build.chin_y - 0.01, y)
        depth = 1.0 if look.detail >= 1.0 else 0.75  # a small head in a room: the room's light fills it
        # (both laid soft: a hard, dried rim down the neck drew a ragged patch there, a beard's shadow)
        _glazes(painting, soften(throat, 1.2 * wobble), at, colours["half"], scale=0.75 * depth, wobble=wobble,
                edge=0.05, bleed=1.4, granulation=0.3)
        _glazes(painting, soften(throat * under * under, 1.2 * wobble), at, colours["shadow"], scale=1.2 * depth,
                wobble=wobble, edge=0.35, bleed=0.8, granulation=0.4)


def _lost_and_found(shadow: np.ndarray, render: Render, wobble: float) -> np.ndarray:
    """The shadow shape's edge kept firm where the form breaks and softened where it turns slowly.

    A painter lays the shadow wet-on-dry, then runs a damp brush along its edge wherever the
    plane rounds off gently (the forehead, the cheek, the temple), so the edge is lost there and
    found only where the surface turns sharply (the side of the nose, the brow's underside, the
    jaw). How sharply it turns is read from how fast the light changes across the head, per head
    unit, so the same face is softened alike at every size.
    """
    per_unit = render.frame.scale
    rows, cols = np.gradient(soften(render.lit, 0.6 * wobble))
    turn = np.hypot(rows, cols) * per_unit
    found = soften(_smoothstep(4.0, 9.0, turn), 1.5 * wobble)
    lost = soften(shadow, 4.0 * wobble)
    return found * shadow + (1.0 - found) * np.maximum(lost, 0.55 * shadow)


def _value_breaks(lit: np.ndarray, skin: np.ndarray) -> tuple[float, float]:
    """Where the half-tone and the shadow shape begin on this face.

    The terminator is the lamp's (where the form turns past about 70 degrees from it), so a
    face turned into the light keeps a small shadow shape and one turned away a large one; it
    is only moved, within limits, so that every face has some shadow to model it and none is
    more than half in shadow.
    """
    values = lit[skin > 0.5]
    if values.size < 16:
        return 0.5, 0.3
    low, high = np.quantile(values, (0.12, 0.45))
    shadow_at = float(np.clip(0.3, low, high))
    return max(shadow_at + 0.2, float(np.quantile(values, 0.5))), shadow_at


def _chin_fill(render: Render) -> np.ndarray:
    """How much light the shirt front throws back onto the chin: the front of the face from under
    the lower lip to the chin's edge, on the planes that face the viewer."""
    b = render.build
    y = render.position[..., 1]
    below_lip = _smoothstep(b.mouth_y - 0.03, b.mouth_y - 0.07, y) * _smoothstep(b.chin_y - 0.02, b.chin_y + 0.03, y)
    return below_lip * _smoothstep(0.35, 0.6, render.facing) * (render.position[..., 2] > 0.05)


def _neck(render: Render) -> np.ndarray:
    """The neck's skin: below the jaw, within the column of the neck (the chin's underside and the
    angle of the jaw stand outside it)."""
    b = render.build
    x, y, z = render.position[..., 0], render.position[..., 1], render.position[..., 2]
    radius = 0.26 * b.neck + 0.12  # the throat and the underside of the jaw, not the ears
    # the jaw's lower edge runs from its angle under the ear down and forward to the chin
    _, angle_y, angle_z = b.jaw_angle
    along = np.clip((z - angle_z) / (0.22 - angle_z), 0.0, 1.0)
    jaw_line = angle_y + (b.chin_y - angle_y) * along
    return ((y < jaw_line - 0.01) & (np.hypot(x, z - NECK_TOP[2]) < radius)).astype(np.float32)


# Half the nose's width across its wings (head units, for a nose of width 1), as its glazes find it.
NOSE_HALF_WIDTH = 0.055


def _nose_zone(render: Render) -> np.ndarray:
    """The nose, from the bridge between the eyes to its base, and its flanks (soft-edged)."""
    b = render.build
    x, y, z = render.position[..., 0], render.position[..., 1], render.position[..., 2]
    width = NOSE_HALF_WIDTH * b.nose_width
    return _smoothstep(width + 0.02, width - 0.01, np.abs(x)) * _smoothstep(b.nose_base_y - 0.01, b.nose_base_y + 0.01, y) \
        * _smoothstep(0.05, 0.02, y) * _smoothstep(0.3, 0.36, z)


def _philtrum(render: Render) -> np.ndarray:
    """The skin between the nose and the upper lip: the nose's shadow falls there, but a painter keeps it
    a warm half-tone, or the face grows a moustache it does not have."""
    b = render.build
    x, y = render.position[..., 0], render.position[..., 1]
    between = _smoothstep(b.nose_base_y + 0.01, b.nose_base_y - 0.01, y) * _smoothstep(b.mouth_y - 0.005, b.mouth_y + 0.02, y)
    return between * _smoothstep(0.09, 0.05, np.abs(x)) * (render.position[..., 2] > 0.2)


def _accents(painting: Painting, render: Render, look: Look, skin: np.ndarray, at, wobble: float) -> None:
    """The hollows, darkest of the skin: laid last, small (the corners of the mouth, the ear's bowl)."""
    colours = SKIN_LOOKS[look.skin]
    hollow = _smoothstep(0.5, 0.3, render.occlusion) * _smoothstep(0.35, 0.1, render.lit) * skin
    hollow = hollow * (1.0 - _philtrum(render))
    _glazes(painting, soften(hollow, wobble), at, colours["shadow"], scale=0.6, wobble=0.5 * wobble, edge=0.4,
            bleed=0.8)


def _form_accents(painting: Painting, render: Render, look: Look, skin: np.ndarray, at, wobble: float) -> None:
    """The few places where the form turns under, stated with a small brush after the planes: the
    shadow under the nose, the groove under the lower lip, the temple's turn, the underside of the
    cheekbone on the shadow side. They are found on the solid, where the surface faces down or
    sideways away from the light, inside the face and away from its outline (a lost edge stays lost).
    """
    colours = SKIN_LOOKS[look.skin]
    b = render.build
    x, y, z = render.position[..., 0], render.position[..., 1], render.position[..., 2]
    inside = _smoothstep(0.25, 0.55, render.facing) * skin
    dim = _smoothstep(0.75, 0.35, soften(render.lit, 0.5 * wobble))
    # under the nose: the base of the nose and the shadow it drops on the lip
    under_nose = _band(y, b.nose_base_y - 0.005, 0.02) * _smoothstep(0.06, 0.02, np.abs(x)) * (z > 0.3)
    # under the lower lip: the little shelf above the chin
    under_lip = _band(y, b.mouth_y - 0.045, 0.014) * _smoothstep(0.07, 0.03, np.abs(x)) * (z > 0.25)
    # the temple's turn and the hollow under the cheekbone: where the side plane begins
    side = _smoothstep(0.2, 0.27, np.abs(x)) * _smoothstep(-0.32, -0.12, y) * _smoothstep(0.12, 0.0, y)
    accent = np.maximum(np.maximum(under_nose * 0.9, under_lip * 0.8), side * dim * 0.6) * inside
    # the ear: its bowl in shadow inside the rim, and the groove where it meets the head
    ear = ((np.abs(x) > 0.31 * b.skull) & (z < 0.06) & (z > -0.16) & (y > -0.12) & (y < 0.09)).astype(np.float32)
    bowl = ear * _smoothstep(0.9, 0.55, render.occlusion) * skin
    accent = np.maximum(accent, bowl * 0.9)
    _glazes(painting, soften(accent, 0.8 * wobble), at, colours["shadow"], scale=0.8, wobble=0.4 * wobble,
            edge=0.3, bleed=0.6, granulation=0.3)
    if b.cheeks < 0.0:
        _hollow_cheeks(painting, render, look, inside, at, wobble)


# How deep the hollow under a lean face's cheekbones is stated, as a share of the half-tone's glaze.
HOLLOW_CHEEK = 1.2


def _hollow_cheeks(painting: Painting, render: Render, look: Look, inside: np.ndarray, at, wobble: float) -> None:
    """The hollow under the cheekbones of a lean face, stated as the plane it is: a soft half-tone
    from under the cheekbone down toward the jaw, on the lit side too, where the solid's shallow
    dent alone barely changes the light (and the half-closed eye does not see it at all)."""
    b = render.build
    x, y, z = render.position[..., 0], render.position[..., 1], render.position[..., 2]
    hollow = cheek_hollow(b, np.abs(x), y) * min(-b.cheeks, 1.0) * np.clip((z + 0.05) / 0.2, 0.0, 1.0) * inside
    _glazes(painting, soften(hollow, 2.0 * wobble), at, SKIN_LOOKS[look.skin]["half"], scale=HOLLOW_CHEEK,
            wobble=wobble, edge=0.05, bleed=1.2, granulation=0.3)


def _nose(painting: Painting, render: Render, look: Look, skin: np.ndarray, at, wobble: float) -> None:
    """The nose stated on its own, as a painter does after the big shapes: its shadow side, the dark
    under its base and the shadow it casts, and the light lifted along its bridge and on its tip.

    The big shapes are read from the light seen with half-closed eyes, in which a nose (a few
    brush widths across) melts into the cheek: a face seen straight on had hardly any. Here the
    light is read as it falls, over the nose and just round it only.
    """
    colours = SKIN_LOOKS[look.skin]
    b = render.build
    x, y, z = render.position[..., 0], render.position[..., 1], render.position[..., 2]
    width = NOSE_HALF_WIDTH * b.nose_width
    # the nose and the skin just round its base (where its shadow falls), in head space
    around = _smoothstep(width + 0.035, width, np.abs(x)) * _smoothstep(b.nose_base_y - 0.05, b.nose_base_y - 0.02, y) \
        * _smoothstep(0.06, 0.02, y) * (z > 0.3) * skin
    if not around.any():
        return
    on_nose = around * _smoothstep(0.36, 0.38, z) * _smoothstep(b.nose_base_y - 0.012, b.nose_base_y + 0.005, y)
    lit = render.lit
    # the side turned from the lamp, and the underside of the nose's base: firm edges, lighter than
    # the face's shadow (the nose is lit by the room from every side)
    side = _smoothstep(0.62, 0.36, lit) * on_nose
    under = _smoothstep(b.nose_base_y + 0.012, b.nose_base_y - 0.004, y) * _smoothstep(0.6, 0.25, lit) * around
    # the shadow it casts on the cheek and the lip: where the lamp is blocked (the ray caster's cast
    # shadow lowers the light on planes that face it)
    cast = _smoothstep(0.55, 0.25, lit) * around * (1.0 - on_nose) * (render.facing > 0.45)
    # the side, the base and the shadow it casts in a warm half-tone, the core's warmth in it:
    # light passes through the nose's thin flesh and comes back red (laid in the face's cool
    # shadow mixture, the side plane of a face turned toward the lamp was a grey wedge from the eye
    # to the nostril)
    shade = np.clip(np.maximum(np.maximum(0.7 * side, 0.9 * under), 0.6 * cast), 0.0, 1.0)
    _glazes(painting, soften(shade, 0.4 * wobble), at, colours["half"] + CORE_WARMTH.get(look.skin, CORE_WARMTH["light"]),
            scale=0.75, wobble=0.3 * wobble, edge=0.4, bleed=0.5, granulation=0.3)
    # the light along the bridge and on the tip, lifted back to near the paper
    bridge = _smoothstep(0.8, 0.95, lit) * on_nose * _smoothstep(0.5 * width, 0.2 * width, np.abs(x))
    if bridge.any():
        painting.lift(soften(bridge, 0.5 * wobble), 0.45, at=at)


def _band(values: np.ndarray, centre: float, half_width: float) -> np.ndarray:
    """1 at ``centre``, falling smoothly to 0 at ``half_width`` either side."""
    return np.clip(1.0 - ((values - centre) / half_width) ** 2, 0.0, 1.0)


def _hair(painting: Painting, sitter: Sitter, render: Render, look: Look, at, px: float, lit: np.ndarray) -> None:
    colours = HAIR_LOOKS[look.hair]
    hair = (render.material == HAIR).astype(np.float32)
    if not hair.any():
        return
    mass = _mass(render)
    hair = soften(hair, mass.edge * px)
    # the shadow side of the mass, wet into the first wash's edge so it turns rather than cuts
    shadow = _smoothstep(0.4, 0.12, lit) * hair
    darks = mass.darks
    _glazes(painting, shadow, at, colours["shadow"], scale=0.85 * darks, wobble=2.2 * px, edge=0.3, bleed=1.4,
            granulation=0.4)
    # the darkest hair where it turns under and meets the skin: small, soft
    deep = soften(_smoothstep(0.6, 0.35, render.occlusion) * hair, 1.5 * px)
    _glazes(painting, deep, at, colours["shadow"], scale=0.5 * darks, wobble=1.0 * px, edge=0.3, bleed=1.0)
    face_features.hair_strokes(painting, sitter, render, colours["stroke"][0], px)
    face_features.hair_locks(painting, sitter, render, colours, lit, px)
    face_features.forelock(painting, sitter, render, colours, px)


def _facial_hair(painting: Painting, render: Render, look: Look, at, px: float, lit: np.ndarray) -> None:
    colours = HAIR_LOOKS[look.hair]
    for kind in (BEARD, MOUSTACHE):
        mask = (render.material == kind).astype(np.float32)
        if not mask.any():
            continue
        mask = soften(mask, 0.7 * px)
        if kind == BEARD:  # a beard thins out up the cheeks: its upper edge is broken, not cut
            b = render.build
            thinning = _smoothstep(b.nose_base_y + 0.05, b.nose_base_y - 0.05, render.position[..., 1])
            mask = mask * (0.7 + 0.3 * thinning)
        # a beard is painted light first, the skin's warmth left showing through its lit side,
        # then its shadow side and the mass under the chin, then the curls as strokes: a dark
        # beard is one dark shape against the face, its edge soft on the cheek and firm below
        # no ultramarine in a beard's light: it would granulate into a grey patch on the cheek
        warm = tuple(glaze for glaze in colours["light"] if glaze[0] != "ultramarine")
        _glazes(painting, mask * (0.75 + 0.25 * _smoothstep(0.7, 0.2, lit)), at, warm, scale=1.6,
                wobble=1.6 * px, edge=0.3, bleed=1.2, granulation=0.35)
        shadow = _smoothstep(0.5, 0.15, lit) * mask
        _glazes(painting, soften(shadow, 1.5 * px), at, colours["shadow"], scale=1.0, wobble=1.6 * px, edge=0.3,
                bleed=1.2, granulation=0.3)
        face_features.beard_strokes(painting, render, mask, colours["stroke"][0], px)


def _cap(painting: Painting, render: Render, look: Look, at, px: float) -> None:
    """A cap is cloth: a first wash, a half-tone on damp paper where it turns from the light (a
    soft crown's folds), the shadow last. A patrol cap (no band) has a visor of its own cloth, an
    officer's cap a black leather peak."""
    soft = not (render.material == CAP_BAND).any()
    peak_glazes = look.cap_cloth + (("sepia", 0.12),) if soft else (("lamp_black", 0.55), ("payne_grey", 0.2))
    for kind, glazes in ((CAP, look.cap_cloth), (CAP_BAND, look.cap_band), (PEAK, peak_glazes)):
        mask = (render.material == kind).astype(np.float32)
        if not mask.any():
            continue
        mask = soften(mask, (0.9 if soft else 0.5) * px)
        _glazes(painting, mask, at, glazes, wobble=0.8 * px, edge=0.35 if soft else 0.6, bleed=0.6, granulation=0.4)
        if soft:
            wet = np.zeros((painting.height, painting.width), dtype=np.float32)
            _paste(wet, mask * 0.8, at)
            painting.wet(wet)
            half = _smoothstep(0.62, 0.3, render.lit) * mask
            _glazes(painting, half, at, (("raw_umber", 0.16), ("payne_grey", 0.08)), wobble=1.2 * px, edge=0.0,
                    bleed=1.2, granulation=0.5)
            painting.dry()
        shadow = _smoothstep(0.25, 0.12, render.lit) * mask
        _glazes(painting, shadow, at, (("payne_grey", 0.25),), wobble=0.8 * px, edge=0.7, bleed=0.6)


def _cigar(painting: Painting, render: Render, at, px: float) -> None:
    """A cigar in dark leaf, lit along its top and shadowed under it, its end grey ash."""
    solid = render.material == CIGAR
    if not solid.any():
        return
    _held, tip = cigar_ends(render.build)
    ash = solid & (np.linalg.norm(render.position - np.asarray(tip, dtype=np.float32), axis=-1) < 1.3 * CIGAR_RADIUS)
    leaf = soften((solid & ~ash).astype(np.float32), 0.5 * px)
    _glazes(painting, leaf, at, (("burnt_umber", 0.55), ("sepia", 0.2), ("burnt_sienna", 0.1)), wobble=0.4 * px,
            edge=0.6)
    shadow = _smoothstep(0.3, 0.1, render.lit) * leaf
    _glazes(painting, shadow, at, (("sepia", 0.5),), wobble=0.4 * px, edge=0.6)
    _glazes(painting, soften(ash.astype(np.float32), 0.5 * px), at, (("payne_grey", 0.3), ("burnt_umber", 0.05)),
            wobble=0.4 * px, edge=0.5)


def _found_edges(painting: Painting, render: Render, look: Look, at, px: float) -> None:
    """A broken line along the shadow side of the head: found edges where the form turns from the
    light, lost ones where the light side meets the background."""
    hit = render.hit.astype(np.float32)
    inner = soften(hit, 0.8 * px)
    edge = np.clip((hit - inner) * 3.0, 0.0, 1.0)
    # firm on the shadow side, a faint broken line on the lit side: the head keeps its outline
    side = 0.3 + 0.7 * _smoothstep(0.3, 0.05, render.lit)
    # broken where the brush lifts, at uneven intervals (one even beat of dashes read as stitching)
    y = render.position[..., 1]
    broken = np.clip(0.55 + 0.7 * np.sin(y * 23.0 + 1.3) * np.sin(y * 37.0), 0.0, 1.0)
    # the neck's sides are not drawn: a line down them stands the head on a stalk
    neck = _smoothstep(render.build.chin_y - 0.02, render.build.chin_y - 0.12, y)
    # the shadow's own mixture, deepened, with a touch of sepia (a line of burnt sienna alone ran
    # orange round the cool shadow side, against a blue ground)
    line = tuple((pigment, 2.4 * amount) for pigment, amount in SKIN_LOOKS[look.skin]["shadow"]) + (("sepia", 0.1),)
    _glazes(painting, edge * side * broken * (1.0 - 0.8 * neck), at, line, wobble=0.5 * px, edge=0.2,
            bleed=0.3, granulation=0.2)


def _paste(sheet: np.ndarray, field: np.ndarray, at: tuple[int, int]) -> None:
    x0, y0 = at
    h, w = field.shape
    ys, xs = slice(max(0, y0), min(sheet.shape[0], y0 + h)), slice(max(0, x0), min(sheet.shape[1], x0 + w))
    sheet[ys, xs] = np.maximum(sheet[ys, xs], field[ys.start - y0:ys.stop - y0, xs.start - x0:xs.stop - x0])
