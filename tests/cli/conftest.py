"""Fixtures the CLI tests share."""

from __future__ import annotations

import pytest

from cli_helpers import run


@pytest.fixture(scope="session")
def seeds_ttl(tmp_path_factory, seeds_dir):
    """The seeds built into a Turtle file once, by the command a user runs; tests only read it."""
    out = tmp_path_factory.mktemp("seeds-ttl") / "seeds.ttl"
    result = run("build", seeds_dir, "--out", out, "--quiet")
    assert result.returncode == 0, result.stderr
    return out
