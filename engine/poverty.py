"""Poverty / economic-development models: partial orders, rank statistics, MOSAIKS features, linear heads.

Random convolutional features (MOSAIKS) and linear heads, all with numpy + onnx (no torch).

Methods:
- Random convolutional features: Rolf et al. (2021) "A generalizable and accessible
  approach to machine learning with global satellite imagery", Nat. Commun. 12, 4392.
  Filters are random patches (or seeded Gaussian filters where no imagery is at
  hand), features are ReLU(conv - bias) and ReLU(-conv - bias) averaged over the chip.
- Partial order graph of clusters (POG) and a score that respects it: Han et al. (2020)
  "Learning to score economic development from satellite imagery", KDD (siScore);
  Ahn et al. (2023) Nat. Commun. 14, 2136 (North Korea).
- Survey regression: ridge regression on image features with cross-validated
  regularisation, as in Jean et al. (2016) Science 353, 790-794.
"""

from __future__ import annotations

import math
import os
import re
import warnings
from dataclasses import dataclass, field

import numpy as np

from .errors import EngineError
from .i18n import tr

# --- partial order graph -------------------------------------------------------------------


class OrderError(EngineError):
    """A partial order file that cannot be used (syntax, unknown cluster, cycle)."""


@dataclass
class PartialOrder:
    """Clusters ordered from least to most developed; tied clusters share a level."""

    clusters: list[str]
    groups: list[list[str]]  # tie groups, in topological order (least developed first)
    edges: list[tuple[int, int]]  # (less, more) between group indices
    levels: dict[str, int] = field(default_factory=dict)  # cluster -> longest-path level (0 = least)

    @property
    def n_levels(self) -> int:
        """Number of levels of the order (0 when empty)."""
        return max(self.levels.values()) + 1 if self.levels else 0

    def pairs(self) -> list[tuple[str, str]]:
        """Every (less, more) pair of clusters implied by the order (transitive closure)."""
        n = len(self.groups)
        reach = np.zeros((n, n), dtype=bool)
        for a, b in self.edges:
            reach[a, b] = True
        for k in range(n):
            reach |= reach[:, k : k + 1] & reach[k : k + 1, :]
        out = []
        for a in range(n):
            for b in range(n):
                if reach[a, b]:
                    out.extend((x, y) for x in self.groups[a] for y in self.groups[b])
        return out


_TOKEN = re.compile(r"^[A-Za-z0-9_.\-]+$")


def parse_order(text: str, known: list[str] | None = None, origin: str = "order") -> PartialOrder:
    """Parse ``a<b`` and ``a=b=c`` lines (``a>b`` is read as ``b<a``; ``#`` starts a comment).

    ``known``: the cluster ids that exist (folder names); an id outside them is an error,
    and so is a cluster of ``known`` that the order never mentions.

    Args:
        text: the order's text.
        known: the cluster ids that exist, or None (any id).
        origin: the file's name, which starts every error message.

    Returns:
        PartialOrder: the clusters grouped into levels, lowest first.

    Raises:
        OrderError: a line that is not a relation, an unknown or unmentioned cluster, no
            relation at all, or a cycle.
    """
    parser = _OrderParser(known, origin)
    for lineno, raw in enumerate(text.splitlines(), start=1):
        parser.line(raw, lineno)
    parser.check_complete()
    return parser.levels()


class _OrderParser:
    """Union-find over tied clusters plus the '<' relations between them, built line by line."""

    def __init__(self, known: list[str] | None, origin: str):
        self.known = known
        self.origin = origin
        self.parent: dict[str, str] = {}
        self.less: list[tuple[str, str, int]] = []

    def find(self, x: str) -> str:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def add(self, x: str, lineno: int) -> None:
        origin, known = self.origin, self.known
        if not _TOKEN.match(x):
            raise OrderError(
                tr("{origin} line {lineno}: '{x}' is not a cluster id").format(origin=origin, lineno=lineno, x=x)
            )
        if known is not None and x not in known:
            names = ", ".join(sorted(known, key=natural_key))
            raise OrderError(
                tr("{origin} line {lineno}: unknown cluster id '{x}' (the clusters are {names})").format(
                    origin=origin, lineno=lineno, x=x, names=names
                )
            )
        self.parent.setdefault(x, x)

    def line(self, raw: str, lineno: int) -> None:
        origin = self.origin
        line = raw.split("#", 1)[0].strip().replace(" ", "")
        if not line:
            return
        if "=" in line and ("<" in line or ">" in line):
            raise OrderError(
                tr("{origin} line {lineno}: '{0}' mixes '=' with '<'/'>'; one relation per line").format(
                    raw.strip(), origin=origin, lineno=lineno
                )
            )
        if "=" in line:
            self._ties(line, raw, lineno)
        else:
            self._relations(line, raw, lineno)

    def _ties(self, line: str, raw: str, lineno: int) -> None:
        parts = line.split("=")
        if len(parts) < 2 or any(not p for p in parts):
            raise OrderError(
                tr("{origin} line {lineno}: '{0}' is not of the form a=b=c").format(
                    raw.strip(), origin=self.origin, lineno=lineno
                )
            )
        for p in parts:
            self.add(p, lineno)
        for p in parts[1:]:
            self.parent[self.find(p)] = self.find(parts[0])

    def _relations(self, line: str, raw: str, lineno: int) -> None:
        origin = self.origin
        op = "<" if "<" in line else ">" if ">" in line else None
        parts = line.split(op) if op else [line]
        if op is None or len(parts) < 2 or any(not p for p in parts):
            raise OrderError(
                tr("{origin} line {lineno}: '{0}' is not a relation (expected a<b, a>b or a=b=c)").format(
                    raw.strip(), origin=origin, lineno=lineno
                )
            )
        if op == ">":
            parts = parts[::-1]
        for p in parts:
            self.add(p, lineno)
        for a, b in zip(parts, parts[1:]):
            if a == b:
                raise OrderError(
                    tr("{origin} line {lineno}: '{a}<{a}' puts a cluster below itself").format(
                        origin=origin, lineno=lineno, a=a
                    )
                )
            self.less.append((a, b, lineno))

    def check_complete(self) -> None:
        origin, known = self.origin, self.known
        if not self.parent:
            raise OrderError(tr("{origin}: holds no relations").format(origin=origin))
        if known is not None:
            missing = [k for k in known if k not in self.parent]
            if missing:
                raise OrderError(
                    tr("{origin}: cluster(s) {0} have chips but appear in no relation").format(
                        ", ".join(sorted(missing, key=natural_key)), origin=origin
                    )
                )

    def levels(self) -> PartialOrder:
        origin, parent, find = self.origin, self.parent, self.find
        roots = sorted({find(x) for x in parent}, key=natural_key)
        index = {r: i for i, r in enumerate(roots)}
        members = [sorted([x for x in parent if find(x) == r], key=natural_key) for r in roots]
        edges = set()
        for a, b, lineno in self.less:
            ga, gb = index[find(a)], index[find(b)]
            if ga == gb:
                raise OrderError(
                    tr(
                        "{origin} line {lineno}: '{a}<{b}' contradicts the ties, which put {a} and {b} "
                        "on one level (a cycle)"
                    ).format(origin=origin, lineno=lineno, a=a, b=b)
                )
            edges.add((ga, gb))
        order, level = _topological_levels(len(roots), edges, members, origin)
        remap = {g: k for k, g in enumerate(order)}
        return PartialOrder(
            clusters=sorted(parent, key=natural_key),
            groups=[members[g] for g in order],
            edges=sorted((remap[a], remap[b]) for a, b in edges),
            levels={x: level[g] for g in range(len(roots)) for x in members[g]},
        )


def _topological_levels(n: int, edges: set, members: list[list[str]], origin: str) -> tuple[list[int], list[int]]:
    # Kahn's algorithm; what is left over sits on a cycle.
    indeg = [0] * n
    succ: list[list[int]] = [[] for _ in range(n)]
    for a, b in edges:
        succ[a].append(b)
        indeg[b] += 1
    level = [0] * n
    queue = [i for i in range(n) if indeg[i] == 0]
    order = []
    while queue:
        g = queue.pop(0)
        order.append(g)
        for h in succ[g]:
            level[h] = max(level[h], level[g] + 1)
            indeg[h] -= 1
            if indeg[h] == 0:
                queue.append(h)
    if len(order) != n:
        stuck = sorted({x for i in range(n) if indeg[i] > 0 for x in members[i]}, key=natural_key)
        raise OrderError(
            tr("{origin}: the order has a cycle through cluster(s) {0}").format(", ".join(stuck), origin=origin)
        )
    return order, level


def read_order(path: str, known: list[str] | None = None) -> PartialOrder:
    """Read a partial order of clusters from a file (``parse_order``'s format).

    Args:
        path: the order file.
        known: the cluster names that exist, or None (any name).

    Returns:
        PartialOrder: the order.

    Raises:
        OrderError: a missing file, or an order ``parse_order`` refuses.
    """
    if not os.path.isfile(path):
        raise OrderError(tr("order file not found: {path}").format(path=path))
    with open(path, encoding="utf-8") as f:
        return parse_order(f.read(), known, os.path.basename(path))


def natural_key(s: str) -> tuple:
    """Sort key that puts cluster ids in natural order (2 before 10; numbers before names).

    Args:
        s: a cluster id.

    Returns:
        tuple: the key.
    """
    return (0, int(s), "") if s.isdigit() else (1, 0, s)


# --- rank statistics ------------------------------------------------------------------------


def rankdata(x: np.ndarray) -> np.ndarray:
    """Average ranks (ties share the mean rank), 1-based.

    Args:
        x: the values, one-dimensional.
    """
    x = np.asarray(x, dtype=np.float64)
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(len(x), dtype=np.float64)
    sx = x[order]
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and sx[j + 1] == sx[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return ranks


def pearson(a, b) -> float:
    """Pearson correlation of two sequences (NaN where either is constant).

    Args:
        a: the first sequence.
        b: the second, as long as ``a``.
    """
    a = np.asarray(a, dtype=np.float64) - np.mean(a)
    b = np.asarray(b, dtype=np.float64) - np.mean(b)
    den = math.sqrt(float((a * a).sum() * (b * b).sum()))
    return float((a * b).sum() / den) if den > 0 else float("nan")


def spearman(a, b) -> float:
    """Spearman rank correlation of two sequences (ties get their mean rank).

    Args:
        a: the first sequence.
        b: the second, as long as ``a``.
    """
    return pearson(rankdata(a), rankdata(b))


def kendall_tau(a, b) -> float:
    """Kendall's tau-b (handles ties in either variable).

    Args:
        a: the first sequence.
        b: the second, as long as ``a``.

    Returns:
        float: tau-b, NaN where either sequence is constant.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    da = np.sign(a[:, None] - a[None, :])
    db = np.sign(b[:, None] - b[None, :])
    iu = np.triu_indices(len(a), 1)
    da, db = da[iu], db[iu]
    num = float((da * db).sum())
    den = math.sqrt(float((da != 0).sum()) * float((db != 0).sum()))
    return num / den if den > 0 else float("nan")


def r2_score(y, pred) -> float:
    """Coefficient of determination of predictions (NaN where ``y`` is constant).

    Args:
        y: the true values.
        pred: the predictions, one per value.
    """
    y = np.asarray(y, dtype=np.float64)
    ss_res = float(((y - pred) ** 2).sum())
    ss_tot = float(((y - y.mean()) ** 2).sum())
    return 1.0 - ss_res / ss_tot if ss_tot > 0 else float("nan")


# --- chips ----------------------------------------------------------------------------------

CHIP_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")


def list_cluster_chips(folder: str) -> dict[str, list[str]]:
    """``folder/<cluster id>/*.png|jpg|tif`` -> {cluster id: [chip paths]}.

    Args:
        folder: the chip folder, one subfolder per cluster.

    Raises:
        EngineError: the folder does not exist, or holds no cluster subfolder with chips.
    """
    if not os.path.isdir(folder):
        raise EngineError(tr("chip folder not found: {folder}").format(folder=folder))
    clusters = {}
    for name in sorted(os.listdir(folder), key=natural_key):
        sub = os.path.join(folder, name)
        if not os.path.isdir(sub):
            continue
        files = sorted(
            (os.path.join(sub, f) for f in os.listdir(sub) if f.lower().endswith(CHIP_SUFFIXES)),
            key=lambda p: natural_key(os.path.splitext(os.path.basename(p))[0]),
        )
        if files:
            clusters[name] = files
    if not clusters:
        raise EngineError(
            tr(
                "{folder} holds no cluster subfolders with chips (expected {folder}/<cluster id>/*.png, .jpg or .tif)"
            ).format(folder=folder)
        )
    return clusters


def read_chip(path: str, size: int, bands: int = 3) -> np.ndarray:
    """A chip file as float32 (bands, size, size), area-averaged to ``size`` px.

    Args:
        path: the chip file.
        size: the chip's side in pixels after resampling.
        bands: how many bands (the first ones) are read.

    Raises:
        EngineError: the file cannot be read, or has fewer than ``bands`` bands.
    """
    import rasterio
    from rasterio.enums import Resampling
    from rasterio.errors import NotGeoreferencedWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NotGeoreferencedWarning)
        try:
            with rasterio.open(path) as ds:
                if ds.count < bands:
                    raise EngineError(
                        tr("chip {path} has {ds_count} band(s); {bands} needed").format(
                            path=path, ds_count=ds.count, bands=bands
                        )
                    )
                return ds.read(
                    list(range(1, bands + 1)),
                    out_shape=(bands, size, size),
                    resampling=Resampling.average,
                    out_dtype="float32",
                )
        except rasterio.errors.RasterioIOError as exc:
            raise EngineError(tr("cannot read chip {path}: {exc}").format(path=path, exc=exc)) from exc


def split_chips(n: int, seed: int, shares: tuple[float, ...]) -> list[np.ndarray]:
    """A seeded split of range(n) into parts of the given shares (the last part takes the rest).

    Args:
        n: the number of items.
        seed: the random seed.
        shares: the share (0 to 1) of each part; the last one's value is not used.

    Returns:
        list[numpy.ndarray]: the sorted indices of each part.
    """
    perm = np.random.default_rng(seed).permutation(n)
    parts, start = [], 0
    for share in shares[:-1]:
        k = int(round(share * n))
        parts.append(np.sort(perm[start : start + k]))
        start += k
    parts.append(np.sort(perm[start:]))
    return parts


# --- colour statistics (baselines) --------------------------------------------------------


def colour_stats(chips: np.ndarray) -> dict[str, np.ndarray]:
    """Per-chip mean saturation, brightness and greenness of 8-bit RGB chips (N, 3, h, w).

    Args:
        chips: 8-bit RGB chips (N, 3, h, w).

    Returns:
        dict[str, numpy.ndarray]: statistic name -> one value per chip.
    """
    x = chips.astype(np.float64) / 255.0
    r, g, b = x[:, 0], x[:, 1], x[:, 2]
    mx = x.max(axis=1)
    mn = x.min(axis=1)
    sat = np.where(mx > 0, (mx - mn) / np.maximum(mx, 1e-9), 0.0)
    return {
        "mean saturation": sat.mean(axis=(1, 2)),
        "brightness": ((r + g + b) / 3.0).mean(axis=(1, 2)),
        "greenness": (g / np.maximum(r + g + b, 1e-9)).mean(axis=(1, 2)),
    }


# --- random convolutional features (MOSAIKS) ----------------------------------------------


@dataclass
class RandomFeatures:
    """Weights of a random convolutional featurizer (everything needed to rebuild its graph)."""

    filters: np.ndarray  # (K, C, k, k) float32
    bias: np.ndarray  # (K,) float32
    mean: list[float]  # per band, in model units after scale
    std: list[float]
    scale: float
    seed: int
    source: str  # how the filters were drawn

    @property
    def n_features(self) -> int:
        """Features per chip: two (positive and negative parts) per filter."""
        return 2 * self.filters.shape[0]


def patch_filters(images: np.ndarray, n_filters: int, size: int, seed: int, mean, std) -> np.ndarray:
    """MOSAIKS filters: random ``size`` x ``size`` patches of the (standardised) images.

    Each patch has its mean removed and is scaled to unit norm.

    Args:
        images: the images (N, C, H, W) in model units.
        n_filters: the number of filters.
        size: the filters' side, pixels.
        seed: the random seed.
        mean: per-band mean used to standardise the patches.
        std: per-band standard deviation used to standardise the patches.

    Returns:
        numpy.ndarray: float32 filters (n_filters, C, size, size).
    """
    rng = np.random.default_rng(seed)
    n, c, h, w = images.shape
    idx = rng.integers(0, n, n_filters)
    ys = rng.integers(0, h - size + 1, n_filters)
    xs = rng.integers(0, w - size + 1, n_filters)
    m = np.asarray(mean, dtype=np.float32).reshape(c, 1, 1)
    s = np.asarray(std, dtype=np.float32).reshape(c, 1, 1)
    out = np.stack([(images[i, :, y : y + size, x : x + size] - m) / s for i, y, x in zip(idx, ys, xs)])
    out = out - out.mean(axis=(1, 2, 3), keepdims=True)
    norm = np.sqrt((out**2).sum(axis=(1, 2, 3), keepdims=True))
    return (out / np.maximum(norm, 1e-6)).astype(np.float32)


def gaussian_filters(n_filters: int, bands: int, size: int, seed: int) -> np.ndarray:
    """Seeded Gaussian filters (used where no imagery is at hand, e.g. multispectral).

    Args:
        n_filters: the number of filters.
        bands: the number of bands (filter channels).
        size: the filters' side, pixels.
        seed: the random seed.

    Returns:
        numpy.ndarray: float32 filters (n_filters, bands, size, size), zero mean, unit norm.
    """
    rng = np.random.default_rng(seed)
    out = rng.standard_normal((n_filters, bands, size, size)).astype(np.float32)
    out -= out.mean(axis=(1, 2, 3), keepdims=True)
    return out / np.sqrt((out**2).sum(axis=(1, 2, 3), keepdims=True))


def featurizer_nodes(rf: RandomFeatures, input_name: str, output_name: str, prefix: str = "rf"):
    """ONNX nodes + initialisers: standardise, conv, ReLU of both signs minus bias, global average.

    Args:
        rf: the random features (filters, bias, mean, std).
        input_name: the graph tensor the nodes read, (N, C, H, W) in model units.
        output_name: the tensor the nodes write, (N, 2K) features.
        prefix: prefix of the nodes' intermediate tensor and initialiser names.

    Returns:
        tuple: the list of ONNX nodes and the list of initialisers.
    """
    from onnx import helper, numpy_helper

    c = rf.filters.shape[1]
    k = rf.filters.shape[2]
    inits = [
        numpy_helper.from_array(np.asarray(rf.mean, np.float32).reshape(1, c, 1, 1), f"{prefix}_mean"),
        numpy_helper.from_array(np.asarray(rf.std, np.float32).reshape(1, c, 1, 1), f"{prefix}_std"),
        numpy_helper.from_array(np.concatenate([rf.filters, -rf.filters]).astype(np.float32), f"{prefix}_w2"),
        numpy_helper.from_array(-np.concatenate([rf.bias, rf.bias]).astype(np.float32), f"{prefix}_b2"),
    ]
    nodes = [
        helper.make_node("Sub", [input_name, f"{prefix}_mean"], [f"{prefix}_c"]),
        helper.make_node("Div", [f"{prefix}_c", f"{prefix}_std"], [f"{prefix}_z"]),
        # One convolution with the filters and their negatives gives both signs at once.
        helper.make_node(
            "Conv", [f"{prefix}_z", f"{prefix}_w2", f"{prefix}_b2"], [f"{prefix}_conv"], kernel_shape=[k, k]
        ),
        helper.make_node("Relu", [f"{prefix}_conv"], [f"{prefix}_relu"]),
        helper.make_node("GlobalAveragePool", [f"{prefix}_relu"], [f"{prefix}_pool"]),
        helper.make_node("Flatten", [f"{prefix}_pool"], [output_name], axis=1),
    ]
    return nodes, inits


def features_numpy(rf: RandomFeatures, x: np.ndarray, batch: int = 64) -> np.ndarray:
    """The featurizer in numpy via onnxruntime on a throwaway graph (used by the trainers).

    Args:
        rf: the random features.
        x: the chips (N, C, chip, chip) in model units.
        batch: chips per onnxruntime run.

    Returns:
        numpy.ndarray: float32 features (N, 2K).
    """
    import onnxruntime as ort

    proto = featurizer_model(rf, bands=[f"b{i}" for i in range(rf.filters.shape[1])], chip_px=x.shape[-1], card=None)
    options = ort.SessionOptions()
    options.intra_op_num_threads = max(1, os.cpu_count() or 1)
    session = ort.InferenceSession(proto.SerializeToString(), options, providers=["CPUExecutionProvider"])
    out = []
    for k in range(0, len(x), batch):
        out.append(session.run(["features"], {"image": np.ascontiguousarray(x[k : k + batch], np.float32)})[0])
    return np.concatenate(out) if out else np.zeros((0, rf.n_features), np.float32)


OPSET = 17
IR_VERSION = 8


def featurizer_model(rf: RandomFeatures, bands: list[str], chip_px: int | None, card: dict | None):
    """A standalone featurizer ONNX model: (N, C, chip, chip) in model units -> (N, 2K) features.

    Args:
        rf: the random features.
        bands: the input's band names (only their number is used).
        chip_px: the chip's side in pixels, or None for a free height and width.
        card: the model card attached to the model, or None for none.

    Returns:
        onnx.ModelProto: the model, input "image", output "features".
    """
    from onnx import TensorProto, helper

    from .model import attach_card

    nodes, inits = featurizer_nodes(rf, "image", "features")
    graph = helper.make_graph(
        nodes,
        "random_features",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["N", len(bands), chip_px or "H", chip_px or "W"])],
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", rf.n_features])],
        initializer=inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="satimpact")
    model.ir_version = IR_VERSION
    if card is not None:
        attach_card(model, card)
    return model


def append_linear_head(featurizer_proto, feature_output: str, weights, bias: float, squash: tuple | None, card: dict):
    """Featurizer graph + linear head in one model: ``score = w . f + b``.

    Args:
        featurizer_proto: the featurizer model (copied, not changed).
        feature_output: the name of its features tensor.
        weights: the head's weights, one per feature.
        bias: the head's bias.
        squash: None (raw regression output), or ("sigmoid", centre, width) mapping the
            linear score to [0, 1] as sigmoid((s - centre) / width).
        card: the model card attached to the result.

    Returns:
        onnx.ModelProto: the model, output "score" (N, 1).
    """
    import copy

    from onnx import TensorProto, helper, numpy_helper

    from .model import attach_card

    proto = copy.deepcopy(featurizer_proto)
    g = proto.graph
    w = np.asarray(weights, np.float32).reshape(-1, 1)
    g.initializer.extend(
        [
            numpy_helper.from_array(w, "head_w"),
            numpy_helper.from_array(np.asarray([bias], np.float32), "head_b"),
        ]
    )
    g.node.extend(
        [
            helper.make_node("MatMul", [feature_output, "head_w"], ["head_mm"]),
            helper.make_node("Add", ["head_mm", "head_b"], ["head_lin" if squash else "score_2d"]),
        ]
    )
    if squash:
        _, centre, width = squash
        g.initializer.extend(
            [
                numpy_helper.from_array(np.asarray([centre], np.float32), "head_centre"),
                numpy_helper.from_array(np.asarray([width], np.float32), "head_width"),
            ]
        )
        g.node.extend(
            [
                helper.make_node("Sub", ["head_lin", "head_centre"], ["head_c"]),
                helper.make_node("Div", ["head_c", "head_width"], ["head_z"]),
                helper.make_node("Sigmoid", ["head_z"], ["score_2d"]),
            ]
        )
    g.node.append(helper.make_node("Flatten", ["score_2d"], ["score"], axis=1))
    del g.output[:]
    g.output.append(helper.make_tensor_value_info("score", TensorProto.FLOAT, ["N", 1]))
    attach_card(proto, card)
    return proto


# --- linear fits ------------------------------------------------------------------------------


def standardise_fit(f: np.ndarray):
    """Per-feature mean and standard deviation of (samples, features); constant features get 1.

    Args:
        f: the features (samples, features).

    Returns:
        tuple[numpy.ndarray, numpy.ndarray]: the means and standard deviations.
    """
    mu = f.mean(axis=0)
    sd = f.std(axis=0)
    sd[sd < 1e-8] = 1.0
    return mu, sd


def ridge_fit(f: np.ndarray, y: np.ndarray, alpha: float, penalty=None):
    """Ridge on standardised features; returns weights and bias on the raw features.

    Args:
        f: the features (samples, features).
        y: the targets, one per sample.
        alpha: the L2 penalty.
        penalty: optional, a callable taking the features' standard deviations and returning a
            further quadratic penalty (features x features) on the standardised weights.

    Returns:
        tuple[numpy.ndarray, float]: the weights and the bias.
    """
    mu, sd = standardise_fit(f)
    z = (f - mu) / sd
    ym = float(y.mean())
    a = z.T @ z + alpha * np.eye(z.shape[1])
    if penalty is not None:
        a = a + penalty(sd)
    beta = np.linalg.solve(a, z.T @ (y - ym))
    w = beta / sd
    return w, ym - float(mu @ w)


def kfold_indices(n: int, k: int, seed: int) -> list[np.ndarray]:
    """``k`` disjoint, sorted index folds covering ``n`` samples, shuffled by ``seed``.

    Args:
        n: the number of samples.
        k: the number of folds.
        seed: the random seed.
    """
    perm = np.random.default_rng(seed).permutation(n)
    return [np.sort(perm[i::k]) for i in range(k)]


def ridge_cv(f: np.ndarray, y: np.ndarray, alphas, folds: int, seed: int):
    """Choose the ridge penalty by k-fold CV (R2 of pooled out-of-fold predictions).

    Args:
        f: the features (samples, features).
        y: the targets, one per sample.
        alphas: the penalties tried.
        folds: the number of folds.
        seed: the seed of the folds.

    Returns:
        tuple: (alpha, out-of-fold predictions for that alpha, {alpha: r2}).
    """
    parts = kfold_indices(len(y), folds, seed)
    scores = {}
    best = None
    for alpha in alphas:
        pred = np.zeros(len(y))
        for test in parts:
            train = np.setdiff1d(np.arange(len(y)), test)
            w, b = ridge_fit(f[train], y[train], alpha)
            pred[test] = f[test] @ w + b
        r2 = r2_score(y, pred)
        scores[float(alpha)] = r2
        if best is None or r2 > best[1]:
            best = (float(alpha), r2, pred)
    return best[0], best[2], scores


def rank_fit(f: np.ndarray, levels: np.ndarray, alpha: float, iters: int = 300, seed: int = 0):
    """A linear ranking model fitted to every pair of chips from clusters on different levels.

    Logistic loss (RankNet with a linear scorer, full-batch gradient descent), L2 penalty
    ``alpha``.

    Args:
        f: the features (chips, features).
        levels: the level of each chip's cluster; pairs on equal levels are left out.
        alpha: the L2 penalty.
        iters: the gradient descent steps.
        seed: unused; kept for the trainers' common signature.

    Returns:
        tuple[numpy.ndarray, float]: weights and bias on the raw features (bias only centres the
        scores).
    """
    mu, sd = standardise_fit(f)
    z = ((f - mu) / sd).astype(np.float64)
    lv = np.asarray(levels, dtype=np.float64)
    diff = np.sign(lv[:, None] - lv[None, :])  # +1 where i is above j
    mask = diff != 0
    npairs = max(1, int(mask.sum()))
    # Start from the ridge solution onto levels: a good, cheap warm start.
    w = np.linalg.solve(z.T @ z + np.eye(z.shape[1]), z.T @ (lv - lv.mean()))
    # Step 1/L: the logistic pair loss has curvature <= 1/4 and a pair difference has
    # covariance <= 2x the feature covariance, whose largest eigenvalue bounds the rest.
    top = float(np.linalg.eigvalsh(z.T @ z / len(lv))[-1])
    lr = 1.0 / (0.5 * top + alpha)
    for _ in range(iters):
        s = z @ w
        d = s[:, None] - s[None, :]
        # d/ds of log(1 + exp(-diff * d)), averaged over pairs
        g_pair = np.where(mask, -diff / (1.0 + np.exp(np.clip(diff * d, -30, 30))), 0.0) / npairs
        g_s = g_pair.sum(axis=1) - g_pair.sum(axis=0)
        grad = z.T @ g_s + alpha * w
        w -= lr * grad
    wr = w / sd
    return wr, -float(mu @ wr)
