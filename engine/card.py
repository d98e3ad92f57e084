"""The model card: the contract between an ONNX model and the SatImpact tools.

A card is a JSON document stored in the ONNX file's ``metadata_props`` under
the key ``satimpact.card``. It travels with the weights, so a model file is
self-describing: which bands it needs by name, how raw pixel values map to
model values, how to tile, what the outputs mean and how well it scored.

Models written for the Deepness plugin (keys ``model_type``, ``class_names``,
``resolution``, ``tile_size``, ``tiles_overlap``, ``standardization_mean`` /
``standardization_std``) are read too and converted to a card.

Card schema, version 1 (``card_version: 1``)::

    {
      "card_version": 1,
      "name": "water_mndwi", "title": "...", "version": "1.0.0",
      "task": "water" | "debris" | "green" | "flood_change" | "poverty" | "generic",
      "license": "...", "citation": "...", "data": "...", "caveats": "...",
      "description": "...",
      "model_type": "dense" | "chip",
      "inputs": [{"name": "image", "bands": ["green", "swir16"],
                  "scale": 0.0001, "offset": 0.0,
                  "mean": null, "std": null, "clip": null,
                  "resolution_m": [5, 60], "sensor": null}],
      "tiling": {"tile_size": 512, "overlap": 0, "merge": "none" | "crop" | "blend"},
      "outputs": [{"name": "index", "kind": "index", "class_names": null,
                   "threshold": 0.2, "units": "", "nodata": -9999,
                   "band_names": ["mndwi"]}],
      "metrics": [{"name": "IoU", "value": 0.72, "data": "..."}],
      "extra": {}
    }
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from typing import Any

from .errors import CardError

CARD_KEY = "satimpact.card"
CARD_VERSION = 1
SUPPORTED_CARD_VERSIONS = (1,)

TASKS = ("water", "debris", "green", "flood_change", "poverty", "generic")
MODEL_TYPES = ("dense", "chip")
MERGE_MODES = ("none", "crop", "blend")
OUTPUT_KINDS = (
    "probability",
    "class",
    "index",
    "score",
    "features",
    "logit",
    "backscatter",
    "value",
)
# ONNX operator domains that onnxruntime implements itself. Anything else needs
# a custom-op library, which DESIGN.md forbids (models are data, not code).
STANDARD_DOMAINS = ("", "ai.onnx", "ai.onnx.ml", "com.microsoft")
DEEPNESS_KEYS = ("model_type", "class_names", "tile_size", "tiles_overlap", "resolution")


@dataclass
class InputSpec:
    name: str
    bands: list[str]
    scale: float = 1.0
    offset: float = 0.0
    mean: list[float] | None = None
    std: list[float] | None = None
    clip: list[float] | None = None
    resolution_m: list[float] | None = None
    sensor: str | None = None

    def describe_bands(self) -> str:
        return ", ".join(self.bands)


@dataclass
class TilingSpec:
    tile_size: int
    overlap: int = 0
    merge: str = "none"


@dataclass
class OutputSpec:
    name: str
    kind: str = "value"
    class_names: list[str] | None = None
    threshold: float | None = None
    units: str = ""
    nodata: float | None = None
    band_names: list[str] | None = None
    description: str = ""


@dataclass
class ModelCard:
    name: str
    title: str
    version: str
    task: str
    license: str
    citation: str
    data: str
    caveats: str
    model_type: str
    inputs: list[InputSpec]
    tiling: TilingSpec
    outputs: list[OutputSpec]
    metrics: list[dict[str, Any]] = field(default_factory=list)
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    card_version: int = CARD_VERSION
    source_format: str = "satimpact"

    def to_json(self) -> str:
        data = asdict(self)
        data.pop("source_format")
        return json.dumps(data, indent=1, sort_keys=False)

    def input(self, name: str) -> InputSpec:
        for spec in self.inputs:
            if spec.name == name:
                return spec
        raise CardError(f"model '{self.name}' has no input named '{name}'")

    def summary(self) -> str:
        bands = "; ".join(f"{i.name}: {i.describe_bands()}" for i in self.inputs)
        return (
            f"{self.title} ({self.name} {self.version}, task {self.task}, {self.model_type}); "
            f"bands {bands}; tile {self.tiling.tile_size} px, overlap {self.tiling.overlap} px, "
            f"merge {self.tiling.merge}"
        )


def _require(data: dict, key: str, where: str, kind: type | tuple[type, ...]):
    if key not in data:
        raise CardError(f"{where}: required field '{key}' is missing")
    value = data[key]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise CardError(f"{where}: field '{key}' must be {names}, got {value!r}")
    return value


def _optional_numbers(data: dict, key: str, where: str, length: int | None = None):
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
        raise CardError(f"{where}: field '{key}' must be a list of numbers, got {value!r}")
    if length is not None and len(value) != length:
        raise CardError(f"{where}: field '{key}' has {len(value)} values, expected {length}")
    if not all(math.isfinite(v) for v in value):
        raise CardError(f"{where}: field '{key}' holds a value that is not finite")
    return [float(v) for v in value]


def parse_card(text: str, origin: str = "model") -> ModelCard:
    """Parse and validate the JSON text of a card (without looking at the graph)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CardError(f"{origin}: the card ('{CARD_KEY}') is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise CardError(f"{origin}: the card must be a JSON object, got {type(data).__name__}")
    return card_from_dict(data, origin)


def card_from_dict(data: dict, origin: str = "model") -> ModelCard:
    where = f"{origin}: card"
    version = data.get("card_version")
    if version is None:
        raise CardError(f"{where}: required field 'card_version' is missing")
    if version not in SUPPORTED_CARD_VERSIONS:
        raise CardError(
            f"{where}: card_version {version!r} is not supported "
            f"(this SatImpact reads version {', '.join(map(str, SUPPORTED_CARD_VERSIONS))})"
        )
    name = _require(data, "name", where, str)
    task = _require(data, "task", where, str)
    if task not in TASKS:
        raise CardError(f"{where}: task '{task}' is unknown (expected one of {', '.join(TASKS)})")
    model_type = _require(data, "model_type", where, str)
    if model_type not in MODEL_TYPES:
        raise CardError(f"{where}: model_type '{model_type}' is unknown (expected dense or chip)")

    raw_inputs = _require(data, "inputs", where, list)
    if not raw_inputs:
        raise CardError(f"{where}: 'inputs' is empty; a model needs at least one input")
    inputs = []
    for i, raw in enumerate(raw_inputs):
        iw = f"{where} inputs[{i}]"
        if not isinstance(raw, dict):
            raise CardError(f"{iw}: must be an object")
        bands = _require(raw, "bands", iw, list)
        if not bands or not all(isinstance(b, str) and b for b in bands):
            raise CardError(f"{iw}: 'bands' must be a non-empty list of band names")
        n = len(bands)
        mean = _optional_numbers(raw, "mean", iw, n)
        std = _optional_numbers(raw, "std", iw, n)
        if (mean is None) != (std is None):
            raise CardError(f"{iw}: 'mean' and 'std' must be given together")
        if std is not None and any(s <= 0 for s in std):
            raise CardError(f"{iw}: every 'std' value must be positive")
        clip = _optional_numbers(raw, "clip", iw, 2)
        if clip is not None and clip[0] >= clip[1]:
            raise CardError(f"{iw}: 'clip' must be [low, high] with low < high")
        scale = raw.get("scale", 1.0)
        offset = raw.get("offset", 0.0)
        for key, value in (("scale", scale), ("offset", offset)):
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
                raise CardError(f"{iw}: '{key}' must be a finite number, got {value!r}")
        inputs.append(
            InputSpec(
                name=_require(raw, "name", iw, str),
                bands=list(bands),
                scale=float(scale),
                offset=float(offset),
                mean=mean,
                std=std,
                clip=clip,
                resolution_m=_optional_numbers(raw, "resolution_m", iw, 2),
                sensor=raw.get("sensor"),
            )
        )
    names = [i.name for i in inputs]
    if len(set(names)) != len(names):
        raise CardError(f"{where}: input names repeat: {names}")

    raw_tiling = _require(data, "tiling", where, dict)
    tile_size = _require(raw_tiling, "tile_size", f"{where} tiling", int)
    overlap = raw_tiling.get("overlap", 0)
    merge = raw_tiling.get("merge", "none")
    if tile_size < 1:
        raise CardError(f"{where} tiling: tile_size must be positive, got {tile_size}")
    if not isinstance(overlap, int) or overlap < 0 or 2 * overlap >= tile_size:
        raise CardError(
            f"{where} tiling: overlap must be a whole number of pixels below half the tile "
            f"({tile_size} px), got {overlap!r}"
        )
    if merge not in MERGE_MODES:
        raise CardError(f"{where} tiling: merge '{merge}' is unknown (expected none, crop or blend)")
    if model_type == "chip" and overlap:
        raise CardError(f"{where} tiling: chip models score whole chips; overlap must be 0")

    raw_outputs = _require(data, "outputs", where, list)
    if not raw_outputs:
        raise CardError(f"{where}: 'outputs' is empty")
    outputs = []
    for i, raw in enumerate(raw_outputs):
        ow = f"{where} outputs[{i}]"
        if not isinstance(raw, dict):
            raise CardError(f"{ow}: must be an object")
        kind = raw.get("kind", "value")
        if kind not in OUTPUT_KINDS:
            raise CardError(f"{ow}: kind '{kind}' is unknown (expected one of {', '.join(OUTPUT_KINDS)})")
        threshold = raw.get("threshold")
        if threshold is not None and (not isinstance(threshold, (int, float)) or isinstance(threshold, bool)):
            raise CardError(f"{ow}: 'threshold' must be a number")
        nodata = raw.get("nodata")
        if nodata is not None and (not isinstance(nodata, (int, float)) or isinstance(nodata, bool)):
            raise CardError(f"{ow}: 'nodata' must be a number")
        class_names = raw.get("class_names")
        if class_names is not None and not (
            isinstance(class_names, list) and all(isinstance(c, str) for c in class_names)
        ):
            raise CardError(f"{ow}: 'class_names' must be a list of strings")
        band_names = raw.get("band_names")
        if band_names is not None and not (
            isinstance(band_names, list) and all(isinstance(c, str) for c in band_names)
        ):
            raise CardError(f"{ow}: 'band_names' must be a list of strings")
        outputs.append(
            OutputSpec(
                name=_require(raw, "name", ow, str),
                kind=kind,
                class_names=class_names,
                threshold=None if threshold is None else float(threshold),
                units=str(raw.get("units", "")),
                nodata=None if nodata is None else float(nodata),
                band_names=band_names,
                description=str(raw.get("description", "")),
            )
        )

    metrics = data.get("metrics", [])
    if not isinstance(metrics, list) or not all(isinstance(m, dict) for m in metrics):
        raise CardError(f"{where}: 'metrics' must be a list of objects")
    extra = data.get("extra", {})
    if not isinstance(extra, dict):
        raise CardError(f"{where}: 'extra' must be an object")

    def text(key: str, required: bool = True) -> str:
        if required:
            return _require(data, key, where, str)
        value = data.get(key, "")
        if not isinstance(value, str):
            raise CardError(f"{where}: field '{key}' must be text")
        return value

    return ModelCard(
        name=name,
        title=text("title"),
        version=text("version"),
        task=task,
        license=text("license"),
        citation=text("citation"),
        data=text("data"),
        caveats=text("caveats"),
        model_type=model_type,
        inputs=inputs,
        tiling=TilingSpec(tile_size=tile_size, overlap=overlap, merge=merge),
        outputs=outputs,
        metrics=metrics,
        description=text("description", required=False),
        extra=extra,
        card_version=version,
    )


def _json_value(props: dict[str, str], key: str, origin: str):
    try:
        return json.loads(props[key])
    except (json.JSONDecodeError, TypeError):
        # Deepness writes some values as plain strings.
        return props[key]


def card_from_deepness(props: dict[str, str], channels: int | None, origin: str = "model") -> ModelCard:
    """Convert Deepness plugin metadata to a card.

    Deepness feeds RGB(A) scaled by 1/255, then optionally standardised; its
    ``tiles_overlap`` is a percentage of the tile and ``resolution`` is in cm/px.
    """
    where = f"{origin}: Deepness metadata"
    model_type = str(_json_value(props, "model_type", origin)).strip().lower()
    if model_type not in ("segmentor", "regressor", "recognition"):
        raise CardError(
            f"{where}: model_type '{model_type}' is not supported "
            "(SatImpact runs Deepness Segmentor, Regressor and Recognition models, not detectors)"
        )
    try:
        tile_size = int(_json_value(props, "tile_size", origin))
    except (KeyError, TypeError, ValueError) as exc:
        raise CardError(f"{where}: 'tile_size' is missing or not a number") from exc
    overlap_pct = float(_json_value(props, "tiles_overlap", origin) or 0) if "tiles_overlap" in props else 0.0
    overlap = int(round(tile_size * overlap_pct / 100.0 / 2.0))
    overlap = min(overlap, (tile_size - 1) // 2)
    n = channels if channels else 3
    bands = (
        ["red", "green", "blue"]
        if n == 3
        else ["red", "green", "blue", "alpha"]
        if n == 4
        else [f"band{i + 1}" for i in range(n)]
    )
    mean = std = None
    if "standardization_mean" in props and "standardization_std" in props:
        mean = [float(v) for v in _json_value(props, "standardization_mean", origin)][:n]
        std = [float(v) for v in _json_value(props, "standardization_std", origin)][:n]
    class_names = None
    if "class_names" in props:
        raw = _json_value(props, "class_names", origin)
        if isinstance(raw, dict):
            class_names = [str(raw[k]) for k in sorted(raw, key=lambda k: int(k))]
        elif isinstance(raw, list):
            class_names = [str(c) for c in raw]
    resolution_cm = props.get("resolution")
    resolution_m = None
    if resolution_cm:
        try:
            r = float(_json_value(props, "resolution", origin)) / 100.0
            resolution_m = [r / 2.0, r * 2.0]
        except (TypeError, ValueError):
            resolution_m = None
    threshold = props.get("seg_thresh")
    if model_type == "recognition":
        kind, mtype, merge = "features", "chip", "none"
        overlap = 0
    elif model_type == "regressor":
        kind, mtype, merge = "value", "dense", "blend"
    else:
        kind, mtype, merge = "probability", "dense", "blend"
    data = {
        "card_version": 1,
        "name": str(_json_value(props, "model_name", origin)) if "model_name" in props else "deepness_model",
        "title": "Deepness model",
        "version": str(props.get("model_version", "unknown")),
        "task": "generic",
        "license": str(props.get("license", "unknown")),
        "citation": "",
        "data": "",
        "caveats": "Converted from Deepness metadata; check the band order (RGB) and the resolution.",
        "model_type": mtype,
        "inputs": [
            {
                "name": "__graph_input__",
                "bands": bands,
                "scale": 1.0 / 255.0,
                "offset": 0.0,
                "mean": mean,
                "std": std,
                "resolution_m": resolution_m,
            }
        ],
        "tiling": {"tile_size": tile_size, "overlap": overlap, "merge": merge},
        "outputs": [
            {
                "name": "__graph_output__",
                "kind": kind,
                "class_names": class_names,
                "threshold": float(threshold) if threshold not in (None, "") else None,
            }
        ],
    }
    card = card_from_dict(data, origin)
    card.source_format = "deepness"
    return card


def has_deepness_metadata(props: dict[str, str]) -> bool:
    # Deepness needs only a known model_type; the tile size may come from the graph.
    from .deepness import deepness_type

    return deepness_type(props) is not None
