"""rdflib in memory vs fazhi's persistent Oxigraph store: load time, memory, disk and the named queries.

The data is synthetic but shaped like fazhi's output. The five seed reports are
built once into a TriG file (``fazhi build seeds/``), and each report graph
becomes a template of N-Quads lines. Clone k of seed ``k % 5`` then gets
- a new report key (every IRI under ``…/id/report/<key>``, the graph name too),
  a new ``fz:sha256`` that starts with that key, and its own ``fz:sourceFile``;
- a synthetic region ``合成区NNNN`` (region number ``k % R``, with R about N/3 so
  that each region has about 3 reports). Its ``fz:within`` chain goes up to a
  synthetic city (10 regions per city) and province (10 cities per province).
  The seed's own region nodes are dropped;
- the year ``2018 + k // R`` (so a region's reports cover consecutive years), for
  the report and for every ``fz:year`` of its adoptions and figures;
- with ``random.Random(k)``: 30 % of its adoptions get a random status among
  ``fz:adopted``, ``fz:planned`` and ``fz:problem``, and 20 % of those with a
  vocabulary mechanism get another mechanism that the seeds adopt and this
  report does not.
The ontology and candidates graphs are kept once. Nothing else is recomputed.
The same arguments give the same files (``WORK/synthetic-<size>.nq``; reused
while the seeds and this generator are unchanged).

Each (size, backend) is measured in a fresh process:
- rdflib: ``Dataset(default_union=True).parse(path, format="nquads")``, what
  ``fazhi.load`` does; sizes above ``--rdflib-max`` quads are skipped (rdflib
  needs GBs and minutes for them). ``rdflib-union`` is the same data as one
  ``fazhi.graph.io.union_graph(ds)`` (measured up to ``--union-max`` quads);
- store: ``fazhi.graph.store.import_file`` into a new folder (bulk load),
  then ``Store(folder)`` opened read-only. Disk size is ``du -sb`` of its
  generation folder.
Load time is wall clock; memory is the process's peak RSS (VmHWM) minus its RSS
before loading. Each named question runs ``--runs`` times through
``fazhi.graph.ask`` (the README's SKOS roll-up through ``run_sparql``); the
figure is the median, with the row count (checked equal across backends).
A query over ``--timeout`` seconds is stopped and recorded as a timeout (rdflib
by SIGALRM; the store's queries run in a worker process that keeps the store
open and is killed on a timeout, since Oxigraph cannot be interrupted).

Targets (store, largest size): lookups (adopters, mechanisms, promises)
≤ 50 ms median; whole-corpus aggregates (matrix, co-adoption) ≤ 2 s.

    .venv/bin/python bench/store.py --sizes 100000,1000000,10000000 --runs 3

Results are printed as a table and written to ``bench/results/store.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR_VERSION = 1

FZ = "https://w3id.org/fazhi/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_PREFLABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
REPORT_NS = "https://w3id.org/fazhi/id/report/"
REGION_NS = "https://w3id.org/fazhi/id/region/"
MECHANISM_NS = "https://w3id.org/fazhi/vocab/mechanism/"
ONTOLOGY_GRAPH = "https://w3id.org/fazhi/graph/ontology"
CANDIDATES_GRAPH = "https://w3id.org/fazhi/graph/candidates"
STATUSES = ("adopted", "planned", "problem")
STATUS_SHARE, MECHANISM_SHARE = 0.3, 0.2
REPORTS_PER_REGION, REGIONS_PER_CITY, CITIES_PER_PROVINCE = 3, 10, 10
FIRST_YEAR = 2018

MECHANISM = "府院联动"
INDICATOR = "行政诉讼败诉率"
LOOKUPS = ("adopters", "mechanisms", "promises")
AGGREGATES = ("matrix", "co_adoption")
LOOKUP_TARGET_MS, AGGREGATE_TARGET_MS = 50, 2000

# README.md, "Mechanisms adopted anywhere under a category (SKOS roll-up)".
SKOS_ROLLUP = """PREFIX fz: <https://w3id.org/fazhi/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?mechanism (COUNT(DISTINCT ?region) AS ?regions) WHERE {
  ?a a fz:Adoption ; fz:status fz:adopted ; fz:mechanism ?m ; fz:region ?region .
  ?m skos:broader* ?cat ; skos:prefLabel ?mechanism .
  ?cat skos:prefLabel "行政执法"@zh .
} GROUP BY ?mechanism ORDER BY DESC(?regions)
"""

QUERY_NAMES = ("adopters", "mechanisms", "promises", "regions_under", "figures", "matrix", "co_adoption", "skos_rollup")

# Placeholders in the templates (NUL never occurs in N-Quads).
KEY, SHA, SOURCE, YEAR, REGION = "\0K\0", "\0H\0", "\0F\0", "\0Y\0", "\0R\0"
SLOT = re.compile("\x01(\\d+)\x01")


# ---- synthetic data ------------------------------------------------------------------


def size_label(n: int) -> str:
    for unit, div in (("M", 1_000_000), ("k", 1_000)):
        if n >= div and n % div == 0:
            return f"{n // div}{unit}"
    return str(n)


def build_seeds(trig: Path) -> None:
    trig.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "fazhi", "build", str(ROOT / "seeds"), "--out", str(trig), "--force", "-q"],
                   check=True, cwd=ROOT)


def nq_line(quad) -> str:
    import pyoxigraph as ox

    return ox.serialize([quad], format=ox.RdfFormat.N_QUADS).decode("utf-8")


def iri(value: str) -> str:
    return f"<{value}>"


def literal(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Templates:
    """The seeds as N-Quads templates: fixed text with placeholders, plus slots per adoption."""

    def __init__(self, trig: Path):
        import pyoxigraph as ox

        quads = list(ox.parse(path=str(trig), format=ox.RdfFormat.TRIG))
        graphs: dict[str, list] = {}
        for q in quads:
            graphs.setdefault(q.graph_name.value, []).append(q)
        self.fixed = "".join(nq_line(q) for name in (ONTOLOGY_GRAPH, CANDIDATES_GRAPH) for q in graphs.get(name, []))
        self.fixed_quads = sum(len(graphs.get(name, [])) for name in (ONTOLOGY_GRAPH, CANDIDATES_GRAPH))
        self.labels = {q.subject.value: q.object.value for q in graphs[ONTOLOGY_GRAPH] if q.predicate.value == SKOS_PREFLABEL}
        self.seeds = [self._template(name, graphs[name]) for name in sorted(graphs) if name.startswith(REPORT_NS)]
        # Vocabulary mechanisms the seeds adopt: the targets of remapping.
        self.pool = sorted({m for s in self.seeds for m in s["mechanisms"] if m is not None})

    @staticmethod
    def _template(name: str, quads: list) -> dict:
        key = name[len(REPORT_NS):].split("/")[0]
        report = REPORT_NS + key
        types: dict[str, set] = {}
        for q in quads:
            if q.predicate.value == RDF_TYPE:
                types.setdefault(q.subject.value, set()).add(q.object.value)
        (region,) = {q.object.value for q in quads if q.subject.value == report and q.predicate.value == FZ + "aboutRegion"}
        (sha,) = {q.object.value for q in quads if q.subject.value == report and q.predicate.value == FZ + "sha256"}
        (source,) = {q.object.value for q in quads if q.subject.value == report and q.predicate.value == FZ + "sourceFile"}
        adoptions = sorted(s for s, t in types.items() if FZ + "Adoption" in t)
        slot_of = {a: i for i, a in enumerate(adoptions)}
        statuses: list = [None] * len(adoptions)
        mechanisms: list = [None] * len(adoptions)  # None: a candidate mechanism, never remapped
        lines = []
        for q in sorted(quads, key=lambda q: (q.subject.value, q.predicate.value, str(q.object))):
            s, p, o = q.subject.value, q.predicate.value, q.object
            if s.startswith(REGION_NS):
                continue  # the seed's region nodes: replaced by the synthetic ones
            line = nq_line(q)
            if p == FZ + "year":
                line = line.replace(str(o), YEAR, 1)
            elif s in slot_of and p == FZ + "status":
                statuses[slot_of[s]] = o.value[len(FZ):]
                line = line.replace(str(o), f"\x01{2 * slot_of[s]}\x01", 1)
            elif s in slot_of and p == FZ + "mechanism" and o.value.startswith(MECHANISM_NS):
                mechanisms[slot_of[s]] = o.value
                line = line.replace(str(o), f"\x01{2 * slot_of[s] + 1}\x01", 1)
            elif p == FZ + "sha256":
                line = line.replace(sha, SHA, 1)
            elif p == FZ + "sourceFile":
                line = line.replace(literal(source), literal(SOURCE), 1)
            line = line.replace(iri(region), REGION)
            if REGION_NS in line:
                raise SystemExit(f"seed {key}: unexpected region reference in {line!r}")
            lines.append(line.replace(REPORT_NS + key, REPORT_NS + KEY))
        parts = SLOT.split("".join(lines))
        return {"key": key, "source": source, "parts": parts, "quads": len(lines), "statuses": statuses, "mechanisms": mechanisms}


def region_names(r: int) -> tuple[str, str, str]:
    city = r // REGIONS_PER_CITY
    province = f"合成省{city // CITIES_PER_PROVINCE:02d}"
    return province, f"{province}合成市{city % CITIES_PER_PROVINCE}", f"{province}合成市{city % CITIES_PER_PROVINCE}合成区{r:04d}"


def region_block(r: int, graph: str) -> str:
    province, city, district = region_names(r)
    lines = []
    for full, label, level, parent in (
        (district, f"合成区{r:04d}", "district", city),
        (city, city[len(province):], "city", province),
        (province, province, "province", None),
    ):
        node = iri(REGION_NS + full)
        lines += [
            f"{node} <{RDF_TYPE}> <{FZ}Region> {graph} .\n",
            f"{node} <{RDFS_LABEL}> {literal(label)} {graph} .\n",
            f"{node} <{FZ}fullName> {literal(full)} {graph} .\n",
            f"{node} <{FZ}level> <{FZ}{level}> {graph} .\n",
        ]
        if parent:
            lines.append(f"{node} <{FZ}within> {iri(REGION_NS + parent)} {graph} .\n")
    return "".join(lines)


REGION_BLOCK_QUADS = 14


def plan(templates: Templates, target: int) -> int:
    """The number of clones whose total is nearest to ``target`` quads."""
    total, n = templates.fixed_quads, 0
    while True:
        step = templates.seeds[n % len(templates.seeds)]["quads"] + REGION_BLOCK_QUADS
        if abs(total + step - target) >= abs(total - target) and n > 0:
            return n
        total, n = total + step, n + 1


def clone(templates: Templates, k: int, regions: int) -> tuple[str, dict]:
    seed = templates.seeds[k % len(templates.seeds)]
    rng = random.Random(k)
    sha = hashlib.sha256(f"fazhi bench/store.py synthetic report {k}".encode()).hexdigest()
    key, r, year = sha[:16], k % regions, FIRST_YEAR + k // regions
    statuses, mechanisms = list(seed["statuses"]), list(seed["mechanisms"])
    for i in range(len(statuses)):
        if rng.random() < STATUS_SHARE:
            statuses[i] = rng.choice(STATUSES)
    own = set(seed["mechanisms"])
    for i, m in enumerate(mechanisms):
        if m is not None and rng.random() < MECHANISM_SHARE:
            choices = [c for c in templates.pool if c not in own]
            if choices:
                mechanisms[i] = rng.choice(choices)
                own.add(mechanisms[i])
    values = []
    for s, m in zip(statuses, mechanisms):
        values += [f"<{FZ}{s}>", iri(m) if m else ""]
    parts = seed["parts"]
    pieces = [parts[0]]
    for j in range(1, len(parts), 2):
        pieces += [values[int(parts[j])], parts[j + 1]]
    _, _, district = region_names(r)
    text = ("".join(pieces).replace(KEY, key).replace(SHA, sha).replace(SOURCE, f"{k:06d}_{seed['source']}")
            .replace(YEAR, f'"{year}"^^<{XSD_INTEGER}>').replace(REGION, iri(REGION_NS + district)))
    text += region_block(r, iri(f"{REPORT_NS}{key}/graph"))
    info = {"region": r, "year": year, "planned": [m for s, m in zip(statuses, mechanisms) if s == "planned" and m],
            "mechanisms": {m for m in mechanisms if m}}
    return text, info


def generate(templates: Templates, target: int, out: Path) -> dict:
    n = plan(templates, target)
    regions = max(1, round(n / REPORTS_PER_REGION))
    tmp = out.with_name(out.name + ".tmp")
    quads = templates.fixed_quads
    years: dict[int, list] = {}
    adopted_anywhere: set = set()
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(templates.fixed)
        for k in range(n):
            text, info = clone(templates, k, regions)
            fh.write(text)
            quads += templates.seeds[k % len(templates.seeds)]["quads"] + REGION_BLOCK_QUADS
            years.setdefault(info["region"], []).append(info)
            adopted_anywhere |= info["mechanisms"]
    os.replace(tmp, out)
    # The region to ask about: ≥ 2 years, and the most promises that a next report can follow up.
    def followable(r):
        reports = sorted(years[r], key=lambda i: i["year"])
        return sum(len(i["planned"]) for i in reports[:-1])
    multi = [r for r in sorted(years) if len(years[r]) >= 2] or sorted(years)
    region = max(multi, key=lambda r: (followable(r), -r))
    mechanism = MECHANISM
    if MECHANISM_NS + MECHANISM not in adopted_anywhere:
        mechanism = templates.labels[sorted(adopted_anywhere)[0]]
    province, _, _ = region_names(region)
    return {"reports": n, "regions": regions, "quads": quads, "bytes": out.stat().st_size,
            "years": [FIRST_YEAR, FIRST_YEAR + (n - 1) // regions],
            "region": f"合成区{region:04d}", "region_years": len(years[region]), "region_promises": followable(region),
            "province": province, "mechanism": mechanism, "indicator": INDICATOR}


def generator_hash() -> str:
    """A hash of the code that writes the data files: change it and they are regenerated."""
    import inspect

    code = [inspect.getsource(f) for f in (Templates, region_names, region_block, plan, clone, generate)]
    constants = (STATUS_SHARE, MECHANISM_SHARE, REPORTS_PER_REGION, REGIONS_PER_CITY, CITIES_PER_PROVINCE, FIRST_YEAR, MECHANISM)
    return hashlib.sha256(repr((code, constants)).encode()).hexdigest()


def ensure_data(work: Path, sizes: list[int], rebuild: bool) -> dict[int, dict]:
    trig = work / "seeds.trig"
    if rebuild or not trig.exists():
        print(f"building the seeds into {trig}", file=sys.stderr)
        build_seeds(trig)
    stamp = {"generator": GENERATOR_VERSION, "seeds_sha256": hashlib.sha256(trig.read_bytes()).hexdigest(),
             "generator_sha256": generator_hash()}
    templates, metas = None, {}
    for size in sizes:
        nq = work / f"synthetic-{size_label(size)}.nq"
        meta_path = nq.with_suffix(".json")
        if not rebuild and nq.exists() and meta_path.exists():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("stamp") == stamp and meta.get("target") == size:
                metas[size] = meta
                continue
        if templates is None:
            templates = Templates(trig)
        start = time.perf_counter()
        meta = generate(templates, size, nq)
        meta.update(target=size, path=str(nq), stamp=stamp, generate_s=round(time.perf_counter() - start, 1))
        meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"generated {nq.name}: {meta['quads']:,} quads, {meta['reports']} reports, {meta['regions']} regions, "
              f"{meta['bytes'] / 1e6:.0f} MB in {meta['generate_s']} s", file=sys.stderr)
        metas[size] = meta
    return metas


# ---- measurement (in a child process) -------------------------------------------------


class QueryTimeout(BaseException):
    """Raised by the alarm; a BaseException so that fazhi's error wrapping lets it through."""


def _alarm(signum, frame):
    raise QueryTimeout()


def rss_mb() -> tuple[float, float]:
    """(current RSS, peak RSS) of this process in MB."""
    fields = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(("VmRSS:", "VmHWM:")):
                name, value = line.split(":")
                fields[name] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


def reset_peak() -> None:
    try:  # Linux ≥ 4.0: writing 5 to clear_refs resets VmHWM to the current RSS
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


def queries(meta: dict):
    from fazhi.graph import ask
    from fazhi.graph.query import run_sparql

    return {
        "adopters": lambda src: ask.adopters(src, meta["mechanism"]),
        "mechanisms": lambda src: ask.mechanisms_of(src, meta["region"]),
        "promises": lambda src: ask.promises(src, meta["region"]),
        "regions_under": lambda src: ask.regions_under(src, meta["province"]),
        "figures": lambda src: ask.figures(src, meta["indicator"]),
        "matrix": lambda src: ask.matrix(src),
        "co_adoption": lambda src: ask.co_adoption(src),
        "skos_rollup": lambda src: run_sparql(src, SKOS_ROLLUP, "README roll-up"),
    }


def run_once(fn, src):
    start = time.perf_counter()
    table = fn(src)
    return time.perf_counter() - start, len(table.rows)


def summary(times: list, rows, status: str) -> dict:
    return {"status": status, "rows": rows, "runs_ms": [round(t * 1000, 2) for t in times],
            "median_ms": round(statistics.median(times) * 1000, 2) if times and status == "ok" else None}


def show(label: str, name: str, q: dict) -> None:
    shown = f"{q['median_ms']} ms, {q['rows']} rows" if q["status"] == "ok" else q["status"]
    print(f"  {label} {name}: {shown}", file=sys.stderr, flush=True)


def time_queries(src, meta: dict, runs: int, timeout: float, label: str) -> dict:
    """Each query ``runs`` times in this process; a run over ``timeout`` s is interrupted by SIGALRM (rdflib is Python)."""
    results = {}
    signal.signal(signal.SIGALRM, _alarm)
    for name, fn in queries(meta).items():
        times, rows, status = [], None, "ok"
        for _ in range(runs):
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                elapsed, rows = run_once(fn, src)
            except QueryTimeout:
                status = f"timeout: > {timeout:g} s"
                break
            except Exception as exc:  # report it, go on with the other queries
                status = f"error: {' '.join(str(exc).split())[:160]}"
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            times.append(elapsed)
        results[name] = summary(times, rows, status)
        show(label, name, results[name])
    return results


def store_worker(conn, folder: str, meta: dict) -> None:
    """Open the store read-only and run the queries asked for on ``conn``, one run per message."""
    from fazhi.graph.store import Store

    before, _ = rss_mb()
    reset_peak()
    store = Store(folder)
    table = queries(meta)
    conn.send("ready")
    while True:
        name = conn.recv()
        if name is None:
            conn.send(rss_mb()[1] - before)
            return
        try:
            conn.send(("ok",) + run_once(table[name], store))
        except Exception as exc:
            conn.send((f"error: {' '.join(str(exc).split())[:160]}", None, None))


def time_store_queries(folder: Path, meta: dict, runs: int, timeout: float, label: str) -> tuple[dict, float | None]:
    """As ``time_queries``, in a worker process that keeps the store open; Oxigraph cannot be
    interrupted mid-query, so a run over ``timeout`` s kills the worker (a new one takes the next query)."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    worker = conn = None
    query_rss = None

    def start():
        parent, sub = ctx.Pipe()
        proc = ctx.Process(target=store_worker, args=(sub, str(folder), meta), daemon=True)
        proc.start()
        if not parent.poll(600) or parent.recv() != "ready":
            raise SystemExit(f"{folder}: the query worker did not start")
        return proc, parent

    results = {}
    for name in queries(meta):
        if worker is None:
            worker, conn = start()
        times, rows, status = [], None, "ok"
        for _ in range(runs):
            conn.send(name)
            if not conn.poll(timeout):
                worker.kill()
                worker.join()
                worker = None
                status = f"timeout: > {timeout:g} s"
                break
            status, elapsed, rows = conn.recv()
            if status != "ok":
                break
            if elapsed > timeout:
                status = f"timeout: > {timeout:g} s"
                break
            times.append(elapsed)
        results[name] = summary(times, rows, status)
        show(label, name, results[name])
    if worker is not None:
        conn.send(None)
        query_rss = conn.recv()
        worker.join()
    return results, query_rss


def du_bytes(path: Path) -> int:
    out = subprocess.run(["du", "-sb", str(path)], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0])


def child(spec: dict) -> dict:
    meta, backend = spec["meta"], spec["backend"]
    out: dict = {"size": meta["target"], "quads": meta["quads"]}
    before, _ = rss_mb()
    reset_peak()
    if backend == "rdflib":
        from rdflib import Dataset

        start = time.perf_counter()
        ds = Dataset(default_union=True)
        ds.parse(meta["path"], format="nquads")
        load = time.perf_counter() - start
        now, peak = rss_mb()
        rdflib_out = dict(out, backend="rdflib", load_s=round(load, 2), rss_growth_mb=round(peak - before, 1),
                          rss_after_load_mb=round(now, 1))
        rdflib_out["queries"] = time_queries(ds, meta, spec["runs"], spec["timeout"], f"{size_label(meta['target'])} rdflib")
        results = [rdflib_out]
        if spec.get("union"):
            from fazhi.graph.io import union_graph

            before_union, _ = rss_mb()
            reset_peak()
            start = time.perf_counter()
            g = union_graph(ds)
            union_s = time.perf_counter() - start
            now, peak = rss_mb()
            union_out = dict(out, backend="rdflib-union", load_s=round(load + union_s, 2), union_s=round(union_s, 2),
                             rss_growth_mb=round(rdflib_out["rss_growth_mb"] + peak - before_union, 1))
            union_out["queries"] = time_queries(g, meta, spec["runs"], spec["timeout"], f"{size_label(meta['target'])} rdflib-union")
            results.append(union_out)
        return {"results": results}
    from fazhi.graph.store import Store, import_file

    folder = Path(spec["store_dir"])
    shutil.rmtree(folder, ignore_errors=True)
    start = time.perf_counter()
    count = import_file(folder, meta["path"])
    load = time.perf_counter() - start
    _, peak = rss_mb()
    start = time.perf_counter()
    store = Store(folder)
    open_s = time.perf_counter() - start
    res = dict(out, backend="store", load_s=round(load, 2), open_s=round(open_s, 3), store_quads=count,
               store_mb=round(du_bytes(store.generation) / 1e6, 1), rss_growth_mb=round(peak - before, 1))
    del store
    res["queries"], query_rss = time_store_queries(folder, meta, spec["runs"], spec["timeout"], f"{size_label(meta['target'])} store")
    res["query_worker_rss_growth_mb"] = None if query_rss is None else round(query_rss, 1)
    return {"results": [res]}


# ---- the report ------------------------------------------------------------------------


def cell(q: dict | None) -> str:
    if q is None:
        return "—"
    if q["status"] != "ok":
        return q["status"].split(":")[0]
    ms = q["median_ms"]
    shown = f"{ms:.1f}" if ms < 100 else f"{ms:,.0f}"
    return f"{shown} ({q['rows']})"


def table(results: list[dict], skipped: list[str]) -> str:
    head = ["size", "backend", "quads", "load s", "store MB", "RSS MB"] + [f"{n} ms (rows)" for n in QUERY_NAMES]
    rows = []
    for r in results:
        rows.append([size_label(r["size"]), r["backend"], f"{r['quads']:,}", f"{r['load_s']:.1f}",
                     f"{r['store_mb']:,.0f}" if "store_mb" in r else "—", f"{r['rss_growth_mb']:,.0f}"]
                    + [cell(r["queries"].get(n)) for n in QUERY_NAMES])
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    lines = ["  ".join(str(x).ljust(w) for x, w in zip(line, widths)) for line in [head, ["-" * w for w in widths], *rows]]
    return "\n".join(lines + skipped)


def check_rows(results: list[dict]) -> list[str]:
    warnings = []
    by_size: dict[int, list] = {}
    for r in results:
        by_size.setdefault(r["size"], []).append(r)
    for size, group in by_size.items():
        for name in QUERY_NAMES:
            counts = {r["backend"]: r["queries"][name]["rows"] for r in group if r["queries"][name]["status"] == "ok"}
            if len(set(counts.values())) > 1:
                warnings.append(f"WARNING {size_label(size)} {name}: row counts differ — {counts}")
    return warnings


def check_targets(results: list[dict]) -> list[dict]:
    stores = [r for r in results if r["backend"] == "store"]
    if not stores:
        return []
    largest = max(stores, key=lambda r: r["size"])
    checks = []
    for names, target in ((LOOKUPS, LOOKUP_TARGET_MS), (AGGREGATES, AGGREGATE_TARGET_MS)):
        for name in names:
            q = largest["queries"][name]
            ok = q["status"] == "ok" and q["median_ms"] <= target
            checks.append({"size": largest["size"], "query": name, "target_ms": target,
                           "median_ms": q["median_ms"], "status": q["status"], "pass": ok})
    return checks


def code_version() -> str:
    """The fazhi measured: the commit (``+dirty`` if fazhi/ has uncommitted changes), or where it was imported from."""
    import fazhi

    where = Path(fazhi.__file__).resolve().parent.parent
    if where != ROOT:  # e.g. PYTHONPATH=/path/to/snapshot, to measure a fixed copy while the tree changes
        return f"fazhi from {where}"

    def git(*a):
        return subprocess.run(["git", *a], capture_output=True, text=True, cwd=ROOT).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + ("+dirty" if git("status", "--porcelain", "--", "fazhi") else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,1000000,10000000", help="quads per synthetic corpus, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs of each query (the median is reported)")
    parser.add_argument("--rdflib-max", type=int, default=1_000_000, help="skip rdflib above this many quads")
    parser.add_argument("--union-max", type=int, default=1_000_000, help="also time rdflib on union_graph(ds) up to this many quads")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a query is stopped")
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-store"), help="folder for the data files and stores")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the seeds and regenerate the data files")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "store.json")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(json.loads(args.child)), ensure_ascii=False))
        return

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(f"measuring fazhi at {code_version()}", file=sys.stderr)
    args.work.mkdir(parents=True, exist_ok=True)
    metas = ensure_data(args.work, sizes, args.rebuild)
    results, skipped = [], []
    for size in sizes:
        meta = metas[size]
        label = size_label(size)
        print(f"{label}: {meta['quads']:,} quads, {meta['reports']} reports, {meta['regions']} regions; "
              f"asking about {meta['mechanism']}, {meta['region']} ({meta['region_years']} years), {meta['province']}",
              file=sys.stderr, flush=True)
        backends = ["store"]
        if meta["quads"] <= args.rdflib_max:
            backends.insert(0, "rdflib")
        else:
            skipped.append(f"{label}: rdflib skipped ({meta['quads']:,} quads > --rdflib-max {args.rdflib_max:,}: "
                           "it needs many GB of RAM and minutes to load)")
        for backend in backends:
            spec = {"backend": backend, "meta": meta, "runs": args.runs, "timeout": args.timeout,
                    "union": meta["quads"] <= args.union_max, "store_dir": str(args.work / f"store-{label}")}
            proc = subprocess.run([sys.executable, __file__, "--child", json.dumps(spec, ensure_ascii=False)],
                                  stdout=subprocess.PIPE, text=True, cwd=ROOT)
            if proc.returncode != 0:
                sys.exit(f"{label} {backend}: the measurement failed (exit {proc.returncode})")
            results += json.loads(proc.stdout.strip().splitlines()[-1])["results"]
            write_results(args, metas, results, skipped, partial=True)  # what is measured so far survives an interruption

    checks = write_results(args, metas, results, skipped, partial=False)
    print(table(results, skipped))
    for w in check_rows(results):
        print(w)
    for c in checks:
        shown = f"{c['median_ms']:.1f} ms" if c["median_ms"] is not None else c["status"]
        print(f"{'PASS' if c['pass'] else 'FAIL'}  store {size_label(c['size'])} {c['query']}: {shown} (target ≤ {c['target_ms']:,} ms)")
    if checks and checks[0]["size"] < 10_000_000:
        print(f"note: the targets are for 10M quads; checked at the largest store size run, {size_label(checks[0]['size'])}")
    print(f"results: {args.out}", file=sys.stderr)


def write_results(args, metas: dict, results: list, skipped: list, partial: bool) -> list[dict]:
    checks = check_targets(results)
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "commit": code_version(),
        "partial": partial,
        "runs": args.runs, "timeout_s": args.timeout, "rdflib_max": args.rdflib_max,
        "data": {size_label(s): {k: v for k, v in m.items() if k != "stamp"} for s, m in metas.items()},
        "results": results, "skipped": skipped, "row_count_warnings": check_rows(results), "targets": checks,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_name(args.out.name + ".tmp")
    tmp.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, args.out)
    return checks


if __name__ == "__main__":
    main()
