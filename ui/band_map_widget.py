"""A BAND_MAP parameter widget: the model's band names against the layer's bands, in
drop-downs pre-filled by the automatic mapping (engine.bands), over the text it writes.

The parameter stays a plain string (``green=3,nir=8`` or a layout name), so qgis_process, the
modeler and batch dialogs take it unchanged; only the tool dialog shows the drop-downs. A
drop-down left on its automatic band adds nothing to the string; one the user changes adds
``name=band``.
"""

from __future__ import annotations

from processing.gui.wrappers import DIALOG_STANDARD, WidgetWrapper
from qgis.core import QgsProject, QgsRasterLayer
from qgis.PyQt.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..engine.bands import resolve_bands
from ..engine.errors import EngineError
from ..engine.model import load_model
from ..processing.common import model_path
from .model_widget import model_cards


def tr(text: str) -> str:
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate("SatImpact", text)


def layer_bands(layer) -> tuple[int, list[str]]:
    """(band count, band descriptions) of a raster layer; descriptions from the file if any."""
    if layer is None or not layer.isValid():
        return 0, []
    count = layer.bandCount()
    descriptions = [""] * count
    try:
        from ..engine.raster import raster_info

        descriptions = [d or "" for d in raster_info(layer.source()).descriptions]
    except Exception:  # not a file GDAL opens (WMS, XYZ): names only from QGIS
        descriptions = [layer.bandName(i + 1) for i in range(count)]
    return count, descriptions


def automatic_band(name: str, count: int, descriptions: list[str]) -> int | None:
    try:
        return resolve_bands([name], count, descriptions).indices[0]
    except EngineError:
        return None


class BandMapWrapper(WidgetWrapper):
    def createWidget(self, input=None, **kwargs):
        self.input_name = input or "INPUT"
        self.layer = None
        self.model_bands: list[str] = []
        self.combos: dict[str, QComboBox] = {}
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLineEdit()
        self.text.setObjectName("satimpactBandMapText")
        self.text.setPlaceholderText(tr("empty: automatic, e.g. green=3,nir=8 or a layout name"))
        self.text.textChanged.connect(lambda _t: self.widgetValueHasChanged.emit(self))
        layout.addWidget(self.text)
        self.grid_panel = QWidget()
        self.grid = QGridLayout(self.grid_panel)
        self.grid.setContentsMargins(0, 0, 0, 0)
        if self.dialogType == DIALOG_STANDARD:
            layout.addWidget(self.grid_panel)
        return panel

    def postInitialize(self, wrappers):
        self.others = {w.parameterDefinition().name(): w for w in wrappers}
        for name in (self.input_name, "MODEL"):
            wrapper = self.others.get(name)
            if wrapper is not None:
                wrapper.widgetValueHasChanged.connect(lambda _w: self.refresh())
        self.refresh()

    def _value_of(self, name):
        wrapper = self.others.get(name)
        if wrapper is None:
            return None
        return wrapper.parameterValue() if hasattr(wrapper, "parameterValue") else wrapper.value()

    def _layer(self):
        value = self._value_of(self.input_name)
        if isinstance(value, QgsRasterLayer):
            return value
        if isinstance(value, str) and value:
            layer = QgsProject.instance().mapLayer(value)
            return layer if isinstance(layer, QgsRasterLayer) else QgsRasterLayer(value, "input")
        return None

    def _bands_wanted(self) -> list[str]:
        reference = self._value_of("MODEL")
        if reference:
            try:
                return list(load_model(model_path(str(reference))).card.inputs[0].bands)
            except Exception:  # a path being typed, or a bad model: the run reports it
                return []
        model_param = self.others.get("MODEL")
        task = None
        if model_param is not None:
            task = model_param.parameterDefinition().metadata().get("widget_wrapper", {}).get("task")
        names: list[str] = []
        for _name, card in model_cards(task):
            for band in card.inputs[0].bands:
                if band not in names:
                    names.append(band)
        return names

    def refresh(self):
        """Rebuilds the drop-downs for the current layer and model."""
        if self.dialogType != DIALOG_STANDARD:
            return
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.combos = {}
        layer = self._layer()
        count, descriptions = layer_bands(layer)
        if not count:
            return
        choices = [f"{i}: {descriptions[i - 1] or layer.bandName(i)}" for i in range(1, count + 1)]
        for row, name in enumerate(self._bands_wanted()):
            automatic = automatic_band(name, count, descriptions)
            combo = QComboBox()
            combo.setObjectName(f"satimpactBand_{name}")
            combo.addItem(tr("(not found)") if automatic is None else tr("(automatic)"), None)
            for i, text in enumerate(choices, start=1):
                combo.addItem(text + (tr(" - automatic") if i == automatic else ""), i)
            combo.setCurrentIndex(automatic or 0)
            combo.setProperty("automatic", automatic)
            combo.currentIndexChanged.connect(lambda _i: self._write_text())
            self.grid.addWidget(QLabel(name), row, 0)
            self.grid.addWidget(combo, row, 1)
            self.combos[name] = combo

    def _write_text(self):
        pairs = []
        for name, combo in self.combos.items():
            band = combo.currentData()
            if band is not None and band != combo.property("automatic"):
                pairs.append(f"{name}={band}")
        self.text.setText(",".join(pairs))

    def setValue(self, value):
        self.text.setText("" if value is None else str(value))

    def value(self):
        return self.text.text().strip() or None
