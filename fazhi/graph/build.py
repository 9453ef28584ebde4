"""Records → RDF: one named graph per report, plus the ontology and vocabulary.

IRIs are minted from stable keys (the report's content hash, item order,
character offsets, concept labels, region codes), never from counters or
random ids, and no blank node carries provenance: the same input gives the
same triples.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, QB, RDF, RDFS, SKOS, XSD

from ..extract.records import ACHIEVEMENTS, DUTIES, PLANS, SHORTCOMINGS, Region, Report
from ..ontology import FZ, FZV, OA, body_type_iri, candidate_iri, concept_iri, indicator_iri, mint, ontology_graph, role_iri, vocabulary_graph

PART_CLASS = {
    ACHIEVEMENTS: FZ.AchievementsPart,
    SHORTCOMINGS: FZ.ShortcomingsPart,
    PLANS: FZ.PlansPart,
    DUTIES: FZ.DutiesPart,
}
STATUS = {"adopted": FZ.adopted, "planned": FZ.planned, "problem": FZ.problem}
LEVEL = {
    "province": FZ.province,
    "city": FZ.city,
    "district": FZ.district,
    "county": FZ.county,
    "zone": FZ.zone,
    "town": FZ.town,
    "subdistrict": FZ.subdistrict,
    "unknown": FZ.unknownLevel,
}
ONTOLOGY_GRAPH = URIRef("https://w3id.org/fazhi/graph/ontology")
CANDIDATES_GRAPH = URIRef("https://w3id.org/fazhi/graph/candidates")
CANDIDATES = FZV["candidates"]
UNCLASSIFIED = "未归类指标"


def report_key(report: Report) -> str:
    return report.sha256[:16]


def report_iri(report: Report) -> URIRef:
    return mint("report", report_key(report))


def report_graph_iri(report: Report) -> URIRef:
    return URIRef(str(report_iri(report)) + "/graph")


def region_iri(name: str, full_name: str, adcode: str | None) -> URIRef:
    return mint("region", adcode) if adcode else mint("region", full_name or name)


def _region_chain(region: Region):
    """The region and the units above it: (iri, label, full name, level, adcode, parent iri)."""
    from ..extract.regions import gazetteer

    gaz = gazetteer()

    def find(name, depth_filter):
        for place in gaz.by_name.get(name, ()):
            if depth_filter(place):
                return place
        return None

    chain = []
    province = find(region.province, lambda p: p.depth == 0) if region.province else None
    city = None
    if region.city and region.city != region.province:
        city = find(region.city, lambda p: p.depth == 1 and p.province == region.province)
    county = None
    if region.county:
        county = find(region.county, lambda p: p.depth == 2 and p.province == region.province and (not region.city or p.city == region.city))
    parent = None
    for place in (province, city, county):
        if place is None or place.name == region.name:
            continue
        iri = region_iri(place.name, place.full_name, place.adcode)
        chain.append((iri, place.name, place.full_name, place.level, place.adcode, parent))
        parent = iri
    own = region_iri(region.name, region.full_name, region.adcode)
    chain.append((own, region.name, region.full_name, region.level, region.adcode, parent))
    return own, chain


def _int(n: int) -> Literal:
    return Literal(n, datatype=XSD.nonNegativeInteger)


@dataclass
class _Items:
    """What the parts of ``report_triples`` share: the report, its IRI and the IRIs minted so far."""

    report: Report
    rep: URIRef
    add: object  # g.add
    region: URIRef | None = None
    parts: dict = field(default_factory=dict)  # index → IRI
    sections: dict = field(default_factory=dict)
    measures: dict = field(default_factory=dict)
    sentences: dict = field(default_factory=dict)  # (start, end) → IRI
    mentions: list = field(default_factory=list)  # mechanism mentions' IRIs, in order
    listed: frozenset = frozenset()

    def item(self, kind: str, *rest) -> URIRef:
        return mint("report", report_key(self.report), kind, *[str(r) for r in rest])

    def mechanism(self, concept: str) -> URIRef:
        return concept_iri(concept) if concept in self.listed else candidate_iri(concept)


def report_triples(report: Report, g) -> None:
    """Add the triples of one report to ``g``: anything with ``add(triple)``, a graph or a list (``worker._Triples``)."""
    items = _Items(report, report_iri(report), g.add, listed=frozenset(m.concept for m in report.mentions if m.listed))
    _report_node(items)
    _outline(items)
    _mechanism_mentions(items)
    _bodies_and_roles(items)
    _documents(items)
    _figures(items)
    _adoptions(items)


def _report_node(items: _Items) -> None:
    """The report, its region with the units above it, and its issuer."""
    report, rep, add = items.report, items.rep, items.add
    add((rep, RDF.type, FZ.Report))
    add((rep, FZ.sourceFile, Literal(report.source)))
    add((rep, FZ.sha256, Literal(report.sha256)))
    add((rep, FZ.year, Literal(report.year, datatype=XSD.integer)))
    add((rep, FZ.issuerName, Literal(report.issuer)))
    add((rep, FZ.complete, Literal(report.complete)))
    if report.title:
        add((rep, DCTERMS.title, Literal(report.title)))
    if report.published:
        add((rep, DCTERMS.issued, Literal(report.published.isoformat(), datatype=XSD.date)))

    items.region, chain = _region_chain(report.region)
    add((rep, FZ.aboutRegion, items.region))
    for iri, label, full_name, level, adcode, parent in chain:
        add((iri, RDF.type, FZ.Region))
        add((iri, RDFS.label, Literal(label)))
        add((iri, FZ.fullName, Literal(full_name)))
        add((iri, FZ.level, LEVEL.get(level, FZ.unknownLevel)))
        if adcode:
            add((iri, FZ.adcode, Literal(adcode)))
        if parent is not None:
            add((iri, FZ.within, parent))

    for name in report.issuer.split("、"):  # a joint report: 中共XX区委、XX区人民政府, each body its own
        issuer = mint("body", name)
        add((rep, FZ.issuer, issuer))
        add((issuer, RDF.type, FZ.Body))
        add((issuer, RDF.type, ORG.Organization))
        add((issuer, RDFS.label, Literal(name)))


def _outline(items: _Items) -> None:
    """Parts, sections and measures, each with its offsets and its place in the outline."""
    report, rep, add = items.report, items.rep, items.add
    for part in report.parts:
        p = items.parts[part.index] = items.item("part", part.index + 1)
        add((p, RDF.type, PART_CLASS[part.kind]))
        add((p, RDF.type, FZ.Part))
        add((p, FZ.heading, Literal(part.heading)))
        add((p, FZ.order, Literal(part.index + 1, datatype=XSD.integer)))
        add((p, OA.start, _int(part.start)))
        add((p, OA.end, _int(part.end)))
        add((p, DCTERMS.isPartOf, rep))
        add((rep, DCTERMS.hasPart, p))
        add((p, FZ.inReport, rep))

    for section in report.sections:
        s = items.sections[section.index] = items.item("section", section.index + 1)
        parent = items.parts[section.part]
        add((s, RDF.type, FZ.Section))
        add((s, FZ.heading, Literal(section.heading)))
        add((s, FZ.enumerator, Literal(section.enumerator)))
        add((s, FZ.order, Literal(section.index + 1, datatype=XSD.integer)))
        add((s, OA.start, _int(section.start)))
        add((s, OA.end, _int(section.end)))
        add((s, DCTERMS.isPartOf, parent))
        add((parent, DCTERMS.hasPart, s))
        add((s, FZ.inReport, rep))

    for measure in report.measures:
        m = items.measures[measure.index] = items.item("measure", measure.index + 1)
        parent = items.sections[measure.section] if measure.section is not None else items.parts[measure.part]
        add((m, RDF.type, FZ.Measure))
        add((m, FZ.heading, Literal(measure.heading)))
        add((m, FZ.enumerator, Literal(measure.enumerator)))
        add((m, FZ.order, Literal(measure.index + 1, datatype=XSD.integer)))
        add((m, FZ.status, STATUS[measure.status]))
        add((m, OA.start, _int(measure.start)))
        add((m, OA.end, _int(measure.end)))
        add((m, DCTERMS.isPartOf, parent))
        add((parent, DCTERMS.hasPart, m))
        if measure.section is not None:
            add((m, FZ.inSection, parent))
        add((m, FZ.inReport, rep))


def _sentence(items: _Items, span) -> URIRef:
    """The node of the sentence at ``span``, its text written once however many mentions stand in it."""
    key = (span.start, span.end)
    s = items.sentences.get(key)
    if s is None:
        s = items.sentences[key] = items.item("sentence", f"{span.start}-{span.end}")
        add = items.add
        add((s, RDF.type, FZ.Sentence))
        add((s, OA.start, _int(span.start)))
        add((s, OA.end, _int(span.end)))
        add((s, OA.exact, Literal(span.text)))
        add((s, FZ.inReport, items.rep))
    return s


def _span(items: _Items, x: URIRef, surface, sentence, denotes: URIRef) -> None:
    """A mention's own triples: its offsets and text, the sentence it stands in, what it names, its source."""
    add = items.add
    add((x, RDF.type, FZ.Mention))
    add((x, OA.start, _int(surface.start)))
    add((x, OA.end, _int(surface.end)))
    add((x, OA.exact, Literal(surface.text)))
    if sentence is not None:
        add((x, FZ.inSentence, _sentence(items, sentence)))
    add((x, FZ.denotes, denotes))
    add((x, PROV.wasDerivedFrom, items.rep))


def _mechanism_mentions(items: _Items) -> None:
    """Candidate mechanisms' descriptions and every mechanism mention, with its place in the outline."""
    report, add = items.report, items.add
    for name in sorted({m.concept for m in report.mentions} - items.listed):
        candidate = candidate_iri(name)
        add((candidate, RDF.type, FZ.CandidateMechanism))
        add((candidate, RDF.type, SKOS.Concept))
        add((candidate, SKOS.inScheme, CANDIDATES))
        add((candidate, SKOS.prefLabel, Literal(name, lang="zh")))
    for mention in report.mentions:
        concept = items.mechanism(mention.concept)
        x = items.item("mention", f"{mention.surface.start}-{mention.surface.end}", mention.concept)
        items.mentions.append(x)
        _span(items, x, mention.surface, mention.sentence, concept)
        if mention.inferred:
            add((x, FZ.inferred, Literal(True)))
        if mention.status:
            add((x, FZ.status, STATUS[mention.status]))
        if mention.part is not None:
            add((x, FZ.inPart, items.parts[mention.part]))
        if mention.section is not None and mention.section in items.sections:
            add((x, FZ.inSection, items.sections[mention.section]))
        if mention.measure is not None:
            add((x, FZ.inMeasure, items.measures[mention.measure]))
            add((items.measures[mention.measure], FZ.mentionsMechanism, concept))


def _mention(items: _Items, kind: str, record, denotes: URIRef, n: int) -> URIRef:
    """An evidence span for a role, document, body or figure (placed by the linking stage)."""
    x = items.item("mention", f"{record.surface.start}-{record.surface.end}", kind, n)
    _span(items, x, record.surface, record.sentence, denotes)
    if record.measure is not None:
        items.add((x, FZ.inMeasure, items.measures[record.measure]))
    return x


def _bodies_and_roles(items: _Items) -> None:
    add = items.add
    for n, body in enumerate(items.report.bodies):
        b = mint("body", body.canonical)
        add((b, RDF.type, FZ.Body))
        add((b, RDF.type, ORG.Organization))
        add((b, RDFS.label, Literal(body.canonical)))
        add((b, FZ.bodyType, body_type_iri(body.type)))
        _mention(items, "body", body, b, n)
        if body.measure is not None:
            add((items.measures[body.measure], FZ.involvesBody, b))

    for n, role in enumerate(items.report.roles):
        r = role_iri(role.canonical)
        add((r, RDF.type, FZ.Role))
        add((r, RDF.type, SKOS.Concept))
        add((r, SKOS.inScheme, FZV["roles"]))
        add((r, SKOS.prefLabel, Literal(role.canonical, lang="zh")))
        _mention(items, "role", role, r, n)
        if role.measure is not None:
            add((items.measures[role.measure], FZ.involvesRole, r))


def _documents(items: _Items) -> None:
    rep, add = items.rep, items.add
    for n, document in enumerate(items.report.documents):
        d = items.item("document", n + 1)
        add((d, RDF.type, FZ.CitedDocument))
        add((d, DCTERMS.title, Literal(document.title)))
        add((d, FZ.citedIn, rep))
        if document.issuer_level:
            add((d, FZ.issuerLevel, Literal(document.issuer_level)))
        if document.issuer:
            add((d, FZ.documentIssuer, Literal(document.issuer)))
        add((d, FZ.evidence, _mention(items, "document", document, d, n)))
        add((rep, DCTERMS.references, d))
        for measure in document.measures:
            add((items.measures[measure], FZ.citesDocument, d))


def _figures(items: _Items) -> None:
    """Figures as RDF Data Cube observations (region × year × indicator)."""
    report, add = items.report, items.add
    for n, figure in enumerate(report.figures):
        f = items.item("figure", n + 1)
        indicator = indicator_iri(figure.indicator or UNCLASSIFIED)
        add((indicator, RDF.type, FZ.Indicator))
        add((indicator, RDF.type, SKOS.Concept))
        add((indicator, SKOS.inScheme, FZV["indicators"]))
        add((indicator, SKOS.prefLabel, Literal(figure.indicator or UNCLASSIFIED, lang="zh")))
        add((f, RDF.type, FZ.Figure))
        add((f, RDF.type, QB.Observation))
        add((f, QB.dataSet, FZ.figures))
        add((f, FZ.region, items.region))
        add((f, FZ.year, Literal(report.year, datatype=XSD.integer)))
        add((f, FZ.indicator, indicator))
        add((f, FZ.value, Literal(_decimal(figure.value), datatype=XSD.decimal)))
        add((f, FZ.unit, Literal(figure.unit)))
        if figure.approx:
            add((f, FZ.approximate, Literal(True)))
        add((f, FZ.evidence, _mention(items, "figure", figure, f, n)))
        add((f, FZ.inReport, items.rep))
        if figure.measure is not None:
            add((items.measures[figure.measure], FZ.reportsFigure, f))


def _adoptions(items: _Items) -> None:
    """One adoption per mechanism the report names, its evidence the mechanism's mentions."""
    report, add = items.report, items.add
    for adoption in report.adoptions:
        a = items.item("adoption", adoption.concept)
        add((a, RDF.type, FZ.Adoption))
        add((a, FZ.region, items.region))
        add((a, FZ.mechanism, items.mechanism(adoption.concept)))
        add((a, FZ.status, STATUS[adoption.status]))
        add((a, FZ.year, Literal(report.year, datatype=XSD.integer)))
        add((a, PROV.wasDerivedFrom, items.rep))
        for i in adoption.mentions:
            add((a, FZ.evidence, items.mentions[i]))


def _decimal(value: float) -> str:
    """A canonical xsd:decimal lexical form: 48 → 48.0, 16.13 → 16.13."""
    text = repr(float(value))
    return text if "e" not in text else f"{value:.6f}".rstrip("0")


def build_dataset(reports, *, include_ontology: bool = True) -> Dataset:
    """A Dataset with one named graph per report (and one for ontology + vocabulary)."""
    ds = Dataset(default_union=True)  # queries see every report's graph
    _bind(ds)
    if include_ontology:
        onto = ds.graph(ONTOLOGY_GRAPH)
        for triple in ontology_graph():
            onto.add(triple)
        for triple in vocabulary_graph():
            onto.add(triple)
    for report in reports:
        report_triples(report, ds.graph(report_graph_iri(report)))
    candidate_counts(reports, ds.graph(CANDIDATES_GRAPH))
    return ds


def candidate_counts(reports, g: Graph) -> None:
    """How many reports name each candidate mechanism (for ranking by a curator)."""
    counts: dict[str, int] = {}
    for report in reports:
        for key in {m.concept for m in report.mentions if not m.listed}:
            counts[key] = counts.get(key, 0) + 1
    candidate_count_triples(counts, g)


def candidate_count_triples(counts: dict[str, int], g: Graph) -> None:
    """Add ``fz:candidateCount`` for each candidate key → number of reports naming it."""
    for key, n in sorted(counts.items()):
        g.add((candidate_iri(key), FZ.candidateCount, Literal(n, datatype=XSD.integer)))


def build_graph(reports, *, include_ontology: bool = True) -> Graph:
    """All reports (and the ontology and vocabulary) merged into one graph."""
    g = Graph()
    _bind(g)
    if include_ontology:
        g += ontology_graph()
        g += vocabulary_graph()
    for report in reports:
        report_triples(report, g)
    candidate_counts(reports, g)
    return g


def _bind(g) -> None:
    from ..ontology import FZD, FZV
    from rdflib.namespace import SKOS

    for prefix, ns in (
        ("fz", FZ._NS),
        ("fzd", FZD),
        ("fzv", FZV),
        ("oa", OA),
        ("skos", SKOS),
        ("prov", PROV),
        ("org", ORG),
        ("dcterms", DCTERMS),
    ):
        g.bind(prefix, ns, override=True, replace=True)
