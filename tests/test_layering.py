"""Import layering, read from the source (function-local imports count too: a lazy import is
still a dependency): the library never imports the CLI, the graph layer never imports the
pages, and the CLI's modules import each other without a cycle."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "fazhi"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module → the fazhi modules it imports anywhere in its code (parents of itself left out:
    importing a submodule always imports its package first)."""
    paths = {module_name(p, package.parent): p for p in sorted(package.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = here.split(".")
                    base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
                submodules = {f"{base}.{alias.name}" for alias in node.names} & set(paths)
                targets |= submodules or {base}
        ancestors = {name.rsplit(".", n)[0] for n in range(1, name.count(".") + 1)}
        graph[name] = {t for t in targets if t in paths and t != name and t not in ancestors}
    return graph


def crossings(graph: dict[str, set[str]], importer: str, imported: str) -> list[str]:
    """Imports from modules under ``importer`` of modules under ``imported``."""
    def under(module: str, prefix: str) -> bool:
        return module == prefix or module.startswith(prefix + ".")

    return sorted(f"{m} imports {t}" for m, ts in graph.items() if under(m, importer) for t in ts if under(t, imported))


def cycles(graph: dict[str, set[str]], within: str) -> list[list[str]]:
    """The import cycles among the modules under ``within`` (each once, from its smallest module)."""
    nodes = {m for m in graph if m == within or m.startswith(within + ".")}
    found = set()

    def walk(path: list[str]) -> None:
        for nxt in sorted(graph[path[-1]] & nodes):
            if nxt == path[0]:
                found.add(tuple(path))
            elif nxt not in path and nxt > path[0]:
                walk(path + [nxt])

    for start in sorted(nodes):
        walk([start])
    return [list(c) + [c[0]] for c in sorted(found)]


def test_the_endpoint_does_not_import_the_pages():
    assert crossings(import_graph(), "fazhi.graph", "fazhi.viz") == []


def test_the_library_does_not_import_the_cli():
    graph = import_graph()
    library = [m for m in graph if not m.startswith("fazhi.cli") and m != "fazhi.__main__"]
    assert [line for m in library for line in crossings({m: graph[m]}, m, "fazhi.cli")] == []


def test_the_cli_modules_import_each_other_without_a_cycle():
    assert cycles(import_graph(), "fazhi.cli") == []


def test_the_checks_see_the_old_layout(tmp_path):
    """They can fail: on the layout before the change (the endpoint importing the pages inside a
    method, app and store_commands importing each other) both report it."""
    files = {
        "fazhi/__init__.py": "",
        "fazhi/cli/__init__.py": "from .app import app\n",
        "fazhi/cli/app.py": "def emit(): pass\nfrom . import store_commands\n",
        "fazhi/cli/store_commands.py": "from .app import app, emit\n",
        "fazhi/graph/__init__.py": "",
        "fazhi/graph/endpoint.py": "class Endpoint:\n    def _render(self):\n        from ..viz.network import render_network\n",
        "fazhi/viz/__init__.py": "",
        "fazhi/viz/network.py": "",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    graph = import_graph(tmp_path / "fazhi")
    assert crossings(graph, "fazhi.graph", "fazhi.viz") == ["fazhi.graph.endpoint imports fazhi.viz.network"]
    assert cycles(graph, "fazhi.cli") == [["fazhi.cli.app", "fazhi.cli.store_commands", "fazhi.cli.app"]]
