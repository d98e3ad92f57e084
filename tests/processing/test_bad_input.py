"""Bad input, nothing lost: every refusal is a clear QgsProcessingException (exit code 1 with
the message from qgis_process), the inputs are byte-identical afterwards, and nothing is left
under the requested output name (nor temporary files next to it)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil

import numpy as np
import onnx
import pytest
import rasterio
from qgis.core import QgsProcessingException
from scale_models import conv16_model, even_only_model

from satimpact.engine.card import CARD_KEY

from conftest import ROOT

NDVI = str(ROOT / "models" / "index_ndvi.onnx")


def sha256(path) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class Guard:
    """Hashes the inputs before a run and checks afterwards that they are unchanged and that
    the output folder holds neither the output nor any SatImpact temporary file."""

    def __init__(self, output, *inputs):
        self.output = str(output)
        self.inputs = [str(p) for p in inputs]
        self.before = {p: sha256(p) for p in self.inputs}
        folder = os.path.dirname(self.output)
        self.listing = set(os.listdir(folder)) if os.access(folder, os.R_OK) else set()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        # checked whether or not the block raised; the exception itself goes on
        self.check()
        return False

    def check(self):
        for p, digest in self.before.items():
            assert sha256(p) == digest, f"input changed: {p}"
        assert not os.path.exists(self.output), f"partial output left: {self.output}"
        folder = os.path.dirname(self.output)
        if os.path.isdir(folder):
            left = [n for n in os.listdir(folder) if ".satimpact-" in n or n.endswith(".part.tif")]
            assert not left, f"temporary files left: {left}"
            assert set(os.listdir(folder)) - self.listing <= set(), set(os.listdir(folder)) - self.listing


def test_missing_required_band(run_alg, s1_chip, tmp_path):
    # Sentinel-1 VV/VH has neither red nor NIR.
    out = tmp_path / "ndvi.tif"
    with pytest.raises(QgsProcessingException, match=r"(red|nir)"), Guard(out, s1_chip, NDVI):
        run_alg("satimpact:runmodel", {"INPUT": str(s1_chip), "MODEL": NDVI, "OUTPUT": str(out)})


def test_band_map_names_missing_band_number(run_alg, s2_chip, tmp_path):
    out = tmp_path / "ndvi.tif"
    with (
        pytest.raises(
            QgsProcessingException, match=r"BAND_MAP maps 'nir' to band 20, but the raster has only 13 band\(s\)"
        ),
        Guard(out, s2_chip, NDVI),
    ):
        run_alg(
            "satimpact:runmodel", {"INPUT": str(s2_chip), "MODEL": NDVI, "BAND_MAP": "red=4,nir=20", "OUTPUT": str(out)}
        )


def test_raster_without_crs(run_alg, s2_chip, tmp_path):
    # The real chip's pixels, written without any georeference (an edge case made on purpose).
    plain = tmp_path / "no_crs.tif"
    with rasterio.open(s2_chip) as src:
        data = src.read()
        profile = dict(driver="GTiff", width=src.width, height=src.height, count=src.count, dtype=src.dtypes[0])
    with rasterio.open(plain, "w", **profile) as dst:
        dst.write(data)
    out = tmp_path / "ndvi.tif"
    with pytest.raises(QgsProcessingException, match=r"has no coordinate reference system"), Guard(out, plain, NDVI):
        run_alg("satimpact:runmodel", {"INPUT": str(plain), "MODEL": NDVI, "OUTPUT": str(out)})


def test_corrupt_onnx(run_alg, s2_chip, tmp_path):
    broken = tmp_path / "broken.onnx"
    with open(NDVI, "rb") as f:
        raw = f.read()
    broken.write_bytes(raw[: len(raw) // 2] + b"\x00garbage\xff" * 7)
    out = tmp_path / "ndvi.tif"
    with (
        pytest.raises(QgsProcessingException, match=r"broken\.onnx: not a readable ONNX model"),
        Guard(out, s2_chip, broken),
    ):
        run_alg("satimpact:runmodel", {"INPUT": str(s2_chip), "MODEL": str(broken), "OUTPUT": str(out)})


def test_fixed_graph_size_disagrees_with_card(run_alg, s2_chip, tmp_path):
    # A graph fixed at 256 x 256 px whose card claims 512 px tiles.
    model = conv16_model(fixed=256)
    for prop in model.metadata_props:
        if prop.key == CARD_KEY:
            card = json.loads(prop.value)
            card["tiling"]["tile_size"] = 512
            prop.value = json.dumps(card)
    path = tmp_path / "fixed256.onnx"
    onnx.save(model, path)
    out = tmp_path / "prob.tif"
    with (
        pytest.raises(QgsProcessingException, match=r"fixed height of 256 px but the card's tile_size is 512 px"),
        Guard(out, s2_chip, path),
    ):
        run_alg("satimpact:runmodel", {"INPUT": str(s2_chip), "MODEL": str(path), "OUTPUT": str(out)})


def test_graph_cannot_take_the_tile(run_alg, s2_chip, tmp_path):
    # Free H and W on paper, but pool-then-upsample only adds up on even sizes: 255 px fails
    # inside onnxruntime, on the first batch, before anything is written.
    path = tmp_path / "even_only.onnx"
    onnx.save(even_only_model(tile=255), path)
    out = tmp_path / "even.tif"
    with (
        pytest.raises(QgsProcessingException, match=r"cannot run on tiles of shape 'image' \(\d+, 2, 255, 255\)"),
        Guard(out, s2_chip, path),
    ):
        run_alg("satimpact:runmodel", {"INPUT": str(s2_chip), "MODEL": str(path), "OUTPUT": str(out)})


def _unwritable_folder(tmp_path):
    """A folder this user cannot create files in. Root ignores permission bits, so it gets
    /sys, which the kernel refuses to root as well."""
    if os.geteuid() != 0:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o555)
        return folder
    try:
        with open("/sys/satimpact-probe", "wb"):
            pass
    except OSError:
        return "/sys"
    os.remove("/sys/satimpact-probe")
    pytest.skip("no unwritable folder available for root")


def test_output_folder_not_writable_checked_before_compute(run_alg, s2_chip, tmp_path):
    from qgis.core import QgsProcessingFeedback

    folder = _unwritable_folder(tmp_path)
    out = os.path.join(str(folder), "satimpact_ndvi.tif")
    progress = []
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(progress.append)
    guard = Guard(out, s2_chip, NDVI)
    try:
        with pytest.raises(QgsProcessingException, match=r"output folder cannot be written"):
            run_alg("satimpact:runmodel", {"INPUT": str(s2_chip), "MODEL": NDVI, "OUTPUT": out}, feedback=feedback)
    finally:
        if folder != "/sys":
            os.chmod(folder, 0o755)
    assert not [p for p in progress if p > 0], f"tiles were computed before the check: {progress}"
    guard.check()


def test_all_nodata_input_gives_nodata(run_alg, s2_chip, tmp_path):
    # The real chip's grid with every pixel set to the declared nodata value.
    empty = tmp_path / "all_nodata.tif"
    with rasterio.open(s2_chip) as src:
        profile = src.profile.copy()
        profile.update(nodata=-9999.0, dtype="float32")
        with rasterio.open(empty, "w", **profile) as dst:
            dst.write(np.full((src.count, src.height, src.width), -9999.0, dtype=np.float32))
    before = sha256(empty)
    out = tmp_path / "ndvi.tif"
    run_alg("satimpact:runmodel", {"INPUT": str(empty), "MODEL": NDVI, "OUTPUT": str(out)})
    assert sha256(empty) == before
    with rasterio.open(out) as ds:
        values = ds.read(1)
        assert ds.nodata == -9999.0
        assert (values == ds.nodata).all(), np.unique(values)[:10]
        assert ds.compression is None
        raw = values.nbytes
    # Blocks that are all nodata are not stored (SPARSE_OK), even without compression.
    assert os.path.getsize(out) < raw / 20, (os.path.getsize(out), raw)
    assert not [n for n in os.listdir(tmp_path) if ".satimpact-" in n]


def test_inputs_not_touched_by_a_good_run(run_alg, s2_chip, tmp_path):
    """The counterpart of the refusals: a real run leaves the input file byte-identical too."""
    copy = tmp_path / "s2.tif"
    shutil.copy(s2_chip, copy)
    before = sha256(copy)
    out = tmp_path / "ndvi.tif"
    run_alg("satimpact:runmodel", {"INPUT": str(copy), "MODEL": NDVI, "OUTPUT": str(out)})
    assert sha256(copy) == before
    # (QGIS itself may write statistics into a PAM sidecar, s2.tif.aux.xml, when it loads the
    # layer; the raster file is what must not change.)
    with rasterio.open(out) as ds:
        ndvi = ds.read(1)
    assert np.isfinite(ndvi).all() and -1 <= ndvi.min() and ndvi.max() <= 1 and ndvi.std() > 0.05
