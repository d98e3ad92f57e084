"""ONNX models for the scale, bad-input and benchmark checks (built on the fly, never shipped):
a small CNN (three 3x3 convolutions, 16 channels), an RGB index for web basemaps, and a
pool-and-upsample graph that only takes even tile sizes."""

from __future__ import annotations

import copy

import numpy as np
import onnx
from onnx import helper

from satimpact.models.recipes.onnx_builders import (
    build_model,
    card_base,
    const,
    normalized_difference_nodes,
    split_bands,
    tensor_input,
    tensor_output,
)


def conv16_card(tile: int = 512, overlap: int = 32, merge: str = "blend") -> dict:
    return card_base(
        name="bench_conv16",
        title="Benchmark CNN (3 conv layers, 16 channels)",
        version="0.0.1",
        task="generic",
        citation="none",
        data="random weights (seed 11); for timing and tiling checks only",
        caveats="not a real model",
        model_type="dense",
        inputs=[
            {
                "name": "image",
                "bands": ["blue", "green", "red", "nir"],
                "scale": 0.0001,
                "mean": [0.1, 0.1, 0.1, 0.2],
                "std": [0.05, 0.05, 0.05, 0.1],
                "resolution_m": [5.0, 20.0],
            }
        ],
        tiling={"tile_size": tile, "overlap": overlap, "merge": merge},
        outputs=[{"name": "prob", "kind": "probability", "class_names": ["target"], "threshold": 0.5}],
    )


def conv16_model(tile: int = 512, overlap: int = 32, merge: str = "blend", fixed: int | None = None):
    """Three 3x3 convolutions (receptive-field radius 3 px), 4 -> 16 -> 16 -> 1, sigmoid."""
    rng = np.random.default_rng(11)
    shapes = [(16, 4), (16, 16), (1, 16)]
    inits, nodes = [], []
    src = "image"
    for k, (cout, cin) in enumerate(shapes):
        w = rng.normal(0, 1.0 / np.sqrt(cin * 9), size=(cout, cin, 3, 3)).astype(np.float32)
        b = rng.normal(0, 0.1, size=(cout,)).astype(np.float32)
        inits += [const(f"w{k}", w), const(f"b{k}", b)]
        nodes.append(helper.make_node("Conv", [src, f"w{k}", f"b{k}"], [f"c{k}"], pads=[1, 1, 1, 1]))
        if k < len(shapes) - 1:
            nodes.append(helper.make_node("Relu", [f"c{k}"], [f"r{k}"]))
            src = f"r{k}"
    nodes.append(helper.make_node("Sigmoid", [f"c{len(shapes) - 1}"], ["prob"]))
    size = fixed or None
    return build_model(
        nodes,
        [tensor_input("image", 4, size or "H", size or "W")],
        [tensor_output("prob", 1, size or "H", size or "W")],
        conv16_card(fixed or tile, overlap, merge),
        inits,
    )


def rgb_index_card(**over) -> dict:
    card = card_base(
        name="test_green_red",
        title="Green-red normalised difference (test)",
        version="0.0.1",
        task="generic",
        citation="Tucker 1979 (GRVI)",
        data="formula",
        caveats="test only",
        model_type="dense",
        inputs=[{"name": "image", "bands": ["red", "green"], "scale": 1.0, "resolution_m": [100.0, 1000.0]}],
        tiling={"tile_size": 256, "overlap": 0, "merge": "none"},
        outputs=[{"name": "grvi", "kind": "index", "nodata": -9999.0, "band_names": ["grvi"]}],
    )
    card.update(over)
    return card


def rgb_index_model(card: dict | None = None) -> onnx.ModelProto:
    """(green - red) / (green + red): needs only visible bands, so it runs on web basemaps."""
    card = copy.deepcopy(card or rgb_index_card())
    nodes, inits = split_bands("image", ["red", "green"])
    nd, nd_inits = normalized_difference_nodes("green", "red", "grvi")
    return build_model(nodes + nd, [tensor_input("image", 2)], [tensor_output("grvi")], card, inits + nd_inits)


def even_only_model(tile: int = 255) -> onnx.ModelProto:
    """Max-pool by 2, upsample by 2, add the input: fine on even tiles, fails on odd ones."""
    card = card_base(
        name="test_even_only",
        title="Even tiles only (test)",
        version="0.0.1",
        task="generic",
        citation="none",
        data="formula",
        caveats="test only",
        model_type="dense",
        inputs=[{"name": "image", "bands": ["red", "nir"], "scale": 1.0}],
        tiling={"tile_size": tile, "overlap": 0, "merge": "none"},
        outputs=[{"name": "out", "kind": "value", "band_names": ["a", "b"]}],
    )
    nodes = [
        helper.make_node("MaxPool", ["image"], ["pooled"], kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("Resize", ["pooled", "", "scales"], ["up"], mode="nearest"),
        helper.make_node("Add", ["image", "up"], ["out"]),
    ]
    inits = [const("scales", [1.0, 1.0, 2.0, 2.0])]
    return build_model(nodes, [tensor_input("image", 2)], [tensor_output("out", 2)], card, inits)


# Sentinel-2 L1C bands B2, B3, B4, B8 (1-based positions in the Sen1Floods11 S2Hand chip).
RGBN_FROM_S2 = (2, 3, 4, 8)
RGBN_NAMES = ("blue", "green", "red", "nir")


def write_bgrn_mosaic(s2_path: str, out_path: str, reps: int = 1) -> str:
    """A 4-band uint16 GeoTIFF (blue, green, red, nir) of the real S2 chip, mirrored
    ``reps`` x ``reps`` times (mirroring keeps the mosaic seamless for a CNN)."""
    import rasterio

    with rasterio.open(s2_path) as src:
        data = src.read(list(RGBN_FROM_S2))
        profile = dict(
            driver="GTiff",
            width=src.width * reps,
            height=src.height * reps,
            count=4,
            dtype="uint16",
            crs=src.crs,
            transform=src.transform,
            tiled=True,
            blockxsize=256,
            blockysize=256,
        )
    data = np.clip(np.nan_to_num(data, nan=0.0), 0, 65535).astype(np.uint16)
    rows = []
    for j in range(reps):
        row = [data[:, :: -1 if j % 2 else 1, :: -1 if i % 2 else 1] for i in range(reps)]
        rows.append(np.concatenate(row, axis=2))
    mosaic = np.concatenate(rows, axis=1)
    with rasterio.open(out_path, "w", **profile) as dst:
        dst.write(mosaic)
        for k, name in enumerate(RGBN_NAMES, start=1):
            dst.set_band_description(k, name)
    return out_path


def one_band_model(band: str = "nir", resolution_m: float = 10.0) -> onnx.ModelProto:
    """Passes one band through unchanged: what goes in is what comes out, so a rendered
    layer's values can be checked against the source."""
    card = card_base(
        name="test_identity",
        title="Identity (test)",
        version="0.0.1",
        task="generic",
        citation="none",
        data="formula",
        caveats="test only",
        model_type="dense",
        inputs=[{"name": "image", "bands": [band], "scale": 1.0, "resolution_m": [resolution_m, resolution_m * 2]}],
        tiling={"tile_size": 256, "overlap": 0, "merge": "none"},
        outputs=[{"name": "value", "kind": "value", "nodata": -9999.0, "band_names": [band]}],
    )
    nodes = [helper.make_node("Identity", ["image"], ["value"])]
    return build_model(nodes, [tensor_input("image", 1)], [tensor_output("value", 1)], card)
