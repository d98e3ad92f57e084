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


def stack_bigearthnet_s2(folder: str, out_dir: str) -> str:
    """Stack a BigEarthNet Sentinel-2 L2A patch folder into ``out_dir/<patch name>.tif``."""
    name = os.path.basename(folder.rstrip("/"))
    files = []
    for band in S2_L2A_ORDER:
        matches = glob.glob(os.path.join(folder, f"*_{band}.tif"))
        if not matches:
            raise FileNotFoundError(f"{folder}: band {band} is missing")
        files.append((band, matches[0]))
    out = os.path.join(out_dir, f"{name}.tif")
    if os.path.exists(out):
        return out
    return _stack(files, out, _metadata(folder))


def stack_bigearthnet_s1(folder: str, out_dir: str) -> str:
    """Stack a BigEarthNet Sentinel-1 patch folder (VV, VH in dB) into ``out_dir/<patch name>.tif``."""
    name = os.path.basename(folder.rstrip("/"))
    files = []
    for band in S1_ORDER:
        matches = glob.glob(os.path.join(folder, f"*_{band}.tif"))
        if not matches:
            raise FileNotFoundError(f"{folder}: band {band} is missing")
        files.append((band, matches[0]))
    out = os.path.join(out_dir, f"{name}.tif")
    if os.path.exists(out):
        return out
    return _stack(files, out, _metadata(folder))
