"""SatImpact QGIS plugin: load as the package ``satimpact`` (never import the repo's parent
as a bare path: the folder ``processing`` here would shadow QGIS's own ``processing``)."""


def classFactory(iface):
    from .plugin import SatImpactPlugin

    return SatImpactPlugin(iface)
