"""A brow is painted as a portrait painter states it: longer than the eye under it, from over the
inner corner to past the outer one, thinning toward its tail, and lighter than the lash line (a
short, even, black bar over each eye read as dark glasses on the chips). And the eye under it
shows as much white as it is open."""

from __future__ import annotations

import numpy as np
import pytest

from game.art import face_features
from game.art.head import Frame, Render, Sitter
from game.art.head_paint import Look
from game.art.likeness import build_for
from game.art.portrait_spec import resolve
from game.art.watercolor import Painting

SIZE = 240


def _posed(words: dict) -> tuple[Sitter, Render, Look]:
    """The sitter the words describe, cast over the sheet, and the colours his head is painted in."""
    sitter_words = resolve(words)
    build = build_for(sitter_words)
    sitter = Sitter(build, Frame(SIZE / 2, SIZE * 0.45, SIZE * 0.6), build.yaw, build.pitch)
    return sitter, sitter.render((0, 0, SIZE, SIZE)), Look(skin=sitter_words.skin, hair=sitter_words.hair_colour)


def _alone(words: dict, feature) -> tuple[np.ndarray, Sitter]:
    """What ``feature`` alone lays on bare paper over the head's place: the darkening, per pixel."""
    sitter, render, look = _posed(words)
    painting = Painting(SIZE, SIZE, 3)
    before = painting.pixels().astype(float).sum(axis=2)
    feature(painting, sitter, render, look)
    return before - painting.pixels().astype(float).sum(axis=2), sitter


def _eye_corners(sitter: Sitter, side: int) -> tuple[float, float]:
    """The x of the eye's inner and outer corners on the sheet."""
    build = sitter.build
    half = 0.07 * build.eye_size
    corners = sitter.surface([(side * (build.eye_x - half), -0.006), (side * (build.eye_x + half), -0.006)])
    (inner, _), (outer, _) = sitter.project(corners)[0]
    return float(inner), float(outer)


@pytest.mark.parametrize("brow_word", ["heavy", "bushy", "thin", "arched"])
def test_a_brow_runs_from_over_the_inner_corner_to_past_the_outer_one(brow_word):
    words = {"hair": "dark", "brow": brow_word, "turn": "front", "expression": "neutral"}
    for side in (-1, 1):
        darker, sitter = _alone(words, lambda p, s, r, look, side=side: face_features.brow(p, s, r, look, side))
        columns = np.nonzero((darker > 40).any(axis=0))[0]
        assert len(columns) > 10
        inner, outer = _eye_corners(sitter, side)
        width = abs(outer - inner)
        start, end = (columns.max(), columns.min()) if side < 0 else (columns.min(), columns.max())
        # the head of the brow sits over the inner corner (within a fifth of the eye's width), the
        # tail runs on past the outer corner by a fifth of the eye's width or more
        assert abs(start - inner) <= 0.2 * width, (start, inner, outer)
        assert (end - outer) * side >= 0.2 * width, (end, outer, width)


def test_a_brow_thins_toward_its_tail_and_is_lighter_than_the_lash_line():
    words = {"hair": "dark", "brow": "heavy", "turn": "front", "expression": "neutral"}
    darker, sitter = _alone(words, lambda p, s, r, look: face_features.brow(p, s, r, look, 1))
    columns = np.nonzero((darker > 12).any(axis=0))[0]
    ink = darker[:, columns].sum(axis=0)  # how much paint each column of the brow holds
    third = len(columns) // 3
    body, tail = ink[third:2 * third].mean(), ink[-max(2, third // 2):].mean()
    assert tail < 0.6 * body, (body, tail)
    lid, _sitter = _alone(words, lambda p, s, r, look: face_features._eye(p, s, r, look, 1))
    assert darker.max() < lid.max(), (darker.max(), lid.max())


def _white_of_the_eye(words: dict) -> float:
    """How light the white of the eye is (the sum of its three channels), the eye painted alone on a
    flat skin tone: the white is paper lifted out of the skin and greyed under the lid's shadow."""
    sitter, render, look = _posed(words)
    painting = Painting(SIZE, SIZE, 3)
    painting.lay(np.ones((SIZE, SIZE), dtype=np.float32), (("rose", 0.3), ("yellow_ochre", 0.1)), 1.0, edge=0.0)
    painting.dry()
    face_features._eye(painting, sitter, render, look, 1)
    # the white either side of the iris, on the eye line, halfway from the iris to each corner
    build = sitter.build
    size = build.eye_size
    points = sitter.surface([(build.eye_x + k * 0.048 * size, -0.004) for k in (-1, 1)])
    pixels = sitter.project(points)[0]
    lightness = painting.pixels().astype(float).sum(axis=2)
    return float(np.mean([lightness[int(round(y - 0.5)), int(round(x - 0.5))] for x, y in pixels]))


def test_a_small_smiling_eye_shows_less_white_than_an_open_one():
    # a narrowed eye is mostly in the lids' shadow: lifted to the paper like an open one's, its
    # white made a small, smiling man stare
    base = {"hair": "grey", "turn": "front"}
    open_eye = _white_of_the_eye(base | {"eyes": "round", "expression": "neutral"})
    narrowed = _white_of_the_eye(base | {"eyes": "small", "expression": "smiling"})
    assert narrowed < open_eye - 40, (open_eye, narrowed)


def _brow_on_skin(hair: str) -> float:
    """How much a brow darkens a flat light skin tone, over the pixels it darkens at all: its mass."""
    sitter, render, look = _posed({"hair": hair, "brow": "straight", "turn": "front", "expression": "neutral"})
    painting = Painting(SIZE, SIZE, 3)
    painting.lay(np.ones((SIZE, SIZE), dtype=np.float32), (("rose", 0.3), ("yellow_ochre", 0.1)), 1.0, edge=0.0)
    painting.dry()
    skin = painting.pixels().astype(float).sum(axis=2)
    face_features.brow(painting, sitter, render, look, 1)
    darker = skin - painting.pixels().astype(float).sum(axis=2)
    return float(darker[darker > 15].mean())


def test_a_brown_haired_mans_brows_read_on_his_forehead():
    # laid in the brown hair's own shadow colour, which is near the skin's, they were faint lines
    # under a light forehead (0.78 of a dark-haired man's brows) and his face looked blank
    brown, dark = _brow_on_skin("brown"), _brow_on_skin("dark")
    assert brown > 0.9 * dark, (brown, dark)
