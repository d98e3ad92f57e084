"""Checks every SatImpact algorithm gets from its base class before and after its own work.

Before anything runs: numbers are finite and inside their declared range (the message gives
the range), input files are not empty and have no '|' in their name, layers declared as
polygons are polygons, and every output path (symlinks and relative paths resolved) is
neither an input file, nor a file an input reads (a VRT's sources, a shapefile's parts),
nor another output of the same run, and ends with an extension of its format.

After a failure: outputs the run created are removed, and any exception becomes a
QgsProcessingException with a message (unexpected ones say "internal error").
"""

from __future__ import annotations

import glob
import math
import os
import re

from qgis.core import QgsProcessingException

ISSUES_URL = "https://github.com/satimpact/satimpact/issues"
# Parameter values QGIS turns into a temporary or in-memory output, never a user's file.
_NOT_A_FILE = ("TEMPORARY_OUTPUT", "memory:", "postgres:", "postgis:", "ogr:", "spatialite:")
RASTER_EXTENSIONS = (".tif", ".tiff")
# Sidecars GDAL/OGR may create next to an output; removed with it when a run fails.
_SIDECARS = ("", ".aux.xml", "-wal", "-shm", "-journal", ".ovr")


def tr(text: str) -> str:
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate("SatImpact", text)


# Physical ranges of parameters that mean the same in every tool, by name: applied to the
# definitions when an algorithm adds them (dialogs show them, QGIS and check_values enforce them).
NAMED_RANGES = {
    "CELL_SIZE": (1.0, 1_000_000.0),  # 1 m .. 1000 km
    "CHIP_SIZE": (0.0, 100_000.0),  # a chip is at most 100 km across
    "DISPLACEMENT": (0.0, 50_000.0),  # DHS displaces clusters by at most 10 km
    "MIN_AREA": (0.0, 5.1e14),  # the Earth's surface in m2
    "RESOLUTION": (0.0, 100_000.0),
    "MIN_VALID": (0.0, 1.0),
    "DAMAGE_THRESHOLD": (0.0, 1.0),
    "HOLDOUT": (0.0, 1.0),
}
TEXT_EXTENSIONS = ("txt", "csv", "json", "tsv")


def apply_named_range(definition) -> None:
    """Narrow a number parameter to the physical range of its name (NAMED_RANGES)."""
    limits = NAMED_RANGES.get(definition.name())
    if limits is None or definition.type() not in ("number", "distance"):
        return
    low, high = limits
    if definition.minimum() < low:
        definition.setMinimum(low)
    if definition.maximum() > high:
        definition.setMaximum(high)


def _is_file_value(text: str) -> bool:
    return bool(text) and not any(text.startswith(p) for p in _NOT_A_FILE)


def _same_file(a: str, b: str) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)  # hard links
    except OSError:
        return False


def _files_read_by(path: str) -> list[str]:
    """The file itself and the files GDAL reads for it (VRT sources, .aux.xml, shapefile parts)."""
    files = [path]
    try:
        from osgeo import gdal

        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            ds = gdal.OpenEx(path, gdal.OF_RASTER | gdal.OF_VECTOR | gdal.OF_READONLY)
            if ds is not None:
                files.extend((ds.GetFileList() or [])[:10000])
            ds = None
        finally:
            gdal.PopErrorHandler()
    except Exception:  # GDAL cannot read it: the file itself is what counts
        pass
    return [f for f in files if f and not f.startswith("/vsi")]


def _layer_file(layer) -> str | None:
    """The file behind a layer (path without '|layername=...' options), or None (WMS, memory...)."""
    if layer is None:
        return None
    try:
        from qgis.core import QgsProviderRegistry

        parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
        path = parts.get("path") if parts else None
    except Exception:
        path = None
    path = path or layer.source().split("|")[0]
    return path if path and os.path.exists(path) else None


def _number_range(definition) -> tuple[float, float]:
    lo, hi = definition.minimum(), definition.maximum()
    # QGIS's "no limit" is +-DBL_MAX
    return (-math.inf if lo <= -1e300 else lo), (math.inf if hi >= 1e300 else hi)


def _describe_range(lo: float, hi: float) -> str:
    if math.isinf(lo) and math.isinf(hi):
        return tr("any finite number")
    if math.isinf(hi):
        return tr("at least {0}").format(f"{lo:g}")
    if math.isinf(lo):
        return tr("at most {0}").format(f"{hi:g}")
    return tr("from {0} to {1}").format(f"{lo:g}", f"{hi:g}")


def check_values(alg, parameters: dict, context) -> str | None:
    """The first parameter value that makes no sense, as a message; None when all are fine."""
    for definition in alg.parameterDefinitions():
        name = definition.name()
        value = parameters.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        kind = definition.type()
        if kind in ("number", "distance", "duration", "scale"):
            message = _check_number(alg, definition, parameters, context)
            if message:
                return message
        elif kind in ("raster", "vector", "source", "file", "layer", "multilayer"):
            message = _check_input_path(name, value)
            if not message and kind == "file" and (definition.extension() or "").lower() in TEXT_EXTENSIONS:
                message = _check_text_file(name, alg.parameterAsFile(parameters, name, context))
            if message:
                return message
    return None


def _check_number(alg, definition, parameters, context) -> str | None:
    name = definition.name()
    raw = parameters.get(name)
    text = str(raw).strip()
    try:
        number = float(raw) if isinstance(raw, (int, float)) else float(text)
    except (TypeError, ValueError):
        number = alg.parameterAsDouble(parameters, name, context)
    lo, hi = _number_range(definition)
    if not math.isfinite(number) or not lo <= number <= hi:
        return tr("{0} ({1}) must be {2}, got {3}").format(
            name,
            definition.description(),
            _describe_range(lo, hi),
            f"{number:g}" if isinstance(raw, (int, float)) else text,
        )
    return None


def _check_input_path(name: str, value) -> str | None:
    values = value if isinstance(value, (list, tuple)) else [value]
    for item in values:
        if not isinstance(item, str):
            continue
        text = item.strip()
        if "|" in text and os.path.isfile(text):
            return tr(
                "{0}: the file name '{1}' contains '|', which QGIS reads as the start of layer options; rename the file"
            ).format(name, text)
        path = text.split("|")[0]
        if os.path.isfile(path) and os.path.getsize(path) == 0:
            return tr("{0}: the file '{1}' is empty (0 bytes)").format(name, path)
    return None


def _check_text_file(name: str, path: str) -> str | None:
    """A text parameter file must be UTF-8 text: a binary or UTF-16 file is named as such."""
    if not path or not os.path.isfile(path):
        return None
    with open(path, "rb") as f:
        head = f.read(1 << 20)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        kind = "UTF-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[1:2] == b"\x00" else "binary"
        return tr("{0}: '{1}' is not a UTF-8 text file (it looks {2}); save it as UTF-8 text").format(name, path, kind)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the 1 MB boundary
            return tr("{0}: '{1}' is not a UTF-8 text file (byte {2}); save it as UTF-8 text").format(
                name, path, exc.start
            )
    return None


def _check_declared_size(name: str, layer) -> None:
    """A raster whose header declares more pixels than any run can hold (a 10M x 10M px VRT)
    is refused before anything reads or allocates it."""
    from ..engine.errors import EngineError
    from ..engine.memory import check_pixels

    try:
        check_pixels(layer.width(), layer.height(), f"{name} ('{layer.name()}')")
    except EngineError as exc:
        raise QgsProcessingException(str(exc)) from exc


def _check_geometry(alg, definition, parameters, context) -> None:
    """Layers declared as polygons must be polygons (points have no area to measure)."""
    from qgis.core import QgsProcessing, QgsWkbTypes

    types = list(definition.dataTypes()) if hasattr(definition, "dataTypes") else []
    if types != [QgsProcessing.SourceType.TypeVectorPolygon]:
        return
    layer = alg.parameterAsVectorLayer(parameters, definition.name(), context)
    if layer is None:
        return
    if layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise QgsProcessingException(
            tr("{0}: the layer '{1}' has {2} geometries; polygons are needed").format(
                definition.name(), layer.name(), QgsWkbTypes.geometryDisplayString(layer.geometryType())
            )
        )


def _output_path(alg, definition, parameters, context) -> str | None:
    from qgis.core import QgsProcessingOutputLayerDefinition, QgsProperty

    value = parameters.get(definition.name())
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        value = value.valueAsString(context.expressionContext())[0]
    if value is None or not _is_file_value(str(value).strip()):
        return None
    if definition.type() == "fileDestination":
        path = alg.parameterAsFileOutput(parameters, definition.name(), context)
    elif definition.type() == "folderDestination":
        return None
    else:
        path = alg.parameterAsOutputLayer(parameters, definition.name(), context)
    return path if path and _is_file_value(path) else None


def _check_extension(definition, path: str) -> None:
    ext = os.path.splitext(path)[1].lower()
    kind = definition.type()
    if kind == "rasterDestination":
        allowed = list(RASTER_EXTENSIONS)
    elif kind in ("sink", "vectorDestination"):
        allowed = ["." + e.lower() for e in definition.supportedOutputVectorLayerExtensions()]
    elif kind == "fileDestination":
        allowed = ["." + e.lower() for e in re.findall(r"\*\.(\w+)", definition.fileFilter() or "")]
    else:
        return
    if allowed and ext not in allowed:
        shown = ", ".join(allowed[:8]) + (" ..." if len(allowed) > 8 else "")
        raise QgsProcessingException(
            tr("{0}: '{1}' does not end with an extension of its format ({2})").format(definition.name(), path, shown)
        )


def check_paths(alg, parameters: dict, context) -> list[str]:
    """Refuse outputs that would overwrite an input or each other; returns the output paths."""
    inputs: list[tuple[str, str]] = []  # (parameter, file)
    outputs: list[tuple[str, str]] = []
    definitions = {}
    for definition in alg.parameterDefinitions():
        name = definition.name()
        value = parameters.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        kind = definition.type()
        if definition.isDestination():
            path = _output_path(alg, definition, parameters, context)
            if path:
                if "|" in path:
                    raise QgsProcessingException(
                        tr("{0}: the output path '{1}' contains '|'; choose a name without it").format(name, path)
                    )
                outputs.append((name, path))
                definitions[name] = definition
            continue
        files: list[str] = []
        if kind == "raster":
            layer = alg.parameterAsRasterLayer(parameters, name, context)
            if layer is not None and layer.isValid() and layer.providerType() == "gdal":
                _check_declared_size(name, layer)  # (web layers are rendered at RESOLUTION instead)
            files.append(_layer_file(layer))
        elif kind in ("vector", "source"):
            _check_geometry(alg, definition, parameters, context)
            files.append(_layer_file(alg.parameterAsVectorLayer(parameters, name, context)))
        elif kind == "layer":
            files.append(_layer_file(alg.parameterAsLayer(parameters, name, context)))
        elif kind == "multilayer":
            files.extend(_layer_file(layer) for layer in alg.parameterAsLayerList(parameters, name, context))
        elif kind in ("file", "string"):
            text = alg.parameterAsString(parameters, name, context) if kind == "string" else None
            text = alg.parameterAsFile(parameters, name, context) if kind == "file" else text
            if text and len(text) < 4096 and os.path.isfile(text):
                files.append(text)
        for path in files:
            if path:
                inputs.extend((name, f) for f in _files_read_by(path))
    from ..engine.registry import SHIPPED_DIR

    shipped = os.path.realpath(SHIPPED_DIR)
    for k, (name, path) in enumerate(outputs):
        if os.path.commonpath([shipped, os.path.realpath(path)]) == shipped:
            raise QgsProcessingException(
                tr("{0} ({1}) is inside the shipped models folder; choose another folder").format(name, path)
            )
        for in_name, in_path in inputs:
            if _same_file(path, in_path):
                raise QgsProcessingException(
                    tr(
                        "{0} ({1}) is the same file as the input {2} ({3}); writing it would destroy the input. "
                        "Choose another output name"
                    ).format(name, path, in_name, in_path)
                )
        for other_name, other in outputs[:k]:
            if _same_file(path, other):
                raise QgsProcessingException(
                    tr("{0} and {1} are the same file ({2}); give each output its own name").format(
                        other_name, name, path
                    )
                )
    for name, path in outputs:
        _check_extension(definitions[name], path)
    return [path for _, path in outputs]


class OutputGuard:
    """Remembers which outputs (and sidecars, hidden temporary files) exist before the run,
    so that a failed run removes what it created and nothing else."""

    def __init__(self, outputs: list[str]):
        self.outputs = outputs
        self.before = {path: set(self._traces(path)) for path in outputs}

    @staticmethod
    def _traces(path: str) -> list[str]:
        found = [path + s for s in _SIDECARS if os.path.lexists(path + s)]
        folder, base = os.path.split(os.path.abspath(path))
        stem = os.path.splitext(base)[0]
        found += glob.glob(os.path.join(glob.escape(folder), f".{glob.escape(stem)}.satimpact-*"))
        return found

    def remove_new(self) -> None:
        for path, before in self.before.items():
            for trace in self._traces(path):
                if trace not in before:
                    try:
                        os.remove(trace)
                    except OSError:
                        pass


def message_of(exc: BaseException) -> str:
    return str(exc.args[0]) if exc.args else str(exc)


_HIDDEN_TEMPORARY = re.compile(r"(?:[^\s'\"]*/)?\.([^/\s'\"]+?)\.satimpact-[0-9a-f]{10}\.part(\.[A-Za-z0-9]+)?")


def clean_message(text: str) -> str:
    """Hidden temporary files (.name.satimpact-0123456789.part.tif) are named by the output
    they were to become: the analyst never saw them and cannot find them afterwards."""
    return _HIDDEN_TEMPORARY.sub(
        lambda m: tr("the intermediate result for {0}").format(m.group(1) + (m.group(2) or "")), text
    )


def as_processing_exception(alg, exc: BaseException) -> QgsProcessingException:
    """The message the analyst reads for any exception."""
    from ..engine.errors import EngineError

    if isinstance(exc, (QgsProcessingException, EngineError)):
        text = message_of(exc)
        cleaned = clean_message(text)
        return exc if cleaned == text and isinstance(exc, QgsProcessingException) else QgsProcessingException(cleaned)
    if isinstance(exc, ImportError):  # a package the run needs is missing from QGIS's Python
        from ..engine.model import missing_package_message

        package = exc.name or (str(exc).split() or ["?"])[0].strip("'\"")
        return QgsProcessingException(missing_package_message(package.split(".")[0]))
    if isinstance(exc, MemoryError):
        return QgsProcessingException(
            tr("not enough memory for this run ({0}); process a smaller extent or free memory").format(exc)
        )
    if isinstance(exc, RecursionError):
        return QgsProcessingException(tr("the input is nested too deeply to be read ({0})").format(exc))
    try:
        import rasterio.errors

        geometry_errors = (rasterio.errors.WindowError, rasterio.errors.CRSError, rasterio.errors.TransformError)
        if isinstance(exc, geometry_errors):
            return QgsProcessingException(
                tr(
                    "the raster's extent or coordinate reference system cannot be processed ({0}: {1}); "
                    "a raster crossing the antimeridian (180 degrees) or in an unusual CRS: reproject it to "
                    "a projected CRS (e.g. its UTM zone) first"
                ).format(type(exc).__name__, exc)
            )
        raster_errors: tuple = (rasterio.errors.RasterioError, rasterio.errors.RasterioIOError)
        from rasterio._err import CPLE_BaseError

        raster_errors += (CPLE_BaseError,)
    except ImportError:
        raster_errors = ()
    gdal_read_error = isinstance(exc, RuntimeError) and any(
        k in str(exc) for k in ("IReadBlock", "TIFFRead", "IWriteBlock", "Read or write failed")
    )
    if (raster_errors and isinstance(exc, raster_errors)) or gdal_read_error:
        return QgsProcessingException(
            tr("a raster could not be read or written (damaged or truncated file?): {0}").format(exc)
        )
    if isinstance(exc, OSError) and exc.strerror:
        return QgsProcessingException(tr("file error: {0}").format(exc))
    return QgsProcessingException(
        tr("internal error in {0}: {1}: {2}. Please report it at {3} with the log of this run").format(
            alg.id() or alg.name(), type(exc).__name__, exc, ISSUES_URL
        )
    )
