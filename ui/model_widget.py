"""A MODEL parameter widget for Processing dialogs: an editable list of the shipped and
user models (filtered by task) with a button to pick any .onnx file.

The parameter itself stays a plain string, so qgis_process and the modeler take a model
name or a path unchanged.
"""

from __future__ import annotations

import html

from processing.gui.wrappers import WidgetWrapper
from qgis.core import Qgis, QgsMessageLog, QgsProcessingParameterDefinition
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QToolButton, QWidget

from ..engine.errors import EngineError
from ..engine.model import load_model
from ..engine.registry import available_models
from ..processing.common import user_models_dir
from ..processing.labels import card_title


def tr(text: str) -> str:
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate("SatImpact", text)


def model_cards(task: str | None) -> list[tuple[str, object]]:
    """(name, card) of the available models whose card task matches (any task if None)."""
    found = []
    for name, path in available_models(user_models_dir()).items():
        try:
            card = load_model(path).card
        except Exception as exc:  # noqa: BLE001 (one broken user model must not break the dialog)
            reason = str(exc) if isinstance(exc, EngineError) else f"{type(exc).__name__}: {exc}"
            QgsMessageLog.logMessage(
                tr("model '{name}' skipped: {reason}").format(name=name, reason=reason),
                "SatImpact",
                Qgis.MessageLevel.Warning,
            )
            continue
        # a tool lists the models of its own task; Run model lists every model
        if task is None or card.task == task:
            found.append((name, card))
    return found


def models_for_task(task: str | None) -> list[tuple[str, str]]:
    """(name, tooltip) of the available models whose card task matches (any task if None)."""
    # card text is data: escaped, since Qt shows tooltips that look like HTML as HTML
    return [
        (name, html.escape(f"{card_title(card)} ({card.version}); bands {', '.join(card.inputs[0].bands)}"))
        for name, card in model_cards(task)
    ]


class ModelChooserWrapper(WidgetWrapper):
    """The list shows card titles (the model name in brackets); the value is the model name.
    An optional MODEL starts with "Automatic (from the bands)", which is the empty value."""

    def createWidget(self, task=None, **kwargs):
        # 'task' comes from the parameter's widget_wrapper metadata (see model_parameter)
        panel = QWidget()
        layout = QHBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setObjectName("satimpactModelCombo")
        if self.parameterDefinition().flags() & QgsProcessingParameterDefinition.FlagOptional:
            self.combo.addItem(tr("Automatic (from the bands)"), "")
        for name, card in model_cards(task):
            self.combo.addItem(f"{card_title(card)} [{name}]", name)
            tip = html.escape(f"{name}: {card_title(card)} ({card.version}); bands {', '.join(card.inputs[0].bands)}")
            self.combo.setItemData(self.combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.combo.currentTextChanged.connect(lambda _text: self.widgetValueHasChanged.emit(self))
        browse = QToolButton()
        browse.setText("...")
        browse.setToolTip(tr("Choose an .onnx model file"))
        browse.clicked.connect(self.browse)
        layout.addWidget(self.combo, 1)
        layout.addWidget(browse)
        return panel

    def browse(self):
        path, _ = QFileDialog.getOpenFileName(self.widget, tr("ONNX model"), "", tr("ONNX models (*.onnx)"))
        if path:
            self.combo.setEditText(path)

    def setValue(self, value):
        text = "" if value is None else str(value)
        index = self.combo.findData(text)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        else:
            self.combo.setEditText(text)

    def value(self):
        text = self.combo.currentText().strip()
        index = self.combo.findText(text)
        if index >= 0:  # a listed entry: its model name ("" for automatic)
            text = self.combo.itemData(index) or ""
        return text or None
