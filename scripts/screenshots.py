"""Make the screenshots in docs/ in Debian's Chromium (the tests never write docs/).

    .venv/bin/python scripts/screenshots.py [--out docs]

adoption.png: the matrix of the seeds; network-seeds.png: the seeds' network with
府院联动 chosen (its adopters highlighted, the rest faded); network-200.png: the network
of 200 synthetic reports (bench/corpus.py), regions grouped by province; diffusion.png: the
diffusion chart and first adopters (the network page's side panel) of the mechanism of those 200
reports adopted in the most years (then by the most regions); map.png: the seeds' map, 府院联动.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


def choose_mechanism(page, name: str) -> None:
    index = page.evaluate(
        "(name) => [...document.querySelectorAll('#f-mechanism option')].findIndex(o => o.textContent.split(' (')[0] === name)", name
    )
    page.select_option("#f-mechanism", index=index)


def most_spread(ds) -> str:
    """The mechanism adopted in the most years, then by the most regions (then by name): the readable diffusion."""
    from fazhi.graph.query import adoption

    by: dict[str, set] = {}
    for row in adoption(ds, status="adopted").records():
        by.setdefault(row["mechanism"], set()).add((row["region_full"], row["year"]))
    return min(by, key=lambda m: (-len({y for _, y in by[m]}), -len({r for r, _ in by[m]}), m))


def diffusion_box(page) -> dict:
    """The side panel from its 扩散 diffusion heading to the last first-adopters line, in page pixels."""
    return page.evaluate(
        """() => { const box = document.getElementById("details"), kids = [...box.children];
                   const start = kids.findIndex(el => el.tagName === "H3" && el.textContent.startsWith("扩散"));
                   kids[start].scrollIntoView();  // the panel scrolls: bring the chart to its top
                   let end = kids.findIndex((el, i) => i > start + 2 && el.tagName !== "DIV");
                   if (end < 0) end = kids.length;
                   const top = kids[start].getBoundingClientRect(), bottom = kids[end - 1].getBoundingClientRect();
                   const side = box.getBoundingClientRect();
                   return {x: side.left - 8, y: top.top + window.scrollY - 6, width: side.width + 16, height: bottom.bottom - top.top + 12}; }"""
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--reports", type=int, default=200, help="synthetic reports for network-200.png")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from fazhi.api import extract_files
    from fazhi.graph.build import build_dataset
    from fazhi.viz.map import render_map
    from fazhi.viz.matrix import render_matrix
    from fazhi.viz.network import render_network

    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import make_corpus

    ds = build_dataset(extract_files([ROOT / "seeds"]))
    args.out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        folder = Path(tmp)
        render_network(ds, folder / "graph.html")
        render_matrix(ds, folder / "adoption.html")
        render_map(ds, folder / "map.html", mechanism="府院联动")
        (folder / "corpus").mkdir()
        make_corpus(folder / "corpus", args.reports)
        ds200 = build_dataset(extract_files([folder / "corpus"], keep_going=True, skipped=[]))
        render_network(ds200, folder / "graph-200.html")
        spread = most_spread(ds200)
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=ARGS)
        shots = (
            ("graph.html", "network-seeds.png", False, lambda page: choose_mechanism(page, "府院联动")),
            ("graph-200.html", "network-200.png", False, None),
            # only the chart and its first adopters, at twice the pixels so the chart's figures read well
            ("graph-200.html", "diffusion.png", diffusion_box, lambda page: choose_mechanism(page, spread)),
            ("adoption.html", "adoption.png", True, None),
            # the evidence of the one adopter shown beside the map
            ("map.html", "map.png", False, lambda page: page.locator('circle[data-name="广东省广州市从化区"]').click()),
        )
        for name, shot, full, action in shots:
            scale = 2 if callable(full) else 1
            page = browser.new_page(viewport={"width": 1400, "height": 900}, device_scale_factor=scale)
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page.goto((folder / name).as_uri())
            page.wait_for_function("window.fazhiReady === true", timeout=60000)
            if action:
                action(page)
            page.wait_for_timeout(500)
            if callable(full):
                page.screenshot(path=str(args.out / shot), clip=full(page))
            else:
                page.screenshot(path=str(args.out / shot), full_page=full)
            print(args.out / shot)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
