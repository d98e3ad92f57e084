"""The model manager: shipped and user models with their cards; import and remove."""

from __future__ import annotations

import html
import os

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
)

from ..engine.card import merge_name
from ..engine.errors import EngineError
from ..engine.model import read_model
from ..engine.registry import (
    ModelExistsError,
    available_models,
    import_model,
    model_origin,
    model_problems,
    remove_model,
)
from ..processing.common import tr, user_models_dir
from ..processing.labels import card_text, card_title


def _origin_text(origin: str) -> str:
    """Where a model comes from ("shipped", "user"), in the user's language."""
    return tr("shipped") if origin == "shipped" else tr("user")


def card_html(card, origin: str, path: str) -> str:
    # Labels and the shipped cards' description and caveats in the user's language (scripts/i18n.py
    # collects the cards' texts); ids (task, model type, band and output names) stay as written.
    e = html.escape
    rows = [
        (tr("Task"), card.task),
        (tr("Version"), card.version),
        (
            tr("Type"),
            tr("{model_type} (tile {tile_size} px, overlap {overlap} px, merge {merge})").format(
                model_type=card.model_type,
                tile_size=card.tiling.tile_size,
                overlap=card.tiling.overlap,
                merge=merge_name(card.tiling.merge),
            ),
        ),
    ]
    for spec in card.inputs:
        res = ""
        if spec.resolution_m:
            res = tr("; resolution {0:g}-{1:g} m").format(spec.resolution_m[0], spec.resolution_m[1])
        sensor = tr("; sensor {sensor}").format(sensor=spec.sensor) if spec.sensor else ""
        scale = tr("value x {scale:g} + {offset:g}").format(scale=spec.scale, offset=spec.offset)
        if spec.mean:
            scale += tr(", standardised")
        rows.append(
            (
                tr("Input '{name}'").format(name=spec.name),
                tr("bands {bands}{sensor}{res}; {scale}").format(
                    bands=", ".join(spec.bands), sensor=sensor, res=res, scale=scale
                ),
            )
        )
    for out in card.outputs:
        extra = tr(", threshold {threshold:g}").format(threshold=out.threshold) if out.threshold is not None else ""
        classes = tr(", classes {names}").format(names=", ".join(out.class_names)) if out.class_names else ""
        rows.append((tr("Output '{name}'").format(name=out.name), f"{out.kind}{classes}{extra} {out.units}"))
    metrics = (
        "".join(
            f"<li>{e(str(m.get('name', '')))}: <b>{e(str(m.get('value', '')))}</b> - {e(str(m.get('data', '')))}</li>"
            for m in card.metrics
        )
        or "<li>" + e(tr("none reported")) + "</li>"
    )
    table = "".join(f"<tr><td><b>{e(k)}</b></td><td>{e(str(v))}</td></tr>" for k, v in rows)
    origin_text = _origin_text(origin)
    return (
        f"<h3>{e(card_title(card))}</h3><p><i>{e(card.name)}</i> ({e(origin_text)}) - {e(path)}</p>"
        f"<p>{e(card_text(card.description))}</p><table>{table}</table>"
        f"<p><b>{e(tr('Metrics'))}</b></p><ul>{metrics}</ul>"
        f"<p><b>{e(tr('Built from'))}</b>: {e(card.data)}</p>"
        f"<p><b>{e(tr('Caveats'))}</b>: {e(card_text(card.caveats))}</p>"
        f"<p><b>{e(tr('Licence'))}</b>: {e(card.license)}</p><p><b>{e(tr('Citation'))}</b>: {e(card.citation)}</p>"
    )


class ModelManagerDialog(QDialog):
    def __init__(self, parent=None, user_dir: str | None = None):
        super().__init__(parent)
        self.user_dir = user_dir or user_models_dir()
        self.setWindowTitle(tr("SatImpact model manager"))
        self.resize(900, 560)
        self.list = QListWidget()
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(True)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(1, 3)
        self.import_button = QPushButton(tr("Import model..."))
        self.remove_button = QPushButton(tr("Remove user model"))
        self.card_button = QPushButton(tr("Add a card to a model..."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.card_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addLayout(buttons)
        self.list.currentItemChanged.connect(self.show_current)
        self.import_button.clicked.connect(self.ask_import)
        self.remove_button.clicked.connect(self.remove_current)
        self.card_button.clicked.connect(self.ask_card)
        self.refresh()

    def refresh(self, select: str | None = None):
        self.list.clear()
        # A broken user model is listed as such (and logged); it never hides the others.
        self.problems = model_problems(self.user_dir)
        for name, reason in self.problems.items():
            QgsMessageLog.logMessage(
                tr("model '{name}' skipped: {reason}").format(name=name, reason=reason),
                "SatImpact",
                Qgis.MessageLevel.Warning,
            )
        for name, path in available_models(self.user_dir).items():
            origin = model_origin(path)
            shown = _origin_text(origin)
            label = f"{name}  [{shown}, {tr('invalid')}]" if name in self.problems else f"{name}  [{shown}]"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, (name, path, origin))
            self.list.addItem(item)
            if name == select:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def show_current(self, item, _previous=None):
        if item is None:
            self.details.clear()
            return
        name, path, origin = item.data(Qt.ItemDataRole.UserRole)
        self.remove_button.setEnabled(origin == "user")
        try:
            self.details.setHtml(card_html(read_model(path).card, origin, path))
        except Exception as exc:  # noqa: BLE001 (a broken model file is shown as broken, never a traceback)
            reason = str(exc) if isinstance(exc, EngineError) else f"{type(exc).__name__}: {exc}"
            self.details.setHtml(
                f"<h3>{html.escape(name)}</h3><p><b>{html.escape(tr('Invalid model'))}</b>: {html.escape(reason)}</p>"
            )

    def import_file(self, path: str, overwrite: bool = False) -> str:
        """Import without dialogs (also used by tests); raises EngineError when refused
        (ModelExistsError where a user model of that name exists and overwrite is False)."""
        target = import_model(path, self.user_dir, overwrite=overwrite)
        self.refresh(select=os.path.splitext(os.path.basename(target))[0])
        return target

    def message(self, icon, title: str, text: str, buttons=None) -> int:
        """A message box that shows its text as plain text (card text is data, not markup)."""
        box = QMessageBox(icon, title, text, buttons or QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box.exec()

    def write_asking_to_replace(self, write) -> None:
        """Run ``write(overwrite)``; where a user model of that name exists, ask before replacing it."""
        try:
            write(False)
        except ModelExistsError as exists:
            answer = self.message(
                QMessageBox.Icon.Question,
                tr("Replace model"),
                tr("{0}. Replace it?").format(exists),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                write(True)

    def ask_import(self):
        path, _ = QFileDialog.getOpenFileName(self, tr("Import an ONNX model"), "", "ONNX models (*.onnx)")
        if not path:
            return
        try:
            self.write_asking_to_replace(lambda overwrite: self.import_file(path, overwrite=overwrite))
        except EngineError as exc:
            self.message(QMessageBox.Icon.Warning, tr("Model refused"), str(exc))
        except OSError as exc:
            self.message(QMessageBox.Icon.Warning, tr("Model refused"), str(exc))

    def add_card(self, path: str, params, band_names: list[str], overwrite: bool = False) -> str:
        """Save a card stated for the uncarded model at ``path`` into a copy in the user folder
        (ModelExistsError where a user model of that name exists and overwrite is False)."""
        from ..engine.stated_card import add_stated_card

        target = add_stated_card(path, params, band_names, self.user_dir, overwrite=overwrite)
        self.refresh(select=os.path.splitext(os.path.basename(target))[0])
        return target

    def ask_card(self):
        from .card_dialog import StatedCardDialog

        path, _ = QFileDialog.getOpenFileName(self, tr("An ONNX model without a card"), "", "ONNX models (*.onnx)")
        if not path:
            return
        try:
            dialog = StatedCardDialog(path, self)
            if not dialog.exec():
                return
            self.write_asking_to_replace(lambda overwrite: self.add_card(path, *dialog.stated(), overwrite=overwrite))
        except EngineError as exc:
            self.message(QMessageBox.Icon.Warning, tr("Model refused"), str(exc))

    def remove_current(self):
        item = self.list.currentItem()
        if item is None:
            return
        name, _path, origin = item.data(Qt.ItemDataRole.UserRole)
        if origin != "user":
            return
        answer = self.message(
            QMessageBox.Icon.Question,
            tr("Remove model"),
            tr("Remove the user model '{0}'?").format(name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            remove_model(name, self.user_dir)
            self.refresh()
