"""ONNX models the tests build on the fly (never shipped): a pixelwise index, a small
CNN with a receptive-field radius of 2 px, a chip scorer, and deliberately broken ones."""

from __future__ import annotations

import copy
import json

import numpy as np
import onnx
from onnx import TensorProto, helper

from satimpact.models.recipes.onnx_builders import (
    build_model,
    card_base,
    const,
    normalized_difference_nodes,
    split_bands,
    tensor_input,
    tensor_output,
)


def ndwi_card(**over) -> dict:
    card = card_base(
        name="test_ndwi",
        title="Test NDWI",
        version="0.0.1",
        task="water",
        citation="McFeeters 1996",
        data="formula",
        caveats="test only",
        model_type="dense",
        inputs=[{"name": "image", "bands": ["green", "nir"], "scale": 0.0001}],
        tiling={"tile_size": 128, "overlap": 0, "merge": "none"},
        outputs=[{"name": "ndwi", "kind": "index", "nodata": -9999.0, "band_names": ["ndwi"]}],
    )
    card.update(over)
    return card


def ndwi_model(card: dict | None = None, tile_size: int | None = None) -> onnx.ModelProto:
    card = copy.deepcopy(card or ndwi_card())
    if tile_size:
        card["tiling"]["tile_size"] = tile_size
    nodes, inits = split_bands("image", ["green", "nir"])
    nd, nd_inits = normalized_difference_nodes("green", "nir", "ndwi")
    return build_model(nodes + nd, [tensor_input("image", 2)], [tensor_output("ndwi")], card, inits + nd_inits)


def conv_model(tile: int = 128, overlap: int = 16, merge: str = "blend", fixed: bool = False) -> onnx.ModelProto:
    """Two 3x3 convolutions (receptive-field radius 2 px) on 4 bands, sigmoid output."""
    rng = np.random.default_rng(7)
    w1 = rng.normal(0, 0.5, size=(8, 4, 3, 3)).astype(np.float32)
    b1 = rng.normal(0, 0.1, size=(8,)).astype(np.float32)
    w2 = rng.normal(0, 0.5, size=(1, 8, 3, 3)).astype(np.float32)
    b2 = np.zeros(1, dtype=np.float32)
    nodes = [
        helper.make_node("Conv", ["image", "w1", "b1"], ["c1"], pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["c1"], ["r1"]),
        helper.make_node("Conv", ["r1", "w2", "b2"], ["c2"], pads=[1, 1, 1, 1]),
        helper.make_node("Sigmoid", ["c2"], ["prob"]),
    ]
    card = card_base(
        name="test_conv",
        title="Test CNN",
        version="0.0.1",
        task="generic",
        citation="none",
        data="random weights (seed 7)",
        caveats="test only",
        model_type="dense",
        inputs=[
            {
                "name": "image",
                "bands": ["blue", "green", "red", "nir"],
                "scale": 0.0001,
                "mean": [0.1, 0.1, 0.1, 0.2],
                "std": [0.05, 0.05, 0.05, 0.1],
            }
        ],
        tiling={"tile_size": tile, "overlap": overlap, "merge": merge},
        outputs=[{"name": "prob", "kind": "probability", "class_names": ["water"], "threshold": 0.5}],
    )
    size = tile if fixed else None
    inputs = [tensor_input("image", 4, size or "H", size or "W")]
    outputs = [tensor_output("prob", 1, size or "H", size or "W")]
    inits = [const("w1", w1), const("b1", b1), const("w2", w2), const("b2", b2)]
    return build_model(nodes, inputs, outputs, card, inits)


def chip_model(chip: int = 64) -> onnx.ModelProto:
    """Mean of each band over the chip: a chip model whose answer the test can compute."""
    nodes = [helper.make_node("ReduceMean", ["image"], ["means"], axes=[2, 3], keepdims=0)]
    card = card_base(
        name="test_chip",
        title="Test chip means",
        version="0.0.1",
        task="generic",
        citation="none",
        data="formula",
        caveats="test only",
        model_type="chip",
        inputs=[{"name": "image", "bands": ["red", "green", "blue"], "scale": 1.0}],
        tiling={"tile_size": chip, "overlap": 0, "merge": "none"},
        outputs=[{"name": "means", "kind": "features", "band_names": ["red", "green", "blue"]}],
    )
    graph_in = tensor_input("image", 3, chip, chip)
    graph_out = helper.make_tensor_value_info("means", TensorProto.FLOAT, ["N", 3])
    model = helper.make_model(
        helper.make_graph(nodes, "chip", [graph_in], [graph_out]), opset_imports=[helper.make_opsetid("", 17)]
    )
    model.ir_version = 8
    from satimpact.engine.model import attach_card

    attach_card(model, card)
    return model


def with_props(model: onnx.ModelProto, props: dict[str, str]) -> onnx.ModelProto:
    """A copy whose metadata_props are exactly ``props``."""
    other = copy.deepcopy(model)
    del other.metadata_props[:]
    for k, v in props.items():
        other.metadata_props.add(key=k, value=v)
    return other


def card_json(card: dict) -> str:
    return json.dumps(card)
