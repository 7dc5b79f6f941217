"""``manifest.json``: what a pack says about itself, written by the packer and checked by the installer.

Written with sorted keys and a fixed layout so the same scenario makes the same bytes. Read as
untrusted JSON: every field is checked for its kind and range, and anything unexpected is a
refusal, never a ``KeyError`` deep in the installer.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from game.packs.limits import LIMITS, PackLimits, PackRefused, name_problem, shown
from game.scenario.fields import id_problem

MANIFEST_NAME = "manifest.json"
PACK_FORMAT = 1  # the layout of the archive and of this manifest
SCENARIO_FILE = "scenario.yaml"
_FIELDS = {"format", "id", "scenario_format", "minimum_game_version", "license", "files"}
_DIGEST = re.compile(r"^[0-9a-f]{64}$")
_VERSION = re.compile(r"^[0-9]{1,6}(\.[0-9]{1,6}){0,3}$")


@dataclass(frozen=True, slots=True)
class PackedFile:
    name: str  # the path inside the pack and inside the installed folder, '/'-separated
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    id: str
    scenario_format: int
    minimum_game_version: str
    license: str  # "" when the scenario gives none
    files: tuple[PackedFile, ...]  # sorted by name
    format: int = PACK_FORMAT

    def to_json(self) -> bytes:
        document = {
            "format": self.format,
            "id": self.id,
            "scenario_format": self.scenario_format,
            "minimum_game_version": self.minimum_game_version,
            "license": self.license or None,
            "files": [{"name": item.name, "size": item.size, "sha256": item.sha256} for item in self.files],
        }
        return (json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def version_numbers(text: str) -> tuple[int, ...]:
    """'0.1.0' -> (0, 1, 0), for comparing; a version with a suffix ('0.2.0rc1') counts by its numbers."""
    numbers = re.match(r"^[0-9]+(\.[0-9]+)*", text)
    return tuple(int(part) for part in numbers.group(0).split(".")) if numbers else (0,)


def read_manifest(data: bytes, limits: PackLimits = LIMITS) -> Manifest:
    """The manifest of a pack, checked field by field; raises ``PackRefused`` saying what is wrong."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise PackRefused(f"its manifest is not JSON ({_short(error)})") from None
    if not isinstance(document, dict):
        raise PackRefused("its manifest is not a JSON object")
    missing = sorted(_FIELDS - set(document))
    unknown = sorted(set(document) - _FIELDS)
    if missing:
        raise PackRefused(f"its manifest is missing {', '.join(map(repr, missing))}")
    if unknown:
        raise PackRefused(f"its manifest has unknown fields {', '.join(shown(str(key)) for key in unknown)}")
    pack_format = _whole_number(document["format"], "format")
    if pack_format != PACK_FORMAT:
        raise PackRefused(f"it is a pack of format {pack_format}; this game reads format {PACK_FORMAT} (a newer game made it?)")
    scenario_id = document["id"]
    if id_problem(scenario_id, "scenario"):
        raise PackRefused(f"its manifest's id {shown(str(scenario_id))} is not a scenario id")
    version = document["minimum_game_version"]
    if not isinstance(version, str) or not _VERSION.match(version):
        raise PackRefused("its manifest's minimum_game_version is not a version such as 0.1.0")
    license = document["license"]
    if license is not None and (not isinstance(license, str) or not license.strip() or len(license) > 500):
        raise PackRefused("its manifest's license is neither text (of at most 500 characters) nor null")
    return Manifest(scenario_id, _whole_number(document["scenario_format"], "scenario_format"), version,
                    license or "", _files(document["files"], limits), pack_format)


def _files(value, limits: PackLimits) -> tuple[PackedFile, ...]:
    if not isinstance(value, list) or not value:
        raise PackRefused("its manifest's files are not a list of files")
    if len(value) > limits.files:
        raise PackRefused(f"its manifest lists {len(value)} files; a pack holds at most {limits.files}")
    files = []
    for entry in value:
        if not isinstance(entry, dict) or set(entry) != {"name", "size", "sha256"}:
            raise PackRefused("its manifest lists a file that is not {name, size, sha256}")
        name, size, digest = entry["name"], entry["size"], entry["sha256"]
        if not isinstance(name, str):
            raise PackRefused("its manifest lists a file whose name is not text")
        problem = name_problem(name, limits)
        if problem:
            raise PackRefused(f"its manifest lists a file {shown(name)} that {problem}")
        if not isinstance(size, int) or isinstance(size, bool) or not 0 <= size <= limits.file_bytes:
            raise PackRefused(f"its manifest gives {shown(name)} a size that is not from 0 to {limits.file_bytes} bytes")
        if not isinstance(digest, str) or not _DIGEST.match(digest):
            raise PackRefused(f"its manifest gives {shown(name)} a checksum that is not a SHA-256 in hex")
        files.append(PackedFile(name, size, digest))
    names = [item.name for item in files]
    if len(set(names)) != len(names):
        raise PackRefused("its manifest lists a file twice")
    if SCENARIO_FILE not in names:
        raise PackRefused(f"its manifest lists no {SCENARIO_FILE}")
    return tuple(sorted(files, key=lambda item: item.name))


def _whole_number(value, field: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise PackRefused(f"its manifest's {field} is not a whole number")
    return value


def _short(error: Exception) -> str:
    return str(error).splitlines()[0][:100] if str(error) else type(error).__name__
