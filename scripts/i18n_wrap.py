"""Wrap the texts that reach the user without tr() (scripts/i18n.py's ``unwrapped()``) in tr():
"text" becomes tr("text"), f"... {x} ..." becomes tr("... {x} ...").format(x=x), with the same
format specs. Run it on files (`python scripts/i18n_wrap.py engine/water.py ...`), review the
diff, then add the Korean to i18n/ko.json and `make translations`. In engine/ it imports
``tr`` from engine/i18n.py; in processing/ algorithms' methods it uses ``self.tr``.
"""

from __future__ import annotations

import ast
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import i18n

CONVERSIONS = {-1: "", 115: "!s", 114: "!r", 97: "!a"}


def _placeholder_name(expr) -> str | None:
    if isinstance(expr, ast.Name):
        return expr.id
    parts = []
    while isinstance(expr, ast.Attribute):
        parts.append(expr.attr)
        expr = expr.value
    if isinstance(expr, ast.Name) and parts:
        parts.append(expr.id)
        names = [p for p in reversed(parts) if p != "self"]
        return "_".join(names)
    return None


def _format_call(node: ast.JoinedStr) -> tuple[str, str] | None:
    """(template, format arguments) of an f-string; None where a spec is itself formatted."""
    template, positional, named = [], [], {}
    for value in node.values:
        if isinstance(value, ast.Constant):
            template.append(value.value.replace("{", "{{").replace("}", "}}"))
            continue
        spec = ""
        if value.format_spec is not None:
            if any(not isinstance(v, ast.Constant) for v in value.format_spec.values):
                return None
            spec = ":" + "".join(v.value for v in value.format_spec.values)
        expr = ast.unparse(value.value)
        key = _placeholder_name(value.value)
        if key is None:
            if expr not in positional:
                positional.append(expr)
            key = str(positional.index(expr))
        else:
            if key in named and named[key] != expr:
                key = f"{key}_{len(named)}"
            named[key] = expr
        template.append("{" + key + CONVERSIONS[value.conversion] + spec + "}")
    args = positional + [f"{k}={v}" for k, v in named.items()]
    return "".join(template), ", ".join(args)


def _literal(text: str) -> str:
    """A double-quoted literal, split into implicit concatenation parts of ~80 characters."""
    chunks, current = [], ""
    for word in re.split(r"(?<= )", text):
        if current and len(current) + len(word) > 80:
            chunks.append(current)
            current = ""
        current += word
    chunks.append(current)
    quoted = []
    for chunk in chunks:
        body = repr(chunk)
        if body.startswith("'"):
            body = '"' + body[1:-1].replace('"', '\\"').replace("\\'", "'") + '"'
        quoted.append(body)
    return " ".join(quoted)


def _enclosing_self(tree, node) -> bool:
    for fn in ast.walk(tree):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) and fn.args.args and fn.args.args[0].arg == "self":
            if fn.lineno <= node.lineno <= (fn.end_lineno or fn.lineno):
                for sub in ast.walk(fn):
                    if sub is node:
                        return True
    return False


def wrap_file(path: str) -> int:
    rel = os.path.relpath(path, i18n.ROOT)
    with open(path, encoding="utf-8") as fh:
        source = fh.read()
    tree = ast.parse(source)
    trees = [i18n._parse(p) for p in i18n.source_files()]
    errors = i18n.user_errors(trees)
    use_self = rel.startswith(os.path.join("processing", "algorithms"))
    edits = []
    for _kind, message in i18n._sinks(tree, errors):
        for node in i18n._bare_texts(message):
            fn = "self.tr" if use_self and _enclosing_self(tree, node) else "tr"
            if isinstance(node, ast.Constant):
                new = f"{fn}({_literal(node.value)})"
            else:
                made = _format_call(node)
                if made is None:
                    print(f"{rel}:{node.lineno}: left as it is (a formatted format spec)")
                    continue
                template, args = made
                new = f"{fn}({_literal(template)}).format({args})" if args else f"{fn}({_literal(template)})"
            edits.append((node.lineno, node.col_offset, node.end_lineno, node.end_col_offset, new))
    for node in ast.walk(tree):  # tr(f"... {x}") -> tr("... {x}").format(x=x)
        if i18n._is_tr(node) and isinstance(node.args[0], ast.JoinedStr):
            made = _format_call(node.args[0])
            if made is None:
                continue
            template, args = made
            call = f"{ast.unparse(node.func)}({_literal(template)})"
            new = f"{call}.format({args})" if args else call
            edits.append((node.lineno, node.col_offset, node.end_lineno, node.end_col_offset, new))
    if not edits:
        return 0
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode("utf-8")))
    data = source.encode("utf-8")
    for start_line, start_col, end_line, end_col, new in sorted(set(edits), reverse=True):
        start = offsets[start_line - 1] + start_col
        end = offsets[end_line - 1] + end_col
        data = data[:start] + new.encode("utf-8") + data[end:]
    source = data.decode("utf-8")
    if rel.startswith("engine") and not re.search(r"^from \.i18n import tr$", source, re.M):
        source = _add_import(source, "from .i18n import tr\n")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(source)
    return len(edits)


def _add_import(source: str, line: str) -> str:
    """After the module's last top-level import (ruff's isort then puts it in place)."""
    tree = ast.parse(source)
    last = max((n.end_lineno for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))), default=0)
    lines = source.splitlines(keepends=True)
    return "".join(lines[:last]) + line + "".join(lines[last:])


if __name__ == "__main__":
    total = 0
    for arg in sys.argv[1:]:
        count = wrap_file(os.path.abspath(arg))
        print(f"{arg}: {count} texts wrapped")
        total += count
    print(f"{total} in all")
