"""Radar in the engine alone (issue 16, no QGIS): the backscatter units judged from the values, and the
split-based automatic threshold on a mostly dry scene built from the Sen1Floods11 chip's own pixels and on
a synthetic scene with scarce water."""

import numpy as np
import pytest
import rasterio

SINGLE_POL_MIN = 0.55  # the bar (a global Otsu threshold gives 0.567 VV / 0.566 VH on this chip)


def read(path, band=1):
    with rasterio.open(path) as ds:
        return ds.read(band)


def write_scene(src_path, dst_path, data, descriptions, dtype="float32", nodata=None):
    with rasterio.open(src_path) as src:
        profile = src.profile.copy()
    profile.update(driver="GTiff", count=data.shape[0], dtype=dtype, nodata=nodata)
    with rasterio.open(dst_path, "w", **profile) as dst:
        dst.write(data.astype(dtype))
        for b, name in enumerate(descriptions, start=1):
            if name:
                dst.set_band_description(b, name)
    return dst_path


@pytest.fixture(scope="module")
def chip_db(s1_chip):
    with rasterio.open(s1_chip) as ds:
        assert ds.descriptions == ("VV", "VH")
        return ds.read().astype(np.float64)


def test_units_judged_from_values_warn_when_unsure_and_refuse_digital_numbers(s1_chip, chip_db, tmp_path):
    """Edge cases of the value check, on the chip's own values: bright linear power (median near 1)
    is taken as linear with a warning flag; amplitude digital numbers are refused."""
    from satimpact.engine.errors import EngineError
    from satimpact.engine.radar import check_backscatter

    db = check_backscatter(str(s1_chip), [1, 2])
    assert db.units == "db" and db.sure
    linear = 10.0 ** (chip_db / 10.0)
    sure = check_backscatter(str(write_scene(s1_chip, tmp_path / "lin.tif", linear, ["VV", "VH"])), [1, 2])
    assert sure.units == "linear" and sure.sure
    bright = write_scene(s1_chip, tmp_path / "bright.tif", linear * 20.0, [None, None])
    unsure = check_backscatter(str(bright), [1, 2])
    assert unsure.units == "linear" and not unsure.sure and "median" in unsure.how
    dn = write_scene(s1_chip, tmp_path / "dn.tif", np.sqrt(linear) * 900.0, [None, None], dtype="uint16")
    with pytest.raises(EngineError, match="neither like backscatter in dB"):
        check_backscatter(str(dn), [1, 2])


@pytest.mark.slow
def test_split_based_finds_the_water_a_scene_wide_otsu_misses(s1_chip, chip_db, water_label, tmp_path):
    """Edge case built from real pixels: the chip in one corner of a 2048 x 2048 scene whose rest is the
    chip's own land pixels drawn at random. Water is then 1.6 % of the scene, the scene's histogram is
    not bimodal and a scene-wide Otsu cut falls inside the land; the split-based threshold still finds
    the chip's water. A scene of land only has no bimodal tile: the fixed value applies."""
    from satimpact.engine.radar import otsu_cut, split_threshold_of_raster
    from satimpact.engine.water import otsu_threshold

    truth = read(water_label)
    rng = np.random.default_rng(7)
    land = chip_db[0][truth == 0]
    n = 2048
    big = land[rng.integers(0, land.size, n * n)].reshape(1, n, n)
    big[0, :512, :512] = chip_db[0]
    with rasterio.open(s1_chip) as src:
        profile = src.profile.copy()
    profile.update(
        driver="GTiff", width=n, height=n, count=1, dtype="float32", tiled=True, blockxsize=256, blockysize=256
    )
    path = tmp_path / "mostly_dry.tif"
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(big.astype("float32"))

    valid = truth >= 0

    def chip_iou(t):
        pred, true = (chip_db[0] < t) & valid, (truth == 1) & valid
        return float((pred & true).sum() / (pred | true).sum())

    split = split_threshold_of_raster(str(path))
    scene_otsu = otsu_threshold(str(path))
    print(
        f"\nmostly dry scene: split-based {split.threshold:.2f} dB ({split.tiles_kept} tiles) IoU "
        f"{chip_iou(split.threshold):.4f}; scene-wide Otsu {scene_otsu:.2f} dB IoU {chip_iou(scene_otsu):.4f}"
    )
    assert split.found and chip_iou(split.threshold) >= SINGLE_POL_MIN
    assert chip_iou(scene_otsu) < chip_iou(split.threshold) - 0.1

    only_land = tmp_path / "land.tif"
    profile.update(width=512, height=512)
    with rasterio.open(only_land, "w", **profile) as dst:
        dst.write(big[:, 1024:1536, 1024:1536].astype("float32"))
    fallback = split_threshold_of_raster(str(only_land))
    assert not fallback.found and "no tile of the scene has a bimodal histogram" in fallback.describe()
    assert otsu_cut(np.ones(4), np.arange(5.0)) is not None  # a flat histogram still has a cut


@pytest.mark.slow
def test_scarce_water_is_split_further(tmp_path):
    """Synthetic edge case (known classes): land N(-10, 3) dB, one lake N(-20, 2) dB covering 9 % of a
    2048 x 2048 scene. The scene passes as bimodal, but Otsu on it cuts into the land; a square must
    give the smaller class 20 % to be kept, so the quarter holding the lake is used and its cut is
    nearer the cut with the fewest errors."""
    from rasterio.transform import from_origin

    from satimpact.engine.radar import split_threshold_of_raster
    from satimpact.engine.water import otsu_threshold

    n = 2048
    rng = np.random.default_rng(11)
    scene = rng.normal(-10.0, 3.0, (n, n))
    lake = np.zeros((n, n), dtype=bool)
    lake[:500, :750] = True
    scene[lake] = rng.normal(-20.0, 2.0, int(lake.sum()))
    profile = dict(driver="GTiff", width=n, height=n, count=1, dtype="float32", crs="EPSG:32630")
    path = tmp_path / "lake.tif"
    with rasterio.open(path, "w", transform=from_origin(0, 0, 10, 10), **profile) as dst:
        dst.write(scene.astype("float32"), 1)
    cuts = np.arange(-20.0, -8.0, 0.05)
    errors = [int(((scene < t) != lake).sum()) for t in cuts]
    best = float(cuts[int(np.argmin(errors))])
    split = split_threshold_of_raster(str(path))
    scene_otsu = otsu_threshold(str(path))
    print(
        f"\nscarce water: fewest errors at {best:.2f} dB, split-based {split.threshold:.2f}, "
        f"scene Otsu {scene_otsu:.2f}"
    )
    assert split.found and split.kept_pixels < split.valid_pixels  # not the whole scene
    assert abs(split.threshold - best) < abs(scene_otsu - best) - 1.0
