"""The world the maps are drawn from: assets/map/geometry.json, read once, for the loader, the painter
and the screens alike.

Natural Earth's countries (public domain, 1:50m) are kept under plain ids (``egypt``,
``united_kingdom``); a few names stand for a group as the world stood then (``ussr``,
``yugoslavia``, ``czechoslovakia``) or for a familiar short name (``usa``, ``britain``). A
scenario's map and a painting's ``land`` name regions with these words. Pure data: no pygame.
"""

from __future__ import annotations

import json
from functools import lru_cache

from game import paths


@lru_cache(maxsize=1)
def geometry() -> dict:
    with open(paths.assets_folder() / "map" / "geometry.json", encoding="utf-8") as file:
        return json.load(file)


@lru_cache(maxsize=1)
def regions() -> tuple[str, ...]:
    """Every region word, sorted: each country's id and each group's name."""
    data = geometry()
    return tuple(sorted(set(data.get("countries", {})) | set(data.get("groups", {}))))


def region_rings(region: str) -> list[list[list[float]]]:
    """The outlines (longitude, latitude) of a country, or of every country of a group."""
    data = geometry()
    members = data.get("groups", {}).get(region, [region])
    return [ring for member in members for ring in data.get("countries", {}).get(member, [])]


def region_name(region: str) -> str:
    """Natural Earth's own name for a country id (a group's word as written)."""
    return geometry().get("country_names", {}).get(region, region.replace("_", " ").title())


def countries_within(bounds: tuple[float, float, float, float]) -> list[str]:
    """The countries some outline of which reaches into (west, south, east, north)."""
    west, south, east, north = bounds
    found = []
    for country, rings in geometry().get("countries", {}).items():
        for ring in rings:
            lons, lats = [point[0] for point in ring], [point[1] for point in ring]
            if min(lons) <= east and max(lons) >= west and min(lats) <= north and max(lats) >= south:
                found.append(country)
                break
    return sorted(found)
