"""Baking and caching paintings: brink art writes what a scenario needs, the cache gives back the
same pixels, a corrupt cache entry is painted again, and an author's picture never leaves its folder."""

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from game.art import bake, catalog, manifest, maps, png
from game.art.cache import ArtCache, cache_folder, cache_key
from game.art.watercolor import Painting, ellipse, seed_for
from game.cli import main
from game.scenario.load import load_scenario

ROOT = Path(__file__).resolve().parents[2]


def little_painting(seed: int) -> np.ndarray:
    painting = Painting(48, 32, seed)
    painting.wash(ellipse(24, 16, 14, 9), "burnt_sienna", 0.6)
    return painting.pixels()


# --- PNG ---------------------------------------------------------------------------------------

def test_a_png_reads_back_exactly_as_written():
    pixels = little_painting(1)
    assert np.array_equal(png.decode(png.encode(pixels)), pixels)


def test_a_palette_png_stays_close_to_the_painting():
    pixels = little_painting(2)
    back = png.decode(png.encode(pixels, palette=True)).astype(int)
    assert np.abs(back - pixels).mean() < 3.0


def test_a_palette_keeps_the_colours_of_a_small_face_on_a_large_wall():
    """A scene's 256 colours are not all taken by what covers most of it: a small warm gradient
    (a face, shadow to highlight) on a wide, quiet wall keeps its own shades (weighted by their
    whole pixel counts, the wall took the palette, and the face's mean error was twice this)."""
    rng = np.random.default_rng(3)
    height, width = 360, 640
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    wall = np.stack((60 + 80 * x / width, 120 + 60 * y / height, 150 - 40 * x / width), axis=-1)
    image = wall + rng.normal(0, 2, (height, width, 3))
    fy, fx = np.mgrid[0:40, 0:40].astype(np.float32)
    t = (fx + fy) / 78.0
    image[160:200, 300:340] = np.stack((150 + 100 * t, 95 + 130 * t, 70 + 150 * t), axis=-1)
    image = np.clip(np.round(image), 0, 255).astype(np.uint8)
    back = png.decode(png.encode(image, palette=True)).astype(int)
    error = np.abs(back - image).sum(axis=2)
    assert error[160:200, 300:340].mean() < 9.0, error[160:200, 300:340].mean()
    assert error.mean() < 7.0  # and the wall stays close


def test_pygame_reads_our_pngs(tmp_path):
    pygame = pytest.importorskip("pygame")
    pixels = little_painting(3)
    for palette in (False, True):
        path = tmp_path / f"p{palette}.png"
        path.write_bytes(png.encode(pixels, palette=palette))
        read = pygame.surfarray.array3d(pygame.image.load(str(path))).swapaxes(0, 1)
        assert np.array_equal(read, png.decode(path.read_bytes()))


def test_a_truncated_png_is_refused():
    data = png.encode(little_painting(4))
    with pytest.raises(png.PNGError):
        png.decode(data[: len(data) // 2])


# --- the cache ---------------------------------------------------------------------------------

def test_the_cache_lives_in_the_private_user_folder_during_tests(tmp_path):
    assert cache_folder().is_relative_to(tmp_path)


def test_the_cache_gives_back_the_same_pixels_without_painting_again(tmp_path):
    cache = ArtCache(tmp_path / "cache")
    calls = []

    def paint():
        calls.append(1)
        return little_painting(5)

    first, cached_first = cache.painted(5, {"what": "test"}, (48, 32), paint)
    second, cached_second = cache.painted(5, {"what": "test"}, (48, 32), paint)
    assert (cached_first, cached_second) == (False, True)
    assert len(calls) == 1
    assert np.array_equal(first, second)


def test_a_corrupt_cache_entry_is_painted_again(tmp_path):
    cache = ArtCache(tmp_path / "cache")
    description, size = {"what": "corrupt"}, (48, 32)
    original, _ = cache.painted(6, description, size, lambda: little_painting(6))
    entry = cache.path(cache_key(6, description, size))
    entry.write_bytes(entry.read_bytes()[:100])  # a crash mid-write on some other program's part
    again, cached = cache.painted(6, description, size, lambda: little_painting(6))
    assert not cached
    assert np.array_equal(again, original)
    assert np.array_equal(png.decode(entry.read_bytes()), original)  # and the entry is whole again


def test_the_key_changes_with_seed_description_size_and_painter():
    base = cache_key(1, {"a": 1}, (10, 10), version="v1")
    assert base == cache_key(1, {"a": 1}, (10, 10), version="v1")
    assert len({base, cache_key(2, {"a": 1}, (10, 10), version="v1"),
                cache_key(1, {"a": 2}, (10, 10), version="v1"), cache_key(1, {"a": 1}, (10, 11), version="v1"),
                cache_key(1, {"a": 1}, (10, 10), version="v2")}) == 5


def test_the_key_does_not_depend_on_the_order_of_a_descriptions_keys():
    assert cache_key(1, {"a": 1, "b": 2}, (4, 4)) == cache_key(1, {"b": 2, "a": 1}, (4, 4))


# --- where pictures go -------------------------------------------------------------------------

def test_days_that_name_the_same_scene_share_one_file():
    first = catalog.picture_path("s", "oct20", {"scene": "excomm_table"})
    second = catalog.picture_path("s", "oct21", {"scene": "excomm_table"})
    assert first == second == catalog.scene_path("s", "excomm_table")


def test_a_picture_described_otherwise_is_named_by_its_day():
    inline = {"paint": [{"sky": {"time": "day"}}]}
    assert catalog.picture_path("s", "oct22", inline) == catalog.scene_path("s", "oct22")


def test_an_authors_image_leaving_the_scenario_folder_is_refused(tmp_path):
    folder = tmp_path / "my_crisis"
    (folder / "pictures").mkdir(parents=True)
    assert catalog.authors_image(folder, {"image": "pictures/dawn.png"}) == folder / "pictures" / "dawn.png"
    for escape in ("../secret.png", "pictures/../../secret.png", "/etc/passwd"):
        with pytest.raises(catalog.UnsafeArtPath):
            catalog.authors_image(folder, {"image": escape})


def tiny_scenario(folder: Path, arts: dict) -> SimpleNamespace:
    days = [SimpleNamespace(id=day_id, art=art, seen_by={}) for day_id, art in arts.items()]
    return SimpleNamespace(id="tiny", folder=str(folder), roles={}, days=days, endings=[], art=None, map=None)


def test_baking_paints_neither_an_authors_image_nor_one_outside_its_folder(tmp_path):
    report = bake.BakeReport()
    scenario = tiny_scenario(tmp_path, {"d1": {"image": "pictures/dawn.png"}, "d2": {"image": "../../x.png"},
                                        "d3": {"scene": "title"}, "d4": {"scene": "title"}})
    jobs = bake.scene_jobs(scenario, report)
    assert [job.relative for job in jobs] == [Path("scenes/tiny/title.png")]  # d3 and d4 share it
    assert len(report.problems) == 1 and "d2" in report.problems[0]


def test_each_asset_has_its_own_seed_so_adding_one_changes_no_other(tmp_path):
    scenario = tiny_scenario(tmp_path, {"d1": {"scene": "a"}, "d2": {"scene": "b"}})
    seeds = {job.relative: job.seed for job in bake.scene_jobs(scenario, bake.BakeReport())}
    more = tiny_scenario(tmp_path, {"d0": {"scene": "new"}, "d1": {"scene": "a"}, "d2": {"scene": "b"}})
    seeds_after = {job.relative: job.seed for job in bake.scene_jobs(more, bake.BakeReport())}
    assert all(seeds_after[path] == seed for path, seed in seeds.items())
    assert seeds[Path("scenes/tiny/a.png")] == seed_for("tiny", "scene", "a")


# --- brink art ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def baked_demo(tmp_path_factory):
    """`brink art demo --out DIR` for its maps, then its portraits with a contact sheet, run once
    for the tests below. The demo's scenes (most of its painting time) are left out: painting a
    scene through `brink art` is tested on a small scenario below."""
    out = tmp_path_factory.mktemp("art")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRINK_HOME", str(tmp_path_factory.mktemp("home")))
        status = main(["art", "demo", "--out", str(out), "--only", "maps"]) or \
            main(["art", "demo", "--out", str(out), "--only", "portraits", "--contact-sheet", str(out / "sheet.png")])
    return status, out


def test_brink_art_writes_the_maps_and_portraits_of_the_demo(baked_demo):
    status, out = baked_demo
    assert status == 0
    for view in maps.views():
        image = png.decode((out / "map" / f"{view}.png").read_bytes())
        assert image.shape[:2] == maps.sheet_size(view)[::-1]
    demo = load_scenario(ROOT / "scenarios" / "demo" / "scenario.yaml")
    people = {role.id for role in demo.roles.values()}
    people |= {advisor.id for role in demo.roles.values() for advisor in role.advisors}
    portraits = {path.stem for path in (out / "portraits" / "demo").glob("*.png")}
    assert portraits == people


def test_brink_art_writes_a_contact_sheet_of_what_it_baked(baked_demo):
    _status, out = baked_demo
    sheet = png.decode((out / "sheet.png").read_bytes())
    assert sheet.shape[1] == 1800 and sheet.shape[0] > 150
    assert sheet.std() > 10  # thumbnails, not bare paper


def test_brink_art_keeps_what_is_there_unless_forced(baked_demo, capsys):
    _status, out = baked_demo
    before = (out / "map" / "world.png").stat().st_mtime_ns
    assert main(["art", "demo", "--out", str(out), "--only", "maps"]) == 0
    assert "kept 2" in capsys.readouterr().out
    assert (out / "map" / "world.png").stat().st_mtime_ns == before


def test_brink_art_names_an_unknown_scenario_with_its_own_usage(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["art", "no_such_crisis", "--out", "unused"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "no_such_crisis" in err and err.startswith("usage: brink art")


# --- the baked files match the painter ---------------------------------------------------------

def close_enough(painted: np.ndarray, baked: np.ndarray, threshold: int = 24, bad_share: float = 0.01) -> bool:
    """Equal within palette rounding: few pixels differ in any channel by more than ``threshold``."""
    difference = np.abs(painted.astype(int) - baked.astype(int)).max(axis=2)
    return painted.shape == baked.shape and float((difference > threshold).mean()) <= bad_share


def test_the_baked_caribbean_map_is_what_the_painter_paints_now():
    baked = png.decode(catalog.map_path("caribbean").read_bytes())
    width, height = maps.sheet_size("caribbean")
    painted = maps.paint_map("caribbean", width, height, seed_for("map", "caribbean"))
    assert close_enough(painted, baked), "repaint with: brink art --only maps --force"


def test_the_comparison_would_notice_another_painting():
    baked = png.decode(catalog.map_path("caribbean").read_bytes())
    width, height = maps.sheet_size("caribbean")
    other = maps.paint_map("caribbean", width, height, seed_for("map", "another"))
    assert not close_enough(other, baked)


def test_painting_in_several_processes_gives_the_same_files(tmp_path):
    demo = load_scenario(ROOT / "scenarios" / "demo" / "scenario.yaml")
    jobs = bake.plan([demo], only="portraits")[:3]
    alone = bake.bake(jobs, tmp_path / "alone", cache=ArtCache(tmp_path / "c1"), workers=1)
    shared = bake.bake(jobs, tmp_path / "shared", cache=ArtCache(tmp_path / "c2"), workers=2)
    assert len(alone.painted) == len(shared.painted) == 3 and not alone.problems + shared.problems
    for job in jobs:
        assert (tmp_path / "alone" / job.relative).read_bytes() == (tmp_path / "shared" / job.relative).read_bytes()


def test_brink_art_paints_a_shared_scene_once_and_an_ending_under_its_own_id(tmp_path):
    fixture = Path(__file__).parent / "fixtures" / "shared_scenes.yaml"
    out = tmp_path / "art"
    assert main(["art", str(fixture), "--out", str(out), "--only", "scenes", "--jobs", "1"]) == 0
    painted = sorted(path.relative_to(out).as_posix() for path in out.rglob("*.png"))
    assert painted == ["scenes/shared_scenes/over.png", "scenes/shared_scenes/submarine.png", "title.png"]
    scene = png.decode((out / "scenes" / "shared_scenes" / "submarine.png").read_bytes())
    assert scene.shape == (bake.SCENE_SIZE[1], bake.SCENE_SIZE[0], 3)


def test_a_bare_scene_name_shares_the_file_of_the_same_scene_in_full():
    assert catalog.picture_path("s", "oct27", "excomm_table") == catalog.picture_path("s", "oct20",
                                                                                        {"scene": "excomm_table"})


def test_every_painting_module_is_part_of_the_painters_version():
    """Change any module that decides pixels and every cached painting is painted again."""
    from game.art import cache
    not_painters = {"__init__.py", "bake.py", "cache.py", "catalog.py", "manifest.py", "png.py", "schema_parts.py"}
    modules = {path.name for path in (ROOT / "game" / "art").glob("*.py")} - not_painters
    assert modules <= set(cache._PAINTER_FILES)


def test_the_baked_portrait_is_what_the_painter_paints_now_from_the_scenarios_words():
    from game.art.portraits import paint_portrait
    scenario = load_scenario(ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml")
    baked = png.decode(catalog.portrait_path(scenario.id, "khrushchev").read_bytes())
    painted = paint_portrait(bake.cast(scenario)["khrushchev"], bake.PORTRAIT_SIZE,
                             seed_for(scenario.id, "portrait", "khrushchev"))
    assert close_enough(painted, baked), "repaint with: brink art --only portraits --force"


# --- art that follows edits ----------------------------------------------------------------------

EDITED = Path(__file__).parent / "fixtures" / "edited_pictures.yaml"


def test_brink_art_paints_again_exactly_the_picture_whose_description_changed(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(bake, "title_job", lambda: None)  # the title is not what this test is about
    monkeypatch.setattr(bake, "SCENE_SIZE", (160, 90))     # nor the size: small paintings are quick
    scenario = tmp_path / "edited_pictures.yaml"
    scenario.write_text(EDITED.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "art"
    arguments = ["art", str(scenario), "--out", str(out), "--only", "scenes", "--jobs", "1"]
    assert main(arguments) == 0
    assert "painted 3 (new), from the cache 0, kept 0" in capsys.readouterr().out
    before = {path.name: path.read_bytes() for path in (out / "scenes" / "edited_pictures").glob("*.png")}

    scenario.write_text(scenario.read_text(encoding="utf-8").replace("{time: day, cloud: 0}", "{time: dawn, cloud: 0}"),
                        encoding="utf-8")
    assert main(arguments) == 0
    said = capsys.readouterr().out
    assert "painted again, its description having changed: scenes/edited_pictures/two.png" in said
    assert "painted 1 (description changed), from the cache 0, kept 2" in said
    after = {path.name: path.read_bytes() for path in (out / "scenes" / "edited_pictures").glob("*.png")}
    assert [name for name in sorted(before) if before[name] != after[name]] == ["two.png"]

    assert main(arguments) == 0
    assert "painted 0, from the cache 0, kept 3" in capsys.readouterr().out


def _fingerprints(scenario) -> dict[str, str]:
    return {job.relative.as_posix(): job.fingerprint for job in bake.plan([scenario])}


def test_changed_portrait_words_change_the_portrait_and_the_pictures_showing_that_person_only(tmp_path):
    text = EDITED.read_text(encoding="utf-8").replace("{sky: {time: night, cloud: 0}}",
                                                      "room, {person: {who: red, pose: bust}}")
    path = tmp_path / "edited_pictures.yaml"
    path.write_text(text, encoding="utf-8")
    before = _fingerprints(load_scenario(path))
    path.write_text(text.replace("portrait: {age: 50}", "portrait: {age: 51}"), encoding="utf-8")
    after = _fingerprints(load_scenario(path))
    changed = sorted(name for name in before if before[name] != after[name])
    assert changed == ["portraits/edited_pictures/red.png", "scenes/edited_pictures/over.png"]


def test_a_changed_library_scene_changes_the_pictures_that_use_it(tmp_path, monkeypatch):
    scenario = tiny_scenario(tmp_path, {"d1": {"scene": "kremlin"}, "d2": {"scene": "submarine"}})
    before = {job.relative: job.fingerprint for job in bake.scene_jobs(scenario, bake.BakeReport())}
    from game.art import scene_spec
    library = dict(scene_spec.library())
    library["kremlin"] = {**library["kremlin"], "paint": ["sky"]}
    monkeypatch.setattr(scene_spec, "library", lambda: library)
    after = {job.relative: job.fingerprint for job in bake.scene_jobs(scenario, bake.BakeReport())}
    assert [path.name for path in before if before[path] != after[path]] == ["kremlin.png"]


def test_an_unreadable_manifest_counts_as_empty(tmp_path):
    (tmp_path / manifest.NAME).write_text("{not json", encoding="utf-8")
    assert manifest.read(tmp_path) == {}
    manifest.write(tmp_path, {"map/world.png": "abc"})
    assert manifest.read(tmp_path) == {"map/world.png": "abc"}


def test_the_shipped_paintings_were_painted_from_the_shipped_scenarios_as_they_are():
    """Every baked file of assets/art is recorded as painted from today's descriptions; after an edit,
    run brink art (it paints what changed) and commit the paintings with assets/art/manifest.json."""
    from game import paths

    scenarios = [load_scenario(path) for path in paths.available_scenarios()
                 if path.is_relative_to(paths.scenarios_folder())]
    jobs = bake.plan(scenarios)
    recorded = manifest.read(catalog.art_folder())
    stale = [job.relative.as_posix() for job in jobs if recorded.get(job.relative.as_posix()) != job.fingerprint]
    assert stale == [], "painted from another description; run: brink art"
    assert all((catalog.art_folder() / job.relative).is_file() for job in jobs)
    assert sorted(recorded) == sorted(job.relative.as_posix() for job in jobs), "the manifest names files no one paints"
