"""Water detection in the engine alone (no QGIS): polygons written strip by strip equal the whole
raster's, nodata survives thresholding across windows, and the default model follows the bands."""

import os

import numpy as np
import pytest
import rasterio

from satimpact.engine.model import load_model
from satimpact.engine.registry import SHIPPED_DIR
from satimpact.engine.water import iter_pixel_polygons, threshold_to_mask


def test_strip_polygons_equal_whole_raster_polygons(tmp_path):
    """Regions spanning the strip boundaries (U shapes, rings with islands) come out whole."""
    from affine import Affine
    from rasterio.features import shapes
    from shapely.geometry import shape
    from shapely.ops import unary_union

    rng = np.random.default_rng(4)
    h, w = 1300, 700
    noise = rng.random((h // 10 + 1, w // 10 + 1)) > 0.55
    mask = np.kron(noise, np.ones((10, 10), dtype=bool))[:h, :w].astype(np.uint8)
    mask[100:1200, 300:310] = 1  # a tall bar across every strip
    path = tmp_path / "mask.tif"
    with rasterio.open(
        path, "w", driver="GTiff", width=w, height=h, count=1, dtype="uint8", transform=Affine.identity()
    ) as ds:
        ds.write(mask, 1)
    ours = list(iter_pixel_polygons(str(path)))
    whole = [shape(g) for g, v in shapes(mask, mask=mask == 1, connectivity=4)]
    assert len(ours) == len(whole)
    assert sum(p.area for p in ours) == pytest.approx(mask.sum())
    assert unary_union(ours).symmetric_difference(unary_union(whole)).area == pytest.approx(0.0, abs=1e-6)
    assert sorted(round(p.area) for p in ours) == sorted(round(p.area) for p in whole)


def test_threshold_keeps_nodata_and_tiles(tmp_path):
    """Synthetic index larger than one window: nodata stays 255 and never counts as land."""
    from affine import Affine

    h, w = 1500, 1100
    x = np.linspace(-1, 1, w, dtype=np.float32)[None, :].repeat(h, 0)
    x[:50] = -9999.0
    x[60:70, 60:70] = np.nan
    path = tmp_path / "index.tif"
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        width=w,
        height=h,
        count=1,
        dtype="float32",
        nodata=-9999.0,
        transform=Affine(10, 0, 0, 0, -10, 0),
        crs="EPSG:32633",
    ) as ds:
        ds.write(x, 1)
    stats = threshold_to_mask(str(path), str(tmp_path / "mask.tif"), 0.0)
    with rasterio.open(tmp_path / "mask.tif") as ds:
        m = ds.read(1)
    assert (m[:50] == 255).all() and (m[60:70, 60:70] == 255).all()
    assert stats.nodata == 50 * w + 100
    assert stats.water == int(((x > 0) & (x != -9999)).sum())
    assert stats.water + stats.land + stats.nodata == h * w


@pytest.mark.parametrize(
    "count, descriptions, band_map, model, bands",
    [
        (13, None, None, "water_mndwi_evi", [2, 3, 4, 8, 12]),  # Sentinel-2 L1C: B2 B3 B4 B8 B11
        (12, None, None, "water_mndwi_evi", [2, 3, 4, 8, 11]),  # Sentinel-2 L2A (no B10)
        (11, None, None, "water_mndwi_evi", [2, 3, 4, 5, 6]),  # Landsat 8/9 OLI: B2 B3 B4 B5 B6
        (7, None, None, "water_mndwi_evi", [2, 3, 4, 5, 6]),  # Landsat 8/9 surface reflectance
        (8, None, None, "water_mndwi_evi", [1, 2, 3, 4, 5]),  # Landsat 7 ETM+: B1 B2 B3 B4 B5
        (4, None, None, "water_ndwi", [2, 4]),  # RGBN: no SWIR, NDWI
        (2, ["VV", "VH"], None, "water_sdwi", [1, 2]),  # Sentinel-1
        (3, None, "green=2,swir16=3", "water_mndwi", [2, 3]),  # a user's band map
    ],
)
def test_default_model_follows_the_bands(count, descriptions, band_map, model, bands):
    from satimpact.engine.water import DEFAULT_WATER_MODELS, choose_model

    candidates = [load_model(os.path.join(SHIPPED_DIR, f"{n}.onnx")) for n in DEFAULT_WATER_MODELS]
    chosen, resolution = choose_model(candidates, count, descriptions, band_map)
    assert chosen.card.name == model
    assert resolution.indices == bands
