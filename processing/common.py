"""What every SatImpact algorithm shares: layer-to-file resolution, model lookup,
feedback bridging and styling of result layers. No pixel math here (that is ``engine/``)."""

from __future__ import annotations

import os

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..engine.errors import EngineError
from ..engine.memory import gdal_cache_cap
from ..engine.registry import available_models, resolve_model
from ..engine.runner import Feedback
from . import safety
from .parameters import SharedParameters
from .tables import ZoneTables

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "icons", "satimpact.svg")


def tr(text: str) -> str:
    return QCoreApplication.translate("SatImpact", text)


# --- help texts --------------------------------------------------------------------------------
# One HTML file per algorithm: help/<name>.html in English, help/<language>/<name>.html beside it
# in each translation (tests/test_help_files.py fails when one lacks its Korean).
HELP_DIR = os.path.join(os.path.dirname(__file__), "help")


def help_language() -> str:
    """The language of the help files to show: the one of the plugin's installed translation,
    so the help always speaks the language of the dialog around it (the catalogue translates
    this marker into its language code; no translation installed: English)."""
    return tr("help language: en").rsplit(" ", 1)[-1].strip() or "en"


def help_text(name: str, language: str | None = None, values: dict | None = None) -> str:
    """The help HTML of algorithm ``name`` in ``language`` (default: help_language()), English
    where that language has none; ``{key}`` placeholders are filled from ``values``."""
    language = language or help_language()
    paths = [os.path.join(HELP_DIR, f"{name}.html")]
    if language != "en":
        paths.insert(0, os.path.join(HELP_DIR, language, f"{name}.html"))
    path = next((p for p in paths if os.path.exists(p)), None)
    if path is None:
        return ""
    with open(path, encoding="utf-8") as fh:
        text = fh.read().strip()
    for key, value in (values or {}).items():
        text = text.replace("{" + key + "}", str(value))
    return text


class ProcessingFeedback(Feedback):
    """Engine feedback onto QgsProcessingFeedback (progress, cancel, log)."""

    def __init__(self, feedback):
        self.feedback = feedback

    def progress(self, percent: float) -> None:
        if self.feedback is not None:
            self.feedback.setProgress(percent)

    def is_cancelled(self) -> bool:
        return self.feedback is not None and self.feedback.isCanceled()

    def info(self, message: str) -> None:
        if self.feedback is not None:
            self.feedback.pushInfo(message)

    def warning(self, message: str) -> None:
        if self.feedback is not None:
            self.feedback.pushWarning(message)


def user_models_dir() -> str | None:
    """User models live in the QGIS profile, so plugin upgrades keep them."""
    try:
        from qgis.core import QgsApplication

        folder = QgsApplication.qgisSettingsDirPath()
    except Exception:  # no QGIS application (pure engine use)
        return None
    return os.path.join(folder, "satimpact", "models") if folder else None


def shipped_model_names() -> list[str]:
    return sorted(available_models(user_models_dir()))


def model_parameter(
    name: str, description: str, task: str | None = None, default: str | None = None, optional: bool = False
):
    """A MODEL parameter: a plain string (model name or .onnx path) for qgis_process and the
    modeler, shown in dialogs as a list of the shipped and user models of ``task``."""
    from qgis.core import QgsProcessingParameterString

    param = QgsProcessingParameterString(name, description, defaultValue=default, optional=optional)
    param.setMetadata({"widget_wrapper": {"class": "satimpact.ui.model_widget.ModelChooserWrapper", "task": task}})
    return param


RADAR_UNITS_VALUES = (None, "db", "linear")  # the engine's radar_units for each RADAR_UNITS option


def radar_units_parameter():
    """RADAR_UNITS: how radar backscatter is stored (automatic, dB, linear power)."""
    from qgis.core import QgsProcessingParameterEnum

    return QgsProcessingParameterEnum(
        "RADAR_UNITS",
        tr("Radar backscatter units"),
        options=[tr("Automatic (band descriptions, else the values)"), tr("dB"), tr("Linear power")],
        defaultValue=0,
    )


def radar_units(alg, parameters, context) -> str | None:
    """The engine's radar_units for the RADAR_UNITS choice (None: judged from the raster)."""
    return RADAR_UNITS_VALUES[alg.parameterAsEnum(parameters, "RADAR_UNITS", context)]


def model_path(reference: str) -> str:
    try:
        return resolve_model(reference, user_models_dir())
    except EngineError as exc:
        raise QgsProcessingException(str(exc)) from exc


def raster_layer_path(layer: QgsRasterLayer, parameter: str = "INPUT") -> str:
    """The file behind a raster layer. Layers that are not files (XYZ, WMS) are refused for now."""
    if layer is None:
        raise QgsProcessingException(tr("{0}: no raster layer given").format(parameter))
    if not layer.isValid():
        raise QgsProcessingException(tr("{0}: the layer '{1}' is not valid").format(parameter, layer.name()))
    if layer.providerType() != "gdal":
        raise QgsProcessingException(
            tr(
                "{0}: the layer '{1}' comes from the '{2}' provider "
                "and is not a file; export it as a GeoTIFF first (Raster > Conversion > Translate)"
            ).format(parameter, layer.name(), layer.providerType())
        )
    source = layer.source().split("|")[0]
    if not layer.crs().isValid():
        raise QgsProcessingException(
            tr(
                "{0}: the raster '{1}' ({2}) has no coordinate reference system; "
                "assign one (Raster > Projections > Assign Projection) and run again"
            ).format(parameter, layer.name(), source)
        )
    return source


class SatImpactAlgorithm(ZoneTables, SharedParameters, QgsProcessingAlgorithm):
    """Base class: naming, icon, translation, uniform error reporting, and the zone, table and
    parameter helpers of ZoneTables (tables.py) and SharedParameters (parameters.py)."""

    group_id = "models"
    group_name = "Models"

    def tr(self, text):
        return tr(text)

    def createInstance(self):
        return type(self)()

    def group(self):
        return self.tr(self.group_name)

    def groupId(self):
        return self.group_id

    def icon(self):
        return QIcon(ICON)

    def helpUrl(self):
        return "https://github.com/satimpact/satimpact/blob/main/docs/tools.md"

    def shortHelpString(self):
        """The algorithm's help file (help/<name>.html, in the user's language), naming the
        parameters by their dialog labels (labels.labelled_help)."""
        from .labels import labelled_help

        return labelled_help(self, help_text(self.name(), values=self.help_values()))

    def help_values(self) -> dict:
        """Values for the {key} placeholders of the help file (e.g. the models installed)."""
        return {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # QgsProcessingAlgorithm.run() is what processing.run() calls; overriding it breaks
        # every caller, so catch the mistake when the class is defined.
        if "run" in cls.__dict__:
            raise TypeError(
                f"{cls.__name__}: implement process(parameters, context, feedback), not run() "
                "(run() belongs to QgsProcessingAlgorithm)"
            )

    def addParameter(self, definition, createOutput=True):
        safety.apply_named_range(definition)  # CELL_SIZE 1 m .. 1000 km wherever it appears, ...
        # dialog labels stay short; the explanation goes into the parameter's help (labels.py)
        from .labels import band_map_widget, shorten

        shorten(definition)
        band_map_widget(definition)
        return super().addParameter(definition, createOutput)

    def checkParameterValues(self, parameters, context):
        # ours first: a 0-byte file is "empty" (not "not found") and a range is always named
        try:
            message = safety.check_values(self, parameters, context)
        except Exception as exc:  # a check must never be the traceback
            message = safety.message_of(safety.as_processing_exception(self, exc))
        if message:
            return False, message
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        # Every output is checked against every input before anything runs, and a failed run
        # removes what it created; any exception reaches the analyst as a message.
        message = safety.check_values(self, parameters, context)
        if message:
            raise QgsProcessingException(message)
        try:
            guard = safety.OutputGuard(safety.check_paths(self, parameters, context))
        except Exception as exc:
            raise safety.as_processing_exception(self, exc) from exc
        try:
            with gdal_cache_cap():
                return self.process(parameters, context, feedback)
        except Exception as exc:
            guard.remove_new()
            raise safety.as_processing_exception(self, exc) from exc
        except BaseException:
            guard.remove_new()
            raise

    def process(self, parameters, context, feedback):
        """The algorithm's work; EngineError becomes QgsProcessingException with its message."""
        raise NotImplementedError

    # --- layers that are not files (XYZ, WMS, virtual rasters) ---------------------------------
    EXTENT = "EXTENT"
    RESOLUTION = "RESOLUTION"

    def add_render_parameters(self, resolution_label: str, min_resolution: float = 0.0) -> None:
        """EXTENT and RESOLUTION: where and how finely INPUT is rendered when it is not a file."""
        from qgis.core import QgsProcessingParameterExtent, QgsProcessingParameterNumber

        self.addParameter(
            QgsProcessingParameterExtent(
                self.EXTENT,
                self.tr(
                    "Extent to process (default: the whole layer; a file is cut to it, other layers rendered over it)"
                ),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.RESOLUTION,
                resolution_label,
                QgsProcessingParameterNumber.Type.Double,
                optional=True,
                minValue=min_resolution,
            )
        )

    # --- output encoding ---------------------------------------------------------------------
    COMPRESSION = "COMPRESSION"

    def add_compression_parameter(self) -> None:
        """COMPRESSION (advanced): how the output GeoTIFF is compressed (engine.raster.gtiff_profile)."""
        from qgis.core import QgsProcessingParameterDefinition, QgsProcessingParameterEnum

        from ..engine.raster import COMPRESSIONS

        param = QgsProcessingParameterEnum(
            self.COMPRESSION,
            self.tr("Output compression (auto: ZSTD for classes and masks, none for continuous values)"),
            options=list(COMPRESSIONS),
            defaultValue=COMPRESSIONS[0],
            optional=True,
            usesStaticStrings=True,
        )
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(param)

    def compression(self, parameters, context) -> str:
        return self.parameterAsEnumString(parameters, self.COMPRESSION, context) or "auto"

    def input_layer_file(self, layer, parameters, context, feedback, default_resolution_m):
        """INPUT as a file (see raster_layer_file), rendered over EXTENT at RESOLUTION if need be."""
        resolution = (
            self.parameterAsDouble(parameters, self.RESOLUTION, context) if parameters.get(self.RESOLUTION) else None
        )
        return raster_layer_file(
            layer,
            context,
            feedback,
            "INPUT",
            extent=self.parameterAsExtent(parameters, self.EXTENT, context),
            extent_crs=self.parameterAsExtentCrs(parameters, self.EXTENT, context),
            resolution_m=resolution,
            default_resolution_m=default_resolution_m,
        )


class LayerStyler(QgsProcessingLayerPostProcessorInterface):
    """Names and styles a result layer when QGIS loads it (GUI and modeler), and puts all
    outputs of one run into one layer group, so repeated runs do not mix."""

    _alive = []  # QGIS holds only a raw pointer: keep post-processors alive

    def __init__(self, name: str, style, group: str | None = None):
        super().__init__()
        self.name = name
        self.style = style
        self.group = group

    def postProcessLayer(self, layer, context, feedback):
        if layer is None or not layer.isValid():
            return
        layer.setName(self.name)
        if self.style is not None:
            self.style(layer)
        layer.triggerRepaint()
        if self.group:
            self._move_to_group(layer, context)

    def _move_to_group(self, layer, context):
        project = context.project()
        if project is None:
            return
        root = project.layerTreeRoot()
        node = root.findLayer(layer.id())
        if node is None:
            return
        group = root.findGroup(self.group) or root.insertGroup(0, self.group)
        from .result_styles import order_group

        # QGIS's window adds a new layer above the current one, which may already be in the group
        if node.parent() is not group:
            group.insertChildNode(0, node.clone())
            node.parent().removeChildNode(node)
        order_group(group)

    @classmethod
    def attach(cls, context, output_path: str, name: str, style=None):
        if not context.willLoadLayerOnCompletion(output_path):
            return
        # One group per run: the first styled output names it (with the time of the run).
        group = getattr(context, "_satimpact_group", None)
        if group is None:
            import time

            group = f"{name} ({time.strftime('%H:%M:%S')})"
            try:
                context._satimpact_group = group
            except AttributeError:
                pass
        styler = cls(name, style, group)
        cls._alive.append(styler)
        details = context.layerToLoadOnCompletionDetails(output_path)
        details.name = name
        details.setPostProcessor(styler)


def style_pseudocolor(minimum: float, maximum: float, ramp_name: str = "Viridis", band: int = 1):
    """A continuous single-band ramp (used for indices, probabilities and scores), stretched to
    the data's 2-98 % range; ``minimum``/``maximum`` where the data cannot be read."""

    def apply(layer):
        from qgis.core import (
            QgsColorRampShader,
            QgsRasterShader,
            QgsSingleBandPseudoColorRenderer,
            QgsStyle,
        )

        from .result_styles import data_range

        low, high = data_range(layer.source(), band=band) or (minimum, maximum)
        ramp = QgsStyle.defaultStyle().colorRamp(ramp_name)
        shader_fn = QgsColorRampShader(low, high, ramp)
        shader_fn.classifyColorRamp(5, -1)
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(shader_fn)
        renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), band, shader)
        renderer.setClassificationMin(low)
        renderer.setClassificationMax(high)
        layer.setRenderer(renderer)

    return apply


# --- any raster layer as a file ---------------------------------------------------------------

# A render larger than this is almost surely a forgotten EXTENT (an XYZ layer's extent is the
# whole world); the analyst gets a message instead of hours of tile downloads.
MAX_RENDER_PIXELS = 4_000_000_000


class LayerFile:
    """The file a raster layer's pixels are in: the layer's own file, or a GeoTIFF rendered
    from a layer that is not a file (XYZ, WMS, virtual raster ...). ``cleanup()`` removes a
    rendered file; a layer's own file is never touched."""

    def __init__(self, path: str, rendered: bool, description: str = "", temporary: bool | None = None):
        self.path = path
        self.rendered = rendered
        self.description = description
        # a file made for this run (a rendering, or a VRT window on a file layer): removed after
        self.temporary = rendered if temporary is None else temporary

    def cleanup(self) -> None:
        if self.temporary:
            from ..engine.raster import remove_quietly

            remove_quietly(self.path)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.cleanup()
        return False


def metres_per_map_unit(crs, point, transform_context) -> tuple[float, float]:
    """Ground metres per map unit of ``crs`` at ``point``, east-west and north-south
    (ellipsoidal, so degrees and Web Mercator's stretched metres both come out right)."""
    from qgis.core import QgsDistanceArea, QgsPointXY, QgsUnitTypes

    if crs.mapUnits() == QgsUnitTypes.DistanceUnit.DistanceMeters and not crs.authid() == "EPSG:3857":
        return 1.0, 1.0
    area = QgsDistanceArea()
    area.setSourceCrs(crs, transform_context)
    area.setEllipsoid(crs.ellipsoidAcronym() or "EPSG:7030")
    step = 1e-4 if crs.isGeographic() else 10.0
    scales = []
    for dx, dy in ((step, 0.0), (0.0, step)):
        p0 = QgsPointXY(point.x() - dx / 2, point.y() - dy / 2)
        p1 = QgsPointXY(point.x() + dx / 2, point.y() + dy / 2)
        metres = area.convertLengthMeasurement(area.measureLine(p0, p1), QgsUnitTypes.DistanceUnit.DistanceMeters)
        if not metres > 0:
            raise QgsProcessingException(
                tr("cannot measure ground distances in {0} at {1}").format(crs.authid(), point.toString())
            )
        scales.append(metres / step)
    return scales[0], scales[1]


def _file_window(source: str, area, layer, parameter: str, feedback) -> LayerFile:
    """A VRT over the pixels of ``source`` inside ``area`` (layer CRS): the file's own grid,
    cut to whole pixels, nothing resampled or copied."""
    from osgeo import gdal
    from qgis.core import QgsProcessingUtils

    path = QgsProcessingUtils.generateTempFilename(f"{parameter.lower()}_window.vrt")
    gdal.ErrorReset()
    window = gdal.Translate(
        path,
        source,
        format="VRT",
        projWin=[area.xMinimum(), area.yMaximum(), area.xMaximum(), area.yMinimum()],
    )
    if window is None:
        raise QgsProcessingException(
            tr("{0}: cannot cut '{1}' to the requested extent: {2}").format(
                parameter, layer.name(), gdal.GetLastErrorMsg()
            )
        )
    cols, rows = window.RasterXSize, window.RasterYSize
    window = None  # closes (and writes) the VRT
    if feedback is not None:
        feedback.pushInfo(
            tr("{parameter}: '{0}' cut to the extent {1}: {cols} x {rows} px").format(
                layer.name(), area.toString(3), parameter=parameter, cols=cols, rows=rows
            )
        )
    return LayerFile(path, False, f"file {source}, window of {cols} x {rows} px", temporary=True)


def raster_layer_file(
    layer: QgsRasterLayer,
    context,
    feedback=None,
    parameter: str = "INPUT",
    extent=None,
    extent_crs=None,
    resolution_m: float | None = None,
    default_resolution_m: float | None = None,
) -> LayerFile:
    """A GeoTIFF path for any raster layer QGIS can show.

    File layers (GDAL provider) are used at their own resolution, whole or cut to ``extent``
    (a VRT window on the file's own pixel grid). Other layers (XYZ and WMS tiles, virtual
    rasters, ...) are rendered by QGIS through a raster pipe into a temporary GeoTIFF over
    ``extent`` (default: the layer's extent) at ``resolution_m`` ground metres per pixel
    (default: ``default_resolution_m``, usually the model card's). Data providers give their
    raw values and nodata; image providers (XYZ, WMS) give red, green, blue and an alpha band
    that marks missing tiles as nodata.
    """
    from qgis.core import QgsCoordinateTransform, QgsRectangle

    if layer is None:
        raise QgsProcessingException(tr("{0}: no raster layer given").format(parameter))
    if not layer.isValid():
        raise QgsProcessingException(tr("{0}: the layer '{1}' is not valid").format(parameter, layer.name()))

    def requested_area():
        """The layer's extent, cut to EXTENT (given in its own CRS or the layer's)."""
        area = QgsRectangle(layer.extent())
        if extent is not None and not extent.isNull():
            requested = QgsRectangle(extent)
            if extent_crs is not None and extent_crs.isValid() and extent_crs != layer.crs():
                requested = QgsCoordinateTransform(
                    extent_crs, layer.crs(), context.transformContext()
                ).transformBoundingBox(requested)
            area = area.intersect(requested)
            if area.isEmpty():
                raise QgsProcessingException(
                    tr("{0}: the requested extent does not overlap the layer '{1}'").format(parameter, layer.name())
                )
        return area

    if layer.providerType() == "gdal":
        source = raster_layer_path(layer, parameter)
        if resolution_m and feedback is not None:
            feedback.pushWarning(
                tr(
                    "{parameter}: '{0}' is a file; it is processed at its own resolution (RESOLUTION "
                    "applies to layers that are not files: XYZ, WMS, virtual rasters)"
                ).format(layer.name(), parameter=parameter)
            )
        if extent is None or extent.isNull():
            return LayerFile(source, False, f"file {layer.source()}")
        return _file_window(source, requested_area(), layer, parameter, feedback)

    crs = layer.crs()
    if not crs.isValid():
        raise QgsProcessingException(
            tr("{0}: the layer '{1}' has no coordinate reference system").format(parameter, layer.name())
        )
    area = requested_area()
    resolution = resolution_m or default_resolution_m
    if not resolution or resolution <= 0:
        raise QgsProcessingException(
            tr(
                "{0}: '{1}' is not a file ({2} provider), so it must be "
                "rendered at a ground resolution; set RESOLUTION (metres per pixel), the model card gives none"
            ).format(parameter, layer.name(), layer.providerType())
        )
    return _render_layer(layer, area, resolution, context, feedback, parameter)


def _render_layer(layer, area, resolution: float, context, feedback, parameter: str) -> LayerFile:
    """A layer that is not a file rendered by QGIS through a raster pipe into a temporary
    GeoTIFF over ``area`` (layer CRS) at ``resolution`` ground metres per pixel."""
    from qgis.core import QgsProcessingUtils, QgsRasterBlockFeedback, QgsRasterFileWriter, QgsRasterPipe, QgsRectangle

    crs = layer.crs()
    per_x, per_y = metres_per_map_unit(crs, area.center(), context.transformContext())
    step_x, step_y = resolution / per_x, resolution / per_y
    cols, rows = max(1, round(area.width() / step_x)), max(1, round(area.height() / step_y))
    if cols * rows > MAX_RENDER_PIXELS:
        raise QgsProcessingException(
            tr(
                "{0}: rendering '{1}' over {2} at {3} m would make {4} x {5} px; "
                "set a smaller EXTENT or a coarser RESOLUTION"
            ).format(parameter, layer.name(), area.toString(3), f"{resolution:g}", cols, rows)
        )
    # Snap the extent to whole pixels so the ground resolution is exactly the requested one.
    area = QgsRectangle(
        area.xMinimum(), area.yMaximum() - rows * step_y, area.xMinimum() + cols * step_x, area.yMaximum()
    )
    provider = layer.dataProvider().clone()
    pipe = QgsRasterPipe()
    if not pipe.set(provider):
        raise QgsProcessingException(
            tr("{0}: cannot read the layer '{1}' through a raster pipe").format(parameter, layer.name())
        )
    path = QgsProcessingUtils.generateTempFilename(f"{parameter.lower()}_rendered.tif")
    writer = QgsRasterFileWriter(path)
    writer.setOutputFormat("GTiff")
    writer.setCreateOptions(["TILED=YES", "COMPRESS=DEFLATE", "ZLEVEL=1", "BIGTIFF=IF_SAFER"])
    block_feedback = QgsRasterBlockFeedback()
    if feedback is not None:
        feedback.canceled.connect(block_feedback.cancel)
        block_feedback.progressChanged.connect(feedback.setProgress)
        feedback.pushInfo(
            tr(
                "{parameter}: rendering '{0}' ({1}) over {2} ({3}) at {resolution:g} m per pixel: {cols} x {rows} px"
            ).format(
                layer.name(),
                layer.providerType(),
                area.toString(3),
                crs.authid(),
                parameter=parameter,
                resolution=resolution,
                cols=cols,
                rows=rows,
            )
        )
    try:
        error = writer.writeRaster(pipe, cols, rows, area, crs, context.transformContext(), block_feedback)
    finally:
        if feedback is not None:
            feedback.canceled.disconnect(block_feedback.cancel)
            block_feedback.progressChanged.disconnect(feedback.setProgress)
    rendered = LayerFile(path, True, f"{layer.providerType()} layer rendered at {resolution:g} m")
    if error == QgsRasterFileWriter.WriterError.WriteCanceled or (feedback is not None and feedback.isCanceled()):
        rendered.cleanup()
        raise QgsProcessingException(tr("{0}: cancelled while rendering '{1}'").format(parameter, layer.name()))
    if error != QgsRasterFileWriter.WriterError.NoError:
        rendered.cleanup()
        raise QgsProcessingException(
            tr("{0}: rendering '{1}' failed (writer error {2})").format(parameter, layer.name(), error)
        )
    _describe_rendered_bands(path, provider)
    return rendered


def _describe_rendered_bands(path: str, provider) -> None:
    """Band names for the rendered file (metadata only), so bands are found by name: image
    renders are red, green, blue, alpha; data renders keep the provider's band names."""
    from osgeo import gdal
    from qgis.core import Qgis

    ds = gdal.Open(path, gdal.GA_Update)
    try:
        image = provider.dataType(1) in (Qgis.DataType.ARGB32, Qgis.DataType.ARGB32_Premultiplied)
        if image and ds.RasterCount == 4:
            for k, name in enumerate(("red", "green", "blue", "alpha"), start=1):
                ds.GetRasterBand(k).SetDescription(name)
            ds.GetRasterBand(4).SetColorInterpretation(gdal.GCI_AlphaBand)
        else:
            for k in range(1, ds.RasterCount + 1):
                name = provider.generateBandName(k)
                if hasattr(provider, "bandDescription"):
                    name = provider.bandDescription(k) or name
                ds.GetRasterBand(k).SetDescription(name)
    finally:
        ds = None
