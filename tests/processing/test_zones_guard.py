"""Zone layers the grid tools (greenratio, floodchange, povertygrid) cannot count in are refused
with a message naming the layer and the problem, before any model runs: no CRS (its coordinates
would be taken as the raster's), no feature, no feature that is a polygon with an area, and no
zone over the raster (with both extents and CRSs: almost always a CRS mistake). A zone outside a
raster that other zones overlap is a warning, and its row has no figures.

The raster is the real Sen1Floods11 Sentinel-2 chip (EPSG:4326, Spain); the zones are memory
layers (and a Shapefile without .prj), kept local to each test."""

from __future__ import annotations

import pytest
import rasterio
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from .test_green import LogFeedback
from conftest import null_to_none

TOOLS = ("greenratio", "floodchange", "povertygrid")


def _params(tool: str, raster, zones, tmp_path) -> dict:
    if tool == "floodchange":
        return {
            "BEFORE": str(raster),
            "AFTER": str(raster),
            "ZONES": zones,
            "OUTPUT": str(tmp_path / "change.tif"),
            "OUTPUT_GRID": str(tmp_path / "table.gpkg"),
        }
    return {"INPUT": str(raster), "ZONES": zones, "OUTPUT": str(tmp_path / "table.gpkg")}


def _bounds(raster):
    with rasterio.open(raster) as ds:
        return tuple(ds.bounds)


def _zones(name: str, crs: str | None, boxes: list, geometry: str = "Polygon") -> QgsVectorLayer:
    """A memory layer of rectangles (x0, y0, x1, y1), None for a feature without geometry."""
    layer = QgsVectorLayer(f"{geometry}?crs={crs}" if crs else geometry, name, "memory")
    if not crs:
        layer.setCrs(QgsCoordinateReferenceSystem())  # "Leave as unknown CRS", whatever the settings
    layer.dataProvider().addAttributes([QgsField("name", QVariant.String)])
    layer.updateFields()
    feats = []
    for k, box in enumerate(boxes):
        f = QgsFeature(layer.fields())
        if box is not None:
            x0, y0, x1, y1 = box
            f.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"))
        f.setAttributes([f"zone{k}"])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def _halves(raster) -> list:
    left, bottom, right, top = _bounds(raster)
    mid = (left + right) / 2
    return [(left, bottom, mid, top), (mid, bottom, right, top)]


def _refused(run_alg, tool, raster, zones, tmp_path) -> str:
    params = _params(tool, raster, zones, tmp_path)
    with pytest.raises(QgsProcessingException) as info:
        run_alg(f"satimpact:{tool}", params)
    # nothing written where the outputs would go
    assert not any(p.exists() for p in tmp_path.iterdir() if p.suffix in (".gpkg", ".tif")), list(tmp_path.iterdir())
    return str(info.value)


# --- 1. no CRS ----------------------------------------------------------------------------------


@pytest.mark.parametrize("tool", TOOLS)
def test_zones_without_crs_refused(run_alg, s2_chip, tmp_path, tool):
    """Zones drawn in the raster's own coordinates but without a CRS: the tools used to take them
    as the raster's (povertygrid then scored nothing); now a message names the layer."""
    zones = _zones("districts", None, _halves(s2_chip))
    assert not zones.crs().isValid()
    message = _refused(run_alg, tool, s2_chip, zones, tmp_path)
    assert message == (
        "ZONES: the zone layer 'districts' has no coordinate reference system, so its coordinates cannot be "
        "placed on the raster; set its CRS (Layer Properties > Source) and run again"
    )


def shapefile_without_prj(raster, folder) -> str:
    """The raster's halves as a Shapefile whose .prj is missing (a file that lost its CRS)."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    memory = _zones("zones", "EPSG:4326", _halves(raster))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    folder.mkdir()
    path = folder / "wards.shp"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(path), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    del memory
    path.with_suffix(".prj").unlink()
    return path


def test_shapefile_without_prj_refused(run_alg, s2_chip, tmp_path):
    """A Shapefile whose .prj is missing, as a file path: the same refusal, naming the file's layer."""
    path = shapefile_without_prj(s2_chip, tmp_path / "zones")
    message = _refused(run_alg, "greenratio", s2_chip, str(path), tmp_path)
    assert message.startswith("ZONES: the zone layer 'wards' has no coordinate reference system"), message
    assert path.exists() and path.with_suffix(".dbf").exists()  # the input left as it was


# --- 2. no feature, no polygon ------------------------------------------------------------------


@pytest.mark.parametrize("tool", TOOLS)
def test_empty_zone_layer_refused(run_alg, s2_chip, tmp_path, tool):
    message = _refused(run_alg, tool, s2_chip, _zones("wards", "EPSG:4326", []), tmp_path)
    assert message == "ZONES: the zone layer 'wards' has no feature; leave ZONES empty for a grid of cells"


@pytest.mark.parametrize("tool", TOOLS)
def test_zone_layer_without_a_polygon_refused(run_alg, s2_chip, tmp_path, tool):
    """Features without geometry and a degenerate (zero-area) rectangle: nothing to count in."""
    left, bottom, right, top = _bounds(s2_chip)
    flat = (left, bottom, right, bottom)  # a rectangle of zero height
    message = _refused(run_alg, tool, s2_chip, _zones("wards", "EPSG:4326", [None, flat, None]), tmp_path)
    assert message == (
        "ZONES: none of the 3 features of the zone layer 'wards' is a polygon with an area (their geometries "
        "are NULL, empty or degenerate); fix the geometries (Vector > Geometry Tools > Check Validity) or "
        "choose another layer"
    )


# --- 3. no zone over the raster -----------------------------------------------------------------


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("mistake", ("degrees_as_metres", "metres_as_degrees"))
def test_no_zone_over_the_raster_names_both_extents(run_alg, s2_chip, tmp_path, tool, mistake):
    """The usual CRS mistakes, and the message naming both layers with their extents and CRSs:
    the raster's lon/lat drawn into a layer declared EPSG:3857 (the zones lie in the Gulf of
    Guinea), and UTM metres in a layer declared EPSG:4326 (no place on Earth: PROJ cannot
    transform them into the poverty grid's metric CRS)."""
    left, bottom, right, top = _bounds(s2_chip)
    if mistake == "degrees_as_metres":
        boxes, crs = _halves(s2_chip), "EPSG:3857"
        zones_where = f"{left:.6f},{bottom:.6f} : {right:.6f},{top:.6f} in EPSG:3857"
    else:
        boxes, crs = [(700000, 4220000, 702000, 4222000), (702000, 4220000, 704000, 4222000)], "EPSG:4326"
        zones_where = "700000.0,4220000.0 : 704000.0,4222000.0 in EPSG:4326"
    message = _refused(run_alg, tool, s2_chip, _zones("wards", crs, boxes), tmp_path)
    assert message == (
        "ZONES: none of the 2 zones of 'wards' overlaps 'Spain_7370579_S2Hand': check that the zones and the "
        f"raster cover the same place (zones: {zones_where}; raster: {left:.6f},{bottom:.6f} : {right:.6f},"
        f"{top:.6f} in EPSG:4326); the usual cause is a wrong CRS on one of them"
    )


@pytest.mark.parametrize("tool", ("floodchange", "povertygrid"))
def test_zone_outside_is_a_warning_and_an_empty_row(run_alg, s2_chip, tmp_path, tool):
    """One zone over the raster, one 0.5 degrees (about 45 km) east: a warning naming the one outside, which gets a
    row without figures; the one inside is counted."""
    left, bottom, right, top = _bounds(s2_chip)
    inside = (
        (left + right) / 2 - 0.01,
        (bottom + top) / 2 - 0.01,
        (left + right) / 2 + 0.01,
        (bottom + top) / 2 + 0.01,
    )
    away = (left + 0.5, bottom, right + 0.5, top)
    feedback = LogFeedback()
    params = _params(tool, s2_chip, _zones("wards", "EPSG:4326", [inside, away]), tmp_path)
    result = run_alg(f"satimpact:{tool}", params, feedback=feedback)
    warnings = [w for w in feedback.warnings if "do not overlap" in w]
    assert warnings == [
        "1 of 2 zone(s) do not overlap the raster 'Spain_7370579_S2Hand': nothing is counted in them "
        "(valid share 0; feature ids 2)"
    ]
    table = QgsVectorLayer(result["OUTPUT_GRID" if tool == "floodchange" else "OUTPUT"], "t", "ogr")
    rows = {f["name"]: f for f in table.getFeatures()}
    del table
    assert rows["zone0"]["valid_share"] > 0.9 and rows["zone1"]["valid_share"] == 0
    if tool == "povertygrid":
        assert 0 <= rows["zone0"]["score"] <= 1 and null_to_none(rows["zone1"]["score"]) is None
    else:
        assert rows["zone0"]["valid_area_m2"] > 0 and rows["zone1"]["valid_area_m2"] == 0
        assert null_to_none(rows["zone1"]["flooded_share"]) is None


# --- zone fields named like a figure ---------------------------------------------------------------

FIGURE_OF = {"greenratio": "green_ratio", "floodchange": "flooded_share", "povertygrid": "score"}


@pytest.mark.parametrize("tool", TOOLS)
def test_zone_field_named_like_a_figure_is_replaced_with_a_warning(run_alg, s2_chip, tmp_path, tool):
    """A zone field named like one of the tool's figures gives way to the figure, and the log
    says so (povertygrid used to replace it without a word)."""
    left, bottom, right, top = _bounds(s2_chip)
    cx, cy = (left + right) / 2, (bottom + top) / 2
    zones = _zones("wards", "EPSG:4326", [(cx - 0.01, cy - 0.01, cx + 0.01, cy + 0.01)])
    figure = FIGURE_OF[tool]
    zones.dataProvider().addAttributes([QgsField(figure, QVariant.String)])
    zones.updateFields()
    zones.dataProvider().changeAttributeValues({1: {zones.fields().indexOf(figure): "the zone's own text"}})
    feedback = LogFeedback()
    result = run_alg(f"satimpact:{tool}", _params(tool, s2_chip, zones, tmp_path), feedback=feedback)
    assert f"The zones' field '{figure}' is replaced by this tool's figure" in feedback.warnings
    table = QgsVectorLayer(result["OUTPUT_GRID" if tool == "floodchange" else "OUTPUT"], "t", "ogr")
    [row] = list(table.getFeatures())
    del table
    assert row["name"] == "zone0" and 0 <= row[figure] <= 1


def test_batch_names_the_figures_as_the_algorithms():
    """The batch's figure names (which a zone field gives way to, engine/batch_zones.py) are the
    algorithms' result fields, in order."""
    from satimpact.engine.batch_zones import figure_names
    from satimpact.processing.algorithms import flood_change, green_ratio, poverty_grid

    def names(fields):
        return tuple(n for n, _ in fields)

    with_population = names(green_ratio.RESULT_FIELDS) + (green_ratio.PER_PERSON, green_ratio.SEASON)
    assert figure_names("greenratio", {"POPULATION_FIELD": "pop"}) == with_population
    assert figure_names("greenratio", {}) == names(green_ratio.RESULT_FIELDS) + (green_ratio.SEASON,)
    assert figure_names("floodchange", {}) == names(flood_change.RESULT_FIELDS)
    assert figure_names("povertygrid", {}) == names(poverty_grid.RESULT_FIELDS)
