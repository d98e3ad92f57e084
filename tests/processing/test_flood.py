"""satimpact:floodchange: same-scene checks and accuracy on Sen1Floods11 (S2 and S1) against the water
tool, alignment of pairs that differ in CRS and resolution, non-overlapping pairs, grid and zone figures
against an independent count, learned two-input models, a .model3 chain and bad input."""

import geopandas as gpd
import numpy as np
import onnx
import pytest
import rasterio
from onnx import helper
from pyproj import Geod, Transformer
from qgis.core import (
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

from satimpact.engine.change import CLASSES, NEW_FLOOD, NODATA, PERMANENT, RECEDED
from satimpact.models.recipes.onnx_builders import (
    build_model,
    card_base,
    const,
    normalized_difference_nodes,
    split_bands,
    tensor_input,
    tensor_output,
)

from ..engine.test_flood import read, reproject_scene, write_like

GEOD = Geod(ellps="WGS84")


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):
        self.lines.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):
        self.lines.append(warning)
        super().pushWarning(warning)

    @property
    def text(self):
        return "\n".join(self.lines)


def change_iou(change_path, water_label):
    """New flood + permanent water (the water after) against the hand label, -1 and nodata left out."""
    truth, classes = read(water_label), read(change_path)
    valid = (truth >= 0) & (classes != NODATA)
    pred = ((classes == PERMANENT) | (classes == NEW_FLOOD)) & valid
    true = (truth == 1) & valid
    return float((pred & true).sum() / (pred | true).sum())


def water_iou(mask_path, water_label):
    truth, mask = read(water_label), read(mask_path)
    valid = (truth >= 0) & (mask != 255)
    pred, true = (mask == 1) & valid, (truth == 1) & valid
    return float((pred & true).sum() / (pred | true).sum())


def flood(run_alg, before, after, tmp_path, feedback=None, name="change", **params):
    out = tmp_path / f"{name}.tif"
    grid = tmp_path / f"{name}_cells.gpkg"
    result = run_alg(
        "satimpact:floodchange",
        {"BEFORE": str(before), "AFTER": str(after), "OUTPUT": str(out), "OUTPUT_GRID": str(grid), **params},
        feedback=feedback,
    )
    return result, out, grid


# --- same scene, accuracy against the water tool ---------------------------------------------------


def test_s2_same_scene_no_new_flood_and_iou_vs_water_tool(run_alg, s2_chip, water_label, tmp_path):
    log = Log()
    result, out, _ = flood(run_alg, s2_chip, s2_chip, tmp_path, feedback=log)
    classes = read(out)
    assert (classes == NEW_FLOOD).sum() == 0 and (classes == RECEDED).sum() == 0
    assert "difference" in result["METHOD"] and result["NEW_FLOOD_KM2"] == 0.0
    water = run_alg("satimpact:waterdetection", {"INPUT": str(s2_chip), "OUTPUT": str(tmp_path / "water.tif")})
    tool = water_iou(water["OUTPUT"], water_label)
    got = change_iou(out, water_label)
    print(f"\nS2 chip, BEFORE = AFTER: change union IoU {got:.4f}, water tool IoU {tool:.4f}")
    assert tool >= 0.72
    assert got >= tool - 1e-9
    assert "Aligned to BEFORE's grid" in log.text and "no resampling" in log.text


def test_s1_same_scene_log_ratio(run_alg, s1_chip, water_label, tmp_path):
    log = Log()
    result, out, _ = flood(run_alg, s1_chip, s1_chip, tmp_path, feedback=log)
    classes = read(out)
    assert (classes == NEW_FLOOD).sum() == 0 and (classes == RECEDED).sum() == 0
    assert "log_ratio" in result["METHOD"] and "flood_s1_logratio" in result["METHOD"]
    assert "Otsu" in log.text and "-3.00 dB" in log.text
    # floodchange's radar water thresholds are automatic by default: the water tool's automatic one
    water = run_alg(
        "satimpact:waterdetection",
        {"INPUT": str(s1_chip), "OUTPUT": str(tmp_path / "water.tif"), "AUTO_THRESHOLD": True},
    )
    tool = water_iou(water["OUTPUT"], water_label)
    got = change_iou(out, water_label)
    print(f"\nS1 chip, BEFORE = AFTER (log-ratio): change union IoU {got:.4f}, water tool IoU {tool:.4f}")
    assert tool >= 0.56
    assert got >= tool - 1e-9
    # the figure in the shipped card is this measurement
    from satimpact.engine.model import load_model
    from satimpact.engine.registry import SHIPPED_DIR

    card = load_model(f"{SHIPPED_DIR}/flood_s1_logratio.onnx").card
    assert next(m["value"] for m in card.metrics if m["name"].startswith("IoU")) == pytest.approx(got, abs=5e-4)


def test_s1_log_ratio_finds_a_simulated_fall(run_alg, s1_chip, tmp_path):
    """Edge case on real backscatter: BEFORE is the chip 8 dB brighter in its upper half, so the water
    of the upper half is new flood (a fall of 8 dB) and the lower half's water stays permanent."""
    with rasterio.open(s1_chip) as ds:
        data = ds.read()
    before = data.copy()
    before[:, :256] += 8.0
    before_path = write_like(s1_chip, tmp_path / "before.tif", before)
    log = Log()
    # the fixed thresholds (the water tool's defaults); tests/processing/test_radar.py covers the automatic ones
    result, out, _ = flood(run_alg, before_path, s1_chip, tmp_path, feedback=log, AUTO_THRESHOLD=False)
    classes = read(out)

    # The water on each date is the shipped radar water model's, as the water tool gives it.
    from satimpact.engine.model import load_model
    from satimpact.engine.registry import SHIPPED_DIR

    card = load_model(f"{SHIPPED_DIR}/water_sdwi.onnx").card
    assert card.name in result["METHOD"]
    water = {}
    for key, arr in (("before", before), ("after", data)):
        run_alg(
            "satimpact:waterdetection",
            {
                "INPUT": str(write_like(s1_chip, tmp_path / f"{key}_in.tif", arr)),
                "MODEL": "water_sdwi",
                "OUTPUT": str(tmp_path / f"{key}_water.tif"),
            },
        )
        water[key] = read(tmp_path / f"{key}_water.tif") == 1
    expected_new = water["after"] & ~water["before"]
    expected_new[256:] = False  # no fall in the lower half
    assert (classes == NEW_FLOOD).sum() > 1000
    assert np.array_equal(classes == NEW_FLOOD, expected_new)
    assert np.array_equal((classes == PERMANENT) | (classes == NEW_FLOOD), water["after"])
    assert (classes == RECEDED).sum() == 0
    assert "new flood where log_ratio_vv <" in result["METHOD"]


# --- alignment -----------------------------------------------------------------------------------


def test_pair_differing_in_crs_and_resolution_aligns(run_alg, s2_chip, water_label, tmp_path):
    utm = reproject_scene(s2_chip, tmp_path / "after_utm20.tif", "EPSG:32630", 20.0)
    log = Log()
    result, out, grid = flood(run_alg, s2_chip, utm, tmp_path, feedback=log)
    with rasterio.open(out) as ds, rasterio.open(s2_chip) as ref:
        assert ds.crs == ref.crs and ds.transform.almost_equals(ref.transform) and ds.shape == ref.shape
        classes = ds.read(1)
    assert "Aligned to BEFORE's grid: EPSG:4326" in log.text
    assert "AFTER (EPSG:32630, pixels 20 x 20 m" in log.text and "bilinear resampling" in log.text
    valid = classes != NODATA
    new_share = float((classes[valid] == NEW_FLOOD).mean())
    receded_share = float((classes[valid] == RECEDED).mean())
    same, _, _ = flood(run_alg, s2_chip, s2_chip, tmp_path, name="same")
    same_classes = read(tmp_path / "same.tif")
    agree = float((((classes == 1) | (classes == 2)) == (same_classes == 1))[valid].mean())
    iou_aligned, iou_same = change_iou(out, water_label), change_iou(tmp_path / "same.tif", water_label)
    print(
        f"\nS2 chip vs itself at 20 m in UTM 30N: valid {valid.mean():.4f}, new flood {new_share:.4f}, "
        f"receded {receded_share:.4f}, water agreement {agree:.4f}, union IoU {iou_aligned:.4f} "
        f"(same grid {iou_same:.4f})"
    )
    # Only resampling separates the two: a few edge pixels change, nothing like a flood.
    assert valid.mean() > 0.97
    assert new_share < 0.03 and receded_share < 0.03 and agree > 0.95
    assert abs(iou_aligned - iou_same) < 0.03
    assert result["DAMAGED_CELLS"] == 0

    # The other way round: the 20 m UTM scene is BEFORE, so everything lands on its grid, and the
    # finer 10 m AFTER is averaged.
    log2 = Log()
    flood(run_alg, utm, s2_chip, tmp_path, feedback=log2, name="reverse")
    with rasterio.open(tmp_path / "reverse.tif") as ds, rasterio.open(utm) as ref:
        assert ds.crs.to_epsg() == 32630 and ds.res == (20.0, 20.0)
        assert ds.transform.almost_equals(ref.transform) and ds.shape == ref.shape
        rev = ds.read(1)
    assert "Aligned to BEFORE's grid: EPSG:32630" in log2.text and "average resampling" in log2.text
    rv = rev != NODATA
    assert float((rev[rv] == NEW_FLOOD).mean()) < 0.02 and float((rev[rv] == RECEDED).mean()) < 0.02


def test_only_the_overlap_is_analysed(run_alg, s2_chip, tmp_path):
    from rasterio.windows import Window

    window = Window(50, 100, 250, 300)
    with rasterio.open(s2_chip) as ds:
        part = ds.read(window=window)
    after = write_like(s2_chip, tmp_path / "part.tif", part, window=window)
    log = Log()
    flood(run_alg, s2_chip, after, tmp_path, feedback=log)
    with rasterio.open(tmp_path / "change.tif") as ds, rasterio.open(s2_chip) as ref:
        assert ds.shape == (300, 250)
        assert ds.transform.almost_equals(ref.window_transform(window))
        classes = ds.read(1)
    assert "the overlap: columns 50-299, rows 100-399 of BEFORE" in log.text
    assert (classes == NEW_FLOOD).sum() == 0 and (classes != NODATA).mean() > 0.99


def test_non_overlapping_pair_is_a_clear_error(run_alg, s2_chip, tmp_path):
    from satimpact.engine.stack import stack_bigearthnet_s2

    from conftest import data_path

    folder = data_path("bigearthnet", "S2", "S2A_MSIL2A_20170613T101031_87_48")
    far = stack_bigearthnet_s2(str(folder), str(tmp_path))
    out = tmp_path / "none.tif"
    with pytest.raises(QgsProcessingException) as info:
        run_alg(
            "satimpact:floodchange",
            {"BEFORE": str(s2_chip), "AFTER": far, "OUTPUT": str(out), "OUTPUT_GRID": str(tmp_path / "n.gpkg")},
        )
    message = str(info.value)
    assert "BEFORE and AFTER do not overlap" in message and "EPSG:4326" in message
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# --- cells and zones against an independent count -------------------------------------------------


def pixel_areas_4326(path):
    """Geodesic area of every pixel of a north-up EPSG:4326 raster (it depends on the row only)."""
    with rasterio.open(path) as ds:
        t, h, w = ds.transform, ds.height, ds.width
    areas = np.empty(h)
    for r in range(h):
        top, bottom = t.f + r * t.e, t.f + (r + 1) * t.e
        lons = [t.c, t.c + t.a, t.c + t.a, t.c]
        lats = [top, top, bottom, bottom]
        areas[r] = abs(GEOD.polygon_area_perimeter(lons, lats)[0])
    return np.repeat(areas[:, None], w, axis=1)


def geodesic_area(geometry, crs_wkt):
    to_ll = Transformer.from_crs(crs_wkt, "EPSG:4326", always_xy=True)
    ring = list(geometry.exterior.coords)
    pts = []
    for (xa, ya), (xb, yb) in zip(ring[:-1], ring[1:]):
        for k in range(32):
            pts.append((xa + (xb - xa) * k / 32, ya + (yb - ya) * k / 32))
    lons, lats = to_ll.transform([p[0] for p in pts], [p[1] for p in pts])
    return abs(GEOD.polygon_area_perimeter(lons, lats)[0])


def test_grid_figures_equal_an_independent_count(run_alg, s2_chip, s1_chip, tmp_path):
    """Optical before, radar after (same place and day): every class occurs; each cell's figures are
    recounted from the change raster with pixel centres, geodesic pixel areas and the cell polygons."""
    result, out, grid_path = flood(
        run_alg, s2_chip, s1_chip, tmp_path, CELL_SIZE=500, DAMAGE_THRESHOLD=0.05, name="optical_radar"
    )
    classes = read(out)
    for c in CLASSES:
        assert (classes == c).sum() > 100, f"class {c} missing"
    cells = gpd.read_file(grid_path)
    assert cells.crs.to_epsg() == 32630  # UTM zone of the chip: the raster is in degrees
    with rasterio.open(out) as ds:
        t, crs = ds.transform, ds.crs
    rows, cols = np.indices(classes.shape)
    x, y = t.c + (cols + 0.5) * t.a, t.f + (rows + 0.5) * t.e
    gx, gy = Transformer.from_crs(crs.to_wkt(), cells.crs.to_wkt(), always_xy=True).transform(x, y)
    area = pixel_areas_4326(out)
    valid = classes != NODATA
    assert len(cells) >= 60
    seen = np.zeros(classes.shape, dtype=int)
    damaged_seen = set()
    for _, cell in cells.iterrows():
        minx, miny, maxx, maxy = cell.geometry.bounds
        assert maxx - minx == pytest.approx(500) and maxy - miny == pytest.approx(500)
        inside = (gx >= minx) & (gx < maxx) & (gy > miny) & (gy <= maxy)
        seen += inside
        v = area[inside & valid].sum()
        new = area[inside & (classes == NEW_FLOOD)].sum()
        perm = area[inside & (classes == PERMANENT)].sum()
        assert cell["flooded_area_m2"] == pytest.approx(new, rel=1e-4, abs=1e-3)
        assert cell["valid_area_m2"] == pytest.approx(v, rel=1e-4)
        if v > 0:
            assert cell["flooded_share"] == pytest.approx(new / v, abs=1e-6)
            assert cell["permanent_water_share"] == pytest.approx(perm / v, abs=1e-6)
            assert cell["damaged"] == int(new / v > 0.05)
            damaged_seen.add(cell["damaged"])
        expected_valid_share = min(1.0, v / geodesic_area(cell.geometry, cells.crs.to_wkt()))
        assert cell["valid_share"] == pytest.approx(expected_valid_share, abs=1e-4)
    # every pixel in exactly one cell, and both damaged and undamaged cells occur
    assert seen.max() == 1 and seen.min() == 1
    assert damaged_seen == {0, 1}
    assert result["DAMAGED_CELLS"] == int(cells["damaged"].sum())
    total_new = (area * (classes == NEW_FLOOD)).sum() / 1e6
    assert result["NEW_FLOOD_KM2"] == pytest.approx(total_new, rel=1e-4)
    print(
        f"\nS2 before / S1 after, 500 m cells: {len(cells)} cells, {int(cells['damaged'].sum())} damaged, "
        f"new flood {total_new:.4f} km2; classes {dict((CLASSES[c], int((classes == c).sum())) for c in CLASSES)}"
    )


def test_zones_in_another_crs(run_alg, s2_chip, s1_chip, tmp_path):
    """Two rectangles (given in Web Mercator) whose edges fall a quarter pixel inside pixel edges, so
    the pixels they hold by centre are plain slices of the change raster."""
    from shapely.geometry import box

    with rasterio.open(s2_chip) as ds:
        t = ds.transform
    to_merc = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)

    def zone(c0, r0, c1, r1):
        x0, y0 = t * (c0 + 0.25, r0 + 0.25)
        x1, y1 = t * (c1 - 0.25, r1 - 0.25)
        (mx0, mx1), (my0, my1) = to_merc.transform([x0, x1], [y0, y1])
        return box(min(mx0, mx1), min(my0, my1), max(mx0, mx1), max(my0, my1))

    spans = {"west": (0, 0, 256, 256), "east": (256, 100, 512, 300)}
    zones = gpd.GeoDataFrame({"name": list(spans)}, geometry=[zone(*s) for s in spans.values()], crs="EPSG:3857")
    zones_path = tmp_path / "zones.gpkg"
    zones.to_file(zones_path, driver="GPKG")
    result, out, grid_path = flood(run_alg, s2_chip, s1_chip, tmp_path, ZONES=str(zones_path), name="zones")
    got = gpd.read_file(grid_path)
    assert got.crs.to_epsg() == 3857 and list(got["name"]) == ["west", "east"]
    classes = read(out)
    area = pixel_areas_4326(out)
    for (_, row), (c0, r0, c1, r1) in zip(got.iterrows(), spans.values()):
        cls, a = classes[r0:r1, c0:c1], area[r0:r1, c0:c1]
        v = a[cls != NODATA].sum()
        assert row["flooded_area_m2"] == pytest.approx(a[cls == NEW_FLOOD].sum(), rel=1e-4)
        assert row["flooded_share"] == pytest.approx(a[cls == NEW_FLOOD].sum() / v, abs=1e-6)
        assert row["permanent_water_share"] == pytest.approx(a[cls == PERMANENT].sum() / v, abs=1e-6)
        assert row["valid_share"] == pytest.approx(1.0, abs=5e-3)


def pair_with_nodata(s2_chip, s1_chip, folder):
    """The Sen1Floods11 pair with a block of nodata in each date: BEFORE (S2, nodata 0 in every
    band) in its top-left quarter, AFTER (S1, NaN) in its bottom-left quarter."""
    with rasterio.open(s2_chip) as ds:
        before = ds.read()
    with rasterio.open(s1_chip) as ds:
        after = ds.read()
    before[:, :256, :256] = 0
    after[:, 256:, :256] = np.nan
    return (
        write_like(s2_chip, folder / "before_nodata.tif", before),
        write_like(s1_chip, folder / "after_nodata.tif", after),
    )


# Zones in pixels (col0, row0, col1, row1) of the chip: two wholly over one date's nodata, one far
# outside, one half outside the chip's east edge, one half over AFTER's nodata.
NULL_ZONES = {
    "nodata_before": (16, 16, 240, 240),
    "nodata_after": (16, 272, 240, 496),
    "outside": (2000, 100, 2100, 200),
    "half_out": (384, 40, 640, 240),
    "half_nodata": (128, 300, 384, 460),
}
UNSEEN = ("nodata_before", "nodata_after", "outside")
NULLABLE = ("flooded_area_m2", "flooded_share", "permanent_water_share", "receded_share", "damaged")


def chip_boxes(chip, spans: dict) -> dict:
    """Boxes in the chip's CRS (EPSG:4326) whose edges fall a quarter pixel inside pixel edges."""
    from shapely.geometry import box

    with rasterio.open(chip) as ds:
        t = ds.transform
    out = {}
    for name, (c0, r0, c1, r1) in spans.items():
        (x0, y0), (x1, y1) = t * (c0 + 0.25, r0 + 0.25), t * (c1 - 0.25, r1 - 0.25)
        out[name] = box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    return out


def memory_zones(shapes: dict, crs: str = "EPSG:4326"):
    """A memory layer of named polygons (kept local to the caller: no layer alive at exit)."""
    from qgis.core import QgsFeature, QgsField, QgsGeometry
    from qgis.PyQt.QtCore import QVariant

    zones = QgsVectorLayer(f"Polygon?crs={crs}", "zones", "memory")
    zones.dataProvider().addAttributes([QgsField("name", QVariant.String)])
    zones.updateFields()
    feats = []
    for name, shape in shapes.items():
        f = QgsFeature(zones.fields())
        f.setGeometry(QgsGeometry.fromWkt(shape.wkt))
        f.setAttributes([name])
        feats.append(f)
    zones.dataProvider().addFeatures(feats)
    return zones


def rule_labels(path) -> list[tuple[dict, list[str]]]:
    """Each feature's attributes and the legend labels of style_damaged_cells' rules it falls in."""
    from qgis.core import QgsExpressionContextUtils, QgsRenderContext

    from satimpact.processing.algorithms.flood_change import style_damaged_cells

    from conftest import null_to_none

    layer = QgsVectorLayer(str(path), "cells", "ogr")
    style_damaged_cells(0.1)(layer)
    renderer = layer.renderer()
    labels = {item.ruleKey(): item.label() for item in renderer.legendSymbolItems()}
    context = QgsRenderContext()
    context.expressionContext().appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    renderer.startRender(context, layer.fields())
    out = []
    for feat in layer.getFeatures():
        context.expressionContext().setFeature(feat)
        attrs = {n: null_to_none(feat[n]) for n in layer.fields().names()}
        keys = renderer.legendKeysForFeature(feat, context)  # the root rule's key too: not in the legend
        out.append((attrs, [labels[k] for k in keys if k in labels]))
    renderer.stopRender(context)
    return out


def test_zones_without_a_valid_pixel_get_null_figures(run_alg, s2_chip, s1_chip, tmp_path):
    """Zones wholly outside the chip or over one date's nodata: valid share 0 and NULL figures
    (never a 0 that reads as undamaged), styled as no data; zones half covered keep figures equal
    to an independent count over their covered pixels."""
    before, after = pair_with_nodata(s2_chip, s1_chip, tmp_path)
    shapes = chip_boxes(s2_chip, NULL_ZONES)
    log = Log()
    result, out, grid = flood(run_alg, before, after, tmp_path, feedback=log, ZONES=memory_zones(shapes))
    rows = {attrs["name"]: (attrs, labels) for attrs, labels in rule_labels(grid)}
    assert set(rows) == set(NULL_ZONES)
    for name in UNSEEN:
        attrs, labels = rows[name]
        assert attrs["valid_share"] == 0 and attrs["valid_area_m2"] == 0, name
        assert all(attrs[f] is None for f in NULLABLE), (name, attrs)
        assert labels == ["No data (no valid pixel)"], (name, labels)
    classes, area = read(out), pixel_areas_4326(out)
    with rasterio.open(out) as ds:
        crs_wkt = ds.crs.to_wkt()
    for name in ("half_out", "half_nodata"):
        attrs, labels = rows[name]
        c0, r0, c1, r1 = NULL_ZONES[name]
        cls, a = classes[r0:r1, c0 : min(c1, 512)], area[r0:r1, c0 : min(c1, 512)]
        valid, new = a[cls != NODATA].sum(), a[cls == NEW_FLOOD].sum()
        assert attrs["flooded_area_m2"] == pytest.approx(new, rel=1e-4, abs=1e-3)
        assert attrs["flooded_share"] == pytest.approx(new / valid, abs=1e-6)
        assert attrs["permanent_water_share"] == pytest.approx(a[cls == PERMANENT].sum() / valid, abs=1e-6)
        assert attrs["valid_share"] == pytest.approx(valid / geodesic_area(shapes[name], crs_wkt), abs=5e-3)
        assert 0.4 < attrs["valid_share"] < 0.6 and attrs["damaged"] == int(new / valid > 0.1)
        assert labels == ["Damaged: flooded share > 10 %" if attrs["damaged"] else "Not damaged"]
    assert result["DAMAGED_CELLS"] == sum(attrs["damaged"] or 0 for attrs, _ in rows.values())
    assert "3 of 5 zones have no valid pixel in both scenes" in log.text
    assert "1 of 5 zone(s) do not overlap the raster" in log.text


def test_cells_over_nodata_get_null_figures(run_alg, s2_chip, s1_chip, tmp_path):
    """Grid cells wholly over one date's nodata: valid share 0 and NULL figures; cells across the
    nodata edge keep their figures."""
    before, after = pair_with_nodata(s2_chip, s1_chip, tmp_path)
    result, out, grid = flood(run_alg, before, after, tmp_path, CELL_SIZE=500)
    rows = [attrs for attrs, _ in rule_labels(grid)]
    unseen = [r for r in rows if r["valid_area_m2"] == 0]
    partial = [r for r in rows if 0 < r["valid_share"] < 0.9]
    # the two nodata quarters hold whole 500 m cells (each quarter is about 2 km across)
    assert len(unseen) >= 8 and len(partial) >= 4
    for r in unseen:
        assert r["valid_share"] == 0 and all(r[f] is None for f in NULLABLE), r
    for r in rows:
        if r["valid_area_m2"] > 0:
            assert all(r[f] is not None for f in NULLABLE), r
    assert result["DAMAGED_CELLS"] == sum(r["damaged"] == 1 for r in rows)


# --- learned two-input models ------------------------------------------------------------------------


def mndwi_pair_model(kind: str, class_names=None, threshold=None):
    """A two-input model written with onnx.helper: MNDWI > 0.2 on each date, combined into a class index
    (in the order of ``class_names``) or into the probability of new flood (0 or 1)."""
    nodes, inits = [], []
    water = {}
    for role in ("before", "after"):
        n, i = split_bands(role, [f"{role}_green", f"{role}_swir"])
        nd, nd_i = normalized_difference_nodes(f"{role}_green", f"{role}_swir", f"{role}_mndwi", prefix=f"{role}_nd")
        nodes += (
            n
            + nd
            + [
                helper.make_node("Greater", [f"{role}_mndwi", "c_thr"], [f"{role}_bool"]),
                helper.make_node("Cast", [f"{role}_bool"], [f"{role}_w"], to=onnx.TensorProto.FLOAT),
                helper.make_node("Sub", ["c_one", f"{role}_w"], [f"{role}_d"]),
            ]
        )
        inits += i + nd_i
        water[role] = (f"{role}_w", f"{role}_d")
    (wb, db), (wa, da) = water["before"], water["after"]
    nodes += [
        helper.make_node("Mul", [wa, db], ["is_new"]),
        helper.make_node("Mul", [wa, wb], ["is_perm"]),
        helper.make_node("Mul", [da, wb], ["is_rec"]),
        helper.make_node("Mul", [da, db], ["is_dry"]),
    ]
    inits += [const("c_thr", 0.2), const("c_one", 1.0)]
    if kind == "class":
        order = {"new flood": "is_new", "permanent water": "is_perm", "receded": "is_rec", "dry": "is_dry"}
        terms = []
        for k, name in enumerate(class_names):
            nodes.append(helper.make_node("Mul", [order[name], f"c_k{k}"], [f"term{k}"]))
            inits.append(const(f"c_k{k}", float(k)))
            terms.append(f"term{k}")
        nodes.append(helper.make_node("Sum", terms, ["change"]))
        output = {"name": "change", "kind": "class", "class_names": class_names}
    else:
        nodes.append(helper.make_node("Identity", ["is_new"], ["change"]))
        output = {"name": "change", "kind": "probability", "threshold": threshold}
    card = card_base(
        name=f"test_siamese_{kind}",
        title="Test two-date MNDWI change model",
        version="0.0.1",
        task="flood_change",
        citation="Xu 2006 (MNDWI)",
        data="formula",
        caveats="test only",
        model_type="dense",
        inputs=[
            {"name": "before", "bands": ["green", "swir16"], "scale": 0.0001},
            {"name": "after", "bands": ["green", "swir16"], "scale": 0.0001},
        ],
        tiling={"tile_size": 200, "overlap": 0, "merge": "none"},
        outputs=[output],
    )
    return build_model(
        nodes, [tensor_input("before", 2), tensor_input("after", 2)], [tensor_output("change")], card, inits
    )


def expected_mndwi_change(before_path, after_path):
    water, valid = {}, None
    for role, path in (("before", before_path), ("after", after_path)):
        with rasterio.open(path) as ds:
            names = list(ds.descriptions)
            g = ds.read(names.index("B3") + 1).astype(np.float32)
            s = ds.read(names.index("B11") + 1).astype(np.float32)
        ok = (g != 0) & (s != 0)
        valid = ok if valid is None else valid & ok
        g, s = g * np.float32(1e-4), s * np.float32(1e-4)
        with np.errstate(divide="ignore", invalid="ignore"):
            nd = np.where(np.abs(g + s) < 1e-6, 0, (g - s) / (g + s))
        water[role] = nd > 0.2
    wb, wa = water["before"], water["after"]
    classes = np.where(wa, np.where(wb, PERMANENT, NEW_FLOOD), np.where(wb, RECEDED, 0)).astype(np.uint8)
    return np.where(valid, classes, NODATA)


@pytest.fixture()
def flipped_before(s2_chip, tmp_path):
    """The chip upside down on the chip's own grid: a different 'before' scene with real spectra."""
    with rasterio.open(s2_chip) as ds:
        data = ds.read()
    return write_like(s2_chip, tmp_path / "flipped.tif", data[:, ::-1, :].copy())


def test_two_input_class_model_plugs_in(run_alg, s2_chip, flipped_before, tmp_path):
    names = ["permanent water", "new flood", "dry", "receded"]  # deliberately not the tool's order
    path = tmp_path / "siamese_class.onnx"
    onnx.save(mndwi_pair_model("class", names), str(path))
    log = Log()
    result, out, grid = flood(run_alg, flipped_before, s2_chip, tmp_path, feedback=log, MODEL=str(path))
    assert "learned" in result["METHOD"]
    assert "new flood = new flood" in log.text and "receded = receded water" in log.text
    got = read(out)
    expected = expected_mndwi_change(flipped_before, s2_chip)
    agree = float((got == expected).mean())
    print(f"\ntwo-input class model: agreement with the direct computation {agree:.6f}")
    assert agree > 0.9999
    for c in CLASSES:
        assert (got == c).sum() > 500
    assert len(gpd.read_file(grid)) == 30


def test_two_input_probability_model_plugs_in(run_alg, s2_chip, flipped_before, tmp_path):
    path = tmp_path / "siamese_prob.onnx"
    onnx.save(mndwi_pair_model("probability", threshold=0.5), str(path))
    log = Log()
    _, out, _ = flood(run_alg, flipped_before, s2_chip, tmp_path, feedback=log, MODEL=str(path))
    assert "probability of new flood > 0.5" in log.text
    got = read(out)
    expected = expected_mndwi_change(flipped_before, s2_chip)
    valid = expected != NODATA
    assert float(((got == NEW_FLOOD) == (expected == NEW_FLOOD))[valid].mean()) > 0.9999
    assert set(np.unique(got[valid])) <= {0, NEW_FLOOD}  # a probability of new flood says nothing else


# --- qgis_process, .model3, styles, bad input ----------------------------------------------------------


def test_floodchange_in_model3_chain(satimpact_provider, s2_chip, s1_chip, tmp_path):
    """floodchange -> native:extractbyattribute (damaged = 1), saved as .model3, loaded back and run."""
    import processing

    model = QgsProcessingModelAlgorithm("damaged_cells", "SatImpact tests")
    for name in ("before", "after"):
        model.addModelParameter(QgsProcessingParameterRasterLayer(name, name), QgsProcessingModelParameter(name))
    change = QgsProcessingModelChildAlgorithm("satimpact:floodchange")
    change.setChildId("change")
    change.addParameterSources("BEFORE", [QgsProcessingModelChildParameterSource.fromModelParameter("before")])
    change.addParameterSources("AFTER", [QgsProcessingModelChildParameterSource.fromModelParameter("after")])
    change.addParameterSources("CELL_SIZE", [QgsProcessingModelChildParameterSource.fromStaticValue(500)])
    change.addParameterSources("DAMAGE_THRESHOLD", [QgsProcessingModelChildParameterSource.fromStaticValue(0.05)])
    classes_out = QgsProcessingModelOutput("classes", "Change classes")
    classes_out.setChildId("change")
    classes_out.setChildOutputName("OUTPUT")
    change.setModelOutputs({"classes": classes_out})
    model.addChildAlgorithm(change)
    extract = QgsProcessingModelChildAlgorithm("native:extractbyattribute")
    extract.setChildId("extract")
    extract.addParameterSources(
        "INPUT", [QgsProcessingModelChildParameterSource.fromChildOutput("change", "OUTPUT_GRID")]
    )
    extract.addParameterSources("FIELD", [QgsProcessingModelChildParameterSource.fromStaticValue("damaged")])
    extract.addParameterSources("OPERATOR", [QgsProcessingModelChildParameterSource.fromStaticValue(0)])
    extract.addParameterSources("VALUE", [QgsProcessingModelChildParameterSource.fromStaticValue("1")])
    damaged_out = QgsProcessingModelOutput("damaged", "Damaged cells")
    damaged_out.setChildId("extract")
    damaged_out.setChildOutputName("OUTPUT")
    extract.setModelOutputs({"damaged": damaged_out})
    model.addChildAlgorithm(extract)
    path = tmp_path / "damaged_cells.model3"
    assert model.toFile(str(path))

    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(str(path))
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    damaged_path, classes_path = tmp_path / "damaged.gpkg", tmp_path / "classes.tif"
    result = processing.run(
        loaded,
        {
            "before": str(s2_chip),
            "after": str(s1_chip),
            "change:classes": str(classes_path),
            "extract:damaged": str(damaged_path),
        },
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    child = result["CHILD_RESULTS"]["change"]
    damaged = gpd.read_file(damaged_path)
    assert len(damaged) == child["DAMAGED_CELLS"] >= 1
    assert (damaged["flooded_share"] > 0.05).all()
    assert (read(classes_path) == NEW_FLOOD).sum() > 0


def test_styles_and_layer_names(run_alg, s2_chip, s1_chip, tmp_path):
    from satimpact.processing.algorithms.flood_change import style_change_classes, style_damaged_cells

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    out, grid = tmp_path / "styled.tif", tmp_path / "styled.gpkg"
    for path in (out, grid):
        context.addLayerToLoadOnCompletion(
            str(path), QgsProcessingContext.LayerDetails("", QgsProject.instance(), str(path))
        )
    result = run_alg(
        "satimpact:floodchange",
        {"BEFORE": str(s2_chip), "AFTER": str(s1_chip), "OUTPUT": str(out), "OUTPUT_GRID": str(grid)},
        context=context,
    )
    names = {details.name for details in context.layersToLoadOnCompletion().values()}
    assert any(n.startswith("Flood change classes (") and "->" in n for n in names)
    assert any(n.startswith("Flooded share per 1000 m cell, damaged > 10 %") for n in names)

    raster = QgsRasterLayer(str(out), "c")
    style_change_classes(raster)
    renderer = raster.renderer()
    assert renderer.type() == "paletted"
    labels = {c.value: c.label for c in renderer.classes()}
    assert labels[NEW_FLOOD] == "2 new flood" and labels[0] == "0 dry"
    assert renderer.classes()[NEW_FLOOD].color.name() == "#ff006e"
    vector = QgsVectorLayer(result["OUTPUT_GRID"], "g", "ogr")
    style_damaged_cells(0.1)(vector)
    rules = vector.renderer().rootRule().children()
    assert [r.label() for r in rules] == ["Damaged: flooded share > 10 %", "No data (no valid pixel)", "Not damaged"]
    assert rules[0].filterExpression() == '"damaged" = 1' and rules[1].filterExpression() == '"damaged" IS NULL'
    assert rules[0].symbol().symbolLayer(0).strokeWidth() == pytest.approx(0.9)


def test_bad_input_is_refused_clearly(run_alg, s2_chip, s1_chip, tmp_path):
    from conftest import data_path

    def run(before, after, **params):
        with pytest.raises(QgsProcessingException) as info:
            flood(run_alg, before, after, tmp_path, **params)
        return str(info.value)

    # a radar model forced on an optical scene
    message = run(s2_chip, s1_chip, MODEL="water_sdwi")
    assert message.startswith("BEFORE:") and "sentinel1" in message
    # a model that is neither a water model nor a before/after change model
    message = run(s2_chip, s2_chip, MODEL="index_ndvi")
    assert "fits neither way" in message and "'before' and 'after'" in message
    # an RGB scene has no band any water model can use
    rgb = data_path("landsat", "RGB.byte.tif")
    message = run(rgb, rgb)
    assert message.startswith("BEFORE:") and "no water model fits this raster" in message
    # a damage threshold outside 0..1 is refused by the parameter itself
    with pytest.raises(QgsProcessingException):
        flood(run_alg, s2_chip, s2_chip, tmp_path, DAMAGE_THRESHOLD=1.5)
    assert not (tmp_path / "change.tif").exists()


def chip_pair_model(chip: int):
    """A grid-level two-input classifier (like a Siamese flood-damage classifier on chips): the share
    of a chip's pixels whose MNDWI rose above 0.2 is its probability of new flood."""
    nodes, inits = [], []
    water = {}
    for role in ("before", "after"):
        n, i = split_bands(role, [f"{role}_green", f"{role}_swir"])
        nd, nd_i = normalized_difference_nodes(f"{role}_green", f"{role}_swir", f"{role}_mndwi", prefix=f"{role}_nd")
        nodes += n + nd
        nodes += [
            helper.make_node("Greater", [f"{role}_mndwi", "c_thr"], [f"{role}_bool"]),
            helper.make_node("Cast", [f"{role}_bool"], [f"{role}_w"], to=onnx.TensorProto.FLOAT),
        ]
        inits += i + nd_i
        water[role] = f"{role}_w"
    nodes += [
        helper.make_node("Sub", ["c_one", water["before"]], ["dry_before"]),
        helper.make_node("Mul", [water["after"], "dry_before"], ["is_new"]),
        helper.make_node("ReduceMean", ["is_new"], ["share"], axes=[2, 3], keepdims=0),
    ]
    inits += [const("c_thr", 0.2), const("c_one", 1.0)]
    card = card_base(
        name="test_chip_change",
        title="Test grid-level change classifier",
        version="0.0.1",
        task="flood_change",
        citation="none",
        data="formula",
        caveats="test only",
        model_type="chip",
        inputs=[
            {"name": "before", "bands": ["green", "swir16"], "scale": 0.0001},
            {"name": "after", "bands": ["green", "swir16"], "scale": 0.0001},
        ],
        tiling={"tile_size": chip, "overlap": 0, "merge": "none"},
        outputs=[{"name": "share", "kind": "probability", "threshold": 0.3}],
    )
    graph_out = helper.make_tensor_value_info("share", onnx.TensorProto.FLOAT, ["N", 1])
    return build_model(
        nodes, [tensor_input("before", 2, chip, chip), tensor_input("after", 2, chip, chip)], [graph_out], card, inits
    )


def test_two_input_chip_model_plugs_in(run_alg, s2_chip, flipped_before, tmp_path):
    chip = 48  # 512 px is not a multiple: the last chips of each row and column are partial
    path = tmp_path / "chip_change.onnx"
    onnx.save(chip_pair_model(chip), str(path))
    log = Log()
    _, out, grid = flood(run_alg, flipped_before, s2_chip, tmp_path, feedback=log, MODEL=str(path), CELL_SIZE=500)
    assert "chip model: each 48 x 48 px chip's class is given to its valid pixels" in log.text
    got = read(out)
    pixel = expected_mndwi_change(flipped_before, s2_chip)
    valid = pixel != NODATA
    expected = np.full(got.shape, NODATA, dtype=np.uint8)
    flagged = 0
    for y in range(0, 512, chip):
        for x in range(0, 512, chip):
            cell = (slice(y, y + chip), slice(x, x + chip))
            # the runner pads chips to 48 x 48 with invalid pixels; shares are of the whole chip
            if valid[cell].sum() < 0.5 * chip * chip:
                continue
            share = (pixel[cell] == NEW_FLOOD).sum() / (chip * chip)
            flagged += share > 0.3
            expected[cell] = np.where(valid[cell], NEW_FLOOD if share > 0.3 else 0, NODATA)
    print(f"\ntwo-input chip model: {flagged} chips flagged as new flood")
    assert flagged > 3
    assert np.array_equal(got, expected)
    cells = gpd.read_file(grid)
    assert cells["damaged"].sum() >= 1
