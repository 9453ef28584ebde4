"""The region × mechanism matrix: the answer to "which districts adopted which mechanism" at a glance.

One row per region and year, one column per mechanism, grouped by category;
each cell coloured by status (adopted, planned, problem), with counts per row
and column. The page sorts by clicking a header and works offline; ``render_svg``
draws the same matrix as a static SVG for reports.
"""

from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path

from ..graph.ask import matrix

STATUS_COLOURS = {"adopted": "#2ca02c", "planned": "#ff7f0e", "problem": "#d62728"}
STATUS_MARK = {"adopted": "●", "planned": "○", "problem": "✕"}
_STRENGTH = {"adopted": 3, "planned": 2, "problem": 1}
UNLISTED = "候选机制 (unlisted)"

def matrix_data(graph) -> dict:
    """Rows (region, year), columns (mechanism, category) and cells (status), sorted for reading."""
    from ..graph.io import union_graph

    if hasattr(graph, "graphs"):
        graph = union_graph(graph)
    cells: dict[tuple[str, str], str] = {}
    rows: dict[str, dict] = {}
    columns: dict[str, str] = {}
    for rec in matrix(graph).records():  # a store's summary answers, when it has one
        row_key = f"{rec['region_full']} {rec['year']}"
        rows.setdefault(row_key, {"key": row_key, "region": rec["region"], "full": rec["region_full"], "year": int(rec["year"])})
        category = rec["category"] or UNLISTED
        columns[rec["mechanism"]] = category
        old = cells.get((row_key, rec["mechanism"]))
        if old is None or _STRENGTH[rec["status"]] > _STRENGTH[old]:
            cells[(row_key, rec["mechanism"])] = rec["status"]
    adopters = {m: sum(1 for (r, mm), s in cells.items() if mm == m and s == "adopted") for m in columns}
    # the vocabulary's categories first, the unlisted candidates after them
    ordered_columns = sorted(columns, key=lambda m: (columns[m] == UNLISTED, columns[m], -adopters[m], m))
    ordered_rows = sorted(rows.values(), key=lambda r: (r["full"], r["year"]))
    return {
        "rows": ordered_rows,
        "columns": [{"mechanism": m, "category": columns[m], "adopters": adopters[m]} for m in ordered_columns],
        "cells": {f"{r}\u0001{m}": s for (r, m), s in cells.items()},
    }


def render_matrix(graph, out: str | Path, title: str = "fazhi · 机制采纳矩阵") -> dict:
    from ..graph.io import write_atomic

    data = matrix_data(graph)
    template = resources.files(__package__).joinpath("matrix.html").read_text(encoding="utf-8")
    payload = json.dumps({**data, "colours": STATUS_COLOURS, "marks": STATUS_MARK}, ensure_ascii=False).replace("</", "<\\/")
    page = template.replace("{{TITLE}}", html.escape(title)).replace("{{DATA}}", payload)
    write_atomic(out, page.encode("utf-8"))
    return {"rows": len(data["rows"]), "columns": len(data["columns"]), "cells": len(data["cells"])}


def render_svg(graph, out: str | Path, cell: int = 14) -> dict:
    """The matrix as a static SVG image (rows × columns, coloured by status)."""
    from ..graph.io import write_atomic

    data = matrix_data(graph)
    left, top = 260, 190
    width = left + cell * len(data["columns"]) + 20
    height = top + cell * len(data["rows"]) + 60
    font = 'font-family="Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif"'
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
    ]
    for j, column in enumerate(data["columns"]):
        x = left + j * cell + cell / 2
        parts.append(
            f'<text x="{x:.1f}" y="{top - 6}" font-size="10" {font} transform="rotate(-60 {x:.1f} {top - 6})">'
            f"{html.escape(column['mechanism'])}</text>"
        )
    for i, row in enumerate(data["rows"]):
        y = top + i * cell
        parts.append(f'<text x="{left - 6}" y="{y + cell - 3}" font-size="11" text-anchor="end" {font}>'
                     f"{html.escape(row['region'])} {row['year']}</text>")
        for j, column in enumerate(data["columns"]):
            status = data["cells"].get(f"{row['key']}\u0001{column['mechanism']}")
            fill = STATUS_COLOURS.get(status, "#f2f2f2")
            parts.append(f'<rect x="{left + j * cell}" y="{y}" width="{cell - 1}" height="{cell - 1}" fill="{fill}"/>')
    legend_y = top + cell * len(data["rows"]) + 25
    for k, (status, colour) in enumerate(STATUS_COLOURS.items()):
        parts.append(f'<rect x="{left + k * 110}" y="{legend_y}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{left + k * 110 + 16}" y="{legend_y + 11}" font-size="12" {font}>{status}</text>')
    parts.append("</svg>")
    write_atomic(out, "\n".join(parts).encode("utf-8"))
    return {"rows": len(data["rows"]), "columns": len(data["columns"])}
