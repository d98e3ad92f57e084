"""satimpact:debrisdetection: Floating Debris Index and candidate debris patches on water (Sentinel-2)."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from ...engine.debris import detect_debris
from ...engine.model_choice import debris_models
from ...engine.raster import raster_info
from ..common import (
    LayerStyler,
    ProcessingFeedback,
    SatImpactAlgorithm,
    model_parameter,
    raster_layer_path,
    user_models_dir,
)
from ..water_styles import CANDIDATE_MAGENTA, diverging_ramp, style_outline


class DebrisDetectionAlgorithm(SatImpactAlgorithm):
    INPUT = "INPUT"
    MODEL = "MODEL"
    BAND_MAP = "BAND_MAP"
    OUTPUT = "OUTPUT"
    OUTPUT_CANDIDATES = "OUTPUT_CANDIDATES"
    MODEL_USED = "MODEL_USED"
    WATER_MODEL_USED = "WATER_MODEL_USED"
    FLAGGED_SHARE = "FLAGGED_SHARE"
    FLAGGED_PIXELS = "FLAGGED_PIXELS"
    WATER_PIXELS = "WATER_PIXELS"
    CANDIDATES = "CANDIDATES"

    group_id = "water"
    group_name = "Water and debris"

    def name(self):
        return "debrisdetection"

    def displayName(self):
        return self.tr("Floating debris detection (FDI, Sentinel-2)")

    def shortDescription(self):
        return self.tr("Floating Debris Index and candidate debris patches on water from a Sentinel-2 scene.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Sentinel-2 scene (L1C or L2A)")))
        self.addParameter(
            model_parameter(
                self.MODEL,
                self.tr("Debris model (empty: debris_fdi or debris_fdi_s2b from the product name)"),
                task="debris",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.BAND_MAP,
                self.tr("Band mapping (e.g. red=4,rededge2=6,nir=8,swir16=12; empty: automatic)"),
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Floating Debris Index")))
        self.addParameter(
            QgsProcessingParameterVectorDestination(
                self.OUTPUT_CANDIDATES,
                self.tr("Debris candidates"),
                type=QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
                createByDefault=True,
            )
        )
        self.addOutput(QgsProcessingOutputString(self.MODEL_USED, self.tr("Debris model used")))
        self.addOutput(QgsProcessingOutputString(self.WATER_MODEL_USED, self.tr("Water model used")))
        self.addOutput(QgsProcessingOutputNumber(self.FLAGGED_SHARE, self.tr("Share of water pixels flagged")))
        self.addOutput(QgsProcessingOutputNumber(self.FLAGGED_PIXELS, self.tr("Flagged pixels")))
        self.addOutput(QgsProcessingOutputNumber(self.WATER_PIXELS, self.tr("Cloud-free water pixels")))
        self.addOutput(QgsProcessingOutputNumber(self.CANDIDATES, self.tr("Candidate patches")))

    def process(self, parameters, context, feedback):
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        source = raster_layer_path(layer)
        info = raster_info(source)
        band_map = self.parameterAsString(parameters, self.BAND_MAP, context)
        reference = (self.parameterAsString(parameters, self.MODEL, context) or "").strip()
        # One choice for this tool and the batch (engine/model_choice.py).
        choice = debris_models(source, info, reference, band_map, user_models_dir())
        if choice.platform_guessed:
            feedback.pushWarning(
                self.tr(
                    "The platform (Sentinel-2A or 2B) is not in the file name or tags; using "
                    "Sentinel-2A wavelengths. Set MODEL=debris_fdi_s2b for a Sentinel-2B scene."
                )
            )
        fdi_model, fdi_bands = choice.model, choice.bands
        water_model, water_bands = choice.water_model, choice.water_bands
        spec = fdi_model.card.inputs[0]
        feedback.pushInfo(self.tr("Debris model: {0}").format(fdi_model.card.summary()))
        feedback.pushInfo(self.tr("Bands: {0}").format(fdi_bands.describe(spec.bands)))
        feedback.pushInfo(
            self.tr("Water model: {water_model_card_name}").format(water_model_card_name=water_model.card.name)
        )

        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        candidates = self.parameterAsOutputLayer(parameters, self.OUTPUT_CANDIDATES, context) or None
        report = detect_debris(
            source,
            fdi_model,
            fdi_bands.indices,
            water_model,
            water_bands.indices,
            output,
            candidates,
            ProcessingFeedback(feedback),
        )
        scene = layer.name()
        LayerStyler.attach(
            context,
            output,
            self.tr("Floating Debris Index ({fdi_model_card_name}) - {scene}").format(
                fdi_model_card_name=fdi_model.card.name, scene=scene
            ),
            diverging_ramp(-0.1, 0.1, "RdBu", invert=True),
        )
        results = {
            self.OUTPUT: output,
            self.MODEL_USED: fdi_model.card.name,
            self.WATER_MODEL_USED: water_model.card.name,
            self.FLAGGED_SHARE: report.flagged_share,
            self.FLAGGED_PIXELS: report.flagged_pixels,
            self.WATER_PIXELS: report.water_pixels,
            self.CANDIDATES: report.candidates if report.candidates is not None else 0,
        }
        if candidates:
            LayerStyler.attach(
                context,
                candidates,
                self.tr("Debris candidates on water (FDI) - {scene}").format(scene=scene),
                style_outline(CANDIDATE_MAGENTA, 0.8),
            )
            results[self.OUTPUT_CANDIDATES] = candidates
        return results
