"""The layer spec: one experiment's parameters, parsed from whatever form a user typed them in."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

from core import registry
from core.errors import SpecError
from core.i18n import tr
from core.limits import MAX_INT, int64_limit, shown, whole_from_text

# Names only, for argparse choices and messages; the registries hold everything else about them.
DTYPES = registry.DTYPES.names
MODES = registry.MAPPING_MODES.names
SOURCES = registry.SOURCES.names
INPUT_FILLS = registry.INPUT_FILLS.names
PADDING_WORDS = ("same", "valid")
MAX_SEED = MAX_INT
MAX_INPUT_VALUES = 65_536

Sizes = tuple[int, ...]


@dataclass(frozen=True)
class LayerSpec:
    """A Conv1d/Conv2d and its Linear counterpart, fully described.

    Attributes
    ----------
    dims : int
        1 for Conv1d (input ``N, C, L``), 2 for Conv2d (input ``N, C, H, W``).
    cin, cout, groups : int
        Channels in and out, and the conv's channel groups.
    kernel, stride, dilation, input_size : tuple of int
        One entry per spatial dimension (``(L,)`` or ``(H, W)``).
    padding : tuple of int or str
        Symmetric zero padding per dimension, or ``"same"`` / ``"valid"`` as PyTorch accepts them.
    bias : bool
        Whether both layers carry a bias.
    batch : int
        Leading batch size N of the input.
    dtype : str
        One of :data:`DTYPES`.
    seed : int
        Seeds ``torch.manual_seed`` before the source layer is built, and the input generator.
    mode : str
        Which mapping: ``pointwise``, ``full``, ``unrolled``, ``unfold`` or ``auto`` (the most specific one
        whose preconditions hold).
    source : str
        Which layer is initialised by PyTorch and mapped onto the other: ``conv`` or ``linear``.
    input_fill : str
        Where the input comes from: ``randn`` (seeded normal), ``arange`` (1, 2, 3, ... in the conv's layout) or
        ``values`` (``input_values``).
    input_values : tuple of float
        The input's numbers in the conv's ``(N, C, *spatial)`` order, used when ``input_fill`` is ``values``
        (kept otherwise, so switching back restores them).
    """

    dims: int = 2
    cin: int = 3
    cout: int = 4
    kernel: Sizes = (3, 3)
    stride: Sizes = (1, 1)
    padding: Sizes | str = (0, 0)
    dilation: Sizes = (1, 1)
    groups: int = 1
    bias: bool = True
    input_size: Sizes = (8, 8)
    batch: int = 1
    dtype: str = "float32"
    seed: int = 0
    mode: str = "auto"
    source: str = "conv"
    input_fill: str = "randn"
    input_values: tuple[float, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict that :func:`parse_spec` turns back into an equal spec."""
        data = dataclasses.asdict(self)
        for key, value in data.items():
            if isinstance(value, tuple):
                data[key] = list(value)
        return data

    def describe(self) -> str:
        """One line naming the conv and its input, e.g. ``Conv2d(3, 10, kernel=5, padding=1) on 1x3x32x32``."""
        args = [str(self.cin), str(self.cout), f"kernel={format_sizes(self.kernel)}"]
        defaults = {"stride": (1,) * self.dims, "padding": (0,) * self.dims, "dilation": (1,) * self.dims}
        for name, default in defaults.items():
            value = getattr(self, name)
            if value != default:
                args.append(f"{name}={format_sizes(value)}")
        if self.groups != 1:
            args.append(f"groups={self.groups}")
        if not self.bias:
            args.append("bias=False")
        shape = "x".join(str(n) for n in (self.batch, self.cin, *self.input_size))
        layer = f"Conv{self.dims}d({', '.join(args)})"
        return tr("Layer spec", "{layer} on {shape}, {dtype}").format(layer=layer, shape=shape, dtype=self.dtype)

    def replace(self, **changes: Any) -> LayerSpec:
        """A new spec with ``changes`` parsed like user input (so ``kernel=3`` works)."""
        return parse_spec({**self.to_dict(), **changes})


FIELD_NAMES = tuple(f.name for f in dataclasses.fields(LayerSpec))


def _whole(name: str, value: Any, minimum: int, maximum: int = MAX_INT) -> int:
    """A whole number in ``[minimum, maximum]`` from an int, an integral float or ASCII digits (``"+3"``, ``" 7"``)."""
    hint = tr("Spec fields", "use an integer >= {minimum}").format(minimum=minimum)
    not_whole = tr("Spec fields", "must be a whole number, got {value}")
    if isinstance(value, str):
        value = whole_from_text(name, value, hint)
    elif isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            if math.isfinite(value):
                hint = tr("Spec fields", "use e.g. {example}").format(example=int(value))
            raise SpecError(name, not_whole.format(value=repr(value)), hint)
        value = int(value)
    elif isinstance(value, bool) or not isinstance(value, int):
        raise SpecError(name, not_whole.format(value=shown(value)), hint)
    if value < minimum:
        raise SpecError(
            name,
            tr("Spec fields", "must be >= {minimum}, got {value}").format(minimum=minimum, value=shown(value)),
            tr("Spec fields", "use {minimum} or more").format(minimum=minimum),
        )
    if value > maximum:
        rule = tr("Spec fields", "must be <= {maximum:,}, got {value}").format(maximum=maximum, value=shown(value))
        raise SpecError(name, rule, _limit(maximum))
    return value


def _limit(maximum: int) -> str:
    if maximum == MAX_INT:
        return int64_limit()
    return tr("Spec fields", "use {maximum:,} or less").format(maximum=maximum)


def _sizes(name: str, value: Any, dims: int, minimum: int) -> Sizes:
    """Parse ``3``, ``"3"``, ``"3x5"``, ``[3, 5]`` into one int per spatial dimension."""
    if isinstance(value, str):
        parts: list[Any] = [p for p in value.lower().replace("×", "x").split("x")]
    elif isinstance(value, list | tuple):
        parts = list(value)
    else:
        parts = [value]
    if len(parts) == 1:
        parts = parts * dims
    if len(parts) != dims:
        if dims == 1:
            rule = tr("Spec fields", "{dims}-D layers take {dims} value, got {count} ({value})")
            hint = tr("Spec fields", "use e.g. 3")
        else:
            rule = tr("Spec fields", "{dims}-D layers take {dims} values, got {count} ({value})")
            hint = tr("Spec fields", "use e.g. 3 or 3x5")
        raise SpecError(name, rule.format(dims=dims, count=len(parts), value=shown(value)), hint)
    return tuple(_whole(name, p, minimum) for p in parts)


def _numbers(name: str, value: Any) -> tuple[float, ...]:
    """``"1, 2, 3"``, ``[1, 2, 3]`` -> ``(1.0, 2.0, 3.0)``; every number must be finite."""
    if isinstance(value, str):
        parts: list[Any] = [p for p in value.replace(",", " ").split() if p]
    elif isinstance(value, list | tuple):
        parts = list(value)
    else:
        raise SpecError(
            name,
            tr("Spec fields", "must be a list of numbers, got {type}").format(type=type(value).__name__),
            tr("Spec fields", "use e.g. 1, 2, 3, 4"),
        )
    if len(parts) > MAX_INPUT_VALUES:
        raise SpecError(
            name,
            tr("Spec fields", "at most {maximum:,} numbers, got {count:,}").format(
                maximum=MAX_INPUT_VALUES, count=len(parts)
            ),
            tr("Spec fields", "use input randn or arange"),
        )
    numbers = []
    for index, part in enumerate(parts):
        try:
            number = float(part) if not isinstance(part, bool) else math.nan
        except (TypeError, ValueError, OverflowError):
            number = math.nan
        if not math.isfinite(number):
            shown = repr(part) if len(repr(part)) <= 20 else repr(part)[:17] + "..."
            raise SpecError(
                name,
                tr("Spec fields", "entry {index} must be a finite number, got {value}").format(
                    index=index, value=shown
                ),
                tr("Spec fields", "use e.g. 1, 2, 3, 4"),
            )
        numbers.append(number)
    return tuple(numbers)


def _flag(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no", "1", "0"):
        return value.strip().lower() in ("true", "yes", "1")
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise SpecError(
        name,
        tr("Spec fields", "must be true or false, got {value}").format(value=shown(value)),
        tr("Spec fields", "use true or false"),
    )


def parse_spec(values: dict[str, Any] | None = None, **overrides: Any) -> LayerSpec:
    """Build a :class:`LayerSpec` from user values, checking each field's form (not the cross-field rules).

    Missing fields take the defaults of :class:`LayerSpec` (sized for the chosen ``dims``). Raises
    :class:`~core.errors.SpecError` naming the field for any value of the wrong form or an unknown field.
    Cross-field rules (groups, output size, mode, memory) are checked by :func:`core.validation.validate`.
    """
    raw = {**(values or {}), **overrides}
    unknown = sorted(set(raw) - set(FIELD_NAMES))
    if unknown:
        raise SpecError(
            unknown[0],
            tr("Spec fields", "is not a spec field"),
            tr("Spec fields", "known fields: {fields}").format(fields=", ".join(FIELD_NAMES)),
        )
    defaults = LayerSpec()
    dims = _whole("dims", raw.get("dims", defaults.dims), 1, 2)

    def get(name: str) -> Any:
        if name in raw:
            return raw[name]
        value = getattr(defaults, name)
        return value[:1] if isinstance(value, tuple) and dims == 1 else value

    padding_raw = get("padding")
    if isinstance(padding_raw, str) and padding_raw.strip().lower() in PADDING_WORDS:
        padding: Sizes | str = padding_raw.strip().lower()
    else:
        padding = _sizes("padding", padding_raw, dims, 0)
    return LayerSpec(
        dims=dims,
        cin=_whole("cin", get("cin"), 1),
        cout=_whole("cout", get("cout"), 1),
        kernel=_sizes("kernel", get("kernel"), dims, 1),
        stride=_sizes("stride", get("stride"), dims, 1),
        padding=padding,
        dilation=_sizes("dilation", get("dilation"), dims, 1),
        groups=_whole("groups", get("groups"), 1),
        bias=_flag("bias", get("bias")),
        input_size=_sizes("input_size", get("input_size"), dims, 1),
        batch=_whole("batch", get("batch"), 1),
        dtype=registry.DTYPES.parse(get("dtype")),
        seed=_whole("seed", get("seed"), 0, MAX_SEED),
        mode=registry.MAPPING_MODES.parse(get("mode")),
        source=registry.SOURCES.parse(get("source")),
        input_fill=registry.INPUT_FILLS.parse(get("input_fill")),
        input_values=_numbers("input_values", get("input_values")),
    )


SIZE_FIELDS = ("kernel", "stride", "padding", "dilation", "input_size")
PREFILLED_INPUT_VALUES = 1024


def values_with_given_input(values: dict[str, Any]) -> dict[str, Any]:
    """Raw values switched to ``input_fill="values"``: numbers already given stay; with none, the input starts as
    1, 2, 3, ... (when it has at most :data:`PREFILLED_INPUT_VALUES` numbers) for the user to edit."""
    out = {**values, "input_fill": "values"}
    if out.get("input_values"):
        return out
    try:
        spec = parse_spec({**out, "input_fill": "randn", "input_values": []})
    except SpecError:
        return out
    count = spec.batch * spec.cin * math.prod(spec.input_size)
    if count <= PREFILLED_INPUT_VALUES:
        out["input_values"] = [float(i) for i in range(1, count + 1)]
    return out


def values_for_dims(values: dict[str, Any]) -> dict[str, Any]:
    """Raw values after a switch of ``dims``: each per-dimension field keeps its last (width) entry for 1-D, and
    a single entry is used for both dimensions in 2-D. Values of another form are left for :func:`parse_spec`."""
    try:
        dims = int(values.get("dims", 2))
    except (TypeError, ValueError):
        return dict(values)
    out = dict(values)
    for name in SIZE_FIELDS:
        value = out.get(name)
        if isinstance(value, str) and value.strip().lower() not in PADDING_WORDS:
            value = [p for p in value.lower().replace("×", "x").split("x")]
        if isinstance(value, list | tuple) and len(value) != dims and len(value) in (1, 2):
            out[name] = [value[-1]] if dims == 1 else [value[0], value[0]]
    return out


def format_sizes(sizes: Sizes | str) -> str:
    """``(3, 5)`` -> ``"3x5"``; a padding word stays as it is."""
    return sizes if isinstance(sizes, str) else "x".join(str(s) for s in sizes)
