"""The painter's words an author of another crisis needs: the map's every region, captions with
accents and Cyrillic, flags of countries and of an author's colours, ground under a city, and
number fields that say their range when refused."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from game import geography
from game.art import lettering, scene_spec
from game.art.elements import flags
from game.art.scene_spec import problems
from game.art.scenes import paint_scene

ROOT = Path(__file__).resolve().parents[2]
SMALL = (160, 90)


def _messages(description) -> str:
    return "\n".join(f"{scene_spec.format_path(path)}: {message}" for path, message in problems(description))


def _paint(*elements, size=SMALL, seed=3) -> np.ndarray:
    return paint_scene({"paint": list(elements)}, *size, seed=seed).astype(float)


# --- numbers say their range ---------------------------------------------------------------------

def test_a_number_out_of_range_says_its_range():
    text = _messages({"paint": [{"sky": {"stars": 500, "cloud": "lots"}}]})
    assert "art.paint[0].sky.stars: 500 is out of range: a whole number from 0 to 400" in text
    assert "art.paint[0].sky.cloud: must be a number from 0 to 1, not text" in text


def _outside(field: scene_spec.Field):
    if field.type in ("number", "count"):
        return field.high + 1
    if field.type == "point":
        return [field.high + 1, 0.5]
    return [10, 60, 5, 50]  # a box with west after east


@pytest.mark.parametrize("kind", sorted(scene_spec.ELEMENTS))
def test_every_number_field_says_its_range_when_refused(kind):
    for name, field in scene_spec.ELEMENTS[kind].items():
        if field.type not in ("number", "count", "point", "box"):
            continue
        for wrong in (_outside(field), "much"):
            found = dict(scene_spec.element_problems({kind: {name: wrong}}, ("paint", 0)))
            message = found[("paint", 0, kind, name)]
            assert re.search(r"from -?[\d.]+ to -?[\d.]+", message), (kind, name, message)


def test_a_whole_number_is_not_a_fraction():
    assert "must be a whole number from 0 to 400, not 2.5" in _messages({"paint": [{"sky": {"stars": 2.5}}]})


def test_a_portraits_age_says_its_range():
    from game.art.portrait_spec import problems as portrait_problems

    assert portrait_problems({"age": 130}) == [("age", "'age' must be a whole number from 16 to 100, not 130")]


# --- the map's every region ----------------------------------------------------------------------

def test_every_country_and_group_of_the_map_is_a_region_a_picture_can_name():
    data = geography.geometry()
    assert set(data["countries"]) | set(data["groups"]) == set(geography.regions())
    field = scene_spec.ELEMENTS["land"]["region"]
    assert all(scene_spec.field_problem(field, region) is None for region in ("egypt", "israel", "britain", "ussr"))


def test_a_misspelt_region_is_named_with_a_suggestion_and_every_region_word():
    text = _messages({"paint": [{"land": {"region": "egipt"}}]})
    assert "art.paint[0].land.region: unknown region 'egipt' (did you mean 'egypt'?); the regions are: " in text
    assert ", ".join(geography.regions()) in text


def test_a_region_its_view_leaves_out_is_refused():
    text = _messages({"paint": [{"land": {"view": "caribbean", "region": "egypt"}}]})
    assert "art.paint[0].land.region: the region 'egypt' lies outside the caribbean view" in text
    assert problems({"paint": [{"land": {"view": "world", "region": "egypt"}}]}) == []


def test_map_words_need_the_map_shape():
    assert "it needs shape: map" in _messages({"paint": [{"land": {"shape": "hills", "region": "egypt"}}]})


def test_a_box_must_be_west_before_east_and_within_the_globe():
    assert "is not a box" in _messages({"paint": [{"land": {"box": [30, 10, 20, 20]}}]})
    assert "is not a box" in _messages({"paint": [{"land": {"box": [20, -95, 30, 20]}}]})


def test_the_frame_round_a_region_holds_it_in_the_pictures_proportions():
    egypt = geography.region_extent("egypt")
    france = geography.region_extent("france")
    assert france[0] > -10, "France is framed without French Guiana"
    element = scene_spec.composition({"paint": [{"land": {"region": "egypt"}}]})[0]
    from game.art.elements.nature import _frame

    canvas = type("Canvas", (), {"width": 1280, "height": 720})()
    view, box, _ = _frame(canvas, element)
    assert view is None
    assert box[0] < egypt[0] and box[1] < egypt[1] and box[2] > egypt[2] and box[3] > egypt[3]
    middle = np.radians((box[1] + box[3]) / 2)
    assert (box[2] - box[0]) * np.cos(middle) / (box[3] - box[1]) == pytest.approx(1280 / 720)


def test_land_framed_round_a_region_paints_the_country_in_the_middle_and_sea_beyond():
    pixels = _paint({"land": {"region": "egypt"}})
    middle, sea, libya = (pixels[rows, columns].mean(axis=(0, 1)) for rows, columns in (
        (slice(40, 50), slice(75, 85)), (slice(2, 6), slice(40, 70)), (slice(40, 50), slice(5, 15))))
    assert middle[1] > middle[2] + 10 and middle.sum() < libya.sum() - 60, "the country, tinted deeper than Libya"
    assert sea[2] > sea[0] + 10, "the Mediterranean, blue"


def test_the_format_reference_lists_every_region_word():
    """The list in docs/scenario-format.md is written by scripts/sync_schema_vocabulary.py."""
    reference = (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")
    listed = reference.split("<!-- regions -->", 1)[1].split("<!-- /regions -->", 1)[0]
    assert re.findall(r"`([a-z_]+)`", listed) == list(geography.regions())


# --- captions ------------------------------------------------------------------------------------

def test_an_accented_letter_is_its_letter_with_its_accent():
    assert lettering.strokes("È") == lettering.GLYPHS["E"] + lettering.MARKS["\u0300"]
    assert lettering.strokes("Й") == lettering.GLYPHS["И"] + lettering.MARKS["\u0306"]
    assert lettering.unletterable("Sèvres, Łódź, Ñuñoa, Åland, Ørsted") == []
    assert lettering.unletterable("Протокол № 3: Москва — «Ёлка»") == []


def test_a_caption_letters_the_accent_above_its_letter():
    """'SÈVRES' was once painted 'S VRES': now the E is there, and its accent above it."""
    def ink_above_the_second_letter(text: str) -> float:
        pixels = _paint({"text_plate": {"text": text, "at": [0.5, 0.5], "scale": 3.0}}, size=(320, 180))
        unit = 180 * 0.035 * 3 / 6               # the pen's grid, as text_plate lays it
        left = 160 - unit * 5.5 * len(text) / 2 + unit * 5.5  # where the second letter starts
        top = 90 - 3 * unit                     # the capitals' top
        return 255 - pixels[int(top - 2.2 * unit):int(top - 0.5 * unit), int(left):int(left + 4 * unit)].mean()

    assert ink_above_the_second_letter("SÈVRES") > ink_above_the_second_letter("SEVRES") + 20


def test_a_caption_the_pen_cannot_letter_is_refused():
    text = _messages({"paint": [{"text_plate": {"text": "Sèvres ✓ 漢"}}]})
    assert "art.paint[0].text_plate.text: the pen cannot letter '✓' (U+2713) '漢' (U+6F22)" in text


# --- flags ---------------------------------------------------------------------------------------

def test_every_flag_paints():
    row = [{"flag": {"kind": kind, "at": [0.03 + 0.06 * (index % 16), 0.3 + 0.3 * (index // 16)], "scale": 0.2}}
           for index, kind in enumerate(scene_spec.FLAGS)]
    assert len(row) <= scene_spec.MAX_ELEMENTS
    assert _paint(*row, size=(320, 180)).std() > 10


def test_a_flag_of_the_authors_colours_paints_them_in_order():
    pixels = _paint({"flag": {"stripes": ["vermilion", "white", "#0055a4"], "direction": "vertical",
                              "at": [0.2, 0.95], "scale": 2.5, "wave": 0.0, "pole": False}}, size=(320, 180))
    unit = 180 * 0.25 * 2.5
    top, x = int(0.95 * 180 - 1.3 * unit), int(0.2 * 320)
    band = pixels[top + 20:top + int(0.55 * unit) - 20]
    red, paper, blue = (band[:, x + int(unit * share) - 8:x + int(unit * share) + 8].mean(axis=(0, 1))
                        for share in (1 / 6, 0.5, 5 / 6))
    assert red[0] > red[2] + 60 and blue[2] > blue[0] + 40 and paper.min() > 180


def test_a_flags_colours_are_checked():
    assert "unknown colour 'crimson'" in _messages({"paint": [{"flag": {"stripes": ["crimson"]}}]})
    assert "unknown colour '#12345'" in _messages({"paint": [{"flag": {"stripes": ["#12345"]}}]})
    assert "not both" in _messages({"paint": [{"flag": {"kind": "france", "stripes": ["white"]}}]})
    assert problems({"paint": [{"flag": {"stripes": ["#0055A4", "white", "vermilion"]}}]}) == []


def test_every_flag_has_a_design_and_is_described_in_the_format_reference():
    assert set(flags.DESIGNS) == set(scene_spec.FLAGS)
    reference = (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")
    section = reference.split("### Flags", 1)[1].split("\n## ", 1)[0]
    assert [kind for kind in scene_spec.FLAGS if f"`{kind}`" not in section] == []


# --- a city stands on the ground -----------------------------------------------------------------

def test_a_city_stands_on_ground():
    sky = _paint("sky")
    city = _paint("sky", {"land": {"shape": "city"}})
    below = slice(int(0.72 * SMALL[1]), int(0.9 * SMALL[1]))
    assert sky[below].mean() - city[below].mean() > 25, "ground painted under the roofs, not bare paper"
