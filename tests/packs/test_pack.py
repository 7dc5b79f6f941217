"""``brink pack``: what goes into a pack, what stays out, and the same bytes every time."""

import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from game.cli import main
from game.packs.limits import PackLimits, PackRefused
from game.packs.pack import FIXED_DATE, build
from game.scenario.load import load_scenario

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def lighthouse(tmp_path) -> Path:
    """A copy of the fixture folder, free to change."""
    folder = tmp_path / "lighthouse"
    shutil.copytree(FIXTURES / "lighthouse", folder)
    return folder


def entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_a_pack_holds_the_scenario_its_pictures_and_its_notes_but_not_other_files(lighthouse):
    data, plan = build(load_scenario(lighthouse))
    assert list(entries(data)) == ["manifest.json", "LICENSE", "NOTES.md", "pictures/dawn.png", "scenario.yaml"]
    assert plan.left_out == ("drafts.csv (neither a PNG picture nor a note or license text)",)
    assert entries(data)["pictures/dawn.png"] == (lighthouse / "pictures" / "dawn.png").read_bytes()


def test_the_manifest_names_the_scenario_its_license_and_every_files_checksum(lighthouse):
    import hashlib

    manifest = json.loads(entries(build(load_scenario(lighthouse))[0])["manifest.json"])
    assert {key: manifest[key] for key in ("format", "id", "license", "scenario_format")} == \
        {"format": 1, "id": "lighthouse", "license": "CC-BY-4.0", "scenario_format": 1}
    assert manifest["minimum_game_version"] == __import__("game").__version__
    listed = {item["name"]: item["sha256"] for item in manifest["files"]}
    assert listed == {name: hashlib.sha256((lighthouse / name).read_bytes()).hexdigest()
                      for name in ("LICENSE", "NOTES.md", "pictures/dawn.png", "scenario.yaml")}


def test_the_same_folder_packs_to_the_same_bytes_whenever_it_is_packed(lighthouse):
    first, _ = build(load_scenario(lighthouse))
    for path in lighthouse.rglob("*"):
        os.utime(path, (1_900_000_000, 1_900_000_000))  # touched since: later dates must not show
    (lighthouse / "pictures").chmod(0o700)
    second, _ = build(load_scenario(lighthouse))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {FIXED_DATE}


def test_hidden_files_links_and_a_copy_of_the_schema_stay_out(lighthouse):
    (lighthouse / ".scenario.yaml.swp").write_text("editor's swap")
    (lighthouse / "scenario.schema.json").write_text("{}")
    (lighthouse / "elsewhere.md").symlink_to(ROOT / "README.md")
    data, plan = build(load_scenario(lighthouse))
    assert list(entries(data)) == ["manifest.json", "LICENSE", "NOTES.md", "pictures/dawn.png", "scenario.yaml"]
    assert "elsewhere.md (a symbolic link)" in plan.left_out
    assert any(note.startswith("scenario.schema.json (the format's schema") for note in plan.left_out)


def test_a_picture_of_the_games_own_assets_is_refused_as_outside_the_folder(lighthouse):
    """The loader lets a scenario show a picture of assets/; the player's copy would not find it by that path."""
    from game import paths

    shared = os.path.relpath(paths.assets_folder() / "art" / "portraits" / "demo" / "kennedy.png", lighthouse)
    text = (lighthouse / "scenario.yaml").read_text().replace("pictures/dawn.png", shared)
    (lighthouse / "scenario.yaml").write_text(text)
    with pytest.raises(PackRefused, match="outside the scenario's folder"):
        build(load_scenario(lighthouse))


def test_a_scenario_file_among_other_files_packs_only_itself_and_its_pictures(tmp_path):
    folder = tmp_path / "drafts"
    shutil.copytree(FIXTURES / "lighthouse", folder)
    (folder / "scenario.yaml").rename(folder / "lighthouse_v2.yaml")
    data, _ = build(load_scenario(folder / "lighthouse_v2.yaml"))
    assert list(entries(data)) == ["manifest.json", "pictures/dawn.png", "scenario.yaml"]


def test_a_folder_over_the_limits_is_refused_before_anything_is_written(lighthouse):
    with pytest.raises(PackRefused, match="at most 3"):
        build(load_scenario(lighthouse), PackLimits(files=3))


def test_brink_pack_writes_the_file_and_names_what_it_left_out(lighthouse, tmp_path, capsys):
    out = tmp_path / "shared" / "quarrel.brink"
    assert main(["pack", str(lighthouse), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "left out: drafts.csv" in printed and f"packed lighthouse (4 files, license: CC-BY-4.0) into {out}" in printed
    assert out.read_bytes() == build(load_scenario(lighthouse))[0]


def test_brink_pack_refuses_a_scenario_with_errors_and_writes_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    broken = ROOT / "tests" / "fixtures" / "broken" / "misspelt_license.yaml"
    assert main(["pack", str(broken)]) == 1
    errors = capsys.readouterr().err
    assert "error: license: 'CC-BY-SA-4'" in errors and "not packed: the scenario has errors" in errors
    assert list(tmp_path.iterdir()) == []


def test_brink_pack_without_a_license_says_so(tmp_path, capsys):
    assert main(["pack", str(ROOT / "tests" / "fixtures" / "good" / "minimal.yaml"), "-o", str(tmp_path / "m.brink")]) == 0
    captured = capsys.readouterr()
    assert "license: none given" in captured.out and "names no license" in captured.err


def test_brink_pack_of_an_unknown_scenario_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["pack", "no_such_scenario"])
    assert exit.value.code == 2
    assert "usage: brink pack" in capsys.readouterr().err
