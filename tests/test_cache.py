"""fazhi.cache: built once, kept between processes, never stale, never in the way."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from fazhi import cache


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def counted(value):
    calls = []

    def make():
        calls.append(1)
        return value

    return make, calls


def test_an_entry_is_built_once_and_read_after(folder, tmp_path):
    source = tmp_path / "table.txt"
    source.write_text("a")
    make, calls = counted({"x": [1, 2]})
    assert cache.cached("thing", [source, "code"], make) == {"x": [1, 2]}
    assert cache.cached("thing", [source, "code"], make) == {"x": [1, 2]}
    assert len(calls) == 1 and len(list(folder.glob("thing-*.pickle"))) == 1


@pytest.mark.parametrize("change", ["file", "code"])
def test_a_changed_input_is_built_again(folder, tmp_path, change):
    source = tmp_path / "table.txt"
    source.write_text("a")
    make, calls = counted(1)
    cache.cached("thing", [source, "code"], make)
    if change == "file":
        source.write_text("b")
    cache.cached("thing", [source, "code v2" if change == "code" else "code"], make)
    assert len(calls) == 2


def test_a_damaged_entry_is_built_again(folder):
    make, calls = counted("value")
    cache.cached("thing", ["in"], make)
    (entry,) = folder.glob("thing-*.pickle")
    entry.write_bytes(entry.read_bytes()[:5])
    assert cache.cached("thing", ["in"], make) == "value" and len(calls) == 2
    assert cache.cached("thing", ["in"], make) == "value" and len(calls) == 2


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(cache.ENV, str(blocker / "cache"))
    make, calls = counted(3)
    assert cache.cached("thing", ["in"], make) == 3 and cache.cached("thing", ["in"], make) == 3
    assert len(calls) == 2


def test_off_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, "off")
    monkeypatch.chdir(tmp_path)
    make, calls = counted(3)
    cache.cached("thing", ["in"], make)
    cache.cached("thing", ["in"], make)
    assert len(calls) == 2 and cache.cache_dir() is None


def test_old_entries_of_a_name_are_pruned(folder):
    for version in range(cache.KEPT + 3):
        cache.cached("thing", [str(version)], lambda: version)
    assert len(list(folder.glob("thing-*.pickle"))) == cache.KEPT
    assert cache.cached("thing", [str(cache.KEPT + 2)], lambda: "rebuilt") == cache.KEPT + 2


def test_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv(cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "fazhi"


def test_the_cached_gazetteer_is_the_one_built(folder):
    """A second process reads the gazetteer the first kept, and it finds what the table gives."""
    from fazhi.extract.regions import _build_gazetteer

    script = (
        "from fazhi.extract.regions import gazetteer\n"
        "g = gazetteer()\n"
        "print(len(g.places), len(g.by_name), len(g.by_short), sorted(p.full_name for p in g.by_name['金平县']))\n"
    )
    env = {**os.environ, cache.ENV: str(folder)}
    first = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True).stdout
    assert len(list(folder.glob("gazetteer-*.pickle"))) == 1
    second = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True).stdout
    built = _build_gazetteer()
    expected = f"{len(built.places)} {len(built.by_name)} {len(built.by_short)} {sorted(p.full_name for p in built.by_name['金平县'])}\n"
    assert first == second == expected
