"""Pointwise conv ⇄ Linear rewrites of whole models: which convs qualify, rewrite and restore, verify, save and load."""

from __future__ import annotations

import copy
import io
import json
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from torch import nn

from core.atomic_write import make_folder, write_bytes_atomic, write_text_atomic
from core.errors import SpecError
from core.i18n import tr
from core.json_file import JsonFileError, read_json_file
from core.models import pointwise
from core.models.pointwise import PointwiseLinear

_CONVS: dict[type[nn.Module], int] = {nn.Conv1d: 1, nn.Conv2d: 2, nn.Conv3d: 3}
"""The conv classes a rewrite handles, with their number of spatial dims (exact classes: a subclass may differ)."""

STATE_DICT = "state_dict.pt"
MODULE_SOURCE = "pointwise_linear.py"
DESCRIPTION = "rewrite.json"

_SHOWN_NAMES = 8
"""How many valid layer names an error lists before "…"."""


# ------------------------------------------------------------------------------------------------ what qualifies


def rewrite_reason(module: nn.Module) -> str | None:
    """None if ``module`` is a pointwise conv that :func:`to_linear` rewrites exactly, else why not (translated)."""
    if isinstance(module, torch.jit.ScriptModule):
        return tr("Model rewrite", "a TorchScript layer cannot be replaced")
    weight = getattr(module, "weight", None)
    if isinstance(module, tuple(_CONVS)) and isinstance(weight, torch.Tensor) and nn.parameter.is_lazy(weight):
        return tr("Model rewrite", "its weight is not initialised yet (a lazy conv)")
    if type(module) not in _CONVS:
        if isinstance(module, tuple(_CONVS)):
            return tr("Model rewrite", "{kind} is a subclass of a conv and may compute differently").format(
                kind=type(module).__name__
            )
        return tr("Model rewrite", "not a Conv1d, Conv2d or Conv3d (it is {kind})").format(kind=type(module).__name__)
    conv: nn.Conv1d | nn.Conv2d | nn.Conv3d = module  # type: ignore[assignment]
    if any(k != 1 for k in conv.kernel_size):
        return tr("Model rewrite", "kernel size {kernel} is not 1").format(kernel=_shown(conv.kernel_size))
    if not isinstance(conv.padding, str) and any(p != 0 for p in conv.padding):
        return tr("Model rewrite", "padding {padding} is not 0 (the border would need zeros)").format(
            padding=_shown(conv.padding)
        )
    if conv.padding_mode != "zeros":
        return tr("Model rewrite", "padding_mode is {mode}, not zeros").format(mode=conv.padding_mode)
    if conv._forward_hooks or conv._forward_pre_hooks:
        return tr("Model rewrite", "it has forward hooks (e.g. weight norm) that the replacement would lose")
    return None


def _shown(values: tuple[int, ...] | tuple[Any, ...]) -> str:
    return "×".join(str(v) for v in values)


def pointwise_names(model: nn.Module) -> list[str]:
    """The qualified names of every rewritable conv in ``model``, in module order."""
    return [name for name, module in model.named_modules() if rewrite_reason(module) is None]


def rewritten_names(model: nn.Module) -> list[str]:
    """The qualified names of every :class:`PointwiseLinear` in ``model``, in module order."""
    return [name for name, module in model.named_modules() if _is_pointwise_linear(module)]


def _is_pointwise_linear(module: nn.Module) -> bool:
    """A PointwiseLinear: ours, or one imported from a saved pointwise_linear.py (another class object)."""
    return isinstance(module, PointwiseLinear) or (
        type(module).__name__ == "PointwiseLinear" and isinstance(getattr(module, "linear", None), nn.Linear)
    )


# ------------------------------------------------------------------------------------------------- one layer


def to_linear(conv: nn.Module) -> PointwiseLinear:
    """The :class:`PointwiseLinear` that computes exactly what the pointwise ``conv`` computes (weights copied)."""
    reason = rewrite_reason(conv)
    if reason is not None:
        raise SpecError(
            type(conv).__name__, reason, tr("Model rewrite", "only 1×1 convs without padding can be rewritten")
        )
    assert isinstance(conv, nn.Conv1d | nn.Conv2d | nn.Conv3d)
    weight = conv.weight
    replacement = PointwiseLinear(
        conv.in_channels,
        conv.out_channels,
        _CONVS[type(conv)],
        tuple(conv.stride),
        conv.groups,
        conv.bias is not None,
        device=weight.device,
        dtype=weight.dtype,
    )
    out_per_group, in_per_group = conv.out_channels // conv.groups, conv.in_channels // conv.groups
    blocks = weight.detach().reshape(conv.groups, out_per_group, in_per_group)
    with torch.no_grad():
        replacement.linear.weight.copy_(torch.block_diag(*blocks))
        if conv.bias is not None:
            assert replacement.linear.bias is not None
            replacement.linear.bias.copy_(conv.bias)
    _copy_flags(conv, replacement)
    return replacement


def to_conv(pw: nn.Module) -> nn.Conv1d | nn.Conv2d | nn.Conv3d:
    """The pointwise conv that ``pw`` (a :class:`PointwiseLinear`) stands for, weights copied exactly.

    SpecError when a grouped ``pw`` has non-zero weights off its diagonal blocks (no grouped conv computes that).
    """
    linear: nn.Linear = pw.linear  # type: ignore[assignment]
    groups: int = pw.groups  # type: ignore[assignment]
    weight = linear.weight.detach()
    out_channels, in_channels = weight.shape
    out_per_group, in_per_group = out_channels // groups, in_channels // groups
    blocks = [
        weight[g * out_per_group : (g + 1) * out_per_group, g * in_per_group : (g + 1) * in_per_group]
        for g in range(groups)
    ]
    if groups > 1 and not torch.equal(torch.block_diag(*blocks), weight):
        raise SpecError(
            type(pw).__name__,
            tr("Model rewrite", "the weight has non-zero entries outside its {groups} diagonal blocks").format(
                groups=groups
            ),
            tr("Model rewrite", "only a block-diagonal weight converts back to a grouped conv"),
        )
    conv_class = (nn.Conv1d, nn.Conv2d, nn.Conv3d)[pw.spatial_dims - 1]  # type: ignore[operator]
    conv = conv_class(
        in_channels,
        out_channels,
        1,
        stride=tuple(pw.stride),  # type: ignore[arg-type]
        groups=groups,
        bias=linear.bias is not None,
        device=weight.device,
        dtype=weight.dtype,
    )
    kernel_ones = (1,) * len(conv.kernel_size)
    with torch.no_grad():
        conv.weight.copy_(torch.cat(blocks).reshape(out_channels, in_per_group, *kernel_ones))
        if linear.bias is not None:
            assert conv.bias is not None
            conv.bias.copy_(linear.bias)
    _copy_flags(pw, conv)
    return conv


def _copy_flags(source: nn.Module, target: nn.Module) -> None:
    """Training mode and requires_grad carry over from ``source``'s parameters to ``target``'s."""
    target.train(source.training)
    grad = all(p.requires_grad for p in source.parameters())
    for parameter in target.parameters():
        parameter.requires_grad_(grad)


# ----------------------------------------------------------------------------------------------- whole models


def _layer_error(name: str, rule: str, valid: list[str]) -> SpecError:
    shown = ", ".join(valid[:_SHOWN_NAMES]) + (", …" if len(valid) > _SHOWN_NAMES else "")
    hint = (
        tr("Model rewrite", "valid layers ({count}): {names}").format(count=len(valid), names=shown)
        if valid
        else tr("Model rewrite", "this model has no such layer")
    )
    return SpecError(tr("Model rewrite", "layer {name}").format(name=name), rule, hint)


def _replace(model: nn.Module, names: Iterable[str], convert: Callable[[str, nn.Module], nn.Module]) -> nn.Module:
    """A deep copy of ``model`` with each named submodule replaced by ``convert(name, submodule)``."""
    result = copy.deepcopy(model)
    for name in dict.fromkeys(names):  # each once, in the order given
        module = result.get_submodule(name)
        replacement = convert(name, module)
        if not name:
            result = replacement
            continue
        parent_name, _, attribute = name.rpartition(".")
        setattr(result.get_submodule(parent_name), attribute, replacement)
    return result


def _submodule(model: nn.Module, name: str, valid: list[str]) -> nn.Module:
    module = dict(model.named_modules(remove_duplicate=False)).get(name)
    if module is None:
        raise _layer_error(name, tr("Model rewrite", "the model has no layer of that name"), valid)
    return module


def rewrite(model: nn.Module, names: Iterable[str]) -> nn.Module:
    """A deep copy of ``model`` with the named pointwise convs replaced by :class:`PointwiseLinear` modules.

    SpecError naming the first name that is not in the model or is not a rewritable conv (saying why).
    """
    names = list(names)
    valid = pointwise_names(model)
    for name in names:
        reason = rewrite_reason(_submodule(model, name, valid))
        if reason is not None:
            raise _layer_error(name, reason, valid)
    return _replace(model, names, lambda _name, module: to_linear(module))


def restore(model: nn.Module, names: Iterable[str] | None = None) -> nn.Module:
    """A deep copy of ``model`` with the named :class:`PointwiseLinear` modules (all when None) back as convs."""
    valid = rewritten_names(model)
    names = valid if names is None else list(names)
    for name in names:
        if not _is_pointwise_linear(_submodule(model, name, valid)):
            raise _layer_error(name, tr("Model rewrite", "this layer was not rewritten"), valid)
    return _replace(model, names, lambda _name, module: to_conv(module))


# ----------------------------------------------------------------------------------------------------- verify


@dataclass(frozen=True)
class Verification:
    """How closely two models' outputs agree on one input.

    ``max_rel_error`` is the largest |after − before| / |before| over elements where before ≠ 0. ``equal`` means
    every element has |after − before| ≤ tolerance + rel_tolerance·|before| (and the outputs have the same
    structure and shapes).
    """

    max_abs_error: float
    max_rel_error: float
    equal: bool
    dtype: str
    tolerance: float
    rel_tolerance: float = 0.0


_TOLERANCES: dict[torch.dtype, tuple[float, float]] = {
    torch.float64: (1e-10, 1e-10),
    torch.float32: (1e-5, 1.3e-6),  # torch.testing.assert_close's defaults (atol, rtol)
    torch.float16: (1e-5, 1e-3),
    torch.bfloat16: (1e-5, 1.6e-2),
}


def verify(
    before: nn.Module, after: nn.Module, example_input: torch.Tensor, dtype: torch.dtype = torch.float64
) -> Verification:
    """Run copies of ``before`` and ``after`` in ``dtype`` on the same input and compare their outputs.

    Outputs may be tensors or (nested) tuples, lists and dicts of tensors. Both runs start from the same random
    seed, so dropout in training mode draws the same masks.
    """
    if dtype not in _TOLERANCES:
        raise SpecError(
            "--dtype",
            tr("Model rewrite", "cannot verify in {dtype}").format(dtype=dtype),
            tr("Model rewrite", "use float64 or float32"),
        )
    atol, rtol = _TOLERANCES[dtype]
    pairs = list(_leaves(_run(before, example_input, dtype), _run(after, example_input, dtype)))
    worst_abs = worst_rel = 0.0
    equal = True
    for a, b in pairs:
        if a is None or b is None or a.shape != b.shape:
            return Verification(math.inf, math.inf, False, _dtype_name(dtype), atol, rtol)
        error_abs, error_rel, close = _compare(a, b, atol, rtol)
        worst_abs, worst_rel, equal = max(worst_abs, error_abs), max(worst_rel, error_rel), equal and close
    return Verification(worst_abs, worst_rel, equal, _dtype_name(dtype), atol, rtol)


def _dtype_name(dtype: torch.dtype) -> str:
    return str(dtype).removeprefix("torch.")


def _run(model: nn.Module, example_input: torch.Tensor, dtype: torch.dtype) -> Any:
    copied = copy.deepcopy(model).to(dtype)
    data = example_input.to(dtype) if example_input.is_floating_point() else example_input
    with torch.random.fork_rng(devices=[]), torch.no_grad():
        torch.manual_seed(0)
        try:
            return copied(data)
        except SpecError:
            raise
        except Exception as error:
            first = (str(error).strip().splitlines() or [type(error).__name__])[0]
            raise SpecError(
                "--input",
                tr("Model rewrite", "the model raised {kind} on this input: {message}").format(
                    kind=type(error).__name__, message=first
                ),
                tr("Model rewrite", "give an input shape the model accepts (it got {shape})").format(
                    shape="x".join(str(n) for n in data.shape)
                ),
            ) from None


def _leaves(a: Any, b: Any) -> Iterator[tuple[torch.Tensor | None, torch.Tensor | None]]:
    """Pairs of tensors at the same place in two outputs; (None, None) where the structures differ."""
    if isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor):
        yield a, b
    elif isinstance(a, dict) and isinstance(b, dict) and a.keys() == b.keys():
        for key in a:
            yield from _leaves(a[key], b[key])
    elif isinstance(a, list | tuple) and isinstance(b, list | tuple) and len(a) == len(b):
        for x, y in zip(a, b, strict=True):
            yield from _leaves(x, y)
    elif not isinstance(a, torch.Tensor | dict | list | tuple) and a == b:
        return
    else:
        yield None, None


def _compare(before: torch.Tensor, after: torch.Tensor, atol: float, rtol: float) -> tuple[float, float, bool]:
    """(max abs error, max rel error, all within atol + rtol·|before|); NaN matches NaN, inf matches the same inf."""
    if not before.is_floating_point() and not before.is_complex():
        same = torch.equal(before, after)
        error = 0.0 if same else float((before.double() - after.double()).abs().max())
        return error, error, same
    b, a = before.double(), after.double()
    both_nan = b.isnan() & a.isnan()
    same_inf = b.isinf() & (a == b)
    difference = torch.where(both_nan | same_inf, torch.zeros_like(b), (a - b).abs())
    difference = torch.nan_to_num(difference, nan=math.inf)
    if difference.numel() == 0:
        return 0.0, 0.0, True
    nonzero = b != 0
    relative = (difference[nonzero] / b[nonzero].abs()).max() if bool(nonzero.any()) else torch.tensor(0.0)
    close = bool((difference <= atol + rtol * b.abs().nan_to_num(posinf=0.0)).all())
    return float(difference.max()), float(relative.nan_to_num(nan=0.0)), close


# -------------------------------------------------------------------------------------------------- save / load


def save_rewritten(
    model: nn.Module, names: Iterable[str], source_description: dict[str, Any], directory: Path
) -> list[Path]:
    """Write ``model`` (already rewritten at ``names``) into ``directory``: state_dict.pt, pointwise_linear.py (the
    module's standalone source) and rewrite.json (how to rebuild it). Each file is written atomically."""
    names = list(names)
    present = rewritten_names(model)
    for name in names:
        if name not in present:
            raise _layer_error(name, tr("Model rewrite", "this layer was not rewritten"), present)
    folder = make_folder(Path(directory))
    buffer = io.BytesIO()
    torch.save(model.state_dict(), buffer)
    description = {"source": source_description, "rewritten": names, "torch": torch.__version__}
    source = Path(pointwise.__file__).read_text(encoding="utf-8")
    return [
        write_bytes_atomic(folder / STATE_DICT, buffer.getvalue()),
        write_text_atomic(folder / MODULE_SOURCE, source),
        write_text_atomic(folder / DESCRIPTION, json.dumps(description, indent=2, ensure_ascii=False) + "\n"),
    ]


def load_rewritten(directory: Path, build_original: Callable[[dict[str, Any]], nn.Module]) -> nn.Module:
    """The model saved by :func:`save_rewritten` in ``directory``: the original rebuilt by
    ``build_original(source_description)``, rewritten at the saved names, with the saved weights (strict), in eval."""
    folder = Path(directory)
    source, names = _read_description(folder / DESCRIPTION)
    model = rewrite(build_original(source), names)
    path = folder / STATE_DICT
    try:
        state = torch.load(path, weights_only=True, map_location="cpu")
    except FileNotFoundError:
        raise _file_error(path, tr("Model rewrite", "the file is missing")) from None
    except Exception as error:  # an unpickling, zip or OS error: the file is not what save_rewritten wrote
        first = (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
        raise _file_error(
            path, tr("Model rewrite", "not a readable state dict ({reason})").format(reason=first)
        ) from None
    _check_state(path, model, state)
    model.load_state_dict(state, strict=True)
    return model.eval()


def _file_error(path: Path, rule: str, hint: str = "") -> SpecError:
    return SpecError(
        str(path), rule, hint or tr("Model rewrite", "choose a folder written by saving a rewritten model")
    )


def _read_description(path: Path) -> tuple[dict[str, Any], list[str]]:
    if not path.exists():
        raise _file_error(path, tr("Model rewrite", "the file is missing"))
    try:
        description = read_json_file(path, "rewrite.json")
    except JsonFileError as error:
        raise _file_error(path, str(error)) from None
    source = description.get("source") if isinstance(description, dict) else None
    names = description.get("rewritten") if isinstance(description, dict) else None
    if not isinstance(source, dict) or not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise _file_error(path, tr("Model rewrite", 'it needs a "source" object and a "rewritten" list of layer names'))
    return source, names


def _check_state(path: Path, model: nn.Module, state: object) -> None:
    """SpecError listing missing, unexpected and mis-shaped keys when ``state`` does not fit ``model`` exactly."""
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise _file_error(path, tr("Model rewrite", "not a dict of tensors"))
    expected = model.state_dict()
    missing = [key for key in expected if key not in state]
    unexpected = [key for key in state if key not in expected]
    misshaped = [
        f"{key} {tuple(state[key].shape)} ≠ {tuple(value.shape)}"
        for key, value in expected.items()
        if key in state and state[key].shape != value.shape
    ]
    if missing or unexpected or misshaped:
        rule = tr(
            "Model rewrite",
            "the weights do not fit: missing {missing}; unexpected {unexpected}; mis-shaped (saved ≠ model) {shaped}",
        )
        raise _file_error(
            path,
            rule.format(missing=_few(missing), unexpected=_few(unexpected), shaped=_few(misshaped)),
            tr("Model rewrite", "the weights were saved from another model than the one rewrite.json describes"),
        )


def _few(items: list[str]) -> str:
    if not items:
        return "0"
    return f"{len(items)} ({', '.join(items[:3])}{', …' if len(items) > 3 else ''})"
