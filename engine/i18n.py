"""The engine's messages in the user's language, without Qt.

Every text the engine sends to the user (log lines through ``Feedback``, the messages of
``EngineError``) is written ``tr("English text {name}").format(name=...)``: the English
text is the key into the catalogue ``i18n/<language>.json`` (the same catalogue the
plugin's Qt translation is compiled from), placeholders stay ``str.format`` fields.
The plugin sets the language from QGIS's locale (``locale/userLocale``) when it starts,
in the desktop and in ``qgis_process`` alike; without a catalogue the text stays English.
``make translations`` collects every ``tr()`` string (scripts/i18n.py).
"""

from __future__ import annotations

import json
import os

CATALOGUE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "i18n")

_messages: dict[str, str] = {}
_language = "en"


def set_language(locale: str | None) -> str:
    """Use the catalogue of ``locale`` ("ko", "ko_KR", "ko-KR"); English where there is none.

    Args:
        locale: a locale name, or None for English.

    Returns:
        str: the language in use ("en" where no catalogue exists).
    """
    global _messages, _language
    language = (locale or "en").replace("-", "_").split("_")[0].lower() or "en"
    path = os.path.join(CATALOGUE_DIR, f"{language}.json")
    if language == "en" or not os.path.exists(path):
        _messages, _language = {}, "en"
        return _language
    with open(path, encoding="utf-8") as fh:
        _messages = {k: v for k, v in json.load(fh).items() if isinstance(v, str) and v.strip()}
    _language = language
    return _language


def language() -> str:
    """The language in use ("en", "ko", ...)."""
    return _language


def tr(text: str) -> str:
    """``text`` in the current language (``text`` itself where the catalogue lacks it).

    Args:
        text: the English message, the catalogue's key.
    """
    return _messages.get(text, text)
