"""The painted base maps: each view of assets/map/geometry.json as a watercolor chart.

A map is painted edge to edge over its view's bounds, longitude to x and latitude to y in
straight lines (equirectangular), so the screens can stretch it over their projection and still
put ships and sites in the right water. The sheet's proportions follow the screen's projection
(the Caribbean view narrows longitude by the cosine of its middle latitude), so brush marks are
not squashed when it is shown.

Painted like a hand-tinted chart: sea washes that pale into turquoise shallows along every coast,
land in thin ochre with a second, greener glaze, the crisis's countries tinted, ink coastlines,
and a faint pencil graticule under everything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from game.art.shapes import clip_to_box
from game.art.watercolor import Painting, soften
from game.geography import countries_within, geometry, region_rings

# the largest size the day screen shows each view at (1920x1080 window), rounded up
MAP_SIZES: dict[str, tuple[int, int]] = {"caribbean": (960, 800), "world": (1400, 560)}


@dataclass(frozen=True, slots=True)
class MapStyle:
    """How one view is tinted: which countries stand out, and in what."""
    graticule_step: float              # degrees between the faint lines
    coast_width: float                 # ink width of the coastlines, in pixels of the baked sheet
    tints: tuple[tuple[str, str, float], ...]   # (country, pigment, strength): a wash over the whole country
    borders: tuple[tuple[str, str], ...]        # (country, pigment): colour laid along the inside of its border,
    #                                             as old hand-coloured maps did (blue over ochre would go green)
    deep_sea: tuple[tuple[str, float], ...]     # pigments of open water and their strengths
    shallows: float                    # how far the pale shallows reach, in pixels
    water_lines: bool = False          # faint rings along the coasts, as engraved on old charts


STYLES: dict[str, MapStyle] = {
    "caribbean": MapStyle(graticule_step=5.0, coast_width=1.5,
                          tints=(("cuba", "raw_sienna", 0.42),), borders=(("usa", "cobalt_blue"),),
                          deep_sea=(("cerulean", 0.27), ("ultramarine", 0.07), ("payne_grey", 0.04)),
                          shallows=22.0, water_lines=True),
    "world": MapStyle(graticule_step=15.0, coast_width=1.1,
                      tints=(("ussr", "rose", 0.22), ("cuba", "burnt_sienna", 0.4), ("turkey", "raw_sienna", 0.3),
                             ("italy", "raw_sienna", 0.16)),
                      borders=(("usa", "cobalt_blue"),),
                      deep_sea=(("cerulean", 0.27), ("ultramarine", 0.07), ("payne_grey", 0.04)), shallows=10.0),
}


def views() -> list[str]:
    return sorted(geometry()["views"])


def sheet_size(view: str) -> tuple[int, int]:
    return MAP_SIZES[view]


def aspect(view: str) -> float:
    """Width over height of the view as the screens project it (equirectangular, latitude-corrected)."""
    west, south, east, north = geometry()["views"][view]["bounds"]
    k = math.cos(math.radians((south + north) / 2)) if view == "caribbean" else 1.0
    return (east - west) * k / (north - south)


def _projector(view: str, width: int, height: int):
    west, south, east, north = geometry()["views"][view]["bounds"]

    def project(ring) -> np.ndarray:
        lonlat = np.asarray(ring, dtype=np.float64)
        x = (lonlat[:, 0] - west) / (east - west) * width
        y = (north - lonlat[:, 1]) / (north - south) * height
        return np.column_stack((x, y))
    return project, (west, south, east, north)


def paint_map(view, width: int, height: int, seed: int) -> np.ndarray:
    """The view painted at ``width`` x ``height``: uint8 RGB, edge to edge over its bounds. ``view`` is a
    built-in view's name, or a scenario's own map as plain data (``chart_subject``)."""
    if isinstance(view, dict):
        return paint_chart(view, width, height, seed)
    data = geometry()["views"][view]
    style = STYLES.get(view, STYLES["world"])
    project, bounds = _projector(view, width, height)
    scale = width / MAP_SIZES.get(view, (width, height))[0]  # brush sizes follow the sheet's size
    painting = Painting(width, height, seed)
    land_rings = [project(ring) for ring in data["land"] if len(ring) > 2]
    land = painting.coverage(land_rings)

    _graticule(painting, bounds, style.graticule_step, project, scale)
    _sea(painting, land, style, scale)
    for ring in land_rings:
        extent = max(np.ptp(ring[:, 0]), np.ptp(ring[:, 1]))
        if extent < 1.5:
            continue
        layers = 12 if extent > 40 else 6
        painting.wash(ring, "yellow_ochre", 0.22, layers=layers, wobble=0.01, edge=0.5, granulation=0.4,
                      bleed=1.0 * scale)
        painting.wash(ring, "raw_sienna", 0.06, layers=max(4, layers // 2), wobble=0.03, edge=0.2,
                      granulation=0.6, bleed=2.0 * scale)
    for country, pigment, strength in style.tints:
        for ring in data["countries"].get(country, []):
            if len(ring) > 2:
                painting.wash(project(ring), pigment, strength, layers=10, wobble=0.01, edge=0.8,
                              granulation=0.3, bleed=1.2 * scale)
    for country, pigment in style.borders:
        for ring in data["countries"].get(country, []):
            if len(ring) > 2:
                painting.ink(project(ring), pigment, width=5.0 * scale, strength=0.16, closed=True,
                             wobble=0.8 * scale)
    for ring in land_rings:
        if max(np.ptp(ring[:, 0]), np.ptp(ring[:, 1])) >= 0.8:
            painting.ink(ring, "sepia", width=style.coast_width * scale, strength=0.6, closed=True,
                         wobble=0.35 * scale)
    return painting.pixels()


# --- a scenario's own map ---------------------------------------------------------------------------
CHART_STYLE = MapStyle(graticule_step=0.0, coast_width=1.3, tints=(), borders=(),
                       deep_sea=(("cerulean", 0.25), ("ultramarine", 0.07), ("payne_grey", 0.04)), shallows=16.0,
                       water_lines=True)
CHART_WIDTH = 1200  # the widest a scenario's map is baked; its height follows its proportions


def chart_subject(chart) -> dict:
    """A scenario's ``map:`` as the plain data the painter (and the art cache's key) takes."""
    return {"bounds": list(chart.bounds), "countries": [[region, tint] for region, tint in chart.countries],
            "areas": [{"points": [list(point) for point in area.points], "tint": area.kind} for area in chart.areas]}


def chart_size(bounds) -> tuple[int, int]:
    """The sheet for a map of these bounds, in the proportions the screens show it (latitude-corrected)."""
    west, south, east, north = bounds
    ratio = (east - west) * math.cos(math.radians((south + north) / 2)) / (north - south)
    width = CHART_WIDTH if ratio >= 1 else round(CHART_WIDTH * ratio)
    return max(200, width), max(200, round(width / ratio))


def paint_chart(subject: dict, width: int, height: int, seed: int) -> np.ndarray:
    """A scenario's own map: every country in its frame, the ones it names tinted, its areas washed over
    the land, ink coasts and a finer line along each border."""
    west, south, east, north = bounds = tuple(subject["bounds"])
    scale = width / CHART_WIDTH

    def project(ring) -> np.ndarray:
        lonlat = np.asarray(ring, dtype=np.float64)
        return np.column_stack(((lonlat[:, 0] - west) / (east - west) * width,
                                (north - lonlat[:, 1]) / (north - south) * height))

    def inside(ring) -> list:
        return [p for p in [clip_to_box(ring, west, south, east, north)] if len(p) > 2]

    painting = Painting(width, height, seed)
    countries = countries_within(bounds)
    rings = [project(piece) for country in countries for ring in region_rings(country) for piece in inside(ring)]
    land = painting.coverage(rings)
    span = max(east - west, north - south)
    step = next(step for step in (1.0, 2.0, 5.0, 10.0, 15.0, 30.0) if span / step <= 8)
    _graticule(painting, bounds, step, project, scale)
    _sea(painting, land, CHART_STYLE, scale)
    for ring in rings:
        if max(np.ptp(ring[:, 0]), np.ptp(ring[:, 1])) >= 1.5:
            painting.wash(ring, "yellow_ochre", 0.2, layers=8, wobble=0.01, edge=0.5, granulation=0.4, bleed=1.0 * scale)
    for region, tint in subject["countries"]:
        for outline in region_rings(region):
            for piece in inside(outline):
                painting.wash(project(piece), tint, 0.3, layers=10, wobble=0.01, edge=0.8, granulation=0.3,
                              bleed=1.2 * scale)
    for area in subject["areas"]:  # a zone, or a country gone since: washed over the land only
        shape = painting.coverage([project(area["points"])])
        painting.glaze(soften(shape, 1.5 * scale) * land * 0.32, area["tint"], granulation=0.3, flow=0.2)
    for ring in rings:
        if max(np.ptp(ring[:, 0]), np.ptp(ring[:, 1])) >= 0.8:
            painting.ink(ring, "sepia", width=0.9 * scale, strength=0.35, closed=True, wobble=0.3 * scale)
    return painting.pixels()


def _sea(painting: Painting, land: np.ndarray, style: MapStyle, scale: float) -> None:
    """Open water deepening away from land, pale turquoise shallows and a darker line at the coast."""
    water = 1.0 - soften(land, 1.2 * scale)
    near = np.clip(soften(land, style.shallows * scale) * 2.6, 0.0, 1.0)
    nearer = np.clip(soften(land, 0.3 * style.shallows * scale) * 2.2, 0.0, 1.0)
    depth = water * (1.0 - 0.72 * near)
    for pigment, strength in style.deep_sea:
        painting.glaze(depth * strength, pigment, granulation=0.45, flow=0.25)
    painting.glaze(water * np.maximum(near - nearer * 0.5, 0.0) * 0.22, "viridian", granulation=0.3, flow=0.3)
    surf = np.clip(soften(land, 2.5 * scale) - land, 0.0, 1.0) * water  # the wet edge along the shore
    painting.glaze(surf * 1.2, "prussian_blue", granulation=0.2, flow=0.1)
    if not style.water_lines:
        return
    # the engraver's water lines: faint rings following every coast
    reach = soften(land, 0.45 * style.shallows * scale)
    rings = np.zeros_like(reach)
    for level in (0.16, 0.05):
        rings += np.exp(-(((reach - level) / (0.18 * level)) ** 2))
    painting.glaze(rings * water * 0.12, "prussian_blue", granulation=0.1, flow=0.1)


def _graticule(painting: Painting, bounds, step: float, project, scale: float) -> None:
    west, south, east, north = bounds
    for lon in np.arange(math.ceil(west / step) * step, east + 1e-9, step):
        line = [(lon, south - 1), (lon, north + 1)]
        painting.ink(project(line), "payne_grey", width=0.8 * scale, strength=0.1, wobble=0.4 * scale)
    for lat in np.arange(math.ceil(south / step) * step, north + 1e-9, step):
        line = [(west - 1, lat), (east + 1, lat)]
        painting.ink(project(line), "payne_grey", width=0.8 * scale, strength=0.1, wobble=0.4 * scale)
