"""satimpact:greenratio and the green models, on real Sentinel-2 scenes from ../shared/data.

Reference figures are computed here independently: NDVI and the cloud rule with numpy on
the whole (small) scene, pixel areas as geodesic polygons with pyproj.Geod, zone membership
with shapely's point-in-polygon on pixel centres.
"""

from __future__ import annotations

import glob
import os

import numpy as np
import pytest
import rasterio
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterRasterLayer,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt, QVariant

from ..engine.test_green import JUNE
from conftest import data_path, null_to_none

DECEMBER = "S2A_MSIL2A_20171221T112501_56_35"
FEBRUARY = "S2B_MSIL2A_20180204T94161_57_38"
SEPTEMBER = "S2B_MSIL2A_20170924T93020_69_24"


# --- fixtures and independent reference ------------------------------------------------------------------


@pytest.fixture(scope="module")
def s2_patches(tmp_path_factory) -> dict[str, str]:
    """Every BigEarthNet S2 patch stacked into one GeoTIFF that keeps the product name."""
    from satimpact.engine.stack import stack_bigearthnet_s2

    folder = data_path("bigearthnet", "S2")
    out = tmp_path_factory.mktemp("stacks")
    stacks = {}
    for patch in sorted(glob.glob(str(folder / "S2*_MSIL2A_*"))):
        path = stack_bigearthnet_s2(patch, str(out))
        stacks[os.path.splitext(os.path.basename(path))[0]] = path
    assert len(stacks) == 6
    return stacks


class LogFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings: list[str] = []
        self.infos: list[str] = []

    def pushWarning(self, text):
        self.warnings.append(text)
        super().pushWarning(text)

    def pushInfo(self, text):
        self.infos.append(text)
        super().pushInfo(text)


def reference(path: str) -> dict[str, np.ndarray]:
    """NDVI > 0.2 mask, clear-pixel mask and geodesic pixel areas, straight from the file."""
    from pyproj import Geod, Transformer

    with rasterio.open(path) as ds:
        names = [(d or "").upper().replace("B0", "B") for d in ds.descriptions]
        band = {n: ds.read(names.index(n) + 1).astype(np.float64) for n in ("B2", "B3", "B4", "B8", "B11")}
        nodata = ds.nodata
        t = ds.transform
        crs = ds.crs
        h, w = ds.height, ds.width
    red, nir, blue, green, swir = band["B4"], band["B8"], band["B2"], band["B3"], band["B11"]
    valid = np.ones((h, w), dtype=bool)
    if nodata is not None:
        valid &= (red != nodata) & (nir != nodata)
    bright = blue / 10000.0 > 0.2
    ndsi = (green - swir) / np.where(green + swir == 0, 1, green + swir)
    cloud = bright & (ndsi < 0.4)
    clear = valid & ~cloud
    ndvi = (nir - red) / np.where(nir + red == 0, 1, nir + red)
    # water never counts as green: MNDWI > 0, or NIR reflectance below 3 % (dark water)
    mndwi = (green - swir) / np.where(green + swir == 0, 1, green + swir)
    water = clear & ((mndwi > 0) | (nir / 10000.0 < 0.03))
    veg = clear & (ndvi > 0.2) & ~water
    # Geodesic area of every pixel: its four corners as a polygon on the WGS 84 ellipsoid.
    geod = Geod(ellps="WGS84")
    to_ll = Transformer.from_crs(crs.to_wkt(), "EPSG:4326", always_xy=True)
    cols, rows = np.meshgrid(np.arange(w + 1), np.arange(h + 1))
    xs, ys = t * (cols, rows)
    lon, lat = to_ll.transform(xs, ys)
    lon, lat = np.asarray(lon), np.asarray(lat)
    area = np.empty((h, w))
    if crs.to_epsg() == 4326:
        # The area of a lon/lat pixel depends on its row only.
        for r in range(h):
            a, _ = geod.polygon_area_perimeter(
                [lon[r, 0], lon[r, 1], lon[r + 1, 1], lon[r + 1, 0]],
                [lat[r, 0], lat[r, 1], lat[r + 1, 1], lat[r + 1, 0]],
            )
            area[r, :] = abs(a)
    else:
        for r in range(h):
            for c in range(w):
                a, _ = geod.polygon_area_perimeter(
                    [lon[r, c], lon[r, c + 1], lon[r + 1, c + 1], lon[r + 1, c]],
                    [lat[r, c], lat[r, c + 1], lat[r + 1, c + 1], lat[r + 1, c]],
                )
                area[r, c] = abs(a)
    cx, cy = t * (np.arange(w)[None, :] + 0.5, np.arange(h)[:, None] + 0.5)
    return {
        "veg": veg,
        "water": water,
        "clear": clear,
        "cloud": valid & cloud,
        "area": area,
        "cx": np.broadcast_to(cx, (h, w)).copy(),
        "cy": np.broadcast_to(cy, (h, w)).copy(),
    }


def features_of(path: str) -> list[dict]:
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid(), path
    out = []
    for f in layer.getFeatures():
        row = {name: f[name] for name in layer.fields().names()}
        row["_geometry"] = f.geometry()
        out.append(row)
    return out


def is_null(value) -> bool:
    return null_to_none(value) is None or str(value) == "NULL"


def zones_layer(crs: str, rings: list[list[tuple[float, float]]], populations=None) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Polygon?crs={crs}", "zones", "memory")
    fields = [QgsField("name", QVariant.String)]
    if populations is not None:
        fields.append(QgsField("pop", QVariant.Double))
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    feats = []
    for k, ring in enumerate(rings):
        f = QgsFeature(layer.fields())
        wkt = "POLYGON((" + ", ".join(f"{x!r} {y!r}" for x, y in ring + [ring[0]]) + "))"
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        attrs = [f"zone{k}"]
        if populations is not None:
            attrs.append(populations[k])
        f.setAttributes(attrs)
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


# --- figures against an independent computation --------------------------------------------------------


def test_zone_figures_match_independent_computation_on_epsg4326_chip(run_alg, s2_chip, tmp_path):
    """Sen1Floods11 S2 chip (EPSG:4326): per-zone areas and ratios vs geodesic pixel areas + shapely."""
    from shapely.geometry import Polygon
    from shapely.vectorized import contains

    with rasterio.open(s2_chip) as ds:
        left, bottom, right, top = ds.bounds
    wx, hy = right - left, top - bottom
    rings = [
        [
            (left + 0.1 * wx, top - 0.1 * hy),
            (left + 0.45 * wx, top - 0.1 * hy),
            (left + 0.45 * wx, top - 0.5 * hy),
            (left + 0.1 * wx, top - 0.5 * hy),
        ],
        [
            (left + 0.3 * wx, bottom + 0.05 * hy),
            (right - 0.1 * wx, bottom + 0.3 * hy),
            (left + 0.6 * wx, top - 0.2 * hy),
        ],
        # half outside the chip: only the pixels inside count, valid_fraction about one half
        [
            (right - 0.2 * wx, top - 0.3 * hy),
            (right + 0.2 * wx, top - 0.3 * hy),
            (right + 0.2 * wx, top - 0.6 * hy),
            (right - 0.2 * wx, top - 0.6 * hy),
        ],
        # the whole chip
        [(left, top), (right, top), (right, bottom), (left, bottom)],
    ]
    layer = zones_layer("EPSG:4326", rings)
    out = tmp_path / "zones.gpkg"
    result = run_alg(
        "satimpact:greenratio",
        {"INPUT": str(s2_chip), "ZONES": layer, "OUTPUT": str(out), "MODEL": "green_ndvi"},
    )
    assert result["MODEL_USED"] == "green_ndvi"
    got = sorted(features_of(result["OUTPUT"]), key=lambda r: r["name"])
    ref = reference(str(s2_chip))
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    for k, ring in enumerate(rings):
        poly = Polygon(ring)
        inside = contains(poly, ref["cx"], ref["cy"])
        green = ref["area"][inside & ref["veg"]].sum()
        valid = ref["area"][inside & ref["clear"]].sum()
        row = got[k]
        assert row["green_area_m2"] == pytest.approx(green, rel=2e-4), k
        assert row["valid_area_m2"] == pytest.approx(valid, rel=2e-4), k
        assert row["green_ratio"] == pytest.approx(green / valid, abs=2e-4), k
        assert row["cloud_area_m2"] == pytest.approx(ref["area"][inside & ref["cloud"]].sum(), rel=2e-3, abs=1.0)
        assert row["water_area_m2"] == pytest.approx(ref["area"][inside & ref["water"]].sum(), rel=2e-4, abs=1.0)
        zone_area = abs(geod.geometry_area_perimeter(poly)[0])
        assert row["zone_area_m2"] == pytest.approx(zone_area, rel=2e-3), k
        assert row["valid_fraction"] == pytest.approx(min(1.0, valid / zone_area), abs=2e-3), k
    # The whole chip: 20.3 km2 of true area; a naive 10 m x 10 m per pixel would say 26.2 km2.
    whole = got[3]
    total = whole["valid_area_m2"] + whole["cloud_area_m2"]
    assert total == pytest.approx(ref["area"].sum(), rel=1e-4)
    assert 20.0e6 < total < 20.8e6
    # flood water (28 % of the chip) no longer counts as green: 0.40-0.50 before the water rule
    assert 0.30 < whole["green_ratio"] < 0.40
    assert got[2]["valid_fraction"] == pytest.approx(0.5, abs=0.02)


def test_grid_cells_on_utm_patch_match_numpy(run_alg, s2_patches, tmp_path):
    """600 m cells on a UTM patch: four cells of 60 x 60 pixels, true areas (UTM scale factor removed)."""
    path = s2_patches[JUNE[0]]
    out = tmp_path / "grid.gpkg"
    result = run_alg("satimpact:greenratio", {"INPUT": path, "CELL_SIZE": 600, "OUTPUT": str(out)})
    rows = features_of(result["OUTPUT"])
    assert len(rows) == 4
    ref = reference(path)
    with rasterio.open(path) as ds:
        assert ds.crs.to_epsg() == 32633
    for row in rows:
        r0, c0 = 60 * row["row"], 60 * row["col"]
        sl = (slice(r0, r0 + 60), slice(c0, c0 + 60))
        green = ref["area"][sl][ref["veg"][sl]].sum()
        valid = ref["area"][sl][ref["clear"][sl]].sum()
        assert row["green_area_m2"] == pytest.approx(green, rel=1e-4)
        assert row["valid_area_m2"] == pytest.approx(valid, rel=1e-4)
        assert row["green_ratio"] == pytest.approx(green / valid, abs=1e-4)
        # 600 m x 600 m of UTM grid is 360 000 m2 / k^2: k < 1 near the central meridian.
        assert 360_000 < row["zone_area_m2"] < 360_500
        bounds = row["_geometry"].boundingBox()
        assert bounds.width() == pytest.approx(600) and bounds.height() == pytest.approx(600)
        assert bounds.xMinimum() % 600 == pytest.approx(0)


def test_epsg4326_grid_is_metric(run_alg, s2_chip, tmp_path):
    """Default 1000 m cells over an EPSG:4326 raster are laid out in the scene's UTM zone."""
    out = tmp_path / "grid4326.gpkg"
    result = run_alg("satimpact:greenratio", {"INPUT": str(s2_chip), "OUTPUT": str(out)})
    layer = QgsVectorLayer(result["OUTPUT"], "g", "ogr")
    assert layer.crs().authid() == "EPSG:32630"
    rows = features_of(result["OUTPUT"])
    ref = reference(str(s2_chip))
    assert sum(r["valid_area_m2"] + r["cloud_area_m2"] for r in rows) == pytest.approx(ref["area"].sum(), rel=1e-4)
    assert sum(r["green_area_m2"] for r in rows) == pytest.approx(ref["area"][ref["veg"]].sum(), rel=1e-4)
    full = [r for r in rows if r["valid_fraction"] > 0.99]
    assert full, "some 1 km cells lie wholly inside the chip"
    for r in full:
        assert r["zone_area_m2"] == pytest.approx(1e6, rel=2e-3)
        assert r["valid_area_m2"] + r["cloud_area_m2"] == pytest.approx(1e6, rel=0.02)


def test_web_mercator_input_gets_true_areas_and_a_utm_grid(run_alg, s2_patches, tmp_path):
    """A June patch warped to EPSG:3857, whose 'metres' are 1.5 true metres at 48 N."""
    from rasterio.warp import Resampling, calculate_default_transform, reproject

    src = s2_patches[JUNE[0]]
    merc = tmp_path / "S2A_MSIL2A_20170613T101031_87_48_3857.tif"
    with rasterio.open(src) as ds:
        transform, width, height = calculate_default_transform(ds.crs, "EPSG:3857", ds.width, ds.height, *ds.bounds)
        profile = ds.profile
        profile.update(crs="EPSG:3857", transform=transform, width=width, height=height, nodata=0)
        with rasterio.open(merc, "w", **profile) as out:
            for k in range(1, ds.count + 1):
                reproject(
                    rasterio.band(ds, k),
                    rasterio.band(out, k),
                    dst_transform=transform,
                    dst_crs="EPSG:3857",
                    resampling=Resampling.nearest,
                    dst_nodata=0,
                )
                out.set_band_description(k, ds.descriptions[k - 1])
    res = run_alg("satimpact:greenratio", {"INPUT": str(merc), "OUTPUT": str(tmp_path / "merc.gpkg")})
    assert QgsVectorLayer(res["OUTPUT"], "g", "ogr").crs().authid() == "EPSG:32633"
    rows = features_of(res["OUTPUT"])
    covered = sum(r["valid_area_m2"] + r["cloud_area_m2"] for r in rows)
    true_patch = reference(src)["area"].sum()  # 1.4408 km2
    assert covered == pytest.approx(true_patch, rel=0.01)
    with rasterio.open(merc) as ds:
        naive = abs(ds.transform.a * ds.transform.e) * (ds.read(4) != 0).sum()
    assert naive > 2.0 * true_patch  # what Web Mercator units would have said
    direct = run_alg("satimpact:greenratio", {"INPUT": src, "OUTPUT": str(tmp_path / "utm.gpkg")})
    assert res["GREEN_RATIO"] == pytest.approx(direct["GREEN_RATIO"], abs=0.01)


def test_nodata_counts_in_neither_area(run_alg, s2_patches, tmp_path):
    """Synthetic edge case next to the real one: a block of nodata on a real patch."""
    src = s2_patches[JUNE[1]]
    path = tmp_path / "S2A_MSIL2A_20170617T113321_holes.tif"
    with rasterio.open(src) as ds:
        profile = ds.profile
        data = ds.read()
        descriptions = ds.descriptions
        tags = ds.tags()
    data[:, 20:80, 10:50] = 0
    write_with_nodata(path, profile, data, descriptions, tags)
    whole = [[(-1e7, 1e7), (1e7, 1e7), (1e7, -1e7), (-1e7, -1e7)]]
    with rasterio.open(path) as ds:
        crs = ds.crs.to_string()
    res = run_alg(
        "satimpact:greenratio",
        {"INPUT": str(path), "ZONES": zones_layer(crs, whole), "OUTPUT": str(tmp_path / "holes.gpkg")},
    )
    row = features_of(res["OUTPUT"])[0]
    ref = reference(str(path))
    assert not ref["clear"][20:80, 10:50].any()
    assert row["valid_area_m2"] == pytest.approx(ref["area"][ref["clear"]].sum(), rel=1e-4)
    assert row["green_area_m2"] == pytest.approx(ref["area"][ref["veg"]].sum(), rel=1e-4)
    assert row["valid_area_m2"] < 0.87 * 1.44e6


def patch_with_unseen_cells(src: str, folder) -> str:
    """Synthetic edge case on a real patch (600 m cells of 60 x 60 pixels): its top-left cell
    nodata, its top-right cell under cloud (blue reflectance 0.3, NDSI 0: cloud, not snow)."""
    path = os.path.join(str(folder), os.path.basename(src).replace(".tif", "_unseen.tif"))
    with rasterio.open(src) as ds:
        profile, data, descriptions, tags = ds.profile, ds.read(), ds.descriptions, ds.tags()
    names = [(d or "").upper().replace("B0", "B") for d in descriptions]
    data[:, :60, :60] = 0
    data[names.index("B2"), :60, 60:] = 3000
    data[names.index("B11"), :60, 60:] = data[names.index("B3"), :60, 60:]
    write_with_nodata(path, profile, data, descriptions, tags)
    return path


def write_with_nodata(path, profile, data, descriptions, tags) -> None:
    """Write an edited copy of a real patch, its zeros declared nodata, with its bands' names and tags."""
    profile.update(nodata=0)
    with rasterio.open(path, "w", **profile) as out:
        out.write(data)
        for k, d in enumerate(descriptions, start=1):
            out.set_band_description(k, d)
        out.update_tags(**tags)


FIGURE_NAMES = ("green_ratio", "green_area_m2", "valid_area_m2", "valid_fraction", "zone_area_m2",
                "cloud_area_m2", "water_area_m2")  # fmt: skip


def assert_unseen(row, cloud_m2=None) -> None:
    """Valid area and fraction 0, NULL green ratio, green and water areas; cloud area NULL where
    the raster has no data, else ``cloud_m2``."""
    assert row["valid_area_m2"] == 0 and row["valid_fraction"] == 0 and row["zone_area_m2"] > 0
    assert all(is_null(row[f]) for f in ("green_ratio", "green_area_m2", "water_area_m2")), row
    if cloud_m2 is None:
        assert is_null(row["cloud_area_m2"])
    else:
        assert row["cloud_area_m2"] == pytest.approx(cloud_m2, rel=1e-4) and cloud_m2 > 0.99 * 360_000


def test_unseen_zones_and_cells_are_null_not_zero(run_alg, s2_patches, tmp_path):
    """A zone outside the raster and a cell or zone over nodata: valid fraction 0 and NULL figures,
    never 0 (unseen is not "no green"); under cloud the cloud area stays measured; a zone half
    outside keeps its figures, recounted here pixel by pixel; NULL drawn as "no data"."""
    path = patch_with_unseen_cells(s2_patches[JUNE[0]], tmp_path)
    ref = reference(path)
    bottom = (slice(60, 120), slice(0, 60))  # the half zone's pixels: the bottom-left cell
    with rasterio.open(path) as ds:
        left, low, right, high = ds.bounds
        crs = ds.crs.to_string()
    assert not ref["clear"][:60].any() and ref["cloud"][:60, 60:].all()

    def area_of(mask, sl):
        return ref["area"][sl][mask[sl]].sum()

    grid = run_alg("satimpact:greenratio", {"INPUT": path, "CELL_SIZE": 600, "OUTPUT": str(tmp_path / "g.gpkg")})
    cells = {(r["row"], r["col"]): r for r in features_of(grid["OUTPUT"])}
    assert sorted(cells) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert_unseen(cells[0, 0])
    assert_unseen(cells[0, 1], area_of(ref["cloud"], (slice(0, 60), slice(60, 120))))
    for col in (0, 1):
        sl = (slice(60, 120), slice(60 * col, 60 * col + 60))
        assert cells[1, col]["green_area_m2"] == pytest.approx(area_of(ref["veg"], sl), rel=1e-4)
        assert cells[1, col]["valid_fraction"] > 0.9

    rings = {
        "outside": [(left + 5e4, high), (right + 5e4, high), (right + 5e4, low), (left + 5e4, low)],
        "nodata": [(left, high), (left + 600, high), (left + 600, high - 600), (left, high - 600)],
        "cloud": [(left + 600, high), (right, high), (right, high - 600), (left + 600, high - 600)],
        "half": [(left - 600, low + 600), (left + 600, low + 600), (left + 600, low), (left - 600, low)],
    }
    feedback = LogFeedback()
    res = run_alg(
        "satimpact:greenratio",
        {"INPUT": path, "ZONES": zones_layer(crs, list(rings.values()), [1000.0] * 4), "POPULATION_FIELD": "pop",
         "OUTPUT": str(tmp_path / "z.gpkg")},
        feedback=feedback,
    )  # fmt: skip
    zones = dict(zip(rings, sorted(features_of(res["OUTPUT"]), key=lambda r: r["name"])))
    for name in ("outside", "nodata", "cloud"):
        assert is_null(zones[name]["green_m2_per_person"]), name
    assert_unseen(zones["outside"])
    assert_unseen(zones["nodata"])
    assert_unseen(zones["cloud"], area_of(ref["cloud"], (slice(0, 60), slice(60, 120))))
    half = zones["half"]
    assert None not in [null_to_none(half[f]) for f in FIGURE_NAMES + ("green_m2_per_person",)]
    assert half["green_area_m2"] == pytest.approx(area_of(ref["veg"], bottom), rel=1e-4) and half["green_area_m2"] > 0
    assert half["water_area_m2"] == pytest.approx(area_of(ref["water"], bottom), rel=1e-4, abs=1.0)
    assert half["valid_area_m2"] == pytest.approx(area_of(ref["clear"], bottom), rel=1e-4)
    assert half["cloud_area_m2"] == pytest.approx(area_of(ref["cloud"], bottom), abs=1.0)
    assert 0.4 < half["valid_fraction"] < 0.55 and half["green_m2_per_person"] == pytest.approx(
        half["green_area_m2"] / 1000.0)  # fmt: skip
    assert any("1 zone(s) do not overlap the raster" in w and "NULL" in w for w in feedback.warnings)
    assert any(w.startswith("2 zone(s)/cell(s) hold only nodata or cloud") for w in feedback.warnings)
    assert_styled_as_no_data(res["OUTPUT"], {"zone0", "zone1", "zone2"})  # outside, nodata, cloud


def assert_styled_as_no_data(path: str, unseen: set, key: str = "name") -> None:
    """The styled layer puts every NULL ratio in "no data" and every other zone in one class."""
    from qgis.core import QgsRenderContext

    from satimpact.processing.algorithms.green_ratio import style_green_ratio

    layer = QgsVectorLayer(str(path), "styled", "ogr")
    style_green_ratio(layer)
    renderer = layer.renderer()
    labels = {item.ruleKey(): item.label() for item in renderer.legendSymbolItems()}
    context = QgsRenderContext()
    renderer.startRender(context, layer.fields())
    try:
        for f in layer.getFeatures():
            keys = renderer.legendKeysForFeature(f, context) & set(labels)  # less the root rule
            assert len(keys) == 1, (f[key], keys)
            label = labels[next(iter(keys))]
            assert (label == "No data (no clear pixel)") == (f[key] in unseen), (f[key], label)
    finally:
        renderer.stopRender(context)


# --- season check -----------------------------------------------------------------------------------------


def test_season_check_on_bigearthnet_patches(run_alg, s2_patches, tmp_path):
    figures = {}
    for name, path in s2_patches.items():
        feedback = LogFeedback()
        res = run_alg(
            "satimpact:greenratio", {"INPUT": path, "OUTPUT": str(tmp_path / f"{name}.gpkg")}, feedback=feedback
        )
        rows = features_of(res["OUTPUT"])
        assert {r["season_warning"] for r in rows} == {res["SEASON_WARNING"]}
        season_logged = [w for w in feedback.warnings if w.startswith("Season warning")]
        figures[name] = (res["GREEN_RATIO"], res["SEASON_WARNING"], season_logged)
    for name in JUNE:
        ratio, warning, logged = figures[name]
        assert ratio > 0.8, name
        assert warning == "" and logged == [], name
    ratio, warning, logged = figures[DECEMBER]
    assert ratio > 0.8  # a green Mediterranean winter ...
    assert "outside the local summer" in warning and logged  # ... and still not summer imagery
    ratio, warning, logged = figures[FEBRUARY]
    assert "outside the local summer" in warning and "leaf-off" in warning and "Snow" in warning
    assert ratio < 0.5
    ratio, warning, _ = figures[SEPTEMBER]
    assert warning == "" and ratio > 0.8


# --- population, zones, RGB ----------------------------------------------------------------------------


def test_population_and_non_overlapping_zones(run_alg, s2_patches, tmp_path):
    path = s2_patches[JUNE[0]]
    with rasterio.open(path) as ds:
        left, bottom, right, top = ds.bounds
        crs = ds.crs.to_string()
    mid_x = (left + right) / 2
    rings = [
        [(left, top), (mid_x, top), (mid_x, bottom), (left, bottom)],
        [(mid_x, top), (right, top), (right, bottom), (mid_x, bottom)],
        [(left, top), (right, top), (right, bottom), (left, bottom)],
        # 50 km away: no overlap
        [(left + 5e4, top), (right + 5e4, top), (right + 5e4, bottom), (left + 5e4, bottom)],
    ]
    feedback = LogFeedback()
    res = run_alg(
        "satimpact:greenratio",
        {
            "INPUT": path,
            "ZONES": zones_layer(crs, rings, [2000.0, 0.0, None, 10.0]),
            "POPULATION_FIELD": "pop",
            "OUTPUT": str(tmp_path / "pop.gpkg"),
            "OUTPUT_MASK": str(tmp_path / "mask.tif"),
        },
        feedback=feedback,
    )
    rows = sorted(features_of(res["OUTPUT"]), key=lambda r: r["name"])
    assert rows[0]["green_m2_per_person"] == pytest.approx(rows[0]["green_area_m2"] / 2000.0)
    assert is_null(rows[1]["green_m2_per_person"])  # population 0
    assert rows[1]["green_area_m2"] > 0
    assert is_null(rows[2]["green_m2_per_person"])  # population NULL
    assert rows[0]["green_area_m2"] + rows[1]["green_area_m2"] == pytest.approx(rows[2]["green_area_m2"], rel=1e-9)
    far = rows[3]
    assert far["valid_area_m2"] == 0 and is_null(far["green_area_m2"]) and far["valid_fraction"] == 0
    assert is_null(far["green_ratio"]) and is_null(far["green_m2_per_person"])
    assert any("do not overlap the raster" in w for w in feedback.warnings)
    # the mask: 1 vegetation, 0 other, 2 cloud; its green pixels are the green area
    with rasterio.open(res["OUTPUT_MASK"]) as ds:
        mask = ds.read(1)
        assert ds.nodata == 255 and ds.crs.to_string() == crs
    ref = reference(path)
    assert np.array_equal(mask == 1, ref["veg"])
    assert set(np.unique(mask)) <= {0, 1, 2}
    assert rows[2]["green_area_m2"] == pytest.approx(ref["area"][mask == 1].sum(), rel=1e-4)


def test_zones_in_another_crs_are_reprojected(run_alg, s2_patches, tmp_path):
    """Zones in EPSG:4326 over a UTM patch: the patch outline (densified) gives the patch's figures."""
    from pyproj import Transformer

    path = s2_patches[JUNE[2]]
    with rasterio.open(path) as ds:
        left, bottom, right, top = ds.bounds
        crs = ds.crs.to_wkt()
    inset = 2.0  # metres: every pixel centre (5 m from the edge) lies inside
    xs = np.r_[np.linspace(left + inset, right - inset, 50), np.full(50, right - inset)]
    ys = np.r_[np.full(50, top - inset), np.linspace(top - inset, bottom + inset, 50)]
    xs = np.r_[xs, np.linspace(right - inset, left + inset, 50), np.full(50, left + inset)]
    ys = np.r_[ys, np.full(50, bottom + inset), np.linspace(bottom + inset, top - inset, 50)]
    lon, lat = Transformer.from_crs(crs, "EPSG:4326", always_xy=True).transform(xs, ys)
    res = run_alg(
        "satimpact:greenratio",
        {
            "INPUT": path,
            "ZONES": zones_layer("EPSG:4326", [list(zip(lon, lat))]),
            "OUTPUT": str(tmp_path / "ll.gpkg"),
        },
    )
    layer = QgsVectorLayer(res["OUTPUT"], "z", "ogr")
    assert layer.crs().authid() == "EPSG:4326"  # the zones keep their own CRS
    row = features_of(res["OUTPUT"])[0]
    ref = reference(path)
    assert row["green_area_m2"] == pytest.approx(ref["area"][ref["veg"]].sum(), rel=1e-4)
    assert row["valid_area_m2"] == pytest.approx(ref["area"][ref["clear"]].sum(), rel=1e-4)


def test_rgb_only_raster_uses_the_rgb_model(run_alg, s2_patches, tmp_path):
    """A 3-band RGB copy of a June patch: the RGB model is chosen and agrees with NDVI."""
    src = s2_patches[JUNE[0]]
    rgb = tmp_path / "rgb_only.tif"
    with rasterio.open(src) as ds:
        names = list(ds.descriptions)
        data = np.stack([ds.read(names.index(b) + 1) for b in ("B04", "B03", "B02")])
        profile = ds.profile
    profile.update(count=3)
    with rasterio.open(rgb, "w", **profile) as out:
        out.write(data)
    feedback = LogFeedback()
    res = run_alg("satimpact:greenratio", {"INPUT": str(rgb), "OUTPUT": str(tmp_path / "rgb.gpkg")}, feedback=feedback)
    assert res["MODEL_USED"] == "green_rgb"
    assert any("no NIR band" in m for m in feedback.infos)
    ndvi = run_alg("satimpact:greenratio", {"INPUT": src, "OUTPUT": str(tmp_path / "ndvi.gpkg")})
    assert abs(res["GREEN_RATIO"] - ndvi["GREEN_RATIO"]) < 0.05
    # no date in this file name or its tags: the tool says it cannot confirm the season
    assert "Acquisition date unknown" in res["SEASON_WARNING"]


def test_rgb_model_keeps_clouds_and_blue_water_out(run_alg, tmp_path):
    """Landsat 7 RGB (8-bit, Bahamas): white clouds and blue water are never vegetation."""
    path = data_path("landsat", "RGB.byte.tif")
    res = run_alg(
        "satimpact:greenratio",
        {
            "INPUT": str(path),
            "CELL_SIZE": 5000,
            "OUTPUT": str(tmp_path / "l.gpkg"),
            "OUTPUT_MASK": str(tmp_path / "l.tif"),
        },
    )
    assert res["MODEL_USED"] == "green_rgb"
    with rasterio.open(path) as ds:
        r, g, b = (x.astype(np.float64) for x in ds.read())
    with rasterio.open(res["OUTPUT_MASK"]) as ds:
        mask = ds.read(1)
    data = (r > 0) & (g > 0) & (b > 0)
    low, high = np.minimum(np.minimum(r, g), b), np.maximum(np.maximum(r, g), b)
    white = data & (low > 180) & (high < 1.04 * low)  # bright and colourless: cloud
    blue = data & (b > 1.2 * g)
    assert white.sum() > 1000 and blue.sum() > 10000
    assert not (mask[white] == 1).any() and not (mask[blue] == 1).any()
    assert (mask[data & (g > 1.2 * r) & (g > 1.2 * b)] == 1).mean() > 0.95
    assert 0.3 < res["GREEN_RATIO"] < 0.5  # measured 0.415; the logistic alone said 0.77


# --- styles, qgis_process, model3, errors --------------------------------------------------------------------


def test_styles(run_alg, s2_patches, tmp_path):
    from satimpact.processing.algorithms.green_ratio import style_green_ratio, style_vegetation_mask

    res = run_alg(
        "satimpact:greenratio",
        {
            "INPUT": s2_patches[JUNE[0]],
            "CELL_SIZE": 600,
            "OUTPUT": str(tmp_path / "s.gpkg"),
            "OUTPUT_MASK": str(tmp_path / "m.tif"),
        },
    )
    layer = QgsVectorLayer(res["OUTPUT"], "g", "ogr")
    style_green_ratio(layer)
    renderer = layer.renderer()
    assert renderer.type() == "RuleRenderer"
    labels = [item.label() for item in renderer.legendSymbolItems()]
    assert len(labels) == 6 and all("%" in label for label in labels[:5]) and labels[5] == "No data (no clear pixel)"
    no_data = renderer.rootRule().children()[5]
    assert no_data.filterExpression() == '"green_ratio" IS NULL'
    assert no_data.symbol().symbolLayer(0).brushStyle() == Qt.BDiagPattern  # hatched, as floodchange's
    # every cell of this patch is seen: each falls in exactly one of the five classes
    assert_styled_as_no_data(res["OUTPUT"], set(), key="cell_id")
    mask = QgsRasterLayer(res["OUTPUT_MASK"], "m")
    style_vegetation_mask(mask)
    classes = mask.renderer().classes()
    assert [c.value for c in classes] == [1]


def test_results_load_styled(satimpact_provider, s2_patches, tmp_path):
    """Loaded on completion (as from the toolbox): the ramp on the cells, the mask green on transparent."""
    import processing

    project = QgsProject.instance()
    before = set(project.mapLayers())
    result = processing.runAndLoadResults(
        "satimpact:greenratio",
        {
            "INPUT": s2_patches[JUNE[0]],
            "CELL_SIZE": 600,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "OUTPUT_MASK": str(tmp_path / "loaded_mask.tif"),
        },
    )
    new = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        cells = [lyr for lyr in new if isinstance(lyr, QgsVectorLayer)]
        masks = [lyr for lyr in new if isinstance(lyr, QgsRasterLayer)]
        assert len(cells) == 1 and len(masks) == 1, [lyr.name() for lyr in new]
        assert cells[0].name().startswith("Green ratio - ")
        assert cells[0].renderer().type() == "RuleRenderer"
        assert cells[0].featureCount() == 4
        assert masks[0].renderer().type() == "paletted"
        assert result["GREEN_RATIO"] > 0.9
    finally:
        project.removeMapLayers([lyr.id() for lyr in new])


def test_greenratio_in_model3_chain(satimpact_provider, s2_patches, tmp_path):
    """greenratio (grid) -> native:extractbyattribute green_ratio >= 0.9, saved as .model3, loaded and run."""
    import processing

    model = QgsProcessingModelAlgorithm("green_cells", "SatImpact tests")
    model.addModelParameter(QgsProcessingParameterRasterLayer("scene", "Scene"), QgsProcessingModelParameter("scene"))
    green = QgsProcessingModelChildAlgorithm("satimpact:greenratio")
    green.setChildId("green")
    green.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("scene")])
    green.addParameterSources("CELL_SIZE", [QgsProcessingModelChildParameterSource.fromStaticValue(400)])
    model.addChildAlgorithm(green)
    extract = QgsProcessingModelChildAlgorithm("native:extractbyattribute")
    extract.setChildId("extract")
    extract.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromChildOutput("green", "OUTPUT")])
    extract.addParameterSources("FIELD", [QgsProcessingModelChildParameterSource.fromStaticValue("green_ratio")])
    extract.addParameterSources("OPERATOR", [QgsProcessingModelChildParameterSource.fromStaticValue(3)])  # >=
    extract.addParameterSources("VALUE", [QgsProcessingModelChildParameterSource.fromStaticValue("0.9")])
    out = QgsProcessingModelOutput("green_cells", "Green cells")
    out.setChildId("extract")
    out.setChildOutputName("OUTPUT")
    extract.setModelOutputs({"green_cells": out})
    model.addChildAlgorithm(extract)
    path = tmp_path / "green_cells.model3"
    assert model.toFile(str(path))

    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(str(path))
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    target = tmp_path / "green_cells.gpkg"
    result = processing.run(
        loaded,
        {"scene": s2_patches[JUNE[0]], "extract:green_cells": str(target)},
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    assert result["CHILD_RESULTS"]["green"]["GREEN_RATIO"] > 0.9
    rows = features_of(str(target))
    assert rows and all(r["green_ratio"] >= 0.9 for r in rows)
    # 1200 m patch, 400 m cells on multiples of 400 m: 9 cells, most of them >= 90 % green
    assert 5 <= len(rows) <= 9


def test_greenratio_errors_are_clear(run_alg, s2_chip, s1_chip, s2_patches, tmp_path):
    out = str(tmp_path / "e.gpkg")
    with pytest.raises(QgsProcessingException) as info:
        run_alg("satimpact:greenratio", {"INPUT": str(s2_chip), "MODEL": "index_ndvi", "OUTPUT": out})
    assert "needs a green model" in str(info.value) and "index_ndvi" in str(info.value)
    with pytest.raises(QgsProcessingException) as info:
        run_alg("satimpact:greenratio", {"INPUT": str(s1_chip), "OUTPUT": out})
    assert "no green model fits this raster" in str(info.value) and "band 'red' is missing" in str(info.value)
    with pytest.raises(QgsProcessingException) as info:
        run_alg("satimpact:greenratio", {"INPUT": str(s2_chip), "POPULATION_FIELD": "pop", "OUTPUT": out})
    assert "POPULATION_FIELD needs ZONES" in str(info.value)
    with pytest.raises(QgsProcessingException) as info:
        run_alg("satimpact:greenratio", {"INPUT": str(s2_chip), "BAND_MAP": "nir=40", "OUTPUT": out})
    assert "band 40" in str(info.value)
    with pytest.raises(QgsProcessingException) as info:
        run_alg("satimpact:greenratio", {"INPUT": str(s2_chip), "MODEL": "no_such_model", "OUTPUT": out})
    assert "unknown model 'no_such_model'" in str(info.value)
    mask = tmp_path / "no_folder" / "m.tif"
    with pytest.raises(QgsProcessingException) as info:
        run_alg("satimpact:greenratio", {"INPUT": str(s2_chip), "OUTPUT": out, "OUTPUT_MASK": str(mask)})
    assert "output folder does not exist" in str(info.value)
