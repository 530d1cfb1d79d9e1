"""Charts as inline SVG drawn on the server: no script, nothing fetched. Every text put in an SVG is
escaped here; the result is marked safe for the templates."""

from __future__ import annotations

import json
import math
from functools import cache
from html import escape
from importlib.resources import files
from typing import Any

from markupsafe import Markup

from letopis.lexicon.gazetteer import gazetteer

PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac", "#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#17becf")  # fmt: skip
WIDTH, HEIGHT = 720, 360

Row = dict[str, Any]


def color(name: str, names: list[str]) -> str:
    return PALETTE[names.index(name) % len(PALETTE)]


def svg(body: str, width: float, height: float, label: str, kind: str, origin: tuple[float, float] = (0, 0)) -> Markup:
    box = f"{origin[0]:.0f} {origin[1]:.0f} {width:.0f} {height:.0f}"
    return Markup(
        f'<svg class="chart {kind}" viewBox="{box}" role="img" aria-label="{escape(label)}"'
        f' xmlns="http://www.w3.org/2000/svg">{body}</svg>'
    )


def legend(names: list[str], y: int) -> str:
    return "".join(
        f'<rect x="{10 + 110 * (i % 6)}" y="{y + 16 * (i // 6)}" width="10" height="10" fill="{color(n, names)}"/>'
        f'<text x="{24 + 110 * (i % 6)}" y="{y + 9 + 16 * (i // 6)}">{escape(n)}</text>'
        for i, n in enumerate(names)
    )


def stacked(rows: list[Row], label: str) -> Markup:
    """Events per month, stacked by type (rows of month, type, events)."""
    months = sorted({r["month"] for r in rows})
    types = sorted({r["type"] for r in rows})
    totals = {m: sum(r["events"] for r in rows if r["month"] == m) for m in months}
    top = max(totals.values(), default=1)
    step = (WIDTH - 60) / max(len(months), 1)
    bars, height = [], 220
    for i, month in enumerate(months):
        base = height
        for r in (r for r in rows if r["month"] == month):
            h = r["events"] / top * (height - 20)
            base -= h
            bars.append(f'<rect x="{50 + i * step:.1f}" y="{base:.1f}" width="{min(max(step * 0.8, 1), 60):.1f}"'
                        f' height="{h:.1f}" fill="{color(r["type"], types)}"><title>{escape(month)} '
                        f'{escape(r["type"])}: {r["events"]}</title></rect>')  # fmt: skip
        if len(months) <= 24 or i % math.ceil(len(months) / 24) == 0:
            bars.append(f'<text x="{50 + i * step:.1f}" y="{height + 14}" class="tick">{escape(month)}</text>')
    axis = f'<line x1="48" y1="{height}" x2="{WIDTH}" y2="{height}" stroke="#888"/><text x="4" y="14">{top}</text>'
    rows_of_legend = math.ceil(len(types) / 6)
    return svg(axis + "".join(bars) + legend(types, height + 28), WIDTH, height + 36 + 16 * rows_of_legend, label,
               "stacked")  # fmt: skip


def bars(rows: list[Row], label: str, link: str | None = None) -> Markup:
    """Horizontal bars of counts (rows of name, events); each bar links to `link` + its name."""
    top = max((r["events"] for r in rows), default=1)
    out = []
    for i, r in enumerate(rows[:15]):
        width = r["events"] / top * (WIDTH - 260)
        bar = (f'<rect x="200" y="{6 + 22 * i}" width="{max(width, 1):.1f}" height="16" fill="{PALETTE[0]}"/>'
               f'<text x="194" y="{18 + 22 * i}" text-anchor="end">{escape(str(r["name"]))}</text>'
               f'<text x="{206 + width:.1f}" y="{18 + 22 * i}">{r["events"]}</text>')  # fmt: skip
        out.append(f'<a href="{escape(link + str(r["name"]))}">{bar}</a>' if link else bar)
    return svg("".join(out), WIDTH, 12 + 22 * max(len(rows[:15]), 1), label, "bars")


def network(edges: list[Row], label: str) -> Markup:
    """Actors on a circle, a line from each actor to each recipient, as thick as their events."""
    nodes = list(dict.fromkeys(n for e in edges for n in (e["actor"], e["recipient"])))
    countries = {e["actor"]: e["actor_country"] or "?" for e in edges} | {
        e["recipient"]: e["recipient_country"] or "?" for e in edges}  # fmt: skip
    codes = sorted(set(countries.values()))
    cx, cy, radius = WIDTH / 2, 200, 150
    turn = 2 * math.pi / max(len(nodes), 1)
    where = {n: (cx + radius * 1.2 * math.cos(turn * i), cy + radius * math.sin(turn * i)) for i, n in enumerate(nodes)}
    lines = "".join(
        f'<line x1="{where[e["actor"]][0]:.1f}" y1="{where[e["actor"]][1]:.1f}" x2="{where[e["recipient"]][0]:.1f}"'
        f' y2="{where[e["recipient"]][1]:.1f}" stroke="#999" stroke-width="{min(1 + e["events"], 8)}">'
        f"<title>{escape(e['actor'])} → {escape(e['recipient'])}: {e['events']}</title></line>"
        for e in edges
    )
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="{color(countries[n], codes)}"><title>{escape(n)}'
        f" ({escape(countries[n])})</title></circle>"
        f'<text x="{x + (10 if x >= cx else -10):.1f}" y="{y + 4:.1f}" text-anchor="{"start" if x >= cx else "end"}"'
        f' class="node">{escape(n)}</text>'
        for n, (x, y) in where.items()
    )
    return svg(lines + dots + legend(codes, 370), WIDTH, 390 + 16 * math.ceil(len(codes) / 6), label, "network")


@cache
def shapes() -> dict[str, str]:
    """ISO alpha-3 -> SVG path of the country (world-atlas 2, scripts/world_map.py)."""
    data = files("letopis.web").joinpath("static/world.json").read_text(encoding="utf-8")
    found: dict[str, str] = json.loads(data)
    return found


def project(lat: float, lon: float) -> tuple[float, float]:
    return 2 * (lon + 180), 2 * (90 - lat)


def around(points: list[Row]) -> tuple[float, float, float, float]:
    """The part of the map (x, y, width, height) around the points, with a margin, at the map's proportions."""
    xs = [project(p["lat"], p["lon"])[0] for p in points]
    ys = [project(p["lat"], p["lon"])[1] for p in points]
    width = max(max(xs) - min(xs) + 80, 2 * (max(ys) - min(ys) + 40), 160.0)
    height = width / 2
    x = min(max((max(xs) + min(xs) - width) / 2, 0), WIDTH - width)
    y = min(max((max(ys) + min(ys) - height) / 2, 0), HEIGHT - height)
    return x, y, width, height


def world(points: list[Row], label: str, by_country: list[Row] | None = None, zoom: bool = False) -> Markup:
    """A world map: countries shaded by their events (`by_country`: name = ISO alpha-3, events) and a
    circle for each point (name, lat, lon, events); `zoom` shows only the part around the points."""
    counts = {r["name"]: r["events"] for r in by_country or []}
    top = max(counts.values(), default=1)
    land = "".join(
        f'<path d="{d}" class="land" fill-opacity="{0.15 + 0.85 * counts[code] / top:.2f}" fill="{PALETTE[0]}">'
        f"<title>{code}: {counts[code]}</title></path>"
        if code in counts else f'<path d="{d}" class="land" fill="#ddd"><title>{code}</title></path>'
        for code, d in shapes().items()
    )  # fmt: skip
    located = [p for p in points if p.get("lat") is not None and p.get("lon") is not None]
    x, y, width, height = around(located) if zoom and located else (0.0, 0.0, float(WIDTH), HEIGHT - 60.0)
    return svg(land + dots(located, width / WIDTH, zoom), width, height, label, "map", (x, y))


def dots(points: list[Row], scale: float, named: bool) -> str:
    """A circle for each point, as large as its events (`named`: with the place's name beside it)."""
    biggest = max((p["events"] for p in points), default=1)
    out = []
    for p in points:
        cx, cy = project(p["lat"], p["lon"])
        radius = (2 + 8 * math.sqrt(p["events"] / biggest)) * scale
        out.append(f'<circle cx="{cx:.2f}" cy="{cy:.2f}" r="{radius:.2f}" class="point"><title>{escape(p["name"])}:'
                   f" {p['events']}</title></circle>")  # fmt: skip
        if named:
            out.append(f'<text x="{cx + radius * 1.3:.2f}" y="{cy + radius / 2:.2f}" font-size="{12 * scale:.2f}">'
                       f"{escape(p['name'])}</text>")  # fmt: skip
    return "".join(out)


def capitals(by_country: list[Row]) -> list[Row]:
    """Countries' counts placed at their capitals, for circles on the world map."""
    places = gazetteer().countries
    return [{"name": r["name"], "lat": places[r["name"]].lat, "lon": places[r["name"]].lon, "events": r["events"]}
            for r in by_country if r["name"] in places and places[r["name"]].lat is not None]  # fmt: skip
