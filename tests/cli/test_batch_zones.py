"""satimpact:batch with ZONES through qgis_process: KEY=VALUE parameters holding a GeoPackage
layer source (``path|layername=...``) and a population field, on the real qgis_process binary."""

from __future__ import annotations

import json

import geopandas as gpd

from ..engine.test_batch_zones import patch_zones
from ..processing import test_batch as processing_tests
from ..processing.test_batch import read_manifest

scenes = processing_tests.scenes


def test_batch_zones_through_qgis_process(qgis_process_runner, scenes, tmp_path):
    gpkg = tmp_path / "zones.gpkg"
    frame = patch_zones(scenes["patch"], "EPSG:3857")
    frame.iloc[:1].to_file(gpkg, layer="west only", driver="GPKG")
    frame.to_file(gpkg, layer="halves", driver="GPKG")
    out = tmp_path / "qp"
    done = qgis_process_runner(
        "run", "satimpact:batch", "--json", "--", "TOOL=greenratio", f"INPUTS={scenes['patch']}", "WORKERS=1",
        f"PARAMETERS=ZONES={gpkg}|layername=halves,POPULATION_FIELD=pop", f"OUTPUT_FOLDER={out}",
        f"OUTPUT_TABLE={tmp_path / 'qp.gpkg'}",
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    payload = json.loads(done.stdout[done.stdout.index("{") :])
    assert payload["results"]["DONE"] == 1 and payload["results"]["FAILED"] == 0
    table = gpd.read_file(tmp_path / "qp.gpkg", layer="batch")
    assert list(table["name"]) == ["west", "east"] and table["green_ratio"].between(0, 1).all()
    assert (table["green_m2_per_person"] * table["pop"]).round(6).tolist() == table["green_area_m2"].round(6).tolist()
    assert read_manifest(out)["parameters"]["ZONES"] == f"{gpkg}|layername=halves"
