"""The world the maps are drawn from: assets/map/geometry.json, read once, for the loader, the painter
and the screens alike.

Natural Earth's countries (public domain, 1:50m) are kept under plain ids (``egypt``,
``united_kingdom``); a few names stand for a group as the world stood then (``ussr``,
``yugoslavia``, ``czechoslovakia``) or for a familiar short name (``usa``, ``britain``). A
scenario's map and a painting's ``land`` name regions with these words. Pure data: no pygame.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from typing import Any

from game import paths
from game.scenario.errors import did_you_mean


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


def unknown_region(word: Any) -> str:
    """The error for a word that is not a region: a did-you-mean, and every region word, as authors need them."""
    words = regions()
    guess = did_you_mean(word, words) if isinstance(word, str) else ""
    return f"unknown region '{word}'{guess}; the regions are: {', '.join(words)}"


def view_bounds(view: str) -> tuple[float, float, float, float]:
    """(west, south, east, north) of one of the base maps' views (``caribbean``, ``world``)."""
    return tuple(geometry()["views"][view]["bounds"])


def _ring_bounds(ring) -> tuple[float, float, float, float]:
    lons, lats = [point[0] for point in ring], [point[1] for point in ring]
    return min(lons), min(lats), max(lons), max(lats)


def region_reaches(region: str, bounds) -> bool:
    """Whether some outline of the region reaches into (west, south, east, north)."""
    west, south, east, north = bounds
    for ring in region_rings(region):
        w, s, e, n = _ring_bounds(ring)
        if w <= east and e >= west and s <= north and n >= south:
            return True
    return False


def _ring_area(ring) -> float:
    """The area a ring encloses, in square degrees of longitude shrunk by the latitude (shoelace)."""
    shrink = math.cos(math.radians(sum(point[1] for point in ring) / len(ring)))
    twice = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1]))
    return abs(twice) / 2 * shrink


def region_extent(region: str) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) of a region's home ground: its largest piece of land and every
    piece near it, so France is framed without French Guiana and the United States without Alaska
    and Hawaii (a picture of the whole can still give its own ``box``)."""
    rings = [ring for ring in region_rings(region) if len(ring) >= 3]
    if not rings:
        return None
    west, south, east, north = _ring_bounds(max(rings, key=_ring_area))
    reach = max(1.0, 0.08 * max(east - west, north - south))  # a strait, not an ocean
    left = list(map(_ring_bounds, rings))
    while True:  # island by island across the straits, as an archipelago is
        near = [b for b in left if max(b[0] - east, west - b[2], b[1] - north, south - b[3]) <= reach]
        if not near:
            return west, south, east, north
        left = [b for b in left if b not in near]
        west, south = min(west, *(b[0] for b in near)), min(south, *(b[1] for b in near))
        east, north = max(east, *(b[2] for b in near)), max(north, *(b[3] for b in near))
