"""Model cards: every way a card can be wrong gives its own message; Deepness metadata is read."""

import json

import onnx
import pytest
from onnx import helper

from satimpact.engine.card import CARD_KEY
from satimpact.engine.errors import CardError
from satimpact.engine.model import clear_caches, load_model, read_model

from models_for_tests import conv_model, ndwi_card, ndwi_model, with_props


def save(model, tmp_path, name="m.onnx"):
    path = tmp_path / name
    onnx.save(model, str(path))
    return str(path)


def refused(model, tmp_path) -> str:
    clear_caches()
    with pytest.raises(CardError) as info:
        read_model(save(model, tmp_path))
    return str(info.value)


def test_valid_card_round_trip(tmp_path):
    loaded = load_model(save(ndwi_model(), tmp_path))
    card = loaded.card
    assert card.name == "test_ndwi" and card.task == "water" and card.model_type == "dense"
    assert card.inputs[0].bands == ["green", "nir"] and card.inputs[0].scale == pytest.approx(1e-4)
    assert card.tiling.tile_size == 128 and card.outputs[0].band_names == ["ndwi"]
    # the card written back is the card read
    again = json.loads(card.to_json())
    assert again["inputs"][0]["bands"] == ["green", "nir"] and again["card_version"] == 1


def test_missing_card(tmp_path):
    message = refused(with_props(ndwi_model(), {}), tmp_path)
    assert "has no model card" in message and CARD_KEY in message and "m.onnx" in message


def test_malformed_json(tmp_path):
    message = refused(with_props(ndwi_model(), {CARD_KEY: "{not json"}), tmp_path)
    assert "is not valid JSON" in message


def test_unknown_schema_version(tmp_path):
    message = refused(with_props(ndwi_model(), {CARD_KEY: json.dumps(ndwi_card(card_version=7))}), tmp_path)
    assert "card_version 7 is not supported" in message


def test_missing_required_field(tmp_path):
    card = ndwi_card()
    del card["citation"]
    message = refused(with_props(ndwi_model(), {CARD_KEY: json.dumps(card)}), tmp_path)
    assert "required field 'citation' is missing" in message


@pytest.mark.parametrize(
    "over, expected",
    [
        (dict(task="astrology"), "task 'astrology' is unknown"),
        (dict(model_type="sparse"), "model_type 'sparse' is unknown"),
        (dict(tiling={"tile_size": 128, "overlap": 64, "merge": "blend"}), "overlap must be"),
        (dict(tiling={"tile_size": 128, "overlap": 0, "merge": "average"}), "merge 'average' is unknown"),
        (dict(outputs=[{"name": "ndwi", "kind": "magic"}]), "kind 'magic' is unknown"),
    ],
    ids=["task", "model_type", "overlap", "merge", "output_kind"],
)
def test_bad_values_are_named(tmp_path, over, expected):
    message = refused(with_props(ndwi_model(), {CARD_KEY: json.dumps(ndwi_card(**over))}), tmp_path)
    assert expected in message, (over, message)


def test_mean_std_must_match_bands(tmp_path):
    card = ndwi_card(inputs=[{"name": "image", "bands": ["green", "nir"], "mean": [0.1], "std": [0.1]}])
    message = refused(with_props(ndwi_model(), {CARD_KEY: json.dumps(card)}), tmp_path)
    assert "'mean' has 1 values, expected 2" in message


def test_inputs_must_match_graph(tmp_path):
    # input name differs from the graph's
    card = ndwi_card(inputs=[{"name": "img", "bands": ["green", "nir"]}])
    message = refused(with_props(ndwi_model(), {CARD_KEY: json.dumps(card)}), tmp_path)
    assert "do not match the graph's inputs" in message and "img" in message
    # three bands for a graph that takes two channels
    card = ndwi_card(inputs=[{"name": "image", "bands": ["green", "nir", "red"]}])
    message = refused(with_props(ndwi_model(), {CARD_KEY: json.dumps(card)}), tmp_path)
    assert "lists 3 bands" in message and "takes 2 channels" in message
    # output named in the card but absent from the graph
    card = ndwi_card(outputs=[{"name": "water", "kind": "index"}])
    message = refused(with_props(ndwi_model(), {CARD_KEY: json.dumps(card)}), tmp_path)
    assert "describes output 'water'" in message


def test_fixed_graph_size_must_match_tile(tmp_path):
    model = conv_model(tile=128, fixed=True)
    card = json.loads(next(p.value for p in model.metadata_props if p.key == CARD_KEY))
    card["tiling"]["tile_size"] = 256
    message = refused(with_props(model, {CARD_KEY: json.dumps(card)}), tmp_path)
    assert "fixed height of 128 px" in message and "tile_size is 256" in message


def test_custom_op_domain_refused(tmp_path):
    model = ndwi_model()
    model.graph.node.append(helper.make_node("Denoise", ["ndwi"], ["extra"], domain="com.example.ops"))
    model.opset_import.append(helper.make_opsetid("com.example.ops", 1))
    message = refused(model, tmp_path)
    assert "custom operator domain(s) com.example.ops" in message


def test_corrupt_file(tmp_path):
    path = tmp_path / "broken.onnx"
    path.write_bytes(b"\x08\x07garbage that is not protobuf" * 10)
    clear_caches()
    with pytest.raises(CardError) as info:
        read_model(str(path))
    assert "broken.onnx" in str(info.value) and "not a readable ONNX model" in str(info.value)


def test_deepness_metadata_is_read(tmp_path):
    model = conv_model(tile=256, overlap=0, merge="blend")
    model.graph.input[0].type.tensor_type.shape.dim[1].dim_value = 4
    deepness = with_props(
        model,
        {
            "model_type": json.dumps("Segmentor"),
            "class_names": json.dumps({"0": "water"}),
            "resolution": json.dumps(50),
            "tile_size": json.dumps(256),
            "tiles_overlap": json.dumps(20),
            "standardization_mean": json.dumps([0.485, 0.456, 0.406, 0.5]),
            "standardization_std": json.dumps([0.229, 0.224, 0.225, 0.2]),
            "seg_thresh": json.dumps(0.6),
        },
    )
    clear_caches()
    card = read_model(save(deepness, tmp_path)).card
    assert card.source_format == "deepness"
    # Deepness' tiles_overlap is the share of the tile that neighbouring tiles have in common
    assert card.tiling.tile_size == 256 and card.tiling.overlap == round(256 * 0.2)
    assert card.inputs[0].scale == pytest.approx(1 / 255) and card.inputs[0].mean[0] == pytest.approx(0.485)
    assert card.inputs[0].bands[:3] == ["red", "green", "blue"]
    assert card.outputs[0].kind == "probability" and card.outputs[0].class_names == ["water"]
    assert card.outputs[0].threshold == pytest.approx(0.6)
    assert card.inputs[0].resolution_m == [pytest.approx(0.25), pytest.approx(1.0)]


def test_deepness_detector_is_read_and_unknown_types_refused(tmp_path):
    model = with_props(ndwi_model(), {"model_type": "Detector", "tile_size": "512", "det_conf": "0.3"})
    clear_caches()
    card = read_model(save(model, tmp_path)).card
    assert card.extra["model_kind"] == "detection" and card.extra["det_conf"] == 0.3
    message = refused(with_props(ndwi_model(), {"model_type": "Classifier", "tile_size": "512"}), tmp_path)
    assert "no model card" in message and "model_type" in message
