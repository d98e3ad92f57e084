"""Result layers that read at a glance: ramps stretched to the data, NULL shown as an outline,
and each run's layers ordered in their group (vectors on top, masks and classes in the middle,
continuous rasters at the bottom and switched off when the run also made a mask)."""

from __future__ import annotations

import math

from qgis.core import QgsMapLayerType

VECTOR, CLASSES, CONTINUOUS = 0, 1, 2


def tr(text: str) -> str:
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate("SatImpact", text)


def data_range(path: str, low: float = 2.0, high: float = 98.0, band: int = 1, max_pixels: int = 1_000_000):
    """The low/high percentiles of a raster band's valid values (read decimated), or None."""
    try:
        import numpy as np
        import rasterio

        with rasterio.open(path) as ds:
            step = max(1, int(math.ceil(math.sqrt(ds.width * ds.height / max_pixels))))
            shape = (max(1, ds.height // step), max(1, ds.width // step))
            data = ds.read(band, out_shape=shape, masked=True)
    except Exception:  # not a file rasterio reads: the caller keeps its fixed range
        return None
    values = np.asarray(data.compressed(), dtype="float64")
    values = values[np.isfinite(values)]
    if values.size == 0:
        return None
    lo, hi = (float(v) for v in np.percentile(values, [low, high]))
    if hi <= lo:
        hi = lo + max(abs(lo) * 1e-3, 1e-6)
    return lo, hi


def ramp_renderer(layer, minimum: float, maximum: float, ramp_name: str, invert: bool = False, band: int = 1):
    from qgis.core import QgsColorRampShader, QgsRasterShader, QgsSingleBandPseudoColorRenderer, QgsStyle

    ramp = QgsStyle.defaultStyle().colorRamp(ramp_name)
    if invert:
        ramp.invert()
    function = QgsColorRampShader(minimum, maximum, ramp)
    function.classifyColorRamp(7, -1)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(function)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), band, shader)
    renderer.setClassificationMin(minimum)
    renderer.setClassificationMax(maximum)
    layer.setRenderer(renderer)


def stretched_ramp(
    ramp_name: str, fallback: tuple[float, float] = (0.0, 1.0), centre: float | None = None, invert=False
):
    """A continuous ramp over the data's 2-98 % range; with ``centre`` (a threshold) the ramp is
    symmetric about it, so the ramp's middle colour marks the threshold."""

    def apply(layer):
        found = data_range(layer.source())
        lo, hi = found if found else fallback
        if centre is not None:
            half = max(centre - lo, hi - centre, 1e-6)
            lo, hi = centre - half, centre + half
        ramp_renderer(layer, lo, hi, ramp_name, invert)

    return apply


def null_outline_rule(renderer, field: str):
    """A rule-based copy of ``renderer`` where features whose ``field`` is NULL are drawn as a
    grey outline (legend: "no value"), never filled."""
    from qgis.core import QgsFillSymbol, QgsRuleBasedRenderer

    rules = QgsRuleBasedRenderer.convertFromRenderer(renderer)
    symbol = QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "style": "no", "outline_color": "110,110,110,255", "outline_width": "0.3"}
    )
    rules.rootRule().appendChild(
        QgsRuleBasedRenderer.Rule(symbol, filterExp=f'"{field}" IS NULL', label=tr("no value (NULL)"))
    )
    return rules


def no_data_symbol():
    """A hatched grey fill with a dashed outline: cells or zones that were not seen ("no data"),
    as satimpact:floodchange draws them; never one of the classes."""
    from qgis.core import QgsFillSymbol

    return QgsFillSymbol.createSimple(
        {
            "color": "130,130,130,150",
            "style": "b_diagonal",
            "outline_color": "110,110,110,255",
            "outline_width": "0.3",
            "outline_style": "dash",
        }
    )


def layer_kind(layer) -> int:
    if layer.type() == QgsMapLayerType.VectorLayer:
        return VECTOR
    renderer = layer.renderer() if hasattr(layer, "renderer") else None
    if renderer is None:
        return CONTINUOUS
    if renderer.type() in ("paletted", "singlebandcolordata"):
        return CLASSES
    if renderer.type() == "singlebandpseudocolor":
        from qgis.core import QgsColorRampShader

        function = renderer.shader().rasterShaderFunction() if renderer.shader() else None
        if function is not None and function.colorRampType() != QgsColorRampShader.Type.Interpolated:
            return CLASSES
    return CONTINUOUS


def order_group(group) -> None:
    """Vectors on top, masks/classes next, continuous rasters last (unchecked if a mask exists)."""
    from qgis.core import QgsLayerTreeLayer

    nodes = [n for n in group.children() if isinstance(n, QgsLayerTreeLayer) and n.layer() is not None]
    kinds = {n.layerId(): layer_kind(n.layer()) for n in nodes}
    wanted = sorted(nodes, key=lambda n: kinds[n.layerId()])
    if [n.layerId() for n in wanted] != [n.layerId() for n in nodes]:
        for node in wanted:
            # the clone goes in before the original leaves: a layer absent from the tree even for
            # a moment is removed from the project by QGIS's layer tree bridge
            group.addChildNode(node.clone())
            group.removeChildNode(node)
    has_mask = any(k == CLASSES for k in kinds.values())
    if has_mask:
        for node in group.children():
            if isinstance(node, QgsLayerTreeLayer) and kinds.get(node.layerId()) == CONTINUOUS:
                node.setItemVisibilityChecked(False)
