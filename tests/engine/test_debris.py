"""The debris models in the engine alone (no QGIS): FDI against the formula on hand values, with
the S2A and S2B wavelengths."""

import os

import numpy as np
import pytest

from satimpact.engine.model import load_model
from satimpact.engine.registry import SHIPPED_DIR
from satimpact.engine.runner import predict_arrays

# Central wavelengths (nm), shared/data/README.md
S2A = {"B4": 664.6, "B6": 740.5, "B8": 832.8, "B11": 1613.7}
S2B = {"B4": 665.0, "B6": 739.1, "B8": 833.0, "B11": 1610.4}


def fdi_formula(nir, re2, swir, w):
    return nir - (re2 + (swir - re2) * 10.0 * (w["B8"] - w["B4"]) / (w["B11"] - w["B4"]))


def shipped(name):
    return load_model(os.path.join(SHIPPED_DIR, f"{name}.onnx"))


def test_fdi_hand_values_through_onnx():
    """NIR 0.05, red edge 0.03, SWIR 0.01 with S2A wavelengths: FDI 0.055444 (to 1e-6)."""
    x = np.array([0.02, 0.03, 0.05, 0.01], dtype=np.float32).reshape(1, 4, 1, 1)  # red, RE2, NIR, SWIR1
    fdi, ndvi = predict_arrays(shipped("debris_fdi"), {"image": x})
    assert fdi.item() == pytest.approx(0.055444, abs=1e-6)
    assert fdi.item() == pytest.approx(fdi_formula(0.05, 0.03, 0.01, S2A), abs=1e-6)
    assert ndvi.item() == pytest.approx((0.05 - 0.02) / (0.05 + 0.02), abs=1e-6)
    fdi_b, _ = predict_arrays(shipped("debris_fdi_s2b"), {"image": x})
    assert fdi_b.item() == pytest.approx(fdi_formula(0.05, 0.03, 0.01, S2B), abs=1e-6)
    # the wavelengths differ enough to matter at this precision
    assert abs(fdi_b.item() - fdi.item()) > 1e-6
    card = shipped("debris_fdi_s2b").card
    assert card.extra["platform"] == "S2B" and card.extra["wavelengths_nm"] == S2B
