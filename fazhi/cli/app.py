"""The typer application and its commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from . import diffusion_commands, map_commands, store_commands  # noqa: F401 - diffusion_commands adds ask diffusion and ask panel
from .common import ForceOption, Format, FormatOption, GraphOption, StoreOption, emit, open_source, refuse_overwrite

app = typer.Typer(
    name="fazhi",
    help="Turn 法治政府建设年度报告 (annual rule-of-law reports) into a queryable knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.command()
def build(
    paths: List[Path] = typer.Argument(..., help="Report files (.txt, .html, .docx, .pdf) or folders of them."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Graph file to write (default out/graph.ttl unless --store is given); the extension chooses the format: .ttl, .nt, .jsonld, .trig, .nq."),
    store: Optional[Path] = typer.Option(None, "--store", "-S", help="Build into this persistent store folder instead, incrementally: only new or changed files are read, graphs of removed files are dropped."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Decode text files with this encoding instead of detecting it (e.g. gbk)."),
    keep_going: bool = typer.Option(False, "--keep-going", "-k", help="Skip files that cannot be read and build the rest; exit 1 if any was skipped."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    no_validate: bool = typer.Option(False, "--no-validate", help="Skip the SHACL validation of the output."),
    force: bool = typer.Option(False, "--force", help="Overwrite the output file if it exists."),
    strict: bool = typer.Option(False, "--strict", help="Refuse a report that looks truncated (stops mid-sentence) instead of extracting it as partial."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes that read, extract and validate reports (default: all cores; 1: in this process). The output is the same for any number."),
    dask: Optional[str] = typer.Option(None, "--dask", help="Read the reports on a Dask cluster instead: its scheduler (tcp://host:8786), or 'local'. Same output."),
    shards: Optional[Path] = typer.Option(None, "--shards", help="With --dask: the workers write N-Quads shards into this folder (reachable by them) instead of one output."),
):
    """Extract reports into one validated graph file or store (atomic: all or nothing)."""
    from ..api import build as build_graph, build_store, collect_paths, default_jobs, plan_store_build
    from ..errors import InputError

    if out is not None and store is not None:
        raise InputError("give either --out FILE or --store DIR, not both — write a file from a store with: fazhi export")
    if shards is not None:
        if dask is None or out is not None or store is not None:
            raise InputError("--shards DIR goes with --dask ADDRESS and without --out or --store")
        return _build_shards(paths, shards, dask, encoding=encoding, strict=strict, validate=not no_validate, quiet=quiet)
    skipped: list = []
    warnings: list = []
    options = dict(encoding=encoding, validate=not no_validate, keep_going=keep_going, skipped=skipped, warnings=warnings, strict=strict,
                   jobs=jobs or default_jobs(), dask=dask)
    if store is not None:
        plan = plan_store_build(paths, store)
        files = plan.extract
        summary = _with_progress(quiet, len(files), lambda progress: build_store(plan, progress=progress, **options))
    else:
        out = out or Path("out/graph.ttl")
        if out.exists() and not force:
            raise InputError(f"{out}: already exists — pass --force to overwrite")
        files = collect_paths(paths)
        summary = _with_progress(quiet, len(files), lambda progress: build_graph(files, out, force=True, progress=progress, **options))
    for line in warnings:
        print(f"fazhi: warning: {line}", file=sys.stderr)
    for item in skipped:
        print(f"fazhi: skipped: {item.message}", file=sys.stderr)
    if store is not None:
        line = (
            f"{summary.store}: {summary.reports} reports ({summary.extracted} extracted, {summary.unchanged} unchanged, "
            f"{summary.removed} removed), {summary.quads} quads" + ("" if no_validate or not summary.extracted else ", new reports SHACL valid")
            + ("" if summary.extracted or summary.removed else "; nothing changed, no new generation")
        )
    else:
        line = (
            f"{summary.out}: {summary.reports} reports, {summary.measures} measures, "
            f"{summary.mechanisms} mechanisms ({summary.adoptions} adoptions), {summary.triples} triples"
            + ("" if no_validate else ", SHACL valid")
        )
    print(line + (f"; {len(skipped)} of {len(files)} files skipped" if skipped else ""), file=sys.stderr)
    if skipped:
        raise typer.Exit(1)


def _build_shards(paths, folder: Path, address: str, *, encoding, strict, validate, quiet) -> None:
    """``build --dask ADDRESS --shards DIR``: the workers write the shards; the ontology shard is written here."""
    from ..api import collect_paths
    from ..graph.build import ONTOLOGY_GRAPH
    from ..graph.dask_backend import write_shards
    from ..graph.stream import render
    from ..graph.worker import STORE, Settings
    from ..ontology import ontology_graph, vocabulary_graph

    files = collect_paths(paths)
    summaries = write_shards(files, Settings(STORE, encoding=encoding, strict=strict, validate=validate), address, folder)
    onto = ontology_graph()
    onto += vocabulary_graph()
    (folder / "ontology.nq").write_text(render(onto, "nquads", ONTOLOGY_GRAPH, [])[0] + "\n", encoding="utf-8")
    written = sum(len(s["reports"]) for s in summaries)
    for s in summaries:
        for line in s["errors"] + s["invalid"]:
            print(f"fazhi: skipped: {line}", file=sys.stderr)
    print(f"{folder}: {len(summaries)} shards, {written} reports, and ontology.nq")
    if written < len(files):
        raise typer.Exit(1)


def _with_progress(quiet: bool, total: int, work):
    """Run ``work(progress)`` under a progress bar that follows the build's phases (none if quiet)."""
    if quiet or total == 0:
        return work(None)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[item]}"),
        transient=True,
    ) as bar:
        task = bar.add_task("extracting", total=total, item="")
        return work(_Bar(bar, task))


class _Bar:
    """A build's progress (``phase``, ``advance``) shown on one rich progress bar."""

    def __init__(self, bar, task):
        self.bar, self.task = bar, task

    def phase(self, name: str, total: int) -> None:
        self.bar.reset(self.task, total=total, description=name, item="")

    def advance(self, n: int = 1, item: str = "") -> None:
        self.bar.update(self.task, advance=n, item=item)


@app.command()
def reports(graph: Optional[Path] = GraphOption, store: Optional[Path] = StoreOption, format: Format = FormatOption):
    """List the reports in a graph: source, region, level, year, issuer, publication date."""
    from ..graph.query import reports as reports_table

    emit(reports_table(open_source(graph, store)), format, "reports")


@app.command()
def adoption(
    graph: Optional[Path] = GraphOption,
    store: Optional[Path] = StoreOption,
    mechanism: Optional[str] = typer.Option(None, "--mechanism", "-m", help="Only this mechanism (preferred label or alias, e.g. 府院联动)."),
    region: Optional[str] = typer.Option(None, "--region", "-r", help="Only this region (short or full name, e.g. 顺城区)."),
    status: Optional[str] = typer.Option(None, "--status", "-s", help="Only this status: adopted, planned or problem."),
    format: Format = FormatOption,
):
    """Which region adopted, planned or lamented which mechanism, in which year."""
    from ..graph.query import adoption as adoption_table

    emit(adoption_table(open_source(graph, store), mechanism=mechanism, region=region, status=status), format, "adoption")


@app.command()
def query(
    source: Optional[Path] = typer.Argument(None, help="A .rq file holding the query."),
    graph: Optional[Path] = GraphOption,
    store: Optional[Path] = StoreOption,
    expression: Optional[str] = typer.Option(None, "--expression", "-e", help="The SPARQL query as text."),
    format: Format = FormatOption,
):
    """Run a SPARQL query (SELECT, ASK or CONSTRUCT) over a graph."""
    from ..errors import InputError
    from ..graph.query import run_sparql

    if source is None and expression is None:
        raise InputError("no query given — pass a .rq file or the query with -e 'SELECT …'")
    if source is not None and expression is not None:
        raise InputError("give the query either as a .rq file or with -e 'SELECT …', not both")
    if source is not None:
        if not source.is_file():
            raise InputError(f"{source}: no such query file")
        try:
            text, where = source.read_text(encoding="utf-8"), str(source)
        except UnicodeDecodeError:
            raise InputError(f"{source}: not valid UTF-8") from None
    else:
        text, where = expression, "-e"
    emit(run_sparql(open_source(graph, store), text, where), format, "query")


@app.command("eval")
def eval_(
    paths: List[Path] = typer.Argument(..., help="Report files or folders to score (the seeds)."),
    gold: Optional[Path] = typer.Option(None, "--gold", help="Gold annotation (JSON); default: the seeds' gold shipped with fazhi (eval/seeds-gold.json)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Decode the reports with this encoding."),
    format: Format = FormatOption,
    errors: bool = typer.Option(False, "--errors", help="List the mechanism errors instead of the scores: each wrong adoption and each missed gold mechanism (file, error, status, mechanism, surface)."),
):
    """Score the extractor against a gold annotation: precision, recall, F1 per category and status."""
    from ..evaluate import ERROR_COLUMNS, default_gold, evaluate_files
    from ..graph.query import Table

    gold = gold or default_gold()
    found: list = []
    scores = evaluate_files(paths, gold, encoding=encoding, errors=found)
    dataset = scores["dataset"]
    if dataset["kind"] != "blind":
        print(f"fazhi eval: {gold} is {dataset['kind']} data — {dataset['note']}", file=sys.stderr)
    if errors:
        rows = sorted(found, key=lambda r: (r[0], r[1] != "wrong", r[3], r[2]))
        emit(Table(ERROR_COLUMNS, tuple(rows)), format, f"fazhi eval: {len(rows)} mechanism errors")
        return
    if format == Format.json:
        print(json.dumps(scores, ensure_ascii=False, indent=1))
        return
    rows = []
    for category, value in scores.items():
        if not isinstance(value, dict) or "precision" not in value:
            continue  # the report count, and what the gold is (said on stderr above)
        rows.append((category, value["precision"], value["recall"], value["f1"], value["tp"], value["fp"], value["fn"]))
        for status, sub in value.get("by_status", {}).items():
            rows.append((f"  {category}:{status}", sub["precision"], sub["recall"], sub["f1"], sub["tp"], sub["fp"], sub["fn"]))
        if "links" in value:
            sub = value["links"]
            rows.append((f"  {category}:links", sub["precision"], sub["recall"], sub["f1"], sub["tp"], sub["fp"], sub["fn"]))
        if "status_accuracy" in value:
            rows.append((f"  {category}:status_accuracy", value["status_accuracy"], "", "", "", "", ""))
            rows.append((f"  {category}:section_accuracy", value["section_accuracy"], "", "", "", "", ""))
    table = Table(("category", "precision", "recall", "f1", "tp", "fp", "fn"), tuple(rows))
    emit(table, format, f"fazhi eval on {scores['reports']} reports")


@app.command()
def validate(
    graph: Optional[Path] = typer.Option(None, "--graph", "-g", help="Graph file written by `fazhi build --out`."),
    store: Optional[Path] = typer.Option(None, "--store", "-s", help="Store built by `fazhi build --store` (validated a report graph at a time)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes that validate a store's report graphs (default: all cores; 1: in this process). The result is the same for any number."),
):
    """Check a graph file or a store against fazhi's SHACL shapes; exit 1 with the violations if it does not conform."""
    from ..api import default_jobs, validate_file, validate_store
    from ..errors import InputError, ValidationError

    if (graph is None) == (store is None):
        raise InputError("give either --graph FILE or --store DIR")
    if graph is not None:
        result = validate_file(graph)
    else:
        from ..graph.store import Store

        opened = Store(store)
        workers = jobs or default_jobs()
        result = _with_progress(quiet, len(opened.manifest.reports), lambda progress: validate_store(opened, progress, jobs=workers))
    where = graph if graph is not None else store
    if not result.conforms:
        for message in result.messages[1:]:
            print(message, file=sys.stderr)
        raise ValidationError(f"{where}: does not conform ({len(result.messages)} violations) — {result.messages[0]}")
    print(f"{where}: conforms to the fazhi shapes")


@app.command()
def analyze(
    graph: Optional[Path] = GraphOption,
    store: Optional[Path] = StoreOption,
    status: str = typer.Option("adopted", "--status", help="Which adoptions count: adopted (default), planned, problem or any."),
    table: str = typer.Option("similarity", "--table", "-t", help="Table to print as table/csv: similarity, co-adoption, centrality, communities (json prints all)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Also write the results as RDF (.ttl, .nt, .jsonld)."),
    force: bool = typer.Option(False, "--force", help="Overwrite --out if it exists."),
    format: Format = FormatOption,
):
    """Which regions are alike and which mechanisms travel together (networkx): similarity, co-adoption, centrality, communities."""
    from ..errors import InputError
    from ..graph.analytics import analytics_triples, analyze as run_analysis
    from ..graph.query import adoption as adoption_table

    if status not in ("adopted", "planned", "problem", "any"):
        raise InputError(f"--status {status}: use adopted, planned, problem or any")
    if out is not None and out.exists() and not force:
        raise InputError(f"{out}: already exists — pass --force to overwrite")
    result = run_analysis(adoption_table(open_source(graph, store)), status=status)
    tables = {
        "similarity": result.similarity,
        "co-adoption": result.co_adoption,
        "centrality": result.centrality,
        "communities": result.communities,
    }
    if table not in tables:
        raise InputError(f"--table {table}: use one of {', '.join(tables)}")
    if out is not None:
        from rdflib import Dataset

        from ..graph.io import save

        from ..ontology import FZ

        ds = Dataset()
        ds.bind("fz", FZ._NS)
        for triple in analytics_triples(result):
            ds.add(triple)
        save(ds, out)
    if format == Format.json:
        print(json.dumps({name: t.records() for name, t in tables.items()}, ensure_ascii=False, indent=1))
    else:
        emit(tables[table], format, table)


viz_app = typer.Typer(help="Pages to look at: the network, the region × mechanism matrix and the map.")
app.add_typer(viz_app, name="viz")


@viz_app.callback(invoke_without_command=True)
def viz(
    ctx: typer.Context,
    graph: Optional[Path] = GraphOption,
    store: Optional[Path] = StoreOption,
    out: Path = typer.Option(Path("out/graph.html"), "--out", "-o", help="HTML page to write (works offline)."),
    region: Optional[str] = typer.Option(None, "--region", help="Only this region (short or full name)."),
    mechanism: Optional[str] = typer.Option(None, "--mechanism", help="Only this mechanism."),
    province: Optional[str] = typer.Option(None, "--province", help="Only regions in this province."),
    force: bool = ForceOption,
):
    """Write an interactive network page (regions ↔ mechanisms; a region expands into its measures, bodies, documents) that works offline."""
    if ctx.invoked_subcommand is not None:
        # `fazhi viz --store S adoption`: the source and --force reach the subcommand (they were ignored,
        # and it then found no graph); the network page's own options would be, so they are refused
        given = {name for name in ctx.params if _on_command_line(ctx, name)}
        misplaced = sorted(given - {"graph", "store", "force"})
        if misplaced:
            options = ", ".join("--" + name for name in misplaced)
            ctx.fail(f"{options} before `{ctx.invoked_subcommand}` belongs to the network page — "
                     f"put it after: fazhi viz {ctx.invoked_subcommand} {options} …")
        ctx.default_map = {ctx.invoked_subcommand: {name: ctx.params[name] for name in sorted(given)}}
        return
    from ..viz.network import render_network

    refuse_overwrite(force, out)
    summary = render_network(open_source(graph, store), out, region=region, mechanism=mechanism, province=province)
    note = f" (aggregated: {summary['regions']} regions in {summary['groups']} groups by province and city)" if summary["aggregated"] else ""
    print(f"{out}: {summary['nodes']} nodes, {summary['edges']} edges{note}", file=sys.stderr)


def _on_command_line(ctx, name: str) -> bool:
    source = ctx.get_parameter_source(name)
    return source is not None and source.name == "COMMANDLINE"


@viz_app.command("adoption")
def viz_adoption(
    graph: Optional[Path] = GraphOption,
    store: Optional[Path] = StoreOption,
    out: Path = typer.Option(Path("out/adoption.html"), "--out", "-o", help="HTML page to write (works offline)."),
    svg: Optional[Path] = typer.Option(None, "--svg", help="Also draw the matrix as a static SVG image."),
    force: bool = ForceOption,
):
    """Write the region × mechanism matrix (status as colour, grouped by category, sortable)."""
    from ..viz.matrix import render_matrix, render_svg

    refuse_overwrite(force, out, svg)
    g = open_source(graph, store)
    summary = render_matrix(g, out)
    if svg is not None:
        render_svg(g, svg)
    print(f"{out}: {summary['rows']} regions × {summary['columns']} mechanisms", file=sys.stderr)


vocab_app = typer.Typer(help="Curate the mechanism vocabulary: candidates found in reports, accept, reject.", no_args_is_help=True)
app.add_typer(vocab_app, name="vocab")


@vocab_app.command("candidates")
def vocab_candidates(
    graph: Optional[Path] = GraphOption,
    store: Optional[Path] = StoreOption,
    min_reports: int = typer.Option(1, "--min-reports", help="Only candidates named in at least this many reports."),
    format: Format = FormatOption,
):
    """Mechanisms the rules found that the vocabulary does not list, ranked by how many reports name them."""
    from ..curation import candidates

    emit(candidates(open_source(graph, store), min_reports=min_reports), format, "candidate mechanisms")


@vocab_app.command("accept")
def vocab_accept(
    name: str = typer.Argument(..., help="The mechanism's preferred label."),
    category: str = typer.Option(..., "--category", help="Its category (top concept), e.g. 行政执法."),
    alias: List[str] = typer.Option([], "--alias", help="An alternative label (repeatable)."),
    broader: Optional[str] = typer.Option(None, "--broader", help="A broader mechanism already in the vocabulary."),
    gloss: str = typer.Option("", "--gloss", help="An English definition."),
    source: Optional[str] = typer.Option(None, "--source", help="The document it comes from (default: local practice, accepted from reports)."),
    vocab_dir: Path = typer.Option(None, "--vocab-dir", help="Folder of your vocabulary additions (default: $FAZHI_VOCAB_DIR, else ~/.local/share/fazhi/vocab)."),
):
    """Add a candidate to your local vocabulary (outside the installed package); later builds link it."""
    from ..curation import LOCAL_SOURCE, accept

    path = accept(
        name, category, aliases=alias, broader=broader, gloss_en=gloss, source=source or LOCAL_SOURCE,
        folder=vocab_dir,
    )
    print(f"{path}: added {name}")


@vocab_app.command("reject")
def vocab_reject(
    name: str = typer.Argument(..., help="A string that looks like a mechanism but is none."),
    vocab_dir: Path = typer.Option(None, "--vocab-dir", help="Folder of your vocabulary additions (default: $FAZHI_VOCAB_DIR, else ~/.local/share/fazhi/vocab)."),
):
    """Record a negative label in your local vocabulary, so the rules never propose it again."""
    from ..curation import reject

    path = reject(name, folder=vocab_dir)
    print(f"{path}: {name} is now a negative label")


store_commands.register(app)  # fazhi ask, serve and export
map_commands.register(viz_app)  # fazhi viz map
