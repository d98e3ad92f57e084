"""Recipe: the poverty score's generalisation report and the choice of its method (issue 12).

``make poverty-report`` (about an hour on 2 shared cores, most of it retraining the previous
CNN per fold as a baseline; needs torch, ``pip install torch==2.13.0``, CPU build). It measures
every candidate and baseline the same way (definitions in ``poverty_eval.py``, fixed before
any figure was looked at): leave-cluster-out on the North Korea chips of Ahn et al. (2023),
the 798 independent annotated tiles (test only), robustness to changes that leave development
alone, and each candidate's chip scoring time against the previous model. The method is the
candidate with the best leave-cluster-out Spearman among those that score chips at most
SPEED_LIMIT times slower than the previous model (issue 12: within 2x, with a margin for
figures measured on a shared machine); the independent tiles never choose. It writes
``models/reports/poverty_nk_siscore.md`` and records the choice in
``models/reports/poverty_nk_siscore.json``, from which ``make models`` (``poverty_models.py``)
rebuilds the shipped model in under a minute.

Usage: python -m satimpact.models.recipes.poverty_report (from .qgis-plugins, as build_all does).
``POVERTY_CNN_LCO_CACHE=path.npz`` (development): keep the previous CNN's per-fold scores between runs;
``POVERTY_CNN_LCO_FROM=report.json``: take its leave-cluster-out figures from an earlier report (said so
in the report's row).
"""

from __future__ import annotations

import json
import os
import sys
import time

import numpy as np

from ...engine import poverty as pov
from . import poverty_eval as ev
from .poverty_models import (
    ANN_DIR,
    AUG_COPIES,
    AUG_SEED,
    CHIP_PX_V1,
    CONSISTENCIES,
    NK_DIR,
    REPORT_JSON,
    REPORTS,
    RF_FILTERS,
    RIDGE_ALPHAS,
    ROOT,
    V1_MODEL,
    ScoreSpec,
    _downsample,
    consistent_ridge_fit,
    ort_scores,
    rgb_features,
    sigmoid_frame,
)

TORCH_SEED = 7
EPOCHS = 40
CNN_LCO_EPOCHS = 10
SPEED_LIMIT = 1.5  # time per chip against the previous model; the bound is 2
SPEED_CHIPS = 256
WITH_ANNOTATION = "clusters + other fold's annotation"
SPEED_BATCH = 64  # the grid tool's batch (engine.poverty_grid.score_units)

# Candidates, in the order they were written. The first five are issue 12's first round (chip
# read at 256 px); the next four its second round, written when the first choice (row 2) turned
# out 2.5-8x slower than the previous model: the same features on fewer pixels; the last seven the
# third round, written when the second choice missed the half-cell shift bar on the test mosaic
# (0.949): the same features divided by the chip's mean local spread instead of its whole spread,
# and a ridge head that pays for scoring a chip unlike its own corner crops (a ``consistency`` in
# the spec marks a candidate whose penalty is chosen, with alpha, by leave-cluster-out).
CANDIDATES = [
    ("colour + texture statistics + ridge", ScoreSpec(None, stats=True, px=256)),
    ("normalised random features 128 px + ridge", ScoreSpec(128, px=256, pool=2)),
    ("statistics + normalised random features + ridge", ScoreSpec(128, stats=True, px=256, pool=2)),
    ("normalised random features + ridge, augmented", ScoreSpec(128, px=256, pool=2, augmented=True)),
    (
        "statistics + normalised random features + ridge, augmented",
        ScoreSpec(128, stats=True, px=256, pool=2, augmented=True),
    ),
    ("normalised random features 128 px, stride 2 + ridge", ScoreSpec(128, px=128, stride=2)),
    ("normalised random features 64 px, 128 filters + ridge", ScoreSpec(128, px=64)),
    ("normalised random features 64 px, 96 filters + ridge", ScoreSpec(96, px=64)),
    ("normalised random features 64 px, 64 filters + ridge", ScoreSpec(64, px=64)),
    ("local-contrast random features 64 px, 96 filters, 3 px windows + ridge", ScoreSpec(96, px=64, contrast_window=3)),
    ("local-contrast random features 64 px, 96 filters, 5 px windows + ridge", ScoreSpec(96, px=64, contrast_window=5)),
    ("local-contrast random features 64 px, 96 filters, 9 px windows + ridge", ScoreSpec(96, px=64, contrast_window=9)),
    ("local-contrast random features 64 px, 64 filters, 3 px windows + ridge", ScoreSpec(64, px=64, contrast_window=3)),
    ("normalised random features 64 px, 96 filters + shift-consistent ridge", ScoreSpec(96, px=64, consistency=1.0)),
    (
        "local-contrast random features 64 px, 96 filters, 3 px windows + shift-consistent ridge",
        ScoreSpec(96, px=64, contrast_window=3, consistency=1.0),
    ),
    (
        "local-contrast random features 64 px, 96 filters, 5 px windows + shift-consistent ridge",
        ScoreSpec(96, px=64, contrast_window=5, consistency=1.0),
    ),
]


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
    ids = sorted(set(c_train), key=pov.natural_key)
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


# --- the comparison (issue 12: measured on places the model never saw) ------------------------------


def _colour_stat(chips: np.ndarray, name: str, batch: int = 64) -> np.ndarray:
    """One of engine.poverty.colour_stats, in batches (it works in float64)."""
    return np.concatenate([pov.colour_stats(chips[k : k + batch])[name] for k in range(0, len(chips), batch)])


def _fold_masks(clusters, folds):
    return [np.isin(clusters, fold) for fold in folds]


def _fit_head(f, f_aug, levels, train, alpha, deltas=(), consistency=None):
    """Ridge head on the ``train`` chips (a mask), their augmented copies added; with
    ``consistency``, the penalty on the change between those chips and their crops."""
    train_f = np.vstack([f[train]] + [fa[train] for fa in f_aug or []])
    train_y = np.concatenate([levels[train]] * (1 + len(f_aug or [])))
    return consistent_ridge_fit(train_f, train_y, alpha, [d[train] for d in deltas], consistency)


def _lco_feature_ridge(f, f_aug, clusters, levels, folds, alpha, deltas=(), consistency=None):
    """Leave-cluster-out scores of ridge on features (``_fit_head`` without each fold)."""
    out = []
    for held in _fold_masks(clusters, folds):
        w, b = _fit_head(f, f_aug, levels, ~held, alpha, deltas, consistency)
        out.append((f[held] @ w + b, levels[held]))
    return out


def _engine_session(source):
    """An onnxruntime session with the engine's settings (engine.model.get_session)."""
    import onnxruntime as ort

    from ...engine.model import default_threads

    options = ort.SessionOptions()
    options.intra_op_num_threads = default_threads()
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.enable_cpu_mem_arena = False
    return ort.InferenceSession(source, options, providers=["CPUExecutionProvider"])


def speed_ratios(specs: list[ScoreSpec], x: np.ndarray, repeat: int = 5) -> list[float]:
    """Time per chip of each spec's feature graph over the previous model's, same chips (each at its
    own size), same session settings and batch as the grid tool, interleaved, best of ``repeat``."""
    runs = [(_engine_session(V1_MODEL), "score", _downsample(x, CHIP_PX_V1) / np.float32(255.0))]
    for spec in specs:
        source = spec.graph().SerializeToString()
        runs.append((_engine_session(source), "features", _downsample(x, spec.px) / np.float32(255.0)))
    best = [float("inf")] * len(runs)
    for _ in range(repeat + 1):  # the first pass warms up
        for k, (session, out, chips) in enumerate(runs):
            start = time.perf_counter()
            for i in range(0, len(chips), SPEED_BATCH):
                session.run([out], {"image": chips[i : i + SPEED_BATCH]})
            best[k] = min(best[k], time.perf_counter() - start)
    return [t / best[0] for t in best[1:]]


def build_report(log=print) -> str:
    try:
        import torch  # noqa: F401 (baseline: today's CNN is retrained per fold; the plugin never needs torch)
    except ImportError as exc:
        raise SystemExit(
            "poverty report: torch is needed to retrain the previous CNN as a baseline: "
            ".venv/bin/pip install torch==2.13.0"
        ) from exc
    started = time.time()
    x, clusters, _paths, order = ev.load_pog(NK_DIR)
    tiles, target, uninhabited, _ids = ev.load_annotation(ANN_DIR)
    levels = np.array([order.levels[c] for c in clusters], dtype=np.float64)
    folds = ev.cluster_folds(clusters, order)
    log(f"poverty: {len(x)} NK chips in {len(folds)} cluster folds, {len(tiles)} independent tiles")
    robust_tiles = tiles[ev.robust_subset(len(tiles))]
    rows = []  # one dict per method: name, role, lco, tiles, robustness, about

    def add(name, role, about, lco_pairs, score_fn, extra=None):
        """score_fn(uint8 chips) -> scores; lco_pairs: [(held-out scores, levels)] per fold, or the
        figures themselves (a dict) when carried over from an earlier run."""
        t = time.time()
        base = score_fn(tiles)
        row = {
            "method": name,
            "role": role,
            "about": about,
            "lco": lco_pairs if isinstance(lco_pairs, dict) else ev.lco_metrics(lco_pairs),
            "tiles": ev.tile_metrics(base, target, uninhabited),
            "robustness": ev.robustness(
                lambda chips, _key: score_fn(chips), robust_tiles, base[ev.robust_subset(len(tiles))]
            ),
        }
        row.update(extra or {})
        rows.append(row)
        log(
            f"  {name}: leave-cluster-out Spearman {row['lco']['spearman']:.3f}, tau {row['lco']['tau']:.3f} "
            f"({time.time() - t:.0f} s for tiles and robustness)"
        )
        return row

    add_baselines(add, x, clusters, levels, order, folds, log)
    scorers = {}
    fitted = add_candidates(add, x, clusters, levels, folds, log, scorers)
    chosen, beats = choose(rows, log)
    add_ensembles(add, scorers, chosen["method"], log)
    spec = fitted[chosen["method"]]
    lever = annotation_lever(spec, x, levels, tiles, target, uninhabited, _ids)
    log(f"poverty: annotation shares as an extra target (other fold of tiles): {lever}")
    seconds = time.time() - started
    path = write_report(rows, chosen, beats, folds, order, len(x), len(tiles), seconds, lever)
    with open(REPORT_JSON, "w", encoding="utf-8") as f:
        json.dump(
            {
                "rows": rows,
                "chosen": chosen["method"],
                "choice": spec.__dict__,
                "beats": beats,
                "folds": folds,
                "speed_limit": SPEED_LIMIT,
                "annotation_lever": lever,
                "load_average": os.getloadavg()[0],
            },
            f,
            indent=1,
        )
    log(f"poverty: report {os.path.relpath(path, ROOT)} ({seconds:.0f} s in all)")
    return path


def add_baselines(add, x, clusters, levels, order, folds, log) -> None:
    """Mean desaturation, mean brightness, MOSAIKS 64 px + ridge and the previous model, same folds."""
    held_masks = _fold_masks(clusters, folds)
    x64 = _downsample(x, CHIP_PX_V1)

    def desaturation(chips):
        return 1.0 - _colour_stat(chips, "mean saturation")

    desat = desaturation(x)
    add(
        "mean desaturation (1 - saturation)",
        "baseline",
        "no learning; sign fixed beforehand (greyer = more built-up)",
        [(desat[h], levels[h]) for h in held_masks],
        desaturation,
    )

    def brightness(chips):
        return _colour_stat(chips, "brightness")

    bright = brightness(x)
    signs = [1.0 if pov.spearman(bright[~h], levels[~h]) >= 0 else -1.0 for h in held_masks]
    sign_all = 1.0 if pov.spearman(bright, levels) >= 0 else -1.0
    add(
        "mean brightness",
        "baseline",
        "no learning; sign taken from the training clusters",
        [(s * bright[h], levels[h]) for s, h in zip(signs, held_masks)],
        lambda chips: sign_all * brightness(chips),
    )

    pairs = []
    for h in held_masks:
        rf = rgb_features(x64[~h])
        f = pov.features_numpy(rf, x64 / 255.0)
        w, b = pov.ridge_fit(f[~h], levels[~h], 1.0)
        pairs.append((f[h] @ w + b, levels[h]))
    rf_all = rgb_features(x64)
    f_all = pov.features_numpy(rf_all, x64 / 255.0)
    w_rf, b_rf = pov.ridge_fit(f_all, levels, 1.0)
    add(
        "random conv features (MOSAIKS, 64 px) + ridge",
        "baseline",
        f"{RF_FILTERS} random 3x3 patches of the training chips, ridge alpha 1 onto levels",
        pairs,
        lambda chips: pov.features_numpy(rf_all, _downsample(chips, CHIP_PX_V1) / 255.0) @ w_rf + b_rf,
    )

    cache = os.environ.get("POVERTY_CNN_LCO_CACHE")
    earlier = os.environ.get("POVERTY_CNN_LCO_FROM")
    about = (
        f"leave-cluster-out: its recipe retrained per fold ({CNN_LCO_EPOCHS} epochs instead of {EPOCHS}); "
        "tiles and robustness: the shipped 1.0 file (models/reports/poverty_nk_siscore_v1.onnx)"
    )
    if earlier:
        # Its leave-cluster-out figures from an earlier report's JSON (same code, folds and seeds):
        # retraining it takes most of an hour on 2 shared cores.
        with open(earlier, encoding="utf-8") as f:
            row = next(r for r in json.load(f)["rows"] if r["method"].startswith("today's model"))
        pairs = row["lco"]
        about += (
            "; its leave-cluster-out figures carried over from the earlier run of this report (the first round, "
            "in the git history of models/reports/poverty_nk_siscore.json; same code, folds and seeds), not "
            "retrained in this run"
        )
    elif cache and os.path.isfile(cache):
        saved = np.load(cache)
        pairs = [(saved[f"s{k}"], levels[h]) for k, h in enumerate(held_masks)]
    else:
        log(f"poverty: retraining today's CNN per fold ({CNN_LCO_EPOCHS} epochs each, CPU)")
        pairs = []
        for h in held_masks:
            mean = (x64[~h] / 255.0).mean(axis=(0, 2, 3)).tolist()
            std = (x64[~h] / 255.0).std(axis=(0, 2, 3)).tolist()
            net, _ = train_cnn(x64[~h], clusters[~h], order, mean, std, epochs=CNN_LCO_EPOCHS, log=lambda *_: None)
            pairs.append((torch_scores(net, x64[h], mean, std), levels[h]))
        if cache:
            np.savez(cache, **{f"s{k}": p[0] for k, p in enumerate(pairs)})
    add(
        "today's model (poverty_nk_siscore 1.0, CNN 64 px)",
        "baseline",
        about,
        pairs,
        lambda chips: ort_scores(V1_MODEL, chips),
    )


def add_candidates(add, x, clusters, levels, folds, log, scorers=None) -> dict:
    """Every candidate: ridge alpha by leave-cluster-out, then fitted on all clusters; its speed.
    ``scorers`` (a dict) receives each candidate's held-out scores, score function and speed."""
    x_aug = [ev.augment(x, AUG_SEED + k) for k in range(AUG_COPIES)]
    ratios = speed_ratios([spec for _, spec in CANDIDATES], x[:SPEED_CHIPS])
    log(f"poverty: time per chip against the previous model (load {os.getloadavg()[0]:.1f}): {ratios}")
    fitted = {}
    for (name, spec), ratio in zip(CANDIDATES, ratios):
        t = time.time()
        proto = spec.graph()
        f = spec.features(x, proto)
        f_aug = [spec.features(xa, proto) for xa in x_aug] if spec.augmented else None
        deltas = spec.crop_deltas(x, f)
        best = None
        for alpha in RIDGE_ALPHAS:
            for consistency in CONSISTENCIES if deltas else [None]:
                pairs = _lco_feature_ridge(f, f_aug, clusters, levels, folds, alpha, deltas, consistency)
                m = ev.lco_metrics(pairs)
                if best is None or m["spearman"] > best[0]:
                    best = (m["spearman"], alpha, pairs, consistency)
        spec = spec.with_alpha(best[1], best[3])
        w, b = _fit_head(f, f_aug, levels, np.ones(len(f), bool), spec.alpha, deltas, spec.consistency)
        fitted[name] = spec
        extra = {"alpha": spec.alpha, "speed_ratio": round(ratio, 2), "eligible": ratio <= SPEED_LIMIT}
        if extra["eligible"]:
            extra["shift"] = ev.shift_stability(
                lambda chips, s=spec, p=proto: s.features(chips, p),
                lambda train, s=spec, f=f, f_aug=f_aug, d=deltas: _ridge_and_sigmoid(
                    f, f_aug, levels, train, s.alpha, d, s.consistency
                ),
                x,
                clusters,
                folds,
            )
            extra["eligible"] = extra["shift"]["spearman"] >= ev.SHIFT_BAR
        log(f"poverty: features of '{name}' and its folds in {time.time() - t:.0f} s")
        add(
            name,
            "candidate",
            spec.describe()
            + (
                f"; plus {AUG_COPIES} augmented copies of every training chip (brightness, contrast, haze, "
                "rotation, flip)"
                if spec.augmented
                else ""
            )
            + f"; ridge alpha {spec.alpha:g} (of {', '.join(f'{a:g}' for a in RIDGE_ALPHAS)}"
            + (
                f") and shift-consistency penalty {spec.consistency:g} (of "
                f"{', '.join(f'{c:g}' for c in CONSISTENCIES)}; the ridge also pays that times the mean squared "
                "change of the score between each training chip and its four corner crops of 3/4 of its side"
                if spec.consistency is not None
                else ""
            )
            + ", picked by leave-cluster-out)",
            best[2],
            lambda chips, s=spec, p=proto, w=w, b=b: s.features(chips, p) @ w + b,
            extra,
        )
        if scorers is not None:
            scorers[name] = (best[2], lambda chips, s=spec, p=proto, w=w, b=b: s.features(chips, p) @ w + b, ratio)
    return fitted


# Ensembles (issue 12's lever), fixed before they were measured: the chosen method with the
# interpretable statistics (learned + interpretable), and with the first round's random features
# at 128 px (two resolutions). Every member is a ridge onto the same levels, so their scores share
# one scale and the ensemble is their plain mean; its time per chip is the sum of its members'.
ENSEMBLE_PARTNERS = [
    ("colour + texture statistics + ridge", "with the colour and texture statistics (learned + interpretable)"),
    ("normalised random features 128 px + ridge", "with the random features at 128 px (two resolutions)"),
]


def add_ensembles(add, scorers, chosen: str, log) -> None:
    """The chosen method averaged with each of ENSEMBLE_PARTNERS: measured like every method,
    never chosen (a mean of two graphs costs the sum of their times)."""
    for partner, about in ENSEMBLE_PARTNERS:
        (pairs_a, score_a, ratio_a), (pairs_b, score_b, ratio_b) = scorers[chosen], scorers[partner]
        ratio = ratio_a + ratio_b
        add(
            f"ensemble: the chosen method {about.split(' (')[0]}",
            "ensemble (measured)",
            f"mean of the ridge scores of '{chosen}' and '{partner}' ({about.split('(')[1].rstrip(')')}); "
            f"measured only: the mean of two graphs costs the sum of their times ({ratio:.2f}x), more than "
            "the limit",
            [((sa + sb) / 2, lv) for (sa, lv), (sb, _) in zip(pairs_a, pairs_b)],
            lambda chips, fa=score_a, fb=score_b: (fa(chips) + fb(chips)) / 2,
            {"speed_ratio": round(ratio, 2), "eligible": False},
        )
    log(f"poverty: {len(ENSEMBLE_PARTNERS)} ensembles measured")


def _ridge_and_sigmoid(f, f_aug, levels, train, alpha, deltas=(), consistency=None):
    """``_fit_head`` and the sigmoid's centre and width, as the shipped score gets them."""
    w, b = _fit_head(f, f_aug, levels, train, alpha, deltas, consistency)
    return (w, b, *sigmoid_frame(f[train] @ w + b))


def annotation_lever(spec: ScoreSpec, x, levels, tiles, target, uninhabited, ids) -> dict:
    """The annotation shares as an extra training target, measured on tiles it did not train on.

    The independent tiles are split into two folds by image id in blocks of 100 (neighbouring ids
    are often neighbouring tiles on the ground, so a block keeps them on one side). For each fold:
    the chosen method's ridge trained on the 23 clusters' chips alone, and on those chips plus the
    other fold's tiles with target 8 * (urban + 0.5 rural) (the clusters' levels run 0-8); both
    scored on this fold. Spearman against the annotation level, mean over the two folds. Measured
    only: the shipped model never trains on the annotation, which stays its untouched test set."""
    f_chips = spec.features(x)
    f_tiles = spec.features(tiles)
    deltas = spec.crop_deltas(x, f_chips)
    fold = np.array([(int(i) // 100) % 2 for i in ids])
    out = {"clusters only": [], WITH_ANNOTATION: []}
    for k in (0, 1):
        test, train = fold == k, fold != k
        w, b = consistent_ridge_fit(f_chips, levels, spec.alpha, deltas, spec.consistency)
        out["clusters only"].append(pov.spearman(f_tiles[test] @ w + b, target[test]))
        w, b = consistent_ridge_fit(
            np.vstack([f_chips, f_tiles[train]]),
            np.concatenate([levels, 8.0 * target[train]]),
            spec.alpha,
            deltas,
            spec.consistency,
        )
        out[WITH_ANNOTATION].append(pov.spearman(f_tiles[test] @ w + b, target[test]))
    lever = {key: round(float(np.mean(v)), 3) for key, v in out.items()}
    lever["tiles per fold"] = [int((fold == k).sum()) for k in (0, 1)]
    return lever


def choose(rows, log):
    """Leave-cluster-out Spearman only, among the candidates fast enough and stable enough under a
    half-cell shift on held-out clusters (the tiles never choose)."""
    eligible = [r for r in rows if r["role"] == "candidate" and r["eligible"]]
    if not eligible:
        raise SystemExit(
            f"poverty report: no candidate scores chips within {SPEED_LIMIT}x of the previous model with a "
            f"half-cell shift stability of {ev.SHIFT_BAR} or more"
        )
    chosen = max(eligible, key=lambda r: r["lco"]["spearman"])
    chosen["role"] = "chosen"
    log(f"poverty: chose '{chosen['method']}' by leave-cluster-out Spearman {chosen['lco']['spearman']:.3f}")
    baselines = [r for r in rows if r["role"] == "baseline"]
    beats = {
        key: all(chosen[k1][k2] > r[k1][k2] for r in baselines)
        for key, (k1, k2) in {
            "leave-cluster-out Spearman": ("lco", "spearman"),
            "leave-cluster-out tau": ("lco", "tau"),
            "independent tiles, all": ("tiles", "spearman_all"),
            "independent tiles, inhabited": ("tiles", "spearman_inhabited"),
        }.items()
    }
    for key, ok in beats.items():
        log(f"poverty: the chosen model {'beats' if ok else 'does NOT beat'} every baseline on {key}")
    return chosen, beats


# Development notes for the report: measured leave-cluster-out with the same folds, never on the tiles.
TRIED = [
    "the linear ranking head (RankNet pair loss, engine.poverty.rank_fit) instead of ridge: statistics 0.674, "
    "random features 0.713, both 0.715, within 0.01 of ridge and 10-30x slower; ridge kept",
    "random features at other sizes (first round): 64 filters at 256 px 0.709, 5x5 kernels 0.717, 128 filters "
    "5x5 at 64 px 0.694",
    "the old MOSAIKS featurizer (patches of the training chips, 64 px, no per-chip normalisation) with ridge: "
    "0.580 (the baseline row)",
    "first round's choice, 128 filters on the chip at 128 px (row 2, 0.722): 2.5-8x slower than the previous "
    "model in `make bench` (its 3x3 convolution over 126 x 126 x 128 values, about 56 M multiply-adds and 8 MB "
    "of activations per chip, against about 44 M and at most 0.25 MB for the CNN); the issue allows 2x. The "
    "second round (rows 6-9) computes the same kind of features on fewer pixels; onnxruntime's graph "
    "optimisation is already at its highest level in the engine, and smaller batches (1-8 chips) sped both "
    "models up in some runs and not in others on this shared machine, so the engine's batch was left alone",
    "third round, before the candidates above were written (numpy sketches, the same folds, ridge alpha by "
    "leave-cluster-out; shift stability on the validation mosaics): each pixel divided by its own local spread "
    "(9, 17, 33 px windows) 0.689-0.708, shift 0.956-0.959, worse than the whole-chip spread on both; features "
    "at 64 and 32 px together 0.702, at 32 px alone 0.664",
    "ensembles: see the rows 'ensemble: ...' (measured, never chosen: two graphs cost the sum of their times)",
    "not tried: a CNN at 256 px. The previous CNN's recipe at 64 px took most of this report's hour for 5 folds of "
    "10 epochs; at 256 px it reads 16 times the pixels (hours per fold on 2 shared cores), and this session "
    "had no accelerator",
    "disclosure: before the candidates were written, the Spearman of each single statistic against the tile "
    "level was printed once on the independent tiles; no statistic was added, dropped or changed afterwards, "
    "and no choice in this recipe reads the tiles",
]


def write_report(rows, chosen, beats, folds, order, n_chips, n_tiles, seconds, lever=None) -> str:
    os.makedirs(REPORTS, exist_ok=True)
    short = {
        "brightness +20%": "bri+",
        "brightness -20%": "bri-",
        "contrast +20%": "con+",
        "contrast -20%": "con-",
        "haze 15%": "haze",
        "rotate 90": "rot",
        "flip": "flip",
        "JPEG q75": "jpeg",
    }
    lines = [
        "# poverty_nk_siscore: generalisation report",
        "",
        "Written by `models/recipes/poverty_report.py` (`make poverty-report`), which also records the choice "
        "that `make models` (`models/recipes/poverty_models.py`) rebuilds the shipped model from; definitions in "
        "`models/recipes/poverty_eval.py`, fixed before any result was looked at:",
        "",
        f"- **Leave-cluster-out** (validation; the only figure that chooses): the 23 clusters of `nk_pog` "
        f"({n_chips} chips) dealt into 5 folds by level, so every fold spans the order and no cluster is on "
        "both sides: "
        + "; ".join(f"fold {k + 1}: {', '.join(f)}" for k, f in enumerate(folds))
        + ". Per fold, Spearman and Kendall tau-b between the held-out chips' scores and their cluster's "
        "level (longest path in nk.txt, 0 = uninhabited ... 8 = top); mean over folds (lowest fold in "
        "brackets).",
        f"- **Independent tiles** (test only: no training, tuning or selection): the {n_tiles} tiles of "
        "`nk_annotation` that are not also in `nk_pog`; Spearman of the score against `urban + 0.5 * rural` "
        "over all of them and over the inhabited ones (`uninhabited < 1`). Models are trained on all 23 "
        "clusters for this figure.",
        f"- **Robustness** ({ev.ROBUST_TILES} of the same tiles, seed {ev.ROBUST_SEED}): median over tiles "
        "of |percentile rank after the change - "
        "percentile rank before|, in points, ranks taken against the unchanged scores. Changes: brightness "
        "x1.2 / x0.8 (bri+/bri-), contrast x1.2 / x0.8 around the tile's mean (con+/con-), 15 % blend "
        "towards grey 128 (haze), rotation 90 degrees (rot), left-right flip (flip), JPEG quality 75 (jpeg).",
        f"- **Speed** (candidates; column `time`): time per chip of the candidate's feature graph over the "
        f"previous model's, on the same {SPEED_CHIPS} chips, each read at its own chip size, with the grid "
        f"tool's session settings and batch ({SPEED_BATCH}), interleaved, best of 5, in this run (load average "
        f"{os.getloadavg()[0]:.1f} on 2 cores when it ended: figures are noisy). The issue allows at most 2x; "
        f"a candidate above {SPEED_LIMIT}x (a margin for the noise) cannot be chosen.",
        "- **Shift stability** (validation, candidates within the speed limit; column `shift`): per fold, a "
        "mosaic of 8 x 8 of the held-out clusters' chips laid out as a landscape (16 blocks of 2 x 2 chips of one "
        f"cluster, seeds {', '.join(map(str, ev.SHIFT_SEEDS))}); a 1 km grid and the same grid moved half a cell "
        "east, each cell scored from one chip centred on it; Spearman between each moved cell's score and the "
        "mean of the two cells it overlaps, by the model trained without the fold; mean over folds and seeds "
        "(lowest in brackets). Issue 12 asks for 0.95 on the grid tool's output; the test "
        "`test_grid_shifted_by_half_a_cell_ranks_alike` measures it on a mosaic of the independent tiles.",
        f"- **Choice**: the best leave-cluster-out Spearman among the candidates within the speed limit whose "
        f"shift stability is {ev.SHIFT_BAR} or more.",
        "",
        "| method | role | LCO Spearman | LCO tau | tiles all | tiles inhabited | time | shift | "
        + " | ".join(short.values())
        + " |",
        "|---|---|---|---|---|---|---|---|" + "---|" * len(short),
    ]
    for r in rows:
        role = "**chosen, shipped**" if r is chosen else r["role"]
        lines.append(
            f"| {r['method']} | {role} | {r['lco']['spearman']:.3f} ({r['lco']['spearman_min']:.3f}) | "
            f"{r['lco']['tau']:.3f} ({r['lco']['tau_min']:.3f}) | {r['tiles']['spearman_all']:.3f} | "
            f"{r['tiles']['spearman_inhabited']:.3f} | "
            + (f"{r['speed_ratio']:.2f}x" if "speed_ratio" in r else "")
            + " | "
            + (f"{r['shift']['spearman']:.3f} ({r['shift']['spearman_min']:.3f})" if "shift" in r else "")
            + " | "
            + " | ".join(f"{r['robustness'][k]:.1f}" for k in short)
            + " |"
        )
    lines += ["", "What each row is:", ""]
    lines += [f"- {r['method']}: {r['about']}." for r in rows]
    lines += [
        "",
        "Does the chosen model beat every baseline?",
        "",
    ]
    lines += [f"- {key}: {'yes' if ok else '**no**'}" for key, ok in beats.items()]
    if lever:
        lines += [
            "",
            "The annotation shares as an extra training target (measured, not shipped; `annotation_lever`): the "
            "independent tiles split into two folds by image id in blocks of 100; the chosen method trained on "
            "the clusters alone and on the clusters plus the other fold's tiles (target 8 x (urban + 0.5 rural)), "
            f"each scored on the fold it did not train on ({lever['tiles per fold'][0]} and "
            f"{lever['tiles per fold'][1]} tiles), Spearman against the annotation level, mean of the two folds: "
            f"clusters only {lever['clusters only']:.3f}, with the other fold's annotation "
            f"{lever[WITH_ANNOTATION]:.3f}. Not shipped: the annotated tiles stay the "
            "untouched test set of the shipped model (a model trained on them could not be tested on them).",
        ]
    lines += ["", "Also tried while the recipe was written (leave-cluster-out only, mean Spearman):", ""]
    lines += [f"- {t}" for t in TRIED]
    lines += [
        "",
        f"Time of this report on this machine (CPU, 2 threads, shared with other jobs): {seconds:.0f} s. "
        "`make models` rebuilds the shipped model from the recorded choice in under a minute.",
        "",
    ]
    path = os.path.join(REPORTS, "poverty_nk_siscore.md")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return path


def main() -> int:
    build_report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
