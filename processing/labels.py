"""Short parameter labels for the dialogs, the explanation in the parameter's help.

Dialog labels are cut off beyond ~50 characters (a Korean character counts two), so an algorithm may write its label as
"Short name (explanation)": the label keeps the short name, and the whole text becomes the
parameter's help (setHelp, QGIS >= 3.16), which the dialog shows as a tooltip and
`qgis_process help` and docs/tools.md print. A trailing "(optional)" is dropped: QGIS adds
its own "[optional]".
"""

from __future__ import annotations

import re

MAX_LABEL = 50
_OPTIONAL = re.compile(r"\s*\((optional|선택|선택 사항)\)\s*$", re.IGNORECASE)


def label_width(text: str) -> int:
    """Width of a label in Latin characters: a Hangul (or other wide East Asian) character
    takes two, so a Korean label is cut where it is as wide as an English one would be."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def split_label(description: str) -> tuple[str, str]:
    """(label, explanation): explanation is "" when the description is already short."""
    text = _OPTIONAL.sub("", description or "")
    if label_width(text) < MAX_LABEL:
        return text, ""
    label = text
    for separator in (" (", "; ", ", "):
        cut = label.find(separator)
        if label_width(label) >= MAX_LABEL and cut >= 3:
            label = label[:cut].rstrip(" :;,")
    return (label, text) if label != text else (text, "")


def shorten(param) -> None:
    """Applies split_label to a QgsProcessingParameterDefinition (before it is added)."""
    label, explanation = split_label(param.description())
    param.setDescription(label)
    if explanation and hasattr(param, "setHelp"):
        existing = param.help()
        param.setHelp(explanation if not existing else f"{explanation}. {existing}")


# BAND_MAP parameters and the raster parameter each maps
BAND_MAP_INPUTS = {"BAND_MAP": "INPUT", "BAND_MAP_BEFORE": "BEFORE", "BAND_MAP_AFTER": "AFTER"}


def band_map_widget(param) -> None:
    """Band-mapping drop-downs in tool dialogs for the BAND_MAP text parameters."""
    from qgis.core import QgsProcessingParameterString

    raster = BAND_MAP_INPUTS.get(param.name())
    if raster and isinstance(param, QgsProcessingParameterString) and "widget_wrapper" not in param.metadata():
        param.setMetadata({"widget_wrapper": {"class": "satimpact.ui.band_map_widget.BandMapWrapper", "input": raster}})


def labelled_help(algorithm, text: str) -> str:
    """The help names parameters as the dialog does: each parameter id (AUTO_THRESHOLD) becomes
    its label in italics, with the id in brackets at its first mention (for qgis_process users).
    Text inside <code> (the qgis_process examples) keeps the ids."""
    try:
        labels = {p.name(): p.description() for p in algorithm.parameterDefinitions() if p.description()}
    except Exception:  # noqa: BLE001 (help must never fail)
        return text
    if not labels or not text:
        return text
    pattern = re.compile(
        r"(?<![\w.:/=-])(" + "|".join(sorted(map(re.escape, labels), key=len, reverse=True)) + r")\b(?![=_])"
    )
    seen = set()

    def label(match):
        name = match.group(1)
        first = name not in seen
        seen.add(name)
        return f"<i>{labels[name]}</i> ({name})" if first else f"<i>{labels[name]}</i>"

    parts = re.split(r"(<code>.*?</code>)", text, flags=re.S)
    for i in range(0, len(parts), 2):
        parts[i] = pattern.sub(label, parts[i])
    return "".join(parts)


def card_title(card) -> str:
    """A model card's title in the user's language: the shipped cards' titles are in the
    translation (scripts/i18n.py collects them); a user model's title shows as written."""
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate("SatImpact", card.title) if card.title else card.title


def card_text(text: str) -> str:
    """A model card's description or caveats in the user's language: the shipped cards' texts
    are in the translation (scripts/i18n.py collects them); a user model's show as written."""
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate("SatImpact", text) if text else text
