"""Zonal statistics: zones rasterised window by window, streaming per-zone sums, NULL never zero.

* **Zones as masks.** ``ZoneMasks`` holds shapely polygons in the raster's CRS and, for each
  window, rasterises only the zones whose bounding box touches it (``rasterio.features.
  rasterize``). A pixel belongs to a zone when its centre lies inside (GDAL's rule without
  ALL_TOUCHED); overlapping zones each count it.
* **Streaming sums.** ``ZonalAccumulator`` adds area-weighted quantities per zone (and per
  layer, e.g. per date) window after window, so memory depends on the window, not the scene.
* **NULL, never zero.** A zone (or zone-date) with no observed pixel has an unknown value,
  not a value of 0: ``share_or_null`` and ``observed_or_null`` return None there.
"""

from __future__ import annotations

import numpy as np


class ZoneMasks:
    """Polygons (shapely, in the raster's CRS) as boolean masks of raster windows.

    Args:
        geometries: one shapely geometry per zone, in the raster's CRS; None or empty
            geometries never touch a window.
    """

    def __init__(self, geometries):
        self.geometries = list(geometries)
        self.bounds = np.array(
            [
                g.bounds if g is not None and not g.is_empty else (np.inf, np.inf, -np.inf, -np.inf)
                for g in self.geometries
            ],
            dtype=np.float64,
        ).reshape(-1, 4)

    def __len__(self) -> int:
        return len(self.geometries)

    def touching(self, window_transform, height: int, width: int) -> np.ndarray:
        """The zones whose bounding box touches a window.

        Args:
            window_transform: the window's affine transform.
            height: rows in the window.
            width: columns in the window.

        Returns:
            numpy.ndarray: indices of the zones, in zone order.
        """
        t = window_transform
        xs = (t.c, t.c + t.a * width)
        ys = (t.f, t.f + t.e * height)
        left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
        b = self.bounds
        return np.flatnonzero((b[:, 0] <= right) & (b[:, 2] >= left) & (b[:, 1] <= top) & (b[:, 3] >= bottom))

    def in_window(self, window_transform, height: int, width: int):
        """The zones with a pixel in a window, rasterised (pixel centres inside).

        Args:
            window_transform: the window's affine transform.
            height: rows in the window.
            width: columns in the window.

        Yields:
            tuple[int, numpy.ndarray]: (zone index, (height, width) boolean mask).
        """
        from rasterio.features import rasterize

        for k in self.touching(window_transform, height, width):
            inside = rasterize(
                [(self.geometries[k], 1)],
                out_shape=(height, width),
                transform=window_transform,
                fill=0,
                all_touched=False,
                dtype="uint8",
            ).astype(bool)
            if inside.any():
                yield int(k), inside


class ZonalAccumulator:
    """Per-zone, per-layer sums of named quantities (areas in m2, pixel counts), added window by window.

    Args:
        zones: number of zones.
        names: the quantities summed (e.g. ``("water_m2", "valid_m2")``).
        layers: number of layers per zone (dates of a series; 1 for a single raster).
    """

    def __init__(self, zones: int, names, layers: int = 1):
        self.names = tuple(names)
        self._index = {n: i for i, n in enumerate(self.names)}
        self.sums = np.zeros((len(self.names), zones, layers), dtype=np.float64)

    def add(self, name: str, zone: int, values, layer: int | slice = slice(None)) -> None:
        """Add to one sum of one zone.

        Args:
            name: the quantity (one of ``names``).
            zone: the zone index.
            values: a number, or one per layer.
            layer: the layer(s) added to (all by default).

        Raises:
            KeyError: ``name`` is not one of the accumulator's quantities.
        """
        self.sums[self._index[name], zone, layer] += values

    def add_masked(self, zone: int, inside: np.ndarray, area: np.ndarray, **stacks: np.ndarray) -> None:
        """Add a zone's area where each boolean stack is true, layer by layer.

        Args:
            zone: the zone index.
            inside: (h, w) booleans, the zone's pixels in the window.
            area: (h, w) pixel areas, m2.
            **stacks: quantity name -> (layers, h, w) or (h, w) booleans.

        Raises:
            KeyError: a name is not one of the accumulator's quantities.
        """
        weights = np.where(inside, area, 0.0)
        for name, stack in stacks.items():
            layers = stack if stack.ndim == 3 else stack[None]
            # masked sums, no float copy of the boolean stack
            sums = [weights.sum(where=layer) for layer in layers]
            self.sums[self._index[name], zone, :] += np.asarray(sums)

    def get(self, name: str) -> np.ndarray:
        """The sums of one quantity.

        Args:
            name: the quantity.

        Returns:
            numpy.ndarray: (zones, layers) sums.

        Raises:
            KeyError: ``name`` is not one of the accumulator's quantities.
        """
        return self.sums[self._index[name]]


def share_or_null(numerator: float, denominator: float) -> float | None:
    """A share, or None (unknown) where nothing was observed.

    Args:
        numerator: e.g. the water area.
        denominator: the observed area it is a share of.

    Returns:
        float | None: numerator / denominator, None where the denominator is not positive.
    """
    return float(numerator) / float(denominator) if denominator > 0 else None


def observed_or_null(value: float, observed: float) -> float | None:
    """A value where something was observed, else None: unobserved is unknown, not 0.

    Args:
        value: the figure.
        observed: the observed area (or count) behind it.

    Returns:
        float | None: ``value``, or None where ``observed`` is not positive.
    """
    return float(value) if observed > 0 else None
