"""Hardening (issue 13): parameters that make no sense are refused with their valid range,
unreadable inputs give a message (never a traceback), and memory is bounded by design: a
run estimated above the limit, or a raster declaring more pixels than any run can hold, is
refused before anything is allocated."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
import rasterio
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

from .test_bad_input import NDVI, Guard, sha256
from .test_hardening import zones_gpkg
from conftest import null_to_none

WATER = "water_mndwi"


@pytest.fixture()
def scene(s2_chip, tmp_path):
    copy = tmp_path / "scene.tif"
    shutil.copy(s2_chip, copy)
    return copy


# --- 5. parameters that make no sense ---------------------------------------------------------


@pytest.mark.parametrize(
    "value, message",
    [
        (float("nan"), r"THRESHOLD \(Threshold .*\) must be any finite number, got nan"),
        (5.0, r"THRESHOLD must be from -2 to 2 for the index of model 'water_mndwi' \(its default is 0.0\), got 5"),
        (1e300, r"THRESHOLD must be from -2 to 2"),
    ],
)
def test_water_threshold_refused_with_its_range(run_alg, scene, tmp_path, value, message):
    out = tmp_path / "water.tif"
    with pytest.raises(QgsProcessingException, match=message), Guard(out, scene):
        run_alg(
            "satimpact:waterdetection", {"INPUT": str(scene), "MODEL": WATER, "THRESHOLD": value, "OUTPUT": str(out)}
        )


@pytest.mark.parametrize("value", [0, -5, 1e12, float("nan"), float("inf")])
def test_cell_size_range(run_alg, scene, tmp_path, value):
    out = tmp_path / "green.gpkg"
    with (
        pytest.raises(QgsProcessingException, match=r"CELL_SIZE \(.*\) must be from 1 to 1e\+06, got"),
        Guard(out, scene),
    ):
        run_alg("satimpact:greenratio", {"INPUT": str(scene), "CELL_SIZE": value, "OUTPUT": str(out)})


def test_displacement_range(run_alg, tmp_path):
    from satimpact.processing.algorithms.train_poverty_survey import TrainPovertySurveyAlgorithm

    alg = TrainPovertySurveyAlgorithm()
    alg.initAlgorithm()
    definition = alg.parameterDefinition("DISPLACEMENT")
    assert (definition.minimum(), definition.maximum()) == (0.0, 50_000.0)
    with pytest.raises(QgsProcessingException, match=r"DISPLACEMENT \(.*\) must be from 0 to 50000, got 1e\+09"):
        run_alg("satimpact:trainpovertysurvey", {"DISPLACEMENT": 1e9, "OUTPUT_MODEL": str(tmp_path / "m.onnx")})


@pytest.mark.parametrize("geometry", ["Point", "LineString"])
def test_point_and_line_zones_refused(run_alg, scene, tmp_path, geometry):
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:32630", "zones", "memory")
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromWkt("POINT(1 1)" if geometry == "Point" else "LINESTRING(0 0, 1 1)"))
    layer.dataProvider().addFeatures([f])
    out = tmp_path / "green.gpkg"
    with pytest.raises(QgsProcessingException, match=r"ZONES: the layer 'zones' has (Point|Line) geometries; polygons"):
        run_alg("satimpact:greenratio", {"INPUT": str(scene), "ZONES": layer, "OUTPUT": str(out)})
    assert not out.exists()


@pytest.mark.parametrize(
    "band_map, message",
    [
        ("red=1,red=2", r"BAND_MAP names 'red' twice \('red=1' and 'red=2'\)"),
        ("B4=4,red=3,b04=5", r"BAND_MAP names 'b04' twice"),
        ("red=4,nir=4", r"BAND_MAP gives band 4 two names \('red=4' and 'nir=4'\)"),
        ("sentinel2_l1c,rgb", r"BAND_MAP names two layouts, 'sentinel2_l1c' and 'rgb'"),
        ("red=1e9", r"'1e9' is not a band number"),
    ],
)
def test_band_map_contradictions_refused(run_alg, scene, tmp_path, band_map, message):
    out = tmp_path / "ndvi.tif"
    with pytest.raises(QgsProcessingException, match=message), Guard(out, scene):
        run_alg("satimpact:runmodel", {"INPUT": str(scene), "MODEL": NDVI, "BAND_MAP": band_map, "OUTPUT": str(out)})


@pytest.mark.parametrize(
    "content, kind", [("a<b\nb<c\n".encode("utf-16"), "UTF-16"), (bytes(range(256)) * 4, "binary")]
)
def test_order_file_must_be_utf8_text(run_alg, tmp_path, content, kind):
    order = tmp_path / "order.txt"
    order.write_bytes(content)
    with pytest.raises(
        QgsProcessingException, match=rf"ORDER: '.*order.txt' is not a UTF-8 text file \(it looks {kind}\)"
    ):
        run_alg("satimpact:trainpovertyranking", {"ORDER": str(order), "OUTPUT_MODEL": str(tmp_path / "m.onnx")})


def test_zero_byte_file_is_empty_not_missing(run_alg, tmp_path):
    empty = tmp_path / "empty.tif"
    empty.write_bytes(b"")
    with pytest.raises(QgsProcessingException, match=r"INPUT: the file '.*empty.tif' is empty \(0 bytes\)"):
        run_alg("satimpact:runmodel", {"INPUT": str(empty), "MODEL": NDVI, "OUTPUT": str(tmp_path / "o.tif")})


def test_pipe_in_file_name_refused(run_alg, s2_chip, tmp_path):
    odd = tmp_path / "a|b.tif"
    shutil.copy(s2_chip, odd)
    with pytest.raises(QgsProcessingException, match=r"contains '\|', which QGIS reads as the start of layer options"):
        run_alg("satimpact:runmodel", {"INPUT": str(odd), "MODEL": NDVI, "OUTPUT": str(tmp_path / "o.tif")})
    with pytest.raises(QgsProcessingException, match=r"OUTPUT: the output path '.*x\|y.tif' contains '\|'"):
        run_alg("satimpact:runmodel", {"INPUT": str(s2_chip), "MODEL": NDVI, "OUTPUT": str(tmp_path / "x|y.tif")})


def truncated(s2_chip, tmp_path):
    path = tmp_path / "truncated.tif"
    raw = s2_chip.read_bytes()
    path.write_bytes(raw[: int(len(raw) * 0.6)])
    return path


def test_truncated_geotiff_is_a_message(run_alg, s2_chip, tmp_path):
    path = truncated(s2_chip, tmp_path)
    out = tmp_path / "ndvi.tif"
    with (
        pytest.raises(QgsProcessingException, match=r"could not be read|not valid|cannot open") as info,
        Guard(out, path),
    ):
        run_alg("satimpact:runmodel", {"INPUT": str(path), "MODEL": NDVI, "OUTPUT": str(out)})
    assert "internal error" not in str(info.value)


def test_all_nodata_message_names_no_hidden_file(run_alg, s2_chip, tmp_path):
    empty = tmp_path / "all_nodata.tif"
    with rasterio.open(s2_chip) as src:
        profile = src.profile.copy()
        profile.update(nodata=-9999.0, dtype="float32")
        with rasterio.open(empty, "w", **profile) as dst:
            dst.write(np.full((src.count, src.height, src.width), -9999.0, dtype=np.float32))
    out = tmp_path / "water.tif"
    with pytest.raises(QgsProcessingException, match=r"no valid pixel") as info, Guard(out, empty):
        run_alg(
            "satimpact:waterdetection",
            {"INPUT": str(empty), "MODEL": WATER, "AUTO_THRESHOLD": True, "OUTPUT": str(out)},
        )
    assert ".satimpact-" not in str(info.value) and "water.tif" in str(info.value), str(info.value)


def test_world_sized_zone_has_the_earth_area(run_alg, scene, tmp_path):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "world", "memory")
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromWkt("POLYGON((-180 -90,180 -90,180 90,-180 90,-180 -90))"))
    layer.dataProvider().addFeatures([f])
    out = tmp_path / "world.gpkg"
    result = run_alg("satimpact:greenratio", {"INPUT": str(scene), "ZONES": layer, "OUTPUT": str(out)})
    zone = next(QgsVectorLayer(result["OUTPUT"], "z", "ogr").getFeatures())
    # WGS 84 ellipsoid: 510,065,622 km2
    assert zone["zone_area_m2"] == pytest.approx(5.10066e14, rel=1e-4)
    assert 0 < null_to_none(zone["green_area_m2"]) < 1e9


# --- 6. memory bounded by design --------------------------------------------------------------


def huge_vrt(s2_chip, tmp_path, size=10_000_000) -> str:
    """A VRT whose header declares size x size px over the real chip (a hostile header)."""
    from osgeo import gdal

    src = gdal.Open(str(s2_chip))
    gt = src.GetGeoTransform()
    bands = "".join(
        f'<VRTRasterBand dataType="UInt16" band="{b}"><SimpleSource><SourceFilename>{s2_chip}</SourceFilename>'
        f"<SourceBand>{b}</SourceBand></SimpleSource></VRTRasterBand>"
        for b in range(1, src.RasterCount + 1)
    )
    from xml.sax.saxutils import escape

    path = tmp_path / "huge.vrt"
    path.write_text(
        f'<VRTDataset rasterXSize="{size}" rasterYSize="{size}"><SRS>{escape(src.GetProjection())}</SRS>'
        f"<GeoTransform>{', '.join(map(repr, gt))}</GeoTransform>{bands}</VRTDataset>"
    )
    return str(path)


@pytest.mark.parametrize(
    "alg, params",
    [
        ("satimpact:runmodel", {"MODEL": NDVI, "OUTPUT": "out.tif"}),
        ("satimpact:waterdetection", {"MODEL": WATER, "OUTPUT": "out.tif"}),
        ("satimpact:greenratio", {"OUTPUT": "out.gpkg"}),
    ],
)
def test_declared_10m_by_10m_raster_refused_before_allocation(run_alg, s2_chip, tmp_path, alg, params):
    vrt = huge_vrt(s2_chip, tmp_path)
    params = {**params, "INPUT": vrt, "OUTPUT": str(tmp_path / params["OUTPUT"])}
    with pytest.raises(QgsProcessingException, match=r"declares 10,000,000 x 10,000,000 px .* at most 1e\+12 px"):
        run_alg(alg, params)
    assert not (tmp_path / "out.tif").exists() and not (tmp_path / "out.gpkg").exists()


def test_run_estimated_above_the_limit_refused(run_alg, scene, tmp_path, monkeypatch):
    before = sha256(scene)
    monkeypatch.setenv("SATIMPACT_MEMORY_LIMIT_MB", "40")
    out = tmp_path / "ndvi.tif"
    progress = []
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(progress.append)
    with (
        pytest.raises(
            QgsProcessingException, match=r"would need about \d+ MB of memory \(.*\), more than the limit of 40 MB"
        ),
        Guard(out, scene),
    ):
        run_alg("satimpact:runmodel", {"INPUT": str(scene), "MODEL": NDVI, "OUTPUT": str(out)}, feedback=feedback)
    assert not [p for p in progress if p > 0]
    assert sha256(scene) == before
    monkeypatch.setenv("SATIMPACT_MEMORY_LIMIT_MB", "4000")
    run_alg("satimpact:runmodel", {"INPUT": str(scene), "MODEL": NDVI, "OUTPUT": str(out)})
    assert out.exists()


def test_gdal_cache_is_capped_during_a_run_and_restored(run_alg, scene, tmp_path, monkeypatch):
    """GDAL's default block cache (5% of the RAM) once held the Deepness class step's blocks."""
    from osgeo import gdal

    from satimpact.engine import raster

    seen = []
    real_write = raster.GeoTiffWriter.write

    def recording_write(self, array, window):
        seen.append(gdal.GetCacheMax())
        return real_write(self, array, window)

    monkeypatch.setattr(raster.GeoTiffWriter, "write", recording_write)
    old = gdal.GetCacheMax()
    gdal.SetCacheMax(1 << 30)
    try:
        run_alg("satimpact:runmodel", {"INPUT": str(scene), "MODEL": NDVI, "OUTPUT": str(tmp_path / "ndvi.tif")})
        assert seen and max(seen) <= 128 << 20, seen
        assert gdal.GetCacheMax() == 1 << 30
    finally:
        gdal.SetCacheMax(old)


def test_antimeridian_raster_in_povertygrid_is_a_clear_message(run_alg, tmp_path):
    """A raster crossing 180 degrees once ended in a traceback in povertygrid."""
    from rasterio.transform import from_origin

    path = tmp_path / "antimeridian.tif"
    data = (np.random.default_rng(1).random((3, 400, 400)) * 255).astype("uint8")
    profile = dict(driver="GTiff", width=400, height=400, count=3, dtype="uint8", crs="EPSG:4326")
    with rasterio.open(path, "w", transform=from_origin(179.9, -16.0, 0.0005, 0.0005), **profile) as ds:
        ds.write(data)
    out = tmp_path / "cells.gpkg"
    before = sha256(path)
    try:  # handled (cells on both sides of 180 degrees) or refused with a message that says why
        run_alg("satimpact:povertygrid", {"INPUT": str(path), "CELL_SIZE": 1000, "OUTPUT": str(out)})
    except QgsProcessingException as exc:
        text = str(exc)
        assert ("antimeridian" in text or "180" in text) and "internal error" not in text, text
        assert not out.exists()
    else:
        assert QgsVectorLayer(str(out), "cells", "ogr").featureCount() > 0
    assert sha256(path) == before


def test_povertygrid_point_zones_and_nan_min_valid_refused(run_alg, scene, tmp_path):
    out = tmp_path / "cells.gpkg"
    with pytest.raises(QgsProcessingException, match=r"MIN_VALID \(.*\) must be from 0.01 to 1, got nan"):
        run_alg("satimpact:povertygrid", {"INPUT": str(scene), "MIN_VALID": float("nan"), "OUTPUT": str(out)})
    zones = zones_gpkg(scene, tmp_path, "Point")
    with pytest.raises(
        QgsProcessingException, match=r"ZONES: the layer '.*' has Point geometries; polygons are needed"
    ):
        run_alg("satimpact:povertygrid", {"INPUT": str(scene), "ZONES": str(zones), "OUTPUT": str(out)})
    assert not out.exists()
