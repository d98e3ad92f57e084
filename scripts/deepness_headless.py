"""Run the Deepness plugin's own segmentation or regression processor headless, in a process of
its own, on one raster and one model; save its result image (.npy) and print one JSON line.

Deepness (PUTvision/qgis-plugin-deepness) is not a dependency of SatImpact and is never shipped
or imported by the plugin. This script is for comparing with it locally: point DEEPNESS_SRC at a
copy of its source (a folder holding ``src/deepness`` or ``deepness``) and make OpenCV importable
(Deepness needs ``cv2``; e.g. ``pip install --target /tmp/deepness_deps opencv-python-headless``
and ``PYTHONPATH=/tmp/deepness_deps``). It runs Deepness as Deepness' own tests do
(test/test_utils.py): a QgsRasterLayer with EPSG:32633, the default RGBA channel mapping, a map
processor with a MagicMock canvas, ``run()`` then ``get_result_img()``.

A separate process, because the Deepness package is called ``deepness`` and must not meet
anything else of that name (a checkout folder called so, for one) in the test session.

Exit status: 0 done; 2 DEEPNESS_SRC missing or unusable; 3 OpenCV missing; 4 Deepness failed.

Usage: deepness_headless.py KIND MODEL RASTER OUT.npy [--resolution-cm R] [--overlap-percent P]
       [--batch-size B] [--output-scaling S] [--float-buffer] [--repeat N]
KIND is segmentation or regression. --float-buffer gives the regression processor a float32
result buffer instead of Deepness' uint8 one (to compare the float pipeline; the plain run
keeps Deepness' own buffer). --repeat N runs the processor N times and reports each time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path


def deepness_source() -> Path:
    root = Path(os.environ.get("DEEPNESS_SRC", ""))
    for candidate in (root / "src", root):
        if (candidate / "deepness" / "processing" / "map_processor").is_dir():
            return candidate
    raise SystemExit(
        _fail(2, f"DEEPNESS_SRC={root!s} holds no deepness/processing/map_processor (nor src/deepness/...)")
    )


def _fail(code: int, message: str) -> int:
    print(json.dumps({"error": message, "code": code}), flush=True)
    return code


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["segmentation", "regression"])
    parser.add_argument("model")
    parser.add_argument("raster")
    parser.add_argument("out")
    parser.add_argument("--resolution-cm", type=float, default=None)
    parser.add_argument("--overlap-percent", type=float, default=15.0)
    parser.add_argument("--batch-size", type=int, default=1)
    parser.add_argument("--output-scaling", type=float, default=1.0)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--small-segment", type=int, default=0)
    parser.add_argument("--float-buffer", action="store_true")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    src = deepness_source()
    try:
        import cv2  # noqa: F401  (Deepness loads it lazily; fail early and say so)
    except ImportError:
        return _fail(
            3,
            "Deepness needs OpenCV (cv2), which is not importable here: install opencv-python-headless "
            "into a separate folder and put it on PYTHONPATH",
        )
    sys.path.insert(0, str(src))

    import numpy as np
    from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject, QgsRasterLayer

    app = QgsApplication([], False)
    app.initQgis()
    try:
        from unittest.mock import MagicMock

        from deepness.common.channels_mapping import ChannelsMapping, ImageChannelStandaloneBand
        from deepness.common.processing_overlap import ProcessingOverlap, ProcessingOverlapOptions
        from deepness.common.processing_parameters.map_processing_parameters import ProcessedAreaType
        from deepness.common.processing_parameters.regression_parameters import RegressionParameters
        from deepness.common.processing_parameters.segmentation_parameters import SegmentationParameters
        from deepness.processing.map_processor.map_processor_regression import MapProcessorRegression
        from deepness.processing.map_processor.map_processor_segmentation import MapProcessorSegmentation
        from deepness.processing.models.regressor import Regressor
        from deepness.processing.models.segmentor import Segmentor
    except ImportError as exc:
        return _fail(2, f"DEEPNESS_SRC={src}: not the Deepness API this script uses ({exc})")

    layer = QgsRasterLayer(args.raster, "fotomap")
    if layer.width() == 0:
        return _fail(4, f"{args.raster}: QGIS could not open it")
    layer.setCrs(QgsCoordinateReferenceSystem("EPSG:32633"))  # as Deepness' test_utils does
    QgsProject.instance().addMapLayer(layer)
    resolution_cm = args.resolution_cm or layer.rasterUnitsPerPixelX() * 100  # the raster's own grid

    channels = ChannelsMapping()  # Deepness' default mapping for an RGBA file (test_utils)
    channels.set_image_channels(
        [
            ImageChannelStandaloneBand(band_number=b, name=n)
            for b, n in ((1, "red"), (2, "green"), (3, "blue"), (4, "alpha"))
        ]
    )
    channels.set_number_of_model_inputs_same_as_image_channels()

    times, result = [], None
    for _ in range(args.repeat):
        started = time.perf_counter()
        model_class = Segmentor if args.kind == "segmentation" else Regressor
        model = model_class(args.model)
        common = dict(
            resolution_cm_per_px=resolution_cm,
            tile_size_px=model.get_input_size_in_pixels()[0],
            batch_size=args.batch_size,
            local_cache=False,
            processed_area_type=ProcessedAreaType.ENTIRE_LAYER,
            mask_layer_id=None,
            input_layer_id=layer.id(),
            input_channels_mapping=channels,
            processing_overlap=ProcessingOverlap(
                ProcessingOverlapOptions.OVERLAP_IN_PERCENT, percentage=args.overlap_percent
            ),
            model=model,
        )
        if args.kind == "segmentation":
            params = SegmentationParameters(
                **common,
                postprocessing_dilate_erode_size=args.small_segment,
                pixel_classification__probability_threshold=args.threshold,
            )
            processor = MapProcessorSegmentation(rlayer=layer, vlayer_mask=None, map_canvas=MagicMock(), params=params)
        else:
            params = RegressionParameters(**common, output_scaling=args.output_scaling)
            processor_class = MapProcessorRegression
            if args.float_buffer:

                class FloatBufferRegression(MapProcessorRegression):
                    """Deepness' regression processor with a float32 result buffer (its own is uint8)."""

                    def _get_array_or_mmapped_array(self, final_shape_px):
                        return np.zeros(final_shape_px, np.float32)

                processor_class = FloatBufferRegression
            processor = processor_class(rlayer=layer, vlayer_mask=None, map_canvas=MagicMock(), params=params)
        processor.run()
        failure = getattr(processor._processing_result, "exception", None)
        if failure is not None:
            return _fail(4, f"Deepness failed: {type(failure).__name__}: {failure}")
        result = np.asarray(processor.get_result_img())
        times.append(time.perf_counter() - started)
    np.save(args.out, result)
    print(
        json.dumps(
            {"shape": list(result.shape), "dtype": str(result.dtype), "seconds": times, "resolution_cm": resolution_cm}
        ),
        flush=True,
    )
    QgsProject.instance().removeMapLayer(layer.id())
    return 0


if __name__ == "__main__":
    sys.exit(main())
