"""``brink install``: a pack from a stranger installs only when every check holds, and leaves nothing when not.

The hostile packs are built here, entry by entry, from the files of a real pack of the fixture
folder: a zip archive cannot be written as a readable fixture, and building it shows exactly
which one thing each case breaks.
"""

import hashlib
import io
import json
import shutil
import stat
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import paths
from game.cli import main
from game.packs.install import RECORD_NAME
from game.packs.pack import build
from game.scenario.load import load_scenario

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]


def real_files() -> dict[str, bytes]:
    """The files of a real pack of the fixture folder, manifest aside."""
    with zipfile.ZipFile(io.BytesIO(build(load_scenario(FIXTURES / "lighthouse"))[0])) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist() if info.filename != "manifest.json"}


def manifest_of(files, **changes) -> bytes:
    document = {"format": 1, "id": "lighthouse", "scenario_format": 1, "minimum_game_version": "0.1.0",
                "license": "CC-BY-4.0",
                "files": [{"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                          for name, data in files]}
    document.update(changes)
    return json.dumps(document).encode()


def archive_of(entries, manifest: bytes | None = None) -> bytes:
    """A zip of (name or ZipInfo, bytes) entries, with a manifest listing them unless one is given."""
    plain = [(entry if isinstance(entry, str) else entry.filename, data) for entry, data in entries]
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        warnings.simplefilter("ignore")  # "Duplicate name": the point of one case
        archive.writestr("manifest.json", manifest if manifest is not None else manifest_of(plain))
        for entry, data in entries:
            archive.writestr(entry, data)
    return buffer.getvalue()


def with_file(name, data=b"a note\n"):
    return archive_of([*real_files().items(), (name, data)])


def symbolic_link() -> bytes:
    link = zipfile.ZipInfo("pictures/sky.png")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    return archive_of([*real_files().items(), (link, b"../../../../etc/passwd")])


def bomb() -> bytes:
    files = real_files()
    files["NOTES.md"] = bytes(10 * 2**20)  # 10 MB of zeros, some 10 KB deflated
    return archive_of(list(files.items()))


def too_many_files() -> bytes:
    return archive_of([*real_files().items(), *((f"notes/{index}.md", b"x") for index in range(500))])


def tampered() -> bytes:
    files = real_files()
    manifest = manifest_of(list(files.items()))
    files["NOTES.md"] = files["NOTES.md"].replace(b"class", b"CLASS")  # the same size, other bytes
    return archive_of(list(files.items()), manifest)


def encrypted() -> bytes:
    """zipfile writes no encrypted entries, so the flag is set in the central directory by hand."""
    data = bytearray(with_file("secret.md"))
    record = data.rindex(b"PK\x01\x02")  # the last entry's record in the central directory
    assert data[record + 46:record + 55] == b"secret.md"
    data[record + 8] |= 0x1  # general purpose flags, bit 0: encrypted
    return bytes(data)


def with_manifest(manifest: bytes) -> bytes:
    return archive_of(list(real_files().items()), manifest)


def unlisted() -> bytes:
    files = list(real_files().items())
    return archive_of([*files, ("extra.md", b"x")], manifest_of(files))


REFUSALS = {
    "path_traversal": (lambda: with_file("../../evil.md"), "climbs out of its folder with '..'"),
    "traversal_inside_a_path": (lambda: with_file("pictures/../../evil.md"), "climbs out of its folder"),
    "absolute_path": (lambda: with_file("/tmp/evil.md"), "is an absolute path"),
    "drive_letter": (lambda: with_file("C:/Windows/evil.md"), "names a drive"),
    "backslash": (lambda: with_file("..\\..\\evil.md"), "has a backslash in its name"),
    "control_character": (lambda: with_file("evil\x1b[2J.md"), "has a control character"),
    "symbolic_link": (symbolic_link, "is a symbolic link"),
    "zip_bomb_ratio": (bomb, "claims to be compressed"),
    "too_many_files": (too_many_files, "holds 505 entries; a pack holds at most 500 files"),
    "duplicate_names": (lambda: with_file("NOTES.md"), "holds 'NOTES.md' twice"),
    "names_that_differ_in_capitals": (lambda: with_file("notes.MD"), "one file on Windows and macOS"),
    "file_and_folder_of_one_name": (lambda: with_file("pictures"), "both as a file and as the folder"),
    "encrypted_entry": (encrypted, "is encrypted"),
    "checksum_mismatch": (tampered, "does not match its checksum"),
    "file_not_in_the_manifest": (unlisted, "which its manifest does not list"),
    "manifest_not_json": (lambda: with_manifest(b"{'id': 'lighthouse'"), "manifest is not JSON"),
    "manifest_missing_a_field": (lambda: with_manifest(b'{"format": 1, "id": "lighthouse"}'), "manifest is missing"),
    "manifest_with_a_bad_checksum": (lambda: with_manifest(manifest_of([("scenario.yaml", b"")]).replace(
        b'"sha256": "', b'"sha256": "zz')), "a checksum that is not a SHA-256"),
    "manifest_id_that_is_a_path": (lambda: with_manifest(manifest_of(list(real_files().items()), id="../../x")),
                                   "is not a scenario id"),
    "a_newer_pack_format": (lambda: with_manifest(manifest_of(list(real_files().items()), format=2)),
                            "this game reads format 1"),
    "a_newer_game_needed": (lambda: with_manifest(manifest_of(list(real_files().items()), minimum_game_version="99.0")),
                            "needs Brinkmanship 99.0 or newer"),
    "manifest_id_not_the_scenarios": (lambda: with_manifest(manifest_of(list(real_files().items()), id="beacon")),
                                      "its scenario's id is 'lighthouse'"),
    "not_a_zip": (lambda: b"format: 1\nid: lighthouse\n", "is not a pack: not a readable zip archive"),
    "no_manifest": (lambda: _without_manifest(), "it holds no manifest.json"),
}


def _without_manifest() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in real_files().items():
            archive.writestr(name, data)
    return buffer.getvalue()


def installed_folders() -> list[str]:
    """Everything in the user's scenarios folder, hidden staging folders included."""
    folder = paths.user_scenarios_folder()
    return sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []


def install(pack: Path, *options: str) -> int:
    return main(["install", str(pack), *options])


@pytest.fixture
def lighthouse_pack(tmp_path) -> Path:
    pack = tmp_path / "lighthouse.brink"
    pack.write_bytes(build(load_scenario(FIXTURES / "lighthouse"))[0])
    return pack


def test_a_packed_scenario_installs_into_the_players_scenarios_and_plays_by_its_id(lighthouse_pack, capsys):
    assert install(lighthouse_pack) == 0
    folder = paths.user_scenarios_folder() / "lighthouse"
    for name in ("scenario.yaml", "NOTES.md", "LICENSE", "pictures/dawn.png"):
        assert (folder / name).read_bytes() == (FIXTURES / "lighthouse" / name).read_bytes(), name
    assert not (folder / "drafts.csv").exists()
    assert installed_folders() == ["lighthouse"]  # no staging folder left behind
    assert paths.find_scenario("lighthouse") == folder / "scenario.yaml"
    assert load_scenario(paths.find_scenario("lighthouse")).days[0].art == {"image": "pictures/dawn.png"}
    assert "installed lighthouse (The Lighthouse Quarrel; license: CC-BY-4.0)" in capsys.readouterr().out
    assert main(["scenarios"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert "The Lighthouse Quarrel  [1 days, roles: north, south, installed from a pack]" in listed[-1]
    assert "installed from a pack" not in "".join(listed[:-1])


def test_an_installed_scenario_is_refused_again_unless_forced(lighthouse_pack, capsys):
    assert install(lighthouse_pack) == 0
    (paths.user_scenarios_folder() / "lighthouse" / "NOTES.md").write_text("changed by the player")
    assert install(lighthouse_pack) == 1
    assert "already installed" in capsys.readouterr().err
    assert install(lighthouse_pack, "--force") == 0
    assert "replaced lighthouse" in capsys.readouterr().out
    assert (paths.user_scenarios_folder() / "lighthouse" / "NOTES.md").read_bytes() == \
        (FIXTURES / "lighthouse" / "NOTES.md").read_bytes()
    assert installed_folders() == ["lighthouse"]


def test_a_pack_never_replaces_a_shipped_scenario_even_forced(tmp_path, capsys):
    pack = tmp_path / "demo.brink"
    pack.write_bytes(build(load_scenario(ROOT / "scenarios" / "demo"))[0])
    assert install(pack, "--force") == 1
    assert "the id of a scenario shipped with the game" in capsys.readouterr().err
    assert installed_folders() == []


def test_a_pack_never_replaces_the_players_own_folder_even_forced(lighthouse_pack, capsys):
    own = paths.user_scenarios_folder() / "lighthouse"
    shutil.copytree(FIXTURES / "lighthouse", own)
    (own / "scenario.yaml").write_text("# my own work in progress\n")
    assert install(lighthouse_pack, "--force") == 1
    assert "your own scenario folder" in capsys.readouterr().err
    assert (own / "scenario.yaml").read_text() == "# my own work in progress\n"


@pytest.mark.parametrize("case", list(REFUSALS))
def test_a_hostile_or_damaged_pack_is_refused_in_one_line_and_leaves_nothing(case, tmp_path, capsys):
    make, reason = REFUSALS[case]
    pack = tmp_path / "suspect.brink"
    pack.write_bytes(make())
    assert install(pack) == 1
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"brink install: {pack}: "), captured.err
    assert reason in lines[0]
    assert captured.out == ""
    assert installed_folders() == []
    assert not (tmp_path / "evil.md").exists() and not Path("/tmp/evil.md").exists()


def test_a_pack_whose_scenario_does_not_validate_lists_its_errors_where_they_are_in_the_pack(tmp_path, capsys):
    files = real_files()
    files["scenario.yaml"] = files["scenario.yaml"].replace(b"license: CC-BY-4.0", b"license: CC-BY-4")
    pack = tmp_path / "broken.brink"
    pack.write_bytes(archive_of(list(files.items())))
    assert install(pack) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith(f"{pack}/scenario.yaml:6:10: error: license: 'CC-BY-4' is not an SPDX license identifier")
    assert lines[-1] == f"brink install: {pack}: its scenario does not validate (1 error); not installed"
    assert installed_folders() == []


def test_a_pack_larger_than_the_limit_is_refused_before_it_is_opened(tmp_path):
    from game.packs import install as installer
    from game.packs.limits import PackLimits

    pack = tmp_path / "big.brink"
    pack.write_bytes(bytes(2048))
    with pytest.raises(installer.PackRefused, match="the limit is 1 KB"):
        installer.install(pack, limits=PackLimits(pack_bytes=1024))


def test_uninstall_removes_an_installed_scenario_and_nothing_else(lighthouse_pack, capsys):
    assert install(lighthouse_pack) == 0
    assert main(["uninstall", "lighthouse"]) == 0
    assert installed_folders() == []
    assert main(["uninstall", "lighthouse"]) == 1
    assert main(["uninstall", "demo"]) == 1
    errors = capsys.readouterr().err.splitlines()
    assert errors == ["brink uninstall: no scenario 'lighthouse' is installed from a pack (installed: none)",
                      "brink uninstall: 'demo' is shipped with the game, not installed from a pack"]
    assert (ROOT / "scenarios" / "demo" / "scenario.yaml").is_file()


def test_uninstall_never_removes_the_players_own_folder(capsys):
    own = paths.user_scenarios_folder() / "my_crisis"
    own.mkdir(parents=True)
    (own / "scenario.yaml").write_text("# mine\n")
    assert main(["uninstall", "my_crisis"]) == 1
    assert "was not installed from a pack" in capsys.readouterr().err
    assert (own / "scenario.yaml").is_file() and not (own / RECORD_NAME).exists()


def test_a_staging_folder_left_by_a_killed_install_is_removed_by_the_next(lighthouse_pack):
    import os

    left = paths.user_scenarios_folder() / ".installing-killed"
    (left / "lighthouse").mkdir(parents=True)
    os.utime(left, (1_000_000_000, 1_000_000_000))
    recent = paths.user_scenarios_folder() / ".installing-running"
    recent.mkdir()  # another install, under way right now: left alone
    assert install(lighthouse_pack) == 0
    assert installed_folders() == [".installing-running", "lighthouse"]


@pytest.fixture(scope="module")
def pack_bytes() -> bytes:
    return build(load_scenario(FIXTURES / "lighthouse"))[0]


@given(changes=st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)),
                        min_size=1, max_size=8))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_pack_damaged_anywhere_is_refused_or_installed_never_a_traceback(pack_bytes, changes, tmp_path):
    damaged = bytearray(pack_bytes)
    for position, value in changes:
        damaged[position % len(damaged)] = value
    pack = tmp_path / "damaged.brink"
    pack.write_bytes(bytes(damaged))
    assert install(pack, "--force") in (0, 1)
    assert all(not name.startswith(".installing-") for name in installed_folders())
