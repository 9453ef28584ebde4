import xml.etree.ElementTree as ET

from fazhi.graph.diffusion import diffusion_table
from fazhi.viz.diffusion import diffusion_svg


def test_diffusion_svg_is_offline_svg():
    table = diffusion_table([{"region_full": r, "year": y, "status": "adopted"} for r, y in [("甲县", 2021), ("乙县", 2023)]])
    svg = diffusion_svg(table, title="府院联动 <x>")
    root = ET.fromstring(svg)  # well-formed, title escaped
    assert root.tag.endswith("svg")
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert svg.count("<rect") == 3 and "2022" in svg  # the gap year is drawn


def test_diffusion_svg_empty():
    ET.fromstring(diffusion_svg(diffusion_table([])))
