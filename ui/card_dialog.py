"""A form that states the essentials of an ONNX model without a card and saves them as a
SatImpact card into a copy of the model (engine.stated_card); used by the model manager."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
)

from ..engine.stated_card import MODEL_KINDS, StatedParameters, parse_numbers, read_graph
from ..processing.common import tr


class StatedCardDialog(QDialog):
    """Model type, tile, overlap, resolution, scaling, bands and threshold, as on runmodel."""

    def __init__(self, model_path: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Card for a model without one"))
        port = next(iter(read_graph(model_path)[0].values()))
        channels = port.fixed(1) or 3
        self.kind = QComboBox()
        self.kind.addItems(list(MODEL_KINDS))
        self.tile = QSpinBox()
        self.tile.setRange(0, 8192)
        self.tile.setSpecialValueText(tr("graph's size, else 512"))
        self.overlap = QSpinBox()
        self.overlap.setRange(-1, 4096)
        self.overlap.setValue(-1)
        self.overlap.setSpecialValueText(tr("15% of the tile"))
        self.resolution = QDoubleSpinBox()
        self.resolution.setDecimals(4)
        self.resolution.setRange(0.0, 10000.0)
        self.resolution.setSpecialValueText(tr("unknown"))
        self.scale = QLineEdit("0.00392156862745098")
        self.offset = QLineEdit("0")
        self.mean = QLineEdit()
        self.mean.setPlaceholderText("0.485,0.456,0.406")
        self.std = QLineEdit()
        self.std.setPlaceholderText("0.229,0.224,0.225")
        default_bands = ["red", "green", "blue", "nir"][:channels] if channels <= 4 else []
        self.bands = QLineEdit(",".join(default_bands or [f"band_{i + 1}" for i in range(channels)]))
        self.threshold = QLineEdit("0.5")
        form = QFormLayout(self)
        form.addRow(tr("Model type"), self.kind)
        form.addRow(tr("Tile size (px)"), self.tile)
        form.addRow(tr("Tile overlap (px)"), self.overlap)
        form.addRow(tr("Resolution of the training data (m/px)"), self.resolution)
        form.addRow(tr("Scale (model value = raw x scale + offset)"), self.scale)
        form.addRow(tr("Offset"), self.offset)
        form.addRow(tr("Mean per band (after scaling)"), self.mean)
        form.addRow(tr("Std per band (after scaling)"), self.std)
        form.addRow(tr("Band names, in the model's input order"), self.bands)
        form.addRow(tr("Class probability threshold (segmentation)"), self.threshold)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def stated(self) -> tuple[StatedParameters, list[str]]:
        """The form's values; raises CardError naming a field that is not a number."""

        def one(text: str, label: str) -> float | None:
            values = parse_numbers(text, label)
            return values[0] if values else None

        params = StatedParameters(
            model_kind=self.kind.currentText(),
            tile_size=self.tile.value() or None,
            overlap=None if self.overlap.value() < 0 else self.overlap.value(),
            resolution_m=self.resolution.value() or None,
            scale=one(self.scale.text(), "Scale"),
            offset=one(self.offset.text(), "Offset"),
            mean=parse_numbers(self.mean.text(), "Mean"),
            std=parse_numbers(self.std.text(), "Std"),
            threshold=one(self.threshold.text(), "Threshold"),
        )
        bands = [b.strip() for b in self.bands.text().split(",") if b.strip()]
        return params, bands
