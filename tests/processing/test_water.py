"""satimpact:waterdetection: accuracy against the Sen1Floods11 hand label, thresholds (card, user,
Otsu), polygons with true areas, a .model3 chain and bad input; the engine's edge cases are in
tests/engine/test_water.py."""

import glob
import os

import numpy as np
import pytest
import rasterio
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
)

from satimpact.engine.model import load_model
from satimpact.engine.registry import SHIPPED_DIR
from satimpact.engine.water import otsu_from_histogram, otsu_threshold

from model3_chains import run_chain, tool_then_raster_stats

# Floors asserted below: the bars for the defaults; for Otsu, the figure measured on
# this chip (see the model cards) minus a margin of 0.01.
OPTICAL_DEFAULT_MIN = 0.72
RADAR_DEFAULT_MIN = 0.56
MARGIN = 0.01


def label(water_label):
    with rasterio.open(water_label) as ds:
        return ds.read(1)


def iou(mask_path, water_label):
    truth = label(water_label)
    with rasterio.open(mask_path) as ds:
        mask = ds.read(1)
    valid = (truth >= 0) & (mask != 255)  # the label's -1 and the mask's nodata are left out
    pred = (mask == 1) & valid
    true = (truth == 1) & valid
    return float((pred & true).sum() / (pred | true).sum())


def card_metric(name, which):
    card = load_model(os.path.join(SHIPPED_DIR, f"{name}.onnx")).card
    label_text = "default threshold" if which == "default" else "AUTO_THRESHOLD"
    return next(m["value"] for m in card.metrics if label_text in m["name"])


def run_water(run_alg, scene, out, **params):
    return run_alg("satimpact:waterdetection", {"INPUT": str(scene), "OUTPUT": str(out), **params})


# --- accuracy ----------------------------------------------------------------------------------


def test_optical_default_model_and_accuracy(run_alg, s2_chip, water_label, tmp_path):
    out = tmp_path / "water_s2.tif"
    result = run_water(run_alg, s2_chip, out)
    assert result["MODEL_USED"] == "water_mndwi_evi"  # 13 bands: blue..SWIR all there
    assert result["THRESHOLD_USED"] == 0.0  # the card's default (Zou et al.)
    score = iou(out, water_label)
    print(f"\noptical water (water_mndwi_evi, default threshold 0): IoU {score:.4f}")
    assert score >= OPTICAL_DEFAULT_MIN
    assert score == pytest.approx(card_metric("water_mndwi_evi", "default"), abs=1e-3)
    with rasterio.open(out) as ds, rasterio.open(s2_chip) as src:
        assert ds.dtypes[0] == "uint8" and ds.nodata == 255
        assert ds.crs == src.crs and ds.transform == src.transform
        assert ds.profile["tiled"] and ds.profile["compress"] == "zstd"
        assert set(np.unique(ds.read(1))) <= {0, 1, 255}


@pytest.mark.parametrize(
    "model, scene",
    [
        ("water_mndwi_evi", "s2"),
        ("water_mndwi", "s2"),
        ("water_ndwi", "s2"),
        ("water_sdwi", "s1"),
    ],
)
def test_every_model_default_and_otsu_match_cards(run_alg, s2_chip, s1_chip, water_label, tmp_path, model, scene):
    chip = s2_chip if scene == "s2" else s1_chip
    default = iou(run_water(run_alg, chip, tmp_path / "d.tif", MODEL=model)["OUTPUT"], water_label)
    auto = run_water(run_alg, chip, tmp_path / "a.tif", MODEL=model, AUTO_THRESHOLD=True)
    otsu = iou(auto["OUTPUT"], water_label)
    print(f"\n{model}: IoU default {default:.4f}, Otsu {otsu:.4f} (threshold {auto['THRESHOLD_USED']:.4f})")
    # the cards carry these figures; a drift in the model or the tool shows here
    assert default == pytest.approx(card_metric(model, "default"), abs=1e-3)
    assert otsu == pytest.approx(card_metric(model, "auto"), abs=1e-3)
    assert otsu >= card_metric(model, "auto") - MARGIN


def test_radar_default_and_auto_threshold(run_alg, s1_chip, water_label, tmp_path):
    out = tmp_path / "water_s1.tif"
    result = run_water(run_alg, s1_chip, out)
    assert result["MODEL_USED"] == "water_sdwi"  # VV/VH: only the radar model fits
    assert result["THRESHOLD_USED"] == pytest.approx(-np.exp(4) / np.sqrt(10), abs=1e-4)
    score = iou(out, water_label)
    print(f"\nradar water (water_sdwi, SDWI > 0): IoU {score:.4f}")
    assert score >= RADAR_DEFAULT_MIN
    auto = run_water(run_alg, s1_chip, tmp_path / "water_s1_otsu.tif", AUTO_THRESHOLD=True)
    auto_iou = iou(auto["OUTPUT"], water_label)
    print(f"radar water, AUTO_THRESHOLD (Otsu {auto['THRESHOLD_USED']:.3f} dB): IoU {auto_iou:.4f}")
    assert auto_iou >= 0.5925 - MARGIN
    assert auto["THRESHOLD_USED"] != result["THRESHOLD_USED"]


def test_optical_auto_threshold(run_alg, s2_chip, water_label, tmp_path):
    """Otsu on MNDWI lands near the 0.2 that the literature's fixed thresholds miss on L1C data."""
    auto = run_water(run_alg, s2_chip, tmp_path / "otsu.tif", MODEL="water_mndwi", AUTO_THRESHOLD=True)
    score = iou(auto["OUTPUT"], water_label)
    print(f"\nMNDWI with Otsu ({auto['THRESHOLD_USED']:.3f}): IoU {score:.4f}")
    assert 0.1 < auto["THRESHOLD_USED"] < 0.25
    assert score >= 0.7199 - MARGIN


def test_otsu_matches_a_direct_computation(s2_chip, tmp_path, run_alg):
    """The engine's tiled histogram gives the same cut as Otsu on the whole array."""
    index = tmp_path / "mndwi.tif"
    run_water(run_alg, s2_chip, tmp_path / "m.tif", MODEL="water_mndwi", OUTPUT_INDEX=str(index))
    with rasterio.open(index) as ds:
        x = ds.read(1)
        x = x[x != ds.nodata]
    lo, hi = np.quantile(x, [0.01, 0.99])
    counts, edges = np.histogram(np.clip(x, lo, hi), bins=4096, range=(lo, hi))
    assert otsu_threshold(str(index)) == pytest.approx(otsu_from_histogram(counts, edges), abs=2e-3)


def test_user_threshold_and_index_output(run_alg, s2_chip, tmp_path):
    index = tmp_path / "ndwi.tif"
    result = run_water(run_alg, s2_chip, tmp_path / "t.tif", MODEL="water_ndwi", THRESHOLD=0.1, OUTPUT_INDEX=str(index))
    assert result["THRESHOLD_USED"] == pytest.approx(0.1)
    with rasterio.open(s2_chip) as src:
        green = src.read(3).astype(np.float64)
        nir = src.read(8).astype(np.float64)
    ndwi = (green - nir) / (green + nir)
    with rasterio.open(index) as ds:
        assert ds.descriptions[0] == "ndwi"
        got = ds.read(1)
    with rasterio.open(result["OUTPUT"]) as ds:
        mask = ds.read(1)
    valid = got != -9999
    assert np.abs(got[valid] - ndwi[valid]).max() < 1e-5
    assert np.array_equal(mask[valid] == 1, got[valid] > 0.1)


# --- polygons and areas --------------------------------------------------------------------------


def test_polygons_true_area_in_epsg4326(run_alg, s2_chip, tmp_path):
    """EPSG:4326 chip: area_m2 equals the sum of each water pixel's ellipsoidal area."""
    import fiona
    from pyproj import Geod

    polys = tmp_path / "bodies.gpkg"
    result = run_water(run_alg, s2_chip, tmp_path / "w.tif", OUTPUT_POLYGONS=str(polys), MIN_AREA=0)
    with rasterio.open(result["OUTPUT"]) as ds:
        mask = ds.read(1)
        t = ds.transform
    geod = Geod(ellps="WGS84")
    rows = np.arange(mask.shape[0])
    row_area = np.array(
        [
            abs(
                geod.polygon_area_perimeter(
                    [t.c, t.c + t.a, t.c + t.a, t.c],
                    [t.f + r * t.e, t.f + r * t.e, t.f + (r + 1) * t.e, t.f + (r + 1) * t.e],
                )[0]
            )
            for r in rows
        ]
    )
    expected = float(((mask == 1).sum(axis=1) * row_area).sum())
    with fiona.open(polys) as src:
        feats = list(src)
    total = sum(f["properties"]["area_m2"] for f in feats)
    pixels = sum(f["properties"]["pixels"] for f in feats)
    print(f"\n{len(feats)} water bodies, {total / 1e6:.4f} km2 (pixel sum {expected / 1e6:.4f} km2)")
    assert pixels == int((mask == 1).sum())
    assert total == pytest.approx(expected, rel=1e-3)
    # each body: about its pixel count times a pixel's area at that latitude (~ 78 m2 here)
    for f in feats:
        assert f["properties"]["area_m2"] == pytest.approx(f["properties"]["pixels"] * row_area.mean(), rel=5e-3)


@pytest.fixture(scope="module")
def bigearthnet_s2(tmp_path_factory):
    from satimpact.engine.stack import stack_bigearthnet_s2

    from conftest import data_path

    folder = data_path("bigearthnet", "S2", "S2B_MSIL2A_20170924T93020_69_24")  # CORINE: water bodies, peat bogs
    return stack_bigearthnet_s2(str(folder), str(tmp_path_factory.mktemp("stacks")))


def test_polygons_in_utm_and_min_area(run_alg, bigearthnet_s2, tmp_path):
    """A UTM scene: area_m2 is exactly pixels x 100 m2; MIN_AREA drops the small bodies."""
    import fiona

    all_polys = tmp_path / "all.gpkg"
    result = run_water(run_alg, bigearthnet_s2, tmp_path / "w.tif", OUTPUT_POLYGONS=str(all_polys), MIN_AREA=0)
    with rasterio.open(result["OUTPUT"]) as ds:
        assert ds.crs.is_projected
        assert abs(ds.transform.a) == 10.0
        n_water = int((ds.read(1) == 1).sum())
    with fiona.open(all_polys) as src:
        feats = list(src)
    print(f"\nBigEarthNet patch: {n_water} water pixels, {len(feats)} bodies")
    assert n_water > 100 and feats
    assert sum(f["properties"]["pixels"] for f in feats) == n_water
    for f in feats:
        assert f["properties"]["area_m2"] == pytest.approx(f["properties"]["pixels"] * 100.0, rel=1e-9)
    if feats:
        cut = sorted(f["properties"]["area_m2"] for f in feats)[len(feats) // 2] + 1.0
        big = tmp_path / "big.gpkg"
        run_water(run_alg, bigearthnet_s2, tmp_path / "w2.tif", OUTPUT_POLYGONS=str(big), MIN_AREA=cut)
        with fiona.open(big) as src:
            kept = [f["properties"]["area_m2"] for f in src]
        assert all(a >= cut for a in kept)
        assert len(kept) == sum(1 for f in feats if f["properties"]["area_m2"] >= cut)
    # MIN_AREA left empty: bodies of fewer than 4 pixels (400 m2 at 10 m) are dropped
    default = tmp_path / "default.gpkg"
    run_water(run_alg, bigearthnet_s2, tmp_path / "w3.tif", OUTPUT_POLYGONS=str(default))
    with fiona.open(default) as src:
        pixels = sorted(f["properties"]["pixels"] for f in src)
    assert pixels == sorted(f["properties"]["pixels"] for f in feats if f["properties"]["pixels"] >= 4)
    assert len(pixels) < len(feats)


# --- qgis_process, .model3, bad input ------------------------------------------------------------


def test_water_in_model3_chain(satimpact_provider, s1_chip, water_label, tmp_path):
    """waterdetection -> native:rasterlayerstatistics, saved as .model3, loaded back and run."""
    loaded = tool_then_raster_stats(
        "satimpact:waterdetection", "water", "mask", {"AUTO_THRESHOLD": True}, tmp_path / "water_share.model3"
    )
    out = tmp_path / "chain_water.tif"
    result = run_chain(loaded, {"scene": str(s1_chip), "water:mask": str(out)})
    assert out.exists()
    assert iou(out, water_label) >= 0.5925 - MARGIN
    with rasterio.open(out) as ds:
        m = ds.read(1)
    child = result["CHILD_RESULTS"]["stats"]
    # the mask's mean over valid pixels is the water share (no nodata on this chip)
    assert child["MEAN"] == pytest.approx(float((m == 1).mean()), abs=1e-4)
    assert result["CHILD_RESULTS"]["water"]["MODEL_USED"] == "water_sdwi"


def test_radar_model_on_optical_scene_is_refused(run_alg, s2_chip, tmp_path):
    out = tmp_path / "x.tif"
    with pytest.raises(QgsProcessingException) as info:
        run_water(run_alg, s2_chip, out, MODEL="water_sdwi")
    message = str(info.value)
    assert "made for sentinel1 imagery" in message and "Sentinel-2" in message
    assert not out.exists()


def test_scene_without_green_or_nir_is_refused(run_alg, tmp_path):
    from conftest import data_path

    rgb = data_path("landsat", "RGB.byte.tif")  # red, green, blue: no NIR, no SWIR, not radar
    with pytest.raises(QgsProcessingException) as info:
        run_water(run_alg, rgb, tmp_path / "x.tif")
    message = str(info.value)
    assert "no water model fits this raster" in message
    assert "band 'nir' is missing" in message and "band 'swir16' is missing" in message
    with pytest.raises(QgsProcessingException) as info:
        run_water(run_alg, rgb, tmp_path / "y.tif", MODEL="water_ndwi")
    assert "band 'nir' is missing" in str(info.value)
    with pytest.raises(QgsProcessingException) as info:
        run_water(run_alg, rgb, tmp_path / "z.tif", MODEL="water_ndwi", BAND_MAP="green=2")
    assert "band 'nir' is missing" in str(info.value)
    assert not glob.glob(str(tmp_path / "*.tif"))


def test_non_water_model_and_bad_polygon_format_are_refused(run_alg, s2_chip, tmp_path):
    with pytest.raises(QgsProcessingException) as info:
        run_water(run_alg, s2_chip, tmp_path / "x.tif", MODEL="debris_fdi")
    assert "not a water model" in str(info.value)
    with pytest.raises(QgsProcessingException) as info:
        run_water(run_alg, s2_chip, tmp_path / "y.tif", OUTPUT_POLYGONS=str(tmp_path / "bodies.kml"))
    assert "GeoPackage" in str(info.value)


def test_results_load_styled_and_named(satimpact_provider, s2_chip, tmp_path):
    """Loaded results: blue paletted mask with transparent land, diverging index, outlined bodies,
    FDI ramp and magenta candidate outlines; names say what each layer is."""
    from qgis.core import QgsPalettedRasterRenderer, QgsSingleBandPseudoColorRenderer, QgsSingleSymbolRenderer
    from qgis.PyQt.QtCore import Qt

    import processing

    project = QgsProject.instance()
    project.removeAllMapLayers()
    context = QgsProcessingContext()
    context.setProject(project)
    processing.runAndLoadResults(
        "satimpact:waterdetection",
        {
            "INPUT": str(s2_chip),
            "OUTPUT": str(tmp_path / "w.tif"),
            "OUTPUT_INDEX": str(tmp_path / "i.tif"),
            "OUTPUT_POLYGONS": str(tmp_path / "p.gpkg"),
        },
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    processing.runAndLoadResults(
        "satimpact:debrisdetection",
        {"INPUT": str(s2_chip), "OUTPUT": str(tmp_path / "f.tif"), "OUTPUT_CANDIDATES": str(tmp_path / "c.gpkg")},
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    names = sorted(layers)
    print("\nloaded layers:", names)
    mask = next(layer for n, layer in layers.items() if n.startswith("Water mask (water_mndwi_evi)"))
    renderer = mask.renderer()
    assert isinstance(renderer, QgsPalettedRasterRenderer)
    colours = {c.value: c.color for c in renderer.classes()}
    assert colours[1].blue() > 200 and colours[1].alpha() == 255
    assert colours[0].alpha() == 0  # land transparent
    index = next(layer for n, layer in layers.items() if n.startswith("Water index: water_score"))
    assert isinstance(index.renderer(), QgsSingleBandPseudoColorRenderer)
    bodies = next(layer for n, layer in layers.items() if n.startswith("Water bodies"))
    assert isinstance(bodies.renderer(), QgsSingleSymbolRenderer)
    fdi = next(layer for n, layer in layers.items() if n.startswith("Floating Debris Index (debris_fdi)"))
    assert isinstance(fdi.renderer(), QgsSingleBandPseudoColorRenderer)
    assert fdi.renderer().classificationMin() == pytest.approx(-0.1)
    cands = next(layer for n, layer in layers.items() if n.startswith("Debris candidates on water"))
    outline = cands.renderer().symbol().symbolLayer(0)
    assert outline.strokeColor().name() == "#ff00ff"
    assert outline.brushStyle() == Qt.BrushStyle.NoBrush  # outlines only
    project.removeAllMapLayers()
