"""Diffusion over time: how many regions adopted a mechanism, year by year.

``diffusion(source, "府院联动")`` answers from a graph file or a store;
``diffusion_table(rows)`` does the counting on plain adoption records
(``region_full``, ``year``, ``status``), so it is tested without a graph.
"""

from __future__ import annotations

from .query import Table, adoption

COLUMNS = ("year", "new_adopters", "cumulative", "first_adopters")


def diffusion_table(rows, status: str = "adopted") -> Table:
    """Per year: regions adopting for the first time, the running total, and who they were.

    A region counts once, in the first year any of its reports gives the
    mechanism ``status``; ``first_adopters`` lists that year's newcomers
    (by full name, sorted, joined with ``;``).
    """
    first: dict[str, int] = {}
    for row in rows:
        if row["status"] != status:
            continue
        year = int(row["year"])
        region = row["region_full"]
        if region not in first or year < first[region]:
            first[region] = year
    by_year: dict[int, list[str]] = {}
    for region, year in first.items():
        by_year.setdefault(year, []).append(region)
    out, total = [], 0
    if by_year:
        for year in range(min(by_year), max(by_year) + 1):  # gap years shown with 0 new adopters
            new = sorted(by_year.get(year, []))
            total += len(new)
            out.append((year, len(new), total, ";".join(new)))
    return Table(COLUMNS, tuple(out))


def diffusion(source, mechanism: str, status: str = "adopted") -> Table:
    """Regions adopting ``mechanism`` (name or alias) per year, cumulative, and the first adopters."""
    return diffusion_table(adoption(source, mechanism=mechanism).records(), status)


PANEL_COLUMNS = ("region", "region_full", "adcode", "level", "year", "mechanism", "status", "first_year")


def panel(source) -> Table:
    """The region × year × mechanism panel for pandas or R, sorted.

    One row per region, report year and mechanism the report names, with its
    status that year and ``first_year``: the first year any report of the
    region gives it ``adopted`` (``None`` if none does). Region-years without
    a mention are not filled in.
    """
    from .query import _run, named_query

    records = _run(source, named_query("panel")).records()
    first: dict[tuple, int] = {}
    for r in records:
        if r["status"] == "adopted":
            key = (r["region_full"], r["mechanism"])
            first[key] = min(int(r["year"]), first.get(key, 10**4))
    rows = sorted(
        {
            (str(r["region"]), str(r["region_full"]), str(r["adcode"]), str(r["level"]), int(r["year"]),
             str(r["mechanism"]), str(r["status"]), first.get((r["region_full"], r["mechanism"])))
            for r in records
        },
        key=lambda row: (row[2], row[4], row[5], row[6]),
    )
    return Table(PANEL_COLUMNS, tuple(rows))
