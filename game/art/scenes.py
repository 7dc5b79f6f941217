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
from game.art.scene_spec import SceneDescriptionError, checked_composition
from game.art.watercolor import Painting

__all__ = ["paint_scene", "SceneDescriptionError"]


def paint_scene(description: Mapping[str, Any] | str, width: int, height: int, seed: int,
                scenes: Mapping[str, Any] | None = None) -> np.ndarray:
    """The scene as uint8 RGB pixels (height, width, 3).

    ``scenes`` stands in for the library file (assets/art/library.yaml) when given.
    Raises ``SceneDescriptionError`` listing every problem of a bad description.
    """
    elements = checked_composition(description, scenes)
    canvas = Canvas(Painting(width, height, seed))
    for element in elements:
        paint(canvas, element)
    return canvas.painting.pixels()
