"""Fuzz (issue 13): random card dictionaries, card texts, Deepness metadata and BAND_MAP
strings end either in a clean result or in the project's own error, never another exception.
Seeded, so a failure reproduces; the seed and the case are in the assertion message."""

from __future__ import annotations

import copy
import json
import random

import pytest

from satimpact.engine.bands import LAYOUTS, BandResolution, parse_band_map, resolve_bands
from satimpact.engine.card import ModelCard, card_from_deepness, card_from_dict, parse_card
from satimpact.engine.errors import BandError, CardError

from models_for_tests import ndwi_card

CASES = 300


def random_value(rng: random.Random, depth: int = 0):
    choice = rng.randrange(14 if depth < 3 else 10)
    return [
        lambda: None,
        lambda: rng.choice([True, False]),
        lambda: rng.randint(-(10**6), 10**6),
        lambda: rng.choice([0, 1, -1, 15, 16, 4096, 4097, 10**30, 2**63, -(2**63)]),
        lambda: rng.choice([float("nan"), float("inf"), -float("inf"), 1e300, -1e-300, 0.5, 3.5e38]),
        lambda: rng.uniform(-1e6, 1e6),
        lambda: "".join(rng.choice("abc/\\..<>&\"'=,; \x00é水") for _ in range(rng.randrange(12))),
        lambda: rng.choice(["dense", "chip", "blend", "crop", "none", "index", "class", "water", "generic", ""]),
        lambda: rng.choice(["red", "nir", "green", "B4", "swir16", "VV"]),
        lambda: "x" * rng.choice([0, 1, 300]),
        lambda: [random_value(rng, depth + 1) for _ in range(rng.randrange(5))],
        lambda: {rng.choice(["a", "min", "max", "ramp", "name"]): random_value(rng, depth + 1) for _ in range(3)},
        lambda: [rng.uniform(-5, 5) for _ in range(rng.randrange(6))],
        lambda: {"ramp": random_value(rng, 3), "min": random_value(rng, 3), "max": random_value(rng, 3)},
    ][choice]()


def mutate(rng: random.Random, card: dict) -> dict:
    """Replace, delete or add a few fields anywhere in the card."""
    card = copy.deepcopy(card)
    for _ in range(rng.randint(1, 4)):
        target = card
        path = []
        while isinstance(target, (dict, list)) and target and rng.random() < 0.6:
            key = rng.choice(list(target)) if isinstance(target, dict) else rng.randrange(len(target))
            if not isinstance(target[key], (dict, list)):
                break
            path.append(key)
            target = target[key]
        if isinstance(target, dict):
            action = rng.random()
            key = rng.choice(list(target) + ["extra_key", "style", "threshold", "nodata"]) if target else "k"
            if action < 0.15 and key in target:
                del target[key]
            else:
                target[key] = random_value(rng)
        elif isinstance(target, list) and target:
            target[rng.randrange(len(target))] = random_value(rng)
    return card


def base_card() -> dict:
    card = ndwi_card()
    card["inputs"][0].update(mean=[0.0, 0.1], std=[1.0, 2.0], clip=[-1, 1], resolution_m=[10, 60], sensor=None)
    card["outputs"][0].update(threshold=0.0, class_names=None)
    card["extra"] = {"style": {"ramp": "Blues", "min": -1, "max": 1}}
    return card


def test_fuzz_card_dicts_and_texts():
    rng = random.Random(20261201)
    results = {"card": 0, "error": 0}
    assert isinstance(card_from_dict(base_card(), "base"), ModelCard)
    for case in range(CASES):
        card = mutate(rng, base_card()) if rng.random() < 0.85 else random_value(rng)
        for attempt in ("dict", "text"):
            try:
                if attempt == "dict":
                    result = card_from_dict(card, "fuzz")
                else:
                    result = parse_card(json.dumps(card), "fuzz")
            except CardError:
                results["error"] += 1
                continue
            except Exception as exc:  # noqa: BLE001 (what the test is looking for)
                pytest.fail(f"case {case} ({attempt}): {type(exc).__name__}: {exc}\n{card!r}"[:3000])
            assert isinstance(result, ModelCard)
            results["card"] += 1
    # both ends were reached: some mutations are harmless, most are refused
    assert results["card"] > 10 and results["error"] > 100, results


def test_fuzz_card_texts_that_are_not_json():
    rng = random.Random(7)
    pieces = ['{"', '":', "[", "]", "{", "}", ",", "1e999", "NaN", "-", '"card_version"', "1", "null", "\\u0000", "é"]
    refused = 0
    for case in range(CASES):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(40)))
        if rng.random() < 0.05:
            text = "[" * rng.randint(1000, 300000)
        try:
            parse_card(text, "fuzz")
        except CardError:
            refused += 1
            continue
        except Exception as exc:  # noqa: BLE001
            pytest.fail(f"case {case}: {type(exc).__name__}: {exc}\n{text[:500]!r}")
    # none of these texts is a valid card: every one must end in the project's own error
    assert refused == CASES, f"{CASES - refused} random texts were taken as cards"


def test_fuzz_deepness_metadata():
    rng = random.Random(99)
    keys = [
        "model_type",
        "tile_size",
        "tiles_overlap",
        "standardization_mean",
        "standardization_std",
        "class_names",
        "resolution",
        "seg_thresh",
        "model_name",
    ]
    for case in range(CASES):
        props = {
            "model_type": rng.choice(["Segmentor", "Regressor", "Recognition", "Detector", "x"]),
            "tile_size": rng.choice(["512", "16", "abc", "nan", "1e400", "-5", "0", "4096"]),
        }
        for key in rng.sample(keys, rng.randrange(len(keys))):
            value = random_value(rng)
            props[key] = value if isinstance(value, str) and rng.random() < 0.5 else json.dumps(value)
        try:
            result = card_from_deepness(props, rng.choice([None, 1, 3, 4, 13]), "fuzz")
        except CardError:
            continue
        except Exception as exc:  # noqa: BLE001
            pytest.fail(f"case {case}: {type(exc).__name__}: {exc}\n{props!r}")
        assert isinstance(result, ModelCard)


def test_fuzz_band_map_strings():
    rng = random.Random(13)
    tokens = [
        "red",
        "nir",
        "green",
        "B4",
        "b08",
        "swir16",
        "VV",
        "=",
        "==",
        ",",
        ";",
        " ",
        "\t",
        "0",
        "1",
        "4",
        "13",
        "999999999999",
        "-1",
        "1.5",
        "x",
        "é",
        "\x00",
        *LAYOUTS,
    ]
    outcomes = {"ok": 0, "error": 0}
    for case in range(CASES):
        text = "".join(rng.choice(tokens) for _ in range(rng.randrange(12)))
        if rng.random() < 0.3:  # well-formed pairs, sometimes repeating names or numbers
            text = ",".join(f"{rng.choice(tokens[:7])}={rng.randint(1, 14)}" for _ in range(rng.randint(1, 4)))
        try:
            parse_band_map(text)
            result = resolve_bands(["red", "nir"], rng.choice([1, 2, 4, 12, 13]), None, text, None)
        except BandError:
            outcomes["error"] += 1
            continue
        except Exception as exc:  # noqa: BLE001
            pytest.fail(f"case {case}: {type(exc).__name__}: {exc}\n{text!r}")
        assert isinstance(result, BandResolution) and len(result.indices) == 2
        assert len(set(result.indices)) == 2, (text, result)
        outcomes["ok"] += 1
    assert outcomes["ok"] > 10 and outcomes["error"] > 50, outcomes


@pytest.mark.slow
def test_fuzz_deepness_metadata_through_read_model(tmp_path):
    """The same random metadata on a real graph, read the way every tool reads a model."""
    import onnx

    from satimpact.engine.model import read_model

    from models_for_tests import conv_model, with_props

    rng = random.Random(2026)
    keys = ["tiles_overlap", "standardization_mean", "standardization_std", "class_names", "resolution", "seg_thresh"]
    graph = conv_model(tile=128)
    outcomes = {"ok": 0, "error": 0}
    for case in range(200):
        props = {
            "model_type": rng.choice(["Segmentor", "Regressor", "Recognition", "Detector", "x"]),
            "tile_size": rng.choice(["128", "16", "abc", "nan", "1e400", "-5", "0", "4096"]),
        }
        for key in rng.sample(keys, rng.randrange(len(keys))):
            value = random_value(rng)
            props[key] = value if isinstance(value, str) and rng.random() < 0.5 else json.dumps(value)
        path = tmp_path / f"case{case}.onnx"
        onnx.save(with_props(graph, props), str(path))
        try:
            read_model(str(path))
        except CardError:
            outcomes["error"] += 1
            continue
        except Exception as exc:  # noqa: BLE001
            pytest.fail(f"case {case}: {type(exc).__name__}: {exc}\n{props!r}")
        outcomes["ok"] += 1
    assert outcomes["error"] > 50, outcomes
