"""Cancel in the engine alone (no QGIS): a cancel after a few tiles stops within a tile and
leaves no output and no temporary files."""

from __future__ import annotations

import os

import onnx
import pytest
from scale_models import conv16_model, write_bgrn_mosaic

from satimpact.engine.errors import Cancelled
from satimpact.engine.model import load_model
from satimpact.engine.raster import axis_starts
from satimpact.engine.runner import Feedback, RasterInput, RunOptions, run_model


@pytest.fixture(scope="module")
def mosaic(s2_chip, tmp_path_factory):
    return write_bgrn_mosaic(str(s2_chip), str(tmp_path_factory.mktemp("cancel") / "bgrn.tif"), reps=2)


@pytest.fixture(scope="module")
def small_tile_model(tmp_path_factory):
    # 64 px tiles with 16 px overlap over 1024 x 1024 px: 21 x 21 = 441 tiles.
    path = tmp_path_factory.mktemp("models") / "conv64.onnx"
    onnx.save(conv16_model(tile=64, overlap=16, merge="blend"), path)
    return path


TILES = len(axis_starts(1024, 64, 16)) ** 2


def _leftovers(folder):
    return [n for n in os.listdir(folder) if ".satimpact-" in n or n.endswith(".part.tif")]


class CancelAfter(Feedback):
    def __init__(self, tiles: int, total: int):
        self.limit = 100.0 * tiles / total
        self.cancelled = False
        self.after_cancel = []
        self.values = []

    def progress(self, percent):
        if self.cancelled:
            self.after_cancel.append(percent)
        self.values.append(percent)
        if percent >= self.limit:
            self.cancelled = True

    def is_cancelled(self):
        return self.cancelled


def test_engine_cancel_stops_within_a_tile(mosaic, small_tile_model, tmp_path):
    model = load_model(str(small_tile_model))
    out = tmp_path / "prob.tif"
    feedback = CancelAfter(tiles=5, total=TILES)
    with pytest.raises(Cancelled, match="cancelled by the user"):
        run_model(model, {"image": RasterInput(mosaic, [1, 2, 3, 4])}, str(out), feedback, RunOptions(max_batch=16))
    # Cancelled after tile 5; the batch in flight (up to 16 tiles) is dropped, not merged.
    assert feedback.after_cancel == []
    assert 5 <= len(feedback.values) <= 6
    assert not out.exists()
    assert _leftovers(tmp_path) == []
