"""``fazhi ask diffusion`` and ``fazhi ask panel`` as a user runs them."""

from __future__ import annotations

import csv
import io


from cli_helpers import assert_one_line_error, run


def test_ask_diffusion_csv(seeds_ttl):
    result = run("ask", "diffusion", "府院联动", "--graph", seeds_ttl, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert list(csv.DictReader(io.StringIO(result.stdout))) == [
        {"year": "2024", "new_adopters": "1", "cumulative": "1", "first_adopters": "广东省广州市从化区"}
    ]


def test_ask_diffusion_unknown_mechanism(seeds_ttl):
    assert_one_line_error(run("ask", "diffusion", "没有这个机制", "--graph", seeds_ttl), "没有这个机制")


def test_ask_panel_csv(seeds_ttl):
    result = run("ask", "panel", "--graph", seeds_ttl, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "region,region_full,adcode,level,year,mechanism,status,first_year"
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"region": "从化区", "region_full": "广东省广州市从化区", "adcode": "440117", "level": "district",
            "year": "2024", "mechanism": "府院联动", "status": "adopted", "first_year": "2024"} in rows
