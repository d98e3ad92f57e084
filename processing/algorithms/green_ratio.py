"""satimpact:greenratio: share of vegetation and green area (per person) for zones or grid cells."""

from __future__ import annotations

from qgis.core import (
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ...engine.green import green_ratio
from ...engine.model_choice import green_model
from ...engine.raster import raster_info
from ..common import (
    LayerStyler,
    ProcessingFeedback,
    SatImpactAlgorithm,
    model_parameter,
    tr,
    user_models_dir,
)
from ..result_styles import no_data_symbol
from ..tables import add_row, grid_crs

RESULT_FIELDS = (
    ("green_ratio", "double"),
    ("green_area_m2", "double"),
    ("valid_area_m2", "double"),
    ("valid_fraction", "double"),
    ("zone_area_m2", "double"),
    ("cloud_area_m2", "double"),
    ("water_area_m2", "double"),
)
CELL_FIELDS = (("cell_id", "int"), ("col", "int"), ("row", "int"))
PER_PERSON = "green_m2_per_person"
SEASON = "season_warning"


def style_green_ratio(layer) -> None:
    """Five classes of green_ratio on a white-to-dark-green ramp, with a legend in per cent; zones
    and cells without a clear pixel (green_ratio NULL) hatched grey as "no data", never a class."""
    from qgis.core import QgsRuleBasedRenderer, QgsStyle, QgsSymbol

    ramp = QgsStyle.defaultStyle().colorRamp("Greens")
    root = QgsRuleBasedRenderer.Rule(None)
    for k in range(5):
        lower, upper = k / 5.0, (k + 1) / 5.0
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(ramp.color((k + 0.5) / 5.0))
        symbol.setOpacity(0.8)
        label = tr("{0} - {1} % green").format(f"{100 * lower:.0f}", f"{100 * upper:.0f}")
        # the graduated renderer's rule: the first class closed at both ends, the others at the top
        low = ">=" if k == 0 else ">"
        expression = f'"green_ratio" {low} {lower:g} AND "green_ratio" <= {upper:g}'
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, filterExp=expression, label=label))
    no_data = QgsRuleBasedRenderer.Rule(
        no_data_symbol(), filterExp='"green_ratio" IS NULL', label=tr("No data (no clear pixel)")
    )
    root.appendChild(no_data)
    layer.setRenderer(QgsRuleBasedRenderer(root))


def style_vegetation_mask(layer) -> None:
    """Vegetation (1) in green; everything else transparent."""
    from qgis.core import QgsPalettedRasterRenderer
    from qgis.PyQt.QtGui import QColor

    classes = [QgsPalettedRasterRenderer.Class(1, QColor(26, 150, 65), tr("vegetation"))]
    layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))


class GreenRatioAlgorithm(SatImpactAlgorithm):
    INPUT = "INPUT"
    MODEL = "MODEL"
    BAND_MAP = "BAND_MAP"
    ZONES = "ZONES"
    CELL_SIZE = "CELL_SIZE"
    POPULATION_FIELD = "POPULATION_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_MASK = "OUTPUT_MASK"
    GREEN_RATIO = "GREEN_RATIO"
    SEASON_WARNING = "SEASON_WARNING"
    MODEL_USED = "MODEL_USED"

    group_id = "green"
    group_name = "Green space"

    def name(self):
        return "greenratio"

    def displayName(self):
        return self.tr("Urban green ratio")

    def shortDescription(self):
        return self.tr("Share of vegetation and green area (per person) for city zones or a grid of cells.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Input raster (summer imagery)")))
        self.addParameter(
            model_parameter(
                self.MODEL,
                self.tr("Green model (green_ndvi, green_rgb or an .onnx path; empty: chosen from the bands)"),
                task="green",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.BAND_MAP,
                self.tr("Band mapping (e.g. red=3,nir=4 or a layout name; empty: automatic)"),
                optional=True,
            )
        )
        self.add_zones_parameter(self.tr("Zones (city boundaries, districts; empty: a grid of cells)"))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.CELL_SIZE,
                self.tr("Grid cell size in metres (used when there are no zones)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=1000.0,
                minValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.POPULATION_FIELD,
                self.tr("Population field of the zones (optional)"),
                parentLayerParameterName=self.ZONES,
                type=QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Green ratio"), QgsProcessing.TypeVectorPolygon)
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT_MASK, self.tr("Vegetation mask"), optional=True, createByDefault=False
            )
        )
        self.add_render_parameters(
            self.tr("Ground resolution in metres (layers that are not files; default: 10)"),
            min_resolution=0.01,
        )
        self.addOutput(QgsProcessingOutputNumber(self.GREEN_RATIO, self.tr("Green ratio of the whole raster")))
        self.addOutput(QgsProcessingOutputString(self.SEASON_WARNING, self.tr("Season warning (empty: none)")))
        self.addOutput(QgsProcessingOutputString(self.MODEL_USED, self.tr("Green model used")))

    def process(self, parameters, context, feedback):
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        # Basemaps (XYZ, WMS) are rendered to a file first, at 10 m by default: the ground
        # resolution of the Sentinel-2 imagery the green models were checked on.
        with self.input_layer_file(layer, parameters, context, feedback, 10.0) as source:
            return self._process_file(layer, source.path, parameters, context, feedback)

    def _process_file(self, layer, source_path, parameters, context, feedback):
        band_map = self.parameterAsString(parameters, self.BAND_MAP, context)
        model = load_green_model(
            self.parameterAsString(parameters, self.MODEL, context), source_path, band_map, feedback
        )
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context) or ""
        mask_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_MASK, context) or None
        zones = self._zones(parameters, context, feedback, layer.crs(), population_field)
        if zones is not None:
            # none inside: an error before the model runs; some outside: the warning of _write_table
            zones.outside_of(source_path, layer.name())
        result = green_ratio(
            source_path,
            model,
            band_map=band_map,
            zones=zones.engine_zones() if zones is not None else None,
            cell_size=self.parameterAsDouble(parameters, self.CELL_SIZE, context),
            mask_path=mask_path,
            feedback=ProcessingFeedback(feedback),
        )
        feedback.pushInfo(result.season.describe())
        for warning in result.season.warnings:
            feedback.pushWarning(self.tr("Season warning: {warning}").format(warning=warning))
        dest_id = self._write_table(parameters, context, feedback, result, zones, population_field)

        totals = result.totals
        overall = totals.green_m2 / totals.valid_m2 if totals.valid_m2 > 0 else None
        feedback.pushInfo(
            self.tr(
                "Whole raster: green {0:.4f} km2 of {1:.4f} km2 valid ({2}); cloud {3:.4f} km2, nodata {4:.4f} km2"
            ).format(
                totals.green_m2 / 1000000.0,
                totals.valid_m2 / 1000000.0,
                self.tr("n/a") if overall is None else f"{100 * overall:.1f} %",
                totals.cloud_m2 / 1000000.0,
                totals.nodata_m2 / 1000000.0,
            )
        )
        LayerStyler.attach(context, dest_id, self.tr("Green ratio - {0}").format(layer.name()), style_green_ratio)
        outputs = {
            self.OUTPUT: dest_id,
            self.GREEN_RATIO: overall,
            self.SEASON_WARNING: result.season.warning_text,
            self.MODEL_USED: model.card.name,
        }
        if mask_path:
            LayerStyler.attach(
                context,
                mask_path,
                self.tr("Vegetation ({0}) - {1}").format(model.card.name, layer.name()),
                style_vegetation_mask,
            )
            outputs[self.OUTPUT_MASK] = mask_path
        return outputs

    def _zones(self, parameters, context, feedback, raster_crs, population_field):
        """ZONES in the raster's CRS (None: a grid of cells), checked against POPULATION_FIELD."""
        zones = self.zones_from_source(parameters, self.ZONES, raster_crs, context, feedback)
        if population_field and zones is None:
            raise QgsProcessingException(
                tr("{0} needs {1}: population figures belong to zones, not to grid cells").format(
                    "POPULATION_FIELD", "ZONES"
                )
            )
        if population_field and zones.source.fields().lookupField(population_field) < 0:
            raise QgsProcessingException(
                tr("{0}: the zones have no field '{1}' (fields: {2})").format(
                    "POPULATION_FIELD", population_field, ", ".join(zones.source.fields().names())
                )
            )
        if zones is not None:
            feedback.pushInfo(
                self.tr("Zones: {0} polygons, reprojected to the raster's CRS for the pixel count").format(len(zones))
            )
        return zones

    def _write_table(self, parameters, context, feedback, result, zones, population_field):
        """One row per zone (or grid cell) into OUTPUT, with the warnings about empty ones."""
        result_fields = RESULT_FIELDS + (((PER_PERSON, "double"),) if population_field else ()) + ((SEASON, "string"),)
        fields, kept = self.qgs_fields_for(result_fields, zones, CELL_FIELDS, feedback)
        grid = result.grid
        crs = grid_crs(grid.epsg, grid.crs_wkt) if zones is None else None
        sink, dest_id = self.table_sink(parameters, self.OUTPUT, context, fields, zones, crs)
        season = result.season.warning_text
        if zones is not None:
            outside, all_invalid, bad_population = _write_zone_rows(
                sink, fields, kept, zones, result, population_field, season
            )
        else:
            outside, bad_population = [], []
            all_invalid = []
            for idx in sorted(result.stats):
                stats = result.stats[idx]
                row, col = divmod(idx, grid.cols)
                if not stats.seen:
                    all_invalid.append(str(idx))
                geometry = QgsGeometry.fromWkt(grid.cell_polygon(col, row).wkt)
                add_row(sink, fields, geometry, [idx, col, row] + _figures(stats) + [season], multi=False)
        if outside:
            feedback.pushWarning(
                self.tr(
                    "{0} zone(s) do not overlap the raster: valid fraction 0 and NULL figures (unknown, not 0) "
                    "(feature ids {1}{2})"
                ).format(len(outside), ", ".join(outside[:20]), " ..." if len(outside) > 20 else "")
            )
        if all_invalid:
            feedback.pushWarning(
                self.tr(
                    "{0} zone(s)/cell(s) hold only nodata or cloud pixels: valid fraction 0 and NULL green ratio, "
                    "green and water areas (unknown, not 0)"
                ).format(len(all_invalid))
            )
        if bad_population:
            feedback.pushWarning(
                self.tr("{0} zone(s) have a negative population; green_m2_per_person is left empty").format(
                    len(bad_population)
                )
            )
        return dest_id


def load_green_model(reference: str | None, raster_path: str, band_map: str, feedback):
    """The green model MODEL names, or the one the raster's bands suit (one choice for this tool,
    greenseries and the batch: engine/model_choice.py), with the choice in the log."""
    model, why = green_model(raster_info(raster_path), (reference or "").strip(), band_map, user_models_dir())
    if why:
        feedback.pushInfo(tr("Model: {model_card_name} ({why})").format(model_card_name=model.card.name, why=why))
    feedback.pushInfo(tr("Model: {0}").format(model.card.summary()))
    return model


def _figures(stats) -> list:
    """The RESULT_FIELDS of one zone or cell: None (NULL) where it holds no clear pixel."""
    by_name = stats.figures()
    return [by_name[name] for name, _ in RESULT_FIELDS]


def _population(value) -> float | None:
    """A population figure as a number (None: empty, NaN or not a number)."""
    try:
        value = None if value is None else float(value)
    except (TypeError, ValueError):
        return None
    return None if value is not None and value != value else value  # NaN


def _write_zone_rows(sink, fields, kept, zones, result, population_field, season):
    """The zones' rows; returns the ids of zones outside the raster, of zones without a valid
    pixel, and of zones with a negative population."""
    outside, all_invalid, bad_population = [], [], []
    pop_index = zones.source.fields().lookupField(population_field) if population_field else -1
    for k, feat in enumerate(zones.features):
        stats = result.stats[k]
        label = str(feat.id())
        if stats.pixels == 0:
            outside.append(label)
        elif not stats.seen:
            all_invalid.append(label)
        attrs = [feat.attributes()[i] for i in kept] + _figures(stats)
        if population_field:
            population = _population(feat.attributes()[pop_index])
            if population is not None and population < 0:
                bad_population.append(label)
            # No clear pixel: the green area is unknown, not zero, so there is no per-person figure.
            attrs.append(stats.green_m2_per_person(population))
        add_row(sink, fields, feat.geometry(), attrs + [season])
    return outside, all_invalid, bad_population
