"""Building a two-step .model3 for tests: scene -> a SatImpact tool -> raster statistics,
saved to a file and loaded back, so the chain that runs is the one QGIS reads from disk."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterRasterLayer,
    QgsProject,
)


def tool_then_raster_stats(alg_id: str, child_id: str, output: str, static: dict, path) -> QgsProcessingModelAlgorithm:
    """scene -> ``alg_id`` (``static`` parameters) -> native:rasterlayerstatistics on its OUTPUT.
    The tool's OUTPUT is a model output named ``output`` (pass it as '<child_id>:<output>')."""
    model = QgsProcessingModelAlgorithm(path.stem, "SatImpact tests")
    model.addModelParameter(QgsProcessingParameterRasterLayer("scene", "Scene"), QgsProcessingModelParameter("scene"))
    tool = QgsProcessingModelChildAlgorithm(alg_id)
    tool.setChildId(child_id)
    tool.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("scene")])
    for name, value in static.items():
        tool.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    out = QgsProcessingModelOutput(output, output)
    out.setChildId(child_id)
    out.setChildOutputName("OUTPUT")
    tool.setModelOutputs({output: out})
    model.addChildAlgorithm(tool)
    stats = QgsProcessingModelChildAlgorithm("native:rasterlayerstatistics")
    stats.setChildId("stats")
    stats.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromChildOutput(child_id, "OUTPUT")])
    stats.addParameterSources("BAND", [QgsProcessingModelChildParameterSource.fromStaticValue(1)])
    model.addChildAlgorithm(stats)
    assert model.toFile(str(path))
    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(str(path))
    return loaded


def run_chain(model: QgsProcessingModelAlgorithm, params: dict) -> dict:
    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(model, params, context=context, feedback=QgsProcessingFeedback())
