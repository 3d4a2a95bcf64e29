"""Formulas as a student reads them: symbols, the same with numbers substituted, and the value."""

from __future__ import annotations

from dataclasses import dataclass

from core.geometry import padding_split, spec_output_size
from core.spec import LayerSpec


@dataclass(frozen=True)
class Formula:
    """One line of arithmetic: ``name = symbolic = substituted = value``."""

    name: str
    symbolic: str
    substituted: str
    value: int | float | str

    def __str__(self) -> str:
        return f"{self.name} = {self.symbolic} = {self.substituted} = {self.value}"


def axis_names(dims: int) -> tuple[str, ...]:
    """``("L",)`` for 1-D, ``("H", "W")`` for 2-D."""
    return ("L",) if dims == 1 else ("H", "W")


def output_size_formulas(spec: LayerSpec) -> list[Formula]:
    """One formula per spatial dimension, in PyTorch's documented form."""
    lo, hi = padding_split(spec)
    out = spec_output_size(spec)
    formulas = []
    for i, axis in enumerate(axis_names(spec.dims)):
        k, s, d, n = spec.kernel[i], spec.stride[i], spec.dilation[i], spec.input_size[i]
        if lo[i] == hi[i]:
            symbolic = f"floor(({axis}_in + 2*p - d*(k-1) - 1)/s + 1)"
            pad = f"2*{lo[i]}"
        else:  # padding='same' with an even dilated extent pads one more zero after
            symbolic = f"floor(({axis}_in + p_lo + p_hi - d*(k-1) - 1)/s + 1)"
            pad = f"{lo[i]} + {hi[i]}"
        substituted = f"floor(({n} + {pad} - {d}*({k}-1) - 1)/{s} + 1)"
        formulas.append(Formula(f"{axis}_out", symbolic, substituted, out[i]))
    return formulas
