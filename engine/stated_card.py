"""Running an ONNX model that carries no card: the user states its essentials.

Many models come without metadata (a colleague's PyTorch export, a paper's repository,
the Deepness test dummies). Deepness runs them once the user sets the model type, the
tile size, the resolution and a threshold in its dock; here the same facts are stated as
``StatedParameters`` and turned into an ordinary SatImpact card, checked against the
graph like any other. ``save_card_copy`` writes that card into a copy of the model, which
from then on behaves like any carded model.

What comes from the graph, never from the user: the names of the input and outputs, the
number of input channels, a fixed input size (which becomes the tile size) and outputs
smaller than the input (a convolution without padding: 512 px in, 484 px out), whose
missing frame the tile overlap must cover.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from .card import CARD_KEY, ModelCard, card_from_dict, has_deepness_metadata
from .errors import CardError
from .i18n import tr
from .model import LoadedModel, check_card_against_graph, graph_ports, load_proto

# What the user may say a model is, and how each maps onto the card.
#   segmentation: class probabilities per pixel (sigmoid or softmax), blended across tiles, then
#                 a class raster (engine.deepness)
#   regression:   a continuous value per pixel, blended across tiles
#   index:        a pixelwise formula (NDVI-like): no overlap needed
#   features:     one vector per chip (recognition / embeddings), chips side by side
#   detection:    YOLO-style boxes per tile (engine.detection)
#   superresolution: an upscaled raster (engine.superres)
#   recognition:  one embedding per chip, compared with a query image (engine.recognition)
MODEL_KINDS = ("segmentation", "regression", "detection", "superresolution", "recognition", "index", "features")
_KIND_LAYOUT = {
    "segmentation": ("dense", "probability", "blend"),
    "regression": ("dense", "value", "blend"),
    "detection": ("dense", "score", "none"),
    "superresolution": ("dense", "value", "crop"),
    "recognition": ("chip", "features", "none"),
    "index": ("dense", "index", "none"),
    "features": ("chip", "features", "none"),
}
DEFAULT_SCALE = 1.0 / 255.0  # as Deepness: 8-bit imagery to 0..1
DEFAULT_TILE = 512  # Deepness' default tile where the graph leaves the size free
DEFAULT_OVERLAP_SHARE = 0.15  # Deepness' default tiles_overlap (15 % of the tile)
IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


@dataclass
class StatedParameters:
    """What the user states about an uncarded model. ``None`` means: derive it (graph or default)."""

    model_kind: str
    tile_size: int | None = None
    overlap: int | None = None  # pixels shared by neighbouring tiles
    resolution_m: float | None = None  # ground metres per pixel of the model's training data
    scale: float | None = None  # model value = raw * scale + offset (then mean/std)
    offset: float | None = None
    mean: list[float] | None = None
    std: list[float] | None = None
    bands: list[int] | None = None  # 1-based raster bands, in the model's input order
    threshold: float | None = None

    def given(self) -> list[str]:
        """The parameter names the user actually set (for messages).

        THRESHOLD is left out: it is a run-time option that also applies to carded models.
        """
        names = {
            "tile_size": "TILE_SIZE",
            "overlap": "OVERLAP",
            "resolution_m": "MODEL_RESOLUTION",
            "scale": "SCALE",
            "offset": "OFFSET",
            "mean": "MEAN",
            "std": "STD",
            "bands": "BANDS",
        }
        out = ["MODEL_TYPE"] if self.model_kind else []
        return out + [label for key, label in names.items() if getattr(self, key) is not None]


def parse_numbers(text: str | None, label: str) -> list[float] | None:
    """Numbers from a comma-separated text ('0.485, 0.456, 0.406').

    Args:
        text: the text, or None.
        label: the parameter's name, for the error.

    Returns:
        list[float] | None: the numbers; None for an empty text.

    Raises:
        CardError: anything that is not finite numbers.
    """
    if text is None or not str(text).strip():
        return None
    values = []
    for part in str(text).replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            value = float(part)
        except ValueError as exc:
            raise CardError(
                tr("{label}: '{part}' is not a number (give comma-separated numbers)").format(label=label, part=part)
            ) from exc
        if not math.isfinite(value):
            raise CardError(tr("{label}: '{part}' is not a finite number").format(label=label, part=part))
        values.append(value)
    return values or None


def parse_bands(text: str | None) -> list[int] | None:
    """Raster band numbers from BANDS ('1,2,3'), in the model's input order.

    Args:
        text: the text, or None.

    Returns:
        list[int] | None: 1-based band numbers; None for an empty text.

    Raises:
        CardError: not numbers, or not whole numbers from 1.
    """
    values = parse_numbers(text, "BANDS")
    if values is None:
        return None
    if any(v != int(v) or v < 1 for v in values):
        raise CardError(tr("BANDS: band numbers are whole numbers from 1, got {text!r}").format(text=text))
    return [int(v) for v in values]


def read_graph(path: str):
    """What an ONNX file's graph takes and gives, and its metadata, without reading its card.

    Args:
        path: the .onnx file.

    Returns:
        tuple: (name -> GraphPort of the inputs, of the outputs, metadata_props key -> value).

    Raises:
        CardError: onnx missing, the file missing or unreadable.
    """
    proto = load_proto(path)
    inputs, outputs = graph_ports(proto)
    props = {p.key: p.value for p in proto.metadata_props}
    return inputs, outputs, props


def carries_card(props: dict[str, str]) -> str | None:
    """'SatImpact card' or 'Deepness metadata' where the model describes itself, else None.

    Args:
        props: the ONNX metadata properties (key -> value) of the model.
    """
    if CARD_KEY in props:
        return "a SatImpact card"
    if has_deepness_metadata(props):
        return "Deepness metadata"
    return None


def output_margin(graph_inputs, graph_outputs) -> int:
    """Pixels an output lacks on each side compared with the input.

    Args:
        graph_inputs: name -> GraphPort of the graph's inputs (the first is used).
        graph_outputs: name -> GraphPort of the graph's outputs.

    Returns:
        int: the largest margin of any output; 0 when the same size or unknown.

    Raises:
        CardError: an output smaller than the input by an odd number of pixels.
    """
    port = next(iter(graph_inputs.values()))
    size_in = port.fixed(2)
    margin = 0
    for out in graph_outputs.values():
        size_out = out.fixed(len(out.shape) - 2) if len(out.shape) >= 3 else None
        if size_in and size_out and size_out < size_in:
            if (size_in - size_out) % 2:
                raise CardError(
                    tr(
                        "output '{out_name}' is {size_out} px for a {size_in} px input: an odd "
                        "difference cannot be centred on the tile"
                    ).format(out_name=out.name, size_out=size_out, size_in=size_in)
                )
            margin = max(margin, (size_in - size_out) // 2)
    return margin


# card_from_parameters checks what was stated against the graph in steps: the input port, the tile,
# the overlap (which must hide any frame the output lacks), the normalisation; then writes the card.


def _input_port(origin: str, params: StatedParameters, band_names: list[str], graph_inputs):
    """The graph's one input, checked against the stated kind and the band count."""
    if params.model_kind not in MODEL_KINDS:
        raise CardError(
            tr("MODEL_TYPE '{params_model_kind}' is unknown (expected one of {0})").format(
                ", ".join(MODEL_KINDS), params_model_kind=params.model_kind
            )
        )
    if len(graph_inputs) != 1:
        raise CardError(
            tr(
                "{origin}: the graph has {0} inputs ({1}); stated parameters describe one-input "
                "models only: give the model a card"
            ).format(len(graph_inputs), ", ".join(graph_inputs), origin=origin)
        )
    port = next(iter(graph_inputs.values()))
    if len(port.shape) != 4:
        raise CardError(
            tr("{origin}: the graph input must be (batch, bands, height, width), got shape {port_shape}").format(
                origin=origin, port_shape=port.shape
            )
        )
    channels = port.fixed(1)
    if channels is not None and channels != len(band_names):
        raise CardError(
            tr(
                "{origin}: the graph takes {channels} channels but BANDS gives {0} band(s); list "
                "{channels} raster bands in the model's input order"
            ).format(len(band_names), origin=origin, channels=channels)
        )
    return port


def _tile_size(origin: str, params: StatedParameters, port) -> int:
    """TILE_SIZE, else the graph's fixed size, else DEFAULT_TILE; a fixed graph size wins."""
    fixed_h, fixed_w = port.fixed(2), port.fixed(3)
    if fixed_h and fixed_w and fixed_h != fixed_w:
        raise CardError(
            tr("{origin}: the graph takes {fixed_w}x{fixed_h} px tiles; only square tiles are supported").format(
                origin=origin, fixed_w=fixed_w, fixed_h=fixed_h
            )
        )
    fixed = fixed_h or fixed_w
    tile = params.tile_size
    if tile is not None and fixed and tile != fixed:
        raise CardError(
            tr(
                "{origin}: TILE_SIZE {tile} px is refused: the graph's input has a fixed size of "
                "{fixed} px (leave TILE_SIZE empty to use it)"
            ).format(origin=origin, tile=tile, fixed=fixed)
        )
    tile = tile or fixed or DEFAULT_TILE
    if tile < 8:
        raise CardError(tr("TILE_SIZE must be at least 8 px, got {tile}").format(tile=tile))
    return tile


def _overlap(params: StatedParameters, model_type: str, merge: str, tile: int, margin: int, warn):
    """The overlap and merge rule: stated, or a share of the tile, raised to hide the output's margin."""
    if model_type == "chip":
        overlap = 0
        if params.overlap:
            warn("OVERLAP is ignored for a features (chip) model: chips are scored side by side")
    elif params.overlap is not None:
        overlap = int(params.overlap)
    elif merge == "none":
        overlap = 0
    else:
        overlap = int(round(DEFAULT_OVERLAP_SHARE * tile))
    if margin:
        # Blending gives no weight to the outer quarter of the overlap (engine.raster.axis_weights),
        # so an overlap of four margins hides the frame the output lacks; crop needs two.
        need = 4 * margin if merge == "blend" else 2 * margin
        if overlap < need:
            if params.overlap is not None:
                warn(
                    f"the model's output is {2 * margin} px smaller than its input: OVERLAP raised "
                    f"from {overlap} to {need} px so the missing frame never reaches the result"
                )
            overlap = need
        if merge == "none":
            merge = "crop"
    if overlap < 0 or 2 * overlap >= tile:
        raise CardError(
            tr("OVERLAP must be from 0 to below half the tile ({tile} px), got {overlap}").format(
                tile=tile, overlap=overlap
            )
        )
    return overlap, merge


def _normalisation(params: StatedParameters, n: int) -> tuple[list | None, list | None, float, float]:
    """(mean, std, scale, offset) for ``n`` bands; a single MEAN/STD value applies to every band."""
    mean, std = params.mean, params.std
    if (mean is None) != (std is None):
        raise CardError(tr("MEAN and STD must be given together (one value per band, or one for all)"))
    if mean is not None:
        if len(mean) == 1:
            mean = mean * n
        if len(std) == 1:
            std = std * n
        if len(mean) != n or len(std) != n:
            raise CardError(
                tr("MEAN and STD need one value per band ({n}), got {0} and {1}").format(len(mean), len(std), n=n)
            )
        if any(s <= 0 for s in std):
            raise CardError(tr("every STD value must be positive"))
    scale = DEFAULT_SCALE if params.scale is None else float(params.scale)
    offset = 0.0 if params.offset is None else float(params.offset)
    if scale == 0 or not math.isfinite(scale) or not math.isfinite(offset):
        raise CardError(
            tr("SCALE must be a finite number other than 0 and OFFSET finite, got {scale}, {offset}").format(
                scale=scale, offset=offset
            )
        )
    return mean, std, scale, offset


def _stated_identity(path: str, model_kind: str) -> dict:
    """The identity fields of a stated card: named after the file, everything else unknown."""
    stem = os.path.splitext(os.path.basename(path))[0]
    return {
        "card_version": 1,
        "name": stem,
        "title": stem,
        "version": "unknown",
        "task": "generic",
        "license": "unknown (card written from parameters stated by the user)",
        "citation": "",
        "data": "unknown",
        "caveats": "Card written from parameters stated by the user, not by the model's author.",
        "description": f"{model_kind} model; card from stated parameters",
    }


def card_from_parameters(
    path: str,
    params: StatedParameters,
    band_names: list[str],
    graph_inputs,
    graph_outputs,
    warn=None,
) -> ModelCard:
    """A card for the model at ``path`` from what the user stated and what the graph says.

    ``band_names`` names the raster bands the model reads, in its input order (they become
    the card's band list, so a saved card finds them again by name).

    Args:
        path: the .onnx file (its stem names the card).
        params: what the user stated (MODEL_TYPE, TILE_SIZE, OVERLAP, MEAN, STD, SCALE ...).
        band_names: the bands the model reads, in its input order.
        graph_inputs: name -> GraphPort of the graph's inputs.
        graph_outputs: name -> GraphPort of the graph's outputs.
        warn: ``warn(message)`` for adjustments the user should know of (an overlap raised, an
            ignored OVERLAP), or None.

    Returns:
        ModelCard: the card (``source_format`` "stated"), checked against the graph.

    Raises:
        CardError: an unknown MODEL_TYPE, a graph with other than one 4-D input, a channel
            count other than the bands', a tile size the graph refuses or below 8 px, a bad
            overlap, MEAN/STD/SCALE/OFFSET/MODEL_RESOLUTION out of range.
    """
    origin = os.path.basename(path)
    warn = warn or (lambda message: None)
    port = _input_port(origin, params, band_names, graph_inputs)
    model_type, kind, merge = _KIND_LAYOUT[params.model_kind]
    tile = _tile_size(origin, params, port)
    # Only maps (segmentation, regression, index) can be smaller than their tile; boxes, upscaled
    # images and embeddings have other sizes by nature.
    spatial = params.model_kind in ("segmentation", "regression", "index")
    margin = output_margin(graph_inputs, graph_outputs) if spatial else 0
    overlap, merge = _overlap(params, model_type, merge, tile, margin, warn)
    mean, std, scale, offset = _normalisation(params, len(band_names))
    resolution = params.resolution_m
    if resolution is not None and not (resolution > 0 and math.isfinite(resolution)):
        raise CardError(
            tr("MODEL_RESOLUTION must be a positive number of metres per pixel, got {resolution}").format(
                resolution=resolution
            )
        )
    threshold = params.threshold
    if threshold is None and params.model_kind == "segmentation":
        threshold = 0.5

    stated = {k: v for k, v in vars(params).items() if v is not None}
    data = {
        **_stated_identity(path, params.model_kind),
        "model_type": model_type,
        "inputs": [
            {
                "name": port.name,
                "bands": list(band_names),
                "scale": scale,
                "offset": offset,
                "mean": mean,
                "std": std,
                "resolution_m": [resolution / 2.0, resolution * 2.0] if resolution else None,
            }
        ],
        "tiling": {"tile_size": tile, "overlap": overlap, "merge": merge},
        "outputs": [
            {"name": name, "kind": kind, "threshold": threshold if kind == "probability" else None}
            for name in graph_outputs
        ],
        "extra": {
            "model_kind": params.model_kind,
            "resolution_nominal_m": resolution,
            "stated_parameters": stated,
            "output_margin": margin,
        },
    }
    card = card_from_dict(data, origin)
    card.source_format = "stated"
    check_card_against_graph(card, graph_inputs, graph_outputs, origin)
    return card


def load_with_parameters(path: str, params: StatedParameters, band_names: list[str], warn=None) -> LoadedModel:
    """The model at ``path`` with a card built from ``params``.

    Args:
        path: the .onnx file.
        params: what the user stated.
        band_names: the bands the model reads, in its input order.
        warn: ``warn(message)`` for adjustments, or None.

    Returns:
        LoadedModel: the model with the stated card (batch limited where the graph needs it).

    Raises:
        CardError: an unreadable model, a model that carries its own card, or parameters that
            ``card_from_parameters`` refuses.
    """
    graph_inputs, graph_outputs, props = read_graph(path)
    own = carries_card(props)
    if own:
        raise CardError(
            tr(
                "{0} carries {own}: the card is the model's contract, so {1} are refused; leave "
                "them empty to use the card, or save a new card into a copy of the model "
                "(SAVE_CARD) from a copy without metadata"
            ).format(os.path.basename(path), ", ".join(params.given()), own=own)
        )
    card = card_from_parameters(path, params, band_names, graph_inputs, graph_outputs, warn)
    model = LoadedModel(path=path, card=card, graph_inputs=graph_inputs, graph_outputs=graph_outputs)
    limit_batch_if_needed(model, warn)
    return model


def limit_batch_if_needed(model: LoadedModel, warn=None) -> None:
    """Limit the card to a batch of one where the graph only runs that.

    Some exports declare a free batch size but reshape to a batch of one inside (a Reshape to a
    constant shape). Try a batch of two zero tiles once; where only one runs, the card says so
    (``extra.max_batch``) and the runner sends tiles one at a time.

    Args:
        model: the model, whose card is changed in place.
        warn: ``warn(message)`` to say so, or None.
    """
    import numpy as np
    import onnxruntime as ort

    card = model.card
    port = model.graph_inputs[card.inputs[0].name]
    if port.fixed(0) or card.model_type != "dense":
        return
    tile = card.tiling.tile_size
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.log_severity_level = 4  # the expected failure is reported below, not on stderr
    session = ort.InferenceSession(model.path, sess_options=options, providers=["CPUExecutionProvider"])

    def runs(batch: int) -> bool:
        try:
            session.run(None, {port.name: np.zeros((batch, len(card.inputs[0].bands), tile, tile), np.float32)})
            return True
        except Exception:  # onnxruntime's own error types
            return False

    if not runs(2) and runs(1):
        card.extra["max_batch"] = 1
        if warn:
            warn(
                f"{os.path.basename(model.path)} declares a free batch size but runs only one tile at a "
                "time (its graph fixes the batch inside): tiles are sent one by one"
            )


def save_card_copy(source: str, card: ModelCard, target: str) -> str:
    """Write ``source`` to ``target`` with ``card`` in its metadata (written aside, then moved in place).

    Args:
        source: the .onnx file.
        card: the card to store.
        target: the new file.

    Returns:
        str: ``target``.

    Raises:
        CardError: ``target`` is ``source`` or in a missing folder, or the copy does not read
            back as a valid model (then nothing is written).
    """
    import onnx

    from .model import attach_card, read_model

    if os.path.abspath(source) == os.path.abspath(target):
        raise CardError(
            tr("SAVE_CARD: {target} is the model itself; choose another file (the original stays as it is)").format(
                target=target
            )
        )
    folder = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(folder):
        raise CardError(tr("SAVE_CARD: the folder {folder} does not exist").format(folder=folder))
    proto = onnx.load(source, load_external_data=False)
    attach_card(proto, card)
    tmp = f"{target}.part"
    try:
        onnx.save(proto, tmp)
        read_model(tmp)  # the copy must load as a carded model, or nothing is written
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return target


def save_stated_card(source: str, params: StatedParameters, band_names: list[str], target: str, warn=None) -> str:
    """Write a card from stated parameters into a copy of ``source`` at ``target`` (without a run).

    Args:
        source: the .onnx file.
        params: what the user stated.
        band_names: the bands the model reads, in its input order.
        target: the new file.
        warn: ``warn(message)`` for adjustments, or None.

    Returns:
        str: ``target``.

    Raises:
        CardError: as ``load_with_parameters`` and ``save_card_copy``.
    """
    model = load_with_parameters(source, params, band_names, warn)
    return save_card_copy(source, model.card, target)


def add_stated_card(
    source: str, params: StatedParameters, band_names: list[str], user_dir: str, warn=None, overwrite: bool = False
) -> str:
    """Copy an uncarded model into the user folder with a card from stated parameters.

    It then shows in the model list like any user model. The file name is made safe as on
    import, and an existing user model is replaced only with ``overwrite=True``.

    Args:
        source: the uncarded .onnx file.
        params: what the user stated.
        band_names: the bands the model reads, in its input order.
        user_dir: the user's models folder.
        warn: ``warn(message)`` for adjustments, or None.
        overwrite: replace a user model of the same name.

    Returns:
        str: the new model's path.

    Raises:
        ModelExistsError: a user model of that name exists and ``overwrite`` is False.
        CardError: a shipped model has that name, or as ``save_stated_card``.
    """
    from .registry import ModelExistsError, user_model_target

    target = user_model_target(os.path.splitext(os.path.basename(source))[0], user_dir)
    if os.path.exists(target) and not overwrite:
        raise ModelExistsError(
            tr("a user model called '{0}' exists already ({target})").format(
                os.path.basename(target)[:-5], target=target
            ),
            target,
        )
    return save_stated_card(source, params, band_names, target, warn)
