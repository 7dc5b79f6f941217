"""A forelock is painted across the forehead, below the hairline and above the brows; a head
without one gets none."""

from __future__ import annotations

import numpy as np

from game.art import face_features
from game.art.head import Frame, Sitter
from game.art.head_paint import HAIR_LOOKS
from game.art.likeness import build_for
from game.art.portrait_spec import resolve
from game.art.watercolor import Painting

SIZE = 240
WORDS = {"face": "long", "hair": "brown", "hair_style": "tousled_forelock", "hairline": "low", "parting": "right",
         "hair_volume": "thick", "turn": "front"}


def _strokes(words: dict) -> tuple[np.ndarray, Sitter]:
    """What ``forelock`` alone lays on bare paper over the head's place: the darkening, per pixel."""
    build = build_for(resolve(words))
    sitter = Sitter(build, Frame(SIZE / 2, SIZE * 0.45, SIZE * 0.6), build.yaw, build.pitch)
    render = sitter.render((0, 0, SIZE, SIZE))
    painting = Painting(SIZE, SIZE, 3)
    before = painting.pixels().astype(float).sum(axis=2)
    face_features.forelock(painting, sitter, render, HAIR_LOOKS["brown"], px=1.0)
    return before - painting.pixels().astype(float).sum(axis=2), sitter


def test_a_forelock_falls_over_the_forehead_from_the_hairline():
    darker, sitter = _strokes(WORDS)
    build = sitter.build
    marked = darker > 30
    assert marked.sum() > 40
    rows, columns = np.nonzero(marked)
    (hairline_x, hairline_y), (_, brow_y) = sitter.project(
        sitter.surface([(0.0, build.hairline_y), (0.0, 0.07)]))[0]
    # most of the strokes lie on the forehead: below the hairline, above the brows
    on_forehead = (rows > hairline_y) & (rows < brow_y)
    assert on_forehead.mean() > 0.5
    # and they fall away from the parting (parted on the viewer's right: down to the left)
    low = rows > np.median(rows)
    assert columns[low].mean() < columns[~low].mean()


def test_a_head_without_a_forelock_gets_no_strokes():
    darker, _ = _strokes({**WORDS, "hair_style": "short_side_parted"})
    assert (darker > 30).sum() == 0


def test_a_full_swept_front_is_broad_on_top_seen_from_the_front():
    """The quiff of a full side-parted cut (Kennedy's) crests above the forehead as broad as the
    top of the head: a narrow crest, seen from the front, stood on the head like a bun (at 0.08
    head units under the top it was half the head's width)."""
    words = {"face": "square", "hair": "brown", "hair_style": "full_side_parted", "hairline": "straight",
             "parting": "right", "hair_volume": "thick", "turn": "front"}
    build = build_for(resolve(words))
    sitter = Sitter(build, Frame(SIZE / 2, SIZE * 0.45, SIZE * 0.6), build.yaw, build.pitch)
    outline = sitter.silhouette((0, 0, SIZE, SIZE))
    rows = np.nonzero(outline.any(axis=1))[0]
    widest = max(int(outline[row].sum()) for row in rows[:int(0.36 * SIZE)])
    under_the_top = outline[rows[0] + int(0.08 * sitter.frame.scale)].sum()
    assert under_the_top > 0.57 * widest, (under_the_top, widest)
