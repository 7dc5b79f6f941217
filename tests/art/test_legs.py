"""A standing figure's feet: shoes turned out a little when he faces us, only their heels when his
back is to us (a toe turned out from a man seen from behind stuck out beside his legs as a flap)."""

from __future__ import annotations

import numpy as np
import pytest

from game.art import attire
from game.art.elements import bodies
from game.art.portrait_spec import resolve
from game.art.watercolor import Painting

SIZE = 320
SITTER = resolve({"skin": "light", "attire": "suit"})


def _extents(back: bool) -> tuple[int, int]:
    """How wide the painted legs are at the ankles and, at the widest, across the shoes below them."""
    painting = Painting(SIZE, SIZE, 3)
    torso = attire.Torso(cx=2.0, collar_y=0.05, neck=0.1, turn=0.0, back=back)
    bodies.paint_legs(attire.Sheet(painting, 0, 0, 80), SITTER, torso, bodies.Light(1.0), 1)
    paper = Painting(SIZE, SIZE, 3).pixels().astype(float)
    painted = (paper - painting.pixels().astype(float)).sum(axis=2) > 60
    rows = np.nonzero(painted.any(axis=1))[0]

    def width(row: int) -> int:
        columns = np.nonzero(painted[row])[0]
        return int(columns.max() - columns.min())

    bottom = rows.max()
    ankles = max(width(row) for row in range(bottom - 20, bottom - 12))
    shoes = max(width(row) for row in range(bottom - 10, bottom + 1))
    return ankles, shoes


@pytest.mark.parametrize("back", [True, False], ids=["from behind", "from the front"])
def test_shoes_turn_out_only_on_a_figure_facing_us(back):
    ankles, shoes = _extents(back)
    if back:
        assert shoes <= ankles + 1, (ankles, shoes)
    else:
        assert shoes >= ankles + 3, (ankles, shoes)  # the measure sees a toe where there is one
