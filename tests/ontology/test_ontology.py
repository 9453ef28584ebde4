"""The ontology, vocabulary and shapes: they parse, they are complete, they do not drift."""

from importlib import resources

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

import fazhi.ontology as onto
from fazhi.ontology import FZ, FZV, concept_iri, mint
from fazhi.ontology import terms, vocab

TTL_FILES = ("fazhi.ttl", "statuses.ttl", "mechanisms.ttl", "shapes.ttl")


@pytest.mark.parametrize("name", TTL_FILES)
def test_turtle_parses(name):
    g = Graph().parse(data=resources.files("fazhi.ontology").joinpath(name).read_text(encoding="utf-8"), format="turtle")
    assert len(g) > 20


@pytest.mark.parametrize("name", TTL_FILES)
def test_w3c_namespaces_are_the_canonical_ones(name):
    text = resources.files("fazhi.ontology").joinpath(name).read_text(encoding="utf-8")
    for wrong in ("https://www.w3.org/2004/02/skos", "http://www.w3.org/2004/02/skos/core/", "https://www.w3.org/ns/prov", "http://www.w3.org/ns/shacl/"):
        assert wrong not in text


def tsv_rows():
    return vocab.read_rows(vocab.package_file("mechanisms.tsv"))


def test_every_tsv_row_is_a_concept_with_its_labels():
    g = onto.vocabulary_graph()
    for row in tsv_rows():
        iri = concept_iri(row["canonical"])
        assert (iri, RDF.type, FZ.Mechanism) in g
        assert (iri, SKOS.prefLabel, Literal(row["canonical"], lang="zh")) in g
        for alias in vocab._split(row["aliases"]):
            if alias != row["canonical"]:
                assert (iri, SKOS.altLabel, Literal(alias, lang="zh")) in g


@pytest.mark.parametrize(
    "narrower, broader",
    [
        ("行政执法公示制度", "行政执法三项制度"),
        ("执法全过程记录制度", "行政执法三项制度"),
        ("重大执法决定法制审核制度", "行政执法三项制度"),
        ("枫桥式工作法", "枫桥经验"),
    ],
)
def test_broader(narrower, broader):
    g = onto.vocabulary_graph()
    assert (concept_iri(narrower), SKOS.broader, concept_iri(broader)) in g
    assert (concept_iri(broader), SKOS.narrower, concept_iri(narrower)) in g


def test_every_mechanism_rolls_up_to_a_category():
    g = onto.vocabulary_graph()
    scheme = FZV["mechanisms"]
    tops = set(g.objects(scheme, SKOS.hasTopConcept))
    assert tops
    for concept in g.subjects(RDF.type, FZ.Mechanism):
        reached = set(g.transitive_objects(concept, SKOS.broader))
        assert reached & tops, concept


def test_concepts_api_reads_the_turtle():
    concepts = {c.key: c for c in onto.mechanism_concepts()}
    assert len(concepts) == len(tsv_rows())
    whole = concepts["行政执法三项制度"]
    assert set(whole.narrower) == {"行政执法公示制度", "执法全过程记录制度", "重大执法决定法制审核制度"}
    assert concepts["规范性文件合法性审查"].negative_labels


def test_vocabulary_turtle_does_not_drift_from_the_tsv():
    shipped = resources.files("fazhi.ontology").joinpath("mechanisms.ttl").read_text(encoding="utf-8")
    assert vocab.render() == shipped, "run: python -m fazhi.ontology.vocab"


def test_terms_module_does_not_drift_from_the_turtle():
    shipped = resources.files("fazhi.ontology").joinpath("_terms.py").read_text(encoding="utf-8")
    assert terms.render() == shipped, "run: python -m fazhi.ontology.terms"


def test_closed_namespace_rejects_typos():
    with pytest.raises(AttributeError):
        FZ.Mechanizm  # noqa: B018


@pytest.mark.parametrize(
    "parts, expected",
    [
        (("mechanism", "府院联动"), "https://w3id.org/fazhi/id/mechanism/府院联动"),
        (("x", "a b/c"), "https://w3id.org/fazhi/id/x/a%20b%2Fc"),
        (("x", "互联网+监管"), "https://w3id.org/fazhi/id/x/互联网+监管"),
        (("x", 'q"<>'), "https://w3id.org/fazhi/id/x/q%22%3C%3E"),
    ],
)
def test_mint(parts, expected):
    assert str(mint(*parts)) == expected


@pytest.mark.parametrize(
    "tsv, message",
    [
        ("canonical\taliases\n", "expected the columns"),
        ("canonical\taliases\tcategory\tbroader\tgloss_en\tsource\nA\t\tC\tZ\tx\tD\n", "broader concept Z"),
        ("canonical\taliases\tcategory\tbroader\tgloss_en\tsource\nA\t\tC\t\tx\tD\nA\t\tC\t\tx\tD\n", "listed twice"),
        ("canonical\taliases\tcategory\tbroader\tgloss_en\tsource\nA\t\tC\t\tx\t\n", "a category and a source"),
    ],
)
def test_bad_vocabulary_rows(tsv, message):
    from fazhi.errors import OntologyError

    with pytest.raises(OntologyError, match=message):
        vocab.build_vocabulary(tsv)


def test_a_status_notation_is_its_local_name():
    """The named queries read a status's notation off its IRI (fz:adopted → "adopted"): joins on skos:notation plan badly."""
    from rdflib.namespace import RDF, SKOS

    from fazhi.ontology import FZ, ontology_graph

    g = ontology_graph()
    statuses = set(g.subjects(RDF.type, FZ.Status))
    assert {str(s).rsplit("#", 1)[1] for s in statuses} == {"adopted", "planned", "problem"}
    for status in statuses:
        assert str(g.value(status, SKOS.notation)) == str(status).rsplit("#", 1)[1]
