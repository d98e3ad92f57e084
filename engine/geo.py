"""Shared geography: CRS choice, true pixel areas, snapped grids, tiling windows, valid pixels.

One concept per module (as rasterio's ``windows.py``): every tool that counts square metres
or walks a raster in windows takes these from here.

* **CRS choice.** ``metric_crs_for`` picks the UTM zone of a place (polar stereographic
  beyond 84 N / 80 S); ``equal_area_crs`` a Lambert azimuthal equal-area projection centred
  on it, in which areas are true.
* **Pixel areas.** ``PixelAreas`` gives each pixel's true area in m2, in any CRS (UTM,
  Web Mercator, EPSG:4326), from its corners in the equal-area projection.
* **Grids.** ``make_grid`` lays square cells whose edges sit on multiples of the cell size.
* **Windows.** ``windows`` tiles a raster; ``valid_mask`` says which pixels of a window are
  data (not nodata, NaN or masked).
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import numpy as np

from .errors import EngineError
from .i18n import tr


def as_crs(value):
    """A rasterio CRS from any form of CRS.

    Args:
        value: a rasterio CRS (returned as is), an EPSG code ("EPSG:32633" or 32633), WKT or a
            PROJ string.

    Returns:
        rasterio.crs.CRS: the CRS.

    Raises:
        rasterio.errors.CRSError: ``value`` is no CRS rasterio can read.
    """
    from rasterio.crs import CRS

    return value if isinstance(value, CRS) else CRS.from_user_input(value)


_TRANSFORMERS = threading.local()


def _transformer(source: str, target: str):
    # Creating a pyproj Transformer costs about 20 ms and grids of thousands of cells reuse a few;
    # one cache per thread, since Processing may run two algorithms in parallel threads.
    from pyproj import Transformer

    cache = _TRANSFORMERS.__dict__.setdefault("cache", {})
    key = (source, target)
    if key not in cache:
        if len(cache) > 64:
            cache.clear()
        cache[key] = Transformer.from_crs(source, target, always_xy=True)
    return cache[key]


def transformer(source, target: str):
    """A cached pyproj Transformer between two CRSs, in x/y (longitude/latitude) order.

    Args:
        source: the CRS of the input coordinates, in any form ``as_crs`` reads.
        target: the CRS of the output coordinates: a string (EPSG code, PROJ, WKT) or any form
            ``as_crs`` reads.

    Returns:
        pyproj.Transformer: one per thread and CRS pair, reused across calls.
    """
    return _transformer(as_crs(source).to_wkt(), target if isinstance(target, str) else as_crs(target).to_wkt())


def lonlat_of(crs, x: float, y: float) -> tuple[float, float]:
    """Longitude and latitude (WGS 84) of a point.

    Args:
        crs: the CRS of ``x`` and ``y``, in any form ``as_crs`` reads.
        x: easting (or longitude) of the point.
        y: northing (or latitude) of the point.

    Returns:
        tuple[float, float]: (longitude, latitude) in degrees.
    """
    tr = transformer(crs, "EPSG:4326")
    lon, lat = tr.transform(x, y)
    return float(lon), float(lat)


def equal_area_crs(lon: float, lat: float) -> str:
    """A Lambert azimuthal equal-area projection on WGS 84 centred on a place: true areas everywhere.

    Args:
        lon: longitude of the centre, degrees.
        lat: latitude of the centre, degrees.

    Returns:
        str: the PROJ string of the projection (metres).
    """
    return f"+proj=laea +lat_0={lat:.6f} +lon_0={lon:.6f} +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs"


def metric_crs_for(lon: float, lat: float) -> str:
    """A metric CRS for an area: its UTM zone, or polar stereographic where UTM is not defined.

    Args:
        lon: longitude of the area's centre, degrees.
        lat: latitude of the area's centre, degrees.

    Returns:
        str: "EPSG:326xx" / "EPSG:327xx" (UTM north / south), "EPSG:3413" north of 84 N or
        "EPSG:3031" south of 80 S.
    """
    if lat > 84.0:
        return "EPSG:3413"
    if lat < -80.0:
        return "EPSG:3031"
    return f"EPSG:{utm_epsg(lon, lat)}"


def utm_epsg(lon: float, lat: float) -> int:
    """EPSG code of the WGS 84 UTM zone holding a point.

    Args:
        lon: longitude, degrees (any value: wrapped to -180..180).
        lat: latitude, degrees; 0 and above is the northern hemisphere.

    Returns:
        int: 326xx in the north, 327xx in the south.
    """
    zone = int(math.floor((lon + 180.0) / 6.0)) % 60 + 1
    return (32600 if lat >= 0 else 32700) + zone


def is_metric(crs) -> bool:
    """Whether a CRS is projected in metres.

    Args:
        crs: the CRS, in any form ``as_crs`` reads.

    Returns:
        bool: True for a projected CRS whose linear unit is the metre.
    """
    crs = as_crs(crs)
    if not crs.is_projected:
        return False
    factor = crs.linear_units_factor[1] if hasattr(crs, "linear_units_factor") else None
    return factor is not None and abs(factor - 1.0) < 1e-9


def scale_error(crs, x: float, y: float, step: float = 1000.0) -> float:
    """How far a CRS's distances are from true (geodesic) distances at a point.

    Args:
        crs: the CRS, in any form ``as_crs`` reads.
        x: easting of the point, in ``crs``.
        y: northing of the point, in ``crs``.
        step: length of the east and north steps measured, in CRS units.

    Returns:
        float: the larger relative error of the two steps (0.01 is 1 %).
    """
    from pyproj import Geod

    to_ll = transformer(crs, "EPSG:4326")
    geod = Geod(ellps="WGS84")
    lon0, lat0 = to_ll.transform(x, y)
    worst = 0.0
    for dx, dy in ((step, 0.0), (0.0, step)):
        lon1, lat1 = to_ll.transform(x + dx, y + dy)
        true = geod.inv(lon0, lat0, lon1, lat1)[2]
        worst = max(worst, abs(step / true - 1.0))
    return worst


MAX_GRID_SCALE_ERROR = 0.01


LATTICE = 16  # exact projections every 16 pixels, bilinear in between (both vary smoothly)


def _lattice(n: int, step: int) -> np.ndarray:
    return np.unique(np.r_[np.arange(0, n, step), n - 1])


def _bilinear(values: np.ndarray, rs: np.ndarray, cs: np.ndarray, h: int, w: int) -> np.ndarray:
    """Fill (h, w) from values known at rows ``rs`` x columns ``cs`` (both include the ends)."""
    cols = np.arange(w)
    along = np.stack([np.interp(cols, cs, row) for row in values]) if len(cs) > 1 else np.repeat(values, w, axis=1)
    if len(rs) == 1:
        return np.repeat(along, h, axis=0)
    rows = np.arange(h)
    k = np.clip(np.searchsorted(rs, rows, side="right") - 1, 0, len(rs) - 2)
    frac = ((rows - rs[k]) / (rs[k + 1] - rs[k]))[:, None]
    return along[k] * (1.0 - frac) + along[k + 1] * frac


class PixelAreas:
    """True pixel areas (m2) of raster windows, from the corners in a local equal-area projection.

    Areas are exact (shoelace over the four projected corners) at every ``LATTICE``-th pixel and
    bilinear in between: the area of a pixel varies with the scale of the projection, which
    changes by far less than 1e-6 over 16 pixels, and projecting every corner would cost more
    than the model itself.

    Args:
        crs: the raster's CRS, in any form ``as_crs`` reads.
        transform: the raster's affine transform (pixel to CRS).
        equal_area: the equal-area CRS the areas are measured in (``equal_area_crs``).
    """

    def __init__(self, crs, transform, equal_area: str):
        self.transform = transform
        self.to_ea = transformer(crs, equal_area)

    def exact(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Exact areas of the pixels at the crossings of some rows and columns.

        Args:
            rows: absolute row indices.
            cols: absolute column indices.

        Returns:
            numpy.ndarray: (len(rows), len(cols)) areas in m2.
        """
        t = self.transform
        c, r = np.meshgrid(cols.astype(np.float64), rows.astype(np.float64))
        corners = [(c, r), (c + 1, r), (c + 1, r + 1), (c, r + 1)]
        xs = np.stack([t.a * cc + t.b * rr + t.c for cc, rr in corners])
        ys = np.stack([t.d * cc + t.e * rr + t.f for cc, rr in corners])
        ex, ey = self.to_ea.transform(xs, ys)
        ex, ey = np.asarray(ex), np.asarray(ey)
        total = np.zeros(c.shape)
        for k in range(4):
            j = (k + 1) % 4
            total += ex[k] * ey[j] - ex[j] * ey[k]
        return 0.5 * np.abs(total)

    def window(self, row0: int, col0: int, h: int, w: int) -> np.ndarray:
        """Areas of the pixels of a window.

        Args:
            row0: first row of the window.
            col0: first column of the window.
            h: rows in the window.
            w: columns in the window.

        Returns:
            numpy.ndarray: (h, w) areas in m2.
        """
        rs, cs = _lattice(h, LATTICE), _lattice(w, LATTICE)
        return _bilinear(self.exact(rs + row0, cs + col0), rs, cs, h, w)


def pixel_centres(transform, transformer, row0: int, col0: int, h: int, w: int):
    """Pixel-centre coordinates of a window, in the raster's CRS or another one.

    Args:
        transform: the raster's affine transform.
        transformer: a pyproj Transformer to another CRS (projected exactly every ``LATTICE``
            pixels, bilinear in between), or None for the raster's own CRS.
        row0: first row of the window.
        col0: first column of the window.
        h: rows in the window.
        w: columns in the window.

    Returns:
        tuple[numpy.ndarray, numpy.ndarray]: (x, y), each (h, w).
    """
    t = transform
    if transformer is None:
        c, r = np.meshgrid(np.arange(col0, col0 + w) + 0.5, np.arange(row0, row0 + h) + 0.5)
        return t.a * c + t.b * r + t.c, t.d * c + t.e * r + t.f
    rs, cs = _lattice(h, LATTICE), _lattice(w, LATTICE)
    c, r = np.meshgrid(cs + col0 + 0.5, rs + row0 + 0.5)
    x, y = transformer.transform(t.a * c + t.b * r + t.c, t.d * c + t.e * r + t.f)
    return _bilinear(np.asarray(x), rs, cs, h, w), _bilinear(np.asarray(y), rs, cs, h, w)


def _densify_ring(coords, steps: int):
    out = []
    pts = list(coords)
    for (xa, ya), (xb, yb) in zip(pts[:-1], pts[1:]):
        for k in range(steps):
            f = k / steps
            out.append((xa + (xb - xa) * f, ya + (yb - ya) * f))
    out.append(pts[-1])
    return out


# Zones wider or taller than this (degrees) are measured on the ellipsoid piece by piece: a
# Lambert projection centred on the scene folds the far side of the Earth (a world-sized zone
# came out at 0.11 m2).
LARGE_ZONE_DEGREES = 20.0


def _geodesic_area(geometry, crs) -> float | None:
    """True area of a zone spanning many degrees, measured on the ellipsoid.

    The zone is cut into 10 x 10 degree pieces in longitude/latitude, each measured on the WGS 84
    ellipsoid (pyproj.Geod). None where the zone is small (the caller's projection is exact
    enough and faster).
    """
    from pyproj import Geod
    from shapely.geometry import MultiPolygon, Polygon, box
    from shapely.ops import transform as shapely_transform

    to_ll = transformer(crs, "EPSG:4326")

    def project(x, y, z=None):
        return to_ll.transform(x, y)

    def segmentize(geom, size: float):
        """Edges cut into pieces of at most ``size`` (shapely 1.8 has no segmentize)."""
        if isinstance(geom, MultiPolygon):
            return MultiPolygon([segmentize(g, size) for g in geom.geoms])
        rings = []
        for ring in [geom.exterior, *geom.interiors]:
            pts = list(ring.coords)
            out = []
            for (xa, ya, *_), (xb, yb, *_) in zip(pts[:-1], pts[1:]):
                n = max(1, math.ceil(max(abs(xb - xa), abs(yb - ya)) / size))
                out.extend((xa + (xb - xa) * k / n, ya + (yb - ya) * k / n) for k in range(n))
            out.append(pts[-1][:2])
            rings.append(out)
        return Polygon(rings[0], rings[1:])

    try:
        ll = shapely_transform(project, segmentize(geometry, 1.0) if as_crs(crs).is_geographic else geometry)
    except Exception:  # noqa: BLE001 (outside the projection's domain: the caller's method answers)
        return None
    if ll.is_empty or not all(math.isfinite(v) for v in ll.bounds):
        return None
    x0, y0, x1, y1 = ll.bounds
    if x1 - x0 < LARGE_ZONE_DEGREES and y1 - y0 < LARGE_ZONE_DEGREES:
        return None
    geod = Geod(ellps="WGS84")
    total = 0.0
    step = 10.0
    lon = math.floor(x0 / step) * step
    while lon < x1:
        lat = math.floor(y0 / step) * step
        while lat < y1:
            piece = ll.intersection(box(lon, max(lat, -90.0), lon + step, min(lat + step, 90.0)))
            polys = [piece] if isinstance(piece, (Polygon, MultiPolygon)) else list(getattr(piece, "geoms", []))
            for poly in polys:
                if isinstance(poly, MultiPolygon):
                    polys.extend(poly.geoms)
                    continue
                if not isinstance(poly, Polygon) or poly.is_empty:
                    continue
                dense = segmentize(poly, 0.25)  # edges follow lines of longitude/latitude, as drawn
                area = abs(geod.polygon_area_perimeter(*dense.exterior.xy)[0])
                area -= sum(abs(geod.polygon_area_perimeter(*ring.xy)[0]) for ring in dense.interiors)
                total += area
            lat += step
        lon += step
    return total


def true_area(geometry, crs, equal_area: str, steps: int = 16) -> float:
    """True area of a polygon, in m2.

    Zones spanning more than ``LARGE_ZONE_DEGREES`` are measured on the ellipsoid piece by piece;
    others in ``equal_area`` with their edges densified.

    Args:
        geometry: a shapely Polygon, MultiPolygon or collection (its polygons count) in ``crs``.
        crs: the CRS of ``geometry``, in any form ``as_crs`` reads.
        equal_area: the equal-area CRS (``equal_area_crs``) for zones of ordinary size.
        steps: points added along each edge before projecting.

    Returns:
        float: the area in m2 (0.0 for an empty geometry).
    """
    from shapely.geometry import MultiPolygon, Polygon

    large = _geodesic_area(geometry, crs) if not geometry.is_empty else None
    if large is not None:
        return large
    to_ea = transformer(crs, equal_area)

    def one(poly):
        rings = [poly.exterior, *poly.interiors]
        projected = []
        for ring in rings:
            pts = _densify_ring([(c[0], c[1]) for c in ring.coords], steps)
            xs, ys = to_ea.transform([p[0] for p in pts], [p[1] for p in pts])
            projected.append(list(zip(xs, ys)))
        return Polygon(projected[0], projected[1:]).area

    if geometry.is_empty:
        return 0.0
    if isinstance(geometry, Polygon):
        return one(geometry)
    if isinstance(geometry, MultiPolygon):
        return sum(one(p) for p in geometry.geoms)
    polys = [g for g in getattr(geometry, "geoms", []) if isinstance(g, (Polygon, MultiPolygon))]
    return sum(true_area(p, crs, equal_area, steps) for p in polys)


@dataclass
class Grid:
    """Square cells in a metric CRS, edges on multiples of ``cell_size``.

    Attributes:
        crs_wkt: the grid's CRS as WKT.
        epsg: its EPSG code, or None.
        cell_size: side of a cell, metres.
        x0: west edge of column 0.
        y0: north edge of row 0.
        cols: number of columns.
        rows: number of rows.
        native: True when the cells are in the raster's own CRS.
    """

    crs_wkt: str
    epsg: int | None
    cell_size: float
    x0: float  # west edge of column 0
    y0: float  # north edge of row 0
    cols: int
    rows: int
    native: bool  # True when the cells are in the raster's own CRS

    def cell_polygon(self, col: int, row: int):
        """One cell as a polygon.

        Args:
            col: column of the cell (0 is the west edge).
            row: row of the cell (0 is the north edge).

        Returns:
            shapely.geometry.Polygon: the cell in the grid's CRS.
        """
        from shapely.geometry import box

        x = self.x0 + col * self.cell_size
        y = self.y0 - row * self.cell_size
        return box(x, y - self.cell_size, x + self.cell_size, y)

    def cell_index(self, px: np.ndarray, py: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The cell of each point, as a flat index (row * cols + col), for ``np.bincount``.

        Args:
            px: x of the points in the grid's CRS.
            py: y of the points in the grid's CRS.

        Returns:
            tuple: (flat cell index of the points inside the grid, boolean mask of those points).
        """
        gc = np.floor((px - self.x0) / self.cell_size).astype(np.int64)
        gr = np.floor((self.y0 - py) / self.cell_size).astype(np.int64)
        inside = (gc >= 0) & (gc < self.cols) & (gr >= 0) & (gr < self.rows)
        return (gr * self.cols + gc)[inside], inside


def make_grid(crs, bounds, cell_size: float) -> Grid:
    """Square cells covering a raster, in a metric CRS, edges on multiples of the cell size.

    The raster's own CRS is used where it is in true metres (scale error at most
    ``MAX_GRID_SCALE_ERROR`` at the centre), else the UTM zone of the centre.

    Args:
        crs: the raster's CRS, in any form ``as_crs`` reads.
        bounds: (left, bottom, right, top) of the raster, in ``crs``.
        cell_size: side of a cell, metres.

    Returns:
        Grid: the cells.

    Raises:
        EngineError: ``cell_size`` is not a positive finite number, or the grid would have more
            than 5,000,000 cells.
    """
    from rasterio.warp import transform_bounds

    if not cell_size or cell_size <= 0 or not math.isfinite(cell_size):
        raise EngineError(
            tr("CELL_SIZE must be a positive number of metres, got {cell_size!r}").format(cell_size=cell_size)
        )
    crs = as_crs(crs)
    cx, cy = (bounds[0] + bounds[2]) / 2.0, (bounds[1] + bounds[3]) / 2.0
    # The raster's own CRS only where its metres are true metres (UTM and national grids, not
    # Web Mercator, whose "metres" are 1 / cos(latitude) too long).
    if is_metric(crs) and scale_error(crs, cx, cy) <= MAX_GRID_SCALE_ERROR:
        grid_crs = crs
    else:
        lon, lat = lonlat_of(crs, cx, cy)
        grid_crs = as_crs(f"EPSG:{utm_epsg(lon, lat)}")
    left, bottom, right, top = transform_bounds(crs, grid_crs, *bounds, densify_pts=21)
    x0 = math.floor(left / cell_size) * cell_size
    y0 = math.ceil(top / cell_size) * cell_size
    cols = max(1, math.ceil((right - x0) / cell_size - 1e-9))
    rows = max(1, math.ceil((y0 - bottom) / cell_size - 1e-9))
    if cols * rows > 5_000_000:
        raise EngineError(
            tr("a grid of {cell_size:g} m cells over this raster has {0} cells; use a larger CELL_SIZE").format(
                cols * rows, cell_size=cell_size
            )
        )
    return Grid(grid_crs.to_wkt(), grid_crs.to_epsg(), float(cell_size), x0, y0, cols, rows, grid_crs == crs)


# --- tiling windows and valid pixels --------------------------------------------------------------

WINDOW = 1024  # pixels per side (a multiple of the usual 256 and 512 px GeoTIFF blocks)


def windows(width: int, height: int, size: int = WINDOW):
    """Tiling windows covering a raster, row by row.

    Args:
        width: raster width, pixels.
        height: raster height, pixels.
        size: side of a window, pixels (edge windows are smaller).

    Yields:
        rasterio.windows.Window: the windows, left to right, then top to bottom.
    """
    from rasterio.windows import Window

    for y in range(0, height, size):
        for x in range(0, width, size):
            yield Window(x, y, min(size, width - x), min(size, height - y))


def mask_facts(ds, bands: list[int]) -> tuple:
    """What ``valid_mask`` needs to know of a dataset, looked up once rather than per window.

    Args:
        ds: an open rasterio dataset.
        bands: the 1-based bands read.

    Returns:
        tuple: (any band floating point, [(position in ``bands``, nodata value)], whether the
        first band has a per-dataset or alpha mask).
    """
    from rasterio.enums import MaskFlags

    floating = any(np.issubdtype(np.dtype(ds.dtypes[b - 1]), np.floating) for b in bands)
    nodatas = []
    for k, b in enumerate(bands):
        nodata = ds.nodatavals[b - 1]
        if nodata is not None and not math.isnan(nodata):
            nodatas.append((k, nodata))
    flags = ds.mask_flag_enums[bands[0] - 1]
    masked = MaskFlags.per_dataset in flags or MaskFlags.alpha in flags
    return floating, nodatas, masked


def valid_mask(ds, bands: list[int], data: np.ndarray, window, facts: tuple | None = None) -> np.ndarray:
    """The pixels of a window that hold data: not nodata, not NaN or infinite, not masked.

    Args:
        ds: the open rasterio dataset ``data`` was read from.
        bands: the 1-based bands of ``data``, in its order.
        data: (bands, h, w), or (h, w) for one band, as read from ``window``.
        window: the rasterio Window read (for the dataset's mask).
        facts: ``mask_facts(ds, bands)``, to skip looking them up for every window.

    Returns:
        numpy.ndarray: (h, w) booleans, True where every band holds data.
    """
    floating, nodatas, masked = facts or mask_facts(ds, bands)
    planes = data[None] if data.ndim == 2 else data
    # Integer rasters read as float32 cannot hold NaN: skip the test on the hot path.
    if not floating:
        valid = np.ones(planes.shape[1:], dtype=bool)
    else:
        valid = np.isfinite(data) if data.ndim == 2 else np.isfinite(data).all(axis=0)
    for k, nodata in nodatas:
        valid &= planes[k] != nodata
    # Alpha bands and internal masks say more than nodata values do.
    if masked:
        valid &= ds.read_masks(bands[0], window=window) > 0
    return valid


# --- footprints and alignment --------------------------------------------------------------------


def same_grid(a, b, tolerance: float = 1e-6) -> bool:
    """Whether two rasters share one pixel grid.

    Args:
        a: a dataset (or any object with crs, transform, width and height).
        b: another one.
        tolerance: allowed difference of the transforms, as a share of a pixel.

    Returns:
        bool: True for the same size, CRS and transform (within ``tolerance``).
    """
    if (a.width, a.height) != (b.width, b.height) or as_crs(a.crs) != as_crs(b.crs):
        return False
    size = max(abs(a.transform.a), abs(a.transform.e))
    return all(abs(p - q) <= tolerance * size for p, q in zip(a.transform[:6], b.transform[:6]))


def footprint(crs, transform, width: int, height: int, target_crs=None, samples: int = 21):
    """The outline of a raster as a polygon, edges densified.

    Args:
        crs: the raster's CRS.
        transform: the raster's affine transform.
        width: raster width, pixels.
        height: raster height, pixels.
        target_crs: the CRS of the polygon; None for the raster's own.
        samples: points per edge.

    Returns:
        shapely.geometry.Polygon: the outline.
    """
    from shapely.geometry import Polygon

    cols = np.r_[
        np.linspace(0, width, samples), np.full(samples, width), np.linspace(width, 0, samples), np.zeros(samples)
    ]
    rows = np.r_[
        np.zeros(samples), np.linspace(0, height, samples), np.full(samples, height), np.linspace(height, 0, samples)
    ]
    xs = transform.a * cols + transform.b * rows + transform.c
    ys = transform.d * cols + transform.e * rows + transform.f
    if target_crs is not None and as_crs(target_crs) != as_crs(crs):
        xs, ys = transformer(crs, target_crs).transform(xs, ys)
    return Polygon(zip(np.asarray(xs), np.asarray(ys)))


def pixel_areas_for(crs, transform, width: int, height: int) -> tuple[PixelAreas, str]:
    """True pixel areas of a raster grid, in the equal-area projection centred on it.

    Args:
        crs: the raster's CRS.
        transform: the raster's affine transform.
        width: raster width, pixels.
        height: raster height, pixels.

    Returns:
        tuple[PixelAreas, str]: the areas and the equal-area CRS (PROJ string) they use.
    """
    cx, cy = transform * (width / 2.0, height / 2.0)
    lon, lat = lonlat_of(crs, cx, cy)
    equal_area = equal_area_crs(lon, lat)
    return PixelAreas(crs, transform, equal_area), equal_area
