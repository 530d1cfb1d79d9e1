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


def svg(body: str, width: int, height: int, label: str, kind: str) -> Markup:
    return Markup(
        f'<svg class="chart {kind}" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}"'
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


def world(points: list[Row], label: str, by_country: list[Row] | None = None) -> Markup:
    """A world map: countries shaded by their events (`by_country`: name = ISO alpha-3, events) and a
    circle for each point (name, lat, lon, events)."""
    counts = {r["name"]: r["events"] for r in by_country or []}
    top = max(counts.values(), default=1)
    land = "".join(
        f'<path d="{d}" class="land" fill-opacity="{0.15 + 0.85 * counts[code] / top:.2f}" fill="{PALETTE[0]}">'
        f"<title>{code}: {counts[code]}</title></path>"
        if code in counts else f'<path d="{d}" class="land" fill="#ddd"><title>{code}</title></path>'
        for code, d in shapes().items()
    )  # fmt: skip
    biggest = max((p["events"] for p in points), default=1)
    dots = "".join(
        f'<circle cx="{project(p["lat"], p["lon"])[0]:.1f}" cy="{project(p["lat"], p["lon"])[1]:.1f}"'
        f' r="{2 + 8 * math.sqrt(p["events"] / biggest):.1f}" class="point"><title>{escape(p["name"])}:'
        f" {p['events']}</title></circle>"
        for p in points
        if p.get("lat") is not None and p.get("lon") is not None
    )
    return svg(land + dots, WIDTH, HEIGHT - 60, label, "map")  # down to 60° S: Antarctica is left out


def capitals(by_country: list[Row]) -> list[Row]:
    """Countries' counts placed at their capitals, for circles on the world map."""
    places = gazetteer().countries
    return [{"name": r["name"], "lat": places[r["name"]].lat, "lon": places[r["name"]].lon, "events": r["events"]}
            for r in by_country if r["name"] in places and places[r["name"]].lat is not None]  # fmt: skip
