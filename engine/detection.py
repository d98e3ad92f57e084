"""Object detection with YOLO-style models (Deepness' Detector), boxes in map coordinates.

Boxes from every tile, a confidence threshold, class-aware non-max suppression across tiles.

Output layouts (Deepness' ``det_type``):
- ``YOLO_v5_v7_DEFAULT``: (batch, boxes, 5 + classes), rows ``cx, cy, w, h, objectness,
  class scores...`` in tile pixels; the confidence is the objectness (as Deepness), the class
  the best class score.
- ``YOLO_v6``: the same layout, but the confidence is the best class score (as Deepness).
- ``YOLO_ULTRALYTICS`` / ``YOLO_v9``: (batch, 4 + classes, boxes), no objectness; the
  confidence is the best class score.
- ``YOLO_ULTRALYTICS_OBB`` (rotated boxes): (batch, 4 + classes + 1, boxes), rows ``cx, cy,
  w, h, class scores..., angle`` (radians, clockwise in pixel space); suppression uses the
  rotated rectangles' overlap.
- ``YOLO_ULTRALYTICS_SEGMENTATION`` (instance masks, YOLOv8-seg): two outputs, (batch, 4 +
  classes + m, boxes) with rows ``cx, cy, w, h, class scores..., m mask coefficients`` and
  (batch, m, mh, mw) mask prototypes. An instance's mask is sigmoid(coefficients . prototypes)
  at the prototypes' resolution, set to 0 outside the box (scaled to that resolution), resized
  bilinearly to the tile (OpenCV's INTER_LINEAR rule: pixel centres aligned) and kept where
  >= 0.5, as Deepness' Detector.process_mask (after Ultralytics' ops.process_mask) does. The
  classes are the class names' count where the metadata has them, else the rows less 4 less m.
Without ``det_type`` the layout is told from the shape (boxes outnumber values per box; a
second, 4-D output means instance masks) and the log says which; rotated boxes need
``det_type`` (their shape is the Ultralytics one).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from .errors import Cancelled, EngineError
from .i18n import tr
from .model import LoadedModel, get_session
from .raster import axis_starts

V5_TYPES = ("YOLO_V5_V7_DEFAULT", "YOLO_V5", "YOLO_V7")
V6_TYPES = ("YOLO_V6",)
ULTRALYTICS_TYPES = ("YOLO_ULTRALYTICS", "YOLO_V9", "YOLO_V8")
OBB_TYPES = ("YOLO_ULTRALYTICS_OBB",)
SEGMENT_TYPES = ("YOLO_ULTRALYTICS_SEGMENTATION",)
MASK_THRESHOLD = 0.5  # Deepness and Ultralytics keep a mask pixel from 0.5


@dataclass
class Detections:
    """What ``run_detection`` found: boxes in raster pixels, scores, classes, and run figures."""

    boxes: np.ndarray  # (n, 4) x1, y1, x2, y2, or rotated (n, 5) cx, cy, w, h, angle; raster pixels
    scores: np.ndarray  # (n,)
    classes: np.ndarray  # (n,) int
    class_names: list[str]
    transform: object  # affine.Affine of the raster
    crs_wkt: str | None
    tiles: int
    candidates: int  # boxes above the threshold before suppression
    seconds: float
    # instance masks: per box (row, column, bool array) in raster pixels, or None without masks
    masks: list | None = None

    def polygons(self):
        """(class id, class name, confidence, shapely geometry in map coordinates) per box.

        The box, or with instance masks the instance's (multi)polygon; boxes whose mask is empty
        are left out, as Deepness draws nothing for them.
        """
        from shapely.geometry import Polygon

        out = []
        for k, (box, score, cls) in enumerate(zip(self.boxes, self.scores, self.classes)):
            name = self.class_names[cls] if cls < len(self.class_names) else f"class_{cls}"
            if self.masks is None:
                shape = Polygon([self.transform * (x, y) for x, y in box_corners(box)])
            else:
                shape = mask_polygon(*self.masks[k], self.transform)
                if shape is None:
                    continue
            out.append((int(cls), name, float(score), shape))
        return out


def mask_polygon(row: int, col: int, mask: np.ndarray, transform):
    """The pixels of ``mask`` as one shapely MultiPolygon in map coordinates, pixel edges exact.

    ``mask`` sits at raster pixel ``row``, ``col``; None for an empty mask.

    Args:
        row: raster row of the mask's top-left pixel.
        col: raster column of the mask's top-left pixel.
        mask: bool array (rows, columns), True inside the instance.
        transform: the raster's affine transform (pixel -> map).
    """
    from affine import Affine
    from rasterio.features import shapes
    from shapely.geometry import MultiPolygon, shape
    from shapely.ops import unary_union

    if not mask.any():
        return None
    where = transform * Affine.translation(col, row)
    parts = [shape(g) for g, v in shapes(mask.astype(np.uint8), mask=mask, transform=where) if v == 1]
    merged = unary_union(parts)
    return merged if isinstance(merged, MultiPolygon) else MultiPolygon([merged])


def _linear_weights(size_out: int, size_in: int):
    """Source indices and weights of a bilinear resize from ``size_in`` to ``size_out`` samples.

    Pixel centres aligned (OpenCV INTER_LINEAR): x_in = (x_out + 0.5) * in/out - 0.5, clamped
    to the edge.
    """
    pos = np.clip((np.arange(size_out) + 0.5) * size_in / size_out - 0.5, 0, size_in - 1)
    low = np.floor(pos).astype(np.int64)
    high = np.minimum(low + 1, size_in - 1)
    return low, high, pos - low


def instance_masks(coefficients: np.ndarray, prototypes: np.ndarray, boxes: np.ndarray, tile: tuple[int, int]):
    """Per box, (row, column, bool mask) in tile pixels: the instance mask (see the module).

    Only the box's window, one prototype pixel wider on each side (where the resize still
    reaches), is computed: the mask is empty beyond.

    Args:
        coefficients: mask coefficients per box (boxes, m).
        prototypes: the model's mask prototypes (m, mask height, mask width).
        boxes: boxes (x1, y1, x2, y2) in tile pixels, one row per coefficient row.
        tile: the tile's (height, width) in pixels.
    """
    m, mh, mw = prototypes.shape
    ih, iw = tile
    sy, sx = mh / ih, mw / iw
    flat = prototypes.reshape(m, -1).astype(np.float64)
    ys_low, ys_high, ys_w = _linear_weights(ih, mh)
    xs_low, xs_high, xs_w = _linear_weights(iw, mw)
    rows_p, cols_p = np.arange(mh)[:, None], np.arange(mw)[None, :]
    out = []
    for coeff, (x1, y1, x2, y2) in zip(coefficients.astype(np.float64), boxes):
        small = 1.0 / (1.0 + np.exp(-(coeff @ flat))).reshape(mh, mw)
        inside = (cols_p >= x1 * sx) & (cols_p < x2 * sx) & (rows_p >= y1 * sy) & (rows_p < y2 * sy)
        small = small * inside
        pad_y, pad_x = int(np.ceil(1 / sy)), int(np.ceil(1 / sx))
        r0, r1 = max(0, int(np.floor(y1)) - pad_y), min(ih, int(np.ceil(y2)) + pad_y)
        c0, c1 = max(0, int(np.floor(x1)) - pad_x), min(iw, int(np.ceil(x2)) + pad_x)
        if r1 <= r0 or c1 <= c0:
            out.append((0, 0, np.zeros((0, 0), bool)))
            continue
        yl, yh, yw = ys_low[r0:r1, None], ys_high[r0:r1, None], ys_w[r0:r1, None]
        xl, xh, xw = xs_low[None, c0:c1], xs_high[None, c0:c1], xs_w[None, c0:c1]
        top = small[yl, xl] * (1 - xw) + small[yl, xh] * xw
        bottom = small[yh, xl] * (1 - xw) + small[yh, xh] * xw
        out.append((r0, c0, (top * (1 - yw) + bottom * yw) >= MASK_THRESHOLD))
    return out


def box_corners(box) -> list[tuple[float, float]]:
    """Corners (column, row) of an axis-aligned (x1, y1, x2, y2) or rotated (cx, cy, w, h, angle) box.

    Args:
        box: four values (x1, y1, x2, y2), or five (cx, cy, w, h, angle in radians).
    """
    if len(box) == 4:
        x1, y1, x2, y2 = box
        return [(x1, y1), (x2, y1), (x2, y2), (x1, y2)]
    cx, cy, w, h, angle = box
    c, s = np.cos(angle), np.sin(angle)
    return [
        (cx + dx * c - dy * s, cy + dx * s + dy * c)
        for dx, dy in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2))
    ]


def rotated_nms(boxes: np.ndarray, scores: np.ndarray, iou_threshold: float) -> np.ndarray:
    """Greedy suppression of rotated boxes (cx, cy, w, h, angle) by the overlap of their rectangles.

    Args:
        boxes: (n, 5) rotated boxes.
        scores: (n,) scores.
        iou_threshold: overlap above which the weaker box goes.

    Returns:
        numpy.ndarray: indices of the boxes kept, best score first.
    """
    from shapely.geometry import Polygon

    shapes = [Polygon(box_corners(b)) for b in boxes]
    order = list(np.argsort(-scores, kind="stable"))
    keep = []
    while order:
        i = order.pop(0)
        keep.append(i)
        rest = []
        for j in order:
            inter = shapes[i].intersection(shapes[j]).area
            union = shapes[i].area + shapes[j].area - inter
            if union <= 0 or inter / union <= iou_threshold:
                rest.append(j)
        order = rest
    return np.asarray(keep, dtype=np.int64)


def decode(output: np.ndarray, layout: str, confidence: float):
    """Boxes, scores and classes above ``confidence`` from one tile's output.

    Boxes are (x1, y1, x2, y2) in tile pixels; the output is 2-D, see the module's layouts.

    Args:
        output: one tile's output, 2-D.
        layout: "v5", "v6", "obb" or "ultralytics" (``output_layout``).
        confidence: lowest score kept.

    Returns:
        tuple: (boxes (n, 4), or (n, 5) rotated for "obb"; scores (n,); classes (n,) int).

    Raises:
        EngineError: the output has no class scores ("obb", "ultralytics") or fewer than 5 values
            per box ("v5", "v6").
    """
    rows = output.T if layout in ("ultralytics", "obb") else output
    if layout == "obb":
        cls_scores = rows[:, 4:-1]
        if cls_scores.shape[1] == 0:
            raise EngineError(tr("the rotated-box output has no class scores (expected 4 + classes + angle per box)"))
        scores, classes = cls_scores.max(axis=1), cls_scores.argmax(axis=1)
        keep = scores >= confidence
        boxes = np.concatenate([rows[keep, :4], rows[keep, -1:]], axis=1)
        return boxes.astype(np.float64), scores[keep].astype(np.float64), classes[keep].astype(np.int64)
    if layout == "ultralytics":
        cls_scores = rows[:, 4:]
        if cls_scores.shape[1] == 0:
            raise EngineError(tr("the detector's output has no class scores (expected 4 + classes values per box)"))
        scores = cls_scores.max(axis=1)
        classes = cls_scores.argmax(axis=1)
    else:
        if rows.shape[1] < 5:
            raise EngineError(
                tr("the detector's output has {0} values per box; YOLOv5-style needs 5 + classes").format(rows.shape[1])
            )
        classes = rows[:, 5:].argmax(axis=1) if rows.shape[1] > 5 else np.zeros(len(rows), dtype=np.int64)
        scores = rows[:, 5:].max(axis=1) if layout == "v6" and rows.shape[1] > 5 else rows[:, 4]
    keep = scores >= confidence
    rows, scores, classes = rows[keep], scores[keep], classes[keep]
    cx, cy, w, h = rows[:, 0], rows[:, 1], rows[:, 2], rows[:, 3]
    boxes = np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=1)
    return boxes.astype(np.float64), scores.astype(np.float64), classes.astype(np.int64)


def nms(boxes: np.ndarray, scores: np.ndarray, iou_threshold: float) -> np.ndarray:
    """Greedy non-max suppression: indices kept, best score first.

    A box goes when its intersection over union with a kept box exceeds ``iou_threshold``.

    Args:
        boxes: (n, 4) x1, y1, x2, y2.
        scores: (n,) scores.
        iou_threshold: overlap above which the weaker box goes.

    Returns:
        numpy.ndarray: indices of the boxes kept.
    """
    x1, y1, x2, y2 = boxes.T
    areas = np.maximum(0.0, x2 - x1) * np.maximum(0.0, y2 - y1)
    order = np.argsort(-scores, kind="stable")
    keep = []
    while order.size:
        i = order[0]
        keep.append(i)
        rest = order[1:]
        w = np.maximum(0.0, np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]))
        h = np.maximum(0.0, np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]))
        inter = w * h
        union = areas[i] + areas[rest] - inter
        iou = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        order = rest[iou <= iou_threshold]
    return np.asarray(keep, dtype=np.int64)


def class_aware_nms(boxes, scores, classes, iou_threshold: float) -> np.ndarray:
    """NMS within each class only (a car and a tree may overlap); indices by descending score.

    Rotated boxes (five columns) are compared by the overlap of their rectangles.

    Args:
        boxes: (n, 4) upright or (n, 5) rotated boxes.
        scores: (n,) scores.
        classes: (n,) class indices.
        iou_threshold: overlap above which the weaker box of a class goes.

    Returns:
        numpy.ndarray: indices of the boxes kept, by descending score.
    """
    suppress = rotated_nms if boxes.ndim == 2 and boxes.shape[1] == 5 else nms
    keep = []
    for cls in np.unique(classes):
        idx = np.flatnonzero(classes == cls)
        keep.extend(idx[suppress(boxes[idx], scores[idx], iou_threshold)])
    keep = np.asarray(keep, dtype=np.int64)
    return keep[np.argsort(-scores[keep], kind="stable")] if keep.size else keep


def decode_segment(output: np.ndarray, confidence: float, classes_count: int | None, coefficients: int):
    """Boxes, scores, classes and mask coefficients above ``confidence`` from one tile.

    ``output`` is the instance-mask output (values, boxes): rows cx, cy, w, h, class scores,
    coefficients.

    Args:
        output: the tile's instance-mask output, (values per box, boxes).
        confidence: the lowest class score kept.
        classes_count: number of classes; None to infer it from the output and ``coefficients``.
        coefficients: number of mask coefficients per box (the prototypes' channels).

    Returns:
        tuple: boxes (n, 4) as x1, y1, x2, y2, scores (n,), classes (n,) and coefficients (n, m).

    Raises:
        EngineError: the number of values per box does not match the classes and coefficients.
    """
    rows = output.T
    classes_count = rows.shape[1] - 4 - coefficients if classes_count is None else classes_count
    if classes_count < 1 or 4 + classes_count + coefficients != rows.shape[1]:
        raise EngineError(
            tr(
                "the instance-mask output has {0} values per box; with {coefficients} mask "
                "coefficients (the prototypes' channels) and {classes_count} classes it needs {1}"
            ).format(
                rows.shape[1],
                4 + max(classes_count, 1) + coefficients,
                coefficients=coefficients,
                classes_count=classes_count,
            )
        )
    cls_scores = rows[:, 4 : 4 + classes_count]
    scores, classes = cls_scores.max(axis=1), cls_scores.argmax(axis=1)
    keep = scores >= confidence
    rows = rows[keep]
    cx, cy, w, h = rows[:, 0], rows[:, 1], rows[:, 2], rows[:, 3]
    boxes = np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=1)
    return (
        boxes.astype(np.float64),
        scores[keep].astype(np.float64),
        classes[keep].astype(np.int64),
        rows[:, 4 + classes_count :].astype(np.float64),
    )


def output_layout(model: LoadedModel, sample_shape: tuple, has_prototypes: bool = False) -> str:
    """How to read a detector's output: the card's ``det_type``, else guessed from its shape.

    Args:
        model: the detector.
        sample_shape: the shape of one tile's output (2-D).
        has_prototypes: whether the graph has a second, 4-D output (instance-mask prototypes).

    Returns:
        str: "v5", "v6", "obb", "ultralytics" or "segment".

    Raises:
        EngineError: an unknown ``det_type``, or instance masks without prototypes.
    """
    det_type = str(model.card.extra.get("det_type") or "").upper()
    if det_type in SEGMENT_TYPES:
        if not has_prototypes:
            raise EngineError(
                tr(
                    "detector type {det_type} needs a second output of mask prototypes (batch, m, height, width)"
                ).format(det_type=det_type)
            )
        return "segment"
    if det_type in V5_TYPES:
        return "v5"
    if det_type in V6_TYPES:
        return "v6"
    if det_type in OBB_TYPES:
        return "obb"
    if det_type in ULTRALYTICS_TYPES:
        return "ultralytics"
    if det_type:
        known = ", ".join(V5_TYPES + V6_TYPES + ULTRALYTICS_TYPES + OBB_TYPES + SEGMENT_TYPES)
        raise EngineError(
            tr("det_type '{det_type}' is unknown (expected one of {known})").format(det_type=det_type, known=known)
        )
    if has_prototypes:
        return "segment"
    return "ultralytics" if sample_shape[-2] < sample_shape[-1] else "v5"


def _tile_output(out) -> np.ndarray:
    """One tile's detector output as a 2-D array (boxes x values, or values x boxes)."""
    out = np.asarray(out)
    if out.ndim == 3:
        out = out[0]
    if out.ndim != 2:
        raise EngineError(
            tr("the detector's output has shape {0}; expected (batch, boxes, values) or (batch, values, boxes)").format(
                tuple(out.shape)
            )
        )
    return out


def _on_data(boxes, scores, classes, valid: np.ndarray, tile: int, h: int, w: int, *more):
    """The boxes (tile pixels) whose centre falls on valid data, with their scores, classes (and ``more``).

    Not on nodata, nor on the padding beyond the raster's h x w part of the tile.
    """
    rotated = boxes.shape[1] == 5
    centre_x = boxes[:, 0] if rotated else (boxes[:, 0] + boxes[:, 2]) / 2
    centre_y = boxes[:, 1] if rotated else (boxes[:, 1] + boxes[:, 3]) / 2
    cx = np.clip(centre_x.astype(int), 0, tile - 1)
    cy = np.clip(centre_y.astype(int), 0, tile - 1)
    inside = (cx < w) & (cy < h)
    inside[inside] = valid[cy[inside], cx[inside]]
    return (boxes[inside], scores[inside], classes[inside], *(m[inside] for m in more))


def _tile_boxes(out, layout: str, confidence: float, valid, tile: int, y: int, x: int, h: int, w: int):
    """One tile's boxes on valid data, shifted to raster pixels: (boxes, scores, classes) or None."""
    boxes, scores, classes = decode(out, layout, confidence)
    if not len(boxes):
        return None
    boxes, scores, classes = _on_data(boxes, scores, classes, valid, tile, h, w)
    shift = [x, y, 0, 0, 0] if boxes.shape[1] == 5 else [x, y, x, y]
    return boxes + np.array(shift, dtype=np.float64), scores, classes


def _tile_instances(
    out, prototypes, classes_count, confidence: float, valid, tile: int, y: int, x: int, h: int, w: int
):
    """One tile's instances on valid data, in raster pixels: (boxes, scores, classes, masks) or None.

    Each mask is (row, column, bool array) in raster pixels, cut where the raster's valid data ends.
    """
    boxes, scores, classes, coefficients = decode_segment(out, confidence, classes_count, prototypes.shape[0])
    if not len(boxes):
        return None
    boxes, scores, classes, coefficients = _on_data(boxes, scores, classes, valid, tile, h, w, coefficients)
    masks = []
    for r, c, mask in instance_masks(coefficients, prototypes, boxes, (tile, tile)):
        on_data = valid[r : r + mask.shape[0], c : c + mask.shape[1]]
        masks.append((r + y, c + x, mask[: on_data.shape[0], : on_data.shape[1]] & on_data))
    return boxes + np.array([x, y, x, y], dtype=np.float64), scores, classes, masks


def run_detection(
    model: LoadedModel,
    raster_path: str,
    bands: list[int],
    feedback=None,
    confidence: float | None = None,
    iou_threshold: float | None = None,
    threads: int | None = None,
) -> Detections:
    """Detect objects over the whole raster, tile by tile (the card's tile size and overlap).

    Args:
        model: the detector.
        raster_path: the raster.
        bands: the 1-based bands the model reads, in its input order.
        feedback: progress, cancel and messages.
        confidence: lowest score kept (None: the card's ``det_conf``, else 0.5).
        iou_threshold: overlap above which the weaker box of a class goes (None: the card's
            ``det_iou_thresh``, else 0.4).
        threads: onnxruntime threads.

    Returns:
        Detections: boxes in raster pixels after class-aware suppression, with scores and classes
        (and, for instance-mask models, each box's mask).

    Raises:
        EngineError: a detector output that is not 2-D per tile, or a refused/unknown det_type.
        Cancelled: the user cancelled.
    """
    from .runner import Feedback, RasterInput, TileReader

    feedback = feedback or Feedback()
    card = model.card
    start = time.perf_counter()
    confidence = card.extra.get("det_conf", 0.5) if confidence is None else confidence
    iou_threshold = card.extra.get("det_iou_thresh", 0.4) if iou_threshold is None else iou_threshold
    spec = card.inputs[0]
    session = get_session(model, threads)
    wanted = _wanted_outputs(card.outputs[0].name, session)
    names = (card.extra.get("class_names") or [[]])[0]
    reader = TileReader(model, {spec.name: RasterInput(raster_path, bands)})
    try:
        ds = reader.datasets[spec.name]
        height, width, transform = ds.height, ds.width, ds.transform
        crs_wkt = ds.crs.to_wkt() if ds.crs else None
        tile, overlap = card.tiling.tile_size, card.tiling.overlap
        ys, xs = axis_starts(height, tile, overlap), axis_starts(width, tile, overlap)
        tiles = [(y, x) for y in ys for x in xs]
        feedback.info(
            tr(
                "{card_title}: {width}x{height} px, {0} tiles of {tile} px (overlap {overlap} "
                "px), confidence >= {confidence:g}, IoU for suppression {iou_threshold:g}"
            ).format(
                len(tiles),
                card_title=tr(card.title),
                width=width,
                height=height,
                tile=tile,
                overlap=overlap,
                confidence=confidence,
                iou_threshold=iou_threshold,
            )
        )
        boxes, scores, classes, all_masks, layout = _detect_tiles(
            model, session, reader, wanted, tiles, (height, width), len(names) or None, confidence, feedback
        )
    finally:
        reader.close()
    candidates = len(boxes)
    keep, boxes = _suppress(boxes, scores, classes, iou_threshold, width, height)
    result = Detections(
        boxes=boxes,
        scores=scores[keep],
        classes=classes[keep],
        class_names=list(names),
        transform=transform,
        crs_wkt=crs_wkt,
        tiles=len(tiles),
        candidates=candidates,
        seconds=time.perf_counter() - start,
        masks=[all_masks[k] for k in keep] if layout == "segment" else None,
    )
    feedback.info(
        tr(
            "Done: {candidates} boxes above {confidence:g} in {0} tiles, {1} kept after "
            "class-aware suppression, {result_seconds:.2f} s"
        ).format(len(tiles), len(keep), candidates=candidates, confidence=confidence, result_seconds=result.seconds)
    )
    return result


def _suppress(boxes, scores, classes, iou_threshold: float, width: int, height: int):
    """Class-aware suppression; the indices kept and their boxes."""
    keep = class_aware_nms(boxes, scores, classes, iou_threshold)
    boxes = boxes[keep]
    if boxes.shape[1] == 4:  # rotated boxes keep their shape; upright ones end at the raster's edge
        boxes = np.clip(boxes, 0, [width, height, width, height])
    return keep, boxes


def _wanted_outputs(output_name: str, session) -> list[str]:
    """The detector's output, then its instance-mask prototypes if it has them."""
    # a second, 4-D output holds instance-mask prototypes (YOLOv8-seg)
    prototypes_name = next(
        (o.name for o in session.get_outputs() if o.name != output_name and len(o.shape or ()) == 4), None
    )
    return [output_name] + ([prototypes_name] if prototypes_name else [])


def _detect_tiles(model, session, reader, wanted, tiles, shape, classes_count, confidence, feedback):
    """Run the detector on each tile; the candidate boxes (before suppression), their masks and the layout."""
    tile = model.card.tiling.tile_size
    height, width = shape
    all_boxes, all_scores, all_classes, all_masks = [], [], [], []
    layout = None
    for k, (y, x) in enumerate(tiles):
        if feedback.is_cancelled():
            raise Cancelled(tr("cancelled by the user; no output was written"))
        h, w = min(tile, height - y), min(tile, width - x)
        feeds, valid = reader.read(y, x, h, w, tile, tile)
        out, *rest = session.run(wanted, {name: a[None] for name, a in feeds.items()})
        out = _tile_output(out)
        if layout is None:
            layout = output_layout(model, out.shape, len(wanted) > 1)
            feedback.info(tr("Detector output {0} read as {layout} layout").format(tuple(out.shape), layout=layout))
        if layout == "segment":
            prototypes = np.asarray(rest[0])[0]
            found = _tile_instances(out, prototypes, classes_count, confidence, valid, tile, y, x, h, w)
            if found is not None:
                all_masks.extend(found[3])
                found = found[:3]
        else:
            found = _tile_boxes(out, layout, confidence, valid, tile, y, x, h, w)
        if found is not None:
            boxes, scores, classes = found
            all_boxes.append(boxes)
            all_scores.append(scores)
            all_classes.append(classes)
        feedback.progress(100.0 * (k + 1) / len(tiles))
    if all_boxes:
        boxes, scores, classes = (np.concatenate(a) for a in (all_boxes, all_scores, all_classes))
    else:
        boxes, scores, classes = np.zeros((0, 4)), np.zeros(0), np.zeros(0, dtype=np.int64)
    return boxes, scores, classes, all_masks, layout
