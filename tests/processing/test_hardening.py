"""Hardening (issue 13): outputs never touch inputs, no traceback reaches the analyst, and a
failed run leaves nothing behind. Each case failed on the code before the fix."""

from __future__ import annotations

import os
import shutil

import pytest
from qgis.core import QgsProcessingException, QgsVectorFileWriter, QgsVectorLayer

from .test_bad_input import NDVI, Guard, sha256

WATER = "water_mndwi"


@pytest.fixture()
def scene(s2_chip, tmp_path):
    """A copy of the real Sentinel-2 chip that the test may (wrongly) be asked to overwrite."""
    copy = tmp_path / "scene.tif"
    shutil.copy(s2_chip, copy)
    return copy


def zones_gpkg(scene, tmp_path, geometry="Polygon"):
    """Two zones over the scene, written to a GeoPackage (the file an output must not replace)."""
    import rasterio

    with rasterio.open(scene) as ds:
        b = ds.bounds
        crs = ds.crs.to_string()
    layer = QgsVectorLayer(f"{geometry}?crs={crs}", "zones", "memory")
    from qgis.core import QgsFeature, QgsGeometry

    mid = (b.left + b.right) / 2
    feats = []
    for x0, x1 in ((b.left, mid), (mid, b.right)):
        f = QgsFeature()
        wkt = f"POLYGON(({x0} {b.bottom},{x1} {b.bottom},{x1} {b.top},{x0} {b.top},{x0} {b.bottom}))"
        geom = QgsGeometry.fromWkt(wkt)
        if geometry == "Point":
            geom = geom.centroid()
        f.setGeometry(geom)
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    path = tmp_path / f"zones_{geometry.lower()}.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    from qgis.core import QgsCoordinateTransformContext

    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return path


# --- 1. outputs never touch inputs ----------------------------------------------------------


def test_runmodel_output_is_input_refused(run_alg, scene):
    before = sha256(scene)
    with pytest.raises(QgsProcessingException, match=r"OUTPUT .*same file as the input INPUT"):
        run_alg("satimpact:runmodel", {"INPUT": str(scene), "MODEL": NDVI, "OUTPUT": str(scene)})
    assert sha256(scene) == before


def test_output_through_symlink_and_relative_path_refused(run_alg, scene, tmp_path, monkeypatch):
    before = sha256(scene)
    link = tmp_path / "link.tif"
    link.symlink_to(scene)
    with pytest.raises(QgsProcessingException, match=r"same file as the input INPUT"):
        run_alg("satimpact:runmodel", {"INPUT": str(scene), "MODEL": NDVI, "OUTPUT": str(link)})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(QgsProcessingException, match=r"same file as the input INPUT"):
        run_alg("satimpact:runmodel", {"INPUT": str(scene), "MODEL": NDVI, "OUTPUT": "./sub/../scene.tif"})
    os.link(scene, tmp_path / "hard.tif")
    with pytest.raises(QgsProcessingException, match=r"same file as the input INPUT"):
        run_alg("satimpact:runmodel", {"INPUT": str(scene), "MODEL": NDVI, "OUTPUT": str(tmp_path / "hard.tif")})
    assert sha256(scene) == before


def test_output_is_a_vrt_source_refused(run_alg, scene, tmp_path):
    from osgeo import gdal

    vrt = tmp_path / "scene.vrt"
    gdal.BuildVRT(str(vrt), [str(scene)]).FlushCache()
    before = sha256(scene)
    with pytest.raises(QgsProcessingException, match=r"same file as the input INPUT"):
        run_alg("satimpact:runmodel", {"INPUT": str(vrt), "MODEL": NDVI, "OUTPUT": str(scene)})
    assert sha256(scene) == before


def test_output_is_the_model_file_refused(run_alg, scene, tmp_path):
    model = tmp_path / "ndvi.onnx"
    shutil.copy(NDVI, model)
    before = sha256(model)
    with pytest.raises(QgsProcessingException, match=r"same file as the input MODEL"):
        run_alg("satimpact:runmodel", {"INPUT": str(scene), "MODEL": str(model), "OUTPUT": str(model)})
    assert sha256(model) == before


def test_waterdetection_index_is_input_refused(run_alg, scene, tmp_path):
    out = tmp_path / "water.tif"
    with pytest.raises(QgsProcessingException, match=r"OUTPUT_INDEX .*same file as the input INPUT"), Guard(out, scene):
        run_alg(
            "satimpact:waterdetection",
            {"INPUT": str(scene), "MODEL": WATER, "OUTPUT": str(out), "OUTPUT_INDEX": str(scene)},
        )


def test_two_outputs_same_file_refused(run_alg, scene, tmp_path):
    out = tmp_path / "water.tif"
    with pytest.raises(QgsProcessingException, match=r"OUTPUT and OUTPUT_INDEX are the same file"), Guard(out, scene):
        run_alg(
            "satimpact:waterdetection",
            {"INPUT": str(scene), "MODEL": WATER, "OUTPUT": str(out), "OUTPUT_INDEX": str(out)},
        )


def test_greenratio_output_is_zones_refused(run_alg, scene, tmp_path):
    zones = zones_gpkg(scene, tmp_path)
    before = sha256(zones)
    with pytest.raises(QgsProcessingException, match=r"OUTPUT .*same file as the input ZONES"):
        run_alg("satimpact:greenratio", {"INPUT": str(scene), "ZONES": str(zones), "OUTPUT": str(zones)})
    assert sha256(zones) == before
    layer = QgsVectorLayer(str(zones), "z", "ogr")
    assert layer.isValid() and layer.featureCount() == 2
    del layer  # a layer alive at interpreter exit crashes QGIS 3.22's teardown (exit 139)


@pytest.mark.parametrize("name", ["ndvi.txt", "ndvi.gpkg", "ndvi"])
def test_raster_output_extension_must_be_tif(run_alg, scene, tmp_path, name):
    out = tmp_path / name
    with pytest.raises(QgsProcessingException, match=r"does not end with an extension of its format \(\.tif"):
        run_alg("satimpact:runmodel", {"INPUT": str(scene), "MODEL": NDVI, "OUTPUT": str(out)})
    assert not out.exists()


def test_vector_output_extension_checked(run_alg, scene, tmp_path):
    out = tmp_path / "green.tif"
    with pytest.raises(QgsProcessingException, match=r"OUTPUT: .* does not end with an extension of its format"):
        run_alg("satimpact:greenratio", {"INPUT": str(scene), "OUTPUT": str(out)})
    assert not out.exists()


# --- 2. no traceback reaches the analyst ----------------------------------------------------


def test_unexpected_exception_mid_run_is_a_message_and_leaves_nothing(run_alg, scene, tmp_path, monkeypatch):
    from satimpact.engine import raster

    calls = []
    real_write = raster.GeoTiffWriter.write

    def failing_write(self, array, window):
        calls.append(window)
        if len(calls) == 1:  # the hidden temporary file exists when it fails
            raise ZeroDivisionError("injected failure")
        return real_write(self, array, window)

    monkeypatch.setattr(raster.GeoTiffWriter, "write", failing_write)
    out = tmp_path / "ndvi.tif"
    with (
        pytest.raises(
            QgsProcessingException,
            match=r"internal error in satimpact:runmodel: ZeroDivisionError: "
            r"injected failure\. Please report it at https://",
        ),
        Guard(out, scene, NDVI),
    ):
        run_alg("satimpact:runmodel", {"INPUT": str(scene), "MODEL": NDVI, "OUTPUT": str(out)})
    assert len(calls) == 1


def test_failure_after_the_output_was_written_removes_it(run_alg, scene, tmp_path, monkeypatch):
    """The old code left a finished output behind (exit code 1) when styling it failed."""
    from satimpact.processing.algorithms import run_model

    def broken_style(*args):
        raise TypeError("injected: style values are not numbers")

    monkeypatch.setattr(run_model, "style_pseudocolor", broken_style)
    out = tmp_path / "ndvi.tif"
    with pytest.raises(QgsProcessingException, match=r"internal error .*TypeError: injected"), Guard(out, scene):
        run_alg("satimpact:runmodel", {"INPUT": str(scene), "MODEL": NDVI, "OUTPUT": str(out)})


def test_output_into_the_shipped_models_folder_refused(run_alg, scene):
    from satimpact.engine.registry import SHIPPED_DIR

    target = os.path.join(SHIPPED_DIR, "index_ndvi.onnx")
    before = sha256(target)
    for output in (target, os.path.join(SHIPPED_DIR, "ndvi_out.tif")):
        with pytest.raises(QgsProcessingException, match=r"OUTPUT .* is inside the shipped models folder"):
            run_alg("satimpact:runmodel", {"INPUT": str(scene), "MODEL": "index_ndvi", "OUTPUT": output})
    assert sha256(target) == before
    assert not os.path.exists(os.path.join(SHIPPED_DIR, "ndvi_out.tif"))
