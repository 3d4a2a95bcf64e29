"""Cross-field rules: everything PyTorch enforces and everything a mapping needs, checked before any torch work."""

from __future__ import annotations

from dataclasses import dataclass
from math import gcd, isqrt, prod

from core.errors import SpecError
from core.formulas import axis_names, output_size_formulas
from core.geometry import Geometry, geometry, padding_split
from core.i18n import tr
from core.memory import DEFAULT_BUDGET_BYTES, MemoryEstimate, estimate_memory, format_bytes
from core.modes import MAPPING_MODES, precondition_error
from core.registry import INPUT_FILLS
from core.spec import LayerSpec


@dataclass(frozen=True)
class ValidSpec:
    """A spec that passed every rule, with the mapping mode resolved and its geometry and memory worked out."""

    spec: LayerSpec
    mode: str
    geometry: Geometry
    memory: MemoryEstimate
    budget_bytes: int


SHOWN_DIVISORS = 12
DIVISOR_SEARCH_LIMIT = 100_000  # trial divisions: bounded, so a 19-digit gcd answers in milliseconds


def divisors_to_show(n: int, count: int = SHOWN_DIVISORS) -> tuple[list[int], bool]:
    """The smallest ``count`` divisors of ``n`` (always ending with ``n`` itself), and whether any were left out.

    Trial division up to ``min(sqrt(n), DIVISOR_SEARCH_LIMIT)``: O(sqrt(n)) at worst and bounded, unlike a scan
    over 1..n (35 s for n = 10^12).
    """
    small: list[int] = []
    large: list[int] = []
    top = min(isqrt(n), DIVISOR_SEARCH_LIMIT)
    for d in range(1, top + 1):
        if n % d == 0:
            small.append(d)
            if d != n // d:
                large.append(n // d)
    complete = top == isqrt(n)
    found = small + large[::-1]
    if len(found) <= count and complete:
        return found, False
    return [*[d for d in found if d != n][: count - 1], n], True


def _check_groups(spec: LayerSpec) -> None:
    for name in ("cin", "cout"):
        value = getattr(spec, name)
        if value % spec.groups:
            valid, more = divisors_to_show(gcd(spec.cin, spec.cout))
            shown = ", ".join(str(g) for g in valid[:-1]) + (", ..., " if more else ", " if valid[:-1] else "")
            shown += str(valid[-1])
            raise SpecError(
                "groups",
                tr("Validation", "{name}={value} is not divisible by groups={groups}").format(
                    name=name, value=value, groups=spec.groups
                ),
                tr("Validation", "groups must divide both cin={cin} and cout={cout}: use one of {choices}").format(
                    cin=spec.cin, cout=spec.cout, choices=shown
                ),
            )


def _check_output_not_empty(spec: LayerSpec) -> None:
    lo, hi = padding_split(spec)
    for i, formula in enumerate(output_size_formulas(spec)):
        if isinstance(formula.value, int) and formula.value >= 1:
            continue
        axis = axis_names(spec.dims)[i]
        d = spec.dilation[i]
        # Largest kernel whose dilated extent still fits the padded input.
        k_max = (spec.input_size[i] + lo[i] + hi[i] - 1) // d + 1
        raise SpecError(
            "kernel",
            tr("Validation", "output {axis} would be empty: {formula}").format(axis=axis, formula=formula),
            tr(
                "Validation",
                "the dilated kernel must fit the (padded) input: use kernel {axis} <= {largest}, more padding, "
                "or a larger input",
            ).format(axis=axis, largest=k_max),
        )


def resolve_mode(spec: LayerSpec, geom: Geometry, budget_bytes: int) -> str:
    """``auto`` -> the most specific mapping whose preconditions hold; unrolled only if it fits the budget."""
    if spec.mode != "auto":
        return spec.mode
    for mode in MAPPING_MODES:
        if precondition_error(spec, mode, geom) is not None:
            continue
        if mode == "unrolled" and estimate_memory(spec, mode, geom).total > budget_bytes:
            continue
        return mode
    return "unfold"


def _check_input_values(spec: LayerSpec) -> None:
    if spec.input_fill != "values":
        return
    needed = spec.batch * spec.cin * prod(spec.input_size)
    if len(spec.input_values) != needed:
        shape = "x".join(str(n) for n in (spec.batch, spec.cin, *spec.input_size))
        raise SpecError(
            "input_values",
            tr("Validation", "the input {shape} needs {needed:,} numbers, {given:,} given").format(
                shape=shape, needed=needed, given=len(spec.input_values)
            ),
            tr("Validation", "give {needed:,} numbers, or choose the input {randn!r} or {arange!r}").format(
                needed=needed, randn=INPUT_FILLS["randn"].shown_label(), arange=INPUT_FILLS["arange"].shown_label()
            ),
        )


def validate(spec: LayerSpec, budget_bytes: int = DEFAULT_BUDGET_BYTES) -> ValidSpec:
    """Check every cross-field rule of ``spec``; raise :class:`SpecError` for the first one broken."""
    _check_groups(spec)
    if spec.padding == "same" and any(s != 1 for s in spec.stride):
        raise SpecError(
            "padding",
            tr("Validation", "padding='same' needs stride 1 (PyTorch rule), got stride {stride}").format(
                stride=spec.stride
            ),
            tr("Validation", "set stride=1 or give padding as a number"),
        )
    _check_output_not_empty(spec)
    _check_input_values(spec)
    geom = geometry(spec)
    mode = resolve_mode(spec, geom, budget_bytes)
    problem = precondition_error(spec, mode, geom)
    if problem is not None:
        raise problem
    memory = estimate_memory(spec, mode, geom)
    if memory.total > budget_bytes:
        rule = tr(
            "Validation",
            "mode {mode} would need about {peak} at its peak ({breakdown}, Linear weight {weight}), over the budget "
            "of {budget}",
        )
        if mode == "unrolled":
            hint = tr(
                "Validation", "use a smaller input, batch or channel count, or mode unfold (no dense Toeplitz matrix)"
            )
        else:
            hint = tr("Validation", "use a smaller input, batch or channel count")
        raise SpecError(
            "memory",
            rule.format(
                mode=mode,
                peak=format_bytes(memory.total),
                breakdown=memory.breakdown(),
                weight=format_bytes(memory.linear_weight),
                budget=format_bytes(budget_bytes),
            ),
            hint,
        )
    return ValidSpec(spec=spec, mode=mode, geometry=geom, memory=memory, budget_bytes=budget_bytes)
