"""Small helpers to write ONNX graphs with their cards, used by the model recipes and tests.

Only the ``onnx`` package is needed (no torch): index models are a handful of
element-wise operators, so the graph is written by hand and is exact.
"""

from __future__ import annotations

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from ...engine.model import attach_card

OPSET = 17  # supported by onnxruntime >= 1.14, so older QGIS installs can run the models
IR_VERSION = 8


def tensor_input(name: str, channels: int | str = "C", height="H", width="W", batch="N"):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, [batch, channels, height, width])


def tensor_output(name: str, channels: int | str = 1, height="H", width="W", batch="N"):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, [batch, channels, height, width])


def const(name: str, value) -> onnx.TensorProto:
    return numpy_helper.from_array(np.asarray(value, dtype=np.float32), name)


def build_model(nodes, inputs, outputs, card: dict, initializers=(), name: str = "satimpact") -> onnx.ModelProto:
    graph = helper.make_graph(list(nodes), name, list(inputs), list(outputs), initializer=list(initializers))
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="satimpact")
    model.ir_version = IR_VERSION
    attach_card(model, card)
    onnx.checker.check_model(model)
    return model


def normalized_difference_nodes(a: str, b: str, out: str, eps: float = 1e-6, prefix: str = "nd"):
    """(a - b) / (a + b); 0 where a + b is (nearly) zero, so dark or empty pixels give no NaN."""
    return [
        helper.make_node("Sub", [a, b], [f"{prefix}_num"]),
        helper.make_node("Add", [a, b], [f"{prefix}_sum"]),
        helper.make_node("Abs", [f"{prefix}_sum"], [f"{prefix}_abs"]),
        helper.make_node("Less", [f"{prefix}_abs", f"{prefix}_eps"], [f"{prefix}_tiny"]),
        helper.make_node("Div", [f"{prefix}_num", f"{prefix}_sum"], [f"{prefix}_ratio"]),
        helper.make_node("Where", [f"{prefix}_tiny", f"{prefix}_zero", f"{prefix}_ratio"], [out]),
    ], [const(f"{prefix}_eps", eps), const(f"{prefix}_zero", 0.0)]


def split_bands(input_name: str, names: list[str]):
    """Split (N, C, H, W) into one (N, 1, H, W) tensor per band."""
    split = numpy_helper.from_array(np.ones(len(names), dtype=np.int64), f"{input_name}_split")
    return [helper.make_node("Split", [input_name, f"{input_name}_split"], names, axis=1)], [split]


def card_base(**fields) -> dict:
    card = {
        "card_version": 1,
        "license": "GPL-2.0-or-later",
        "caveats": "",
        "metrics": [],
        "extra": {},
        "description": "",
    }
    card.update(fields)
    return card
