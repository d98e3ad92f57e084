"""satimpact:trainpovertyranking: a development score learnt from an expert ordering of image clusters."""

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from ...engine.model import load_model
from ...engine.poverty_train import train_ranking
from ..common import ProcessingFeedback, SatImpactAlgorithm, model_parameter, model_path

DEFAULT_FEATURIZER = "poverty_features_rgb"


class TrainPovertyRankingAlgorithm(SatImpactAlgorithm):
    INPUT = "INPUT"
    ORDER = "ORDER"
    FEATURIZER = "FEATURIZER"
    CHIP_SIZE = "CHIP_SIZE"
    HOLDOUT = "HOLDOUT"
    OUTPUT_MODEL = "OUTPUT_MODEL"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    KENDALL_TAU = "KENDALL_TAU"
    SPEARMAN = "SPEARMAN"

    group_id = "poverty"
    group_name = "Poverty and development"

    def name(self):
        return "trainpovertyranking"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("Train poverty model from an expert ranking (partial order of clusters)")

    def shortDescription(self):  # noqa: N802 (QGIS API)
        return self.tr("Learns a 0-1 development score from image clusters and an expert partial order.")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>Trains a development-score model from image chips grouped into clusters and a partial order "
            "of the clusters given by experts (which clusters are less developed than which), as in the "
            "human-machine method of Ahn et al. (2023, Nat. Commun. 14) and siScore (Han et al. 2020, KDD). "
            "Writes one ONNX model (chip in, score in [0, 1] out, higher = more developed) with its card, "
            "usable in satimpact:povertygrid, and an HTML report.</p>"
            "<p><b>Method.</b> Every chip is turned into features by FEATURIZER (default: the shipped "
            "MOSAIKS random convolutional features, Rolf et al. 2021; any carded chip featurizer ONNX works). "
            "A share HOLDOUT of every cluster's chips is held out (seeded). A linear scorer is trained with "
            "the logistic loss on every pair of training chips from clusters on different levels of the "
            "order, and squashed to [0, 1]. The report gives Kendall's tau between the held-out cluster mean "
            "scores and the order, the Spearman correlation of held-out chip scores with their cluster's "
            "level, and the mean score per cluster in a plot. Needs numpy and onnx only.</p>"
            "<p><b>Input.</b> INPUT: a folder with one subfolder per cluster (named by the cluster id) "
            "holding the chips (PNG, JPEG or GeoTIFF, 8-bit RGB for the default featurizer). ORDER: a text "
            "file, one relation per line: <code>a&lt;b</code> (a less developed than b) or "
            "<code>a=b=c</code> (tied). A cycle, an unknown cluster id or a cluster missing from the order is "
            "an error. CHIP_SIZE (optional): the ground width of one chip in metres, stored in the card so "
            "the grid tool cuts chips of that size (e.g. 1870 for zoom-14 web tiles at 40 degrees).</p>"
            "<p><b>qgis_process.</b><br><code>qgis_process run satimpact:trainpovertyranking -- "
            "INPUT=clusters ORDER=nk.txt OUTPUT_MODEL=score.onnx OUTPUT_REPORT=report.html</code></p>"
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT,
                self.tr("Chip folder (one subfolder per cluster)"),
                behavior=QgsProcessingParameterFile.Behavior.Folder,
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
        self.addOutput(QgsProcessingOutputNumber(self.KENDALL_TAU, self.tr("Kendall tau (held out)")))
        self.addOutput(QgsProcessingOutputNumber(self.SPEARMAN, self.tr("Spearman (held out)")))

    def process(self, parameters, context, feedback):
        folder = self.parameterAsFile(parameters, self.INPUT, context)
        order = self.parameterAsFile(parameters, self.ORDER, context)
        featurizer = load_model(
            model_path(self.parameterAsString(parameters, self.FEATURIZER, context) or DEFAULT_FEATURIZER)
        )
        chip_size = None
        if parameters.get(self.CHIP_SIZE) not in (None, ""):
            chip_size = self.parameterAsDouble(parameters, self.CHIP_SIZE, context) or None
        result = train_ranking(
            folder,
            order,
            featurizer,
            self.parameterAsFileOutput(parameters, self.OUTPUT_MODEL, context),
            self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context),
            chip_ground_m=chip_size,
            holdout=self.parameterAsDouble(parameters, self.HOLDOUT, context),
            feedback=ProcessingFeedback(feedback),
        )
        return {
            self.OUTPUT_MODEL: result.model_path,
            self.OUTPUT_REPORT: result.report_path,
            self.KENDALL_TAU: result.tau,
            self.SPEARMAN: result.spearman,
        }
