"""satimpact:debrisdetection: FDI against the formula (hand values and the real chip), candidates on
water only, cloud exclusion, injected patches, S2A/S2B wavelengths, .model3, bad input."""

import numpy as np
import pytest
import rasterio
from qgis.core import QgsProcessingException
from scipy.ndimage import binary_closing, binary_erosion

from ..engine.test_debris import S2A, S2B, fdi_formula, shipped
from model3_chains import run_chain, tool_then_raster_stats

L1C = ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B10", "B11", "B12"]


def run_debris(run_alg, scene, tmp_path, stem="fdi", **params):
    return run_alg(
        "satimpact:debrisdetection",
        {
            "INPUT": str(scene),
            "OUTPUT": str(tmp_path / f"{stem}.tif"),
            "OUTPUT_CANDIDATES": str(tmp_path / f"{stem}.gpkg"),
            **params,
        },
    )


def candidate_pixels(gpkg, like_tif):
    """Rasterise the candidate polygons on the FDI grid."""
    import fiona
    from rasterio.features import rasterize

    with fiona.open(gpkg) as src:
        feats = list(src)
    with rasterio.open(like_tif) as ds:
        shape, transform = (ds.height, ds.width), ds.transform
    if not feats:
        return np.zeros(shape, dtype=bool), feats
    burned = rasterize([(f["geometry"], 1) for f in feats], out_shape=shape, transform=transform, fill=0)
    return burned.astype(bool), feats


# --- the index itself ---------------------------------------------------------------------------


def test_fdi_on_the_real_chip_matches_the_formula(run_alg, s2_chip, tmp_path):
    result = run_debris(run_alg, s2_chip, tmp_path)
    assert result["MODEL_USED"] == "debris_fdi"  # no platform in the file name: S2A, with a warning
    with rasterio.open(s2_chip) as src:
        b = {name: src.read(i + 1).astype(np.float64) / 10000.0 for i, name in enumerate(L1C)}
    expected = fdi_formula(b["B8"], b["B6"], b["B11"], S2A)
    with rasterio.open(result["OUTPUT"]) as ds:
        assert ds.dtypes[0] == "float32" and ds.descriptions[0] == "fdi"
        got = ds.read(1)
        valid = got != ds.nodata
    assert valid.mean() > 0.99
    assert np.abs(got[valid] - expected[valid]).max() < 1e-6


# --- candidates ---------------------------------------------------------------------------------


def water_mask_closed(run_alg, scene, tmp_path):
    """The water mask the debris tool uses, computed independently with the water tool."""
    out = run_alg("satimpact:waterdetection", {"INPUT": str(scene), "OUTPUT": str(tmp_path / "water.tif")})
    with rasterio.open(out["OUTPUT"]) as ds:
        water = ds.read(1) == 1
    return water | binary_closing(water, structure=np.ones((5, 5), dtype=bool))


def test_flagged_share_on_a_scene_without_debris(run_alg, s2_chip, tmp_path):
    result = run_debris(run_alg, s2_chip, tmp_path)
    share = result["FLAGGED_SHARE"]
    print(
        f"\nSen1Floods11 S2 chip: {result['FLAGGED_PIXELS']} of {result['WATER_PIXELS']} cloud-free water "
        f"pixels flagged as debris ({100 * share:.3f} %), {result['CANDIDATES']} candidate patches"
    )
    card = shipped("debris_fdi").card
    recorded = next(m["value"] for m in card.metrics if "flagged" in m["name"])
    assert share == pytest.approx(recorded, abs=5e-4)
    assert share < 0.03  # a flood scene with no known debris: a small share, not the water body
    assert result["WATER_PIXELS"] > 50000


def test_candidates_are_on_water_only_and_have_fields(run_alg, s2_chip, tmp_path):
    result = run_debris(run_alg, s2_chip, tmp_path)
    burned, feats = candidate_pixels(result["OUTPUT_CANDIDATES"], result["OUTPUT"])
    assert feats, "the chip has FDI outliers on water; expected some candidates"
    on_water = water_mask_closed(run_alg, s2_chip, tmp_path)
    assert not (burned & ~on_water).any(), "a candidate lies on land"
    with rasterio.open(s2_chip) as src:
        red = src.read(4) / 10000.0
    assert not (burned & (red >= 0.25)).any(), "a cloud-like bright pixel became a candidate"
    assert burned.sum() == result["FLAGGED_PIXELS"] == sum(f["properties"]["pixels"] for f in feats)
    with rasterio.open(result["OUTPUT"]) as ds:
        cut = float(ds.tags()["SATIMPACT_FDI_CUT"])
        fdi = ds.read(1)
    assert (fdi[burned] > cut).all()
    for f in feats:
        p = f["properties"]
        assert p["score"] > 3.0 and p["fdi_max"] > cut and p["fdi"] > 0
        assert -1.0 <= p["ndvi"] <= 1.0
        assert p["area_m2"] > 0 and p["pixels"] >= 1
        assert p["area_m2"] == pytest.approx(p["pixels"] * 78.0, rel=0.02)  # ~8.8 m x 8.9 m at 38 N


def test_injected_patch_is_found_on_water_and_ignored_on_land(run_alg, s2_chip, water_label, tmp_path):
    """A 3x3 patch with NIR raised by 0.25 (dense floating matter) is a candidate in the middle of a
    water body; the same patch on dry land is not."""
    with rasterio.open(s2_chip) as src:
        profile = src.profile
        data = src.read()
        descriptions = src.descriptions
    with rasterio.open(water_label) as ds:
        label = ds.read(1)
    inner_water = binary_erosion(label == 1, structure=np.ones((15, 15)))
    dry = binary_erosion(label == 0, structure=np.ones((41, 41))) & (data[3] < 2000)
    wy, wx = (int(v[len(v) // 2]) for v in np.nonzero(inner_water))
    ly, lx = (int(v[len(v) // 2]) for v in np.nonzero(dry))
    patched = data.copy()
    for y, x in ((wy, wx), (ly, lx)):
        patched[7, y - 1 : y + 2, x - 1 : x + 2] += 2500  # B8 (NIR) + 0.25 reflectance
    scene = tmp_path / "chip_with_patches.tif"
    with rasterio.open(scene, "w", **profile) as out:
        out.write(patched)
        for i, d in enumerate(descriptions, start=1):
            out.set_band_description(i, d)
    result = run_debris(run_alg, scene, tmp_path, stem="patched")
    burned, _ = candidate_pixels(result["OUTPUT_CANDIDATES"], result["OUTPUT"])
    assert burned[wy - 1 : wy + 2, wx - 1 : wx + 2].all(), "the patch on water was missed"
    assert not burned[ly - 5 : ly + 6, lx - 5 : lx + 6].any(), "the patch on land became a candidate"
    # the input file was not modified by the run
    with rasterio.open(scene) as ds:
        assert np.array_equal(ds.read(), patched)


def test_sentinel2b_scene_uses_its_own_wavelengths(run_alg, tmp_path):
    from satimpact.engine.stack import stack_bigearthnet_s2

    from conftest import data_path

    folder = data_path("bigearthnet", "S2", "S2B_MSIL2A_20170924T93020_69_24")  # CORINE: water bodies
    scene = stack_bigearthnet_s2(str(folder), str(tmp_path))
    result = run_debris(run_alg, scene, tmp_path, stem="s2b")
    assert result["MODEL_USED"] == "debris_fdi_s2b"
    with rasterio.open(scene) as src:
        names = list(src.descriptions)
        b = {n: src.read(names.index(n) + 1).astype(np.float64) / 10000.0 for n in ("B06", "B08", "B11")}
    with rasterio.open(result["OUTPUT"]) as ds:
        got = ds.read(1)
        valid = got != ds.nodata
    expected = fdi_formula(b["B08"], b["B06"], b["B11"], S2B)
    assert np.abs(got[valid] - expected[valid]).max() < 1e-6
    print(f"\nBigEarthNet S2B patch: {result['WATER_PIXELS']} water pixels, {result['CANDIDATES']} candidates")
    assert result["WATER_PIXELS"] > 100


# --- qgis_process, .model3, bad input ------------------------------------------------------------


def test_debris_in_model3_chain(satimpact_provider, s2_chip, tmp_path):
    """debrisdetection -> native:rasterlayerstatistics on the FDI, saved as .model3 and run."""
    loaded = tool_then_raster_stats("satimpact:debrisdetection", "debris", "fdi", {}, tmp_path / "fdi_stats.model3")
    out = tmp_path / "chain_fdi.tif"
    result = run_chain(loaded, {"scene": str(s2_chip), "debris:fdi": str(out)})
    assert out.exists()
    with rasterio.open(out) as ds:
        fdi = ds.read(1)
        fdi = fdi[fdi != ds.nodata]
    assert result["CHILD_RESULTS"]["stats"]["MEAN"] == pytest.approx(float(fdi.mean()), abs=1e-5)


def test_non_sentinel2_input_is_refused(run_alg, s1_chip, tmp_path):
    from conftest import data_path

    with pytest.raises(QgsProcessingException) as info:
        run_debris(run_alg, s1_chip, tmp_path, stem="s1")
    assert "made for sentinel2 imagery" in str(info.value)
    rgb = data_path("landsat", "RGB.byte.tif")
    with pytest.raises(QgsProcessingException) as info:
        run_debris(run_alg, rgb, tmp_path, stem="rgb")
    assert "sentinel2" in str(info.value) and "RGB" in str(info.value)
    assert not list(tmp_path.glob("*.tif")) and not list(tmp_path.glob("*.gpkg"))


def test_missing_red_edge_band_is_named(run_alg, s2_chip, tmp_path):
    """A 4-band Sentinel-2 extract (B2, B3, B4, B8) has no B6/B11: the message names the band."""
    with rasterio.open(s2_chip) as src:
        profile = src.profile
        data = src.read([2, 3, 4, 8])
    profile.update(count=4)
    scene = tmp_path / "s2_10m_bands.tif"
    with rasterio.open(scene, "w", **profile) as out:
        out.write(data)
        for i, d in enumerate(["B2", "B3", "B4", "B8"], start=1):
            out.set_band_description(i, d)
    with pytest.raises(QgsProcessingException) as info:
        run_debris(run_alg, scene, tmp_path, stem="x")
    # the names say Sentinel-2 (assumed, and said so); the red edge is what is missing
    assert "band 'rededge2' is missing" in str(info.value) and "Sentinel-2" in str(info.value)
    with pytest.raises(QgsProcessingException) as info:
        run_debris(run_alg, scene, tmp_path, stem="y", BAND_MAP="blue=1,green=2,red=3,nir=4")
    assert "band 'rededge2' is missing" in str(info.value)
