"""Where models live: the shipped ones in ``models/`` and the user's own folder."""

from __future__ import annotations

import os
import re
import shutil

from .errors import CardError, EngineError
from .i18n import tr

SHIPPED_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "models")


def model_dirs(user_dir: str | None = None) -> list[str]:
    """The folders models are looked up in: the shipped folder, then the user's (if given).

    Args:
        user_dir: the user's models folder, or None/empty for none.
    """
    dirs = [SHIPPED_DIR]
    if user_dir:
        dirs.append(user_dir)
    return dirs


# A model's name is its file stem: letters, digits, '_', '-' and '.', no separator, no leading
# dot or dash. Names come from cards (data written by anyone), so they are checked, never trusted.
MODEL_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")


def safe_model_name(name: str) -> str:
    """A file stem made from a card's name.

    Args:
        name: the card's name (any text).

    Returns:
        str: letters, digits, '_', '-' and '.' only (others become '_'), at most 128
        characters, no leading dot or dash; "model" where nothing is left.
    """
    parts = [p for p in re.split(r"[/\\]+", str(name or "")) if p not in ("", ".", "..")]
    cleaned = re.sub(r"_+", "_", re.sub(r"[^A-Za-z0-9_.-]", "_", "_".join(parts)))
    cleaned = cleaned.lstrip(".-")[:128].rstrip(".")
    return cleaned if MODEL_NAME.fullmatch(cleaned) else "model"


def _onnx_files(folder: str) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError:  # not a folder, unreadable: no models there
        return []


def available_models(user_dir: str | None = None) -> dict[str, str]:
    """The models found: name (file stem) -> path, shipped first.

    A user model never hides a shipped one; files whose names are not model names (see
    MODEL_NAME) are left out.

    Args:
        user_dir: the user's models folder, or None.

    Returns:
        dict[str, str]: name -> path.
    """
    found: dict[str, str] = {}
    for folder in model_dirs(user_dir):
        for name in _onnx_files(folder):
            stem = name[: -len(".onnx")]
            if name.endswith(".onnx") and MODEL_NAME.fullmatch(stem) and os.path.isfile(os.path.join(folder, name)):
                found.setdefault(stem, os.path.join(folder, name))
    return found


def model_problems(user_dir: str | None = None) -> dict[str, str]:
    """Model files that cannot be used, with the reason: a broken card, an odd file name.

    Each is skipped on its own; listing never fails because of one of them.

    Args:
        user_dir: the user's models folder, or None.

    Returns:
        dict[str, str]: name (or file name) -> reason.
    """
    from .model import load_model

    problems: dict[str, str] = {}
    for name, path in available_models(user_dir).items():
        try:
            load_model(path)
        except EngineError as exc:
            problems[name] = str(exc)
        except Exception as exc:  # noqa: BLE001 (one bad file must not take the others down)
            problems[name] = f"{os.path.basename(path)}: cannot be read ({type(exc).__name__}: {exc})"
    if user_dir:
        for name in _onnx_files(user_dir):
            if name.endswith(".onnx") and not MODEL_NAME.fullmatch(name[: -len(".onnx")]):
                problems[name] = f"'{name}' is not a valid model file name (letters, digits, _ - . only); rename it"
    return problems


def resolve_model(reference: str, user_dir: str | None = None) -> str:
    """The file of a model given by path or by name.

    Args:
        reference: an .onnx path, or the name of a shipped or user model.
        user_dir: the user's models folder, or None.

    Returns:
        str: the model's path.

    Raises:
        CardError: nothing given, a missing file, or an unknown name.
    """
    ref = (reference or "").strip()
    if not ref:
        raise CardError(tr("no model given: pass an .onnx file or the name of a shipped model"))
    if ref.lower().endswith(".onnx") or os.sep in ref or "/" in ref:
        if not os.path.isfile(ref):
            raise CardError(tr("model file not found: {ref}").format(ref=ref))
        return ref
    models = available_models(user_dir)
    if ref in models:
        return models[ref]
    raise CardError(
        tr("unknown model '{ref}': shipped and user models are {0}; or pass the path of an .onnx file").format(
            ", ".join(models) or tr("none"), ref=ref
        )
    )


def model_origin(path: str) -> str:
    """Whether a model file is "shipped" (in the plugin's models folder) or the "user"'s.

    Args:
        path: the model file.
    """
    return "shipped" if os.path.dirname(os.path.abspath(path)) == os.path.abspath(SHIPPED_DIR) else "user"


class ModelExistsError(CardError):
    """Import would replace a user model of the same name: the caller must say so explicitly."""

    def __init__(self, message: str, target: str):
        super().__init__(message)
        self.target = target


def _inside(folder: str, path: str) -> bool:
    folder = os.path.realpath(folder)
    return os.path.commonpath([folder, os.path.realpath(path)]) == folder


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


def user_model_target(name: str, user_dir: str) -> str:
    """Where a model called ``name`` goes in the user folder (created if missing).

    The name is made safe (safe_model_name), never a shipped model's name, never outside the
    folder or through a link. The caller decides what to do with an existing file.

    Args:
        name: the model's name.
        user_dir: the user's models folder.

    Returns:
        str: the target path.

    Raises:
        CardError: a shipped model has that name, or the target is outside the folder or a link.
    """
    name = safe_model_name(name)
    if name in available_models(None):
        raise CardError(tr("a shipped model is already called '{name}'; rename the model first").format(name=name))
    os.makedirs(user_dir, exist_ok=True)
    target = os.path.join(user_dir, f"{name}.onnx")
    if not _inside(user_dir, target) or os.path.islink(target):
        raise CardError(
            tr("'{name}' would be written outside the user models folder {user_dir}; refused").format(
                name=name, user_dir=user_dir
            )
        )
    return target


def import_model(source: str, user_dir: str, overwrite: bool = False) -> str:
    """Validate a model's card, then copy it into the user folder under a name made safe.

    A bad file is refused with the validation message and nothing is copied; an existing user
    model is replaced only with ``overwrite=True``.

    Args:
        source: the .onnx file.
        user_dir: the user's models folder.
        overwrite: replace a user model of the same name.

    Returns:
        str: the imported model's path.

    Raises:
        CardError: the model is invalid, keeps its weights in separate files, or would take a
            shipped model's name.
        ModelExistsError: a user model of that name exists and ``overwrite`` is False.
    """
    from .model import read_model

    model = read_model(source)  # raises CardError with the reason
    if model.external_data:
        raise CardError(
            tr(
                "{0}: keeps its weights in separate files ({1}); SatImpact imports single-file "
                "models only: save it with onnx.save(model, path, save_as_external_data=False) "
                "(models up to 2 GB)"
            ).format(os.path.basename(source), ", ".join(model.external_data))
        )
    target = user_model_target(model.card.name or os.path.splitext(os.path.basename(source))[0], user_dir)
    if os.path.exists(target):
        if os.path.samefile(source, target):
            return target
        if not overwrite:
            raise ModelExistsError(
                tr("a user model called '{0}' exists already ({target})").format(_stem(target), target=target), target
            )
    tmp = os.path.join(user_dir, f".{_stem(target)}.import.part")
    try:
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return target


def remove_model(name: str, user_dir: str) -> None:
    """Delete a user model.

    Args:
        name: the model's name.
        user_dir: the user's models folder.

    Raises:
        CardError: not a model name, a shipped model, or no such user model.
    """
    if not MODEL_NAME.fullmatch(name or ""):
        raise CardError(tr("'{name}' is not a model name").format(name=name))
    path = os.path.join(user_dir, f"{name}.onnx")
    if not os.path.isfile(path) or not _inside(user_dir, path):
        if name in available_models(None):
            raise CardError(tr("'{name}' is a shipped model; only user models can be removed").format(name=name))
        raise CardError(tr("no user model called '{name}'").format(name=name))
    os.remove(path)
