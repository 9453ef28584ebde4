"""`fazhi serve`: a real SPARQL 1.1 Protocol endpoint (Oxigraph's server) queried by a real client."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

import fazhi
from fazhi.api import build_store, plan_store_build
from fazhi.graph.endpoint import free_port
from fazhi.graph.store import Store

PREFIXES = """PREFIX fz: <https://w3id.org/fazhi/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
ADOPTERS = PREFIXES + """SELECT DISTINCT ?region ?year ?status WHERE {
  ?a a fz:Adoption ; fz:region ?r ; fz:mechanism ?m ; fz:year ?year ; fz:status ?s .
  ?m skos:prefLabel "府院联动"@zh . ?r rdfs:label ?region . ?s skos:notation ?status .
} ORDER BY ?region"""
COUNTS = PREFIXES + """SELECT ?status (COUNT(DISTINCT ?a) AS ?n) WHERE {
  ?a a fz:Adoption ; fz:status ?s . ?s skos:notation ?status .
} GROUP BY ?status ORDER BY ?status"""


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, seeds_dir):
    root = tmp_path_factory.mktemp("endpoint") / "store"
    build_store(plan_store_build([seeds_dir], root))
    return root


@pytest.fixture(scope="module")
def server(store_dir):
    port, pages_port = free_port(), free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "fazhi", "serve", "--store", str(store_dir), "--port", str(port), "--pages-port", str(pages_port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    first = process.stdout.readline()  # printed once the endpoint answers
    second = process.stdout.readline()
    assert first.startswith("SPARQL endpoint: http://127.0.0.1:"), first + process.stderr.read()
    url = first.split()[2]
    yield {"process": process, "url": url, "port": port, "pages": second.split()[1]}
    if process.poll() is None:
        process.terminate()
        process.communicate(timeout=30)


def client(url, query, fmt=JSON, method=None):
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if method:
        sparql.setMethod(method)
    return sparql.query().convert()


def test_it_prints_its_query_url_on_loopback(server):
    assert server["url"] == f"http://127.0.0.1:{server['port']}/query"


def test_results_equal_the_in_process_answers(server, store_dir):
    local = fazhi.run_sparql(Store(store_dir), ADOPTERS)
    remote = client(server["url"], ADOPTERS)
    rows = [(b["region"]["value"], int(b["year"]["value"]), b["status"]["value"]) for b in remote["results"]["bindings"]]
    assert rows == [tuple(r) for r in local.rows] and rows
    counts = client(server["url"], COUNTS, method=POST)
    remote_counts = {b["status"]["value"]: int(b["n"]["value"]) for b in counts["results"]["bindings"]}
    assert remote_counts == {row[0]: row[1] for row in fazhi.run_sparql(Store(store_dir), COUNTS).rows}


def test_the_union_default_graph_is_the_whole_store(server, store_dir):
    remote = client(server["url"], PREFIXES + "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a fz:Report }")
    assert remote["results"]["bindings"][0]["n"]["value"] == "5"


@pytest.mark.parametrize("fmt,marker", [(CSV, b"region,year,status"), (XML, None)])
def test_content_negotiation_for_results(server, fmt, marker):
    result = client(server["url"], ADOPTERS, fmt=fmt)
    if fmt == CSV:
        assert result.startswith(marker)
    else:
        assert result.documentElement.tagName == "sparql"


def test_tsv_and_construct_by_accept_header(server):
    query = urllib.parse.urlencode({"query": ADOPTERS})
    request = urllib.request.Request(f"{server['url']}?{query}", headers={"Accept": "text/tab-separated-values"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["Content-Type"].startswith("text/tab-separated-values")
        assert response.read().decode("utf-8").startswith("?region\t?year\t?status")
    construct = PREFIXES + "CONSTRUCT { ?r rdfs:label ?l } WHERE { ?r a fz:Region ; rdfs:label ?l }"
    graph = client(server["url"], construct, fmt=TURTLE)
    assert b"\xe7\xbf\xa0\xe5\x8d\x8e\xe9\x95\x87" in graph  # 翠华镇, as UTF-8 Turtle
    request = urllib.request.Request(
        f"{server['url']}?{urllib.parse.urlencode({'query': construct})}", headers={"Accept": "application/n-triples"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["Content-Type"].startswith("application/n-triples")


def test_an_update_is_refused(server, store_dir):
    before = len(Store(store_dir))
    update = 'INSERT DATA { <urn:x> <urn:y> "z" }'
    data = urllib.parse.urlencode({"update": update}).encode()
    for url in (server["url"].replace("/query", "/update"), server["url"]):
        request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/x-www-form-urlencoded"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert 400 <= refused.value.code < 500
    assert len(Store(store_dir)) == before


def test_malformed_sparql_is_a_400_with_the_parsers_message(server):
    request = urllib.request.Request(f"{server['url']}?{urllib.parse.urlencode({'query': 'SELECT ?x WHERE { ?x'})}")
    with pytest.raises(urllib.error.HTTPError) as bad:
        urllib.request.urlopen(request, timeout=30)
    assert bad.value.code == 400
    message = bad.value.read().decode("utf-8")
    assert "error" in message.lower() and len(message) > 10
    with pytest.raises(QueryBadFormed):
        client(server["url"], "SELECT ?x WHERE { ?x")


def wait_for_pages(base, seconds=120):
    deadline = time.monotonic() + seconds
    while 'id="pending"' in urllib.request.urlopen(base, timeout=30).read().decode("utf-8"):
        assert time.monotonic() < deadline, "the pages were not made"
        time.sleep(0.5)


def test_the_pages_are_served(server):
    wait_for_pages(server["pages"])
    for page in ("", "adoption.html", "network.html"):
        with urllib.request.urlopen(server["pages"] + page, timeout=30) as response:
            assert response.status == 200
            body = response.read().decode("utf-8")
            assert "<html" in body.lower()
    assert "府院联动" in urllib.request.urlopen(server["pages"] + "adoption.html", timeout=30).read().decode("utf-8")


def _interruptible():
    """Ctrl-C reaches the server whatever the test run's own signals: a test run started in the
    background (cmd &) ignores SIGINT, its children inherit that, and Python then installs no
    KeyboardInterrupt for it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_the_server_stops_cleanly(store_dir):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "fazhi", "serve", "--store", str(store_dir), "--port", str(port), "--no-pages"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_interruptible,
    )
    assert process.stdout.readline().startswith("SPARQL endpoint:")
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)  # reads both pipes: a full one must not keep it from exiting
    assert process.returncode == 0
    assert "Traceback" not in err
    deadline = time.monotonic() + 10
    while True:  # the port is free again: nothing was left running
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                pass
        except OSError:
            break
        assert time.monotonic() < deadline, "the SPARQL server kept running"
        time.sleep(0.1)


def test_serving_a_missing_store_is_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "fazhi", "serve", "--store", str(tmp_path / "none")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "no such store" in result.stderr


def test_json_results_are_sparql_json(server):
    request = urllib.request.Request(
        f"{server['url']}?{urllib.parse.urlencode({'query': COUNTS})}", headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        body = json.loads(response.read())
    assert body["head"]["vars"] == ["status", "n"]


def test_the_readme_curl_example_works(server):
    import re
    import shutil
    from pathlib import Path

    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    command = next(block for block in re.findall(r"```bash\n(.*?)```", readme, re.S) if block.startswith("curl "))
    command = command.replace("http://127.0.0.1:7878/query", server["url"])
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].strip() == "mechanism,regions" and len(lines) == 11


def test_the_server_follows_a_new_build(tmp_path, seed_files):
    import shutil

    folder = tmp_path / "reports"
    folder.mkdir()
    for path in seed_files[:2]:
        shutil.copy(path, folder / path.name)
    root = tmp_path / "store"
    build_store(plan_store_build([folder], root))
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "fazhi", "serve", "--store", str(root), "--port", str(port), "--no-pages"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_interruptible,
    )
    try:
        url = process.stdout.readline().split()[2]
        reports = PREFIXES + "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a fz:Report }"

        def count():
            return int(client(url, reports)["results"]["bindings"][0]["n"]["value"])

        assert count() == 2
        shutil.copy(seed_files[2], folder / seed_files[2].name)
        build_store(plan_store_build([folder], root))
        deadline = time.monotonic() + 30
        while True:
            try:
                if count() == 3:
                    break
            except Exception:  # the moment of the switch: no answer
                pass
            assert time.monotonic() < deadline, "the server did not move to the new build"
            time.sleep(0.2)
        assert "now serving gen-000002" in process.stderr.readline()
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=60)
        assert process.returncode == 0


def test_queries_are_answered_while_the_pages_are_made(store_dir):
    """``serve`` answers SPARQL at once; the pages follow in the background."""
    import threading

    from fazhi.graph.endpoint import Endpoint

    release = threading.Event()

    def slow_pages(store, folder):
        assert release.wait(60)
        (folder / "index.html").write_text("<html>made</html>", encoding="utf-8")

    with Endpoint(store_dir, port=0, pages_port=free_port(), pages=slow_pages) as ep:
        answer = client(ep.query_url, PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?r a fz:Report }")
        assert int(answer["results"]["bindings"][0]["n"]["value"]) == 5
        assert 'id="pending"' in urllib.request.urlopen(ep.pages_url, timeout=30).read().decode("utf-8")
        assert not ep.pages_ready.is_set()
        release.set()
        assert ep.pages_ready.wait(60)
        assert urllib.request.urlopen(ep.pages_url, timeout=30).read().decode("utf-8") == "<html>made</html>"


def test_pages_that_fail_are_one_line_and_the_endpoint_stays(store_dir, capfd):
    from fazhi.errors import GraphError
    from fazhi.graph.endpoint import Endpoint

    def broken(store, folder):
        raise GraphError("boom: no pages today")

    with Endpoint(store_dir, port=0, pages_port=free_port(), pages=broken) as ep:
        assert ep.pages_ready.wait(60)
        assert ep.pages_error == "boom: no pages today"
        assert "boom" in urllib.request.urlopen(ep.pages_url, timeout=30).read().decode("utf-8")
        assert client(ep.query_url, PREFIXES + "ASK { ?r a fz:Report }")["boolean"] is True
    err = capfd.readouterr().err
    assert "Traceback" not in err and "the pages could not be made: boom" in err
