"""Likeness, checked on the painted faces: in each shipped scenario every sitter's face differs from
every other's by a clear margin, and a sitter turned to three-quarter view is still nearer to
himself than to anyone else.

The comparison looks at the face only. The painter's own head model says which pixels are the
head (down to the chin) and where its eyes and mouth were put; two views of a face are compared
in two ways that a turn of the head disturbs little:

- band by band from the crown to the chin: the head's colour as chroma (so the light falling
  differently on a turned face matters little), how light it is against the whole head, how wide
  the head is, and how much of it is dark (hair, brows, glasses, a moustache);
- the face itself, warped so that its eyes and mouth land on the same three points (the usual
  alignment before comparing faces), in grey and in chroma, a little blurred.

Painting is the slow part, so each face is painted once, at 128 px, two at a time, and shared by
the tests.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pytest

from game.art import bake
from game.art.likeness import build_for
from game.art.portrait_spec import resolve
from game.art.portraits import EYES_AT, HEAD_SIZE, paint_portrait, portrait_head
from game.processes import process_pool
from game.scenario.load import load_scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ("cuban_missile_crisis_1962", "berlin_1961")  # the casts compared (the demo's repeats 1962's)
SIZE = 128
BANDS = 12
ALIGNED = (40, 52)  # the aligned face's width and height, its eyes and mouth on these points:
LANDMARKS = np.array([(0.3 * 40, 0.36 * 52), (0.7 * 40, 0.36 * 52), (0.5 * 40, 0.74 * 52)])


@functools.cache
@functools.cache
def cast(scenario_id: str) -> dict[str, dict]:
    """Everyone of a shipped scenario with their portrait words, loaded once per process."""
    return bake.cast(load_scenario(ROOT / "scenarios" / scenario_id / "scenario.yaml"))


_PAINTED: dict[tuple[str, str, str, int], np.ndarray] = {}


def _paint(job: tuple[str, str, str, int]) -> np.ndarray:
    scenario_id, person_id, turn, seed = job
    return paint_portrait(dict(cast(scenario_id)[person_id], turn=turn), SIZE, seed)


def painted(scenario_id: str, person_id: str, turn: str, seed: int) -> np.ndarray:
    job = (scenario_id, person_id, turn, seed)
    if job not in _PAINTED:
        _PAINTED[job] = _paint(job)
    return _PAINTED[job]


def _sampled(people: list[str]) -> list[str]:
    """The sitters painted twice from the front to measure what the brush alone changes: the first,
    two in the middle and the last."""
    return sorted({people[0], people[len(people) // 3], people[2 * len(people) // 3], people[-1]})


def _turn(index: int) -> str:
    return ("left", "right")[index % 2]


def paint_ahead(scenario_id: str) -> None:
    """Paint every face the tests of a scenario compare, two at a time (the machine's two cores),
    so each test then only reads them: the same words and seeds as painting them one by one."""
    people = sorted(cast(scenario_id))
    jobs = [(scenario_id, person, "front", 5) for person in people]
    jobs += [(scenario_id, person, "front", 6) for person in _sampled(people)]
    jobs += [(scenario_id, person, _turn(index), 6) for index, person in enumerate(people)]
    missing = [job for job in jobs if job not in _PAINTED]
    with process_pool(2) as pool:
        _PAINTED.update(zip(missing, pool.map(_paint, missing)))


@functools.cache
def head_geometry(scenario_id: str, person_id: str, turn: str) -> tuple[np.ndarray, np.ndarray]:
    """The head's pixels (down to the chin) and its eyes' and mouth's positions, from the painter's model."""
    build = build_for(resolve(dict(cast(scenario_id)[person_id], turn=turn)))
    sitter = portrait_head(build, SIZE)
    mask = sitter.silhouette((0, 0, SIZE, SIZE))
    mask[int(EYES_AT[1] * SIZE - build.chin_y * HEAD_SIZE * SIZE):] = False
    marks = sitter.project(sitter.surface([(-build.eye_x, 0.0), (build.eye_x, 0.0), (0.0, build.mouth_y)]))[0]
    return mask, marks


def _chroma(image: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    luma = image.mean(axis=2) + 1.0
    return luma, (image[..., 0] - image[..., 1]) / luma, ((image[..., 0] + image[..., 1]) / 2 - image[..., 2]) / luma


def _bands(image: np.ndarray, mask: np.ndarray) -> np.ndarray:
    luma, red_green, yellow_blue = _chroma(image)
    rows = np.nonzero(mask.any(axis=1))[0]
    head_luma = np.median(luma[mask])
    widest = mask.sum(axis=1).max()
    features = []
    for band in np.array_split(np.arange(rows[0], rows[-1] + 1), BANDS):
        inside = mask[band]
        light = luma[band][inside]
        features += [np.median(red_green[band][inside]), np.median(yellow_blue[band][inside]),
                     inside.sum(axis=1).mean() / widest, 0.5 * np.median(light) / head_luma,
                     np.median(light) / 255]
    return np.asarray(features)


def _aligned(image: np.ndarray, marks: np.ndarray) -> np.ndarray:
    width, height = ALIGNED
    affine = np.linalg.solve(np.column_stack([LANDMARKS, np.ones(3)]), marks)  # aligned -> painted pixels
    u, v = np.meshgrid(np.arange(width) + 0.5, np.arange(height) + 0.5)
    points = np.stack([u, v, np.ones_like(u)], axis=-1) @ affine
    x = np.clip(points[..., 0], 0, image.shape[1] - 1.001)
    y = np.clip(points[..., 1], 0, image.shape[0] - 1.001)
    x0, y0 = x.astype(int), y.astype(int)
    tx, ty = (x - x0)[..., None], (y - y0)[..., None]
    face = (image[y0, x0] * (1 - tx) + image[y0, x0 + 1] * tx) * (1 - ty) + \
        (image[y0 + 1, x0] * (1 - tx) + image[y0 + 1, x0 + 1] * tx) * ty
    luma, red_green, yellow_blue = _chroma(face)

    def blurred(values: np.ndarray) -> np.ndarray:
        return values.reshape(height // 2, 2, width // 2, 2).mean(axis=(1, 3)).ravel()
    return np.concatenate([blurred(luma / 255), 0.5 * blurred(red_green), 0.5 * blurred(yellow_blue)])


def face_signature(scenario_id: str, person_id: str, turn: str, seed: int) -> np.ndarray:
    """The bands and the aligned face, the two given equal weight."""
    image = painted(scenario_id, person_id, turn, seed).astype(np.float32)
    mask, marks = head_geometry(scenario_id, person_id, turn)
    bands, face = _bands(image, mask), _aligned(image, marks)
    return np.concatenate([bands, face * (len(bands) / len(face))])


def distance(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a - b).mean())


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_every_face_in_a_scenario_differs_from_every_other_by_a_clear_margin(scenario_id):
    """The nearest two sitters differ twice as much as one sitter painted twice with another brush
    (the brush's part measured on four sitters, the first, two in the middle and the last)."""
    paint_ahead(scenario_id)
    people = sorted(cast(scenario_id))
    faces = {person: face_signature(scenario_id, person, "front", 5) for person in people}
    noise = max(distance(faces[person], face_signature(scenario_id, person, "front", 6)) for person in _sampled(people))
    closest, first, second = min((distance(faces[a], faces[b]), a, b) for a in people for b in people if a < b)
    assert closest > 2.0 * noise, f"{first} and {second} differ by {closest:.3f}; the brush alone by {noise:.3f}"


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_a_sitter_turned_is_nearer_to_himself_than_to_anyone_else(scenario_id):
    """Each sitter painted at three-quarter view (to the left or the right, in turn) is matched
    against everyone painted from the front, with another brush: the nearest must be himself."""
    paint_ahead(scenario_id)
    people = sorted(cast(scenario_id))
    gallery = {person: face_signature(scenario_id, person, "front", 5) for person in people}
    mistaken = []
    for index, person in enumerate(people):
        turn = _turn(index)
        probe = face_signature(scenario_id, person, turn, 6)
        nearest = min(people, key=lambda other: distance(probe, gallery[other]))
        if nearest != person:
            mistaken.append(f"{person} ({turn}) looks nearest to {nearest}")
    assert mistaken == []


def test_the_comparison_tells_one_face_twice_from_two_faces():
    """Guard against a signature that finds everyone different: the same words twice are one face."""
    again = face_signature("cuban_missile_crisis_1962", "kennedy", "front", 6)
    first = face_signature("cuban_missile_crisis_1962", "kennedy", "front", 5)
    other = face_signature("cuban_missile_crisis_1962", "khrushchev", "front", 5)
    assert distance(first, again) < 0.5 * distance(first, other)


def test_every_person_of_every_shipped_scenario_paints_a_picture():
    """Every shipped portrait paints: the faces painted for the comparisons above, and any person of
    another shipped scenario (the demo's cast repeats 1962's words) whose words are not among them."""
    painted_words = {}
    for scenario_id in SCENARIOS:
        paint_ahead(scenario_id)
        painted_words.update((repr(sorted(words.items())), (scenario_id, person))
                             for person, words in cast(scenario_id).items())
    shipped = sorted(path.parent.name for path in (ROOT / "scenarios").glob("*/scenario.yaml"))
    assert set(SCENARIOS) < set(shipped)
    checked = 0
    for scenario_id in shipped:
        for person, words in cast(scenario_id).items():
            known = painted_words.get(repr(sorted(words.items())))
            pixels = painted(*known, "front", 5) if known else paint_portrait(words, SIZE, 5)
            assert pixels.shape == (SIZE, SIZE, 3) and pixels.dtype == np.uint8, f"{scenario_id}/{person}"
            assert pixels.std() > 10, f"{scenario_id}/{person} painted a blank sheet"
            checked += 1
    assert checked >= 30
