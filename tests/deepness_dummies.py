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
