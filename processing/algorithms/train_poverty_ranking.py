"""satimpact:trainpovertyranking: a development score learnt from an expert ordering of image clusters."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ...engine.bands import resolve_bands
from ...engine.geo import metric_crs_for
from ...engine.model import load_model
from ...engine.poverty_grid import ChipReader, raster_centre_lonlat, training_chip_units
from ...engine.poverty_train import train_ranking
from ...engine.raster import raster_info
from ..common import (
    ProcessingFeedback,
    SatImpactAlgorithm,
    model_parameter,
    model_path,
    raster_layer_path,
)

DEFAULT_FEATURIZER = "poverty_features_rgb"


class TrainPovertyRankingAlgorithm(SatImpactAlgorithm):
    INPUT = "INPUT"
    RASTER = "RASTER"
    POLYGONS = "POLYGONS"
    CLUSTER_FIELD = "CLUSTER_FIELD"
    BAND_MAP = "BAND_MAP"
    ORDER = "ORDER"
    FEATURIZER = "FEATURIZER"
    CHIP_SIZE = "CHIP_SIZE"
    HOLDOUT = "HOLDOUT"
    OUTPUT_MODEL = "OUTPUT_MODEL"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    KENDALL_TAU = "KENDALL_TAU"
    SPEARMAN = "SPEARMAN"
    KENDALL_TAU_SAME = "KENDALL_TAU_SAME_CLUSTERS"
    SPEARMAN_SAME = "SPEARMAN_SAME_CLUSTERS"

    group_id = "poverty"
    group_name = "Poverty and development"

    def name(self):
        return "trainpovertyranking"

    def displayName(self):
        return self.tr("Train poverty model from an expert ranking (partial order of clusters)")

    def shortDescription(self):
        return self.tr("Learns a 0-1 development score from image clusters and an expert partial order.")

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT,
                self.tr("Chip folder (one subfolder per cluster)"),
                behavior=QgsProcessingParameterFile.Behavior.Folder,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.RASTER, self.tr("Or: imagery to cut chips from (with POLYGONS)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.POLYGONS,
                self.tr("Polygons of the clusters (with RASTER)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CLUSTER_FIELD, self.tr("Cluster id field"), parentLayerParameterName=self.POLYGONS, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.BAND_MAP, self.tr("Band mapping for RASTER (empty: automatic)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.ORDER, self.tr("Partial order of the clusters (a<b, a=b=c)"), extension="txt"
            )
        )
        self.addParameter(
            model_parameter(self.FEATURIZER, self.tr("Featurizer"), task="poverty", default=DEFAULT_FEATURIZER)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.CHIP_SIZE,
                self.tr("Ground width of one chip (metres, optional)"),
                QgsProcessingParameterNumber.Type.Double,
                optional=True,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.HOLDOUT,
                self.tr("Share of each cluster's chips held out"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=0.2,
                minValue=0.05,
                maxValue=0.5,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_MODEL, self.tr("Model"), self.tr("ONNX model (*.onnx)"))
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_REPORT, self.tr("Report"), self.tr("HTML (*.html)"))
        )
        self.addOutput(QgsProcessingOutputNumber(self.KENDALL_TAU, self.tr("Kendall tau (leave-cluster-out)")))
        self.addOutput(QgsProcessingOutputNumber(self.SPEARMAN, self.tr("Spearman (leave-cluster-out)")))
        self.addOutput(
            QgsProcessingOutputNumber(self.KENDALL_TAU_SAME, self.tr("Kendall tau (held-out chips, same clusters)"))
        )
        self.addOutput(
            QgsProcessingOutputNumber(self.SPEARMAN_SAME, self.tr("Spearman (held-out chips, same clusters)"))
        )

    def process(self, parameters, context, feedback):
        folder = self.parameterAsFile(parameters, self.INPUT, context)
        raster = self.parameterAsRasterLayer(parameters, self.RASTER, context)
        polygons = self.parameterAsSource(parameters, self.POLYGONS, context)
        order = self.parameterAsFile(parameters, self.ORDER, context)
        featurizer = load_model(
            model_path(self.parameterAsString(parameters, self.FEATURIZER, context) or DEFAULT_FEATURIZER)
        )
        chip_size = None
        if parameters.get(self.CHIP_SIZE) not in (None, ""):
            chip_size = self.parameterAsDouble(parameters, self.CHIP_SIZE, context) or None
        if folder and (raster is not None or polygons is not None):
            raise QgsProcessingException(
                self.tr("give either INPUT (a chip folder) or RASTER + POLYGONS + CLUSTER_FIELD, not both")
            )
        common = dict(
            order_path=order,
            featurizer=featurizer,
            model_out=self.parameterAsFileOutput(parameters, self.OUTPUT_MODEL, context),
            report_out=self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context),
            chip_ground_m=chip_size,
            holdout=self.parameterAsDouble(parameters, self.HOLDOUT, context),
            feedback=ProcessingFeedback(feedback),
        )
        if folder:
            result = train_ranking(folder, **common)
        else:
            result = self._from_raster(parameters, context, feedback, raster, polygons, chip_size, featurizer, common)
        return {
            self.OUTPUT_MODEL: result.model_path,
            self.OUTPUT_REPORT: result.report_path,
            self.KENDALL_TAU: result.tau,
            self.SPEARMAN: result.spearman,
            self.KENDALL_TAU_SAME: result.tau_same_clusters,
            self.SPEARMAN_SAME: result.spearman_same_clusters,
        }

    def _from_raster(self, parameters, context, feedback, raster, polygons, chip_size, featurizer, common):
        """Chips cut from RASTER: a lattice of CHIP_SIZE chips inside every polygon, grouped by cluster."""
        if raster is None or polygons is None:
            raise QgsProcessingException(
                self.tr(
                    "no chips given: set INPUT (a folder with one subfolder of chips per cluster) or "
                    "RASTER, POLYGONS and CLUSTER_FIELD"
                )
            )
        field = self.parameterAsString(parameters, self.CLUSTER_FIELD, context)
        index = polygons.fields().lookupField(field) if field else -1
        if index < 0:
            raise QgsProcessingException(
                self.tr("CLUSTER_FIELD: the polygons have no field '{field}' (fields: {0})").format(
                    ", ".join(polygons.fields().names()), field=field
                )
            )
        if not chip_size:
            raise QgsProcessingException(self.tr("CHIP_SIZE (metres) is needed to cut chips from RASTER"))
        source = raster_layer_path(raster, self.RASTER)
        info = raster_info(source)
        spec = featurizer.card.inputs[0]
        bands = resolve_bands(
            spec.bands, info.count, info.descriptions, self.parameterAsString(parameters, self.BAND_MAP, context)
        )
        render_gain = None
        if abs(spec.scale * 255.0 - 1.0) < 1e-6 and {info.dtypes[i - 1] for i in bands.indices} != {"uint8"}:
            render_gain = 2.5
            feedback.pushInfo(
                self.tr(
                    "RASTER is not 8-bit colour: reading it as Sentinel-2 reflectance x 10000 and "
                    "converting to 8-bit true colour, 255 x clip(2.5 x reflectance, 0, 1), as the "
                    "RGB featurizer expects"
                )
            )
        metric = metric_crs_for(*raster_centre_lonlat(source))
        to_metric = QgsCoordinateTransform(
            polygons.sourceCrs(), QgsCoordinateReferenceSystem(metric), context.transformContext()
        )
        zones = []
        for feat in polygons.getFeatures():
            value = feat.attributes()[index]
            geom = QgsGeometry(feat.geometry())
            if value is None or str(value) in ("", "NULL") or geom.isNull() or geom.isEmpty():
                continue
            geom.transform(to_metric)
            parts = geom.asMultiPolygon() if geom.isMultipart() else [geom.asPolygon()]
            rings = [[[(p.x(), p.y()) for p in ring] for ring in polygon] for polygon in parts]
            anchor = geom.pointOnSurface().asPoint()
            zones.append((str(value), rings, (anchor.x(), anchor.y())))
        units = training_chip_units(zones, chip_size)
        with ChipReader(
            source, bands.indices, metric, chip_size, featurizer.card.tiling.tile_size, render_gain
        ) as reader:

            def chip_at(cx, cy):
                def read():
                    array, share = reader.read(cx, cy)
                    return array if share >= 0.5 else None

                return read

            clusters = {}
            for unit in units:
                clusters.setdefault(unit.key, []).extend(chip_at(cx, cy) for cx, cy in unit.chips)
            feedback.pushInfo(
                self.tr("{0} chips of {chip_size:g} m cut in {metric} from {1} polygons in {2} clusters").format(
                    sum(map(len, clusters.values())), len(units), len(clusters), chip_size=chip_size, metric=metric
                )
            )
            return train_ranking(clusters, source_name=f"{raster.name()} under {polygons.sourceName()}", **common)
