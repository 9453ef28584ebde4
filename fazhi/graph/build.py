"""Records → RDF: one named graph per report, plus the ontology and vocabulary.

IRIs are minted from stable keys (the report's content hash, item order,
character offsets, concept labels, region codes), never from counters or
random ids, and no blank node carries provenance: the same input gives the
same triples.
"""

from __future__ import annotations

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


def report_triples(report: Report, g: Graph) -> None:
    """Add the triples of one report to ``g``."""
    key = report_key(report)
    rep = report_iri(report)

    def item(kind: str, *rest) -> URIRef:
        return mint("report", key, kind, *[str(r) for r in rest])

    add = g.add
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

    region, chain = _region_chain(report.region)
    add((rep, FZ.aboutRegion, region))
    for iri, label, full_name, level, adcode, parent in chain:
        add((iri, RDF.type, FZ.Region))
        add((iri, RDFS.label, Literal(label)))
        add((iri, FZ.fullName, Literal(full_name)))
        add((iri, FZ.level, LEVEL.get(level, FZ.unknownLevel)))
        if adcode:
            add((iri, FZ.adcode, Literal(adcode)))
        if parent is not None:
            add((iri, FZ.within, parent))

    issuer = mint("body", report.issuer)
    add((rep, FZ.issuer, issuer))
    add((issuer, RDF.type, FZ.Body))
    add((issuer, RDF.type, ORG.Organization))
    add((issuer, RDFS.label, Literal(report.issuer)))

    part_iris = {}
    for part in report.parts:
        p = part_iris[part.index] = item("part", part.index + 1)
        add((p, RDF.type, PART_CLASS[part.kind]))
        add((p, RDF.type, FZ.Part))
        add((p, FZ.heading, Literal(part.heading)))
        add((p, FZ.order, Literal(part.index + 1, datatype=XSD.integer)))
        add((p, OA.start, Literal(part.start, datatype=XSD.nonNegativeInteger)))
        add((p, OA.end, Literal(part.end, datatype=XSD.nonNegativeInteger)))
        add((p, DCTERMS.isPartOf, rep))
        add((rep, DCTERMS.hasPart, p))
        add((p, FZ.inReport, rep))

    section_iris = {}
    for section in report.sections:
        s = section_iris[section.index] = item("section", section.index + 1)
        parent = part_iris[section.part]
        add((s, RDF.type, FZ.Section))
        add((s, FZ.heading, Literal(section.heading)))
        add((s, FZ.enumerator, Literal(section.enumerator)))
        add((s, FZ.order, Literal(section.index + 1, datatype=XSD.integer)))
        add((s, OA.start, Literal(section.start, datatype=XSD.nonNegativeInteger)))
        add((s, OA.end, Literal(section.end, datatype=XSD.nonNegativeInteger)))
        add((s, DCTERMS.isPartOf, parent))
        add((parent, DCTERMS.hasPart, s))
        add((s, FZ.inReport, rep))

    measure_iris = {}
    for measure in report.measures:
        m = measure_iris[measure.index] = item("measure", measure.index + 1)
        parent = section_iris[measure.section] if measure.section is not None else part_iris[measure.part]
        add((m, RDF.type, FZ.Measure))
        add((m, FZ.heading, Literal(measure.heading)))
        add((m, FZ.enumerator, Literal(measure.enumerator)))
        add((m, FZ.order, Literal(measure.index + 1, datatype=XSD.integer)))
        add((m, FZ.status, STATUS[measure.status]))
        add((m, OA.start, Literal(measure.start, datatype=XSD.nonNegativeInteger)))
        add((m, OA.end, Literal(measure.end, datatype=XSD.nonNegativeInteger)))
        add((m, DCTERMS.isPartOf, parent))
        add((parent, DCTERMS.hasPart, m))
        if measure.section is not None:
            add((m, FZ.inSection, parent))
        add((m, FZ.inReport, rep))

    def mechanism_iri(concept: str) -> URIRef:
        return concept_iri(concept) if concept in listed else candidate_iri(concept)

    listed = {m.concept for m in report.mentions if m.listed}
    for name in sorted({m.concept for m in report.mentions} - listed):
        candidate = candidate_iri(name)
        add((candidate, RDF.type, FZ.CandidateMechanism))
        add((candidate, RDF.type, SKOS.Concept))
        add((candidate, SKOS.inScheme, CANDIDATES))
        add((candidate, SKOS.prefLabel, Literal(name, lang="zh")))
    mention_iris = []
    for mention in report.mentions:
        concept = mechanism_iri(mention.concept)
        x = item("mention", f"{mention.surface.start}-{mention.surface.end}", mention.concept)
        mention_iris.append(x)
        add((x, RDF.type, FZ.Mention))
        add((x, OA.start, Literal(mention.surface.start, datatype=XSD.nonNegativeInteger)))
        add((x, OA.end, Literal(mention.surface.end, datatype=XSD.nonNegativeInteger)))
        add((x, OA.exact, Literal(mention.surface.text)))
        add((x, FZ.sentence, Literal(mention.sentence.text)))
        add((x, FZ.sentenceStart, Literal(mention.sentence.start, datatype=XSD.nonNegativeInteger)))
        add((x, FZ.sentenceEnd, Literal(mention.sentence.end, datatype=XSD.nonNegativeInteger)))
        add((x, FZ.denotes, concept))
        add((x, PROV.wasDerivedFrom, rep))
        add((x, FZ.inReport, rep))
        if mention.inferred:
            add((x, FZ.inferred, Literal(True)))
        if mention.status:
            add((x, FZ.status, STATUS[mention.status]))
        if mention.part is not None:
            add((x, FZ.inPart, part_iris[mention.part]))
        if mention.section is not None and mention.section in section_iris:
            add((x, FZ.inSection, section_iris[mention.section]))
        if mention.measure is not None:
            add((x, FZ.inMeasure, measure_iris[mention.measure]))
            add((measure_iris[mention.measure], FZ.mentionsMechanism, concept))

    def mention(kind: str, record, denotes: URIRef, n: int) -> URIRef:
        """An evidence span for a role, document, body or figure (placed by the linking stage)."""
        surface, sentence = record.surface, record.sentence
        x = item("mention", f"{surface.start}-{surface.end}", kind, n)
        add((x, RDF.type, FZ.Mention))
        add((x, OA.start, Literal(surface.start, datatype=XSD.nonNegativeInteger)))
        add((x, OA.end, Literal(surface.end, datatype=XSD.nonNegativeInteger)))
        add((x, OA.exact, Literal(surface.text)))
        if sentence is not None:
            add((x, FZ.sentence, Literal(sentence.text)))
            add((x, FZ.sentenceStart, Literal(sentence.start, datatype=XSD.nonNegativeInteger)))
            add((x, FZ.sentenceEnd, Literal(sentence.end, datatype=XSD.nonNegativeInteger)))
        add((x, FZ.denotes, denotes))
        add((x, PROV.wasDerivedFrom, rep))
        add((x, FZ.inReport, rep))
        if record.measure is not None:
            add((x, FZ.inMeasure, measure_iris[record.measure]))
        return x

    for n, body in enumerate(report.bodies):
        b = mint("body", body.canonical)
        add((b, RDF.type, FZ.Body))
        add((b, RDF.type, ORG.Organization))
        add((b, RDFS.label, Literal(body.canonical)))
        add((b, FZ.bodyType, body_type_iri(body.type)))
        mention("body", body, b, n)
        if body.measure is not None:
            add((measure_iris[body.measure], FZ.involvesBody, b))

    for n, role in enumerate(report.roles):
        r = role_iri(role.canonical)
        add((r, RDF.type, FZ.Role))
        add((r, RDF.type, SKOS.Concept))
        add((r, SKOS.inScheme, FZV["roles"]))
        add((r, SKOS.prefLabel, Literal(role.canonical, lang="zh")))
        mention("role", role, r, n)
        if role.measure is not None:
            add((measure_iris[role.measure], FZ.involvesRole, r))

    for n, document in enumerate(report.documents):
        d = item("document", n + 1)
        add((d, RDF.type, FZ.CitedDocument))
        add((d, DCTERMS.title, Literal(document.title)))
        add((d, FZ.citedIn, rep))
        if document.issuer_level:
            add((d, FZ.issuerLevel, Literal(document.issuer_level)))
        if document.issuer:
            add((d, FZ.documentIssuer, Literal(document.issuer)))
        add((d, FZ.evidence, mention("document", document, d, n)))
        add((rep, DCTERMS.references, d))
        for measure in document.measures:
            add((measure_iris[measure], FZ.citesDocument, d))

    for n, figure in enumerate(report.figures):
        f = item("figure", n + 1)
        indicator = indicator_iri(figure.indicator or UNCLASSIFIED)
        add((indicator, RDF.type, FZ.Indicator))
        add((indicator, RDF.type, SKOS.Concept))
        add((indicator, SKOS.inScheme, FZV["indicators"]))
        add((indicator, SKOS.prefLabel, Literal(figure.indicator or UNCLASSIFIED, lang="zh")))
        add((f, RDF.type, FZ.Figure))
        add((f, RDF.type, QB.Observation))
        add((f, QB.dataSet, FZ.figures))
        add((f, FZ.region, region))
        add((f, FZ.year, Literal(report.year, datatype=XSD.integer)))
        add((f, FZ.indicator, indicator))
        add((f, FZ.value, Literal(_decimal(figure.value), datatype=XSD.decimal)))
        add((f, FZ.unit, Literal(figure.unit)))
        if figure.approx:
            add((f, FZ.approximate, Literal(True)))
        add((f, FZ.evidence, mention("figure", figure, f, n)))
        add((f, FZ.inReport, rep))
        if figure.measure is not None:
            add((measure_iris[figure.measure], FZ.reportsFigure, f))

    for adoption in report.adoptions:
        a = item("adoption", adoption.concept)
        add((a, RDF.type, FZ.Adoption))
        add((a, FZ.region, region))
        add((a, FZ.mechanism, mechanism_iri(adoption.concept)))
        add((a, FZ.status, STATUS[adoption.status]))
        add((a, FZ.year, Literal(report.year, datatype=XSD.integer)))
        add((a, PROV.wasDerivedFrom, rep))
        add((a, FZ.inReport, rep))
        for i in adoption.mentions:
            add((a, FZ.evidence, mention_iris[i]))


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
