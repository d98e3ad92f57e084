"""Recipe helper: how every poverty-score candidate and baseline is measured (issue 12).

The definitions below were fixed before any figure was looked at; the report repeats them.

Leave-cluster-out (validation, the only figure used to choose a method)
    The 23 clusters of ``nk_pog`` are dealt into 5 folds by level (clusters sorted by their
    level in the experts' order, then by id; fold k takes positions k, k+5, ...), so every fold
    holds clusters from the bottom to the top of the order and chips of one cluster are never on
    both sides of a split. A method is trained on 4 folds and scores the chips of the fifth.
    Per fold: Spearman and Kendall tau-b between the held-out chips' scores and their cluster's
    level; the report gives the mean over the 5 folds (and the lowest fold).

Independent tiles (test only: no training, no tuning, no selection)
    ``nk_annotation``: the tiles not also in ``nk_pog`` (``also_in_nk_pog`` empty; the others are
    cluster 22 training chips). Target: ``urban + 0.5 * rural`` (annotators' shares). Spearman over
    all those tiles, and over the inhabited ones (``uninhabited < 1``). Models are trained on all 23
    clusters for this figure.

Robustness (on 200 of the same independent tiles, drawn with seed 12; no labels needed)
    For each change, the median over those tiles of |percentile rank of the changed tile's score -
    percentile rank of the original score|, both ranks taken against the original scores of all
    tiles, in percentage points (0 = the change moves no tile in the ranking). Changes, on the
    8-bit tile: brightness x1.2 and x0.8; contrast x1.2 and x0.8 around the tile's mean grey;
    haze: 15 % blend towards mid grey (128); rotation by 90 degrees; left-right flip; JPEG
    quality 75. Values are clipped to 0-255 and rounded.

Shift stability (validation, on the held-out clusters of each fold; a bar for the choice)
    Issue 12 asks that moving a 1 km grid by half a cell change the ranking of cells covering the
    same ground little (Spearman >= 0.95). Measured here on places the model never saw, before the
    test on the independent tiles: per fold, a mosaic of 8 x 8 of the held-out clusters' chips
    (one chip = 1870 m), laid out as a landscape: 16 blocks of 2 x 2 chips of one cluster, the
    clusters drawn at random (seeds SHIFT_SEEDS). A grid of 1 km cells (256 * 1000 / 1870 px) and
    the same grid moved half a cell east, each cell scored from one chip centred on it, as the grid
    tool scores a unit of that size; each moved cell's score against the mean of the two cells it
    overlaps (half each), Spearman over the cells whose chips lie wholly on the mosaic, with the
    model trained without the fold and its score mapped through the shipped sigmoid. Mean over the
    folds and seeds.
"""

from __future__ import annotations

import csv
import io
import os

import numpy as np

from ...engine import poverty as pov

N_FOLDS = 5
ROBUST_TILES = 200
ROBUST_SEED = 12
HAZE_GREY = 128.0
TARGET = "urban + 0.5 * rural"
SHIFT_SEEDS = (0, 1)
SHIFT_BAR = 0.95
SHIFT_CHIP_M = 1870.0
SHIFT_CELL_M = 1000.0
PERTURBATIONS = [
    "brightness +20%",
    "brightness -20%",
    "contrast +20%",
    "contrast -20%",
    "haze 15%",
    "rotate 90",
    "flip",
    "JPEG q75",
]


# --- data ----------------------------------------------------------------------------------------


def read_png(path: str) -> np.ndarray:
    """An RGB tile as uint8 (3, H, W)."""
    from PIL import Image

    with Image.open(path) as im:
        return np.asarray(im.convert("RGB"), dtype=np.uint8).transpose(2, 0, 1).copy()


def load_pog(nk_dir: str):
    """uint8 chips (N, 3, 256, 256), cluster ids, paths, the order."""
    chips = pov.list_cluster_chips(os.path.join(nk_dir, "clusters"))
    order = pov.read_order(os.path.join(nk_dir, "nk.txt"), list(chips))
    paths = [p for files in chips.values() for p in files]
    clusters = np.array([c for c, files in chips.items() for _ in files])
    return np.stack([read_png(p) for p in paths]), clusters, paths, order


def load_annotation(ann_dir: str):
    """uint8 tiles of the independent set (never in nk_pog), target, uninhabited share, ids."""
    with open(os.path.join(ann_dir, "labels.csv"), encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if not r["also_in_nk_pog"].strip()]
    x = np.stack([read_png(os.path.join(ann_dir, "tiles", f"{r['image_id']}.png")) for r in rows])
    target = np.array([float(r["urban"]) + 0.5 * float(r["rural"]) for r in rows])
    uninhabited = np.array([float(r["uninhabited"]) for r in rows])
    return x, target, uninhabited, [r["image_id"] for r in rows]


def cluster_folds(clusters: np.ndarray, order: pov.PartialOrder, k: int = N_FOLDS) -> list[list[str]]:
    ids = sorted(set(clusters.tolist()), key=lambda c: (order.levels[c], pov.natural_key(c)))
    return [ids[i::k] for i in range(k)]


# --- perturbations --------------------------------------------------------------------------------


def perturb(x: np.ndarray, name: str) -> np.ndarray:
    """One of PERTURBATIONS applied to uint8 chips (N, 3, H, W)."""
    f = x.astype(np.float32)
    if name.startswith("brightness"):
        f = f * (1.2 if "+" in name else 0.8)
    elif name.startswith("contrast"):
        m = f.mean(axis=(1, 2, 3), keepdims=True)
        f = m + (f - m) * (1.2 if "+" in name else 0.8)
    elif name.startswith("haze"):
        f = 0.85 * f + 0.15 * HAZE_GREY
    elif name == "rotate 90":
        return np.ascontiguousarray(np.rot90(x, 1, axes=(2, 3)))
    elif name == "flip":
        return np.ascontiguousarray(x[:, :, :, ::-1])
    elif name == "JPEG q75":
        from PIL import Image

        out = np.empty_like(x)
        for i, chip in enumerate(x):
            buf = io.BytesIO()
            Image.fromarray(chip.transpose(1, 2, 0)).save(buf, format="JPEG", quality=75)
            buf.seek(0)
            with Image.open(buf) as im:
                out[i] = np.asarray(im.convert("RGB")).transpose(2, 0, 1)
        return out
    else:
        raise ValueError(name)
    return np.clip(np.round(f), 0, 255).astype(np.uint8)


def augment(x: np.ndarray, seed: int) -> np.ndarray:
    """Random training copies: brightness and contrast x0.75-1.25, haze 0-20 %, rotation, flip."""
    rng = np.random.default_rng(seed)
    out = np.empty_like(x)
    for i, chip in enumerate(x):
        f = chip.astype(np.float32) * rng.uniform(0.75, 1.25)
        m = f.mean()
        f = m + (f - m) * rng.uniform(0.75, 1.25)
        h = rng.uniform(0.0, 0.2)
        f = (1 - h) * f + h * HAZE_GREY
        f = np.rot90(f, int(rng.integers(4)), axes=(1, 2))
        if rng.random() < 0.5:
            f = f[:, :, ::-1]
        out[i] = np.clip(np.round(f), 0, 255).astype(np.uint8)
    return out


def percentile_change(reference: np.ndarray, changed: np.ndarray) -> float:
    ordered = np.sort(reference)
    n = len(ordered)

    def pct(v):
        return 100.0 * np.searchsorted(ordered, v, side="right") / n

    return float(np.median(np.abs(pct(changed) - pct(reference))))


# --- metrics --------------------------------------------------------------------------------------


def lco_metrics(scores_by_fold: list[tuple[np.ndarray, np.ndarray]]) -> dict:
    """scores_by_fold: [(held-out scores, their levels)] -> mean/min Spearman and tau."""
    rho = [pov.spearman(s, lv) for s, lv in scores_by_fold]
    tau = [pov.kendall_tau(s, lv) for s, lv in scores_by_fold]
    return {
        "spearman": float(np.mean(rho)),
        "spearman_min": float(np.min(rho)),
        "tau": float(np.mean(tau)),
        "tau_min": float(np.min(tau)),
        "folds_spearman": [round(float(r), 4) for r in rho],
    }


def tile_metrics(scores: np.ndarray, target: np.ndarray, uninhabited: np.ndarray) -> dict:
    inhabited = uninhabited < 1.0
    return {
        "spearman_all": pov.spearman(scores, target),
        "spearman_inhabited": pov.spearman(scores[inhabited], target[inhabited]),
        "n_all": int(len(scores)),
        "n_inhabited": int(inhabited.sum()),
    }


def robust_subset(n: int) -> np.ndarray:
    return np.sort(np.random.default_rng(ROBUST_SEED).choice(n, min(ROBUST_TILES, n), replace=False))


def robustness(score_fn, tiles: np.ndarray, base: np.ndarray) -> dict:
    """{perturbation: median |change of percentile rank|} for ``score_fn(uint8 chips, key) -> scores``
    (``key`` names the perturbation, so a caller may cache features); ``base``: the unchanged scores."""
    return {name: percentile_change(base, score_fn(perturb(tiles, name), name)) for name in PERTURBATIONS}


# --- shift stability --------------------------------------------------------------------------------


def shift_mosaic(x: np.ndarray, clusters: np.ndarray, fold: list[str], seed: int) -> np.ndarray:
    """8 x 8 chips of ``fold``'s clusters (uint8, 3 x 8S x 8S): 16 blocks of 2 x 2 chips of one cluster."""
    rng = np.random.default_rng(seed)
    by = {c: np.flatnonzero(clusters == c) for c in sorted(fold, key=pov.natural_key)}
    keys = list(by)
    side = x.shape[-1]
    mosaic = np.zeros((x.shape[1], 8 * side, 8 * side), np.uint8)
    for block in range(16):
        members = rng.choice(by[keys[rng.integers(len(keys))]], 4, replace=False)
        br, bc = divmod(block, 4)
        for q, i in enumerate(members):
            r, c = 2 * br + q // 2, 2 * bc + q % 2
            mosaic[:, r * side : (r + 1) * side, c * side : (c + 1) * side] = x[i]
    return mosaic


def shift_chips(mosaic: np.ndarray, side: int) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int]]]:
    """Chips centred on the 1 km cells and on the cells moved half a cell east (those wholly on the
    mosaic), and for each moved cell the indices of the two cells it overlaps."""
    cell = side * SHIFT_CELL_M / SHIFT_CHIP_M
    extent = mosaic.shape[-1]
    n = int(extent // cell)

    def fits(c):
        return side / 2 <= c <= extent - side / 2

    def cut(cx, cy):
        x0, y0 = int(round(cx - side / 2)), int(round(cy - side / 2))
        return mosaic[:, y0 : y0 + side, x0 : x0 + side]

    index, cells = {}, []
    for j in range(n):
        for i in range(n):
            cx, cy = (i + 0.5) * cell, (j + 0.5) * cell
            if fits(cx) and fits(cy):
                index[(i, j)] = len(cells)
                cells.append(cut(cx, cy))
    moved, pairs = [], []
    for (i, j), k in index.items():
        if (i + 1, j) in index:
            moved.append(cut((i + 1) * cell, (j + 0.5) * cell))
            pairs.append((k, index[(i + 1, j)]))
    return np.stack(cells), np.stack(moved), pairs


def _sigmoid_scores(f: np.ndarray, head) -> np.ndarray:
    w, b, centre, width = head
    return 1.0 / (1.0 + np.exp(-((f @ w + b) - centre) / width))


def shift_stability(features, fit, x: np.ndarray, clusters: np.ndarray, folds: list[list[str]]) -> dict:
    """Shift stability of a method: ``features(uint8 chips) -> (N, F)``, ``fit(train mask) -> (w, b,
    centre, width)`` (a ridge head and the shipped sigmoid's centre and width)."""
    rhos = []
    for seed in SHIFT_SEEDS:
        for fold in folds:
            head = fit(~np.isin(clusters, fold))
            cells, moved, pairs = shift_chips(shift_mosaic(x, clusters, fold, seed), x.shape[-1])
            cell_scores, moved_scores = _sigmoid_scores(features(cells), head), _sigmoid_scores(features(moved), head)
            matched = np.array([(cell_scores[a] + cell_scores[b]) / 2 for a, b in pairs])
            rhos.append(pov.spearman(moved_scores, matched))
    return {"spearman": float(np.mean(rhos)), "spearman_min": float(np.min(rhos)), "n_pairs": len(pairs)}
