"""ZONES in a batch without QGIS (engine/zone_file.py, engine/batch_zones.py): the reader's
formats and layer choice, bad zones files refused up front with a message naming the problem, an
item whose raster no zone touches failing alone, the parameters hash following the zones file's
content, and the command line. The figures against the Processing algorithms:
tests/processing/test_batch_zones.py."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import fiona
import geopandas as gpd
import pytest
import rasterio
from shapely.geometry import Point, box

from satimpact.engine import batch, batch_zones, zone_file
from satimpact.engine.errors import EngineError

from . import test_batch as engine_tests
from .test_batch import read_manifest, worker_env

scenes, local_client = engine_tests.scenes, engine_tests.local_client


def patch_zones(patch: str, crs: str = "EPSG:4326") -> gpd.GeoDataFrame:
    """Two real zones over the BigEarthNet patch (its western and eastern halves), in ``crs``."""
    with rasterio.open(patch) as ds:
        b, src = ds.bounds, ds.crs
    mid = (b.left + b.right) / 2
    frame = gpd.GeoDataFrame(
        {"name": ["west", "east"], "pop": [100, 250]},
        geometry=[box(b.left + 10, b.bottom + 10, mid, b.top - 10), box(mid, b.bottom + 10, b.right - 10, b.top - 10)],
        crs=src,
    )
    return frame.to_crs(crs)


def test_reader_formats_layers_and_ids(scenes, tmp_path):
    frame = patch_zones(scenes["patch"])
    gpkg = tmp_path / "zones.gpkg"
    frame.iloc[:1].to_file(gpkg, layer="first", driver="GPKG")
    frame.to_file(gpkg, layer="districts", driver="GPKG")
    frame.to_file(tmp_path / "zones.shp")
    frame.to_file(tmp_path / "zones.geojson", driver="GeoJSON")
    named = zone_file.read_zones(f"{gpkg}|layername=districts")
    assert named.layer == "districts" and named.ids == [1, 2] and len(named) == 2
    assert named.spec == f"{gpkg}|layername=districts"
    assert zone_file.read_zones(f"{gpkg}|layerid=1").digest == named.digest
    # a layer's filter, as QGIS writes it into the source
    east = zone_file.read_zones(f"{gpkg}|layername=districts|subset=\"name\" = 'east'")
    assert east.ids == [2] and east.digest != named.digest and east.spec.endswith("|subset=\"name\" = 'east'")
    first = zone_file.read_zones(str(gpkg))  # no layer named: the first, as QGIS opens it
    assert first.layer == "first" and len(first) == 1
    shp, geojson = (
        zone_file.read_zones(str(tmp_path / "zones.shp")),
        zone_file.read_zones(str(tmp_path / "zones.geojson")),
    )
    assert shp.ids == [0, 1] and geojson.ids == [0, 1]
    for zones in (named, shp, geojson):
        assert [a["name"] for a in zones.attributes] == ["west", "east"]
        assert zones.fields["pop"].startswith("int")
        # in the raster's CRS the zones are the halves drawn there (to PROJ's round trip)
        with rasterio.open(scenes["patch"]) as ds:
            shapes = zones.shapes_in(ds.crs.to_wkt())
            assert shapes[0].bounds[0] == pytest.approx(ds.bounds.left + 10, abs=1e-6)
            assert shapes[0].union(shapes[1]).area == pytest.approx(
                (ds.bounds.right - ds.bounds.left - 20) ** 2, rel=1e-6
            )


@pytest.fixture()
def bad_zones(scenes, tmp_path):
    """A zones file of each kind the tools cannot count in."""
    frame = patch_zones(scenes["patch"])
    out = {"missing": str(tmp_path / "nope.gpkg")}
    out["no_crs_shp"] = str(tmp_path / "nocrs.shp")
    gpd.GeoDataFrame({"name": ["a"]}, geometry=[box(0, 0, 1, 1)]).to_file(out["no_crs_shp"])
    out["no_crs_gpkg"] = str(tmp_path / "nocrs.gpkg")  # srs_id 0: "Undefined geographic SRS"
    gpd.GeoDataFrame({"name": ["a"]}, geometry=[box(0, 0, 1, 1)]).to_file(out["no_crs_gpkg"], driver="GPKG")
    out["points"] = str(tmp_path / "points.gpkg")
    gpd.GeoDataFrame({"name": ["a"]}, geometry=[Point(0, 0)], crs="EPSG:4326").to_file(out["points"], driver="GPKG")
    out["empty"] = str(tmp_path / "empty.gpkg")
    schema = {"geometry": "Polygon", "properties": {"name": "str"}}
    with fiona.open(out["empty"], "w", driver="GPKG", crs="EPSG:4326", schema=schema, layer="empty"):
        pass
    out["good"] = str(tmp_path / "good.gpkg")
    frame.to_file(out["good"], driver="GPKG")
    return out


@pytest.mark.parametrize(
    "kind, params, message",
    [
        ("missing", {}, r"ZONES: the zones file .*nope\.gpkg was not found"),
        ("no_crs_shp", {}, r"ZONES: the layer 'nocrs' \(.*nocrs\.shp\) has no coordinate reference system"),
        ("no_crs_gpkg", {}, r"ZONES: the layer 'nocrs' \(.*nocrs\.gpkg\) has no coordinate reference system"),
        ("points", {}, r"ZONES: the layer 'points' has Point geometries; polygons are needed"),
        ("empty", {}, r"ZONES: the zone layer 'empty' has no feature; leave ZONES empty for a grid of cells"),
        ("good", {"POPULATION_FIELD": "people"},
         r"POPULATION_FIELD: the zones have no field 'people' \(fields: name, pop\)"),
        ("good", {"POPULATION_FIELD": "name"}, r"POPULATION_FIELD: the zones' field 'name' holds str, not numbers"),
        ("good|layername=other", {}, r"ZONES: .*good\.gpkg has no layer 'other' \(layers: good\)"),
    ],
)  # fmt: skip
def test_bad_zones_refused_before_anything_runs(scenes, bad_zones, tmp_path, kind, params, message):
    name, _, layer = kind.partition("|")
    spec = bad_zones[name] + (f"|{layer}" if layer else "")
    out = tmp_path / "out"
    with pytest.raises(EngineError, match=message):
        batch.run_batch("greenratio", batch.items_from_files([scenes["patch"]]), {"ZONES": spec, **params}, str(out))
    assert not out.exists()  # refused before the output folder, the manifest or a cluster


def test_zones_parameters_each_tool_takes(scenes, bad_zones, tmp_path):
    items = batch.items_from_files([scenes["patch"]])
    with pytest.raises(EngineError, match="ZONES not taken by waterdetection"):
        batch.run_batch("water", items, {"ZONES": bad_zones["good"]}, str(tmp_path / "w"))
    with pytest.raises(EngineError, match="POPULATION_FIELD needs ZONES"):
        batch.run_batch("green", items, {"POPULATION_FIELD": "pop"}, str(tmp_path / "g"))
    with pytest.raises(EngineError, match="OUTPUT_RASTER is a raster of grid cells; with ZONES there is no grid"):
        batch.run_batch("poverty", items, {"ZONES": bad_zones["good"], "OUTPUT_RASTER": "true"}, str(tmp_path / "p"))
    with pytest.raises(EngineError, match=f"{batch_zones.DIGEST} not taken by greenratio"):
        batch.run_batch("green", items, {"ZONES": bad_zones["good"], batch_zones.DIGEST: "0" * 64}, str(tmp_path / "d"))


def test_output_table_that_is_the_zones_file_refused(scenes, bad_zones, tmp_path):
    before = Path(bad_zones["good"]).read_bytes()
    with pytest.raises(EngineError, match=r"OUTPUT_TABLE \(.*good\.gpkg\) is the same file as the input ZONES"):
        batch.run_batch("green", batch.items_from_files([scenes["patch"]]), {"ZONES": bad_zones["good"]},
                        str(tmp_path / "out"), table=bad_zones["good"])  # fmt: skip
    assert Path(bad_zones["good"]).read_bytes() == before


def test_item_no_zone_touches_fails_alone(scenes, bad_zones, local_client, tmp_path):
    """Zones over the BigEarthNet patch (Portugal) and a batch of that patch and the Sen1Floods11
    chip (Spain): the chip's item fails with the reason, the patch's is done."""
    out = tmp_path / "out"
    items = batch.items_from_files([scenes["patch"], scenes["spain"][0]])
    report = batch.run_batch("greenratio", items, {"ZONES": bad_zones["good"]}, str(out), client=local_client)
    assert (report.done, report.failed) == (1, 1)
    [(label, error)] = report.failures
    assert label == "spain_0"
    assert error == (
        "ZONES: none of the 2 zones of 'good.gpkg' overlaps 'spain_0.tif': check that the zones and the raster "
        "cover the same place (zones: 13.712874,48.216911 : 13.729021,48.227702 in EPSG:4326; raster: "
        "-0.781894,38.082819 : -0.735900,38.128813 in EPSG:4326); the usual cause is a wrong CRS on one of them"
    )
    entries = {e["label"]: e for e in read_manifest(out)["items"]}
    assert entries["spain_0"]["status"] == "failed" and entries["spain_0"]["error"] == error
    done = gpd.read_file(out / entries[os.path.basename(scenes["patch"])[:-4]]["outputs"][0]["path"])
    assert list(done["name"]) == ["west", "east"] and done["green_ratio"].between(0, 1).all()  # fmt: skip


def test_parameters_hash_follows_the_zones_file(scenes, local_client, tmp_path):
    """The same zones: the same hash (a touch is not an edit), the outputs reused. Edited zones: a
    new hash and new outputs, the old ones left as they were."""
    path = tmp_path / "zones.gpkg"
    patch_zones(scenes["patch"]).to_file(path, driver="GPKG")
    items = batch.items_from_files([scenes["patch"]])
    out = tmp_path / "out"

    def run():
        report = batch.run_batch("green", items, {"ZONES": str(path)}, str(out), client=local_client)
        assert report.failed == 0, report.failures
        return report, read_manifest(out)["parameters_hash"]

    first, hash1 = run()
    assert first.done == 1 and first.skipped == 0
    os.utime(path, None)  # touched, not edited
    again, hash2 = run()
    assert hash2 == hash1 and again.skipped == 1
    time.sleep(0.01)
    edited = patch_zones(scenes["patch"])
    edited.loc[0, "geometry"] = edited.geometry[0].buffer(-0.001)  # a smaller western zone
    edited.to_file(path, driver="GPKG")
    third, hash3 = run()
    assert hash3 != hash1 and third.skipped == 0 and third.done == 1
    outputs = sorted(p.name for p in out.glob("*.gpkg"))
    assert len(outputs) == 2 and any(hash1 in n for n in outputs) and any(hash3 in n for n in outputs)
    old, new = (gpd.read_file(next(out.glob(f"*{h}.gpkg"))) for h in (hash1, hash3))
    assert new["zone_area_m2"][0] < old["zone_area_m2"][0] and new["zone_area_m2"][1] == old["zone_area_m2"][1]
    # an attribute alone is an edit too
    digest = zone_file.read_zones(str(path)).digest
    edited.loc[1, "name"] = "east side"
    edited.to_file(path, driver="GPKG")
    assert zone_file.read_zones(str(path)).digest != digest


def test_zones_edited_during_a_batch_fail_the_items_after(scenes, tmp_path):
    """A worker that finds the zones file changed since the batch started fails the item rather
    than counting other zones under the batch's hash."""
    path = tmp_path / "zones.gpkg"
    patch_zones(scenes["patch"]).to_file(path, driver="GPKG")
    params = batch_zones.prepare("greenratio", {"ZONES": str(path)})
    assert batch_zones.zones_for(params).digest == params[batch_zones.DIGEST]
    time.sleep(0.01)
    patch_zones(scenes["patch"]).iloc[:1].to_file(path, driver="GPKG")
    with pytest.raises(EngineError, match=r"ZONES: .*zones\.gpkg changed after the batch started"):
        batch_zones.zones_for(params)


def test_command_line_takes_zones(scenes, tmp_path):
    """``--param ZONES=path|layername=...`` on the command line, without QGIS."""
    gpkg = tmp_path / "zones.gpkg"
    frame = patch_zones(scenes["patch"], "EPSG:3857")
    frame.to_file(gpkg, layer="halves", driver="GPKG")
    frame.iloc[:1].to_file(gpkg, layer="west", driver="GPKG")
    out = tmp_path / "cli"
    code = (
        "import sys, runpy; sys.modules['qgis'] = None; sys.argv = ['batch'] + sys.argv[1:]; "
        "runpy.run_module('satimpact.engine.batch', run_name='__main__')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "--tool", "green", "--inputs", scenes["patch"], "--workers", "1",
         "--output-folder", str(out), "--param", f"ZONES={gpkg}|layername=halves", "--param", "POPULATION_FIELD=pop"],
        capture_output=True, text=True, timeout=180, env=worker_env(),
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    table = gpd.read_file(out / "batch.gpkg", layer=batch.TABLE_LAYER)
    assert list(table["name"]) == ["west", "east"] and table.crs.to_epsg() == 4326
    assert (table["green_m2_per_person"] * table["pop"]).round(6).tolist() == table["green_area_m2"].round(6).tolist()
    manifest = read_manifest(out)
    assert manifest["parameters"]["ZONES"] == f"{gpkg}|layername=halves"
    assert manifest["parameters"][batch_zones.DIGEST] == zone_file.read_zones(f"{gpkg}|layername=halves").digest
    # the same on the command line with a missing file: exit status 2 and the message
    done = subprocess.run(
        [sys.executable, "-c", code, "--tool", "green", "--inputs", scenes["patch"], "--output-folder",
         str(tmp_path / "cli2"), "--param", f"ZONES={tmp_path / 'nope.gpkg'}"],
        capture_output=True, text=True, timeout=180, env=worker_env(),
    )  # fmt: skip
    assert done.returncode == 2 and "error: ZONES: the zones file" in done.stderr, done.stderr


def test_all_null_figures_stay_numeric_fields():
    """A column of NULL figures only (every zone unseen) is written as a number field, not text."""
    import pandas as pd

    from satimpact.engine import batch_zones

    frame = pd.DataFrame(
        {"flooded_share": [None, None], "score": [None, None], "damaged": [None, 1], "name": ["a", "b"]}
    )
    typed = batch_zones.typed_figures(frame, ["flooded_share", "score", "damaged"])
    assert str(typed["flooded_share"].dtype) == "float64" and str(typed["score"].dtype) == "float64"
    assert str(typed["damaged"].dtype) == "Int64" and typed["name"].dtype == object
