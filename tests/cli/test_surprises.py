"""CLI surprises a new user met (issue 12), each with the behaviour that replaces it."""

from __future__ import annotations

import csv
import io
from importlib.metadata import requires

import pytest

from cli_helpers import assert_one_line_error as one_line_error, run


@pytest.fixture(scope="module")
def graph(tmp_path_factory, seed_files):
    out = tmp_path_factory.mktemp("g") / "g.ttl"
    result = run("build", *seed_files[:2], "--out", out, "--quiet")
    assert result.returncode == 0, result.stderr
    return out


def test_query_without_a_query_says_one_is_needed(graph):
    one_line_error(run("query", "--graph", graph), "no query given", "-e")


def test_matrix_calls_the_full_name_region_full(graph):
    result = run("ask", "matrix", "--graph", graph, "--format", "csv")
    assert result.returncode == 0, result.stderr
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert header[:2] == ["region", "region_full"]


def test_analyze_out_needs_force_to_overwrite(graph, tmp_path):
    out = tmp_path / "a.ttl"
    out.write_text("keep me", encoding="utf-8")
    one_line_error(run("analyze", "--graph", graph, "--out", out), "already exists", "--force")
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run("analyze", "--graph", graph, "--out", out, "--force").returncode == 0
    assert out.read_text(encoding="utf-8") != "keep me"


def test_eval_finds_its_gold_from_any_folder(tmp_path, seed_files):
    result = run("eval", seed_files[0], "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"reports": 1' in result.stdout


def test_a_bad_file_names_keep_going(tmp_path, seed_files):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / seed_files[0].name).write_bytes(seed_files[0].read_bytes())
    out = tmp_path / "g.ttl"
    one_line_error(run("build", tmp_path, "--out", out), "empty.txt", "--keep-going")
    assert not out.exists()


@pytest.mark.parametrize("where", [("--out", "g.ttl"), ("--out", "g.ttl", "--jobs", "1"), ("--store", "store")])
def test_a_build_names_every_bad_file_not_only_the_first(tmp_path, seed_files, where):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / seed_files[0].name).write_bytes(seed_files[0].read_bytes())
    (folder / "a-empty.txt").write_bytes(b"")
    (folder / "z-copy.txt").write_bytes(seed_files[0].read_bytes())
    result = run("build", folder, *(tmp_path / w if w in ("g.ttl", "store") else w for w in where), "--quiet")
    one_line_error(result, "2 files cannot be built", "a-empty.txt: the file is empty", "z-copy.txt: same content as", "--keep-going")
    assert not (tmp_path / where[1]).exists()


def test_html_cleaning_is_declared():
    """trafilatura's jusText needs lxml_html_clean, which the stock pip does not pull in by itself."""
    assert any(r.replace("-", "_").startswith("lxml_html_clean") for r in requires("fazhi"))


def test_an_unknown_region_or_mechanism_is_an_error_with_suggestions(graph):
    one_line_error(run("adoption", "--graph", graph, "--region", "顺城"), "顺城: no region", "did you mean", "顺城区")
    one_line_error(run("adoption", "--graph", graph, "--mechanism", "府院联动机构"), "did you mean", "府院联动")


@pytest.mark.parametrize("name", ["辽宁省", "抚顺市"])
def test_a_province_or_city_rolls_up_to_the_regions_under_it(graph, name):
    result = run("adoption", "--graph", graph, "--region", name, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {r["region"] for r in rows} == {"顺城区"}


def test_serve_on_a_taken_port_fails_before_printing_a_url(tmp_path, seed_files):
    import socket

    store = tmp_path / "store"
    assert run("build", seed_files[0], "--store", store, "--quiet").returncode == 0
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "--store", store, "--port", port, "--no-pages")
    one_line_error(result, f"127.0.0.1:{port}", "in use", "--port")
    assert "SPARQL endpoint:" not in result.stdout


def test_vocab_accept_refuses_an_unknown_category(tmp_path):
    folder = tmp_path / "vocab"
    result = run("vocab", "accept", "某某机制", "--category", "行政执发", "--vocab-dir", folder)
    one_line_error(result, "行政执发", "not a category", "did you mean 行政执法")
    assert not folder.exists()  # nothing written


@pytest.mark.parametrize(
    ("broader", "hint"), [("府院联动机构", "did you mean 府院联动"), ("府院联动机制", "did you mean 府院联动? (its preferred name)")]
)
def test_vocab_accept_refuses_an_unknown_broader_concept_with_suggestions(tmp_path, broader, hint):
    folder = tmp_path / "vocab"
    result = run("vocab", "accept", "某某机制", "--category", "矛盾纠纷化解", "--broader", broader, "--vocab-dir", folder)
    one_line_error(result, f"--broader {broader}: not a mechanism", hint)
    assert not folder.exists()  # nothing written


def test_vocab_accept_writes_outside_the_package_and_builds_use_it(tmp_path):
    import hashlib
    import os

    from fazhi.ontology import vocab

    package = hashlib.sha256(vocab.package_file("mechanisms.tsv").encode()).hexdigest()
    folder = tmp_path / "my-vocab"
    env = {**os.environ, "FAZHI_VOCAB_DIR": str(folder)}
    result = run("vocab", "accept", "云端约访", "--category", "矛盾纠纷化解", "--alias", "云端约访机制", env=env)
    assert result.returncode == 0, result.stderr
    assert hashlib.sha256(vocab.package_file("mechanisms.tsv").encode()).hexdigest() == package
    assert (folder / "mechanisms.tsv").read_text(encoding="utf-8").count("\n") == 2  # header + the row
    report = tmp_path / "r.txt"
    report.write_text(
        "某县人民政府关于2024年法治政府建设情况的报告\n一、主要举措和成效\n(一)化解纠纷。推行云端约访机制,化解纠纷12件。\n"
        "二、存在的不足\n人员不足。\n三、2025年工作安排\n一是深化改革。二是强化监督。\n",
        encoding="utf-8",
    )
    out = tmp_path / "g.ttl"
    assert run("build", report, "--out", out, "--quiet", env=env).returncode == 0
    result = run("adoption", "--graph", out, "--format", "csv", env=env)
    assert "云端约访," in result.stdout  # the accepted concept, not a candidate
    # without the local folder, the same report names it as a candidate only
    assert run("build", report, "--out", out, "--quiet", "--force").returncode == 0
    assert "云端约访," not in run("adoption", "--graph", out, "--format", "csv").stdout


def test_store_builds_no_op_and_moved_files(tmp_path, seed_files):
    from fazhi.graph.store import current_generation

    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in seed_files[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    store = tmp_path / "store"
    assert run("build", folder, "--store", store, "--quiet").returncode == 0
    first = current_generation(store).name
    again = run("build", folder, "--store", store, "--quiet")
    assert again.returncode == 0 and "nothing changed" in again.stderr
    assert current_generation(store).name == first
    moved = tmp_path / "moved"
    folder.rename(moved)
    result = run("build", moved, "--store", store, "--quiet")
    assert result.returncode == 0, result.stderr
    assert "2 reports" in result.stderr and "same content" not in result.stderr


def test_an_unknown_indicator_or_parent_region_is_an_error_with_suggestions(graph):
    one_line_error(run("ask", "figures", "行政诉讼败诉律", "--graph", graph), "行政诉讼败诉律: no indicator", "did you mean 行政诉讼败诉率")
    one_line_error(run("ask", "regions", "辽宁", "--graph", graph), "辽宁: no region", "did you mean 辽宁省")
    one_line_error(run("ask", "promises", "顺城", "--graph", graph), "顺城: no region", "did you mean 顺城区")
    one_line_error(run("ask", "promises", "顺城区", "--mechanism", "府院联动机构", "--graph", graph), "did you mean", "府院联动")
    # a known indicator and a known region with nothing under it still answer, with exit 0
    assert run("ask", "figures", "行政诉讼败诉率", "--graph", graph).returncode == 0
    assert run("ask", "regions", "顺城区", "--graph", graph).returncode == 0


def test_promises_of_a_province_roll_up_to_its_regions(graph):
    by_province = run("ask", "promises", "辽宁省", "--graph", graph, "--format", "csv")
    by_region = run("ask", "promises", "顺城区", "--graph", graph, "--format", "csv")
    assert by_province.returncode == 0, by_province.stderr
    assert by_province.stdout == by_region.stdout and by_province.stdout.count("\n") > 1


@pytest.mark.parametrize(
    ("option", "name", "needles"),
    [
        ("--region", "顺城", ("顺城: no region", "did you mean 顺城区")),
        ("--province", "辽宁", ("辽宁: no province", "did you mean 辽宁省")),
        ("--mechanism", "府院联动机构", ("府院联动机构: no mechanism", "did you mean", "府院联动")),
    ],
)
def test_viz_with_an_unknown_name_is_an_error_and_writes_nothing(graph, tmp_path, option, name, needles):
    out = tmp_path / "g.html"
    one_line_error(run("viz", "--graph", graph, option, name, "--out", out), *needles)
    assert not out.exists()


def test_viz_region_rolls_up_and_an_alias_names_its_mechanism(graph, tmp_path):
    def page(*args):
        out = tmp_path / "g.html"
        result = run("viz", "--graph", graph, *args, "--out", out, "--force")
        assert result.returncode == 0, result.stderr
        return result.stderr.split(":", 1)[1].strip()  # "N nodes, M edges"

    assert page("--region", "辽宁省") == page("--region", "顺城区") == page("--province", "辽宁省")
    assert not page("--region", "辽宁省").startswith("0 nodes")
    alias = page("--mechanism", "三项制度")
    assert alias == page("--mechanism", "行政执法三项制度") and not alias.startswith("0 nodes")


def test_serve_with_its_pages_port_taken_fails_before_printing_a_url(tmp_path, seed_files):
    import socket

    store = tmp_path / "store"
    assert run("build", seed_files[0], "--store", store, "--quiet").returncode == 0
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        endpoint_port = free.getsockname()[1]
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "--store", store, "--port", endpoint_port, "--pages-port", port)
    one_line_error(result, f"127.0.0.1:{port}", "in use", "--pages-port")
    assert "SPARQL endpoint:" not in result.stdout and "pages:" not in result.stdout


@pytest.mark.parametrize("command", [("viz",), ("viz", "adoption"), ("viz", "map")])
def test_viz_pages_are_not_overwritten_without_force(graph, tmp_path, command):
    """No output is overwritten without --force (the project's convention), pages included."""
    out = tmp_path / "page.html"
    out.write_text("mine", encoding="utf-8")
    one_line_error(run(*command, "--graph", graph, "--out", out), str(out), "already exists", "--force")
    assert out.read_text(encoding="utf-8") == "mine"
    result = run(*command, "--graph", graph, "--out", out, "--force")
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") != "mine"
