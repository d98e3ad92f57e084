"""ZONES in a batch (engine/batch.py): the grid tools count in the user's zones instead of a grid.

* **Read once, checked up front.** ``prepare`` reads the zones file in the process that starts
  the batch and refuses what the tools cannot count in (engine/zone_file.py: a missing file or
  layer, no CRS, points or lines, no feature or none with a polygon of some area;
  POPULATION_FIELD missing or not numeric;
  OUTPUT_RASTER with zones), before any item runs. It adds the zones' digest to the parameters,
  so the parameters hash (and every output name) changes when the zones file is edited.
* **Once per worker.** Each worker process reads the file once and keeps it (``zones_for``),
  and reads it again only if the file changed on disk; zones whose digest is no longer the one
  the batch was started with fail the item rather than being counted under the old hash.
* **Per item, as the algorithm.** Zones are reprojected to the CRS the algorithm counts in (the
  raster's for green ratio, BEFORE's for flood change, the metric CRS of the poverty grid) by the
  same rules (``ZoneFile.shapes_in``). An item whose raster no zone touches fails with the
  algorithms' message (``no_overlap_message``: both extents and CRSs); zones outside a raster that
  others touch get the algorithm's empty figures.
* **Rows.** One row per zone in the zones' own CRS and geometry, with ``zone_id`` (the feature
  id), the zones' own fields (a field named like a figure is replaced by it, as in the
  algorithm; one named ``zone_id`` is kept as ``zone_zone_id``) and the algorithm's figures.
  In the combined table a zone field named like one of the table's own columns
  (``TABLE_COLUMNS``) is kept as ``zone_<name>`` (``table_renames``); the log says so before
  the run (``field_notes``).
"""

from __future__ import annotations

import os
import uuid

from .change import FIGURES as FLOOD_FIGURES
from .errors import EngineError
from .geo import footprint
from .green import FIGURES as GREEN_FIGURES
from .i18n import tr
from .zone_file import ZoneFile, read_zones, signature

ZONE_TOOLS = ("greenratio", "floodchange", "povertygrid")
# The zones' digest, added to the parameters by ``prepare`` (never given by the user: the tools
# do not take it, so check_parameters refuses it).
DIGEST = "ZONES_SHA256"
LAYER = "zones"

# The columns the combined table (engine/batch.py write_table) gives every row; a zone field of
# the same name is kept under another name (``table_renames``) rather than overwritten.
TABLE_COLUMNS = ("input", "label", "date", "tool", "parameters_hash")
# The column each item's table gives every zone: its feature id.
ZONE_ID = "zone_id"

# The figures per zone of each tool, as its algorithm names them (RESULT_FIELDS in
# processing/algorithms/; a test compares them): what a zone field of the same name gives way to.
# Green ratio's and flood change's are their engine modules' own FIGURES (imported above).
POVERTY_FIGURES = ("score", "score_percentile", "valid_share", "chips", "chips_scored")
# Integer figures that may be NULL (flood change: a zone or cell without a valid pixel); pandas
# would turn such a column into floats, its nullable Int64 keeps it an integer field.
NULLABLE_INT_FIGURES = ("damaged",)
# Real figures that may be NULL (a zone or cell without a clear pixel, or without a scored
# chip); a column of None only would be written as a text field, so it is made a float column first.
NULLABLE_REAL_FIGURES = (
    "green_ratio",
    "green_area_m2",
    "cloud_area_m2",
    "water_area_m2",
    "green_m2_per_person",
    "flooded_area_m2",
    "flooded_share",
    "permanent_water_share",
    "receded_share",
    "score",
    "score_percentile",
)

# Zone files read in this process (the client, or a worker), by source.
_READ: dict[str, ZoneFile] = {}


def _value(params: dict, key: str) -> str | None:
    value = params.get(key)
    value = None if value is None else str(value).strip()
    return value or None


def prepare(tool: str, params: dict, outputs: dict | None = None) -> dict:
    """Check ZONES (and what goes with it) once, before any item runs.

    Args:
        tool: the tool's id.
        params: the tool's parameters, already checked by name.
        outputs: output name -> path of files the batch writes whole (OUTPUT_TABLE), which must
            not be the zones file.

    Returns:
        dict: the parameters, with ZONES as an absolute source and the zones' digest added
        (unchanged without ZONES).

    Raises:
        EngineError: a zones file the tools cannot count in, POPULATION_FIELD without ZONES or
            not a numeric field of the zones, OUTPUT_RASTER with ZONES, an output that is the
            zones file.
    """
    spec = _value(params, "ZONES")
    population = _value(params, "POPULATION_FIELD")
    if population and not spec:
        raise EngineError(
            tr("{0} needs {1}: population figures belong to zones, not to grid cells").format(
                "POPULATION_FIELD", "ZONES"
            )
        )
    if not spec or tool not in ZONE_TOOLS:
        return params
    if tool == "povertygrid" and (_value(params, "OUTPUT_RASTER") or "").lower() in ("1", "true", "yes", "on"):
        raise EngineError(
            tr("OUTPUT_RASTER is a raster of grid cells; with ZONES there is no grid: leave OUTPUT_RASTER empty")
        )
    zones = read_zones(spec)
    for name, path in (outputs or {}).items():
        if path and os.path.exists(path) and os.path.samefile(path, zones.path):
            raise EngineError(
                tr(
                    "{0} ({1}) is the same file as the input {2} ({3}); writing it would destroy the input. "
                    "Choose another output name"
                ).format(name, path, "ZONES", zones.path)
            )
    if population:
        zones.check_numeric_field(population, "POPULATION_FIELD")
    _READ[zones.spec] = zones  # a serial run in this process reads it only once
    return {**params, "ZONES": zones.spec, DIGEST: zones.digest}


def zones_for(params: dict) -> ZoneFile | None:
    """The zones of a batch on a worker: read once per process (again only if the file changed).

    Args:
        params: the task's parameters (``prepare``'s).

    Returns:
        ZoneFile | None: the zones, None without ZONES.

    Raises:
        EngineError: the file can no longer be read, or its zones are not those the batch was
            started with.
    """
    spec = _value(params, "ZONES")
    if not spec:
        return None
    zones = _READ.get(spec)
    if zones is None or zones.signature != signature(spec):
        if len(_READ) > 8:
            _READ.clear()
        zones = _READ[spec] = read_zones(spec)
    expected = _value(params, DIGEST)
    if expected and zones.digest != expected:
        raise EngineError(
            tr("{0}: {1} changed after the batch started; run the batch again to count in the new zones").format(
                "ZONES", zones.path
            )
        )
    return zones


def _renames(columns, own) -> dict[str, str]:
    """The ``columns`` named like one of ``own``, and the free ``zone_<name>`` each is kept as."""
    taken = set(columns) | set(own)
    renames = {}
    for name in columns:
        if name in own:
            new, n = f"zone_{name}", 2
            while new in taken:
                new, n = f"zone_{name}_{n}", n + 1
            taken.add(new)
            renames[name] = new
    return renames


def table_renames(columns) -> dict[str, str]:
    """The zone fields named like a column of the combined table, and the names they keep there.

    Args:
        columns: the columns of an item's table (the zones' fields, ``zone_id``, the figures).

    Returns:
        dict: field -> ``zone_<field>`` (``zone_<field>_2`` ... where that name is taken too).
    """
    return _renames(columns, TABLE_COLUMNS)


def item_renames(fields) -> dict[str, str]:
    """The zone fields named like the column each item's table adds (``zone_id``), and their names.

    A zone field ``zone_id`` is kept as ``zone_zone_id`` (``zone_zone_id_2`` where that is taken).
    """
    return _renames(fields, (ZONE_ID,))


def figure_names(tool: str, params: dict) -> tuple[str, ...]:
    """The figures ``tool`` writes per zone (its algorithm's result fields), in order."""
    if tool == "greenratio":
        per_person = ("green_m2_per_person",) if _value(params, "POPULATION_FIELD") else ()
        return (*GREEN_FIGURES, *per_person, "season_warning")
    return {"floodchange": FLOOD_FIGURES, "povertygrid": POVERTY_FIGURES}.get(tool, ())


def field_notes(tool: str, params: dict, table: bool) -> list[str]:
    """What the log says up front about zone fields replaced or kept under another name.

    Fields named like one of the tool's figures are replaced by it, as the algorithm does (and
    says); a field named ``zone_id`` is kept in each item's table as ``zone_zone_id`` and, with
    a combined table, one named like its columns as ``zone_<name>`` (``table_renames``).
    """
    zones = zones_for(params)
    if zones is None:
        return []
    figures = set(figure_names(tool, params))
    notes = [
        tr("The zones' field '{0}' is replaced by this tool's figure").format(name)
        for name in zones.fields
        if name in figures
    ]
    in_items = item_renames(list(zones.fields))
    notes += [
        tr(
            "{0}: the zones' field '{1}' is named like the batch's own column (the feature id); it is kept as '{2}'"
        ).format("ZONES", old, new)
        for old, new in in_items.items()
    ]
    if table:
        columns = [ZONE_ID, *(in_items.get(f, f) for f in zones.fields)]
        notes += [
            tr(
                "{0}: the zones' field '{1}' is named like the combined table's own column; it is kept there as '{2}'"
            ).format("ZONES", old, new)
            for old, new in table_renames(columns).items()
        ]
    return notes


def raster_footprint(path: str, crs: str, samples: int = 21):
    """The raster's outline (densified) in ``crs``, as a shapely polygon (``geo.footprint``)."""
    import rasterio

    with rasterio.open(path) as ds:
        if ds.crs is None:
            raise EngineError(tr("{path} has no coordinate reference system").format(path=path))
        outline = footprint(ds.crs, ds.transform, ds.width, ds.height, crs, samples)
    return outline.buffer(0)


def crs_label(crs) -> str:
    """A CRS as an analyst knows it: its authority code (EPSG:32630), else its name."""
    from pyproj import CRS

    try:
        crs = CRS.from_user_input(crs)
    except Exception:
        return str(crs)[:80]
    code = crs.to_authority(min_confidence=90)
    return f"{code[0]}:{code[1]}" if code else crs.name


def raster_extent_and_crs(path: str) -> tuple[tuple, str]:
    """A raster's extent (xmin, ymin, xmax, ymax) and CRS label, in its own CRS."""
    import rasterio

    with rasterio.open(path) as ds:
        return tuple(ds.bounds), crs_label(ds.crs.to_wkt()) if ds.crs else "?"


def _extent_text(extent) -> str:
    """xmin,ymin : xmax,ymax as QGIS writes an extent (degrees to 6 decimals, metres to 1)."""
    decimals = 6 if all(abs(v) <= 360 for v in extent) else 1
    x0, y0, x1, y1 = (f"{v:.{decimals}f}" for v in extent)
    return f"{x0},{y0} : {x1},{y1}"


def no_overlap_message(parameter: str, count: int, zones_name: str, zones_where, raster_name: str, raster_where) -> str:
    """The error when none of the zones overlaps the raster, in the batch and in the algorithms.

    The same words in both (processing/tables.py), with both extents and CRSs, since the usual
    cause is a wrong CRS on one of the layers.

    Args:
        parameter: the zones' parameter (ZONES).
        count: how many zones there are.
        zones_name: the zone layer or file.
        zones_where: (extent, CRS label) of the zones, in their own CRS.
        raster_name: the raster layer or file.
        raster_where: (extent, CRS label) of the raster, in its own CRS.
    """
    return tr(
        "{0}: none of the {1} zones of '{2}' overlaps '{3}': check that the zones and the raster cover the "
        "same place (zones: {4} in {5}; raster: {6} in {7}); the usual cause is a wrong CRS on one of them"
    ).format(
        parameter,
        count,
        zones_name,
        raster_name,
        _extent_text(zones_where[0]),
        zones_where[1],
        _extent_text(raster_where[0]),
        raster_where[1],
    )


class ItemZones:
    """The batch's zones for one item: in the CRS its tool counts in, checked against its raster.

    Args:
        zones: the zones file.
        crs: the CRS the tool counts in.
        raster: the raster (flood change: BEFORE) the zones must touch.
        make_valid: as the tool (False for the poverty grid).

    Raises:
        EngineError: no zone touches the raster.
    """

    def __init__(self, zones: ZoneFile, crs: str, raster: str, make_valid: bool = True):
        self.file, self.crs = zones, crs
        touching = zones.overlapping(crs, raster_footprint(raster, crs), make_valid)
        if not touching:
            raster_extent, raster_crs = raster_extent_and_crs(raster)
            raise EngineError(
                no_overlap_message(
                    "ZONES",
                    len(zones),
                    os.path.basename(zones.path),
                    (zones.extent(), crs_label(zones.crs_wkt)),
                    os.path.basename(raster),
                    (raster_extent, raster_crs),
                )
            )
        self.outside = len(zones) - len(touching)

    def engine_zones(self) -> list:
        """``engine.green.Zone`` per feature (green ratio, flood change)."""
        return self.file.engine_zones(self.crs)

    def zone_rings(self) -> list:
        """(id, rings, point on surface) per feature (poverty grid's ``zone_units``)."""
        return self.file.zone_rings(self.crs)

    def counts(self) -> dict:
        """Figures for the manifest: zones counted in, and those outside the raster."""
        return {"zones": len(self.file), "zones_outside": self.outside}

    def write(self, path: str, figures: list[dict]) -> None:
        """One row per zone into a GeoPackage (layer ``zones``), written to a temporary name first.

        Fields: ``zone_id``, the zones' own fields (those named like a figure are replaced by
        it, one named ``zone_id`` is kept as ``zone_zone_id``), then the figures; the zones'
        geometries in their own CRS.
        """
        import geopandas as gpd

        zones = self.file
        renamed = item_renames(list(zones.fields))  # a zone field zone_id is kept, as zone_zone_id
        taken = {"geometry"} | (set(figures[0]) if figures else set())
        kept = [f for f in zones.fields if f not in taken]
        rows = [
            {ZONE_ID: fid, **{renamed.get(f, f): attrs.get(f) for f in kept}, **row}
            for fid, attrs, row in zip(zones.ids, zones.attributes, figures)
        ]
        frame = gpd.GeoDataFrame(rows, geometry=list(zones.geometries), crs=zones.crs_wkt)
        frame = typed_figures(frame, taken)
        tmp = os.path.join(os.path.dirname(path), f".{uuid.uuid4().hex[:8]}.part.gpkg")
        frame.to_file(tmp, driver="GPKG", layer=LAYER)
        os.replace(tmp, path)


def typed_figures(frame, figures):
    """``frame`` with its nullable figures typed (NULL stays NULL, the field keeps its type).

    Those of ``figures`` that are NULLABLE_INT_FIGURES become nullable integers, those that are
    NULLABLE_REAL_FIGURES floats (NULL: NaN).
    """
    wanted = {c: "Int64" for c in NULLABLE_INT_FIGURES if c in figures and c in frame.columns}
    wanted.update({c: "float64" for c in NULLABLE_REAL_FIGURES if c in figures and c in frame.columns})
    return frame.astype(wanted) if wanted else frame


def _population(value) -> float | None:
    """A population figure as a number (None: empty, NaN or not a number)."""
    try:
        value = None if value is None else float(value)
    except (TypeError, ValueError):
        return None
    return None if value is not None and value != value else value


def green_figures(zones: ZoneFile, result, population_field: str | None, season: str | None) -> list[dict]:
    """satimpact:greenratio's figures per zone (green_m2_per_person with a population field).

    None (NULL) where a zone holds no clear pixel (``green.ZoneStats.figures``).
    """
    out = []
    for k, attrs in enumerate(zones.attributes):
        stats = result.stats[k]
        row = stats.figures()
        if population_field:
            row["green_m2_per_person"] = stats.green_m2_per_person(_population(attrs.get(population_field)))
        row["season_warning"] = season
        out.append(row)
    return out


def flood_figures(result, threshold: float) -> list[dict]:
    """satimpact:floodchange's figures per zone (None where a zone holds no valid pixel)."""
    return [cell.figures(threshold) for cell in result.cells]


def poverty_figures(results, pct) -> list[dict]:
    """satimpact:povertygrid's figures per zone."""
    return [
        {
            "score": res.score,
            "score_percentile": pct[k],
            "valid_share": res.valid_share,
            "chips": res.chips,
            "chips_scored": res.chips_scored,
        }
        for k, res in enumerate(results)
    ]
