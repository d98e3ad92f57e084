"""satimpact:runmodel through processing.run, a .model3 chain, and cancel."""

import os

import numpy as np
import onnx
import pytest
import rasterio
from qgis.core import (
    QgsProcessingException,
    QgsProcessingFeedback,
)

from model3_chains import run_chain, tool_then_raster_stats
from models_for_tests import conv_model, ndwi_model


def ndvi_reference(path):
    with rasterio.open(path) as ds:
        names = list(ds.descriptions)
        red = ds.read(names.index("B4") + 1).astype(np.float64)
        nir = ds.read(names.index("B8") + 1).astype(np.float64)
    valid = (red != 0) & (nir != 0)
    return np.where(valid, (nir - red) / (nir + red), np.nan), valid


def test_runmodel_shipped_ndvi_processing_run(run_alg, s2_chip, tmp_path):
    out = tmp_path / "ndvi.tif"
    result = run_alg("satimpact:runmodel", {"INPUT": str(s2_chip), "MODEL": "index_ndvi", "OUTPUT": str(out)})
    assert result["OUTPUT"] == str(out)
    assert "index_ndvi" in result["MODEL_INFO"] and "tiles" in result["MODEL_INFO"]
    ref, valid = ndvi_reference(s2_chip)
    with rasterio.open(out) as ds:
        got = ds.read(1)
        assert ds.crs.to_epsg() == 4326
    assert np.abs(got[valid] - ref[valid]).max() < 1e-6
    assert (got[~valid] == -9999).all()


def test_runmodel_with_model_file_and_band_map(run_alg, s2_chip, tmp_path):
    model = tmp_path / "ndwi.onnx"
    onnx.save(ndwi_model(), str(model))
    out = tmp_path / "ndwi.tif"
    # Swapping the bands through BAND_MAP flips the sign of the index: the map is honoured.
    run_alg("satimpact:runmodel", {"INPUT": str(s2_chip), "MODEL": str(model), "OUTPUT": str(out)})
    out2 = tmp_path / "ndwi_swapped.tif"
    run_alg(
        "satimpact:runmodel",
        {"INPUT": str(s2_chip), "MODEL": str(model), "BAND_MAP": "green=8,nir=3", "OUTPUT": str(out2)},
    )
    with rasterio.open(out) as a, rasterio.open(out2) as b:
        x, y = a.read(1), b.read(1)
    valid = x != -9999
    assert valid.mean() > 0.99
    assert np.allclose(x[valid], -y[valid], atol=1e-6)


def test_runmodel_errors_are_clear(run_alg, s2_chip, tmp_path):
    with pytest.raises(QgsProcessingException) as info:
        run_alg(
            "satimpact:runmodel", {"INPUT": str(s2_chip), "MODEL": "no_such_model", "OUTPUT": str(tmp_path / "x.tif")}
        )
    assert "unknown model 'no_such_model'" in str(info.value)
    from conftest import data_path

    rgb = data_path("landsat", "RGB.byte.tif")
    with pytest.raises(QgsProcessingException) as info:
        run_alg("satimpact:runmodel", {"INPUT": str(rgb), "MODEL": "index_ndvi", "OUTPUT": str(tmp_path / "y.tif")})
    assert "band 'nir' is missing" in str(info.value) and "RGB" in str(info.value)
    assert not (tmp_path / "y.tif").exists()


def test_runmodel_in_model3_chain(satimpact_provider, s2_chip, tmp_path):
    """runmodel -> native:rasterlayerstatistics, saved as .model3, loaded back and run."""
    loaded = tool_then_raster_stats(
        "satimpact:runmodel", "runmodel", "ndvi", {"MODEL": "index_ndvi"}, tmp_path / "ndvi_stats.model3"
    )
    out = tmp_path / "chain_ndvi.tif"
    result = run_chain(loaded, {"scene": str(s2_chip), "runmodel:ndvi": str(out)})
    assert os.path.exists(out)
    ref, valid = ndvi_reference(s2_chip)
    child = result["CHILD_RESULTS"]["stats"]
    assert child["MEAN"] == pytest.approx(np.nanmean(ref[valid]), abs=1e-4)


class CancelAfter(QgsProcessingFeedback):
    def __init__(self, tiles):
        super().__init__()
        self.tiles = tiles
        self.updates = 0

    def setProgress(self, progress):
        super().setProgress(progress)
        self.updates += 1
        if self.updates >= self.tiles:
            self.cancel()


def test_cancelled_run_leaves_no_file(run_alg, s2_chip, tmp_path):
    model = tmp_path / "conv.onnx"
    # tiny tiles and batches of one tile so that there are many progress steps
    onnx.save(conv_model(tile=40, overlap=8, merge="blend"), str(model))
    out = tmp_path / "cancelled.tif"
    feedback = CancelAfter(3)
    with pytest.raises(QgsProcessingException) as info:
        run_alg(
            "satimpact:runmodel", {"INPUT": str(s2_chip), "MODEL": str(model), "OUTPUT": str(out)}, feedback=feedback
        )
    assert "cancelled" in str(info.value)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix != ".onnx"] == []
