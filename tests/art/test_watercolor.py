"""The watercolor core: reproducible from a seed, subtractive mixing, washes that stay where they are put."""

import colorsys
import os
import subprocess
import sys

import numpy as np
import pytest

from game.art.watercolor import PIGMENTS, Painting, ellipse, rectangle, seed_for

PAPER = (244, 236, 220)


def small_picture(seed: int) -> np.ndarray:
    painting = Painting(160, 100, seed)
    painting.gradient_wash("cerulean", 0.5, top=1.0, bottom=0.2)
    painting.wash(ellipse(60, 50, 30, 20), "burnt_sienna", 0.6)
    painting.ink([(10, 80), (80, 70), (150, 85)], "sepia", 1.5)
    painting.spatter("indigo", 20, (0, 60, 160, 40))
    return painting.pixels()


def test_the_same_seed_paints_the_same_pixels():
    assert np.array_equal(small_picture(7), small_picture(7))


def test_different_seeds_paint_different_pictures():
    assert not np.array_equal(small_picture(7), small_picture(8))


def test_pixels_are_rgb_bytes_the_size_of_the_sheet():
    image = Painting(33, 21, 1).pixels()
    assert image.shape == (21, 33, 3) and image.dtype == np.uint8


def test_bare_paper_keeps_the_paper_colour_under_its_grain():
    image = Painting(64, 64, 3, paper=PAPER).pixels().reshape(-1, 3).astype(float)
    assert np.allclose(image.mean(axis=0), PAPER, atol=3)
    assert image.std(axis=0).max() > 0.5  # the grain is there, faintly


def test_seed_for_is_stable_across_processes_whatever_python_hashing_does():
    code = "from game.art.watercolor import seed_for; print(seed_for('cuban_missile_crisis_1962', 'portrait', 'jfk', 3))"
    outputs = set()
    for hash_seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        outputs.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                   check=True).stdout.strip())
    assert outputs == {str(seed_for("cuban_missile_crisis_1962", "portrait", "jfk", 3))}


def test_seed_for_tells_parts_apart():
    assert seed_for("a", "b") != seed_for("ab")
    assert seed_for("day", 1) != seed_for("day", "1")
    assert seed_for("x") != seed_for("y")


def hue_degrees(rgb) -> float:
    r, g, b = (float(c) / 255 for c in rgb)
    return colorsys.rgb_to_hsv(r, g, b)[0] * 360


def wash_colour(*pigments: str) -> np.ndarray:
    painting = Painting(120, 120, 11)
    for pigment in pigments:
        painting.wash(rectangle(20, 20, 80, 80), pigment, 0.6, granulation=0.0, edge=0.0)
    return painting.pixels()[50:70, 50:70].reshape(-1, 3).mean(axis=0)


def test_blue_over_yellow_mixes_green_as_glazes_do():
    blue, yellow = wash_colour("cerulean"), wash_colour("cadmium_yellow")
    mixed = wash_colour("cadmium_yellow", "cerulean")
    assert hue_degrees(yellow) + 15 < hue_degrees(mixed) < hue_degrees(blue) - 60, (yellow, mixed, blue)
    greenness = lambda rgb: rgb[1] - max(rgb[0], rgb[2])  # noqa: E731
    assert greenness(mixed) > greenness(blue) and greenness(mixed) > greenness(yellow)
    assert mixed.sum() < blue.sum() and mixed.sum() < yellow.sum()  # glazes only ever darken


def test_a_wash_stays_near_its_outline():
    painting = Painting(200, 120, 5)
    painting.wash(rectangle(20, 20, 60, 60), "indigo", 0.8)
    density = painting.density.sum(axis=2)
    assert density[40:60, 40:60].mean() > 1.0
    assert density[:, 130:].max() == 0.0


def test_the_wet_edge_is_darker_than_the_middle():
    painting = Painting(200, 200, 9)
    painting.wash(rectangle(40, 40, 120, 120), "ultramarine", 0.5, edge=1.0, granulation=0.0, wobble=0.0)
    density = painting.density[..., 0]
    middle = density[80:120, 80:120].mean()
    rim = density[90:110, 36:52].mean(axis=0).max()  # across the left side
    assert rim > 1.2 * middle


def test_more_strength_lays_more_pigment():
    def total(strength: float) -> float:
        painting = Painting(100, 100, 4)
        painting.wash(ellipse(50, 50, 30, 30), "sepia", strength)
        return float(painting.density.sum())
    assert total(0.8) > 1.5 * total(0.4)


def test_ink_darkens_along_its_line_and_not_far_from_it():
    painting = Painting(200, 60, 2)
    painting.ink([(20, 30), (180, 30)], "sepia", width=2.0, wobble=0.3)
    density = painting.density.sum(axis=2)
    assert density[27:34, 60:140].max(axis=0).min() > 1.0
    assert density[:15].max() < 0.05 and density[45:].max() < 0.05


def test_strokes_off_the_sheet_do_nothing():
    painting = Painting(50, 50, 1)
    painting.wash(rectangle(500, 500, 40, 40), "rose")
    painting.ink([(-300, -300), (-200, -250)])
    assert painting.density.max() == 0.0


def test_an_unknown_pigment_is_named_with_the_palette():
    with pytest.raises(KeyError, match="titanium_white.*palette"):
        Painting(10, 10, 1).wash(rectangle(0, 0, 5, 5), "titanium_white")


def test_the_palette_has_what_painters_here_reach_for():
    wanted = {"ultramarine", "cerulean", "prussian_blue", "viridian", "sap_green", "olive", "yellow_ochre",
              "raw_sienna", "burnt_sienna", "burnt_umber", "sepia", "vermilion", "alizarin", "rose", "payne_grey",
              "indigo", "ivory_black", "lamp_black", "naples_yellow", "cadmium_yellow", "flesh"}
    assert wanted <= set(PIGMENTS)
    assert all(min(k) >= 0 for k in PIGMENTS.values())  # subtractive: a pigment can only absorb
