"""Make the screenshots in docs/ in Debian's Chromium (the tests never write docs/).

    .venv/bin/python scripts/screenshots.py [--out docs]

adoption.png: the matrix of the seeds; network-seeds.png: the seeds' network with
府院联动 chosen (its adopters highlighted, the rest faded); network-200.png: the network
of 200 synthetic reports (bench/corpus.py), regions grouped by province.
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
        render_network(build_dataset(extract_files([folder / "corpus"], keep_going=True, skipped=[])), folder / "graph-200.html")
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=ARGS)
        shots = (
            ("graph.html", "network-seeds.png", False, lambda page: choose_mechanism(page, "府院联动")),
            ("graph-200.html", "network-200.png", False, None),
            ("adoption.html", "adoption.png", True, None),
            # the evidence of the one adopter shown beside the map
            ("map.html", "map.png", False, lambda page: page.locator('circle[data-name="广东省广州市从化区"]').click()),
        )
        for name, shot, full, action in shots:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page.goto((folder / name).as_uri())
            page.wait_for_function("window.fazhiReady === true", timeout=60000)
            if action:
                action(page)
            page.wait_for_timeout(500)
            page.screenshot(path=str(args.out / shot), full_page=full)
            print(args.out / shot)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
