"""Glasses sit on a face as real ones do: lenses wider and taller than the eye, so the frame lies
on the skin round it, and the bridge and the arms at the lenses' tops. Lenses no bigger than the
eye put the frame on the lids, and a bridge and arms at the pupils' height joined both eyes into
one dark bar; on the 64 px chips that read as a blindfold or dark glasses."""

from __future__ import annotations

import numpy as np
import pytest

from game.art import face_features
from tests.art.test_brows import _alone, _eye_corners

WORDS = {"hair": "dark", "turn": "front", "expression": "neutral"}


def _pupil_row(sitter) -> int:
    """The sheet's row through the middle of the eyes."""
    (_, y), = sitter.project(sitter.surface([(sitter.build.eye_x, -0.006)]))[0]
    return int(round(float(y)))


@pytest.mark.parametrize("style", sorted(face_features.GLASSES))
def test_nothing_of_the_glasses_crosses_the_eyes(style):
    """Along the line through both pupils the glasses lay only the lens's faint tint over each eye
    (from its inner corner's fold to a little past its outer corner) and nothing over the bridge of
    the nose: the rims pass beside the eyes (the inner rim close by the inner corner, between the
    eye and the nose, as on a face), the bridge above them."""
    darker, sitter = _alone(WORDS, lambda p, s, r, look: face_features.glasses(p, s, r, style))
    row = _pupil_row(sitter)
    band = darker[row - 2:row + 3]
    faint = 0.2 * darker.max()  # a tint, or the soft fringe of the rim's ink, not a line
    for side in (-1, 1):
        inner, outer = _eye_corners(sitter, side)
        width = abs(outer - inner) * side  # toward the temple
        left, right = sorted((inner + 0.15 * width, outer + 0.1 * width))
        over_the_eye = band[:, int(left):int(right) + 1]
        assert over_the_eye.max() < faint, (style, side, float(over_the_eye.max()), faint)
    (middle, _), = sitter.project(sitter.surface([(0.0, -0.006)]))[0]
    over_the_nose = band[:, int(middle) - 1:int(middle) + 2]
    assert over_the_nose.max() < faint, (style, float(over_the_nose.max()), faint)


@pytest.mark.parametrize("style", sorted(face_features.GLASSES))
def test_the_frame_shows_above_and_below_each_eye(style):
    """The glasses are there: over each eye's columns the frame's ink shows below the lower lid and,
    but for rimless lenses (whose top edge catches no light), above the upper lid."""
    darker, sitter = _alone(WORDS, lambda p, s, r, look: face_features.glasses(p, s, r, style))
    row = _pupil_row(sitter)
    for side in (-1, 1):
        inner, outer = sorted(_eye_corners(sitter, side))
        columns = darker[:, int(inner):int(outer) + 1]
        inked = np.nonzero((columns > 40).any(axis=1))[0]
        scale = sitter.frame.scale
        if style != "rimless":
            assert inked.min() < row - 0.03 * scale, (style, side, inked.min(), row)
        assert inked.max() > row + 0.03 * scale, (style, side, inked.max(), row)
