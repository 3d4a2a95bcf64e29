"""Which model to build (a picklable :class:`ModelSource`) and building it safely.

A source is a built-in example, a Python file the user chose (class name and constructor keyword arguments given),
or a TorchScript file, plus an optional state dict. Importing a Python file runs its code: only the chosen file is
imported, under a unique module name (two files named ``model.py`` do not clash), compiled from its source (no
``__pycache__`` is read or written beside it) and with ``sys.path`` left as it was. Weights are read only with
``torch.load(weights_only=True)``: a pickle that is not plain tensors is refused before anything in it runs.
Every mistake a user can make becomes one :class:`~core.errors.SpecError`.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import inspect
import itertools
import json
import pickle
import re
import stat
import sys
import traceback
import warnings
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any

import torch
from torch import nn

from core.errors import SpecError
from core.i18n import tr, tr_noop
from core.limits import shown, whole_from_text

KINDS = ("example", "python", "torchscript")
MAX_INPUT_DIMS = 6  # batch, channels and up to three spatial sizes, plus one to spare
_LISTED = 5  # names shown per kind of weight mismatch
_ERROR_CHARS = 160
_SEPARATORS = re.compile(r"\s*[x×X*,]\s*|\s+")
_GLOBAL = re.compile(r"GLOBAL (\S+)")
_imports = itertools.count(1)
_FIX_HINT = tr_noop("Model loading", "fix the file, or choose the file that defines your model")
_IMPORT_HINT = tr_noop(
    "Model loading", "only the chosen file is imported, not the files beside it: put the model in one file"
)
_FILE_HINTS = {
    "--file": tr_noop("Model loading", "give the path of your model's .py file or of a TorchScript file"),
    "--weights": tr_noop("Model loading", "give a file saved with torch.save(model.state_dict(), path)"),
}


@dataclass(frozen=True)
class ModelSource:
    """What to build: picklable, so the CLI, the window and timing workers can each (re)build the same model."""

    kind: str  # "example" | "python" | "torchscript"
    name: str = ""  # example name
    path: str = ""  # file (.py or TorchScript archive)
    class_name: str = ""
    args: tuple[tuple[str, Any], ...] = ()  # constructor keyword arguments, sorted by name
    weights: str = ""  # optional state-dict file

    def __post_init__(self) -> None:
        object.__setattr__(self, "args", tuple(sorted(((str(k), v) for k, v in self.args), key=lambda kv: kv[0])))

    def describe(self) -> dict[str, Any]:
        """A JSON-safe description; :meth:`from_description` rebuilds the source from it."""
        return {
            "kind": self.kind,
            "name": self.name,
            "path": self.path,
            "class_name": self.class_name,
            "args": dict(self.args),
            "weights": self.weights,
        }

    @classmethod
    def from_description(cls, description: Any) -> ModelSource:
        """The source :meth:`describe` described; :class:`SpecError` for anything else (e.g. an edited file)."""
        if not isinstance(description, dict):
            raise _not_an_object("model source", description)
        kind = description.get("kind")
        if kind not in KINDS:
            raise SpecError(
                "model source",
                tr("Model loading", "unknown kind {kind}").format(kind=shown(kind)),
                tr("Model loading", "use one of {kinds}").format(kinds=", ".join(KINDS)),
            )
        texts = {key: description.get(key, "") for key in ("name", "path", "class_name", "weights")}
        for key, value in texts.items():
            if not isinstance(value, str):
                raise SpecError(
                    "model source",
                    tr("Model loading", "{key} must be text, got {value}").format(key=key, value=shown(value)),
                )
        args = description.get("args", {})
        if not isinstance(args, dict):
            raise _not_an_object("model source", args)
        _check_keys("model source", args)
        return cls(kind=kind, args=tuple(args.items()), **texts)

    def label(self) -> str:
        """A short name for titles and reports: "example multiscale-1d", "MyNet from net.py", ..."""
        if self.kind == "example":
            text = tr("Model loading", "example {name}").format(name=self.name)
        elif self.kind == "python":
            text = tr("Model loading", "{name} from {file}").format(name=self.class_name, file=Path(self.path).name)
        else:
            text = tr("Model loading", "TorchScript {file}").format(file=Path(self.path).name)
        if self.weights:
            text = tr("Model loading", "{model}, weights {file}").format(model=text, file=Path(self.weights).name)
        return text


def file_source(
    path: str | Path, class_name: str = "", args: tuple[tuple[str, Any], ...] = (), weights: str | Path = ""
) -> ModelSource:
    """The source for a file the user chose: a ``.py`` file is imported, anything else is read as TorchScript.

    Paths become absolute, so a description saved beside a rewritten model still finds them from elsewhere.
    """
    file = Path(path).expanduser().absolute()
    kind = "python" if file.suffix.lower() == ".py" else "torchscript"
    weights_file = str(Path(weights).expanduser().absolute()) if str(weights) else ""
    return ModelSource(kind, path=str(file), class_name=class_name, args=args, weights=weights_file)


# --- Text the user types ---------------------------------------------------------------------------------------


def parse_args_json(text: str) -> tuple[tuple[str, Any], ...]:
    """Constructor keyword arguments from a JSON object, as sorted items (blank text: none)."""
    if not text.strip():
        return ()
    hint = tr("Model loading", 'give a JSON object of keyword arguments, e.g. {"width": 8, "k": 4}')
    try:
        value = json.loads(text, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        rule = tr("Model loading", "not valid JSON at line {line}, column {column}: {reason}")
        raise SpecError("--args", rule.format(line=error.lineno, column=error.colno, reason=error.msg), hint) from None
    except _DuplicateKeyError as error:
        rule = tr("Model loading", "key {key} is given twice").format(key=shown(error.key))
        raise SpecError("--args", rule, hint) from None
    except RecursionError:
        raise SpecError("--args", tr("JSON files", "nested too deeply"), hint) from None
    except ValueError:  # Python's limit on integer digits
        raise SpecError("--args", tr("JSON files", "a number with thousands of digits"), hint) from None
    if not isinstance(value, dict):
        raise _not_an_object("--args", value, hint)
    _check_keys("--args", value)
    return tuple(sorted(value.items()))


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    kinds = {dict: "object", list: "array", str: "string", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)


def _not_an_object(parameter: str, value: Any, hint: str = "") -> SpecError:
    rule = tr("Model loading", "must be a JSON object, got {kind} {value}").format(
        kind=_json_kind(value), value=shown(value)
    )
    return SpecError(parameter, rule, hint)


def _check_keys(parameter: str, arguments: dict[str, Any]) -> None:
    for key in arguments:
        if not key.isidentifier():
            raise SpecError(
                parameter,
                tr("Model loading", "key {key} is not a keyword argument name").format(key=shown(key)),
                tr("Model loading", "a name is letters, digits and _, not starting with a digit"),
            )


def parse_input_shape(text: str) -> tuple[int, ...]:
    """An input shape such as ``2x24x16x16`` (also ``2×24×16×16``, ``2,24,16,16``, ``(2, 24, 16, 16)``)."""
    hint = tr("Model loading", "give the sizes joined by x, e.g. 2x24x16x16 (batch, channels, then each spatial size)")
    body = text.strip()
    if body[:1] in ("(", "[") and body[-1:] in (")", "]"):
        body = body[1:-1].strip()
    if not body:
        raise SpecError("--input", tr("Model loading", "is empty"), hint)
    parts = _SEPARATORS.split(body)
    if len(parts) > MAX_INPUT_DIMS:
        rule = tr("Model loading", "has {count} sizes; at most {maximum}").format(
            count=len(parts), maximum=MAX_INPUT_DIMS
        )
        raise SpecError("--input", rule, hint)
    sizes = tuple(whole_from_text("--input", part, hint) for part in parts)
    for position, size in enumerate(sizes, start=1):
        if size < 1:
            rule = tr("Model loading", "size {position} is {size}; every size must be at least 1")
            raise SpecError("--input", rule.format(position=position, size=size), hint)
    return sizes


def format_input_shape(shape: tuple[int, ...]) -> str:
    """The text :func:`parse_input_shape` reads back: ``(2, 24, 16, 16)`` → ``"2x24x16x16"``."""
    return "x".join(str(size) for size in shape)


# --- Building ----------------------------------------------------------------------------------------------------


def build_model(source: ModelSource) -> nn.Module:
    """The model ``source`` describes, with its weights if given, in eval mode; every error is a SpecError."""
    _check_fields(source)
    if source.kind == "example":
        model = _build_example(source)
    elif source.kind == "python":
        model = _build_python(source)
    else:
        model = _build_torchscript(source)
    if source.weights:
        load_weights(model, source.weights)
    return model.eval()


def _check_fields(source: ModelSource) -> None:
    """Refuse fields that mean nothing for the source's kind, rather than silently ignoring them."""
    if source.kind not in KINDS:
        raise SpecError(
            "model source",
            tr("Model loading", "unknown kind {kind}").format(kind=shown(source.kind)),
            tr("Model loading", "use one of {kinds}").format(kinds=", ".join(KINDS)),
        )
    if source.kind == "example":
        clashes = [("--file", source.path, "--example"), ("--class", source.class_name, "--example")]
    else:
        clashes = [("--example", source.name, "--file")]
    for option, value, other in clashes:
        if value:
            raise SpecError(
                option,
                tr("Model loading", "cannot be combined with {other}").format(other=other),
                tr("Model loading", "give either --example NAME or --file PATH"),
            )
    if source.kind == "torchscript":
        for option, given in (("--class", bool(source.class_name)), ("--args", bool(source.args))):
            if given:
                raise SpecError(
                    option,
                    tr("Model loading", "makes no sense for a TorchScript file: it holds its own class and arguments"),
                    tr("Model loading", "leave it out, or give the model's .py file with --class"),
                )


def _build_example(source: ModelSource) -> nn.Module:
    from core.models.examples import build_example  # lazily: examples build many models

    parameter = "--args" if source.args else "--example"
    return _call_user_code(
        lambda: build_example(source.name, **dict(source.args)), source.name, source.args, None, parameter, ""
    )


def _build_python(source: ModelSource) -> nn.Module:
    path = _existing_file("--file", source.path)
    if path.suffix.lower() != ".py":
        raise SpecError(
            "--file",
            tr("Model loading", "must be a .py file to take a class from, got {file}").format(file=path.name),
            tr("Model loading", "a TorchScript file is loaded without --class"),
        )
    module = _import_file(path)
    cls = _model_class(module, source.class_name, path)
    try:
        hint = tr("Model loading", "{name} takes {signature}").format(
            name=cls.__name__, signature=inspect.signature(cls).replace(return_annotation=inspect.Signature.empty)
        )
    except (TypeError, ValueError):
        hint = ""
    parameter = "--args" if source.args else "--class"

    def construct() -> nn.Module:
        model = cls(**dict(source.args))
        model.eval()  # inside: a class may override train()
        return model

    return _call_user_code(construct, cls.__name__, source.args, path, parameter, hint)


def _call_user_code(
    build: Callable[[], nn.Module],
    name: str,
    args: tuple[tuple[str, Any], ...],
    path: Path | None,
    parameter: str,
    hint: str,
) -> nn.Module:
    """``build()``, with anything it raises (other than a SpecError) as a SpecError naming the call and the line."""
    try:
        return build()
    except SpecError:
        raise
    except Exception as error:
        call = "{}({})".format(name, ", ".join(f"{key}={shown(value)}" for key, value in args))
        place = _place(error, path) if path else ""
        if place:
            rule = tr("Model loading", "{call} raised {error} ({place})").format(
                call=call, error=_short(error), place=place
            )
        else:
            rule = tr("Model loading", "{call} raised {error}").format(call=call, error=_short(error))
        raise SpecError(parameter, rule, hint) from None


class _SourceOnlyLoader(importlib.machinery.SourceFileLoader):
    """Compiles the chosen file itself: never reads or writes a ``__pycache__`` beside it."""

    def get_code(self, fullname: str) -> CodeType:
        return self.source_to_code(self.get_data(self.path), self.path)


def _import_file(path: Path) -> ModuleType:
    """Import ``path`` (and only it) under a fresh module name; ``sys.path`` is restored afterwards."""
    module_name = "linconv_user_model_{}_{}".format(next(_imports), re.sub(r"\W", "_", path.stem))
    loader = _SourceOnlyLoader(module_name, str(path))
    spec = importlib.util.spec_from_file_location(module_name, path, loader=loader)
    if spec is None:  # pragma: no cover - a .py path always has a spec
        raise SpecError("--file", tr("Model loading", "cannot import {file}").format(file=path.name))
    try:
        code = loader.get_code(module_name)
    except OSError as error:
        rule = tr("Model loading", "cannot read {file} ({reason})").format(file=path, reason=error.strerror or error)
        raise SpecError("--file", rule) from None
    except (SyntaxError, ValueError) as error:  # ValueError: a null byte in the source
        if isinstance(error, SyntaxError) and error.lineno:
            line, reason = error.lineno, error.msg
        else:
            source = path.read_bytes()
            line, reason = source[: source.find(b"\0")].count(b"\n") + 1, str(error)
        rule = tr("Model loading", "syntax error in {file} at line {line}: {reason}")
        raise SpecError(
            "--file", rule.format(file=path.name, line=line, reason=reason), tr("Model loading", _FIX_HINT)
        ) from None
    module = importlib.util.module_from_spec(spec)
    saved_path = list(sys.path)
    sys.modules[module_name] = module  # dataclasses, pickle and inspect look classes up there
    try:
        exec(code, vars(module))
    except (Exception, SystemExit) as error:
        del sys.modules[module_name]
        rule = tr("Model loading", "{place} raised {error} on import")
        place = _place(error, path) or path.name
        hint = _IMPORT_HINT if isinstance(error, ImportError) else _FIX_HINT
        raise SpecError("--file", rule.format(place=place, error=_short(error)), tr("Model loading", hint)) from None
    finally:
        sys.path[:] = saved_path
    return module


def _model_class(module: ModuleType, class_name: str, path: Path) -> type[nn.Module]:
    defined = [
        name
        for name, value in vars(module).items()
        if isinstance(value, type) and issubclass(value, nn.Module) and value.__module__ == module.__name__
    ]
    if defined:
        hint = tr("Model loading", "nn.Module classes in {file}: {names}").format(
            file=path.name, names=", ".join(defined)
        )
    else:
        hint = tr("Model loading", "{file} defines no nn.Module class").format(file=path.name)
    if not class_name:
        raise SpecError("--class", tr("Model loading", "no class name given for {file}").format(file=path.name), hint)
    value = getattr(module, class_name, None)
    if value is None:
        rule = tr("Model loading", "{file} has no class {name}").format(file=path.name, name=shown(class_name))
        raise SpecError("--class", rule, hint)
    if not (isinstance(value, type) and issubclass(value, nn.Module)):
        rule = tr("Model loading", "{name} in {file} is not an nn.Module subclass (it is {kind})").format(
            name=class_name, file=path.name, kind=_kind_of(value)
        )
        raise SpecError("--class", rule, hint)
    return value


def _kind_of(value: Any) -> str:
    return f"class {value.__name__}" if isinstance(value, type) else f"a {type(value).__name__}"


def _build_torchscript(source: ModelSource) -> nn.Module:
    path = _existing_file("--file", source.path)
    try:
        with warnings.catch_warnings():  # a note for developers, not for whoever chose the file
            warnings.filterwarnings("ignore", message="`torch.jit.load` is deprecated", category=DeprecationWarning)
            model: nn.Module = torch.jit.load(str(path), map_location="cpu")
    except Exception as error:
        raise SpecError(
            "--file",
            tr("Model loading", "{file} is not a TorchScript archive ({error})").format(
                file=path.name, error=_short(error)
            ),
            tr(
                "Model loading",
                "save one with torch.jit.save(torch.jit.script(model), path), or give a .py file with --class",
            ),
        ) from None
    return model


# --- Weights -----------------------------------------------------------------------------------------------------


def load_weights(model: nn.Module, path: str | Path) -> None:
    """Load a state dict into ``model`` (strict), reading the file with ``torch.load(weights_only=True)`` only.

    Accepts a dict of tensors or a checkpoint dict holding one under ``"state_dict"`` or ``"model"``. A pickle that
    is not plain tensors is refused unexecuted; names or shapes that do not match are listed.
    """
    file = _existing_file("--weights", str(path))
    save_hint = tr("Model loading", "save the weights with torch.save(model.state_dict(), path)")
    if _is_torchscript(file):
        raise SpecError(
            "--weights",
            tr("Model loading", "{file} is a TorchScript model, not a state dict").format(file=file.name),
            tr("Model loading", "give it with --file, without --class; its weights are inside"),
        )
    try:
        with warnings.catch_warnings():  # e.g. "Detected pickle protocol 4": the refusal below says what matters
            warnings.simplefilter("ignore")
            loaded = torch.load(file, weights_only=True, map_location="cpu")
    except pickle.UnpicklingError as error:
        rule = tr(
            "Model loading",
            "refused: {file} is not a plain state dict of tensors (unpickling it could run code); "
            "nothing in it was executed",
        ).format(file=file.name)
        culprit = _GLOBAL.search(str(error))
        if culprit:
            rule += " (" + tr("Model loading", "it asks for {name}").format(name=culprit.group(1).rstrip(".")) + ")"
        raise SpecError("--weights", rule, save_hint) from None
    except Exception as error:
        rule = tr("Model loading", "{file} is not a file torch.load can read ({error})")
        raise SpecError("--weights", rule.format(file=file.name, error=_short(error)), save_hint) from None
    state = _state_dict_in(loaded)
    if state is None:
        rule = tr("Model loading", "{file} holds {what}, not a state dict (a dict of names to tensors)")
        raise SpecError("--weights", rule.format(file=file.name, what=_what(loaded)), save_hint)
    _check_match(model, state)
    try:
        model.load_state_dict(state, strict=True)
    except Exception as error:
        rule = tr("Model loading", "loading them raised {error}").format(error=_short(error))
        raise SpecError("--weights", rule, save_hint) from None


def _is_torchscript(file: Path) -> bool:
    """Whether ``file`` is a zip with TorchScript code (torch.load would only warn, then refuse)."""
    try:
        with zipfile.ZipFile(file) as archive:
            return any(name.endswith("/constants.pkl") for name in archive.namelist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def _is_state_dict(value: Any) -> bool:
    return isinstance(value, Mapping) and all(
        isinstance(key, str) and isinstance(tensor, torch.Tensor) for key, tensor in value.items()
    )


def _state_dict_in(loaded: Any) -> dict[str, torch.Tensor] | None:
    if _is_state_dict(loaded):
        return dict(loaded)
    if isinstance(loaded, Mapping):
        for key in ("state_dict", "model"):
            if _is_state_dict(loaded.get(key)):
                return dict(loaded[key])
    return None


def _what(value: Any) -> str:
    if isinstance(value, Mapping):
        return f"{type(value).__name__} {{{_listing([shown(key) for key in value])}}}"
    return f"{type(value).__name__} {shown(value)}"


def _listing(items: list[str]) -> str:
    """The first few ``items`` joined, with how many more."""
    text = ", ".join(items[:_LISTED])
    if len(items) > _LISTED:
        text += ", " + tr("Model loading", "and {count} more").format(count=len(items) - _LISTED)
    return text


def _check_match(model: nn.Module, given: dict[str, torch.Tensor]) -> None:
    """SpecError listing missing, unexpected and mis-shaped names (both shapes), before PyTorch's own error."""
    expected = model.state_dict()
    missing = [name for name in expected if name not in given]
    unexpected = [name for name in given if name not in expected]
    misshaped = [
        tr("Model loading", "{name}: file {file}, model {model}").format(
            name=name, file=tuple(given[name].shape), model=tuple(expected[name].shape)
        )
        for name in expected
        if name in given and given[name].shape != expected[name].shape
    ]
    problems = []
    if missing:
        problems.append(
            tr("Model loading", "{count} missing: {names}").format(count=len(missing), names=_listing(missing))
        )
    if unexpected:
        text = tr("Model loading", "{count} unexpected: {names}").format(
            count=len(unexpected), names=_listing(unexpected)
        )
        problems.append(text)
    if misshaped:
        text = tr("Model loading", "{count} mis-shaped: {names}").format(
            count=len(misshaped), names=_listing(misshaped)
        )
        problems.append(text)
    if not problems:
        return
    if unexpected and all(name.startswith("module.") for name in unexpected):
        hint = tr(
            "Model loading", "the names start with 'module.' (saved from DataParallel): save model.module.state_dict()"
        )
    else:
        hint = tr("Model loading", "save them with torch.save(model.state_dict(), path) from the same class and --args")
    rule = tr("Model loading", "do not match the model: {problems}").format(problems="; ".join(problems))
    raise SpecError("--weights", rule, hint)


# --- Shared checks -----------------------------------------------------------------------------------------------


def _existing_file(parameter: str, path: str) -> Path:
    """``path`` as a Path if it names a non-empty regular file, else a SpecError for ``parameter``."""
    hint = tr("Model loading", _FILE_HINTS[parameter])
    if not path:
        raise SpecError(parameter, tr("Model loading", "no file given"), hint)
    file = Path(path).expanduser()
    try:
        status = file.stat()
    except FileNotFoundError:
        raise SpecError(parameter, tr("Model loading", "file not found: {path}").format(path=file), hint) from None
    except OSError as error:
        rule = tr("Model loading", "cannot read {file} ({reason})").format(file=file, reason=error.strerror or error)
        raise SpecError(parameter, rule, hint) from None
    if not stat.S_ISREG(status.st_mode):
        raise SpecError(parameter, tr("Model loading", "not a regular file: {path}").format(path=file), hint)
    if status.st_size == 0:
        raise SpecError(parameter, tr("Model loading", "the file is empty: {path}").format(path=file), hint)
    return file


def _short(error: BaseException) -> str:
    """``Type: first line`` of an exception, cut to its first sentence when long."""
    lines = str(error).strip().splitlines()
    text = lines[0] if lines else ""
    if len(text) > _ERROR_CHARS and ". " in text:
        text = text[: text.index(". ") + 1]
    if len(text) > _ERROR_CHARS:
        text = text[: _ERROR_CHARS - 1] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _place(error: BaseException, path: Path) -> str:
    """``file line N`` of the innermost frame of ``error`` in the user's file, or "" if none ran there."""
    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__) if Path(frame.filename) == path]
    if not lines:
        return ""
    return tr("Model loading", "{file} line {line}").format(file=path.name, line=lines[-1])
