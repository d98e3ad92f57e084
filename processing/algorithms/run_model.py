"""satimpact:runmodel: run any carded ONNX model (or a Deepness model) over a raster."""

from qgis.core import (
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputString,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ...engine.bands import resolve_bands
from ...engine.errors import EngineError
from ...engine.model import load_model
from ...engine.raster import raster_info
from ...engine.runner import RasterInput, RunOptions, run_model
from ..common import (
    LayerStyler,
    ProcessingFeedback,
    SatImpactAlgorithm,
    model_parameter,
    model_path,
    shipped_model_names,
    style_pseudocolor,
)


class RunModelAlgorithm(SatImpactAlgorithm):
    INPUT = "INPUT"
    MODEL = "MODEL"
    BAND_MAP = "BAND_MAP"
    OUTPUT = "OUTPUT"
    MODEL_INFO = "MODEL_INFO"

    group_id = "models"
    group_name = "Models"

    def name(self):
        return "runmodel"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("Run model (any carded ONNX model)")

    def shortDescription(self):  # noqa: N802 (QGIS API)
        return self.tr("Runs a SatImpact or Deepness ONNX model over a raster, tile by tile.")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        shipped = ", ".join(shipped_model_names()) or "none"
        return self.tr(
            "<p>Runs an ONNX model that carries a SatImpact model card (or Deepness metadata) over a "
            "raster and writes its outputs as a tiled GeoTIFF with the input's georeference.</p>"
            "<p><b>Method.</b> The card says which bands the model needs (by name), how raw values are "
            "scaled, the tile size and overlap, and how overlapping tiles are merged (weighted blending "
            "for continuous outputs, centre crop for classes). Nodata stays nodata. Dense models give a "
            "value per pixel; chip models give one value or vector per chip (one output pixel per chip). "
            "Inference with onnxruntime (Microsoft, https://onnxruntime.ai).</p>"
            "<p><b>Bands.</b> Whatever the card lists. They are found from the raster's band descriptions, "
            "from the layout guessed from the band count (Sentinel-2 L1C 13 bands, L2A 12, Landsat 8/9 "
            "OLI 11 or 7, Landsat 7 ETM+ 8, Sentinel-1 VV/VH 2, RGB 3, RGBN 4), or from BAND_MAP.</p>"
            "<p><b>Parameters.</b> INPUT: any raster layer (a file, or an XYZ/WMS basemap or virtual raster, rendered "
            "first). MODEL: the name of a shipped or user model "
            "({0}) or the path of an .onnx file. BAND_MAP (optional): NAME=BAND pairs with 1-based "
            "band numbers, e.g. <code>green=3,swir16=12</code>, and/or a layout name "
            "(sentinel2_l1c, sentinel2_l2a, landsat89_oli, landsat89_sr, landsat7_etm, sentinel1, rgb, rgbn). "
            "EXTENT (optional): the area to process (default: the whole layer); a file is cut to it on its own "
            "pixel grid. RESOLUTION (optional): for layers that are not files (XYZ or WMS basemaps, virtual "
            "rasters), the ground resolution in metres at which QGIS renders the layer over EXTENT (default: "
            "the finest resolution on the model card). "
            "COMPRESSION (advanced): auto (default: ZSTD for class outputs, none for continuous values, "
            "which ZSTD makes about 30% smaller but, on a machine with few cores, at the cost of a slower "
            "run), zstd, deflate (for GDAL older than 2.3) or none; blocks that are all nodata are never stored. "
            "OUTPUT: GeoTIFF.</p>"
            "<p><b>qgis_process.</b><br><code>qgis_process run satimpact:runmodel -- "
            "INPUT=scene.tif MODEL=water_mndwi OUTPUT=index.tif</code></p>"
        ).format(shipped)

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
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
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Model output")))
        self.addOutput(QgsProcessingOutputString(self.MODEL_INFO, self.tr("Model card summary")))

    def process(self, parameters, context, feedback):
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        model = load_model(model_path(self.parameterAsString(parameters, self.MODEL, context)))
        band_map = self.parameterAsString(parameters, self.BAND_MAP, context)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        card = model.card
        if len(card.inputs) != 1:
            raise EngineError(
                f"model '{card.name}' takes {len(card.inputs)} inputs "
                f"({', '.join(i.name for i in card.inputs)}); run it with a tool made for it "
                "(two-date models: satimpact:floodchange)"
            )
        feedback.pushInfo(f"Model: {card.summary()}")
        spec = card.inputs[0]
        # Layers that are not files are rendered first: progress in two steps, render then model.
        is_file = layer is None or layer.providerType() == "gdal"
        steps = feedback if is_file else QgsProcessingMultiStepFeedback(2, feedback)
        with self.input_layer_file(
            layer, parameters, context, steps, spec.resolution_m[0] if spec.resolution_m else None
        ) as source:
            if source.rendered:
                steps.setCurrentStep(1)
            info = raster_info(source.path)
            bands = resolve_bands(spec.bands, info.count, info.descriptions, band_map, spec.sensor)
            feedback.pushInfo(f"Bands: {bands.describe(spec.bands)}")
            report = run_model(
                model,
                {spec.name: RasterInput(source.path, bands.indices)},
                output,
                ProcessingFeedback(steps),
                RunOptions(compress=self.compression(parameters, context)),
            )
        # A card may suggest its own ramp (extra.style); otherwise one by output kind.
        hint = card.extra.get("style") if isinstance(card.extra.get("style"), dict) else {}
        kind = card.outputs[0].kind
        if hint.get("ramp"):
            style = style_pseudocolor(float(hint.get("min", 0.0)), float(hint.get("max", 1.0)), hint["ramp"])
        elif kind == "probability":
            style = style_pseudocolor(0.0, 1.0, "Blues")
        elif kind == "index":
            style = style_pseudocolor(-1.0, 1.0, "RdYlBu")
        else:
            style = None
        LayerStyler.attach(context, output, f"{card.title} - {layer.name()}", style)
        return {self.OUTPUT: output, self.MODEL_INFO: f"{card.summary()}; {report.describe()}"}
