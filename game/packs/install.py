"""``brink install`` and ``brink uninstall``: a pack from anyone into the player's scenarios folder, safely.

A pack is untrusted input. Before a byte is unpacked, the archive's directory is checked: the
number of files, each name (no '..', no absolute path or drive, no backslash, no control
character), each entry's kind (no symbolic link, device or encrypted entry), its declared
size, the total, and how many times over it claims to be compressed (a zip bomb declares
gigabytes in a few kilobytes); the manifest must list exactly the archive's files. Then the
files are unpacked into a hidden folder inside the scenarios folder, each read no further
than its declared size and checked against its SHA-256, and the scenario is loaded and
validated there, pictures and all. Only then is the folder renamed into place: a player's
scenarios folder never holds half a pack, and a refused pack leaves nothing behind.

Every refusal is a ``PackRefused`` with one line for the player, or, for a scenario that does
not validate, its located errors (``InvalidScenario``).
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import stat
import struct
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

from game import __version__, paths
from game.files import FileRefused, read_regular_file
from game.packs.limits import LIMITS, PackLimits, PackRefused, name_problem, shown
from game.packs.manifest import MANIFEST_NAME, SCENARIO_FILE, Manifest, read_manifest, version_numbers
from game.scenario.errors import Diagnostic
from game.scenario.fields import id_problem
from game.scenario.load import load_with_diagnostics
from game.scenario.model import FORMAT_VERSION

RECORD_NAME = ".brink-pack.json"  # the installed pack's manifest, kept in its folder: "installed, not written here"
STAGING_PREFIX = ".installing-"
STALE_STAGING_SECONDS = 3600  # an install takes seconds; an older staging folder lost its installer (killed)
_READ_CHUNK = 1 << 20
_ARCHIVE_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, struct.error, zlib.error,
                   NotImplementedError, OSError, UnicodeDecodeError)


class InvalidScenario(PackRefused):
    """The pack is sound but its scenario does not validate; ``diagnostics`` say where, as ``brink validate`` would."""

    def __init__(self, message: str, diagnostics: list[Diagnostic]):
        super().__init__(message)
        self.diagnostics = diagnostics


@dataclass(frozen=True, slots=True)
class Installed:
    id: str
    title: str
    license: str
    folder: Path
    replaced: bool  # an earlier install of the same id was replaced (--force)


def install(pack: Path, *, force: bool = False, limits: PackLimits = LIMITS) -> Installed:
    """Check ``pack`` and install its scenario into the user's scenarios folder; raises ``PackRefused``."""
    try:
        data = read_regular_file(pack, limits.pack_bytes)
    except FileRefused as error:
        raise PackRefused(str(error).removeprefix(os.fspath(pack)).strip() or "cannot be read") from None
    except (OSError, ValueError) as error:
        raise PackRefused(f"cannot be read: {getattr(error, 'strerror', None) or error}") from None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ARCHIVE_ERRORS as error:
        raise PackRefused(f"is not a pack: not a readable zip archive ({_reason(error)})") from None
    with archive:
        entries = checked_entries(archive, limits)
        manifest = read_manifest(_read(archive, entries.pop(MANIFEST_NAME), limits.manifest_bytes), limits)
        _check_listing(manifest, entries)
        _check_versions(manifest)
        target = _check_clash(manifest.id, force)
        return _unpack_and_install(archive, entries, manifest, target, pack, limits)


def checked_entries(archive: zipfile.ZipFile, limits: PackLimits = LIMITS) -> dict[str, zipfile.ZipInfo]:
    """The archive's files by name, once every entry of its directory has passed; raises ``PackRefused``."""
    infos = archive.infolist()
    if len(infos) > limits.files + 1:  # and the manifest
        raise PackRefused(f"holds {len(infos)} entries; a pack holds at most {limits.files} files and its manifest")
    files: dict[str, zipfile.ZipInfo] = {}
    folded: dict[str, str] = {}
    total = 0
    for info in infos:
        name = info.filename
        is_folder = name.endswith("/")
        problem = name_problem(name.rstrip("/") if is_folder else name, limits)
        if problem:
            raise PackRefused(f"its entry {shown(name)} {problem}; refused")
        kind = _kind_problem(info)
        if kind:
            raise PackRefused(f"its entry {shown(name)} {kind}; refused")
        if is_folder:
            continue  # a folder entry carries nothing; the files' own names make the folders
        if name in files:
            raise PackRefused(f"holds {shown(name)} twice")
        other = folded.setdefault(name.casefold(), name)
        if other != name:
            raise PackRefused(f"holds {shown(other)} and {shown(name)}, one file on Windows and macOS")
        if info.flag_bits & 0x1:
            raise PackRefused(f"its entry {shown(name)} is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PackRefused(f"its entry {shown(name)} is compressed in a way the game does not read "
                              f"(method {info.compress_type}; packs use deflate)")
        if info.file_size > limits.file_bytes:
            raise PackRefused(f"its entry {shown(name)} unpacks to {_megabytes(info.file_size)}; "
                              f"a file in a pack is at most {_megabytes(limits.file_bytes)}")
        if info.file_size > limits.ratio_exempt_bytes and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise PackRefused(f"its entry {shown(name)} claims to be compressed "
                              f"{info.file_size // max(info.compress_size, 1)} times over (a zip bomb?); "
                              f"at most {limits.ratio} times is believed")
        total += info.file_size
        if total > limits.total_bytes:
            raise PackRefused(f"unpacks to more than {_megabytes(limits.total_bytes)}, the most a pack holds")
        files[name] = info
    if MANIFEST_NAME not in files:
        raise PackRefused(f"is not a pack: it holds no {MANIFEST_NAME}")
    for name in files:
        parts = name.split("/")
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            if folder in files or folder.casefold() in folded:
                raise PackRefused(f"holds {shown(folder)} both as a file and as the folder of {shown(name)}")
    return files


def _kind_problem(info: zipfile.ZipInfo) -> str | None:
    """Why an entry is not a plain file or folder: the Unix mode a zip made on Unix carries says so."""
    mode = info.external_attr >> 16
    if info.create_system != 3 or not stat.S_IFMT(mode):
        return None  # no Unix type recorded: a plain file or folder by its name
    if stat.S_ISLNK(mode):
        return "is a symbolic link"
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "is not a plain file"
    return None


def _check_listing(manifest: Manifest, entries: dict[str, zipfile.ZipInfo]) -> None:
    listed = {item.name for item in manifest.files}
    for name in sorted(set(entries) - listed):
        raise PackRefused(f"holds {shown(name)}, which its manifest does not list")
    for name in sorted(listed - set(entries)):
        raise PackRefused(f"lacks {shown(name)}, which its manifest lists")
    for item in manifest.files:
        if entries[item.name].file_size != item.size:
            raise PackRefused(f"its entry {shown(item.name)} is not the size its manifest gives (damaged?)")


def _check_versions(manifest: Manifest) -> None:
    if version_numbers(manifest.minimum_game_version) > version_numbers(__version__):
        raise PackRefused(f"needs Brinkmanship {manifest.minimum_game_version} or newer; this is {__version__}")
    if manifest.scenario_format != FORMAT_VERSION:
        raise PackRefused(f"holds a scenario of format {manifest.scenario_format}; this game reads format {FORMAT_VERSION}")


def _check_clash(scenario_id: str, force: bool) -> Path:
    """Where the scenario will go; refuses a shipped scenario's id, and an installed one's without ``force``."""
    if (paths.scenarios_folder() / scenario_id).exists():
        raise PackRefused(f"holds the scenario '{scenario_id}', the id of a scenario shipped with the game; "
                          "a pack cannot replace it (the author must give it an id of its own)")
    target = paths.user_scenarios_folder() / scenario_id
    if os.path.lexists(target):
        if not (target / RECORD_NAME).is_file():
            raise PackRefused(f"holds the scenario '{scenario_id}', and your own scenario folder {target} has that id; "
                              "move or rename your folder first (--force replaces only a scenario installed from a pack)")
        if not force:
            raise PackRefused(f"holds the scenario '{scenario_id}', which is already installed in {target}; "
                              "--force replaces it")
    return target


def _unpack_and_install(archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo], manifest: Manifest,
                        target: Path, pack: Path, limits: PackLimits) -> Installed:
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(target.parent)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=target.parent))
    try:
        # one level down, so the half-made folder is never taken for a scenario (scenarios are <folder>/scenario.yaml)
        unpacked = staging / manifest.id
        unpacked.mkdir()
        for item in manifest.files:
            _unpack(archive, entries[item.name], unpacked, item.sha256, limits)
        (unpacked / RECORD_NAME).write_bytes(manifest.to_json())
        scenario = _validated(unpacked, manifest, pack)
        replaced = _move_into_place(unpacked, target, staging)
        return Installed(manifest.id, scenario.title.get("en"), scenario.license, target, replaced)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def remove_stale_staging(folder: Path, now: float | None = None) -> None:
    """What an installer killed half-way left in the scenarios folder: hidden, harmless, but not to keep."""
    now = time.time() if now is None else now
    for staging in folder.glob(STAGING_PREFIX + "*"):
        try:
            if staging.is_dir() and not staging.is_symlink() and now - staging.stat().st_mtime > STALE_STAGING_SECONDS:
                shutil.rmtree(staging, ignore_errors=True)
        except OSError:
            pass


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, folder: Path, sha256: str, limits: PackLimits) -> None:
    """One file, read no further than its declared size, written only inside ``folder``, checked against its checksum."""
    path = folder.joinpath(*info.filename.split("/"))
    if not path.resolve().is_relative_to(folder.resolve()):  # the names are checked; this is the belt to those braces
        raise PackRefused(f"its entry {shown(info.filename)} would land outside the scenario's folder; refused")
    digest = hashlib.sha256()
    written = 0
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(info) as source, os.fdopen(os.open(path, flags, 0o644), "wb") as out:
            while chunk := source.read(min(_READ_CHUNK, info.file_size + 1 - written)):
                written += len(chunk)
                if written > info.file_size or written > limits.file_bytes:
                    raise PackRefused(f"its entry {shown(info.filename)} unpacks to more than it declares; refused")
                digest.update(chunk)
                out.write(chunk)
    except _ARCHIVE_ERRORS as error:
        if isinstance(error, OSError) and not isinstance(error, zipfile.BadZipFile) and error.errno is not None:
            raise PackRefused(f"cannot be unpacked into {folder.parent.parent}: {error.strerror}") from None
        raise PackRefused(f"its entry {shown(info.filename)} is damaged ({_reason(error)})") from None
    if written != info.file_size or digest.hexdigest() != sha256:
        raise PackRefused(f"its entry {shown(info.filename)} does not match its checksum in the manifest "
                          "(damaged or changed after packing); refused")


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.file_size > limit:
        raise PackRefused(f"its {MANIFEST_NAME} is {_megabytes(info.file_size)}; at most {_megabytes(limit)}")
    try:
        with archive.open(info) as source:
            return source.read(limit + 1)[:limit]
    except _ARCHIVE_ERRORS as error:
        raise PackRefused(f"its {MANIFEST_NAME} is damaged ({_reason(error)})") from None


def _validated(folder: Path, manifest: Manifest, pack: Path):
    """The scenario loaded from where it was unpacked, as ``brink validate`` would check it."""
    scenario, diagnostics = load_with_diagnostics(folder / SCENARIO_FILE, freeze=False)
    if scenario is None:
        # name the file as it sits in the pack, not the hidden folder it was unpacked into
        shown_path = f"{os.fspath(pack)}/{SCENARIO_FILE}"
        found = [replace(item, location=item.location._replace(path=shown_path)) for item in diagnostics.sorted()]
        errors = sum(1 for item in found if item.severity == "error")
        raise InvalidScenario(f"its scenario does not validate ({errors} error{'s' if errors != 1 else ''}); "
                              "not installed", found)
    if scenario.id != manifest.id:
        raise PackRefused(f"its manifest says '{manifest.id}' but its scenario's id is '{scenario.id}'")
    if scenario.license != manifest.license:
        raise PackRefused("its manifest's license is not the scenario's own")
    return scenario


def _move_into_place(unpacked: Path, target: Path, staging: Path) -> bool:
    """Rename the checked folder into place; an earlier install (``--force``) is swapped out, then removed."""
    replaced = False
    if os.path.lexists(target):
        os.rename(target, staging / "replaced")  # removed with the staging folder
        replaced = True
    try:
        os.rename(unpacked, target)
    except OSError as error:
        if replaced:
            os.rename(staging / "replaced", target)  # put the old one back rather than leave neither
        raise PackRefused(f"cannot be installed into {target}: {error.strerror or error}") from None
    return replaced


def uninstall(scenario_id: str) -> Path:
    """Remove a scenario installed from a pack; raises ``PackRefused``. A folder the player wrote is never removed."""
    problem = id_problem(scenario_id, "scenario")
    if problem:
        raise PackRefused(problem)
    folder = paths.user_scenarios_folder() / scenario_id
    if not os.path.lexists(folder):
        if (paths.scenarios_folder() / scenario_id).exists():
            raise PackRefused(f"'{scenario_id}' is shipped with the game, not installed from a pack")
        installed = ", ".join(installed_ids()) or "none"
        raise PackRefused(f"no scenario '{scenario_id}' is installed from a pack (installed: {installed})")
    if folder.is_symlink() or not (folder / RECORD_NAME).is_file():
        raise PackRefused(f"{folder} was not installed from a pack (it is your own folder); remove it yourself if you mean to")
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder.parent))
    try:
        os.rename(folder, staging / scenario_id)  # gone from the scenarios at once, then deleted
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def installed_ids() -> list[str]:
    """The ids of the scenarios installed from packs."""
    folder = paths.user_scenarios_folder()
    if not folder.is_dir():
        return []
    return sorted(path.parent.name for path in folder.glob(f"*/{RECORD_NAME}") if not path.parent.name.startswith("."))


def _reason(error: BaseException) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:120]


def _megabytes(count: int) -> str:
    return f"{count / 2**20:.0f} MB" if count >= 2**20 else f"{count} bytes"
