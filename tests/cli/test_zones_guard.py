"""Zones the grid tools cannot count in, refused through the real qgis_process binary too
(tests/processing/test_zones_guard.py has each case per tool)."""

from __future__ import annotations

from ..processing.test_zones_guard import shapefile_without_prj


def test_zones_file_without_crs_refused_via_qgis_process(qgis_process_runner, s2_chip, tmp_path):
    zones = shapefile_without_prj(s2_chip, tmp_path / "zones")
    out = tmp_path / "poverty.gpkg"
    proc = qgis_process_runner(
        "run", "satimpact:povertygrid", "--", f"INPUT={s2_chip}", f"ZONES={zones}", f"OUTPUT={out}"
    )
    text = proc.stdout + proc.stderr
    assert proc.returncode == 1 and "Traceback" not in text, text
    assert (
        "ZONES: the zone layer 'wards' has no coordinate reference system, so its coordinates cannot be placed on "
        "the raster; set its CRS (Layer Properties > Source) and run again"
    ) in text, text
    assert not out.exists()
