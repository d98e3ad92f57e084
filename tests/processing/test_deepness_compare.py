"""satimpact:runmodel against Deepness' own output on the same raster and model (issue 18).

Deepness (PUTvision/qgis-plugin-deepness) is not a dependency and never ships with SatImpact.
Set DEEPNESS_SRC to a copy of its source (a folder holding ``src/deepness`` or ``deepness``)
and put OpenCV on PYTHONPATH (Deepness needs cv2); scripts/deepness_headless.py then runs
Deepness' map processors headless in a process of their own, as Deepness' tests do, and this
test compares:
- segmentation: per output head, classes agree on >= 99 % of pixels, and every differing pixel
  lies within an overlap band around one of Deepness' tile seams (we blend tiles, Deepness crops)
  or in the frame at the raster's edge where a model with a smaller output computes nothing;
  away from both, both equal what the model computes (numpy on the raster);
- regression: Deepness' float pipeline within 1e-5 of ours (its processor given a float result
  buffer); Deepness' real output, whose uint8 result buffer keeps only the whole part of a
  value, equal to ours wherever ours is a whole number 0..255 (no truncation) and equal to the
  truncated value elsewhere.
Both run on a copy of dummy_fotomap_small.tif whose pixels are made exactly square (same pixel
values): the original's are 1.99990 x 1.99993 cm, and Deepness, which has one resolution for
both axes, resamples such a raster bilinearly where runmodel reads its pixels as they are. The
last test measures that on the original raster.
Without DEEPNESS_SRC every test here skips and says why."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import rasterio
from deepness_dummies import expected_output, model_file, rgb01

from conftest import ROOT, data_path

DEEPNESS_SRC = os.environ.get("DEEPNESS_SRC", "")
HEADLESS = ROOT / "scripts" / "deepness_headless.py"


def _has_deepness(root: str) -> bool:
    return bool(root) and any((Path(root) / sub / "deepness").is_dir() for sub in ("src", "."))


pytestmark = pytest.mark.skipif(
    not _has_deepness(DEEPNESS_SRC),
    reason="Deepness' source is not on this machine: set DEEPNESS_SRC to a copy of "
    "PUTvision/qgis-plugin-deepness (a folder holding src/deepness or deepness) and put OpenCV on "
    "PYTHONPATH to compare runmodel with Deepness' own output",
)

# (model, probability threshold): thresholds near the median probability on this raster (from
# deepness_dummies.expected_output), so that the classes vary and the comparison means something
SEGMENTATION_MODELS = [
    ("dummy_model.onnx", 0.5),  # 3 classes: R^8, G^8, B^8
    ("one_output_sigmoid_bsx1x512x512.onnx", 0.355),
    ("two_outputs_sigmoid_bsx1x512x512.onnx", 0.5),
    ("two_outputs_softmax_bsx2x512x512.onnx", 0.54),
    ("different_output_size_512_to_484.onnx", 0.5),  # a 29 x 29 valid convolution, 512 px in, 484 out
]
OVERLAP_PERCENT = 15  # Deepness' default and runmodel's for a model whose metadata is silent


def model_type_if_needed(model: Path) -> dict:
    """MODEL_TYPE for a model without metadata (runmodel refuses it for one with a card)."""
    import onnx

    return {} if onnx.load(str(model), load_external_data=False).metadata_props else {"MODEL_TYPE": "segmentation"}


def deepness_run(kind: str, model: Path, raster: Path, out: Path, *extra: str) -> np.ndarray:
    done = subprocess.run(
        [sys.executable, str(HEADLESS), kind, str(model), str(raster), str(out), *extra],
        capture_output=True,
        text=True,
        timeout=600,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        cwd=out.parent,  # Deepness' regression processor writes a scratch file 'grid_data' to the cwd
    )
    last = (done.stdout.strip().splitlines() or ["{}"])[-1]
    assert done.returncode == 0, f"Deepness run failed ({done.returncode}): {last}\n{done.stderr[-2000:]}"
    assert "shape" in json.loads(last), last
    return np.load(out)


@pytest.fixture(scope="module")
def square_fotomap(tmp_path_factory):
    """dummy_fotomap_small.tif with the same pixels on an exactly square 2 cm grid."""
    from osgeo import gdal

    source = data_path("deepness_test", "dummy_fotomap_small.tif")
    target = tmp_path_factory.mktemp("square") / "fotomap_square.tif"
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # the photo's TIFF lacks RowsPerStrip: harmless
    ds = gdal.Translate(str(target), str(source))
    x0, _, _, y0, _, _ = ds.GetGeoTransform()
    ds.SetGeoTransform([x0, 0.02, 0.0, y0, 0.0, -0.02])
    ds = None
    gdal.PopErrorHandler()
    with rasterio.open(source) as a, rasterio.open(target) as b:
        assert (a.read() == b.read()).all()
    return target


def seam_distance(shape: tuple[int, int], tile: int) -> np.ndarray:
    """Per pixel, the distance in px to the nearest place where Deepness switches from one
    tile's result to the next (its copy boundaries: start + half overlap)."""
    overlap = int(tile * OVERLAP_PERCENT / 100 * 2) // 2
    stride, half = tile - overlap, overlap // 2

    def axis(n):
        seams = [k * stride + half for k in range(1, n // stride + 1) if k * stride + half < n]
        if not seams:
            return np.full(n, n, dtype=float)
        idx = np.arange(n)[:, None]
        return np.abs(idx - np.asarray(seams)[None]).min(axis=1).astype(float)

    dy, dx = axis(shape[0]), axis(shape[1])
    return np.minimum(dy[:, None], dx[None, :])


@pytest.mark.parametrize(("name", "threshold"), SEGMENTATION_MODELS)
def test_segmentation_agrees_with_deepness(run_alg, square_fotomap, tmp_path, name, threshold):
    model = model_file(data_path, "segmentation", name)
    out = tmp_path / "classes.tif"
    run_alg(
        "satimpact:runmodel",
        {
            "INPUT": str(square_fotomap),
            "MODEL": str(model),
            "THRESHOLD": threshold,
            "OUTPUT": str(out),
            **model_type_if_needed(model),
        },
    )
    ours = rasterio.open(out).read()
    theirs = deepness_run(
        "segmentation", model, square_fotomap, tmp_path / "deepness.npy", "--threshold", str(threshold)
    )
    assert theirs.shape == ours.shape, (theirs.shape, ours.shape)
    assert all(len(np.unique(head)) > 1 for head in theirs), [np.unique(h) for h in theirs]  # classes vary

    # what the model computes by construction, with numpy (Deepness' rule: values below the
    # threshold become 0; a one-channel head is class 1 where a value remains, else argmax)
    probabilities, frame = expected_output(model, rgb01(square_fotomap))
    heads = len(ours)
    per_head = np.split(probabilities, heads)
    inside = np.zeros(ours.shape[1:], bool)
    inside[frame : inside.shape[0] - frame, frame : inside.shape[1] - frame] = True
    near_seam = seam_distance(ours.shape[1:], 512) <= int(512 * OVERLAP_PERCENT / 100) // 2
    for head, p in enumerate(per_head):
        kept = np.where(p >= threshold, p, 0.0)
        expected = (kept[0] > 0).astype(np.uint8) if len(p) == 1 else np.argmax(kept, axis=0)
        differ = ours[head] != theirs[head]
        assert 1 - differ.mean() >= 0.99, 1 - differ.mean()
        # all differences sit at tile seams or in the frame where the model computes nothing
        # from the raster (a 512 -> 484 model: 14 px; Deepness leaves 0 at the top and left and
        # reads beyond the raster at the right and bottom, runmodel keeps the nearest value)
        assert not (differ & inside & ~near_seam).any(), int((differ & inside & ~near_seam).sum())
        # both give exactly what the model computes, away from seams and the frame
        # (leaving out values within 1e-6 of the threshold: float32 in the model, float64 here)
        clear = np.abs(p - threshold).min(axis=0) > 1e-6
        away = inside & ~near_seam & clear
        assert (theirs[head][away] == expected[away]).all(), int((theirs[head] != expected)[away].sum())
        assert (ours[head][inside & clear] == expected[inside & clear]).all()


@pytest.fixture(scope="module")
def regression_ours(square_fotomap, tmp_path_factory, satimpact_provider):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    import processing

    model = model_file(data_path, "regression", "dummy_regression_model_batched.onnx")
    out = tmp_path_factory.mktemp("regression") / "values.tif"
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    processing.run(
        "satimpact:runmodel",
        {"INPUT": str(square_fotomap), "MODEL": str(model), "OUTPUT": str(out)},
        feedback=QgsProcessingFeedback(),
        context=context,
    )
    # runmodel applies the model's reg_output_scaling (1.1); Deepness runs with output_scaling 1
    values = rasterio.open(out).read(1).astype(np.float64) / 1.1
    expected = expected_output(model, rgb01(square_fotomap))[0][0]
    finite = np.isfinite(expected)
    assert np.allclose(values[finite], expected[finite], atol=1e-5)
    return model, values


def test_regression_float_pipeline_agrees_with_deepness(regression_ours, square_fotomap, tmp_path):
    model, ours = regression_ours
    theirs = deepness_run("regression", model, square_fotomap, tmp_path / "d.npy", "--float-buffer")[0]
    assert theirs.dtype == np.float32 and theirs.shape == ours.shape
    finite = np.isfinite(ours)  # 2G + R + B = 0: runmodel keeps NaN, Deepness writes 0
    assert (theirs[~finite] == 0).all()
    assert np.abs(theirs[finite] - ours[finite]).max() < 1e-5


def test_regression_deepness_8bit_buffer_truncates(regression_ours, square_fotomap, tmp_path):
    model, ours = regression_ours
    theirs = deepness_run("regression", model, square_fotomap, tmp_path / "d.npy")[0]
    assert theirs.dtype == np.uint8 and theirs.shape == ours.shape
    finite = np.isfinite(ours)
    usable = finite & (ours >= 0) & (ours < 256)
    whole = usable & (np.abs(ours - np.round(ours)) <= 1e-5)  # the buffer loses nothing here
    assert whole.sum() > 1000
    assert np.abs(theirs[whole] - np.round(ours[whole])).max() < 1e-5
    fractional = usable & ~whole
    assert fractional.sum() > 1000
    assert (theirs[fractional] == np.floor(ours[fractional])).all()


def test_non_square_pixels_deepness_resamples(run_alg, tmp_path):
    """On the original raster (pixels 1.99990 x 1.99993 cm) Deepness resamples bilinearly to
    one square resolution; runmodel reads the pixels. Classes still agree on >= 99 %."""
    raster = data_path("deepness_test", "dummy_fotomap_small.tif")
    model = model_file(data_path, "segmentation", "dummy_model.onnx")
    out = tmp_path / "classes.tif"
    run_alg(
        "satimpact:runmodel",
        {"INPUT": str(raster), "MODEL": str(model), "MODEL_TYPE": "segmentation", "OUTPUT": str(out)},
    )
    ours = rasterio.open(out).read(1)
    theirs = deepness_run("segmentation", model, raster, tmp_path / "d.npy")[0]
    assert theirs.shape == ours.shape
    expected = np.argmax(np.where(rgb01(raster) ** 8 >= 0.5, rgb01(raster) ** 8, 0), axis=0)
    assert (ours == expected).all()  # runmodel: the raster's own pixels
    assert (theirs == ours).mean() >= 0.99
