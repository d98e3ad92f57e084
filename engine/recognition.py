"""Recognition models (Deepness' Recognition): how similar each tile of a raster is to a query image.

The raster is cut into tiles of the card's size, side by side (like chip models); each tile
and the query image (resampled to the tile size, bilinear) go through the model, and the
output raster holds the cosine similarity between each tile's embedding and the query's, one
pixel per tile. Tiles with less than half valid imagery get nodata.
"""

from __future__ import annotations

import math
import time

import numpy as np

from .errors import Cancelled, EngineError
from .i18n import tr
from .model import LoadedModel, get_session
from .raster import check_output_writable, commit_output, gtiff_profile, remove_quietly, temporary_path

NODATA = -9999.0


def embed(session, input_name: str, output_name: str, batch: np.ndarray) -> np.ndarray:
    """Embeddings of a batch of tiles.

    Args:
        session: the onnxruntime session.
        input_name: the graph input's name.
        output_name: the embedding output's name.
        batch: (n, bands, tile, tile) model inputs.

    Returns:
        numpy.ndarray: (n, features) float64 embeddings.
    """
    (out,) = session.run([output_name], {input_name: batch})
    return np.asarray(out, dtype=np.float64).reshape(batch.shape[0], -1)


def cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarity of each row of ``a`` with ``b`` (0 where either has no length).

    Args:
        a: (n, features) embeddings.
        b: (features,) the query's embedding.

    Returns:
        numpy.ndarray: (n,) similarities.
    """
    na = np.linalg.norm(a, axis=-1)
    nb = np.linalg.norm(b)
    return np.divide(a @ b, na * nb, out=np.zeros(a.shape[0]), where=(na * nb) > 0)


def query_embedding(model: LoadedModel, session, query_path: str, bands: list[int]) -> np.ndarray:
    """The query image's embedding: its bands (in the model's order) resampled to the tile size.

    Args:
        model: the recognition model.
        session: its onnxruntime session.
        query_path: the query image.
        bands: the 1-based bands of the query image the model reads, in its order.

    Returns:
        numpy.ndarray: (features,) embedding.

    Raises:
        EngineError: the query image has fewer bands than asked.
    """
    import rasterio
    from rasterio.enums import Resampling

    from .runner import prepare_input

    card = model.card
    tile = card.tiling.tile_size
    with rasterio.open(query_path) as q:
        if max(bands) > q.count:
            raise EngineError(
                tr("the query image {query_path} has {q_count} band(s); the model reads bands {bands}").format(
                    query_path=query_path, q_count=q.count, bands=bands
                )
            )
        raw = q.read(bands, out_shape=(len(bands), tile, tile), resampling=Resampling.bilinear, out_dtype="float32")
    x = prepare_input(raw, card.inputs[0])
    return embed(session, card.inputs[0].name, card.outputs[0].name, x[None])[0]


def _embed_row(model: LoadedModel, session, reader, j: int, cols: int, height: int, width: int):
    """Embeddings of the tiles of row ``j`` and each tile's share of valid pixels."""
    spec = model.card.inputs[0]
    tile = model.card.tiling.tile_size
    batch, shares = [], []
    for i in range(cols):
        y, x = j * tile, i * tile
        h, w = min(tile, height - y), min(tile, width - x)
        feeds, valid = reader.read(y, x, h, w, tile, tile)
        batch.append(feeds[spec.name])
        shares.append(valid.sum() / (tile * tile))
    stacked = np.stack(batch)
    output = model.card.outputs[0].name
    if model.graph_inputs[spec.name].fixed(0) == 1:  # graphs fixed to a batch of one: tile by tile
        return np.concatenate([embed(session, spec.name, output, b[None]) for b in stacked]), shares
    return embed(session, spec.name, output, stacked), shares


def run_recognition(
    model: LoadedModel,
    raster_path: str,
    bands: list[int],
    query_path: str,
    output_path: str,
    feedback=None,
    compress: str | None = None,
    threads: int | None = None,
    min_valid_share: float = 0.5,
) -> dict:
    """Similarity to a query image, one output pixel per tile of the raster.

    Args:
        model: the recognition model (a chip model giving one embedding per tile).
        raster_path: the raster searched.
        bands: the 1-based bands the model reads, in its input order (raster and query alike).
        query_path: the query image.
        output_path: the similarity raster (one pixel per tile, nodata -9999).
        feedback: progress, cancel and messages.
        compress: output compression (``gtiff_profile``).
        threads: onnxruntime threads.
        min_valid_share: tiles with less valid imagery get nodata.

    Returns:
        dict: {"tiles": count, "seconds": run time}.

    Raises:
        EngineError: an unwritable output or a query image with too few bands.
        Cancelled: the user cancelled (no output is left behind).
    """
    import rasterio
    from rasterio.windows import Window

    from .runner import Feedback, RasterInput, TileReader

    feedback = feedback or Feedback()
    check_output_writable(output_path)
    card = model.card
    start = time.perf_counter()
    session = get_session(model, threads)
    query = query_embedding(model, session, query_path, bands)
    spec = card.inputs[0]
    reader = TileReader(model, {spec.name: RasterInput(raster_path, bands)})
    tmp = temporary_path(output_path)
    try:
        ds = reader.datasets[spec.name]
        height, width = ds.height, ds.width
        tile = card.tiling.tile_size
        rows, cols = math.ceil(height / tile), math.ceil(width / tile)
        feedback.info(
            tr(
                "{card_title}: {width}x{height} px in {cols}x{rows} tiles of {tile} px, compared with {query_path}"
            ).format(
                card_title=tr(card.title),
                width=width,
                height=height,
                cols=cols,
                rows=rows,
                tile=tile,
                query_path=query_path,
            )
        )
        profile = gtiff_profile("float32", compress, (cols, rows))
        profile.update(count=1, crs=ds.crs, transform=ds.transform * ds.transform.scale(tile, tile), nodata=NODATA)
        with rasterio.open(tmp, "w", **profile) as out:
            out.set_band_description(1, "similarity")
            out.update_tags(SATIMPACT_MODEL=card.name, SATIMPACT_CHIP_SIZE=str(tile), SATIMPACT_QUERY=query_path)
            for j in range(rows):
                if feedback.is_cancelled():
                    raise Cancelled(tr("cancelled by the user; no output was written"))
                vectors, shares = _embed_row(model, session, reader, j, cols, height, width)
                row = cosine(vectors, query).astype(np.float32)
                row[np.asarray(shares) < min_valid_share] = NODATA
                out.write(row[None, None, :], window=Window(0, j, cols, 1))
                feedback.progress(100.0 * (j + 1) / rows)
        reader.close()
        commit_output(tmp, output_path)
    except BaseException:
        remove_quietly(tmp)
        raise
    finally:
        reader.close()
    seconds = time.perf_counter() - start
    feedback.info(tr("Done: {0} tiles, {seconds:.2f} s").format(rows * cols, seconds=seconds))
    return {"tiles": rows * cols, "seconds": seconds}
