"""Build assets/map/geometry.json, the game's coastlines and countries, from Natural Earth.

Natural Earth (naturalearthdata.com) is in the public domain; the `world-atlas` npm package
carries it as TopoJSON. This script fetches that package with `npm pack` (or reads a tarball you
already have), decodes the TopoJSON, clips it to the two views the game draws, adds every country
of the world (the 1:50m data, thinned where a point adds nothing at the scale of a map of a region)
under a plain id (``egypt``, ``united_kingdom``, ``germany``) for the maps scenarios declare, rounds
the coordinates, and writes one JSON file that the game ships. Run it only to change the map:

    python scripts/make_map_data.py                  # fetches world-atlas@2.0.2 with npm
    python scripts/make_map_data.py --tarball world-atlas-2.0.2.tgz
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import unicodedata
import tarfile
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.art.shapes import clip_to_box  # noqa: E402

PACKAGE = "world-atlas@2.0.2"
OUTPUT = Path(__file__).resolve().parent.parent / "assets" / "map" / "geometry.json"

# (west, south, east, north) in degrees
VIEWS = {
    "caribbean": {"bounds": (-98.0, 8.0, -56.0, 40.0), "source": "50m", "precision": 2},
    "world": {"bounds": (-180.0, -60.0, 180.0, 84.0), "source": "110m", "precision": 1},
}
COUNTRIES = {  # Natural Earth names -> the ids the game uses
    "Cuba": "cuba", "United States of America": "usa", "Russia": "ussr", "Turkey": "turkey",
    "Bahamas": "bahamas", "Mexico": "mexico", "Haiti": "haiti", "Dominican Rep.": "dominican_republic",
    "Jamaica": "jamaica", "Italy": "italy", "Ukraine": "ussr", "Belarus": "ussr", "Kazakhstan": "ussr",
    "Georgia": "ussr", "Armenia": "ussr", "Azerbaijan": "ussr", "Uzbekistan": "ussr", "Turkmenistan": "ussr",
    "Kyrgyzstan": "ussr", "Tajikistan": "ussr", "Moldova": "ussr", "Lithuania": "ussr", "Latvia": "ussr",
    "Estonia": "ussr", "Puerto Rico": "puerto_rico", "Venezuela": "venezuela", "Colombia": "colombia",
}
PLACES = {  # points the map labels or draws on; facts from the scenario's sources
    "washington": (-77.04, 38.9), "havana": (-82.38, 23.13), "miami": (-80.19, 25.77),
    "key_west": (-81.78, 24.56), "san_cristobal": (-83.05, 22.72), "sagua_la_grande": (-80.08, 22.81),
    "guanajay": (-82.69, 22.92), "remedios": (-79.54, 22.49), "guantanamo": (-75.15, 19.9),
    "nassau": (-77.35, 25.06), "moscow": (37.62, 55.75), "izmir": (27.14, 38.42), "ankara": (32.85, 39.93),
}


def fetch_tarball(folder: Path) -> Path:
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=folder, check=True, capture_output=True)
    return next(folder.glob("world-atlas-*.tgz"))


def read_topology(tarball: Path, name: str) -> dict:
    with tarfile.open(tarball) as archive:
        member = archive.extractfile(f"package/{name}.json")
        if member is None:
            raise SystemExit(f"{tarball}: package/{name}.json is not a file")
        return json.load(member)


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def polygons_of(geometry: dict, arcs: list) -> list[list[list[tuple[float, float]]]]:
    if geometry["type"] == "Polygon":
        return [[ring_points(ring, arcs) for ring in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring_points(ring, arcs) for ring in polygon] for polygon in geometry["arcs"]]
    return []


def unwrap(ring):
    """A ring that crosses the antimeridian jumps between +180 and -180; make it continuous by
    carrying an offset of 360 degrees across each jump."""
    result, offset = [ring[0]], 0.0
    for (x0, _), (x1, y1) in zip(ring, ring[1:]):
        if x1 - x0 > 180:
            offset -= 360
        elif x1 - x0 < -180:
            offset += 360
        result.append((x1 + offset, y1))
    return result


def pieces(ring, bounds, precision):
    """The parts of a ring inside the view, including parts that wrapped past +-180."""
    continuous = unwrap(ring)
    found = []
    for shift in (-360, 0, 360):
        moved = [(x + shift, y) for x, y in continuous]
        piece = simplify(clip_to_box(moved, *bounds), precision)
        if piece:
            found.append(piece)
    return found


def simplify(ring, precision):
    """Round, then drop points that repeat after rounding."""
    result: list[list[float]] = []
    for x, y in ring:
        point = [round(x, precision), round(y, precision)]
        if not result or point != result[-1]:
            result.append(point)
    return result if len(result) >= 4 else []


def view_data(tarball: Path, view: dict) -> dict:
    bounds, precision = view["bounds"], view["precision"]
    land_topology = read_topology(tarball, f"land-{view['source']}")
    arcs = decode_arcs(land_topology)
    land = []
    for geometry in land_topology["objects"]["land"]["geometries"]:
        for polygon in polygons_of(geometry, arcs):
            land.extend(pieces(polygon[0], bounds, precision))
    countries_topology = read_topology(tarball, f"countries-{view['source']}")
    arcs = decode_arcs(countries_topology)
    countries: dict[str, list] = {}
    for geometry in countries_topology["objects"]["countries"]["geometries"]:
        country = COUNTRIES.get(geometry.get("properties", {}).get("name"))
        if country is None:
            continue
        for polygon in polygons_of(geometry, arcs):
            countries.setdefault(country, []).extend(pieces(polygon[0], bounds, precision))
    west, south, east, north = bounds
    places = {name: point for name, point in PLACES.items() if west <= point[0] <= east and south <= point[1] <= north}
    return {"bounds": list(bounds), "land": land, "countries": countries, "places": places}


# Ids for Natural Earth's shortened names; every other name becomes its own words in lower case
NAME_IDS = {
    "United States of America": "united_states", "Dem. Rep. Congo": "democratic_republic_of_the_congo",
    "Central African Rep.": "central_african_republic", "Dominican Rep.": "dominican_republic",
    "Bosnia and Herz.": "bosnia_and_herzegovina", "N. Cyprus": "northern_cyprus", "S. Sudan": "south_sudan",
    "W. Sahara": "western_sahara", "Eq. Guinea": "equatorial_guinea", "Solomon Is.": "solomon_islands",
    "Falkland Is.": "falkland_islands", "Faeroe Is.": "faroe_islands", "Fr. Polynesia": "french_polynesia",
    "Fr. S. Antarctic Lands": "french_southern_lands", "Br. Indian Ocean Ter.": "british_indian_ocean_territory",
    "Antigua and Barb.": "antigua_and_barbuda", "St. Vin. and Gren.": "saint_vincent_and_the_grenadines",
    "St. Kitts and Nevis": "saint_kitts_and_nevis", "S. Geo. and the Is.": "south_georgia",
}
# Names a scenario may use for a group of today's countries, as the world stood in its time
GROUPS = {
    "usa": ["united_states"], "britain": ["united_kingdom"], "ussr": [
        "russia", "ukraine", "belarus", "kazakhstan", "georgia", "armenia", "azerbaijan", "uzbekistan",
        "turkmenistan", "kyrgyzstan", "tajikistan", "moldova", "lithuania", "latvia", "estonia"],
    "yugoslavia": ["serbia", "croatia", "slovenia", "bosnia_and_herzegovina", "montenegro", "macedonia", "kosovo"],
    "czechoslovakia": ["czechia", "slovakia"],
}
THIN = 0.025  # degrees: a point nearer than this to the line through its neighbours is dropped


def country_id(name: str) -> str:
    if name in NAME_IDS:
        return NAME_IDS[name]
    for short, long in ((r"\bIs\.", "Islands"), (r"\bI\.", "Island"), (r"\bSt[.-]", "Saint "), (r"\bTer\.", "Territory"),
                        (r"\bN\.", "Northern")):
        name = re.sub(short, long, name)
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", plain.lower().replace(".", "")).strip("_")


def thinned(ring: list, tolerance: float) -> list:
    """Douglas-Peucker: the fewest points that keep the outline within ``tolerance`` degrees."""
    if len(ring) < 5:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    # a closed ring starts and ends on one point: split it at the point farthest from there
    x0, y0 = ring[0]
    apex = max(range(1, len(ring) - 1), key=lambda i: (ring[i][0] - x0) ** 2 + (ring[i][1] - y0) ** 2)
    keep[apex] = True
    stack = [(0, apex), (apex, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = ring[first], ring[last]
        length = math.hypot(x2 - x1, y2 - y1) or 1e-12
        far, index = 0.0, -1
        for i in range(first + 1, last):
            x, y = ring[i]
            distance = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length
            if distance > far:
                far, index = distance, i
        if far > tolerance and index > 0:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(ring, keep) if kept]


def world_countries(tarball: Path) -> tuple[dict, dict]:
    """Every country's outer rings at 1:50m, thinned and rounded, by id; and each id's Natural Earth name."""
    topology = read_topology(tarball, "countries-50m")
    arcs = decode_arcs(topology)
    countries: dict[str, list] = {}
    names: dict[str, str] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name")
        if not name:
            continue
        key = country_id(name)
        names[key] = name
        for polygon in polygons_of(geometry, arcs):
            ring = simplify(thinned(unwrap(polygon[0]), THIN), 2)
            if ring:
                countries.setdefault(key, []).append(ring)
    return countries, names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="a world-atlas .tgz already downloaded")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tarball = arguments.tarball or fetch_tarball(Path(folder))
        data: dict[str, Any] = {
            "source": f"Natural Earth (public domain), via the npm package {PACKAGE}",
            "projection": "equirectangular, longitude and latitude in degrees",
            "views": {name: view_data(tarball, view) for name, view in VIEWS.items()},
        }
        data["countries"], data["country_names"] = world_countries(tarball)
        data["groups"] = GROUPS
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(json.dumps(data, separators=(",", ":")) + "\n")
    points = sum(len(r) for v in data["views"].values() for r in v["land"])
    print(f"wrote {arguments.output} ({arguments.output.stat().st_size // 1024} KB, {points} land points)")


if __name__ == "__main__":
    main()
