"""ZONES in a batch against the Processing algorithms: for each grid tool, the same zones file
(GeoPackage with a layer name, Shapefile, GeoJSON; zones in another CRS than the raster, an
invalid bow-tie polygon, a zone outside the raster, a population field) gives the same figures
per zone through the batch's QGIS-free reader (engine/zone_file.py) on a Dask LocalCluster as
through QGIS's own reading in processing.run. Errors of bad zones files and the parameters hash:
tests/engine/test_batch_zones.py."""

from __future__ import annotations

import math

import fiona
import geopandas as gpd
import pandas as pd
import pytest
import rasterio
from pyproj import Transformer
from shapely.geometry import Polygon, box

from satimpact.engine import batch

from ..engine import test_batch as engine_tests
from ..engine.test_batch import read_manifest

scenes, local_client = engine_tests.scenes, engine_tests.local_client


def corners(path: str, to_crs: str, fractions) -> list:
    """Polygons given as fractions (x, y) of a raster's extent, in ``to_crs``."""
    with rasterio.open(path) as ds:
        b, crs = ds.bounds, ds.crs
    to = Transformer.from_crs(crs, to_crs, always_xy=True)
    out = []
    for ring in fractions:
        xs = [b.left + fx * (b.right - b.left) for fx, _ in ring]
        ys = [b.bottom + fy * (b.top - b.bottom) for _, fy in ring]
        out.append(Polygon(zip(*to.transform(xs, ys))))
    return out


ZONE_SHAPES = {
    # a square well inside, one across the raster's edge, a bow-tie (invalid: made valid), an
    # L-shaped zone whose bounding-box centre lies outside it, and one far outside the raster
    "inside": [(0.2, 0.2), (0.55, 0.2), (0.55, 0.5), (0.2, 0.5)],
    "edge": [(0.7, 0.6), (1.3, 0.6), (1.3, 0.95), (0.7, 0.95)],
    "bowtie": [(0.1, 0.55), (0.45, 0.9), (0.45, 0.55), (0.1, 0.9)],
    "bent": [(0.6, 0.05), (0.95, 0.05), (0.95, 0.5), (0.85, 0.5), (0.85, 0.15), (0.6, 0.15)],
    "outside": [(3.0, 3.0), (3.2, 3.0), (3.2, 3.2), (3.0, 3.2)],
}


def write_zones(raster: str, path, crs: str, driver: str, layer: str | None = None, population=False, extra=None):
    """ZONE_SHAPES over ``raster`` (and ``extra``: name -> geometry in ``crs``) written as ``driver``."""
    extra = extra or {}
    geometries = corners(raster, crs, ZONE_SHAPES.values()) + list(extra.values())
    frame = gpd.GeoDataFrame({"name": list(ZONE_SHAPES) + list(extra)}, geometry=geometries, crs=crs)
    assert not frame.geometry.iloc[2].is_valid  # the bow-tie
    if population:
        frame["pop"] = [1200.0, 0.0, -5.0, None, 10.0]
    kwargs = {"layer": layer} if layer else {}
    if layer:  # a second layer first, so that the layer name is what picks the zones
        frame.iloc[:1].to_file(path, driver=driver, layer="decoy")
    frame.to_file(path, driver=driver, **kwargs)
    return f"{path}|layername={layer}" if layer else str(path)


def by_name(path, fields, key="name", layer=None) -> dict:
    frame = gpd.read_file(str(path).split("|")[0], **({"layer": layer} if layer else {}))
    out = {}
    for _, row in frame.iterrows():
        values = []
        for f in fields:
            v = row[f]
            values.append(None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v)
        out[row[key]] = values
    return out


def assert_same_figures(got: dict, want: dict, fields) -> None:
    assert set(got) == set(want)
    for name in want:
        for f, g, w in zip(fields, got[name], want[name]):
            if w is None:
                assert g is None, (name, f, g)
            elif isinstance(w, str):
                assert g == w, (name, f)
            else:
                assert g == pytest.approx(w, rel=1e-9, abs=1e-9), (name, f, g, w)


def run_one(tool, inputs, params, out, client):
    report = batch.run_batch(tool, inputs, params, str(out), client=client, table=str(out) + ".gpkg")
    assert (report.done, report.failed) == (1, 0), report.failures
    entry = read_manifest(out)["items"][0]
    return out / next(o["path"] for o in entry["outputs"] if o["role"] == "vector"), entry


GREEN_FIELDS = ["green_ratio", "green_area_m2", "valid_area_m2", "valid_fraction", "zone_area_m2",
                "cloud_area_m2", "water_area_m2", "green_m2_per_person"]  # fmt: skip


def test_green_ratio_zones_batch_equals_algorithm(run_alg, scenes, local_client, tmp_path):
    """BigEarthNet patch (UTM), zones in EPSG:4326 in a GeoPackage layer chosen by name."""
    patch = scenes["patch"]
    zones = write_zones(patch, tmp_path / "zones.gpkg", "EPSG:4326", "GPKG", layer="districts", population=True)
    alg = tmp_path / "alg.gpkg"
    run_alg("satimpact:greenratio", {"INPUT": patch, "ZONES": zones, "POPULATION_FIELD": "pop", "OUTPUT": str(alg)})
    params = {"ZONES": zones, "POPULATION_FIELD": "pop"}
    got, entry = run_one("greenratio", batch.items_from_files([patch]), params, tmp_path / "batch", local_client)
    want = by_name(alg, GREEN_FIELDS)
    assert_same_figures(by_name(got, GREEN_FIELDS), want, GREEN_FIELDS)
    # the figures are real: green counted in the zones inside; the zone outside was not seen: valid
    # area and fraction 0, its own area, every other figure NULL (never 0); the zone across the
    # raster's edge keeps its figures (its population is 0: no per-person figure)
    assert want["inside"][0] is not None and 0 < want["inside"][1] and want["bowtie"][2] > 0
    outside = want["outside"]
    assert outside[2:4] == [0, 0] and outside[4] > 0 and outside[:2] + outside[5:] == [None] * 5
    assert 0.2 < want["edge"][3] < 0.8 and None not in want["edge"][:7] and want["edge"][1] > 0
    assert want["inside"][7] == pytest.approx(want["inside"][1] / 1200.0)
    assert entry["summary"]["zones"] == 5 and entry["summary"]["zones_outside"] == 1
    with fiona.open(got) as item:  # NULL figures stay real fields
        assert all(item.schema["properties"][f] == "float" for f in GREEN_FIELDS)
    assert_same_figures(by_name(str(tmp_path / "batch") + ".gpkg", GREEN_FIELDS, layer=batch.TABLE_LAYER), want,
                        GREEN_FIELDS)  # fmt: skip
    # the zones keep their own CRS and fields in the item's table; the combined table is in EPSG:4326
    item = gpd.read_file(got)
    assert item.crs.to_epsg() == 4326 and list(item["zone_id"]) == [1, 2, 3, 4, 5]
    table = gpd.read_file(str(tmp_path / "batch") + ".gpkg", layer=batch.TABLE_LAYER)
    assert list(table["name"]) == list(ZONE_SHAPES) and table["parameters_hash"].nunique() == 1


def test_green_ratio_cells_over_nodata_batch_equals_algorithm(run_alg, scenes, local_client, tmp_path):
    """The BigEarthNet patch with a 600 m cell of nodata and one under cloud: the batch's cells
    (item and combined table) carry the same NULL figures as processing.run's."""
    from .test_green import patch_with_unseen_cells

    path = patch_with_unseen_cells(scenes["patch"], tmp_path)
    alg = tmp_path / "alg.gpkg"
    run_alg("satimpact:greenratio", {"INPUT": path, "CELL_SIZE": 600, "OUTPUT": str(alg)})
    fields = GREEN_FIELDS[:7]
    got, _ = run_one("greenratio", batch.items_from_files([path]), {"CELL_SIZE": 600}, tmp_path / "batch",
                     local_client)  # fmt: skip
    want = by_name(alg, fields, key="cell_id")
    assert_same_figures(by_name(got, fields, key="cell_id"), want, fields)
    unseen = [v for v in want.values() if v[2] == 0]
    assert len(unseen) == 2 and all(v[3] == 0 and v[:2] == [None, None] and v[6] is None for v in unseen)
    assert sorted(v[5] is None for v in unseen) == [False, True]  # nodata: NULL; cloud: measured
    assert sum(None not in v for v in want.values()) == 2
    table = by_name(str(tmp_path / "batch") + ".gpkg", fields, key="cell_id", layer=batch.TABLE_LAYER)
    assert_same_figures(table, want, fields)


FLOOD_FIELDS = ["flooded_area_m2", "flooded_share", "permanent_water_share", "receded_share", "valid_share",
                "valid_area_m2", "damaged"]  # fmt: skip


def test_flood_change_zones_batch_equals_algorithm(run_alg, s2_chip, s1_chip, local_client, tmp_path):
    """Sen1Floods11 S2 before, S1 after (EPSG:4326), zones in a Web Mercator Shapefile."""
    zones = write_zones(str(s2_chip), tmp_path / "zones.shp", "EPSG:3857", "ESRI Shapefile")
    alg = tmp_path / "alg.gpkg"
    run_alg("satimpact:floodchange", {"BEFORE": str(s2_chip), "AFTER": str(s1_chip), "ZONES": zones,
                                      "OUTPUT": str(tmp_path / "alg.tif"), "OUTPUT_GRID": str(alg)})  # fmt: skip
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(f"before,after\n{s2_chip},{s1_chip}\n")
    got, entry = run_one("floodchange", batch.items_from_pairs(str(pairs)), {"ZONES": zones}, tmp_path / "batch",
                         local_client)  # fmt: skip
    want = by_name(alg, FLOOD_FIELDS)
    assert_same_figures(by_name(got, FLOOD_FIELDS), want, FLOOD_FIELDS)
    assert want["inside"][4] > 0.99 and any(want[n][2] for n in ("inside", "edge", "bowtie", "bent"))  # the river
    # the zone outside was not seen: valid share and area 0, every other figure NULL (damaged too);
    # the zone across the edge keeps its figures
    assert want["outside"][4:6] == [0, 0] and want["outside"][:4] + want["outside"][6:] == [None] * 5
    assert 0.2 < want["edge"][4] < 0.8 and None not in want["edge"]
    assert entry["summary"]["damaged_cells"] == sum(v[6] or 0 for v in want.values())
    with fiona.open(got) as item:  # damaged stays an integer field, with its NULL
        assert item.schema["properties"]["damaged"].startswith("int")
    table = by_name(str(tmp_path / "batch") + ".gpkg", FLOOD_FIELDS, layer=batch.TABLE_LAYER)
    assert_same_figures(table, want, FLOOD_FIELDS)


def test_flood_change_cells_over_nodata_batch_equals_algorithm(run_alg, s2_chip, s1_chip, local_client, tmp_path):
    """The Sen1Floods11 pair with a quarter of nodata in each date, 500 m cells: the cells wholly
    over nodata get valid share 0 and NULL figures in the batch as in processing.run."""
    from .test_flood import pair_with_nodata

    before, after = pair_with_nodata(s2_chip, s1_chip, tmp_path)
    alg = tmp_path / "alg.gpkg"
    run_alg("satimpact:floodchange", {"BEFORE": str(before), "AFTER": str(after), "CELL_SIZE": 500,
                                      "OUTPUT": str(tmp_path / "alg.tif"), "OUTPUT_GRID": str(alg)})  # fmt: skip
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(f"before,after\n{before},{after}\n")
    got, entry = run_one("floodchange", batch.items_from_pairs(str(pairs)), {"CELL_SIZE": 500}, tmp_path / "batch",
                         local_client)  # fmt: skip
    want = by_name(alg, FLOOD_FIELDS, key="cell_id")
    assert_same_figures(by_name(got, FLOOD_FIELDS, key="cell_id"), want, FLOOD_FIELDS)
    unseen = [v for v in want.values() if v[5] == 0]
    assert len(unseen) >= 8 and all(v[4] == 0 and v[:4] + v[6:] == [None] * 5 for v in unseen)
    assert entry["summary"]["damaged_cells"] == sum(v[6] or 0 for v in want.values())
    table = by_name(str(tmp_path / "batch") + ".gpkg", FLOOD_FIELDS, key="cell_id", layer=batch.TABLE_LAYER)
    assert_same_figures(table, want, FLOOD_FIELDS)


POVERTY_FIELDS = ["score", "score_percentile", "valid_share", "chips", "chips_scored"]


def test_poverty_grid_zones_batch_equals_algorithm(run_alg, s2_chip, local_client, tmp_path):
    """Sen1Floods11 S2 chip, zones in GeoJSON (EPSG:4326), scored in the chip's UTM zone."""
    extra = {
        "small": box(-0.7600, 38.1000, -0.7590, 38.1010),  # about 90 m x 110 m: one chip
        # nearly the whole chip, about two model chips across: a dense surface of chips
        "large": corners(str(s2_chip), "EPSG:4326", [[(0.02, 0.02), (0.98, 0.02), (0.98, 0.98), (0.02, 0.98)]])[0],
    }
    zones = write_zones(str(s2_chip), tmp_path / "zones.geojson", "EPSG:4326", "GeoJSON", extra=extra)
    alg = tmp_path / "alg.gpkg"
    run_alg("satimpact:povertygrid", {"INPUT": str(s2_chip), "ZONES": zones, "OUTPUT": str(alg)})
    got, _ = run_one("povertygrid", batch.items_from_files([str(s2_chip)]), f"ZONES={zones}", tmp_path / "batch",
                     local_client)  # fmt: skip
    want = by_name(alg, POVERTY_FIELDS)
    assert_same_figures(by_name(got, POVERTY_FIELDS), want, POVERTY_FIELDS)
    assert want["large"][0] is not None and want["large"][3] > 4
    assert want["small"][3] == 1 and want["outside"][0] is None and want["outside"][2] == 0
    assert len({want[n][0] for n in ("inside", "edge", "bowtie", "bent", "small", "large")}) == 6


def test_batch_algorithm_takes_zones(run_alg, scenes, tmp_path):
    """satimpact:batch with ZONES in PARAMETERS (JSON); a zones file that is not there is refused
    before anything runs."""
    from qgis.core import QgsProcessingException

    patch = scenes["patch"]
    zones = write_zones(patch, tmp_path / "zones.gpkg", "EPSG:4326", "GPKG")
    out = tmp_path / "out"
    result = run_alg("satimpact:batch", {"TOOL": "greenratio", "INPUTS": patch, "WORKERS": 1,
                                         "PARAMETERS": f'{{"ZONES": "{zones}"}}', "OUTPUT_FOLDER": str(out),
                                         "OUTPUT_TABLE": str(tmp_path / "t.gpkg")})  # fmt: skip
    assert (result["DONE"], result["FAILED"]) == (1, 0)
    table = gpd.read_file(result["OUTPUT_TABLE"], layer=batch.TABLE_LAYER)
    assert list(table["name"]) == list(ZONE_SHAPES) and table["green_ratio"].notna().sum() == 4
    with pytest.raises(QgsProcessingException, match="ZONES: the zones file .*nope.gpkg was not found"):
        run_alg("satimpact:batch", {"TOOL": "greenratio", "INPUTS": patch, "OUTPUT_FOLDER": str(tmp_path / "x"),
                                    "PARAMETERS": f"ZONES={tmp_path / 'nope.gpkg'}"})  # fmt: skip
    assert not (tmp_path / "x").exists()


def test_batch_zones_may_name_a_project_layer(run_alg, scenes, tmp_path):
    """ZONES=<a layer of the project>: its file is read; a layer that is not a file is refused."""
    from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer

    patch = scenes["patch"]
    zones = write_zones(patch, tmp_path / "zones.gpkg", "EPSG:4326", "GPKG", layer="districts")
    project = QgsProject.instance()
    saved = QgsVectorLayer(zones, "my districts", "ogr")
    memory = QgsVectorLayer("Polygon?crs=EPSG:4326", "scratch", "memory")
    assert saved.isValid() and memory.isValid()
    project.addMapLayers([saved, memory])
    try:
        out = tmp_path / "out"
        params = {"TOOL": "greenratio", "INPUTS": patch, "WORKERS": 1, "PARAMETERS": "ZONES=my districts"}
        result = run_alg("satimpact:batch", {**params, "OUTPUT_FOLDER": str(out)})
        assert (result["DONE"], result["FAILED"]) == (1, 0)
        assert read_manifest(out)["parameters"]["ZONES"] == zones
        with pytest.raises(QgsProcessingException, match="ZONES: the layer 'scratch' is not saved in a file"):
            run_alg("satimpact:batch", {"TOOL": "greenratio", "INPUTS": patch, "PARAMETERS": "ZONES=scratch",
                                        "OUTPUT_FOLDER": str(tmp_path / "x")})  # fmt: skip
    finally:
        project.removeMapLayers([saved.id(), memory.id()])
