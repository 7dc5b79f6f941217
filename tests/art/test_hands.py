"""A scene's hands are hands: fingers apart when laid flat, a fist when folded, one finger out when
pointing, and a shadow side away from the light."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from game.art import attire
from game.art.elements import bodies
from game.art.portrait_spec import resolve
from game.art.watercolor import Painting

SIZE = 240
SITTER = resolve({"skin": "light", "attire": "suit"})
ARM = bodies.Limb(((0.2, 0.02), (0.2, 0.08), (0.2, 0.14)), (0.085, 0.075, 0.062))  # hanging straight down


def _flesh(open_hand: bool = False, pointing: bool = False, side: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """The hand painted large on bare paper: a mask of its flesh, and the painting's luminance."""
    painting = Painting(SIZE, SIZE, 3)
    bodies.paint_hand(attire.Sheet(painting, 0, 0, 600), SITTER, ARM, bodies.Light(side), open_hand=open_hand,
                      pointing=pointing)
    pixels = painting.pixels().astype(float)
    paper = Painting(SIZE, SIZE, 3).pixels().astype(float)
    flesh = ((paper - pixels).sum(axis=2) > 45) & (pixels[..., 0] - pixels[..., 2] > 40)  # painted, and warm
    return flesh, pixels.mean(axis=2)


def _runs(row: np.ndarray) -> int:
    """How many separate stretches of flesh a row crosses."""
    values = row.astype(int)
    return int((np.diff(values) == 1).sum() + values[0])


def _rows(flesh: np.ndarray) -> np.ndarray:
    return np.nonzero(flesh.any(axis=1))[0]


def test_a_hand_laid_flat_shows_its_fingers_apart_and_reaches_further_than_a_fist():
    flat, fist = _flesh(open_hand=True), _flesh()[0]
    rows, fist_rows = _rows(flat[0]), _rows(fist)
    top, length = rows[0], rows[-1] - rows[0]
    fingers = range(top + int(0.7 * length), rows[-1])
    assert max(_runs(flat[0][y]) for y in fingers) >= 3  # separate fingers, not a mitten
    assert length > 1.4 * (fist_rows[-1] - fist_rows[0])  # a fist's fingers are curled under
    back = top + int(0.35 * length)
    assert _runs(flat[0][back]) == 1 and _runs(fist[fist_rows[0] + int(0.35 * (fist_rows[-1] - fist_rows[0]))]) == 1


def test_a_pointing_hand_has_one_finger_out():
    pointing, flat = _flesh(pointing=True)[0], _flesh(open_hand=True)[0]
    rows = _rows(pointing)
    tip = range(rows[-1] - int(0.15 * (rows[-1] - rows[0])), rows[-1])
    assert all(_runs(pointing[y]) <= 1 for y in tip)
    width_of_flat = flat[rows[0] + int(0.35 * (rows[-1] - rows[0]))].sum()
    assert max(pointing[y].sum() for y in tip) < 0.4 * width_of_flat


@pytest.mark.parametrize("side", [1.0, -1.0])
def test_the_hands_shadow_side_is_away_from_the_light(side):
    flesh, luminance = _flesh(open_hand=True, side=side)
    rows, columns = _rows(flesh), np.nonzero(flesh.any(axis=0))[0]
    back = slice(rows[0] + int(0.1 * (rows[-1] - rows[0])), rows[0] + int(0.45 * (rows[-1] - rows[0])))
    middle = int((columns[0] + columns[-1]) / 2)
    left = luminance[back, :middle][flesh[back, :middle]].mean()
    right = luminance[back, middle:][flesh[back, middle:]].mean()
    # side +1: the light from the left, the shadow side on the viewer's right
    assert (left - right) * side > 10


def test_a_man_leaning_on_a_table_plants_his_hands_wide():
    """`pose: leaning` (The Loneliest Job): both hands planted on the table either side of him,
    wider than his hands hang when he stands, at the height they hang to."""
    torso = attire.Torso(cx=2.0, collar_y=0.1, neck=0.1, turn=0.0, back=True)
    leaning = bodies.arms_for(SITTER, torso, "leaning", 1.0)
    standing = bodies.arms_for(SITTER, torso, "standing", 1.0)
    for lean, stand in zip(leaning, standing):
        (lean_x, lean_y), (stand_x, stand_y) = lean.path[-1], stand.path[-1]
        assert abs(lean_x - torso.cx) > abs(stand_x - torso.cx) + 0.1
        assert abs(lean_y - stand_y) < 0.1


@pytest.mark.parametrize("who", ["kennedy", "rusk", "khrushchev"])
def test_a_seated_mans_sleeves_meet_his_body_at_the_tables_edge(who):
    # the ExComm: the elbows were set on the table's far edge, below where the table cuts the
    # jacket, and a strip of the table showed between the jacket and each sleeve, as if the body
    # floated behind the table (a bump of 20 to 23 levels down the column under the far shoulder)
    from game.art import bake
    from game.art.elements.people import HEAD_AT_SCALE_1
    from game.art.portraits import HEAD_SIZE
    from game.art.scenes import paint_scene
    from game.scenario.load import load_scenario

    cast = bake.cast(load_scenario(Path(__file__).resolve().parents[2] / "scenarios" / "cuban_missile_crisis_1962"
                                   / "scenario.yaml"))
    width, height = 640, 360
    paint = [{"room": {"wall": "naples_yellow", "floor": "burnt_umber", "horizon": 0.66, "time": "day", "panels": 0}},
             {"person": {"who": who, "pose": "bust", "turn": "front", "at": [0.5, 0.45], "scale": 1.3}},
             {"table": {"shape": "side", "at": [0.5, 0.79], "scale": 1.55, "seats": 0, "lamp": False, "papers": False}},
             {"hands": {"who": who, "pose": "folded", "at": [0.5, 0.668], "scale": 1.3}}]
    pixels = paint_scene({"paint": paint}, width, height, seed=3, people=cast).astype(float).mean(axis=2)
    size = HEAD_AT_SCALE_1 * height * 1.3 / HEAD_SIZE  # the hands' sheet, as people.hands sets it
    edge = 0.668 * height
    elbow = int(0.5 * width + bodies.shoulders_of(resolve(cast[who])) * size)  # the far (shade) side
    column = pixels[int(edge - 0.1 * size):int(edge + 0.06 * size), elbow - 1:elbow + 2].mean(axis=1)
    assert column.max() - np.median(column) < 14, column.round()
