"""Zone polygons read from a file without QGIS, for runs outside QGIS (the batch).

They are the zones satimpact:greenratio, floodchange and povertygrid get from their ZONES layer
(``ZoneTables.zones_from_source`` in processing/tables.py).

* **Files.** Whatever OGR reads through fiona: GeoPackage, Shapefile, GeoJSON ... A layer is
  chosen as QGIS writes a layer's source, ``path|layername=districts`` (or ``|layerid=N``);
  without it, the file's first layer, as QGIS opens it. A layer filter ``|subset=WHERE`` keeps
  the features it selects (OGR's attribute filter, as QGIS's OGR provider applies it).
* **The same zones as QGIS gives.** Features in the file's order with their OGR feature ids; a
  feature without geometry is an empty zone. Invalid polygons are made valid (GEOS MakeValid)
  in the file's CRS and only then reprojected, vertex by vertex with PROJ (pyproj), as
  ``QgsGeometry.makeValid`` and ``QgsGeometry.transform`` do; a zone already in the target CRS
  is not transformed at all (QGIS short-circuits that transform too).
* **Refused, with the parameter's name in the message:** a missing file or layer, a layer
  without a CRS (QGIS would take its coordinates as the raster's without a word), a layer of
  points or lines, a layer without features, a layer none of whose features is a polygon with
  an area.
* **Identity.** ``digest`` is a SHA-256 of what was read (layer, CRS, ids, attributes and
  geometries), so an edited zones file gives a new batch parameters hash while a copy or a
  ``touch`` does not; ``signature`` (sizes and modification times of the files behind the
  layer) tells cheaply whether a file may have changed since it was read.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
from dataclasses import dataclass, field

from .errors import EngineError
from .i18n import tr

# The parts of a shapefile a change to its features, attributes or CRS is written to.
_SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qpj")
# Geometry types as QGIS names them in its messages (QgsWkbTypes.geometryDisplayString).
_DISPLAY = {"Point": "Point", "LineString": "Line", "None": "No geometry"}


def split_source(spec: str) -> tuple[str, str | None, int | None, str | None]:
    """The file, layer name, layer index and filter of a QGIS-style source ``path|layername=x``.

    Args:
        spec: a path, optionally followed by ``|layername=NAME`` or ``|layerid=N`` and
            ``|subset=WHERE`` (the layer's filter, an OGR SQL condition, as QGIS writes it).

    Returns:
        tuple: (absolute path, layer name or None, layer index or None, filter or None).
    """
    path, *options = str(spec).strip().split("|")
    name = index = subset = None
    for option in options:
        key, _, value = option.partition("=")
        key = key.strip().lower()
        if key == "layername" and value.strip():
            name = value.strip()
        elif key == "layerid" and value.strip().isdigit():
            index = int(value.strip())
        elif key == "subset" and value.strip():
            subset = value.strip()
    return os.path.abspath(os.path.expanduser(path.strip())), name, index, subset


def source_files(path: str) -> list[str]:
    """The files behind a vector dataset: a shapefile's parts, a GeoPackage's write-ahead log."""
    stem, ext = os.path.splitext(path)
    if ext.lower() == ".shp":
        return sorted(
            p
            for p in glob.glob(glob.escape(stem) + ".*")
            if os.path.splitext(p)[1].lower() in _SHAPEFILE_PARTS and os.path.isfile(p)
        )
    return [p for p in (path, path + "-wal") if os.path.isfile(p)]


def signature(spec: str) -> tuple:
    """Sizes and modification times of the files behind ``spec`` (changes when one is written)."""
    path = split_source(spec)[0]
    out = []
    for p in source_files(path):
        st = os.stat(p)
        out.append((p, st.st_size, st.st_mtime_ns))
    return tuple(out)


@dataclass
class ZoneFile:
    """The features of a zone layer as read from its file, in the file's own CRS.

    Attributes:
        spec: the source, ``path`` or ``path|layername=NAME``, with an absolute path.
        path: the file.
        layer: the layer read.
        crs_wkt: the layer's CRS (WKT).
        ids: each feature's id (OGR FID, as QGIS's ``feature.id()``).
        attributes: each feature's attributes (field name -> value).
        fields: field name -> fiona type ("int", "float", "str", "date" ...), in the file's order.
        geometries: each feature's shapely geometry in ``crs_wkt`` (None: no geometry).
        digest: SHA-256 of the layer, its CRS and the features (hex).
        signature: ``signature(spec)`` when the file was read.
    """

    spec: str
    path: str
    layer: str
    crs_wkt: str
    ids: list[int]
    attributes: list[dict]
    fields: dict[str, str]
    geometries: list
    digest: str
    signature: tuple
    _projected: dict = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.ids)

    def check_numeric_field(self, name: str, parameter: str) -> None:
        """Refuse a field the zones lack, or one that does not hold numbers.

        Args:
            name: the field.
            parameter: the parameter that named it (POPULATION_FIELD), for the message.

        Raises:
            EngineError: no such field, or a field of text or dates.
        """
        if name not in self.fields:
            raise EngineError(
                tr("{0}: the zones have no field '{1}' (fields: {2})").format(parameter, name, ", ".join(self.fields))
            )
        kind = self.fields[name].split(":")[0]
        if kind not in ("int", "int32", "int64", "float"):
            raise EngineError(tr("{0}: the zones' field '{1}' holds {2}, not numbers").format(parameter, name, kind))

    def shapes_in(self, target_crs: str, make_valid: bool = True) -> list:
        """The zones' geometries in ``target_crs``, as ``zones_from_source`` gives them.

        Args:
            target_crs: the CRS the pixels are counted in (any pyproj input: WKT, "EPSG:32630").
            make_valid: make invalid polygons valid first (green ratio, flood change); the poverty
                grid takes them as they are.

        Returns:
            list: one shapely geometry per feature (an empty polygon for a feature without one).
        """
        from pyproj import CRS

        key = (CRS.from_user_input(target_crs).to_wkt(), make_valid)
        if key not in self._projected:
            if len(self._projected) >= 4:  # a batch over many UTM zones: keep the last few
                self._projected.clear()
            self._projected[key] = self._project(CRS.from_user_input(target_crs), make_valid)
        return self._projected[key]

    def _project(self, target, make_valid: bool) -> list:
        from pyproj import CRS, Transformer
        from shapely.geometry import Polygon
        from shapely.ops import transform
        from shapely.validation import make_valid as geos_make_valid

        source = CRS.from_wkt(self.crs_wkt)
        same = source == target or source.equals(target, ignore_axis_order=True)
        to_target = None if same else Transformer.from_crs(source, target, always_xy=True)
        out = []
        for geom in self.geometries:
            if geom is None or geom.is_empty:
                out.append(Polygon())
                continue
            if make_valid and not geom.is_valid:
                geom = geos_make_valid(geom)
            out.append(geom if to_target is None else transform(to_target.transform, geom))
        return out

    def engine_zones(self, target_crs: str) -> list:
        """The zones as ``engine.green.Zone`` (key: position in the file), as green ratio and flood change use."""
        from .green import Zone

        return [Zone(k, shape) for k, shape in enumerate(self.shapes_in(target_crs))]

    def zone_rings(self, target_crs: str) -> list:
        """(id, rings, a point on the surface) per zone in ``target_crs``, not made valid.

        What ``poverty_grid.zone_units`` takes: each zone's polygons as lists of rings of (x, y).
        """
        out = []
        for fid, geom in zip(self.ids, self.shapes_in(target_crs, make_valid=False)):
            if geom.is_empty:
                out.append((fid, [], (0.0, 0.0)))
                continue
            polygons = list(geom.geoms) if hasattr(geom, "geoms") else [geom]
            rings = [
                [[(x, y) for x, y, *_ in ring.coords] for ring in [p.exterior, *p.interiors]]
                for p in polygons
                if p.geom_type == "Polygon"
            ]
            anchor = geom.representative_point()  # GEOS PointOnSurface, as QgsGeometry.pointOnSurface
            out.append((fid, rings, (anchor.x, anchor.y)))
        return out

    def extent(self) -> tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) of the zones in the file's CRS."""
        bounds = [g.bounds for g in self.geometries if g is not None and not g.is_empty]
        if not bounds:
            return (0.0, 0.0, 0.0, 0.0)
        x0, y0, x1, y1 = zip(*bounds)
        return (min(x0), min(y0), max(x1), max(y1))

    def overlapping(self, target_crs: str, footprint, make_valid: bool = True) -> list[int]:
        """Positions of the zones that touch ``footprint`` (a shapely polygon in ``target_crs``)."""
        from shapely.prepared import prep

        area = prep(footprint)
        return [
            k for k, g in enumerate(self.shapes_in(target_crs, make_valid)) if not g.is_empty and area.intersects(g)
        ]


def _display_type(kind: str) -> str | None:
    """QGIS's name for a non-polygon geometry type; None for polygons or a generic type."""
    if "Polygon" in kind:
        return None
    for name, display in _DISPLAY.items():
        if name in kind:
            return display
    return None


def read_zones(spec: str, parameter: str = "ZONES") -> ZoneFile:
    """Read a zone layer and refuse what the tools cannot count in.

    Args:
        spec: the file, optionally ``path|layername=NAME`` or ``path|layerid=N``.
        parameter: the parameter's name, for the messages.

    Returns:
        ZoneFile: the features in the file's CRS, with their digest.

    Raises:
        EngineError: the file or layer is missing or unreadable, has no CRS, holds points or
            lines rather than polygons, has no feature, or none with a polygon of some area.
    """
    import fiona
    from shapely.geometry import shape

    path, name, index, subset = split_source(spec)
    if not os.path.exists(path):
        raise EngineError(tr("{0}: the zones file {1} was not found").format(parameter, path))
    before = signature(spec)
    try:
        layers = fiona.listlayers(path)
    except Exception as exc:
        raise EngineError(tr("{0}: cannot read {1} as a vector layer ({2})").format(parameter, path, exc)) from exc
    if name is not None and name not in layers:
        raise EngineError(
            tr("{0}: {1} has no layer '{2}' (layers: {3})").format(parameter, path, name, ", ".join(layers))
        )
    if name is None:
        if index is not None and index >= len(layers):
            raise EngineError(
                tr("{0}: {1} has no layer '{2}' (layers: {3})").format(parameter, path, index, ", ".join(layers))
            )
        name = layers[index or 0]
    label = name
    ids, attributes, geometries = [], [], []
    try:
        with fiona.open(path, layer=name) as src:
            crs_wkt = src.crs_wkt or ""
            kind = str(src.schema.get("geometry") or "None")
            fields = dict(src.schema.get("properties") or {})
            for feat in src.filter(where=subset) if subset else src:
                ids.append(int(feat.id))
                attributes.append(dict(feat.properties))
                geometries.append(shape(feat.geometry) if feat.geometry is not None else None)
    except EngineError:
        raise
    except Exception as exc:
        raise EngineError(tr("{0}: cannot read {1} as a vector layer ({2})").format(parameter, path, exc)) from exc
    display = _display_type(kind)
    if display is None and "Polygon" not in kind:  # a generic layer: what its features hold
        found = sorted({g.geom_type for g in geometries if g is not None} - {"Polygon", "MultiPolygon"})
        if found:
            display = _display_type(found[0]) or found[0]
    if display is not None:
        raise EngineError(
            tr("{0}: the layer '{1}' has {2} geometries; polygons are needed").format(parameter, label, display)
        )
    if not crs_wkt or _undefined_crs(crs_wkt):
        raise EngineError(
            tr(
                "{0}: the layer '{1}' ({2}) has no coordinate reference system; give the file one "
                "(in QGIS: set the layer's CRS, then save it as a GeoPackage)"
            ).format(parameter, label, path)
        )
    if not ids:
        raise EngineError(
            tr("{0}: the zone layer '{1}' has no feature; leave {0} empty for a grid of cells").format(parameter, label)
        )
    if not any(_has_area(g) for g in geometries):
        raise EngineError(no_polygon_message(parameter, len(ids), label))
    source = f"{path}|layername={name}" if len(layers) > 1 or "|" in str(spec) else path
    source += f"|subset={subset}" if subset else ""
    return ZoneFile(
        spec=source,
        path=path,
        layer=name,
        crs_wkt=crs_wkt,
        ids=ids,
        attributes=attributes,
        fields=fields,
        geometries=geometries,
        digest=_digest(f"{name}|{subset or ''}", crs_wkt, ids, attributes, geometries),
        signature=before,
    )


def _has_area(geom) -> bool:
    """Whether a zone is a polygon with an area once made valid (not NULL, empty or degenerate)."""
    from shapely.validation import make_valid

    if geom is None or geom.is_empty:
        return False
    return (geom if geom.is_valid else make_valid(geom)).area > 0


def no_polygon_message(parameter: str, count: int, layer: str) -> str:
    """The error for a zone layer none of whose features is a polygon with an area.

    The algorithms say the same (processing/tables.py).
    """
    return tr(
        "{0}: none of the {1} features of the zone layer '{2}' is a polygon with an area (their "
        "geometries are NULL, empty or degenerate); fix the geometries (Vector > Geometry Tools > "
        "Check Validity) or choose another layer"
    ).format(parameter, count, layer)


def _undefined_crs(wkt: str) -> bool:
    """Whether a CRS is a GeoPackage's "Undefined geographic/Cartesian SRS" (srs_id 0, -1): no CRS."""
    from pyproj import CRS

    try:
        return CRS.from_wkt(wkt).name.lower().startswith("undefined")
    except Exception:
        return False


def _digest(layer: str, crs_wkt: str, ids, attributes, geometries) -> str:
    digest = hashlib.sha256()
    digest.update(json.dumps([layer, crs_wkt]).encode())
    for fid, attrs, geom in zip(ids, attributes, geometries):
        digest.update(json.dumps([fid, attrs], sort_keys=True, default=str).encode())
        digest.update(b"\0" if geom is None else geom.wkb)
    return digest.hexdigest()
