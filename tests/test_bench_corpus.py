"""The benchmarks' synthetic corpus (bench/corpus.py): every copy a distinct report, at any size."""

from __future__ import annotations

import hashlib

from fazhi.extract import extract_text


def test_copies_beyond_the_counties_of_the_gazetteer_stay_distinct(corpus_module):
    """Four district seeds share about 700 districts: past 3,500 copies a district comes round again,
    in an earlier year, so no copy repeats another's text or its region and year."""
    copies = list(corpus_module.copies(4000))
    assert len({hashlib.sha256(text.encode()).hexdigest() for _, text in copies}) == 4000
    years = {seed: str(extract_text(seed.read_text(encoding="utf-8")).year) for seed, _ in copies[:5]}
    moved = [i for i, (seed, text) in enumerate(copies) if years[seed] not in text]
    assert moved, "no copy had to move to another year"
    seed, text = copies[moved[0]]
    report = extract_text(text)
    assert report.year < int(years[seed])
    county = report.region.county or report.region.name
    same_place = [r for r in (extract_text(t) for _, t in copies[: moved[0]] if county in t)
                  if r.region.full_name == report.region.full_name]
    assert int(years[seed]) in {r.year for r in same_place}  # why it moved
    assert report.year not in {r.year for r in same_place}


def test_no_copy_goes_to_a_development_zone(corpus_module):
    """A copy's short forms are the county's name less its level character (从化 of 从化区); a zone's
    name less its last character names nothing (河北唐山海港经济开发), and such copies were read as
    another place's reports (at 10,000 copies, three as 秦皇岛市海港区's)."""
    counties = corpus_module._counties()
    names = [c.name for c in counties]
    assert "从化区" in names and "河北唐山海港经济开发区" not in names
    assert not [c.name for c in counties if c.is_zone]
    # districts whose names end like a zone's are counties all the same
    assert {"海港区", "沈北新区", "绿园区"} <= set(names)
