"""Receptive fields and flatten provenance, carried per tensor through a real forward pass.

:class:`Tracker` is a ``TorchFunctionMode``: it sees every torch function a model calls and gives each result a
:class:`TensorInfo`. The info says how each tensor dim is laid out (:class:`Dim`: a product of atoms, each a spatial
axis of the model input or channels; several such products side by side after a ``cat``) and, per spatial axis of
the model input, which window of input samples one element sees (:class:`Span`). Convs and pools grow the windows from
kernel, stride, padding and dilation; a Linear, adaptive pooling to 1 and reductions merge all positions of the dims
they mix; elementwise ops, permutes, reshapes, slices and cats carry the windows and the layout along.

The model input is read as ``(N, C, *spatial)``; with fewer than three dims there are no spatial axes. An op the
tracker does not understand (interpolation, transposed convs, matmul, a reshape that splits a spatial dim, ...)
makes its result *unknown*: the receptive field of that tensor and of everything computed from it is None.
Normalisation statistics are not counted (as in the usual definition of the theoretical receptive field).
"""

from __future__ import annotations

import math
import re
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import torch
from torch.overrides import TorchFunctionMode
from torch.utils.weak import WeakIdKeyDictionary


@dataclass(frozen=True)
class Atom:
    """A factor of a tensor dim: ``size`` positions along input spatial axis ``axis``, or channels (``axis`` None)."""

    size: int
    axis: int | None = None


Piece = tuple[Atom, ...]
"""A product of atoms, row-major (the last atom varies fastest)."""


@dataclass(frozen=True)
class Dim:
    """One tensor dim: a product of atoms, or several products side by side (``pieces``) after a cat along it."""

    pieces: tuple[Piece, ...]

    @staticmethod
    def plain(size: int, axis: int | None = None) -> Dim:
        return Dim(((Atom(size, axis),),))

    @property
    def size(self) -> int:
        return sum(math.prod(atom.size for atom in piece) for piece in self.pieces)

    @property
    def merged(self) -> bool:
        """Made by flattening several dims into one, or by a cat of pieces: what a flatten explanation reads."""
        return len(self.pieces) > 1 or len(self.pieces[0]) > 1

    def atoms(self) -> list[Atom]:
        return [atom for piece in self.pieces for atom in piece]

    def axes(self) -> list[int]:
        return [atom.axis for atom in self.atoms() if atom.axis is not None]

    def single_axis(self) -> int | None:
        """The axis of a dim that is one spatial atom; None for a channel dim; untracked for a flattened spatial dim."""
        if not self.axes():
            return None
        if len(self.pieces) == 1 and len(self.pieces[0]) == 1:
            return self.pieces[0][0].axis
        raise _Untracked


@dataclass(frozen=True)
class Span:
    """The input window along one spatial axis: the element at position ``i`` (along the dim carrying the axis) sees
    input samples ``left + i*jump`` to ``left + i*jump + size - 1``. ``jump`` 0: every position sees the same window."""

    left: int
    jump: int
    size: int

    def grown(self, kernel: int, stride: int, pad: int, dilation: int) -> Span:
        """After a window of ``kernel`` taps ``dilation`` apart, every ``stride`` positions, ``pad`` added left."""
        return Span(self.left - pad * self.jump, self.jump * stride, self.size + (kernel - 1) * dilation * self.jump)

    def mixed(self, positions: int) -> Span:
        """After every one of ``positions`` positions is combined into each output element."""
        return Span(self.left, 0, self.size + (positions - 1) * self.jump)

    def shifted(self, start: int, step: int = 1) -> Span:
        """After taking every ``step``-th position from ``start`` on."""
        return Span(self.left + start * self.jump, self.jump * step, self.size)

    def covers(self, other: Span, positions: int) -> bool:
        """Whether this window contains ``other``'s at every one of ``positions`` positions (enough: at both ends)."""
        ends = (0, max(positions - 1, 0))
        return all(
            self.left + i * self.jump <= other.left + i * other.jump
            and self.left + i * self.jump + self.size >= other.left + i * other.jump + other.size
            for i in ends
        )


@dataclass(frozen=True)
class TensorInfo:
    """What the tracker knows of one tensor: its dims' layout and the window one element sees per input axis."""

    dims: tuple[Dim, ...]
    spans: tuple[Span | None, ...]  # None: an op on the way (interpolation, transposed conv) has no fixed window

    def positions(self, axis: int) -> int:
        """How many positions along ``axis`` the tensor has (1 when no dim carries it any more)."""
        return next((atom.size for dim in self.dims for atom in dim.atoms() if atom.axis == axis), 1)


class _Untracked(Exception):
    """An op whose effect on the layout the tracker cannot follow: its result becomes unknown."""


def input_info(shape: Sequence[int]) -> TensorInfo:
    """The model input ``(N, C, *spatial)``: every element sees one sample; fewer than three dims: no spatial axes."""
    spatial = len(shape) - 2 if len(shape) >= 3 else 0
    dims = [Dim.plain(size) for size in shape[: len(shape) - spatial]]
    dims += [Dim.plain(size, axis) for axis, size in enumerate(shape[len(shape) - spatial :])]
    return TensorInfo(tuple(dims), tuple(Span(0, 1, 1) for _ in range(spatial)))


def receptive_field(info: TensorInfo | None, input_shape: Sequence[int]) -> tuple[tuple[int, ...] | None, bool]:
    """The receptive field per input spatial axis (None without spatial axes or when unknown), and whether every
    element sees the whole input."""
    if info is None or not info.spans or None in info.spans:
        return None, False
    lengths = input_shape[len(input_shape) - len(info.spans) :]
    whole = all(
        span.left + (info.positions(axis) - 1) * span.jump <= 0 and span.left + span.size >= length
        for axis, (span, length) in enumerate(zip(info.spans, lengths, strict=True))
        if span is not None
    )
    return tuple(span.size for span in info.spans if span is not None), whole


# ---------------------------------------------------------------------------------------------------- the mode

_CONSTANT = object()
"""What :meth:`Tracker.lookup` returns for a tensor that does not come from the model input (weights, constants)."""


@dataclass(frozen=True)
class _Call:
    name: str
    func: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    infos: dict[int, TensorInfo]  # id(tensor) -> info, for the tracked tensors among the arguments
    outputs: list[torch.Tensor]

    def info(self, tensor: Any) -> TensorInfo:
        if not isinstance(tensor, torch.Tensor) or id(tensor) not in self.infos:
            raise _Untracked
        return self.infos[id(tensor)]

    def bind(self, names: Sequence[str]) -> dict[str, Any]:
        bound = dict(zip(names, self.args, strict=False))
        bound.update(self.kwargs)
        return bound

    def argument(self, position: int, name: str, default: Any) -> Any:
        if name in self.kwargs:
            return self.kwargs[name]
        return self.args[position] if len(self.args) > position else default


Handler = Callable[[_Call], "TensorInfo | list[TensorInfo | None] | None"]


class Tracker(TorchFunctionMode):
    """A TorchFunctionMode that gives every tensor computed from the model input a :class:`TensorInfo`."""

    def __init__(self) -> None:
        super().__init__()
        self._store: WeakIdKeyDictionary = WeakIdKeyDictionary()

    def track_input(self, tensor: torch.Tensor) -> None:
        """Mark ``tensor`` as the model input."""
        self._store[tensor] = input_info(tuple(tensor.shape))

    def info(self, tensor: torch.Tensor) -> TensorInfo | None:
        """The info of ``tensor``; None when unknown or when it does not come from the model input."""
        found = self._store.get(tensor, None)
        return found if isinstance(found, TensorInfo) else None

    def __torch_function__(
        self,
        func: Callable[..., Any],
        types: Iterable[type],
        args: tuple[Any, ...] = (),
        kwargs: dict[str, Any] | None = None,
    ) -> Any:
        kwargs = kwargs or {}
        out = func(*args, **kwargs)
        outputs = _tensors(out)
        if outputs:
            try:
                self._follow(func, args, kwargs, outputs)
            except Exception:  # a gap in the tracking never breaks the forward pass: the result is unknown
                for tensor in outputs:
                    self._store[tensor] = None
        return out

    def _follow(
        self, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], outputs: list[Any]
    ) -> None:
        inputs = _tensors(args) + _tensors(list(kwargs.values()))
        found = {id(tensor): self._store.get(tensor, _CONSTANT) for tensor in inputs}
        tracked = {key: value for key, value in found.items() if value is not _CONSTANT}
        if not tracked:
            return
        name = getattr(func, "__name__", "")
        if name == "__get__" and any(tensor in self._store for tensor in outputs):
            return  # a property read (x._base, x.data) returns an existing tensor: it keeps what it has
        results: TensorInfo | list[TensorInfo | None] | None = None
        if all(isinstance(value, TensorInfo) for value in tracked.values()):
            call = _Call(name, func, args, kwargs, tracked, outputs)
            try:
                results = _HANDLERS.get(_base_name(name), _elementwise)(call)
            except _Untracked:
                results = None
        if not isinstance(results, list):
            results = [results] * len(outputs)
        for tensor, result in zip(outputs, results, strict=True):
            self._store[tensor] = result


def _base_name(name: str) -> str:
    """``relu_`` -> ``relu`` (in-place ops behave like their out-of-place twins); ``__getitem__`` stays."""
    return name[:-1] if name.endswith("_") and not name.endswith("__") else name


def _tensors(value: Any) -> list[torch.Tensor]:
    """The tensors in ``value``: itself, or the items of a tuple/list (one level deep: cat's list, max's pair)."""
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, tuple | list):
        found: list[torch.Tensor] = []
        for item in value:
            if isinstance(item, torch.Tensor):
                found.append(item)
            elif isinstance(item, tuple | list):
                found += [inner for inner in item if isinstance(inner, torch.Tensor)]
        return found
    return []


# ------------------------------------------------------------------------------------------------ layout algebra


def _index(dim: int, ndim: int) -> int:
    if not -ndim <= dim < max(ndim, 1):
        raise _Untracked
    return dim % max(ndim, 1)


def _tuple(value: Any, count: int) -> tuple[int, ...]:
    if isinstance(value, int):
        return (value,) * count
    values = tuple(int(v) for v in value)
    if len(values) == 1:
        return values * count
    if len(values) != count:
        raise _Untracked
    return values


def _mix(dims: list[Dim], spans: list[Span | None], index: int) -> None:
    """Every position of ``dims[index]`` is combined: its axes' windows become the union over its positions."""
    for atom in dims[index].atoms():
        if atom.axis is not None:
            span = spans[atom.axis]
            spans[atom.axis] = span.mixed(atom.size) if span is not None else None


def _collapsed(dim: Dim, size: int) -> Dim:
    """A mixed dim of ``size`` positions: keeps a lone spatial atom when one position is left (for the flatten
    explanation of e.g. global pooling then flatten), else a channel dim."""
    axes = dim.axes()
    if size == 1 and len(axes) == 1 and len(dim.atoms()) == 1:
        return Dim.plain(1, axes[0])
    return Dim.plain(size)


def _piece(atoms: Iterable[Atom]) -> Piece:
    """Atoms tidied: neighbouring channel atoms multiplied together, 1-sized channel atoms dropped beside others."""
    tidy: list[Atom] = []
    for atom in atoms:
        if tidy and atom.axis is None and tidy[-1].axis is None:
            tidy[-1] = Atom(tidy[-1].size * atom.size)
        else:
            tidy.append(atom)
    kept = [atom for atom in tidy if atom.axis is not None or atom.size != 1]
    return tuple(kept) or (Atom(1),)


def _reshaped(dims: Sequence[Dim], shape: Sequence[int]) -> tuple[Dim, ...]:
    """The dims after a view/reshape/flatten/unflatten/squeeze to ``shape``: atoms regrouped, a channel atom split
    where needed; a dim made of several pieces keeps them when it is flattened together with the dims after it."""
    queue: deque[Atom | Dim] = deque()
    for dim in dims:
        if len(dim.pieces) > 1:
            queue.append(dim)
        else:
            queue.extend(dim.pieces[0])
    result: list[list[Atom | Dim]] = []
    for size in shape:
        result.append(_take(queue, size))
    if any(_size(unit) != 1 for unit in queue):
        raise _Untracked
    if queue:
        if not result:
            raise _Untracked
        result[-1].extend(queue)
    return tuple(_dim(units) for units in result)


def _size(unit: Atom | Dim) -> int:
    return unit.size


def _take(queue: deque[Atom | Dim], size: int) -> list[Atom | Dim]:
    """Units from the front of ``queue`` whose sizes multiply to ``size`` (splitting a channel atom if needed)."""
    units: list[Atom | Dim] = []
    if size == 1:
        if queue and _size(queue[0]) == 1:
            units.append(queue.popleft())
        return units or [Atom(1)]
    product = 1
    while product < size:
        if not queue:
            raise _Untracked
        unit = queue.popleft()
        if size % (product * unit.size) == 0:
            units.append(unit)
            product *= unit.size
            continue
        wanted = size // product
        if isinstance(unit, Dim) or unit.axis is not None or unit.size % wanted:
            raise _Untracked
        units.append(Atom(wanted))
        queue.appendleft(Atom(unit.size // wanted))
        product = size
    return units


def _dim(units: list[Atom | Dim]) -> Dim:
    """One result dim from the units :func:`_take` gave it."""
    groups = [unit for unit in units if isinstance(unit, Dim)]
    atoms = [unit for unit in units if isinstance(unit, Atom)]
    if not groups:
        return Dim((_piece(atoms),))
    if len(groups) == 1 and units[0] is groups[0]:
        # (N, C1+C2, H, W) flattened from C on: each piece of C followed by H, W
        return Dim(tuple(_piece(piece + tuple(atoms)) for piece in groups[0].pieces)) if atoms else groups[0]
    if any(group.axes() for group in groups):
        raise _Untracked
    return Dim((_piece(unit if isinstance(unit, Atom) else Atom(unit.size) for unit in units),))


def _union(windows: Sequence[Span | None], positions: int) -> Span | None:
    """The window of an element computed from elements with these windows (an add, a cat, a broadcast product);
    None when one is unknown, or when they move at different jumps and neither contains the other."""
    spans = [span for span in windows if span is not None]
    if len(spans) < len(windows):
        return None
    if len({span.jump for span in spans}) == 1:
        left = min(span.left for span in spans)
        right = max(span.left + span.size for span in spans)
        return Span(left, spans[0].jump, right - left)
    for span in spans:
        if all(span.covers(other, positions) for other in spans):
            return span
    return None


def _combined(parts: Sequence[tuple[TensorInfo, Sequence[int]]], shape: Sequence[int]) -> TensorInfo:
    """The info of a result of ``shape`` computed position by position from ``parts`` (info, shape), broadcast."""
    ndim = len(shape)
    dims: list[Dim] = []
    for index, size in enumerate(shape):
        candidates = []
        for info, part_shape in parts:
            own = index - (ndim - len(part_shape))
            if own >= 0 and part_shape[own] == size:
                candidates.append(info.dims[own])
        if candidates and all(candidate == candidates[0] for candidate in candidates):
            dims.append(candidates[0])
        elif any(candidate.axes() for candidate in candidates):
            raise _Untracked
        else:
            dims.append(Dim.plain(size))
    result = TensorInfo(tuple(dims), ())
    counts = {len(info.spans) for info, _ in parts}
    if len(counts) != 1:
        raise _Untracked
    spans: list[Span | None] = []
    for axis in range(counts.pop()):
        positions = result.positions(axis)
        windows = [_broadcast_span(info, axis, positions) for info, _ in parts]
        spans.append(_union(windows, positions))
    return TensorInfo(tuple(dims), tuple(spans))


def _broadcast_span(info: TensorInfo, axis: int, positions: int) -> Span | None:
    span = info.spans[axis]
    if span is not None and info.positions(axis) == 1 and positions > 1:
        return Span(span.left, 0, span.size)  # broadcast: every position sees this one window
    return span


# ------------------------------------------------------------------------------------------------------ handlers


def _elementwise(call: _Call) -> TensorInfo:
    """Any op whose result has the broadcast shape of its tracked inputs: position by position (relu, add, norms)."""
    tensors = [
        tensor for tensor in _tensors(call.args) + _tensors(list(call.kwargs.values())) if id(tensor) in call.infos
    ]
    shape = tuple(torch.broadcast_shapes(*(tuple(tensor.shape) for tensor in tensors)))
    if any(tuple(out.shape) != shape for out in call.outputs):
        raise _Untracked
    parts = [(call.infos[id(tensor)], tuple(tensor.shape)) for tensor in tensors]
    return _combined(parts, shape)


def _grow(
    dims: list[Dim], spans: list[Span | None], index: int, size: int, window: tuple[int, int, int, int] | None
) -> None:
    """Slide a window (kernel, stride, left pad, dilation) along ``dims[index]``, which becomes ``size`` long
    (``window`` None: a resampling without one fixed window, e.g. an interpolation: the axis's window is unknown)."""
    axis = dims[index].single_axis()
    if axis is not None:
        span = spans[axis]
        spans[axis] = span.grown(*window) if window is not None and span is not None else None
    dims[index] = Dim.plain(size, axis)


def _windowed(
    info: TensorInfo, shape: Sequence[int], windows: Sequence[tuple[int, int, int, int] | None]
) -> TensorInfo:
    """The info after sliding windows (kernel, stride, left pad, dilation) over the last len(windows) dims."""
    dims, spans = list(info.dims), list(info.spans)
    if len(dims) != len(shape) or len(windows) > len(dims):
        raise _Untracked
    for index, window in enumerate(windows, start=len(dims) - len(windows)):
        _grow(dims, spans, index, shape[index], window)
    return TensorInfo(tuple(dims), tuple(spans))


def _spatial_count(name: str) -> int:
    """``max_pool2d_with_indices`` -> 2."""
    found = re.search(r"([123])d", name)
    if found is None:
        raise _Untracked
    return int(found.group(1))


def _conv(call: _Call) -> TensorInfo:
    bound = call.bind(("input", "weight", "bias", "stride", "padding", "dilation", "groups"))
    info, weight = call.info(bound["input"]), bound["weight"]
    kernel = tuple(weight.shape[2:])
    count = len(kernel)
    stride, dilation = _tuple(bound.get("stride", 1), count), _tuple(bound.get("dilation", 1), count)
    padding = bound.get("padding", 0)
    if padding == "valid":
        pads: tuple[int, ...] = (0,) * count
    elif padding == "same":
        pads = tuple(d * (k - 1) // 2 for k, d in zip(kernel, dilation, strict=True))
    else:
        pads = _tuple(padding, count)
    dims, spans = list(info.dims), list(info.spans)
    channel = len(dims) - count - 1
    if channel < 0:
        raise _Untracked
    _mix(dims, spans, channel)
    dims[channel] = Dim.plain(call.outputs[0].shape[channel])
    windows = list(zip(kernel, stride, pads, dilation, strict=True))
    return _windowed(TensorInfo(tuple(dims), tuple(spans)), call.outputs[0].shape, windows)


def _resampled(call: _Call) -> TensorInfo:
    """A transposed conv or an interpolation: the layout is kept (a transposed conv mixes the channels), but no
    single window per output position: the spatial axes' windows become unknown."""
    source = call.args[0] if call.args else call.kwargs["input"]
    info, shape = call.info(source), call.outputs[0].shape
    dims, spans = list(info.dims), list(info.spans)
    count = _spatial_count(call.name) if call.name.startswith("conv") else len(dims) - 2
    if call.name.startswith("conv"):
        _mix(dims, spans, len(dims) - count - 1)
        dims[len(dims) - count - 1] = Dim.plain(shape[len(dims) - count - 1])
    return _windowed(TensorInfo(tuple(dims), tuple(spans)), shape, [None] * count)


def _pool(call: _Call) -> TensorInfo:
    name = call.name
    count = _spatial_count(name)
    if name.startswith("avg"):
        bound = call.bind(("input", "kernel_size", "stride", "padding"))
    elif name.startswith("lp"):
        bound = call.bind(("input", "norm_type", "kernel_size", "stride"))
    else:
        bound = call.bind(("input", "kernel_size", "stride", "padding", "dilation"))
    kernel = _tuple(bound["kernel_size"], count)
    stride_value = bound.get("stride")
    stride = kernel if stride_value is None or stride_value == [] else _tuple(stride_value, count)
    pads, dilation = _tuple(bound.get("padding", 0), count), _tuple(bound.get("dilation", 1), count)
    windows = list(zip(kernel, stride, pads, dilation, strict=True))
    return _windowed(call.info(bound["input"]), call.outputs[0].shape, windows)


def _adaptive_pool(call: _Call) -> TensorInfo:
    source = call.args[0] if call.args else call.kwargs["input"]
    info, shape = call.info(source), tuple(call.outputs[0].shape)
    count = _spatial_count(call.name)
    dims, spans = list(info.dims), list(info.spans)
    if len(dims) != len(shape):
        raise _Untracked
    for index in range(len(dims) - count, len(dims)):
        arriving, leaving = source.shape[index], shape[index]
        if leaving == arriving:
            continue
        if leaving == 1:
            _mix(dims, spans, index)
            dims[index] = _collapsed(dims[index], 1)
        elif arriving % leaving == 0:
            step = arriving // leaving
            _grow(dims, spans, index, leaving, (step, step, 0, 1))
        else:
            _grow(dims, spans, index, leaving, None)  # windows of unequal sizes: no single receptive field
    return TensorInfo(tuple(dims), tuple(spans))


def _linear(call: _Call) -> TensorInfo:
    source = call.args[0] if call.args else call.kwargs["input"]
    info = call.info(source)
    dims, spans = list(info.dims), list(info.spans)
    if not dims:
        raise _Untracked
    _mix(dims, spans, len(dims) - 1)
    dims[-1] = Dim.plain(call.outputs[0].shape[-1])
    return TensorInfo(tuple(dims), tuple(spans))


def _pad(call: _Call) -> TensorInfo:
    bound = call.bind(("input", "pad"))
    info, pads, shape = call.info(bound["input"]), list(bound["pad"]), call.outputs[0].shape
    dims, spans = list(info.dims), list(info.spans)
    for pair in range(len(pads) // 2):
        index = len(dims) - 1 - pair
        axis = dims[index].single_axis()
        if axis is not None:
            span = spans[axis]
            spans[axis] = span.shifted(-pads[2 * pair]) if span is not None else None
        dims[index] = Dim.plain(shape[index], axis)
    return TensorInfo(tuple(dims), tuple(spans))


_PRIMES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)


def _permuted(call: _Call) -> TensorInfo:
    """permute/transpose/movedim/...: the permutation read off the same call on a meta tensor of distinct sizes."""
    info = call.info(call.args[0])
    probe = torch.empty(_PRIMES[: len(info.dims)], device="meta")
    order = [_PRIMES.index(size) for size in call.func(probe, *call.args[1:], **call.kwargs).shape]
    return TensorInfo(tuple(info.dims[index] for index in order), info.spans)


def _reshape(call: _Call) -> TensorInfo:
    info = call.info(call.args[0])
    return TensorInfo(_reshaped(info.dims, call.outputs[0].shape), info.spans)


def _expand(call: _Call) -> TensorInfo:
    source = call.args[0]
    info, shape = call.info(source), tuple(call.outputs[0].shape)
    return _combined([(info, tuple(source.shape))], shape)


def _sliced(info: TensorInfo, shape: Sequence[int], items: Sequence[slice | int | None]) -> TensorInfo:
    """Basic indexing: one item per dim of the source (a slice, an int that drops the dim) plus None (a new dim)."""
    dims: list[Dim] = []
    spans, source = list(info.spans), 0
    for item in items:
        if item is None:
            dims.append(Dim.plain(1))
            continue
        dim = info.dims[source]
        size = dim.size
        source += 1
        if isinstance(item, int):
            start, step, length = item % size, 1, 1
        else:
            start, stop, step = item.indices(size)
            length = len(range(start, stop, step))
        if (start, step, length) == (0, 1, size):
            if not isinstance(item, int):
                dims.append(dim)
            continue
        axis = dim.single_axis()
        if axis is not None:
            span = spans[axis]
            spans[axis] = span.shifted(start, step) if span is not None else None
        if not isinstance(item, int):
            dims.append(Dim.plain(length, axis))
    dims += info.dims[source:]
    if len(dims) != len(shape):
        raise _Untracked
    return TensorInfo(tuple(dims), tuple(spans))


def _basic(item: Any) -> bool:
    """Basic indexing: an int, a slice, None or ``...`` (not a bool, a tensor or a list)."""
    return item is None or item is Ellipsis or (isinstance(item, int | slice) and not isinstance(item, bool))


def _getitem(call: _Call) -> TensorInfo:
    info, index = call.info(call.args[0]), call.args[1]
    items = list(index) if isinstance(index, tuple) else [index]
    if any(
        not (item is None or item is Ellipsis or isinstance(item, int | slice)) or isinstance(item, bool)
        for item in items
    ):
        raise _Untracked
    real = sum(1 for item in items if item is not None and item is not Ellipsis)
    if Ellipsis in items:
        at = items.index(Ellipsis)
        items[at : at + 1] = [slice(None)] * (len(info.dims) - real)
    return _sliced(info, call.outputs[0].shape, items)


def _along(info: TensorInfo, dim: int, item: slice | int) -> list[slice | int | None]:
    items: list[slice | int | None] = [slice(None)] * len(info.dims)
    items[_index(dim, len(info.dims))] = item
    return items


def _narrow(call: _Call) -> TensorInfo:
    info = call.info(call.args[0])
    dim, start, length = (int(call.argument(i, name, 0)) for i, name in ((1, "dim"), (2, "start"), (3, "length")))
    start = start % info.dims[_index(dim, len(info.dims))].size
    return _sliced(info, call.outputs[0].shape, _along(info, dim, slice(start, start + length)))


def _select(call: _Call) -> TensorInfo:
    info = call.info(call.args[0])
    dim, index = int(call.argument(1, "dim", 0)), int(call.argument(2, "index", 0))
    return _sliced(info, call.outputs[0].shape, _along(info, dim, index))


def _split(call: _Call) -> list[TensorInfo | None]:
    info = call.info(call.args[0])
    dim = _index(int(call.argument(2, "dim", 0)), len(info.dims))
    results: list[TensorInfo | None] = []
    start = 0
    for out in call.outputs:
        length = out.shape[dim]
        results.append(_sliced(info, out.shape, _along(info, dim, slice(start, start + length))))
        start += length
    return results


def _unbind(call: _Call) -> list[TensorInfo | None]:
    info = call.info(call.args[0])
    dim = int(call.argument(1, "dim", 0))
    return [_sliced(info, out.shape, _along(info, dim, index)) for index, out in enumerate(call.outputs)]


def _cat(call: _Call) -> TensorInfo:
    tensors = list(call.argument(0, "tensors", []))
    shape = tuple(call.outputs[0].shape)
    dim = _index(int(call.argument(1, "dim", 0)), len(shape))
    parts: list[tuple[TensorInfo, Sequence[int]]] = []
    pieces: list[Piece] = []
    for tensor in tensors:
        if tensor.dim() == 1 and tensor.shape[0] == 0:
            continue  # cat skips empty 1-D tensors
        info = call.infos.get(id(tensor))
        own = info.dims[dim] if info is not None else Dim.plain(tensor.shape[dim])
        pieces += own.pieces
        if info is not None:
            flat = list(info.dims)
            flat[dim] = Dim.plain(shape[dim])
            parts.append((TensorInfo(tuple(flat), info.spans), shape))
    combined = _combined(parts, shape)
    dims = list(combined.dims)
    dims[dim] = Dim(tuple(pieces))
    return TensorInfo(tuple(dims), combined.spans)


def _stack(call: _Call) -> TensorInfo:
    tensors = list(call.argument(0, "tensors", []))
    shape = tuple(call.outputs[0].shape)
    dim = _index(int(call.argument(1, "dim", 0)), len(shape))
    parts = [(call.infos[id(t)], tuple(t.shape)) for t in tensors if id(t) in call.infos]
    combined = _combined(parts, shape[:dim] + shape[dim + 1 :])
    dims = list(combined.dims)
    dims.insert(dim, Dim.plain(shape[dim]))
    return TensorInfo(tuple(dims), combined.spans)


def _dims_argument(value: Any, ndim: int) -> list[int]:
    """The dims a ``dim``/``dims`` argument names, sorted (all of them for None or an empty list)."""
    if value is None:
        return list(range(ndim))
    values = [value] if isinstance(value, int) else list(value)
    if not all(isinstance(v, int) for v in values):
        raise _Untracked
    return sorted({_index(v, ndim) for v in values}) if values else list(range(ndim))


def _reducer(position: int) -> Handler:
    """A reduction whose ``dim`` argument is at ``position`` (sum, mean, amax, max over a dim, ...)."""

    def handler(call: _Call) -> TensorInfo:
        info = call.info(call.args[0])
        value = call.argument(position, "dim", None)
        if isinstance(value, torch.Tensor):
            return _elementwise(call)  # torch.max(a, b): elementwise
        mixed = _dims_argument(value, len(info.dims))
        dims, spans = list(info.dims), list(info.spans)
        for index in mixed:
            _mix(dims, spans, index)
        shape = call.outputs[0].shape
        if len(shape) == len(dims):
            for index in mixed:
                dims[index] = _collapsed(dims[index], 1)
        else:
            dims = [dim for index, dim in enumerate(dims) if index not in mixed]
        if [dim.size for dim in dims] != list(shape):
            raise _Untracked
        return TensorInfo(tuple(dims), tuple(spans))

    return handler


def _mixer(position: int, name: str = "dim") -> Handler:
    """An op that keeps the shape but combines all positions along its dims (softmax, cumsum, sort, flip, roll)."""

    def handler(call: _Call) -> TensorInfo:
        info = call.info(call.args[0])
        value = call.argument(position, name, None)
        if value is None and call.name != "roll":
            raise _Untracked
        dims, spans = list(info.dims), list(info.spans)
        for index in _dims_argument(value, len(dims)):
            _mix(dims, spans, index)
            dims[index] = _collapsed(dims[index], dims[index].size)
        return TensorInfo(tuple(dims), tuple(spans))

    return handler


def _handlers() -> dict[str, Handler]:
    table: dict[str, Handler] = {}
    for n in (1, 2, 3):
        table[f"conv{n}d"] = _conv
        table[f"conv_transpose{n}d"] = _resampled
        for kind in ("max", "avg", "lp"):
            table[f"{kind}_pool{n}d"] = _pool
        table[f"max_pool{n}d_with_indices"] = _pool
        table[f"adaptive_avg_pool{n}d"] = _adaptive_pool
        table[f"adaptive_max_pool{n}d"] = _adaptive_pool
        table[f"adaptive_max_pool{n}d_with_indices"] = _adaptive_pool
    table |= {
        "interpolate": _resampled,
        "upsample": _resampled,
        "linear": _linear,
        "pad": _pad,
        "__getitem__": _getitem,
        "narrow": _narrow,
        "select": _select,
    }
    table |= dict.fromkeys(("permute", "transpose", "swapaxes", "swapdims", "movedim", "moveaxis", "t"), _permuted)
    reshapes = ("view", "reshape", "flatten", "unflatten", "view_as", "reshape_as", "squeeze", "unsqueeze", "ravel")
    table |= dict.fromkeys(reshapes, _reshape)
    table |= dict.fromkeys(("expand", "expand_as", "broadcast_to"), _expand)
    table |= dict.fromkeys(("split", "chunk", "tensor_split", "split_with_sizes", "unsafe_split"), _split)
    table |= {"unbind": _unbind, "cat": _cat, "concat": _cat, "concatenate": _cat, "stack": _stack}
    reductions = ("sum", "mean", "nansum", "nanmean", "amax", "amin", "max", "min", "prod", "logsumexp", "median")
    table |= dict.fromkeys((*reductions, "nanmedian", "argmax", "argmin", "all", "any", "std", "var"), _reducer(1))
    table |= dict.fromkeys(("count_nonzero", "std_mean", "var_mean"), _reducer(1))
    table["norm"] = _reducer(2)
    mixers = ("softmax", "log_softmax", "softmin", "cumsum", "cumprod", "cummax", "cummin", "logcumsumexp", "sort")
    table |= dict.fromkeys((*mixers, "argsort"), _mixer(1))
    table["flip"] = _mixer(1, "dims")
    table["roll"] = _mixer(2, "dims")
    return table


_HANDLERS = _handlers()
