"""Where each picture of a scenario lives: the contract between the painter, ``brink art`` and the screens.

Baked paintings ship in ``assets/art/`` so the game starts without painting anything:

    assets/art/map/<view>.png                      base maps; <view> is a view of assets/map/geometry.json
                                                   ("caribbean", "world"), painted edge to edge over that
                                                   view's bounds (equirectangular), so screens can place
                                                   ships and sites by longitude and latitude
    assets/art/map/scenarios/<scenario id>.png     a scenario's own map (its ``map:``), the same way
    assets/art/portraits/<scenario id>/<person id>.png   a role (its id) or an advisor (its id)
    assets/art/scenes/<scenario id>/<name>.png     a day's or an ending's painting: <name> is the scene's
                                                   name when the art is just ``{scene: NAME}`` or the
                                                   bare word ``NAME`` (days that share a scene share
                                                   one file), else the day's or ending's own id

A day or ending may instead name the author's own PNG (``art: {image: pictures/dawn.png}``), a
path relative to the scenario's folder; ``authors_image`` refuses any path that resolves outside
that folder and outside ``assets/`` (scenario files are untrusted input).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game import paths


def art_folder() -> Path:
    return paths.assets_folder() / "art"


def map_path(view: str) -> Path:
    return art_folder() / "map" / f"{view}.png"


def scenario_map_path(scenario_id: str) -> Path:
    """A scenario's own map (``map:``), painted edge to edge over its bounds like the base maps."""
    return art_folder() / "map" / "scenarios" / f"{scenario_id}.png"


# The square of a portrait a round frame shows (x0, y0, x1, y1, shares of the painting): the head
# from above its hair (a cap's crown included) to the collar, the shoulders' tops at the foot, as
# the painter frames a sitter (game.art.portraits.EYES_AT and HEAD_SIZE). The whole bust in a 64 px
# circle left the face a third of its width; this window makes it a quarter larger. The window's
# round frames and the browser's role card both show it.
FACE_WINDOW = (0.1, 0.02, 0.9, 0.82)


def portrait_path(scenario_id: str, person_id: str) -> Path:
    return art_folder() / "portraits" / scenario_id / f"{person_id}.png"


def scene_path(scenario_id: str, name: str) -> Path:
    return art_folder() / "scenes" / scenario_id / f"{name}.png"


def picture_name(picture_id: str, art: Any) -> str:
    """The file name (without .png) of a day's or ending's painting; see the module's docstring.

    A bare word (``art: excomm_table``) is the short form of ``{scene: excomm_table}``.
    """
    if isinstance(art, str) and art:
        return art
    if isinstance(art, dict) and set(art) == {"scene"} and isinstance(art["scene"], str):
        return art["scene"]
    return picture_id


def picture_path(scenario_id: str, picture_id: str, art: Any) -> Path:
    return scene_path(scenario_id, picture_name(picture_id, art))


class UnsafeArtPath(ValueError):
    """An author's image path that points outside the scenario's folder and assets/."""


def authors_image(scenario_folder: str | Path, art: Any) -> Path | None:
    """The author's own PNG named by an ``art`` value, confined to the scenario's folder or assets/."""
    if not isinstance(art, dict) or not isinstance(art.get("image"), str):
        return None
    folder = Path(scenario_folder).resolve()
    candidate = (folder / art["image"]).resolve()  # resolves "..", and symbolic links too
    if not any(candidate.is_relative_to(root) for root in (folder, paths.assets_folder().resolve())):
        raise UnsafeArtPath(f"the image '{art['image']}' is outside the scenario's folder and assets/")
    return candidate
