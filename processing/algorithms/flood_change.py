"""satimpact:floodchange: before/after scenes to change classes and the flooded share per grid cell."""

from __future__ import annotations

from qgis.core import (
    QgsGeometry,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ...engine.change import CLASSES, COLORS, NEW_FLOOD, damaged_count, detect_change
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
from ..tables import add_row, grid_crs

RESULT_FIELDS = (
    ("flooded_area_m2", "double"),
    ("flooded_share", "double"),
    ("permanent_water_share", "double"),
    ("receded_share", "double"),
    ("valid_share", "double"),
    ("valid_area_m2", "double"),
    ("damaged", "int"),
)
CELL_FIELDS = (("cell_id", "int"), ("col", "int"), ("row", "int"))


def class_label(code: int, name: str) -> str:
    """The class name in the user's language (the engine's CLASSES stay English in the files)."""
    from ..common import tr

    labels = {0: tr("dry"), 1: tr("permanent water"), 2: tr("new flood"), 3: tr("receded water")}
    return labels.get(code, name) if CLASSES.get(code) == name else name


def style_change_classes(layer) -> None:
    """Paletted classes with their names in the legend; new flood in a strong magenta."""
    from qgis.core import QgsPalettedRasterRenderer
    from qgis.PyQt.QtGui import QColor

    classes = [
        QgsPalettedRasterRenderer.Class(code, QColor(*COLORS[code]), f"{code} {class_label(code, name)}")
        for code, name in CLASSES.items()
    ]
    renderer = QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes)
    layer.setRenderer(renderer)


def style_damaged_cells(threshold: float):
    """Damaged cells filled and outlined in bold, the others outlined only; cells without a valid
    pixel (damaged NULL) hatched grey as "no data"."""

    def apply(layer) -> None:
        from qgis.core import QgsFillSymbol, QgsRuleBasedRenderer

        from ..common import tr
        from ..result_styles import no_data_symbol

        root = QgsRuleBasedRenderer.Rule(None)
        color = ",".join(str(v) for v in COLORS[NEW_FLOOD][:3])
        damaged = QgsFillSymbol.createSimple(
            {"color": f"{color},70", "outline_color": f"{color},255", "outline_width": "0.9", "outline_style": "solid"}
        )
        other = QgsFillSymbol.createSimple(
            {"color": "255,255,255,0", "outline_color": "90,90,90,200", "outline_width": "0.2"}
        )
        root.appendChild(
            QgsRuleBasedRenderer.Rule(
                damaged,
                filterExp='"damaged" = 1',
                label=tr("Damaged: flooded share > {0} %").format(f"{100 * threshold:g}"),
            )
        )
        # no valid pixel in both scenes: damaged is NULL (unknown), hatched grey, never "not damaged"
        root.appendChild(
            QgsRuleBasedRenderer.Rule(
                no_data_symbol(), filterExp='"damaged" IS NULL', label=tr("No data (no valid pixel)")
            )
        )
        root.appendChild(QgsRuleBasedRenderer.Rule(other, elseRule=True, label=tr("Not damaged")))
        layer.setRenderer(QgsRuleBasedRenderer(root))

    return apply


class FloodChangeAlgorithm(SatImpactAlgorithm):
    BEFORE = "BEFORE"
    AFTER = "AFTER"
    MODEL = "MODEL"
    BAND_MAP_BEFORE = "BAND_MAP_BEFORE"
    BAND_MAP_AFTER = "BAND_MAP_AFTER"
    CELL_SIZE = "CELL_SIZE"
    ZONES = "ZONES"
    DAMAGE_THRESHOLD = "DAMAGE_THRESHOLD"
    AUTO_THRESHOLD = "AUTO_THRESHOLD"
    THRESHOLD_METHOD = "THRESHOLD_METHOD"
    RADAR_UNITS = "RADAR_UNITS"
    METHODS = (None, "otsu", "ki")
    OUTPUT = "OUTPUT"
    OUTPUT_GRID = "OUTPUT_GRID"
    NEW_FLOOD_KM2 = "NEW_FLOOD_KM2"
    DAMAGED_CELLS = "DAMAGED_CELLS"
    METHOD = "METHOD"

    group_id = "flood"
    group_name = "Floods"

    def name(self):
        return "floodchange"

    def displayName(self):
        return self.tr("Flood change (before / after)")

    def shortDescription(self):
        return self.tr("Maps new flood, permanent and receded water between two scenes and the flooded share per cell.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.BEFORE, self.tr("Scene before the flood")))
        self.addParameter(QgsProcessingParameterRasterLayer(self.AFTER, self.tr("Scene after (or during) the flood")))
        self.addParameter(
            model_parameter(
                self.MODEL,
                self.tr(
                    "Model (empty: chosen from the bands; or a water model, or a two-input change model name/.onnx)"
                ),
                task=None,
                optional=True,
            )
        )
        # literal strings (not an f-string in a loop) so that they can be translated
        band_map_labels = (
            (
                self.BAND_MAP_BEFORE,
                self.tr("Band mapping of the before scene (e.g. green=3,swir16=6; empty: automatic)"),
            ),
            (self.BAND_MAP_AFTER, self.tr("Band mapping of the after scene (e.g. green=3,swir16=6; empty: automatic)")),
        )
        for key, label in band_map_labels:
            self.addParameter(QgsProcessingParameterString(key, label, optional=True))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.CELL_SIZE,
                self.tr("Grid cell size (metres)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=1000.0,
                minValue=1.0,
            )
        )
        self.add_zones_parameter(self.tr("Zones (polygons instead of the grid)"))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DAMAGE_THRESHOLD,
                self.tr("Damage threshold (share of a cell newly flooded)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=0.1,
                minValue=0.0,
                maxValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.AUTO_THRESHOLD,
                self.tr("Automatic thresholds for radar scenes (water on each date and the log-ratio change)"),
                defaultValue=True,
            )
        )
        self.add_threshold_method_parameter(
            self.tr("Model defaults (Otsu for water, Kittler-Illingworth for the log-ratio)")
        )
        self.addParameter(radar_units_parameter())
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Flood change classes")))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_GRID,
                self.tr("Flooded share per cell"),
                QgsProcessing.TypeVectorPolygon,
                optional=True,
                createByDefault=True,
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.NEW_FLOOD_KM2, self.tr("New flood (km2)")))
        self.addOutput(QgsProcessingOutputNumber(self.DAMAGED_CELLS, self.tr("Damaged cells")))
        self.addOutput(QgsProcessingOutputString(self.METHOD, self.tr("Method, alignment and thresholds")))

    def process(self, parameters, context, feedback):
        before_layer = self.parameterAsRasterLayer(parameters, self.BEFORE, context)
        after_layer = self.parameterAsRasterLayer(parameters, self.AFTER, context)
        before = raster_layer_path(before_layer, self.BEFORE)
        after = raster_layer_path(after_layer, self.AFTER)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        cell_size = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        threshold = self.parameterAsDouble(parameters, self.DAMAGE_THRESHOLD, context)
        # The change raster is on BEFORE's grid, so zones are counted in BEFORE's CRS.
        zones = self.zones_from_source(parameters, self.ZONES, before_layer.crs(), context, feedback)
        if zones is not None:
            feedback.pushInfo(
                self.tr("Zones: {0} polygons, counted in BEFORE's CRS ({1})").format(
                    len(zones), before_layer.crs().authid()
                )
            )
            zones.outside_of(before, before_layer.name(), feedback)  # none inside: an error, before the run
        result = detect_change(
            before,
            after,
            output,
            model_ref=self.parameterAsString(parameters, self.MODEL, context) or None,
            band_map_before=self.parameterAsString(parameters, self.BAND_MAP_BEFORE, context) or None,
            band_map_after=self.parameterAsString(parameters, self.BAND_MAP_AFTER, context) or None,
            cell_size=cell_size,
            zones=zones.engine_zones() if zones is not None else None,
            damage_threshold=threshold,
            feedback=ProcessingFeedback(feedback),
            user_dir=user_models_dir(),
            auto_threshold=self.parameterAsBool(parameters, self.AUTO_THRESHOLD, context),
            auto_method=self.METHODS[self.parameterAsEnum(parameters, self.THRESHOLD_METHOD, context)],
            radar_units=radar_units(self, parameters, context),
        )
        dest_id = self._write_cells(parameters, context, feedback, result, zones, threshold)

        pair = f"{before_layer.name()} -> {after_layer.name()}"
        LayerStyler.attach(
            context, output, self.tr("Flood change classes ({pair})").format(pair=pair), style_change_classes
        )
        unit = self.tr("zone") if zones is not None else self.tr("{0:g} m cell").format(cell_size)
        if dest_id is not None:
            LayerStyler.attach(
                context,
                dest_id,
                self.tr("Flooded share per {unit}, damaged > {0:g} % ({pair})").format(
                    100 * threshold, unit=unit, pair=pair
                ),
                style_damaged_cells(threshold),
            )
        method = self.tr("{method} {alignment}. Thresholds: {thresholds}").format(
            method=result.method.describe(), alignment=result.alignment.description, thresholds=result.thresholds
        )
        results = {
            self.OUTPUT: output,
            self.NEW_FLOOD_KM2: result.areas_m2[NEW_FLOOD] / 1e6,
            self.DAMAGED_CELLS: damaged_count(result.cells, threshold),
            self.METHOD: method,
        }
        if dest_id is not None:
            results[self.OUTPUT_GRID] = dest_id
        return results

    def _write_cells(self, parameters, context, feedback, result, zones, threshold):
        """The figures per cell (or zone) into OUTPUT_GRID; None when it was left out (the
        figures then stay in the log and the outputs only)."""
        fields, kept = self.qgs_fields_for(RESULT_FIELDS, zones, CELL_FIELDS, feedback)
        crs = grid_crs(result.grid_epsg, result.cells_crs_wkt) if zones is None else None
        sink, dest_id = self.table_sink(parameters, self.OUTPUT_GRID, context, fields, zones, crs, optional=True)
        if sink is None:
            return None
        for k, cell in enumerate(result.cells):
            by_name = cell.figures(threshold)  # None (NULL) where the cell holds no valid pixel
            figures = [by_name[name] for name, _ in RESULT_FIELDS]
            if zones is None:
                geometry = QgsGeometry.fromWkt(cell.geometry.wkt)
                add_row(sink, fields, geometry, [cell.key, cell.col, cell.row] + figures, multi=False)
            else:
                feat = zones.features[k]
                add_row(sink, fields, feat.geometry(), [feat.attributes()[i] for i in kept] + figures)
        return dest_id
