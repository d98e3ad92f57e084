"""Band matching by name: descriptions, known layouts, BAND_MAP, and errors that name the band."""

import pytest

from satimpact.engine.bands import LAYOUTS, resolve_bands
from satimpact.engine.errors import BandError
from satimpact.engine.raster import raster_info


def test_s2_chip_descriptions_find_b11_not_position(s2_chip):
    info = raster_info(str(s2_chip))
    # In this L1C file band 12 is B11 (band 11 is B10, cirrus): names, not positions.
    res = resolve_bands(["green", "nir", "swir16", "B8A", "B10"], info.count, info.descriptions)
    assert res.indices == [3, 8, 12, 9, 11]
    assert res.sources["swir16"] == "band description"


def test_sentinel1_chip(s1_chip):
    info = raster_info(str(s1_chip))
    assert resolve_bands(["VH", "VV"], info.count, info.descriptions).indices == [2, 1]


@pytest.mark.parametrize(
    "count,request_,expected",
    [
        (13, ["B11", "swir16", "nir"], [12, 12, 8]),  # Sentinel-2 L1C
        (12, ["B11", "swir16", "B9", "nir08"], [11, 11, 10, 9]),  # Sentinel-2 L2A (no B10)
        (11, ["nir", "swir16", "green"], [5, 6, 3]),  # Landsat 8/9 OLI-TIRS
        (7, ["nir", "swir22"], [5, 7]),  # Landsat 8/9 surface reflectance
        (8, ["nir", "swir16", "green"], [4, 5, 2]),  # Landsat 7 ETM+
        (2, ["VV", "VH"], [1, 2]),  # Sentinel-1
        (3, ["R", "G", "B"], [1, 2, 3]),  # RGB
        (4, ["red", "nir"], [1, 4]),  # RGBN
    ],
)
def test_layouts_by_band_count(count, request_, expected):
    assert resolve_bands(request_, count, [None] * count).indices == expected


def test_landsat_rgb_real_file():
    from conftest import data_path

    info = raster_info(str(data_path("landsat", "RGB.byte.tif")))
    assert resolve_bands(["red", "green", "blue"], info.count, info.descriptions).indices == [1, 2, 3]


def test_band_map_overrides_and_layout_keyword():
    assert resolve_bands(["green", "nir"], 5, None, "green=2,nir=5").indices == [2, 5]
    # a Landsat 7 scene with 8 bands named nothing; the layout keyword says which sensor
    assert resolve_bands(["nir"], 8, None, "landsat7_etm").indices == [4]
    # B3 on Landsat 8 is green, on Landsat 7 it is red: the layout decides
    assert resolve_bands(["green"], 11, None, "landsat89_oli").indices == [3]
    assert resolve_bands(["B03"], 12, None, "B3=7").indices == [7]


def test_band_map_number_out_of_range():
    with pytest.raises(BandError) as info:
        resolve_bands(["green"], 4, None, "green=9")
    assert "band 9" in str(info.value) and "only 4 band" in str(info.value)


def test_band_map_garbage():
    with pytest.raises(BandError) as info:
        resolve_bands(["green"], 4, None, "green:3")
    assert "green:3" in str(info.value)


def test_missing_band_names_band_and_layout():
    with pytest.raises(BandError) as info:
        resolve_bands(["swir16"], 3, [None, None, None])
    message = str(info.value)
    assert "band 'swir16' is missing" in message and "RGB" in message and "BAND_MAP" in message


def test_subset_descriptions_match_by_name_only():
    # A 4-band extract named B2, B3, B4, B8: names work, positions of the full layout do not.
    descs = ["B02", "B03", "B04", "B08"]
    assert resolve_bands(["nir", "green", "red", "blue"], 4, descs).indices == [4, 2, 3, 1]
    with pytest.raises(BandError):
        resolve_bands(["B1"], 4, descs)
    # unpadded names fit Landsat too; Sentinel-2 is assumed and said so, never RGBN positions
    res = resolve_bands(["red", "nir"], 4, ["B2", "B3", "B4", "B8"])
    assert res.indices == [3, 4] and "Sentinel-2" in res.layout
    assert resolve_bands(["red"], 4, ["B2", "B3", "B4", "B8"], "landsat7_etm").indices == [2]


def test_sensor_mismatch_is_an_error():
    with pytest.raises(BandError) as info:
        resolve_bands(["VV"], 13, [None] * 13, sensor="sentinel1")
    assert "made for sentinel1" in str(info.value) and "Sentinel-2 L1C" in str(info.value)


def test_every_layout_is_consistent():
    for layout in LAYOUTS.values():
        names = [n for n, _ in layout.bands]
        assert len(set(names)) == len(names), layout.key


def test_a_described_band_is_not_taken_by_position():
    # a rendered basemap: red, green, blue, alpha; RGBN would put NIR at band 4
    descs = ["red", "green", "blue", "alpha"]
    assert resolve_bands(["red", "green", "blue"], 4, descs).indices == [1, 2, 3]
    with pytest.raises(BandError) as info:
        resolve_bands(["nir"], 4, descs)
    assert "band 'nir' is missing" in str(info.value)
    # generic GDAL names ("Band 4") say nothing, so positions still apply
    assert resolve_bands(["nir"], 4, ["Band 1", "Band 2", "Band 3", "Band 4"]).indices == [4]


def test_layout_guess_never_reuses_a_band_that_band_map_gives_away():
    """The Pucallpa files hold SWIR1, NIR, Red, Green on 4 bands: with that BAND_MAP, the RGBN
    guess from the band count must not answer 'blue' with band 3 (red) or 'nir' with band 4."""
    from conftest import data_path

    info = raster_info(str(data_path("timeseries", "pucallpa_landsat", "1985.tif")))
    band_map = "swir16=1,nir=2,red=3,green=4"
    assert resolve_bands(["green", "swir16", "nir", "red"], info.count, info.descriptions, band_map).indices == [
        4,
        1,
        2,
        3,
    ]
    with pytest.raises(BandError, match="'blue' is missing"):
        resolve_bands(["blue"], info.count, info.descriptions, band_map)
