"""A diffusion chart as inline SVG: cumulative adopting regions per year (line) and new ones (bars).

Plain SVG text with no script, so a page can inline it and it works offline.
"""

from __future__ import annotations

import html


def diffusion_svg(table, title: str = "", width: int = 480, height: int = 240) -> str:
    """SVG for a ``fazhi.graph.diffusion.diffusion`` table (year, new_adopters, cumulative, …)."""
    rows = [(int(r[0]), int(r[1]), int(r[2])) for r in table.rows]
    left, right, top, bottom = 40, 12, 28, 28
    w, h = width - left - right, height - top - bottom
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12" role="img">',
             f'<text x="{left}" y="16" font-weight="bold">{html.escape(title)}</text>']
    if not rows:
        parts.append(f'<text x="{left}" y="{top + h / 2}">no adopters</text></svg>')
        return "".join(parts)
    top_value = max(r[2] for r in rows) or 1
    step = w / len(rows)
    points = []
    for i, (year, new, total) in enumerate(rows):
        x = left + i * step
        bar = h * new / top_value
        parts.append(f'<rect x="{x + step * 0.2:.1f}" y="{top + h - bar:.1f}" width="{step * 0.6:.1f}" '
                     f'height="{bar:.1f}" fill="#9ecae1"><title>{year}: {new} new</title></rect>')
        parts.append(f'<text x="{x + step / 2:.1f}" y="{height - 10}" text-anchor="middle">{year}</text>')
        points.append(f"{x + step / 2:.1f},{top + h - h * total / top_value:.1f}")
    parts.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#08519c" stroke-width="2"/>')
    for p, (year, _, total) in zip(points, rows):
        x, y = p.split(",")
        parts.append(f'<circle cx="{x}" cy="{y}" r="3" fill="#08519c"><title>{year}: {total} in all</title></circle>')
    parts.append(f'<line x1="{left}" y1="{top + h}" x2="{left + w}" y2="{top + h}" stroke="#333"/>')
    parts.append(f'<text x="{left - 6}" y="{top + 4}" text-anchor="end">{top_value}</text>')
    parts.append(f'<text x="{left - 6}" y="{top + h}" text-anchor="end">0</text></svg>')
    return "".join(parts)
