"""Hardening (issue 13) in the engine alone (no QGIS): card values have ranges, bad Deepness
metadata is a card error, and imported model files stay inside the user folder."""

from __future__ import annotations

import json
import os

import numpy as np
import onnx
import pytest
from onnx import numpy_helper

from satimpact.engine.card import card_from_dict, parse_card
from satimpact.engine.errors import CardError
from satimpact.engine.model import attach_card, read_model
from satimpact.engine.registry import (
    ModelExistsError,
    available_models,
    import_model,
    remove_model,
    safe_model_name,
)

from models_for_tests import conv_model, ndwi_card, ndwi_model, with_props


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


@pytest.mark.parametrize("location", ["../secret.bin", "{tmp_path}/secret.bin"], ids=["relative", "absolute"])
def test_external_data_outside_the_model_folder_refused(tmp_path, location):
    (tmp_path / "models").mkdir()
    (tmp_path / "secret.bin").write_bytes(np.ones(4, dtype=np.float32).tobytes())
    path = external_model(str(tmp_path / "models"), location.format(tmp_path=tmp_path))
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
