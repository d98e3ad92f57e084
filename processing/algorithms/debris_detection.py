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

    def shortHelpString(self):
        return self.tr(
            "<p>Computes the Floating Debris Index (FDI) of a Sentinel-2 scene and outlines candidate "
            "patches of floating matter (plastic litter, seaweed, wood, foam) on water.</p>"
            "<p><b>Method.</b> FDI = R<sub>B8</sub> - (R<sub>B6</sub> + (R<sub>B11</sub> - R<sub>B6</sub>) "
            "x 10 x (&lambda;<sub>B8</sub> - &lambda;<sub>B4</sub>) / (&lambda;<sub>B11</sub> - "
            "&lambda;<sub>B4</sub>)), with NDVI, after Biermann et al. (2020), Finding plastic patches in "
            "coastal waters using optical satellite data, Sci. Rep. 10, 5364. The central wavelengths are "
            "the sensor's own: model debris_fdi for Sentinel-2A, debris_fdi_s2b for Sentinel-2B, chosen "
            "from the product name (S2A_/S2B_ in the file name or tags) unless MODEL says. "
            "Water: the best water model the bands allow (satimpact:waterdetection's default, with its "
            "card's threshold); non-water gaps up to 2 px inside water (a 5x5 closing) count as water, "
            "since debris itself raises NIR; land never yields candidates. Cloud-like bright pixels are "
            "excluded: red (B4) reflectance &gt;= 0.25, the level at which Sen2Cor's first cloud test "
            "gives full cloud probability. A pixel is a candidate where FDI &gt; 0 and FDI is a robust "
            "outlier among the scene's cloud-free water pixels: (FDI - median) / (IQR / 1.349) &gt; 3. "
            "The rules are in the model card.</p>"
            "<p><b>Bands.</b> Sentinel-2 B4, B6, B8, B11 (and B2, B3 for the water mask), reflectance "
            "x 10000, L1C or L2A; matched by band name, band count (13 or 12 bands) or BAND_MAP.</p>"
            "<p><b>Outputs.</b> OUTPUT: FDI (float32 GeoTIFF). OUTPUT_CANDIDATES: patches with fdi (mean), "
            "fdi_max, ndvi (mean), score (robust z of the strongest pixel), pixels and area_m2. "
            "FLAGGED_SHARE: the share of water pixels flagged.</p>"
            "<p><b>Measured.</b> On the Sen1Floods11 chip Spain_7370579 (flood water, no known debris) "
            "1.7 % of the cloud-free water pixels are flagged. Candidates are leads to check, not "
            "detections of plastic: "
            "ships, wakes, foam, algae and cloud edges also raise FDI.</p>"
            "<p><b>qgis_process.</b><br><code>qgis_process run satimpact:debrisdetection -- "
            "INPUT=S2B_scene.tif OUTPUT=fdi.tif OUTPUT_CANDIDATES=debris.gpkg</code></p>"
        )

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
                "The platform (Sentinel-2A or 2B) is not in the file name or tags; using Sentinel-2A "
                "wavelengths. Set MODEL=debris_fdi_s2b for a Sentinel-2B scene."
            )
        fdi_model, fdi_bands = choice.model, choice.bands
        water_model, water_bands = choice.water_model, choice.water_bands
        spec = fdi_model.card.inputs[0]
        feedback.pushInfo(f"Debris model: {fdi_model.card.summary()}")
        feedback.pushInfo(f"Bands: {fdi_bands.describe(spec.bands)}")
        feedback.pushInfo(f"Water model: {water_model.card.name}")

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
            f"Floating Debris Index ({fdi_model.card.name}) - {scene}",
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
                f"Debris candidates on water (FDI) - {scene}",
                style_outline(CANDIDATE_MAGENTA, 0.8),
            )
            results[self.OUTPUT_CANDIDATES] = candidates
        return results
