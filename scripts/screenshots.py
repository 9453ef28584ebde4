"""Make the screenshots in docs/ from the seeds, in Debian's Chromium (the tests never write docs/).

    .venv/bin/python scripts/screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from fazhi.api import extract_files
    from fazhi.graph.build import build_dataset
    from fazhi.viz.map import render_map
    from fazhi.viz.matrix import render_matrix
    from fazhi.viz.network import render_network

    ds = build_dataset(extract_files([ROOT / "seeds"]))
    args.out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        folder = Path(tmp)
        render_network(ds, folder / "graph.html")
        render_matrix(ds, folder / "adoption.html")
        render_map(ds, folder / "map.html", mechanism="府院联动")
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=ARGS)
        shots = (("graph.html", "network.png", False), ("adoption.html", "adoption.png", True), ("map.html", "map.png", False))
        for name, shot, full in shots:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page.goto((folder / name).as_uri())
            page.wait_for_function("window.fazhiReady === true", timeout=30000)
            if name == "map.html":  # the evidence of the one adopter shown beside the map
                page.locator('circle[data-name="广东省广州市从化区"]').click()
            page.wait_for_timeout(500)
            page.screenshot(path=str(args.out / shot), full_page=full)
            print(args.out / shot)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
