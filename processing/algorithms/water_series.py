"""satimpact:waterseries: water area per zone over a stack of dates, occurrence, change classes, report."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ...engine.model import load_model
from ...engine.raster import raster_info
from ...engine.registry import available_models
from ...engine.series import DEFAULT_MIN_OBSERVED, GridRef, common_footprint, water_mask_maker, water_series
from ...engine.water import DEFAULT_WATER_MODELS, choose_model
from ..common import (
    LayerStyler,
    ProcessingFeedback,
    SatImpactAlgorithm,
    model_parameter,
    model_path,
    raster_layer_path,
    style_pseudocolor,
    user_models_dir,
)
from ..series_common import (
    dated_inputs_parameters,
    input_dates,
    series_band_map_parameter,
    style_change_classes,
    style_series_table,
    write_series_rows,
)

RESULT_FIELDS = (
    ("zone_id", "int"),
    ("zone_name", "string"),
    ("date", "date"),
    ("date_label", "string"),
    ("source_file", "string"),
    ("water_area_m2", "double"),
    ("valid_area_m2", "double"),
    ("zone_area_m2", "double"),
    ("water_share", "double"),
    ("cloud_or_nodata_share", "double"),
    ("low_observation", "int"),
    ("trend_m2_per_year", "double"),
    ("trend_p_value", "double"),
)
# EVI in water_mndwi_evi needs true reflectance: never chosen automatically for 8-bit imagery.
REFLECTANCE_ONLY = ("water_mndwi_evi",)


class WaterSeriesAlgorithm(SatImpactAlgorithm):
    INPUTS = "INPUTS"
    DATES = "DATES"
    MODEL = "MODEL"
    BAND_MAP = "BAND_MAP"
    THRESHOLD = "THRESHOLD"
    AUTO_THRESHOLD = "AUTO_THRESHOLD"
    ZONES = "ZONES"
    ZONE_NAME_FIELD = "ZONE_NAME_FIELD"
    REFERENCE = "REFERENCE"
    MIN_OBSERVED = "MIN_OBSERVED"
    OUTPUT = "OUTPUT"
    OUTPUT_FREQUENCY = "OUTPUT_FREQUENCY"
    OUTPUT_CHANGE = "OUTPUT_CHANGE"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    DATE_COUNT = "DATE_COUNT"
    MODEL_USED = "MODEL_USED"

    group_id = "water"
    group_name = "Water and debris"

    def name(self):
        return "waterseries"

    def displayName(self):
        return self.tr("Water area over time (lakes, reservoirs, rivers)")

    def shortDescription(self):
        return self.tr("Water area per zone across a stack of dates, with occurrence, change classes and a report.")

    def initAlgorithm(self, config=None):
        dated_inputs_parameters(self)
        self.addParameter(
            model_parameter(
                self.MODEL,
                self.tr("Water model (empty: chosen from the bands; water_ndwi or water_mndwi for 8-bit imagery)"),
                task="water",
                optional=True,
            )
        )
        series_band_map_parameter(self)
        self.add_threshold_parameter()
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.AUTO_THRESHOLD, self.tr("Automatic threshold per date (Otsu)"), defaultValue=False
            )
        )
        self.add_zones_parameter(self.tr("Zones: lakes, reservoirs, river reaches (empty: the area all dates cover)"))
        self.add_zone_name_field_parameter()
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.REFERENCE, self.tr("Reference grid (empty: the first date's)"), optional=True
            )
        )
        self.add_min_observed_parameter(DEFAULT_MIN_OBSERVED)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Water area per zone and date"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT_FREQUENCY, self.tr("Water occurrence"), optional=True, createByDefault=False
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT_CHANGE, self.tr("Water change classes"), optional=True, createByDefault=False
            )
        )
        self.add_report_parameter()
        self.addOutput(QgsProcessingOutputNumber(self.DATE_COUNT, self.tr("Number of dates")))
        self.addOutput(QgsProcessingOutputString(self.MODEL_USED, self.tr("Water model used")))

    def _model(self, parameters, context, first_path, band_map, feedback):
        reference = (self.parameterAsString(parameters, self.MODEL, context) or "").strip()
        if reference:
            return load_model(model_path(reference))
        info = raster_info(first_path)
        shipped = available_models(user_models_dir())
        names = [n for n in DEFAULT_WATER_MODELS if n in shipped]
        if info.dtypes and info.dtypes[0] == "uint8":
            names = [n for n in names if n not in REFLECTANCE_ONLY]
            feedback.pushInfo(self.tr("8-bit imagery: only the sign-based index models are candidates"))
        model, _ = choose_model([load_model(shipped[n]) for n in names], info.count, info.descriptions, band_map)
        feedback.pushInfo(
            self.tr("Model chosen from the bands of the first date: {model_card_name}").format(
                model_card_name=model.card.name
            )
        )
        return model

    def _log_dates(self, dates, feedback):
        for d in dates:
            feedback.pushInfo(
                self.tr("{d_label}: {d_name} (date from {d_source})").format(
                    d_label=d.label, d_name=d.name, d_source=d.source
                )
            )

    def _log_result(self, result, feedback):
        for z in range(result.zones):
            feedback.pushInfo(
                self.tr("Trend {0}: {1}").format(result.zone_names[z], result.trends[z].describe(self.tr("m2")))
            )
        c = result.class_pixels
        feedback.pushInfo(
            self.tr(
                "Pixels: {0} permanent, {1} new, {2} lost, {3} seasonal, {4} never water, {5} never observed"
            ).format(c[1], c[2], c[3], c[4], c[0], c[255])
        )

    def process(self, parameters, context, feedback):
        import tempfile

        # band groups of multi-date files are read through VRTs that live for the run only
        with tempfile.TemporaryDirectory(prefix="satimpact_series_") as scratch:
            return self._process(parameters, context, feedback, scratch)

    def _process(self, parameters, context, feedback, scratch):
        dates = input_dates(self, parameters, context, scratch)
        self._log_dates(dates, feedback)
        band_map = self.parameterAsString(parameters, self.BAND_MAP, context)
        model = self._model(parameters, context, dates[0].path, band_map, feedback)
        feedback.pushInfo(self.tr("Model: {0}").format(model.card.summary()))
        ref_layer = self.parameterAsRasterLayer(parameters, self.REFERENCE, context)
        reference = raster_layer_path(ref_layer, self.REFERENCE) if ref_layer is not None else None
        grid = GridRef.of(reference or dates[0].path)
        grid_crs = QgsCoordinateReferenceSystem.fromWkt(grid.crs.to_wkt())

        name_field = self.parameterAsString(parameters, self.ZONE_NAME_FIELD, context) or ""
        zones = self.zones_from_source(
            parameters, self.ZONES, grid_crs, context, feedback, name_field, without="footprint"
        )

        occurrence = self.parameterAsOutputLayer(parameters, self.OUTPUT_FREQUENCY, context) or None
        change = self.parameterAsOutputLayer(parameters, self.OUTPUT_CHANGE, context) or None
        report = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context) or None
        result = water_series(
            dates,
            water_mask_maker(
                model,
                band_map,
                self.optional_number(parameters, self.THRESHOLD, context),
                self.parameterAsBool(parameters, self.AUTO_THRESHOLD, context),
            ),
            zones=zones.shapely() if zones else None,
            zone_names=zones.names if zones else None,
            reference=reference,
            min_observed=self.parameterAsDouble(parameters, self.MIN_OBSERVED, context),
            occurrence_path=occurrence,
            change_path=change,
            report_path=report,
            title=f"Water area over time ({model.card.name})",
            feedback=ProcessingFeedback(feedback),
        )

        fields, kept = self.qgs_fields_for(RESULT_FIELDS, zones)
        sink, dest_id = self.table_sink(parameters, self.OUTPUT, context, fields, zones, grid_crs, multi=True)
        footprint = None
        if zones is None:
            footprint = QgsGeometry.fromWkt(common_footprint([d.path for d in dates], grid.crs).wkt)

        def figures(z, k):
            f = result.figures(z, k)
            trend = result.trends[z]
            return [
                f.water_m2,
                f.valid_m2,
                f.zone_m2,
                f.water_share,
                f.unobserved_share,
                int(f.low_observation),
                trend.slope_per_year,
                trend.p_value,
            ]

        write_series_rows(sink, fields, kept, zones, footprint, result, figures)
        self._log_result(result, feedback)
        LayerStyler.attach(
            context, dest_id, self.tr("Water share per zone and date"), style_series_table("water_share", "Blues")
        )
        outputs = {self.OUTPUT: dest_id, self.DATE_COUNT: len(result.dates), self.MODEL_USED: model.card.name}
        if occurrence:
            LayerStyler.attach(context, occurrence, self.tr("Water occurrence"), style_pseudocolor(0.0, 1.0, "Blues"))
            outputs[self.OUTPUT_FREQUENCY] = occurrence
        if change:
            LayerStyler.attach(context, change, self.tr("Water change classes"), style_change_classes)
            outputs[self.OUTPUT_CHANGE] = change
        if report:
            outputs[self.OUTPUT_REPORT] = report
        return outputs
