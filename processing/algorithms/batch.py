"""satimpact:batch: any SatImpact tool over many inputs on a Dask cluster (engine/batch.py)."""

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from ...engine import batch as engine_batch
from ..common import LayerStyler, ProcessingFeedback, SatImpactAlgorithm, user_models_dir


class BatchAlgorithm(SatImpactAlgorithm):
    TOOL = "TOOL"
    INPUTS = "INPUTS"
    PARAMETERS = "PARAMETERS"
    SCHEDULER = "SCHEDULER"
    WORKERS = "WORKERS"
    WINDOW_SIZE = "WINDOW_SIZE"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    MANIFEST = "MANIFEST"
    DONE = "DONE"
    FAILED = "FAILED"
    PENDING = "PENDING"
    MOSAIC = "MOSAIC"

    group_id = "batch"
    group_name = "Batch"

    def name(self):
        return "batch"

    def displayName(self):
        return self.tr("Batch run on a Dask cluster (many scenes, resumable)")

    def shortDescription(self):
        return self.tr("Runs one SatImpact tool over many rasters or pairs, on this machine or a Dask cluster.")

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterEnum(
                self.TOOL,
                self.tr("Tool"),
                options=list(engine_batch.TOOLS),
                defaultValue="waterdetection",
                usesStaticStrings=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.INPUTS,
                self.tr("Inputs: files (one per line), a folder, folder/*.tif, or a CSV of before,after pairs"),
                multiLine=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.PARAMETERS,
                self.tr("Tool parameters (JSON or KEY=VALUE,KEY=VALUE; empty: the tool's defaults)"),
                multiLine=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SCHEDULER,
                self.tr("Dask scheduler address (e.g. tcp://host:8786; empty: a local cluster)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.WORKERS,
                self.tr("Local workers (0: one per core)"),
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=0,
                minValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.WINDOW_SIZE,
                self.tr("Window size in pixels (splits one large raster into windows; 0: no split)"),
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=0,
                minValue=0,
            )
        )
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Output folder")))
        self.addParameter(
            QgsProcessingParameterVectorDestination(
                self.OUTPUT_TABLE,
                self.tr("Combined table (GeoPackage)"),
                type=QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
                createByDefault=True,
            )
        )
        self.addOutput(QgsProcessingOutputFile(self.MANIFEST, self.tr("Manifest")))
        self.addOutput(QgsProcessingOutputFile(self.MOSAIC, self.tr("Mosaic of the raster outputs (VRT)")))
        self.addOutput(QgsProcessingOutputNumber(self.DONE, self.tr("Items done")))
        self.addOutput(QgsProcessingOutputNumber(self.FAILED, self.tr("Items failed")))
        self.addOutput(QgsProcessingOutputNumber(self.PENDING, self.tr("Items pending (cancelled)")))

    def process(self, parameters, context, feedback):
        if not engine_batch.dask_available():
            raise QgsProcessingException(engine_batch.missing_dask_message())
        tool = engine_batch.canonical_tool(self.parameterAsEnumString(parameters, self.TOOL, context))
        spec = self.parameterAsString(parameters, self.INPUTS, context)
        params = engine_batch.parse_parameters(self.parameterAsString(parameters, self.PARAMETERS, context))
        engine_batch.check_parameters(tool, params)
        params = self._zones_of_project_layer(params, context, feedback)
        window = self.parameterAsInt(parameters, self.WINDOW_SIZE, context)
        if window:
            files = [p.strip() for chunk in spec.split(";") for p in chunk.splitlines() if p.strip()]
            if len(files) != 1 or not os.path.isfile(files[0]):
                raise QgsProcessingException(
                    self.tr("WINDOW_SIZE splits one large raster: give exactly one file as INPUTS")
                )
            overlap = engine_batch.split_overlap(tool, params, user_models_dir())
            items = engine_batch.items_from_split(files[0], window, overlap)
            feedback.pushInfo(
                self.tr("{0} cut into {1} windows of {window} px, overlap {overlap} px").format(
                    files[0], len(items), window=window, overlap=overlap
                )
            )
        else:
            items = engine_batch.items_from_spec(spec, tool)
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        table = self.parameterAsOutputLayer(parameters, self.OUTPUT_TABLE, context) or None
        if table and not table.lower().endswith(".gpkg"):
            raise QgsProcessingException(
                self.tr("OUTPUT_TABLE: the combined table is a GeoPackage (.gpkg), got {table}").format(table=table)
            )
        scheduler = (self.parameterAsString(parameters, self.SCHEDULER, context) or "").strip() or None
        workers = self.parameterAsInt(parameters, self.WORKERS, context) or None
        report = engine_batch.run_batch(
            tool,
            items,
            params,
            folder,
            scheduler=scheduler,
            workers=workers,
            table=table,
            feedback=ProcessingFeedback(feedback),
            user_dir=user_models_dir(),
        )
        for label, error in report.failures:
            feedback.reportError(f"{label}: {error}", fatalError=False)
        if report.cancelled:
            feedback.pushWarning(
                self.tr(
                    "Cancelled: {report_done} done, {report_pending} pending; run the batch again to resume"
                ).format(report_done=report.done, report_pending=report.pending)
            )
        results = {
            self.OUTPUT_FOLDER: folder,
            self.MANIFEST: report.manifest,
            self.DONE: report.done,
            self.FAILED: report.failed,
            self.PENDING: report.pending,
            self.MOSAIC: next((m for m in report.mosaics if m.endswith(".vrt")), None),
        }
        if report.table:
            LayerStyler.attach(
                context,
                report.table,
                self.tr("Batch {tool} ({report_done} inputs)").format(tool=tool, report_done=report.done),
                None,
            )
            results[self.OUTPUT_TABLE] = report.table
        return results

    def _zones_of_project_layer(self, params: dict, context, feedback) -> dict:
        """ZONES may name a layer of the project (its name or id): the batch reads that layer's
        file (as saved), since workers have no QGIS project."""
        value = str(params.get("ZONES") or "").strip()
        if not value or os.path.exists(value.split("|")[0]):
            return params
        from qgis.core import QgsProcessingUtils, QgsVectorLayer

        layer = QgsProcessingUtils.mapLayerFromString(value, context, False)
        if not isinstance(layer, QgsVectorLayer):
            return params  # not a layer either: the engine says the file is missing
        if layer.providerType() != "ogr" or not os.path.isfile(layer.source().split("|")[0]):
            raise QgsProcessingException(
                self.tr(
                    "ZONES: the layer '{0}' is not saved in a file ({1}); save it as a GeoPackage and give "
                    "its path or its name"
                ).format(layer.name(), layer.providerType())
            )
        feedback.pushInfo(self.tr("ZONES: the layer '{0}' is read from {1}").format(layer.name(), layer.source()))
        return {**params, "ZONES": layer.source()}
