"""User models in the engine's registry (no QGIS): import with a card, refusal without one, removal;
shipped models stay."""

import onnx
import pytest

from satimpact.engine.errors import CardError
from satimpact.engine.registry import available_models, import_model, remove_model

from models_for_tests import ndwi_model, with_props


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
