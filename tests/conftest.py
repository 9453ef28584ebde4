"""Fixtures shared by the whole suite, defined once."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from docs_guard import docs_snapshot

# The suite reads the package's vocabulary only: a developer's own additions
# (fazhi vocab accept, see fazhi/ontology/local.py) must not change what it sees,
# here or in the fazhi processes it starts.
VOCAB_DIR = os.environ["FAZHI_VOCAB_DIR"] = tempfile.mkdtemp(prefix="fazhi-test-vocab-")
# The gazetteer's cache (fazhi/cache.py) is the suite's own too, shared by the processes it starts.
CACHE_DIR = os.environ["FAZHI_CACHE_DIR"] = tempfile.mkdtemp(prefix="fazhi-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "eval" / "seeds-gold.json"


@pytest.fixture(scope="session", autouse=True)
def vocab_dir_removed():
    """The suite's empty vocabulary folder and its cache go when the run ends (they piled up in /tmp)."""
    yield
    shutil.rmtree(VOCAB_DIR, ignore_errors=True)
    shutil.rmtree(CACHE_DIR, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def docs_are_not_written():
    """The tracked docs/ screenshots are made by scripts/screenshots.py, never by a test (issue 12:
    the suite used to rewrite docs/network.png); a test that writes there errors at the session's end."""
    before = docs_snapshot()
    yield
    after = docs_snapshot()
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    assert not changed, f"the tests wrote docs/{', docs/'.join(changed)} — write screenshots to tmp_path"


def pytest_addoption(parser):
    parser.addoption(
        "--regen-golden",
        action="store_true",
        default=False,
        help="rewrite tests/graph/golden/*.ttl from the current extractor (review the diff before committing)",
    )


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def gold() -> dict:
    return {doc["file"]: doc for doc in json.loads(GOLD.read_text(encoding="utf-8"))["documents"]}


@pytest.fixture(scope="session")
def nlp():
    from fazhi.extract.pipeline import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def seed_reports(seed_files, nlp):
    from fazhi.extract import extract_report

    return {path.name: extract_report(path, nlp=nlp) for path in seed_files}


@pytest.fixture(scope="session")
def extract(nlp):
    """Extract a report from a text snippet."""
    from fazhi.extract import extract_text

    def run(text: str, source: str = "snippet.txt"):
        return extract_text(text, source=source, nlp=nlp)

    return run


@pytest.fixture(scope="session")
def corpus_module():
    """bench/corpus.py, the benchmarks' synthetic corpus (the seeds moved to other regions), as a module."""
    import sys

    bench = str(Path(__file__).resolve().parents[1] / "bench")
    sys.path.insert(0, bench)
    try:
        import corpus
    finally:
        sys.path.remove(bench)
    return corpus
