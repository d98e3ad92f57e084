"""Recipe: poverty models. Random convolutional featurizers (MOSAIKS) for RGB and
multispectral chips, and the shipped North Korea development score ``poverty_nk_siscore``.

The shipped score is picked by a held-out comparison on the North Korea chips of
Ahn et al. (2023): every cluster's 50 chips are split (seeded) into train 64 %,
validation 16 % and test 20 %. Candidates are trained on train, the method is picked
by validation Spearman (chip score vs the level of the chip's cluster in the experts'
partial order), and the report gives the test figures of every candidate and baseline.

torch is needed here only (``pip install torch==2.13.0``, CPU build); the plugin runs
the exported ONNX graph with onnxruntime.
"""

from __future__ import annotations

import glob
import json
import os
import time

import numpy as np
import onnx

from ...engine import poverty as pov
from ...engine.model import attach_card

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
DATA = os.environ.get("SATIMPACT_DATA", os.path.join(os.path.dirname(ROOT), "shared", "data"))
NK_DIR = os.path.join(DATA, "nk_pog")
BEN_DIR = os.path.join(DATA, "bigearthnet", "S2")
REPORTS = os.path.join(ROOT, "models", "reports")

CHIP_PX = 64  # 256 px NK tiles area-averaged 4x4: ~29 m per model pixel
SOURCE_PX = 256
# Zoom-14 Web Mercator tiles: 2446 m in map units, 2446 * cos(lat) on the ground;
# at 40 N (the middle of North Korea, 37.7-43 N) that is about 1870 m.
CHIP_GROUND_M = 1870.0
SPLIT_SHARES = (0.64, 0.16, 0.20)
SPLIT_SEED = 1000  # cluster c uses seed SPLIT_SEED + its index in natural order
RF_SEED = 20210721  # MOSAIKS featurizers
RF_FILTERS = 256  # -> 512 features (both signs)
RF_KERNEL = 3
TORCH_SEED = 7
EPOCHS = 40
S2_BANDS = ["blue", "green", "red", "nir", "swir16", "swir22"]
S2_FILES = ["B02", "B03", "B04", "B08", "B11", "B12"]
URBAN = [str(i) for i in range(0, 11)]
RURAL = [str(i) for i in range(11, 22)]
UNINHABITED = ["22"]

CITATION_NK = (
    "Ahn, D., Yang, J., Cha, M. et al. (2023) A human-machine collaborative approach measures economic "
    "development using satellite imagery. Nat. Commun. 14, 6811. Han, S., Ahn, D., Park, S. et al. (2020) "
    "Learning to score economic development from satellite imagery. KDD 2020 (siScore)."
)
CITATION_MOSAIKS = (
    "Rolf, E., Proctor, J., Carleton, T. et al. (2021) A generalizable and accessible approach to machine "
    "learning with global satellite imagery. Nat. Commun. 12, 4392."
)


# --- data ------------------------------------------------------------------------------------


def load_nk(data_dir: str = NK_DIR):
    """All NK chips at CHIP_PX (float32 0-255), their cluster ids, and the partial order."""
    chips = pov.list_cluster_chips(os.path.join(data_dir, "clusters"))
    order = pov.read_order(os.path.join(data_dir, "nk.txt"), list(chips))
    x, clusters, paths = [], [], []
    for cid, files in chips.items():
        for path in files:
            x.append(pov.read_chip(path, CHIP_PX))
            clusters.append(cid)
            paths.append(path)
    return np.stack(x), np.array(clusters), paths, order, chips


def nk_split(chips: dict[str, list[str]]) -> dict[str, list[str]]:
    """{'train'|'val'|'test': [chip paths]}, the seeded per-cluster split the card records."""
    out = {"train": [], "val": [], "test": []}
    for k, files in enumerate(chips.values()):
        parts = pov.split_chips(len(files), SPLIT_SEED + k, SPLIT_SHARES)
        for name, part in zip(("train", "val", "test"), parts):
            out[name].extend(files[i] for i in part)
    return out


def evaluate(scores: np.ndarray, clusters: np.ndarray, order: pov.PartialOrder) -> dict:
    levels = np.array([order.levels[c] for c in clusters])
    ids = sorted(set(clusters), key=pov._natural)
    means = {c: float(scores[clusters == c].mean()) for c in ids}
    group = {
        "urban": float(np.mean([means[c] for c in URBAN if c in means])),
        "rural": float(np.mean([means[c] for c in RURAL if c in means])),
        "uninhabited": float(np.mean([means[c] for c in UNINHABITED if c in means])),
    }
    return {
        "spearman": pov.spearman(scores, levels),
        "tau": pov.kendall_tau([means[c] for c in ids], [order.levels[c] for c in ids]),
        "cluster_means": means,
        "groups": group,
    }


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


# --- the CNN (siScore-like ranking) -------------------------------------------------------------


def _network(width: int = 16):
    import torch.nn as nn

    def block(i, o):
        return [
            nn.Conv2d(i, o, 3, padding=1),
            nn.BatchNorm2d(o),
            nn.ReLU(),
            nn.Conv2d(o, o, 3, padding=1),
            nn.BatchNorm2d(o),
            nn.ReLU(),
            nn.MaxPool2d(2),
        ]

    w = width
    return nn.Sequential(
        *block(3, w),
        *block(w, 2 * w),
        *block(2 * w, 4 * w),
        *block(4 * w, 4 * w),
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
        nn.Dropout(0.2),
        nn.Linear(4 * w, 1),
    )


def train_cnn(x_train, c_train, order: pov.PartialOrder, mean, std, epochs: int = EPOCHS, log=print):
    """A small CNN scored with a sigmoid and trained with (1) a RankNet loss on every pair of chips
    from clusters on different levels and (2) the siScore loss: in every batch the mean score of
    each cluster must sit above the means of the clusters the order puts below it (hinge, margin
    0.02). Batches hold 8 chips of every cluster; flips and 90-degree rotations as augmentation."""
    import torch
    import torch.nn as nn

    torch.manual_seed(TORCH_SEED)
    torch.set_num_threads(min(2, os.cpu_count() or 1))
    rng = np.random.default_rng(TORCH_SEED)
    ids = sorted(set(c_train), key=pov._natural)
    pos = {c: k for k, c in enumerate(ids)}
    m = np.asarray(mean, np.float32).reshape(1, 3, 1, 1)
    s = np.asarray(std, np.float32).reshape(1, 3, 1, 1)
    z = torch.tensor((x_train / 255.0 - m) / s, dtype=torch.float32)
    lv = torch.tensor([order.levels[c] for c in c_train], dtype=torch.float32)
    by_cluster = {c: np.flatnonzero(c_train == c) for c in ids}
    edges = [(pos[a], pos[b]) for a, b in order.pairs() if a in pos and b in pos]
    per = 8
    steps = max(1, len(c_train) // (len(ids) * per) + 1)
    net = _network()
    opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-3)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=epochs * steps)
    ea = torch.tensor([a for a, _ in edges])
    eb = torch.tensor([b for _, b in edges])
    start = time.time()
    for epoch in range(epochs):
        net.train()
        for _ in range(steps):
            idx = np.concatenate([rng.choice(by_cluster[c], per, replace=False) for c in ids])
            xb = torch.rot90(z[idx], int(rng.integers(4)), (2, 3))
            if rng.random() < 0.5:
                xb = torch.flip(xb, (3,))
            out = net(xb).squeeze(1)
            lb = lv[idx]
            sign = torch.sign(lb[:, None] - lb[None, :])
            mask = sign != 0
            pair_loss = nn.functional.softplus(-sign[mask] * (out[:, None] - out[None, :])[mask]).mean()
            means = torch.sigmoid(out).view(len(ids), per).mean(1)
            pog_loss = torch.relu(means[ea] - means[eb] + 0.02).mean()
            loss = pair_loss + pog_loss
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        if epoch % 10 == 9 or epoch == epochs - 1:
            log(f"  epoch {epoch + 1}/{epochs}: loss {loss.item():.3f} ({time.time() - start:.0f} s)")
    net.eval()
    return net, time.time() - start


class _Scored:
    """Torch module wrapper: 0-1 RGB in, standardised inside, sigmoid score out."""

    def __new__(cls, net, mean, std):
        import torch

        class Wrapped(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.net = net
                self.register_buffer("mean", torch.tensor(mean, dtype=torch.float32).view(1, 3, 1, 1))
                self.register_buffer("std", torch.tensor(std, dtype=torch.float32).view(1, 3, 1, 1))

            def forward(self, x):
                return torch.sigmoid(self.net((x - self.mean) / self.std))

        return Wrapped().eval()


def torch_scores(net, x, mean, std) -> np.ndarray:
    import torch

    wrapped = _Scored(net, mean, std)
    with torch.no_grad():
        return wrapped(torch.tensor(x / 255.0, dtype=torch.float32)).squeeze(1).numpy()


def export_cnn(net, mean, std, path: str, card: dict) -> None:
    import torch

    wrapped = _Scored(net, mean, std)
    dummy = torch.zeros(1, 3, CHIP_PX, CHIP_PX)
    tmp = path + ".export.onnx"
    torch.onnx.export(
        wrapped,
        dummy,
        tmp,
        input_names=["image"],
        output_names=["score"],
        dynamic_axes={"image": {0: "N"}, "score": {0: "N"}},
        opset_version=17,
        dynamo=False,
    )
    proto = onnx.load(tmp)
    os.remove(tmp)
    proto.ir_version = min(proto.ir_version, 8)
    del proto.metadata_props[:]
    attach_card(proto, card)
    onnx.checker.check_model(proto)
    onnx.save(proto, path)


# --- the comparison ---------------------------------------------------------------------------


def _ort_scores(path: str, x: np.ndarray) -> np.ndarray:
    import onnxruntime as ort

    session = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    out = [
        session.run(["score"], {"image": (x[k : k + 64] / 255.0).astype(np.float32)})[0] for k in range(0, len(x), 64)
    ]
    return np.concatenate(out)[:, 0]


def build(out_dir: str, log=print) -> list[str]:
    try:
        import torch  # noqa: F401 (the recipe trains the shipped CNN; the plugin never needs torch)
    except ImportError as exc:
        raise SystemExit(
            "poverty recipe: torch is needed to train poverty_nk_siscore: .venv/bin/pip install torch==2.13.0"
        ) from exc
    started = time.time()
    x, clusters, paths, order, chips = load_nk()
    split = nk_split(chips)
    where = {p: k for k, p in enumerate(paths)}
    idx = {name: np.array([where[p] for p in files]) for name, files in split.items()}
    tr, va, te = idx["train"], idx["val"], idx["test"]
    log(f"poverty: {len(x)} NK chips, train {len(tr)}, validation {len(va)}, test {len(te)}")
    levels = np.array([order.levels[c] for c in clusters], dtype=np.float64)

    rows = []  # (method, kind, val, test eval)

    # Baselines 1-3: colour statistics, their sign taken from the training chips.
    stats = pov.colour_stats(x)
    for name, values in stats.items():
        sign = 1.0 if pov.spearman(values[tr], levels[tr]) >= 0 else -1.0
        rows.append(
            (
                f"{name} ({'+' if sign > 0 else '-'})",
                "baseline",
                evaluate(sign * values[va], clusters[va], order),
                evaluate(sign * values[te], clusters[te], order),
            )
        )

    # Random features (MOSAIKS) for the ridge baseline and the linear ranking candidate.
    rf = rgb_features(x[tr])
    feats = pov.features_numpy(rf, x / 255.0)
    best_ridge = None
    for alpha in (0.1, 1.0, 10.0, 100.0):
        w, b = pov.ridge_fit(feats[tr], levels[tr], alpha)
        ev_va = evaluate(feats[va] @ w + b, clusters[va], order)
        if best_ridge is None or ev_va["spearman"] > best_ridge[0]["spearman"]:
            best_ridge = (ev_va, evaluate(feats[te] @ w + b, clusters[te], order), alpha)
    rows.append((f"random features + ridge onto levels (alpha {best_ridge[2]:g})", "baseline", *best_ridge[:2]))

    best_rank = None
    for alpha in (1e-4, 1e-3):
        w, b = pov.rank_fit(feats[tr], levels[tr], alpha)
        ev_va = evaluate(feats[va] @ w, clusters[va], order)
        if best_rank is None or ev_va["spearman"] > best_rank[0]["spearman"]:
            best_rank = (ev_va, evaluate(feats[te] @ w, clusters[te], order), alpha, w, b)
    rows.append((f"random features + linear ranking (alpha {best_rank[2]:g})", "candidate", *best_rank[:2]))

    # Candidate: small CNN with the siScore-like ranking loss.
    mean = (x[tr] / 255.0).mean(axis=(0, 2, 3)).tolist()
    std = (x[tr] / 255.0).std(axis=(0, 2, 3)).tolist()
    log(f"poverty: training the CNN ({EPOCHS} epochs, CPU)")
    net, train_seconds = train_cnn(x[tr], clusters[tr], order, mean, std, log=log)
    cnn_scores = torch_scores(net, x, mean, std)
    rows.append(
        (
            "small CNN, siScore + pairwise ranking loss",
            "candidate",
            evaluate(cnn_scores[va], clusters[va], order),
            evaluate(cnn_scores[te], clusters[te], order),
        )
    )

    candidates = [r for r in rows if r[1] == "candidate"]
    chosen = max(candidates, key=lambda r: r[2]["spearman"])
    log(f"poverty: picked '{chosen[0]}' by validation Spearman {chosen[2]['spearman']:.3f}")
    if not chosen[0].startswith("small CNN"):
        raise SystemExit(
            "poverty recipe: the linear ranking candidate won the validation comparison; the recipe ships "
            "only the CNN export path, extend it before shipping that candidate"
        )
    test = chosen[3]
    best_baseline = max((r for r in rows if r[1] == "baseline"), key=lambda r: r[3]["spearman"])
    margin = test["spearman"] - best_baseline[3]["spearman"]
    if margin <= 0:
        raise SystemExit(f"poverty recipe: the chosen model does not beat '{best_baseline[0]}' on the test chips")
    if test["tau"] < 0.8:
        raise SystemExit(f"poverty recipe: held-out Kendall tau {test['tau']:.3f} is below 0.8")

    os.makedirs(out_dir, exist_ok=True)
    built = []

    # Featurizers (shipped for the training tools).
    rgb_card = featurizer_card(
        "poverty_features_rgb",
        "Random convolutional features (MOSAIKS), RGB 8-bit",
        rf,
        ["red", "green", "blue"],
        1 / 255.0,
        "No labels. Filters are random patches of the North Korea Sentinel-2 RGB training chips "
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

    # The shipped score.
    metrics = [
        {
            "name": "Spearman (chip score vs cluster level)",
            "value": round(test["spearman"], 4),
            "data": f"{len(te)} held-out NK chips (test split, 10 per cluster)",
        },
        {
            "name": "Kendall tau (cluster means vs order)",
            "value": round(test["tau"], 4),
            "data": "cluster means over the held-out NK chips, 23 clusters",
        },
        {
            "name": "mean score urban / rural / uninhabited",
            "value": [round(test["groups"][g], 4) for g in ("urban", "rural", "uninhabited")],
            "data": "held-out NK chips, clusters 0-10 / 11-21 / 22",
        },
        {
            "name": "margin over best baseline (Spearman)",
            "value": round(margin, 4),
            "data": f"best baseline: {best_baseline[0]}, {best_baseline[3]['spearman']:.4f} on the same chips",
        },
    ]
    card = {
        "card_version": 1,
        "name": "poverty_nk_siscore",
        "title": "Economic development score, North Korea (siScore CNN)",
        "version": "1.0.0",
        "task": "poverty",
        "license": "GPL-2.0-or-later (weights); training data MIT (Ahn et al. 2023, development-measure)",
        "citation": CITATION_NK,
        "data": "Trained on the North Korea chips of Ahn et al. (2023): Sentinel-2 RGB true-colour renderings, "
        "zoom-14 Web Mercator tiles of 256x256 px (about 9.6 m per pixel in map units, about 7.3 m on the "
        "ground at 40 N; 2016-2019 imagery), 23 clusters of 50 chips (0-10 urban, 11-21 rural, 22 "
        "uninhabited) and the experts' partial order nk.txt (10 experts merged). "
        f"Per-cluster seeded split {SPLIT_SHARES} (train/validation/test, seed {SPLIT_SEED} + cluster index); "
        f"{len(tr)} training chips, downsampled to {CHIP_PX} px (4x4 area average).",
        "caveats": "A relative development score in [0, 1] (higher = more developed), learnt from one country's "
        "expert ordering: not income, consumption or money, and not comparable across countries without "
        "retraining. Retrain (satimpact:trainpovertyranking) for another country or region, for imagery "
        "other than Sentinel-2 true colour at about 10 m, or for years far from 2016-2019. The score is "
        "learnt from 8-bit true-colour tiles: reflectance scenes are converted to that rendering by the "
        "grid tool (2.5 x reflectance, clipped, x 255) and the rendering differs from the web map tiles "
        "the model saw, so absolute levels can shift; compare cells within one run (score_percentile). "
        "Clouds, snow and haze lower or raise scores; use cloud-free summer composites.",
        "description": "One ONNX graph: an RGB chip (values 0-1 = 8-bit / 255) of about 1.87 x 1.87 km at "
        f"{CHIP_PX} px in, a development score in [0, 1] out. A 4-block CNN (16-64 channels, batch norm, "
        "global average pooling, sigmoid) trained with the siScore partial-order loss on cluster means and "
        "a pairwise ranking loss on chips.",
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
        "tiling": {"tile_size": CHIP_PX, "overlap": 0, "merge": "none"},
        "outputs": [
            {
                "name": "score",
                "kind": "score",
                "units": "relative development (0 least, 1 most)",
                "nodata": -9999.0,
                "band_names": ["score"],
                "description": "siScore-style development score",
            }
        ],
        "metrics": metrics,
        "extra": {
            "chip_px": CHIP_PX,
            "chip_ground_m": CHIP_GROUND_M,
            "source_px": SOURCE_PX,
            "pixel_values": "8-bit true-colour rendering (0-255) of Sentinel-2 RGB, as web map tiles",
            "reflectance_rendering": {"gain": 2.5, "reflectance_scale": 1e-4},
            "region": "North Korea",
            "time": "2016-2019",
            "imagery": "Sentinel-2 RGB true colour, about 9.6 m/px (Web Mercator zoom 14)",
            "retrain_when": "another country or region, another sensor or rendering, imagery far from 2016-2019",
            "split": {"shares": list(SPLIT_SHARES), "seed": SPLIT_SEED},
            "method_selection": "validation Spearman, see models/reports/poverty_nk_siscore.md",
            "training": {"epochs": EPOCHS, "seed": TORCH_SEED, "seconds": round(train_seconds, 1)},
        },
    }
    path = os.path.join(out_dir, "poverty_nk_siscore.onnx")
    export_cnn(net, mean, std, path, card)
    built.append(path)

    # The exported graph must score like the trained network.
    onnx_scores = _ort_scores(path, x[te])
    drift = float(np.abs(onnx_scores - cnn_scores[te]).max())
    if drift > 1e-4:
        raise SystemExit(f"poverty recipe: the ONNX export differs from torch by {drift}")

    report = write_report(rows, chosen, best_baseline, margin, test, order, len(tr), len(va), len(te), train_seconds)
    log(f"poverty: report {os.path.relpath(report, ROOT)} ({time.time() - started:.0f} s in all)")
    return built


def write_report(rows, chosen, best_baseline, margin, test, order, n_tr, n_va, n_te, seconds) -> str:
    os.makedirs(REPORTS, exist_ok=True)
    lines = [
        "# poverty_nk_siscore: held-out comparison",
        "",
        "Built by `models/recipes/poverty_models.py` (`make models`). Data: North Korea Sentinel-2 RGB chips "
        "and the experts' partial order of Ahn et al. (2023), 23 clusters x 50 chips, split per cluster "
        f"(seeded) into {n_tr} train / {n_va} validation / {n_te} test chips. Chips downsampled to "
        f"{CHIP_PX} px.",
        "",
        "Score: Spearman between each chip's score and the level of its cluster in the order "
        "(longest-path level, 0 = uninhabited 22 ... 8 = clusters 1,2,3,4,6); tau: Kendall's tau-b "
        "between the 23 cluster mean scores and the levels. Colour statistics take their sign from the "
        "training chips. The method is picked by validation Spearman; test figures are reported.",
        "",
        "| method | role | validation Spearman | test Spearman | test tau |",
        "|---|---|---|---|---|",
    ]
    for name, kind, ev_va, ev_te in rows:
        role = "**shipped**" if name == chosen[0] else kind
        lines.append(f"| {name} | {role} | {ev_va['spearman']:.3f} | {ev_te['spearman']:.3f} | {ev_te['tau']:.3f} |")
    lines += [
        "",
        f"Margin of the shipped model over the best baseline ({best_baseline[0]}) on the test chips: "
        f"**{margin:+.3f}** Spearman.",
        "",
        f"Held-out Kendall tau of cluster means vs the order: **{test['tau']:.3f}**.",
        "",
        "Mean score on held-out chips: urban (0-10) {urban:.3f} > rural (11-21) {rural:.3f} > "
        "uninhabited (22) {uninhabited:.3f}.".format(**test["groups"]),
        "",
        "| cluster | level | mean score (test chips) |",
        "|---|---|---|",
    ]
    for cid, value in sorted(test["cluster_means"].items(), key=lambda kv: (order.levels[kv[0]], kv[1])):
        lines.append(f"| {cid} | {order.levels[cid]} | {value:.3f} |")
    lines += ["", f"CNN training time on this machine (CPU, 2 threads): {seconds:.0f} s.", ""]
    path = os.path.join(REPORTS, "poverty_nk_siscore.md")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    with open(os.path.join(REPORTS, "poverty_nk_siscore.json"), "w", encoding="utf-8") as f:
        json.dump(
            {
                "rows": [
                    {
                        "method": r[0],
                        "role": r[1],
                        "val_spearman": r[2]["spearman"],
                        "test_spearman": r[3]["spearman"],
                        "test_tau": r[3]["tau"],
                    }
                    for r in rows
                ],
                "chosen": chosen[0],
                "margin": margin,
                "test": test,
            },
            f,
            indent=1,
        )
    return path
