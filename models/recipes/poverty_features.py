"""Recipe helper: the feature graph of the shipped development score, as ONNX nodes.

One graph computes, from an RGB chip (N, 3, H, W) with values 0-1, two groups of features:

- interpretable colour and texture statistics at full resolution: mean saturation (HSV,
  (max - min) / max) and its spread, the share of grey pixels, mean brightness and its
  spread, per-band means, and the mean gradient magnitude (relative to the chip's
  brightness) at 1x, 2x and 4x pooling: streets, roofs and block edges make dense,
  desaturated, high-contrast texture, fields and forest do not;
- MOSAIKS random convolutional features (Rolf et al. 2021) at half resolution on the chip
  normalised by its own grey mean and spread, which makes them blind to a change of
  brightness, of contrast around the chip mean, and to a uniform haze veil.

The recipe computes the training features by running this very graph with onnxruntime, so
what was evaluated is what ships (the score is one linear head on top).
"""

from __future__ import annotations

import numpy as np

STAT_NAMES = [
    "mean saturation",
    "saturation spread",
    "share of grey pixels (saturation < 0.15)",
    "share of grey pixels (saturation < 0.30)",
    "mean brightness",
    "brightness spread",
    "mean red",
    "mean green",
    "mean blue",
    "relative gradient, full resolution",
    "relative gradient, 2x pooled",
    "relative gradient, 4x pooled",
    "share of strong edges (relative gradient > 0.1)",
    "share of strong edges (relative gradient > 0.25)",
]


def feature_nodes(
    rf_filters: np.ndarray | None,
    with_stats: bool,
    input_name: str,
    output_name: str,
    pool: int = 2,
    chip_px: int | None = None,
    stride: int = 1,
    contrast_window: int | None = None,
):
    """ONNX nodes + initialisers for the features; ``rf_filters`` (K, 3, k, k) or None; the random
    filters are applied every ``stride`` pixels of the chip pooled by ``pool``. The random features'
    input is divided by the chip's grey spread: over the whole chip (``contrast_window`` None), or
    the root of the mean local grey variance in ``contrast_window`` px windows of the pooled chip."""
    from onnx import helper, numpy_helper

    nodes, inits, parts = [], [], []

    def const(name, value):
        inits.append(numpy_helper.from_array(np.asarray(value, np.float32), name))
        return name

    def node(op, inputs, output, **attrs):
        nodes.append(helper.make_node(op, inputs, [output], **attrs))
        return output

    def flat(name):
        return node("Flatten", [name], name + "_flat", axis=1)

    x = input_name
    grey = node("ReduceMean", [x], "f_grey", axes=[1], keepdims=1)
    grey_mean = node("GlobalAveragePool", [grey], "f_grey_mean")
    grey_sq = node("Mul", [grey, grey], "f_grey_sq")
    grey_var = node(
        "Sub",
        [node("GlobalAveragePool", [grey_sq], "f_grey_sq_mean"), node("Mul", [grey_mean, grey_mean], "f_grey_mean_sq")],
        "f_grey_var",
    )
    grey_std = node("Sqrt", [node("Max", [grey_var, const("f_tiny", 1e-8)], "f_grey_var_pos")], "f_grey_std")
    if with_stats:
        eps = const("f_eps", 1e-3)
        mx = node("ReduceMax", [x], "f_max", axes=[1], keepdims=1)
        mn = node("ReduceMin", [x], "f_min", axes=[1], keepdims=1)
        sat = node("Div", [node("Sub", [mx, mn], "f_range"), node("Max", [mx, eps], "f_max_pos")], "f_sat")
        sat_mean = node("GlobalAveragePool", [sat], "f_sat_mean")
        sat_var = node(
            "Sub",
            [
                node("GlobalAveragePool", [node("Mul", [sat, sat], "f_sat_sq")], "f_sat_sq_mean"),
                node("Mul", [sat_mean, sat_mean], "f_sat_mean_sq"),
            ],
            "f_sat_var",
        )
        sat_std = node("Sqrt", [node("Max", [sat_var, const("f_tiny2", 1e-8)], "f_sat_var_pos")], "f_sat_std")
        grey15 = node(
            "GlobalAveragePool",
            [node("Cast", [node("Less", [sat, const("f_t15", 0.15)], "f_lt15")], "f_lt15f", to=1)],
            "f_grey15",
        )
        grey30 = node(
            "GlobalAveragePool",
            [node("Cast", [node("Less", [sat, const("f_t30", 0.30)], "f_lt30")], "f_lt30f", to=1)],
            "f_grey30",
        )
        band_means = node("GlobalAveragePool", [x], "f_band_means")
        # Gradient magnitude of the grey image (2x2 differences), divided by the chip's mean
        # brightness so that a brighter or darker rendering of the same place scores alike.
        kx = np.array([[[[-0.5, 0.5], [-0.5, 0.5]]], [[[-0.5, -0.5], [0.5, 0.5]]]], np.float32)
        const("f_kgrad", kx)
        denom = node("Max", [grey_mean, const("f_eps2", 1e-2)], "f_grey_mean_pos")
        grads = []
        img = grey
        for s in (1, 2, 4):
            if s > 1:
                img = node("AveragePool", [grey], f"f_grey_p{s}", kernel_shape=[s, s], strides=[s, s])
            g = node("Conv", [img, "f_kgrad"], f"f_grad{s}", kernel_shape=[2, 2])
            mag = node("Sqrt", [node("ReduceSumSquare", [g], f"f_grad{s}_sq", axes=[1], keepdims=1)], f"f_mag{s}")
            rel = node("Div", [mag, denom], f"f_rel{s}")
            grads.append(node("GlobalAveragePool", [rel], f"f_relmean{s}"))
            if s == 1:
                edges = [
                    node(
                        "GlobalAveragePool",
                        [
                            node(
                                "Cast",
                                [node("Greater", [rel, const(f"f_e{t}", t / 100)], f"f_gt{t}")],
                                f"f_gt{t}f",
                                to=1,
                            )
                        ],
                        f"f_edges{t}",
                    )
                    for t in (10, 25)
                ]
        stats = node(
            "Concat",
            [sat_mean, sat_std, grey15, grey30, grey_mean, grey_std, band_means, *grads, *edges],
            "f_stats",
            axis=1,
        )
        parts.append(flat(stats))
    if rf_filters is not None:
        small = node("AveragePool", [x], "f_small", kernel_shape=[pool, pool], strides=[pool, pool]) if pool > 1 else x
        spread = grey_std if contrast_window is None else _local_spread(node, const, small, contrast_window)
        z = node(
            "Div",
            [node("Sub", [small, grey_mean], "f_centred"), node("Max", [spread, const("f_eps3", 1e-2)], "f_std_pos")],
            "f_z",
        )
        k = rf_filters.shape[2]
        const("f_rf_w", rf_filters)
        conv = node("Conv", [z, "f_rf_w"], "f_rf_conv", kernel_shape=[k, k], strides=[stride, stride])
        # ReLU of both signs (MOSAIKS) from one convolution, without a second pass over the big
        # tensor: mean(relu(-c)) = mean(relu(c)) - mean(c).
        pos = node("GlobalAveragePool", [node("Relu", [conv], "f_rf_relu")], "f_rf_pos")
        if chip_px:
            # The mean of the (valid) convolution is the convolution of the mean of z over the
            # window it sees: computed on a 3x3 average, it leaves the conv output to ReLU alone,
            # which onnxruntime then fuses into the convolution. At a stride above 1 this is the
            # mean of the convolution at every pixel, of which the strided one is a sample: the
            # linear path then reads every pixel, the ReLU path every ``stride``-th.
            zs = chip_px // pool - k + 1
            zbar = node("AveragePool", [z], "f_z_bar", kernel_shape=[zs, zs], strides=[1, 1])
            mean = node("Flatten", [node("Conv", [zbar, "f_rf_w"], "f_rf_mean4", kernel_shape=[k, k])], "f_rf_meanf")
            inits.append(numpy_helper.from_array(np.array([2, 3], np.int64), "f_axes"))
            mean = node("Unsqueeze", [mean, "f_axes"], "f_rf_mean")
        else:
            mean = node("GlobalAveragePool", [conv], "f_rf_mean")
        pooled = node("Concat", [pos, node("Sub", [pos, mean], "f_rf_neg")], "f_rf_pool", axis=1)
        parts.append(flat(pooled))
    if len(parts) == 1:
        nodes.append(helper.make_node("Identity", [parts[0]], [output_name]))
    else:
        nodes.append(helper.make_node("Concat", parts, [output_name], axis=1))
    return nodes, inits


def _local_spread(node, const, small: str, window: int) -> str:
    """Root of the chip's mean local grey variance (``window`` px windows, valid positions only).

    Why not the chip's own spread: where a chip straddles a dark and a bright place (forest beside
    a town), the spread between them swamps the texture of both, so moving the chip a little
    changes every feature. The mean of the local variances adds the places' variances, weighted by
    their area; it is as blind to brightness, contrast and haze as the whole-chip spread."""
    grey = node("ReduceMean", [small], "f_lc_grey", axes=[1], keepdims=1)
    pool = {"kernel_shape": [window, window], "strides": [1, 1]}
    mean = node("AveragePool", [grey], "f_lc_mean", **pool)
    mean_sq = node("AveragePool", [node("Mul", [grey, grey], "f_lc_grey_sq")], "f_lc_mean_sq", **pool)
    var = node("Relu", [node("Sub", [mean_sq, node("Mul", [mean, mean], "f_lc_sq_mean")], "f_lc_diff")], "f_lc_var")
    mean_var = node("GlobalAveragePool", [var], "f_lc_mean_var")
    return node("Sqrt", [node("Max", [mean_var, const("f_lc_tiny", 1e-8)], "f_lc_var_pos")], "f_lc_spread")


def n_features(rf_filters, with_stats: bool) -> int:
    return (len(STAT_NAMES) if with_stats else 0) + (2 * rf_filters.shape[0] if rf_filters is not None else 0)


def feature_model(
    rf_filters,
    with_stats: bool,
    pool: int = 2,
    chip_px: int | None = None,
    stride: int = 1,
    contrast_window: int | None = None,
):
    from onnx import TensorProto, helper

    from ...engine.poverty import IR_VERSION, OPSET

    nodes, inits = feature_nodes(rf_filters, with_stats, "image", "features", pool, chip_px, stride, contrast_window)
    graph = helper.make_graph(
        nodes,
        "development_features",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["N", 3, chip_px or "H", chip_px or "W"])],
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", n_features(rf_filters, with_stats)])],
        initializer=inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="satimpact")
    model.ir_version = IR_VERSION
    return model


def run_features(proto, x_uint8: np.ndarray, batch: int = 32, threads: int = 2) -> np.ndarray:
    """Features of 8-bit chips (N, 3, H, W) through the graph with onnxruntime."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    session = ort.InferenceSession(proto.SerializeToString(), options, providers=["CPUExecutionProvider"])
    out = []
    for k in range(0, len(x_uint8), batch):
        chunk = np.ascontiguousarray(x_uint8[k : k + batch], np.float32) / np.float32(255.0)
        out.append(session.run(["features"], {"image": chunk})[0])
    return np.concatenate(out)
