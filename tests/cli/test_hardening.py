"""An output that is an input, refused through qgis_process (issue 13).
The real qgis_process binary in a subprocess (conftest.qgis_process_runner); fixtures and helpers
from tests/processing/test_hardening.py."""

from __future__ import annotations

from ..processing import test_hardening as processing_tests
from ..processing.test_hardening import WATER, sha256

# the Processing tests' fixtures, used here too (pytest finds fixtures among a module's attributes)
scene = processing_tests.scene


def test_output_is_input_via_qgis_process(qgis_process_runner, scene, tmp_path):
    before = sha256(scene)
    proc = qgis_process_runner(
        "run",
        "satimpact:waterdetection",
        "--",
        f"INPUT={scene}",
        f"MODEL={WATER}",
        f"OUTPUT={tmp_path / 'w.tif'}",
        f"OUTPUT_INDEX={scene}",
    )
    text = proc.stdout + proc.stderr
    assert proc.returncode == 1, text
    assert "same file as the input INPUT" in text and "Traceback" not in text, text
    assert sha256(scene) == before
    assert not (tmp_path / "w.tif").exists()
