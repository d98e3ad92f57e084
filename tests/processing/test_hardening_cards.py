"""Hardening (issue 13) through QGIS: a bad card stops a run before anything is written, broken user
models are skipped one by one, the model manager asks before replacing, and card text is never markup.
The card ranges and the import rules of the engine itself are in tests/engine/test_hardening_cards.py."""

from __future__ import annotations

import onnx
import pytest
from onnx import helper
from qgis.core import QgsProcessingException

from satimpact.engine.card import CARD_KEY
from satimpact.engine.model import read_model
from satimpact.engine.registry import model_problems
from satimpact.models.recipes.onnx_builders import build_model, tensor_input

from ..engine.test_hardening_cards import deepness
from .test_bad_input import Guard
from models_for_tests import conv_model, ndwi_card, ndwi_model

# --- 3. every card value has a range -------------------------------------------------------------


def test_card_with_bad_style_refused_before_anything_is_written(run_alg, s2_chip, tmp_path):
    """Style values that are not numbers once left a finished output behind with exit code 1."""
    card = ndwi_card(extra={"style": {"ramp": "Blues", "min": "low", "max": "high"}})
    path = tmp_path / "styled.onnx"
    onnx.save(ndwi_model(card), str(path))
    out = tmp_path / "ndwi.tif"
    with pytest.raises(QgsProcessingException, match=r"extra.style: 'min' must be a number"), Guard(out, s2_chip):
        run_alg("satimpact:runmodel", {"INPUT": str(s2_chip), "MODEL": str(path), "OUTPUT": str(out)})


def identity_model(band_names: list[str]) -> onnx.ModelProto:
    """Hands its 4 input bands back: 4 output channels, not fixed in the graph."""
    card = ndwi_card(
        name="pass4",
        inputs=[{"name": "image", "bands": ["blue", "green", "red", "nir"], "scale": 0.0001}],
        outputs=[{"name": "out", "kind": "value", "band_names": band_names}],
    )
    nodes = [helper.make_node("Identity", ["image"], ["out"])]
    graph_out = helper.make_tensor_value_info("out", onnx.TensorProto.FLOAT, ["N", "C", "H", "W"])
    return build_model(nodes, [tensor_input("image", 4)], [graph_out], card)


def test_output_channels_must_match_the_card_band_names(run_alg, s2_chip, tmp_path):
    path = tmp_path / "pass4.onnx"
    onnx.save(identity_model(["ndvi"]), str(path))
    out = tmp_path / "pass.tif"
    with (
        pytest.raises(QgsProcessingException, match=r"output 'out' has 4 channel\(s\) but the card names 1 band"),
        Guard(out, s2_chip, path),
    ):
        run_alg("satimpact:runmodel", {"INPUT": str(s2_chip), "MODEL": str(path), "OUTPUT": str(out)})


# --- broken user models never take the others down ------------------------------------------------


@pytest.fixture()
def user_dir(tmp_path, monkeypatch):
    folder = tmp_path / "profile" / "satimpact" / "models"
    folder.mkdir(parents=True)
    import satimpact.processing.common as common
    import satimpact.ui.model_widget as widget

    monkeypatch.setattr(common, "user_models_dir", lambda: str(folder))
    monkeypatch.setattr(widget, "user_models_dir", lambda: str(folder))
    return folder


def broken_user_models(folder):
    """A good user model next to a 200,000-deep card, bad Deepness metadata and a file name
    that is markup."""
    onnx.save(ndwi_model(ndwi_card(name="good_ndwi")), str(folder / "good_ndwi.onnx"))
    deep = conv_model(tile=128)
    for prop in deep.metadata_props:
        if prop.key == CARD_KEY:
            prop.value = '{"card_version": 1, "extra": ' + "[" * 200_000 + "]" * 200_000 + "}"
    onnx.save(deep, str(folder / "deep.onnx"))
    onnx.save(deepness({"tiles_overlap": "NaN"}), str(folder / "nan_overlap.onnx"))
    onnx.save(ndwi_model(), str(folder / "<img src=x onerror=alert(1)>.onnx"))


def test_broken_user_models_are_listed_as_problems_and_skipped(user_dir):
    from satimpact.ui.model_widget import models_for_task

    broken_user_models(user_dir)
    problems = model_problems(str(user_dir))
    assert set(problems) == {"deep", "nan_overlap", "<img src=x onerror=alert(1)>.onnx"}, problems
    assert "nested too deeply" in problems["deep"] and "tiles_overlap" in problems["nan_overlap"]
    names = [name for name, _ in models_for_task(None)]
    assert "good_ndwi" in names and "index_ndvi" in names
    assert "deep" not in names and "nan_overlap" not in names and not any("<" in n for n in names)
    assert [n for n, _ in models_for_task("water")].count("good_ndwi") == 1


def test_help_text_never_carries_user_markup(user_dir, satimpact_provider):
    broken_user_models(user_dir)
    from satimpact.processing.algorithms.run_model import RunModelAlgorithm

    help_text = RunModelAlgorithm().shortHelpString()
    assert "good_ndwi" in help_text and "<img" not in help_text


def test_model_manager_shows_broken_models_without_failing(user_dir, qgis_app):
    from satimpact.ui.model_manager import ModelManagerDialog

    broken_user_models(user_dir)
    dialog = ModelManagerDialog(user_dir=str(user_dir))
    labels = [dialog.list.item(k).text() for k in range(dialog.list.count())]
    assert any(label.startswith("deep ") and "invalid" in label for label in labels), labels
    assert any(label.startswith("good_ndwi ") and "invalid" not in label for label in labels), labels
    for k in range(dialog.list.count()):
        dialog.list.setCurrentRow(k)  # selecting each model must never raise
    row = next(k for k, label in enumerate(labels) if label.startswith("deep "))
    dialog.list.setCurrentRow(row)
    assert "Invalid model" in dialog.details.toHtml() and "nested too deeply" in dialog.details.toPlainText()
    dialog.close()


# --- 4. model import: names are data, files stay inside the user folder ---------------------------


@pytest.mark.parametrize("answer", ["No", "Yes"])
def test_model_manager_asks_before_replacing(qgis_app, tmp_path, answer):
    """The manager's import (and 'Add a card to a model...') replace an existing user model only
    when the user answers Yes to the question."""
    from qgis.PyQt.QtWidgets import QMessageBox

    from satimpact.ui.model_manager import ModelManagerDialog

    first, second = tmp_path / "a.onnx", tmp_path / "b.onnx"
    onnx.save(ndwi_model(ndwi_card(name="same", version="1")), str(first))
    onnx.save(ndwi_model(ndwi_card(name="same", version="2")), str(second))
    manager = ModelManagerDialog(user_dir=str(tmp_path / "user"))
    target = manager.import_file(str(first))
    asked = []

    def reply(icon, title, text, buttons=None):
        asked.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    manager.message = reply
    manager.write_asking_to_replace(lambda overwrite: manager.import_file(str(second), overwrite=overwrite))
    assert len(asked) == 1 and "exists already" in asked[0]
    assert read_model(target).card.version == ("2" if answer == "Yes" else "1")
