"""Parameters several algorithms declare the same way, written once: zones, the zone name
field, thresholds, the observed share and the HTML report. SatImpactAlgorithm inherits
SharedParameters; names, texts and order stay those the algorithms had (tests, docs and
saved models depend on them). Labels are passed in by the algorithm where they differ, as
literal self.tr("...") strings, so that scripts/i18n.py finds them."""

from __future__ import annotations


def tr(text: str) -> str:
    from .common import tr as translate  # common imports this module

    return translate(text)


class SharedParameters:
    """Mixin of SatImpactAlgorithm."""

    def add_zones_parameter(self, label: str, name: str = "ZONES") -> None:
        """ZONES (optional polygons): where figures are counted instead of a grid or footprint."""
        from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSource

        self.addParameter(
            QgsProcessingParameterFeatureSource(name, label, [QgsProcessing.TypeVectorPolygon], optional=True)
        )

    def add_zone_name_field_parameter(self, name: str = "ZONE_NAME_FIELD", zones: str = "ZONES") -> None:
        """ZONE_NAME_FIELD: the field that names the zones in the report."""
        from qgis.core import QgsProcessingParameterField

        self.addParameter(
            QgsProcessingParameterField(
                name, tr("Zone name field (for the report)"), parentLayerParameterName=zones, optional=True
            )
        )

    def add_min_observed_parameter(self, default: float, name: str = "MIN_OBSERVED") -> None:
        """MIN_OBSERVED: the least observed share of a zone on a date for the trend."""
        from qgis.core import QgsProcessingParameterNumber

        self.addParameter(
            QgsProcessingParameterNumber(
                name,
                tr("Minimum observed share of a zone (below: flagged, left out of the trend)"),
                type=QgsProcessingParameterNumber.Type.Double,
                minValue=0.0,
                maxValue=1.0,
                defaultValue=default,
            )
        )

    def add_report_parameter(self, name: str = "OUTPUT_REPORT") -> None:
        """OUTPUT_REPORT (optional): an HTML report."""
        from qgis.core import QgsProcessingParameterFileDestination

        self.addParameter(
            QgsProcessingParameterFileDestination(name, tr("Report (HTML)"), tr("HTML files (*.html)"), optional=True)
        )

    def add_threshold_parameter(self, name: str = "THRESHOLD") -> None:
        """THRESHOLD (optional number): empty means the model card's default (read it with
        optional_number, as 0 is a real threshold)."""
        from qgis.core import QgsProcessingParameterNumber

        self.addParameter(
            QgsProcessingParameterNumber(
                name,
                tr("Threshold (empty: the model card's default)"),
                type=QgsProcessingParameterNumber.Type.Double,
                optional=True,
            )
        )

    def add_threshold_method_parameter(self, model_default: str | None = None, name: str = "THRESHOLD_METHOD"):
        """THRESHOLD_METHOD: Otsu or Kittler-Illingworth, after ``model_default`` (a first option
        meaning "as the model says") where the algorithm has one."""
        from qgis.core import QgsProcessingParameterEnum

        options = [
            tr("Otsu (radar: on the tiles with a bimodal histogram)"),
            tr("Kittler-Illingworth minimum error (on the tiles with a bimodal histogram)"),
        ]
        self.addParameter(
            QgsProcessingParameterEnum(
                name,
                tr("Automatic threshold method"),
                options=([model_default] if model_default else []) + options,
                defaultValue=0,
            )
        )

    def optional_number(self, parameters, name: str, context, default=None):
        """``default`` (None) where an optional number parameter was left empty (0 would be a
        real threshold)."""
        value = parameters.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            return default
        return self.parameterAsDouble(parameters, name, context)
