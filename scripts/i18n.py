"""Translations: `make translations` collects every tr("...") string of the plugin into
i18n/satimpact_ko.ts (context "SatImpact"), fills in the Korean of i18n/ko.json, and
compiles i18n/satimpact_ko.qm with Qt's lrelease. Strings without a Korean entry stay
"unfinished" in the .ts (Qt then shows the English), and the script lists them.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = ["plugin.py", "processing", "ui"]
CONTEXT = "SatImpact"
EXTRA_CONTEXTS = ("ModelChooserWrapper", "BandMapWrapper", "WidgetWrapper", "ParametersPanel")
EXTRA_MESSAGES = {" [optional]": " [선택]"}


def literal(node) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def strings_in(path: str) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        tree = ast.parse(fh.read(), path)
    found = []
    for node in ast.walk(tree):
        # class attributes such as group_name = "Water and floods" are passed through tr() later
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in ("group_name",) for t in node.targets
        ):
            text = literal(node.value)
            if text:
                found.append(text)
            continue
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name == "tr":
            text = literal(node.args[0])
            if text:
                found.append(text)
    return found


def collect() -> list[str]:
    seen = []
    for entry in SOURCES:
        path = os.path.join(ROOT, entry)
        paths = (
            [path]
            if path.endswith(".py")
            else [os.path.join(d, f) for d, _, fs in sorted(os.walk(path)) for f in sorted(fs) if f.endswith(".py")]
        )
        for p in paths:
            for text in strings_in(p):
                if text not in seen:
                    seen.append(text)
    return seen


def write_ts(strings: list[str], korean: dict[str, str], path: str) -> list[str]:
    missing = []
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        '<TS version="2.1" language="ko_KR">',
        "<context>",
        f"    <name>{CONTEXT}</name>",
    ]
    for text in strings:
        lines.append("    <message>")
        lines.append(f"        <source>{escape(text)}</source>")
        if korean.get(text):
            lines.append(f"        <translation>{escape(korean[text])}</translation>")
        else:
            missing.append(text)
            lines.append('        <translation type="unfinished"></translation>')
        lines.append("    </message>")
    lines.append("</context>")
    # QGIS's Python dialogs append " [optional]" with self.tr(), whose context is the class of
    # the widget: for the plugin's own widget wrappers that is a context QGIS's Korean lacks.
    for context in EXTRA_CONTEXTS:
        lines += ["<context>", f"    <name>{context}</name>"]
        for text, translation in EXTRA_MESSAGES.items():
            lines += [
                "    <message>",
                f"        <source>{escape(text)}</source>",
                f"        <translation>{escape(translation)}</translation>",
                "    </message>",
            ]
        lines.append("</context>")
    lines += ["</TS>", ""]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))
    return missing


def main() -> int:
    with open(os.path.join(ROOT, "i18n", "ko.json"), encoding="utf-8") as fh:
        korean = json.load(fh)
    strings = collect()
    ts = os.path.join(ROOT, "i18n", "satimpact_ko.ts")
    missing = write_ts(strings, korean, ts)
    lrelease = next((p for p in ("/usr/lib/qt5/bin/lrelease", "/usr/bin/lrelease") if os.path.exists(p)), None)
    if lrelease is None:
        raise SystemExit("lrelease not found: apt-get install qttools5-dev-tools")
    subprocess.run([lrelease, "-silent", ts, "-qm", ts[:-3] + ".qm"], check=True)
    print(f"{len(strings)} strings, {len(strings) - len(missing)} translated to Korean -> i18n/satimpact_ko.qm")
    for text in missing:
        print(f"  untranslated: {text[:90]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
