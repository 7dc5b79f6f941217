"""Paint a scene from its description: a library name, or an inline list of elements.

The description is checked first (game/art/scene_spec.py) and refused whole if anything is
wrong, so an author's typo never paints half a picture. The seed decides every wobble of the
brush: the same description, size and seed give the same pixels on any machine.
"""

from __future__ import annotations

from typing import Any, Mapping

import numpy as np

from game.art.elements import paint
from game.art.elements.canvas import Canvas
from game.art.elements.nature import atmosphere
from game.art.scene_spec import SceneDescriptionError, checked_composition, library_people
from game.art.watercolor import Painting, soften

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
        depth = element.fields.get("depth", 0.0)
        solid = element.kind in SOLID
        if depth > 0.0 or solid:
            before = (canvas.painting.density.copy(), canvas.painting.scatter.copy())
            paint(canvas, element)
            if solid:
                reserve(canvas, before)
            if depth > 0.0:
                atmosphere(canvas, before, depth)
        else:
            paint(canvas, element)
    return canvas.painting.pixels()


# Things that stand in front of what is behind them. A painter paints round them (or lifts their
# place first); the washes of sky, sea, rooms, light and weather stay transparent.
SOLID = frozenset(("ship", "aircraft", "missile", "building", "table", "television", "letter", "papers", "podium",
                   "handshake", "text_plate", "tank", "truck", "easel", "prop", "launcher", "arcade", "flag"))


def reserve(canvas: Canvas, before: tuple[np.ndarray, np.ndarray]) -> None:
    """Make what an element just painted cover what lay under it, as if its place had been kept
    white: the earlier paint under its footprint is taken away, its own paint kept."""
    painting = canvas.painting
    change = (painting.density - before[0]).sum(axis=2)
    # where it laid paint, or lifted some to make room for a pale thing (a page, foam, a white hull)
    footprint = np.clip(np.maximum(change, 0.0) * 3.0 + np.maximum(-change, 0.0) * 3.0, 0.0, 1.0)
    if footprint.max() <= 0.0:
        return
    keep = (1.0 - 0.92 * soften(footprint, 0.8))[..., None]
    for film, earlier in ((painting.density, before[0]), (painting.scatter, before[1])):
        delta = film - earlier
        film[:] = (earlier + np.minimum(delta, 0.0)) * keep + np.maximum(delta, 0.0)
