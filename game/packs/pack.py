"""``brink pack``: a scenario and the pictures it uses, as one ``.brink`` file that makes the same bytes every time.

What goes in: the scenario file (as ``scenario.yaml``), every picture its ``art: {image: ...}``
names, and, when the scenario is a folder's ``scenario.yaml``, the folder's own pictures, notes
and license texts. Nothing from outside the folder: a picture named outside it, or reached
through a symbolic link, is refused, since the player's copy could not find it. Paintings the
game paints from the scenario's words are not packed: the player's game paints the same ones.

Every entry has the same fixed date and permissions and the entries are sorted (the manifest
first, where a reader looks), so the pack of the same folder is byte for byte the same (a
checksum published beside it stays true); only another zlib could deflate the same bytes
differently, and the installer checks the files' own checksums, not the archive's.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game import __version__
from game.files import FileRefused, read_regular_file
from game.packs.limits import LIMITS, PackLimits, PackRefused, name_problem
from game.packs.manifest import MANIFEST_NAME, SCENARIO_FILE, Manifest, PackedFile
from game.scenario.model import Scenario

FIXED_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold
PICTURE_SUFFIXES = {".png"}
NOTE_SUFFIXES = {".md", ".txt"}
NOTE_NAMES = {"license", "licence", "copying", "notes", "readme", "authors", "credits"}
_SKIPPED_FOLDERS = {"__pycache__"}


@dataclass(frozen=True, slots=True)
class PackPlan:
    """Which files of the disk go into the pack under which names, and what of the folder stays out."""

    files: tuple[tuple[str, Path], ...]  # (name in the pack, file on disk), sorted by name
    left_out: tuple[str, ...]  # the folder's files that are neither pictures nor notes, with why


def plan(scenario: Scenario, limits: PackLimits = LIMITS) -> PackPlan:
    folder = Path(scenario.folder)
    chosen: dict[str, Path] = {SCENARIO_FILE: Path(scenario.path)}
    for image in _images(scenario):
        name = _inside(folder, image)
        chosen[name] = folder / name
    left_out: list[str] = []
    if Path(scenario.path).name == SCENARIO_FILE:  # a folder of its own, not a file among others
        for name, why in _folder_files(folder):
            if why is None:
                chosen.setdefault(name, folder / name)
            elif name not in chosen:
                left_out.append(f"{name} ({why})")
    chosen.pop(MANIFEST_NAME, None)
    _check(chosen, limits)
    return PackPlan(tuple(sorted(chosen.items())), tuple(left_out))


def build(scenario: Scenario, limits: PackLimits = LIMITS) -> tuple[bytes, PackPlan]:
    """The pack's bytes, and the plan they were made from."""
    chosen = plan(scenario, limits)
    contents: list[tuple[str, bytes]] = []
    for name, path in chosen.files:
        try:
            contents.append((name, read_regular_file(path, limits.file_bytes, follow_links=False)))
        except (FileRefused, OSError) as error:
            raise PackRefused(f"cannot read {name}: {getattr(error, 'strerror', None) or error}") from None
    if sum(len(data) for _, data in contents) > limits.total_bytes:
        raise PackRefused(f"its files come to more than {limits.total_bytes // 2**20} MB, the most a pack holds")
    manifest = Manifest(
        id=scenario.id, scenario_format=scenario.format_version, minimum_game_version=__version__,
        license=scenario.license,
        files=tuple(PackedFile(name, len(data), hashlib.sha256(data).hexdigest()) for name, data in contents),
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in [(MANIFEST_NAME, manifest.to_json()), *contents]:
            archive.writestr(_entry(name), data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue(), chosen


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip entry that says nothing of the machine or the moment it was made on."""
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.create_system = 3  # Unix, so the permissions below are read as such
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def _images(scenario: Scenario) -> list[str]:
    """Every ``art: {image: ...}`` of the scenario: its title, the days (and each seat's view of them), the endings."""
    arts: list[Any] = [scenario.art]
    for day in scenario.days:
        arts.append(day.art)
        arts.extend(view.art for view in day.seen_by.values())
    arts.extend(ending.art for ending in scenario.endings)
    return [art["image"] for art in arts if isinstance(art, dict) and isinstance(art.get("image"), str)]


def _inside(folder: Path, image: str) -> str:
    """The image's name inside the pack: its path in the folder, refused when it leaves the folder."""
    name = os.path.normpath(image).replace(os.sep, "/")
    real = (folder / name).resolve()
    if name.startswith("../") or name == ".." or os.path.isabs(image) or not real.is_relative_to(folder.resolve()):
        raise PackRefused(f"the picture '{image}' is outside the scenario's folder; a pack carries only that "
                          "folder: copy the picture into it and name it from there")
    if real != folder.resolve() / name:
        raise PackRefused(f"the picture '{image}' is reached through a symbolic link; a pack carries plain files only")
    return name


def _folder_files(folder: Path):
    """(name, why it stays out or None) for every file of the folder, walked without following links."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders
                            if not name.startswith(".") and name not in _SKIPPED_FOLDERS
                            and not os.path.islink(os.path.join(root, name)))
        for file in sorted(files):
            path = Path(root) / file
            name = path.relative_to(folder).as_posix()
            if file.startswith("."):
                continue  # an editor's or a system's own file (.DS_Store, .swp), and the installer's record
            if path.is_symlink():
                yield name, "a symbolic link"
            elif file.endswith(".schema.json"):
                yield name, "the format's schema: every game carries its own, 'brink schema --path' names it"
            elif path.suffix.lower() in PICTURE_SUFFIXES or path.suffix.lower() in NOTE_SUFFIXES \
                    or path.stem.lower() in NOTE_NAMES:
                yield name, None
            else:
                yield name, "neither a PNG picture nor a note or license text"


def _check(chosen: dict[str, Path], limits: PackLimits) -> None:
    """Refuse what the installer would refuse: too many files, names it cannot take, names that clash."""
    if len(chosen) > limits.files:
        raise PackRefused(f"it would hold {len(chosen)} files; a pack holds at most {limits.files}")
    folded: dict[str, str] = {}
    for name in chosen:
        problem = name_problem(name, limits)
        if problem:
            raise PackRefused(f"the file '{name}' {problem}")
        other = folded.setdefault(name.casefold(), name)
        if other != name:
            raise PackRefused(f"the files '{other}' and '{name}' differ only in capitals: one file on Windows and macOS")


def write_pack(scenario: Scenario, out: Path, limits: PackLimits = LIMITS) -> PackPlan:
    """Write the pack to ``out`` atomically (whole or not at all); returns what went in."""
    from game.engine.atomic import write_bytes_atomically

    data, chosen = build(scenario, limits)
    try:
        write_bytes_atomically(out, data)
    except OSError as error:
        raise PackRefused(f"cannot write {out}: {error.strerror or error}") from None
    return chosen
