"""The green models and engine/green.py alone (no QGIS): the shipped cards, the RGB card's metrics
re-measured by its recipe, tiles against one window, cancel, and the date and season rules."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from conftest import data_path

JUNE = ("S2A_MSIL2A_20170613T101031_87_48", "S2A_MSIL2A_20170617T113321_36_85", "S2A_MSIL2A_20170617T113321_4_55")


def test_green_model_cards():
    from satimpact.engine.model import load_model
    from satimpact.engine.registry import available_models

    models = available_models()
    ndvi = load_model(models["green_ndvi"]).card
    assert ndvi.task == "green" and ndvi.outputs[0].threshold == pytest.approx(0.2)
    assert ndvi.inputs[0].bands == ["red", "nir"]
    assert "Sobrino" in ndvi.citation and "Kwon" in ndvi.citation
    assert ndvi.extra["leaf_off_p95"] == pytest.approx(0.5)
    rgb = load_model(models["green_rgb"]).card
    assert rgb.task == "green" and rgb.inputs[0].bands == ["red", "green", "blue"]
    names = {m["name"]: m["value"] for m in rgb.metrics}
    assert names["iou vs green_ndvi (held-out scenes, pooled pixels)"] > 0.55
    assert names["accuracy vs green_ndvi (held-out scenes, pooled pixels)"] > 0.65
    assert sum(1 for n in names if n.startswith("held-out scene")) == 7


@pytest.mark.slow
def test_rgb_card_metrics_are_reproduced_by_the_recipe(tmp_path):
    """The agreement written in the card is what the recipe measures on the real scenes."""
    from satimpact.engine.model import load_model
    from satimpact.engine.registry import available_models
    from satimpact.models.recipes import green_models

    data_path("bigearthnet", "S2")
    coef, bias, per_scene, pooled = green_models.fit_rgb_model(green_models.training_scenes(str(tmp_path)))
    card = load_model(available_models()["green_rgb"]).card
    values = {m["name"]: m["value"] for m in card.metrics}
    assert values["iou vs green_ndvi (held-out scenes, pooled pixels)"] == pytest.approx(pooled["iou"], abs=1e-4)
    assert values["f1 vs green_ndvi (held-out scenes, pooled pixels)"] == pytest.approx(pooled["f1"], abs=1e-4)
    # Summer scenes: RGB and NDVI agree closely.
    for name in JUNE:
        assert per_scene[name]["iou"] > 0.95, name
    assert f"{bias:.4f}" in card.data


def test_tiles_give_the_same_figures(s2_chip, monkeypatch):
    """Several tiles (bounded memory) or one: identical per-cell figures."""
    from satimpact.engine import green
    from satimpact.engine.model import load_model
    from satimpact.engine.registry import available_models

    model = load_model(available_models()["green_ndvi"])
    one = green.green_ratio(str(s2_chip), model, cell_size=500)
    monkeypatch.setattr(green, "TILE", 96)
    many = green.green_ratio(str(s2_chip), model, cell_size=500)
    assert one.stats.keys() == many.stats.keys()
    for key in one.stats:
        assert many.stats[key].green_m2 == pytest.approx(one.stats[key].green_m2, rel=1e-7)
        assert many.stats[key].valid_m2 == pytest.approx(one.stats[key].valid_m2, rel=1e-7)
    assert many.season.index_p95 == one.season.index_p95


def test_cancel_leaves_no_mask(s2_chip, tmp_path, monkeypatch):
    from satimpact.engine import green
    from satimpact.engine.errors import Cancelled
    from satimpact.engine.model import load_model
    from satimpact.engine.registry import available_models
    from satimpact.engine.runner import Feedback

    class CancelSoon(Feedback):
        def __init__(self):
            self.calls = 0

        def progress(self, percent):
            self.calls += 1

        def is_cancelled(self):
            return self.calls >= 3

    monkeypatch.setattr(green, "TILE", 128)
    mask = tmp_path / "mask.tif"
    feedback = CancelSoon()
    with pytest.raises(Cancelled):
        green.green_ratio(
            str(s2_chip), load_model(available_models()["green_ndvi"]), mask_path=str(mask), feedback=feedback
        )
    assert feedback.calls == 3  # stopped at the next tile, 13 of 16 tiles never read
    assert os.listdir(tmp_path) == []


def test_acquisition_date_and_hemisphere_rules():
    from satimpact.engine.green import acquisition_date, is_local_summer, judge_season

    assert acquisition_date("/x/S2A_MSIL2A_20170613T101031_87_48.tif", {})[0] == dt.date(2017, 6, 13)
    assert acquisition_date("/x/S2B_MSIL2A_20170924T93020_69_24.tif", {})[0] == dt.date(2017, 9, 24)
    assert acquisition_date("/x/LC08_L2SP_198024_20200715_20200912_02_T1_SR.tif", {})[0] == dt.date(2020, 7, 15)
    assert acquisition_date("/x/scene.tif", {"ACQUISITION_DATE": "2018-02-04 09:41:56"})[0] == dt.date(2018, 2, 4)
    assert acquisition_date("/x/scene.tif", {})[0] is None
    assert is_local_summer(dt.date(2020, 1, 15), -34.0) is True  # Sydney in January
    assert is_local_summer(dt.date(2020, 7, 15), -34.0) is False
    assert is_local_summer(dt.date(2020, 7, 15), 52.0) is True
    assert is_local_summer(dt.date(2020, 1, 15), 5.0) is None  # no summer between the tropics
    assert judge_season(dt.date(2020, 1, 15), "test", 5.0, 0.8, 0.5, 0.0).warnings == []
    assert "unknown" in judge_season(None, "no tag", 45.0, 0.8, 0.5, None).warning_text
