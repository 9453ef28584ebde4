"""The CLI as a user runs it: real processes, real files, one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cli_helpers import assert_one_line_error, run


@pytest.fixture(scope="module")
def built(tmp_path_factory, seeds_dir):
    out = tmp_path_factory.mktemp("build") / "seeds.ttl"
    result = run("build", seeds_dir, "--out", out, "--quiet")
    assert result.returncode == 0, result.stderr
    return out, result


def test_build_summary(built):
    out, result = built
    assert out.exists()
    summary = result.stderr.strip().splitlines()[-1]
    assert "5 reports" in summary and "measures" in summary and "triples" in summary and "SHACL valid" in summary


def test_reports_csv(built):
    out, _ = built
    result = run("reports", "--graph", out, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["source"] for r in rows] == sorted(p.name for p in Path(__file__).parents[2].joinpath("seeds").glob("*.txt"))
    for column in ("source", "region", "region_full", "level", "year", "issuer", "published"):
        assert column in rows[0]
    by_region = {r["region"]: r for r in rows}
    assert by_region["翠华镇"]["level"] == "town"
    assert by_region["从化区"]["issuer"] == "从化区司法局"


def test_adoption_filters(built):
    out, _ = built
    result = run("adoption", "--graph", out, "--mechanism", "府院联动", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(r["mechanism"] == "府院联动" for r in rows)
    for column in ("region", "year", "mechanism", "status", "source"):
        assert column in rows[0]
    result = run("adoption", "--graph", out, "--region", "顺城区", "--status", "adopted", "--format", "json")
    rows = json.loads(result.stdout)
    assert {r["region"] for r in rows} == {"顺城区"}
    assert {r["status"] for r in rows} == {"adopted"}
    assert "行政执法三项制度" in {r["mechanism"] for r in rows}


def test_adoption_by_alias(built):
    out, _ = built
    rows = json.loads(run("adoption", "--graph", out, "--mechanism", "“双随机、一公开”", "--format", "json").stdout)
    assert rows and {r["mechanism"] for r in rows} == {"双随机一公开"}


def test_query_expression_and_file(built, tmp_path):
    out, _ = built
    q = "PREFIX fz: <https://w3id.org/fazhi/ontology#> SELECT (COUNT(?r) AS ?n) WHERE { ?r a fz:Report }"
    result = run("query", "--graph", out, "-e", q, "--format", "json")
    assert json.loads(result.stdout) == [{"n": 5}]
    rq = tmp_path / "count.rq"
    rq.write_text(q, encoding="utf-8")
    assert json.loads(run("query", rq, "--graph", out, "--format", "json").stdout) == [{"n": 5}]


def test_validate_ok(built):
    out, _ = built
    result = run("validate", "--graph", out)
    assert result.returncode == 0, result.stderr
    assert "conforms" in result.stdout


@pytest.mark.parametrize("suffix", [".nt", ".jsonld", ".trig"])
def test_build_other_formats(seeds_dir, tmp_path, suffix):
    out = tmp_path / f"g{suffix}"
    result = run("build", seeds_dir / "003_cb32341b71933a80.txt", "--out", out, "--quiet", "--no-validate")
    assert result.returncode == 0, result.stderr
    rows = json.loads(run("reports", "--graph", out, "--format", "json").stdout)
    assert [r["region"] for r in rows] == ["石景山区"]


def test_eval_json_keys(seeds_dir):
    result = run("eval", seeds_dir, "--gold", Path(__file__).parents[2] / "eval" / "seeds-gold.json", "--format", "json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    for category in ("region", "year", "issuer", "mechanisms", "measures"):
        assert {"precision", "recall", "f1"} <= set(scores[category])
    assert set(scores["mechanisms"]["by_status"]) == {"adopted", "planned", "problem"}


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_eval_prints_its_scores_as_a_table(seeds_dir, fmt):
    result = run("eval", seeds_dir, "--gold", Path(__file__).parents[2] / "eval" / "seeds-gold.json", "--format", fmt)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "mechanisms_all" in result.stdout and "region" in result.stdout
    assert "dataset" not in result.stdout  # what the gold is goes to stderr, once
    assert "development data" in result.stderr


def test_eval_errors_lists_what_the_scores_count(seeds_dir):
    """--errors: one row per wrong adoption and per missed gold mechanism, as many as the
    all-mechanism score's false positives and false negatives."""
    gold = Path(__file__).parents[2] / "eval" / "seeds-gold.json"
    scores = json.loads(run("eval", seeds_dir, "--gold", gold, "--format", "json").stdout)["mechanisms_all"]
    result = run("eval", seeds_dir, "--gold", gold, "--errors", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["file", "error", "status", "mechanism", "surface"]
    assert sum(r["error"] == "wrong" for r in rows) == scores["fp"] > 0
    assert sum(r["error"] == "missed" for r in rows) == scores["fn"] > 0
    assert all(r["file"].endswith(".txt") and r["status"] in ("adopted", "planned", "problem") for r in rows)


# --- errors: one line, non-zero exit, nothing written ---------------------------------


def test_missing_file(tmp_path):
    out = tmp_path / "g.ttl"
    assert_one_line_error(run("build", tmp_path / "nope.txt", "--out", out), "nope.txt", "no such file")
    assert not out.exists()


def test_gbk_is_detected(tmp_path, seeds_dir):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes((seeds_dir / "004_1dfc0bfff4510739.txt").read_text(encoding="utf-8").encode("gbk"))
    out = tmp_path / "g.ttl"
    result = run("build", gbk, "--out", out, "--quiet")
    assert result.returncode == 0, result.stderr
    assert "翠华镇" in out.read_text(encoding="utf-8")


def test_wrong_encoding_option(tmp_path, seeds_dir):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes((seeds_dir / "004_1dfc0bfff4510739.txt").read_text(encoding="utf-8").encode("gbk"))
    out = tmp_path / "g.ttl"
    assert_one_line_error(run("build", gbk, "--out", out, "--encoding", "utf-8"), "gbk.txt", "not valid UTF-8")
    assert not out.exists()
    assert not list(tmp_path.glob(".g.ttl.*"))


def test_encoding_option_reads_gbk(tmp_path, seeds_dir):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes((seeds_dir / "004_1dfc0bfff4510739.txt").read_text(encoding="utf-8").encode("gbk"))
    out = tmp_path / "g.ttl"
    result = run("build", gbk, "--out", out, "--encoding", "gbk", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "翠华镇" in out.read_text(encoding="utf-8")


def test_not_a_report(tmp_path):
    news = tmp_path / "news.txt"
    news.write_text("今天天气很好,我们去公园散步。\n", encoding="utf-8")
    out = tmp_path / "g.ttl"
    assert_one_line_error(run("build", news, "--out", out), "news.txt", "not a rule-of-law report")
    assert not out.exists()


def test_malformed_sparql(built):
    out, _ = built
    assert_one_line_error(run("query", "--graph", out, "-e", "SELECT ?x WHERE { ?x ?y }"), "malformed SPARQL")


def test_unknown_extension(tmp_path, seeds_dir):
    assert_one_line_error(run("build", seeds_dir, "--out", tmp_path / "g.xyz"), "unknown graph format")


def test_missing_graph(tmp_path):
    assert_one_line_error(run("reports", "--graph", tmp_path / "none.ttl"), "none.ttl", "no such graph file")


def test_broken_graph_file(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<", encoding="utf-8")
    assert_one_line_error(run("reports", "--graph", bad), "bad.ttl", "not a valid turtle file")


def test_unknown_mechanism(built):
    out, _ = built
    assert_one_line_error(run("adoption", "--graph", out, "--mechanism", "不存在的机制"), "不存在的机制")


def test_no_overwrite_without_force(built, seeds_dir):
    out, _ = built
    before = out.read_bytes()
    assert_one_line_error(run("build", seeds_dir, "--out", out), "already exists", "--force")
    assert out.read_bytes() == before


def test_vocab_candidates(built):
    out, _ = built
    result = run("vocab", "candidates", "--graph", out, "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[0]["reports"] >= rows[-1]["reports"]
    assert {"candidate", "reports", "regions", "statuses", "example"} <= set(rows[0])


def test_vocab_accept_and_reject(tmp_path):
    folder = tmp_path / "vocab"
    result = run("vocab", "accept", "协同约访", "--category", "矛盾纠纷化解", "--alias", "协同约访工作机制", "--vocab-dir", folder)
    assert result.returncode == 0, result.stderr
    assert "协同约访" in (folder / "mechanisms.ttl").read_text(encoding="utf-8")
    assert_one_line_error(run("vocab", "accept", "协同约访", "--category", "x", "--vocab-dir", folder), "already in")
    result = run("vocab", "reject", "自助办理制度", "--vocab-dir", folder)
    assert result.returncode == 0, result.stderr
    assert "自助办理制度" in (folder / "mechanisms.ttl").read_text(encoding="utf-8")
    assert_one_line_error(run("vocab", "accept", "新机制", "--category", "行政执法", "--broader", "没有", "--vocab-dir", folder), "broader")


def test_keep_going_builds_the_rest_and_says_what_was_skipped(tmp_path, seeds_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in sorted(seeds_dir.glob("*.txt"))[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "copy.txt").write_bytes(sorted(seeds_dir.glob("*.txt"))[0].read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "g.ttl"
    result = run("build", folder, "--out", out, "--keep-going", "--quiet")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert any("copy.txt: same content as" in l for l in lines)
    assert any("empty.txt: the file is empty" in l for l in lines)
    assert "2 reports" in lines[-1] and "2 of 4 files skipped" in lines[-1]
    assert out.exists()
    # without --keep-going the bad files stop the build, all of them named, and nothing is written
    out2 = tmp_path / "g2.ttl"
    assert_one_line_error(run("build", folder, "--out", out2), "2 files cannot be built", "copy.txt: same content as", "empty.txt: the file is empty")
    assert not out2.exists()


def test_analyze(built, tmp_path):
    out, _ = built
    result = run("analyze", "--graph", out, "--format", "json", "--out", tmp_path / "a.ttl")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"similarity", "co-adoption", "centrality", "communities"}
    assert len(data["similarity"]) == 10
    assert "RegionSimilarity" in (tmp_path / "a.ttl").read_text(encoding="utf-8")
    assert_one_line_error(run("analyze", "--graph", out, "--table", "nope"), "--table nope")


@pytest.fixture(scope="module")
def store(tmp_path_factory, seeds_dir):
    root = tmp_path_factory.mktemp("store") / "store"
    result = run("build", seeds_dir, "--store", root, "--quiet")
    assert result.returncode == 0, result.stderr
    assert "5 reports (5 extracted, 0 unchanged, 0 removed)" in result.stderr
    return root


def test_build_store_again_reads_nothing(store, seeds_dir):
    result = run("build", seeds_dir, "--store", store, "--quiet")
    assert result.returncode == 0, result.stderr
    assert "(0 extracted, 5 unchanged, 0 removed)" in result.stderr


def test_query_commands_take_a_store(store, built):
    out, _ = built
    for args in (["reports"], ["adoption", "--mechanism", "府院联动"], ["vocab", "candidates"]):
        from_store = run(*args, "--store", store, "--format", "json")
        from_file = run(*args, "--graph", out, "--format", "json")
        assert from_store.returncode == 0, from_store.stderr
        assert json.loads(from_store.stdout) == json.loads(from_file.stdout)


@pytest.mark.parametrize(
    "args,column",
    [
        (["adopters", "府院联动"], "evidence"),
        (["mechanisms", "顺城区", "--status", "adopted"], "mechanism"),
        (["co-adoption"], "regions"),
        (["matrix"], "category"),
        (["regions", "云南省"], "level"),
        (["figures", "行政诉讼败诉率"], "value"),
        (["figures"], "indicator"),
        (["promises", "翠华镇"], "outcome"),
    ],
)
def test_ask(store, args, column):
    result = run("ask", *args, "--store", store, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and column in rows[0]


def test_ask_with_a_graph_file(built):
    out, _ = built
    result = run("ask", "adopters", "府院联动", "--graph", out, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert {r["region"] for r in json.loads(result.stdout)} == {"从化区"}


def test_export(store, tmp_path):
    result = run("export", "--store", store, "--out", tmp_path / "dump.nq")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "dump.nq").stat().st_size > 0 and "quads" in result.stderr
    assert_one_line_error(run("export", "--store", store, "--out", tmp_path / "dump.nq"), "already exists")


def test_store_errors_are_one_line(tmp_path, built, seeds_dir):
    out, _ = built
    assert_one_line_error(run("reports", "--store", tmp_path / "nowhere"), "no such store")
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "file.txt").write_text("x")
    assert_one_line_error(run("reports", "--store", tmp_path / "junk"), "not a fazhi store")
    assert_one_line_error(run("build", seeds_dir, "--store", tmp_path / "junk", "-q"), "not a fazhi store")
    assert_one_line_error(run("reports", "--store", tmp_path / "junk", "--graph", out), "not both")
    assert_one_line_error(run("build", seeds_dir, "--store", tmp_path / "s", "--out", tmp_path / "g.ttl"), "not both")
    assert_one_line_error(run("ask", "co-adoption", "--store", tmp_path / "nowhere"), "no such store")
    assert_one_line_error(run("reports", cwd=tmp_path), "--store")
    assert_one_line_error(run("query", "--store", tmp_path / "nowhere", "-e", "ASK {}"), "no such store")


def test_malformed_sparql_on_a_store(store):
    assert_one_line_error(run("query", "--store", store, "-e", "SELECT ?x WHERE { ?x"), "malformed SPARQL")


def test_default_store(store, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "store").symlink_to(store.resolve(), target_is_directory=True)
    result = run("reports", "--format", "csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().splitlines()) == 6


@pytest.mark.parametrize(
    "args, said",
    [
        (("ask", "regions"), "Missing argument 'parent'"),
        (("ask", "mechanisms"), "Missing argument 'region'"),
        (("build",), "Missing argument 'paths'"),
        (("reports", "--bogus"), "No such option: --bogus"),
        (("ask", "nosuch"), "No such command 'nosuch'"),
    ],
)
def test_a_usage_error_is_a_usage_message_not_a_traceback(args, said):
    """typer 0.2x raises the errors of the click it carries inside it, which are not click's own
    classes: fazhi's entry point must still show them as click does, exit 2."""
    result = run(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and said in result.stderr
