"""The layer table of a whole model: one row per layer call, from hooks on a real forward pass.

Per row: qualified name, type, input and output shape, parameters, MACs (convs and Linear layers), bias adds, the
receptive field (:mod:`core.models.receptive`), marks (pointwise conv, full-kernel conv, Linear that is a conv) and
whether :mod:`core.models.rewrite` can turn it into a Linear. :class:`Counting` states and switches the convention
(MACs or FLOPs = 2·MACs, bias adds counted or not). A Linear on N-d input counts every leading dim.

Memory: the input and the parameters are checked against the budget before anything is allocated; during the pass
every new tensor is added up and the pass stops as soon as the sum would exceed the budget (before a conv or Linear
whose output alone would). A Linear or conv whose input does not fit is named with the shapes that arrive and what
would fit (with the flatten formula of :mod:`core.models.flatten`), instead of PyTorch's "mat1 and mat2 shapes cannot
be multiplied"; any other failure in the forward pass names the innermost layer that was running.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import nn
from torch.nn.modules.conv import _ConvNd
from torch.overrides import TorchFunctionMode
from torch.utils.hooks import RemovableHandle

from core.errors import SpecError
from core.i18n import tr, tr_noop
from core.memory import DEFAULT_BUDGET_BYTES, format_bytes
from core.models.flatten import FlattenExplanation, explain
from core.models.receptive import Tracker, receptive_field
from core.models.rewrite import rewrite_reason

__all__ = [
    "DEFAULT_BUDGET_BYTES",
    "MARKS",
    "UNITS",
    "Counting",
    "FlattenExplanation",
    "LayerRow",
    "ModelTable",
    "analyse",
]


MARKS: dict[str, str] = {
    "pointwise": tr_noop("Model table", "a conv with kernel 1: a Linear over the channels"),
    "full-kernel": tr_noop("Model table", "a conv whose kernel covers its whole input, no padding: a Linear"),
    "linear-as-conv": tr_noop("Model table", "a Linear: a 1×1 conv over its last dim"),
}
"""The marks a row can carry, with what each means (show with ``tr("Model table", MARKS[mark])``)."""

UNITS = ("macs", "flops")

_POOLS = (nn.MaxPool1d, nn.MaxPool2d, nn.MaxPool3d, nn.AvgPool1d, nn.AvgPool2d, nn.AvgPool3d)
_ADAPTIVE_POOLS = (
    nn.AdaptiveAvgPool1d,
    nn.AdaptiveAvgPool2d,
    nn.AdaptiveAvgPool3d,
    nn.AdaptiveMaxPool1d,
    nn.AdaptiveMaxPool2d,
    nn.AdaptiveMaxPool3d,
)
_MESSAGE_CHARS = 300  # an error message from deep inside PyTorch is cut to its first line and this many characters


@dataclass(frozen=True)
class Counting:
    """A counting convention: ``unit`` "macs" or "flops" (FLOPs = 2·MACs); ``bias``: one add per output element of
    a conv or Linear with a bias (FlopCounterMode leaves bias out)."""

    unit: str = "macs"
    bias: bool = False

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise SpecError(
                "--count",
                tr("Model table", "unknown counting unit {unit}").format(unit=self.unit),
                tr("Model table", "use one of: {units}").format(units=", ".join(UNITS)),
            )

    def describe(self) -> str:
        """The convention in words, translated."""
        if self.unit == "flops":
            if self.bias:
                return tr("Model table", "FLOPs = 2 × MACs of conv and Linear layers, plus one per bias add")
            return tr("Model table", "FLOPs = 2 × MACs of conv and Linear layers, bias adds not counted")
        if self.bias:
            return tr("Model table", "MACs (multiply-accumulates) of conv and Linear layers, plus one per bias add")
        return tr("Model table", "MACs (multiply-accumulates) of conv and Linear layers, bias adds not counted")


@dataclass(frozen=True)
class LayerRow:
    """One call of one layer in the forward pass (see the module docstring for the columns)."""

    index: int
    name: str  # qualified module name ("" for the model itself)
    kind: str  # class name
    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]
    params: int  # parameters the module holds directly, counted at its first call only
    macs: int  # multiply-accumulates of this call (conv and Linear; 0 for others), without bias
    bias_adds: int  # output elements that get a bias added (0 without bias)
    receptive_field: tuple[int, ...] | None  # input samples per spatial dim; None without spatial dims or unknown
    whole_input: bool  # every output element sees the whole input
    marks: tuple[str, ...]  # subset of MARKS
    rewritable: bool  # core.models.rewrite.rewrite_reason(module) is None
    detail: str  # "k=3 s=1 p=1 g=1", "in=196 out=1", ""

    def count(self, counting: Counting) -> int:
        """The operations of this row under ``counting``."""
        operations = 2 * self.macs if counting.unit == "flops" else self.macs
        return operations + (self.bias_adds if counting.bias else 0)


@dataclass(frozen=True)
class ModelTable:
    """The rows of one forward pass, the model's input and output shapes, and the flatten explanations."""

    rows: tuple[LayerRow, ...]
    input_shape: tuple[int, ...]
    output_shapes: tuple[tuple[int, ...], ...]
    total_params: int  # sum(p.numel() for p in model.parameters())
    flatten: tuple[FlattenExplanation, ...]

    def total(self, counting: Counting) -> int:
        """All rows' operations under ``counting``."""
        return sum(row.count(counting) for row in self.rows)


def example_input(shape: tuple[int, ...], dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """The input every model step runs on (table, checks, timing): seeded normal noise, the same everywhere."""
    return torch.randn(shape, generator=torch.Generator().manual_seed(0), dtype=dtype)


def analyse(model: nn.Module, input_shape: tuple[int, ...], budget_bytes: int = DEFAULT_BUDGET_BYTES) -> ModelTable:
    """The layer table of ``model`` on a seeded random input of ``input_shape`` (SpecError for an input the model
    rejects, or one whose forward pass would need more than ``budget_bytes``)."""
    shape = _checked_shape(input_shape)
    dtype, device = _dtype_device(model)
    element = torch.empty((), dtype=dtype).element_size()
    used = math.prod(shape) * element + _tensor_bytes(model.parameters()) + _tensor_bytes(model.buffers())
    _check_budget(shape, used, budget_bytes)
    analysed = _sharing_copy(model)
    training = {module: module.training for module in analysed.modules()}
    analysed.eval()
    try:
        return _Run(analysed, shape).table(dtype, device, used, budget_bytes)
    finally:
        for module, mode in training.items():
            module.training = mode


def _sharing_copy(model: nn.Module) -> nn.Module:
    """A copy of ``model``'s modules sharing its parameters and buffers (nothing is copied but the structure), so
    the table's hooks and eval mode never reach a model another thread may be running; the model itself if it
    cannot be copied (an attribute that refuses deepcopy)."""
    memo: dict[int, Any] = {id(tensor): tensor for tensor in (*model.parameters(), *model.buffers())}
    try:
        return copy.deepcopy(model, memo)
    except Exception:
        return model


# ------------------------------------------------------------------------------------------------------- the input


def _checked_shape(input_shape: Iterable[Any]) -> tuple[int, ...]:
    shape = tuple(input_shape)
    if not shape or any(isinstance(size, bool) or not isinstance(size, int) or size < 1 for size in shape):
        raise SpecError(
            "--input",
            tr("Model table", "{shape} is not a shape of sizes of at least 1").format(shape=shape),
            tr("Model table", "give the sizes of the input, e.g. 1x3x224x224"),
        )
    return shape


def _dtype_device(model: nn.Module) -> tuple[torch.dtype, torch.device]:
    """The floating dtype and the device of the model's first floating parameter (float32 on CPU without any)."""
    for tensor in (*model.parameters(), *model.buffers()):
        if tensor.is_floating_point():
            return tensor.dtype, tensor.device
    return torch.float32, torch.device("cpu")


def _shown(shape: Iterable[int]) -> str:
    return "(" + ", ".join(str(size) for size in shape) + ")"


# ---------------------------------------------------------------------------------------------------------- memory


def _tensor_bytes(tensors: Iterable[torch.Tensor]) -> int:
    return sum(tensor.numel() * tensor.element_size() for tensor in tensors)


def _check_budget(shape: tuple[int, ...], used: int, budget: int) -> None:
    """SpecError, before anything is allocated, if the input and the parameters alone exceed ``budget``."""
    if used > budget:
        raise SpecError(
            "--input",
            tr(
                "Model table", "input {shape} and the parameters need {size}, over the memory budget of {budget}"
            ).format(shape=_shown(shape), size=format_bytes(used), budget=format_bytes(budget)),
            tr("Model table", "use a smaller input or a larger memory budget"),
        )


class _Budget(TorchFunctionMode):
    """Adds up the bytes of every new tensor the forward pass creates (views and in-place results are not new) and
    stops the pass with a SpecError as soon as they, with the input and the parameters, exceed the budget: before a
    conv, Linear or interpolation whose output alone would, after any other op.

    Not a pass on the meta device: most meta kernels are Python references that import ``torch._dynamo``, a second
    of imports that must not happen in the window's worker thread (see ``core/claims/factorised.py``)."""

    def __init__(self, run: _Run, used: int, budget: int) -> None:
        super().__init__()
        self.run, self.used, self.budget = run, used, budget

    def __torch_function__(
        self,
        func: Callable[..., Any],
        types: Iterable[type],
        args: tuple[Any, ...] = (),
        kwargs: dict[str, Any] | None = None,
    ) -> Any:
        kwargs = kwargs or {}
        self.check(self.used + _predicted_bytes(getattr(func, "__name__", ""), args, kwargs))
        out = func(*args, **kwargs)
        inputs = {id(tensor) for tensor in _flat_tensors((args, kwargs))}
        with torch._C.DisableTorchFunction():  # reading ._base is a torch function too: keep it from the tracker
            for tensor in _flat_tensors(out):
                if tensor._base is None and id(tensor) not in inputs:
                    self.used += tensor.numel() * tensor.element_size()
        self.check(self.used)
        return out

    def check(self, needed: int) -> None:
        if needed <= self.budget:
            return
        layer = self.run.stack[-1].name if self.run.stack else type(self.run.model).__name__
        raise SpecError(
            "--input",
            tr(
                "Model table",
                "a forward pass on input {shape} needs more than the memory budget of {budget} ({size} at layer "
                "{layer}, not yet finished)",
            ).format(
                shape=_shown(self.run.shape), budget=format_bytes(self.budget), size=format_bytes(needed), layer=layer
            ),
            tr("Model table", "use a smaller input or a larger memory budget"),
        )


def _predicted_bytes(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """The bytes of the output of a conv, Linear or interpolation about to run (0 for other ops or odd arguments)."""
    try:
        given, rest = (args[0], args[1:]) if args else (kwargs["input"], ())
        options = {key: value for key, value in kwargs.items() if key != "input"}
        if name in ("conv1d", "conv2d", "conv3d"):
            elements = _conv_output_elements(given, *rest, **options)
        elif name == "linear":
            weight = rest[0] if rest else options["weight"]
            elements = math.prod(given.shape[:-1]) * weight.shape[0]
        elif name == "interpolate":
            elements = _interpolated_elements(given, *rest, **options)
        else:
            return 0
        return int(elements) * given.element_size()
    except Exception:  # only a look ahead: the op's real output is counted after it anyway
        return 0


def _conv_output_elements(
    given: torch.Tensor,
    weight: torch.Tensor,
    bias: Any = None,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    groups: int = 1,
) -> int:
    kernel = tuple(weight.shape[2:])
    count = len(kernel)
    lengths = tuple(given.shape[-count:])
    if isinstance(padding, str):
        sizes = lengths if padding == "same" else tuple(n - k + 1 for n, k in zip(lengths, kernel, strict=True))
    else:
        strides, pads, dilations = (_each(value, count) for value in (stride, padding, dilation))
        sizes = tuple(
            (n + 2 * p - d * (k - 1) - 1) // s + 1
            for n, k, s, p, d in zip(lengths, kernel, strides, pads, dilations, strict=True)
        )
    return math.prod(given.shape[: -count - 1]) * weight.shape[0] * math.prod(max(size, 0) for size in sizes)


def _interpolated_elements(given: torch.Tensor, size: Any = None, scale_factor: Any = None, **_: Any) -> int:
    count = given.dim() - 2
    if size is not None:
        sizes = _each(size, count)
    else:
        sizes = tuple(int(n * f) for n, f in zip(given.shape[2:], _each(scale_factor, count), strict=True))
    return math.prod(given.shape[:2]) * math.prod(sizes)


def _each(value: Any, count: int) -> tuple[Any, ...]:
    return tuple(value) if isinstance(value, tuple | list) else (value,) * count


# ------------------------------------------------------------------------------------------------------ the pass


@dataclass
class _Frame:
    name: str
    kind: str
    input_shape: tuple[int, ...]


@dataclass
class _Run:
    """One forward pass of ``model`` with the table's hooks: checks before every layer, a row after each."""

    model: nn.Module
    shape: tuple[int, ...]
    tracker: Tracker = field(default_factory=Tracker)
    rows: list[LayerRow] = field(default_factory=list)
    stack: list[_Frame] = field(default_factory=list)
    flatten: dict[str, FlattenExplanation] = field(default_factory=dict)
    counted: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.names = {module: name for name, module in self.model.named_modules()}
        self.rewritable = {module: rewrite_reason(module) is None for module in self.names}

    def label(self, module: nn.Module) -> str:
        return self.names.get(module) or type(module).__name__

    def table(self, dtype: torch.dtype, device: torch.device, used: int, budget: int) -> ModelTable:
        """Run on the seeded random input and collect the table; every failure becomes a SpecError."""
        given = example_input(self.shape, dtype).to(device)
        try:
            with torch.no_grad():
                output = self.forward(given, _Budget(self, used, budget))
        except SpecError:
            raise
        except Exception as error:
            raise self.failure(error) from None
        if isinstance(self.model, torch.jit.ScriptModule):
            self.rows.append(self.script_row(given, _first_tensor(output)))
        else:
            self.rows += self.uncalled()
        return ModelTable(
            rows=tuple(self.rows),
            input_shape=self.shape,
            output_shapes=tuple(tuple(tensor.shape) for tensor in _flat_tensors(output)),
            total_params=sum(p.numel() for p in self.model.parameters()),
            flatten=tuple(self.flatten.values()),
        )

    def forward(self, given: torch.Tensor, budget: _Budget) -> Any:
        """The model's output on ``given``, hooks in place, within ``budget``."""
        handles = self.hooks()
        try:
            with self.tracker, budget:
                self.tracker.track_input(given)
                return self.model(given)
        finally:
            for handle in handles:
                handle.remove()

    def hooks(self) -> list[RemovableHandle]:
        if isinstance(self.model, torch.jit.ScriptModule):
            return []  # TorchScript runs its own graph: no hooks, only the model as a whole
        handles = []
        for module in self.names:
            handles.append(module.register_forward_pre_hook(self.before, with_kwargs=True))
            handles.append(module.register_forward_hook(self.after, with_kwargs=True))
        return handles

    def before(self, module: nn.Module, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        given = _first_tensor((args, kwargs))
        self.stack.append(_Frame(self.label(module), type(module).__name__, _shape(given)))
        if given is not None:
            self.check(module, given)

    def after(self, module: nn.Module, args: tuple[Any, ...], kwargs: dict[str, Any], output: Any) -> None:
        if self.stack:
            self.stack.pop()
        if next(module.children(), None) is None or _owns_parameters(module) or _counted_kind(module):
            self.rows.append(self.row(module, _first_tensor((args, kwargs)), _first_tensor(output)))

    # ------------------------------------------------------------------------------------------------------ rows

    def row(self, module: nn.Module, given: torch.Tensor | None, output: torch.Tensor | None) -> LayerRow:
        params = [p for p in module.parameters(recurse=False) if id(p) not in self.counted]
        self.counted.update(id(p) for p in params)
        field_size, whole = receptive_field(self.tracker.info(output) if output is not None else None, self.shape)
        return LayerRow(
            index=len(self.rows),
            name=self.names.get(module, ""),
            kind=type(module).__name__,
            input_shape=_shape(given),
            output_shape=_shape(output),
            params=sum(p.numel() for p in params),
            macs=_macs(module, given, output),
            bias_adds=output.numel() if output is not None and _counted_kind(module) and _has_bias(module) else 0,
            receptive_field=field_size,
            whole_input=whole,
            marks=_marks(module, given),
            rewritable=self.rewritable.get(module, False),
            detail=_detail(module),
        )

    def script_row(self, given: torch.Tensor, output: torch.Tensor | None) -> LayerRow:
        """The one row of a TorchScript model: it runs its own graph, so its layers cannot be hooked one by one."""
        return LayerRow(
            index=0,
            name="",
            kind=str(getattr(self.model, "original_name", type(self.model).__name__)),
            input_shape=_shape(given),
            output_shape=_shape(output),
            params=sum(p.numel() for p in self.model.parameters()),
            macs=0,
            bias_adds=0,
            receptive_field=None,
            whole_input=False,
            marks=(),
            rewritable=False,
            detail=tr("Model table", "TorchScript: its layers cannot be listed one by one"),
        )

    def uncalled(self) -> list[LayerRow]:
        """Rows for modules whose parameters no call counted (e.g. a layer the forward never calls), so that the
        rows' parameters add up to the model's."""
        rows: list[LayerRow] = []
        for module, name in self.names.items():
            params = [p for p in module.parameters(recurse=False) if id(p) not in self.counted]
            if not params:
                continue
            self.counted.update(id(p) for p in params)
            rows.append(
                LayerRow(
                    index=len(self.rows) + len(rows),
                    name=name,
                    kind=type(module).__name__,
                    input_shape=(),
                    output_shape=(),
                    params=sum(p.numel() for p in params),
                    macs=0,
                    bias_adds=0,
                    receptive_field=None,
                    whole_input=False,
                    marks=(),
                    rewritable=self.rewritable.get(module, False),
                    detail=tr("Model table", "not called in this forward pass"),
                )
            )
        return rows

    # --------------------------------------------------------------------------------------------------- checks

    def check(self, module: nn.Module, given: torch.Tensor) -> None:
        """SpecError when ``given`` does not fit the Linear or conv ``module`` (rank, channels, in_features)."""
        if isinstance(module, nn.Linear) and not nn.parameter.is_lazy(module.weight):
            self.check_linear(module, given)
        elif isinstance(module, _ConvNd) and not nn.parameter.is_lazy(module.weight):
            self.check_conv(module, given)

    def check_linear(self, module: nn.Linear, given: torch.Tensor) -> None:
        info = self.tracker.info(given)
        arriving = given.shape[-1] if given.dim() else 0
        explanation = explain(self.label(module), module.in_features, info.dims[-1]) if info and info.dims else None
        if explanation is not None:
            self.flatten.setdefault(explanation.layer, explanation)
        if given.dim() and arriving == module.in_features:
            return
        if explanation is not None:
            hint = tr("Model table", "in_features={arriving} would fit: {formula}").format(
                arriving=arriving, formula=explanation.formula
            )
        else:
            hint = tr("Model table", "in_features={arriving} would fit").format(arriving=arriving)
        raise SpecError(
            self.parameter(module),
            tr("Model table", "{arriving} features arrive (input shape {shape}) but in_features={in_features}").format(
                arriving=arriving, shape=_shown(given.shape), in_features=module.in_features
            ),
            hint,
        )

    def check_conv(self, module: _ConvNd, given: torch.Tensor) -> None:
        spatial = len(module.kernel_size)
        if given.dim() not in (spatial + 1, spatial + 2):
            if given.dim() > spatial + 2:
                sizes = tuple(given.shape[2 : 2 + spatial])
            else:
                sizes = tuple(given.shape[-spatial:]) if given.dim() >= spatial else (32,) * spatial
            example = (1, module.in_channels, *sizes)
            raise SpecError(
                self.parameter(module),
                tr(
                    "Model table",
                    "a {rank}-D input arrives (shape {shape}) but {kind} takes {batched}-D (N, C, …) or {unbatched}-D",
                ).format(
                    rank=given.dim(),
                    shape=_shown(given.shape),
                    kind=type(module).__name__,
                    batched=spatial + 2,
                    unbatched=spatial + 1,
                ),
                tr("Model table", "give it a shape such as {example}").format(example=_shown(example)),
            )
        arriving = given.shape[-spatial - 1]
        if arriving != module.in_channels:
            raise SpecError(
                self.parameter(module),
                tr(
                    "Model table", "input shape {shape} has {arriving} at the channel dim but in_channels={in_channels}"
                ).format(arriving=arriving, shape=_shown(given.shape), in_channels=module.in_channels),
                tr("Model table", "in_channels={arriving} would fit, or an input with {in_channels} channels").format(
                    arriving=arriving, in_channels=module.in_channels
                ),
            )

    def parameter(self, module: nn.Module) -> str:
        return tr("Model table", "layer {name}").format(name=self.label(module))

    def failure(self, error: Exception) -> SpecError:
        """``error`` from inside the forward pass as a SpecError naming the innermost layer that was running."""
        frame = self.stack[-1] if self.stack else _Frame(type(self.model).__name__, type(self.model).__name__, ())
        lines = str(error).strip().splitlines()
        message = lines[0][:_MESSAGE_CHARS] if lines else ""
        return SpecError(
            "--input",
            tr("Model table", "layer {name} ({kind}) raised {error}: {message}").format(
                name=frame.name, kind=frame.kind, error=type(error).__name__, message=message
            ),
            tr("Model table", "it got input shape {shape}; the model input was {input}").format(
                shape=_shown(frame.input_shape), input=_shown(self.shape)
            ),
        )


# ------------------------------------------------------------------------------------------------- per module


def _flat_tensors(value: Any) -> Iterator[torch.Tensor]:
    """The tensors in a nested output (tensor, tuple, list, dict), in order."""
    if isinstance(value, torch.Tensor):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _flat_tensors(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _flat_tensors(item)


def _first_tensor(value: Any) -> torch.Tensor | None:
    return next(_flat_tensors(value), None)


def _shape(tensor: torch.Tensor | None) -> tuple[int, ...]:
    return tuple(tensor.shape) if tensor is not None else ()


def _owns_parameters(module: nn.Module) -> bool:
    return next(module.parameters(recurse=False), None) is not None


def _counted_kind(module: nn.Module) -> bool:
    """Convs and Linear layers: the layers whose MACs are counted."""
    return isinstance(module, _ConvNd | nn.Linear)


def _has_bias(module: nn.Module) -> bool:
    return isinstance(getattr(module, "bias", None), torch.Tensor)


def _macs(module: nn.Module, given: torch.Tensor | None, output: torch.Tensor | None) -> int:
    """Conv: output elements × (Cin/groups) × kernel (transposed: input elements × (Cout/groups) × kernel);
    Linear: every leading dim × in × out. 0 for other layers."""
    if given is None or output is None:
        return 0
    if isinstance(module, _ConvNd):
        weight = module.weight  # (Cout, Cin/groups, *kernel), transposed (Cin, Cout/groups, *kernel)
        taps = weight.shape[1] * math.prod(weight.shape[2:])
        return (given.numel() if module.transposed else output.numel()) * taps
    if isinstance(module, nn.Linear):
        return math.prod(given.shape[:-1]) * module.in_features * module.out_features
    return 0


def _marks(module: nn.Module, given: torch.Tensor | None) -> tuple[str, ...]:
    if isinstance(module, nn.Linear):
        return ("linear-as-conv",)
    if not isinstance(module, _ConvNd):
        return ()
    marks = []
    if all(size == 1 for size in module.kernel_size):
        marks.append("pointwise")
    if given is not None and not module.transposed and _covers_input(module, tuple(given.shape)):
        marks.append("full-kernel")
    return tuple(marks)


def _covers_input(conv: _ConvNd, shape: tuple[int, ...]) -> bool:
    """The kernel (with its dilation) spans the whole arriving spatial size and there is no padding."""
    spatial = len(conv.kernel_size)
    unpadded = conv.padding == "valid" or (not isinstance(conv.padding, str) and not any(conv.padding))
    extents = [(k - 1) * d + 1 for k, d in zip(conv.kernel_size, conv.dilation, strict=True)]
    return unpadded and len(shape) > spatial and list(shape[-spatial:]) == extents


def _sizes(values: Any) -> str:
    """``(3, 3)`` -> "3", ``(1, 3)`` -> "1×3", ``"same"`` -> "same"."""
    if isinstance(values, str | int):
        return str(values)
    values = tuple(values)
    return str(values[0]) if len(set(values)) == 1 else "×".join(str(v) for v in values)


def _detail(module: nn.Module) -> str:
    """The layer's settings in the notation of the formulas: "k=3 s=1 p=1 g=1", "in=196 out=1", "k=2 s=2"."""
    if isinstance(module, _ConvNd):
        text = f"k={_sizes(module.kernel_size)} s={_sizes(module.stride)} p={_sizes(module.padding)}"
        text += f" g={module.groups}"
        if any(d != 1 for d in module.dilation):
            text += f" d={_sizes(module.dilation)}"
        return text
    if isinstance(module, nn.Linear):
        return f"in={module.in_features} out={module.out_features}"
    if isinstance(module, _POOLS):
        text = f"k={_sizes(module.kernel_size)} s={_sizes(module.stride)}"
        return text + (f" p={_sizes(module.padding)}" if _sizes(module.padding) != "0" else "")
    if isinstance(module, _ADAPTIVE_POOLS):
        return f"out={_sizes(module.output_size)}"
    return ""
