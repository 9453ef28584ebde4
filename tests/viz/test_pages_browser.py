"""The pages in a real headless Chromium (Debian's, driven by Playwright), every network request blocked."""

from __future__ import annotations

from pathlib import Path

import pytest

from fazhi.graph.build import build_dataset
from fazhi.viz.matrix import render_matrix
from fazhi.viz.network import render_network


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
    page.errors = []  # script errors: a page that loads offline must also run
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("window.fazhiReady === true", timeout=30000)
    return page, requests


# kinds come from node ids ("region:辽宁省抚顺市顺城区"), so these checks read any version of the page
SHOWN = "window.fazhiNetwork.body.data.nodes.get().map(n => ({id: n.id, kind: n.id.split(':')[0], faded: !!n.faded, colour: (n.color && n.color.background) || n.color}))"


def node_point(page, node_id):
    """Where vis-network drew a node, in page coordinates."""
    return page.evaluate(
        """(id) => { const n = window.fazhiNetwork; const p = n.getPositions([id])[id];
                     const d = n.canvasToDOM(p); const r = document.getElementById("network").getBoundingClientRect();
                     return {x: d.x + r.left, y: d.y + r.top}; }""",
        node_id,
    )


def choose_mechanism(page, name):
    index = page.evaluate(
        """(name) => [...document.querySelectorAll('#f-mechanism option')].findIndex(o => o.textContent.split(' (')[0] === name)""", name
    )
    assert index > 0
    page.select_option("#f-mechanism", index=index)
    page.wait_for_timeout(300)


def label_boxes(page):
    """Every label on the canvas, in DOM pixels: vis-network's own (if a node has one) and those the page draws,
    each checked against where vis-network put its node."""
    return page.evaluate(
        """() => {
          const net = window.fazhiNetwork, out = [];
          for (const [id, node] of Object.entries(net.body.nodes)) {
            const lm = node.labelModule;
            if (!lm || !lm.elementOptions.label || !net.body.data.nodes.get(id) || !lm.visible()) continue;
            const a = net.canvasToDOM({x: lm.size.left, y: lm.size.top});
            const b = net.canvasToDOM({x: lm.size.left + lm.size.width, y: lm.size.top + lm.size.height});
            out.push({id, text: lm.elementOptions.label, x0: a.x, y0: a.y, x1: b.x, y1: b.y, anchored: true});
          }
          const ctx = document.createElement("canvas").getContext("2d");
          for (const b of (window.fazhiLabelBoxes ? window.fazhiLabelBoxes() : [])) {
            const p = net.canvasToDOM(net.getPositions([b.id])[b.id]);
            ctx.font = '12px "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif';
            const w = ctx.measureText(b.text).width;
            // next to its node: the box's nearest point lies on the node's edge (a few pixels off at most)
            const r = net.body.nodes[b.id].options.size * net.getScale();
            const nx = Math.max(b.x0, Math.min(p.x, b.x1)), ny = Math.max(b.y0, Math.min(p.y, b.y1));
            const gap = Math.hypot(nx - p.x, ny - p.y);
            b.anchored = gap >= r - 1 && gap <= r + 6 && b.x1 - b.x0 >= w;
            out.push(b);
          }
          return out;
        }"""
    )


def overlaps(boxes, tolerance=1.0):
    return [(a["text"], b["text"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["x0"] + tolerance < b["x1"] and b["x0"] + tolerance < a["x1"] and a["y0"] + tolerance < b["y1"] and b["y0"] + tolerance < a["y1"]]


def test_default_view_is_regions_and_mechanisms(browser, pages):
    folder, summary, _ = pages
    page, requests = open_page(browser, folder / "graph.html")
    assert all(url.startswith("file:") for url in requests) and page.errors == []
    shown = page.evaluate(SHOWN)
    assert len(shown) == summary["nodes"]
    assert {n["kind"] for n in shown} == {"region", "mechanism"}
    assert not any(n["faded"] for n in shown)
    # no physics: the page draws at once and nodes stay where Python put them
    assert page.evaluate("window.fazhiNetwork.physics.options.enabled") is False
    page.close()


def test_choosing_a_mechanism_highlights_its_adopters_by_status(browser, pages):
    folder, _, _ = pages
    page, _ = open_page(browser, folder / "graph.html")
    choose_mechanism(page, "府院联动")
    shown = page.evaluate(SHOWN)
    lit = {n["id"] for n in shown if not n["faded"]}
    assert lit == {"mechanism:府院联动", "region:广东省广州市从化区"}
    assert len(shown) - len(lit) > 100  # everything else is still there, faded
    assert next(n for n in shown if n["id"] == "region:广东省广州市从化区")["colour"] == "#2ca02c"  # adopted
    details = page.inner_text("#details")
    assert "first adopters" in details and "广东省广州市从化区" in details
    assert page.locator("#details .diffusion svg").count() == 1
    # a mechanism adopted by some and planned by others: each region in its status's colour
    choose_mechanism(page, "行政执法三项制度")
    colours = {n["id"]: n["colour"] for n in page.evaluate(SHOWN) if not n["faded"] and n["kind"] == "region"}
    assert colours == {"region:广东省广州市从化区": "#2ca02c", "region:黑龙江省哈尔滨市道外区": "#2ca02c", "region:辽宁省抚顺市顺城区": "#2ca02c",
                       "region:北京市石景山区": "#ff7f0e", "region:云南省昆明市禄劝彝族苗族自治县翠华镇": "#ff7f0e"}
    page.close()


def test_search_selects_the_mechanism(browser, pages):
    folder, _, _ = pages
    page, _ = open_page(browser, folder / "graph.html")
    page.fill("#search", "府院联动")
    page.wait_for_timeout(300)
    assert page.evaluate("window.fazhiNetwork.getSelectedNodes()") == ["mechanism:府院联动"]
    assert "found" in page.inner_text("#count")
    assert "府院联动" in page.inner_text("#details")
    page.fill("#search", "顺城")
    page.wait_for_timeout(300)
    assert page.evaluate("window.fazhiNetwork.getSelectedNodes()") == ["region:辽宁省抚顺市顺城区"]
    page.close()


def test_clicking_and_expanding_a_region(browser, pages):
    folder, _, _ = pages
    page, _ = open_page(browser, folder / "graph.html")
    point = node_point(page, "region:辽宁省抚顺市顺城区")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_timeout(300)
    details = page.inner_text("#details")
    assert "顺城区" in details and "000_d1a4c8b9dac7cebb.txt" in details and "most alike" in details
    assert page.locator("#details .evidence").count() > 5
    assert not any(n["kind"] == "measure" for n in page.evaluate(SHOWN))
    # double-click: its measures, bodies and documents appear around it
    point = node_point(page, "region:辽宁省抚顺市顺城区")
    page.mouse.dblclick(point["x"], point["y"])
    page.wait_for_timeout(300)
    shown = page.evaluate(SHOWN)
    measures = [n["id"] for n in shown if n["kind"] == "measure"]
    assert measures and all(m.endswith("(辽宁省抚顺市顺城区)") for m in measures)
    assert {"body", "document"} <= {n["kind"] for n in shown}
    assert overlaps([b for b in label_boxes(page)]) == []
    shot = folder / "network-expanded.png"  # the tracked docs/ screenshots are made by scripts/screenshots.py
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    # and again: collapsed
    point = node_point(page, "region:辽宁省抚顺市顺城区")
    page.mouse.dblclick(point["x"], point["y"])
    page.wait_for_timeout(300)
    assert {n["kind"] for n in page.evaluate(SHOWN)} == {"region", "mechanism"}
    page.close()


def test_labels_of_the_default_view_do_not_overlap(browser, pages):
    folder, _, _ = pages
    page, _ = open_page(browser, folder / "graph.html")
    page.wait_for_timeout(300)
    boxes = label_boxes(page)
    assert len(boxes) >= 20
    assert all(b["anchored"] for b in boxes)
    assert overlaps(boxes) == []
    named = {b["id"] for b in boxes}
    assert {"region:辽宁省抚顺市顺城区", "region:广东省广州市从化区", "region:黑龙江省哈尔滨市道外区", "region:北京市石景山区", "region:云南省昆明市禄劝彝族苗族自治县翠华镇"} <= named
    # zooming in names more nodes (less of the graph is on screen, so count those in view)
    before = len(boxes)
    page.evaluate("window.fazhiNetwork.moveTo({scale: window.fazhiNetwork.getScale() * 2.5, animation: false})")
    page.wait_for_timeout(300)
    zoomed = label_boxes(page)
    assert overlaps(zoomed) == []
    in_view = page.evaluate(
        """() => { const net = window.fazhiNetwork, c = net.canvas.frame.canvas;
                   return net.body.data.nodes.getIds().filter(id => { const p = net.canvasToDOM(net.getPositions([id])[id]);
                     return p.x > 0 && p.y > 0 && p.x < c.clientWidth && p.y < c.clientHeight; }).length; }"""
    )
    assert len(zoomed) / max(in_view, 1) > before / len(page.evaluate(SHOWN))
    page.close()


def test_matrix_page(browser, pages):
    folder, _, summary = pages
    page, requests = open_page(browser, folder / "adoption.html")
    assert all(url.startswith("file:") for url in requests) and page.errors == []
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


@pytest.fixture(scope="module")
def corpus_pages(tmp_path_factory, nlp):
    """200 synthetic reports (bench/corpus.py: the seeds moved to other real counties), as a grouped page,
    and again with large provinces split into cities."""
    import sys

    from fazhi.api import extract_files
    from fazhi.graph.io import union_graph
    from fazhi.viz import network

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from corpus import make_corpus

    folder = tmp_path_factory.mktemp("corpus")
    (folder / "reports").mkdir()
    make_corpus(folder / "reports", 200)
    graph = union_graph(build_dataset(extract_files([folder / "reports"], keep_going=True, skipped=[])))
    grouped = render_network(graph, folder / "grouped.html")
    old = network.SPLIT_ABOVE
    network.SPLIT_ABOVE = 8
    try:
        split = render_network(graph, folder / "split.html")
    finally:
        network.SPLIT_ABOVE = old
    return folder, grouped, split


def test_a_large_graph_is_grouped_by_province(browser, corpus_pages):
    folder, summary, _ = corpus_pages
    assert summary["aggregated"] and summary["regions"] > 100 and summary["groups"] >= 20
    page, requests = open_page(browser, folder / "grouped.html")
    assert all(url.startswith("file:") for url in requests) and page.errors == []
    shown = page.evaluate(SHOWN)
    assert {n["kind"] for n in shown} == {"group", "mechanism"} and len(shown) == summary["nodes"] < 200
    boxes = label_boxes(page)
    assert overlaps(boxes) == [] and all(b["anchored"] for b in boxes)
    groups = [n["id"] for n in shown if n["kind"] == "group"]
    assert len({b["id"] for b in boxes} & set(groups)) >= 0.8 * len(groups)  # the provinces are named
    # drill down: double-click the largest province, its regions take its place
    largest = page.evaluate("window.fazhiNetwork.body.data.nodes.get({filter: n => n.kind === 'group'}).sort((a, b) => b.size - a.size)[0].id")
    point = node_point(page, largest)
    page.mouse.dblclick(point["x"], point["y"])
    page.wait_for_timeout(300)
    shown = page.evaluate(SHOWN)
    assert largest not in {n["id"] for n in shown}
    opened = page.evaluate(f"DATA.nodes.find(n => n.id === {largest!r}).members")
    assert opened and set(opened) <= {n["id"] for n in shown}
    assert overlaps(label_boxes(page)) == []
    page.close()


def test_choosing_a_mechanism_in_a_grouped_page(browser, corpus_pages):
    folder, _, _ = corpus_pages
    page, _ = open_page(browser, folder / "grouped.html")
    choose_mechanism(page, "府院联动")
    shown = page.evaluate(SHOWN)
    lit = {n["id"] for n in shown if not n["faded"]}
    adopters = page.evaluate("""DATA.links.filter(l => DATA.nodes[l[1]].label === '府院联动').map(l => DATA.nodes[l[0]].parent)""")
    assert lit == {"mechanism:府院联动", *adopters}
    # search reaches a region inside a closed group: the group opens and the region is selected
    region = page.evaluate("DATA.nodes.find(n => n.kind === 'region')")
    page.fill("#search", region["label"])
    page.wait_for_timeout(300)
    assert page.evaluate("window.fazhiNetwork.getSelectedNodes()") == [region["id"]]
    page.close()


def test_a_large_province_opens_into_cities(browser, corpus_pages):
    folder, _, split = corpus_pages
    page, _ = open_page(browser, folder / "split.html")
    province = page.evaluate("DATA.nodes.find(n => n.kind === 'group' && n.members[0].startsWith('group:')).id")
    page.evaluate(f"window.fazhiOpen({province!r})")
    page.wait_for_timeout(300)
    shown = {n["id"]: n["kind"] for n in page.evaluate(SHOWN)}
    cities = page.evaluate(f"DATA.nodes.find(n => n.id === {province!r}).members")
    assert all(shown.get(c) == "group" for c in cities) and province not in shown
    page.close()


def test_the_pages_of_serve_work_offline(browser, tmp_path, seeds_dir):
    """``fazhi serve``'s pages, made from a store as serve makes them: the index and every page it links
    open from files in Chromium with every other request blocked, and run without a script error."""
    import re

    from fazhi.api import build_store, plan_store_build
    from fazhi.graph.store import Store
    from fazhi.viz.pages import render_pages

    build_store(plan_store_build([seeds_dir], tmp_path / "store"))
    folder = tmp_path / "pages"
    folder.mkdir()
    render_pages(Store(tmp_path / "store"), folder)
    linked = re.findall(r'href="([^"]+)"', (folder / "index.html").read_text(encoding="utf-8"))
    assert sorted(linked) == ["adoption.html", "map.html", "network.html"]
    for name in ["index.html", *linked]:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        requests, errors = [], []
        page.on("pageerror", lambda e: errors.append(str(e)))

        def route(r):
            requests.append(r.request.url)
            r.continue_() if r.request.url.startswith("file:") else r.abort()

        page.route("**/*", route)
        page.goto((folder / name).as_uri())
        if name != "index.html":
            page.wait_for_function("window.fazhiReady === true", timeout=30000)
        assert requests and all(url.startswith("file:") for url in requests), (name, requests)
        assert errors == [], (name, errors)
        page.close()
