"""``fazhi build --jobs N``: worker processes give the bytes, errors and store of ``--jobs 1``."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from cli_helpers import assert_one_line_error, run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """Twelve reports: the seeds moved to other counties (bench/corpus.py)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from corpus import make_corpus
    finally:
        sys.path.remove(str(ROOT / "bench"))
    folder = tmp_path_factory.mktemp("synthetic")
    make_corpus(folder, 12)
    return folder


@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".nq"])
def test_two_jobs_give_the_bytes_of_one_on_the_seeds(seeds_dir, tmp_path, suffix):
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"g{jobs}{suffix}"
        result = run("build", seeds_dir, "--out", out, "--jobs", jobs, "--quiet")
        assert result.returncode == 0, result.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_two_jobs_give_the_bytes_of_one_on_a_synthetic_corpus(synthetic, tmp_path):
    outs, summaries = [], []
    for jobs in ("1", "2"):
        out = tmp_path / f"g{jobs}.ttl"
        result = run("build", synthetic, "--out", out, "--jobs", jobs, "--quiet")
        assert result.returncode == 0, result.stderr
        outs.append(out.read_bytes())
        summaries.append(result.stderr.strip().splitlines()[-1].split(": ", 1)[1])
    assert outs[0] == outs[1]
    assert summaries[0] == summaries[1] and summaries[0].startswith("12 reports")


@pytest.fixture()
def with_bad_file(tmp_path, seeds_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in sorted(seeds_dir.glob("*.txt"))[:3]:
        shutil.copy(seed, folder / seed.name)
    (folder / "001_zz_binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "002_copy.txt").write_bytes(sorted(seeds_dir.glob("*.txt"))[0].read_bytes())
    return folder


def test_a_bad_file_stops_two_jobs_as_it_stops_one(with_bad_file, tmp_path):
    results = []
    for jobs in ("1", "2"):
        out = tmp_path / f"g{jobs}.ttl"
        result = run("build", with_bad_file, "--out", out, "--jobs", jobs)
        assert_one_line_error(result, "001_zz_binary.txt", "--keep-going")
        assert not out.exists()
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary files left
        results.append((result.returncode, result.stderr))
    assert results[0] == results[1]


def test_keep_going_under_two_jobs_skips_what_one_skips(with_bad_file, tmp_path):
    results = []
    for jobs in ("1", "2"):
        out = tmp_path / f"g{jobs}.nt"
        result = run("build", with_bad_file, "--out", out, "--jobs", jobs, "--keep-going", "--quiet")
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        results.append((result.stderr.replace(str(out), "OUT"), out.read_bytes()))
    assert results[0] == results[1]
    assert "skipped: " in results[0][0] and "2 of 5 files skipped" in results[0][0]


def test_a_store_built_by_two_jobs_holds_what_one_builds(seeds_dir, tmp_path):
    dumps = []
    for jobs in ("1", "2"):
        store = tmp_path / f"store{jobs}"
        result = run("build", seeds_dir, "--store", store, "--jobs", jobs, "--quiet")
        assert result.returncode == 0, result.stderr
        assert "5 extracted" in result.stderr
        dump = tmp_path / f"dump{jobs}.nq"
        assert run("export", "--store", store, "--out", dump).returncode == 0
        dumps.append(sorted(dump.read_bytes().splitlines()))
    assert dumps[0] == dumps[1]


def test_a_bad_file_leaves_a_store_built_by_two_jobs_as_it_was(with_bad_file, tmp_path):
    store = tmp_path / "store"
    assert_one_line_error(run("build", with_bad_file, "--store", store, "--jobs", "2", "--quiet"), "001_zz_binary.txt")
    assert not store.exists()
