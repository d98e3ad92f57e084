"""Loading ONNX models: read the card, check it against the graph, cache sessions."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field

from .card import (
    CARD_KEY,
    STANDARD_DOMAINS,
    ModelCard,
    has_deepness_metadata,
    parse_card,
)
from .errors import CardError
from .i18n import tr

_FLOAT = 1  # onnx.TensorProto.FLOAT


@dataclass
class GraphPort:
    """A graph input or output: name, ONNX element type and shape (ints fixed, else free)."""

    name: str
    elem_type: int
    shape: list  # ints for fixed dims, strings or None for free dims

    def fixed(self, axis: int) -> int | None:
        """The fixed size of one axis.

        Args:
            axis: the axis (0 batch, 1 channels, 2 height, 3 width).

        Returns:
            int | None: the size, None where the axis is free or absent.
        """
        if axis >= len(self.shape):
            return None
        dim = self.shape[axis]
        return dim if isinstance(dim, int) and dim > 0 else None


@dataclass
class LoadedModel:
    """A model file with its validated card and its graph's inputs and outputs."""

    path: str
    card: ModelCard
    graph_inputs: dict[str, GraphPort]
    graph_outputs: dict[str, GraphPort]
    external_data: list[str] = field(default_factory=list)  # weight files beside the .onnx

    def fixed_tile(self) -> int | None:
        """The spatial size the graph insists on, or None where H and W are free."""
        for port in self.graph_inputs.values():
            h, w = port.fixed(2), port.fixed(3)
            if h or w:
                return h or w
        return None

    def output_channels(self, name: str) -> int | None:
        """Channels of one graph output, None where the graph leaves them free.

        Args:
            name: the output's name.

        Returns:
            int | None: the channel count.

        Raises:
            KeyError: the graph has no such output.
        """
        return self.graph_outputs[name].fixed(1)


def _ports(values) -> dict[str, GraphPort]:
    ports = {}
    for value in values:
        tensor = value.type.tensor_type
        shape = []
        for dim in tensor.shape.dim:
            if dim.HasField("dim_value"):
                shape.append(int(dim.dim_value))
            else:
                shape.append(dim.dim_param or None)
        ports[value.name] = GraphPort(value.name, int(tensor.elem_type), shape)
    return ports


def load_proto(path: str):
    """The ONNX model at a path, its external data not loaded.

    Args:
        path: the .onnx file.

    Returns:
        onnx.ModelProto: the model.

    Raises:
        CardError: onnx is not installed, the file is missing or it is no readable ONNX model.
    """
    try:
        import onnx  # imported here: the plugin must load (and explain) even without it
    except ImportError as exc:
        raise CardError(missing_package_message("onnx")) from exc

    origin = os.path.basename(path)
    if not os.path.isfile(path):
        raise CardError(tr("model file not found: {path}").format(path=path))
    try:
        return onnx.load(path, load_external_data=False)
    except Exception as exc:  # onnx raises DecodeError, ValueError, ... for broken files
        raise CardError(
            tr("{origin}: not a readable ONNX model ({0}: {exc})").format(type(exc).__name__, origin=origin, exc=exc)
        ) from exc


def graph_ports(proto) -> tuple[dict[str, GraphPort], dict[str, GraphPort]]:
    """The graph's inputs (weights stored as inputs left out) and outputs, by name.

    Args:
        proto: an onnx ModelProto.

    Returns:
        tuple[dict, dict]: (name -> GraphPort of the inputs, name -> GraphPort of the outputs).
    """
    initializers = {init.name for init in proto.graph.initializer}
    return _ports([v for v in proto.graph.input if v.name not in initializers]), _ports(proto.graph.output)


def read_model(path: str) -> LoadedModel:
    """Read an ONNX file, parse its card and check the card against the graph.

    Every refusal names the file and what is wrong, so the analyst can fix it
    or tell the model's author.

    Args:
        path: the .onnx file.

    Returns:
        LoadedModel: the model with its card (a SatImpact card, or one converted from Deepness
        metadata).

    Raises:
        CardError: onnx missing, an unreadable file or one without a graph, custom operators,
            weights kept outside the model's folder, no card, or a card that is invalid or does
            not match the graph.
    """
    origin = os.path.basename(path)
    proto = load_proto(path)
    if not proto.HasField("graph") or not proto.graph.node:
        raise CardError(tr("{origin}: not a readable ONNX model (the file holds no graph)").format(origin=origin))

    custom = sorted(
        {imp.domain for imp in proto.opset_import if imp.domain not in STANDARD_DOMAINS}
        | {node.domain for node in proto.graph.node if node.domain not in STANDARD_DOMAINS}
    )
    if custom:
        raise CardError(
            tr(
                "{origin}: uses custom operator domain(s) {0}; SatImpact runs only standard ONNX "
                "operators (no custom-op libraries, models are data, not code)"
            ).format(", ".join(custom), origin=origin)
        )

    external = _external_data(proto, path, origin)
    graph_inputs, graph_outputs = graph_ports(proto)
    props = {p.key: p.value for p in proto.metadata_props}

    if CARD_KEY in props:
        card = parse_card(props[CARD_KEY], origin)
    elif has_deepness_metadata(props):
        from .deepness import card_from_deepness_graph
        from .stated_card import limit_batch_if_needed

        try:
            card = card_from_deepness_graph(path, props, graph_inputs, graph_outputs)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError) as exc:
            # metadata is data written by anyone: any value that cannot be converted is a card error
            raise CardError(
                tr("{origin}: Deepness metadata: a value cannot be read ({0}: {exc})").format(
                    type(exc).__name__, origin=origin, exc=exc
                )
            ) from exc
        check_card_against_graph(card, graph_inputs, graph_outputs, origin)
        model = LoadedModel(
            path=path, card=card, graph_inputs=graph_inputs, graph_outputs=graph_outputs, external_data=external
        )
        limit_batch_if_needed(model)
        return model
    else:
        raise CardError(
            tr(
                "{origin}: has no model card: metadata_props holds neither '{CARD_KEY}' nor "
                "Deepness metadata (a known model_type); see docs/model-cards.md"
            ).format(origin=origin, CARD_KEY=CARD_KEY)
        )

    check_card_against_graph(card, graph_inputs, graph_outputs, origin)
    return LoadedModel(
        path=path, card=card, graph_inputs=graph_inputs, graph_outputs=graph_outputs, external_data=external
    )


def _external_data(proto, path: str, origin: str) -> list[str]:
    """Files the weights are kept in beside the model (ONNX external data).

    Each must be a relative path inside the model's folder: a model file must never make
    onnxruntime read /etc/passwd or ../../anything.
    """
    folder = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    found = []
    for tensor in proto.graph.initializer:
        if tensor.data_location != 1:  # onnx.TensorProto.EXTERNAL
            continue
        location = next((e.value for e in tensor.external_data if e.key == "location"), "")
        target = os.path.realpath(os.path.join(folder, location))
        if not location or os.path.isabs(location) or os.path.commonpath([folder, target]) != folder:
            raise CardError(
                tr(
                    "{origin}: tensor '{tensor_name}' keeps its data at '{location}', outside the "
                    "model's folder; refused"
                ).format(origin=origin, tensor_name=tensor.name, location=location)
            )
        if not os.path.isfile(target):
            raise CardError(
                tr("{origin}: tensor '{tensor_name}' keeps its data in '{location}', which is missing").format(
                    origin=origin, tensor_name=tensor.name, location=location
                )
            )
        if location not in found:
            found.append(location)
    return found


def check_card_against_graph(card: ModelCard, graph_inputs, graph_outputs, origin: str) -> None:
    """Refuse a card that does not describe the graph it is attached to.

    Args:
        card: the card.
        graph_inputs: name -> GraphPort of the graph's inputs.
        graph_outputs: name -> GraphPort of the graph's outputs.
        origin: the model file's name, which starts every error message.

    Raises:
        CardError: input names differ; an input that is not float32 or not 4-D, whose channels
            differ from the card's bands or whose fixed size differs from the tile size; an
            output the graph lacks, of the wrong rank, or with another number of band names.
    """
    card_inputs = [i.name for i in card.inputs]
    if sorted(card_inputs) != sorted(graph_inputs):
        raise CardError(
            tr("{origin}: the card's inputs {card_inputs} do not match the graph's inputs {0}").format(
                sorted(graph_inputs), origin=origin, card_inputs=card_inputs
            )
        )
    tile = card.tiling.tile_size
    for spec in card.inputs:
        port = graph_inputs[spec.name]
        if port.elem_type != _FLOAT:
            raise CardError(
                tr(
                    "{origin}: graph input '{spec_name}' must be float32 (ONNX type 1), got type {port_elem_type}"
                ).format(origin=origin, spec_name=spec.name, port_elem_type=port.elem_type)
            )
        if len(port.shape) != 4:
            raise CardError(
                tr(
                    "{origin}: graph input '{spec_name}' must be 4-D (batch, bands, height, width), "
                    "got shape {port_shape}"
                ).format(origin=origin, spec_name=spec.name, port_shape=port.shape)
            )
        channels = port.fixed(1)
        if channels is not None and channels != len(spec.bands):
            raise CardError(
                tr(
                    "{origin}: the card lists {0} bands for input '{spec_name}' ({1}) but the graph "
                    "takes {channels} channels"
                ).format(len(spec.bands), spec.describe_bands(), origin=origin, spec_name=spec.name, channels=channels)
            )
        for axis, label in ((2, "height"), (3, "width")):
            size = port.fixed(axis)
            if size is not None and size != tile:
                raise CardError(
                    tr(
                        "{origin}: graph input '{spec_name}' has a fixed {label} of {size} px but the "
                        "card's tile_size is {tile} px"
                    ).format(origin=origin, spec_name=spec.name, label=label, size=size, tile=tile)
                )
    for out in card.outputs:
        if out.name not in graph_outputs:
            raise CardError(
                tr("{origin}: the card describes output '{out_name}' but the graph's outputs are {0}").format(
                    sorted(graph_outputs), origin=origin, out_name=out.name
                )
            )
        port = graph_outputs[out.name]
        if card.model_type == "dense" and len(port.shape) not in (3, 4):
            raise CardError(
                tr(
                    "{origin}: dense output '{out_name}' must be (batch, channels, height, width), "
                    "got shape {port_shape}"
                ).format(origin=origin, out_name=out.name, port_shape=port.shape)
            )
        if card.model_type == "chip" and len(port.shape) not in (1, 2, 4):
            raise CardError(
                tr("{origin}: chip output '{out_name}' must be (batch, features), got shape {port_shape}").format(
                    origin=origin, out_name=out.name, port_shape=port.shape
                )
            )
        channels = port.fixed(1) if len(port.shape) > 1 else 1
        if out.band_names and channels is not None and len(out.band_names) != channels:
            raise CardError(
                tr("{origin}: output '{out_name}' has {channels} channels but the card names {0} bands").format(
                    len(out.band_names), origin=origin, out_name=out.name, channels=channels
                )
            )


# --- sessions -----------------------------------------------------------------------------

_SESSIONS: dict[tuple, object] = {}
_MODELS: dict[tuple, LoadedModel] = {}
_LOCK = threading.Lock()


def missing_package_message(package: str) -> str:
    """The message for a Python package missing from QGIS's Python, with how to install it.

    Args:
        package: the package's name.

    Returns:
        str: the message.
    """
    return (
        f"the Python package '{package}' is not installed in the Python that runs QGIS; "
        "install it (QGIS's message bar offers to, into the profile's python/satimpact-deps; "
        "or see 'Install in QGIS' in the README) and restart QGIS"
    )


def default_threads() -> int:
    """Threads for one model run: SATIMPACT_THREADS where set, else every core."""
    # A batch worker sets SATIMPACT_THREADS=1: its cluster runs one model per core already.
    fixed = os.environ.get("SATIMPACT_THREADS", "").strip()
    if fixed.isdigit() and int(fixed) > 0:
        return int(fixed)
    # All cores for one model: tiles are processed one batch at a time, and
    # reading/writing run in their own threads, which mostly wait on I/O.
    return max(1, os.cpu_count() or 1)


def _file_key(path: str) -> tuple:
    st = os.stat(path)
    return (os.path.realpath(path), st.st_mtime_ns, st.st_size)


def load_model(path: str) -> LoadedModel:
    """Read and validate a model, cached per file (path, mtime and size).

    Args:
        path: the .onnx file.

    Returns:
        LoadedModel: the model with its card.

    Raises:
        CardError: the file is missing, unreadable, uses custom operators, keeps weights outside
            its folder, or its card is missing, invalid or does not match the graph.
    """
    if not os.path.isfile(path):
        raise CardError(tr("model file not found: {path}").format(path=path))
    key = _file_key(path)
    with _LOCK:
        model = _MODELS.get(key)
    if model is None:
        model = read_model(path)
        with _LOCK:
            _MODELS[key] = model
    return model


def get_session(model: LoadedModel, threads: int | None = None):
    """One onnxruntime session per model file and thread count, reused across runs.

    Args:
        model: the loaded model.
        threads: intra-op threads (None: ``default_threads()``).

    Returns:
        onnxruntime.InferenceSession: the session.

    Raises:
        CardError: onnxruntime is missing or cannot load the model.
    """
    try:
        import onnxruntime as ort
    except ImportError as exc:
        raise CardError(missing_package_message("onnxruntime")) from exc

    threads = threads or default_threads()
    key = _file_key(model.path) + (threads,)
    with _LOCK:
        session = _SESSIONS.get(key)
        if session is not None:
            return session
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Idle onnxruntime workers spin by default, burning the CPU that the runner's read,
    # merge and write threads need (on 2 cores a pixelwise model ran 30% slower).
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    # No memory arena: the arena keeps every activation buffer it ever grew to for the life of
    # the session (cached across runs), and each lane grows its own. Without it the buffers go
    # back to the system after each batch; on the Deepness benchmark (3-layer CNN, 512 px
    # tiles, 57 Mpx) peak RSS fell from 1164 to 873 MB and the run was no slower.
    options.enable_cpu_mem_arena = False
    try:
        session = ort.InferenceSession(model.path, sess_options=options, providers=["CPUExecutionProvider"])
    except Exception as exc:
        raise CardError(
            tr("{0}: onnxruntime cannot load it: {exc}").format(os.path.basename(model.path), exc=exc)
        ) from exc
    with _LOCK:
        _SESSIONS[key] = session
    return session


def clear_caches() -> None:
    """Forget every cached model and session (a model file was replaced or removed)."""
    with _LOCK:
        _SESSIONS.clear()
        _MODELS.clear()


def attach_card(proto, card: ModelCard | dict) -> None:
    """Store a card in an ONNX ModelProto's metadata_props (replacing an older one).

    Args:
        proto: the onnx ModelProto, changed in place.
        card: the card, as a ModelCard or a dictionary.
    """
    import json

    text = card.to_json() if isinstance(card, ModelCard) else json.dumps(card, indent=1)
    keep = [p for p in proto.metadata_props if p.key != CARD_KEY]
    del proto.metadata_props[:]
    for p in keep:
        proto.metadata_props.add(key=p.key, value=p.value)
    proto.metadata_props.add(key=CARD_KEY, value=text)
