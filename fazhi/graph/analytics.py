"""Network analytics over adoptions (networkx): which regions are alike, which mechanisms travel together.

The input is the adoption table (region, year, mechanism, status); by default
only ``adopted`` counts. From it:

- region similarity: Jaccard index of the sets of adopted mechanisms;
- mechanism co-adoption: how many regions adopted both mechanisms of a pair;
- centrality: degree centrality of regions and mechanisms in the bipartite
  region–mechanism graph, and of mechanisms in the co-adoption graph;
- communities of regions: greedy modularity communities of the similarity graph.

Results are tables, and triples (``analytics_triples``) that join the graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from rdflib import Graph, Literal
from rdflib.namespace import RDF, XSD

from ..ontology import FZ, mint
from .query import Table


@dataclass(frozen=True)
class Analytics:
    similarity: Table  # region_a, region_b, jaccard, shared
    co_adoption: Table  # mechanism_a, mechanism_b, regions
    centrality: Table  # node, kind, degree_centrality
    communities: Table  # community, region


def _adopted_sets(adoption: Table, status: str = "adopted") -> dict[str, set[str]]:
    cols = adoption.columns
    region_i, mech_i, status_i = cols.index("region_full"), cols.index("mechanism"), cols.index("status")
    sets: dict[str, set[str]] = {}
    for row in adoption.rows:
        if status == "any" or row[status_i] == status:
            sets.setdefault(row[region_i], set()).add(row[mech_i])
    return sets


def analyze(adoption: Table, status: str = "adopted") -> Analytics:
    """Analytics of an adoption table (as returned by ``fazhi.graph.query.adoption``)."""
    import networkx as nx
    from networkx.algorithms import bipartite
    from networkx.algorithms.community import greedy_modularity_communities

    sets = _adopted_sets(adoption, status)
    regions = sorted(sets)

    similarity = []
    sim_graph = nx.Graph()
    sim_graph.add_nodes_from(regions)
    for a, b in combinations(regions, 2):
        shared = len(sets[a] & sets[b])
        union = len(sets[a] | sets[b])
        jaccard = shared / union if union else 0.0
        similarity.append((a, b, round(jaccard, 4), shared))
        if jaccard > 0:
            sim_graph.add_edge(a, b, weight=jaccard)
    similarity.sort(key=lambda r: (-r[2], r[0], r[1]))

    bip = nx.Graph()
    for region, mechanisms in sets.items():
        bip.add_node(("region", region), bipartite=0)
        for mechanism in mechanisms:
            bip.add_node(("mechanism", mechanism), bipartite=1)
            bip.add_edge(("region", region), ("mechanism", mechanism))
    mechanisms = sorted({n for n in bip if n[0] == "mechanism"})
    co_graph = bipartite.weighted_projected_graph(bip, mechanisms) if mechanisms else nx.Graph()
    co_adoption = sorted(
        ((a[1], b[1], d["weight"]) if a[1] <= b[1] else (b[1], a[1], d["weight"]) for a, b, d in co_graph.edges(data=True)),
        key=lambda r: (-r[2], r[0], r[1]),
    )

    centrality_rows = []
    if bip.number_of_nodes() > 1:
        for (kind, name), value in nx.degree_centrality(bip).items():
            centrality_rows.append((name, kind, round(value, 4)))
    centrality_rows.sort(key=lambda r: (r[1], -r[2], r[0]))

    community_rows = []
    if sim_graph.number_of_edges():
        found = greedy_modularity_communities(sim_graph, weight="weight")
        ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))
        for i, members in enumerate(ordered, start=1):
            community_rows.extend((i, region) for region in members)
    else:
        community_rows = [(i, region) for i, region in enumerate(regions, start=1)]

    return Analytics(
        similarity=Table(("region_a", "region_b", "jaccard", "shared"), tuple(similarity)),
        co_adoption=Table(("mechanism_a", "mechanism_b", "regions"), tuple(co_adoption)),
        centrality=Table(("node", "kind", "degree_centrality"), tuple(centrality_rows)),
        communities=Table(("community", "region"), tuple(community_rows)),
    )


def most_similar(result: Analytics, region: str, n: int = 5) -> list[tuple[str, float]]:
    """The ``n`` regions most like ``region`` (full name), with their Jaccard index."""
    pairs = []
    for a, b, jaccard, _ in result.similarity.rows:
        if region in (a, b):
            pairs.append((b if a == region else a, jaccard))
    return sorted(pairs, key=lambda p: (-p[1], p[0]))[:n]


def analytics_triples(result: Analytics, g: Graph | None = None) -> Graph:
    """The similarity and co-adoption results as RDF (one node per pair, stable IRIs)."""
    from ..ontology import FZ as _FZ  # noqa: F401  (closed namespace: typos fail at import)

    g = g if g is not None else Graph()
    g.bind("fz", FZ._NS)
    for a, b, jaccard, shared in result.similarity.rows:
        node = mint("analytics", "similarity", a, b)
        g.add((node, RDF.type, FZ.RegionSimilarity))
        g.add((node, FZ.regionName, Literal(a)))
        g.add((node, FZ.regionName, Literal(b)))
        g.add((node, FZ.jaccard, Literal(str(jaccard), datatype=XSD.decimal)))
        g.add((node, FZ.sharedCount, Literal(shared, datatype=XSD.integer)))
    for a, b, regions in result.co_adoption.rows:
        node = mint("analytics", "co-adoption", a, b)
        g.add((node, RDF.type, FZ.CoAdoption))
        g.add((node, FZ.mechanismName, Literal(a)))
        g.add((node, FZ.mechanismName, Literal(b)))
        g.add((node, FZ.sharedCount, Literal(regions, datatype=XSD.integer)))
    for community, region in result.communities.rows:
        node = mint("analytics", "community", str(community))
        g.add((node, RDF.type, FZ.RegionCommunity))
        g.add((node, FZ.regionName, Literal(region)))
    return g
