"""Deepness model types: reading Deepness metadata, and what a segmentation model gives.

Deepness (PUTvision/qgis-plugin-deepness) stores in an ONNX file's ``metadata_props``:
``model_type`` (Segmentor, Regressor, Detector, Superresolution, Recognition),
``class_names`` (a dict per output head, or a list of them), ``resolution`` (cm/px),
``tile_size``, ``tiles_overlap`` (% of the tile), ``standardization_mean/std``,
``seg_thresh``, ``seg_small_segment``, ``reg_output_scaling``, ``det_conf``,
``det_iou_thresh``, ``det_type`` and ``scale_factor``. Every key is optional except the
type; sizes the metadata leaves out come from the graph.

A Deepness model becomes an ordinary SatImpact card through the same path as a model whose
essentials the user states (``engine.stated_card``): the type becomes ``extra.model_kind``
and the type's settings go to ``card.extra`` under the names used here, so a stated card,
a Deepness card and a saved card all run the same way.

Segmentation post-processing follows Deepness (0.6, map_processor_segmentation.py), per output
head: values below ``seg_thresh`` become 0; a sigmoid head (one channel, or a (batch, height,
width) output) gives class 1 where its value remains (class 0, background, elsewhere); a softmax
head gives the channel with the highest remaining value (ties and all-zero: channel 0). Small
segments go as in Deepness: a median filter of ``(s // 2) * 2 + 1`` px over each head's class
image (cv2.medianBlur, edges replicated; scipy's median filter here). Unlike Deepness, tiles
are blended (not cropped) before classes are taken, so classes agree across seams.
"""

from __future__ import annotations

import json
import math
import os
from collections import defaultdict

import numpy as np

from .card import ModelCard
from .errors import CardError, EngineError
from .i18n import tr

DEEPNESS_TYPES = {
    "segmentor": "segmentation",
    "regressor": "regression",
    "detector": "detection",
    "superresolution": "superresolution",
    "recognition": "recognition",
}
CLASS_NODATA = 255


def _value(props: dict[str, str], key: str):
    raw = props[key]
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, TypeError):
        return raw  # Deepness writes some values as plain strings


def deepness_type(props: dict[str, str]) -> str | None:
    """The SatImpact model kind for Deepness' ``model_type``, None where absent or unknown.

    Args:
        props: the ONNX metadata properties (key -> value) of a Deepness model.
    """
    if "model_type" not in props:
        return None
    return DEEPNESS_TYPES.get(str(_value(props, "model_type")).strip().lower())


def _number(props, key, where, cast=float):
    if key not in props or str(props[key]).strip() in ("", "null", "None"):
        return None
    try:
        value = cast(float(_value(props, key)))
    except (TypeError, ValueError) as exc:
        raise CardError(
            tr("{where}: '{key}' is not a number ({0!r})").format(props[key], where=where, key=key)
        ) from exc
    if not math.isfinite(value):
        raise CardError(tr("{where}: '{key}' is not a finite number").format(where=where, key=key))
    return value


def class_names_per_head(raw) -> list[list[str]] | None:
    """Class names per head from Deepness' class_names.

    Deepness writes ``{"0": "a", "1": "b"}`` (one head), ``[{"0": "a"}, {"0": "b"}]`` (one
    dict per head) or ``["a", "b"]`` (one head).

    Args:
        raw: the decoded ``class_names`` value, or None.

    Returns:
        list[list[str]] | None: the names of each head in class order; None where ``raw`` is None.

    Raises:
        CardError: a head's names are neither a dict nor a list of strings.
    """

    def one(d):
        if isinstance(d, dict):
            return [str(d[k]) for k in sorted(d, key=lambda k: int(k))]
        if isinstance(d, list) and all(isinstance(c, str) for c in d):
            return list(d)
        raise CardError(tr("class_names: cannot read {d!r}").format(d=d))

    if raw is None:
        return None
    if isinstance(raw, list) and raw and all(isinstance(d, dict) for d in raw):
        return [one(d) for d in raw]
    return [one(raw)]


def deepness_settings(props: dict[str, str], where: str) -> dict:
    """The type-specific settings of Deepness metadata, under the names ``card.extra`` uses.

    Args:
        props: the ONNX metadata_props.
        where: what starts the error messages.

    Returns:
        dict: the settings given (seg_small_segment, output_scaling, det_conf, det_iou_thresh,
        det_type, scale_factor, class_names).

    Raises:
        CardError: a value that is not a (finite) number, or class names that cannot be read.
    """
    settings = {
        "seg_small_segment": _number(props, "seg_small_segment", where, int),
        "output_scaling": _number(props, "reg_output_scaling", where),
        "det_conf": _number(props, "det_conf", where),
        "det_iou_thresh": _number(props, "det_iou_thresh", where),
        "det_type": str(_value(props, "det_type")) if "det_type" in props else None,
        "scale_factor": _number(props, "scale_factor", where),
    }
    if "class_names" in props:
        settings["class_names"] = class_names_per_head(_value(props, "class_names"))
    return {k: v for k, v in settings.items() if v is not None}


def card_from_deepness_graph(path: str, props: dict[str, str], graph_inputs, graph_outputs) -> ModelCard:
    """A card for a model with Deepness metadata, sizes taken from the graph where the metadata is silent.

    Args:
        path: the .onnx file.
        props: its metadata_props (Deepness keys).
        graph_inputs: name -> GraphPort of the graph's inputs.
        graph_outputs: name -> GraphPort of the graph's outputs.

    Returns:
        ModelCard: the card (``source_format`` "deepness").

    Raises:
        CardError: an unknown model_type, more than one input, a tile size the graph refuses,
            a value that is not a number, or what ``card_from_parameters`` refuses.
    """
    from .stated_card import StatedParameters, card_from_parameters

    origin = os.path.basename(path)
    where = f"{origin}: Deepness metadata"
    kind = deepness_type(props)
    if kind is None:
        raise CardError(
            tr("{where}: model_type {0!r} is unknown (Deepness types: {1})").format(
                props.get("model_type"), ", ".join(t.capitalize() for t in DEEPNESS_TYPES), where=where
            )
        )
    if len(graph_inputs) != 1:
        raise CardError(tr("{origin}: Deepness models must have exactly one input").format(origin=origin))
    port = next(iter(graph_inputs.values()))
    channels = port.fixed(1) or 3
    bands = (
        ["red", "green", "blue", "alpha"][:channels] if channels <= 4 else [f"band_{i + 1}" for i in range(channels)]
    )
    tile = _number(props, "tile_size", where, int)
    fixed = port.fixed(2)
    if tile and fixed and tile != fixed:
        raise CardError(
            tr("{where}: tile_size {tile} px but the graph's input is fixed at {fixed} px").format(
                where=where, tile=tile, fixed=fixed
            )
        )
    tile = tile or fixed
    overlap_pct = _number(props, "tiles_overlap", where)
    mean = std = None
    if "standardization_mean" in props and "standardization_std" in props:
        mean = [float(v) for v in _value(props, "standardization_mean")][:channels]
        std = [float(v) for v in _value(props, "standardization_std")][:channels]
    resolution_cm = _number(props, "resolution", where)
    params = StatedParameters(
        model_kind=kind,
        tile_size=tile,
        # Deepness' tiles_overlap is the share of the tile that neighbouring tiles have in common.
        overlap=None if overlap_pct is None or not tile else int(round(tile * overlap_pct / 100.0)),
        resolution_m=resolution_cm / 100.0 if resolution_cm else None,
        mean=mean,
        std=std,
        threshold=_number(props, "seg_thresh", where),
    )
    card = card_from_parameters(path, params, bands, graph_inputs, graph_outputs)
    if "model_name" in props:
        card.name = str(_value(props, "model_name"))
    card.title = f"Deepness {kind} model ({card.name})"
    card.version = str(props.get("model_version", "unknown"))
    card.license = str(props.get("license", "unknown"))
    card.caveats = "Converted from Deepness metadata; bands are taken as RGB(A), scaled by 1/255 as Deepness does."
    card.description = f"Deepness {props.get('model_type')} model"
    card.extra.pop("stated_parameters", None)
    card.extra.update(deepness_settings(props, where))
    for spec, names in zip(card.outputs, card.extra.get("class_names") or []):
        port = graph_outputs[spec.name]
        channels = 1 if len(port.shape) == 3 else port.fixed(1)
        if kind == "segmentation" and channels == len(names):
            spec.class_names = list(names)  # names the probability bands too
    card.source_format = "deepness"
    return card


# --- segmentation -------------------------------------------------------------------------


def head_layout(model) -> list[tuple[str, int, bool]]:
    """(output name, channels, sigmoid) per output head.

    A head of one channel (or a (batch, height, width) output) is a sigmoid, more channels are
    a softmax.

    Args:
        model: the loaded model (card outputs and graph output shapes).

    Raises:
        EngineError: an output whose number of channels is not fixed in the graph.
    """
    heads = []
    for spec in model.card.outputs:
        port = model.graph_outputs[spec.name]
        channels = 1 if len(port.shape) == 3 else port.fixed(1)
        if channels is None:
            raise EngineError(
                tr("output '{spec_name}' does not fix its number of channels; cannot tell its classes apart").format(
                    spec_name=spec.name
                )
            )
        heads.append((spec.name, channels, channels == 1))
    return heads


def head_class_names(model) -> list[list[str]]:
    """Class names per head, class value = position; sigmoid heads start with 'background'.

    Args:
        model: the loaded model; the names come from its card's ``class_names``, else ``class_<i>``.

    Raises:
        EngineError: an output whose number of channels is not fixed (see ``head_layout``).
    """
    given = model.card.extra.get("class_names") or []
    names = []
    for k, (name, channels, sigmoid) in enumerate(head_layout(model)):
        listed = given[k] if k < len(given) else None
        if sigmoid:
            label = listed[0] if listed else (name if len(model.card.outputs) > 1 else "class_1")
            names.append(["background", label])
        else:
            if listed and len(listed) == channels:
                names.append(list(listed))
            else:
                names.append([f"class_{i}" for i in range(channels)])
    return names


def median_size(small_segment: int | None) -> int:
    """Deepness' median filter for 'remove small segments': (s // 2) * 2 + 1 px (odd); 0 for none.

    Args:
        small_segment: Deepness' small-segment size in pixels, or None/0 for no filtering.
    """
    size = (int(small_segment) // 2) * 2 + 1 if small_segment else 0
    return size if size > 1 else 0


def classify(probabilities: list[np.ndarray], threshold: float) -> np.ndarray:
    """Class per pixel and head, as Deepness computes it.

    Args:
        probabilities: per head, (c, h, w) probabilities.
        threshold: probabilities below it count as 0 (one channel: class 1 where above).

    Returns:
        numpy.ndarray: (heads, h, w) uint8 classes (argmax over the channels of each head).
    """
    out = np.empty((len(probabilities),) + probabilities[0].shape[1:], dtype=np.uint8)
    for k, p in enumerate(probabilities):
        p = np.where(p < threshold, 0.0, p)
        out[k] = (p[0] != 0) if p.shape[0] == 1 else np.argmax(p, axis=0)
    return out


STRIP_BUDGET_BYTES = 32 << 20


def write_class_raster(
    probability_path: str,
    output_path: str,
    model,
    threshold: float,
    small_segment: int | None,
    feedback=None,
    compress: str | None = None,
) -> list[list[str]]:
    """Class raster (one uint8 band per head, 255 nodata) from the blended probabilities.

    Strip by strip with a halo for the median filter. Written aside, moved into place; the class
    names go into a raster attribute table and category names.

    Args:
        probability_path: the blended probabilities (the heads' channels in order).
        output_path: the class raster.
        model: the segmentation model (its heads, class names).
        threshold: probability below which a sigmoid head's pixel is background.
        small_segment: Deepness' "remove small segments" size in px, or None.
        feedback: progress and cancel.
        compress: output compression (``gtiff_profile``).

    Returns:
        list[list[str]]: class names per head.

    Raises:
        EngineError: the probability raster's band count does not match the heads.
        Cancelled: the user cancelled (no output is left behind).
    """
    import rasterio
    from rasterio.windows import Window
    from scipy.ndimage import median_filter

    from .raster import commit_output, gtiff_profile, remove_quietly, temporary_path

    heads = head_layout(model)
    names = head_class_names(model)
    kernel = median_size(small_segment)
    halo = kernel // 2
    tmp = temporary_path(output_path)
    try:
        with rasterio.open(probability_path) as src:
            expected = sum(c for _, c, _ in heads)
            if src.count != expected:
                raise EngineError(
                    tr("the probability raster has {src_count} bands, the model's heads give {expected}").format(
                        src_count=src.count, expected=expected
                    )
                )
            height, width = src.height, src.width
            profile = gtiff_profile("uint8", compress, (width, height))
            profile.update(count=len(heads), crs=src.crs, transform=src.transform, nodata=CLASS_NODATA)
            nodata = src.nodata
            # Rows per strip from a fixed budget, so memory does not grow with the raster's
            # width (a float strip, its finite copy and the classes, plus the median halo).
            strip = int(np.clip(STRIP_BUDGET_BYTES // max(1, width * expected * 4 * 3), 16, 512))
            with rasterio.open(tmp, "w", **profile) as dst:
                for k, (name, _, _) in enumerate(heads, start=1):
                    dst.set_band_description(k, f"{name}_class" if len(heads) > 1 else "class")
                dst.update_tags(SATIMPACT_CLASS_NAMES=json.dumps(names))
                for y0 in range(0, height, strip):
                    if feedback is not None and feedback.is_cancelled():
                        from .errors import Cancelled

                        raise Cancelled(tr("cancelled by the user; no output was written"))
                    y1 = min(height, y0 + strip)
                    r0, r1 = max(0, y0 - halo), min(height, y1 + halo)
                    data = src.read(window=Window(0, r0, width, r1 - r0))
                    invalid = (
                        ~np.isfinite(data).all(axis=0)
                        if nodata is None or math.isnan(nodata)
                        else (data == nodata).any(axis=0) | ~np.isfinite(data).all(axis=0)
                    )
                    data = np.where(np.isfinite(data), data, 0.0)
                    parts, b = [], 0
                    for _, channels, _ in heads:
                        parts.append(data[b : b + channels])
                        b += channels
                    classes = classify(parts, threshold)
                    if kernel:
                        for k in range(classes.shape[0]):
                            classes[k] = median_filter(classes[k], size=kernel, mode="nearest")
                    classes[:, invalid] = CLASS_NODATA
                    dst.write(classes[:, y0 - r0 : y0 - r0 + (y1 - y0)], window=Window(0, y0, width, y1 - y0))
                    if feedback is not None:
                        feedback.progress(100.0 * y1 / height)
        _attach_class_table(tmp, names)
        commit_output(tmp, output_path)
    except BaseException:
        remove_quietly(tmp)
        raise
    return names


def _attach_class_table(path: str, names: list[list[str]]) -> None:
    """Raster attribute table (value, class) and category names per band, read by QGIS and GDAL."""
    from osgeo import gdal

    ds = gdal.Open(path, gdal.GA_Update)
    try:
        for k, head in enumerate(names, start=1):
            band = ds.GetRasterBand(k)
            rat = gdal.RasterAttributeTable()
            rat.CreateColumn("value", gdal.GFT_Integer, gdal.GFU_MinMax)
            rat.CreateColumn("class", gdal.GFT_String, gdal.GFU_Name)
            rat.SetRowCount(len(head))
            for row, name in enumerate(head):
                rat.SetValueAsInt(row, 0, row)
                rat.SetValueAsString(row, 1, name)
            band.SetDefaultRAT(rat)
            band.SetCategoryNames(list(head))
    finally:
        ds = None


# Rows of the class raster polygonised at once. Joining the pieces cut at a strip seam costs far
# more than polygonising (GEOS unions of large polygons with many holes: 15 s of 33 s on a
# speckled 9 Mpx map cut once), so strips are as large as memory allows: 32 Mpx is 32 MB of
# classes plus the mask, and most rasters fit in one strip.
POLYGON_STRIP_PIXELS = 32 * 1024 * 1024


def _touches_a_seam(geom: dict, seam_lines) -> bool:
    """Whether the GeoJSON polygon ``geom`` reaches one of the strip seams (y in map units)."""
    ys = np.asarray(geom["coordinates"][0])[:, 1]
    low, high = ys.min(), ys.max()
    return any(low - 1e-9 <= sy <= high + 1e-9 for _, sy in seam_lines)


def class_polygons(
    class_path: str,
    names: list[list[str]],
    simplify_px: float = 1.0,
    min_area_px: float = 0.0,
    skip_background: bool = True,
    strip: int | None = None,
    feedback=None,
):
    """Polygons of every class of every band of a class raster.

    Yields (head, class id, class name, shapely geometry in map coordinates), simplified by
    ``simplify_px`` pixels and at least ``min_area_px`` pixels large. Read in strips of rows
    (bounded memory); pieces cut at a strip seam are joined again.

    Args:
        class_path: the class raster (``write_class_raster``).
        names: class names per head.
        simplify_px: simplification tolerance, pixels.
        min_area_px: smaller polygons are left out, pixels.
        skip_background: leave out the classes named "background".
        strip: rows per strip; None: as many rows as fit in ``POLYGON_STRIP_PIXELS`` pixels.
        feedback: progress and cancel.

    Yields:
        tuple: (head, class id, class name, shapely geometry in map coordinates).

    Raises:
        Cancelled: the user cancelled.
    """
    import rasterio
    from rasterio.features import shapes
    from rasterio.windows import Window
    from shapely.geometry import shape
    from shapely.ops import unary_union

    results = []
    with rasterio.open(class_path) as ds:
        transform = ds.transform
        pixel = abs(transform.a * transform.e - transform.b * transform.d)
        tolerance = simplify_px * math.sqrt(pixel)
        if strip is None:
            strip = max(256, POLYGON_STRIP_PIXELS // ds.width)
        for band in range(1, ds.count + 1):
            head_names = names[band - 1]
            keep = np.ones(256, dtype=bool)
            keep[CLASS_NODATA] = False
            if skip_background:
                for value, name in enumerate(head_names):
                    keep[value] = name.lower() not in ("background", "_background")
            seam_pieces = defaultdict(list)
            seams = [y for y in range(strip, ds.height, strip)]
            seam_lines = [transform * (0, y) for y in seams]
            for y0 in range(0, ds.height, strip):
                if feedback is not None and feedback.is_cancelled():
                    from .errors import Cancelled

                    raise Cancelled(tr("cancelled by the user; no output was written"))
                h = min(strip, ds.height - y0)
                data = ds.read(band, window=Window(0, y0, ds.width, h))
                mask = keep[data]
                win_transform = transform * transform.translation(0, y0)
                for geom, value in shapes(data, mask=mask, transform=win_transform):
                    poly = shape(geom)
                    value = int(value)
                    if seam_lines and _touches_a_seam(geom, seam_lines):
                        seam_pieces[value].append(poly)
                    else:
                        results.append((band, value, poly))
            for value, pieces in seam_pieces.items():
                merged = unary_union(pieces)
                for poly in getattr(merged, "geoms", [merged]):
                    results.append((band, value, poly))
    out = []
    for band, value, poly in results:
        # a plain rectangle (5 coordinates, no hole) simplifies to itself: skip the costly call
        if simplify_px > 0 and (len(poly.exterior.coords) > 5 or poly.interiors):
            poly = poly.simplify(tolerance, preserve_topology=True)
        if poly.is_empty or poly.area / pixel < min_area_px:
            continue
        head_names = names[band - 1]
        label = head_names[value] if value < len(head_names) else str(value)
        out.append((band, value, label, poly))
    return out
