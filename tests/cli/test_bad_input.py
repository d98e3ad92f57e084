"""A missing band through qgis_process: a clear error naming the band, nothing written.
The real qgis_process binary in a subprocess (conftest.qgis_process_runner); fixtures and helpers
from tests/processing/test_bad_input.py."""

from __future__ import annotations

from ..processing.test_bad_input import NDVI, Guard


def test_missing_band_via_qgis_process(qgis_process_runner, s1_chip, tmp_path):
    out = tmp_path / "ndvi.tif"
    guard = Guard(out, s1_chip, NDVI)
    proc = qgis_process_runner("run", "satimpact:runmodel", "--", f"INPUT={s1_chip}", f"MODEL={NDVI}", f"OUTPUT={out}")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    text = proc.stdout + proc.stderr
    assert "red" in text or "nir" in text, text
    guard.check()
