"""Hardening (issue 13): card values have ranges, broken user models are skipped one by one,
imported model files stay inside the user folder, and card text is never markup."""

from __future__ import annotations

import json
import os

import numpy as np
import onnx
import pytest
from onnx import helper, numpy_helper
from qgis.core import QgsProcessingException

from satimpact.engine.card import CARD_KEY, card_from_dict, parse_card
from satimpact.engine.errors import CardError
from satimpact.engine.model import attach_card, read_model
from satimpact.engine.registry import (
    ModelExistsError,
    available_models,
    import_model,
    model_problems,
    remove_model,
    safe_model_name,
)
from satimpact.models.recipes.onnx_builders import build_model, tensor_input

from .test_bad_input import Guard
from models_for_tests import conv_model, ndwi_card, ndwi_model, with_props

# --- 3. every card value has a range -------------------------------------------------------------


def test_deeply_nested_card_is_a_card_error():
    text = '{"card_version": 1, "extra": ' + "[" * 200_000 + "]" * 200_000 + "}"
    with pytest.raises(CardError, match=r"nested too deeply"):
        parse_card(text, "deep.onnx")


def test_huge_card_is_a_card_error():
    card = ndwi_card(description="x" * (2 << 20))
    with pytest.raises(CardError, match=r"bytes long; at most"):
        parse_card(json.dumps(card), "huge.onnx")


@pytest.mark.parametrize(
    "path, value, message",
    [
        (("tiling", "tile_size"), 1, r"tile_size must be from 16 to 4096 px, got 1"),
        (("tiling", "tile_size"), 100000, r"tile_size must be from 16 to 4096 px, got 100000"),
        (("tiling", "overlap"), 64, r"overlap must be a whole number of pixels below half the tile"),
        (("outputs", 0, "nodata"), float("nan"), r"'nodata' must be a finite number"),
        (("outputs", 0, "nodata"), 1e300, r"'nodata' must be a finite number"),
        (("outputs", 0, "threshold"), float("inf"), r"'threshold' must be a finite number"),
        (("outputs", 0, "threshold"), 1e300, r"'threshold' must be a finite number"),
        (("outputs", 0, "threshold"), "0.5", r"'threshold' must be a number"),
        (("inputs", 0, "mean"), [float("nan"), 1.0], r"'mean' must be a finite number"),
        (("inputs", 0, "scale"), 0, r"'scale' must not be 0"),
        (("inputs", 0, "resolution_m"), [-1, 10], r"'resolution_m' must be \[finest, coarsest\]"),
        (("extra", "style"), {"ramp": "Blues", "min": "low", "max": 1}, r"extra.style: 'min' must be a number"),
        (("extra", "style"), {"ramp": "Blues", "min": 1, "max": 0}, r"'min' \(1\) must be below 'max' \(0\)"),
        (("card_version",), True, r"card_version True is not supported"),
    ],
)
def test_card_values_out_of_range_refused(path, value, message):
    card = ndwi_card()
    card["inputs"][0]["mean"], card["inputs"][0]["std"] = [0.0, 0.0], [1.0, 1.0]
    target = card
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    # the JSON text (NaN and Infinity are what Python's json writes for them) and the dict both
    with pytest.raises(CardError, match=message):
        parse_card(json.dumps(card), "m.onnx")
    with pytest.raises(CardError, match=message):
        card_from_dict(card, "m.onnx")


def test_card_with_bad_style_refused_before_anything_is_written(run_alg, s2_chip, tmp_path):
    """Style values that are not numbers once left a finished output behind with exit code 1."""
    card = ndwi_card(extra={"style": {"ramp": "Blues", "min": "low", "max": "high"}})
    path = tmp_path / "styled.onnx"
    onnx.save(ndwi_model(card), str(path))
    out = tmp_path / "ndwi.tif"
    with pytest.raises(QgsProcessingException, match=r"extra.style: 'min' must be a number"), Guard(out, s2_chip):
        run_alg("satimpact:runmodel", {"INPUT": str(s2_chip), "MODEL": str(path), "OUTPUT": str(out)})


def deepness(props: dict) -> onnx.ModelProto:
    return with_props(conv_model(tile=128), {"model_type": "Segmentor", "tile_size": "128", **props})


@pytest.mark.parametrize(
    "props, message",
    [
        ({"tiles_overlap": "NaN"}, r"tiles_overlap"),
        ({"tiles_overlap": "150"}, r"OVERLAP|tiles_overlap"),
        ({"standardization_mean": "abc", "standardization_std": "[1,1,1,1]"}, r"Deepness metadata"),
        ({"standardization_mean": "[0,0,0,0]", "standardization_std": "[1e999,1,1,1]"}, r"'std' must be a finite"),
        ({"tile_size": "1e400"}, r"Deepness metadata"),
        ({"tile_size": "3"}, r"TILE_SIZE|tile_size"),
        ({"class_names": '{"a": "x"}'}, r"Deepness metadata"),
        ({"seg_thresh": "nan"}, r"seg_thresh|threshold"),
    ],
)
def test_bad_deepness_metadata_is_a_card_error(tmp_path, props, message):
    path = tmp_path / "deepness.onnx"
    onnx.save(deepness(props), str(path))
    with pytest.raises(CardError, match=message):
        read_model(str(path))


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


@pytest.mark.parametrize(
    "name, stem",
    [
        ("../../../../tmp/x", "tmp_x"),
        ("/etc/passwd", "etc_passwd"),
        ("..", "model"),
        (".hidden", "hidden"),
        ("a\\b:c|d", "a_b_c_d"),
        ("<b>bold</b>", "_b_bold_b_"),
        ("ok-name_1.2", "ok-name_1.2"),
    ],
)
def test_imported_file_name_comes_from_a_safe_card_name(tmp_path, name, stem):
    assert safe_model_name(name) == stem
    assert safe_model_name("") == "model"
    user = tmp_path / "user"
    user.mkdir()
    source = tmp_path / "src.onnx"
    onnx.save(ndwi_model(ndwi_card(name=name)), str(source))
    outside = set(os.listdir(tmp_path))
    target = import_model(str(source), str(user))
    assert os.path.dirname(os.path.realpath(target)) == os.path.realpath(user)
    assert os.path.basename(target) == f"{stem}.onnx"
    assert set(os.listdir(tmp_path)) == outside  # nothing written beside the user folder
    assert available_models(str(user))[stem] == target


def test_import_never_overwrites_without_being_told(tmp_path):
    user = tmp_path / "user"
    first, second = tmp_path / "a.onnx", tmp_path / "b.onnx"
    onnx.save(ndwi_model(ndwi_card(name="same", version="1")), str(first))
    onnx.save(ndwi_model(ndwi_card(name="same", version="2")), str(second))
    target = import_model(str(first), str(user))
    with pytest.raises(ModelExistsError, match=r"a user model called 'same' exists already"):
        import_model(str(second), str(user))
    assert read_model(target).card.version == "1"
    import_model(str(second), str(user), overwrite=True)
    assert read_model(target).card.version == "2"
    with pytest.raises(CardError, match=r"not a model name"):
        remove_model("../a", str(user))


def test_import_does_not_follow_a_symlink_out_of_the_folder(tmp_path):
    user = tmp_path / "user"
    user.mkdir()
    victim = tmp_path / "victim.onnx"
    victim.write_bytes(b"precious")
    (user / "evil.onnx").symlink_to(victim)
    source = tmp_path / "src.onnx"
    onnx.save(ndwi_model(ndwi_card(name="evil")), str(source))
    with pytest.raises(CardError, match=r"outside the user models folder"):
        import_model(str(source), str(user), overwrite=True)
    assert victim.read_bytes() == b"precious"


def external_model(folder, location: str) -> str:
    """The test NDWI with one extra (unused) weight kept in an external file at ``location``."""
    model = ndwi_model()
    weight = numpy_helper.from_array(np.ones(4, dtype=np.float32), "unused_weight")
    weight.data_location = onnx.TensorProto.EXTERNAL
    weight.ClearField("raw_data")
    entry = weight.external_data.add()
    entry.key, entry.value = "location", location
    model.graph.initializer.append(weight)
    attach_card(model, ndwi_card())
    path = os.path.join(folder, "external.onnx")
    onnx.save(model, path)
    return path


def test_external_data_outside_the_model_folder_refused(tmp_path):
    (tmp_path / "models").mkdir()
    (tmp_path / "secret.bin").write_bytes(np.ones(4, dtype=np.float32).tobytes())
    for location in ("../secret.bin", str(tmp_path / "secret.bin")):
        path = external_model(str(tmp_path / "models"), location)
        with pytest.raises(CardError, match=r"outside the model's folder"):
            read_model(path)


def test_import_refuses_external_data(tmp_path):
    (tmp_path / "weights.bin").write_bytes(np.ones(4, dtype=np.float32).tobytes())
    path = external_model(str(tmp_path), "weights.bin")
    assert read_model(path).external_data == ["weights.bin"]
    user = tmp_path / "user"
    with pytest.raises(CardError, match=r"keeps its weights in separate files \(weights.bin\)"):
        import_model(path, str(user))
    assert not user.exists() or not os.listdir(user)


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
