"""Head-and-shoulders watercolor portraits of a scenario's people, from a few words each.

Everything about a sitter comes from their ``portrait:`` words (``game.art.portrait_spec``), and
the painting seed only moves the brush: the same person looks the same on every screen and at
every turn of the head. The words become a solid head (``game.art.likeness`` and
``game.art.head``), painted plane by plane (``game.art.head_paint``), over clothes
(``game.art.attire``) and a loose background washed in first on damp paper, which is allowed to
run into the shadow side of the sitter as it would on a real sheet.

The light comes from the viewer's left, so the shadow side of every form is on the right.
"""

from __future__ import annotations

import math
from typing import Any
from collections.abc import Mapping

import numpy as np

from game.art import attire, face_features
from game.art.head import LIGHT, Frame, Sitter
from game.art.head_paint import Look, paint_head
from game.art.likeness import Build, build_for
from game.art.portrait_spec import Portrait, PortraitError, resolve
from game.art.watercolor import Painting, polygon_mask, soften

__all__ = ["paint_portrait", "PortraitError", "look_for", "torso_for"]

# The background's hue hints at the side: cool for the United States, warm for the Soviet camp,
# green for the Cuban fatigues, neutral for anyone else.
BACKGROUND: dict[str, tuple[str, str]] = {
    "suit": ("cerulean", "ultramarine"), "uniform_army": ("cerulean", "ultramarine"),
    "uniform_air": ("cerulean", "ultramarine"), "uniform_navy": ("cerulean", "ultramarine"),
    "dungarees": ("cerulean", "ultramarine"),
    "soviet_suit": ("burnt_sienna", "alizarin"), "soviet_uniform": ("burnt_sienna", "alizarin"),
    "olive_fatigues": ("sap_green", "yellow_ochre"),
    "coat": ("yellow_ochre", "raw_sienna"), "uniform": ("yellow_ochre", "raw_sienna"),
    "blouse": ("yellow_ochre", "rose"), "dress": ("yellow_ochre", "rose"),
}

# The patrol cap's cloth: olive drab, a green dulled toward brown by much washing and sun.
OLIVE_DRAB = (("olive", 0.44), ("raw_umber", 0.3), ("payne_grey", 0.06))
# A sailor's white hat: white cotton, the paper itself under a breath of cool grey, so the shadows
# the painter lays on it read as white in shade.
WHITE_COTTON = (("payne_grey", 0.035), ("yellow_ochre", 0.01))

# Washes bleed, edges dry and ink spreads by whole pixels, so a face painted at the size it is
# shown blurs its features into blots: at 256 px an eye's opening is 7 px tall, and the lid's line
# with its halo filled it, so every sitter had two dark marks for eyes and no whites. A portrait is
# painted on a sheet at least this wide and averaged down, like a reduced print (a 512 px sheet
# was crisper still, by little, and took half as long again).
SMALLEST_SHEET = 384

# The head is cast at one ray for every ``RAY_SPACING`` pixels of the sheet: the light over a face
# changes slowly and the washes soften it, while the features are drawn as lines over the surface
# at the sheet's full resolution (a ray every pixel cost more than all the painting).
RAY_SPACING = 2

# Where the head sits in the frame: the eye line's centre and the head's size, as shares of the
# frame, so the face fills a round 64 px chip the way a studio portrait fills its oval.
EYES_AT = (0.5, 0.41)
HEAD_SIZE = 0.53


def portrait_head(build: Build, size: float) -> Sitter:
    """The head as a portrait ``size`` px square frames it: its eyes at ``EYES_AT``, ``HEAD_SIZE``
    of the frame tall, turned as its words say.

    One lamp for every portrait, high and to the viewer's left, whichever way the head turns: the
    clothes and the background are lit from there too, and a sitter turned to the left is then lit
    on his narrow side ("short" lighting, the broad cheek in half-tone), which models the face
    more than the broad lighting earlier passes moved the lamp for, and keeps a sitter nearer to
    his own front view (the face-only likeness test's margins grew from about 3 % to 12 %).
    """
    frame = Frame(EYES_AT[0] * size, EYES_AT[1] * size, HEAD_SIZE * size)
    return Sitter(build, frame, build.yaw, build.pitch, light=LIGHT)


def paint_portrait(params: Mapping[str, Any], size: int, seed: int) -> np.ndarray:
    """A square uint8 (size, size, 3) portrait; raises ``PortraitError`` on bad parameters."""
    sitter = resolve(params)
    if size < 16:
        raise PortraitError([("size", f"a portrait needs at least 16 pixels a side, not {size}")])
    sheet = max(size, SMALLEST_SHEET)
    pixels = _paint(sitter, sheet, seed)
    return pixels if sheet == size else reduced(pixels, size)


def reduced(pixels: np.ndarray, size: int) -> np.ndarray:
    """A square painting averaged down to ``size`` px a side: each new pixel the mean of the area of
    the sheet it covers (parts of pixels counted in part), as a reduced print."""
    rows = _area_means(pixels.astype(np.float64), size)
    both = _area_means(rows.transpose(1, 0, 2), size).transpose(1, 0, 2)
    return np.round(both).clip(0, 255).astype(np.uint8)


def _area_means(values: np.ndarray, size: int) -> np.ndarray:
    """``values`` (rows first) shrunk to ``size`` rows, each the mean of the stretch it covers.

    Summed row by row in a fixed order, not by a matrix product: a product's sums follow the BLAS
    library's threads, and a painting must be the same to the byte whichever process paints it.
    """
    sheet = values.shape[0]
    ratio = sheet / size
    starts = np.arange(size) * ratio
    stops = starts + ratio
    first = np.floor(starts).astype(int)
    total = np.zeros((size,) + values.shape[1:])
    for offset in range(math.ceil(ratio) + 1):
        source = first + offset
        share = np.clip(np.minimum(stops, source + 1) - np.maximum(starts, source), 0.0, None)
        share[source >= sheet] = 0.0
        total += share.reshape((size,) + (1,) * (values.ndim - 1)) * values[np.minimum(source, sheet - 1)]
    return total / ratio


def look_for(sitter: Portrait, detail: float = 1.0) -> Look:
    """The colours a sitter's head is painted in."""
    cloth = attire.CLOTH.get(sitter.attire, OLIVE_DRAB)
    if sitter.attire in ("suit", "soviet_suit", "coat", "blouse", "dress", "olive_fatigues"):
        cloth = OLIVE_DRAB  # a patrol cap of olive drab: duller and browner than fresh fatigues
    elif sitter.attire == "dungarees":
        cloth = WHITE_COTTON
    band = (("alizarin", 0.6), ("vermilion", 0.3)) if sitter.attire == "soviet_uniform" else (("payne_grey", 0.45),)
    return Look(skin=sitter.skin, hair=sitter.hair_colour, cap_cloth=cloth, cap_band=band,
                shaved=sitter.beard == "none" and not sitter.lipstick and sitter.hair != "white",
                lipstick=sitter.lipstick, detail=detail)


def torso_for(sitter: Portrait, frame_size: float, eyes: tuple[float, float], head_size: float) -> attire.Torso:
    """The clothes' geometry under a head drawn at ``eyes`` (sheet units) and ``head_size`` units tall."""
    build = build_for(sitter)
    chin = eyes[1] + 0.52 * build.length * head_size
    return attire.Torso(cx=eyes[0], collar_y=chin + 0.17 * head_size, neck=0.24 * build.neck * head_size,
                        turn=math.sin(math.radians(build.yaw)))


def _paint(sitter: Portrait, size: int, seed: int) -> np.ndarray:
    painting = Painting(size, size, seed)
    head = portrait_head(build_for(sitter), size)
    box = (0, 0, size, int(size * 0.97))
    torso = torso_for(sitter, size, EYES_AT, HEAD_SIZE)
    sheet = attire.Sheet(painting, 0.0, 0.0, size)
    clothes = polygon_mask([sheet.pixels_of(attire.outline(sitter, torso))], 0, 0, size, box[3])
    # the neck goes into the collar: what the clothes cover is not cast nor painted as skin
    covered = clothes > 0.5
    render = head.render(box, step=RAY_SPACING, covered=covered)
    render.hit &= ~covered
    render.material[covered] = 0
    _background(painting, sitter, render, clothes)
    look = look_for(sitter)
    paint_head(painting, head, look, box, render=render)
    attire.paint(sheet, sitter, torso)
    if sitter.glasses:
        face_features.glasses(painting, head, render, sitter.glasses_style)
    return painting.pixels()


def _background(painting: Painting, sitter: Portrait, render, clothes: np.ndarray) -> None:
    """A loose wash on damp paper round the figure, the way a painter cuts in around a sitter.

    The paper is wetted first, so the two pigments melt into each other and bloom; a pale margin
    is left round the lit side of the head, while on the shadow side the wash is let run into the
    sitter's shadow (a lost edge). A bloom or two forms as it dries.
    """
    size = painting.width
    main, second = BACKGROUND[sitter.attire]
    figure = np.zeros((painting.height, painting.width), dtype=np.float32)
    figure[:clothes.shape[0]] = np.maximum(clothes, render.hit.astype(np.float32))
    halo = soften(figure, 0.008 * size)
    shadow_side = np.zeros_like(figure)
    shadow_side[:render.hit.shape[0]] = (render.lit < 0.12) & render.hit
    lost = soften(shadow_side, 0.015 * size) * 0.8
    around = np.clip(1.0 - np.maximum(figure, halo * 1.4) + lost, 0.0, 1.0)
    rows = np.linspace(0.0, 1.0, size, dtype=np.float32)[:, None]
    columns = np.linspace(0.0, 1.0, size, dtype=np.float32)[None, :]
    painting.wet(np.ones_like(figure) * 0.9)
    # darker behind the lit side of the head, where it makes the light read; paler at the foot
    ramp = 0.3 + 0.18 * (1.0 - columns) - 0.16 * rows
    painting.lay(around * ramp, main, 1.0, wobble=0.01 * size, edge=0.2, bleed=0.006 * size, granulation=0.2,
                 backruns=2, flow=0.3)
    drops = 0.5 + 0.5 * np.sin(columns * 7.0 + painting.rng.uniform(0, 6.3)) * np.cos(rows * 5.0 + painting.rng.uniform(0, 6.3))
    painting.lay(around * (0.06 + 0.14 * drops * rows), second, 1.0, wobble=0.02 * size, edge=0.0,
                 bleed=0.01 * size, granulation=0.15)
    painting.dry()
