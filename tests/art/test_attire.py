"""A jacket is one garment: below the V its two fronts carry no pale seam down the chest.

Washed as two halves meeting on one line, each wash's edge drew back from that line as it dried,
and a strip of paper (or of the wall under a figure) ran from the tie to the hem.
"""

from __future__ import annotations

import numpy as np
import pytest

from game.art import attire
from game.art.portrait_spec import resolve
from game.art.watercolor import Painting

SIZE = 400


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("words", [{"attire": "soviet_suit", "tie": "dark"}, {"attire": "suit", "tie": "dark"}])
def test_a_jacket_has_no_pale_seam_below_the_v(words, seed):
    sitter = resolve(words)
    torso = attire.Torso(cx=0.5, collar_y=0.3, neck=0.08, turn=-0.35)
    painting = Painting(SIZE, SIZE, seed)
    attire.paint(attire.Sheet(painting, 0.0, 0.0, SIZE), sitter, torso, "bust")
    lightness = painting.pixels().astype(float).sum(axis=2)
    v_x = int(torso.v_x * SIZE)
    # the chest below the tie's end, column by column across the line the fronts meet on (a seam
    # runs the chest's length; the wash's mottle comes and goes and averages out)
    chest = lightness[int((torso.v_tip + 0.1) * SIZE):int(0.95 * SIZE), v_x - 24:v_x + 25].mean(axis=0)
    middle = chest[16:33].max()  # within 8 px of the line
    sides = np.concatenate((chest[:8], chest[-8:])).max()
    assert middle < sides + 19, (middle, sides)
