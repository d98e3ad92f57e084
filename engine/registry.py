"""Where models live: the shipped ones in ``models/`` and the user's own folder."""

from __future__ import annotations

import os

from .errors import CardError

SHIPPED_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "models")


def model_dirs(user_dir: str | None = None) -> list[str]:
    dirs = [SHIPPED_DIR]
    if user_dir:
        dirs.append(user_dir)
    return dirs


def available_models(user_dir: str | None = None) -> dict[str, str]:
    """Model name (file stem) -> path, shipped first; a user model never hides a shipped one."""
    found: dict[str, str] = {}
    for folder in model_dirs(user_dir):
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".onnx"):
                found.setdefault(name[: -len(".onnx")], os.path.join(folder, name))
    return found


def resolve_model(reference: str, user_dir: str | None = None) -> str:
    """An .onnx path, or the name of a shipped or user model, to a file path."""
    ref = (reference or "").strip()
    if not ref:
        raise CardError("no model given: pass an .onnx file or the name of a shipped model")
    if ref.lower().endswith(".onnx") or os.sep in ref or "/" in ref:
        if not os.path.isfile(ref):
            raise CardError(f"model file not found: {ref}")
        return ref
    models = available_models(user_dir)
    if ref in models:
        return models[ref]
    raise CardError(
        f"unknown model '{ref}': shipped and user models are {', '.join(models) or 'none'}; "
        "or pass the path of an .onnx file"
    )


def model_origin(path: str) -> str:
    return "shipped" if os.path.dirname(os.path.abspath(path)) == os.path.abspath(SHIPPED_DIR) else "user"


def import_model(source: str, user_dir: str) -> str:
    """Validate a model's card, then copy it into the user folder. A bad file is refused
    with the validation message and nothing is copied."""
    import shutil

    from .model import read_model

    model = read_model(source)  # raises CardError with the reason
    name = model.card.name or os.path.splitext(os.path.basename(source))[0]
    if name in available_models(None):
        raise CardError(f"a shipped model is already called '{name}'; rename the model in its card")
    os.makedirs(user_dir, exist_ok=True)
    target = os.path.join(user_dir, f"{name}.onnx")
    tmp = target + ".part"
    shutil.copyfile(source, tmp)
    os.replace(tmp, target)
    return target


def remove_model(name: str, user_dir: str) -> None:
    path = os.path.join(user_dir, f"{name}.onnx")
    if not os.path.isfile(path):
        if name in available_models(None):
            raise CardError(f"'{name}' is a shipped model; only user models can be removed")
        raise CardError(f"no user model called '{name}'")
    os.remove(path)
