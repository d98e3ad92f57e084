"""The tiled engine on the real Sentinel-2 chip: tiled equals whole-image, nodata stays
nodata, georeference is kept, chip models write one pixel per chip."""

import numpy as np
import onnx
import onnxruntime as ort
import pytest
import rasterio

from satimpact.engine.bands import resolve_bands
from satimpact.engine.model import clear_caches, load_model
from satimpact.engine.raster import axis_starts, axis_weights, raster_info
from satimpact.engine.runner import RasterInput, RunOptions, prepare_input, run_model

from models_for_tests import chip_model, conv_model, ndwi_model


def save(model, path):
    onnx.save(model, str(path))
    clear_caches()
    return load_model(str(path))


def whole_image(model, path, bands):
    """The model run once on the whole raster, no tiling: the reference."""
    spec = model.card.inputs[0]
    with rasterio.open(path) as ds:
        raw = ds.read(bands, out_dtype="float32")
        valid = np.ones(raw.shape[1:], bool)
        for k, b in enumerate(bands):
            if ds.nodatavals[b - 1] is not None:
                valid &= raw[k] != ds.nodatavals[b - 1]
    x = prepare_input(raw.copy(), spec)
    x[:, ~valid] = 0
    session = ort.InferenceSession(model.path, providers=["CPUExecutionProvider"])
    out = session.run(None, {spec.name: x[None]})[0][0]
    return out, valid


def bands_for(model, path):
    info = raster_info(str(path))
    return resolve_bands(model.card.inputs[0].bands, info.count, info.descriptions).indices


def test_pixelwise_tiled_equals_whole_exactly(s2_chip, tmp_path):
    # 128 px tiles over 512 px, plus a tile size that does not divide it (shifted last tile)
    for tile in (128, 200):
        model = save(ndwi_model(tile_size=tile), tmp_path / f"ndwi{tile}.onnx")
        bands = bands_for(model, s2_chip)
        out_path = tmp_path / f"ndwi{tile}.tif"
        report = run_model(model, {"image": RasterInput(str(s2_chip), bands)}, str(out_path))
        assert report.tiles == (512 // tile + (512 % tile > 0)) ** 2
        ref, valid = whole_image(model, s2_chip, bands)
        with rasterio.open(out_path) as ds:
            tiled = ds.read(1)
        assert np.array_equal(tiled[valid], ref[0][valid]), f"tile {tile}"


@pytest.mark.parametrize("merge", ["blend", "crop"])
def test_conv_tiled_matches_whole_within_tolerance(s2_chip, tmp_path, merge):
    # Receptive-field radius 2 px, overlap 16 px: crop is exact up to float rounding; blend
    # ignores the outer quarter of the overlap (4 px) where the tile-border padding acts,
    # so it is exact too. Stated tolerance: 1e-5 absolute on a [0, 1] output.
    model = save(conv_model(tile=96, overlap=16, merge=merge), tmp_path / f"conv_{merge}.onnx")
    bands = bands_for(model, s2_chip)
    out_path = tmp_path / f"conv_{merge}.tif"
    report = run_model(model, {"image": RasterInput(str(s2_chip), bands)}, str(out_path))
    assert report.merge == merge and report.tiles == len(axis_starts(512, 96, 16)) ** 2 == 49
    ref, valid = whole_image(model, s2_chip, bands)
    with rasterio.open(out_path) as ds:
        tiled = ds.read(1)
    diff = np.abs(tiled[valid] - ref[0][valid])
    assert diff.max() < 1e-5, diff.max()


def test_blend_without_dead_zone_would_show_seams(s2_chip, tmp_path):
    """The same CNN with too little overlap (2 px < radius x 4) differs near seams: the test
    above can fail, and tiling without blending (as Deepness does) is not equal to whole-image."""
    model = save(conv_model(tile=96, overlap=2, merge="blend"), tmp_path / "conv_thin.onnx")
    bands = bands_for(model, s2_chip)
    run_model(model, {"image": RasterInput(str(s2_chip), bands)}, str(tmp_path / "thin.tif"))
    ref, valid = whole_image(model, s2_chip, bands)
    with rasterio.open(tmp_path / "thin.tif") as ds:
        tiled = ds.read(1)
    assert np.abs(tiled[valid] - ref[0][valid]).max() > 1e-3


@pytest.mark.parametrize("length, tile, overlap", [(512, 96, 16), (1000, 256, 32), (300, 128, 8), (50, 128, 16)])
def test_blend_weights_partition_of_unity(length, tile, overlap):
    starts = axis_starts(length, min(tile, length), overlap)
    total = np.zeros(length)
    for s, w in zip(starts, axis_weights(length, starts, tile, overlap, "blend")):
        total[s : s + len(w)] += w
    assert np.allclose(total, 1.0, atol=1e-6)
    owners = np.zeros(length)
    for s, w in zip(starts, axis_weights(length, starts, tile, overlap, "crop")):
        owners[s : s + len(w)] += w
    assert np.array_equal(owners, np.ones(length))


def test_nodata_stays_nodata(s2_chip, tmp_path):
    """Pixels that are nodata in the input (a synthetic hole cut into the real chip) stay nodata."""
    holed = tmp_path / "holed.tif"
    with rasterio.open(s2_chip) as src:
        profile = src.profile
        data = src.read()
        descriptions = src.descriptions
    data[:, 100:180, 200:300] = 0  # the file's nodata value
    data[7, 300:310, :] = 0  # one band (B8) missing on a strip
    with rasterio.open(holed, "w", **profile) as dst:
        dst.write(data)
        for k, d in enumerate(descriptions, 1):
            dst.set_band_description(k, d)
    model = save(conv_model(tile=96, overlap=16), tmp_path / "conv.onnx")
    bands = bands_for(model, holed)
    run_model(model, {"image": RasterInput(str(holed), bands)}, str(tmp_path / "out.tif"))
    with rasterio.open(tmp_path / "out.tif") as ds:
        out = ds.read(1)
        nodata = ds.nodata
    assert nodata == -9999.0
    assert (out[100:180, 200:300] == nodata).all()
    assert (out[300:310, :] == nodata).all()
    assert (out[0:100] != nodata).all()
    assert np.isfinite(out).all()


def test_geographic_input_keeps_georeference(s2_chip, tmp_path):
    model = save(ndwi_model(), tmp_path / "ndwi.onnx")
    bands = bands_for(model, s2_chip)
    run_model(model, {"image": RasterInput(str(s2_chip), bands)}, str(tmp_path / "geo.tif"))
    with rasterio.open(s2_chip) as src, rasterio.open(tmp_path / "geo.tif") as out:
        assert out.crs.to_epsg() == 4326 == src.crs.to_epsg()
        assert out.transform.almost_equals(src.transform)
        assert (out.width, out.height) == (src.width, src.height)
        # a continuous index: uncompressed by default (raster.gtiff_profile)
        assert out.profile["tiled"] and out.compression is None
        assert out.descriptions == ("ndwi",)
        assert out.tags()["SATIMPACT_MODEL"] == "test_ndwi"


def test_chip_model_one_pixel_per_chip():
    from conftest import data_path

    landsat = data_path("landsat", "RGB.byte.tif")
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        model = save(chip_model(64), f"{tmp}/chip.onnx")
        out_path = f"{tmp}/chips.tif"
        run_model(
            model,
            {"image": RasterInput(str(landsat), [1, 2, 3])},
            out_path,
            options=RunOptions(write_valid_share=True),
        )
        with rasterio.open(landsat) as src, rasterio.open(out_path) as out:
            assert (out.width, out.height) == (13, 12)  # ceil(791/64), ceil(718/64)
            assert out.transform.a == pytest.approx(src.transform.a * 64)
            got = out.read()
            # chip (row 5, col 6) computed independently: a pixel whose value is the file's
            # nodata (0) in any band is masked and enters the model as 0 in every band
            win = src.read(window=((5 * 64, 6 * 64), (6 * 64, 7 * 64))).astype(np.float64)
            valid = (win != 0).all(axis=0)
            assert got[0, 5, 6] == pytest.approx((win[0] * valid).mean(), rel=1e-5)
            assert got[3, 5, 6] == pytest.approx(valid.mean(), rel=1e-6)
            # corner chips of this scene are mostly nodata: no score, valid share kept
            assert got[0, 0, 0] == out.nodata and got[3, 0, 0] < 0.5


def test_crop_weights_are_linear_in_the_axis_length():
    """The nearest-centre weights once took a length x tiles matrix (1.42 TiB for 10M px)."""
    import time

    from satimpact.engine.raster import axis_starts, axis_weights

    start = time.perf_counter()
    starts = axis_starts(2_000_000, 512, 32)
    weights = axis_weights(2_000_000, starts, 512, 32, "crop")
    assert len(weights) == len(starts) and time.perf_counter() - start < 30
    total = np.zeros(2_000_000, dtype=np.float32)
    for s, w in zip(starts[:50], weights[:50]):
        total[s : s + 512] += w
    assert set(np.unique(total[: starts[49]])) == {1.0}
