"""The interactive network page: regions, mechanisms, bodies, measures and documents.

pyvis builds the network data; the page is fazhi's own template with every
script and style inlined (vis-network from pyvis's bundled copy), written as
UTF-8, so it works with the network off. pyvis's own HTML links Bootstrap and
vis-network from CDNs even with ``cdn_resources="in_line"``, which is why its
template is not used.

Above ``AGGREGATE_ABOVE`` nodes the page shows regions ↔ mechanisms only, laid
out ahead with networkx and with physics off, and says how to drill down.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..graph.query import _run, named_query

AGGREGATE_ABOVE = 1000

KINDS = {
    # kind: (colour, shape, label)
    "region": ("#d62728", "dot", "地区 region"),
    "mechanism": ("#1f77b4", "diamond", "机制 mechanism"),
    "body": ("#2ca02c", "square", "机构 body"),
    "measure": ("#9467bd", "triangle", "举措 measure"),
    "document": ("#8c564b", "star", "文件 document"),
}
STATUS_COLOURS = {"adopted": "#2ca02c", "planned": "#ff7f0e", "problem": "#d62728"}

@dataclass
class NetworkData:
    nodes: dict = field(default_factory=dict)  # id -> node dict
    edges: dict = field(default_factory=dict)  # (from, to) -> edge dict

    def node(self, kind: str, name: str, **details) -> str:
        node_id = f"{kind}:{name}"
        if node_id not in self.nodes:
            self.nodes[node_id] = {"id": node_id, "label": name, "kind": kind, "details": {}, "evidence": [],
                                   "regions": set(), "mechanisms": set(), "statuses": set(), "years": set()}
        self.nodes[node_id]["details"].update({k: v for k, v in details.items() if v is not None})
        return node_id

    def edge(self, a: str, b: str, **attrs) -> None:
        key = (a, b)
        if key not in self.edges:
            self.edges[key] = {"from": a, "to": b, **attrs}


def network_data(graph, region: str | None = None, mechanism: str | None = None, province: str | None = None) -> NetworkData:
    """Nodes and edges from a fazhi graph, optionally only one region, mechanism or province."""
    from ..graph.io import union_graph

    if hasattr(graph, "graphs"):  # a Dataset: one graph is much faster to query
        graph = union_graph(graph)
    data = NetworkData()
    adoptions = _run(graph, named_query("network_adoptions")).records()
    provinces = _provinces(graph)
    keep_regions = set()
    for row in adoptions:
        if region and region not in (row["region"], row["full"]):
            continue
        row["province"] = provinces.get(row["full"])
        if province and province != (row["province"] or row["full"]):
            continue
        if mechanism and mechanism != row["mechanism"]:
            continue
        keep_regions.add(row["region"])
        r = data.node("region", row["region"], full_name=row["full"], province=row["province"])
        m = data.node("mechanism", row["mechanism"], category=row["category"])
        for node_id in (r, m):
            n = data.nodes[node_id]
            n["regions"].add(row["region"])
            n["mechanisms"].add(row["mechanism"])
            n["statuses"].add(row["status"])
            n["years"].add(int(row["year"]))
            item = {"mechanism": row["mechanism"], "region": row["region"], "status": row["status"],
                    "year": row["year"], "sentence": row["sentence"], "source": row["source"]}
            if item not in n["evidence"]:
                n["evidence"].append(item)
        data.edge(r, m, status=row["status"], year=int(row["year"]), color=STATUS_COLOURS[row["status"]])
    for row in _run(graph, named_query("network_measures")).records():
        if row["region"] not in keep_regions:
            continue
        if mechanism and row["kind"] == "mechanism" and row["target"] != mechanism:
            continue
        measure_id = data.node("measure", f"{row['heading']} ({row['region']})", heading=row["heading"],
                               status=row["status"], source=row["source"])
        target = data.node(row["kind"], row["target"])
        for node_id in (measure_id, target):
            data.nodes[node_id]["regions"].add(row["region"])
            data.nodes[node_id]["statuses"].add(row["status"])
        data.edge(measure_id, target, color="#bbbbbb")
        data.edge(data.node("region", row["region"]), measure_id, color="#dddddd")
    return data


def _add_similar_regions(graph, data: NetworkData, n: int = 3) -> None:
    """Each region's panel names the regions most like it (Jaccard over adopted mechanisms)."""
    adopted: dict[str, set[str]] = {}
    for (a, b), edge in data.edges.items():
        if edge.get("status") == "adopted" and a.startswith("region:"):
            adopted.setdefault(a, set()).add(b)
    for region, mechanisms in adopted.items():
        scores = []
        for other, theirs in adopted.items():
            if other != region:
                union = len(mechanisms | theirs)
                scores.append((len(mechanisms & theirs) / union if union else 0.0, other))
        best = sorted(scores, key=lambda s: (-s[0], s[1]))[:n]
        if best:
            data.nodes[region]["details"]["most alike 最相似"] = "; ".join(
                f"{data.nodes[o]['label']} ({score:.2f})" for score, o in best
            )


def _provinces(graph) -> dict[str, str]:
    """Full region name → its province's name (following fz:within up)."""
    return {row[0]: row[1] for row in _run(graph, named_query("provinces")).rows}


def _layout(data: NetworkData, nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    positions = nx.spring_layout(g, seed=7, iterations=50, method="force", scale=1000.0 * max(1.0, len(nodes) / 500) ** 0.5)
    return {n: (float(x), float(y)) for n, (x, y) in positions.items()}


def render_network(graph, out: str | Path, *, region=None, mechanism=None, province=None,
                   aggregate_above: int = AGGREGATE_ABOVE, title: str = "fazhi network") -> dict:
    """Write the network page to ``out``; returns a summary (node and edge counts, aggregated or not)."""
    from pyvis.network import Network

    from ..graph.io import write_atomic

    from ..graph.io import union_graph

    if hasattr(graph, "graphs"):  # a Dataset: one graph is much faster to query
        graph = union_graph(graph)
    data = network_data(graph, region=region, mechanism=mechanism, province=province)
    _add_similar_regions(graph, data)
    aggregated = len(data.nodes) > aggregate_above
    node_ids = [n for n in sorted(data.nodes) if not aggregated or data.nodes[n]["kind"] in ("region", "mechanism")]
    keep = set(node_ids)
    edges = [e for k, e in sorted(data.edges.items()) if k[0] in keep and k[1] in keep]
    degree = {n: 0 for n in node_ids}
    for e in edges:
        degree[e["from"]] += 1
        degree[e["to"]] += 1
    positions = _layout(data, node_ids, [(e["from"], e["to"]) for e in edges]) if aggregated else {}

    net = Network(directed=False)
    for node_id in node_ids:
        n = data.nodes[node_id]
        colour, shape, _ = KINDS[n["kind"]]
        extra = {"x": positions[node_id][0], "y": positions[node_id][1], "physics": False} if aggregated else {}
        net.add_node(node_id, label=n["label"], color=colour, shape=shape, size=8 + 3 * degree[node_id] ** 0.5,
                     title=n["kind"], **extra)
    for e in edges:
        net.add_edge(e["from"], e["to"], color=e.get("color", "#cccccc"))
    vis_nodes, vis_edges = net.nodes, net.edges
    meta = {
        n: {
            "kind": data.nodes[n]["kind"],
            "details": data.nodes[n]["details"],
            "evidence": data.nodes[n]["evidence"][:50],
            "regions": sorted(data.nodes[n]["regions"]),
            "mechanisms": sorted(data.nodes[n]["mechanisms"]),
            "statuses": sorted(data.nodes[n]["statuses"]),
            "years": sorted(data.nodes[n]["years"]),
        }
        for n in node_ids
    }
    edge_meta = [{"status": e.get("status"), "year": e.get("year")} for e in edges]
    page = _page(title, vis_nodes, vis_edges, meta, edge_meta, aggregated, len(data.nodes))
    write_atomic(out, page.encode("utf-8"))
    return {"nodes": len(node_ids), "edges": len(edges), "aggregated": aggregated, "all_nodes": len(data.nodes)}


def _asset(*parts: str) -> str:
    return resources.files("pyvis").joinpath(*parts).read_text(encoding="utf-8")


def _page(title, nodes, edges, meta, edge_meta, aggregated, total) -> str:
    vis_js = _asset("templates", "lib", "vis-9.1.2", "vis-network.min.js")
    template = resources.files(__package__).joinpath("network.html").read_text(encoding="utf-8")
    payload = json.dumps({"nodes": nodes, "edges": edges, "meta": meta, "edgeMeta": edge_meta,
                          "kinds": {k: {"colour": c, "shape": s, "label": l} for k, (c, s, l) in KINDS.items()},
                          "aggregated": aggregated, "total": total}, ensure_ascii=False)
    payload = payload.replace("</", "<\\/")
    notice = (
        f"{total} nodes: showing regions ↔ mechanisms only, laid out ahead (physics off). "
        "Drill down with fazhi viz --region NAME, --mechanism NAME or --province NAME."
        if aggregated else ""
    )
    return (
        template.replace("{{TITLE}}", html.escape(title))
        .replace("{{NOTICE}}", html.escape(notice))
        .replace("{{VIS_JS}}", vis_js.replace("</script", "<\\/script"))
        .replace("{{DATA}}", payload)
    )
