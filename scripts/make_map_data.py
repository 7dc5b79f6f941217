"""Build assets/map/geometry.json, the game's coastlines, from Natural Earth.

Natural Earth (naturalearthdata.com) is in the public domain; the `world-atlas` npm package
carries it as TopoJSON. This script fetches that package with `npm pack` (or reads a tarball you
already have), decodes the TopoJSON, clips it to the two views the game draws, rounds the
coordinates, and writes one small JSON file that the game ships. Run it only to change the map:

    python scripts/make_map_data.py                  # fetches world-atlas@2.0.2 with npm
    python scripts/make_map_data.py --tarball world-atlas-2.0.2.tgz
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tarfile
import sys
import tempfile
from pathlib import Path

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
        return json.load(archive.extractfile(f"package/{name}.json"))


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
    result = []
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="a world-atlas .tgz already downloaded")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tarball = arguments.tarball or fetch_tarball(Path(folder))
        data = {
            "source": f"Natural Earth (public domain), via the npm package {PACKAGE}",
            "projection": "equirectangular, longitude and latitude in degrees",
            "views": {name: view_data(tarball, view) for name, view in VIEWS.items()},
        }
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(json.dumps(data, separators=(",", ":")) + "\n")
    points = sum(len(r) for v in data["views"].values() for r in v["land"])
    print(f"wrote {arguments.output} ({arguments.output.stat().st_size // 1024} KB, {points} land points)")


if __name__ == "__main__":
    main()
