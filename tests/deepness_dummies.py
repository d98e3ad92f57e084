"""The Deepness test dummies (../shared/data/deepness_test) and what each computes by
construction, recomputed here with numpy on the raster (never through onnxruntime).

The segmentation dummy raises each channel to the 8th power and the regression dummy
computes (2G - R - B) / (2G + R + B) (dummy_model/README.md); the others are a 1x1 (or
29x29) convolution followed by a sigmoid or a softmax over channels, whose weights are
read from the file's initializers."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import onnx
import rasterio
from onnx import numpy_helper

SEGMENTATION = [
    "dummy_model.onnx",
    "one_output_sigmoid_bsx1x512x512.onnx",
    "one_output_sigmoid_bsx512x512.onnx",
    "one_output_softmax_bsx2x512x512.onnx",
    "two_outputs_sigmoid_bsx1x512x512.onnx",
    "two_outputs_sigmoid_bsx512x512.onnx",
    "two_outputs_softmax_bsx2x512x512.onnx",
    "different_output_size_512_to_484.onnx",
]
REGRESSION = [
    "dummy_regression_model.onnx",
    "dummy_regression_model_batched.onnx",
    "one_output_sigmoid_bsx1x512x512.onnx",
    "one_output_sigmoid_bsx512x512.onnx",
    "two_outputs_sigmoid_bsx1x512x512.onnx",
    "two_outputs_sigmoid_bsx512x512.onnx",
]


def model_file(data_path, kind: str, name: str) -> Path:
    folder = "dummy_segmentation_models" if kind == "segmentation" else "dummy_regression_models"
    return data_path("deepness_test", "dummy_model", folder, name)


def without_metadata(source: Path, target: Path) -> Path:
    """A copy of the model with its metadata_props (Deepness keys) removed: a model with no card."""
    proto = onnx.load(str(source))
    if not proto.metadata_props:
        shutil.copyfile(source, target)
        return target
    del proto.metadata_props[:]
    onnx.save(proto, str(target))
    return target


def rgb01(raster: Path) -> np.ndarray:
    """Bands 1-3 scaled by 1/255 (what Deepness feeds), float64, (3, h, w)."""
    with rasterio.open(raster) as ds:
        return ds.read([1, 2, 3]).astype(np.float64) / 255.0


def _weights(model: Path):
    proto = onnx.load(str(model))
    inits = {i.name: numpy_helper.to_array(i).astype(np.float64) for i in proto.graph.initializer}
    weight = next(v for k, v in inits.items() if k.endswith("weight"))
    bias = next(v for k, v in inits.items() if k.endswith("bias"))
    ops = {n.op_type for n in proto.graph.node}
    heads = len(proto.graph.output)
    return weight, bias, ops, heads


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def expected_output(model: Path, x: np.ndarray) -> tuple[np.ndarray, int]:
    """(bands, h, w) the model gives on ``x`` (3, h, w) in 0..1, all heads stacked; and the
    margin in px at the raster's edge where the value is not defined by construction."""
    name = model.name
    if name == "dummy_model.onnx":
        return x**8, 0
    if name.startswith("dummy_regression_model"):
        r, g, b = x
        with np.errstate(invalid="ignore", divide="ignore"):
            return ((2 * g - r - b) / (2 * g + r + b))[None], 0
    weight, bias, ops, heads = _weights(model)
    if weight.shape[2:] == (1, 1):
        z = np.einsum("oc,chw->ohw", weight[:, :, 0, 0], x) + bias[:, None, None]
        margin = 0
    else:  # a valid (unpadded) convolution: the output is the centre of the input
        from scipy.signal import correlate

        k = weight.shape[2]
        margin = k // 2
        z = np.zeros((weight.shape[0], x.shape[1], x.shape[2]))
        for o in range(weight.shape[0]):
            acc = sum(correlate(x[c], weight[o, c], mode="same", method="fft") for c in range(x.shape[0]))
            z[o] = acc + bias[o]
    head = _softmax(z) if "Softmax" in ops else 1.0 / (1.0 + np.exp(-z))
    return np.concatenate([head] * heads, axis=0), margin


def read_output(path: Path) -> np.ndarray:
    with rasterio.open(path) as ds:
        return ds.read().astype(np.float64)


def yolo_cell_detector(
    target: Path,
    props: dict[str, str],
    cell: int = 32,
    box: int = 48,
    tile: int = 512,
    angle: float | None = None,
    height: int | None = None,
) -> Path:
    """A YOLOv5-layout detector whose boxes are known by construction: every ``cell`` x ``cell``
    square of the tile is a candidate box of ``box`` px centred on it; its objectness is the
    square's mean red, its class scores the square's mean red and green (class 0 red, 1 green).
    Output (batch, cells, 7): cx, cy, w, h, objectness, red, green (tile pixels).
    With ``angle``: the Ultralytics rotated-box layout instead, (batch, 7, cells): cx, cy, w,
    h (``box`` x ``height``), red, green, angle (radians)."""
    from onnx import TensorProto, helper

    n = tile // cell
    k = np.arange(n * n)
    centres = np.stack([(k % n) * cell + cell / 2, (k // n) * cell + cell / 2], axis=1)
    sizes = np.tile([float(box), float(height or box)], (n * n, 1))
    boxes = np.concatenate([centres, sizes], axis=1)[None].astype(np.float32)
    nodes = [
        helper.make_node("AveragePool", ["images"], ["pooled"], kernel_shape=[cell, cell], strides=[cell, cell]),
        helper.make_node("Reshape", ["pooled", "flat_shape"], ["flat"]),
        helper.make_node("Transpose", ["flat"], ["cells"], perm=[0, 2, 1]),
        helper.make_node("Slice", ["cells", "s0", "s1", "axis2"], ["red"]),
        helper.make_node("Slice", ["cells", "s0", "s2", "axis2"], ["red_green"]),
        helper.make_node("Mul", ["red", "zero"], ["zeros"]),
        helper.make_node("Add", ["zeros", "boxes"], ["xywh"]),
    ]
    if angle is None:
        nodes.append(helper.make_node("Concat", ["xywh", "red", "red_green"], ["output0"], axis=2))
        out_shape = ["batch", n * n, 7]
    else:
        nodes += [
            helper.make_node("Add", ["zeros", "angle"], ["angles"]),
            helper.make_node("Concat", ["xywh", "red_green", "angles"], ["rows"], axis=2),
            helper.make_node("Transpose", ["rows"], ["output0"], perm=[0, 2, 1]),
        ]
        out_shape = ["batch", 7, n * n]
    inits = [
        helper.make_tensor("flat_shape", TensorProto.INT64, [3], [0, 3, n * n]),
        helper.make_tensor("s0", TensorProto.INT64, [1], [0]),
        helper.make_tensor("s1", TensorProto.INT64, [1], [1]),
        helper.make_tensor("s2", TensorProto.INT64, [1], [2]),
        helper.make_tensor("axis2", TensorProto.INT64, [1], [2]),
        helper.make_tensor("zero", TensorProto.FLOAT, [], [0.0]),
        numpy_helper.from_array(boxes, "boxes"),
        helper.make_tensor("angle", TensorProto.FLOAT, [], [float(angle or 0.0)]),
    ]
    graph = helper.make_graph(
        nodes,
        "yolo_cells",
        [helper.make_tensor_value_info("images", TensorProto.FLOAT, ["batch", 3, tile, tile])],
        [helper.make_tensor_value_info("output0", TensorProto.FLOAT, out_shape)],
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    for key, value in props.items():
        model.metadata_props.add(key=key, value=value)
    onnx.checker.check_model(model)
    onnx.save(model, str(target))
    return target


def yolo_seg_detector(
    target: Path, props: dict[str, str], cell: int = 32, stride: int = 4, gain: float = 20.0, tile: int = 512
) -> Path:
    """A YOLOv8-seg (Ultralytics instance-mask) detector whose output is known by construction.
    Every ``cell`` x ``cell`` square of the tile is a candidate box of its own size; its class
    scores are the square's mean red and green (class 0 red, 1 green); its two mask coefficients
    are ``gain`` x (red - green) of the square and -0.9 times that. The prototypes (batch, 2,
    tile/stride, tile/stride) are the mean red and green of each ``stride`` px block, so an
    instance's mask logit is ``gain`` x (red - green of the square) x (red - 0.9 green of the
    block): a red box's mask covers its blocks with red > 0.9 green, a green box's the others
    (the 0.9 keeps the logit off 0 where a block's red and green are equal).
    Outputs: output0 (batch, 4 + 2 + 2, boxes) rows cx, cy, w, h, red, green, coefficients;
    output1 the prototypes."""
    from onnx import TensorProto, helper

    n, m = tile // cell, tile // stride
    k = np.arange(n * n)
    centres = np.stack([(k % n) * cell + cell / 2, (k // n) * cell + cell / 2], axis=1)
    boxes = np.concatenate([centres, np.full((n * n, 2), float(cell))], axis=1)[None].astype(np.float32)
    nodes = [
        helper.make_node("AveragePool", ["images"], ["pooled"], kernel_shape=[cell, cell], strides=[cell, cell]),
        helper.make_node("Reshape", ["pooled", "flat_shape"], ["flat"]),
        helper.make_node("Transpose", ["flat"], ["cells"], perm=[0, 2, 1]),
        helper.make_node("Slice", ["cells", "s0", "s1", "axis2"], ["red"]),
        helper.make_node("Slice", ["cells", "s1", "s2", "axis2"], ["green"]),
        helper.make_node("Slice", ["cells", "s0", "s2", "axis2"], ["red_green"]),
        helper.make_node("Sub", ["red", "green"], ["red_minus_green"]),
        helper.make_node("Mul", ["red_minus_green", "gain"], ["coeff_red"]),
        helper.make_node("Mul", ["coeff_red", "minus_point_nine"], ["coeff_green"]),
        helper.make_node("Mul", ["red", "zero"], ["zeros"]),
        helper.make_node("Add", ["zeros", "boxes"], ["xywh"]),
        helper.make_node("Concat", ["xywh", "red_green", "coeff_red", "coeff_green"], ["rows"], axis=2),
        helper.make_node("Transpose", ["rows"], ["output0"], perm=[0, 2, 1]),
        helper.make_node(
            "AveragePool", ["images"], ["blocks"], kernel_shape=[stride, stride], strides=[stride, stride]
        ),
        helper.make_node("Slice", ["blocks", "s0", "s2", "s1"], ["output1"]),
    ]
    inits = [
        helper.make_tensor("flat_shape", TensorProto.INT64, [3], [0, 3, n * n]),
        helper.make_tensor("s0", TensorProto.INT64, [1], [0]),
        helper.make_tensor("s1", TensorProto.INT64, [1], [1]),
        helper.make_tensor("s2", TensorProto.INT64, [1], [2]),
        helper.make_tensor("axis2", TensorProto.INT64, [1], [2]),
        helper.make_tensor("zero", TensorProto.FLOAT, [], [0.0]),
        helper.make_tensor("gain", TensorProto.FLOAT, [], [gain]),
        helper.make_tensor("minus_point_nine", TensorProto.FLOAT, [], [-0.9]),
        numpy_helper.from_array(boxes, "boxes"),
    ]
    graph = helper.make_graph(
        nodes,
        "yolo_seg_cells",
        [helper.make_tensor_value_info("images", TensorProto.FLOAT, ["batch", 3, tile, tile])],
        [
            helper.make_tensor_value_info("output0", TensorProto.FLOAT, ["batch", 8, n * n]),
            helper.make_tensor_value_info("output1", TensorProto.FLOAT, ["batch", 2, m, m]),
        ],
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    for key, value in props.items():
        model.metadata_props.add(key=key, value=value)
    onnx.checker.check_model(model)
    onnx.save(model, str(target))
    return target


def reference_nms(boxes: np.ndarray, scores: np.ndarray, classes: np.ndarray, iou: float) -> list[int]:
    """Plain greedy non-max suppression per class, one box at a time (the test's own, slow version):
    best score first (ties: the earlier box), a box goes if it overlaps a kept box of its class
    with IoU > ``iou``."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    kept: list[int] = []
    for i in order:
        ok = True
        for j in kept:
            if classes[j] != classes[i]:
                continue
            ix = max(0.0, min(boxes[i][2], boxes[j][2]) - max(boxes[i][0], boxes[j][0]))
            iy = max(0.0, min(boxes[i][3], boxes[j][3]) - max(boxes[i][1], boxes[j][1]))
            inter = ix * iy
            area_i = (boxes[i][2] - boxes[i][0]) * (boxes[i][3] - boxes[i][1])
            area_j = (boxes[j][2] - boxes[j][0]) * (boxes[j][3] - boxes[j][1])
            if inter / (area_i + area_j - inter) > iou:
                ok = False
                break
        if ok:
            kept.append(i)
    return kept


def tile_starts(length: int, tile: int, overlap: int) -> list[int]:
    """Tile origins as the help documents them: every tile - overlap px, the last one ending at the edge."""
    if length <= tile:
        return [0]
    starts = list(range(0, length - tile, tile - overlap))
    if starts[-1] != length - tile:
        starts.append(length - tile)
    return starts


def superres_forward(model: Path, tile: np.ndarray) -> np.ndarray:
    """The super-resolution dummy by hand: conv 3x3 (pad 1) + ReLU, bilinear x2 with aligned
    corners, conv 3x3 (pad 1). ``tile`` (3, h, w) in model units."""
    from scipy.signal import correlate

    proto = onnx.load(str(model))
    w = {i.name: numpy_helper.to_array(i).astype(np.float64) for i in proto.graph.initializer}

    def conv(x, weight, bias):
        padded = np.pad(x, ((0, 0), (1, 1), (1, 1)))
        out = np.empty((weight.shape[0], x.shape[1], x.shape[2]))
        for o in range(weight.shape[0]):
            out[o] = sum(correlate(padded[c], weight[o, c], mode="valid") for c in range(x.shape[0])) + bias[o]
        return out

    def upsample_matrix(n_in: int, n_out: int) -> np.ndarray:
        m = np.zeros((n_out, n_in))
        for i in range(n_out):
            pos = i * (n_in - 1) / (n_out - 1)
            lo = int(np.floor(pos))
            hi = min(lo + 1, n_in - 1)
            m[i, lo] += 1 - (pos - lo)
            m[i, hi] += pos - lo
        return m

    h = np.maximum(conv(tile, w["conv1.weight"], w["conv1.bias"]), 0.0)
    my, mx = upsample_matrix(h.shape[1], 2 * h.shape[1]), upsample_matrix(h.shape[2], 2 * h.shape[2])
    up = np.einsum("ij,cjk,lk->cil", my, h, mx)
    return conv(up, w["conv2.weight"], w["conv2.bias"])
