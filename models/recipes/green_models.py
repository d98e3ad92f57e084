"""Recipe: the urban green models (``task: green``) for satimpact:greenratio.

* ``green_ndvi``: NDVI > 0.2 is vegetation. An exact formula, no training.
* ``green_rgb``: a logistic model on the log colour ratios ln(G/R) and ln(G/B), for imagery
  without a NIR band (aerial photos, basemaps). It is fitted here, with numpy, against the
  ``green_ndvi`` mask of the real multispectral scenes in ``../shared/data`` (six BigEarthNet
  Sentinel-2 L2A patches and the Sen1Floods11 Sentinel-2 L1C chip); its agreement with NDVI
  is measured leaving one scene out at a time and written into its card.

The recipe needs ``../shared/data`` (or ``SATIMPACT_DATA``) at build time; the models it
writes carry everything the plugin needs at run time.
"""

from __future__ import annotations

import glob
import os
import tempfile

import numpy as np
import onnx
from onnx import helper, numpy_helper

from ...engine.green import CloudTest, cloud_and_snow
from ...engine.stack import stack_bigearthnet_s2
from .onnx_builders import (
    build_model,
    card_base,
    const,
    normalized_difference_nodes,
    split_bands,
    tensor_input,
    tensor_output,
)

HERE = os.path.dirname(os.path.realpath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.environ.get("SATIMPACT_DATA", os.path.join(os.path.dirname(ROOT), "shared", "data"))

NDVI_THRESHOLD = 0.2
LEAF_OFF_P95_NDVI = 0.5
RGB_FLOOR = 1e-6  # keeps log() finite on black pixels; any scaling of the input gives the same ratios
# Colour gate: never vegetation where blue clearly dominates green (water, sky-blue roofs, haze) or
# where the pixel is grey or white (concrete, asphalt, clouds). None of these occur in the training
# scenes, so the logistic alone cannot learn them: on the Landsat RGB test scene it called 77 % of
# the pixels green, turquoise sea and clouds included.
BLUE_MARGIN = 0.1  # vegetation needs ln(G/B) >= -0.1
NEUTRAL_MARGIN = 0.05  # and max(|ln(G/R)|, |ln(G/B)|) >= 0.05
KWON = (
    "Kwon, O.-H., Hong, I., Yang, J., Wohn, D.Y., Jung, W.-S., Cha, M. (2021) Urban green space and "
    "happiness in developed countries. EPJ Data Science 10, 28. doi:10.1140/epjds/s13688-021-00278-7"
)
SOBRINO = (
    "Sobrino, J.A., Jimenez-Munoz, J.C., Paolini, L. (2004) Land surface temperature retrieval from "
    "LANDSAT TM 5. Remote Sensing of Environment 90, 434-440 (NDVI < 0.2: bare soil; 0.2-0.5: mixed "
    "soil and vegetation; > 0.5: full vegetation cover)"
)
ROUSE = "Rouse, J.W. et al. (1974) Monitoring vegetation systems in the Great Plains with ERTS. NASA SP-351."
BIGEARTHNET = (
    "BigEarthNet example patches (Sumbul et al., IGARSS 2019; CDLA-Permissive-1.0), shipped with bigearthnet_common"
)
SEN1FLOODS11 = "Sen1Floods11 chip Spain_7370579 (Bonafilia et al., CVPR Workshops 2020; CC BY 4.0)"
CLOUD_TEST = {"blue_min": 0.2, "ndsi_snow_min": 0.4, "scale": 0.0001, "offset": 0.0}


def ndvi_model() -> onnx.ModelProto:
    nodes, inits = split_bands("image", ["red", "nir"])
    nd_nodes, nd_inits = normalized_difference_nodes("nir", "red", "ndvi")
    card = card_base(
        name="green_ndvi",
        title="Vegetation from NDVI (green space, NDVI > 0.2)",
        version="1.0.0",
        task="green",
        citation=f"{ROUSE} Threshold: {SOBRINO}. Use for urban green space as in {KWON}",
        data="No training: NDVI = (NIR - red) / (NIR + red); vegetation where NDVI > 0.2.",
        caveats=(
            "Only meaningful on leaf-on (summer) imagery: winter, drought and snow lower NDVI (the tool warns). "
            "NDVI > 0.2 counts sparse and dry vegetation and grass as green, not only tree canopy; raise the "
            "threshold (0.5: full cover after Sobrino et al. 2004) for dense vegetation only. The cloud test "
            "assumes reflectance x 10000 (Sentinel-2 L2A before processing baseline 04.00, Landsat Collection 1 "
            "style); for Sentinel-2 L2A from 2022 on (offset -1000) or Landsat Collection 2 (x 0.0000275 - 0.2) "
            "the NDVI is still right but the brightness cloud test is not, use an SCL band."
        ),
        description=(
            "Binary vegetation mask for the urban green ratio (satimpact:greenratio) from any multispectral "
            "scene with red and NIR bands (Sentinel-2, Landsat, RGBN aerial imagery). Threshold choice: 0.2 is "
            "the NDVI above which a surface is no longer bare soil (Sobrino et al. 2004), so every pixel with a "
            "real vegetation share counts; Kwon et al. (2021) built their urban green space score from NDVI of "
            "summer Sentinel-2 imagery, which is why the tool checks the season."
        ),
        model_type="dense",
        inputs=[
            {
                "name": "image",
                "bands": ["red", "nir"],
                # Unscaled: integer digital numbers stay exact in float32, so pixels at NDVI = 0.2
                # exactly fall on the same side of the threshold as in any float64 computation.
                "scale": 1.0,
                "offset": 0.0,
                "resolution_m": [0.1, 1000.0],
            }
        ],
        tiling={"tile_size": 512, "overlap": 0, "merge": "none"},
        outputs=[
            {
                "name": "ndvi",
                "kind": "index",
                "threshold": NDVI_THRESHOLD,
                "units": "",
                "nodata": -9999.0,
                "band_names": ["ndvi"],
                "description": "NDVI; vegetation where ndvi > threshold",
            }
        ],
        extra={"leaf_off_p95": LEAF_OFF_P95_NDVI, "cloud_test": CLOUD_TEST, "vegetation_rule": "ndvi > 0.2"},
    )
    return build_model(
        nodes + nd_nodes, [tensor_input("image", 2)], [tensor_output("ndvi")], card, inits + nd_inits, "green_ndvi"
    )


# --- the RGB model ----------------------------------------------------------------------------------


def _scene_arrays(path: str) -> dict[str, np.ndarray]:
    """Red, green, blue, NIR, SWIR 1.6 of a whole scene (small patches and chips only)."""
    import rasterio

    with rasterio.open(path) as ds:
        names = [(d or "").upper().replace("B0", "B") for d in ds.descriptions]
        out = {}
        for key, band in (("red", "B4"), ("green", "B3"), ("blue", "B2"), ("nir", "B8"), ("swir16", "B11")):
            out[key] = ds.read(names.index(band) + 1).astype(np.float64)
        nodata = ds.nodata
    valid = np.ones(out["red"].shape, dtype=bool)
    if nodata is not None:
        for key in ("red", "green", "blue", "nir"):
            valid &= out[key] != nodata
    out["valid"] = valid
    return out


def scene_samples(path: str) -> tuple[np.ndarray, np.ndarray]:
    """RGB of the clear pixels of a scene and their green_ndvi label (the same rule the tool uses)."""
    a = _scene_arrays(path)
    cloud, _ = cloud_and_snow(CloudTest(**CLOUD_TEST), a["blue"], a["green"], a["swir16"], None)
    keep = a["valid"] & ~cloud
    with np.errstate(divide="ignore", invalid="ignore"):
        ndvi = np.where(a["nir"] + a["red"] != 0, (a["nir"] - a["red"]) / (a["nir"] + a["red"]), 0.0)
    rgb = np.stack([a["red"][keep], a["green"][keep], a["blue"][keep]], axis=1)
    return rgb, ndvi[keep] > NDVI_THRESHOLD


def rgb_features(rgb: np.ndarray) -> np.ndarray:
    x = np.log(np.maximum(rgb, RGB_FLOOR))
    return np.stack([x[:, 1] - x[:, 0], x[:, 1] - x[:, 2]], axis=1)


def fit_logistic(features: np.ndarray, labels: np.ndarray, weights: np.ndarray, l2: float = 1e-4):
    """Weighted, lightly ridge-penalised logistic regression by Newton's method. Returns (w, b)."""
    mu, sd = features.mean(0), features.std(0) + 1e-12
    z = np.c_[np.ones(len(features)), (features - mu) / sd]
    w = np.zeros(z.shape[1])
    ridge = l2 * weights.sum() * np.eye(len(w))
    ridge[0, 0] = 0.0
    y = labels.astype(np.float64)
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        h = z.T @ (z * (weights * p * (1 - p))[:, None]) + ridge
        step = np.linalg.solve(h, z.T @ (weights * (p - y)) + ridge @ w)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    coef = w[1:] / sd
    return coef, float(w[0] - (coef * mu).sum())


def _scene_weights(sets) -> np.ndarray:
    # Every scene weighs the same, so the 512 x 512 chip does not drown the 120 x 120 patches.
    w = np.concatenate([np.full(len(y), 1.0 / len(y)) for _, y in sets])
    return w * (len(w) / w.sum())


def colour_gate(features: np.ndarray) -> np.ndarray:
    return (features[:, 1] >= -BLUE_MARGIN) & (np.abs(features).max(axis=1) >= NEUTRAL_MARGIN)


def predict(coef, bias, rgb: np.ndarray, gate: bool = True) -> np.ndarray:
    f = rgb_features(rgb)
    logistic = f @ coef + bias > 0
    return logistic & colour_gate(f) if gate else logistic


def agreement(pred: np.ndarray, truth: np.ndarray) -> dict[str, float]:
    tp = float((pred & truth).sum())
    fp = float((pred & ~truth).sum())
    fn = float((~pred & truth).sum())
    tn = float((~pred & ~truth).sum())
    return {
        "iou": tp / max(tp + fp + fn, 1.0),
        "f1": 2 * tp / max(2 * tp + fp + fn, 1.0),
        "accuracy": (tp + tn) / max(tp + fp + fn + tn, 1.0),
        "pixels": int(tp + fp + fn + tn),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
    }


def training_scenes(work_dir: str) -> dict[str, str]:
    """Scene name -> multi-band GeoTIFF of every real multispectral scene in the shared data."""
    scenes = {}
    for folder in sorted(glob.glob(os.path.join(DATA, "bigearthnet", "S2", "S2*_MSIL2A_*"))):
        path = stack_bigearthnet_s2(folder, work_dir)
        scenes[os.path.splitext(os.path.basename(path))[0]] = path
    chip = os.path.join(DATA, "sen1floods11", "Spain_7370579_S2Hand.tif")
    if os.path.exists(chip):
        scenes["Spain_7370579_S2Hand"] = chip
    if len(scenes) < 3:
        raise SystemExit(f"green_models: the real scenes are missing under {DATA} (set SATIMPACT_DATA)")
    return scenes


def fit_rgb_model(scenes: dict[str, str]):
    """Leave-one-scene-out agreement with green_ndvi, then the final fit on every scene."""
    samples = {name: scene_samples(path) for name, path in scenes.items()}
    per_scene = {}
    pooled = dict.fromkeys(("tp", "fp", "fn", "tn"), 0.0)
    ungated = dict.fromkeys(("tp", "fp", "fn", "tn"), 0.0)
    for held in samples:
        train = [samples[n] for n in samples if n != held]
        coef, bias = fit_logistic(
            np.concatenate([rgb_features(x) for x, _ in train]),
            np.concatenate([y for _, y in train]),
            _scene_weights(train),
        )
        rgb, truth = samples[held]
        scores = agreement(predict(coef, bias, rgb), truth)
        scores["ndvi_green_share"] = float(truth.mean())
        scores["rgb_green_share"] = float(predict(coef, bias, rgb).mean())
        per_scene[held] = scores
        plain = agreement(predict(coef, bias, rgb, gate=False), truth)
        for k in pooled:
            pooled[k] += scores[k]
            ungated[k] += plain[k]

    def summary(c):
        tp, fp, fn, tn = c["tp"], c["fp"], c["fn"], c["tn"]
        return {
            "iou": tp / (tp + fp + fn),
            "f1": 2 * tp / (2 * tp + fp + fn),
            "accuracy": (tp + tn) / (tp + fp + fn + tn),
            "pixels": int(tp + fp + fn + tn),
        }

    pooled_scores = summary(pooled)
    pooled_scores["ungated"] = summary(ungated)
    everything = list(samples.values())
    coef, bias = fit_logistic(
        np.concatenate([rgb_features(x) for x, _ in everything]),
        np.concatenate([y for _, y in everything]),
        _scene_weights(everything),
    )
    return coef, bias, per_scene, pooled_scores


def rgb_model(coef, bias, per_scene: dict, pooled: dict) -> onnx.ModelProto:
    # Log bands -> (ln(G/R), ln(G/B)) by a 1x1 convolution -> logit by another; the colour gate
    # sets the probability to 0 where blue dominates or the pixel is grey.
    c0, c1 = float(coef[0]), float(coef[1])
    ratio_w = np.array([[-1.0, 1.0, 0.0], [0.0, 1.0, -1.0]], dtype=np.float32).reshape(2, 3, 1, 1)
    logit_w = np.array([c0, c1], dtype=np.float32).reshape(1, 2, 1, 1)
    nodes = [
        helper.make_node("Max", ["image", "floor"], ["floored"]),
        helper.make_node("Log", ["floored"], ["logs"]),
        helper.make_node("Conv", ["logs", "ratio_w"], ["ratios"], kernel_shape=[1, 1]),
        helper.make_node("Conv", ["ratios", "logit_w", "logit_b"], ["logit"], kernel_shape=[1, 1]),
        helper.make_node("Sigmoid", ["logit"], ["probability"]),
        helper.make_node("Split", ["ratios", "two"], ["ln_g_r", "ln_g_b"], axis=1),
        helper.make_node("Less", ["ln_g_b", "blue_margin"], ["blue_dominant"]),
        helper.make_node("Abs", ["ratios"], ["abs_ratios"]),
        helper.make_node("ReduceMax", ["abs_ratios"], ["chroma"], axes=[1], keepdims=1),
        helper.make_node("Less", ["chroma", "neutral_margin"], ["neutral"]),
        helper.make_node("Or", ["blue_dominant", "neutral"], ["not_plant_colour"]),
        helper.make_node("Where", ["not_plant_colour", "zero", "probability"], ["vegetation"]),
    ]
    inits = [
        const("floor", RGB_FLOOR),
        const("ratio_w", ratio_w),
        const("logit_w", logit_w),
        const("logit_b", [bias]),
        numpy_helper.from_array(np.array([1, 1], dtype=np.int64), "two"),
        const("blue_margin", -BLUE_MARGIN),
        const("neutral_margin", NEUTRAL_MARGIN),
        const("zero", 0.0),
    ]
    metrics = [
        {
            "name": f"{key} vs green_ndvi (held-out scenes, pooled pixels)",
            "value": round(pooled[key], 4),
            "data": f"leave-one-scene-out over {len(per_scene)} real scenes ({BIGEARTHNET}; {SEN1FLOODS11}); "
            f"{pooled['pixels']} clear pixels; reference: green_ndvi mask (NDVI > {NDVI_THRESHOLD})",
        }
        for key in ("iou", "f1", "accuracy")
    ]
    ungated = pooled["ungated"]
    metrics.append(
        {
            "name": "iou vs green_ndvi without the colour gate (held-out scenes, pooled pixels)",
            "value": round(ungated["iou"], 4),
            "data": f"the logistic alone: F1 {ungated['f1']:.4f}, accuracy {ungated['accuracy']:.4f}; it calls grey, "
            "white and blue-dominant pixels green, which the training scenes do not contain",
        }
    )
    metrics.append(
        {
            "name": "mean IoU vs green_ndvi over held-out scenes",
            "value": round(float(np.mean([s["iou"] for s in per_scene.values()])), 4),
            "data": "the same leave-one-scene-out runs, each scene weighing the same",
        }
    )
    for name, s in per_scene.items():
        metrics.append(
            {
                "name": f"held-out scene {name}",
                "value": round(s["iou"], 4),
                "data": f"IoU {s['iou']:.3f}, F1 {s['f1']:.3f}, accuracy {s['accuracy']:.3f}, {s['pixels']} clear "
                f"pixels; green share NDVI {s['ndvi_green_share']:.3f} vs RGB {s['rgb_green_share']:.3f}",
            }
        )
    card = card_base(
        name="green_rgb",
        title="Vegetation from RGB only (logistic on colour ratios, no NIR)",
        version="1.0.0",
        task="green",
        citation=(
            "This project's recipe (models/recipes/green_models.py): logistic regression on ln(G/R) and ln(G/B), "
            f"fitted to the green_ndvi mask, with a colour gate (never vegetation where ln(G/B) < -{BLUE_MARGIN} "
            f"or max(|ln(G/R)|, |ln(G/B)|) < {NEUTRAL_MARGIN}). Reference mask after {SOBRINO}; use after {KWON}"
        ),
        data=(
            f"Fitted on the clear pixels of {len(per_scene)} real multispectral scenes: {BIGEARTHNET} (6 patches, "
            f"June, September, December and February) and {SEN1FLOODS11}; label: NDVI > {NDVI_THRESHOLD}; every "
            f"scene weighs the same. Coefficients: bias {bias:.4f}, ln(G/R) {c0:.4f}, ln(G/B) {c1:.4f}."
        ),
        caveats=(
            "RGB cannot see what NIR sees: dry, sparse or dormant vegetation with NDVI above 0.2 looks brown and "
            "is missed (the dry flood-plain chip over Spain), and snow-dusted conifers (February patch) look white; "
            "the agreement with NDVI is lowest there. Fitted on Sentinel-2 reflectance (L2A and one L1C chip); "
            "colour-balanced aerial photos and "
            "basemaps were not available to test on. Colour ratios do not depend on the scaling of the bands "
            "(reflectance or 8-bit), but do depend on the colour balance. No cloud test: RGB basemaps are "
            "cloud-free composites; grey and white clouds are kept out of the vegetation by the colour gate but "
            "count as valid area. The colour gate costs some agreement with NDVI (see metrics) and keeps grey "
            "roofs, roads, clouds and blue water out; turquoise shallow water with ln(G/B) >= -0.1 can still pass."
        ),
        description="Binary vegetation mask for satimpact:greenratio from red, green and blue bands alone.",
        model_type="dense",
        inputs=[{"name": "image", "bands": ["red", "green", "blue"], "scale": 1.0, "offset": 0.0}],
        tiling={"tile_size": 512, "overlap": 0, "merge": "none"},
        outputs=[
            {
                "name": "vegetation",
                "kind": "probability",
                "threshold": 0.5,
                "units": "",
                "nodata": -9999.0,
                "band_names": ["vegetation"],
                "description": "probability that green_ndvi would call the pixel vegetation",
            }
        ],
        metrics=metrics,
        extra={"leaf_off_p95": 0.5, "vegetation_rule": "probability > 0.5"},
    )
    return build_model(nodes, [tensor_input("image", 3)], [tensor_output("vegetation")], card, inits, "green_rgb")


def build(out_dir: str) -> list[str]:
    ndvi_path = os.path.join(out_dir, "green_ndvi.onnx")
    onnx.save(ndvi_model(), ndvi_path)
    with tempfile.TemporaryDirectory() as work:
        coef, bias, per_scene, pooled = fit_rgb_model(training_scenes(work))
    for name, s in per_scene.items():
        print(f"green_rgb held out {name}: IoU {s['iou']:.3f} F1 {s['f1']:.3f} accuracy {s['accuracy']:.3f}")
    print(f"green_rgb pooled: IoU {pooled['iou']:.3f} F1 {pooled['f1']:.3f} accuracy {pooled['accuracy']:.3f}")
    plain = pooled["ungated"]
    print(
        f"green_rgb without colour gate: IoU {plain['iou']:.3f} F1 {plain['f1']:.3f} accuracy {plain['accuracy']:.3f}"
    )
    rgb_path = os.path.join(out_dir, "green_rgb.onnx")
    onnx.save(rgb_model(coef, bias, per_scene, pooled), rgb_path)
    return [ndvi_path, rgb_path]


if __name__ == "__main__":  # run through build_all.py, which puts the plugin package on sys.path
    raise SystemExit("run: python models/recipes/build_all.py")
