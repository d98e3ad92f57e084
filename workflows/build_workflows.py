"""Recipe for the example workflows shipped as .model3 files (`make workflows`).

The .model3 files are what QGIS loads (toolbox group "Workflows", and they open in the
graphical modeler); this script is how they were made, so they can be rebuilt and read.
Run with a QGIS Python: `.venv/bin/python workflows/build_workflows.py`.
"""

from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def _child(model, alg_id: str, child_id: str, description: str, sources: dict, outputs: dict | None = None):
    from qgis.core import (
        QgsApplication,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
    )

    child = QgsProcessingModelChildAlgorithm(alg_id)
    child.setChildId(child_id)
    child.setDescription(description)
    algorithm = QgsApplication.processingRegistry().algorithmById(alg_id)
    if algorithm is None:
        raise SystemExit(f"{alg_id} is not registered: run this script with the plugin loaded (`make workflows`)")
    # The modeler asks for a value for every mandatory parameter (QGIS flags a model as invalid
    # otherwise, even where the parameter has a default): the algorithm's default, written out.
    for param in algorithm.parameterDefinitions():
        optional = param.flags() & param.Flag.FlagOptional
        if param.name() not in sources and not optional and not param.isDestination():
            if param.defaultValue() is None:
                raise SystemExit(f"{alg_id}: mandatory parameter {param.name()} has no default; give it a source")
            sources = {**sources, param.name(): ("static", param.defaultValue())}
    for name, (kind, value) in sources.items():
        if kind == "param":
            src = QgsProcessingModelChildParameterSource.fromModelParameter(value)
        elif kind == "static":
            src = QgsProcessingModelChildParameterSource.fromStaticValue(value)
        elif kind == "child":
            src = QgsProcessingModelChildParameterSource.fromChildOutput(*value)
        elif kind == "expression":
            src = QgsProcessingModelChildParameterSource.fromExpression(value)
        else:
            raise ValueError(kind)
        child.addParameterSources(name, [src])
    model_outputs = {}
    for output_name, (child_output, label) in (outputs or {}).items():
        out = QgsProcessingModelOutput(output_name, label)
        # qgis_process leaves outputs it is not given empty (processing.run makes them temporary):
        # a temporary file by default lets `qgis_process run` name only the outputs it wants.
        out.setDefaultValue("TEMPORARY_OUTPUT")
        out.setChildId(child_id)
        out.setChildOutputName(child_output)
        model_outputs[output_name] = out
    child.setModelOutputs(model_outputs)
    model.addChildAlgorithm(child)
    return child


def flood_impact_on_poverty():
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelParameter,
        QgsProcessingParameterNumber,
        QgsProcessingParameterRasterLayer,
    )

    model = QgsProcessingModelAlgorithm("Flood impact on poverty", "Workflows", "workflow_floodpoverty")
    model.setHelpContent(
        {
            "ALG_DESC": "Flood change between two scenes, flooded share per grid cell, development scores of the "
            "same cells, and the cells that are both flooded (damaged) and among the least developed. "
            "<br><code>qgis_process run 'satimpact:Flood impact on poverty' -- before=pre.tif after=post.tif "
            "imagery=pre.tif flood:flood_change=change.tif flood:flood_cells=TEMPORARY_OUTPUT "
            "poverty:cells_scored=cells.gpkg poor_and_flooded:poor_and_flooded=priority.gpkg</code> "
            "(qgis_process needs every output named; TEMPORARY_OUTPUT for those you do not keep). "
            "The development scores need imagery larger than one model chip (1.87 km); cells whose chip "
            "has too little valid imagery get NULL scores.",
            "ALG_CREATOR": "SatImpact",
            "before": "Scene before the flood (Sentinel-2, Landsat or Sentinel-1).",
            "after": "Scene after (or during) the flood.",
            "imagery": "Imagery to score development on (RGB or Sentinel-2); often the before scene.",
            "cell_size": "Grid cell size in metres.",
            "damage_threshold": "Share of a cell newly flooded above which it counts as damaged.",
            "poor_percent": "Cells at or below this percentile of the development score count as poor.",
        }
    )
    for name, label in (
        ("before", "Scene before the flood"),
        ("after", "Scene after the flood"),
        ("imagery", "Imagery for development scores"),
    ):
        model.addModelParameter(QgsProcessingParameterRasterLayer(name, label), QgsProcessingModelParameter(name))
    numbers = (
        ("cell_size", "Grid cell size (metres)", 1000.0, 10.0),
        ("damage_threshold", "Damage threshold (share of a cell newly flooded)", 0.1, 0.0),
        ("poor_percent", "Poor cells: development percentile at or below", 40.0, 0.0),
    )
    for name, label, default, minimum in numbers:
        param = QgsProcessingParameterNumber(
            name, label, QgsProcessingParameterNumber.Type.Double, defaultValue=default, minValue=minimum
        )
        model.addModelParameter(param, QgsProcessingModelParameter(name))
    _child(
        model,
        "satimpact:floodchange",
        "flood",
        "Flood change per cell",
        {
            "BEFORE": ("param", "before"),
            "AFTER": ("param", "after"),
            "CELL_SIZE": ("param", "cell_size"),
            "DAMAGE_THRESHOLD": ("param", "damage_threshold"),
        },
        {"flood_change": ("OUTPUT", "Flood change classes"), "flood_cells": ("OUTPUT_GRID", "Flooded share per cell")},
    )
    _child(
        model,
        "satimpact:povertygrid",
        "poverty",
        "Development score of the same cells",
        {"INPUT": ("param", "imagery"), "ZONES": ("child", ("flood", "OUTPUT_GRID"))},
        {"cells_scored": ("OUTPUT", "Cells with flood figures and development scores")},
    )
    _child(
        model,
        "native:extractbyexpression",
        "poor_and_flooded",
        "Cells both poor and flooded",
        {
            "INPUT": ("child", ("poverty", "OUTPUT")),
            "EXPRESSION": (
                "expression",
                # qgis_process (3.22) leaves a model input it is not given NULL: fall back to the default
                '\'"damaged" = 1 AND "score_percentile" <= \' || to_string(coalesce(@poor_percent, 40))',
            ),
        },
        {"poor_and_flooded": ("OUTPUT", "Cells both poor and flooded")},
    )
    return model


def green_space_per_person():
    from qgis.core import (
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterRasterLayer,
    )

    model = QgsProcessingModelAlgorithm("Green space per person by district", "Workflows", "workflow_greenperperson")
    model.setHelpContent(
        {
            "ALG_DESC": "Green ratio and green area per person for each district of a summer scene, ranked from "
            "the least to the most green space per person (green_rank 1 = least). "
            "<br><code>qgis_process run 'satimpact:Green space per person by district' -- scene=summer.tif "
            "districts=districts.gpkg population=pop ranked:districts_green=green.gpkg</code>",
            "ALG_CREATOR": "SatImpact",
            "scene": "Summer imagery (Sentinel-2, Landsat, or RGB).",
            "districts": "District polygons.",
            "population": "Population field of the districts.",
        }
    )
    model.addModelParameter(
        QgsProcessingParameterRasterLayer("scene", "Summer scene"), QgsProcessingModelParameter("scene")
    )
    model.addModelParameter(
        QgsProcessingParameterFeatureSource("districts", "Districts", [QgsProcessing.SourceType.TypeVectorPolygon]),
        QgsProcessingModelParameter("districts"),
    )
    model.addModelParameter(
        QgsProcessingParameterField(
            "population",
            "Population field",
            parentLayerParameterName="districts",
            type=QgsProcessingParameterField.DataType.Numeric,
        ),
        QgsProcessingModelParameter("population"),
    )
    _child(
        model,
        "satimpact:greenratio",
        "green",
        "Green ratio per district",
        {"INPUT": ("param", "scene"), "ZONES": ("param", "districts"), "POPULATION_FIELD": ("param", "population")},
    )
    # A rank field rather than a sort: GeoPackage keeps feature ids, so file order is lost.
    _child(
        model,
        "native:fieldcalculator",
        "ranked",
        "Rank by green area per person (1 = least)",
        {
            "INPUT": ("child", ("green", "OUTPUT")),
            "FIELD_NAME": ("static", "green_rank"),
            "FIELD_TYPE": ("static", 1),
            "FIELD_LENGTH": ("static", 10),
            "FIELD_PRECISION": ("static", 0),
            "FORMULA": (
                "static",
                'if("green_m2_per_person" IS NULL, NULL, array_find(array_sort(array_filter('
                'array_agg("green_m2_per_person"), @element IS NOT NULL)), "green_m2_per_person") + 1)',
            ),
        },
        {"districts_green": ("OUTPUT", "Districts with green space per person")},
    )
    return model


def green_space_per_person_over_years():
    from qgis.core import (
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterMultipleLayers,
        QgsProcessingParameterString,
    )

    model = QgsProcessingModelAlgorithm(
        "Green space per person by district over years", "Workflows", "workflow_greenperperson_years"
    )
    model.setHelpContent(
        {
            "ALG_DESC": "The green space per person workflow over a stack of summer scenes: green ratio, green "
            "area and green area per person for each district on each date, with the season check per date "
            "and the trend of the green ratio per district (satimpact:greenseries). The one population field "
            "is used for every date. "
            "<br><code>qgis_process run 'satimpact:Green space per person by district over years' -- "
            "scenes=2016.tif scenes=2018.tif scenes=2020.tif districts=districts.gpkg population=pop "
            "per_person:districts_green_by_year=green.gpkg</code>",
            "ALG_CREATOR": "SatImpact",
            "scenes": "Summer imagery of the same area on different dates (Sentinel-2, Landsat, NAIP or RGB).",
            "dates": "Optional: one date per scene, in order (e.g. 2016,2018,2020), when names and tags lack them.",
            "districts": "District polygons.",
            "population": "Population field of the districts.",
        }
    )
    model.addModelParameter(
        QgsProcessingParameterMultipleLayers("scenes", "Summer scenes (one per date)", QgsProcessing.TypeRaster),
        QgsProcessingModelParameter("scenes"),
    )
    model.addModelParameter(
        QgsProcessingParameterString("dates", "Dates, one per scene (empty: from tags or names)", optional=True),
        QgsProcessingModelParameter("dates"),
    )
    model.addModelParameter(
        QgsProcessingParameterFeatureSource("districts", "Districts", [QgsProcessing.SourceType.TypeVectorPolygon]),
        QgsProcessingModelParameter("districts"),
    )
    model.addModelParameter(
        QgsProcessingParameterField(
            "population",
            "Population field",
            parentLayerParameterName="districts",
            type=QgsProcessingParameterField.DataType.Numeric,
        ),
        QgsProcessingModelParameter("population"),
    )
    _child(
        model,
        "satimpact:greenseries",
        "green",
        "Green ratio per district and date",
        {"INPUTS": ("param", "scenes"), "DATES": ("param", "dates"), "ZONES": ("param", "districts")},
    )
    # The population field's name is only known when the workflow runs: the formula is built then.
    _child(
        model,
        "native:fieldcalculator",
        "per_person",
        "Green area per person",
        {
            "INPUT": ("child", ("green", "OUTPUT")),
            "FIELD_NAME": ("static", "green_m2_per_person"),
            "FIELD_TYPE": ("static", 0),
            "FIELD_LENGTH": ("static", 20),
            "FIELD_PRECISION": ("static", 3),
            "FORMULA": (
                "expression",
                '\'if("green_area_m2" IS NULL OR coalesce("\' || @population || \'", 0) <= 0, NULL, '
                '"green_area_m2" / "\' || @population || \'")\'',
            ),
        },
        {"districts_green_by_year": ("OUTPUT", "Districts with green space per person, per date")},
    )
    return model


def register_providers() -> None:
    """QGIS's native algorithms and the plugin (from .qgis-plugins, as the tests load it)."""
    from qgis.analysis import QgsNativeAlgorithms
    from qgis.core import QgsApplication

    QgsApplication.processingRegistry().addProvider(QgsNativeAlgorithms())
    sys.path.insert(0, os.path.join(os.path.dirname(HERE), ".qgis-plugins"))
    sys.path.append("/usr/share/qgis/python/plugins")
    import satimpact

    plugin = satimpact.classFactory(None)
    plugin.initProcessing()
    register_providers.plugin = plugin  # keeps the provider alive while the script runs


def lay_out(model) -> None:
    """Places the components as the modeler draws them: inputs in a column on the left, the
    steps left to right in the order they run, the final outputs in a column on the right."""
    from qgis.PyQt.QtCore import QPointF

    left, top, column, row = 150.0, 80.0, 300.0, 100.0
    components = model.parameterComponents()
    # in the order the inputs were declared (the dialog's order), not alphabetical
    order = [p.name() for p in model.parameterDefinitions() if p.name() in components]
    for i, name in enumerate(order):
        components[name].setPosition(QPointF(left, top + i * row))
    model.setParameterComponents(components)
    children = model.childAlgorithms()
    depth = {}

    def depth_of(child_id):
        if child_id not in depth:
            before = model.dependsOnChildAlgorithms(child_id)
            depth[child_id] = 1 + max((depth_of(d) for d in before), default=0)
        return depth[child_id]

    per_column = {}
    output_row = 0
    for child_id in children:
        per_column.setdefault(depth_of(child_id), []).append(child_id)
    last_x = left + column * max(per_column)
    for level, ids in sorted(per_column.items()):
        for i, child_id in enumerate(ids):
            child = model.childAlgorithm(child_id)
            child.setPosition(QPointF(left + column * level, top + row * (0.5 + i + level * 0.5)))
            outputs = child.modelOutputs()
            for output in outputs.values():
                output.setPosition(QPointF(last_x + column, top + output_row * row))
                output_row += 1
            child.setModelOutputs(outputs)
            model.setChildAlgorithm(child)


def check(model) -> None:
    ok, issues = model.validate()
    if not ok or issues:
        raise SystemExit(f"{model.name()} does not validate: {issues}")


def build(out_dir: str = HERE) -> list[str]:
    paths = []
    for factory, name in (
        (flood_impact_on_poverty, "flood_impact_on_poverty"),
        (green_space_per_person, "green_space_per_person"),
        (green_space_per_person_over_years, "green_space_per_person_over_years"),
    ):
        path = os.path.join(out_dir, f"{name}.model3")
        model = factory()
        lay_out(model)
        check(model)
        if not model.toFile(path):
            raise SystemExit(f"could not write {path}")
        paths.append(path)
    return paths


if __name__ == "__main__":
    # A fixed hash seed keeps the XML attributes in one order, so a rebuild diffs only what changed.
    os.environ["QT_HASH_SEED"] = "0"
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    register_providers()
    for p in build(sys.argv[1] if len(sys.argv) > 1 else HERE):
        print(f"built {os.path.relpath(p)}")
    app.exitQgis()
