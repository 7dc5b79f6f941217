"""The watercolor core: reproducible from a seed, Kubelka-Munk mixing, washes that stay where they are put,
and the water's behaviour: wet-in-wet, hard dried edges, backruns, granulation, reserved whites."""

import colorsys
import os
import subprocess
import sys

import numpy as np
import pytest

from game.art.watercolor import PIGMENTS, Painting, ellipse, km_reflectance, rectangle, seed_for

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
    assert density[27:34, 60:140].max(axis=0).min() > 0.5
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
    assert all(min(p.absorption) >= 0 and min(p.scattering) >= 0 for p in PIGMENTS.values())


def test_each_pigment_shows_its_masstone_at_full_strength_on_white():
    """The palette is defined by what a full-strength wash looks like; Kubelka-Munk must give it back."""
    for pigment in PIGMENTS.values():
        shown = km_reflectance(pigment.absorption, pigment.scattering, 1.0)
        assert np.allclose(shown, pigment.masstone, atol=0.01), pigment.name


# What painters get from two-pigment mixtures (any mixing chart shows them): the hue family of the
# mixture, in degrees of HSV hue, and whether it keeps its colour or greys out.
SWATCH_MIXES = [
    (("ultramarine", "cadmium_yellow"), (55, 170), "a dull, olive green (ultramarine is a red-shade blue)"),
    (("cerulean", "lemon_yellow"), (70, 170), "a clean light green"),
    (("alizarin", "ultramarine"), (250, 330), "a violet"),
    (("cadmium_yellow", "vermilion"), (15, 45), "an orange"),
    (("rose", "cobalt_blue"), (230, 320), "a mauve"),
    (("yellow_ochre", "ultramarine"), (50, 180), "a grey olive"),
]


def mixed(pigments: tuple[str, ...], amount: float = 0.5) -> np.ndarray:
    """The colour of a wash of these pigments mixed in equal parts, as a painter mixes on the palette."""
    painting = Painting(60, 60, 3)
    painting.wash(rectangle(5, 5, 50, 50), [(name, amount) for name in pigments], 1.0, granulation=0.0, edge=0.0)
    return painting.pixels()[25:35, 25:35].reshape(-1, 3).mean(axis=0)


@pytest.mark.parametrize("pigments, hues, what", SWATCH_MIXES, ids=[" + ".join(m[0]) for m in SWATCH_MIXES])
def test_mixtures_land_in_the_hue_family_real_swatches_show(pigments, hues, what):
    colour = mixed(pigments)
    assert hues[0] <= hue_degrees(colour) <= hues[1], (what, colour)


def test_complements_mix_to_a_near_neutral_and_analogues_stay_clean():
    """Ultramarine and burnt sienna make the painters' grey; two yellows and reds keep their chroma."""
    def chroma(rgb) -> float:
        return float(rgb.max() - rgb.min())
    grey = mixed(("ultramarine", "burnt_sienna"), 0.6)
    orange = mixed(("cadmium_yellow", "vermilion"))
    assert chroma(grey) < 0.45 * chroma(orange)
    assert chroma(orange) > 90


def test_an_opaque_pigment_lightens_a_dark_wash_and_a_transparent_one_does_not():
    def over_indigo(pigment: str | None) -> float:
        painting = Painting(60, 60, 4)
        painting.wash(rectangle(5, 5, 50, 50), "indigo", 0.9, granulation=0.0, edge=0.0)
        if pigment:
            painting.wash(rectangle(5, 5, 50, 50), pigment, 0.6, granulation=0.0, edge=0.0)
        return float(painting.pixels()[25:35, 25:35].mean())
    dark = over_indigo(None)
    assert over_indigo("naples_yellow") > dark + 3      # body colour scatters light back
    assert over_indigo("alizarin") < dark               # a glaze only absorbs


def edge_profile(painting: Painting) -> np.ndarray:
    """Density across the left edge of a square wash laid at x = 40."""
    return painting.density.sum(axis=2)[70:130, 20:80].mean(axis=0)


def test_a_wash_on_damp_paper_spreads_softly_and_leaves_no_hard_rim():
    dry, wet = Painting(200, 200, 9), Painting(200, 200, 9)
    wet.wet(rectangle(0, 0, 200, 200))
    for painting in (dry, wet):
        painting.wash(rectangle(40, 40, 120, 120), "ultramarine", 0.5, granulation=0.0, wobble=0.0)
    dry_edge, wet_edge = edge_profile(dry), edge_profile(wet)

    def reach(profile: np.ndarray) -> int:  # how far out from the wash's edge pigment got, in pixels
        return 20 - int(np.argmax(profile > 0.01))
    assert reach(wet_edge) >= reach(dry_edge) + 2   # pigment crept out past the edge
    assert wet_edge.max() < dry_edge.max()          # and did not pool in a dried rim


def test_a_backrun_leaves_a_paler_patch_with_a_dark_edge():
    plain, bloomed = Painting(200, 200, 21), Painting(200, 200, 21)
    plain.wash(rectangle(20, 20, 160, 160), "burnt_sienna", 0.5, granulation=0.0, wobble=0.0)
    bloomed.wash(rectangle(20, 20, 160, 160), "burnt_sienna", 0.5, granulation=0.0, wobble=0.0, backruns=1)
    difference = bloomed.density.sum(axis=2) - plain.density.sum(axis=2)
    assert difference.min() < -0.05      # pigment pushed out of the patch...
    assert difference.max() > 0.05       # ...and deposited along its front


def test_ultramarine_granulates_more_than_alizarin():
    def speckle(pigment: str) -> float:
        painting = Painting(120, 120, 13)
        painting.wash(rectangle(10, 10, 100, 100), pigment, 0.4, granulation=0.8, edge=0.0, wobble=0.0)
        density = painting.density.sum(axis=2)[40:80, 40:80]
        return float(density.std() / density.mean())
    assert speckle("ultramarine") > 1.5 * speckle("alizarin")


def test_reserved_paper_stays_white_inside_a_wash():
    painting = Painting(120, 120, 17)
    reserve = np.zeros((120, 120), dtype=np.float32)
    reserve[50:70, 50:70] = 1.0
    painting.wash(rectangle(10, 10, 100, 100), "sepia", 0.6, reserve=reserve, granulation=0.0)
    density = painting.density.sum(axis=2)
    assert density[55:65, 55:65].mean() < 0.1 * density[20:40, 20:40].mean()


def test_a_field_wash_and_a_scrub_lay_and_lift_where_they_are_told():
    painting = Painting(120, 80, 6)
    field = np.zeros((40, 40), dtype=np.float32)
    field[10:30, 10:30] = 1.0
    painting.lay(field, "viridian", 0.6, at=(60, 20), wobble=1.0)
    density = painting.density.sum(axis=2)
    assert density[35:45, 75:85].mean() > 0.2 and density[:, :50].max() == 0.0
    painting.scrub([(62, 40), (98, 40)], width=4.0, amount=0.9, dryness=0.0)
    assert painting.density.sum(axis=2)[39:42, 72:88].mean() < 0.5 * density[39:42, 72:88].mean()


@pytest.mark.parametrize("damp", [False, True])
def test_a_patch_given_on_a_whole_sheet_dries_as_if_the_whole_sheet_were_worked(damp):
    # a field is cut down to where it has paint before it dries; the room kept round it must hold
    # all of its wavering edge, its rim, its bleed and (on damp paper) its creep. The same field with
    # a trace of paint everywhere is not cut down, and is the reference.
    trimmed, worked = Painting(200, 160, 4), Painting(200, 160, 4)
    field = np.zeros((160, 200), dtype=np.float32)
    field[70:100, 90:130] = 1.0
    for painting in (trimmed, worked):
        if damp:
            painting.wet(rectangle(0, 0, 200, 160))
    trimmed.lay(field, "indigo", 0.7, wobble=2.0, bleed=2.0)
    worked.lay(field + np.float32(1e-7), "indigo", 0.7, wobble=2.0, bleed=2.0)
    laid, reference = trimmed.density.sum(axis=2), worked.density.sum(axis=2)
    assert reference[60:110, 80:140].mean() > 0.2
    # nothing cut off at the trimmed box's edge: the same paint to within the blurs' rounding
    assert np.abs(laid - reference).max() < 2e-3 * reference.max()
    assert np.abs(trimmed.pixels().astype(int) - worked.pixels().astype(int)).max() <= 1


def test_the_convex_hull_keeps_the_outer_corners_counter_clockwise():
    from game.art.shapes import convex_hull

    square = [(0, 0), (2, 0), (2, 2), (0, 2)]
    inside = [(1, 1), (0.5, 1.5), (1, 0)]  # one within, one on an edge
    hull = convex_hull(square + inside + square[:2])
    assert sorted(map(tuple, hull.tolist())) == sorted(map(tuple, np.array(square, dtype=float).tolist()))
    x, y = hull[:, 0], hull[:, 1]
    assert 0.5 * float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y)) == 4.0  # the area, positive: counter-clockwise
