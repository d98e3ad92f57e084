"""satimpact:waterdetection: surface water mask (and index, polygons) from an optical or radar scene."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from ...engine.card import check_threshold
from ...engine.model_choice import dark_water_default, water_model
from ...engine.raster import raster_info
from ...engine.water import detect_water, water_direction
from ..common import (
    LayerStyler,
    ProcessingFeedback,
    SatImpactAlgorithm,
    model_parameter,
    radar_units,
    radar_units_parameter,
    raster_layer_path,
    user_models_dir,
)
from ..result_styles import stretched_ramp
from ..water_styles import WATER_BLUE, style_outline, style_water_mask


class WaterDetectionAlgorithm(SatImpactAlgorithm):
    INPUT = "INPUT"
    MODEL = "MODEL"
    BAND_MAP = "BAND_MAP"
    THRESHOLD = "THRESHOLD"
    AUTO_THRESHOLD = "AUTO_THRESHOLD"
    THRESHOLD_METHOD = "THRESHOLD_METHOD"
    RADAR_UNITS = "RADAR_UNITS"
    OUTPUT = "OUTPUT"
    OUTPUT_INDEX = "OUTPUT_INDEX"
    OUTPUT_POLYGONS = "OUTPUT_POLYGONS"
    MIN_AREA = "MIN_AREA"
    MODEL_USED = "MODEL_USED"
    THRESHOLD_USED = "THRESHOLD_USED"
    THRESHOLD_SOURCE = "THRESHOLD_SOURCE"
    WATER_SHARE = "WATER_SHARE"
    WATER_PIXELS = "WATER_PIXELS"
    METHODS = ("otsu", "ki")

    group_id = "water"
    group_name = "Water and debris"

    def name(self):
        return "waterdetection"

    def displayName(self):
        return self.tr("Water detection (optical or radar)")

    def shortDescription(self):
        return self.tr("Maps surface water (rivers, lakes, floods) from Sentinel-2, Landsat or Sentinel-1.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Input scene (optical or Sentinel-1)")))
        self.addParameter(
            model_parameter(
                self.MODEL,
                self.tr(
                    "Water model (empty: chosen from the bands; water_mndwi_evi, water_mndwi, water_ndwi, "
                    "water_sdwi, water_s1_vv, water_s1_vh)"
                ),
                task="water",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.BAND_MAP,
                self.tr("Band mapping (e.g. green=3,nir=8 or a layout name; empty: automatic)"),
                optional=True,
            )
        )
        self.add_threshold_parameter()
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.AUTO_THRESHOLD,
                self.tr("Automatic threshold for any model (single-polarisation radar models use it by default)"),
                defaultValue=False,
            )
        )
        self.add_threshold_method_parameter()
        self.addParameter(radar_units_parameter())
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Water mask")))
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT_INDEX, self.tr("Water index"), optional=True, createByDefault=False
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorDestination(
                self.OUTPUT_POLYGONS,
                self.tr("Water bodies"),
                type=QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
                createByDefault=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_AREA,
                self.tr("Smallest water body, m2 (empty: 4 pixels)"),
                type=QgsProcessingParameterNumber.Type.Double,
                minValue=0.0,
                optional=True,
            )
        )
        self.addOutput(QgsProcessingOutputString(self.MODEL_USED, self.tr("Water model used")))
        self.addOutput(QgsProcessingOutputNumber(self.THRESHOLD_USED, self.tr("Threshold used")))
        self.addOutput(QgsProcessingOutputString(self.THRESHOLD_SOURCE, self.tr("How the threshold was found")))
        self.addOutput(QgsProcessingOutputNumber(self.WATER_SHARE, self.tr("Water share of valid pixels")))
        self.addOutput(QgsProcessingOutputNumber(self.WATER_PIXELS, self.tr("Water pixels")))

    def min_area_m2(self, parameters, context, source, feedback) -> float:
        """MIN_AREA, or 4 pixels of the input when empty: single pixels and pairs are mostly noise
        (a 0 m2 limit gave 69 polygons from 653 water pixels on the demo lake)."""
        given = self.optional_number(parameters, self.MIN_AREA, context)
        if given is not None:
            return given
        import math

        import rasterio

        with rasterio.open(source) as ds:
            width, height = abs(ds.transform.a), abs(ds.transform.e)
            if ds.crs is not None and ds.crs.is_geographic:
                lat = math.radians((ds.bounds.top + ds.bounds.bottom) / 2)
                width, height = width * 111320 * math.cos(lat), height * 110540
            elif ds.crs is not None:
                factor = ds.crs.linear_units_factor[1]
                width, height = width * factor, height * factor
        area = 4 * width * height
        feedback.pushInfo(
            self.tr("Smallest water body: {area:g} m2 (4 pixels; set MIN_AREA to change)").format(area=area)
        )
        return area

    def _model_and_threshold(self, parameters, context, feedback, source, info):
        """The model (MODEL, else chosen from the bands), its bands, the radar units and the
        threshold (THRESHOLD, else None: the card's, or the scene's own split for dark water)."""
        reference = (self.parameterAsString(parameters, self.MODEL, context) or "").strip()
        # One choice for this tool and the batch (engine/model_choice.py).
        choice = water_model(
            info,
            reference,
            self.parameterAsString(parameters, self.BAND_MAP, context),
            radar_units(self, parameters, context),
            user_models_dir(),
        )
        model, bands = choice.model, choice.bands
        if choice.chosen_from_bands:
            feedback.pushInfo(
                self.tr("Model chosen from the bands: {model_card_name}").format(model_card_name=model.card.name)
            )
        feedback.pushInfo(self.tr("Model: {0}").format(model.card.summary()))
        feedback.pushInfo(self.tr("Bands: {0}").format(bands.describe(model.card.inputs[0].bands)))

        threshold = self.optional_number(parameters, self.THRESHOLD, context)
        check_threshold(model.card, threshold)  # inside the index's range (hardening, issue 13)
        if not reference and threshold is None and not self.parameterAsBool(parameters, self.AUTO_THRESHOLD, context):
            threshold = dark_water_default(choice, source, info, user_models_dir())
            if threshold is not None:
                feedback.pushInfo(
                    self.tr(
                        "The scene's MNDWI splits at {probe_threshold:.3f} (Otsu), below 0: dark or "
                        "turbid water. Using water_mndwi with that threshold (set MODEL or THRESHOLD to "
                        "choose yourself)."
                    ).format(probe_threshold=threshold)
                )
            model, bands = choice.model, choice.bands
        return model, bands, choice.radar_units, threshold

    def process(self, parameters, context, feedback):
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        source = raster_layer_path(layer)
        info = raster_info(source)
        model, bands, units, threshold = self._model_and_threshold(parameters, context, feedback, source, info)
        card = model.card
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        index_output = self.parameterAsOutputLayer(parameters, self.OUTPUT_INDEX, context) or None
        polygons = self.parameterAsOutputLayer(parameters, self.OUTPUT_POLYGONS, context) or None
        report = detect_water(
            source,
            model,
            bands.indices,
            output,
            index_output=index_output,
            threshold=threshold,
            # unticked: the model's default (automatic for the single-polarisation radar models)
            auto_threshold=True if self.parameterAsBool(parameters, self.AUTO_THRESHOLD, context) else None,
            polygons_output=polygons,
            min_area_m2=self.min_area_m2(parameters, context, source, feedback),
            feedback=ProcessingFeedback(feedback),
            auto_method=self.METHODS[self.parameterAsEnum(parameters, self.THRESHOLD_METHOD, context)],
            radar_units=units,
        )

        scene = layer.name()
        LayerStyler.attach(
            context, output, self.tr("Water mask ({0}) - {1}").format(card.name, scene), style_water_mask
        )
        results = {
            self.OUTPUT: output,
            self.MODEL_USED: card.name,
            self.THRESHOLD_USED: report.threshold,
            self.THRESHOLD_SOURCE: report.threshold_source,
            self.WATER_SHARE: report.stats.water_share,
            self.WATER_PIXELS: report.stats.water,
        }
        if index_output:
            out_spec = card.outputs[0]
            label = (out_spec.band_names or [out_spec.name])[0]
            # stretched to the data's 2-98 %, centred on the threshold: blue is water, red land
            if water_direction(card) == "below":  # backscatter in dB: dark (low) is water, shown blue
                style = stretched_ramp("RdBu", (-30.0, 0.0), centre=report.threshold, invert=True)
            else:
                style = stretched_ramp("RdBu", (-1.0, 1.0), centre=report.threshold)
            LayerStyler.attach(
                context, index_output, self.tr("Water index: {0} ({1}) - {2}").format(label, card.name, scene), style
            )
            results[self.OUTPUT_INDEX] = index_output
        if polygons:
            LayerStyler.attach(
                context,
                polygons,
                self.tr("Water bodies ({0}) - {1}").format(card.name, scene),
                style_outline(WATER_BLUE, 0.4, 90),
            )
            results[self.OUTPUT_POLYGONS] = polygons
        return results
