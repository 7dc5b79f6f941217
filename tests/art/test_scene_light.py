"""People with bodies in one light: shadows fall away from it, windows let it in, hands rest on tables,
and far things are softer as well as paler."""

from __future__ import annotations

import numpy as np

from game.art.scene_spec import library_people, problems
from game.art.scenes import paint_scene

SIZE = (320, 180)
PEOPLE = library_people()


def _luminance(pixels: np.ndarray) -> np.ndarray:
    return pixels.astype(float).mean(axis=2)


def _standing_sailor(light: str) -> np.ndarray:
    scene = {"paint": [{"sky": {"horizon": 0.4, "light": light}},
                       {"land": {"shape": "plain", "horizon": 0.4, "extent": 0.0, "pigment": "yellow_ochre"}},
                       {"person": {"who": "sailor", "pose": "standing", "turn": "front", "at": [0.5, 0.25],
                                   "scale": 0.9}}]}
    return _luminance(paint_scene(scene, *SIZE, seed=3))


def test_a_standing_persons_shadow_falls_on_the_ground_away_from_the_light():
    lit_from_left, lit_from_right = _standing_sailor("left"), _standing_sailor("right")
    # the ground a little right and left of the feet (feet at about 0.92 of the height)
    rows = slice(int(0.8 * 180), int(0.9 * 180))
    right, left = slice(int(0.53 * 320), int(0.65 * 320)), slice(int(0.35 * 320), int(0.47 * 320))
    assert lit_from_left[rows, right].mean() < lit_from_right[rows, right].mean() - 8
    assert lit_from_right[rows, left].mean() < lit_from_left[rows, left].mean() - 8


def test_a_window_by_day_lays_its_light_on_the_floor_and_not_by_night():
    def room(time: str) -> np.ndarray:
        scene = {"paint": [{"room": {"horizon": 0.6, "time": "day", "light": "left", "panels": 0}},
                           {"window": {"at": [0.35, 0.3], "scale": 1.0, "time": time, "curtains": False}}]}
        return _luminance(paint_scene(scene, *SIZE, seed=4))

    floor = (slice(int(0.66 * 180), int(0.78 * 180)), slice(int(0.3 * 320), int(0.5 * 320)))
    assert room("day")[floor].mean() > room("night")[floor].mean() + 10


def test_hands_rest_on_the_table_in_the_persons_sleeves():
    table = {"table": {"shape": "side", "at": [0.5, 0.85], "scale": 1.4, "seats": 0, "lamp": False, "papers": False}}
    sitting = [{"room": {"horizon": 0.6}}, {"person": {"who": "navy_officer", "pose": "bust", "at": [0.5, 0.45],
                                                       "scale": 1.2}}, table]
    without = paint_scene({"paint": sitting}, *SIZE, seed=5).astype(float)
    with_hands = paint_scene({"paint": sitting + [{"hands": {"who": "navy_officer", "pose": "folded",
                                                             "at": [0.5, 0.735], "scale": 1.2}}]},
                             *SIZE, seed=5).astype(float)
    # on the table top, either side of the hands: the sleeves are the jacket's cloth, not the table's brown
    rows = slice(int(0.74 * 180), int(0.77 * 180))
    jacket = with_hands[int(0.62 * 180):int(0.68 * 180), int(0.42 * 320):int(0.46 * 320)].reshape(-1, 3).mean(axis=0)
    wood = without[rows, int(0.25 * 320):int(0.35 * 320)].reshape(-1, 3).mean(axis=0)
    for columns in (slice(int(0.43 * 320), int(0.47 * 320)), slice(int(0.53 * 320), int(0.57 * 320))):
        changed = with_hands[rows, columns] - without[rows, columns]
        assert changed.mean() < -15, "the forearms darken the table where they lie"
        sleeve = with_hands[rows, columns].reshape(-1, 3).mean(axis=0)
        assert np.abs(sleeve - jacket).sum() < np.abs(sleeve - wood).sum()


def test_hands_need_someone_and_refuse_an_unknown_pose():
    assert any("needs 'who'" in message for _, message in problems({"paint": [{"hands": {}}]}))
    found = problems({"paint": [{"hands": {"who": "sailor", "pose": "foldd"}}]}, people=PEOPLE)
    assert any("did you mean 'folded'" in message for _, message in found)


def test_an_unknown_light_is_refused_with_a_suggestion():
    found = problems({"paint": [{"room": {"light": "lefft"}}]})
    assert any("did you mean 'left'" in message for _, message in found)


def test_distance_softens_an_element_as_well_as_paling_it():
    """The wall's foot against the sky: how sharp the step is, for the contrast it has."""
    def sharpness(depth: float) -> float:
        pixels = paint_scene({"paint": [{"sky": {"horizon": 1.0}}, {"building": {"kind": "kremlin", "scale": 2.5,
                                                                                "depth": depth}}]}, 640, 360, seed=2)
        profile = _luminance(pixels)[int(0.6 * 360):int(0.8 * 360), int(0.3 * 640):int(0.7 * 640)].mean(axis=1)
        return float(np.abs(np.diff(profile)).max() / (profile.max() - profile.min()))

    # paling and the air's wash alone leave about 0.77 of the near edge's sharpness; the blur takes more
    assert sharpness(0.8) < 0.68 * sharpness(0.0)


def test_showers_hang_grey_below_the_sky_and_cloud_shadows_darken_the_land():
    base = [{"sky": {"horizon": 0.6, "cloud": 0.0}},
            {"land": {"shape": "plain", "horizon": 0.6, "extent": 0.0, "pigment": "sap_green"}}]

    def painted(*weather: str) -> np.ndarray:
        extra = [{"weather": {"kind": kind, "strength": 0.8, "horizon": 0.6}} for kind in weather]
        return _luminance(paint_scene({"paint": base + extra}, *SIZE, seed=6))

    clear, showers, shadows = painted(), painted("showers"), painted("cloud_shadows")
    sky_above_horizon, land = slice(int(0.42 * 180), int(0.58 * 180)), slice(int(0.62 * 180), 180)
    assert (clear[sky_above_horizon] - showers[sky_above_horizon]).max() > 25, "a grey curtain somewhere in the sky"
    assert np.abs(clear[land] - showers[land]).mean() < 3, "the showers stay in the distance"
    darker = clear[land] - shadows[land]
    assert (darker > 10).mean() > 0.05, "patches of the land in shadow"
    assert (darker > 10).mean() < 0.7, "patches, not the whole land"
