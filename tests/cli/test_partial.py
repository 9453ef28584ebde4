"""A truncated report (a partial download) is extracted, marked partial and warned about;
``--strict`` refuses it."""

from __future__ import annotations

from rdflib import Graph, Literal

from fazhi.ontology import FZ

from cli_helpers import run


def test_partial_report_is_built_and_marked(tmp_path, seed_files):
    part = tmp_path / "partial.txt"
    part.write_text(seed_files[3].read_text(encoding="utf-8")[:1500], encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = run("build", part, seed_files[0], "--out", out, "--quiet")
    assert result.returncode == 0, result.stderr
    assert "partial.txt: the report looks truncated" in result.stderr and "Traceback" not in result.stderr
    g = Graph().parse(out)
    complete = {str(g.value(r, FZ.sourceFile)): g.value(r, FZ.complete) for r in g.subjects(FZ.complete, None)}
    assert complete == {"partial.txt": Literal(False), seed_files[0].name: Literal(True)}

    strict_out = tmp_path / "strict.ttl"
    refused = run("build", part, "--out", strict_out, "--quiet", "--strict")
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "looks truncated" in refused.stderr and not strict_out.exists()
