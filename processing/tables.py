"""Zones in, tables out: what every algorithm that reads a zone layer or writes a table of
figures shares (the pattern of QuickOSM's build_input.py). SatImpactAlgorithm inherits
ZoneTables, so an algorithm calls ``self.zones_from_source(...)``, ``self.qgs_fields_for(...)``
and ``self.table_sink(...)``; the parameters that go with them are in ``parameters.py``."""

from __future__ import annotations

import math

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsRectangle,
    QgsWkbTypes,
)

from ..engine.errors import EngineError
from ..engine.zone_file import no_polygon_message


def tr(text: str) -> str:
    from .common import tr as translate  # common imports this module

    return translate(text)


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


def grid_crs(epsg: int | None, wkt: str | None):
    """The CRS of an engine grid: its EPSG code where it has one, else its WKT."""
    from qgis.core import QgsCoordinateReferenceSystem

    return QgsCoordinateReferenceSystem(f"EPSG:{epsg}") if epsg else QgsCoordinateReferenceSystem.fromWkt(wkt)


class Zones:
    """The features of a zone layer and their geometries in the CRS the pixels are counted in.

    ``geometries[k]`` is feature k's geometry in that CRS (made valid; empty for a feature
    without geometry), ``names[k]`` its name (the name field, else "zone <id>")."""

    def __init__(self, source, features, geometries, names, layer_name: str = "", target_crs=None):
        self.source = source
        self.features = features
        self.geometries = geometries
        self.names = names
        self.layer_name = layer_name
        self.target_crs = target_crs

    def __len__(self) -> int:
        return len(self.features)

    def outside_of(self, raster_path: str, raster_name: str, feedback=None, parameter: str = "ZONES") -> list[str]:
        """The feature ids of the zones that do not touch the raster (its outline in the target
        CRS, as the batch checks it: engine/batch_zones.py), with a warning about them when
        ``feedback`` is given.

        Raises:
            QgsProcessingException: none of the zones touches it; the message names both layers
                with their extents and CRSs (a wrong CRS is the usual cause).
        """
        from shapely.prepared import prep
        from shapely.validation import make_valid

        from ..engine.batch_zones import crs_label, no_overlap_message, raster_extent_and_crs, raster_footprint

        crs = self.target_crs
        footprint = prep(
            raster_footprint(raster_path, crs.authid() or crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED))
        )
        outside = []
        for feat, shape in zip(self.features, self.shapely()):
            shape = shape if shape.is_valid else make_valid(shape)
            if shape.is_empty or not footprint.intersects(shape):
                outside.append(str(feat.id()))
        if len(outside) == len(self.features):
            extent = QgsRectangle()  # of the features read, in the zones' own CRS
            extent.setMinimal()
            for feat in self.features:
                if feat.hasGeometry():
                    extent.combineExtentWith(feat.geometry().boundingBox())
            zones_crs = self.source.sourceCrs()
            raster_extent, raster_crs = raster_extent_and_crs(raster_path)
            raise QgsProcessingException(
                no_overlap_message(
                    parameter,
                    len(self.features),
                    self.layer_name,
                    (
                        (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()),
                        zones_crs.authid() or crs_label(zones_crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED)),
                    ),
                    raster_name,
                    (raster_extent, raster_crs),
                )
            )
        if outside and feedback is not None:
            feedback.pushWarning(
                tr(
                    "{0} of {1} zone(s) do not overlap the raster '{2}': nothing is counted in them "
                    "(valid share 0; feature ids {3}{4})"
                ).format(
                    len(outside),
                    len(self.features),
                    raster_name,
                    ", ".join(outside[:20]),
                    " ..." if len(outside) > 20 else "",
                )
            )
        return outside

    def shapely(self) -> list:
        """The geometries as shapely shapes (an empty polygon for a feature without geometry)."""
        from shapely import wkb
        from shapely.geometry import Polygon

        return [Polygon() if g.isNull() or g.isEmpty() else wkb.loads(bytes(g.asWkb())) for g in self.geometries]

    def engine_zones(self) -> list:
        """The geometries as engine.green.Zone (numbered in layer order), as the green ratio and
        flood change count them."""
        from ..engine.green import Zone

        return [Zone(k, shape) for k, shape in enumerate(self.shapely())]


class ZoneTables:
    """Mixin of SatImpactAlgorithm: zone layers in, attribute tables out."""

    def zones_from_source(
        self,
        parameters,
        name: str,
        target_crs,
        context,
        feedback,
        name_field: str = "",
        without: str = "grid",
        make_valid: bool = True,
    ) -> Zones | None:
        """The zone layer of parameter ``name`` with its geometries in ``target_crs`` (None: no
        zones given). ``name_field`` names the zones; ``without``: what the tool does without
        zones ("grid": a grid of cells, "footprint": the common footprint), for the message
        refusing a layer without features.

        Refused with a message naming the layer: a layer without a valid CRS (its coordinates
        would silently be taken as ``target_crs``'s), without features, or with none that is a
        polygon with an area."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            return None
        layer_name = _layer_name(self, parameters, name, context)
        if not source.sourceCrs().isValid():
            raise QgsProcessingException(
                tr(
                    "{0}: the zone layer '{1}' has no coordinate reference system, so its coordinates "
                    "cannot be placed on the raster; set its CRS (Layer Properties > Source) and run again"
                ).format(name, layer_name)
            )
        if name_field and source.fields().lookupField(name_field) < 0:
            raise EngineError(
                tr("{0}: the zones have no field '{1}' (fields: {2})").format(
                    "ZONE_NAME_FIELD", name_field, ", ".join(source.fields().names())
                )
            )
        to_target = QgsCoordinateTransform(source.sourceCrs(), target_crs, context.transformContext())
        features, geometries, names, with_area = [], [], [], 0
        for feat in source.getFeatures():
            if feedback.isCanceled():
                raise QgsProcessingException(tr("cancelled by the user"))
            geom = QgsGeometry(feat.geometry())
            features.append(feat)
            names.append(str(feat[name_field]) if name_field else f"zone {feat.id()}")
            with_area += _has_area(geom)  # in the layer's own CRS, whatever the transform gives
            if not (geom.isNull() or geom.isEmpty()):
                if make_valid and not geom.isGeosValid():
                    geom = geom.makeValid()
                geom = _transformed(geom, to_target)
            geometries.append(geom)
        if not features and without == "footprint":
            raise EngineError(
                tr("{0}: the zone layer has no feature; leave {0} empty for the common footprint").format(name)
            )
        if not features:
            raise EngineError(
                tr("{0}: the zone layer '{1}' has no feature; leave {0} empty for a grid of cells").format(
                    name, layer_name
                )
            )
        if not with_area:
            raise EngineError(no_polygon_message(name, len(features), layer_name))
        return Zones(source, features, geometries, names, layer_name, target_crs)

    def qgs_fields_for(self, result_fields, zones: Zones | None = None, id_fields=(), feedback=None):
        """The fields of a result table and the zone fields it keeps: ``(fields, kept)``.

        With zones: the zones' own fields first (those named like a result field are replaced,
        with a warning), then ``result_fields``; without: ``id_fields`` (e.g. cell_id, col, row)
        then ``result_fields``. Both are sequences of (name, kind) as in ``qgs_field``."""
        fields = QgsFields()
        kept = []
        if zones is not None:
            taken = {n for n, _ in result_fields}
            for i, f in enumerate(zones.source.fields()):
                if f.name() in taken:
                    if feedback is not None:
                        feedback.pushWarning(
                            tr("The zones' field '{0}' is replaced by this tool's figure").format(f.name())
                        )
                    continue
                fields.append(f)
                kept.append(i)
        else:
            for n, kind in id_fields:
                fields.append(qgs_field(n, kind))
        for n, kind in result_fields:
            fields.append(qgs_field(n, kind))
        return fields, kept

    def table_sink(
        self, parameters, name: str, context, fields, zones: Zones | None, crs, multi: bool = False, optional=False
    ):
        """The sink of output ``name``: ``(sink, dest_id)``, in the zones' CRS and geometry type,
        else in ``crs`` as polygons (multi-polygons with ``multi``). An optional output left out
        gives ``(None, None)``; a sink that cannot be made is an error naming it."""
        if zones is not None:
            crs, wkb_type = zones.source.sourceCrs(), QgsWkbTypes.multiType(zones.source.wkbType())
        else:
            wkb_type = QgsWkbTypes.MultiPolygon if multi else QgsWkbTypes.Polygon
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None and not (optional and parameters.get(name) in (None, "")):
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        return sink, dest_id


def _layer_name(alg, parameters, name: str, context) -> str:
    """The name the analyst knows the layer of parameter ``name`` by (a file: its name)."""
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    return layer.name() if layer is not None else str(parameters.get(name))


def _has_area(geom: QgsGeometry) -> bool:
    """Whether a zone is a polygon with an area once made valid (not NULL, empty or degenerate)."""
    if geom.isNull() or geom.isEmpty():
        return False
    return (geom if geom.isGeosValid() else geom.makeValid()).area() > 0


def _transformed(geom: QgsGeometry, transform) -> QgsGeometry:
    """``geom`` in the target CRS; an empty geometry where PROJ cannot transform it (coordinates
    that do not fit the layer's CRS, such as metres in a layer said to be in degrees): such a
    zone is nowhere on the raster, and ``Zones.outside_of`` reports it with both extents."""
    try:
        geom.transform(transform)
    except QgsCsException:
        return QgsGeometry()
    box = geom.boundingBox()
    if not all(math.isfinite(v) for v in (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())):
        return QgsGeometry()
    return geom


def add_row(sink, fields, geometry: QgsGeometry | None, attributes: list, multi: bool = True) -> None:
    """One feature into a table sink (None: no geometry). Zone geometries are made multi-part,
    as the sink of zones is; grid cells (``multi=False``) stay polygons."""
    out = QgsFeature(fields)
    if geometry is not None and not geometry.isNull():
        geom = QgsGeometry(geometry)
        if multi:
            geom.convertToMultiType()
        out.setGeometry(geom)
    out.setAttributes(attributes)
    sink.addFeature(out, QgsFeatureSink.FastInsert)
