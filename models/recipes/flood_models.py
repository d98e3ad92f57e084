"""Recipe: the Sentinel-1 log-ratio flood change model (two inputs, pixelwise, exact, no training).

With backscatter in dB, 10 log10(after / before) of the linear backscatter is the dB difference
after - before, so the graph is one subtraction. The rule that turns the log-ratio into change
classes (automatic thresholds, water on each date) lives in ``engine/change.py`` and is named by
the card's ``extra``; the figures below were measured with ``satimpact:floodchange`` on the
Sen1Floods11 chip (see ``tests/test_flood.py``).
"""

from __future__ import annotations

import os

import onnx
from onnx import helper

from .onnx_builders import build_model, card_base, tensor_input, tensor_output

CHIP = "Sen1Floods11 hand-labelled chip Spain_7370579 (S1Hand, LabelHand; Bonafilia et al. 2020), 512 x 512 px"

# Measured by tests/test_flood.py::test_s1_same_scene_log_ratio (BEFORE = AFTER = the S1 chip).
METRICS = [
    {
        "name": "new-flood pixels with BEFORE = AFTER (must be 0)",
        "value": 0,
        "data": CHIP,
    },
    {
        "name": "IoU (new flood + permanent water vs. hand-labelled water), BEFORE = AFTER",
        "value": 0.5921,
        "data": CHIP
        + "; equals the IoU of satimpact:waterdetection with its default radar model (water_sdwi) on the same chip",
    },
]


def logratio_model() -> onnx.ModelProto:
    card = card_base(
        name="flood_s1_logratio",
        title="Flood change: Sentinel-1 log-ratio (VV, VH in dB)",
        version="1.0.0",
        task="flood_change",
        citation="Bazi, Y., Bruzzone, L., Melgani, F. (2005) An unsupervised approach based on the generalized "
        "Gaussian model to automatic change detection in multitemporal SAR images. IEEE TGRS 43(4), 874-887 "
        "(log-ratio operator). Clement, M.A., Kilsby, C.G., Moore, P. (2018) Multi-temporal synthetic aperture "
        "radar flood mapping using change detection. J. Flood Risk Management 11(2), 152-168 (VV change "
        "detection for floods). Otsu, N. (1979) A threshold selection method from gray-level histograms. "
        "IEEE Trans. SMC 9(1), 62-66.",
        data="No training: the log-ratio of two dates, 10 log10(after / before) of the linear backscatter, "
        "which is after - before with both in dB.",
        caveats="Sentinel-1 GRD sigma0 in dB, terrain-corrected, both dates from the same orbit direction and "
        "preferably the same relative orbit (incidence angles differ otherwise). Speckle makes single-pixel "
        "changes of a few dB common: new flood also needs the after scene to be water (water model "
        "water_sdwi) and a fall of at least min_change_db. Flooded vegetation and flooded towns brighten "
        "(double bounce) and are not new flood here; wind or rain can roughen open water.",
        description="Two-date Sentinel-1 change: the dB difference after - before for VV and VH. "
        "satimpact:floodchange marks new flood where the after scene is water (water_sdwi), the before scene is "
        "not and VV fell by more than Otsu's threshold on the log-ratio of the after-water pixels (at "
        "least 3 dB); receded water mirrors it.",
        model_type="dense",
        inputs=[
            {
                "name": "before",
                "bands": ["VV", "VH"],
                "scale": 1.0,
                "offset": 0.0,
                "resolution_m": [5.0, 100.0],
                "sensor": "sentinel1",
            },
            {
                "name": "after",
                "bands": ["VV", "VH"],
                "scale": 1.0,
                "offset": 0.0,
                "resolution_m": [5.0, 100.0],
                "sensor": "sentinel1",
            },
        ],
        tiling={"tile_size": 512, "overlap": 0, "merge": "none"},
        outputs=[
            {
                "name": "log_ratio",
                "kind": "value",
                "units": "dB",
                "nodata": -9999.0,
                "band_names": ["log_ratio_vv", "log_ratio_vh"],
                "description": "10 log10(after / before) per polarisation; negative where backscatter fell",
            }
        ],
        metrics=METRICS,
        extra={
            "change_rule": "log_ratio",
            "decision_band": "log_ratio_vv",
            "min_change_db": 3.0,
            "auto_threshold": "otsu",
            "water_model": "water_sdwi",
        },
    )
    nodes = [helper.make_node("Sub", ["after", "before"], ["log_ratio"])]
    return build_model(
        nodes,
        [tensor_input("before", 2), tensor_input("after", 2)],
        [tensor_output("log_ratio", 2)],
        card,
        name="flood_s1_logratio",
    )


def build(out_dir: str) -> list[str]:
    path = os.path.join(out_dir, "flood_s1_logratio.onnx")
    onnx.save(logratio_model(), path)
    return [path]
