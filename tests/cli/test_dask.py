"""``fazhi build --dask``: a Dask cluster runs the per-report function of ``--jobs``, with the same output."""

from __future__ import annotations

import pytest

from cli_helpers import assert_one_line_error, run

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    """A LocalCluster of two worker processes; its scheduler's address."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.mark.parametrize("suffix", [".nq", ".ttl"])
def test_dask_gives_the_bytes_of_a_local_build_on_the_seeds(seeds_dir, tmp_path, scheduler, suffix):
    local, remote = tmp_path / f"local{suffix}", tmp_path / f"dask{suffix}"
    assert run("build", seeds_dir, "--out", local, "--jobs", "1", "--quiet").returncode == 0
    result = run("build", seeds_dir, "--out", remote, "--dask", scheduler, "--quiet")
    assert result.returncode == 0, result.stderr
    assert remote.read_bytes() == local.read_bytes()


def test_dask_store_build_equals_a_local_one(seeds_dir, tmp_path, scheduler):
    exports = []
    for name, extra in (("local", ["--jobs", "1"]), ("dask", ["--dask", scheduler])):
        store = tmp_path / name
        assert run("build", seeds_dir, "--store", store, *extra, "--quiet").returncode == 0
        out = tmp_path / f"{name}.nq"
        assert run("export", "--store", store, "--out", out).returncode == 0
        exports.append(out.read_bytes())
    assert exports[0] == exports[1]


def test_shards_hold_every_quad_of_a_store_build(seeds_dir, tmp_path, scheduler):
    import pyoxigraph

    shards = tmp_path / "shards"
    result = run("build", seeds_dir, "--dask", scheduler, "--shards", shards, "--quiet")
    assert result.returncode == 0, result.stderr
    assert (shards / "ontology.nq").exists() and list(shards.glob("shard-*.nq"))
    store = tmp_path / "store"
    assert run("build", seeds_dir, "--store", store, "--jobs", "1", "--quiet").returncode == 0
    out = tmp_path / "store.nq"
    assert run("export", "--store", store, "--out", out).returncode == 0

    def quads(*paths):  # as a store holds them (literals in canonical form)
        db = pyoxigraph.Store()
        for path in paths:
            db.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS)
        return set(db)

    sharded, exported = quads(*shards.glob("*.nq")), quads(out)
    assert sharded <= exported
    # the store adds only the candidate counts, which need every report
    assert {q for q in exported - sharded if q.graph_name.value != "https://w3id.org/fazhi/graph/candidates"} == set()


def test_a_bad_file_on_dask_is_the_same_one_line_error(tmp_path, seed_files, scheduler):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / seed_files[0].name).write_bytes(seed_files[0].read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    assert_one_line_error(run("build", folder, "--out", tmp_path / "g.nq", "--dask", scheduler, "--quiet"), "empty.txt", "--keep-going")
    assert not (tmp_path / "g.nq").exists()


def test_no_scheduler_is_one_line(tmp_path, seeds_dir):
    assert_one_line_error(run("build", seeds_dir, "--out", tmp_path / "g.nq", "--dask", "tcp://127.0.0.1:9", "--quiet"), "--dask", "no Dask scheduler")
