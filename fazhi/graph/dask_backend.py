"""``fazhi build --dask ADDRESS``: the reports read on a Dask cluster, with the same per-report function.

A ``dask.bag`` over the files maps ``worker.process_file`` — the function a
``--jobs`` worker process runs — on the cluster's workers; the parts come back
in file order and this process writes them as it does for ``--jobs``, so the
output has the same bytes. ``--shards DIR`` instead has each partition write
its reports' N-Quads where the workers can reach (``write_shards``), for a
cluster whose output is bulk-loaded into Oxigraph or QLever (see the README).
``ADDRESS`` is a scheduler (``tcp://host:8786``) or ``local`` for a
``LocalCluster`` of this machine's cores.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from ..errors import InputError

PARTITION_SIZE = 16  # reports a task reads: enough to hide the scheduling, few enough to balance


def _require():
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise InputError("--dask needs Dask: pip install 'fazhi[dask]'") from None


@contextmanager
def client(address: str):
    """A ``distributed.Client`` for ``address`` (``local``: a LocalCluster of this machine's cores)."""
    _require()
    from distributed import Client, LocalCluster

    if address == "local":
        with LocalCluster(processes=True, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster) as c:
            yield c
        return
    try:
        c = Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"--dask {address}: no Dask scheduler answers there ({' '.join(str(exc).split())[:160]})") from None
    try:
        yield c
    finally:
        c.close()


def dask_parts(paths, settings, address: str):
    """``Part``s of ``paths`` in their order, computed on the cluster at ``address``."""
    import dask.bag as db

    from .worker import process_file

    paths = [str(p) for p in paths]
    if not paths:
        return
    with client(address) as c:
        bag = db.from_sequence(paths, partition_size=PARTITION_SIZE).map(process_file, settings)
        futures = c.compute(bag.to_delayed())
        for future in futures:  # in file order; the cluster works ahead
            yield from future.result()
            future.release()


def write_shards(paths, settings, address: str, folder: str | Path) -> list[dict]:
    """Each partition of ``paths`` written by a worker as ``folder/shard-NNNNN.nq``; one summary per shard.

    A shard holds its reports' graphs (N-Quads, one named graph a report, entity
    triples in the entities graph) and nothing else; reports that could not be
    read or do not validate are listed in the summary, not written.
    """
    from dask import delayed

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [str(p) for p in paths]
    partitions = [paths[i : i + PARTITION_SIZE] for i in range(0, len(paths), PARTITION_SIZE)]
    with client(address) as c:
        tasks = [delayed(shard)(chunk, settings, str(folder / f"shard-{i:05d}.nq")) for i, chunk in enumerate(partitions)]
        return list(c.gather(c.compute(tasks)))


def shard(paths: list[str], settings, out: str) -> dict:
    """Read ``paths`` and write their graphs to ``out`` (atomically); what was written and what was not."""
    import os

    from .worker import process_file

    written, errors, invalid = [], [], []
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        for path in paths:
            part = process_file(path, settings)
            if part.error is not None:
                errors.append(part.error)
            elif part.violations:
                invalid.append(f"{path}: " + "; ".join(part.violations[:3]))
            else:
                handle.write(part.text if part.text.endswith("\n") else part.text + "\n")
                written.append(path)
    os.replace(tmp, out)
    return {"shard": out, "reports": written, "errors": errors, "invalid": invalid}
