"""The shipped example workflows (.model3) run through processing.run on real data."""

from pathlib import Path

import numpy as np
import pytest
import rasterio
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from conftest import null_to_none

ROOT = Path(__file__).resolve().parents[2]


def workflow(name):
    alg = QgsApplication.processingRegistry().algorithmById(f"satimpact:{name}")
    assert alg is not None, f"workflow {name} not in the toolbox"
    assert alg.group() == "Workflows"
    return alg


class LogFeedback(QgsProcessingFeedback):
    """Keeps what the children reported, so a failing step shows its own message."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def reportError(self, error, fatalError=False):
        self.lines.append(error)
        super().reportError(error, fatalError)

    def pushInfo(self, info):
        self.lines.append(info)
        super().pushInfo(info)


def run(alg, params):
    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = LogFeedback()
    try:
        return processing.run(alg, params, context=context, feedback=feedback)
    except Exception as exc:
        raise AssertionError(f"{exc}\n" + "\n".join(feedback.lines[-15:])) from exc


def features(path):
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid(), path
    return [{f.name(): null_to_none(feat[f.name()]) for f in layer.fields()} for feat in layer.getFeatures()]


def districts_over(raster, path):
    """Four quadrant 'districts' over the scene, with populations (the geometry is made up;
    the imagery under it is real)."""
    with rasterio.open(raster) as ds:
        left, bottom, right, top = ds.bounds
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "districts", "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField("name", QVariant.String), QgsField("pop", QVariant.Int)])
    layer.updateFields()
    mx, my = (left + right) / 2, (bottom + top) / 2
    quads = [
        ("NW", left, my, mx, top, 12000),
        ("NE", mx, my, right, top, 3000),
        ("SW", left, bottom, mx, my, 50000),
        ("SE", mx, bottom, right, my, 800),
    ]
    for name, x0, y0, x1, y1, pop in quads:
        feat = QgsFeature(layer.fields())
        feat.setGeometry(QgsGeometry.fromRect(QgsRectangle(x0, y0, x1, y1)))
        feat.setAttributes([name, pop])
        provider.addFeature(feat)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsProject.instance().transformContext(), options)
    return path


def test_green_space_per_person_by_district(run_alg, s2_chip, tmp_path):
    alg = workflow("Green space per person by district")
    districts = districts_over(s2_chip, tmp_path / "districts.gpkg")
    out = tmp_path / "ranked.gpkg"
    run(
        alg,
        {"scene": str(s2_chip), "districts": str(districts), "population": "pop", "ranked:districts_green": str(out)},
    )
    ranked = features(out)
    assert [r["name"] for r in ranked] and len(ranked) == 4
    by_rank = sorted(ranked, key=lambda r: r["green_rank"])
    assert [r["green_rank"] for r in by_rank] == [1, 2, 3, 4]
    per_person = [r["green_m2_per_person"] for r in by_rank]
    assert per_person == sorted(per_person)
    # the same figures as the green ratio tool run on its own
    direct = tmp_path / "direct.gpkg"
    run_alg(
        "satimpact:greenratio",
        {"INPUT": str(s2_chip), "ZONES": str(districts), "POPULATION_FIELD": "pop", "OUTPUT": str(direct)},
    )
    by_name = {r["name"]: r for r in features(direct)}
    for r in ranked:
        assert r["green_m2_per_person"] == pytest.approx(by_name[r["name"]]["green_m2_per_person"])
        assert r["green_m2_per_person"] == pytest.approx(r["green_area_m2"] / r["pop"])


def dry_before(s2_chip, label, path):
    """A 'before' scene: the real chip with its hand-labelled water in the western half
    replaced by the median land reflectance, so that part floods between the two dates."""
    with rasterio.open(s2_chip) as src, rasterio.open(label) as lab:
        data = src.read()
        profile = src.profile
        descriptions = src.descriptions
        water = lab.read(1) == 1
    west = np.zeros_like(water)
    west[:, : water.shape[1] // 2] = True
    land = ~water & (data[0] != 0)
    for band in range(data.shape[0]):
        data[band][water & west] = np.median(data[band][land])
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(data)
        for k, d in enumerate(descriptions, 1):
            dst.set_band_description(k, d)
    return path


def test_flood_impact_on_poverty(run_alg, s2_chip, water_label, tmp_path):
    alg = workflow("Flood impact on poverty")
    before = dry_before(s2_chip, water_label, tmp_path / "before.tif")
    out = tmp_path / "priority.gpkg"
    cells = tmp_path / "cells.gpkg"
    run(
        alg,
        {
            "before": str(before),
            "after": str(s2_chip),
            "imagery": str(before),
            "cell_size": 1000,
            "damage_threshold": 0.1,
            "poor_percent": 50,
            "flood:flood_change": "TEMPORARY_OUTPUT",
            "flood:flood_cells": "TEMPORARY_OUTPUT",
            "poverty:cells_scored": str(cells),
            "poor_and_flooded:poor_and_flooded": str(out),
        },
    )
    scored = features(cells)
    assert scored and {"flooded_share", "damaged", "score", "score_percentile"} <= set(scored[0])
    assert any(c["damaged"] == 1 for c in scored), "the dried western half must flood"
    expected = sorted(
        round(c["flooded_share"], 9)
        for c in scored
        if c["damaged"] == 1 and c["score_percentile"] is not None and c["score_percentile"] <= 50
    )
    got = sorted(round(c["flooded_share"], 9) for c in features(out))
    assert got == expected and len(got) >= 1


@pytest.mark.parametrize("path", sorted((ROOT / "workflows").glob("*.model3")), ids=lambda p: p.stem)
def test_workflow_validates_and_is_laid_out(satimpact_provider, path):
    """What the modeler shows: no validation message, every component placed (inputs left,
    the steps left to right in order, outputs right), help for every input."""
    from qgis.core import QgsProcessingModelAlgorithm

    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(path))
    ok, issues = model.validate()
    assert ok and issues == [], (path.name, issues)
    params = list(model.parameterComponents().values())
    children = list(model.childAlgorithms().values())
    outputs = [o for c in children for o in c.modelOutputs().values()]
    assert params and children and outputs
    points = [c.position() for c in params + children + outputs]
    assert len({(p.x(), p.y()) for p in points}) == len(points), "components overlap"
    assert all(p.x() >= 100 and p.y() >= 50 for p in points), "a component sits at the canvas edge"
    right_of_inputs = max(p.position().x() for p in params)
    # steps in the order they run: each one right of the steps it depends on
    for child in children:
        assert child.position().x() > right_of_inputs, child.childId()
        for dependency in model.dependsOnChildAlgorithms(child.childId()):
            assert child.position().x() > model.childAlgorithm(dependency).position().x(), child.childId()
    assert min(o.position().x() for o in outputs) > max(c.position().x() for c in children)
    help_text = model.shortHelpString() + " ".join(model.helpContent().values())
    assert "qgis_process run" in help_text
    for param in model.parameterDefinitions():
        if not param.isDestination():
            assert model.helpContent().get(param.name()), (path.name, param.name())
