"""Training poverty models inside the plugin, with numpy + onnx only (no torch).

Both trainers put a linear head on a carded featurizer (by default the shipped MOSAIKS
random convolutional features) and export featurizer + head as one ONNX graph with its
card, so the result runs in satimpact:povertygrid like the shipped model.

- ranking (siScore-style, Han et al. 2020; Ahn et al. 2023): chips grouped into clusters
  and a partial order of the clusters; a linear ranking model (logistic loss on every pair
  of chips from clusters on different levels) on the features, squashed to [0, 1].
- survey (Jean et al. 2016; Rolf et al. 2021): survey points with a label; ridge
  regression on the features of chips around each point, regularisation chosen by k-fold
  cross-validation.
"""

from __future__ import annotations

import html
import math
import os
import time
from dataclasses import dataclass, field

import numpy as np

from . import poverty as pov
from .errors import Cancelled, EngineError
from .i18n import tr
from .model import LoadedModel, get_session
from .raster import check_output_writable, commit_output, remove_quietly, temporary_path
from .runner import Feedback, prepare_input

DEFAULT_ALPHAS = tuple(float(a) for a in np.logspace(-2, 5, 15))


def check_featurizer(model: LoadedModel) -> None:
    """Refuse a model that is not a chip featurizer.

    Args:
        model: the loaded model.

    Raises:
        EngineError: not a chip model with one input and a 'features' output.
    """
    card = model.card
    if card.model_type != "chip" or len(card.inputs) != 1 or card.outputs[0].kind != "features":
        raise EngineError(
            tr(
                "model '{card_name}' is not a chip featurizer (a chip model with one input and a "
                "'features' output, such as poverty_features_rgb or poverty_features_s2)"
            ).format(card_name=card.name)
        )


def featurize(model: LoadedModel, raw_chips: np.ndarray, batch: int = 64) -> np.ndarray:
    """Features of raw chips (N, bands, px, px; NaN = invalid) through the featurizer's card scaling.

    Args:
        model: the featurizer model (its card's first input and output).
        raw_chips: raw chips (N, bands, px, px), NaN where invalid (given 0 after scaling).
        batch: chips per onnxruntime run.

    Returns:
        numpy.ndarray: float64 features, one row per chip.
    """
    spec = model.card.inputs[0]
    session = get_session(model)
    out = []
    for k in range(0, len(raw_chips), batch):
        x = prepare_input(np.array(raw_chips[k : k + batch], dtype=np.float32), spec)
        x[~np.isfinite(x)] = 0.0
        f = session.run([model.card.outputs[0].name], {spec.name: x})[0]
        out.append(f.reshape(len(x), -1))
    return np.concatenate(out).astype(np.float64)


def _save_model(proto, path: str) -> None:
    import onnx

    check_output_writable(path)
    onnx.checker.check_model(proto)
    tmp = temporary_path(path)
    try:
        onnx.save(proto, tmp)
        commit_output(tmp, path)
    except BaseException:
        remove_quietly(tmp)
        raise


def _write_text(path: str, text: str) -> None:
    check_output_writable(path)
    tmp = temporary_path(path)
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        commit_output(tmp, path)
    except BaseException:
        remove_quietly(tmp)
        raise


def _input_card(featurizer: LoadedModel) -> dict:
    """The featurizer's input, as a trained model's card repeats it."""
    spec = featurizer.card.inputs[0]
    return {
        "name": spec.name,
        "bands": list(spec.bands),
        "scale": spec.scale,
        "offset": spec.offset,
        "mean": spec.mean,
        "std": spec.std,
        "clip": spec.clip,
        "resolution_m": spec.resolution_m,
        "sensor": spec.sensor,
    }


def _featurizer_proto(model: LoadedModel):
    import onnx

    return onnx.load(model.path)


def _rendering_extra(featurizer: LoadedModel) -> dict:
    """A model built on the 8-bit RGB featurizer expects 8-bit true colour, like the shipped score."""
    spec = featurizer.card.inputs[0]
    if abs(spec.scale * 255.0 - 1.0) < 1e-6 and len(spec.bands) == 3:
        return {
            "pixel_values": "8-bit true colour (0-255) RGB",
            "reflectance_rendering": {"gain": 2.5, "reflectance_scale": 1e-4},
        }
    return {"pixel_values": (featurizer.card.extra or {}).get("pixel_values", "as the featurizer's card says")}


# --- SVG plots (inline, no plotting library) -----------------------------------------------


def svg_scatter(x, y, xlabel: str, ylabel: str, width: int = 420, height: int = 360) -> str:
    """An SVG scatter plot of ``y`` against ``x`` with the 1:1 line, for the training report.

    Args:
        x: the values on the horizontal axis.
        y: the values on the vertical axis, one per ``x``.
        xlabel: the horizontal axis' label.
        ylabel: the vertical axis' label.
        width: the picture's width, pixels.
        height: the picture's height, pixels.

    Returns:
        str: the SVG element.
    """
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    lo = float(min(x.min(), y.min()))
    hi = float(max(x.max(), y.max()))
    if hi <= lo:
        hi = lo + 1.0
    pad = 50

    def px(v):
        return pad + (v - lo) / (hi - lo) * (width - pad - 10)

    def py(v):
        return height - pad - (v - lo) / (hi - lo) * (height - pad - 10)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-size="11">',
        f'<rect x="{pad}" y="10" width="{width - pad - 10}" height="{height - pad - 10}" fill="none" stroke="#999"/>',
        f'<line x1="{px(lo):.1f}" y1="{py(lo):.1f}" x2="{px(hi):.1f}" y2="{py(hi):.1f}" '
        'stroke="#c33" stroke-dasharray="4"/>',
    ]
    for a, b in zip(x, y):
        parts.append(f'<circle cx="{px(a):.1f}" cy="{py(b):.1f}" r="2.5" fill="#2a6ebb" fill-opacity="0.6"/>')
    for t in np.linspace(lo, hi, 5):
        parts.append(f'<text x="{px(t):.1f}" y="{height - pad + 15}" text-anchor="middle">{t:.3g}</text>')
        parts.append(f'<text x="{pad - 5}" y="{py(t) + 4:.1f}" text-anchor="end">{t:.3g}</text>')
    parts.append(
        f'<text x="{(width + pad) / 2:.0f}" y="{height - 12}" text-anchor="middle">{html.escape(xlabel)}</text>'
    )
    parts.append(
        f'<text x="12" y="{height / 2:.0f}" transform="rotate(-90 12 {height / 2:.0f})" text-anchor="middle">'
        f"{html.escape(ylabel)}</text>"
    )
    parts.append("</svg>")
    return "".join(parts)


def svg_bars(labels: list[str], values: list[float], groups: list[int], width: int = 640, height: int = 300) -> str:
    """An SVG bar chart of ``values``, coloured by group (level), for the training report.

    Args:
        labels: the label under each bar.
        values: the bars' heights (negative values are drawn as 0).
        groups: the group (level) of each bar, which picks its colour.
        width: the picture's width, pixels.
        height: the picture's height, pixels.

    Returns:
        str: the SVG element.
    """
    pad = 40
    n = max(1, len(values))
    bw = (width - pad - 10) / n
    top = max(max(values), 1e-9) if values else 1.0
    palette = ["#d73027", "#fc8d59", "#fee090", "#e0f3f8", "#91bfdb", "#4575b4"]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-size="10">']
    for k, (lab, v, g) in enumerate(zip(labels, values, groups)):
        h = (height - pad - 10) * max(v, 0.0) / top
        x = pad + k * bw
        color = palette[min(len(palette) - 1, int(g * (len(palette) - 1) / max(1, max(groups))))]
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{height - pad - h:.1f}" width="{bw - 2:.1f}" height="{h:.1f}" '
            f'fill="{color}" stroke="#555"/>'
        )
        parts.append(
            f'<text x="{x + bw / 2:.1f}" y="{height - pad + 12}" text-anchor="middle">{html.escape(lab)}</text>'
        )
    parts.append(
        f'<text x="{pad}" y="{height - 8}">clusters, least developed (left) to most (right) by the order; '
        "bar = mean score of held-out chips</text>"
    )
    parts.append(f'<text x="4" y="16">{top:.2f}</text></svg>')
    return "".join(parts)


def _html(title: str, body: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;max-width:900px;margin:2em auto}table{border-collapse:collapse}"
        "td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}th{background:#eee}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>"
    )


# --- ranking --------------------------------------------------------------------------------


@dataclass
class RankingResult:
    """What ``train_ranking`` measured: leave-cluster-out tau and Spearman, cluster means, sizes."""

    tau: float  # leave-cluster-out (grouped folds), mean over folds; NaN when too few clusters
    spearman: float
    cluster_means: dict[str, float]
    levels: dict[str, int]
    train_chips: int
    test_chips: int
    model_path: str
    report_path: str
    tau_same_clusters: float = float("nan")  # held-out chips of the training clusters (optimistic)
    spearman_same_clusters: float = float("nan")
    folds: list = None


GROUPED_FOLDS = 5


def cluster_folds(clusters: list[str], order: pov.PartialOrder, k: int = GROUPED_FOLDS) -> list[list[str]]:
    """Whole clusters dealt into k folds by level, so each fold spans the order.

    Sorted by level, then id; fold i takes positions i, i + k, ...: no cluster is on both sides
    of a split.

    Args:
        clusters: the cluster ids (repeats allowed, e.g. one per chip).
        order: the partial order giving each cluster's level.
        k: the number of folds (at most the number of clusters).
    """
    ids = sorted(set(clusters), key=lambda c: (order.levels[c], pov.natural_key(c)))
    k = max(1, min(k, len(ids)))
    return [ids[i::k] for i in range(k)]


def grouped_evaluation(feats, clusters, levels, order, alpha: float, k: int = GROUPED_FOLDS):
    """Leave-cluster-out figures: the scorer retrained without each fold of whole clusters.

    The held-out chips' scores are compared with their cluster's level.

    Args:
        feats: the chips' features (chips, features).
        clusters: each chip's cluster id (numpy array).
        levels: each chip's cluster level (numpy array).
        order: the partial order giving each cluster's level (for the folds).
        alpha: the ranking model's L2 penalty.
        k: the number of folds.

    Returns:
        tuple: (mean Spearman, mean tau-b, [(fold clusters, Spearman, tau)]) over the folds whose
        held-out and training chips both span two levels or more (NaN figures when no fold does).
    """
    rows = []
    for fold in cluster_folds(list(clusters), order, k):
        held = np.isin(clusters, fold)
        if len(set(levels[held])) < 2 or len(set(levels[~held])) < 2:
            continue
        w, _ = pov.rank_fit(feats[~held], levels[~held], alpha)
        s = feats[held] @ w
        rows.append((fold, pov.spearman(s, levels[held]), pov.kendall_tau(s, levels[held])))
    if not rows:
        return float("nan"), float("nan"), rows
    return float(np.mean([r[1] for r in rows])), float(np.mean([r[2] for r in rows])), rows


def train_ranking(
    chip_source,
    order_path: str,
    featurizer: LoadedModel,
    model_out: str,
    report_out: str,
    chip_ground_m: float | None = None,
    holdout: float = 0.2,
    seed: int = 0,
    alpha: float = 1e-3,
    feedback: Feedback | None = None,
    source_name: str | None = None,
) -> RankingResult:
    """Train a poverty ranking model from chips of clusters and a partial order of the clusters.

    ``chip_source``: a folder with one subfolder of chip files per cluster, or a dict
    {cluster id: [callables]} where each callable returns one raw chip (bands, px, px) at the
    featurizer's size, or None when the chip has too little valid imagery (chips cut from a
    raster under polygons).

    Args:
        chip_source: see above.
        order_path: the partial order of the clusters (``poverty.parse_order``'s format).
        featurizer: the chip featurizer the ranking head is added to.
        model_out: the new .onnx model.
        report_out: the HTML report.
        chip_ground_m: chip footprint in metres, for the card.
        holdout: share of every cluster's chips held out (0.05 to 0.5).
        seed: random seed.
        alpha: L2 penalty of the ranking head.
        feedback: progress, cancel and messages.
        source_name: the chips' source, for the card and report.

    Returns:
        RankingResult: the held-out and leave-cluster-out figures.

    Raises:
        EngineError: not a featurizer, an unwritable output, HOLDOUT out of range, a cluster with
            fewer than 2 usable chips, a split without training or test chips, or one level only.
        OrderError: an order file that is missing or invalid.
        Cancelled: the user cancelled (no model is written).
    """
    feedback = feedback or Feedback()
    check_featurizer(featurizer)
    check_output_writable(model_out)
    check_output_writable(report_out)
    if not 0.05 <= holdout <= 0.5:
        raise EngineError(tr("HOLDOUT must be between 0.05 and 0.5, got {holdout}").format(holdout=holdout))
    start = time.perf_counter()
    chips, load, source_name = _ranking_chips(chip_source, featurizer, source_name)
    order = pov.read_order(order_path, list(chips))
    feedback.info(
        tr("{0} chips in {1} clusters; order: ").format(sum(map(len, chips.values())), len(chips))
        + " < ".join("=".join(g) for g in order.groups)
    )
    feats, clusters, is_test = _featurize_clusters(chips, load, featurizer, holdout, seed, feedback)
    feedback.progress(75.0)
    fit = _fit_ranking(feats, clusters, is_test, order, list(chips), alpha, feedback)
    feedback.progress(90.0)
    card = _ranking_card(featurizer, fit, source_name, order_path, model_out, chip_ground_m, holdout, seed, alpha)
    proto = pov.append_linear_head(
        _featurizer_proto(featurizer),
        featurizer.card.outputs[0].name,
        fit.w,
        0.0,
        ("sigmoid", fit.centre, fit.width),
        card,
    )
    _save_model(proto, model_out)
    body = _ranking_report_body(fit, order, featurizer, source_name, order_path, holdout, seed, alpha)
    body += f"{time.perf_counter() - start:.1f} s.</p>"
    _write_text(report_out, _html("Partial-order ranking model", body))
    feedback.progress(100.0)
    trained, te = ~fit.is_test, fit.is_test
    return RankingResult(
        fit.g_tau,
        fit.g_rho,
        fit.means,
        dict(order.levels),
        int(trained.sum()),
        int(te.sum()),
        model_out,
        report_out,
        fit.tau,
        fit.rho,
        fit.g_rows,
    )


def _ranking_chips(chip_source, featurizer: LoadedModel, source_name: str | None):
    """{cluster id: [items]}, a function reading one item as a raw chip (or None), the source's name."""
    spec = featurizer.card.inputs[0]
    px = featurizer.card.tiling.tile_size
    if isinstance(chip_source, str):

        def load(item):
            return pov.read_chip(item, px, len(spec.bands))

        return pov.list_cluster_chips(chip_source), load, source_name or chip_source

    def call(item):
        return item()

    return {str(k): list(v) for k, v in chip_source.items()}, call, source_name or "chips cut from a raster"


def _featurize_clusters(chips: dict, load, featurizer: LoadedModel, holdout: float, seed: int, feedback: Feedback):
    """Features of every chip, its cluster, and whether it is one of its cluster's held-out chips.

    The held-out chips are a seeded share ``holdout`` of every cluster, at least one chip on each
    side.
    """
    feats, buffer, clusters, is_test = [], [], [], []
    skipped = 0
    done = 0
    total = sum(map(len, chips.values()))
    for k, (cid, items) in enumerate(chips.items()):
        if len(items) < 2:
            raise EngineError(
                tr("cluster '{cid}' has {0} chip; at least 2 are needed (one to train, one to test)").format(
                    len(items), cid=cid
                )
            )
        _, test = pov.split_chips(len(items), seed + k, (1.0 - holdout, holdout))
        if len(test) == 0:
            test = np.array([len(items) - 1])
        test = set(test.tolist())
        kept = 0
        for i, item in enumerate(items):
            if feedback.is_cancelled():
                raise Cancelled(tr("cancelled by the user; no model was written"))
            raw = load(item)
            done += 1
            if raw is None:
                skipped += 1
                continue
            buffer.append(raw)
            clusters.append(cid)
            is_test.append(i in test)
            kept += 1
            # Featurize in batches while reading, so memory holds features, not chips.
            if len(buffer) == 256:
                feats.append(featurize(featurizer, np.stack(buffer)))
                buffer = []
        if kept < 2:
            raise EngineError(
                tr("cluster '{cid}' has {kept} chip(s) with enough valid imagery; at least 2 are needed").format(
                    cid=cid, kept=kept
                )
            )
        # Skipped chips must not leave a cluster without a training or a held-out chip.
        mine = is_test[-kept:]
        if not any(mine):
            is_test[-1] = True
        elif all(mine):
            is_test[-kept] = False
        feedback.progress(75.0 * done / total)
    if buffer:
        feats.append(featurize(featurizer, np.stack(buffer)))
    if skipped:
        feedback.warning(tr("{skipped} chip(s) with too little valid imagery were left out").format(skipped=skipped))
    is_test = np.array(is_test)
    if not is_test.any() or is_test.all():
        raise EngineError(tr("the hold-out split left no training or no test chips; add chips or change HOLDOUT"))
    return np.concatenate(feats), np.array(clusters), is_test


@dataclass
class _RankingFit:
    """The ranking head and its figures (see train_ranking)."""

    w: np.ndarray
    centre: float
    width: float
    clusters: np.ndarray
    is_test: np.ndarray
    ids: list
    means: dict  # per cluster: mean score of its held-out chips
    train_means: dict
    tau: float  # same clusters (optimistic)
    rho: float
    tau_train: float
    g_rho: float  # leave-cluster-out
    g_tau: float
    g_rows: list


def _fit_ranking(feats, clusters, is_test, order, ids: list, alpha: float, feedback: Feedback) -> _RankingFit:
    """The linear ranking head on the training chips, squashed around their scores.

    With the held-out figures of the same clusters and the leave-cluster-out ones.
    """
    levels = np.array([order.levels[c] for c in clusters], dtype=np.float64)
    trained, te = ~is_test, is_test
    if len(set(levels[trained])) < 2:
        raise EngineError(tr("the order puts every cluster on one level; nothing to rank"))
    w, _ = pov.rank_fit(feats[trained], levels[trained], alpha)
    raw_train = feats[trained] @ w
    centre = float(np.median(raw_train))
    width = float(raw_train.std()) or 1.0
    score = 1.0 / (1.0 + np.exp(-(feats @ w - centre) / width))
    means = {c: float(score[te & (clusters == c)].mean()) for c in ids}
    tau = pov.kendall_tau([means[c] for c in ids], [order.levels[c] for c in ids])
    rho = pov.spearman(score[te], levels[te])
    train_means = {c: float(score[trained & (clusters == c)].mean()) for c in ids}
    tau_train = pov.kendall_tau([train_means[c] for c in ids], [order.levels[c] for c in ids])
    feedback.info(
        tr(
            "Held-out chips of the training clusters ({0}): Kendall tau of cluster means vs "
            "the order {tau:.3f}, Spearman chip score vs level {rho:.3f} (training chips: "
            "tau {tau_train:.3f}); these clusters were also trained on, so the figures are "
            "optimistic"
        ).format(int(te.sum()), tau=tau, rho=rho, tau_train=tau_train)
    )
    # The honest figure: whole clusters held out, as a new place would be.
    g_rho, g_tau, g_rows = grouped_evaluation(feats, clusters, levels, order, alpha)
    if g_rows:
        feedback.info(
            tr(
                "Leave-cluster-out ({0} folds of whole clusters): Spearman chip score vs level "
                "{g_rho:.3f}, Kendall tau {g_tau:.3f} (mean over folds; "
            ).format(len(g_rows), g_rho=g_rho, g_tau=g_tau)
            + ", ".join(f"{r[1]:.2f}" for r in g_rows)
            + ")"
        )
    else:
        feedback.warning(
            tr(
                "too few clusters for a leave-cluster-out figure (each fold of held-out clusters "
                "and the rest must span two levels of the order; give 4 or more clusters on 2 or "
                "more levels): KENDALL_TAU and SPEARMAN are NaN; only the optimistic "
                "held-out-chip figures are available"
            )
        )
    return _RankingFit(
        w, centre, width, clusters, is_test, ids, means, train_means, tau, rho, tau_train, g_rho, g_tau, g_rows
    )


def _ranking_metrics(fit: _RankingFit) -> list[dict]:
    n_test = int(fit.is_test.sum())
    grouped = f"{len(fit.g_rows)} folds of whole clusters held out, mean over folds"
    metrics = []
    if fit.g_rows:
        metrics += [
            {"name": "leave-cluster-out Spearman (chip score vs level)", "value": round(fit.g_rho, 4), "data": grouped},
            {
                "name": "leave-cluster-out Kendall tau (chip score vs level)",
                "value": round(fit.g_tau, 4),
                "data": grouped,
            },
        ]
    return metrics + [
        {
            "name": "same clusters: Kendall tau (held-out cluster means vs order)",
            "value": round(fit.tau, 4),
            "data": f"{n_test} held-out chips of the training clusters (optimistic)",
        },
        {
            "name": "same clusters: Spearman (held-out chip score vs level)",
            "value": round(fit.rho, 4),
            "data": f"{n_test} held-out chips of the training clusters (optimistic)",
        },
    ]


def _ranking_card(
    featurizer, fit: _RankingFit, source_name, order_path, model_out, chip_ground_m, holdout, seed, alpha
):
    px = featurizer.card.tiling.tile_size
    fextra = featurizer.card.extra or {}
    return {
        "card_version": 1,
        "name": os.path.splitext(os.path.basename(model_out))[0],
        "title": f"Development score from a partial order ({os.path.basename(source_name.rstrip(os.sep))})",
        "version": "1.0.0",
        "task": "poverty",
        "license": "as the training chips allow",
        "citation": "Han, S. et al. (2020) Learning to score economic development from satellite imagery, KDD "
        "(siScore); Ahn, D. et al. (2023) Nat. Commun. 14, 6811; features: " + featurizer.card.citation,
        "data": f"{len(fit.clusters)} chips in {len(fit.ids)} clusters from {source_name}; order {order_path}; "
        f"{int((~fit.is_test).sum())} chips trained, {int(fit.is_test.sum())} held out (seed {seed}).",
        "caveats": "A relative development score in [0, 1] learnt from an expert ordering of clusters: not money. "
        "Valid for imagery like the training chips (sensor, rendering, season, region).",
        "description": f"Featurizer '{featurizer.card.name}' + linear ranking head (logistic pair loss, "
        f"L2 {alpha:g}), sigmoid((s - {fit.centre:.4g}) / {fit.width:.4g}).",
        "model_type": "chip",
        "inputs": [_input_card(featurizer)],
        "tiling": {"tile_size": px, "overlap": 0, "merge": "none"},
        "outputs": [{"name": "score", "kind": "score", "units": "relative development (0-1)", "nodata": -9999.0}],
        "metrics": _ranking_metrics(fit),
        "extra": {
            "featurizer": fextra.get("featurizer", featurizer.card.name),
            "featurizer_model": featurizer.card.name,
            "chip_px": px,
            **({"chip_ground_m": float(chip_ground_m)} if chip_ground_m else {}),
            **_rendering_extra(featurizer),
            "training": {"method": "linear ranking (RankNet loss)", "alpha": alpha, "holdout": holdout, "seed": seed},
        },
    }


def _ranking_report_body(fit: _RankingFit, order, featurizer, source_name, order_path, holdout, seed, alpha) -> str:
    """The HTML report's body, up to the run time (which the caller appends, then closes the paragraph)."""
    means, te, clusters, g_rows = fit.means, fit.is_test, fit.clusters, fit.g_rows
    order_ids = sorted(fit.ids, key=lambda c: (order.levels[c], means[c]))
    rows = "".join(
        f"<tr><td>{html.escape(c)}</td><td>{order.levels[c]}</td><td>{means[c]:.3f}</td>"
        f"<td>{fit.train_means[c]:.3f}</td><td>{int((te & (clusters == c)).sum())}</td></tr>"
        for c in order_ids
    )
    return (
        f"<p>Chips: <code>{html.escape(source_name)}</code>; order: <code>{html.escape(order_path)}</code>; "
        f"featurizer: {html.escape(featurizer.card.title)} ({html.escape(featurizer.card.name)}).</p>"
        + (
            f"<p><b>Leave-cluster-out</b> (how the score does on places it never saw): the clusters dealt by "
            f"level into {len(g_rows)} folds; the scorer retrained without each fold ranks the fold's chips. "
            f"Spearman between chip scores and their cluster's level <b>{fit.g_rho:.3f}</b>, Kendall tau "
            f"<b>{fit.g_tau:.3f}</b> (mean over folds). Folds: "
            + "; ".join(f"{html.escape(', '.join(r[0]))}: {r[1]:.3f}" for r in g_rows)
            + ".</p>"
            if g_rows
            else "<p><b>Leave-cluster-out</b>: not possible, too few clusters (each fold of held-out clusters "
            "and the rest must span two levels). The figures below are optimistic.</p>"
        )
        + f"<p><b>Held-out chips of the training clusters</b> ({int(te.sum())}, {holdout:.0%} of every cluster, "
        f"seed {seed}; optimistic, since the same clusters were trained on): "
        f"Kendall's tau between cluster mean scores and the order's levels <b>{fit.tau:.3f}</b>; Spearman between "
        f"chip scores and their cluster's level <b>{fit.rho:.3f}</b>. Training chips: tau {fit.tau_train:.3f}.</p>"
        f"<p>Order (least to most developed): {' &lt; '.join(html.escape('='.join(g)) for g in order.groups)}</p>"
        + svg_bars(order_ids, [means[c] for c in order_ids], [order.levels[c] for c in order_ids])
        + "<table><tr><th>cluster</th><th>level</th><th>mean score, held out</th><th>mean score, trained</th>"
        f"<th>held-out chips</th></tr>{rows}</table>"
        f"<p>Method: features of every chip from the featurizer; a linear scorer trained with the logistic "
        f"loss on all pairs of training chips from clusters on different levels (Han et al. 2020), L2 penalty "
        f"{alpha:g}; the score is sigmoid((s - median) / sd) of the training scores, in [0, 1]. "
    )


# --- survey ---------------------------------------------------------------------------------


@dataclass
class SurveyPoint:
    """One survey point: its key, position in the metric CRS and label (None: unlabelled)."""

    key: object
    x: float  # metric CRS
    y: float
    label: float | None


@dataclass
class SurveyResult:
    """What ``train_survey`` measured: cross-validated R2 and Spearman, the penalty, points used."""

    r2: float
    spearman: float
    alpha: float
    used: int
    dropped: dict[str, list] = field(default_factory=dict)
    predictions: list[float] = field(default_factory=list)
    labels: list[float] = field(default_factory=list)
    model_path: str = ""
    report_path: str = ""


def displacement_offsets(displacement_m: float) -> list[tuple[float, float]]:
    """Chip centres relative to a point: the point itself, plus a ring where points are displaced.

    Where survey points are displaced on purpose (DHS moves urban clusters up to 2 km, rural up to
    5 km), 8 chips on a ring at half the maximum displacement are added, so the features are
    averaged over where the cluster can truly be.

    Args:
        displacement_m: the largest displacement, metres; 0 or None for none.

    Returns:
        list[tuple[float, float]]: (dx, dy) offsets in metres, (0, 0) first.
    """
    if not displacement_m or displacement_m <= 0:
        return [(0.0, 0.0)]
    r = displacement_m / 2.0
    return [(0.0, 0.0)] + [(r * math.cos(a), r * math.sin(a)) for a in np.arange(8) * math.pi / 4]


def train_survey(
    reader,
    points: list[SurveyPoint],
    featurizer: LoadedModel,
    model_out: str,
    report_out: str,
    label_name: str,
    chip_ground_m: float,
    folds: int = 5,
    displacement_m: float = 0.0,
    min_valid_share: float = 0.5,
    alphas=DEFAULT_ALPHAS,
    seed: int = 0,
    raster_name: str = "",
    feedback: Feedback | None = None,
) -> SurveyResult:
    """Train a poverty score from survey points with labels (ridge on chip features, k-fold CV).

    ``reader``: a poverty_grid.ChipReader over the imagery, in the metric CRS of the points.

    Args:
        reader: see above.
        points: the survey points.
        featurizer: the chip featurizer the ridge head is added to.
        model_out: the new .onnx model.
        report_out: the HTML report.
        label_name: the label's name, for the card and report.
        chip_ground_m: chip footprint, metres.
        folds: cross-validation folds (at least 2).
        displacement_m: the points' deliberate displacement, metres (0: none).
        min_valid_share: chips with less valid imagery are dropped.
        alphas: ridge penalties tried.
        seed: random seed.
        raster_name: the imagery's name, for the card and report.
        feedback: progress, cancel and messages.

    Returns:
        SurveyResult: the cross-validated figures and what was used or dropped.

    Raises:
        EngineError: not a featurizer, an unwritable output, FOLDS below 2, too few usable
            points, or one label value only.
        Cancelled: the user cancelled (no model is written).
    """
    feedback = feedback or Feedback()
    check_featurizer(featurizer)
    check_output_writable(model_out)
    check_output_writable(report_out)
    if folds < 2:
        raise EngineError(tr("FOLDS must be at least 2, got {folds}").format(folds=folds))
    start = time.perf_counter()
    feats, labels, dropped = _survey_features(reader, points, featurizer, displacement_m, min_valid_share, feedback)
    used = len(labels)
    if used < max(folds, 10):
        reasons = "; ".join(f"{k}: {len(v)}" for k, v in dropped.items()) or "none dropped"
        raise EngineError(
            tr(
                "only {used} survey points are usable ({reasons}); at least {0} are needed for "
                "{folds}-fold cross-validation"
            ).format(max(folds, 10), used=used, reasons=reasons, folds=folds)
        )
    f = np.stack(feats)
    y = np.array(labels)
    if float(y.std()) == 0.0:
        raise EngineError(
            tr("every usable point has the same {label_name} ({0}); nothing to learn").format(
                y[0], label_name=label_name
            )
        )
    alpha, oof, curve = pov.ridge_cv(f, y, alphas, folds, seed)
    r2 = pov.r2_score(y, oof)
    rho = pov.spearman(oof, y)
    w, b = pov.ridge_fit(f, y, alpha)
    feedback.info(
        tr(
            "{used} points used, {0} dropped; ridge alpha {alpha:.3g} chosen by {folds}-fold "
            "CV: r2 {r2:.3f}, Spearman {rho:.3f}"
        ).format(sum(map(len, dropped.values())), used=used, alpha=alpha, folds=folds, r2=r2, rho=rho)
    )
    if alpha in (min(alphas), max(alphas)):
        feedback.warning(tr("the chosen alpha {alpha:.3g} is at the edge of the searched range").format(alpha=alpha))

    fit = {"alpha": alpha, "r2": r2, "rho": rho, "used": used, "folds": folds}
    card = _survey_card(featurizer, fit, model_out, label_name, chip_ground_m, displacement_m, raster_name)
    proto = pov.append_linear_head(_featurizer_proto(featurizer), featurizer.card.outputs[0].name, w, b, None, card)
    _save_model(proto, model_out)
    body = _survey_report_body(fit, featurizer, dropped, curve, y, oof, label_name, chip_ground_m, displacement_m)
    body = f"<p>Imagery: {html.escape(raster_name)}; " + body + f"<p>{time.perf_counter() - start:.1f} s.</p>"
    _write_text(report_out, _html(f"Survey model: {label_name}", body))
    feedback.progress(100.0)
    return SurveyResult(r2, rho, alpha, used, dropped, oof.tolist(), y.tolist(), model_out, report_out)


def _survey_features(reader, points, featurizer, displacement_m: float, min_valid_share: float, feedback):
    """Features of every usable point (the mean over its chips), labels, dropped points.

    A point's features are the mean over its displacement chips; points left out are listed
    by reason.
    """
    dropped: dict[str, list] = {}
    offsets = displacement_offsets(displacement_m)
    feats, labels = [], []
    for n, pt in enumerate(points):
        if feedback.is_cancelled():
            raise Cancelled(tr("cancelled by the user; no model was written"))
        if pt.label is None or not math.isfinite(pt.label):
            dropped.setdefault("no numeric label", []).append(pt.key)
            continue
        if not (math.isfinite(pt.x) and math.isfinite(pt.y)):
            dropped.setdefault("no geometry", []).append(pt.key)
            continue
        chips, shares = [], []
        for dx, dy in offsets:
            a, s = reader.read(pt.x + dx, pt.y + dy)
            if s >= min_valid_share:
                chips.append(a)
            shares.append(s)
        if max(shares) == 0:
            dropped.setdefault("outside the imagery", []).append(pt.key)
            continue
        if not chips:
            dropped.setdefault(f"less than {min_valid_share:.0%} valid pixels in its chip(s)", []).append(pt.key)
            continue
        feats.append(featurize(featurizer, np.stack(chips)).mean(axis=0))
        labels.append(float(pt.label))
        feedback.progress(70.0 * (n + 1) / len(points))
    return feats, labels, dropped


def _survey_card(featurizer, fit: dict, model_out, label_name, chip_ground_m, displacement_m, raster_name) -> dict:
    alpha, r2, rho, used, folds = fit["alpha"], fit["r2"], fit["rho"], fit["used"], fit["folds"]
    return {
        "card_version": 1,
        "name": os.path.splitext(os.path.basename(model_out))[0],
        "title": f"{label_name} from imagery (ridge on {featurizer.card.name})",
        "version": "1.0.0",
        "task": "poverty",
        "license": "as the survey and imagery allow",
        "citation": "Jean, N. et al. (2016) Combining satellite imagery and machine learning to predict poverty. "
        "Science 353, 790-794; features: " + featurizer.card.citation,
        "data": f"{used} survey points of {raster_name or 'the input raster'}, label '{label_name}', chips of "
        f"{chip_ground_m:g} m.",
        "caveats": "Predicts the survey label in its own units for imagery like the training raster; "
        "cross-validated figures below, spatial autocorrelation can make them optimistic.",
        "description": f"Featurizer '{featurizer.card.name}' + ridge regression (alpha {alpha:.4g}, chosen by "
        f"{folds}-fold CV).",
        "model_type": "chip",
        "inputs": [_input_card(featurizer)],
        "tiling": {"tile_size": featurizer.card.tiling.tile_size, "overlap": 0, "merge": "none"},
        "outputs": [{"name": "score", "kind": "value", "units": label_name, "nodata": -9999.0}],
        "metrics": [
            {"name": "cross-validated r2", "value": round(r2, 4), "data": f"{used} points, {folds} folds"},
            {"name": "cross-validated Spearman", "value": round(rho, 4), "data": f"{used} points, {folds} folds"},
        ],
        "extra": {
            "featurizer_model": featurizer.card.name,
            "chip_px": featurizer.card.tiling.tile_size,
            "chip_ground_m": float(chip_ground_m),
            "label": label_name,
            "ridge_alpha": alpha,
            "displacement_m": displacement_m,
            **_rendering_extra(featurizer),
        },
    }


def _survey_report_body(fit, featurizer, dropped, curve, y, oof, label_name, chip_ground_m, displacement_m) -> str:
    """The report's body after its opening "Imagery: ..." and before the run time."""
    alpha, r2, rho, used, folds = fit["alpha"], fit["r2"], fit["rho"], fit["used"], fit["folds"]
    drop_rows = (
        "".join(
            f"<tr><td style='text-align:left'>{html.escape(k)}</td><td>{len(v)}</td>"
            f"<td style='text-align:left'>{html.escape(', '.join(map(str, v[:30])))}"
            f"{' ...' if len(v) > 30 else ''}</td></tr>"
            for k, v in dropped.items()
        )
        or "<tr><td colspan='3'>none</td></tr>"
    )
    curve_rows = "".join(
        f"<tr><td>{a:.3g}</td><td>{s:.3f}</td><td>{'chosen' if a == alpha else ''}</td></tr>" for a, s in curve.items()
    )
    disp = (
        f"Survey locations may be displaced by up to {displacement_m:g} m: the features of each point are the mean "
        f"of 9 chips, one on the point and 8 on a ring of {displacement_m / 2:g} m around it."
        if displacement_m > 0
        else "DISPLACEMENT 0: one chip centred on each point (use it for exact locations)."
    )
    return (
        f"label: <b>{html.escape(label_name)}</b>; featurizer: "
        f"{html.escape(featurizer.card.title)}; chips {chip_ground_m:g} m at {featurizer.card.tiling.tile_size} px.</p>"
        f"<p><b>Cross-validated</b> ({folds} folds, out-of-fold predictions): r&sup2; <b>{r2:.3f}</b>, "
        f"Spearman <b>{rho:.3f}</b>. Regularisation: ridge alpha <b>{alpha:.4g}</b> (on standardised features), "
        f"the best of {len(curve)} values by CV r&sup2;.</p>"
        f"<p>Points: <b>{used} used</b>, {sum(map(len, dropped.values()))} dropped.</p>"
        f"<table><tr><th>dropped because</th><th>points</th><th>ids</th></tr>{drop_rows}</table>"
        f"<p>{html.escape(disp)}</p>"
        + svg_scatter(y, oof, f"observed {label_name}", "predicted (out of fold)")
        + f"<h2>Regularisation path</h2><table><tr><th>alpha</th><th>CV r&sup2;</th><th></th></tr>{curve_rows}</table>"
    )
