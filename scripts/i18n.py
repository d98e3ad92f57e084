"""Translations: `make translations` collects every user-visible string of the plugin into
i18n/satimpact_ko.ts (context "SatImpact"), fills in the Korean of i18n/ko.json, and
compiles i18n/satimpact_ko.qm with Qt's lrelease. Strings without a Korean entry stay
"unfinished" in the .ts (Qt then shows the English), and the script lists them, as it lists
the algorithms' help files (processing/help/<name>.html) without a Korean one beside them.

What is collected, by class (``classified()``):
- every ``tr("...")`` of plugin.py, processing/, ui/ and engine/ (the engine's ``tr`` looks
  the same English key up in i18n/ko.json, see engine/i18n.py), sorted by where it is used:
  log lines (pushInfo, pushWarning, reportError, setProgressText, the engine's
  feedback.info/warning), errors (raise EngineError/QgsProcessingException...), layer names
  (LayerStyler.attach, setName), legends (renderer classes and categories), the rest (dialogs,
  parameters, help);
- the titles of the shipped model cards (shown in the model lists), and their descriptions and
  caveats (class "card text", shown in the model manager);
- the names, groups, help and labels of the shipped workflows (processing/workflow_text.py).

``unwrapped()`` finds texts that reach the user without ``tr()``: a literal or f-string in a
log line, an error, a layer name or a legend. tests/project/test_i18n.py asserts there is none and
that every collected string has its Korean.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = ["plugin.py", "processing", "ui", "engine"]
CONTEXT = "SatImpact"
EXTRA_CONTEXTS = ("ModelChooserWrapper", "BandMapWrapper", "WidgetWrapper", "ParametersPanel")
EXTRA_MESSAGES = {" [optional]": " [선택]"}


LOG_METHODS = (
    "pushInfo",
    "pushWarning",
    "reportError",
    "setProgressText",
    "pushCommandInfo",
    "pushConsoleInfo",
    "logMessage",  # QgsMessageLog (the Log Messages panel)
)
ENGINE_LOG_METHODS = ("info", "warning")  # engine Feedback (and batch's _Log), receiver named *feedback / log
LAYER_METHODS = ("setName",)
# legend entries: (callable name, index of the label argument)
LEGEND_CALLS = {
    "Class": 2,  # QgsPalettedRasterRenderer.Class(value, color, label)
    "ColorRampItem": 2,  # QgsColorRampShader.ColorRampItem(value, color, label)
    "QgsRendererCategory": 2,
    "QgsRendererRange": 3,
}
# methods whose text the tools put in the log (card.summary(), report.describe(), ...)
DESCRIBERS = ("describe", "summary")
# variables whose text goes into a log line as it is (green ratio's cloud and water rules)
LOGGED_NAMES = ("cloud_rule", "water_rule", "thresholds", "water_text", "facts", "how", "decoder_text")
# attributes whose text the log and the METHOD output show (flood change's water thresholds)
LOGGED_ATTRIBUTES = ("threshold_how",)
# results that carry a text for the log: Backscatter(units, how, sure)
TEXT_ARGS = {"Backscatter": 1}
# modules that only style layers: every tr() there is a legend text
LEGEND_MODULES = ("result_styles.py", "water_styles.py", "workflow_styles.py")
BASE_ERRORS = {"EngineError", "QgsProcessingException"}
# parameter names and ids ("INPUTS", "OUTPUT_VECTOR"), written as they are in every language
NAME_LIKE = re.compile(r"[A-Z][A-Z0-9_]*|[a-z]+_[a-z_]+|[A-Z]+:|onnx|onnxruntime")
KEY_CALLS = ("get", "startswith", "endswith", "missing_package_message", "unit_name", "method_name", "merge_name")
CLASSES = ("log", "error", "layer", "legend", "ui", "card title", "card text", "workflow")


def literal(node) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _call_name(node) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _receiver(node) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        value = func.value
        return value.id if isinstance(value, ast.Name) else value.attr if isinstance(value, ast.Attribute) else ""
    return ""


def _is_tr(node) -> bool:
    # chart_tr (engine/series_report.py) is tr() for chart texts, which keep English without a Korean font.
    return isinstance(node, ast.Call) and _call_name(node) in ("tr", "chart_tr") and bool(node.args)


def user_errors(trees: list) -> set[str]:
    """EngineError, QgsProcessingException and every class of the sources derived from them."""
    names = set(BASE_ERRORS) | {"CardError", "BandError", "Cancelled"}
    grew = True
    while grew:
        grew = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
                    if bases & names:
                        names.add(node.name)
                        grew = True
    return names


def _sinks(tree, errors: set[str]):
    """(class, message node) of every place a text reaches the user as a log line, an error,
    a layer name or a legend label."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and (node.name in DESCRIBERS or node.name.startswith("_describe")):
            for ret in ast.walk(node):
                if isinstance(ret, ast.Return) and ret.value is not None:
                    yield "log", ret.value
                elif isinstance(ret, ast.Call) and _call_name(ret) == "append" and _receiver(ret) == "parts":
                    yield "log", ret.args[0]  # the pieces a describe() joins
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            if _call_name(node.exc) in errors and node.exc.args:
                yield "error", node.exc.args[0]
        elif isinstance(node, (ast.Assign, ast.AugAssign)) and len(getattr(node, "targets", [0])) == 1:
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if isinstance(target, ast.Name) and target.id in LOGGED_NAMES:
                yield "log", node.value
            if isinstance(target, ast.Attribute) and target.attr in LOGGED_ATTRIBUTES:
                yield "log", node.value
            if isinstance(target, ast.Attribute) and target.attr == "name" and _receiver_name(target) == "details":
                yield "layer", node.value
        elif isinstance(node, ast.Call) and node.args:
            name = _call_name(node)
            receiver = _receiver(node).lower()
            # season warnings; the notes a threshold's log line ends with (result.notes, threshold_notes)
            notes = receiver == "threshold_notes" or (
                receiver == "notes" and isinstance(node.func.value, ast.Attribute)
            )
            if name in LOG_METHODS or (name == "append" and (receiver == "warnings" or notes)):
                yield "log", node.args[0]
            elif isinstance(node.func, ast.IfExp) and "feedback." in ast.unparse(node.func):
                yield "log", node.args[0]  # (feedback.info if sure else feedback.warning)(text)
            elif name in ENGINE_LOG_METHODS and (receiver.endswith("feedback") or receiver in ("log", "parent")):
                yield "log", node.args[0]
            elif name in LAYER_METHODS and receiver in ("layer", "group"):
                yield "layer", node.args[0]
            elif name == "attach" and receiver == "layerstyler" and len(node.args) > 2:
                yield "layer", node.args[2]
            elif name in TEXT_ARGS and len(node.args) > TEXT_ARGS[name]:
                yield "log", node.args[TEXT_ARGS[name]]
            elif name in LEGEND_CALLS and len(node.args) > LEGEND_CALLS[name]:
                yield "legend", node.args[LEGEND_CALLS[name]]
            for keyword in node.keywords:
                if name == "Rule" and keyword.arg == "label":  # QgsRuleBasedRenderer.Rule(..., label=...)
                    yield "legend", keyword.value


def _receiver_name(target) -> str:
    value = target.value
    return value.id if isinstance(value, ast.Name) else value.attr if isinstance(value, ast.Attribute) else ""


def _bare_texts(node) -> list:
    """Literals and f-strings under ``node`` that are not inside a tr() call: English the
    user would read as it is. Texts without letters (", ", " - ") need no translation."""
    found = []

    def visit(n):
        if _is_tr(n):
            return
        if isinstance(n, ast.JoinedStr):
            text = "".join(v.value for v in n.values if isinstance(v, ast.Constant))
            if any(c.isalpha() for c in text):
                found.append(n)
            return
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and any(c.isalpha() for c in n.value):
            if not NAME_LIKE.fullmatch(n.value):
                found.append(n)
            return
        if isinstance(n, ast.Compare):  # side == "above": a value compared, not shown
            return
        if isinstance(n, ast.Call) and _call_name(n) in KEY_CALLS:  # outcome.get("error"): a key
            visit(n.func)
            return
        if isinstance(n, ast.Subscript):  # NAMES["linear"]: a key, not shown
            visit(n.value)
            return
        for child in ast.iter_child_nodes(n):
            visit(child)

    visit(node)
    return found


def _parse(path: str):
    with open(path, encoding="utf-8") as fh:
        return ast.parse(fh.read(), path)


def classified_in(path: str, errors: set[str] | None = None) -> list[tuple[str, str]]:
    """(class, text) of every tr() string of one file, in order."""
    tree = _parse(path)
    errors = errors or user_errors([tree])
    where = {}
    for kind, message in _sinks(tree, errors):
        for n in ast.walk(message):
            if _is_tr(n):
                where.setdefault(id(n), kind)
    for fn in ast.walk(tree):
        styling = os.path.basename(path) in LEGEND_MODULES
        if isinstance(fn, ast.FunctionDef) and (styling or fn.name.startswith("style_") or fn.name == "class_label"):
            for n in ast.walk(fn):
                if _is_tr(n):
                    where.setdefault(id(n), "legend")
    found = []
    for node in ast.walk(tree):
        # class attributes such as group_name = "Water and floods" are passed through tr() later
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in ("group_name",) for t in node.targets
        ):
            text = literal(node.value)
            if text:
                found.append(("ui", text))
            continue
        if _is_tr(node):
            text = literal(node.args[0])
            if text:
                found.append((where.get(id(node), "ui"), text))
    return found


def strings_in(path: str) -> list[str]:
    return [text for _kind, text in classified_in(path)]


def source_files() -> list[str]:
    files = []
    for entry in SOURCES:
        path = os.path.join(ROOT, entry)
        files += (
            [path]
            if path.endswith(".py")
            else [os.path.join(d, f) for d, _, fs in sorted(os.walk(path)) for f in sorted(fs) if f.endswith(".py")]
        )
    return files


def unwrapped() -> list[str]:
    """'file:line: class: text' of every text that reaches the user without tr(), and of every
    tr() whose argument is not a plain literal (it cannot be collected)."""
    files = source_files()
    trees = {p: _parse(p) for p in files}
    errors = user_errors(list(trees.values()))
    found = []
    for path, tree in trees.items():
        rel = os.path.relpath(path, ROOT)
        for kind, message in _sinks(tree, errors):
            for n in _bare_texts(message):
                text = ast.unparse(n)
                found.append(f"{rel}:{n.lineno}: {kind}: {text[:80]}")
        passthrough = {
            id(n)
            for fn in ast.walk(tree)
            # def tr(self, text): return tr(text); chart_tr(text) in engine/series_report.py likewise
            if isinstance(fn, ast.FunctionDef) and fn.name in ("tr", "chart_tr")
            for n in ast.walk(fn)
        }
        for node in ast.walk(tree):
            if _is_tr(node) and literal(node.args[0]) is None and id(node) not in passthrough:
                arg = node.args[0]
                # group names are collected where assigned, card titles from the shipped cards
                if isinstance(arg, ast.Attribute) and arg.attr in ("group_name", "title"):
                    continue
                found.append(f"{rel}:{node.lineno}: tr() of a non-literal: {ast.unparse(arg)[:80]}")
    return found


def format_mismatches() -> list[str]:
    """'file:line: ...' of every tr("...").format(...) whose fields and arguments differ."""
    import string

    found = []
    for path in source_files():
        rel = os.path.relpath(path, ROOT)
        for node in ast.walk(_parse(path)):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"):
                continue
            inner = node.func.value
            if not (_is_tr(inner) and literal(inner.args[0]) is not None):
                continue
            if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
                continue
            fields = [f for _, f, _, _ in string.Formatter().parse(literal(inner.args[0])) if f is not None]
            names = {f.split(".")[0].split("[")[0] for f in fields}
            positional = {int(n) for n in names if n.isdigit()}
            named = {n for n in names if n and not n.isdigit()}
            keywords = {k.arg for k in node.keywords}
            if (
                named != keywords
                or (positional and max(positional) >= len(node.args))
                or len(node.args) > len(positional)
            ):
                found.append(
                    f"{rel}:{node.lineno}: fields {sorted(names)} but arguments {len(node.args)} + {sorted(keywords)}"
                )
    return found


def card_texts(fields: tuple[str, ...]) -> list[str]:
    """The ``fields`` of the shipped models' cards, without repeats (shown translated)."""
    import onnx

    texts = []
    folder = os.path.join(ROOT, "models")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".onnx"):
            continue
        model = onnx.load(os.path.join(folder, name), load_external_data=False)
        props = {p.key: p.value for p in model.metadata_props}
        if "satimpact.card" in props:
            card = json.loads(props["satimpact.card"])
            for field in fields:
                text = card.get(field)
                if isinstance(text, str) and text.strip() and text not in texts:
                    texts.append(text)
    return texts


def card_titles() -> list[str]:
    """Titles of the shipped models' cards (the model lists show them, translated)."""
    return card_texts(("title",))


def _option_value(element):
    """A QGIS <Option> element (the .model3 format) as Python values."""
    kind = element.get("type")
    if kind == "Map":
        return {child.get("name"): _option_value(child) for child in element.findall("Option")}
    if kind == "List":
        return [_option_value(child) for child in element.findall("Option")]
    return element.get("value")


def workflow_texts() -> list[str]:
    """Names, groups, help and labels of the shipped workflows (processing/workflow_text.py)."""
    import importlib.util
    import xml.etree.ElementTree as ET

    spec = importlib.util.spec_from_file_location("workflow_text", os.path.join(ROOT, "processing", "workflow_text.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found = []
    folder = os.path.join(ROOT, "workflows")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".model3"):
            root = ET.parse(os.path.join(folder, name)).getroot()
            for text in module.texts(_option_value(root)):
                if text not in found:
                    found.append(text)
    return found


def classified() -> dict[str, list[str]]:
    """Every string to translate, by class; a string used in several places counts once, in
    the first class it is found in (log, error, layer, legend, ui, card title, card text, workflow)."""
    files = source_files()
    errors = user_errors([_parse(p) for p in files])
    by_class: dict[str, list[str]] = {kind: [] for kind in CLASSES}
    seen = set()
    pairs = [pair for p in files for pair in classified_in(p, errors)]
    pairs += [("card title", t) for t in card_titles()]
    pairs += [("card text", t) for t in card_texts(("description", "caveats"))]
    pairs += [("workflow", t) for t in workflow_texts()]
    for kind in CLASSES:
        for k, text in pairs:
            if k == kind and text not in seen:
                seen.add(text)
                by_class[kind].append(text)
    return by_class


def collect() -> list[str]:
    """Every string to translate (all classes), without repeats."""
    return [text for texts in classified().values() for text in texts]


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
    by_class = classified()
    strings = [text for texts in by_class.values() for text in texts]
    ts = os.path.join(ROOT, "i18n", "satimpact_ko.ts")
    missing = write_ts(strings, korean, ts)
    lrelease = next((p for p in ("/usr/lib/qt5/bin/lrelease", "/usr/bin/lrelease") if os.path.exists(p)), None)
    if lrelease is None:
        raise SystemExit("lrelease not found: apt-get install qttools5-dev-tools")
    subprocess.run([lrelease, "-silent", ts, "-qm", ts[:-3] + ".qm"], check=True)
    print(f"{len(strings)} strings, {len(strings) - len(missing)} translated to Korean -> i18n/satimpact_ko.qm")
    for kind, texts in by_class.items():
        print(f"  {kind}: {len(texts)} strings, {sum(t in missing for t in texts)} untranslated")
    for text in missing:
        print(f"  untranslated: {text[:90]!r}")
    bare = unwrapped()
    if bare:
        print(f"{len(bare)} texts reach the user without tr():")
        for line in bare:
            print(f"  {line}")
    # The algorithms' help is one HTML file each (processing/help/<name>.html), translated as a
    # whole beside it (processing/help/ko/<name>.html); tests/test_help_files.py checks them too.
    for name in missing_help("ko"):
        print(f"  help without Korean: processing/help/ko/{name}")
    return 0


def missing_help(language: str) -> list[str]:
    """The help files of processing/help/ that have no translation into ``language``."""
    folder = os.path.join(ROOT, "processing", "help")
    return [
        name
        for name in sorted(os.listdir(folder))
        if name.endswith(".html") and not os.path.exists(os.path.join(folder, language, name))
    ]


if __name__ == "__main__":
    sys.exit(main())
