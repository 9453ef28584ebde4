"""Reproducible installs: every package the code imports is declared in pyproject.toml
with a lower bound, and a fresh venv with its stock pip installs fazhi and reads a
saved GB18030 web page.

The fresh-venv test is marked ``install`` (deselect it with ``-m "not install"``);
CI runs it, as it runs everything.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from formats import as_html

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# the project's own modules: the package, the tests' helpers, and the benchmarks' (tests build corpora with bench/corpus.py)
LOCAL = {"fazhi"} | {p.stem for folder in ("tests", "bench") for p in (ROOT / folder).rglob("*.py")}
DYNAMIC_IMPORTS = {"find_spec", "import_module"}  # importlib calls that take a module name as text


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(requirements: list[str]) -> dict[str, str]:
    """Distribution name (normalised) → the requirement as written."""
    return {normalise(re.match(r"[A-Za-z0-9._-]+", r).group()): r for r in requirements}


def imported_modules(folder: Path) -> dict[str, str]:
    """Top-level module → the first place that imports it, for every import under ``folder``
    (function-local imports included: fazhi imports heavy packages where they are used)."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) in DYNAMIC_IMPORTS
                  and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
                  and not node.args[0].value.startswith(".")):
                names = [node.args[0].value]
            for name in names:
                found.setdefault(name.split(".")[0], f"{path.relative_to(ROOT)}:{node.lineno}")
    return {m: where for m, where in found.items() if m not in sys.stdlib_module_names and m not in LOCAL}


def undeclared(folder: str, requirements: list[str]) -> list[str]:
    allowed = declared(requirements)
    owners = packages_distributions()
    missing = []
    for module, where in sorted(imported_modules(ROOT / folder).items()):
        dists = {normalise(d) for d in owners.get(module, [])}
        if not dists:
            missing.append(f"{where}: {module} is imported but no installed distribution provides it")
        elif not dists & set(allowed):
            missing.append(f"{where}: {module} (from {', '.join(sorted(dists))}) is not declared in pyproject.toml")
    return missing


def test_every_dependency_has_a_lower_bound():
    project = PYPROJECT["project"]
    for requirement in project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]:
        assert ">=" in requirement, f"{requirement}: give it a lower bound (name>=version)"


def test_every_package_the_library_imports_is_a_dependency():
    """A dependency, or in an extra the feature that imports it asks for (pip install 'fazhi[dask]')."""
    project = PYPROJECT["project"]
    features = [r for name, extra in project["optional-dependencies"].items() if name != "test" for r in extra]
    assert undeclared("fazhi", project["dependencies"] + features) == []


def test_every_package_the_tests_import_is_a_dependency_or_test_extra():
    project = PYPROJECT["project"]
    assert undeclared("tests", project["dependencies"] + project["optional-dependencies"]["test"]) == []


def test_the_check_sees_an_undeclared_import():
    """The check above can fail: without click and pyparsing declared, it names both."""
    without = [r for r in PYPROJECT["project"]["dependencies"] if not r.startswith(("click", "pyparsing"))]
    missing = undeclared("fazhi", without)
    assert any(" click " in line for line in missing) and any(" pyparsing " in line for line in missing), missing


def pins() -> dict[str, str]:
    """constraints.txt: distribution name (normalised) → its exact version."""
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    return {normalise(name): version for name, version in (l.split("==", 1) for l in lines if l and not l.startswith("#"))}


def version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


def test_the_constraints_pin_every_declared_package_at_or_above_its_lower_bound():
    """Reproducible installs: each dependency and test extra has an exact version in constraints.txt."""
    project = PYPROJECT["project"]
    pinned = pins()
    for requirement in project["dependencies"] + project["optional-dependencies"]["test"]:
        name = normalise(re.match(r"[A-Za-z0-9._-]+", requirement).group())
        assert name in pinned, f"{requirement}: not pinned in constraints.txt (run scripts/lock.sh)"
        low = requirement.split(">=", 1)[1].split(",")[0]
        assert version_tuple(pinned[name]) >= version_tuple(low), f"{name}=={pinned[name]} is below {requirement}"
    assert "lxml-html-clean" in pinned


def test_setup_installs_with_the_constraints():
    """scripts/setup.sh, the README's first command, installs the pinned versions."""
    installs = [l for l in (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8").splitlines()
                if "pip install" in l and not l.lstrip().startswith("#")]
    assert installs and all("-c constraints.txt" in l for l in installs), installs


def project_files() -> list[str]:
    """The files a fresh clone would have: tracked ones and new ones git does not ignore."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode("utf-8")
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def run(command: list, cwd: Path, timeout: int) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(map(str, command))} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.mark.install
def test_a_fresh_venv_with_its_stock_pip_installs_fazhi_and_reads_a_gb18030_page(tmp_path, seeds_dir):
    """python3 -m venv, its own pip (not upgraded), pip install -c constraints.txt -e . from a copy
    of the project's files, then that venv's fazhi reads a saved GB18030 web page of a seed report:
    an undeclared dependency (lxml_html_clean, which trafilatura needs for pages) fails here."""
    src = tmp_path / "fazhi"
    for name in project_files():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, src / name)
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv], tmp_path, timeout=120)
    run([venv / "bin/python", "-m", "pip", "install", "--quiet", "-c", "constraints.txt", "-e", "."], src, timeout=1200)

    text = (seeds_dir / "000_d1a4c8b9dac7cebb.txt").read_text(encoding="utf-8")
    page = tmp_path / "report.html"
    page.write_bytes(as_html(text, charset="gb18030").encode("gb18030"))
    out = tmp_path / "page.ttl"
    run([venv / "bin/fazhi", "build", page, "--out", out, "--quiet"], tmp_path, timeout=300)
    rows = run([venv / "bin/fazhi", "reports", "--graph", out, "--format", "csv"], tmp_path, timeout=300).stdout.splitlines()
    assert rows[0].startswith("source,region,region_full,level,year,issuer")
    assert rows[1].split(",")[1:5] == ["顺城区", "辽宁省抚顺市顺城区", "district", "2024"], rows
