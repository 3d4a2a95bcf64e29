"""Hypothesis strategies for specs: valid ones per mapping mode, and arbitrary (often invalid) raw values."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

small = st.integers(min_value=1, max_value=4)


@st.composite
def raw_valid_values(draw: st.DrawFn, mode: str) -> dict[str, Any]:
    """Raw spec values that are valid for ``mode`` (float64, small sizes)."""
    dims = draw(st.sampled_from([1, 2]))
    groups = draw(st.integers(1, 3))
    values: dict[str, Any] = {
        "dims": dims,
        "cin": groups * draw(small),
        "cout": groups * draw(small),
        "groups": groups,
        "bias": draw(st.booleans()),
        "batch": draw(st.integers(1, 3)),
        "dtype": "float64",
        "seed": draw(st.integers(0, 2**31)),
        "mode": mode,
    }
    sizes = st.lists(st.integers(1, 7), min_size=dims, max_size=dims)
    input_size = draw(sizes)
    values["input_size"] = input_size
    if mode == "pointwise":
        values.update(kernel=1, padding=0, stride=draw(st.lists(st.integers(1, 3), min_size=dims, max_size=dims)))
        values["dilation"] = draw(st.lists(st.integers(1, 3), min_size=dims, max_size=dims))
    elif mode == "full":
        values.update(kernel=input_size, padding=0, dilation=1)
        values["stride"] = draw(st.lists(st.integers(1, 3), min_size=dims, max_size=dims))
    else:
        dilation = [draw(st.integers(1, 2)) for _ in range(dims)]
        if draw(st.booleans()):
            values.update(padding="same", stride=1)
            pads = [None] * dims
        else:
            pads = [draw(st.integers(0, 2)) for _ in range(dims)]
            values.update(padding=pads, stride=draw(st.lists(st.integers(1, 3), min_size=dims, max_size=dims)))
        kernel = []
        for n, d, p in zip(input_size, dilation, pads, strict=True):
            # 'same' always fits; otherwise the dilated kernel must fit the padded input.
            k_max = 4 if p is None else (n + 2 * p - 1) // d + 1
            kernel.append(draw(st.integers(1, max(1, min(k_max, 4)))))
        values.update(kernel=kernel, dilation=dilation)
    return values


any_size = st.one_of(
    st.integers(-3, 9),
    st.text(alphabet="0123456789x-", min_size=0, max_size=5),
    st.lists(st.integers(-2, 9), min_size=0, max_size=3),
    st.sampled_from(["same", "valid", 2.5, None, True]),
)


@st.composite
def raw_any_values(draw: st.DrawFn) -> dict[str, Any]:
    """Raw values of every form a user could type, mostly invalid."""
    names = ["dims", "cin", "cout", "kernel", "stride", "padding", "dilation", "groups", "input_size", "batch"]
    chosen = draw(st.lists(st.sampled_from(names), unique=True, min_size=1, max_size=6))
    values = {name: draw(any_size) for name in chosen}
    if draw(st.booleans()):
        values["mode"] = draw(st.sampled_from(["auto", "pointwise", "full", "unrolled", "unfold", "diagonal"]))
    if draw(st.booleans()):
        values["dtype"] = draw(st.sampled_from(["float32", "float64", "int8"]))
    return values
