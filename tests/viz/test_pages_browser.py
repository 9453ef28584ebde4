"""The pages in a real headless Chromium (Debian's, driven by Playwright), every network request blocked."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from fazhi.graph.build import build_dataset
from fazhi.viz.matrix import render_matrix
from fazhi.viz.network import render_network

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip("Debian's chromium is not installed (scripts/setup.sh installs it)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield b
        b.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory, seed_reports):
    folder = tmp_path_factory.mktemp("pages")
    ds = build_dataset(list(seed_reports.values()))
    network = render_network(ds, folder / "graph.html")
    matrix = render_matrix(ds, folder / "adoption.html")
    return folder, network, matrix


def open_page(browser, path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests = []

    def route(r):
        requests.append(r.request.url)
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_function("window.fazhiReady === true", timeout=30000)
    return page, requests


def test_network_page(browser, pages):
    folder, summary, _ = pages
    page, requests = open_page(browser, folder / "graph.html")
    assert all(url.startswith("file:") for url in requests)
    assert page.evaluate("window.fazhiNetwork.body.data.nodes.length") == summary["nodes"]
    # search finds 府院联动
    page.fill("#search", "府院联动")
    page.wait_for_timeout(300)
    assert "found" in page.inner_text("#count")
    assert "府院联动" in page.inner_text("#details")
    # clicking a region (on the canvas, where vis-network drew it) shows its evidence sentences;
    # only regions are left visible first, so nothing else lies on top of it
    page.fill("#search", "")
    page.wait_for_function("window.fazhiStable === true", timeout=30000)
    for kind in ("mechanism", "body", "measure", "document"):
        page.uncheck(f'#kinds input[data-kind="{kind}"]')
    page.evaluate("window.fazhiNetwork.fit({animation: false})")
    page.wait_for_timeout(300)
    point = page.evaluate(
        """() => { const n = window.fazhiNetwork; const p = n.getPositions(["region:顺城区"])["region:顺城区"];
                   const d = n.canvasToDOM(p); const r = document.getElementById("network").getBoundingClientRect();
                   return {x: d.x + r.left, y: d.y + r.top}; }"""
    )
    page.mouse.click(point["x"], point["y"])
    page.wait_for_timeout(300)
    details = page.inner_text("#details")
    assert "顺城区" in details and "000_d1a4c8b9dac7cebb.txt" in details
    assert page.locator("#details .evidence").count() > 5
    assert "most alike" in details
    for kind in ("mechanism", "body", "measure", "document"):
        page.check(f'#kinds input[data-kind="{kind}"]')
    page.wait_for_timeout(300)
    shot = folder / "network.png"  # the tracked docs/ screenshots are made by scripts/screenshots.py
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    page.close()


def test_matrix_page(browser, pages):
    folder, _, summary = pages
    page, requests = open_page(browser, folder / "adoption.html")
    assert all(url.startswith("file:") for url in requests)
    cell = page.locator('td.cell[data-region="顺城区"][data-mechanism="行政执法三项制度"]')
    assert cell.get_attribute("data-status") == "adopted"
    assert page.locator("tr:has(th.region) >> nth=1").count() == 1
    assert page.locator("th.mech").count() == summary["columns"]
    # sorting by a mechanism puts its adopters first
    page.locator('th.mech[title^="府院联动"]').click()
    first = page.locator("table tr").nth(2).locator("th.region").inner_text()
    assert first.startswith("从化区")
    shot = folder / "adoption.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    page.close()


def test_matrix_headers_are_readable_and_candidates_come_last(browser, pages):
    folder, _, _ = pages
    page, _ = open_page(browser, folder / "adoption.html")
    # every header's count sits below its name, not over it
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('th.mech')].map(th => {
            const name = th.querySelector('.name').getBoundingClientRect();
            const n = th.querySelector('.n').getBoundingClientRect();
            return [name.bottom, n.top, name.height];
        })"""
    )
    assert boxes and all(n_top >= name_bottom - 0.5 and height > 0 for name_bottom, n_top, height in boxes)
    # the vocabulary's categories first, the unlisted candidates last
    groups = page.evaluate("() => [...document.querySelectorAll('tr')[0].querySelectorAll('th')].map(th => th.innerText.trim()).filter(t => t)")
    assert groups[-1].startswith("候选机制"), groups
    page.close()
