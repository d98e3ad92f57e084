"""satimpact:povertygrid: a development score per grid cell (or zone) from imagery."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ...engine.bands import resolve_bands
from ...engine.geo import metric_crs_for
from ...engine.model import load_model
from ...engine.poverty_grid import (
    DEFAULT_MIN_VALID,
    ChipReader,
    build_grid,
    check_score_model,
    chip_ground_size,
    percentiles,
    raster_centre_lonlat,
    score_units,
    write_grid_raster,
    zone_units,
)
from ...engine.raster import raster_info
from ..common import (
    LayerStyler,
    ProcessingFeedback,
    SatImpactAlgorithm,
    metres_per_map_unit,
    model_parameter,
    model_path,
    style_pseudocolor,
)
from ..tables import add_row

DEFAULT_MODEL = "poverty_nk_siscore"
RESULT_FIELDS = (
    ("score", "double"),
    ("score_percentile", "double"),
    ("valid_share", "double"),
    ("chips", "int"),
    ("chips_scored", "int"),
)
CELL_FIELDS = (("cell_id", "int"), ("row", "int"), ("col", "int"))


def style_score_quantiles(layer, classes: int = 5) -> None:
    """Score quantiles (equal counts of cells) on a red-to-blue ramp, legend least -> most developed."""
    from qgis.core import NULL, QgsGraduatedSymbolRenderer, QgsRendererRange, QgsStyle, QgsSymbol

    values = []
    unscored = 0
    for feature in layer.getFeatures():
        value = feature["score"]
        # NULL is a QVariant in QGIS 3.22 and None in later versions; cells without a score stay unclassed.
        if value is None or value == NULL:
            unscored += 1
            continue
        value = float(value)
        if value == value:
            values.append(value)
    values.sort()
    ramp = QgsStyle.defaultStyle().colorRamp("RdYlBu")
    if not values:  # no cell scored: outlines only, never a solid fill over the map
        from ..result_styles import null_outline_rule

        layer.setRenderer(null_outline_rule(QgsGraduatedSymbolRenderer("score", []), "score"))
        return
    n = len(values)
    edges = [values[min(n - 1, int(round(k * (n - 1) / classes)))] for k in range(classes + 1)]
    from ..common import tr

    names = [tr("least developed"), tr("less developed"), tr("middle"), tr("more developed"), tr("most developed")]
    if classes != 5:
        names = [f"quantile {k + 1}" for k in range(classes)]
    ranges = []
    for k in range(classes):
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(ramp.color((k + 0.5) / classes))
        symbol.setOpacity(0.75)
        label = f"{names[k]} ({edges[k]:.3f} - {edges[k + 1]:.3f})"
        ranges.append(QgsRendererRange(edges[k], edges[k + 1], symbol, label))
    renderer = QgsGraduatedSymbolRenderer("score", ranges)
    renderer.setSourceColorRamp(ramp.clone())
    if unscored:  # cells without a score (too little imagery) as grey outlines, never filled
        from ..result_styles import null_outline_rule

        renderer = null_outline_rule(renderer, "score")
    layer.setRenderer(renderer)


class PovertyGridAlgorithm(SatImpactAlgorithm):
    INPUT = "INPUT"
    MODEL = "MODEL"
    CELL_SIZE = "CELL_SIZE"
    ZONES = "ZONES"
    BAND_MAP = "BAND_MAP"
    MIN_VALID = "MIN_VALID"
    OUTPUT = "OUTPUT"
    OUTPUT_RASTER = "OUTPUT_RASTER"
    MODEL_USED = "MODEL_USED"
    GRID_CRS = "GRID_CRS"

    group_id = "poverty"
    group_name = "Poverty and development"

    def name(self):
        return "povertygrid"

    def displayName(self):
        return self.tr("Poverty grid (development score per cell)")

    def shortDescription(self):
        return self.tr("Scores economic development per grid cell or zone from daytime imagery.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Imagery (RGB or Sentinel-2)")))
        self.addParameter(
            model_parameter(self.MODEL, self.tr("Score model (chip model)"), task="poverty", default=DEFAULT_MODEL)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.CELL_SIZE,
                self.tr("Cell size (metres)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=1000.0,
                minValue=10.0,
            )
        )
        self.add_zones_parameter(self.tr("Zones to score instead of a grid (optional)"))
        self.addParameter(
            QgsProcessingParameterString(
                self.BAND_MAP, self.tr("Band mapping (e.g. red=4,green=3,blue=2; empty: automatic)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_VALID,
                self.tr("Least share of valid pixels in a chip"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=DEFAULT_MIN_VALID,
                minValue=0.01,
                maxValue=1.0,
            )
        )
        self.add_render_parameters(
            self.tr("Ground resolution in metres to render such layers (default: the model's source imagery)")
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Development score"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT_RASTER, self.tr("Cell scores as a raster"), optional=True, createByDefault=False
            )
        )
        self.addOutput(QgsProcessingOutputString(self.MODEL_USED, self.tr("Model used")))
        self.addOutput(QgsProcessingOutputString(self.GRID_CRS, self.tr("CRS of the cells")))

    def process(self, parameters, context, feedback):
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        model = load_model(model_path(self.parameterAsString(parameters, self.MODEL, context) or DEFAULT_MODEL))
        check_score_model(model)
        card = model.card
        cell_size = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        min_valid = self.parameterAsDouble(parameters, self.MIN_VALID, context)
        raster_out = self.parameterAsOutputLayer(parameters, self.OUTPUT_RASTER, context)
        if parameters.get(self.ZONES) not in (None, "") and raster_out:
            raise QgsProcessingException(
                self.tr(
                    "OUTPUT_RASTER is a raster of grid cells; with ZONES there is no grid: leave OUTPUT_RASTER empty"
                )
            )
        feedback.pushInfo(self.tr("Model: {0}").format(card.summary()))
        extra = card.extra or {}
        chip_px = card.tiling.tile_size
        # Layers that are not files (XYZ, WMS) are rendered at the ground resolution of the imagery the
        # model learnt from (source_px pixels per chip), finer than the model's own pixels, so the
        # area average that makes the chips sees the detail the training chips had.
        source_px = extra.get("source_px") or chip_px
        default_res = (extra.get("chip_ground_m") or 0) / source_px or None
        with self.input_layer_file(layer, parameters, context, feedback, default_res) as source:
            info = raster_info(source.path)
            spec = card.inputs[0]
            bands = resolve_bands(
                spec.bands,
                info.count,
                info.descriptions,
                self.parameterAsString(parameters, self.BAND_MAP, context),
                spec.sensor,
            )
            feedback.pushInfo(self.tr("Bands: {0}").format(bands.describe(spec.bands)))
            chip_m = self._chip_size(model, layer, info, context, feedback)
            render_gain = self._render_gain(card, info, bands, feedback)
            lon, lat = raster_centre_lonlat(source.path)
            metric = metric_crs_for(lon, lat)
            metric_crs = QgsCoordinateReferenceSystem(metric)
            feedback.pushInfo(
                self.tr("Cells and chips in {metric} ({0}), metric for this area").format(
                    metric_crs.description(), metric=metric
                )
            )
            zones = self.zones_from_source(parameters, self.ZONES, metric_crs, context, feedback, make_valid=False)
            grid, units = self._units(zones, source.path, layer.name(), cell_size, metric, chip_m, feedback)

            with ChipReader(source.path, bands.indices, metric, chip_m, chip_px, render_gain) as reader:
                results = score_units(model, reader, units, ProcessingFeedback(feedback), min_valid)

        dest_id = self._write_table(parameters, context, zones, grid, units, results, metric_crs, feedback)
        self._report_scores(results, len(units), min_valid, feedback)
        name = self.tr("Development score ({0}) - {1}").format(card.name, layer.name())
        LayerStyler.attach(context, dest_id, name, style_score_quantiles)
        outputs = {self.OUTPUT: dest_id, self.MODEL_USED: card.name, self.GRID_CRS: metric}
        if raster_out:
            tags = {"SATIMPACT_MODEL": card.name, "SATIMPACT_CELL_SIZE_M": str(cell_size)}
            write_grid_raster(raster_out, grid, units, results, tags)
            LayerStyler.attach(
                context, raster_out, self.tr("{name} (raster)").format(name=name), style_pseudocolor(0.0, 1.0, "RdYlBu")
            )
            outputs[self.OUTPUT_RASTER] = raster_out
        return outputs

    def _units(self, zones, raster_path, raster_name, cell_size, metric, chip_m, feedback):
        """The grid cells over the raster, or the zones (refused when none overlaps the raster), as
        units of chips: ``(grid, units)``, grid None for zones."""
        if zones is None:
            grid, units = build_grid(raster_path, cell_size, metric, chip_m)
            feedback.pushInfo(
                self.tr(
                    "Grid: {cell_size:g} m cells, {0} cells over the raster ({grid_cols} x {grid_rows} grid), {1} chips"
                ).format(
                    len(units),
                    sum(len(u.chips) for u in units),
                    cell_size=cell_size,
                    grid_cols=grid.cols,
                    grid_rows=grid.rows,
                )
            )
        else:
            zones.outside_of(raster_path, raster_name, feedback)  # none inside: an error, before scoring
            grid, units = None, zone_units(_zone_rings(zones), chip_m)
            feedback.pushInfo(
                self.tr("Zones: {0} polygons, {1} chips").format(len(units), sum(len(u.chips) for u in units))
            )
        return grid, units

    def _report_scores(self, results, unit_count: int, min_valid: float, feedback) -> None:
        unscored = sum(r.score is None for r in results)
        if unscored:
            feedback.pushWarning(
                self.tr(
                    "{unscored} of {0} cells/zones have too little valid imagery (chips below "
                    "{min_valid:.0%} valid pixels) and get no score (NULL)"
                ).format(unit_count, unscored=unscored, min_valid=min_valid)
            )
        scored = [r.score for r in results if r.score is not None]
        if scored:
            feedback.pushInfo(
                self.tr("Scores: {0} units, min {1:.3f}, median {2:.3f}, max {3:.3f}").format(
                    len(scored), min(scored), sorted(scored)[len(scored) // 2], max(scored)
                )
            )

    def _chip_size(self, model, layer, info, context, feedback) -> float:
        """The chip's ground size in metres, from the raster's true pixel size."""
        chip_px = model.card.tiling.tile_size
        # The centre of the pixels actually read (an XYZ layer's own extent is the whole world).
        t = info.transform
        centre = QgsPointXY(t[2] + t[0] * info.width / 2, t[5] + t[4] * info.height / 2)
        per_x, per_y = metres_per_map_unit(layer.crs(), centre, context.transformContext())
        res_m = max(info.resolution[0] * per_x, info.resolution[1] * per_y)
        chip_m, why = chip_ground_size(model, res_m)
        feedback.pushInfo(
            self.tr(
                "Chips: {chip_m:.0f} m x {chip_m:.0f} m ({why}), resampled to {chip_px} px "
                "({0:.1f} m per model pixel); raster pixels {res_m:.1f} m"
            ).format(chip_m / chip_px, chip_m=chip_m, why=why, chip_px=chip_px, res_m=res_m)
        )
        if res_m > 1.5 * chip_m / chip_px:
            feedback.pushWarning(
                self.tr(
                    "the raster ({res_m:.1f} m per pixel) is coarser than the model's pixels "
                    "({0:.1f} m); scores of upsampled imagery are less reliable"
                ).format(chip_m / chip_px, res_m=res_m)
            )
        return chip_m

    def _render_gain(self, card, info, bands, feedback) -> float | None:
        """The gain that turns reflectance into the 8-bit rendering the model expects (None:
        the raster is already 8-bit colour)."""
        spec = card.inputs[0]
        rendering = (card.extra or {}).get("reflectance_rendering")
        dtypes = {info.dtypes[i - 1] for i in bands.indices}
        if rendering and dtypes != {"uint8"}:
            render_gain = float(rendering.get("gain", 2.5))
            feedback.pushInfo(
                self.tr(
                    "The raster holds {0} values, not 8-bit colour: reading it as Sentinel-2 "
                    "reflectance x 10000 and converting to the 8-bit true-colour rendering the model "
                    "expects: 255 x clip({render_gain:g} x reflectance, 0, 1)"
                ).format(", ".join(sorted(dtypes)), render_gain=render_gain)
            )
            return render_gain
        if dtypes == {"uint8"} and spec.scale < 0.01 and abs(spec.scale * 255 - 1) > 0.01:
            feedback.pushWarning(
                self.tr(
                    "the raster is 8-bit but model '{card_name}' expects other values (scale "
                    "{spec_scale:g}); check that the model and the imagery match"
                ).format(card_name=card.name, spec_scale=spec.scale)
            )
        return None

    def _write_table(self, parameters, context, zones, grid, units, results, metric_crs, feedback):
        """One row per cell (or zone) into OUTPUT."""
        pct = percentiles([r.score for r in results])
        fields, kept = self.qgs_fields_for(RESULT_FIELDS, zones, CELL_FIELDS, feedback)  # warns of replaced fields
        sink, dest_id = self.table_sink(parameters, self.OUTPUT, context, fields, zones, metric_crs)
        for k, (unit, res) in enumerate(zip(units, results)):
            figures = [res.score, pct[k], res.valid_share, res.chips, res.chips_scored]
            if zones is None:
                row, col = unit.key
                ring = unit.rings[0][0]
                geometry = QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in ring]])
                add_row(sink, fields, geometry, [row * grid.cols + col, row, col] + figures, multi=False)
            else:
                feat = zones.features[k]
                add_row(sink, fields, feat.geometry(), [feat.attributes()[i] for i in kept] + figures)
        return dest_id


def _zone_rings(zones) -> list:
    """(id, polygon rings, a point inside) of each zone, in the metric CRS, for zone_units."""
    out = []
    for feat, geom in zip(zones.features, zones.geometries):
        if geom.isNull() or geom.isEmpty():
            out.append((feat.id(), [], (0.0, 0.0)))
            continue
        polygons = geom.asMultiPolygon() if geom.isMultipart() else [geom.asPolygon()]
        rings = [[[(p.x(), p.y()) for p in ring] for ring in polygon] for polygon in polygons]
        anchor = geom.pointOnSurface().asPoint()
        out.append((feat.id(), rings, (anchor.x(), anchor.y())))
    return out
