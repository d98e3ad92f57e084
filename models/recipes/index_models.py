"""Recipe: generic spectral index models (pixelwise, exact, no training)."""

from __future__ import annotations

import os

import onnx

from .onnx_builders import build_model, card_base, normalized_difference_nodes, split_bands, tensor_input, tensor_output


def ndvi_model() -> onnx.ModelProto:
    nodes, inits = split_bands("image", ["red", "nir"])
    nd_nodes, nd_inits = normalized_difference_nodes("nir", "red", "ndvi")
    card = card_base(
        name="index_ndvi",
        title="NDVI (normalised difference vegetation index)",
        version="1.0.0",
        task="generic",
        citation="Rouse, J.W. et al. (1974) Monitoring vegetation systems in the Great Plains with ERTS. "
        "NASA SP-351, 309-317.",
        data="No training: a fixed formula, (NIR - red) / (NIR + red).",
        caveats="Reflectance scaling matters little for a ratio, but clouds and shadows give "
        "misleading values; mask them first.",
        description="NDVI for any multispectral scene with red and NIR bands.",
        model_type="dense",
        inputs=[
            {
                "name": "image",
                "bands": ["red", "nir"],
                "scale": 1.0,
                "offset": 0.0,
                "resolution_m": [0.1, 1000.0],
            }
        ],
        tiling={"tile_size": 512, "overlap": 0, "merge": "none"},
        outputs=[{"name": "ndvi", "kind": "index", "units": "", "nodata": -9999.0, "band_names": ["ndvi"]}],
        extra={"style": {"ramp": "RdYlGn", "min": -0.2, "max": 0.9}},
    )
    return build_model(
        nodes + nd_nodes, [tensor_input("image", 2)], [tensor_output("ndvi")], card, inits + nd_inits, "index_ndvi"
    )


def build(out_dir: str) -> list[str]:
    path = os.path.join(out_dir, "index_ndvi.onnx")
    onnx.save(ndvi_model(), path)
    return [path]
