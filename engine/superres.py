"""Super-resolution models (Deepness' Superresolution): an output ``scale_factor`` times finer, same area.

The scale factor comes from the card (Deepness' ``scale_factor``) or, where absent, from the
graph (a 64 px input and a 128 px output: 2). Tiles overlap as the card says; each output
pixel comes from the tile whose centre is nearest (the same ownership as crop merging,
scaled), so every output pixel is written once, tile by tile, with memory bounded by a tile.
The output's pixel size is the input's divided by the factor, its origin the input's.
"""

from __future__ import annotations

import time

import numpy as np

from .errors import Cancelled, EngineError
from .i18n import tr
from .model import LoadedModel, get_session
from .raster import (
    axis_starts,
    axis_weights,
    check_output_writable,
    commit_output,
    gtiff_profile,
    owned_span,
    remove_quietly,
    temporary_path,
)

NODATA = -9999.0


def scale_factor(model: LoadedModel) -> int | None:
    """The scale factor of a super-resolution model.

    Args:
        model: the model.

    Returns:
        int | None: the card's ``scale_factor``, else the graph's fixed output size over its
        input size, None where neither says.
    """
    given = model.card.extra.get("scale_factor")
    if given:
        return int(round(float(given)))
    port_in = model.graph_inputs[model.card.inputs[0].name]
    port_out = model.graph_outputs[model.card.outputs[0].name]
    size_in, size_out = port_in.fixed(2), port_out.fixed(len(port_out.shape) - 2)
    if size_in and size_out and size_out % size_in == 0:
        return size_out // size_in
    return None


def _checked_result(result, pad: tuple[int, int], factor: int | None, card, scaling) -> tuple[np.ndarray, int]:
    """The model's output for one tile as (bands, h * factor, w * factor) float32, and the factor.

    The factor is learnt from the first tile where the card and the graph do not say it.
    """
    result = np.asarray(result, dtype=np.float32)[0]
    if result.ndim == 2:
        result = result[None]
    if factor is None:
        factor = result.shape[1] // pad[0]
    if result.shape[1:] != (pad[0] * factor, pad[1] * factor):
        raise EngineError(
            tr(
                "model '{card_name}' returned {0} for a {1}x{2} px tile; a super-resolution "
                "model with scale factor {factor} must return {3} px"
            ).format(tuple(result.shape), pad[1], pad[0], pad[0] * factor, card_name=card.name, factor=factor)
        )
    if scaling:
        result = result * np.float32(scaling)
    return result, factor


def _open_output(tmp: str, ds, card, bands: int, factor: int, compress: str | None):
    """The enlarged output: the input's grid with pixels ``factor`` times smaller."""
    import rasterio

    profile = gtiff_profile("float32", compress, (ds.width * factor, ds.height * factor))
    profile.update(
        count=bands,
        crs=ds.crs,
        transform=ds.transform * ds.transform.scale(1.0 / factor, 1.0 / factor),
        nodata=NODATA,
    )
    out = rasterio.open(tmp, "w", **profile)
    out.update_tags(SATIMPACT_MODEL=card.name, SATIMPACT_SCALE_FACTOR=str(factor))
    return out


def _write_owned(out, result, valid, y: int, x: int, rows: tuple[int, int], cols: tuple[int, int], factor: int):
    """Writes the part of a tile that the tile owns (no overlap), nodata where the input was."""
    from rasterio.windows import Window

    (r0, r1), (q0, q1) = rows, cols
    block = result[:, r0 * factor : r1 * factor, q0 * factor : q1 * factor]
    keep = np.repeat(np.repeat(valid[r0:r1, q0:q1], factor, axis=0), factor, axis=1)
    if not keep.all():
        block = block.copy()
        block[:, ~keep] = NODATA
    out.write(block, window=Window((x + q0) * factor, (y + r0) * factor, (q1 - q0) * factor, (r1 - r0) * factor))


def run_superresolution(
    model: LoadedModel,
    raster_path: str,
    bands: list[int],
    output_path: str,
    feedback=None,
    compress: str | None = None,
    threads: int | None = None,
) -> dict:
    """Run a super-resolution model over a raster, tile by tile.

    Args:
        model: the super-resolution model.
        raster_path: the input raster.
        bands: the 1-based bands the model reads, in its input order.
        output_path: the output (float32, nodata -9999, pixels ``factor`` times smaller).
        feedback: progress, cancel and messages.
        compress: output compression (``gtiff_profile``).
        threads: onnxruntime threads.

    Returns:
        dict: {"scale_factor", "tiles", "seconds"}.

    Raises:
        EngineError: an unwritable output, or a model output of the wrong size for its factor.
        Cancelled: the user cancelled (no output is left behind).
    """
    from .runner import Feedback, RasterInput, TileReader

    feedback = feedback or Feedback()
    check_output_writable(output_path)
    card = model.card
    start = time.perf_counter()
    spec = card.inputs[0]
    output_name = card.outputs[0].name
    session = get_session(model, threads)
    scaling = card.extra.get("output_scaling")
    reader = TileReader(model, {spec.name: RasterInput(raster_path, bands)})
    tmp = temporary_path(output_path)
    out = None
    try:
        ds = reader.datasets[spec.name]
        height, width = ds.height, ds.width
        tile, overlap = card.tiling.tile_size, card.tiling.overlap
        th, tw = min(tile, height), min(tile, width)
        pad = (tile, tile) if model.fixed_tile() else (th, tw)
        ys, xs = axis_starts(height, th, overlap), axis_starts(width, tw, overlap)
        wy, wx = axis_weights(height, ys, th, overlap, "crop"), axis_weights(width, xs, tw, overlap, "crop")
        factor = scale_factor(model)
        tiles = [(j, i) for j in range(len(ys)) for i in range(len(xs))]
        for k, (j, i) in enumerate(tiles):
            if feedback.is_cancelled():
                raise Cancelled(tr("cancelled by the user; no output was written"))
            y, x = ys[j], xs[i]
            feeds, valid = reader.read(y, x, th, tw, *pad)
            (result,) = session.run([output_name], {n: a[None] for n, a in feeds.items()})
            result, factor = _checked_result(result, pad, factor, card, scaling)
            if out is None:
                feedback.info(
                    tr(
                        "{card_title}: {width}x{height} px -> {0}x{1} px (scale factor {factor}), {2} "
                        "tiles of {tile} px, overlap {overlap} px"
                    ).format(
                        width * factor,
                        height * factor,
                        len(tiles),
                        card_title=tr(card.title),
                        width=width,
                        height=height,
                        factor=factor,
                        tile=tile,
                        overlap=overlap,
                    )
                )
                out = _open_output(tmp, ds, card, result.shape[0], factor, compress)
            _write_owned(out, result, valid, y, x, owned_span(wy[j]), owned_span(wx[i]), factor)
            feedback.progress(100.0 * (k + 1) / len(tiles))
        out.close()
        out = None
        reader.close()
        commit_output(tmp, output_path)
    except BaseException:
        if out is not None:
            out.close()
        remove_quietly(tmp)
        raise
    finally:
        reader.close()
    seconds = time.perf_counter() - start
    feedback.info(tr("Done: {0} tiles, {seconds:.2f} s").format(len(tiles), seconds=seconds))
    return {"scale_factor": factor, "tiles": len(tiles), "seconds": seconds}
