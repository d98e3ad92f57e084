"""Styles for the shipped workflows' outputs, which QGIS loads without the tools' own
post-processing: Processing's "rendering styles" (the toolbox's *Edit Rendering Styles for
Outputs*) map each model output to a QML file. The QML files are written at start into the
profile from the tools' own style functions, so a workflow's layers look like the tools'.
"""

from __future__ import annotations

import os

from qgis.core import QgsApplication, QgsVectorLayer


def tr(text: str) -> str:
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate("SatImpact", text)


def _polygons(fields: str) -> QgsVectorLayer:
    return QgsVectorLayer(f"Polygon?crs=EPSG:3857&{fields}", "style", "memory")


def _percentile_classes(layer) -> None:
    """Development score percentiles in five fixed classes (red least, blue most), NULL outlined."""
    from qgis.core import QgsGraduatedSymbolRenderer, QgsRendererRange, QgsStyle, QgsSymbol

    from ..processing.result_styles import null_outline_rule

    ramp = QgsStyle.defaultStyle().colorRamp("RdYlBu")
    names = [tr("least developed"), tr("less developed"), tr("middle"), tr("more developed"), tr("most developed")]
    ranges = []
    for k in range(5):
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(ramp.color((k + 0.5) / 5))
        symbol.setOpacity(0.75)
        label = tr("{0} (percentile {1}-{2})").format(names[k], 20 * k, 20 * (k + 1))
        ranges.append(QgsRendererRange(20.0 * k, 20.0 * (k + 1), symbol, label))
    layer.setRenderer(null_outline_rule(QgsGraduatedSymbolRenderer("score_percentile", ranges), "score_percentile"))


def _priority(layer) -> None:
    from ..processing.water_styles import CANDIDATE_MAGENTA, style_outline

    style_outline(CANDIDATE_MAGENTA, 1.2, 60)(layer)


def _change_raster(folder: str):
    """A one-pixel GeoTIFF to write the change classes' paletted style from."""
    from osgeo import gdal, osr

    path = os.path.join(folder, "one_pixel.tif")
    if not os.path.exists(path):
        ds = gdal.GetDriverByName("GTiff").Create(path, 1, 1, 1, gdal.GDT_Byte)
        ds.SetGeoTransform((0, 1, 0, 1, 0, -1))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(3857)
        ds.SetProjection(srs.ExportToWkt())
        ds = None
    from qgis.core import QgsRasterLayer

    return QgsRasterLayer(path, "style")


def workflow_styles(folder: str) -> dict[str, dict[str, str]]:
    """{algorithm id: {model output name: QML path}}, the QML files written into ``folder``."""
    from ..processing.algorithms.flood_change import style_change_classes, style_damaged_cells
    from ..processing.algorithms.green_ratio import style_green_ratio

    os.makedirs(folder, exist_ok=True)
    green_fields = "field=green_ratio:double&field=green_m2_per_person:double"
    cells = "field=damaged:integer&field=flooded_share:double"
    specs = {
        "satimpact:Flood impact on poverty": {
            "flood:flood_change": (lambda: _change_raster(folder), style_change_classes),
            "flood:flood_cells": (lambda: _polygons(cells), style_damaged_cells(0.1)),
            "poverty:cells_scored": (lambda: _polygons("field=score_percentile:double"), _percentile_classes),
            "poor_and_flooded:poor_and_flooded": (lambda: _polygons("field=score:double"), _priority),
        },
        "satimpact:Green space per person by district": {
            "ranked:districts_green": (lambda: _polygons(green_fields), style_green_ratio),
        },
        "satimpact:Green space per person by district over years": {
            "per_person:districts_green_by_year": (lambda: _polygons(green_fields), style_green_ratio),
        },
    }
    styles: dict[str, dict[str, str]] = {}
    for alg_id, outputs in specs.items():
        for output, (make_layer, style) in outputs.items():
            layer = make_layer()
            style(layer)
            path = os.path.join(folder, f"{alg_id.split(':', 1)[1]} - {output.replace(':', '_')}.qml")
            layer.saveNamedStyle(path)
            styles.setdefault(alg_id, {})[output] = path
    return styles


def register_workflow_styles() -> dict[str, dict[str, str]]:
    """Writes the QMLs into <profile>/satimpact/styles and tells Processing to use them
    (in memory only: the user's own saved rendering styles file is not rewritten)."""
    from processing.gui.RenderingStyles import RenderingStyles

    folder = os.path.join(QgsApplication.qgisSettingsDirPath(), "satimpact", "styles")
    styles = workflow_styles(folder)
    for alg_id, outputs in styles.items():
        for output, path in outputs.items():
            RenderingStyles.styles.setdefault(alg_id, {}).setdefault(output, path)
    return styles
