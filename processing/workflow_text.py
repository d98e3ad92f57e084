"""The shipped workflows (.model3) in the user's language.

A .model3 file has no translations of its own, and QGIS 3.22 takes a model's id from its name
(``satimpact:Flood impact on poverty``), so the files stay English and the plugin translates
what the user reads when it loads them: the name shown in the toolbox (``displayName``), the
group, the help, the parameter and output labels and the step names. Ids, parameter names and
the files themselves stay as they are, so scripts, qgis_process calls and saved models keep
working in every language. No qgis import at module level: scripts/i18n.py collects the same
texts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

# help entries that are not prose (QGIS's own keys for the author, version and dates)
UNTRANSLATED_HELP = ("ALG_CREATOR", "ALG_VERSION", "ALG_HELP_CREATOR", "HELP_URL", "EXAMPLES")


def _places(variant: dict) -> Iterator[tuple[dict, str]]:
    """(mapping, key) of every user-visible text of a model's variant map."""
    if variant.get("model_name"):
        yield variant, "model_name"
    if variant.get("model_group"):
        yield variant, "model_group"
    help_map = variant.get("help") or {}
    for key in sorted(help_map):
        if key not in UNTRANSLATED_HELP:
            yield help_map, key
    for definition in (variant.get("parameterDefinitions") or {}).values():
        for key in ("description", "help"):
            if isinstance(definition, dict):
                yield definition, key
    for component in (variant.get("parameters") or {}).values():
        if isinstance(component, dict):
            yield component, "component_description"
    for child in (variant.get("children") or {}).values():
        if not isinstance(child, dict):
            continue
        yield child, "component_description"
        for output in (child.get("outputs") or {}).values():
            if isinstance(output, dict):
                yield output, "component_description"


def texts(variant: dict) -> list[str]:
    """The texts to translate, in order, without repeats."""
    found = []
    for mapping, key in _places(variant):
        value = mapping.get(key)
        if isinstance(value, str) and value.strip() and value not in found:
            found.append(value)
    return found


def translate(variant: dict, translated: Callable[[str], str]) -> dict:
    """The same variant with its texts translated, except the name (the algorithm's id)."""
    for mapping, key in _places(variant):
        value = mapping.get(key)
        if key != "model_name" and isinstance(value, str) and value.strip():
            mapping[key] = translated(value)
    return variant


def translated_workflow_class(model_class):
    """A subclass of QgsProcessingModelAlgorithm (passed in: no qgis import here) whose
    instances show their texts through the plugin's Qt translation (context "SatImpact")."""
    from qgis.PyQt.QtCore import QCoreApplication

    def translated(text: str) -> str:  # data, not a literal: scripts/i18n.py reads the files
        return QCoreApplication.translate("SatImpact", text)

    class TranslatedWorkflow(model_class):
        def translate(self):
            self.loadVariant(translate(self.toVariant(), translated))

        def displayName(self):
            return translated(super().displayName())

        def createInstance(self):
            # the dialog, the modeler and processing.run work on copies: keep them translated
            copy = TranslatedWorkflow()
            copy.loadVariant(translate(self.toVariant(), translated))
            copy.setSourceFilePath(self.sourceFilePath())
            return copy

    return TranslatedWorkflow
