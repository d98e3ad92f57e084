"""Running a carded ONNX model over rasters, tile by tile, with bounded memory.

Dense models (a value per pixel) are run on overlapping tiles; the tiles of one
row are merged into a strip buffer (blend or crop, see ``raster.axis_weights``)
that is written out block row by block row. Rasters wider than the buffer budget
(``RunOptions.strip_bytes``) are done in column stripes, each top to bottom, so memory
depends on the tile size and the budget, never on the raster's size. Chip models (one vector per
chip) write one output pixel per chip.

Dense models run in "lanes": each lane thread reads a batch of tiles (with its own
dataset handles) and runs the model on it, so while one lane reads another infers.
The caller's thread merges finished batches in order into the strip buffer, and a
writer thread writes the final rows. GDAL, numpy and onnxruntime
release the GIL, so all of these overlap. Chip models read in one thread while
onnxruntime works on the previous batch.
"""

from __future__ import annotations

import collections
import math
import os
import queue
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from .card import InputSpec, merge_name
from .errors import Cancelled, EngineError
from .geo import mask_facts, valid_mask
from .i18n import tr
from .memory import gdal_cache_limit
from .model import LoadedModel, default_threads, get_session
from .raster import (
    OUTPUT_BLOCK,
    GeoTiffWriter,
    axis_starts,
    axis_weights,
    check_output_writable,
    commit_output,
    gtiff_profile,
    owned_span,
    remove_quietly,
    temporary_path,
)


class Feedback:
    """What the engine tells its caller. The Processing layer maps it onto QgsProcessingFeedback."""

    def progress(self, percent: float) -> None:  # 0..100
        """Report progress, 0 to 100 %.

        Args:
            percent: the run's progress, 0 to 100.
        """

    def is_cancelled(self) -> bool:
        """Whether the user asked to stop (checked between tiles)."""
        return False

    def info(self, message: str) -> None:
        """Log a message.

        Args:
            message: the text to log.
        """

    def warning(self, message: str) -> None:
        """Log a warning.

        Args:
            message: the warning's text.
        """


class StageFeedback(Feedback):
    """Maps a sub-task's 0..100 % onto the slice ``start``..``end`` of the whole run.

    Messages and cancel pass through to ``parent``.

    Args:
        parent: the run's feedback.
        start: where the sub-task starts in the whole run, %.
        end: where it ends, %.
    """

    def __init__(self, parent: Feedback, start: float, end: float):
        self.parent, self.start, self.end = parent, start, end

    def progress(self, percent: float) -> None:
        """Report the sub-task's progress (0 to 100 %) as the parent's slice.

        Args:
            percent: the sub-task's progress, 0 to 100.
        """
        self.parent.progress(self.start + (self.end - self.start) * percent / 100.0)

    def is_cancelled(self) -> bool:
        """Whether the parent was cancelled."""
        return self.parent.is_cancelled()

    def info(self, message: str) -> None:
        """Pass a message to the parent.

        Args:
            message: the text to log.
        """
        self.parent.info(message)

    def warning(self, message: str) -> None:
        """Pass a warning to the parent.

        Args:
            message: the warning's text.
        """
        self.parent.warning(message)


class InlineExecutor:
    """``ThreadPoolExecutor``'s submit and shutdown, each call run at once on the caller's thread.

    A run allowed one thread (``SATIMPACT_THREADS=1``: a batch worker, one per core) does its
    reading, inference and writing on that thread. Handing each step to a helper thread and back
    put the run on two cores by turns: 24 water chips took 12-15 % longer than with the process
    held to one core, and a second worker on the other core paid for the switches (docs/batch.md).
    """

    def submit(self, fn, *args, **kwargs) -> Future:
        """Run ``fn`` now; its result (or exception) in a finished Future."""
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # raised again by result(), as a pool's future would
            future.set_exception(exc)
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        """Nothing runs in the background: nothing to wait for."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> bool:
        return False


def make_pool(workers: int, name: str, inline: bool):
    """A thread pool for a run's helper steps, or an ``InlineExecutor`` for a one-thread run."""
    return InlineExecutor() if inline else ThreadPoolExecutor(workers, thread_name_prefix=f"satimpact-{name}")


@dataclass
class RasterInput:
    """One model input read from a raster: its path and the bands, in the card's band order."""

    path: str
    bands: list[int]  # 1-based band numbers, in the order of the card's band list


@dataclass
class RunOptions:
    """How a model runs: threads, batches, lanes, memory and cache limits, output compression."""

    threads: int | None = None
    # tiles per batch are chosen to hold about this many pixels: one 512 px tile. Activations
    # grow with the batch (a 16-channel layer on 4 tiles: 67 MB per tensor, per lane), while
    # one tile is already enough work per call for onnxruntime.
    batch_pixels: int = 1 << 18
    max_batch: int = 16  # ...and at most this many tiles, so progress and cancel stay responsive
    min_valid_share: float = 0.5  # chip models: chips with less valid imagery get nodata
    write_valid_share: bool = False  # chip models: add a band with each chip's valid share
    strip_bytes: int = 96 << 20  # dense models: merge buffer budget; wider rasters go in column stripes
    gdal_cache_bytes: int = 256 << 20  # GDAL block cache cap during the run (less where the run needs less)
    memory_limit_bytes: int | None = None  # refuse runs estimated above this (default: half the RAM)
    compress: str | None = None  # auto (None), zstd, deflate or none: see raster.gtiff_profile
    lanes: int | None = None  # dense models: batches inferred side by side (threads split between them)


@dataclass
class RunReport:
    """What a run did: tiles, layout, threads, time and output bands."""

    output_path: str
    tiles: int
    tile_size: tuple[int, int]
    overlap: int
    merge: str
    threads: int
    batch_size: int
    seconds: float
    pixels: int
    band_names: list[str] = field(default_factory=list)
    nodata: float | None = None
    lanes: int = 1

    def describe(self) -> str:
        """One log line: tiles, overlap, merge, batch, threads, time and speed."""
        return tr(
            "{tiles} tiles of {0}x{1} px, overlap {overlap} px, merge {merge}, batch "
            "{batch_size}, {threads} onnxruntime thread(s){2}, {seconds:.2f} s ({3:.1f} "
            "Mpx/s)"
        ).format(
            self.tile_size[1],
            self.tile_size[0],
            tr(" in {lanes} lanes").format(lanes=self.lanes) if self.lanes > 1 else "",
            self.pixels / max(self.seconds, 1e-09) / 1000000.0,
            tiles=self.tiles,
            overlap=self.overlap,
            merge=merge_name(self.merge),
            batch_size=self.batch_size,
            threads=self.threads,
            seconds=self.seconds,
        )


def prepare_input(raw: np.ndarray, spec: InputSpec) -> np.ndarray:
    """Map raw pixel values (bands, h, w) to model values, in place on a float32 array.

    Args:
        raw: raw values (bands, h, w); a float32 array is changed in place.
        spec: the card's input (scale, offset, mean/std, clip).

    Returns:
        numpy.ndarray: the model values, float32.
    """
    x = raw.astype(np.float32, copy=False)
    if spec.mean is not None and spec.std is not None:
        # ((x * scale + offset) - mean) / std as one multiply and one add per pixel: on a
        # light model the passes over the tile cost as much as the inference.
        std = np.asarray(spec.std, dtype=np.float64)
        gain = (spec.scale / std).astype(np.float32).reshape(-1, *([1] * (x.ndim - 1)))
        bias = ((spec.offset - np.asarray(spec.mean, dtype=np.float64)) / std).astype(np.float32)
        x *= gain
        x += bias.reshape(-1, *([1] * (x.ndim - 1)))
    else:
        if spec.scale != 1.0:
            x *= np.float32(spec.scale)
        if spec.offset != 0.0:
            x += np.float32(spec.offset)
    if spec.clip is not None:
        np.clip(x, spec.clip[0], spec.clip[1], out=x)
    return x


# The valid-pixel mask lives in engine/geo.py (shared with the green, change and series tools).
_valid_mask, _mask_facts = valid_mask, mask_facts


class TileReader:
    """Reads (and normalises) tiles of every input; owns the rasterio datasets.

    Used by the dense and chip runners and by the Deepness-style tools (detection, recognition,
    super-resolution), which walk their own tiles.

    Args:
        model: the model whose card says the bands and normalisation of each input.
        inputs: the card's input name -> RasterInput.

    Raises:
        rasterio.errors.RasterioIOError: an input that cannot be opened.
    """

    def __init__(self, model: LoadedModel, inputs: dict[str, RasterInput]):
        import rasterio

        self.model = model
        self.inputs = inputs
        self.datasets = {}
        try:
            for name, inp in inputs.items():
                self.datasets[name] = rasterio.open(inp.path)
            self.facts = {name: _mask_facts(self.datasets[name], inp.bands) for name, inp in inputs.items()}
        except Exception:
            self.close()
            raise

    def close(self):
        """Close the datasets (again: a no-op)."""
        for ds in self.datasets.values():
            ds.close()
        self.datasets = {}

    def read(self, y: int, x: int, h: int, w: int, pad_h: int, pad_w: int, out: dict | None = None):
        """One tile of every input, padded with zeros to (pad_h, pad_w); returns feeds and validity.

        With ``out`` (input name -> a float32 (bands, pad_h, pad_w) slot of the batch array),
        GDAL reads straight into the batch and the values are prepared there in place: no
        per-tile copy when the batch is stacked.

        Args:
            y: first row of the tile.
            x: first column of the tile.
            h: rows read (at most ``pad_h``).
            w: columns read (at most ``pad_w``).
            pad_h: rows of the tile given to the model.
            pad_w: columns of the tile given to the model.
            out: see above, or None.

        Returns:
            tuple[dict, numpy.ndarray]: (input name -> model values (bands, pad_h, pad_w), (h, w)
            validity: True where every band of every input holds data).
        """
        from rasterio.windows import Window

        window = Window(x, y, w, h)
        valid = np.ones((h, w), dtype=bool)
        arrays = {}
        direct = out is not None and (pad_h, pad_w) == (h, w)
        for name, inp in self.inputs.items():
            ds = self.datasets[name]
            if direct:
                data = ds.read(inp.bands, window=window, out=out[name])
            else:
                data = ds.read(inp.bands, window=window, out_dtype="float32")
            valid &= _valid_mask(ds, inp.bands, data, window, self.facts[name])
            arrays[name] = data
        feeds = {}
        all_valid = bool(valid.all())
        for name, data in arrays.items():
            spec = self.model.card.input(name)
            x_ = prepare_input(data, spec)
            # Invalid pixels become 0 in model units, so they cannot spill NaN into
            # neighbours through a convolution; they are masked again on output.
            if not all_valid:
                x_[:, ~valid] = 0.0
            if (pad_h, pad_w) != (h, w):
                x_ = np.pad(x_, ((0, 0), (0, pad_h - h), (0, pad_w - w)))
            if out is not None and not direct:
                out[name][...] = x_
                x_ = out[name]
            feeds[name] = x_
        return feeds, valid


def _check_same_grid(datasets: dict) -> None:
    items = list(datasets.items())
    ref_name, ref = items[0]
    for name, ds in items[1:]:
        if (ds.width, ds.height) != (ref.width, ref.height) or not ds.transform.almost_equals(ref.transform):
            raise EngineError(
                tr(
                    "inputs '{ref_name}' and '{name}' are not on the same pixel grid "
                    "({ref_width}x{ref_height} vs {ds_width}x{ds_height}); align them first"
                ).format(
                    ref_name=ref_name,
                    name=name,
                    ref_width=ref.width,
                    ref_height=ref.height,
                    ds_width=ds.width,
                    ds_height=ds.height,
                )
            )


def _output_layout(model: LoadedModel, channels: dict[str, int]):
    """Band names, dtype and nodata of the output file, from the card."""
    names = []
    kinds = set()
    for spec in model.card.outputs:
        n = channels[spec.name]
        kinds.add(spec.kind)
        if spec.band_names and len(spec.band_names) != n:
            raise EngineError(
                tr(
                    "model '{model_card_name}': output '{spec_name}' has {n} channel(s) but the card "
                    "names {0} band(s) ({1}); fix the card's band_names"
                ).format(
                    len(spec.band_names),
                    ", ".join(spec.band_names),
                    model_card_name=model.card.name,
                    spec_name=spec.name,
                    n=n,
                )
            )
        if spec.band_names:
            names.extend(spec.band_names)
        elif spec.class_names and len(spec.class_names) == n:
            names.extend(f"{spec.name}_{c}" for c in spec.class_names)
        elif n == 1:
            names.append(spec.name)
        else:
            names.extend(f"{spec.name}_{i + 1}" for i in range(n))
    if kinds == {"class"}:
        dtype = "uint8"
        nodata = model.card.outputs[0].nodata if model.card.outputs[0].nodata is not None else 255
    else:
        dtype = "float32"
        nodata = model.card.outputs[0].nodata if model.card.outputs[0].nodata is not None else -9999.0
    return names, dtype, float(nodata)


def _as_nchw(array: np.ndarray) -> np.ndarray:
    if array.ndim == 3:
        return array[:, None]
    return array


def _tags(model: LoadedModel) -> dict:
    card = model.card
    return {
        "SATIMPACT_MODEL": card.name,
        "SATIMPACT_MODEL_VERSION": card.version,
        "SATIMPACT_MODEL_TITLE": card.title,
        "SATIMPACT_TASK": card.task,
    }


def _fit_to_tile(result: np.ndarray, h: int, w: int) -> np.ndarray:
    """Pad an output smaller than its tile back to the tile size with its edge values.

    An output smaller by an even margin (a convolution without padding: 512 px in, 484 px out)
    covers the tile's centre. The card's overlap must hide that frame (engine.stated_card sets
    it so); at the raster's outer edge the frame keeps the nearest computed value.
    """
    dh, dw = h - result.shape[2], w - result.shape[3]
    if (dh, dw) == (0, 0) or dh < 0 or dw < 0 or dh % 2 or dw % 2:
        return result
    return np.pad(result, ((0, 0), (0, 0), (dh // 2, dh // 2), (dw // 2, dw // 2)), mode="edge")


def _ones_span(weights: np.ndarray) -> tuple[int, int]:
    """The run of positions where a blend weight is exactly one (empty if none)."""
    idx = np.flatnonzero(weights == 1.0)
    if idx.size == 0:
        return 0, 0
    return int(idx[0]), int(idx[-1]) + 1


def _blend_into(acc, tile, r, x, wy, wx, ones_y, ones_x) -> None:
    """acc[:, r:r+h, x:x+w] += tile * wy x wx, copying the centre where the weight is 1.

    The weights of all tiles sum to one, so where this tile's weight is 1 every other
    tile's is 0 and a copy gives the same sum; only the overlap frame is multiplied and
    added, which is a small part of a tile.
    """
    h, w = tile.shape[1:]
    a, b = ones_y
    c, d = ones_x
    if b - a <= 0 or d - c <= 0 or not (wy[a:b] == 1).all() or not (wx[c:d] == 1).all():
        acc[:, r : r + h, x : x + w] += tile * (wy[:, None] * wx[None, :])
        return
    acc[:, r + a : r + b, x + c : x + d] = tile[:, a:b, c:d]
    for y0, y1, x0, x1 in ((0, a, 0, w), (b, h, 0, w), (a, b, 0, c), (a, b, d, w)):
        if y1 > y0 and x1 > x0:
            acc[:, r + y0 : r + y1, x + x0 : x + x1] += tile[:, y0:y1, x0:x1] * (wy[y0:y1, None] * wx[None, x0:x1])


def _column_stripes(width: int, xs: list[int], tw: int, wx: list[np.ndarray], column_bytes: int, budget: int):
    """Split the output columns into stripes whose merge buffer fits ``budget`` bytes.

    Each stripe is ``(c0, c1, tile_columns)``: the output columns it finalises and the tile
    columns that put weight there. A tile column straddling a boundary is run for both
    stripes (a little repeated compute, only on rasters wider than the budget), which keeps
    the merge exact and the memory independent of the raster's width.
    """
    max_cols = max(1, budget // max(1, column_bytes))
    if width <= max_cols or len(xs) == 1:
        return [(0, width, list(range(len(xs))))]
    stride = xs[1] - xs[0]
    # Boundaries on whole output blocks (blocks are written once, never rewritten); on tile
    # starts too where the stride allows, so models without overlap repeat nothing.
    unit = stride if stride % OUTPUT_BLOCK == 0 else OUTPUT_BLOCK
    step = max(unit, ((max_cols - 2 * tw) // unit) * unit)
    spans = []
    for i, w in enumerate(wx):
        lo, hi = owned_span(w) if w.size else (0, 0)
        spans.append((xs[i] + lo, xs[i] + hi))
    stripes = []
    for c0 in range(0, width, step):
        c1 = min(width, c0 + step)
        cols = [i for i, (lo, hi) in enumerate(spans) if lo < c1 and hi > c0]
        stripes.append((c0, c1, cols))
    return stripes


# in engine/memory.py, next to the other GDAL cache cap; the old private name stays because
# tests/engine/test_flood.py imports it (the tests pass unchanged)
_gdal_cache_limit = gdal_cache_limit


def _probe_writable(tmp: str) -> None:
    """Create the temporary file now, so an unwritable place fails before any compute.

    os.access says yes to root and on some read-only mounts. The file is removed again: GDAL
    truncating an existing file makes ext4 (auto_da_alloc) write the whole output back when
    it is closed, 0.2 s at the end of a 105 Mpx run.
    """
    try:
        with open(tmp, "wb"):
            pass
    except OSError as exc:
        raise EngineError(
            tr("the output folder cannot be written: {0} ({1})").format(os.path.dirname(tmp), exc.strerror or exc)
        ) from exc
    os.remove(tmp)


def _run_session(session, model: LoadedModel, output_names: list[str], feeds: dict[str, np.ndarray]):
    try:
        return session.run(output_names, feeds)
    except Exception as exc:  # onnxruntime raises its own Fail/InvalidArgument/RuntimeException types
        shapes = ", ".join(f"'{k}' {tuple(v.shape)}" for k, v in feeds.items())
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise EngineError(
            tr(
                "model '{model_card_name}' ({0}) cannot run on tiles of shape {shapes} (batch, "
                "bands, height, width): {1}; check the card's tile_size against what the graph "
                "accepts"
            ).format(os.path.basename(model.path), detail[:400], model_card_name=model.card.name, shapes=shapes)
        ) from exc


def _expected_channels(model: LoadedModel) -> int:
    total = 0
    for spec in model.card.outputs:
        n = model.output_channels(spec.name)
        total += n or len(spec.band_names or spec.class_names or [None])
    return max(1, total)


class _RunScope:
    """What one run owns: the input reader, its helper threads and the temporary output.

    On any failure (or cancel) the threads stop, the temporary file is removed and nothing
    ever appears under the output name; ``commit()`` moves the finished file into place.
    """

    def __init__(
        self,
        model: LoadedModel,
        inputs: dict[str, RasterInput],
        output_path: str,
        pools: dict[str, int],
        readers: int = 1,
        inline: bool = False,
    ):
        ordered = {i.name: inputs[i.name] for i in model.card.inputs}
        # rasterio datasets must not be shared between threads: one reader per reading thread.
        self.readers = []
        try:
            for _ in range(readers):
                self.readers.append(TileReader(model, ordered))
        except BaseException:
            self._close_readers()
            raise
        self.reader = self.readers[0]
        self.tmp = temporary_path(output_path)
        self.output_path = output_path
        self.out = None
        self.pools = {name: make_pool(n, name, inline) for name, n in pools.items()}

    def _close_readers(self) -> None:
        for reader in self.readers:
            reader.close()

    def __enter__(self):
        try:
            _probe_writable(self.tmp)
            _check_same_grid(self.reader.datasets)
        except BaseException:
            self.__exit__(*sys.exc_info())
            raise
        return self

    def commit(self) -> None:
        self.out.close()
        self.out = None
        self._close_readers()
        commit_output(self.tmp, self.output_path)

    def __exit__(self, exc_type, exc, tb):
        failed = exc_type is not None
        for pool in self.pools.values():
            pool.shutdown(wait=True, cancel_futures=failed)
        if failed:
            if self.out is not None:
                self.out.close()
            remove_quietly(self.tmp)
        self._close_readers()
        return False


def run_dense(
    model: LoadedModel,
    inputs: dict[str, RasterInput],
    output_path: str,
    feedback: Feedback | None = None,
    options: RunOptions | None = None,
) -> RunReport:
    """Run a dense model over aligned inputs and write a GeoTIFF at ``output_path``.

    Args:
        model: a dense model.
        inputs: the card's input name -> RasterInput (same grid for all).
        output_path: the output GeoTIFF (written under a temporary name, then moved).
        feedback: progress, cancel and messages.
        options: threads, batches, lanes, memory and cache limits, compression.

    Returns:
        RunReport: what the run did.

    Raises:
        EngineError: not a dense model, a missing input, inputs on different grids, an
            unwritable output, a run above the memory limit, a graph that cannot run on the
            tiles or returns outputs of the wrong size.
        rasterio.errors.RasterioIOError: an input that cannot be opened.
        Cancelled: the user cancelled (no output is left behind).
    """
    feedback = feedback or Feedback()
    options = options or RunOptions()
    card = model.card
    if card.model_type != "dense":
        raise EngineError(
            tr("model '{card_name}' is a {card_model_type} model; use the chip runner").format(
                card_name=card.name, card_model_type=card.model_type
            )
        )
    missing = [i.name for i in card.inputs if i.name not in inputs]
    if missing:
        raise EngineError(
            tr("model '{card_name}' needs input(s) {missing}").format(card_name=card.name, missing=missing)
        )
    check_output_writable(output_path)
    cache = _check_dense_memory(model, inputs, options)
    with gdal_cache_limit(cache):
        return _run_dense(model, inputs, output_path, feedback, options)


def _check_dense_memory(model: LoadedModel, inputs: dict[str, RasterInput], options: RunOptions) -> int:
    """Refuse a run whose estimated peak memory exceeds the limit (engine.memory), before any allocation.

    Returns the GDAL cache the run needs: one row of tiles of every input (the next row's overlap
    is read from it) and the output rows in flight, capped by the options.
    """
    import rasterio

    from . import memory

    card = model.card
    needed = 0
    width = height = 0
    for spec in card.inputs:
        with rasterio.open(inputs[spec.name].path) as ds:
            memory.check_pixels(ds.width, ds.height, os.path.basename(inputs[spec.name].path))
            width, height = ds.width, ds.height
            itemsize = max(np.dtype(t).itemsize for t in ds.dtypes)
            needed += ds.width * (card.tiling.tile_size + OUTPUT_BLOCK) * ds.count * itemsize
    channels = 0
    for spec in card.outputs:  # a (batch, height, width) output is one channel
        port = model.graph_outputs[spec.name]
        fixed = port.fixed(1) if len(port.shape) == 4 else 1 if len(port.shape) == 3 else None
        channels += fixed or len(spec.band_names or spec.class_names or [None])
    needed += width * OUTPUT_BLOCK * channels * 4 * 2
    cache = int(min(options.gdal_cache_bytes, max(32 << 20, needed * 1.25)))
    tile = card.tiling.tile_size
    fixed = model.fixed_tile()
    pad = tile if fixed else min(tile, max(height, 1), max(width, 1))
    batch = max(1, min(options.max_batch, options.batch_pixels // (pad * pad)))
    threads = options.threads or default_threads()
    parts = memory.dense_run_parts(
        width,
        height,
        tile,
        card.tiling.overlap,
        sum(len(i.bands) for i in card.inputs),
        channels,
        batch,
        max(1, options.lanes or default_lanes(threads)),
        options.strip_bytes,
        cache,
        OUTPUT_BLOCK,
    )
    memory.check_estimate(parts, f"running '{card.name}' over {width} x {height} px", options.memory_limit_bytes)
    return cache


def default_lanes(threads: int) -> int:
    """Batches to infer side by side.

    On CPUs whole batches on separate threads scale better than one batch with each operator
    split over threads (no per-operator barrier, and a thread pre-empted by reading or writing
    holds up only its own batch): on 2 cores the benchmark CNN took 6.4 s as 2 x 1 thread against
    6.7 s as 1 x 2. More than 4 lanes would multiply the memory held in flight for little gain,
    so larger machines split their threads between 4 lanes. A run allowed one thread has one
    lane, run on its own thread (``InlineExecutor``): lanes on helper threads would put it on a
    second core, which a batch's other worker holds.

    Args:
        threads: onnxruntime threads for the run.

    Returns:
        int: 1 for one thread, else 2 to 4.
    """
    if threads <= 1:
        return 1
    return min(threads, 4)


@dataclass
class _DenseLayout:
    """Where the tiles of a dense run sit and how they merge: worked out once, read by every step."""

    height: int
    width: int
    th: int  # tile height and width (the raster's own where it is smaller than a tile)
    tw: int
    pad_h: int  # what the model is fed: a fixed-size graph gets whole tiles, zero-padded
    pad_w: int
    overlap: int
    merge: str
    ys: list[int]  # tile starts
    xs: list[int]
    wy: list[np.ndarray]  # each tile row's (column's) merge weights
    wx: list[np.ndarray]
    ones_y: list[tuple[int, int]]  # where those weights are exactly 1: copied instead of blended
    ones_x: list[tuple[int, int]]
    rows_buffered: int
    stripes: list[tuple[int, int, list[int]]]
    tiles: list[tuple[int, int, int]]  # (stripe, tile row, tile column), in merge order
    batch: int
    batches: list[list[tuple[int, int, int]]]


def _dense_layout(model: LoadedModel, height: int, width: int, options: RunOptions) -> _DenseLayout:
    card = model.card
    fixed = model.fixed_tile()
    tile = card.tiling.tile_size
    overlap = card.tiling.overlap
    th, tw = min(tile, height), min(tile, width)
    pad_h, pad_w = (tile, tile) if fixed else (th, tw)
    merge = card.tiling.merge
    if any(o.kind == "class" for o in card.outputs) or merge == "none":
        merge = "crop"  # class labels cannot be averaged
    ys = axis_starts(height, th, overlap)
    xs = axis_starts(width, tw, overlap)
    wy = axis_weights(height, ys, th, overlap, merge)
    wx = axis_weights(width, xs, tw, overlap, merge)
    rows_buffered = th + OUTPUT_BLOCK
    # Per output column: two float32 merge buffers (one may be on its way to the writer), two masks.
    column_bytes = rows_buffered * (_expected_channels(model) * 4 * 2 + 2)
    stripes = _column_stripes(width, xs, tw, wx, column_bytes, options.strip_bytes)
    # Stripe by stripe, row by row: a stripe's top rows are final (and written) before
    # its lower rows are read, so only a band of rows_buffered x stripe width is held.
    tiles = [(s, j, i) for s, (_, _, cols) in enumerate(stripes) for j in range(len(ys)) for i in cols]
    batch = max(1, min(options.max_batch, options.batch_pixels // (pad_h * pad_w)))
    if fixed and model.graph_inputs[card.inputs[0].name].fixed(0):
        batch = model.graph_inputs[card.inputs[0].name].fixed(0)
    batch = min(batch, card.extra.get("max_batch") or batch)  # graphs that run one tile only
    batches = [tiles[k : k + batch] for k in range(0, len(tiles), batch)]
    return _DenseLayout(
        height=height, width=width, th=th, tw=tw, pad_h=pad_h, pad_w=pad_w, overlap=overlap, merge=merge,
        ys=ys, xs=xs, wy=wy, wx=wx, ones_y=[_ones_span(w) for w in wy], ones_x=[_ones_span(w) for w in wx],
        rows_buffered=rows_buffered, stripes=stripes, tiles=tiles, batch=batch, batches=batches,
    )  # fmt: skip


class _DenseLanes:
    """Reads a batch of tiles and runs the model on it.

    Up to ``lanes`` batches run at once, each with a reader of its own (rasterio datasets must
    not be shared between threads).
    """

    def __init__(self, model: LoadedModel, session, layout: _DenseLayout, readers: list, feedback: Feedback):
        self.model, self.session, self.layout, self.feedback = model, session, layout, feedback
        self.output_names = [o.name for o in model.card.outputs]
        self.inputs = readers[0].inputs
        self.free_readers: queue.SimpleQueue = queue.SimpleQueue()
        for reader in readers:
            self.free_readers.put(reader)
        self.local = threading.local()

    def _feeds(self, n: int) -> dict[str, np.ndarray]:
        # Each lane reuses its own batch arrays: onnxruntime is done with them when run()
        # returns, and fresh 16 MB arrays per batch cost page faults on every one.
        cached = getattr(self.local, "feeds", None)
        if cached is None or cached[0] != n:
            lay = self.layout
            arrays = {
                name: np.empty((n, len(inp.bands), lay.pad_h, lay.pad_w), dtype=np.float32)
                for name, inp in self.inputs.items()
            }
            cached = self.local.feeds = (n, arrays)
        return cached[1]

    def __call__(self, batch_tiles):
        """(outputs, validity per tile) of one batch; (None, None) once the run is cancelled."""
        lay, card = self.layout, self.model.card
        feeds = self._feeds(len(batch_tiles))
        reader = self.free_readers.get()
        try:
            valids = []
            for k, (_, j, i) in enumerate(batch_tiles):
                if self.feedback.is_cancelled():
                    return None, None
                slot = {n: a[k] for n, a in feeds.items()}
                _, v = reader.read(lay.ys[j], lay.xs[i], lay.th, lay.tw, lay.pad_h, lay.pad_w, out=slot)
                valids.append(v)
        finally:
            self.free_readers.put(reader)
        results = [_as_nchw(r) for r in _run_session(self.session, self.model, self.output_names, feeds)]
        # A graph that passes an input straight through may hand back the lane's own array,
        # which the lane's next read would overwrite before the merge.
        results = [r.copy() if any(np.may_share_memory(r, a) for a in feeds.values()) else r for r in results]
        results = [_fit_to_tile(r, lay.pad_h, lay.pad_w) for r in results]
        if card.extra.get("output_scaling"):  # Deepness' reg_output_scaling, applied in float32
            results = [r * np.float32(card.extra["output_scaling"]) for r in results]
        for r in results:
            if r.shape[0] != len(batch_tiles) or r.shape[2:] != (lay.pad_h, lay.pad_w):
                raise EngineError(
                    tr(
                        "model '{card_name}' returned an output of shape {0} for tiles of "
                        "{lay_pad_w}x{lay_pad_h} px; a dense model must return one value per input pixel"
                    ).format(tuple(r.shape), card_name=card.name, lay_pad_w=lay.pad_w, lay_pad_h=lay.pad_h)
                )
        return results, valids


def _inferred_in_order(pool, infer: _DenseLanes, batches: list, ahead: int, feedback: Feedback):
    """Yields (batch tiles, outputs, validity) in batch order while the lanes infer the next ones.

    ``ahead`` batches are handed out at a time: one beyond the lanes, so a lane never waits for
    the next batch to be handed out (1 on one thread: each batch when it is wanted).
    """
    in_flight: collections.deque[Future] = collections.deque()
    submitted = 0
    for batch_tiles in batches:
        while submitted < len(batches) and len(in_flight) < ahead:
            in_flight.append(pool.submit(infer, batches[submitted]))
            submitted += 1
        if feedback.is_cancelled():
            raise Cancelled(tr("cancelled by the user; no output was written"))
        results, valids = in_flight.popleft().result()
        if results is None:
            raise Cancelled(tr("cancelled by the user; no output was written"))
        yield batch_tiles, results, valids


def _open_dense_output(run: _RunScope, model: LoadedModel, layout: _DenseLayout, ref, results, output_names, options):
    """The output file, laid out once the first batch says how many channels each output has.

    Returns (writer, band names, dtype, nodata).
    """
    channels = {name: r.shape[1] for name, r in zip(output_names, results)}
    names, dtype, nodata = _output_layout(model, channels)
    profile = gtiff_profile(dtype, options.compress, (layout.width, layout.height))
    profile.update(count=len(names), crs=ref.crs, transform=ref.transform, nodata=nodata)
    out = run.out = GeoTiffWriter(run.tmp, profile)
    for k, band_name in enumerate(names, start=1):
        out.set_band_description(k, band_name)
    out.update_tags(**_tags(model))
    return out, names, dtype, nodata


class _MergeBuffer:
    """Merges tiles into rows of the current column stripe and hands finished rows to the writer.

    Batches are merged in order on the caller's thread while the lanes infer the next ones. Two
    buffers of ``rows_buffered`` rows x the widest stripe take turns: tiles are merged into one
    while the writer thread may still be reading finished rows from the other.
    """

    def __init__(self, layout: _DenseLayout, out, bands: int, dtype: str, nodata: float, pool_write):
        self.layout, self.out, self.dtype, self.nodata, self.pool_write = layout, out, dtype, nodata, pool_write
        widest = max(layout.xs[cols[-1]] + layout.tw - layout.xs[cols[0]] for _, _, cols in layout.stripes)
        shape = (layout.rows_buffered, widest)
        self.acc, self.spare = (np.zeros((bands, *shape), dtype=np.float32) for _ in range(2))
        self.valid_acc, self.spare_valid = (np.zeros(shape, dtype=bool) for _ in range(2))
        self.acc_y0 = 0  # the raster row of the buffers' first row
        self.stripe = -1
        self.c0 = self.c1 = self.ax0 = 0  # the stripe's output columns; the raster column of the buffers' first
        self.cols: list[int] = []  # the stripe's tile columns
        self.pending: Future | None = None  # the rows the writer has not finished yet

    def _start_stripe(self, s: int) -> None:
        self.stripe = s
        self.c0, self.c1, self.cols = self.layout.stripes[s]
        self.ax0 = self.layout.xs[self.cols[0]]
        self.acc_y0 = 0
        self.acc[:] = 0
        self.valid_acc[:] = False

    def merge(self, pred: np.ndarray, batch_tiles, valids) -> None:
        lay = self.layout
        th, tw = lay.th, lay.tw
        for k, (s, j, i) in enumerate(batch_tiles):
            if s != self.stripe:
                self._start_stripe(s)
            y, x = lay.ys[j], lay.xs[i] - self.ax0
            r = y - self.acc_y0
            self.valid_acc[r : r + th, x : x + tw] = valids[k]
            if lay.merge == "blend":
                _blend_into(self.acc, pred[k], r, x, lay.wy[j], lay.wx[i], lay.ones_y[j], lay.ones_x[i])
            else:
                r0, r1 = owned_span(lay.wy[j])
                q0, q1 = owned_span(lay.wx[i])
                self.acc[:, r + r0 : r + r1, x + q0 : x + q1] = pred[k, :, r0:r1, q0:q1]
            if i == self.cols[-1]:
                # Row of tiles done: everything above the next row's top is final.
                if j + 1 < len(lay.ys):
                    final = lay.ys[j + 1]
                    self.flush(self.acc_y0 + ((final - self.acc_y0) // OUTPUT_BLOCK) * OUTPUT_BLOCK)
                else:
                    self.flush(lay.height)

    def _write_rows(self, block: np.ndarray, window) -> None:
        self.out.write(block, window)
        self.out.flush()  # whole block rows: finished blocks go to the file now, not all at close

    def flush(self, upto: int) -> None:
        """Hand the rows above raster row ``upto`` to the writer."""
        from rasterio.windows import Window

        n = upto - self.acc_y0
        if n <= 0:
            return
        lo, hi = self.c0 - self.ax0, self.c1 - self.ax0
        block = self.acc[:, :n, lo:hi]
        keep = self.valid_acc[:n, lo:hi]
        if not keep.all():
            block = block.copy()
            block[:, ~keep] = self.nodata
        block = block.astype(self.dtype, copy=False)
        if self.pending is not None:
            self.pending.result()  # the spare buffer's rows have been written: it can be reused
        self.pending = self.pool_write.submit(
            self._write_rows, block, Window(self.c0, self.acc_y0, self.c1 - self.c0, n)
        )
        # The rows still open move to the spare buffer, which becomes the merge buffer, and
        # the writer reads the finished rows where they are. Shifting in place instead
        # made numpy copy through a fresh temporary, and the writer needed a copy of its
        # own: ~35 MB of new pages per row of 512 px tiles on a 10240 px wide raster.
        rest = self.acc.shape[1] - n
        self.spare[:, :rest] = self.acc[:, n:]
        self.spare[:, rest:] = 0
        self.spare_valid[:rest] = self.valid_acc[n:]
        self.spare_valid[rest:] = False
        self.acc, self.spare = self.spare, self.acc
        self.valid_acc, self.spare_valid = self.spare_valid, self.valid_acc
        self.acc_y0 = upto

    def finish(self) -> None:
        if self.pending is not None:
            self.pending.result()


class _TileProgress:
    """Progress and cancel, on the caller's thread (Qt feedback objects live there)."""

    def __init__(self, total: int, feedback: Feedback):
        self.total, self.feedback = total, feedback
        self.done = 0
        self.reported = -1.0

    def add(self, n: int) -> None:
        for _ in range(n):
            self.done += 1
            percent = 100.0 * self.done / self.total
            if percent - self.reported >= 0.1 or self.done == self.total:
                self.feedback.progress(percent)
                self.reported = percent
            if self.feedback.is_cancelled():
                raise Cancelled(tr("cancelled by the user; no output was written"))


def _run_dense(model, inputs, output_path, feedback, options) -> RunReport:
    card = model.card
    start = time.perf_counter()
    threads = options.threads or default_threads()
    lanes = max(1, options.lanes or default_lanes(threads))
    lane_threads = max(1, threads // lanes)
    session = get_session(model, lane_threads)
    inline = threads <= 1 and lanes == 1
    with _RunScope(model, inputs, output_path, {"infer": lanes, "write": 1}, readers=lanes, inline=inline) as run:
        ref = next(iter(run.reader.datasets.values()))
        lay = _dense_layout(model, ref.height, ref.width, options)
        stripe_note = f", in {len(lay.stripes)} column stripes" if len(lay.stripes) > 1 else ""
        lanes = min(lanes, len(lay.batches))
        feedback.info(
            tr(
                "{card_title}: {lay_width}x{lay_height} px, {0} tiles of {lay_tw}x{lay_th} px "
                "(overlap {lay_overlap} px, merge {lay_merge}){stripe_note}, batches of "
                "{lay_batch}, {lanes} batch(es) at a time with {lane_threads} onnxruntime "
                "thread(s) each"
            ).format(
                len(lay.tiles),
                card_title=tr(card.title),
                lay_width=lay.width,
                lay_height=lay.height,
                lay_tw=lay.tw,
                lay_th=lay.th,
                lay_overlap=lay.overlap,
                lay_merge=merge_name(lay.merge),
                stripe_note=stripe_note,
                lay_batch=lay.batch,
                lanes=lanes,
                lane_threads=lane_threads,
            )
        )
        infer = _DenseLanes(model, session, lay, run.readers, feedback)
        progress = _TileProgress(len(lay.tiles), feedback)
        merger = None
        ahead = 1 if inline else lanes + 1  # on one thread, a batch is inferred when it is merged
        for batch_tiles, results, valids in _inferred_in_order(run.pools["infer"], infer, lay.batches, ahead, feedback):
            if merger is None:
                out, names, dtype, nodata = _open_dense_output(
                    run, model, lay, ref, results, infer.output_names, options
                )
                merger = _MergeBuffer(lay, out, len(names), dtype, nodata, run.pools["write"])
            # one output (the usual case) needs no concatenation copy
            pred = (results[0] if len(results) == 1 else np.concatenate(results, axis=1))[:, :, : lay.th, : lay.tw]
            merger.merge(pred, batch_tiles, valids)
            progress.add(len(batch_tiles))
        merger.finish()
        run.commit()
        report = RunReport(
            output_path=output_path,
            tiles=len(lay.tiles),
            tile_size=(lay.th, lay.tw),
            overlap=lay.overlap,
            merge=lay.merge,
            threads=lanes * lane_threads,
            batch_size=lay.batch,
            seconds=time.perf_counter() - start,
            pixels=lay.width * lay.height,
            band_names=names,
            nodata=nodata,
            lanes=lanes,
        )
        feedback.info(tr("Done: {0}").format(report.describe()))
        return report


def run_chips(
    model: LoadedModel,
    inputs: dict[str, RasterInput],
    output_path: str,
    feedback: Feedback | None = None,
    options: RunOptions | None = None,
) -> RunReport:
    """Run a chip model: one output pixel (a score or a feature vector) per chip of the raster.

    Args:
        model: a chip model.
        inputs: the card's input name -> RasterInput.
        output_path: the output GeoTIFF (one pixel per chip).
        feedback: progress, cancel and messages.
        options: threads, batches, valid-share rules, compression.

    Returns:
        RunReport: what the run did.

    Raises:
        EngineError: not a chip model, an unwritable output, an input whose declared size no
            run could hold, a graph that cannot run on the chips.
        rasterio.errors.RasterioIOError: an input that cannot be opened.
        Cancelled: the user cancelled (no output is left behind).
    """
    feedback = feedback or Feedback()
    options = options or RunOptions()
    card = model.card
    if card.model_type != "chip":
        raise EngineError(
            tr("model '{card_name}' is a {card_model_type} model; use the dense runner").format(
                card_name=card.name, card_model_type=card.model_type
            )
        )
    check_output_writable(output_path)
    _check_declared_sizes(model, inputs)
    with gdal_cache_limit(options.gdal_cache_bytes):
        return _run_chips(model, inputs, output_path, feedback, options)


def _check_declared_sizes(model: LoadedModel, inputs: dict[str, RasterInput]) -> None:
    import rasterio

    from .memory import check_pixels

    for spec in model.card.inputs:
        with rasterio.open(inputs[spec.name].path) as ds:
            check_pixels(ds.width, ds.height, os.path.basename(inputs[spec.name].path))


def _read_chips(reader: TileReader, batch_chips, chip: int, height: int, width: int):
    """One batch of chips, padded to whole chips: (feeds, each chip's valid share)."""
    feeds = {name: [] for name in reader.inputs}
    shares = []
    for j, i in batch_chips:
        y, x = j * chip, i * chip
        h, w = min(chip, height - y), min(chip, width - x)
        f, v = reader.read(y, x, h, w, chip, chip)
        for name in feeds:
            feeds[name].append(f[name])
        shares.append(float(v.sum()) / (chip * chip))
    return {name: np.stack(arrs) for name, arrs in feeds.items()}, shares


def _open_chip_output(run: _RunScope, model: LoadedModel, ref, results, output_names, grid, options):
    """The output file (one pixel per chip), laid out once the first batch gives the vectors' length.

    ``grid``: (chip size, rows, columns). Returns (dataset, band names, nodata).
    """
    import rasterio

    chip, rows, cols = grid
    channels = {n: r.reshape(r.shape[0], -1).shape[1] for n, r in zip(output_names, results)}
    names, _, nodata = _output_layout(model, channels)
    if options.write_valid_share:
        names = names + ["valid_share"]
    profile = gtiff_profile("float32", options.compress, (cols, rows))
    profile.update(
        count=len(names),
        crs=ref.crs,
        transform=ref.transform * ref.transform.scale(chip, chip),
        nodata=nodata,
    )
    out = run.out = rasterio.open(run.tmp, "w", **profile)
    for k, band_name in enumerate(names, start=1):
        out.set_band_description(k, band_name)
    out.update_tags(**_tags(model), SATIMPACT_CHIP_SIZE=str(chip))
    return out, names, nodata


def _run_chips(model, inputs, output_path, feedback, options) -> RunReport:
    from rasterio.windows import Window

    card = model.card
    start = time.perf_counter()
    threads = options.threads or default_threads()
    session = get_session(model, threads)
    with _RunScope(model, inputs, output_path, {"read": 1}, inline=threads <= 1) as run:
        reader, pool_read = run.reader, run.pools["read"]
        ref = next(iter(reader.datasets.values()))
        height, width = ref.height, ref.width
        chip = card.tiling.tile_size
        rows, cols = math.ceil(height / chip), math.ceil(width / chip)
        chips = [(j, i) for j in range(rows) for i in range(cols)]
        fixed_batch = model.graph_inputs[card.inputs[0].name].fixed(0)
        batch = fixed_batch or max(1, min(options.max_batch, options.batch_pixels // (chip * chip)))
        batches = [chips[k : k + batch] for k in range(0, len(chips), batch)]
        output_names = [o.name for o in card.outputs]
        feedback.info(
            tr(
                "{card_title}: {width}x{height} px in {0} chips of {chip} px ({cols}x{rows}), "
                "batches of {batch}, {threads} onnxruntime thread(s)"
            ).format(
                len(chips),
                card_title=tr(card.title),
                width=width,
                height=height,
                chip=chip,
                cols=cols,
                rows=rows,
                batch=batch,
                threads=threads,
            )
        )
        row_buffer = None
        names = None
        nodata = -9999.0
        # Reading the next batch overlaps with running the current one.
        next_read = pool_read.submit(_read_chips, reader, batches[0], chip, height, width)
        done = 0
        for b, batch_chips in enumerate(batches):
            if feedback.is_cancelled():
                raise Cancelled(tr("cancelled by the user; no output was written"))
            feeds, shares = next_read.result()
            if b + 1 < len(batches):
                next_read = pool_read.submit(_read_chips, reader, batches[b + 1], chip, height, width)
            results = _run_session(session, model, output_names, feeds)
            flat = np.concatenate([r.reshape(r.shape[0], -1) for r in results], axis=1)
            if row_buffer is None:
                out, names, nodata = _open_chip_output(
                    run, model, ref, results, output_names, (chip, rows, cols), options
                )
                row_buffer = np.full((len(names), 1, cols), nodata, dtype=np.float32)
            for k, (j, i) in enumerate(batch_chips):
                if feedback.is_cancelled():
                    raise Cancelled(tr("cancelled by the user; no output was written"))
                values = flat[k]
                if shares[k] >= options.min_valid_share:
                    row_buffer[: values.size, 0, i] = values
                if options.write_valid_share:
                    row_buffer[-1, 0, i] = shares[k]
                if i == cols - 1:
                    out.write(row_buffer, window=Window(0, j, cols, 1))
                    row_buffer[:] = nodata
            done += len(batch_chips)
            feedback.progress(100.0 * done / len(chips))
        run.commit()
        seconds = time.perf_counter() - start
        report = RunReport(
            output_path=output_path,
            tiles=len(chips),
            tile_size=(chip, chip),
            overlap=0,
            merge="none",
            threads=threads,
            batch_size=batch,
            seconds=seconds,
            pixels=width * height,
            band_names=names,
            nodata=nodata,
        )
        feedback.info(tr("Done: {0}").format(report.describe()))
        return report


def run_model(
    model: LoadedModel,
    inputs: dict[str, RasterInput],
    output_path: str,
    feedback: Feedback | None = None,
    options: RunOptions | None = None,
) -> RunReport:
    """Run any model over rasters: the dense runner or the chip runner, as the card says.

    Args:
        model: the model.
        inputs: the card's input name -> RasterInput.
        output_path: the output GeoTIFF.
        feedback: progress, cancel and messages.
        options: how the model runs.

    Returns:
        RunReport: what the run did.

    Raises:
        EngineError: as ``run_dense`` / ``run_chips``.
        rasterio.errors.RasterioIOError: an input that cannot be opened.
        Cancelled: the user cancelled.
    """
    runner = run_dense if model.card.model_type == "dense" else run_chips
    return runner(model, inputs, output_path, feedback, options)


def predict_arrays(model: LoadedModel, feeds: dict[str, np.ndarray], threads: int | None = None) -> list[np.ndarray]:
    """Run the model on arrays already in model units (batch, bands, h, w).

    Args:
        model: the model.
        feeds: input name -> (batch, bands, h, w) float32 array.
        threads: onnxruntime threads.

    Returns:
        list[numpy.ndarray]: the card's outputs, in order.
    """
    session = get_session(model, threads)
    return session.run([o.name for o in model.card.outputs], feeds)
