"""fazhi: annual rule-of-law reports (法治政府建设年度报告) → a queryable knowledge graph.

The public API, importable without loading spaCy or rdflib until first use::

    import fazhi
    report = fazhi.extract_report("seeds/000_d1a4c8b9dac7cebb.txt")
    ds = fazhi.build_dataset([report])
    fazhi.save(ds, "out/graph.ttl")
    fazhi.adoption(fazhi.load("out/graph.ttl"), mechanism="府院联动").records()

    plan = fazhi.plan_store_build(["seeds/"], "out/store")   # incremental, persistent
    fazhi.build_store(plan)
    fazhi.promises(fazhi.Store("out/store"), "顺城区")
"""

from __future__ import annotations

from importlib import import_module

from .errors import EncodingError, FazhiError, GraphError, InputError, OntologyError, QueryError, ValidationError

_LAZY = {
    "extract_report": "fazhi.extract.report",
    "extract_text": "fazhi.extract.report",
    "Report": "fazhi.extract.records",
    "build_dataset": "fazhi.graph.build",
    "build_graph": "fazhi.graph.build",
    "save": "fazhi.graph.io",
    "load": "fazhi.graph.io",
    "run_sparql": "fazhi.graph.query",
    "adoption": "fazhi.graph.query",
    "reports": "fazhi.graph.query",
    "build": "fazhi.api",
    "extract_files": "fazhi.api",
    "validate_file": "fazhi.api",
    "evaluate": "fazhi.evaluate",
    "load_gold": "fazhi.evaluate",
    "plan_store_build": "fazhi.api",
    "build_store": "fazhi.api",
    "Store": "fazhi.graph.store",
    "export": "fazhi.graph.store",
    "Endpoint": "fazhi.graph.endpoint",
    "ask": "fazhi.graph.ask",
    "adopters": "fazhi.graph.ask",
    "mechanisms_of": "fazhi.graph.ask",
    "co_adoption": "fazhi.graph.ask",
    "matrix": "fazhi.graph.ask",
    "regions_under": "fazhi.graph.ask",
    "figures": "fazhi.graph.ask",
    "promises": "fazhi.graph.ask",
}

__all__ = sorted(
    [
        *_LAZY,
        "EncodingError",
        "FazhiError",
        "GraphError",
        "InputError",
        "OntologyError",
        "QueryError",
        "ValidationError",
    ]
)
__version__ = "0.1.0"


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'fazhi' has no attribute {name!r}")


def __dir__():
    return __all__
