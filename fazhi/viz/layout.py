"""Positions for the network page, computed ahead in Python so the browser runs no physics.

``force_layout`` lays out the default view (regions or region groups ↔ mechanisms)
with networkx's ForceAtlas2 where the installed networkx has it (3.4+), else
with a seeded spring layout; both are deterministic for the same input.
``spiral`` places the members of a group, or a region's measures, bodies and
documents, around a centre (a sunflower spiral: even spacing, no overlap).
"""

from __future__ import annotations

import math

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
SPACING = 80.0  # canvas units per node, on average, in the default view
ASPECT = 1.4


def force_layout(nodes: list[str], edges: list[tuple[str, str, float]], *, sizes: dict[str, float] | None = None,
                 compact: bool = False, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Node → (x, y), centred on 0 and scaled to about ``SPACING`` · √n across; nodes with ``sizes``
    (radius, in the same units: a node's own, or larger to keep room for its label) are then
    pushed apart until none covers another.

    ``compact`` (strong gravity) keeps nodes with one edge near the rest: wanted when a few
    hubs (province groups) join nearly every mechanism, which would otherwise fling the
    rare ones far out; without it, regions spread out with their own mechanisms around them."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(sorted(nodes))
    g.add_weighted_edges_from(sorted(edges))
    if not nodes:
        return {}
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if hasattr(nx, "forceatlas2_layout"):
        # dissuade hubs so that mechanisms shared by many regions sit between them, not on top
        mass = {n: 1.0 + g.degree(n) for n in g}
        positions = nx.forceatlas2_layout(g, max_iter=300, scaling_ratio=2.0, gravity=1.0, strong_gravity=compact,
                                          node_mass=mass, weight="weight", seed=seed)
    else:  # networkx < 3.4
        positions = nx.spring_layout(g, seed=seed, iterations=100, weight="weight")
    positions = _normalise(positions, SPACING * math.sqrt(len(nodes)))
    return separate(positions, sizes) if sizes else positions


def separate(positions: dict[str, tuple[float, float]], sizes: dict[str, float], gap: float = 6.0,
             iterations: int = 80) -> dict[str, tuple[float, float]]:
    """Move overlapping nodes apart (each pair by half the overlap, along the line between them)."""
    import numpy as np

    names = sorted(positions)
    xy = np.array([positions[n] for n in names], dtype=float)
    r = np.array([sizes.get(n, 8.0) for n in names], dtype=float)
    need = r[:, None] + r[None, :] + gap
    np.fill_diagonal(need, 0.0)
    order = np.sign(np.arange(len(names))[:, None] - np.arange(len(names))[None, :]).astype(float)
    for _ in range(iterations):
        d = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((d ** 2).sum(-1))
        np.fill_diagonal(dist, np.inf)
        push = np.clip(need - dist, 0.0, None)
        if not push.any():
            break
        same = dist < 1e-6  # on the same point: apart along x, the later one to the right
        d[..., 0] = np.where(same, order, d[..., 0])
        d[..., 1] = np.where(same, 0.0, d[..., 1])
        unit = d / np.sqrt((d ** 2).sum(-1, keepdims=True)).clip(1e-9)
        xy += (unit * (push / 2)[..., None]).sum(axis=1)
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(names, xy)}


def _normalise(positions, size: float) -> dict[str, tuple[float, float]]:
    xs = [float(p[0]) for p in positions.values()]
    ys = [float(p[1]) for p in positions.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    k = size / span
    # a little wider than high, as screens are
    return {n: (round((float(p[0]) - cx) * k * ASPECT, 1), round((float(p[1]) - cy) * k, 1)) for n, p in positions.items()}


def spiral(centre: tuple[float, float], count: int, *, spacing: float = 30.0, start: float = 1.5) -> list[tuple[float, float]]:
    """``count`` points around ``centre``, evenly spaced on a sunflower spiral (the first nearest)."""
    x0, y0 = centre
    out = []
    for i in range(count):
        r = spacing * math.sqrt(i + start)
        a = i * GOLDEN_ANGLE
        out.append((round(x0 + r * math.cos(a), 1), round(y0 + r * math.sin(a), 1)))
    return out
