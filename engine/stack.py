"""Stacking one-file-per-band products (BigEarthNet patches) into one multi-band GeoTIFF.

The stack keeps the product name in its file name and tags (the green-ratio season
check reads the acquisition date from it) and names every band, so bands are matched
by name, not position. Bands coarser than 10 m are upsampled by nearest neighbour,
which keeps the original values (no invented reflectances).
"""

from __future__ import annotations

import glob
import json
import os

from .raster import commit_output, gtiff_profile, temporary_path

S2_L2A_ORDER = ["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B09", "B11", "B12"]
S1_ORDER = ["VV", "VH"]


def _stack(band_files: list[tuple[str, str]], out_path: str, tags: dict) -> str:
    import rasterio
    from rasterio.enums import Resampling

    with rasterio.open(band_files[0][1]) as first:
        finest = first
        best = abs(first.transform.a)
    for _, path in band_files[1:]:
        with rasterio.open(path) as ds:
            if abs(ds.transform.a) < best:
                best = abs(ds.transform.a)
                finest = ds
    with rasterio.open(finest.name) as ref:
        width, height, crs, transform = ref.width, ref.height, ref.crs, ref.transform
        dtype = ref.dtypes[0]
    profile = gtiff_profile(dtype, size=(width, height))
    profile.update(count=len(band_files), crs=crs, transform=transform)
    # Patches are 120 x 120 px: reading a band whole is fine here (not for scenes).
    tmp = temporary_path(out_path)
    with rasterio.open(tmp, "w", **profile) as out:
        for k, (name, path) in enumerate(band_files, start=1):
            with rasterio.open(path) as ds:
                data = ds.read(1, out_shape=(height, width), resampling=Resampling.nearest)
                nodata = ds.nodata
            out.write(data.astype(dtype, copy=False), k)
            out.set_band_description(k, name)
            if nodata is not None:
                out.nodata = nodata
        out.update_tags(**tags)
    commit_output(tmp, out_path)
    return out_path


QML_TRUE_COLOUR = """<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Symbology">
  <pipe>
    <rasterrenderer type="multibandcolor" opacity="1" alphaBand="-1"
                    redBand="{red}" greenBand="{green}" blueBand="{blue}" nodataColor="">
      <rasterTransparency/>
      <minMaxOrigin>
        <limits>CumulativeCut</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
{enhancements}
    </rasterrenderer>
  </pipe>
</qgis>
"""


def write_true_colour_style(path: str, names: tuple[str, str, str] = ("B04", "B03", "B02")) -> str | None:
    """A QGIS default style (``<stack>.qml``) showing the stack in true colour.

    QGIS applies it when the file is opened: bands found by name, stretched to 2-98 %. Without it
    QGIS shows bands 1, 2, 3 (B01, B02, B03: a false-colour image).

    Args:
        path: the stack (its band descriptions name the bands).
        names: the red, green and blue bands' descriptions.

    Returns:
        str | None: the style's path; None where a band is not found.
    """
    import numpy as np
    import rasterio

    with rasterio.open(path) as ds:
        descriptions = [d or "" for d in ds.descriptions]
        if not all(n in descriptions for n in names):
            return None
        bands = [descriptions.index(n) + 1 for n in names]
        parts = []
        for colour, band in zip(("red", "green", "blue"), bands):
            data = ds.read(band, masked=True).compressed().astype("float64")
            low, high = np.percentile(data, [2, 98]) if data.size else (0.0, 1.0)
            parts.append(
                f"      <{colour}ContrastEnhancement><minValue>{low:g}</minValue><maxValue>{high:g}</maxValue>"
                f"<algorithm>StretchToMinimumMaximum</algorithm></{colour}ContrastEnhancement>"
            )
    style = os.path.splitext(path)[0] + ".qml"
    with open(style, "w", encoding="utf-8") as fh:
        fh.write(QML_TRUE_COLOUR.format(red=bands[0], green=bands[1], blue=bands[2], enhancements="\n".join(parts)))
    return style


def _metadata(folder: str) -> dict:
    tags = {"PRODUCT_NAME": os.path.basename(folder.rstrip("/"))}
    for meta in glob.glob(os.path.join(folder, "*_labels_metadata.json")):
        with open(meta) as fh:
            data = json.load(fh)
        if data.get("acquisition_date"):
            tags["ACQUISITION_DATE"] = data["acquisition_date"]
        if data.get("labels"):
            tags["CORINE_LABELS"] = "; ".join(data["labels"])
    return tags


def _band_files(folder: str, order) -> list[tuple[str, str]]:
    """(band, file) of a BigEarthNet patch folder, in ``order``; FileNotFoundError for a missing band."""
    files = []
    for band in order:
        matches = glob.glob(os.path.join(folder, f"*_{band}.tif"))
        if not matches:
            raise FileNotFoundError(f"{folder}: band {band} is missing")
        files.append((band, matches[0]))
    return files


def stack_bigearthnet_s2(folder: str, out_dir: str) -> str:
    """Stack a BigEarthNet Sentinel-2 L2A patch folder into ``out_dir/<patch name>.tif``.

    Args:
        folder: the patch folder (one GeoTIFF per band).
        out_dir: where the stack is written.

    Returns:
        str: the stack's path.

    Raises:
        FileNotFoundError: a band file is missing.
    """
    files = _band_files(folder, S2_L2A_ORDER)
    out = os.path.join(out_dir, f"{os.path.basename(folder.rstrip('/'))}.tif")
    if not os.path.exists(out):
        _stack(files, out, _metadata(folder))
    if not os.path.exists(os.path.splitext(out)[0] + ".qml"):
        write_true_colour_style(out)
    return out


def stack_bigearthnet_s1(folder: str, out_dir: str) -> str:
    """Stack a BigEarthNet Sentinel-1 patch folder (VV, VH in dB) into ``out_dir/<patch name>.tif``.

    An existing stack is kept as it is.

    Args:
        folder: the patch folder (one GeoTIFF per band).
        out_dir: where the stack is written.

    Returns:
        str: the stack's path.

    Raises:
        FileNotFoundError: a band file is missing.
    """
    files = _band_files(folder, S1_ORDER)
    out = os.path.join(out_dir, f"{os.path.basename(folder.rstrip('/'))}.tif")
    if os.path.exists(out):
        return out
    return _stack(files, out, _metadata(folder))
