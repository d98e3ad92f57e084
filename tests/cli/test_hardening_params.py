"""Bad parameters and inputs refused through qgis_process (issue 13): NaN and out-of-range values,
point zones, a truncated GeoTIFF, a raster declaring a huge size.
The real qgis_process binary in a subprocess (conftest.qgis_process_runner); fixtures and helpers
from tests/processing/test_hardening_params.py."""

from __future__ import annotations

import pytest

from ..processing import test_hardening_params as processing_tests
from ..processing.test_hardening_params import WATER, Guard, huge_vrt, truncated, zones_gpkg

# the Processing tests' fixtures, used here too (pytest finds fixtures among a module's attributes)
scene = processing_tests.scene


@pytest.mark.parametrize(
    "value, expected", [("0", "must be from 1 to 1e+06, got 0"), ("nan", "must be from 1 to 1e+06, got nan")]
)
def test_nan_and_range_via_qgis_process(qgis_process_runner, scene, tmp_path, value, expected):
    out = tmp_path / "green.gpkg"
    proc = qgis_process_runner(
        "run", "satimpact:greenratio", "--", f"INPUT={scene}", f"CELL_SIZE={value}", f"OUTPUT={out}"
    )
    text = proc.stdout + proc.stderr
    assert proc.returncode == 1 and expected in text and "Traceback" not in text, text
    assert not out.exists()


def test_point_zones_file_refused_via_qgis_process(qgis_process_runner, scene, tmp_path):
    zones = zones_gpkg(scene, tmp_path, "Point")
    out = tmp_path / "green.gpkg"
    proc = qgis_process_runner("run", "satimpact:greenratio", "--", f"INPUT={scene}", f"ZONES={zones}", f"OUTPUT={out}")
    text = proc.stdout + proc.stderr
    assert proc.returncode == 1 and "polygons are needed" in text and "Traceback" not in text, text
    assert not out.exists()


def test_truncated_geotiff_via_qgis_process(qgis_process_runner, s2_chip, tmp_path):
    path = truncated(s2_chip, tmp_path)
    out = tmp_path / "water.tif"
    guard = Guard(out, path)
    proc = qgis_process_runner(
        "run", "satimpact:waterdetection", "--", f"INPUT={path}", f"MODEL={WATER}", f"OUTPUT={out}"
    )
    text = proc.stdout + proc.stderr
    assert proc.returncode == 1 and "Traceback" not in text and "internal error" not in text, text
    assert "could not be read" in text or "not valid" in text, text
    # QGIS itself may write a statistics sidecar (truncated.tif.aux.xml) when it opens the layer
    (tmp_path / "truncated.tif.aux.xml").unlink(missing_ok=True)
    guard.check()


def test_declared_huge_raster_via_qgis_process(qgis_process_runner, s2_chip, tmp_path):
    vrt = huge_vrt(s2_chip, tmp_path)
    proc = qgis_process_runner(
        "run", "satimpact:waterdetection", "--", f"INPUT={vrt}", f"MODEL={WATER}", f"OUTPUT={tmp_path / 'w.tif'}"
    )
    text = proc.stdout + proc.stderr
    assert proc.returncode == 1 and "declares 10,000,000 x 10,000,000 px" in text and "Traceback" not in text, text
