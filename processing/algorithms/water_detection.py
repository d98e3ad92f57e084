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

    def shortHelpString(self):
        return self.tr(
            "<p>Maps open surface water (rivers, lakes, reservoirs, flood water) in one scene. Writes a "
            "water mask (1 water, 0 land, 255 nodata), optionally the index the mask comes from and the "
            "water bodies as polygons with their area in m2.</p>"
            "<p><b>Method.</b> A shipped water model computes an index per pixel, and the index is "
            "thresholded. <i>water_mndwi_evi</i> (default where blue, green, red, NIR and SWIR 1.6 um "
            "exist): water where (MNDWI &gt; NDVI or MNDWI &gt; EVI) and EVI &lt; 0.1 (Zou et al. 2017, "
            "Sci. Total Environ. 595; 2018, PNAS 115). <i>water_mndwi</i>: MNDWI = (green - SWIR1) / "
            "(green + SWIR1) &gt; 0 (Xu 2006, IJRS 27). <i>water_ndwi</i>: NDWI = (green - NIR) / "
            "(green + NIR) &gt; 0 (McFeeters 1996, IJRS 17), for imagery without SWIR. "
            "<b>Dark water.</b> With MODEL and THRESHOLD empty, when the scene's own MNDWI split (Otsu) lies "
            "below 0 and the pixels above it are dark in the NIR (median reflectance &lt; 5 %), water_mndwi "
            "with that split is used instead: dark or turbid lakes (the demo's lake patch: 15 % water where "
            "water_mndwi_evi found 4.5 %); the log says so. "
            "Sentinel-1: <i>water_sdwi</i> (VV and VH): the mean of VV and VH in dB below -17.27 dB (the "
            "boundary of SDWI, Jia et al. 2019, where VV = VH); <i>water_s1_vv</i> (VV only) and "
            "<i>water_s1_vh</i> (VH only), chosen by themselves when the raster has only that band: "
            "their threshold is automatic by default, with a fixed -15 dB (VV) or -22 dB (VH) where no "
            "tile is bimodal.</p>"
            "<p><b>Automatic threshold.</b> Radar: split-based (Martinis et al. 2009, NHESS 9; Chini et al. "
            "2017, IEEE TGRS 55): from the whole scene down to 32 px tiles, the tiles whose histogram is "
            "bimodal (two Gaussians fitted to it, Ashman's D &gt; 2, the smaller &gt;= 20 % of the tile) are "
            "kept, and Otsu (1979) or Kittler-Illingworth (1986) is applied to their pooled histogram; no "
            "bimodal tile: the model's fixed value. A calibration offset of the dB values moves the "
            "threshold by the same offset. Optical: Otsu on the scene's index histogram (1st-99th "
            "percentiles). The log and THRESHOLD_SOURCE say which applied.</p>"
            "<p><b>Bands and units.</b> By name: green and NIR and/or SWIR 1.6 um (Sentinel-2 B3/B8/B11, "
            "Landsat 8/9 B3/B5/B6, Landsat 7 B2/B4/B5; blue and red too for water_mndwi_evi), or "
            "Sentinel-1 VV and/or VH in either order (band descriptions such as VV or Sigma0_VV_db). Found "
            "from band descriptions, the band count, or BAND_MAP (a one-band radar raster without a "
            "description: <code>VV=1</code> or <code>VH=1</code>). Optical models expect reflectance x "
            "10000. Radar: dB or linear power, told from the band descriptions or the values (a warning "
            "when unsure) or stated by RADAR_UNITS or in BAND_MAP (<code>VV=1,linear</code>); 8-bit "
            "renderings (0-255) are refused, since a display stretch no longer holds backscatter.</p>"
            "<p><b>Parameters.</b> INPUT: the scene. MODEL: empty for the best model the bands allow, or "
            "water_mndwi_evi, water_mndwi, water_ndwi, water_sdwi, water_s1_vv, water_s1_vh, or a carded "
            ".onnx of task 'water'. BAND_MAP: e.g. <code>green=3,nir=8,swir16=12</code> or a layout name "
            "(landsat7_etm ...). THRESHOLD: overrides the card's default (and the automatic default of the "
            "single-polarisation models). AUTO_THRESHOLD: the automatic threshold for any model. "
            "THRESHOLD_METHOD: Otsu or Kittler-Illingworth. RADAR_UNITS: automatic, dB or linear power. "
            "OUTPUT: mask GeoTIFF. OUTPUT_INDEX: the index raster (optional). OUTPUT_POLYGONS: water "
            "bodies with area_m2 (true area: planar in a metric CRS, equal-area projection for EPSG:4326) "
            "and pixels (optional); MIN_AREA (m2) drops smaller bodies.</p>"
            "<p><b>Measured</b> on the Sen1Floods11 chip Spain_7370579 (IoU with the hand label): "
            "water_mndwi_evi 0.782 (Otsu 0.577), water_mndwi 0.612 (Otsu 0.720), water_ndwi 0.676 "
            "(Otsu 0.692); radar: VV and VH with water_sdwi 0.593 (automatic 0.593), VV only with "
            "water_s1_vv 0.568 automatic (fixed -15 dB: 0.561), VH only with water_s1_vh 0.562 "
            "automatic (fixed -22 dB: 0.565). One chip: indicative, not a benchmark. Clouds, shadows and "
            "snow are not masked.</p>"
            "<p><b>Radar caveats.</b> Wind- or rain-roughened water is bright and is missed; flooded "
            "vegetation and flooded towns brighten by double bounce and are missed; smooth dry surfaces "
            "(sand, tarmac, dry fields) and radar shadow look like water.</p>"
            "<p><b>qgis_process.</b><br><code>qgis_process run satimpact:waterdetection -- "
            "INPUT=scene.tif OUTPUT=water.tif OUTPUT_POLYGONS=water.gpkg MIN_AREA=1000</code></p>"
        )

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

    def process(self, parameters, context, feedback):
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        source = raster_layer_path(layer)
        info = raster_info(source)
        reference = (self.parameterAsString(parameters, self.MODEL, context) or "").strip()
        # One choice for this tool and the batch (engine/model_choice.py).
        choice = water_model(
            info,
            reference,
            self.parameterAsString(parameters, self.BAND_MAP, context),
            radar_units(self, parameters, context),
            user_models_dir(),
        )
        model, bands, units = choice.model, choice.bands, choice.radar_units
        if choice.chosen_from_bands:
            feedback.pushInfo(
                self.tr("Model chosen from the bands: {model_card_name}").format(model_card_name=model.card.name)
            )
        card = model.card
        spec = card.inputs[0]
        feedback.pushInfo(self.tr("Model: {0}").format(card.summary()))
        feedback.pushInfo(self.tr("Bands: {0}").format(bands.describe(spec.bands)))

        threshold = self.optional_number(parameters, self.THRESHOLD, context)
        check_threshold(card, threshold)  # inside the index's range (hardening, issue 13)
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
            card, spec = model.card, model.card.inputs[0]
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
