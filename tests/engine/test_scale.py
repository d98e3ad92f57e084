"""Bounded memory: rasters wider than the merge budget run in column stripes, and the result
is the same as one stripe (blend and crop), on the real Sen1Floods11 chip."""

from __future__ import annotations

import os

import numpy as np
import onnx
import pytest
import rasterio
from scale_models import conv16_model, write_bgrn_mosaic

from satimpact.engine.bands import resolve_bands
from satimpact.engine.errors import EngineError
from satimpact.engine.model import load_model
from satimpact.engine.raster import gtiff_profile
from satimpact.engine.runner import Feedback, RasterInput, RunOptions, run_model


class Log(Feedback):
    def __init__(self):
        self.messages = []
        self.values = []

    def info(self, message):
        self.messages.append(message)

    def progress(self, percent):
        self.values.append(percent)


@pytest.fixture(scope="module")
def mosaic(s2_chip, tmp_path_factory):
    # 1024 x 1024 px: four mirrored copies of the real chip.
    return write_bgrn_mosaic(str(s2_chip), str(tmp_path_factory.mktemp("scale") / "bgrn.tif"), reps=2)


def _run(model_path, raster, out, **options):
    model = load_model(str(model_path))
    with rasterio.open(raster) as ds:
        bands = resolve_bands(model.card.inputs[0].bands, ds.count, list(ds.descriptions), None, None)
    log = Log()
    report = run_model(model, {"image": RasterInput(raster, bands.indices)}, str(out), log, RunOptions(**options))
    with rasterio.open(out) as ds:
        return ds.read(), report, log


@pytest.mark.parametrize("merge,overlap", [("blend", 32), ("crop", 32), ("none", 0)])
def test_column_stripes_match_single_stripe(mosaic, tmp_path, merge, overlap):
    path = tmp_path / "conv.onnx"
    onnx.save(conv16_model(tile=128, overlap=overlap, merge=merge), path)
    whole, report_whole, log_whole = _run(path, mosaic, tmp_path / "whole.tif")
    # A budget of ~330 output columns: four stripes over 1024 px.
    striped, report_striped, log_striped = _run(path, mosaic, tmp_path / "striped.tif", strip_bytes=330 * 384 * 9)
    assert not any("column stripes" in m for m in log_whole.messages)
    assert any("column stripes" in m for m in log_striped.messages), log_striped.messages
    assert report_striped.tiles >= report_whole.tiles
    assert np.isfinite(whole).all() and whole.std() > 0.01
    np.testing.assert_allclose(striped, whole, rtol=0, atol=1e-6)
    assert log_striped.values[-1] == pytest.approx(100.0)
    assert all(b >= a for a, b in zip(log_striped.values, log_striped.values[1:]))


@pytest.mark.slow
def test_compression_changes_the_encoding_never_the_values(mosaic, tmp_path):
    """Float outputs are written uncompressed by default (auto), ZSTD or DEFLATE on request;
    the values are the same in every case."""
    path = tmp_path / "conv.onnx"
    onnx.save(conv16_model(tile=128, overlap=32, merge="blend"), path)
    default, _, _ = _run(path, mosaic, tmp_path / "auto.tif")
    with rasterio.open(tmp_path / "auto.tif") as ds:
        assert ds.compression is None and ds.dtypes[0] == "float32"
    for choice in ("zstd", "deflate", "none"):
        values, _, _ = _run(path, mosaic, tmp_path / f"{choice}.tif", compress=choice)
        with rasterio.open(tmp_path / f"{choice}.tif") as ds:
            assert (ds.compression.value.lower() if ds.compression else "none") == choice
        np.testing.assert_array_equal(values, default)
    assert os.path.getsize(tmp_path / "zstd.tif") < os.path.getsize(tmp_path / "none.tif")


def test_auto_compression_by_data_type():
    assert gtiff_profile("uint8")["compress"] == "zstd"
    assert gtiff_profile("float32")["compress"] == "none"
    # floats get the floating-point predictor with either codec; integers need none
    assert gtiff_profile("float32", "deflate")["predictor"] == 3
    assert gtiff_profile("float32", "zstd")["predictor"] == 3
    assert "predictor" not in gtiff_profile("uint8") and "predictor" not in gtiff_profile("uint8", "deflate")
    assert all(gtiff_profile(t)["sparse_ok"] for t in ("uint8", "float32"))
    with pytest.raises(EngineError, match="unknown compression 'lz4'; use one of auto, zstd, deflate, none"):
        gtiff_profile("float32", "lz4")
    # uncompressed rasters that 256 px tiles would pad by more than 10% go in strips
    assert gtiff_profile("float32", size=(10980, 10980))["tiled"]
    assert gtiff_profile("float32", size=(1024, 768))["tiled"]
    assert not gtiff_profile("float32", size=(120, 120))["tiled"]
    assert gtiff_profile("float32", "zstd", size=(120, 120))["tiled"]  # padding compresses away


def test_small_uncompressed_output_is_not_padded(tmp_path):
    """A 120 x 120 px float output (the size of the demo's BigEarthNet patches) in strips:
    about its raw size, where 256 px tiles made it 4.5x larger."""
    from rasterio.windows import Window

    from satimpact.engine.raster import GeoTiffWriter

    profile = _writer_profile(120, 120)
    assert not profile["tiled"]
    path = tmp_path / "small.tif"
    writer = GeoTiffWriter(str(path), profile)
    data = np.random.default_rng(5).random((1, 120, 120), dtype=np.float32)
    writer.write(data, Window(0, 0, 120, 120))
    writer.close()
    assert os.path.getsize(path) < 1.1 * data.nbytes, os.path.getsize(path)
    with rasterio.open(path) as ds:
        np.testing.assert_array_equal(ds.read(), data)


@pytest.mark.parametrize("merge", ["blend", "crop"])
def test_lanes_give_the_same_values(mosaic, tmp_path, merge):
    """Batches inferred side by side finish in any order; merged in order, the result is the
    same as one batch at a time, to the bit, and progress still only goes up."""
    path = tmp_path / "conv.onnx"
    onnx.save(conv16_model(tile=128, overlap=32, merge=merge), path)
    one, report_one, _ = _run(path, mosaic, tmp_path / "one.tif", lanes=1, threads=2, max_batch=2)
    three, report_three, log = _run(path, mosaic, tmp_path / "three.tif", lanes=3, threads=3, max_batch=2)
    assert (report_one.lanes, report_three.lanes) == (1, 3)
    assert "3 batch(es) at a time with 1 onnxruntime thread(s) each" in log.messages[0]
    assert report_three.tiles == report_one.tiles > 3 * 2
    assert np.isfinite(one).all() and one.std() > 0.01
    np.testing.assert_array_equal(three, one)
    assert log.values[-1] == pytest.approx(100.0)
    assert all(b >= a for a, b in zip(log.values, log.values[1:]))


def test_output_that_aliases_the_lane_buffer_is_copied(mosaic, tmp_path, monkeypatch):
    """Lanes reuse their batch arrays. A session whose output shares memory with its input
    (onnxruntime does not do this today; a pass-through graph could) must not see that
    array overwritten by the lane's next read before the batch is merged."""
    from satimpact.engine import runner

    path = tmp_path / "conv.onnx"
    onnx.save(conv16_model(tile=128, overlap=0, merge="none"), path)

    def first_band(session, model, names, feeds):
        return [feeds["image"][:, :1]]  # a view of the lane's own batch array

    monkeypatch.setattr(runner, "_run_session", first_band)
    got, report, _ = _run(path, mosaic, tmp_path / "band.tif", lanes=1, threads=1, max_batch=1)
    assert report.tiles == 64
    model = load_model(str(path))
    with rasterio.open(mosaic) as ds:
        expected = runner.prepare_input(ds.read([1, 2, 3, 4], out_dtype="float32"), model.card.inputs[0])[:1]
    assert expected.std() > 0.1
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-6)


def _writer_profile(width=1024, height=1024):
    from rasterio.crs import CRS
    from rasterio.transform import from_origin

    profile = gtiff_profile("float32", size=(width, height))
    profile.update(count=1, crs=CRS.from_epsg(32630), transform=from_origin(500000, 4600000, 10, 10), nodata=-9999.0)
    return profile


def test_writer_flushes_finished_rows_before_close(tmp_path):
    """Finished block rows reach the file as they are written, not when it is closed: the
    file on disk grows row by row (dirty blocks piling up in GDAL's cache until close were a
    serial tail at the end of every run)."""
    from rasterio.windows import Window

    from satimpact.engine.raster import OUTPUT_BLOCK, GeoTiffWriter

    path = tmp_path / "rows.tif"
    writer = GeoTiffWriter(str(path), _writer_profile())
    rng = np.random.default_rng(3)
    data = rng.random((1, 1024, 1024), dtype=np.float32)
    sizes = []
    for y in range(0, 1024, OUTPUT_BLOCK):
        writer.write(data[:, y : y + OUTPUT_BLOCK], Window(0, y, 1024, OUTPUT_BLOCK))
        writer.flush()
        sizes.append(os.path.getsize(path))
    writer.close()
    row_bytes = OUTPUT_BLOCK * 1024 * 4
    assert all(s >= (k + 1) * row_bytes for k, s in enumerate(sizes)), sizes
    with rasterio.open(path) as ds:
        assert ds.crs.to_epsg() == 32630 and ds.nodata == -9999.0 and ds.compression is None
        np.testing.assert_array_equal(ds.read(), data)


def test_writer_reports_gdal_errors(tmp_path):
    from rasterio.windows import Window

    from satimpact.engine.raster import GeoTiffWriter

    writer = GeoTiffWriter(str(tmp_path / "small.tif"), _writer_profile(256, 256))
    with pytest.raises(EngineError, match=r"small\.tif failed \(write\)"):
        writer.write(np.zeros((1, 256, 256), dtype=np.float32), Window(128, 0, 256, 256))  # past the edge
    writer.close()
    with pytest.raises(EngineError, match="cannot create"):
        GeoTiffWriter(str(tmp_path / "no_such_folder" / "x.tif"), _writer_profile())


def test_one_thread_runs_on_its_own_thread(mosaic, tmp_path):
    """A run allowed one thread (a batch worker: one per core) reads, infers and writes on the
    caller's thread, starting no helper thread; two threads run two lanes. Same result."""
    import threading

    from satimpact.engine.runner import default_lanes

    assert default_lanes(1) == 1 and default_lanes(2) == 2 and default_lanes(16) == 4

    class ThreadLog(Log):
        def __init__(self):
            super().__init__()
            self.helpers = set()

        def progress(self, percent):
            super().progress(percent)
            self.helpers |= {t.name for t in threading.enumerate() if t.name.startswith("satimpact-")}

    path = tmp_path / "conv.onnx"
    onnx.save(conv16_model(tile=128, overlap=32, merge="blend"), path)
    model = load_model(str(path))
    with rasterio.open(mosaic) as ds:
        bands = resolve_bands(model.card.inputs[0].bands, ds.count, list(ds.descriptions), None, None)
    runs = {}
    for threads in (1, 2):
        log, out = ThreadLog(), tmp_path / f"threads{threads}.tif"
        options = RunOptions(threads=threads, max_batch=2)
        report = run_model(model, {"image": RasterInput(mosaic, bands.indices)}, str(out), log, options)
        with rasterio.open(out) as ds:
            runs[threads] = (ds.read(), report, log)
    one, report, log = runs[1]
    assert report.lanes == 1 and "1 batch(es) at a time with 1 onnxruntime thread(s) each" in log.messages[0]
    assert report.threads == 1 and len(log.values) > 4 and log.helpers == set()
    two, report, log = runs[2]
    assert report.lanes == 2 and log.helpers, "two threads should infer in two lanes"
    np.testing.assert_array_equal(one, two)
