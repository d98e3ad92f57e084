"""satimpact:greenseries: green ratio per zone over a stack of dates, with the season check and a trend."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
)

from ...engine.series import DEFAULT_MIN_OBSERVED, GridRef, common_footprint, green_series
from ..common import LayerStyler, ProcessingFeedback, SatImpactAlgorithm, model_parameter
from ..series_common import (
    dated_inputs_parameters,
    input_dates,
    series_band_map_parameter,
    style_series_table,
    write_series_rows,
)
from .green_ratio import load_green_model

RESULT_FIELDS = (
    ("zone_id", "int"),
    ("zone_name", "string"),
    ("date", "date"),
    ("date_label", "string"),
    ("source_file", "string"),
    ("green_ratio", "double"),
    ("green_area_m2", "double"),
    ("valid_area_m2", "double"),
    ("zone_area_m2", "double"),
    ("cloud_or_nodata_share", "double"),
    ("low_observation", "int"),
    ("season_warning", "string"),
    ("trend_ratio_per_year", "double"),
    ("trend_p_value", "double"),
)


class GreenSeriesAlgorithm(SatImpactAlgorithm):
    INPUTS = "INPUTS"
    DATES = "DATES"
    MODEL = "MODEL"
    BAND_MAP = "BAND_MAP"
    ZONES = "ZONES"
    ZONE_NAME_FIELD = "ZONE_NAME_FIELD"
    MIN_OBSERVED = "MIN_OBSERVED"
    OUTPUT = "OUTPUT"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    DATE_COUNT = "DATE_COUNT"

    group_id = "green"
    group_name = "Green space"

    def name(self):
        return "greenseries"

    def displayName(self):
        return self.tr("Green ratio over time")

    def shortDescription(self):
        return self.tr("Green ratio per zone across a stack of dates, with the season check per date and a trend.")

    def initAlgorithm(self, config=None):
        dated_inputs_parameters(self)
        self.addParameter(
            model_parameter(
                self.MODEL,
                self.tr("Green model (empty: green_ndvi with red and NIR, else green_rgb)"),
                task="green",
                optional=True,
            )
        )
        series_band_map_parameter(self)
        self.add_zones_parameter(self.tr("Zones (districts, parks; empty: the area all dates cover)"))
        self.add_zone_name_field_parameter()
        self.add_min_observed_parameter(DEFAULT_MIN_OBSERVED)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Green ratio per zone and date"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.add_report_parameter()
        self.addOutput(QgsProcessingOutputNumber(self.DATE_COUNT, self.tr("Number of dates")))

    def process(self, parameters, context, feedback):
        import tempfile

        # band groups of multi-date files are read through VRTs that live for the run only
        with tempfile.TemporaryDirectory(prefix="satimpact_series_") as scratch:
            return self._process(parameters, context, feedback, scratch)

    def _process(self, parameters, context, feedback, scratch):
        dates = input_dates(self, parameters, context, scratch)
        for d in dates:
            feedback.pushInfo(
                self.tr("{d_label}: {d_name} (date from {d_source})").format(
                    d_label=d.label, d_name=d.name, d_source=d.source
                )
            )
        band_map = self.parameterAsString(parameters, self.BAND_MAP, context)
        model = load_green_model(
            self.parameterAsString(parameters, self.MODEL, context), dates[0].path, band_map, feedback
        )
        grid = GridRef.of(dates[0].path)
        grid_crs = QgsCoordinateReferenceSystem.fromWkt(grid.crs.to_wkt())
        name_field = self.parameterAsString(parameters, self.ZONE_NAME_FIELD, context) or ""
        zones = self.zones_from_source(
            parameters, self.ZONES, grid_crs, context, feedback, name_field, without="footprint"
        )
        report = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context) or None
        result = green_series(
            dates,
            model,
            band_map=band_map,
            zones=zones.shapely() if zones else None,
            zones_crs=grid.crs,
            zone_names=zones.names if zones else None,
            min_observed=self.parameterAsDouble(parameters, self.MIN_OBSERVED, context),
            report_path=report,
            title=f"Green ratio over time ({model.card.name})",
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
                f["green_ratio"],
                f["green_area_m2"],
                f["valid_area_m2"],
                f["zone_area_m2"],
                f["cloud_or_nodata_share"],
                int(f["low_observation"]),
                f["season_warning"],
                trend.slope_per_year,
                trend.p_value,
            ]

        write_series_rows(sink, fields, kept, zones, footprint, result, figures)
        for z in range(result.zones):
            feedback.pushInfo(
                self.tr("Trend {0}: {1}").format(
                    result.zone_names[z], result.trends[z].describe(self.tr("green ratio"))
                )
            )
        LayerStyler.attach(
            context, dest_id, self.tr("Green ratio per zone and date"), style_series_table("green_ratio", "Greens")
        )
        outputs = {self.OUTPUT: dest_id, self.DATE_COUNT: len(result.dates)}
        if report:
            outputs[self.OUTPUT_REPORT] = report
        return outputs
