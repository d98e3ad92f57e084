""" "Edit model..." in the Processing toolbox's right-click menu for the shipped workflows.

QGIS offers its own "Edit Model..." only for the model and project providers; these are the
plugin's. The modeler opens a copy without a file name, so "Save" asks where to write it
(the user's models folder by default) and the shipped file is never overwritten.
"""

from __future__ import annotations

from processing.gui.ContextAction import ContextAction
from qgis.core import QgsApplication, QgsProcessingModelAlgorithm
from qgis.PyQt.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("SatImpact", text)


class EditWorkflowAction(ContextAction):
    def __init__(self):
        super().__init__()
        self.name = tr("Edit model...")
        self.opened = []  # the last modeler windows, for tests and to keep them alive

    def isEnabled(self):
        alg = getattr(self, "itemData", None)
        provider = alg.provider() if isinstance(alg, QgsProcessingModelAlgorithm) else None
        return provider is not None and provider.id() == "satimpact"

    def execute(self):
        from processing.modeler.ModelerDialog import ModelerDialog

        copy = self.itemData.create()
        copy.setSourceFilePath("")
        dialog = ModelerDialog.create(copy)
        dialog.update_model.connect(self._refresh_models)
        dialog.show()
        dialog.activate()
        self.opened = [dialog]
        return dialog

    @staticmethod
    def _refresh_models():
        provider = QgsApplication.processingRegistry().providerById("model")
        if provider is not None:
            provider.refreshAlgorithms()
