"""Paint a scene from its description: a library name, or an inline list of elements.

The description is checked first (game/art/scene_spec.py) and refused whole if anything is
wrong, so an author's typo never paints half a picture. The seed decides every wobble of the
brush: the same description, size and seed give the same pixels on any machine.
"""

from __future__ import annotations

from typing import Any
from collections.abc import Mapping

import numpy as np

from game.art.elements import paint
from game.art.elements.canvas import Canvas
from game.art.elements.nature import atmosphere
from game.art.scene_spec import SceneDescriptionError, checked_composition, library_people
from game.art.watercolor import Painting, channel_sum, soften

__all__ = ["paint_scene", "SceneDescriptionError"]


def paint_scene(description: Mapping[str, Any] | str, width: int, height: int, seed: int,
                scenes: Mapping[str, Any] | None = None, people: Mapping[str, Any] | None = None) -> np.ndarray:
    """The scene as uint8 RGB pixels (height, width, 3).

    ``scenes`` stands in for the library file (assets/art/library.yaml) when given. ``people``
    are the scenario's cast (id: portrait words), who a ``person`` element may show besides the
    library's own people; a scenario's words win over the library's for the same id.
    Raises ``SceneDescriptionError`` listing every problem of a bad description.
    """
    cast = {**library_people(), **(people or {})}
    elements = checked_composition(description, scenes, people=cast)
    canvas = Canvas(Painting(width, height, seed), people=cast)
    for element in elements:
        canvas.claimed, canvas.outlined = None, False  # a claim is its own element's, never a later one's
        depth = element.fields.get("depth", 0.0)
        solid = element.kind in SOLID
        if depth > 0.0 or solid:
            canvas.painting.keep_track()
            paint(canvas, element)
            laid = canvas.painting.laid()
            if solid:
                reserve(canvas, laid)
            if depth > 0.0:
                atmosphere(canvas, laid, depth)
        else:
            paint(canvas, element)
    finish(canvas)
    return canvas.painting.pixels()


def finish(canvas: Canvas) -> None:
    """The painter's last touches: the corners let down into shade, so the eye stays in the picture,
    and a few drops flicked from the brush near the foot of the sheet."""
    painting = canvas.painting
    rows = np.linspace(-1.0, 1.0, canvas.height, dtype=np.float32)[:, None]
    columns = np.linspace(-1.0, 1.0, canvas.width, dtype=np.float32)[None, :]
    corners = np.clip(columns * columns * 0.55 + rows * rows * 0.7 - 0.45, 0.0, 1.0)
    painting.wet(corners * 0.8)
    painting.lay(corners, (("payne_grey", 0.16), ("burnt_umber", 0.08)), 1.0, wobble=0.0,
                 edge=0.0, bleed=canvas.height * 0.01, granulation=0.4, flow=0.3)
    painting.dry()
    painting.spatter("sepia", max(4, canvas.width // 60), (0, int(canvas.height * 0.82), canvas.width,
                                                           int(canvas.height * 0.18)),
                     size=max(0.6, canvas.line * 0.8), strength=0.3)


# Things that stand in front of what is behind them. A painter paints round them (or lifts their
# place first); the washes of sky, sea, rooms, light and weather stay transparent.
SOLID = frozenset(("ship", "aircraft", "missile", "building", "table", "television", "letter", "papers", "podium",
                   "handshake", "text_plate", "tank", "truck", "easel", "prop", "launcher", "arcade", "flag",
                   "person", "figure"))


# A wash's soft edge, in the film's density added over its channels: near an element's outline,
# where its own paint is thinner than FULL (and wholly where it is thinner than THIN), what lay
# behind it is kept and the edge glazes over it. Taken away wherever the element had any paint, the
# background left a pale rim round every figure, the halo of a cut-out pasted on the scene.
SOFT_EDGE_THIN, SOFT_EDGE_FULL = 0.5, 1.5
SOFT_EDGE_REACH = 1.5  # px: how far in from the outline the soft edge is looked for


def reserve(canvas: Canvas, laid: tuple[np.ndarray, np.ndarray]) -> None:
    """Make what an element just painted cover what lay under it, as if its place had been kept
    white: the paint under its footprint is taken away, the element's own paint (``laid``) kept.

    A painter keeps a figure's place white and paints the figure up to the background's edge, so
    the two washes meet or overlap a little; neither leaves paper showing between them. Inside its
    outline an element covers what is behind it however pale its paint (a white shirt, a lit
    face); at the outline, its wash thinning out over a few pixels lies over the background.
    """
    painting = canvas.painting
    own = channel_sum(laid[0])
    dense = np.clip(own * 3.0, 0.0, 1.0)
    covered = dense if canvas.claimed is None else np.maximum(dense, canvas.claimed)
    rows, columns = np.nonzero(covered.any(axis=1))[0], np.nonzero(covered.any(axis=0))[0]
    if rows.size == 0:
        return
    # only round the element's own footprint (with room for the softened edge): the rest of the
    # sheet is kept as it is, and a figure in a wide scene costs its own size, not the sheet's
    margin = 8
    y0, y1 = max(0, rows[0] - margin), min(dense.shape[0], rows[-1] + 1 + margin)
    x0, x1 = max(0, columns[0] - margin), min(dense.shape[1], columns[-1] + 1 + margin)
    firm = np.clip((own[y0:y1, x0:x1] - SOFT_EDGE_THIN) / (SOFT_EDGE_FULL - SOFT_EDGE_THIN), 0.0, 1.0)
    if canvas.outlined and canvas.claimed is not None:
        # the element said where its outline runs (a person): inside it, it covers everything;
        # outside, its washes' wobbling layers lie over the background where they are thin
        footprint = np.maximum(firm, canvas.claimed[y0:y1, x0:x1])
    else:
        footprint = dense[y0:y1, x0:x1]
        outline = soften((footprint < 0.5).astype(np.float32), SOFT_EDGE_REACH) > 0.02
        footprint = np.where(outline, firm, footprint)
        if canvas.claimed is not None:  # what the element covers though its paint is pale there
            footprint = np.maximum(footprint, canvas.claimed[y0:y1, x0:x1])
    keep = 1.0 - 0.92 * soften(footprint, 0.8)
    for film, mine in ((painting.density, laid[0]), (painting.scatter, laid[1])):
        for channel in range(film.shape[2]):  # channel by channel: see watercolor.channel_sum
            part, paint_of_element = film[y0:y1, x0:x1, channel], mine[y0:y1, x0:x1, channel]
            part[:] = (part - paint_of_element) * keep + paint_of_element
