"""What the series tools (waterseries, greenseries) share in the Processing layer: input
files and dates, the dated-input parameters, and layer styles. Zones and the result table
come from the base class (tables.py), as for every tool that writes a table."""

from __future__ import annotations

from qgis.core import QgsProcessing, QgsProcessingException

from ..engine.series import CHANGE_CLASSES, NODATA, series_dates, split_band_groups
from .common import raster_layer_path, tr


def input_dates(alg, parameters, context, scratch: str):
    """The INPUTS as dated inputs (sorted by date): files, or band groups of BANDS_PER_DATE bands
    (as VRTs in ``scratch``); DATES split on commas or semicolons."""
    layers = alg.parameterAsLayerList(parameters, "INPUTS", context)
    paths = [raster_layer_path(layer, "INPUTS") for layer in layers]
    per_date = alg.parameterAsInt(parameters, "BANDS_PER_DATE", context)
    if len(paths) < 2 and per_date <= 0:
        raise QgsProcessingException(tr("{0}: a time series needs at least two rasters").format("INPUTS"))
    text = alg.parameterAsString(parameters, "DATES", context) or ""
    given = [t.strip() for t in text.replace(";", ",").split(",") if t.strip()]
    names = None
    if per_date > 0:
        groups = split_band_groups(paths, per_date, scratch)
        paths, names = [g[0] for g in groups], [g[1] for g in groups]
    return series_dates(paths, given or None, names)


def dated_inputs_parameters(alg) -> None:
    """INPUTS, DATES and BANDS_PER_DATE (advanced): the dated rasters every series tool starts from."""
    from qgis.core import (
        QgsProcessingParameterDefinition,
        QgsProcessingParameterMultipleLayers,
        QgsProcessingParameterNumber,
        QgsProcessingParameterString,
    )

    alg.addParameter(
        QgsProcessingParameterMultipleLayers(
            alg.INPUTS, tr("Rasters of one area on different dates"), QgsProcessing.TypeRaster
        )
    )
    alg.addParameter(
        QgsProcessingParameterString(
            alg.DATES,
            tr("Dates, one per input in input order (e.g. 1985,1990 or 2019-08-31; empty: from tags or names)"),
            optional=True,
        )
    )
    param = QgsProcessingParameterNumber(
        "BANDS_PER_DATE",
        tr("Bands per date in multi-date files (0: one file per date; dates then from DATES)"),
        type=QgsProcessingParameterNumber.Type.Integer,
        minValue=0,
        defaultValue=0,
    )
    param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    alg.addParameter(param)


def series_band_map_parameter(alg) -> None:
    """BAND_MAP, given once for every date."""
    from qgis.core import QgsProcessingParameterString

    alg.addParameter(
        QgsProcessingParameterString(
            alg.BAND_MAP, tr("Band mapping for every date (e.g. green=2,nir=4; empty: automatic)"), optional=True
        )
    )


def write_series_rows(sink, fields, kept, zones, footprint, result, figures) -> None:
    """One row per zone and date: the zone's own fields (``kept``), zone id and name, the date,
    then ``figures(zone, date_index)``; without zones one zone, the common ``footprint``."""
    from .tables import add_row

    for z in range(result.zones):
        geometry = zones.features[z].geometry() if zones else footprint
        own = [zones.features[z].attributes()[i] for i in kept] if zones else []
        zone_id = int(zones.features[z].id()) if zones else 0
        for k, d in enumerate(result.dates):
            head = [zone_id, result.zone_names[z], qdate(d.date), d.label, d.name]
            add_row(sink, fields, geometry, own + head + figures(z, k))


def qdate(date):
    from qgis.PyQt.QtCore import QDate

    return QDate(date.year, date.month, date.day)


# --- styles ------------------------------------------------------------------------------------------


def style_series_table(field_name: str, ramp_name: str, maximum: float = 1.0):
    """Zones by ``field_name`` (0..maximum, five classes) and a temporal set-up on the ``date``
    field, so QGIS's temporal controller steps through the dates."""

    def apply(layer):
        from qgis.core import (
            QgsGraduatedSymbolRenderer,
            QgsRendererRange,
            QgsStyle,
            QgsSymbol,
            QgsVectorLayerTemporalProperties,
        )

        ramp = QgsStyle.defaultStyle().colorRamp(ramp_name)
        ranges = []
        for k in range(5):
            lower, upper = maximum * k / 5.0, maximum * (k + 1) / 5.0
            symbol = QgsSymbol.defaultSymbol(layer.geometryType())
            symbol.setColor(ramp.color((k + 0.5) / 5.0))
            symbol.setOpacity(0.8)
            ranges.append(QgsRendererRange(lower, upper, symbol, f"{100 * lower:.0f} - {100 * upper:.0f} %"))
        renderer = QgsGraduatedSymbolRenderer(field_name, ranges)
        renderer.setSourceColorRamp(ramp.clone())
        layer.setRenderer(renderer)
        temporal = layer.temporalProperties()
        temporal.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeInstantFromField)
        temporal.setStartField("date")
        temporal.setIsActive(True)

    return apply


def style_change_classes(layer) -> None:
    """The change classes with their names in the legend (never water transparent)."""
    from qgis.core import QgsPalettedRasterRenderer
    from qgis.PyQt.QtGui import QColor

    from ..engine.series_report import CHANGE_COLOURS

    labels = {
        0: tr("never water"),
        1: tr("permanent water"),
        2: tr("new water"),
        3: tr("lost water"),
        4: tr("seasonal water"),
    }
    classes = []
    for code, name in CHANGE_CLASSES.items():
        label = labels.get(code, name)
        colour = QColor(CHANGE_COLOURS[code][0])
        if code == 0:
            colour.setAlpha(0)
        classes.append(QgsPalettedRasterRenderer.Class(code, colour, label))
    renderer = QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes)
    layer.setRenderer(renderer)
    layer.dataProvider().setNoDataValue(1, NODATA)
