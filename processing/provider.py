"""The SatImpact Processing provider: one entry in the toolbox, algorithms grouped by task."""

import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .algorithms.batch import BatchAlgorithm
from .algorithms.debris_detection import DebrisDetectionAlgorithm
from .algorithms.flood_change import FloodChangeAlgorithm
from .algorithms.green_ratio import GreenRatioAlgorithm
from .algorithms.green_series import GreenSeriesAlgorithm
from .algorithms.poverty_grid import PovertyGridAlgorithm
from .algorithms.run_model import RunModelAlgorithm
from .algorithms.train_poverty_ranking import TrainPovertyRankingAlgorithm
from .algorithms.train_poverty_survey import TrainPovertySurveyAlgorithm
from .algorithms.water_detection import WaterDetectionAlgorithm
from .algorithms.water_series import WaterSeriesAlgorithm

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "icons", "satimpact.svg")


class SatImpactProvider(QgsProcessingProvider):
    def id(self):
        return "satimpact"

    def name(self):
        return "SatImpact"

    def longName(self):
        return "SatImpact: satellite imagery to SDG indicators"

    def icon(self):
        return QIcon(ICON)

    def svgIconPath(self):
        return ICON

    def loadAlgorithms(self):
        for algorithm in (
            RunModelAlgorithm(),
            GreenRatioAlgorithm(),
            WaterDetectionAlgorithm(),
            WaterSeriesAlgorithm(),
            GreenSeriesAlgorithm(),
            DebrisDetectionAlgorithm(),
            FloodChangeAlgorithm(),
            PovertyGridAlgorithm(),
            TrainPovertyRankingAlgorithm(),
            TrainPovertySurveyAlgorithm(),
            BatchAlgorithm(),
        ):
            self.addAlgorithm(algorithm)
        self.load_workflows()

    def load_workflows(self):
        """The example workflows (.model3) shipped in workflows/: toolbox group "Workflows"."""
        from qgis.core import QgsProcessingModelAlgorithm

        folder = os.path.join(os.path.dirname(os.path.dirname(__file__)), "workflows")
        if not os.path.isdir(folder):
            return
        from .workflow_text import translated_workflow_class

        workflow_class = translated_workflow_class(QgsProcessingModelAlgorithm)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".model3"):
                model = workflow_class()
                if model.fromFile(os.path.join(folder, name)):
                    model.translate()
                    self.addAlgorithm(model)

    def supportedOutputRasterLayerExtensions(self):
        # The engine writes tiled, compressed GeoTIFF only.
        return ["tif"]

    def defaultRasterFileExtension(self):
        return "tif"
