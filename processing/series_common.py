"""What the series tools (waterseries, greenseries) share in the Processing layer: input
files and dates, zones as shapely polygons, the per-zone-per-date table, and layer styles."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsWkbTypes,
)

from ..engine.errors import EngineError
from ..engine.series import CHANGE_CLASSES, NODATA, series_dates, split_band_groups
from .common import raster_layer_path, tr


def qgs_field(name: str, kind: str) -> QgsField:
    """A QgsField of kind double, int, string or date (QMetaType on QGIS >= 3.38, QVariant before)."""
    if Qgis.versionInt() >= 33800:
        from qgis.PyQt.QtCore import QMetaType

        types = {
            "double": QMetaType.Type.Double,
            "int": QMetaType.Type.Int,
            "string": QMetaType.Type.QString,
            "date": QMetaType.Type.QDate,
        }
    else:
        from qgis.PyQt.QtCore import QVariant

        types = {"double": QVariant.Double, "int": QVariant.Int, "string": QVariant.String, "date": QVariant.Date}
    return QgsField(name, types[kind])


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


def zones_from_source(source, target_crs, context, name_field: str, feedback):
    """Features, shapely polygons (in ``target_crs``) and names of a zone layer (None: no zones)."""
    from shapely import wkb
    from shapely.geometry import Polygon

    if source is None:
        return [], [], []
    if name_field and source.fields().lookupField(name_field) < 0:
        raise EngineError(
            f"ZONE_NAME_FIELD: the zones have no field '{name_field}' (fields: {', '.join(source.fields().names())})"
        )
    to_target = QgsCoordinateTransform(source.sourceCrs(), target_crs, context.transformContext())
    features, geoms, names = [], [], []
    for feat in source.getFeatures():
        if feedback.isCanceled():
            raise QgsProcessingException(tr("cancelled by the user"))
        geom = QgsGeometry(feat.geometry())
        features.append(feat)
        names.append(str(feat[name_field]) if name_field else f"zone {feat.id()}")
        if geom.isNull() or geom.isEmpty():
            geoms.append(Polygon())
            continue
        if not geom.isGeosValid():
            geom = geom.makeValid()
        geom.transform(to_target)
        geoms.append(wkb.loads(bytes(geom.asWkb())))
    if not features:
        raise EngineError("ZONES: the zone layer has no feature; leave ZONES empty for the common footprint")
    return features, geoms, names


def table_sink(alg, parameters, name, context, zone_source, result_fields, footprint_crs):
    """The output sink: the zones' own fields (if any) then ``result_fields`` [(name, kind)]."""
    fields = QgsFields()
    taken = {n for n, _ in result_fields}
    kept = []
    if zone_source is not None:
        for i, f in enumerate(zone_source.fields()):
            if f.name() not in taken:
                fields.append(f)
                kept.append(i)
        crs, wkb_type = zone_source.sourceCrs(), QgsWkbTypes.multiType(zone_source.wkbType())
    else:
        crs, wkb_type = footprint_crs, QgsWkbTypes.MultiPolygon
    for n, kind in result_fields:
        fields.append(qgs_field(n, kind))
    sink, dest_id = alg.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
    if sink is None:
        raise QgsProcessingException(alg.invalidSinkError(parameters, name))
    return sink, dest_id, fields, kept


def add_row(sink, fields, geometry: QgsGeometry | None, attributes: list) -> None:
    """One feature (multi-part geometry) into the sink."""
    out = QgsFeature(fields)
    if geometry is not None and not geometry.isNull():
        geom = QgsGeometry(geometry)
        geom.convertToMultiType()
        out.setGeometry(geom)
    out.setAttributes(attributes)
    sink.addFeature(out, QgsFeatureSink.FastInsert)


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

    classes = []
    for code, label in CHANGE_CLASSES.items():
        colour = QColor(CHANGE_COLOURS[code][0])
        if code == 0:
            colour.setAlpha(0)
        classes.append(QgsPalettedRasterRenderer.Class(code, colour, label))
    renderer = QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes)
    layer.setRenderer(renderer)
    layer.dataProvider().setNoDataValue(1, NODATA)
