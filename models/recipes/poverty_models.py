"""Recipe: poverty models (``make models``). Random convolutional featurizers (MOSAIKS) for RGB
and multispectral chips, and the shipped North Korea development score ``poverty_nk_siscore``.

The shipped score's method was chosen by how well it ranks places it never saw (issue 12):
``poverty_report.py`` (``make poverty-report``, about an hour on 2 cores) measures every
candidate and baseline leave-cluster-out on the North Korea chips of Ahn et al. (2023), on
798 independent annotated tiles (test only), under changes that leave development alone, and
for chip scoring speed against the previous model; it writes
``models/reports/poverty_nk_siscore.md`` and records the choice (graph and ridge alpha) in
``models/reports/poverty_nk_siscore.json``. This recipe rebuilds the shipped model from that
recorded choice: it computes the features of the 1150 chips with the very ONNX graph that ships,
fits the ridge head and writes the model (well under a minute of CPU). It needs no torch.
"""

from __future__ import annotations

import glob
import json
import os
import time
from dataclasses import asdict, dataclass

import numpy as np
import onnx

from ...engine import poverty as pov
from . import poverty_eval as ev
from . import poverty_features as pf

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
DATA = os.environ.get("SATIMPACT_DATA", os.path.join(os.path.dirname(ROOT), "shared", "data"))
NK_DIR = os.path.join(DATA, "nk_pog")
ANN_DIR = os.path.join(DATA, "nk_annotation")
BEN_DIR = os.path.join(DATA, "bigearthnet", "S2")
REPORTS = os.path.join(ROOT, "models", "reports")
V1_MODEL = os.path.join(REPORTS, "poverty_nk_siscore_v1.onnx")  # the score shipped before issue 12

CHIP_PX_V1 = 64  # featurizers and the previous CNN: 256 px NK tiles area-averaged 4x4 (~29 m per pixel)
CHIP_PX = 64  # the shipped MOSAIKS featurizers
SOURCE_PX = 256  # NK tiles: ~7.3 m on the ground at 40 N
# Zoom-14 Web Mercator tiles: 2446 m in map units, 2446 * cos(lat) on the ground;
# at 40 N (the middle of North Korea, 37.7-43 N) that is about 1870 m.
CHIP_GROUND_M = 1870.0
RF_SEED = 20210721  # MOSAIKS featurizers
RF_FILTERS = 256  # -> 512 features (both signs)
RF_KERNEL = 3
RIDGE_ALPHAS = (1.0, 3.0, 10.0, 30.0, 100.0)
CONSISTENCIES = (0.3, 1.0, 3.0, 10.0)  # the shift-consistent ridge's penalty, chosen with alpha
CROP_SHARE = 0.75  # its crops: 3/4 of the chip's side, what a chip moved by a quarter side still shares with it
AUG_SEED = 4242
AUG_COPIES = 2
REPORT_JSON = os.path.join(REPORTS, "poverty_nk_siscore.json")
S2_BANDS = ["blue", "green", "red", "nir", "swir16", "swir22"]
S2_FILES = ["B02", "B03", "B04", "B08", "B11", "B12"]

CITATION_NK = (
    "Ahn, D., Yang, J., Cha, M. et al. (2023) A human-machine collaborative approach measures economic "
    "development using satellite imagery. Nat. Commun. 14, 6811. Han, S., Ahn, D., Park, S. et al. (2020) "
    "Learning to score economic development from satellite imagery. KDD 2020 (siScore)."
)
CITATION_MOSAIKS = (
    "Rolf, E., Proctor, J., Carleton, T. et al. (2021) A generalizable and accessible approach to machine "
    "learning with global satellite imagery. Nat. Commun. 12, 4392."
)


# --- featurizers -------------------------------------------------------------------------------


def rgb_features(train_x: np.ndarray) -> pov.RandomFeatures:
    """MOSAIKS RGB featurizer: patches drawn (seeded) from the NK training chips."""
    x = train_x / 255.0
    mean = x.mean(axis=(0, 2, 3)).tolist()
    std = x.std(axis=(0, 2, 3)).tolist()
    filters = pov.patch_filters(x, RF_FILTERS, RF_KERNEL, RF_SEED, mean, std)
    return pov.RandomFeatures(
        filters,
        np.zeros(RF_FILTERS, np.float32),
        mean,
        std,
        1 / 255.0,
        RF_SEED,
        f"{RF_FILTERS} random {RF_KERNEL}x{RF_KERNEL} patches of the NK training chips (64 px), "
        "each standardised, mean-removed and scaled to unit norm",
    )


def s2_features() -> tuple[pov.RandomFeatures, list[str]]:
    """MOSAIKS multispectral featurizer: patches of six real BigEarthNet Sentinel-2 L2A patches."""
    import rasterio

    folders = sorted(glob.glob(os.path.join(BEN_DIR, "S2*")))
    if not folders:
        raise SystemExit(f"poverty recipe: BigEarthNet patches not found under {BEN_DIR}")
    images = []
    for folder in folders:
        bands = []
        for code in S2_FILES:
            with rasterio.open(glob.glob(os.path.join(folder, f"*_{code}.tif"))[0]) as ds:
                bands.append(ds.read(1, out_shape=(120, 120)).astype(np.float32) * 1e-4)
        images.append(np.stack(bands))
    x = np.stack(images)
    mean = x.mean(axis=(0, 2, 3)).tolist()
    std = x.std(axis=(0, 2, 3)).tolist()
    filters = pov.patch_filters(x, RF_FILTERS, RF_KERNEL, RF_SEED + 1, mean, std)
    rf = pov.RandomFeatures(
        filters,
        np.zeros(RF_FILTERS, np.float32),
        mean,
        std,
        1e-4,
        RF_SEED + 1,
        f"{RF_FILTERS} random {RF_KERNEL}x{RF_KERNEL} patches of six BigEarthNet Sentinel-2 L2A patches "
        "(B2, B3, B4, B8 at 10 m; B11, B12 upsampled from 20 m), standardised, mean-removed, unit norm",
    )
    return rf, [os.path.basename(f) for f in folders]


def featurizer_card(name: str, title: str, rf: pov.RandomFeatures, bands, scale, data: str, resolution) -> dict:
    return {
        "card_version": 1,
        "name": name,
        "title": title,
        "version": "1.0.0",
        "task": "poverty",
        "license": "GPL-2.0-or-later",
        "citation": CITATION_MOSAIKS,
        "data": data,
        "caveats": "Features only, no score: train a head with satimpact:trainpovertysurvey or "
        "satimpact:trainpovertyranking. Random features are not tuned to any task; they need a few "
        "hundred labelled chips to be useful.",
        "description": "MOSAIKS random convolutional features: the chip is standardised per band, convolved "
        f"with {rf.filters.shape[0]} fixed random {rf.filters.shape[2]}x{rf.filters.shape[2]} filters and "
        "their negatives (bias 0), passed through ReLU and averaged over the whole chip (global average "
        f"pooling), giving {rf.n_features} features.",
        "model_type": "chip",
        "inputs": [{"name": "image", "bands": bands, "scale": scale, "offset": 0.0, "resolution_m": resolution}],
        "tiling": {"tile_size": CHIP_PX, "overlap": 0, "merge": "none"},
        "outputs": [{"name": "features", "kind": "features", "units": "", "nodata": -9999.0}],
        "metrics": [],
        "extra": {
            "featurizer": {
                "method": "MOSAIKS random convolutional features",
                "filters": int(rf.filters.shape[0]),
                "kernel": int(rf.filters.shape[2]),
                "features": rf.n_features,
                "nonlinearity": "ReLU(conv - 0), ReLU(-conv - 0)",
                "pooling": "global average",
                "seed": rf.seed,
                "filter_source": rf.source,
                "standardisation_mean": rf.mean,
                "standardisation_std": rf.std,
            },
            "chip_px": CHIP_PX,
        },
    }


# --- the score's feature graph ---------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreSpec:
    """One way to score a chip: which features, at which chip size, and the ridge head's alpha.

    ``px``: the chip size the model reads (the card's tile_size; the grid tool resamples each
    chip to it by area average); ``filters``: seeded Gaussian 3x3 filters on the chip pooled by
    ``pool`` and normalised by its own grey mean and spread, applied every ``stride`` pixels
    (None: no random features); ``stats``: the 14 colour and texture statistics (on the chip as
    read); ``augmented``: training adds AUG_COPIES augmented copies of every chip;
    ``contrast_window``: the random features' input is divided by the root of the mean local grey
    variance in windows of this many pixels instead of the whole chip's grey spread (None);
    ``consistency``: the ridge head also pays ``consistency`` times the squared change of the score
    between each training chip and its four corner crops of CROP_SHARE of its side (None: plain
    ridge), so that the score leans on what the whole chip shows rather than on what one part of it
    shows: a unit's score then moves less when its chip moves (the half-cell shift of issue 12)."""

    filters: int | None
    stats: bool = False
    px: int = 256
    pool: int = 1
    stride: int = 1
    augmented: bool = False
    alpha: float | None = None
    contrast_window: int | None = None
    consistency: float | None = None

    def graph(self, chip_px: int | None = None):
        filters = None if self.filters is None else pov.gaussian_filters(self.filters, 3, RF_KERNEL, RF_SEED)
        return pf.feature_model(
            filters,
            self.stats,
            pool=self.pool,
            chip_px=chip_px or self.px,
            stride=self.stride,
            contrast_window=self.contrast_window,
        )

    def features(self, x_uint8: np.ndarray, proto=None) -> np.ndarray:
        """Features of 8-bit chips (N, 3, 256, 256): area-averaged to ``px``, run through the graph."""
        return pf.run_features(proto or self.graph(), _downsample(x_uint8, self.px), batch=8)

    def crop_deltas(self, x_uint8: np.ndarray, f: np.ndarray) -> list[np.ndarray]:
        """Features of the four corner crops (CROP_SHARE of the side, at the chip size the model
        reads) minus the chips' own features ``f``; empty for plain ridge."""
        if self.consistency is None:
            return []
        px = self.px
        crop = int(round(px * CROP_SHARE))
        small = _downsample(x_uint8, px)
        proto = self.graph(crop)
        return [
            pf.run_features(proto, np.ascontiguousarray(small[:, :, r : r + crop, c : c + crop]), batch=8) - f
            for r in (0, px - crop)
            for c in (0, px - crop)
        ]

    def with_alpha(self, alpha: float, consistency: float | None = None) -> ScoreSpec:
        return ScoreSpec(**{**asdict(self), "alpha": float(alpha), "consistency": consistency})

    def describe(self) -> str:
        parts = []
        if self.stats:
            parts.append(
                f"{len(pf.STAT_NAMES)} colour and texture statistics (saturation, grey share, brightness, "
                f"relative gradient and edge density at three scales) at {self.px} px"
            )
        if self.filters is not None:
            at = self.px // self.pool
            parts.append(
                f"{2 * self.filters} random convolutional features (MOSAIKS, {self.filters} seeded 3x3 filters, "
                f"both signs{', every ' + str(self.stride) + ' pixels' if self.stride > 1 else ''}) of the chip at "
                f"{at} px (about {CHIP_GROUND_M / at:.0f} m per pixel) "
                + (
                    "normalised by its own grey mean and spread"
                    if self.contrast_window is None
                    else f"divided by its mean local grey spread ({self.contrast_window} x {self.contrast_window} px "
                    "windows)"
                )
            )
        return " and ".join(parts)


def _downsample(x: np.ndarray, px) -> np.ndarray:
    """Area average of (N, C, S, S) chips to px (S a multiple of px), float32."""
    if not isinstance(px, int) or px == x.shape[-1]:
        return x.astype(np.float32)
    f = x.shape[-1] // px
    return x.reshape(len(x), x.shape[1], px, f, px, f).mean(axis=(3, 5), dtype=np.float32)


def recorded_choice(path: str = REPORT_JSON) -> tuple[ScoreSpec, dict]:
    """The method ``poverty_report.py`` chose, and its row of figures."""
    if not os.path.isfile(path):
        raise SystemExit(f"poverty recipe: {path} is missing; run `make poverty-report` first")
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    chosen = next(r for r in report["rows"] if r["method"] == report["chosen"])
    return ScoreSpec(**report["choice"]), {"chosen": chosen, "rows": report["rows"]}


def consistent_ridge_fit(f: np.ndarray, y: np.ndarray, alpha: float, deltas=(), consistency: float | None = None):
    """Ridge on standardised features (as ``engine.poverty.ridge_fit``) that also pays
    ``consistency`` x the mean squared change of the score between a chip and each of its crops
    (``deltas``: crop features minus chip features, one array per crop); weights and bias on the
    raw features."""
    if not consistency or not len(deltas):
        return pov.ridge_fit(f, y, alpha)

    def penalty(sd):
        return consistency * (sum((d / sd).T @ (d / sd) for d in deltas) / len(deltas))

    return pov.ridge_fit(f, y, alpha, penalty)


def fit_score(spec: ScoreSpec, x: np.ndarray, levels: np.ndarray, proto=None):
    """Ridge head of ``spec`` on all chips (plus augmented copies): weights, bias, training scores."""
    f = spec.features(x, proto)
    train_f, train_y = [f], [levels]
    for k in range(AUG_COPIES if spec.augmented else 0):
        train_f.append(spec.features(ev.augment(x, AUG_SEED + k), proto))
        train_y.append(levels)
    w, b = consistent_ridge_fit(
        np.vstack(train_f), np.concatenate(train_y), spec.alpha, spec.crop_deltas(x, f), spec.consistency
    )
    return w, b, f @ w + b


def sigmoid_frame(train_scores: np.ndarray) -> tuple[float, float]:
    """The shipped score's sigmoid: centred on the training chips' median score, as wide as their spread."""
    return float(np.median(train_scores)), float(np.std(train_scores)) or 1.0


def score_model(spec: ScoreSpec, x: np.ndarray, levels: np.ndarray, card: dict):
    """The shipped ONNX graph of ``spec``: features, ridge head, sigmoid around the training scores."""
    proto = spec.graph()
    w, b, train_scores = fit_score(spec, x, levels, proto)
    centre, width = sigmoid_frame(train_scores)
    model = pov.append_linear_head(proto, "features", w, b, ("sigmoid", centre, width), card)
    onnx.checker.check_model(model)
    return model, (w, b, centre, width)


def build(out_dir: str, log=print) -> list[str]:
    """The featurizers and the shipped score, from the choice recorded by ``poverty_report.py``."""
    started = time.time()
    spec, report = recorded_choice()
    x, clusters, _paths, order = ev.load_pog(NK_DIR)
    levels = np.array([order.levels[c] for c in clusters], dtype=np.float64)
    os.makedirs(out_dir, exist_ok=True)
    built = build_featurizers(out_dir, _downsample(x, CHIP_PX_V1))
    card = score_card(report["chosen"], report["rows"], spec, len(x))
    proto, (w, b, centre, width) = score_model(spec, x, levels, card)
    path = os.path.join(out_dir, "poverty_nk_siscore.onnx")
    tmp = path + ".tmp"
    onnx.save(proto, tmp)
    os.replace(tmp, path)
    built.append(path)
    # The exported graph must rank like the fitted model it was built from.
    check = ort_scores(path, x[:64])
    expect = 1.0 / (1.0 + np.exp(-((spec.features(x[:64]) @ w + b) - centre) / width))
    drift = float(np.abs(check - expect).max())
    if drift > 1e-4:
        raise SystemExit(f"poverty recipe: the ONNX export differs from the fitted model by {drift}")
    log(f"poverty: {report['chosen']['method']} rebuilt from the recorded choice in {time.time() - started:.0f} s")
    return built


def ort_scores(path: str, x_uint8: np.ndarray, batch: int = 32) -> np.ndarray:
    """Scores of 8-bit chips through an ONNX score model, resampled (area average) to its chip size."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = min(2, os.cpu_count() or 1)
    session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
    px = session.get_inputs()[0].shape[-1]
    out = []
    for k in range(0, len(x_uint8), batch):
        chunk = _downsample(x_uint8[k : k + batch], px) / np.float32(255.0)
        out.append(session.run(["score"], {"image": chunk.astype(np.float32)})[0][:, 0])
    return np.concatenate(out)


def build_featurizers(out_dir: str, x64: np.ndarray) -> list[str]:
    """The MOSAIKS featurizers the training tools use (unchanged method, 64 px)."""
    built = []
    rf = rgb_features(x64)
    rgb_card = featurizer_card(
        "poverty_features_rgb",
        "Random convolutional features (MOSAIKS), RGB 8-bit",
        rf,
        ["red", "green", "blue"],
        1 / 255.0,
        "No labels. Filters are random patches of the North Korea Sentinel-2 RGB chips "
        "(Ahn et al. 2023, MIT licence), 8-bit true colour, 64 px per chip.",
        [1.0, 60.0],
    )
    rgb_card["extra"]["pixel_values"] = "8-bit true colour (0-255) RGB"
    path = os.path.join(out_dir, "poverty_features_rgb.onnx")
    proto = pov.featurizer_model(rf, ["red", "green", "blue"], None, rgb_card)
    onnx.checker.check_model(proto)
    onnx.save(proto, path)
    built.append(path)

    s2, ben_names = s2_features()
    s2_card = featurizer_card(
        "poverty_features_s2",
        "Random convolutional features (MOSAIKS), Sentinel-2 multispectral",
        s2,
        S2_BANDS,
        1e-4,
        "No labels. Filters are random patches of six real BigEarthNet Sentinel-2 L2A patches "
        f"({', '.join(ben_names)}; Sumbul et al. 2019, CDLA-Permissive-1.0), surface reflectance x 10000.",
        [5.0, 60.0],
    )
    s2_card["extra"]["pixel_values"] = "Sentinel-2 reflectance x 10000 (L1C or L2A digital numbers)"
    path = os.path.join(out_dir, "poverty_features_s2.onnx")
    proto = pov.featurizer_model(s2, S2_BANDS, None, s2_card)
    onnx.checker.check_model(proto)
    onnx.save(proto, path)
    built.append(path)
    return built


def _worst_robustness(row) -> tuple[str, float]:
    name = max(row["robustness"], key=row["robustness"].get)
    return name, row["robustness"][name]


def score_card(chosen: dict, rows: list[dict], spec: ScoreSpec, n_chips: int) -> dict:
    lco, tiles = chosen["lco"], chosen["tiles"]
    worst, worst_value = _worst_robustness(chosen)
    desat = next(r for r in rows if r["method"].startswith("mean desaturation"))
    metrics = [
        {
            "name": "leave-cluster-out Spearman (chip score vs cluster level)",
            "value": round(lco["spearman"], 4),
            "data": f"{n_chips} NK chips, 5 folds of whole clusters (mean over folds; lowest fold "
            f"{lco['spearman_min']:.3f})",
        },
        {
            "name": "leave-cluster-out Kendall tau (chip score vs cluster level)",
            "value": round(lco["tau"], 4),
            "data": "same folds, tau-b, mean over folds",
        },
        {
            "name": "independent tiles Spearman vs urban + 0.5 rural (all)",
            "value": round(tiles["spearman_all"], 4),
            "data": f"{tiles['n_all']} annotated NK tiles outside the clusters (nk_annotation), never used to "
            f"train or choose; mean desaturation: {desat['tiles']['spearman_all']:.3f}",
        },
        {
            "name": "independent tiles Spearman vs urban + 0.5 rural (inhabited)",
            "value": round(tiles["spearman_inhabited"], 4),
            "data": f"{tiles['n_inhabited']} of those tiles with uninhabited share < 1; mean desaturation: "
            f"{desat['tiles']['spearman_inhabited']:.3f}",
        },
        {
            "name": "robustness: median change of percentile rank, worst change (points)",
            "value": round(worst_value, 2),
            "data": f"worst of brightness/contrast +-20 %, haze 15 %, rotation, flip, JPEG q75 ({worst}); "
            "on the independent tiles",
        },
    ]
    if "shift" in chosen:
        metrics.append(
            {
                "name": "half-cell shift stability: Spearman of 1 km cells moved 500 m vs the cells they overlap",
                "value": round(chosen["shift"]["spearman"], 4),
                "data": "mosaics of held-out clusters' chips, model trained without them (validation, "
                f"lowest {chosen['shift']['spearman_min']:.3f}); see models/reports/poverty_nk_siscore.md",
            }
        )
    return {
        "card_version": 1,
        "name": "poverty_nk_siscore",
        "title": "Relative development score, North Korea ("
        + ("colour and texture statistics" if spec.stats else "")
        + (" + " if spec.stats and spec.filters is not None else "")
        + ("normalised random features" if spec.filters is not None else "")
        + ", ridge ranking)",
        "version": "2.2.0",
        "task": "poverty",
        "license": "GPL-2.0-or-later (weights); training data MIT (Ahn et al. 2023, development-measure)",
        "citation": CITATION_NK + " " + CITATION_MOSAIKS,
        "data": "Trained on the North Korea chips of Ahn et al. (2023): Sentinel-2 RGB true-colour renderings, "
        "zoom-14 Web Mercator tiles of 256x256 px (about 9.6 m per pixel in map units, about 7.3 m on the "
        "ground at 40 N; 2016-2019 imagery), 23 clusters of 50 chips (0-10 urban, 11-21 rural, 22 "
        "uninhabited) and the experts' partial order nk.txt (10 experts merged); all 1150 chips, read "
        f"at {spec.px} px{', with ' + str(AUG_COPIES) + ' augmented copies each' if spec.augmented else ''}. "
        "Evaluated leave-cluster-out and on the independent annotated tiles (nk_annotation, test only).",
        "caveats": "What the score is: a relative ranking of how built-up and developed a ~1.9 km square looks "
        "(from its colour and texture), learnt from North Korean experts' ordering of 23 visual clusters. "
        "It is not income, consumption or money; compare places within one run (score_percentile), "
        "not absolute values across runs. "
        "Where it stops holding: measured only in North Korea on 2016-2019 Sentinel-2 true-colour web tiles; "
        f"on tiles outside the training clusters it reaches Spearman {tiles['spearman_all']:.2f} with "
        f"annotated land use (all tiles) and {tiles['spearman_inhabited']:.2f} among inhabited tiles, and "
        f"{lco['spearman']:.2f} on clusters left out of training (lowest fold {lco['spearman_min']:.2f}). "
        "Retrain (satimpact:trainpovertyranking) for another country, sensor, rendering, season or decade, "
        "and check it on places held out. "
        f"Turning or mirroring the imagery moves a place's rank (median {chosen['robustness']['rotate 90']:.0f} "
        f"points for a 90-degree rotation, {chosen['robustness']['flip']:.0f} for a flip; brightness, contrast "
        f"and haze at most {max(chosen['robustness'][k] for k in ev.PERTURBATIONS[:5]):.1f}). Clouds, snow and "
        "a rendering different from web map tiles (reflectance scenes are rendered as 2.5 x reflectance by "
        "the grid tool) shift scores; use cloud-free summer composites.",
        "description": "One ONNX graph: an RGB chip (values 0-1 = 8-bit / 255) of about 1.87 x 1.87 km at "
        f"{spec.px} px in (the grid tool resamples each chip to it by area average), a development score in "
        f"[0, 1] out. Features: {spec.describe()}; a ridge head (alpha {spec.alpha:g}"
        + (
            f", and {spec.consistency:g} x the squared change of the score between each training chip and its "
            "four corner crops of 3/4 of its side, so that the score rests on the whole chip"
            if spec.consistency is not None
            else ""
        )
        + ") onto the experts' levels, squashed by a sigmoid.",
        "model_type": "chip",
        "inputs": [
            {
                "name": "image",
                "bands": ["red", "green", "blue"],
                "scale": 1 / 255.0,
                "offset": 0.0,
                "resolution_m": [2.0, 30.0],
            }
        ],
        "tiling": {"tile_size": spec.px, "overlap": 0, "merge": "none"},
        "outputs": [
            {
                "name": "score",
                "kind": "score",
                "units": "relative development (0 least, 1 most)",
                "nodata": -9999.0,
                "band_names": ["score"],
                "description": "relative development score",
            }
        ],
        "metrics": metrics,
        "extra": {
            "chip_px": spec.px,
            "features": asdict(spec),
            "chip_ground_m": CHIP_GROUND_M,
            "source_px": SOURCE_PX,
            "pixel_values": "8-bit true-colour rendering (0-255) of Sentinel-2 RGB, as web map tiles",
            "reflectance_rendering": {"gain": 2.5, "reflectance_scale": 1e-4},
            "region": "North Korea",
            "time": "2016-2019",
            "imagery": "Sentinel-2 RGB true colour, about 9.6 m/px (Web Mercator zoom 14)",
            "retrain_when": "another country or region, another sensor or rendering, imagery far from 2016-2019",
            "method_selection": "leave-cluster-out Spearman among candidates within 1.5x of the previous model's "
            "speed and with a half-cell shift stability of 0.95 or more on held-out clusters, see "
            "models/reports/poverty_nk_siscore.md",
            "robustness": {k: round(v, 2) for k, v in chosen["robustness"].items()},
        },
    }
