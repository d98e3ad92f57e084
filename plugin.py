"""QGIS entry point: registers the Processing provider (also headless, for qgis_process)."""

from qgis.core import QgsApplication


class SatImpactPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None

    def initProcessing(self):  # noqa: N802 (QGIS API)
        # Called by qgis_process too, where initGui never runs.
        if self.provider is None:
            from .processing.provider import SatImpactProvider

            self.provider = SatImpactProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 (QGIS API)
        self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
