"""satimpact:trainpovertysurvey: a poverty model from survey points (ridge on image features)."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ...engine.bands import resolve_bands
from ...engine.errors import BandError
from ...engine.geo import metric_crs_for
from ...engine.model import load_model
from ...engine.poverty_grid import ChipReader, raster_centre_lonlat
from ...engine.poverty_train import SurveyPoint, train_survey
from ...engine.raster import raster_info
from ..common import ProcessingFeedback, SatImpactAlgorithm, model_parameter, model_path, raster_layer_path


class TrainPovertySurveyAlgorithm(SatImpactAlgorithm):
    INPUT = "INPUT"
    POINTS = "POINTS"
    LABEL_FIELD = "LABEL_FIELD"
    CHIP_SIZE = "CHIP_SIZE"
    FOLDS = "FOLDS"
    DISPLACEMENT = "DISPLACEMENT"
    FEATURIZER = "FEATURIZER"
    BAND_MAP = "BAND_MAP"
    OUTPUT_MODEL = "OUTPUT_MODEL"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    R2 = "R2"
    SPEARMAN = "SPEARMAN"
    ALPHA = "ALPHA"
    POINTS_USED = "POINTS_USED"

    group_id = "poverty"
    group_name = "Poverty and development"

    def name(self):
        return "trainpovertysurvey"

    def displayName(self):
        return self.tr("Train poverty model from survey points (ridge on image features)")

    def shortDescription(self):
        return self.tr("Fits a ridge regression from image features to a survey label, with a CV report.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Imagery")))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.POINTS, self.tr("Survey points"), [QgsProcessing.SourceType.TypeVectorPoint]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.LABEL_FIELD,
                self.tr("Label field (wealth index, consumption, ...)"),
                parentLayerParameterName=self.POINTS,
                type=QgsProcessingParameterField.DataType.Numeric,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.CHIP_SIZE,
                self.tr("Chip size (metres)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=1000.0,
                minValue=50.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.FOLDS, self.tr("Cross-validation folds"), QgsProcessingParameterNumber.Type.Integer, 5, minValue=2
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DISPLACEMENT,
                self.tr("Largest displacement of the survey locations (metres, 0 = exact)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=0.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            model_parameter(self.FEATURIZER, self.tr("Featurizer (empty: by the bands)"), task="poverty", optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.BAND_MAP, self.tr("Band mapping (e.g. red=4,green=3,blue=2; empty: automatic)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_MODEL, self.tr("Model"), self.tr("ONNX model (*.onnx)"))
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_REPORT, self.tr("Report"), self.tr("HTML (*.html)"))
        )
        self.addOutput(QgsProcessingOutputNumber(self.R2, self.tr("Cross-validated r2")))
        self.addOutput(QgsProcessingOutputNumber(self.SPEARMAN, self.tr("Cross-validated Spearman")))
        self.addOutput(QgsProcessingOutputNumber(self.ALPHA, self.tr("Ridge alpha chosen")))
        self.addOutput(QgsProcessingOutputNumber(self.POINTS_USED, self.tr("Points used")))

    def _featurizer(self, reference, info, band_map):
        if reference:
            return load_model(model_path(reference))
        if set(info.dtypes) != {"uint8"}:
            try:
                s2 = load_model(model_path("poverty_features_s2"))
                resolve_bands(s2.card.inputs[0].bands, info.count, info.descriptions, band_map)
                return s2
            except BandError:
                pass
        return load_model(model_path("poverty_features_rgb"))

    def process(self, parameters, context, feedback):
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        source = raster_layer_path(layer)
        points = self.parameterAsSource(parameters, self.POINTS, context)
        if points is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.POINTS))
        label = self.parameterAsString(parameters, self.LABEL_FIELD, context)
        index = points.fields().lookupField(label)
        if index < 0:
            raise QgsProcessingException(
                self.tr("LABEL_FIELD: the points have no field '{label}' (fields: {0})").format(
                    ", ".join(points.fields().names()), label=label
                )
            )
        band_map = self.parameterAsString(parameters, self.BAND_MAP, context)
        info = raster_info(source)
        featurizer = self._featurizer(self.parameterAsString(parameters, self.FEATURIZER, context), info, band_map)
        spec = featurizer.card.inputs[0]
        bands = resolve_bands(spec.bands, info.count, info.descriptions, band_map, spec.sensor)
        feedback.pushInfo(self.tr("Featurizer: {0}").format(featurizer.card.summary()))
        feedback.pushInfo(self.tr("Bands: {0}").format(bands.describe(spec.bands)))
        render_gain = None
        if abs(spec.scale * 255.0 - 1.0) < 1e-6 and {info.dtypes[i - 1] for i in bands.indices} != {"uint8"}:
            render_gain = 2.5
            feedback.pushInfo(
                self.tr(
                    "The raster is not 8-bit colour: reading it as Sentinel-2 reflectance x 10000 "
                    "and converting to 8-bit true colour, 255 x clip(2.5 x reflectance, 0, 1), as "
                    "the RGB featurizer expects"
                )
            )
        lon, lat = raster_centre_lonlat(source)
        metric = metric_crs_for(lon, lat)
        feedback.pushInfo(self.tr("Chips cut in {metric}").format(metric=metric))
        to_metric = QgsCoordinateTransform(
            points.sourceCrs(), QgsCoordinateReferenceSystem(metric), context.transformContext()
        )
        survey = []
        for feat in points.getFeatures():
            geom = feat.geometry()
            value = feat.attributes()[index]
            try:
                value = None if value is None else float(value)
            except (TypeError, ValueError):
                value = None
            if geom.isNull() or geom.isEmpty():
                survey.append(SurveyPoint(feat.id(), float("nan"), float("nan"), None))
                continue
            pt = to_metric.transform(geom.centroid().asPoint())
            survey.append(SurveyPoint(feat.id(), pt.x(), pt.y(), value))
        chip_size = self.parameterAsDouble(parameters, self.CHIP_SIZE, context)
        with ChipReader(
            source, bands.indices, metric, chip_size, featurizer.card.tiling.tile_size, render_gain
        ) as reader:
            result = train_survey(
                reader,
                survey,
                featurizer,
                self.parameterAsFileOutput(parameters, self.OUTPUT_MODEL, context),
                self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context),
                label,
                chip_size,
                folds=self.parameterAsInt(parameters, self.FOLDS, context),
                displacement_m=self.parameterAsDouble(parameters, self.DISPLACEMENT, context),
                raster_name=layer.name(),
                feedback=ProcessingFeedback(feedback),
            )
        for reason, keys in result.dropped.items():
            feedback.pushWarning(self.tr("{0} point(s) dropped: {reason}").format(len(keys), reason=reason))
        return {
            self.OUTPUT_MODEL: result.model_path,
            self.OUTPUT_REPORT: result.report_path,
            self.R2: result.r2,
            self.SPEARMAN: result.spearman,
            self.ALPHA: result.alpha,
            self.POINTS_USED: result.used,
        }
