"""Objects that take long to build from files, kept between runs in the user's cache folder.

Every fazhi process that reads a report needs the national gazetteer, and
building it from jionlp's table takes about half a second — a quarter of a
command's start. ``cached(name, inputs, make)`` builds the object once and
keeps it pickled under a key made of everything it is made from: the bytes of
``inputs`` (files or strings, e.g. the source of the code that builds it), the
fazhi version and the Python version. A changed input is a new key, so an old
entry is never used for new data.

The folder is ``$FAZHI_CACHE_DIR``, else ``$XDG_CACHE_HOME/fazhi``, else
``~/.cache/fazhi``; ``FAZHI_CACHE_DIR=off`` keeps nothing. A folder that cannot
be written, or an entry that cannot be read, costs only the time to build: the
object is built as if there were no cache. Entries are written to a temporary
file and renamed, so processes building side by side never read a half-written
one. Of one name's entries (one per version of its inputs) the newest few are kept.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TypeVar

ENV = "FAZHI_CACHE_DIR"
T = TypeVar("T")


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is off."""
    chosen = os.environ.get(ENV)
    if chosen:
        return None if chosen.strip().lower() in ("off", "0", "none") else Path(chosen).expanduser()
    home = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(home) / "fazhi"


def key(name: str, inputs: Iterable[Path | str | bytes]) -> str:
    """The entry's key: a digest of ``name``, the versions and every input's bytes."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256(name.encode())
    try:
        digest.update(version("fazhi").encode())
    except PackageNotFoundError:
        pass
    digest.update(sys.version.encode())
    for item in inputs:
        if isinstance(item, Path):
            data = item.read_bytes()
        elif isinstance(item, str):
            data = item.encode("utf-8")
        else:
            data = item
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:32]


def cached(name: str, inputs: Iterable[Path | str | bytes], make: Callable[[], T]) -> T:
    """``make()``'s result, from the cache when an entry for these inputs is there, else built and kept."""
    folder = cache_dir()
    if folder is None:
        return make()
    path = folder / f"{name}-{key(name, inputs)}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # none yet, or one cut short or damaged: built (again)
        pass
    value = make()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _prune(folder, name)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a folder that cannot be written: no cache, same result
    return value


KEPT = 4  # entries of one name kept (e.g. two installed versions side by side, or a developer's edits)


def _prune(folder: Path, name: str) -> None:
    """Remove all but the ``KEPT - 1`` newest entries of ``name``, making room for the one being written."""
    entries = []
    for path in folder.glob(f"{name}-*.pickle"):
        try:
            entries.append((path.stat().st_mtime, path))
        except OSError:
            pass
    for _, path in sorted(entries, reverse=True)[KEPT - 1:]:
        path.unlink(missing_ok=True)
