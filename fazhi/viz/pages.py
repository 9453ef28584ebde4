"""The pages ``fazhi serve`` shows beside its SPARQL endpoint: the network, the matrix, the map and an index.

``render_pages`` is the callback the endpoint takes (``Endpoint(store, pages=render_pages)``), so
the endpoint knows nothing of the pages and the pages nothing of the server.
"""

from __future__ import annotations

from pathlib import Path


def render_pages(graph, folder: str | Path) -> None:
    """Write network.html, adoption.html, map.html and index.html for ``graph`` (a store or rdflib graph) into ``folder``."""
    from .map import render_map
    from .matrix import render_matrix
    from .network import render_network

    folder = Path(folder)
    render_network(graph, folder / "network.html")  # each page written atomically
    render_matrix(graph, folder / "adoption.html")
    render_map(graph, folder / "map.html")
    (folder / "index.html").write_text(INDEX, encoding="utf-8")


INDEX = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>fazhi</title>
<style>body{font-family:sans-serif;max-width:40em;margin:3em auto;line-height:1.6}</style></head>
<body><h1>fazhi</h1>
<ul>
<li><a href="adoption.html">机制采纳矩阵 — the region × mechanism matrix</a></li>
<li><a href="network.html">网络 — the network of regions, mechanisms, bodies, measures and documents</a></li>
<li><a href="map.html">地图 — the map: where a mechanism was adopted, year by year</a></li>
</ul>
<p>SPARQL: send queries to the endpoint's <code>/query</code> (its address is printed by <code>fazhi serve</code>).</p>
</body></html>
"""
