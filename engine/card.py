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
from .i18n import tr

CARD_KEY = "satimpact.card"
CARD_VERSION = 1
SUPPORTED_CARD_VERSIONS = (1,)

TASKS = ("water", "debris", "green", "flood_change", "poverty", "generic")
MODEL_TYPES = ("dense", "chip")
MERGE_MODES = ("none", "crop", "blend")


def merge_name(merge: str) -> str:
    """A tiling merge mode as the log and the model manager name it, in the user's language."""
    return {"none": tr("none"), "crop": tr("crop"), "blend": tr("blend")}.get(merge, merge)


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
# a custom-op library, which the project forbids: models are data, not code.
STANDARD_DOMAINS = ("", "ai.onnx", "ai.onnx.ml", "com.microsoft")
DEEPNESS_KEYS = ("model_type", "class_names", "tile_size", "tiles_overlap", "resolution")

# Ranges every card value is checked against when the card is read. A tile below 16 px makes
# a run take hours (a 512 px raster as 262,144 tiles); above 4096 px one tile's buffers alone
# take gigabytes. Numbers must fit the float32 the engine computes in.
TILE_SIZE_RANGE = (16, 4096)
FLOAT32_MAX = 3.4028234663852886e38
MAX_CARD_BYTES = 1 << 20  # a card is a page of text; a megabyte is far beyond any real one
MAX_JSON_DEPTH = 32
MAX_BANDS = 512
MAX_CLASSES = 65536


@dataclass
class InputSpec:
    """One model input: its bands by name and how raw values become model values.

    Attributes:
        name: the graph input's name.
        bands: band names, in the order the model takes them.
        scale: model value = raw x scale + offset (then standardised with mean/std).
        offset: see ``scale``.
        mean: per-band mean to subtract, or None.
        std: per-band standard deviation to divide by, or None.
        clip: [low, high] applied to the model values, or None.
        resolution_m: [finest, coarsest] ground resolution the model suits, metres, or None.
        sensor: the sensor family the model is made for, or None.
    """

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
        """The band names, comma-separated."""
        return ", ".join(self.bands)


@dataclass
class TilingSpec:
    """How a model is run over tiles: tile side and overlap (px), and how overlaps merge."""

    tile_size: int
    overlap: int = 0
    merge: str = "none"


@dataclass
class OutputSpec:
    """One model output: what its values are (kind, classes, units) and its default threshold."""

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
    """The contract between a model and the tools: identity, inputs, tiling, outputs, metrics.

    ``source_format`` says where the card came from ("satimpact", "deepness" or "stated") and
    is not written by ``to_json``.
    """

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
        """The card as JSON text, as stored in a model's metadata."""
        data = asdict(self)
        data.pop("source_format")
        return json.dumps(data, indent=1, sort_keys=False)

    def input(self, name: str) -> InputSpec:
        """One input by name.

        Args:
            name: the graph input's name.

        Returns:
            InputSpec: the input.

        Raises:
            CardError: the card has no such input.
        """
        for spec in self.inputs:
            if spec.name == name:
                return spec
        raise CardError(tr("model '{name}' has no input named '{name_1}'").format(name=self.name, name_1=name))

    def summary(self) -> str:
        """One log line: title, name, version, task, bands and tiling."""
        bands = "; ".join(f"{i.name}: {i.describe_bands()}" for i in self.inputs)
        return tr(
            "{title} ({name} {version}, task {task}, {model_type}); bands {bands}; tile "
            "{tiling_tile_size} px, overlap {tiling_overlap} px, merge {tiling_merge}"
        ).format(
            title=tr(self.title),
            name=self.name,
            version=self.version,
            task=self.task,
            model_type=self.model_type,
            bands=bands,
            tiling_tile_size=self.tiling.tile_size,
            tiling_overlap=self.tiling.overlap,
            tiling_merge=merge_name(self.tiling.merge),
        )


def _require(data: dict, key: str, where: str, kind: type | tuple[type, ...]):
    if key not in data:
        raise CardError(tr("{where}: required field '{key}' is missing").format(where=where, key=key))
    value = data[key]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise CardError(
            tr("{where}: field '{key}' must be {names}, got {value!r}").format(
                where=where, key=key, names=names, value=value
            )
        )
    return value


def _optional_numbers(data: dict, key: str, where: str, length: int | None = None):
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
        raise CardError(
            tr("{where}: field '{key}' must be a list of numbers, got {value!r}").format(
                where=where, key=key, value=value
            )
        )
    if length is not None and len(value) != length:
        raise CardError(
            tr("{where}: field '{key}' has {0} values, expected {length}").format(
                len(value), where=where, key=key, length=length
            )
        )
    return [_number(v, where, key) for v in value]


def _json_depth(value) -> int:
    """Nesting depth of parsed JSON, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return deepest


def load_json(text, origin: str, what: str):
    """Parse JSON text of bounded size and depth; anything else is a CardError (never RecursionError).

    Args:
        text: the JSON text (str or bytes).
        origin: the model file's name, which starts every error message.
        what: what the text is (a card, Deepness metadata), for the errors.

    Returns:
        object: the parsed value.

    Raises:
        CardError: not text, over MAX_CARD_BYTES, nested beyond MAX_JSON_DEPTH, or invalid JSON.
    """
    if not isinstance(text, (str, bytes)):
        raise CardError(
            tr("{origin}: the {what} must be JSON text, got {0}").format(type(text).__name__, origin=origin, what=what)
        )
    if len(text) > MAX_CARD_BYTES:
        raise CardError(
            tr("{origin}: the {what} is {0} bytes long; at most {MAX_CARD_BYTES} are read").format(
                len(text), origin=origin, what=what, MAX_CARD_BYTES=MAX_CARD_BYTES
            )
        )
    try:
        data = json.loads(text)
    except RecursionError as exc:
        raise CardError(
            tr("{origin}: the {what} is nested too deeply (at most {MAX_JSON_DEPTH} levels)").format(
                origin=origin, what=what, MAX_JSON_DEPTH=MAX_JSON_DEPTH
            )
        ) from exc
    except (json.JSONDecodeError, UnicodeDecodeError, ValueError) as exc:
        raise CardError(
            tr("{origin}: the {what} is not valid JSON: {exc}").format(origin=origin, what=what, exc=exc)
        ) from exc
    if _json_depth(data) > MAX_JSON_DEPTH:
        raise CardError(
            tr("{origin}: the {what} is nested too deeply (at most {MAX_JSON_DEPTH} levels)").format(
                origin=origin, what=what, MAX_JSON_DEPTH=MAX_JSON_DEPTH
            )
        )
    return data


def _number(value, where: str, key: str, low: float = -FLOAT32_MAX, high: float = FLOAT32_MAX) -> float:
    """A finite number inside [low, high], or a CardError naming the field and the range."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise CardError(
            tr("{where}: '{key}' must be a number, got {value!r}").format(where=where, key=key, value=value)
        )
    try:
        number = float(value)
    except OverflowError as exc:  # a JSON integer with hundreds of digits
        raise CardError(
            tr("{where}: '{key}' is out of range ({low:g} to {high:g})").format(
                where=where, key=key, low=low, high=high
            )
        ) from exc
    if not math.isfinite(number) or not low <= number <= high:
        raise CardError(
            tr("{where}: '{key}' must be a finite number from {low:g} to {high:g}, got {value!r}").format(
                where=where, key=key, low=low, high=high, value=value
            )
        )
    return number


def parse_card(text: str, origin: str = "model") -> ModelCard:
    """Parse and validate the JSON text of a card (without looking at the graph).

    Args:
        text: the card's JSON text.
        origin: the model file's name, which starts every error message.

    Returns:
        ModelCard: the card.

    Raises:
        CardError: invalid JSON, not an object, or an invalid card (``card_from_dict``).
    """
    data = load_json(text, origin, f"card ('{CARD_KEY}')")
    if not isinstance(data, dict):
        raise CardError(
            tr("{origin}: the card must be a JSON object, got {0}").format(type(data).__name__, origin=origin)
        )
    return card_from_dict(data, origin)


# card_from_dict validates in the card's own order (header, inputs, tiling, outputs, the rest), one
# function per part, so that the first fault found is the one a card author reads first.


def _card_header(data: dict, where: str) -> tuple[int, str, str, str]:
    """(card_version, name, task, model_type), each checked."""
    if not isinstance(data, dict):
        raise CardError(tr("{where}: must be a JSON object, got {0}").format(type(data).__name__, where=where))
    if _json_depth(data) > MAX_JSON_DEPTH:
        raise CardError(
            tr("{where}: nested too deeply (at most {MAX_JSON_DEPTH} levels)").format(
                where=where, MAX_JSON_DEPTH=MAX_JSON_DEPTH
            )
        )
    version = data.get("card_version")
    if version is None:
        raise CardError(tr("{where}: required field 'card_version' is missing").format(where=where))
    if isinstance(version, bool) or not isinstance(version, int) or version not in SUPPORTED_CARD_VERSIONS:
        raise CardError(
            tr("{where}: card_version {version!r} is not supported (this SatImpact reads version {0})").format(
                ", ".join(map(str, SUPPORTED_CARD_VERSIONS)), where=where, version=version
            )
        )
    name = _require(data, "name", where, str)
    if not name.strip() or len(name) > 200:
        raise CardError(tr("{where}: 'name' must be 1 to 200 characters, got {0}").format(len(name), where=where))
    task = _require(data, "task", where, str)
    if task not in TASKS:
        raise CardError(
            tr("{where}: task '{task}' is unknown (expected one of {0})").format(
                ", ".join(TASKS), where=where, task=task
            )
        )
    model_type = _require(data, "model_type", where, str)
    if model_type not in MODEL_TYPES:
        raise CardError(
            tr("{where}: model_type '{model_type}' is unknown (expected dense or chip)").format(
                where=where, model_type=model_type
            )
        )
    return version, name, task, model_type


def _input_spec(raw, iw: str) -> InputSpec:
    """One entry of ``inputs``; ``iw`` says where it is, for the errors."""
    if not isinstance(raw, dict):
        raise CardError(tr("{iw}: must be an object").format(iw=iw))
    bands = _require(raw, "bands", iw, list)
    if not bands or not all(isinstance(b, str) and b for b in bands):
        raise CardError(tr("{iw}: 'bands' must be a non-empty list of band names").format(iw=iw))
    if len(bands) > MAX_BANDS:
        raise CardError(
            tr("{iw}: 'bands' lists {0} bands; at most {MAX_BANDS}").format(len(bands), iw=iw, MAX_BANDS=MAX_BANDS)
        )
    n = len(bands)
    mean = _optional_numbers(raw, "mean", iw, n)
    std = _optional_numbers(raw, "std", iw, n)
    if (mean is None) != (std is None):
        raise CardError(tr("{iw}: 'mean' and 'std' must be given together").format(iw=iw))
    if std is not None and any(s <= 0 for s in std):
        raise CardError(tr("{iw}: every 'std' value must be positive").format(iw=iw))
    clip = _optional_numbers(raw, "clip", iw, 2)
    if clip is not None and clip[0] >= clip[1]:
        raise CardError(tr("{iw}: 'clip' must be [low, high] with low < high").format(iw=iw))
    scale = raw.get("scale", 1.0)
    offset = raw.get("offset", 0.0)
    for key, value in (("scale", scale), ("offset", offset)):
        _number(value, iw, key)
    if scale == 0:
        raise CardError(tr("{iw}: 'scale' must not be 0 (every pixel would be the same value)").format(iw=iw))
    resolution_m = _optional_numbers(raw, "resolution_m", iw, 2)
    if resolution_m is not None and not 0 < resolution_m[0] <= resolution_m[1]:
        raise CardError(
            tr("{iw}: 'resolution_m' must be [finest, coarsest] metres, both positive, got {resolution_m}").format(
                iw=iw, resolution_m=resolution_m
            )
        )
    sensor = raw.get("sensor")
    if sensor is not None and not isinstance(sensor, str):
        raise CardError(tr("{iw}: 'sensor' must be text, got {sensor!r}").format(iw=iw, sensor=sensor))
    return InputSpec(
        name=_require(raw, "name", iw, str),
        bands=list(bands),
        scale=float(scale),
        offset=float(offset),
        mean=mean,
        std=std,
        clip=clip,
        resolution_m=resolution_m,
        sensor=sensor,
    )


def _tiling_spec(data: dict, where: str, model_type: str) -> TilingSpec:
    raw_tiling = _require(data, "tiling", where, dict)
    tile_size = _require(raw_tiling, "tile_size", f"{where} tiling", int)
    overlap = raw_tiling.get("overlap", 0)
    merge = raw_tiling.get("merge", "none")
    if not TILE_SIZE_RANGE[0] <= tile_size <= TILE_SIZE_RANGE[1]:
        raise CardError(
            tr("{where} tiling: tile_size must be from {0} to {1} px, got {tile_size}").format(
                TILE_SIZE_RANGE[0], TILE_SIZE_RANGE[1], where=where, tile_size=tile_size
            )
        )
    if not isinstance(overlap, int) or isinstance(overlap, bool) or overlap < 0 or 2 * overlap >= tile_size:
        raise CardError(
            tr(
                "{where} tiling: overlap must be a whole number of pixels below half the tile "
                "({tile_size} px), got {overlap!r}"
            ).format(where=where, tile_size=tile_size, overlap=overlap)
        )
    if not isinstance(merge, str) or merge not in MERGE_MODES:
        raise CardError(
            tr("{where} tiling: merge '{merge}' is unknown (expected none, crop or blend)").format(
                where=where, merge=merge
            )
        )
    if model_type == "chip" and overlap:
        raise CardError(tr("{where} tiling: chip models score whole chips; overlap must be 0").format(where=where))
    return TilingSpec(tile_size=tile_size, overlap=overlap, merge=merge)


def _string_list(raw: dict, key: str, ow: str) -> list[str] | None:
    value = raw.get(key)
    if value is not None and not (isinstance(value, list) and all(isinstance(c, str) for c in value)):
        raise CardError(tr("{ow}: '{key}' must be a list of strings").format(ow=ow, key=key))
    return value


def _output_spec(raw, ow: str) -> OutputSpec:
    """One entry of ``outputs``; ``ow`` says where it is, for the errors."""
    if not isinstance(raw, dict):
        raise CardError(tr("{ow}: must be an object").format(ow=ow))
    kind = raw.get("kind", "value")
    if not isinstance(kind, str) or kind not in OUTPUT_KINDS:
        raise CardError(
            tr("{ow}: kind '{kind}' is unknown (expected one of {0})").format(", ".join(OUTPUT_KINDS), ow=ow, kind=kind)
        )
    threshold = raw.get("threshold")
    if threshold is not None:
        threshold = _number(threshold, ow, "threshold")
    nodata = raw.get("nodata")
    if nodata is not None:
        # class outputs are written as bytes: their nodata must be one
        nodata = _number(nodata, ow, "nodata", *((0, 255) if kind == "class" else (-FLOAT32_MAX, FLOAT32_MAX)))
    class_names = _string_list(raw, "class_names", ow)
    if class_names is not None and len(class_names) > MAX_CLASSES:
        raise CardError(
            tr("{ow}: 'class_names' lists {0} classes; at most {MAX_CLASSES}").format(
                len(class_names), ow=ow, MAX_CLASSES=MAX_CLASSES
            )
        )
    band_names = _string_list(raw, "band_names", ow)
    return OutputSpec(
        name=_require(raw, "name", ow, str),
        kind=kind,
        class_names=class_names,
        threshold=None if threshold is None else float(threshold),
        units=str(raw.get("units", "")),
        nodata=None if nodata is None else float(nodata),
        band_names=band_names,
        description=str(raw.get("description", "")),
    )


def card_from_dict(data: dict, origin: str = "model") -> ModelCard:
    """Validate a card given as a dictionary (parsed JSON).

    Args:
        data: the card.
        origin: the model file's name, which starts every error message.

    Returns:
        ModelCard: the card.

    Raises:
        CardError: the first fault found, in the card's own order: header, inputs, tiling,
            outputs, metrics, extra, text fields.
    """
    where = f"{origin}: card"
    version, name, task, model_type = _card_header(data, where)
    raw_inputs = _require(data, "inputs", where, list)
    if not raw_inputs:
        raise CardError(tr("{where}: 'inputs' is empty; a model needs at least one input").format(where=where))
    inputs = [_input_spec(raw, f"{where} inputs[{i}]") for i, raw in enumerate(raw_inputs)]
    names = [i.name for i in inputs]
    if len(set(names)) != len(names):
        raise CardError(tr("{where}: input names repeat: {names}").format(where=where, names=names))
    tiling = _tiling_spec(data, where, model_type)
    raw_outputs = _require(data, "outputs", where, list)
    if not raw_outputs:
        raise CardError(tr("{where}: 'outputs' is empty").format(where=where))
    outputs = [_output_spec(raw, f"{where} outputs[{i}]") for i, raw in enumerate(raw_outputs)]

    metrics = data.get("metrics", [])
    if not isinstance(metrics, list) or not all(isinstance(m, dict) for m in metrics):
        raise CardError(tr("{where}: 'metrics' must be a list of objects").format(where=where))
    extra = data.get("extra", {})
    if not isinstance(extra, dict):
        raise CardError(tr("{where}: 'extra' must be an object").format(where=where))
    _check_style(extra.get("style"), f"{where} extra.style")

    def text(key: str, required: bool = True) -> str:
        if required:
            return _require(data, key, where, str)
        value = data.get(key, "")
        if not isinstance(value, str):
            raise CardError(tr("{where}: field '{key}' must be text").format(where=where, key=key))
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
        tiling=tiling,
        outputs=outputs,
        metrics=metrics,
        description=text("description", required=False),
        extra=extra,
        card_version=version,
    )


def _check_style(style, where: str) -> None:
    """extra.style suggests a ramp for the result layer: {"ramp": name, "min": a, "max": b}."""
    if style is None:
        return
    if not isinstance(style, dict):
        raise CardError(
            tr('{where}: must be an object like {{"ramp": "Viridis", "min": 0, "max": 1}}').format(where=where)
        )
    if "ramp" in style and not isinstance(style["ramp"], str):
        raise CardError(
            tr("{where}: 'ramp' must be the name of a colour ramp, got {0!r}").format(style["ramp"], where=where)
        )
    low = _number(style["min"], where, "min") if "min" in style else 0.0
    high = _number(style["max"], where, "max") if "max" in style else 1.0
    if not low < high:
        raise CardError(
            tr("{where}: 'min' ({low:g}) must be below 'max' ({high:g})").format(where=where, low=low, high=high)
        )


def _json_value(props: dict[str, str], key: str, origin: str):
    try:
        return load_json(props[key], origin, f"Deepness metadata '{key}'")
    except CardError:
        # Deepness writes some values as plain strings.
        return props[key]


def card_from_deepness(props: dict[str, str], channels: int | None, origin: str = "model") -> ModelCard:
    """Convert Deepness plugin metadata to a card.

    Deepness feeds RGB(A) scaled by 1/255, then optionally standardised; its
    ``tiles_overlap`` is a percentage of the tile and ``resolution`` is in cm/px.
    Any value that cannot be converted is a CardError naming the metadata.

    Args:
        props: the ONNX metadata_props, key -> value.
        channels: the graph input's channel count, or None (then 3, RGB).
        origin: the model file's name, which starts every error message.

    Returns:
        ModelCard: the converted card (``source_format`` "deepness").

    Raises:
        CardError: an unsupported model_type, a missing or bad tile size or overlap, an
            oversized value, or any value that cannot be converted.
    """
    where = f"{origin}: Deepness metadata"
    for key, value in props.items():
        if isinstance(value, str) and len(value) > MAX_CARD_BYTES:
            raise CardError(
                tr("{where}: '{key}' is {0} bytes long; at most {MAX_CARD_BYTES} are read").format(
                    len(value), where=where, key=key, MAX_CARD_BYTES=MAX_CARD_BYTES
                )
            )
    try:
        return _card_from_deepness(props, channels, origin, where)
    except CardError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError) as exc:
        raise CardError(
            tr("{where}: a value cannot be read ({0}: {exc})").format(type(exc).__name__, where=where, exc=exc)
        ) from exc


def _deepness_tiling(props: dict[str, str], origin: str, where: str) -> tuple[int, int]:
    """(tile_size, overlap in px): Deepness gives the overlap as a percentage of the tile."""
    try:
        tile_size = int(_json_value(props, "tile_size", origin))
    except (KeyError, TypeError, ValueError) as exc:
        raise CardError(tr("{where}: 'tile_size' is missing or not a number").format(where=where)) from exc
    overlap_pct = float(_json_value(props, "tiles_overlap", origin) or 0) if "tiles_overlap" in props else 0.0
    if not 0 <= overlap_pct < 100:
        raise CardError(
            tr("{where}: 'tiles_overlap' must be a percentage from 0 to below 100, got {overlap_pct!r}").format(
                where=where, overlap_pct=overlap_pct
            )
        )
    if not TILE_SIZE_RANGE[0] <= tile_size <= TILE_SIZE_RANGE[1]:
        raise CardError(
            tr("{where}: 'tile_size' must be from {0} to {1} px, got {tile_size}").format(
                TILE_SIZE_RANGE[0], TILE_SIZE_RANGE[1], where=where, tile_size=tile_size
            )
        )
    overlap = int(round(tile_size * overlap_pct / 100.0 / 2.0))
    return tile_size, min(overlap, (tile_size - 1) // 2)


def _deepness_standardization(props: dict[str, str], origin: str, where: str, n: int):
    """(mean, std) for the first ``n`` channels, or (None, None)."""
    if "standardization_mean" not in props or "standardization_std" not in props:
        return None, None
    mean = [_number(v, where, "standardization_mean") for v in _json_value(props, "standardization_mean", origin)]
    std = [_number(v, where, "standardization_std") for v in _json_value(props, "standardization_std", origin)]
    return mean[:n], std[:n]


def _deepness_class_names(props: dict[str, str], origin: str) -> list[str] | None:
    """Class names from a list or a {"0": name, ...} object, in class order."""
    if "class_names" not in props:
        return None
    raw = _json_value(props, "class_names", origin)
    if isinstance(raw, dict):
        return [str(raw[k]) for k in sorted(raw, key=lambda k: int(k))]
    if isinstance(raw, list):
        return [str(c) for c in raw]
    return None


def _deepness_resolution(props: dict[str, str], origin: str) -> list[float] | None:
    """Deepness's resolution (cm/px) as SatImpact's [finest, coarsest] metres: half to twice it."""
    if not props.get("resolution"):
        return None
    try:
        r = float(_json_value(props, "resolution", origin)) / 100.0
    except (TypeError, ValueError):
        return None
    return [r / 2.0, r * 2.0]


def _card_from_deepness(props: dict[str, str], channels: int | None, origin: str, where: str) -> ModelCard:
    model_type = str(_json_value(props, "model_type", origin)).strip().lower()
    if model_type not in ("segmentor", "regressor", "recognition"):
        raise CardError(
            tr(
                "{where}: model_type '{model_type}' is not supported (SatImpact runs Deepness "
                "Segmentor, Regressor and Recognition models, not detectors)"
            ).format(where=where, model_type=model_type)
        )
    tile_size, overlap = _deepness_tiling(props, origin, where)
    n = channels if channels else 3
    bands = (
        ["red", "green", "blue"]
        if n == 3
        else ["red", "green", "blue", "alpha"]
        if n == 4
        else [f"band{i + 1}" for i in range(n)]
    )
    mean, std = _deepness_standardization(props, origin, where, n)
    class_names = _deepness_class_names(props, origin)
    resolution_m = _deepness_resolution(props, origin)
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


# Values an output of each kind can take, for thresholds given by the user: probabilities
# are 0..1; indices are normalised differences (-1..1) or differences of two (-2..2);
# backscatter is in dB. Other kinds (values, scores, logits) have no range of their own.
KIND_RANGES = {"probability": (0.0, 1.0), "index": (-2.0, 2.0), "backscatter": (-100.0, 60.0)}


def check_threshold(card: ModelCard, value: float | None, parameter: str = "THRESHOLD") -> None:
    """Refuse a user's threshold outside the range of the model's output.

    Args:
        card: the model's card (its first output's kind gives the range, ``KIND_RANGES``).
        value: the threshold, or None (nothing to check).
        parameter: the parameter's name, for the message.

    Raises:
        EngineError: a value that is not finite or outside the range.
    """
    if value is None:
        return
    out = card.outputs[0]
    low, high = KIND_RANGES.get(out.kind, (-FLOAT32_MAX, FLOAT32_MAX))
    if not math.isfinite(value) or not low <= value <= high:
        from .errors import EngineError

        raise EngineError(
            tr(
                "{parameter} must be from {low:g} to {high:g} for the {out_kind} of model "
                "'{card_name}' (its default is {0}), got {value}"
            ).format(
                out.threshold if out.threshold is not None else tr("none"),
                parameter=parameter,
                low=low,
                high=high,
                out_kind=out.kind,
                card_name=card.name,
                value=value,
            )
        )


def has_deepness_metadata(props: dict[str, str]) -> bool:
    """Whether a model's metadata_props are Deepness plugin metadata.

    Args:
        props: the ONNX metadata_props, key -> value.

    Returns:
        bool: True where a known Deepness model_type is given.
    """
    # Deepness needs only a known model_type; the tile size may come from the graph.
    from .deepness import deepness_type

    return deepness_type(props) is not None
