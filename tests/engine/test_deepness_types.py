"""Issue 18 in the engine alone (no QGIS): class-aware suppression on Deepness' own test boxes
against the plain greedy version, and the YOLO output layouts decoded as Deepness decodes them."""

import numpy as np
import pytest
from deepness_dummies import reference_nms

from satimpact.engine.detection import class_aware_nms

from conftest import data_path


@pytest.mark.slow
def test_nms_on_deepness_test_boxes():
    """Deepness' test_bounding_boxes.npy (x1, y1, x2, y2, confidence): the engine's vectorised NMS
    keeps exactly the boxes the plain greedy version keeps, for several thresholds."""
    data = np.load(data_path("deepness_test", "test_bounding_boxes.npy"))
    boxes, scores = data[:, :4], data[:, 4]
    classes = (np.arange(len(data)) % 3).astype(np.int64)  # three classes: suppression stays within one
    for iou in (0.3, 0.5, 0.7):
        got = class_aware_nms(boxes, scores, classes, iou)
        want = reference_nms(boxes, scores, classes, iou)
        assert sorted(got.tolist()) == sorted(want), iou
        assert 0 < len(got) < len(data)


def test_yolo_output_layouts_decode_as_deepness():
    """YOLOv5/v7: confidence = objectness; YOLOv6: the best class score (same rows); Ultralytics:
    (4 + classes, boxes), confidence = the best class score. Boxes become corners in tile pixels."""
    from satimpact.engine.detection import decode

    rows = np.array([[10, 10, 4, 6, 0.9, 0.2, 0.8], [20, 20, 4, 4, 0.3, 0.9, 0.1]], dtype=np.float32)
    boxes, scores, classes = decode(rows, "v5", 0.5)
    assert boxes.tolist() == [[8, 7, 12, 13]] and scores == pytest.approx([0.9]) and classes.tolist() == [1]
    boxes, scores, classes = decode(rows, "v6", 0.5)
    assert scores == pytest.approx([0.8, 0.9]) and classes.tolist() == [1, 0]
    ultra = np.delete(rows, 4, axis=1).T  # no objectness, boxes along the last axis
    boxes, scores, classes = decode(ultra, "ultralytics", 0.85)
    assert boxes.tolist() == [[18, 18, 22, 22]] and scores == pytest.approx([0.9]) and classes.tolist() == [0]
