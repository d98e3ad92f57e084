"""Recipe: the Sentinel-1 log-ratio flood change model (two inputs, pixelwise, exact, no training).

With backscatter in dB, 10 log10(after / before) of the linear backscatter is the dB difference
after - before, so the graph is one subtraction. The rule that turns the log-ratio into change
classes (automatic thresholds, water on each date) lives in ``engine/change.py`` and is named by
the card's ``extra``; the figures below were measured with ``satimpact:floodchange`` on the
Sen1Floods11 chip (see ``tests/processing/test_flood.py``).
"""

from __future__ import annotations

import os

import onnx
from onnx import helper

from .onnx_builders import build_model, card_base, tensor_input, tensor_output

CHIP = "Sen1Floods11 hand-labelled chip Spain_7370579 (S1Hand, LabelHand; Bonafilia et al. 2020), 512 x 512 px"

# Measured by tests/processing/test_flood.py::test_s1_same_scene_log_ratio (BEFORE = AFTER = the S1 chip).
METRICS = [
    {
        "name": "new-flood pixels with BEFORE = AFTER (must be 0)",
        "value": 0,
        "data": CHIP,
    },
    {
        "name": "IoU (new flood + permanent water vs. hand-labelled water), BEFORE = AFTER",
        "value": 0.5926,
        "data": CHIP
        + "; equals the IoU of satimpact:waterdetection with water_sdwi and AUTO_THRESHOLD on the same chip "
        "(floodchange's radar water thresholds are automatic by default)",
    },
]


# The single-polarisation variants (VV-only or VH-only pairs); their water model is the matching
# single-polarisation water model. Measured by tests/processing/test_radar.py on the chip with one band removed.
SINGLE_POL_METRICS = {
    "VV": [{"name": "new-flood pixels with BEFORE = AFTER (must be 0)", "value": 0, "data": CHIP + ", VV band only"}],
    "VH": [{"name": "new-flood pixels with BEFORE = AFTER (must be 0)", "value": 0, "data": CHIP + ", VH band only"}],
}

CHANGE_RULE = (
    "satimpact:floodchange marks new flood where the after scene is water (each date's water threshold "
    "automatic by default: split-based Otsu on the tiles with a bimodal histogram, Chini et al. 2017), the "
    "before scene is not, and the backscatter fell by more than the change threshold (automatic by default: "
    "split-based Kittler-Illingworth on the log-ratio of the after-water pixels; at least min_change_db, which "
    "also applies alone where no tile is bimodal or AUTO_THRESHOLD is off); receded water mirrors it."
)


def logratio_model(pols: tuple[str, ...] = ("VV", "VH")) -> onnx.ModelProto:
    dual = len(pols) == 2
    name = "flood_s1_logratio" if dual else f"flood_s1_logratio_{pols[0].lower()}"
    water = "water_sdwi" if dual else f"water_s1_{pols[0].lower()}"
    card = card_base(
        name=name,
        title=f"Flood change: Sentinel-1 log-ratio ({', '.join(pols)} in dB)",
        version="1.1.0" if dual else "1.0.0",
        task="flood_change",
        citation="Bazi, Y., Bruzzone, L., Melgani, F. (2005) An unsupervised approach based on the generalized "
        "Gaussian model to automatic change detection in multitemporal SAR images. IEEE TGRS 43(4), 874-887 "
        "(log-ratio operator). Clement, M.A., Kilsby, C.G., Moore, P. (2018) Multi-temporal synthetic aperture "
        "radar flood mapping using change detection. J. Flood Risk Management 11(2), 152-168 (VV change "
        "detection for floods). Otsu, N. (1979) A threshold selection method from gray-level histograms. "
        "IEEE Trans. SMC 9(1), 62-66. Chini, M. et al. (2017) A hierarchical split-based approach for "
        "parametric thresholding of SAR images: flood inundation as a test case. IEEE TGRS 55(12), 6975-6988.",
        data="No training: the log-ratio of two dates, 10 log10(after / before) of the linear backscatter, "
        "which is after - before with both in dB.",
        caveats="Sentinel-1 GRD sigma0 in dB (linear power is converted by the tool), terrain-corrected, both "
        "dates from the same orbit direction and preferably the same relative orbit (incidence angles differ "
        "otherwise). Speckle makes single-pixel changes of a few dB common: new flood also needs the after "
        f"scene to be water (water model {water}) and a fall of at least min_change_db. Flooded vegetation and "
        "flooded towns brighten (double bounce) and are not new flood here; wind or rain can roughen open "
        "water, which then is missed.",
        description=f"Two-date Sentinel-1 change: the dB difference after - before for {' and '.join(pols)}. "
        + CHANGE_RULE,
        model_type="dense",
        inputs=[
            {
                "name": "before",
                "bands": list(pols),
                "scale": 1.0,
                "offset": 0.0,
                "resolution_m": [5.0, 100.0],
                "sensor": "sentinel1",
            },
            {
                "name": "after",
                "bands": list(pols),
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
                "band_names": [f"log_ratio_{p.lower()}" for p in pols],
                "description": "10 log10(after / before) per polarisation; negative where backscatter fell",
            }
        ],
        metrics=METRICS if dual else SINGLE_POL_METRICS[pols[0]],
        extra={
            "change_rule": "log_ratio",
            "decision_band": f"log_ratio_{pols[0].lower()}",
            "min_change_db": 3.0,
            "auto_threshold": "split",
            # the two classes of the log-ratio (unchanged near 0 dB, a broad fall) differ much in spread,
            # which biases Otsu towards the broad one; the minimum-error rule fits each (Bazi et al. 2005)
            "auto_threshold_method": "ki",
            "water_model": water,
        },
    )
    nodes = [helper.make_node("Sub", ["after", "before"], ["log_ratio"])]
    n = len(pols)
    return build_model(
        nodes,
        [tensor_input("before", n), tensor_input("after", n)],
        [tensor_output("log_ratio", n)],
        card,
        name=name,
    )


def build(out_dir: str) -> list[str]:
    paths = []
    for pols in (("VV", "VH"), ("VV",), ("VH",)):
        model = logratio_model(pols)
        path = os.path.join(out_dir, f"{model.graph.name}.onnx")
        onnx.save(model, path)
        paths.append(path)
    return paths
