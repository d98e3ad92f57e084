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
from ..engine.registry import available_models, resolve_model
from ..engine.runner import Feedback

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "icons", "satimpact.svg")


def tr(text: str) -> str:
    return QCoreApplication.translate("SatImpact", text)


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


def model_path(reference: str) -> str:
    try:
        return resolve_model(reference, user_models_dir())
    except EngineError as exc:
        raise QgsProcessingException(str(exc)) from exc


def raster_layer_path(layer: QgsRasterLayer, parameter: str = "INPUT") -> str:
    """The file behind a raster layer. Layers that are not files (XYZ, WMS) are refused for now."""
    if layer is None:
        raise QgsProcessingException(tr(f"{parameter}: no raster layer given"))
    if not layer.isValid():
        raise QgsProcessingException(tr(f"{parameter}: the layer '{layer.name()}' is not valid"))
    if layer.providerType() != "gdal":
        raise QgsProcessingException(
            tr(
                f"{parameter}: the layer '{layer.name()}' comes from the '{layer.providerType()}' provider "
                "and is not a file; export it as a GeoTIFF first (Raster > Conversion > Translate)"
            )
        )
    source = layer.source().split("|")[0]
    if not layer.crs().isValid():
        raise QgsProcessingException(
            tr(
                f"{parameter}: the raster '{layer.name()}' ({source}) has no coordinate reference system; "
                "assign one (Raster > Projections > Assign Projection) and run again"
            )
        )
    return source


class SatImpactAlgorithm(QgsProcessingAlgorithm):
    """Base class: naming, icon, translation and uniform error reporting."""

    group_id = "models"
    group_name = "Models"

    def tr(self, text):
        return tr(text)

    def createInstance(self):  # noqa: N802 (QGIS API)
        return type(self)()

    def group(self):
        return self.tr(self.group_name)

    def groupId(self):  # noqa: N802 (QGIS API)
        return self.group_id

    def icon(self):
        return QIcon(ICON)

    def helpUrl(self):  # noqa: N802 (QGIS API)
        return "https://github.com/satimpact/satimpact#tools"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # QgsProcessingAlgorithm.run() is what processing.run() calls; overriding it breaks
        # every caller, so catch the mistake when the class is defined.
        if "run" in cls.__dict__:
            raise TypeError(
                f"{cls.__name__}: implement process(parameters, context, feedback), not run() "
                "(run() belongs to QgsProcessingAlgorithm)"
            )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        try:
            return self.process(parameters, context, feedback)
        except EngineError as exc:
            raise QgsProcessingException(str(exc)) from exc

    def process(self, parameters, context, feedback):
        """The algorithm's work; EngineError becomes QgsProcessingException with its message."""
        raise NotImplementedError


class LayerStyler(QgsProcessingLayerPostProcessorInterface):
    """Names and styles a result layer when QGIS loads it (GUI and modeler)."""

    _alive = []  # QGIS holds only a raw pointer: keep post-processors alive

    def __init__(self, name: str, style):
        super().__init__()
        self.name = name
        self.style = style

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        if layer is None or not layer.isValid():
            return
        layer.setName(self.name)
        if self.style is not None:
            self.style(layer)
        layer.triggerRepaint()

    @classmethod
    def attach(cls, context, output_path: str, name: str, style=None):
        if not context.willLoadLayerOnCompletion(output_path):
            return
        styler = cls(name, style)
        cls._alive.append(styler)
        details = context.layerToLoadOnCompletionDetails(output_path)
        details.name = name
        details.setPostProcessor(styler)


def style_pseudocolor(minimum: float, maximum: float, ramp_name: str = "Viridis", band: int = 1):
    """A continuous single-band ramp (used for indices, probabilities and scores)."""

    def apply(layer):
        from qgis.core import (
            QgsColorRampShader,
            QgsRasterShader,
            QgsSingleBandPseudoColorRenderer,
            QgsStyle,
        )

        ramp = QgsStyle.defaultStyle().colorRamp(ramp_name)
        shader_fn = QgsColorRampShader(minimum, maximum, ramp)
        shader_fn.classifyColorRamp(5, -1)
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(shader_fn)
        renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), band, shader)
        renderer.setClassificationMin(minimum)
        renderer.setClassificationMax(maximum)
        layer.setRenderer(renderer)

    return apply
