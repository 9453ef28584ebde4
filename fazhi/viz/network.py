"""The interactive network page: regions ↔ mechanisms, answering "who adopted what".

The default view has regions and mechanisms only, edges coloured by status
(adopted, planned, problem). Choosing or searching a mechanism highlights its
adopting regions by status, fades everything else and shows its diffusion
chart with the first adopters; a region's measures, bodies and documents
appear when the region is expanded (double-click or the panel's button).

Every position is computed here (``layout.py``) and the browser runs no
physics. Above ``AGGREGATE_ABOVE`` regions the regions are grouped by province
(and a large province by city) into group nodes the user opens to drill down;
mechanisms are sized by how many regions adopted them. Labels are drawn by the
page itself, most important first, only where they do not overlap one already
drawn, so zooming in shows more of them.

The page is fazhi's own template with every script inlined (vis-network from
pyvis's bundled copy), written as UTF-8, so it works with the network off.
pyvis's own HTML links Bootstrap and vis-network from CDNs even with
``cdn_resources="in_line"``, which is why its template is not used.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..graph.ask import adoption_evidence
from ..graph.query import run_named
from .layout import force_layout, spiral

GROUP_LABEL_ROOM = 40  # layout units kept free around a region group for its label
AGGREGATE_ABOVE = 80  # regions drawn one by one up to this many; above, grouped by province
SPLIT_ABOVE = 30  # a province group with more regions opens into its cities
DETAIL_LIMIT = 20000  # measures, bodies and documents kept for expanding regions, at most
EVIDENCE_LIMIT = 30  # evidence sentences per node in the page

KINDS = {
    # kind: (colour, shape, label)
    "region": ("#4a4a4a", "dot", "地区 region"),
    "group": ("#17becf", "dot", "地区组 region group (省/市)"),
    "mechanism": ("#1f77b4", "diamond", "机制 mechanism"),
    "body": ("#bcbd22", "square", "机构 body"),
    "measure": ("#9467bd", "triangle", "举措 measure"),
    "document": ("#e377c2", "star", "文件 document"),
}
STATUS_COLOURS = {"adopted": "#2ca02c", "planned": "#ff7f0e", "problem": "#d62728"}
STATUS_ORDER = ("adopted", "planned", "problem")


@dataclass
class NetworkData:
    nodes: dict = field(default_factory=dict)  # id -> node dict
    edges: dict = field(default_factory=dict)  # (from, to) -> edge dict

    def node(self, kind: str, name: str, label: str | None = None, **details) -> str:
        """The id of the node ``kind:name`` (made on first use, shown as ``label`` or ``name``)."""
        node_id = f"{kind}:{name}"
        if node_id not in self.nodes:
            self.nodes[node_id] = {"id": node_id, "label": label or name, "kind": kind, "details": {}, "evidence": [],
                                   "regions": set(), "mechanisms": set(), "statuses": set(), "years": set()}
        self.nodes[node_id]["details"].update({k: v for k, v in details.items() if v is not None})
        return node_id

    def edge(self, a: str, b: str, **attrs) -> None:
        key = (a, b)
        if key not in self.edges:
            self.edges[key] = {"from": a, "to": b, **attrs}


def network_data(graph, region: str | None = None, mechanism: str | None = None, province: str | None = None) -> NetworkData:
    """Nodes and edges from a fazhi graph, optionally only one region, mechanism or province.

    Regions and mechanisms are joined by adoption edges (``status``, ``year``);
    measures hang off their region, and bodies and documents off their measures.
    """
    from ..graph.io import union_graph

    if hasattr(graph, "graphs"):  # a Dataset: one graph is much faster to query
        graph = union_graph(graph)
    data = NetworkData()
    groups = _region_groups(graph)
    region_names, mechanism, province = _chosen(graph, groups, region, mechanism, province)
    keep_regions = set()
    seen: set[tuple] = set()  # (node, evidence item) pairs already listed
    for row in _sorted(adoption_evidence(graph).records()):  # the same bytes whatever order SPARQL gives
        if region and row["full"] not in region_names and row["region"] != region:
            continue
        row["province"], row["city"] = groups.get(row["full"], (None, None))
        if province and province != (row["province"] or row["full"]):
            continue
        if mechanism and mechanism != row["mechanism"]:
            continue
        keep_regions.add(row["full"])
        # keyed by the full name: 鼓楼区 of 南京市 and 鼓楼区 of 福州市 are two regions
        r = data.node("region", row["full"], label=row["region"], full_name=row["full"], province=row["province"], city=row["city"])
        m = data.node("mechanism", row["mechanism"], category=row["category"])
        for node_id in (r, m):
            n = data.nodes[node_id]
            n["regions"].add(row["full"])
            n["mechanisms"].add(row["mechanism"])
            n["statuses"].add(row["status"])
            n["years"].add(int(row["year"]))
            item = {"mechanism": row["mechanism"], "region": row["region"], "region_full": row["full"],
                    "status": row["status"], "year": int(row["year"]), "sentence": row["sentence"], "source": row["source"]}
            key = (node_id, *item.values())
            if key not in seen:  # a set: a common mechanism has thousands of items, a list scan made this quadratic
                seen.add(key)
                n["evidence"].append(item)
        edge = data.edges.get((r, m))
        if edge is None or STATUS_ORDER.index(row["status"]) < STATUS_ORDER.index(edge["status"]):
            data.edges[(r, m)] = {"from": r, "to": m, "status": row["status"], "year": int(row["year"]),
                                  "color": STATUS_COLOURS[row["status"]]}
    filtered = region or mechanism or province
    measures = run_named(graph, "network_measures").records() if filtered or _measure_count(graph) <= DETAIL_LIMIT else []
    for row in _sorted(measures):
        if row["full"] not in keep_regions:
            continue
        if mechanism and row["kind"] == "mechanism" and row["target"] != mechanism:
            continue
        measure_id = data.node("measure", f"{row['heading']} ({row['full']})", label=f"{row['heading']} ({row['region']})", heading=row["heading"],
                               status=row["status"], source=row["source"])
        target = data.node(row["kind"], row["target"])
        for node_id in (measure_id, target):
            data.nodes[node_id]["regions"].add(row["full"])
            data.nodes[node_id]["statuses"].add(row["status"])
        data.edge(measure_id, target, color="#bbbbbb")
        data.edge(data.node("region", row["full"]), measure_id, color="#dddddd")
    _name_apart(data)
    return data


def _chosen(graph, groups: dict, region, mechanism, province) -> tuple[set, str | None, str | None]:
    """What the page keeps: the full names of ``region`` and of the regions under it (a province or
    city rolls up), the preferred label of ``mechanism`` (an alias names it too) and ``province``;
    an unknown name is a QueryError with the closest names, not an empty page."""
    from ..errors import QueryError
    from ..graph.ask import regions_under
    from ..graph.query import did_you_mean
    from .map import mechanism_label

    names = set()
    if region:  # regions_under raises for a name the graph lacks
        names = {region} | {row["region_full"] for row in regions_under(graph, region).records()}
    if mechanism:
        mechanism = mechanism_label(graph, mechanism)
    if province:
        known = {p or full for full, (p, _) in groups.items()}
        if province not in known:
            raise QueryError(f"{province}: no province of that name in the graph" + did_you_mean(province, known))
    return names, mechanism, province


def _measure_count(graph) -> int:
    """Measures in the graph. Over ``DETAIL_LIMIT`` the page has no room for them (``_details``),
    so an unfiltered page does not read them: on a 10,000-report store that join is most of the time."""
    return int(run_named(graph, "measure_count").rows[0][0])


def _name_apart(data: NetworkData) -> None:
    """Regions that share a short name are labelled with their city (or province): 鼓楼区 (南京市)."""
    by_label: dict[str, list[dict]] = {}
    for node in data.nodes.values():
        if node["kind"] == "region":
            by_label.setdefault(node["label"], []).append(node)
    for label, nodes in by_label.items():
        if len(nodes) > 1:
            for node in nodes:
                d = node["details"]
                node["label"] = f"{label} ({d.get('city') or d.get('province') or d.get('full_name')})"


def _sorted(records: list[dict]) -> list[dict]:
    return sorted(records, key=lambda r: tuple(str(v) for v in r.values()))


def _region_groups(graph) -> dict[str, tuple[str | None, str | None]]:
    """Full region name → (its province's name, its city's name), following fz:within up."""
    out: dict[str, tuple] = {}
    for full, province, city in sorted(run_named(graph, "region_groups").rows, key=lambda r: tuple(str(v) for v in r)):
        old = out.get(full, (None, None))
        out[full] = (old[0] or province, old[1] or city)
    return out


def _add_similar_regions(data: NetworkData, n: int = 3) -> None:
    """Each region's panel names the regions most like it (Jaccard over adopted mechanisms)."""
    adopted: dict[str, set[str]] = {}
    for (a, b), edge in data.edges.items():
        if edge.get("status") == "adopted" and a.startswith("region:"):
            adopted.setdefault(a, set()).add(b)
    if len(adopted) > 400:  # quadratic; on a large graph the analytics command does it (fazhi analyze)
        return
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


def _groups(data: NetworkData, regions: list[str]) -> dict[str, dict]:
    """Group nodes: one per province, split into cities where a province has more than ``SPLIT_ABOVE`` regions.

    Returns group id → {label, parent, members (region or group ids)}; regions get ``parent`` set.
    """
    groups: dict[str, dict] = {}
    by_province: dict[str, list[str]] = {}
    for r in regions:
        d = data.nodes[r]["details"]
        by_province.setdefault(d.get("province") or "(省份不详)", []).append(r)
    for province, members in sorted(by_province.items()):
        pid = f"group:{province}"
        groups[pid] = {"label": province, "parent": None, "members": [], "regions": sorted(members)}
        cities: dict[str, list[str]] = {}
        for r in members:
            cities.setdefault(data.nodes[r]["details"].get("city") or province, []).append(r)
        if len(members) > SPLIT_ABOVE and len(cities) > 1:
            for city, city_members in sorted(cities.items()):
                cid = f"group:{province}/{city}"
                groups[cid] = {"label": city, "parent": pid, "members": sorted(city_members), "regions": sorted(city_members)}
                groups[pid]["members"].append(cid)
                for r in city_members:
                    data.nodes[r]["parent"] = cid
        else:
            groups[pid]["members"] = sorted(members)
            for r in members:
                data.nodes[r]["parent"] = pid
    return groups


def render_network(graph, out: str | Path, *, region=None, mechanism=None, province=None,
                   aggregate_above: int = AGGREGATE_ABOVE, title: str = "fazhi network") -> dict:
    """Write the network page to ``out``; returns a summary.

    ``nodes`` and ``edges`` count what the page shows when opened; ``all_nodes``
    every node the page can show; ``aggregated`` says whether regions are grouped
    (more than ``aggregate_above`` regions).
    """
    from ..graph.io import union_graph, write_atomic

    if hasattr(graph, "graphs"):  # a Dataset: one graph is much faster to query
        graph = union_graph(graph)
    data = network_data(graph, region=region, mechanism=mechanism, province=province)
    _add_similar_regions(data)
    regions = sorted(n for n, v in data.nodes.items() if v["kind"] == "region")
    mechanisms = sorted(n for n, v in data.nodes.items() if v["kind"] == "mechanism")
    links = sorted((a, b, e["status"], e["year"]) for (a, b), e in data.edges.items() if "status" in e)
    adopters = {m: 0 for m in mechanisms}
    for a, b, status, _ in links:
        if status == "adopted":
            adopters[b] += 1
    aggregated = len(regions) > aggregate_above
    groups = _groups(data, regions) if aggregated else {}
    top = [g for g, v in groups.items() if v["parent"] is None] if aggregated else regions

    # the default view's layout: top-level regions (or groups) and mechanisms, edges weighted by adoptions
    owner = {}
    for g, v in groups.items():
        if v["parent"] is None:
            for r in v["regions"]:
                owner[r] = g
    weights: dict[tuple[str, str], float] = {}
    for a, b, _, _ in links:
        key = (owner.get(a, a), b)
        weights[key] = weights.get(key, 0) + 1
    most = max(adopters.values(), default=1) or 1
    sizes = {m: round(4 + 14 * (adopters[m] / most) ** 0.5, 1) for m in mechanisms}
    sizes.update({g: round(8 + 2 * len(v["regions"]) ** 0.5, 1) for g, v in groups.items()})
    sizes.update({r: 9.0 for r in regions})
    # a group's label is always drawn: keep room for it around the group, so groups in the
    # crowded middle do not lose their names to their neighbours
    room = {**sizes, **{g: sizes[g] + GROUP_LABEL_ROOM for g in top if g in groups}}
    positions = force_layout(top + mechanisms, [(a, b, w) for (a, b), w in weights.items()], sizes=room, compact=aggregated)
    for g in top:  # members around their group, recursively
        _place_members(g, groups, positions)

    nodes = []
    for m in mechanisms:
        x, y = positions[m]
        nodes.append({"id": m, "label": data.nodes[m]["label"], "kind": "mechanism", "x": x, "y": y,
                      "size": sizes[m], "adopters": adopters[m]})
    for g, v in groups.items():
        x, y = positions[g]
        nodes.append({"id": g, "label": v["label"], "kind": "group", "x": x, "y": y, "parent": v["parent"],
                      "size": sizes[g], "members": v["members"], "count": len(v["regions"])})
    for r in regions:
        x, y = positions[r]
        nodes.append({"id": r, "label": data.nodes[r]["label"], "kind": "region", "x": x, "y": y,
                      "parent": data.nodes[r].get("parent"), "size": sizes[r]})
    index = {n["id"]: i for i, n in enumerate(nodes)}
    detail, detail_count = _details(data, regions, positions)
    rows_by_mechanism: dict[str, list[dict]] = {m: [] for m in mechanisms}
    for r in regions:
        for item in data.nodes[r]["evidence"]:
            rows_by_mechanism[f"mechanism:{item['mechanism']}"].append(item)
    meta = {
        n: {
            "details": data.nodes[n]["details"],
            "evidence": data.nodes[n]["evidence"][:EVIDENCE_LIMIT],
            "evidenceCount": len(data.nodes[n]["evidence"]),
            "years": sorted(data.nodes[n]["years"]),
        }
        for n in regions + mechanisms
    }
    payload = {
        "nodes": nodes,
        "links": [[index[a], index[b], STATUS_ORDER.index(s), y] for a, b, s, y in links],
        "meta": meta,
        "detail": detail,
        "diffusion": _diffusion_charts(data, rows_by_mechanism),
        "kinds": {k: {"colour": c, "shape": s, "label": l} for k, (c, s, l) in KINDS.items()},
        "statuses": list(STATUS_ORDER),
        "statusColours": STATUS_COLOURS,
        "aggregated": aggregated,
        "total": len(data.nodes),
    }
    shown = len(top) + len(mechanisms)
    shown_edges = len(weights)
    page = _page(title, payload, aggregated, len(regions), detail is None)
    write_atomic(out, page.encode("utf-8"))
    return {"nodes": shown, "edges": shown_edges, "aggregated": aggregated, "all_nodes": len(data.nodes),
            "regions": len(regions), "mechanisms": len(mechanisms), "groups": len(groups),
            "detail_nodes": detail_count}


def _place_members(group: str, groups: dict, positions: dict) -> None:
    v = groups.get(group)
    if v is None:
        return
    members = v["members"]
    for member, xy in zip(members, spiral(positions[group], len(members), spacing=34.0)):
        positions[member] = xy
        _place_members(member, groups, positions)


def _details(data: NetworkData, regions: list[str], positions: dict):
    """Per region: its measures, and the bodies and documents they name, placed around it.

    Ids are made per region (a document cited by two regions is drawn by each);
    a measure's mechanisms are the default view's mechanism nodes. ``None`` if
    there would be more than ``DETAIL_LIMIT`` such nodes.
    """
    out, total = {}, 0
    measures_of: dict[str, list[str]] = {r: [] for r in regions}
    for (a, b) in data.edges:
        if a in measures_of and b.startswith("measure:"):
            measures_of[a].append(b)
    targets: dict[str, list[str]] = {}
    for (a, b) in sorted(data.edges):
        if a.startswith("measure:"):
            targets.setdefault(a, []).append(b)
    for r in regions:
        measures = sorted(measures_of[r])
        others = sorted({t for m in measures for t in targets.get(m, ()) if not t.startswith("mechanism:")})
        ids = {t: f"{t}@{data.nodes[r]['label']}" for t in others}
        placed = spiral(positions[r], len(measures) + len(others), spacing=26.0, start=2.0)
        nodes, edges = [], []
        for node_id, (x, y) in zip(measures + others, placed):
            n = data.nodes[node_id]
            nodes.append({"id": ids.get(node_id, node_id), "label": n["details"].get("heading", n["label"]), "kind": n["kind"],
                          "x": x, "y": y, "details": {k: v for k, v in n["details"].items() if k != "heading"}})
        for m in measures:
            edges.append([r, m])
            edges.extend([m, ids.get(t, t)] for t in targets.get(m, ()) if t in ids or t in data.nodes and t.startswith("mechanism:"))
        out[r] = {"nodes": nodes, "edges": edges}
        total += len(nodes)
    return (out if total <= DETAIL_LIMIT else None), total


def _diffusion_charts(data: NetworkData, rows_by_mechanism: dict[str, list[dict]]) -> dict[str, dict]:
    """Mechanism → its diffusion chart (SVG: adopting regions by year, cumulative) and first adopters per year."""
    from ..graph.diffusion import diffusion_table
    from .diffusion import diffusion_svg

    out = {}
    for m, rows in rows_by_mechanism.items():
        table = diffusion_table(rows)
        out[m] = {"svg": diffusion_svg(table, title=f"{data.nodes[m]['label']} · regions adopting", width=310, height=180),
                  "first": [[year, new.split(";") if new else []] for year, _, _, new in table.rows]}
    return out


def _asset(*parts: str) -> str:
    return resources.files("pyvis").joinpath(*parts).read_text(encoding="utf-8")


def _page(title, payload, aggregated, regions, no_detail) -> str:
    vis_js = _asset("templates", "lib", "vis-9.1.2", "vis-network.min.js")
    template = resources.files(__package__).joinpath("network.html").read_text(encoding="utf-8")
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    notes = []
    if aggregated:
        notes.append(f"{regions} regions, grouped by province (a large province by city): double-click a group to open it. "
                     "Or draw one part with fazhi viz --region NAME, --mechanism NAME or --province NAME.")
    if no_detail:
        notes.append("Too many measures to include: draw one region with fazhi viz --region NAME to expand it.")
    return (
        template.replace("{{TITLE}}", html.escape(title))
        .replace("{{NOTICE}}", html.escape(" ".join(notes)))
        .replace("{{VIS_JS}}", vis_js.replace("</script", "<\\/script"))
        .replace("{{DATA}}", data)
    )
