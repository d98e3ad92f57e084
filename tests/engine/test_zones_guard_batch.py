"""The batch's side of the zone checks the grid algorithms make (tests/processing/test_zones_guard.py):
a zones file without a polygon of some area is refused up front with the algorithms' words, and a
zone field named like a column the batch adds (zone_id in each item's table; input, label, date,
tool, parameters_hash in the combined table) is kept under another name, with a warning in the
log, rather than overwritten or dropped."""

from __future__ import annotations

import os

import geopandas as gpd
import pytest
from shapely.geometry import Polygon

from satimpact.engine import batch, batch_zones
from satimpact.engine.errors import EngineError

from . import test_batch as engine_tests
from .test_batch import read_manifest
from .test_batch_zones import patch_zones

scenes, local_client = engine_tests.scenes, engine_tests.local_client


def test_zones_without_a_polygon_refused_up_front(scenes, tmp_path):
    """Features without geometry and a flat rectangle: the algorithms' message, before anything runs."""
    path = tmp_path / "wards.gpkg"
    flat = Polygon([(0, 0), (1, 0), (1, 0), (0, 0)])
    frame = gpd.GeoDataFrame({"name": ["a", "b", "c"]}, geometry=[None, flat, None], crs="EPSG:4326")
    frame.to_file(path, driver="GPKG", layer="wards")
    out = tmp_path / "out"
    with pytest.raises(EngineError) as info:
        batch.run_batch("greenratio", batch.items_from_files([scenes["patch"]]), {"ZONES": str(path)}, str(out))
    assert str(info.value) == (
        "ZONES: none of the 3 features of the zone layer 'wards' is a polygon with an area (their geometries "
        "are NULL, empty or degenerate); fix the geometries (Vector > Geometry Tools > Check Validity) or "
        "choose another layer"
    )
    assert not out.exists()


def test_renames_pick_free_names():
    renames = batch_zones.table_renames(["zone_id", "input", "label", "zone_label", "name", "tool"])
    assert renames == {"input": "zone_input", "label": "zone_label_2", "tool": "zone_tool"}
    assert batch_zones.item_renames(["zone_id", "zone_zone_id", "name"]) == {"zone_id": "zone_zone_id_2"}


def test_zone_fields_named_like_table_columns_are_kept(scenes, local_client, tmp_path):
    """Zones with fields input, label, date, tool, parameters_hash (and a zone_label already): in
    the combined table the batch's columns hold the batch's values and the zones' own values are
    under zone_<name> (zone_label_2 where zone_label is taken); the log says so before the run.
    Each item's own table keeps those fields as they are, as satimpact:greenratio does, but for
    a field zone_id (the batch's feature id column there), kept as zone_zone_id."""
    frame = patch_zones(scenes["patch"])
    own = {
        "input": ["district input A", "district input B"],
        "label": ["W", "E"],
        "date": ["1999-01-01", "1999-01-02"],
        "tool": ["survey", "census"],
        "parameters_hash": ["h1", "h2"],
        "zone_label": ["west label", "east label"],
        "zone_id": ["W-01", "E-02"],
        "green_ratio": ["their own", "ratios"],
    }
    for name, values in own.items():
        frame[name] = values
    zones = tmp_path / "zones.gpkg"
    frame.to_file(zones, driver="GPKG")

    class Log(batch.Feedback):
        warnings: list = []

        def warning(self, message):
            self.warnings.append(message)

    log = Log()
    out, table = tmp_path / "out", tmp_path / "out" / "batch.gpkg"
    report = batch.run_batch(
        "greenratio",
        batch.items_from_files([scenes["patch"]]),
        {"ZONES": str(zones)},
        str(out),
        table=str(table),
        client=local_client,
        feedback=log,
    )
    assert (report.done, report.failed) == (1, 0), report.failures
    renamed = {
        "input": "zone_input",
        "label": "zone_label_2",
        "date": "zone_date",
        "tool": "zone_tool",
        "parameters_hash": "zone_parameters_hash",
    }
    assert [w for w in log.warnings if "combined table" in w] == [
        f"ZONES: the zones' field '{old}' is named like the combined table's own column; it is kept there as '{new}'"
        for old, new in renamed.items()
    ]
    assert "The zones' field 'green_ratio' is replaced by this tool's figure" in log.warnings
    assert [w for w in log.warnings if "feature id" in w] == [
        "ZONES: the zones' field 'zone_id' is named like the batch's own column (the feature id); it is kept as "
        "'zone_zone_id'"
    ]
    combined = gpd.read_file(table)
    assert list(combined["zone_id"]) == [1, 2] and list(combined["zone_zone_id"]) == own["zone_id"]
    assert list(combined["name"]) == ["west", "east"]
    for old, new in renamed.items():
        assert list(combined[new]) == own[old], new
    assert list(combined["zone_label"]) == own["zone_label"]
    label = os.path.basename(scenes["patch"])[:-4]
    assert set(combined["input"]) == {os.path.basename(scenes["patch"])} and set(combined["label"]) == {label}
    [entry] = read_manifest(out)["items"]
    assert set(combined["tool"]) == {"greenratio"} and set(combined["parameters_hash"]) == {entry["parameters_hash"]}
    assert combined["green_ratio"].between(0, 1).all()
    vector = next(o["path"] for o in entry["outputs"] if o["role"] == "vector")
    item = gpd.read_file(out / vector)  # the item's own table: the zones' fields as they are
    assert list(item["input"]) == own["input"] and list(item["label"]) == own["label"]
    assert list(item["zone_id"]) == [1, 2] and list(item["zone_zone_id"]) == own["zone_id"]
