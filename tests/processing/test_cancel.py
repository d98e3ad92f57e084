"""Cancel and progress: a cancel after a few tiles stops at once and leaves no output and no
temporary files; progress runs 0..100 in steps that track tiles, and the log states the tile
size, overlap, number of tiles, threads and time taken."""

from __future__ import annotations

import re

import pytest

from ..engine import test_cancel as engine_tests
from ..engine.test_cancel import TILES, _leftovers

# the engine tests' fixtures, used here too (pytest finds fixtures among a module's attributes)
mosaic, small_tile_model = engine_tests.mosaic, engine_tests.small_tile_model


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
