"""Real QGIS windows under Xvfb: menu and toolbar, a tool dialog with the model list, a run
loaded with its style into a per-run group, the model manager, and a QGIS that lacks
onnxruntime (it starts, says what is missing, and the tools say the same)."""

import shutil

import onnx
import pytest

from satimpact.engine.errors import CardError
from satimpact.engine.registry import available_models, import_model, remove_model

from gui_runner import run_qgis_gui
from models_for_tests import ndwi_model, with_props

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
                "kind": "run",
                "alg": "satimpact:runmodel",
                "params": {"INPUT": str(s2_chip), "MODEL": "index_ndvi", "OUTPUT": "TEMPORARY_OUTPUT"},
                "shot": str(shots / "ndvi_map.png"),
            },
            {"kind": "manager", "shot": str(shots / "manager.png")},
            {"kind": "edit_workflow", "alg": "satimpact:Flood impact on poverty", "shot": str(shots / "modeler.png")},
            {"kind": "window", "shot": str(shots / "window.png")},
        ],
        tmp_path,
    )
    assert result["errors"] == []
    assert result["plugin_loaded"] and result["menu_found"] and result["toolbar_found"]
    actions = result["menu_actions"]
    assert "Run model (any carded ONNX model)" in actions
    assert "Model manager..." in actions and "About SatImpact..." in actions
    assert "index_ndvi" in result["model_choices"]["satimpact:runmodel"]
    (run,) = result["runs"]
    (layer,) = run["layers"]
    assert layer["name"] == "NDVI (normalised difference vegetation index) - Sentinel-2 chip"
    assert layer["renderer"] == "singlebandpseudocolor"
    assert layer["group"] and layer["group"].startswith("NDVI")
    assert any(m.startswith("index_ndvi") for m in result["manager_models"])
    assert "Citation" in result["manager_details"] and "Licence" in result["manager_details"]
    # right-click "Edit model..." opens the shipped workflow in the modeler, as a copy to save elsewhere
    edited = result["edited_workflows"]["satimpact:Flood impact on poverty"]
    assert edited == {"children": ["flood", "poor_and_flooded", "poverty"], "source_file": ""}
    for name in ("dialog.png", "ndvi_map.png", "manager.png", "window.png", "modeler.png"):
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


def test_user_models_import_and_remove(tmp_path):
    user_dir = tmp_path / "profile" / "satimpact" / "models"
    good = tmp_path / "mine.onnx"
    onnx.save(ndwi_model(), str(good))
    target = import_model(str(good), str(user_dir))
    assert target.endswith("test_ndwi.onnx")
    assert available_models(str(user_dir))["test_ndwi"] == target
    # a model without a card is refused with the validation message; nothing is copied
    bad = tmp_path / "bad.onnx"
    onnx.save(with_props(ndwi_model(), {}), str(bad))
    with pytest.raises(CardError) as info:
        import_model(str(bad), str(user_dir))
    assert "has no model card" in str(info.value)
    assert sorted(p.name for p in user_dir.iterdir()) == ["test_ndwi.onnx"]
    with pytest.raises(CardError):
        remove_model("index_ndvi", str(user_dir))  # shipped models stay
    remove_model("test_ndwi", str(user_dir))
    assert "test_ndwi" not in available_models(str(user_dir))
