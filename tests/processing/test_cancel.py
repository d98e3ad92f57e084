"""Cancel and progress: a cancel after a few tiles stops at once and leaves no output and no
temporary files; progress runs 0..100 in steps that track tiles, and the log states the tile
size, overlap, number of tiles, threads and time taken."""

from __future__ import annotations

import os
import re

import onnx
import pytest

from satimpact.engine.errors import Cancelled
from satimpact.engine.model import load_model
from satimpact.engine.raster import axis_starts
from satimpact.engine.runner import Feedback, RasterInput, RunOptions, run_model

from scale_models import conv16_model, write_bgrn_mosaic


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


def test_processing_cancel_leaves_nothing(run_alg, mosaic, small_tile_model, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class Cancelling(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.values = []
            self.progressChanged.connect(self.record)

        def record(self, value):
            self.values.append(value)
            if value >= 2.0 and not self.isCanceled():
                self.cancel()

    feedback = Cancelling()
    out = tmp_path / "prob.tif"
    with pytest.raises(QgsProcessingException, match="cancelled"):
        run_alg("satimpact:runmodel", {"INPUT": mosaic, "MODEL": str(small_tile_model), "OUTPUT": str(out)}, feedback)
    assert feedback.isCanceled()
    # 2% of the 441 tiles is about 9 tiles; it stops there, far from the end.
    assert max(feedback.values) < 5.0, feedback.values[-5:]
    assert not out.exists()
    assert _leftovers(tmp_path) == []


def test_progress_tracks_tiles_and_log_says_how(run_alg, mosaic, small_tile_model, tmp_path):
    from qgis.core import QgsProcessingFeedback

    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.values = []
            self.infos = []
            self.progressChanged.connect(self.values.append)

        def pushInfo(self, info):
            self.infos.append(info)
            super().pushInfo(info)

    feedback = Recorder()
    out = tmp_path / "prob.tif"
    run_alg("satimpact:runmodel", {"INPUT": mosaic, "MODEL": str(small_tile_model), "OUTPUT": str(out)}, feedback)
    values = [v for v in feedback.values if v > 0]
    assert values[-1] == pytest.approx(100.0)
    assert all(b >= a for a, b in zip(values, values[1:])), "progress went backwards"
    # One step per tile (each tile is more than the 0.1% reporting threshold).
    assert TILES == 441
    assert len(set(values)) == TILES, len(set(values))
    log = "\n".join(feedback.infos)
    plan = re.search(r"(\d+) tiles of (\d+)x(\d+) px \(overlap (\d+) px, merge (\w+)\).*?(\d+) onnxruntime thread", log)
    assert plan, log
    assert plan.group(1) == str(TILES) and plan.group(2) == plan.group(3) == "64" and plan.group(4) == "16"
    assert int(plan.group(6)) >= 1
    assert re.search(rf"Done: {TILES} tiles .* \d+\.\d+ s \(", log), log
