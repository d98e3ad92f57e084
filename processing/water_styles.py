"""Layer styles for the water and debris tools (QGIS renderers only, no pixel math)."""

from __future__ import annotations

from qgis.PyQt.QtGui import QColor

WATER_BLUE = QColor(0, 92, 230)
CANDIDATE_MAGENTA = QColor(255, 0, 255)


def style_water_mask(layer) -> None:
    """Water in blue, land transparent (nodata 255 is transparent anyway)."""
    from qgis.core import QgsPalettedRasterRenderer
    from qgis.PyQt.QtCore import QCoreApplication

    def tr(text):
        return QCoreApplication.translate("SatImpact", text)

    classes = [
        QgsPalettedRasterRenderer.Class(1, WATER_BLUE, tr("Water")),
        QgsPalettedRasterRenderer.Class(0, QColor(0, 0, 0, 0), tr("Land")),
    ]
    layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))


def diverging_ramp(minimum: float, maximum: float, ramp_name: str = "RdBu", invert: bool = False):
    """A continuous ramp centred between minimum and maximum (e.g. RdBu, blue for high values)."""

    def apply(layer):
        from qgis.core import QgsColorRampShader, QgsRasterShader, QgsSingleBandPseudoColorRenderer, QgsStyle

        ramp = QgsStyle.defaultStyle().colorRamp(ramp_name)
        if invert:
            ramp.invert()
        function = QgsColorRampShader(minimum, maximum, ramp)
        function.classifyColorRamp(7, -1)
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(function)
        renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
        renderer.setClassificationMin(minimum)
        renderer.setClassificationMax(maximum)
        layer.setRenderer(renderer)

    return apply


def style_outline(color: QColor, width_mm: float, fill_alpha: int = 0):
    """Polygons as coloured outlines (optionally lightly filled) that stand out on imagery."""

    def apply(layer):
        from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

        fill = f"{color.red()},{color.green()},{color.blue()},{fill_alpha}"
        symbol = QgsFillSymbol.createSimple(
            {
                "color": fill,
                "style": "solid" if fill_alpha else "no",
                "outline_color": f"{color.red()},{color.green()},{color.blue()},255",
                "outline_width": str(width_mm),
                "outline_width_unit": "MM",
            }
        )
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))

    return apply
