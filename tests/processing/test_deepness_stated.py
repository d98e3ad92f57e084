"""Issue 20: satimpact:runmodel on ONNX models without a card, from stated parameters only
(MODEL_TYPE, TILE_SIZE, OVERLAP, MODEL_RESOLUTION, SCALE/OFFSET, MEAN/STD, BANDS, THRESHOLD),
and SAVE_CARD, which writes those parameters as a card into a copy of the model.

Every Deepness dummy segmentation and regression model runs on the Deepness test raster with
its metadata removed, and its result is checked against what it computes by construction
(tests/deepness_dummies.py, numpy on the raster)."""

import filecmp
import hashlib
import os

import numpy as np
import pytest
from deepness_dummies import (
    REGRESSION,
    SEGMENTATION,
    expected_output,
    model_file,
    read_output,
    rgb01,
    without_metadata,
)
from qgis.core import QgsProcessingException

from satimpact.engine.model import read_model

from conftest import data_path


@pytest.fixture(scope="module")
def fotomap():
    return data_path("deepness_test", "dummy_fotomap_small.tif")


@pytest.fixture(scope="module")
def fotomap_rgb(fotomap):
    return rgb01(fotomap)


CASES = [("segmentation", n) for n in SEGMENTATION] + [("regression", n) for n in REGRESSION]


@pytest.mark.parametrize("kind,name", CASES, ids=[f"{k}-{n}" for k, n in CASES])
def test_dummy_runs_from_stated_parameters_only(run_alg, fotomap, fotomap_rgb, tmp_path, kind, name):
    model = without_metadata(model_file(data_path, kind, name), tmp_path / name)
    out, probs = tmp_path / "out.tif", tmp_path / "probabilities.tif"
    params = {"INPUT": str(fotomap), "MODEL": str(model), "MODEL_TYPE": kind, "OUTPUT": str(out)}
    if kind == "segmentation":  # OUTPUT is the class raster (tests/processing/test_deepness_types.py); values here
        params["OUTPUT_PROBABILITIES"] = str(probs)
    result = run_alg("satimpact:runmodel", params)
    assert "tiles" in result["MODEL_INFO"]
    got = read_output(probs if kind == "segmentation" else out)
    want, margin = expected_output(model, fotomap_rgb)
    assert got.shape == want.shape
    h, w = got.shape[1:]
    inner = (slice(None), slice(margin, h - margin), slice(margin, w - margin))
    finite = np.isfinite(want[inner])
    assert finite.mean() > 0.99
    # float32 inference and tile blending against a float64 whole-image computation
    tol = 1e-4 if margin else 2e-6
    assert np.abs(got[inner][finite] - want[inner][finite]).max() < tol
    if margin:
        # the frame the model cannot see at the raster's edge holds the nearest computed value
        assert np.isfinite(got).all()


def test_fixed_graph_size_becomes_the_tile_and_other_sizes_are_refused(run_alg, fotomap, tmp_path):
    model = without_metadata(model_file(data_path, "segmentation", "dummy_model.onnx"), tmp_path / "m.onnx")
    out = tmp_path / "o.tif"
    result = run_alg(
        "satimpact:runmodel",
        {"INPUT": str(fotomap), "MODEL": str(model), "MODEL_TYPE": "segmentation", "OUTPUT": str(out)},
    )
    assert "tile 512 px" in result["MODEL_INFO"]
    with pytest.raises(QgsProcessingException, match="fixed size of 512 px"):
        run_alg(
            "satimpact:runmodel",
            {
                "INPUT": str(fotomap),
                "MODEL": str(model),
                "MODEL_TYPE": "segmentation",
                "TILE_SIZE": 256,
                "OUTPUT": str(tmp_path / "x.tif"),
            },
        )


def test_free_graph_takes_the_stated_tile_overlap_and_scaling(run_alg, fotomap, fotomap_rgb, tmp_path):
    """TILE_SIZE/OVERLAP on a graph with free height and width; SCALE/OFFSET and MEAN/STD
    (ImageNet) change the model's input exactly as stated; BANDS reorders the bands."""
    src = model_file(data_path, "segmentation", "dummy_model.onnx")
    import onnx

    proto = onnx.load(str(src))
    dims = proto.graph.input[0].type.tensor_type.shape.dim
    for k in (0, 2, 3):
        dims[k].dim_param = "batch" if k == 0 else "size"
    del proto.metadata_props[:]
    model = tmp_path / "free.onnx"
    onnx.save(proto, str(model))
    out = tmp_path / "o.tif"
    mean, std = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
    result = run_alg(
        "satimpact:runmodel",
        {
            "INPUT": str(fotomap),
            "MODEL": str(model),
            "MODEL_TYPE": "regression",
            "TILE_SIZE": 300,
            "OVERLAP": 40,
            "SCALE": 1 / 255,
            "OFFSET": 0,
            "MEAN": ",".join(map(str, mean)),
            "STD": ",".join(map(str, std)),
            "BANDS": "3,2,1",
            "OUTPUT": str(out),
        },
    )
    assert "tile 300 px, overlap 40 px" in result["MODEL_INFO"]
    x = (fotomap_rgb[::-1] - np.array(mean)[:, None, None]) / np.array(std)[:, None, None]
    got = read_output(out)
    assert np.allclose(got, x**8, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize(
    "kind, name",
    [("segmentation", "two_outputs_softmax_bsx2x512x512.onnx"), ("regression", REGRESSION[0])],
    ids=["segmentation", "regression"],
)
def test_saved_card_gives_byte_identical_output(run_alg, fotomap, tmp_path, kind, name):
    model = without_metadata(model_file(data_path, kind, name), tmp_path / f"{kind}.onnx")
    stated_out, carded_out = tmp_path / f"{kind}_stated.tif", tmp_path / f"{kind}_carded.tif"
    extra = {"OUTPUT_PROBABILITIES": str(stated_out) + ".p.tif"} if kind == "segmentation" else {}
    carded = tmp_path / f"{kind}_carded.onnx"
    params = {
        "INPUT": str(fotomap),
        "MODEL": str(model),
        "MODEL_TYPE": kind,
        "OVERLAP": 60,
        "MODEL_RESOLUTION": 0.02,
        "THRESHOLD": 0.4,
        "SAVE_CARD": str(carded),
        "OUTPUT": str(stated_out),
        **extra,
    }
    result = run_alg("satimpact:runmodel", params)
    assert result["SAVED_MODEL"] == str(carded)
    card = read_model(str(carded)).card
    assert card.source_format == "satimpact" and card.tiling.overlap == 60
    assert card.inputs[0].bands == ["red", "green", "blue"] and card.inputs[0].scale == pytest.approx(1 / 255)
    assert card.extra["model_kind"] == kind
    carded_extra = {"OUTPUT_PROBABILITIES": str(carded_out) + ".p.tif"} if kind == "segmentation" else {}
    run_alg(
        "satimpact:runmodel",
        {"INPUT": str(fotomap), "MODEL": str(carded), "OUTPUT": str(carded_out), **carded_extra},
    )
    assert filecmp.cmp(stated_out, carded_out, shallow=False)
    if kind == "segmentation":
        assert filecmp.cmp(str(stated_out) + ".p.tif", str(carded_out) + ".p.tif", shallow=False)
    # the carded copy refuses stated parameters: its card is its contract
    with pytest.raises(QgsProcessingException, match="carries a SatImpact card.*MODEL_TYPE"):
        run_alg(
            "satimpact:runmodel",
            {"INPUT": str(fotomap), "MODEL": str(carded), "MODEL_TYPE": kind, "OUTPUT": str(tmp_path / "x.tif")},
        )


def test_refusals_are_clear(run_alg, fotomap, tmp_path):
    import onnx

    proto = onnx.load(str(model_file(data_path, "segmentation", "two_outputs_softmax_bsx2x512x512.onnx")))
    proto.metadata_props.add(key="tile_size", value="512")
    carded = tmp_path / "deepness.onnx"
    onnx.save(proto, str(carded))
    with pytest.raises(QgsProcessingException, match="carries Deepness metadata.*refused"):
        run_alg(
            "satimpact:runmodel",
            {
                "INPUT": str(fotomap),
                "MODEL": str(carded),
                "MODEL_TYPE": "segmentation",
                "OUTPUT": str(tmp_path / "a.tif"),
            },
        )
    bare = without_metadata(carded, tmp_path / "bare.onnx")
    with pytest.raises(QgsProcessingException, match="no model card.*MODEL_TYPE"):
        run_alg("satimpact:runmodel", {"INPUT": str(fotomap), "MODEL": str(bare), "OUTPUT": str(tmp_path / "b.tif")})
    with pytest.raises(QgsProcessingException, match="TILE_SIZE.*set MODEL_TYPE"):
        run_alg(
            "satimpact:runmodel",
            {"INPUT": str(fotomap), "MODEL": str(bare), "TILE_SIZE": 512, "OUTPUT": str(tmp_path / "c.tif")},
        )
    with pytest.raises(QgsProcessingException, match="BANDS asks for band 9"):
        run_alg(
            "satimpact:runmodel",
            {
                "INPUT": str(fotomap),
                "MODEL": str(bare),
                "MODEL_TYPE": "segmentation",
                "BANDS": "1,2,9",
                "OUTPUT": str(tmp_path / "d.tif"),
            },
        )
    with pytest.raises(QgsProcessingException, match="graph takes 3 channels but BANDS gives 2"):
        run_alg(
            "satimpact:runmodel",
            {
                "INPUT": str(fotomap),
                "MODEL": str(bare),
                "MODEL_TYPE": "segmentation",
                "BANDS": "1,2",
                "OUTPUT": str(tmp_path / "e.tif"),
            },
        )
    with pytest.raises(QgsProcessingException, match="MEAN and STD must be given together"):
        run_alg(
            "satimpact:runmodel",
            {
                "INPUT": str(fotomap),
                "MODEL": str(bare),
                "MODEL_TYPE": "segmentation",
                "MEAN": "0.5",
                "OUTPUT": str(tmp_path / "f.tif"),
            },
        )
    assert not any(tmp_path.glob("?.tif"))


def test_model_manager_adds_a_card_and_lists_the_model(qgis_app, run_alg, fotomap, tmp_path):
    """The manager's 'Add a card to a model...' (its form, filled here without clicks) writes a
    carded copy into the user folder; the copy is listed and runs like any carded model."""
    from satimpact.ui.card_dialog import StatedCardDialog
    from satimpact.ui.model_manager import ModelManagerDialog

    bare = without_metadata(model_file(data_path, "regression", REGRESSION[0]), tmp_path / "vi_model.onnx")
    user_dir = tmp_path / "user_models"
    manager = ModelManagerDialog(user_dir=str(user_dir))
    form = StatedCardDialog(str(bare))
    form.kind.setCurrentText("regression")
    form.overlap.setValue(32)
    params, bands = form.stated()
    assert bands == ["red", "green", "blue"] and params.scale == pytest.approx(1 / 255)
    target = manager.add_card(str(bare), params, bands)
    assert target == str(user_dir / "vi_model.onnx")
    listed = [manager.list.item(i).text() for i in range(manager.list.count())]
    assert "vi_model  [user]" in listed
    assert manager.list.currentItem().text() == "vi_model  [user]"
    assert "regression" in manager.details.toPlainText()
    # the listed copy runs by its path like any carded model, with the stated values
    out, stated_out = tmp_path / "listed.tif", tmp_path / "stated.tif"
    run_alg("satimpact:runmodel", {"INPUT": str(fotomap), "MODEL": target, "OUTPUT": str(out)})
    run_alg(
        "satimpact:runmodel",
        {
            "INPUT": str(fotomap),
            "MODEL": str(bare),
            "MODEL_TYPE": "regression",
            "OVERLAP": 32,
            "OUTPUT": str(stated_out),
        },
    )
    assert filecmp.cmp(out, stated_out, shallow=False)


def test_stated_card_copy_gets_a_safe_name_and_never_replaces_silently(qgis_app, tmp_path):
    """'Add a card to a model...' names the copy as an import does (safe_model_name, inside the
    user folder) and replaces an existing user model only when told to."""
    from satimpact.engine.registry import ModelExistsError
    from satimpact.engine.stated_card import StatedParameters, add_stated_card

    odd = tmp_path / "my model (v1) <b>.onnx"
    without_metadata(model_file(data_path, "regression", REGRESSION[0]), odd)
    user_dir = tmp_path / "user_models"
    params = StatedParameters(model_kind="regression")
    target = add_stated_card(str(odd), params, ["red", "green", "blue"], str(user_dir))
    assert os.path.dirname(target) == str(user_dir)
    assert os.path.basename(target) == "my_model_v1_b_.onnx"
    before = hashlib.sha256(open(target, "rb").read()).hexdigest()
    with pytest.raises(ModelExistsError, match="exists already"):
        add_stated_card(
            str(odd), StatedParameters(model_kind="regression", overlap=16), ["red", "green", "blue"], str(user_dir)
        )
    assert hashlib.sha256(open(target, "rb").read()).hexdigest() == before
    replaced = add_stated_card(
        str(odd),
        StatedParameters(model_kind="regression", overlap=16),
        ["red", "green", "blue"],
        str(user_dir),
        overwrite=True,
    )
    assert replaced == target and read_model(target).card.tiling.overlap == 16
