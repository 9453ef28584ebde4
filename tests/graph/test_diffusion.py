import pytest

from fazhi.graph.diffusion import diffusion_table


def rows(*triples):
    return [{"region_full": r, "year": y, "status": s} for r, y, s in triples]


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        ([], ()),
        (rows(("甲县", 2021, "adopted")), ((2021, 1, 1, "甲县"),)),
        # a region counts once, in its first adopting year; other statuses are ignored
        (
            rows(("甲县", 2022, "adopted"), ("甲县", 2021, "adopted"), ("乙县", 2021, "planned"), ("乙县", 2023, "adopted")),
            ((2021, 1, 1, "甲县"), (2022, 0, 1, ""), (2023, 1, 2, "乙县")),
        ),
        (rows(("乙县", 2020, "adopted"), ("甲县", 2020, "adopted")), ((2020, 2, 2, "乙县;甲县"),)),
    ],
)
def test_diffusion_table(records, expected):
    table = diffusion_table(records)
    assert table.columns == ("year", "new_adopters", "cumulative", "first_adopters")
    assert table.rows == expected


def test_diffusion_of_planned():
    assert diffusion_table(rows(("甲县", 2021, "planned")), status="planned").rows == ((2021, 1, 1, "甲县"),)


@pytest.fixture(scope="module")
def seeds_graph(seed_reports):
    from fazhi.graph.build import build_dataset

    return build_dataset(list(seed_reports.values()))


def test_diffusion_on_seeds(seeds_graph):
    from fazhi.graph.diffusion import diffusion

    assert diffusion(seeds_graph, "府院联动").rows == ((2024, 1, 1, "广东省广州市从化区"),)


def test_panel_on_seeds(seeds_graph):
    from fazhi.graph.diffusion import PANEL_COLUMNS, panel

    table = panel(seeds_graph)
    assert table.columns == PANEL_COLUMNS == ("region", "region_full", "adcode", "level", "year", "mechanism", "status", "first_year")
    rows = table.records()
    assert {"region": "从化区", "region_full": "广东省广州市从化区", "adcode": "440117", "level": "district", "year": 2024,
            "mechanism": "府院联动", "status": "adopted", "first_year": 2024} in rows
    assert all(r["first_year"] is None or r["status"] != "adopted" or r["first_year"] <= r["year"] for r in rows)
