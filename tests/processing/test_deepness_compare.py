"""satimpact:runmodel against Deepness' own output on the same raster and model (issue 18).

Deepness (PUTvision/qgis-plugin-deepness) is not a dependency and is not on this machine: set
DEEPNESS_SRC to a checkout of its source (written for v0.6.5, the version whose test data is
in ../shared/data/deepness_test) and this test runs Deepness headless, as Deepness' own tests
do (src/ on sys.path, a map processor run on a QgsRasterLayer), then compares:
- segmentation: classes agree on >= 99 % of pixels (we blend tiles, Deepness crops them, so
  differences sit at tile seams);
- regression: values within 1e-5 wherever Deepness' 8-bit result buffer does not truncate them.
Without DEEPNESS_SRC the test skips and says why; with a checkout whose API differs it fails
and says what it did not find."""

import os
import sys
from pathlib import Path

import numpy as np
import pytest
import rasterio
from deepness_dummies import model_file

from conftest import data_path

DEEPNESS_SRC = os.environ.get("DEEPNESS_SRC", "")
pytestmark = pytest.mark.skipif(
    not DEEPNESS_SRC or not (Path(DEEPNESS_SRC) / "src" / "deepness").is_dir(),
    reason="Deepness' source is not on this machine (no network): set DEEPNESS_SRC to a checkout of "
    "PUTvision/qgis-plugin-deepness v0.6.5 (a folder holding src/deepness) to compare with Deepness' own output",
)


def deepness_result(kind: str, model_path: Path, raster: Path, qgis_iface) -> np.ndarray:
    """Deepness' own result image for ``model_path`` on ``raster`` (its API as of v0.6.5)."""
    sys.path.insert(0, str(Path(DEEPNESS_SRC) / "src"))
    try:
        from unittest.mock import MagicMock

        from deepness.common.processing_overlap import ProcessingOverlap, ProcessingOverlapOptions
        from deepness.common.processing_parameters.map_processing_parameters import ProcessedAreaType
        from deepness.processing.map_processor.map_processor_regression import MapProcessorRegression
        from deepness.processing.map_processor.map_processor_segmentation import MapProcessorSegmentation
        from deepness.processing.models.regressor import Regressor
        from deepness.processing.models.segmentor import Segmentor
        from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRasterLayer
    except ImportError as exc:
        pytest.fail(f"DEEPNESS_SRC={DEEPNESS_SRC} does not have the v0.6.5 API this test uses: {exc}")
    layer = QgsRasterLayer(str(raster), "fotomap")
    layer.setCrs(QgsCoordinateReferenceSystem("EPSG:32633"))  # as Deepness' test_utils does
    QgsProject.instance().addMapLayer(layer)
    try:
        from deepness.common.channels_mapping import ChannelsMapping, ImageChannelStandaloneBand

        # Deepness' default mapping for an RGBA file; the model takes the first three channels
        channels = ChannelsMapping()
        channels.set_image_channels(
            [
                ImageChannelStandaloneBand(band_number=b, name=n)
                for b, n in ((1, "red"), (2, "green"), (3, "blue"), (4, "alpha"))
            ]
        )
        channels.set_number_of_model_inputs_same_as_image_channels()
        common = dict(
            resolution_cm_per_px=2,  # the raster's own resolution: no resampling on either side
            batch_size=1,
            local_cache=False,
            processed_area_type=ProcessedAreaType.ENTIRE_LAYER,
            mask_layer_id=None,
            input_layer_id=layer.id(),
            input_channels_mapping=channels,
            processing_overlap=ProcessingOverlap(ProcessingOverlapOptions.OVERLAP_IN_PERCENT, percentage=15),
        )
        if kind == "segmentation":
            from deepness.common.processing_parameters.segmentation_parameters import SegmentationParameters

            model = Segmentor(str(model_path))
            settings = dict(
                common,
                tile_size_px=model.get_input_size_in_pixels()[0],
                postprocessing_dilate_erode_size=0,
                pixel_classification__probability_threshold=0.5,
                model=model,
            )
            try:  # releases before multi-output support also take an output format
                from deepness.common.processing_parameters.map_processing_parameters import ModelOutputFormat

                params = SegmentationParameters(
                    **settings,
                    model_output_format=ModelOutputFormat.ALL_CLASSES_AS_SEPARATE_LAYERS,
                    model_output_format__single_class_number=-1,
                )
            except (ImportError, TypeError):
                params = SegmentationParameters(**settings)
            processor = MapProcessorSegmentation(rlayer=layer, vlayer_mask=None, map_canvas=MagicMock(), params=params)
        else:
            from deepness.common.processing_parameters.regression_parameters import RegressionParameters

            model = Regressor(str(model_path))
            params = RegressionParameters(
                **common,
                tile_size_px=model.get_input_size_in_pixels()[0],
                output_scaling=1.0,
                model=model,
            )
            processor = MapProcessorRegression(rlayer=layer, vlayer_mask=None, map_canvas=MagicMock(), params=params)
        processor.run()
        return np.asarray(processor.get_result_img())
    except (AttributeError, TypeError) as exc:
        pytest.fail(f"DEEPNESS_SRC={DEEPNESS_SRC}: its map processors differ from v0.6.5 ({exc})")
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def common_window(ours: np.ndarray, theirs: np.ndarray):
    """Both images on their common rows and columns: Deepness renders the layer at
    resolution_cm_per_px, which may round the size by a pixel."""
    assert abs(ours.shape[-1] - theirs.shape[-1]) <= 1 and abs(ours.shape[-2] - theirs.shape[-2]) <= 1, (
        ours.shape,
        theirs.shape,
    )
    h, w = min(ours.shape[-2], theirs.shape[-2]), min(ours.shape[-1], theirs.shape[-1])
    return ours[..., :h, :w], theirs[..., :h, :w]


def test_segmentation_agrees_with_deepness(run_alg, qgis_iface, tmp_path):
    raster = data_path("deepness_test", "dummy_fotomap_small.tif")
    model = model_file(data_path, "segmentation", "one_output_softmax_bsx2x512x512.onnx")
    out = tmp_path / "classes.tif"
    run_alg(
        "satimpact:runmodel",
        {"INPUT": str(raster), "MODEL": str(model), "MODEL_TYPE": "segmentation", "OUTPUT": str(out)},
    )
    ours = rasterio.open(out).read(1)
    theirs = np.squeeze(deepness_result("segmentation", model, raster, qgis_iface))
    ours, theirs = common_window(ours, theirs)
    agreement = float((theirs == ours).mean())
    assert agreement >= 0.99, agreement


def test_regression_agrees_with_deepness(run_alg, qgis_iface, tmp_path):
    raster = data_path("deepness_test", "dummy_fotomap_small.tif")
    model = model_file(data_path, "regression", "dummy_regression_model_batched.onnx")
    out = tmp_path / "values.tif"
    run_alg("satimpact:runmodel", {"INPUT": str(raster), "MODEL": str(model), "OUTPUT": str(out)})
    ours = rasterio.open(out).read(1).astype(np.float64) / 1.1  # the model's reg_output_scaling
    theirs = np.squeeze(deepness_result("regression", model, raster, qgis_iface))
    ours, theirs = common_window(ours, theirs)
    finite = np.isfinite(ours)  # Deepness writes 0 where the model gives NaN (2G + R + B = 0)
    if theirs.dtype == np.uint8:
        # Deepness' 8-bit buffer truncates: only the whole part of non-negative values survives.
        kept = finite & (ours >= 0)
        assert (theirs[kept] == np.floor(ours[kept])).mean() >= 0.99
    else:
        assert np.abs(theirs[finite].astype(np.float64) - ours[finite]).max() < 1e-5
