"""Time series in the engine alone (no QGIS): dates from file names, tags and a given list, and a
water series cancelled after its first date writes nothing (NAIP stack of ../shared/data/timeseries)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
import rasterio

from conftest import data_path

NAIP_BANDS = "red=1,green=2,blue=3,nir=4"


def stack(name: str) -> list[Path]:
    folder = data_path("timeseries", name)
    return sorted(folder.glob("*.tif"))


@pytest.fixture(scope="module")
def naip():
    return stack("naip_nd_lakes")


@pytest.mark.parametrize(
    ("name", "expected", "year_only"),
    [
        ("1985.tif", dt.date(1985, 1, 1), True),
        ("m_4709963_se_14_1_20090818.tif", dt.date(2009, 8, 18), False),
        ("S2A_MSIL2A_20170613T101031_N0205_R022_T33UUP_20170613T101608.tif", dt.date(2017, 6, 13), False),
        ("LC08_L2SP_198024_20200715_20200912_02_T1.tif", dt.date(2020, 7, 15), False),
    ],
)
def test_dates_from_names(tmp_path, name, expected, year_only):
    from satimpact.engine.series import series_date

    d = series_date(str(tmp_path / name), {})
    assert (d.date, d.year_only) == (expected, year_only)


def tiny_raster(path: Path, tags: dict | None = None):
    profile = {"driver": "GTiff", "width": 4, "height": 4, "count": 1, "dtype": "uint8", "crs": "EPSG:32633"}
    profile["transform"] = rasterio.transform.from_origin(500000, 5000000, 10, 10)
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(np.ones((1, 4, 4), dtype=np.uint8))
        if tags:
            ds.update_tags(**tags)
    return path


def test_dates_from_tag_list_and_errors(tmp_path):
    from satimpact.engine.errors import EngineError
    from satimpact.engine.series import series_dates

    tagged = tiny_raster(tmp_path / "patch_a.tif", {"ACQUISITION_DATE": "2017-06-13 10:10:31"})
    nameless = tiny_raster(tmp_path / "scene.tif")
    other = tiny_raster(tmp_path / "patch_b.tif", {"ACQUISITION_DATE": "2018-07-01"})
    assert [d.date for d in series_dates([str(other), str(tagged)])] == [dt.date(2017, 6, 13), dt.date(2018, 7, 1)]
    with pytest.raises(EngineError, match="scene.tif"):
        series_dates([str(tagged), str(nameless)])
    given = series_dates([str(nameless), str(tagged)], ["2001", "2002-03-04"])
    assert [(d.label, d.path) for d in given] == [("2001", str(nameless)), ("2002-03-04", str(tagged))]
    with pytest.raises(EngineError, match="one date per input"):
        series_dates([str(nameless), str(tagged)], ["2001"])
    with pytest.raises(EngineError, match="same date"):
        series_dates([str(tagged), str(other)], ["2001", "2001"])


def test_water_series_cancel_writes_nothing(naip, tmp_path):
    from satimpact.engine.errors import Cancelled
    from satimpact.engine.model import load_model
    from satimpact.engine.registry import available_models
    from satimpact.engine.runner import Feedback
    from satimpact.engine.series import series_dates, water_mask_maker, water_series

    class CancelAfterFirstDate(Feedback):
        progressed = 0.0

        def progress(self, percent):
            self.progressed = max(self.progressed, percent)

        def is_cancelled(self):
            return self.progressed >= 10.0

    model = load_model(available_models(None)["water_ndwi"])
    occ = tmp_path / "occ.tif"
    with pytest.raises(Cancelled):
        water_series(
            series_dates([str(p) for p in naip]),
            water_mask_maker(model, NAIP_BANDS),
            occurrence_path=str(occ),
            feedback=CancelAfterFirstDate(),
        )
    assert not occ.exists()
    assert list(tmp_path.iterdir()) == []
