"""satimpact:runmodel: run any carded ONNX model (or a Deepness model) over a raster."""

from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)

from ...engine.bands import resolve_bands
from ...engine.deepness import class_polygons, write_class_raster
from ...engine.detection import run_detection
from ...engine.errors import CardError, EngineError
from ...engine.model import load_model
from ...engine.raster import raster_info, remove_quietly
from ...engine.recognition import run_recognition
from ...engine.runner import RasterInput, RunOptions, run_model
from ...engine.stated_card import (
    MODEL_KINDS,
    StatedParameters,
    carries_card,
    load_with_parameters,
    parse_bands,
    parse_numbers,
    read_graph,
    save_card_copy,
)
from ...engine.superres import run_superresolution
from ..common import (
    LayerStyler,
    ProcessingFeedback,
    SatImpactAlgorithm,
    model_parameter,
    model_path,
    shipped_model_names,
    style_pseudocolor,
)
from ..labels import card_title


class RunModelAlgorithm(SatImpactAlgorithm):
    INPUT = "INPUT"
    MODEL = "MODEL"
    BAND_MAP = "BAND_MAP"
    OUTPUT = "OUTPUT"
    MODEL_INFO = "MODEL_INFO"
    # Stated parameters: for models without a card (see engine/stated_card.py)
    MODEL_TYPE = "MODEL_TYPE"
    TILE_SIZE = "TILE_SIZE"
    OVERLAP = "OVERLAP"
    MODEL_RESOLUTION = "MODEL_RESOLUTION"
    SCALE = "SCALE"
    OFFSET = "OFFSET"
    MEAN = "MEAN"
    STD = "STD"
    BANDS = "BANDS"
    THRESHOLD = "THRESHOLD"
    SAVE_CARD = "SAVE_CARD"
    # Outputs and run-time options by model type (see engine/deepness.py, detection.py, ...)
    OUTPUT_VECTOR = "OUTPUT_VECTOR"
    OUTPUT_PROBABILITIES = "OUTPUT_PROBABILITIES"
    SMALL_SEGMENT = "SMALL_SEGMENT"
    VECTOR_SIMPLIFY = "VECTOR_SIMPLIFY"
    VECTOR_MIN_AREA = "VECTOR_MIN_AREA"
    DETECTION_CONFIDENCE = "DETECTION_CONFIDENCE"
    DETECTION_IOU = "DETECTION_IOU"
    QUERY_IMAGE = "QUERY_IMAGE"
    SAVED_MODEL = "SAVED_MODEL"

    group_id = "models"
    group_name = "Models"

    def name(self):
        return "runmodel"

    def displayName(self):
        return self.tr("Run model (any carded ONNX model)")

    def shortDescription(self):
        return self.tr("Runs a SatImpact or Deepness ONNX model over a raster, tile by tile.")

    def help_values(self):
        return {"shipped_models": ", ".join(shipped_model_names()) or "none"}

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Input raster")))
        names = shipped_model_names()
        self.addParameter(
            model_parameter(
                self.MODEL,
                self.tr("Model (shipped or user model name, or path of a carded .onnx file)"),
                task=None,
                default="index_ndvi" if "index_ndvi" in names else (names[0] if names else None),
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.BAND_MAP,
                self.tr("Band mapping (e.g. green=3,swir16=12 or a layout name; empty: automatic)"),
                optional=True,
            )
        )
        self.add_render_parameters(
            self.tr("Ground resolution in metres (layers that are not files; default: the model card's)")
        )
        self.add_compression_parameter()
        self.add_stated_parameters()
        self.add_type_parameters()
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT,
                self.tr("Model output (raster: values, classes, upscaled image or similarity)"),
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_VECTOR,
                self.tr("Polygons (segmentation: one per class area; detection: boxes)"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
                createByDefault=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT_PROBABILITIES,
                self.tr("Class probabilities (segmentation)"),
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputString(self.MODEL_INFO, self.tr("Model card summary")))
        self.addOutput(QgsProcessingOutputString(self.SAVED_MODEL, self.tr("Model saved with the stated card")))

    def add_advanced(self, param) -> None:
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(param)

    def add_stated_parameters(self):
        """Advanced parameters stating the essentials of a model that has no card: its type and
        tiling here, its input scaling and bands in add_stated_input_parameters."""
        advanced = self.add_advanced
        number = QgsProcessingParameterNumber
        advanced(
            QgsProcessingParameterEnum(
                self.MODEL_TYPE,
                self.tr(
                    "Model type, for a model without a card (segmentation, regression, detection, superresolution, "
                    "recognition, index, features)"
                ),
                options=list(MODEL_KINDS),
                optional=True,
                usesStaticStrings=True,
            )
        )
        advanced(
            number(
                self.TILE_SIZE,
                self.tr("Tile size in px (no card; default: the graph's fixed input size, else 512)"),
                number.Type.Integer,
                optional=True,
                minValue=8,
            )
        )
        advanced(
            number(
                self.OVERLAP,
                self.tr("Tile overlap in px (no card; default 15% of the tile)"),
                number.Type.Integer,
                optional=True,
                minValue=0,
            )
        )
        advanced(
            number(
                self.MODEL_RESOLUTION,
                self.tr("Resolution of the model's training data in m/px (no card)"),
                number.Type.Double,
                optional=True,
                minValue=0.0,
            )
        )
        advanced(
            number(
                self.SCALE,
                self.tr("Scale: model value = raw x SCALE + OFFSET (no card; default 1/255)"),
                number.Type.Double,
                optional=True,
            )
        )
        advanced(number(self.OFFSET, self.tr("Offset (no card; default 0)"), number.Type.Double, optional=True))
        self.add_stated_input_parameters()

    def add_stated_input_parameters(self):
        """MEAN, STD, BANDS, THRESHOLD and SAVE_CARD of a model without a card."""
        advanced = self.add_advanced
        number = QgsProcessingParameterNumber
        advanced(
            QgsProcessingParameterString(
                self.MEAN, self.tr("Mean per band, after scaling (no card; ImageNet: 0.485,0.456,0.406)"), optional=True
            )
        )
        advanced(
            QgsProcessingParameterString(
                self.STD, self.tr("Std per band, after scaling (no card; ImageNet: 0.229,0.224,0.225)"), optional=True
            )
        )
        advanced(
            QgsProcessingParameterString(
                self.BANDS,
                self.tr("Raster bands in the model's input order, e.g. 1,2,3 (no card; default: the first ones)"),
                optional=True,
            )
        )
        advanced(
            number(
                self.THRESHOLD,
                self.tr("Class probability threshold (no card; segmentation, default 0.5)"),
                number.Type.Double,
                optional=True,
            )
        )
        advanced(
            QgsProcessingParameterFileDestination(
                self.SAVE_CARD,
                self.tr("Save stated parameters as a card (in a copy of the model; no card)"),
                fileFilter="ONNX models (*.onnx)",
                optional=True,
                createByDefault=False,
            )
        )

    def add_type_parameters(self):
        """Run-time options of Deepness model types (defaults from the card)."""
        advanced = self.add_advanced
        number = QgsProcessingParameterNumber
        advanced(
            number(
                self.SMALL_SEGMENT,
                self.tr("Remove small segments: Deepness' size (segmentation; default: the card's seg_small_segment)"),
                number.Type.Integer,
                optional=True,
                minValue=0,
            )
        )
        advanced(
            number(
                self.VECTOR_SIMPLIFY,
                self.tr("Polygon simplification tolerance in pixels (segmentation; default 1)"),
                number.Type.Double,
                optional=True,
                minValue=0.0,
            )
        )
        advanced(
            number(
                self.VECTOR_MIN_AREA,
                self.tr("Smallest polygon kept, in pixels (segmentation; default 0)"),
                number.Type.Double,
                optional=True,
                minValue=0.0,
            )
        )
        advanced(
            number(
                self.DETECTION_CONFIDENCE,
                self.tr("Detection confidence threshold (default: the card's det_conf, else 0.5)"),
                number.Type.Double,
                optional=True,
                minValue=0.0,
                maxValue=1.0,
            )
        )
        advanced(
            number(
                self.DETECTION_IOU,
                self.tr(
                    "Detection overlap (IoU) above which the weaker box is dropped (default: det_iou_thresh, else 0.4)"
                ),
                number.Type.Double,
                optional=True,
                minValue=0.0,
                maxValue=1.0,
            )
        )
        advanced(
            QgsProcessingParameterFile(
                self.QUERY_IMAGE,
                self.tr("Query image (recognition: tiles are compared with it)"),
                optional=True,
            )
        )

    def stated_parameters(self, parameters, context) -> StatedParameters | None:
        """The stated parameters, or None where none is set (the model must then have a card)."""

        def given(name):
            return parameters.get(name) not in (None, "")

        def number(name, integer=False):
            if not given(name):
                return None
            if integer:
                return self.parameterAsInt(parameters, name, context)
            return self.parameterAsDouble(parameters, name, context)

        kind = self.parameterAsEnumString(parameters, self.MODEL_TYPE, context) if given(self.MODEL_TYPE) else ""
        stated = StatedParameters(
            model_kind=kind or "",
            tile_size=number(self.TILE_SIZE, True),
            overlap=number(self.OVERLAP, True),
            resolution_m=number(self.MODEL_RESOLUTION),
            scale=number(self.SCALE),
            offset=number(self.OFFSET),
            mean=parse_numbers(self.parameterAsString(parameters, self.MEAN, context), "MEAN"),
            std=parse_numbers(self.parameterAsString(parameters, self.STD, context), "STD"),
            bands=parse_bands(self.parameterAsString(parameters, self.BANDS, context)),
            threshold=number(self.THRESHOLD),
        )
        save = self.parameterAsFileOutput(parameters, self.SAVE_CARD, context) if given(self.SAVE_CARD) else ""
        if not stated.given() and not save:
            return None
        if not stated.model_kind:
            raise CardError(
                self.tr("{0} describe(s) a model without a card: set MODEL_TYPE too ({1})").format(
                    ", ".join(stated.given() or ["SAVE_CARD"]), ", ".join(MODEL_KINDS)
                )
            )
        return stated

    def process(self, parameters, context, feedback):
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        path = model_path(self.parameterAsString(parameters, self.MODEL, context))
        band_map = self.parameterAsString(parameters, self.BAND_MAP, context)
        stated = self.stated_parameters(parameters, context)
        if stated is not None:
            return self.process_stated(layer, path, stated, parameters, context, feedback)
        try:
            model = load_model(path)
        except CardError as exc:
            if carries_card(read_graph(path)[2]) is None:
                raise CardError(
                    self.tr(
                        "{exc}; or state its essentials with the advanced parameters MODEL_TYPE, "
                        "TILE_SIZE, SCALE, BANDS... (see the help)"
                    ).format(exc=exc)
                ) from exc
            raise
        card = model.card
        if len(card.inputs) != 1:
            raise EngineError(
                self.tr(
                    "model '{card_name}' takes {0} inputs ({1}); run it with a tool made for it "
                    "(two-date models: satimpact:floodchange)"
                ).format(len(card.inputs), ", ".join(i.name for i in card.inputs), card_name=card.name)
            )
        feedback.pushInfo(self.tr("Model: {0}").format(card.summary()))
        spec = card.inputs[0]
        default_resolution = card.extra.get("resolution_nominal_m") or (
            spec.resolution_m[0] if spec.resolution_m else None
        )
        # Layers that are not files are rendered first: progress in two steps, render then model.
        is_file = layer is None or layer.providerType() == "gdal"
        steps = feedback if is_file else QgsProcessingMultiStepFeedback(2, feedback)
        with self.input_layer_file(layer, parameters, context, steps, default_resolution) as source:
            if source.rendered:
                steps.setCurrentStep(1)
            info = raster_info(source.path)
            bands = resolve_bands(spec.bands, info.count, info.descriptions, band_map, spec.sensor)
            feedback.pushInfo(self.tr("Bands: {0}").format(bands.describe(spec.bands)))
            return self.execute(model, source.path, bands.indices, info, layer, parameters, context, feedback, steps)

    def process_stated(self, layer, path, stated, parameters, context, feedback):
        """A model without a card, run with the card its stated parameters make."""
        graph_inputs = read_graph(path)[0]
        port = next(iter(graph_inputs.values()), None)
        is_file = layer is None or layer.providerType() == "gdal"
        steps = feedback if is_file else QgsProcessingMultiStepFeedback(2, feedback)
        with self.input_layer_file(layer, parameters, context, steps, stated.resolution_m) as source:
            if source.rendered:
                steps.setCurrentStep(1)
            info = raster_info(source.path)
            channels = port.fixed(1) if port is not None else None
            bands = stated.bands
            if bands is None:
                if channels is None:
                    raise CardError(
                        self.tr("the graph does not fix its number of input channels: set BANDS (e.g. 1,2,3)")
                    )
                bands = list(range(1, channels + 1))
            if max(bands) > info.count:
                raise CardError(
                    self.tr("BANDS asks for band {0}, but the raster has only {info_count} band(s)").format(
                        max(bands), info_count=info.count
                    )
                )
            # The card names the bands as the raster does, so a saved card finds them again by name.
            descs = [(info.descriptions[b - 1] or "").strip() for b in bands]
            names = descs if all(descs) and len(set(descs)) == len(descs) else [f"band_{b}" for b in bands]
            model = load_with_parameters(path, stated, names, warn=feedback.pushWarning)
            card = model.card
            feedback.pushInfo(self.tr("Model (stated parameters): {0}").format(card.summary()))
            feedback.pushInfo(
                self.tr("Bands: {0}").format(
                    ", ".join((self.tr("{n}=band {b}").format(n=n, b=b) for n, b in zip(names, bands)))
                )
            )
            saved = ""
            if parameters.get(self.SAVE_CARD) not in (None, ""):
                saved = save_card_copy(path, card, self.parameterAsFileOutput(parameters, self.SAVE_CARD, context))
                feedback.pushInfo(self.tr("Card saved into a copy of the model: {saved}").format(saved=saved))
            results = self.execute(model, source.path, bands, info, layer, parameters, context, feedback, steps)
        results[self.SAVED_MODEL] = saved
        return results

    # --- what each model type gives ------------------------------------------------------------

    def execute(self, model, raster, bands, info, layer, parameters, context, feedback, steps):
        """Run ``model`` on the file ``raster`` (1-based ``bands`` in the model's order) and write
        the outputs its type gives: OUTPUT, OUTPUT_VECTOR, OUTPUT_PROBABILITIES."""
        card = model.card
        kind = card.extra.get("model_kind") or "generic"
        run = _Run(
            model=model,
            raster=raster,
            bands=bands,
            info=info,
            title=f"{card_title(card)} - {layer.name()}",
            compress=self.compression(parameters, context),
            engine_feedback=ProcessingFeedback(steps),
            parameters=parameters,
            context=context,
            feedback=feedback,
        )
        output = self.optional_output(parameters, self.OUTPUT, context)
        probabilities = self.optional_output(parameters, self.OUTPUT_PROBABILITIES, context)
        if probabilities and kind != "segmentation":
            feedback.pushWarning(self.tr("OUTPUT_PROBABILITIES applies to segmentation models only; not written"))
        if parameters.get(self.OUTPUT_VECTOR) not in (None, "") and kind not in ("segmentation", "detection"):
            feedback.pushWarning(
                self.tr("OUTPUT_VECTOR applies to segmentation and detection models only; not written")
            )
        results = {self.OUTPUT: None, self.OUTPUT_VECTOR: None, self.OUTPUT_PROBABILITIES: None}
        if kind == "detection":
            return self._execute_detection(run, output, results)
        if not output:
            raise EngineError(self.tr("a {kind} model gives a raster: set OUTPUT").format(kind=kind))
        if kind == "superresolution":
            report = run_superresolution(model, raster, bands, output, run.engine_feedback, run.compress)
            info_text = f"scale factor {report['scale_factor']}, {report['tiles']} tiles, {report['seconds']:.2f} s"
            LayerStyler.attach(context, output, run.title, None)
        elif kind == "recognition":
            query = self.parameterAsFile(parameters, self.QUERY_IMAGE, context)
            if not query:
                raise EngineError(self.tr("a recognition model compares tiles with a query image: set QUERY_IMAGE"))
            report = run_recognition(model, raster, bands, query, output, run.engine_feedback, run.compress)
            info_text = f"similarity of {report['tiles']} tiles to {query}, {report['seconds']:.2f} s"
            LayerStyler.attach(context, output, run.title, style_pseudocolor(0.0, 1.0, "Reds"))
        elif kind == "segmentation":
            info_text = self._execute_segmentation(run, output, probabilities, results)
        else:
            report = run_model(
                model,
                {card.inputs[0].name: RasterInput(raster, bands)},
                output,
                run.engine_feedback,
                RunOptions(compress=run.compress),
            )
            info_text = report.describe()
            LayerStyler.attach(context, output, run.title, _card_style(card))
        results[self.OUTPUT] = output
        results[self.MODEL_INFO] = f"{card.summary()}; {info_text}"
        return results

    def _execute_detection(self, run, output, results):
        """Boxes into OUTPUT_VECTOR (a detection model gives no raster)."""
        parameters, context, card = run.parameters, run.context, run.model.card
        if parameters.get(self.OUTPUT_VECTOR) in (None, ""):
            raise EngineError(
                self.tr("a detection model gives boxes: set OUTPUT_VECTOR (TEMPORARY_OUTPUT for a temporary layer)")
            )
        if output:
            run.feedback.pushWarning(self.tr("a detection model gives no raster; OUTPUT is not written"))
        found = run_detection(
            run.model,
            run.raster,
            run.bands,
            run.engine_feedback,
            confidence=self.optional_number(parameters, self.DETECTION_CONFIDENCE, context),
            iou_threshold=self.optional_number(parameters, self.DETECTION_IOU, context),
        )
        fields = [("class", "string"), ("class_id", "int"), ("confidence", "double")]
        rows = [((name, cls, score), poly) for cls, name, score, poly in found.polygons()]
        results[self.OUTPUT_VECTOR] = self.write_polygons(parameters, context, run.info, fields, rows)
        labels = sorted({name for (name, _, _), _ in rows} | set(found.class_names))
        what = "instances" if found.masks is not None else "boxes"  # instance masks: objects' outlines
        LayerStyler.attach(
            context, results[self.OUTPUT_VECTOR], f"{run.title} ({what})", style_categories("class", labels)
        )
        results[self.MODEL_INFO] = f"{card.summary()}; {len(rows)} {what} from {found.tiles} tiles"
        return results

    def _execute_segmentation(self, run, output, probabilities, results) -> str:
        """Class raster (OUTPUT), optionally the probabilities and class polygons; the run's
        description."""
        parameters, context, card = run.parameters, run.context, run.model.card
        keep_probabilities = bool(probabilities)
        prob_path = probabilities or QgsProcessingUtils.generateTempFilename("probabilities.tif")
        try:
            report = run_model(
                run.model,
                {card.inputs[0].name: RasterInput(run.raster, run.bands)},
                prob_path,
                run.engine_feedback,
                RunOptions(compress=run.compress),
            )
            threshold = self.optional_number(parameters, self.THRESHOLD, context, card.outputs[0].threshold)
            small = self.optional_number(parameters, self.SMALL_SEGMENT, context, card.extra.get("seg_small_segment"))
            threshold = 0.5 if threshold is None else threshold
            names = write_class_raster(
                prob_path, output, run.model, threshold, small, run.engine_feedback, run.compress
            )
            run.feedback.pushInfo(
                self.tr("Classes (threshold {threshold:g}, small segments {0}): ").format(
                    int(small or 0), threshold=threshold
                )
                + "; ".join(", ".join(f"{i}={n}" for i, n in enumerate(h)) for h in names)
            )
            if parameters.get(self.OUTPUT_VECTOR) not in (None, ""):
                polys = class_polygons(
                    output,
                    names,
                    simplify_px=self.optional_number(parameters, self.VECTOR_SIMPLIFY, context, 1.0),
                    min_area_px=self.optional_number(parameters, self.VECTOR_MIN_AREA, context, 0.0),
                    feedback=run.engine_feedback,
                )
                heads = [o.name for o in card.outputs]
                fields = [("class", "string"), ("class_id", "int"), ("output", "string"), ("area", "double")]
                rows = [((label, value, heads[band - 1], poly.area), poly) for band, value, label, poly in polys]
                results[self.OUTPUT_VECTOR] = self.write_polygons(parameters, context, run.info, fields, rows)
                run.feedback.pushInfo(self.tr("{0} class polygons").format(len(rows)))
        finally:
            if not keep_probabilities:
                remove_quietly(prob_path)
        # the class raster first: the first styled output names the run's layer group
        LayerStyler.attach(context, output, run.title, style_classes(names[0]))
        if keep_probabilities:
            results[self.OUTPUT_PROBABILITIES] = probabilities
            LayerStyler.attach(
                context,
                probabilities,
                self.tr("{run_title} (probabilities)").format(run_title=run.title),
                style_pseudocolor(0.0, 1.0, "Blues"),
            )
        if results[self.OUTPUT_VECTOR]:
            labels = sorted({label for h in names for label in h if label.lower() not in ("background", "_background")})
            LayerStyler.attach(
                context,
                results[self.OUTPUT_VECTOR],
                self.tr("{run_title} (polygons)").format(run_title=run.title),
                style_categories("class", labels),
            )
        return report.describe()

    def optional_output(self, parameters, name, context) -> str:
        if parameters.get(name) in (None, ""):
            return ""
        return self.parameterAsOutputLayer(parameters, name, context) or ""

    def write_polygons(self, parameters, context, info, fields, rows):
        """Polygons (shapely, in the raster's CRS) with attributes into OUTPUT_VECTOR."""
        from qgis.core import QgsFeature, QgsFeatureSink, QgsGeometry

        qfields, _ = self.qgs_fields_for(fields)
        crs = QgsCoordinateReferenceSystem.fromWkt(info.crs_wkt) if info.crs_wkt else QgsCoordinateReferenceSystem()
        # instance masks give multipolygons (an object's mask may fall apart in pieces)
        multi = any(poly.geom_type == "MultiPolygon" for _, poly in rows)
        sink, dest = self.table_sink(parameters, self.OUTPUT_VECTOR, context, qfields, None, crs, multi=multi)
        # features go to the sink in batches: one call per feature costs more than making them
        batch = []
        for attrs, poly in rows:
            geom = QgsGeometry()
            geom.fromWkb(poly.wkb)
            if multi:
                geom.convertToMultiType()
            feature = QgsFeature(qfields)
            feature.setGeometry(geom)
            feature.setAttributes(list(attrs))
            batch.append(feature)
            if len(batch) == 4096:
                sink.addFeatures(batch, QgsFeatureSink.FastInsert)
                batch = []
        if batch:
            sink.addFeatures(batch, QgsFeatureSink.FastInsert)
        return dest


@dataclass
class _Run:
    """What every model type's run needs (RunModelAlgorithm.execute)."""

    model: object
    raster: str
    bands: list
    info: object
    title: str
    compress: str
    engine_feedback: object
    parameters: dict
    context: object
    feedback: object


def _card_style(card):
    """The card's own ramp (extra.style), else one by output kind (None: QGIS's default)."""
    hint = card.extra.get("style") if isinstance(card.extra.get("style"), dict) else {}
    out_kind = card.outputs[0].kind
    if hint.get("ramp"):
        return style_pseudocolor(float(hint.get("min", 0.0)), float(hint.get("max", 1.0)), hint["ramp"])
    if out_kind == "probability":
        return style_pseudocolor(0.0, 1.0, "Blues")
    if out_kind == "index":
        return style_pseudocolor(-1.0, 1.0, "RdYlBu")
    return None


def style_classes(names: list[str]):
    """Paletted renderer with the class names as labels (first band); background transparent."""

    def apply(layer):
        from qgis.core import QgsPalettedRasterRenderer, QgsStyle
        from qgis.PyQt.QtGui import QColor

        ramp = QgsStyle.defaultStyle().colorRamp("Spectral")
        classes = []
        for value, name in enumerate(names):
            if name.lower() in ("background", "_background"):
                colour = QColor(0, 0, 0, 0)
            else:
                colour = _class_colour(ramp, value, len(names))
            classes.append(QgsPalettedRasterRenderer.Class(value, colour, name))
        layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))

    return apply


def style_categories(field: str, labels: list[str]):
    """Outlined polygons, one colour per value of ``field`` (class polygons, detection boxes)."""

    def apply(layer):
        from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory, QgsStyle, QgsSymbol

        ramp = QgsStyle.defaultStyle().colorRamp("Spectral")
        categories = []
        for k, label in enumerate(labels):
            symbol = QgsSymbol.defaultSymbol(layer.geometryType())
            colour = _class_colour(ramp, k, len(labels))
            colour.setAlpha(90)
            symbol.setColor(colour)
            categories.append(QgsRendererCategory(label, symbol, label))
        layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))

    return apply


def _class_colour(ramp, k: int, n: int):
    """Colour k of n from a ramp of the default style, or spread hues where the style lacks it."""
    from qgis.PyQt.QtGui import QColor

    if ramp is not None:
        return ramp.color(k / max(1, n - 1))
    return QColor.fromHsv(k * 360 // max(1, n), 200, 220)
