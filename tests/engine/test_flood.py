"""Flood change in the engine alone (engine/change.py, no QGIS): class-name mapping, windows and
nodata, cancel, the aligned pair's bands, and the runner's GDAL block cache; on the Sen1Floods11 chip."""

import numpy as np
import pytest
import rasterio
from rasterio.enums import Resampling
from rasterio.warp import calculate_default_transform, reproject

from satimpact.engine.change import NEW_FLOOD, NODATA, PERMANENT, RECEDED, class_map
from satimpact.engine.errors import CardError


def read(path, band=1):
    with rasterio.open(path) as ds:
        return ds.read(band)


def reproject_scene(src_path, dst_path, crs, resolution, resampling=Resampling.bilinear):
    """A copy of a scene in another CRS and resolution (band names and nodata kept)."""
    with rasterio.open(src_path) as src:
        transform, width, height = calculate_default_transform(
            src.crs, crs, src.width, src.height, *src.bounds, resolution=resolution
        )
        profile = {
            "driver": "GTiff",
            "width": width,
            "height": height,
            "count": src.count,
            "dtype": src.dtypes[0],
            "crs": crs,
            "transform": transform,
            "nodata": src.nodata,
        }
        with rasterio.open(dst_path, "w", **profile) as dst:
            for b in range(1, src.count + 1):
                reproject(
                    rasterio.band(src, b),
                    rasterio.band(dst, b),
                    resampling=resampling,
                    src_nodata=src.nodata,
                    dst_nodata=src.nodata,
                )
                dst.set_band_description(b, src.descriptions[b - 1])
    return dst_path


def write_like(src_path, dst_path, data, window=None):
    with rasterio.open(src_path) as src:
        profile = src.profile.copy()
        descriptions = src.descriptions
        transform = src.window_transform(window) if window is not None else src.transform
    profile.update(driver="GTiff", tiled=False, width=data.shape[2], height=data.shape[1], transform=transform)
    for key in ("blockxsize", "blockysize"):
        profile.pop(key, None)
    with rasterio.open(dst_path, "w", **profile) as dst:
        dst.write(data.astype(profile["dtype"]))
        for b, name in enumerate(descriptions, start=1):
            dst.set_band_description(b, name)
    return dst_path


def test_class_names_that_do_not_map_are_refused():
    with pytest.raises(CardError) as info:
        class_map(["dry", "burnt"], "m")
    assert "class 'burnt' cannot be mapped" in str(info.value)
    table = class_map(["No_Change", "Flooded", "permanent-water", "Receded"], "m")
    assert list(table[:4]) == [0, NEW_FLOOD, PERMANENT, RECEDED]


@pytest.mark.slow
def test_windows_and_nodata_do_not_change_the_figures(s2_chip, s1_chip, tmp_path, monkeypatch):
    """Small windows give the same classes and cell figures as one window; rows without data in AFTER
    become nodata and leave every other pixel and every share of valid area as it was."""
    import satimpact.engine.change as change

    whole = change.detect_change(str(s2_chip), str(s1_chip), str(tmp_path / "whole.tif"), cell_size=500)
    monkeypatch.setattr(change, "WINDOW", 100)
    tiled = change.detect_change(str(s2_chip), str(s1_chip), str(tmp_path / "tiled.tif"), cell_size=500)
    assert np.array_equal(read(tmp_path / "whole.tif"), read(tmp_path / "tiled.tif"))
    for a, b in zip(whole.cells, tiled.cells):
        assert (a.key, a.pixels) == (b.key, b.pixels)
        assert a.flooded_m2 == pytest.approx(b.flooded_m2, rel=1e-7, abs=1e-6)
        assert a.valid_m2 == pytest.approx(b.valid_m2, rel=1e-7)

    with rasterio.open(s1_chip) as ds:
        data = ds.read()
    data[:, :100] = np.nan
    holes = write_like(s1_chip, tmp_path / "holes.tif", data)
    # fixed thresholds: an automatic one is the scene's own, and a scene with a hole is another scene
    fixed = dict(cell_size=500, auto_threshold=False)
    whole = change.detect_change(str(s2_chip), str(s1_chip), str(tmp_path / "whole.tif"), **fixed)
    partial = change.detect_change(str(s2_chip), str(holes), str(tmp_path / "partial.tif"), **fixed)
    full, part = read(tmp_path / "whole.tif"), read(tmp_path / "partial.tif")
    assert (part[:100] == NODATA).all() and np.array_equal(part[100:], full[100:])
    assert partial.counts[NODATA] == 100 * 512
    # cells wholly below the hole keep their figures; cells cut by it lose valid area only
    by_key = {c.key: c for c in whole.cells}
    for cell in partial.cells:
        ref = by_key[cell.key]
        assert cell.valid_m2 <= ref.valid_m2 * (1 + 1e-7)
        if cell.valid_m2 == pytest.approx(ref.valid_m2):
            assert cell.flooded_share == pytest.approx(ref.flooded_share)
    assert any(c.valid_m2 < by_key[c.key].valid_m2 - 1.0 for c in partial.cells)


def test_cancel_leaves_nothing(s2_chip, s1_chip, tmp_path):
    import satimpact.engine.change as change
    from satimpact.engine.errors import Cancelled
    from satimpact.engine.runner import Feedback

    class CancelLate(Feedback):
        def __init__(self):
            self.calls = 0

        def is_cancelled(self):
            self.calls += 1
            return self.calls > 3

    out = tmp_path / "cancelled.tif"
    with pytest.raises(Cancelled):
        change.detect_change(str(s2_chip), str(s1_chip), str(out), feedback=CancelLate())
    assert list(tmp_path.iterdir()) == []


def test_warped_after_carries_only_the_bands_the_models_read(s2_chip, tmp_path):
    from satimpact.engine.change import align_pair

    utm = reproject_scene(s2_chip, tmp_path / "utm.tif", "EPSG:32630", 20.0)
    work = tmp_path / "work"
    work.mkdir()
    pair = align_pair(str(s2_chip), str(utm), str(work), bands={"before": [3, 12], "after": [12, 3]})
    assert pair.before_path == str(s2_chip)  # already on the grid: read as it is
    assert pair.bands("before", [3, 12]) == [3, 12] and pair.bands("after", [12, 3]) == [2, 1]
    with rasterio.open(pair.after_path) as ds, rasterio.open(s2_chip) as ref:
        assert ds.count == 2 and ds.descriptions == ("B3", "B11")
        assert ds.crs == ref.crs and ds.transform.almost_equals(ref.transform) and ds.shape == ref.shape
        green = ds.read(1)
        truth = ref.read(3).astype(np.float32)
    ok = np.isfinite(green)
    assert ok.mean() > 0.97
    # bilinear from 20 m back to 10 m: close to the original green reflectance, not equal
    assert np.median(np.abs(green[ok] - truth[ok])) < 100


def test_runner_keeps_a_real_gdal_block_cache():
    """Regression: the runner capped GDAL's cache through rasterio.Env(GDAL_CACHEMAX=<MB>), which
    rasterio passes on as bytes (256 MB became 256 bytes); warped VRT reads were then 4-8x slower."""
    from osgeo import gdal

    from satimpact.engine.runner import _gdal_cache_limit

    before = gdal.GetCacheMax()
    with _gdal_cache_limit(256 << 20):
        assert gdal.GetCacheMax() == 256 << 20
    assert gdal.GetCacheMax() == before
