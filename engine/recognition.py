"""Recognition models (Deepness' Recognition): one embedding per tile of the raster, and a
map of how similar each tile is to a query image.

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
from .model import LoadedModel, get_session
from .raster import check_output_writable, commit_output, gtiff_profile, remove_quietly, temporary_path

NODATA = -9999.0


def embed(session, input_name: str, output_name: str, batch: np.ndarray) -> np.ndarray:
    (out,) = session.run([output_name], {input_name: batch})
    return np.asarray(out, dtype=np.float64).reshape(batch.shape[0], -1)


def cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    na = np.linalg.norm(a, axis=-1)
    nb = np.linalg.norm(b)
    return np.divide(a @ b, na * nb, out=np.zeros(a.shape[0]), where=(na * nb) > 0)


def query_embedding(model: LoadedModel, session, query_path: str, bands: list[int]) -> np.ndarray:
    """The query image's embedding: its bands (in the model's order) resampled to the tile size."""
    import rasterio
    from rasterio.enums import Resampling

    from .runner import prepare_input

    card = model.card
    tile = card.tiling.tile_size
    with rasterio.open(query_path) as q:
        if max(bands) > q.count:
            raise EngineError(f"the query image {query_path} has {q.count} band(s); the model reads bands {bands}")
        raw = q.read(bands, out_shape=(len(bands), tile, tile), resampling=Resampling.bilinear, out_dtype="float32")
    x = prepare_input(raw, card.inputs[0])
    return embed(session, card.inputs[0].name, card.outputs[0].name, x[None])[0]


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
    import rasterio
    from rasterio.windows import Window

    from .runner import Feedback, RasterInput, _Reader

    feedback = feedback or Feedback()
    check_output_writable(output_path)
    card = model.card
    start = time.perf_counter()
    session = get_session(model, threads)
    query = query_embedding(model, session, query_path, bands)
    spec = card.inputs[0]
    reader = _Reader(model, {spec.name: RasterInput(raster_path, bands)})
    tmp = temporary_path(output_path)
    try:
        ds = reader.datasets[spec.name]
        height, width = ds.height, ds.width
        tile = card.tiling.tile_size
        rows, cols = math.ceil(height / tile), math.ceil(width / tile)
        feedback.info(
            f"{card.title}: {width}x{height} px in {cols}x{rows} tiles of {tile} px, compared with {query_path}"
        )
        profile = gtiff_profile("float32", compress, (cols, rows))
        profile.update(count=1, crs=ds.crs, transform=ds.transform * ds.transform.scale(tile, tile), nodata=NODATA)
        with rasterio.open(tmp, "w", **profile) as out:
            out.set_band_description(1, "similarity")
            out.update_tags(SATIMPACT_MODEL=card.name, SATIMPACT_CHIP_SIZE=str(tile), SATIMPACT_QUERY=query_path)
            for j in range(rows):
                if feedback.is_cancelled():
                    raise Cancelled("cancelled by the user; no output was written")
                batch, shares = [], []
                for i in range(cols):
                    y, x = j * tile, i * tile
                    h, w = min(tile, height - y), min(tile, width - x)
                    feeds, valid = reader.read(y, x, h, w, tile, tile)
                    batch.append(feeds[spec.name])
                    shares.append(valid.sum() / (tile * tile))
                fixed_batch = model.graph_inputs[spec.name].fixed(0)
                stacked = np.stack(batch)
                if fixed_batch == 1:
                    vectors = np.concatenate(
                        [embed(session, spec.name, card.outputs[0].name, b[None]) for b in stacked]
                    )
                else:
                    vectors = embed(session, spec.name, card.outputs[0].name, stacked)
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
    feedback.info(f"Done: {rows * cols} tiles, {seconds:.2f} s")
    return {"tiles": rows * cols, "seconds": seconds}
