"""Real QGIS windows under Xvfb: menu and toolbar, a tool dialog with the model list, a run
loaded with its style into a per-run group, the model manager, and a QGIS that lacks
onnxruntime (it starts, says what is missing, and the tools say the same)."""

import shutil

import pytest

from gui_runner import run_qgis_gui

pytestmark = pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")


def assert_real_picture(path, min_colours=20):
    """A screenshot that shows something: a PNG with many distinct colours."""
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), path
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) >= min_colours, (path, len(colours))


def test_gui_menu_dialog_run_and_manager(qgis_app, s2_chip, tmp_path):
    shots = tmp_path / "shots"
    shots.mkdir()
    result = run_qgis_gui(
        [
            {"kind": "load", "path": str(s2_chip), "name": "Sentinel-2 chip"},
            {"kind": "menu"},
            {"kind": "dialog", "alg": "satimpact:runmodel", "shot": str(shots / "dialog.png")},
            {
                "kind": "dialog",
                "alg": "satimpact:waterdetection",
                "params": {"INPUT": str(s2_chip)},
                "shot": str(shots / "water_dialog.png"),
            },
            {
                "kind": "run",
                "alg": "satimpact:runmodel",
                "params": {"INPUT": str(s2_chip), "MODEL": "index_ndvi", "OUTPUT": "TEMPORARY_OUTPUT"},
                "shot": str(shots / "ndvi_map.png"),
            },
            {
                "kind": "run",
                "alg": "satimpact:waterdetection",
                "params": {
                    "INPUT": str(s2_chip),
                    "OUTPUT": "TEMPORARY_OUTPUT",
                    "OUTPUT_INDEX": "TEMPORARY_OUTPUT",
                    "OUTPUT_POLYGONS": "TEMPORARY_OUTPUT",
                },
                "shot": str(shots / "water_map.png"),
            },
            {"kind": "manager", "shot": str(shots / "manager.png")},
            {"kind": "edit_workflow", "alg": "satimpact:Flood impact on poverty", "shot": str(shots / "modeler.png")},
            {"kind": "window", "shot": str(shots / "window.png")},
        ],
        tmp_path,
    )
    assert result["errors"] == []
    assert result["plugin_loaded"] and result["menu_found"] and result["toolbar_found"]
    # a button in the Raster toolbar, no toolbar row of its own; the menu has one block per group
    assert not result["own_toolbar"]
    assert result["menu_separators"] >= 3
    actions = result["menu_actions"]
    assert "Run model (any carded ONNX model)" in actions
    assert "Model manager..." in actions and "About SatImpact..." in actions
    # the model list: card titles, the model name as the value; "Automatic" first where MODEL is optional
    runmodel_values = result["model_values"]["satimpact:runmodel"]
    assert "index_ndvi" in runmodel_values and "" not in runmodel_values
    ndvi_text = result["model_choices"]["satimpact:runmodel"][runmodel_values.index("index_ndvi")]
    assert ndvi_text == "NDVI (normalised difference vegetation index) [index_ndvi]"
    water_choices = result["model_choices"]["satimpact:waterdetection"]
    assert water_choices[0] == "Automatic (from the bands)"
    assert result["model_values"]["satimpact:waterdetection"][0] == ""
    # band mapping: drop-downs for the water models' bands, pre-filled by the automatic mapping
    band_map = result["band_maps"]["satimpact:waterdetection"]
    assert band_map["value"] is None  # automatic: an empty string for qgis_process
    assert band_map["bands"]["green"] == "3: B3 - automatic", band_map
    assert band_map["bands"]["swir16"].endswith("B11 - automatic"), band_map
    assert band_map["after_change"] and "=" in band_map["after_change"]
    # short labels in the dialog; QGIS adds "[optional]" once
    for alg_id, labels in result["labels"].items():
        for name, label in labels.items():
            assert len(label) < 64 and "(optional)" not in label, (alg_id, name, label)
    run, water_run = result["runs"]
    (layer,) = run["layers"]
    # one water run: polygons on top, the mask, then the index (unchecked: the mask says it)
    order = water_run["group_order"]
    assert [o["renderer"] for o in order] == ["singleSymbol", "paletted", "singlebandpseudocolor"], order
    assert [o["checked"] for o in order] == [True, True, False], order
    assert order[1]["legend"] == ["Water", "Land"]
    # the index ramp is centred on the threshold (0 for water_mndwi_evi) and spans the data
    low, high = order[2]["range"]
    assert low == pytest.approx(-high) and 0.1 < high < 2.0, order[2]
    assert layer["name"] == "NDVI (normalised difference vegetation index) - Sentinel-2 chip"
    assert layer["renderer"] == "singlebandpseudocolor"
    assert layer["group"] and layer["group"].startswith("NDVI")
    assert any(m.startswith("index_ndvi") for m in result["manager_models"])
    assert "Citation" in result["manager_details"] and "Licence" in result["manager_details"]
    # right-click "Edit model..." opens the shipped workflow in the modeler, as a copy to save elsewhere
    edited = result["edited_workflows"]["satimpact:Flood impact on poverty"]
    assert edited == {"children": ["flood", "poor_and_flooded", "poverty"], "source_file": ""}
    for name in ("dialog.png", "ndvi_map.png", "manager.png", "window.png", "modeler.png", "water_map.png"):
        assert_real_picture(shots / name)


def test_qgis_without_onnxruntime_starts_and_explains(qgis_app, s2_chip, tmp_path):
    result = run_qgis_gui(
        [
            {"kind": "menu"},
            {"kind": "messages"},
            {
                "kind": "expect_error",
                "alg": "satimpact:runmodel",
                "params": {"INPUT": str(s2_chip), "MODEL": "index_ndvi", "OUTPUT": str(tmp_path / "x.tif")},
            },
        ],
        tmp_path,
        block_modules=("onnxruntime", "onnx"),
    )
    assert result["errors"] == []
    assert result["plugin_loaded"] and result["menu_found"]
    assert any("onnxruntime" in m and "cannot import" in m for m in result["message_bar"]), result["message_bar"]
    assert result["expected_error"] and "is not installed in the Python that runs QGIS" in result["expected_error"]
    assert not (tmp_path / "x.tif").exists()


def test_workflow_outputs_load_styled(qgis_app, s2_chip, s1_chip, tmp_path):
    """The flood-poverty workflow run from QGIS: its layers get the tools' styles (change classes,
    damaged cells, score percentiles with NULL outlined, priority outlines), none a plain fill."""
    out = tmp_path / "out"
    out.mkdir()
    result = run_qgis_gui(
        [
            {"kind": "load", "path": str(s2_chip), "name": "Sentinel-2 chip"},
            {
                "kind": "run",
                "alg": "satimpact:Flood impact on poverty",
                "params": {
                    "before": str(s2_chip),
                    "after": str(s1_chip),
                    "imagery": str(s2_chip),
                    "cell_size": 1000,
                    "flood:flood_change": str(out / "change.tif"),
                    "flood:flood_cells": str(out / "cells.gpkg"),
                    "poverty:cells_scored": str(out / "scored.gpkg"),
                    "poor_and_flooded:poor_and_flooded": str(out / "priority.gpkg"),
                },
                "shot": str(tmp_path / "workflow.png"),
            },
        ],
        tmp_path,
    )
    assert result["errors"] == []
    (run,) = result["runs"]
    renderers = {layer["name"]: layer["renderer"] for layer in run["layers"]}
    assert len(renderers) == 4, renderers
    assert sorted(renderers.values()) == ["RuleRenderer", "RuleRenderer", "paletted", "singleSymbol"], renderers
    assert_real_picture(tmp_path / "workflow.png")
