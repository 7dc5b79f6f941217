"""The picture language and the scene library: every scene paints, bad descriptions are refused."""

from __future__ import annotations

import json

import re
from pathlib import Path

import numpy as np
import pytest
import yaml

from game.art import bake, scene_spec
from game.art.scene_spec import SceneDescriptionError, problems
from game.art.scenes import paint_scene
from game.art.watercolor import PIGMENTS
from game.scenario.load import load_scenario

from .eyes import whites_over_iris

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = scene_spec.library()
SMALL = (96, 54)
CRISIS = ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml"


CAST_1962 = bake.cast(load_scenario(CRISIS))

# The title screen paints "title"; these stay for authors (and Berlin 1961) whether or not 1962 names them.
REQUIRED = {"title", "submarine", "u2_over_cuba", "missile_site", "excomm_table", "president_on_tv",
            "quarantine_line", "ships_turn_back", "un_security_council", "u2_shot_down", "the_letters",
            "kremlin", "settlement", "nuclear_war", "invasion"}


def _art_values(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "art":
                yield value
            else:
                yield from _art_values(value)
    elif isinstance(node, list):
        for item in node:
            yield from _art_values(item)


def _shipped_art():
    files = sorted((ROOT / "scenarios").glob("*/scenario.yaml")) + sorted((ROOT / "docs" / "examples").glob("*.yaml"))
    for path in files:
        with open(path, encoding="utf-8") as handle:
            yield from ((path, value) for value in _art_values(yaml.safe_load(handle)))


def _scene(elements):
    return {"paint": elements}


class _StandingFigure:
    """Someone standing front-on in the middle of a 640x360 room, painted, and where the parts of
    his figure fall on the picture (his sheet placed as ``people.person`` places it)."""

    WIDTH, HEIGHT = 640, 360

    def __init__(self, who: str, room: dict, eyes_y: float, scale: float):
        from game.art import portraits
        from game.art.elements.people import HEAD_AT_SCALE_1
        from game.art.portrait_spec import resolve

        self.room = room
        person = {"person": {"who": who, "pose": "standing", "turn": "front", "at": [0.5, eyes_y], "scale": scale}}
        self.seen = paint_scene(_scene([room, person]), self.WIDTH, self.HEIGHT, seed=3, people=CAST_1962).astype(float)
        self.size = HEAD_AT_SCALE_1 * self.HEIGHT * scale / portraits.HEAD_SIZE
        self.x0 = 0.5 * self.WIDTH - portraits.EYES_AT[0] * self.size
        self.y0 = eyes_y * self.HEIGHT - portraits.EYES_AT[1] * self.size
        words = {**scene_spec.library_people(), **CAST_1962}[who]
        self.torso = portraits.torso_for(resolve(words), self.size, portraits.EYES_AT, portraits.HEAD_SIZE)

    def row(self, below_collar: float) -> int:
        """The picture's row ``below_collar`` sheet units under his collar."""
        return int(self.y0 + (self.torso.collar_y + below_collar) * self.size)

    def painted(self, threshold: float) -> np.ndarray:
        """Where the figure lies over the room: the picture differs from the room painted alone."""
        empty = paint_scene(_scene([self.room]), self.WIDTH, self.HEIGHT, seed=3).astype(float)
        return np.abs(self.seen - empty).sum(axis=2) > threshold


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_every_library_scene_paints_at_a_small_size(name):
    pixels = paint_scene({"scene": name}, *SMALL, seed=1, people=CAST_1962)
    assert pixels.shape == (SMALL[1], SMALL[0], 3)
    assert pixels.dtype == np.uint8
    assert pixels.std() > 8, "a painting should not be a flat sheet"


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_every_library_scene_is_a_valid_description(name):
    assert problems({"scene": name}) == []
    assert problems({"paint": LIBRARY[name]["paint"]}) == []


def test_every_person_the_library_shows_is_in_the_1962_cast_or_the_librarys_people():
    known = set(CAST_1962) | set(scene_spec.library_people())
    for name in LIBRARY:
        assert problems({"scene": name}, people=known) == [], name


def test_the_librarys_own_people_have_valid_portrait_words():
    from game.art.portrait_spec import problems as portrait_problems
    for person, words in scene_spec.library_people().items():
        assert portrait_problems(words) == [], person


def test_the_librarys_president_is_the_1962_scenarios_president():
    """Berlin 1961 borrows the President from the library; he must be the same man as in 1962."""
    assert scene_spec.library_people()["kennedy"] == CAST_1962["kennedy"]


def test_every_day_and_ending_of_1962_has_a_picture_of_its_own():
    scenario = load_scenario(CRISIS)
    pictures = [item.art for item in (*scenario.days, *scenario.endings)]
    assert None not in pictures
    # a library scene by name, or the scenario's own description (json: the same words, the same picture)
    names = [art["scene"] if "scene" in art else json.dumps(art, sort_keys=True) for art in pictures]
    assert len(set(names)) == len(names), [name for name in names if names.count(name) > 1]


def test_every_scene_a_shipped_scenario_names_is_in_the_library():
    used = {(path.parent.name, value["scene"]) for path, value in _shipped_art()
            if isinstance(value, dict) and "scene" in value}
    assert used, "the shipped scenarios name scenes"
    missing = sorted(f"{folder}: {name}" for folder, name in used if name not in LIBRARY)
    assert missing == []


def test_every_art_value_in_the_shipped_scenarios_has_no_problems():
    found = [(str(path), value, problems(value)) for path, value in _shipped_art() if "image" not in value]
    assert [item for item in found if item[2]] == []


def test_the_library_holds_the_title_and_every_1962_scene():
    assert REQUIRED <= set(LIBRARY)


def test_every_library_scene_says_what_it_shows():
    assert [name for name, scene in LIBRARY.items() if not scene.get("about")] == []


def test_the_same_seed_paints_the_same_pixels():
    first = paint_scene({"scene": "quarantine_line"}, *SMALL, seed=5)
    second = paint_scene({"scene": "quarantine_line"}, *SMALL, seed=5)
    assert np.array_equal(first, second)


def test_different_seeds_paint_different_pixels():
    first = paint_scene({"scene": "quarantine_line"}, *SMALL, seed=5)
    second = paint_scene({"scene": "quarantine_line"}, *SMALL, seed=6)
    assert not np.array_equal(first, second)


def test_a_scene_paints_at_full_size():
    pixels = paint_scene({"scene": "title"}, 1280, 720, seed=3)
    assert pixels.shape == (720, 1280, 3)


def test_an_inline_composition_paints_its_elements_in_order():
    sea = paint_scene(_scene([{"sea": {"horizon": 0.0}}]), *SMALL, seed=2)
    with_ship = paint_scene(_scene([{"sea": {"horizon": 0.0}}, {"ship": {"at": [0.5, 0.5], "scale": 2.0}}]),
                            *SMALL, seed=2)
    assert with_ship.mean() < sea.mean(), "a dark hull darkens the sea it sits on"


def test_overrides_change_the_fields_of_a_library_scene():
    dawn = paint_scene({"scene": "quarantine_line", "sky": {"time": "night"}, "sea": {"time": "night"}},
                       *SMALL, seed=4)
    day = paint_scene({"scene": "quarantine_line"}, *SMALL, seed=4)
    assert dawn.mean() < day.mean() - 10


def test_a_bare_element_name_takes_every_default():
    assert problems(_scene(["sky", "sea", "ship"])) == []
    elements = scene_spec.composition(_scene(["ship"]))
    assert elements[0].kind == "ship" and elements[0]["kind"] == "freighter"


# --- refusals ----------------------------------------------------------------------------------

def _messages(description) -> str:
    return "\n".join(f"{scene_spec.format_path(path)}: {message}" for path, message in problems(description))


def test_an_unknown_element_is_named_with_a_suggestion():
    text = _messages(_scene([{"shipp": {"kind": "destroyer"}}]))
    assert "unknown element 'shipp'" in text and "did you mean 'ship'" in text
    assert "art.paint[0]" in text


def test_an_unknown_field_is_named_with_a_suggestion():
    text = _messages(_scene([{"ship": {"headin": "left"}}]))
    assert "art.paint[0].ship.headin" in text and "did you mean 'heading'" in text


def test_a_wrong_type_is_refused():
    text = _messages(_scene([{"ship": {"scale": "large"}}]))
    assert "art.paint[0].ship.scale: must be a number from 0.05 to 4, not text" in text


def test_an_out_of_range_number_is_refused():
    text = _messages(_scene([{"sea": {"swell": 3}}]))
    assert "art.paint[0].sea.swell" in text and "out of range" in text


def test_a_position_off_the_page_is_refused():
    text = _messages(_scene([{"figure": {"at": [0.5, 9]}}]))
    assert "art.paint[0].figure.at" in text and "out of range" in text


def test_an_unknown_pigment_is_named_with_a_suggestion():
    text = _messages(_scene([{"ship": {"pigment": "ultramarin"}}]))
    assert "unknown pigment 'ultramarin'" in text and "did you mean 'ultramarine'" in text


def test_an_unknown_choice_is_named_with_a_suggestion():
    text = _messages(_scene([{"ship": {"kind": "destroyr"}}]))
    assert "unknown choice 'destroyr'" in text and "did you mean 'destroyer'" in text


def test_an_unknown_scene_is_named_with_a_suggestion():
    text = _messages({"scene": "excomm_tabel"})
    assert "unknown scene 'excomm_tabel'" in text and "did you mean 'excomm_table'" in text


def test_too_many_elements_are_refused():
    text = _messages(_scene(["sky"] * (scene_spec.MAX_ELEMENTS + 1)))
    assert "too many" in text


def test_counts_that_add_up_too_high_are_refused():
    crowd = {"figure": {"count": 40}}
    text = _messages(_scene([crowd] * 16))
    assert "add up to 640" in text


def test_elements_do_not_nest():
    text = _messages(_scene([{"ship": {"scale": {"sky": {}}}}]))
    assert "do not nest" in text
    assert "a list of elements" in _messages({"paint": {"sky": {}}})


def test_an_element_with_two_names_is_refused():
    assert "has 2 keys" in _messages(_scene([{"sky": {}, "sea": {}}]))


def test_an_override_of_an_element_the_scene_lacks_is_refused():
    text = _messages({"scene": "kremlin", "ship": {"kind": "destroyer"}})
    assert "has no 'ship' to change" in text


def test_scene_and_paint_together_are_refused():
    assert "either 'scene'" in _messages({"scene": "kremlin", "paint": []})


def test_paint_scene_refuses_a_bad_description_listing_every_problem():
    bad = _scene([{"shipp": {}}, {"sea": {"swell": -1}}, {"ship": {"pigment": "mauve"}}])
    with pytest.raises(SceneDescriptionError) as refused:
        paint_scene(bad, *SMALL, seed=1)
    message = str(refused.value)
    assert "art.paint[0]" in message and "art.paint[1].sea.swell" in message and "'mauve'" in message
    assert len(refused.value.problems) == 3


def test_paint_scene_refuses_an_authors_image():
    with pytest.raises(SceneDescriptionError, match="not painted"):
        paint_scene({"image": "pictures/dawn.png"}, *SMALL, seed=1)


def test_an_authors_image_has_no_problems():
    assert problems({"image": "pictures/dawn.png"}) == []


def test_a_description_that_is_not_a_mapping_is_refused():
    assert problems(42) and problems([1, 2])


def test_a_bare_name_is_a_library_scene_and_any_other_words_are_refused():
    assert problems("kremlin") == []
    assert problems("kremlinn") == [((), "unknown scene 'kremlinn' (did you mean 'kremlin'?)")]
    with pytest.raises(SceneDescriptionError, match="unknown scene"):
        paint_scene("a sketch of the harbour", *SMALL, seed=1)
    assert paint_scene("kremlin", *SMALL, seed=1).shape == (SMALL[1], SMALL[0], 3)


# --- the language and the painter stay in step ---------------------------------------------------

def test_the_languages_pigments_are_the_painters():
    assert scene_spec.PIGMENTS <= set(PIGMENTS)




def test_every_element_has_a_sentence_about_it():
    assert set(scene_spec.ABOUT) == set(scene_spec.ELEMENTS)


def test_every_default_passes_its_own_check():
    for kind, fields in scene_spec.ELEMENTS.items():
        for name, field in fields.items():
            if field.default is not None:
                assert scene_spec.field_problem(field, field.default) is None, (kind, name)


def test_the_spec_module_imports_no_numpy():
    source = (ROOT / "game" / "art" / "scene_spec.py").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(import|from)\s+numpy", source, re.MULTILINE)


# --- people and depth ---------------------------------------------------------------------------

def test_a_person_paints_from_the_cast_and_a_stranger_is_refused_with_a_suggestion():
    crowd = _scene([{"room": {}}, {"person": {"who": "kenedy", "at": [0.5, 0.5]}}])
    found = problems(crowd, people=set(CAST_1962))
    assert len(found) == 1 and found[0][0] == ("paint", 1, "person", "who")
    assert "did you mean 'kennedy'" in found[0][1]
    with pytest.raises(SceneDescriptionError):
        paint_scene(crowd, *SMALL, seed=1, people=CAST_1962)
    shown = _scene([{"room": {}}, {"person": {"who": "kennedy", "at": [0.5, 0.5], "scale": 3.0}}])
    assert paint_scene(shown, *SMALL, seed=1, people=CAST_1962).shape == (SMALL[1], SMALL[0], 3)


def test_a_person_needs_to_be_named():
    text = _messages(_scene([{"person": {"at": [0.5, 0.5]}}]))
    assert "art.paint[0].person.who" in text and "needs 'who'" in text


def test_the_scenarios_words_paint_the_person():
    """Change a sitter's words and the scene that shows him changes with them."""
    scene = _scene([{"room": {}}, {"person": {"who": "kennedy", "at": [0.5, 0.45], "scale": 4.0}}])
    as_written = paint_scene(scene, 160, 90, seed=3, people=CAST_1962)
    changed = dict(CAST_1962, kennedy=dict(CAST_1962["kennedy"], hair="white", glasses=True))
    assert np.abs(paint_scene(scene, 160, 90, seed=3, people=changed).astype(int) - as_written).mean() > 1.0


def test_the_loader_refuses_a_picture_of_someone_not_in_the_scenario():
    from game.scenario.load import load_with_diagnostics
    scenario, diagnostics = load_with_diagnostics(ROOT / "tests" / "art" / "fixtures" / "people_in_pictures.yaml")
    errors = [(entry.location.line, entry.message) for entry in diagnostics.errors]
    assert scenario is None
    assert [message for line, message in errors if line == 22] == [
        "art.paint[1].person.who: 'gromyko' is not a person of this scenario nor one of the library's people"]
    library = sorted(message.split("'")[3] for line, message in errors if line == 29)
    assert library == ["mcnamara", "rfk", "rusk", "sorensen", "taylor"]  # kennedy is the library's own
    assert len(errors) == 6


def test_depth_pales_an_element_toward_the_colour_of_the_air():
    near = paint_scene(_scene([{"sky": {"horizon": 1.0}}, {"building": {"kind": "kremlin", "scale": 2.5}}]),
                       160, 90, seed=2)
    far = paint_scene(_scene([{"sky": {"horizon": 1.0}}, {"building": {"kind": "kremlin", "scale": 2.5, "depth": 0.8}}]),
                      160, 90, seed=2)
    wall = (slice(55, 65), slice(30, 130))
    assert far[wall].astype(float).mean() > near[wall].astype(float).mean() + 10


def test_a_solid_element_covers_what_was_under_it():
    base = [{"sky": {"horizon": 1.0}}, {"sea": {"horizon": 0.0, "pigment": "indigo"}}]
    page = {"letter": {"at": [0.5, 0.5], "scale": 3.0, "lines": 0}}
    pixels = paint_scene(_scene(base + [page]), 160, 90, seed=2).astype(float)
    sea = paint_scene(_scene(base), 160, 90, seed=2).astype(float)
    assert pixels[40:50, 75:85].mean() > sea[40:50, 75:85].mean() + 40  # the pale page, not the dark sea through it


def test_papers_on_a_desk_hide_what_stands_behind_it():
    # a man behind a desk (The Loneliest Job): the pale papers on it were laid as a glaze, so his
    # legs showed through them like a ghost's
    dark = [{"sky": {"horizon": 1.0}}, {"sea": {"horizon": 0.0, "pigment": "indigo"}}]
    desk = {"table": {"shape": "desk", "at": [0.5, 0.9], "scale": 2.0, "seats": 0, "lamp": False, "papers": True}}
    on_dark = paint_scene(_scene(dark + [desk]), 320, 180, seed=2).astype(float)
    on_paper = paint_scene(_scene([desk]), 320, 180, seed=2).astype(float)
    sea = paint_scene(_scene(dark), 320, 180, seed=2).astype(float)
    papers = (slice(144, 147), slice(125, 165))
    contrast = on_paper[papers].mean() - sea[papers].mean()
    assert contrast > 60  # pale papers over a dark sea: there is a difference to see
    # the sea darkens the papers laid over it by less than a quarter of that (it took 0.45 of it)
    seen_through = on_paper[papers].mean() - on_dark[papers].mean()
    assert seen_through < 0.25 * contrast, (seen_through, contrast)


def test_the_format_reference_lists_every_element():
    reference = (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")
    art = reference[reference.index("## Art"):]
    assert [kind for kind in scene_spec.ELEMENTS if f"| `{kind}` |" not in art] == []


def _shrunk(pixels: np.ndarray, factor: int) -> np.ndarray:
    h, w, _ = pixels.shape
    return pixels.reshape(h // factor, factor, w // factor, factor, 3).mean(axis=(1, 3))


def test_a_composition_keeps_its_layout_at_every_size():
    large = _shrunk(paint_scene({"scene": "kremlin"}, 1280, 720, seed=9).astype(float), 4)
    small = paint_scene({"scene": "kremlin"}, 320, 180, seed=9).astype(float)
    other = paint_scene({"scene": "ships_turn_back"}, 320, 180, seed=9).astype(float)
    assert np.abs(large - small).mean() < 0.5 * np.abs(other - small).mean()


def test_add_lays_more_elements_on_a_library_scene():
    plain = paint_scene({"scene": "settlement"}, *SMALL, seed=4)
    flagged = paint_scene({"scene": "settlement", "add": [{"flag": {"kind": "ussr", "at": [0.5, 0.9], "scale": 2}}]},
                          *SMALL, seed=4)
    assert not np.array_equal(plain, flagged)
    assert "art.add[0]" in _messages({"scene": "settlement", "add": [{"flagg": {}}]})


def test_a_crowd_is_painted_in_two_values_not_as_dark_blobs():
    """People in a row of the press have lit and shadow sides and their faces are flesh, never near-black."""
    pixels = paint_scene({"paint": [{"figure": {"pose": "seated", "rows": 1, "spread": 0.8, "at": [0.5, 0.9],
                                                "scale": 1.6, "pigment": "sepia"}}]}, 640, 360, 5).astype(float)
    luminance = pixels.mean(axis=2)
    painted = luminance < 200  # the figures, not the paper
    assert painted.mean() > 0.05
    assert np.percentile(luminance[painted], 5) > 70, "the darkest of the figures should not be a black blob"
    bodies = luminance[int(0.7 * 360):int(0.88 * 360)]
    # within a body the shadow half is darker than the lit half: two values, not a flat silhouette
    assert np.percentile(bodies[bodies < 200], 90) - np.percentile(bodies[bodies < 200], 10) > 25


def test_a_figure_stands_in_front_of_what_is_behind_it():
    # a man against a window (After Vienna): laid over the window as a glaze, he was a ghost with
    # the window's bars across his body and head
    figure = {"figure": {"pose": "standing", "at": [0.45, 0.98], "scale": 2.4, "pigment": "indigo"}}
    room = {"room": {"wall": "naples_yellow", "floor": "burnt_umber", "horizon": 0.8, "time": "storm", "panels": 0}}
    window = {"window": {"at": [0.5, 0.38], "scale": 1.5, "time": "storm"}}
    bare = paint_scene({"paint": [room, window]}, 640, 360, seed=4).astype(float).sum(axis=2)
    seen = paint_scene({"paint": [room, window, figure]}, 640, 360, seed=4).astype(float).sum(axis=2)
    columns = slice(270, 300)  # through the figure's hips, where the window's sill runs behind them
    sill = 230 + int(np.argmin(bare[230:270, columns].mean(axis=1)))

    def dip(image: np.ndarray) -> float:  # how much darker the sill's row is than the rows round it
        around = (image[sill - 6, columns].mean() + image[sill + 6, columns].mean()) / 2
        return float(around - image[sill, columns].mean())

    assert dip(bare) > 60  # the sill is there to be covered
    assert dip(seen) < 0.25 * dip(bare), (dip(seen), dip(bare))


@pytest.mark.parametrize("pose, rows_from, rows_to", [("seated", 0.5, 0.75), ("standing", 0.62, 0.9),
                                                     ("speaking", 0.2, 0.45)])
def test_a_figure_has_no_pale_rim_round_it_nor_pale_flags_in_it(pose, rows_from, rows_to):
    # The Kremlin and the ExComm: the wall's paint was taken from wherever a figure's wash had any,
    # so its thin edge was left on bare paper, a pale rim round each jacket, the halo of a cut-out;
    # round a standing man's trousers (the Security Council) the washes' wobbling layers left ragged
    # pale flags
    room = {"room": {"wall": "burnt_sienna", "floor": "burnt_umber", "horizon": 0.8, "time": "day", "panels": 0}}
    at, scale = ([0.5, 0.3], 1.9) if pose == "seated" else ([0.5, 0.1], 1.2)
    person = {"person": {"who": "khrushchev", "pose": pose, "turn": "right", "at": at, "scale": scale}}
    bare = paint_scene(_scene([room]), 640, 360, seed=3, people=CAST_1962).astype(float).mean(axis=2)
    seen = paint_scene(_scene([room, person]), 640, 360, seed=3, people=CAST_1962).astype(float).mean(axis=2)
    changed = np.abs(seen - bare) > 8
    # the figure: what changed in rows and columns it crosses broadly (the brush's last drops,
    # flicked after it, fall elsewhere)
    changed &= (changed.sum(axis=1, keepdims=True) > 10) & (changed.sum(axis=0, keepdims=True) > 10)
    rows = np.nonzero(changed.any(axis=1))[0]
    top, height = rows[0], rows[-1] - rows[0]
    band = slice(top + int(rows_from * height), top + int(rows_to * height))
    rim = []  # the outermost pixels either side (seated: the shoulders and the chest; standing: the legs)
    for row in range(band.start, band.stop):
        columns = np.nonzero(changed[row])[0]
        rim += [seen[row, columns[:3]] - bare[row, columns[:3]], seen[row, columns[-3:]] - bare[row, columns[-3:]]]
    lightened = np.concatenate(rim)
    assert lightened.size > 100  # there is an outline to look at
    # lighter than the wall: the wall taken away and the figure's paint thinner than it was (0.82 of
    # them were round the seated man; a few stay, where the lit side's lifted light reaches a pixel
    # past the outline)
    assert (lightened > 12).mean() < 0.1, (lightened > 12).mean()
    # and no pale flags within: a leg's wash layers strayed across most of its width (a quarter of
    # a standing man's legs was lighter than the wall, 0.05 once the rim was mended)
    pale = (seen[band] - bare[band] > 12) & changed[band]
    assert pale.sum() < 0.035 * changed[band].sum(), pale.sum() / changed[band].sum()
    # nor slivers of bare paper: the wall was taken from under a jacket's thin edge by the arm (86
    # near-white pixels down the speaking man's side, 40 by the seated man's arm)
    paper = pale & (seen[band] > 170)
    assert paper.sum() < 0.002 * changed[band].sum(), paper.sum()


@pytest.mark.parametrize("who", ["kennedy", "khrushchev", "mcnamara"])
def test_a_standing_mans_jacket_turns_from_the_light_toward_its_far_side(who):
    # The far side of the chest was glazed flat from the buttons out, and the figure's shade began
    # at its middle: every jacket was two cloths, a pale and a dark, parted down the middle (the
    # step across the buttons 23 to 29 levels; now the shade deepens toward the far side)
    room = {"room": {"wall": "naples_yellow", "floor": "burnt_umber", "horizon": 0.9, "time": "day", "panels": 0}}
    man = _StandingFigure(who, room, eyes_y=0.12, scale=1.2)
    pixels, size = man.seen.mean(axis=2), man.size
    buttons = man.x0 + man.torso.v_x * size
    chest = pixels[man.row(0.4):man.row(0.9)]
    near = chest[:, int(buttons - 0.16 * size):int(buttons - 0.03 * size)].mean()
    far = chest[:, int(buttons + 0.03 * size):int(buttons + 0.16 * size)].mean()
    assert 4 < near - far < 20, (near, far)  # modelled, but no hard break at the buttons


def test_a_small_head_under_a_lamp_above_keeps_no_patch_of_bare_paper_on_its_forehead():
    # the ExComm: the forehead squarely under the lamp kept the portrait's reserved white, which at
    # a scene's size was a patch of bare paper under the hair, a bald spot (its brightest pixel 95
    # levels over the skin's middle value, on average over four heads; 83 now)
    from game.art.elements.people import HEAD_AT_SCALE_1
    from game.art.head import LIGHTS, SKIN, Frame, Sitter
    from game.art.likeness import build_for
    from game.art.portrait_spec import resolve

    room = {"room": {"wall": "naples_yellow", "floor": "burnt_umber", "horizon": 0.66, "time": "night", "panels": 0,
                     "light": "above"}}
    over = []
    for who in ("kennedy", "rfk", "taylor", "mcnamara"):
        person = {"person": {"who": who, "pose": "bust", "turn": "front", "at": [0.5, 0.45], "scale": 1.3}}
        pixels = paint_scene(_scene([room, person]), 1280, 720, seed=3, people=CAST_1962).astype(float).mean(axis=2)
        build = build_for(resolve(dict(CAST_1962[who], turn="front")))
        head = Sitter(build, Frame(640, 324, HEAD_AT_SCALE_1 * 720 * 1.3), build.yaw, build.pitch, light=LIGHTS["above"])
        render = head.render((560, 220, 720, 420), step=1)  # where the person element paints the head
        region = pixels[220:420, 560:720]
        skin = render.material == SKIN
        forehead = skin & (render.position[..., 1] > 0.1)
        assert forehead.sum() > 500
        over.append(region[forehead].max() - np.median(region[skin]))
    assert np.mean(over) < 90, over


def test_a_face_on_a_black_and_white_screen_has_no_red_lips_nor_warm_marks():
    """A person painted ``colour: monochrome`` (the President on television) is greys: his lips, the
    marks round his eyes, his mole and the dark of an open mouth kept their flesh colours, a red
    mouth on a grey face."""
    room = {"room": {"wall": "payne_grey", "floor": "payne_grey", "horizon": 0.7, "time": "day", "panels": 0}}
    chroma = []
    for who in ("kennedy", "khrushchev"):
        person = {"person": {"who": who, "pose": "bust", "turn": "front", "at": [0.5, 0.45], "scale": 2.0,
                             "colour": "monochrome"}}
        pixels = paint_scene(_scene([room, person]), 640, 360, seed=3, people=CAST_1962).astype(float)
        face = pixels[150:192, 300:340]  # from the eyes to below the mouth
        chroma.append(np.percentile(face.max(axis=2) - face.min(axis=2), 99))
    assert max(chroma) < 20, chroma  # 31 and 28 levels before, 17 now (the wall round them: 6)


def test_a_head_in_a_scene_keeps_the_whites_of_its_eyes():
    """A scene's heads are painted on a sheet of their own twice the size and laid in reduced: at the
    scene's own size (a head 72 px tall, an eye 3 px) the lines and washes spread by whole pixels
    over the features, and the eyes were dark holes."""
    from game.art.elements.people import HEAD_AT_SCALE_1
    from game.art.head import LIGHTS, Frame, Sitter
    from game.art.likeness import build_for
    from game.art.portrait_spec import resolve

    room = {"room": {"wall": "naples_yellow", "floor": "burnt_umber", "horizon": 0.66, "time": "day", "panels": 0}}
    steps = []
    for who in ("kennedy", "rfk", "gromyko", "castro"):
        person = {"person": {"who": who, "pose": "bust", "turn": "front", "at": [0.5, 0.45], "scale": 1.0}}
        value = paint_scene(_scene([room, person]), 1280, 720, seed=3, people=CAST_1962).astype(float).mean(axis=2)
        build = build_for(resolve(dict(CAST_1962[who], turn="front")))
        head = Sitter(build, Frame(640, 324, HEAD_AT_SCALE_1 * 720), build.yaw, build.pitch, light=LIGHTS["above"])
        steps += whites_over_iris(value, head, build)
    assert np.mean(steps) > 30, steps  # 9 levels before (-13 to 32), 47 now (32 to 73)


def test_a_microphone_has_a_rounded_head_not_a_box():
    """A broadcast microphone of 1962 is a rounded capsule in a yoke; drawn as a box with level
    lines (the Kremlin's desk), it read as a sign or a music stand."""
    microphone = {"prop": {"kind": "microphone", "at": [0.5, 0.95], "scale": 3.0}}
    value = paint_scene(_scene([microphone]), 640, 360, seed=2).astype(float).mean(axis=2)
    paper = np.median(value[:20])
    painted = value[10:, 220:420] < paper - 25
    widths = painted.sum(axis=1)
    top = int(np.flatnonzero(widths)[0])
    assert widths[top + 3] < 0.5 * widths[top:top + 120].max(), widths[top:top + 10]  # 66 of 75 px before


def test_a_standing_sailor_is_a_pale_shirt_over_dark_trousers_his_arms_clear_of_his_hips():
    """The quarantine line's sailors: in their working dress (a white hat, a chambray shirt tucked
    into denim), the shirt drawn in to the belt, so the hanging arms stand clear of the hips with
    the deck between (in a jacket to the hips the figure was one barrel of blue from shoulder to hem)."""
    room = {"room": {"wall": "naples_yellow", "floor": "burnt_umber", "horizon": 0.9, "time": "day", "panels": 0}}
    sailor = _StandingFigure("sailor", room, eyes_y=0.12, scale=1.2)
    seen, row = sailor.seen, sailor.row
    middle = slice(int(0.5 * sailor.WIDTH - 0.1 * sailor.size), int(0.5 * sailor.WIDTH + 0.1 * sailor.size))
    shirt = seen[row(0.3):row(0.6), middle].mean(axis=(0, 1))
    trousers = seen[row(0.95):row(1.2), middle].mean(axis=(0, 1))
    assert shirt.mean() > trousers.mean() + 40 and shirt[2] > shirt[0] + 15, (shirt, trousers)
    # across the hips: arm, hips, arm, each a run of paint with the wall showing between them
    figure = sailor.painted(45)
    runs = []
    for r in range(row(1.0), row(1.15)):
        edges = np.flatnonzero(np.diff(figure[r].astype(int)))
        runs.append(len(edges) // 2)
    assert np.median(runs) >= 3, runs


def test_a_parked_aircraft_is_seen_from_above_with_its_wings_spread_and_its_shadow_under_it():
    """The Il-28s on the Cuban airfield: parked, seen from a raised eye, a bomber shows its wings
    spread over the ground and its shadow beneath, nearly twice the painted area of its side view
    (from the side, a row of parked bombers was a row of thin dark strips with fins, like rifles
    laid on the sand)."""
    ground = [{"sky": {"time": "day", "horizon": 0.3}},
              {"land": {"shape": "plain", "horizon": 0.3, "extent": 0.1, "pigment": "yellow_ochre"}}]
    empty = paint_scene(_scene(ground), 480, 270, seed=2).astype(float)

    def painted(view: str) -> np.ndarray:
        plane = {"aircraft": {"kind": "il28", "view": view, "at": [0.5, 0.6], "scale": 1.0,
                              "angle": 60 if view == "parked" else 0}}
        seen = paint_scene(_scene([*ground, plane]), 480, 270, seed=2).astype(float)
        return (np.abs(seen - empty).sum(axis=2) > 60)[60:250, 60:420]  # round the aircraft

    parked, side = painted("parked"), painted("side")
    # (2960 pixels against 1660 from the side)
    assert parked.sum() > 1.5 * side.sum(), (parked.sum(), side.sum())


def test_a_standing_man_stands_on_a_mans_legs_not_on_stilts():
    """Trousers of the time are full in the thigh: a standing man's legs together, at the knee, are
    over half as wide as his chest (0.47 of it before, thin legs under a suit's wide jacket that read
    as stilts; 0.54 now)."""
    room = {"room": {"wall": "naples_yellow", "floor": "burnt_umber", "horizon": 0.95, "time": "day", "panels": 0}}
    man = _StandingFigure("kennedy", room, eyes_y=0.1, scale=1.0)
    figure = man.painted(45)
    around = slice(int(0.5 * man.WIDTH - 0.6 * man.size), int(0.5 * man.WIDTH + 0.6 * man.size))

    def span(below_collar: float) -> int:
        return int(np.ptp(np.flatnonzero(figure[man.row(below_collar), around])))

    chest, knees = span(0.6), np.mean([span(b) for b in (2.0, 2.3, 2.6)])
    assert knees > 0.5 * chest, (knees, chest)


@pytest.mark.parametrize("who", ["kennedy", "rusk"])
def test_a_standing_mans_hands_are_a_mans_not_a_childs(who):
    """Two hanging hands show about as much flesh as the face above them, less as they turn: a
    hand from the wrist to the fingertips is about four fifths of the head's height. At the hand's
    first size a standing man's hands were a child's, 0.19 and 0.15 of his face's flesh in
    area, small blobs at the sleeves' ends (0.46 and 0.34 now)."""
    room = {"room": {"wall": "payne_grey", "floor": "burnt_umber", "horizon": 0.95, "time": "day", "panels": 0}}
    man = _StandingFigure(who, room, eyes_y=0.1, scale=1.0)
    seen, row = man.seen, man.row
    flesh = (seen[..., 0] - seen[..., 2] > 45) & (seen[..., 0] > 130)

    face, hands = flesh[:row(0.0)].sum(), flesh[row(0.9):row(1.7)].sum()
    assert hands > 0.3 * face, (hands, face)


def test_hands_on_a_table_keep_a_hands_breadth():
    """Seen across a table a hand is foreshortened along the forearm, not across it: a seated man's
    two hands laid apart show 0.41 of his face's flesh (0.22 at their first size, when a pair of
    folded hands was a small round blob between the sleeves)."""
    elements = [{"room": {"wall": "payne_grey", "floor": "payne_grey", "horizon": 0.62, "time": "day", "panels": 0}},
                {"person": {"who": "kennedy", "pose": "bust", "turn": "front", "at": [0.5, 0.3], "scale": 1.6}},
                {"table": {"shape": "side", "at": [0.5, 0.75], "scale": 1.6, "seats": 0, "lamp": False, "papers": False,
                           "pigment": "payne_grey"}},
                {"hands": {"who": "kennedy", "pose": "apart", "at": [0.5, 0.595], "scale": 1.6}}]
    seen = paint_scene(_scene(elements), 640, 360, seed=3, people=CAST_1962).astype(float)
    flesh = (seen[..., 0] - seen[..., 2] > 45) & (seen[..., 0] > 130)
    face, hands = flesh[:162].sum(), flesh[162:].sum()  # above and below the shoulders
    assert hands > 0.3 * face, (hands, face)


def test_a_freighters_deck_cargo_is_missiles_under_their_covers():
    """The missiles went out of Cuba on deck under canvas, long shapes an aircraft could count: each
    lies along a third of the deck (the short crates painted before were 0.18 of the ship's length
    at the longest; 0.33 now, a mast crossing it)."""
    sea = [{"sky": {"time": "day", "horizon": 0.3}}, {"sea": {"time": "day", "horizon": 0.3, "swell": 0.0}}]

    def ship(cargo: bool) -> np.ndarray:
        freighter = {"ship": {"kind": "freighter", "at": [0.5, 0.7], "scale": 1.6, "heading": "right", "wake": 0.0,
                              "cargo": cargo}}
        return paint_scene(_scene([*sea, freighter]), 640, 360, seed=4).astype(float)

    cargo = np.abs(ship(True) - ship(False)).sum(axis=2) > 40
    length = 0.5 * 1.6 * 360  # the ship is one unit long, half its scale in canvas heights

    def longest(row: np.ndarray) -> int:
        closed = row.copy()  # the gaps a mast or a lashing leaves, closed
        for shift in range(1, 8):
            closed[:-shift] |= row[shift:] & np.maximum.accumulate(row)[:-shift]
        runs = np.diff(np.flatnonzero(np.diff(np.concatenate(([0], closed.astype(int), [0])))))
        return int(runs[::2].max()) if len(runs) else 0

    rows = range(int(0.7 * 360 - 0.12 * length), int(0.7 * 360 - 0.07 * length))
    assert max(longest(cargo[r]) for r in rows) > 0.25 * length


@pytest.mark.parametrize("seed", [2, 3, 4])
def test_a_ship_leaves_no_pale_ghost_of_its_hull_on_the_water(seed):
    """The wake and the hull's shadow on the water lie on the sea; painted as the ship's own paint,
    the sea was taken away wherever their wandering washes strayed, and pale wedges the shape of the
    hull showed under it (the water below the hull 62 to 72 levels lighter than the sea beside it
    with these brushes; 4 to 21 now, the bow's foam)."""
    elements = [{"sky": {"time": "dusk", "cloud": 0.5, "horizon": 0.6}},
                {"sea": {"time": "dusk", "horizon": 0.6, "swell": 0.4}},
                {"ship": {"kind": "destroyer", "at": [0.5, 0.74], "scale": 0.85, "heading": "right", "wake": 0.5,
                          "pigment": "payne_grey"}}]
    value = paint_scene(_scene(elements), 640, 360, seed=seed).astype(float).mean(axis=2)
    under, beside = value[270:295, 250:390], value[270:295, 480:620]  # below the hull; open sea ahead of it
    assert np.percentile(under, 95) - np.percentile(beside, 95) < 40
