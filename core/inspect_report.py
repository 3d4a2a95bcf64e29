"""Everything about a spec that arithmetic alone tells: shapes, parameters, MACs/FLOPs, receptive field, memory.

Pure Python (no torch), so it answers instantly for any size.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from math import prod

from core.formulas import Formula, axis_names, output_size_formulas
from core.i18n import SOURCE_LANGUAGE, current_language, tr, tr_noop
from core.memory import OVERHEAD_BYTES, MemoryEstimate, StagePeak, format_bytes
from core.modes import linear_shape
from core.registry import DTYPES
from core.tap_count import taps_inside
from core.validation import ValidSpec

CONTEXT = "Inspect report"
Say = Callable[[str], str]
"""Turns a text marked with ``tr_noop(CONTEXT, ...)`` into the words of one report: English or translated."""


def _english(text: str) -> str:
    return text


def _translated(text: str) -> str:
    return tr(CONTEXT, text)


@dataclass(frozen=True)
class InspectReport:
    """Numbers and the formulas behind them, grouped in sections for display.

    ``sections`` (titles, formula names, word formulas) is in the interface language, for the window and the CLI's
    tables; ``json_sections`` holds the same in English for :meth:`to_json`, whose keys never change with the
    language (None: ``sections`` is English already).
    """

    mode: str
    output_shape: tuple[int, ...]
    linear_features: tuple[int, int]
    params: dict[str, int]
    linear_nonzero: int
    macs: dict[str, int]
    flops: dict[str, int]
    receptive_field: tuple[int, ...]
    memory_bytes: dict[str, int]
    sections: dict[str, list[Formula]] = field(default_factory=dict)
    json_sections: dict[str, list[Formula]] | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "mode": self.mode,
            "output_shape": list(self.output_shape),
            "linear_features": {"in": self.linear_features[0], "out": self.linear_features[1]},
            "params": self.params,
            "linear_nonzero_weights": self.linear_nonzero,
            "macs": self.macs,
            "flops": self.flops,
            "receptive_field": list(self.receptive_field),
            "memory_bytes": self.memory_bytes,
            "formulas": {
                title: [
                    {"name": f.name, "formula": f.symbolic, "substituted": f.substituted, "value": f.value} for f in fs
                ]
                for title, fs in (self.sections if self.json_sections is None else self.json_sections).items()
            },
        }


def _linear_terms(mode: str, dims: int) -> tuple[str, str, str]:
    """Symbols of the Linear's in_features, out_features and leading rows for a mode."""
    spatial = "L" if dims == 1 else "H*W"
    out_spatial = "L_out" if dims == 1 else "H_out*W_out"
    kernel = "k" if dims == 1 else "kh*kw"
    return {
        "pointwise": ("cin", "cout", f"N*{out_spatial}"),
        "full": (f"cin*{spatial}", "cout", "N"),
        "unrolled": (f"cin*{spatial}", f"cout*{out_spatial}", "N"),
        "unfold": (f"cin*{kernel}", "cout", f"N*{out_spatial}"),
    }[mode]


PEAK_TERMS = {  # what each peak is made of (core.memory has the element-by-element terms)
    "check": tr_noop("Inspect report", "layers + input + outputs + largest phase"),
    "init": tr_noop("Inspect report", "largest draw: float32 layers, permutation, forward"),
    "window": tr_noop("Inspect report", "every stage's result + largest stage's work"),
}
PEAK_TERMS_ISOLATED = {  # the same, when a child process computes and copies its results back
    "check": tr_noop("Inspect report", "layers + input + outputs + largest phase + copies back from a child process"),
    "init": PEAK_TERMS["init"],
    "window": tr_noop(
        "Inspect report", "every stage's result + largest stage's work + copies back from a child process"
    ),
}
PEAK_NAMES = {
    "check": tr_noop("Inspect report", "peak: check"),
    "init": tr_noop("Inspect report", "peak: init"),
    "window": tr_noop("Inspect report", "peak: window"),
}


def _stages(estimate: MemoryEstimate) -> dict[str, StagePeak]:
    return {"check": estimate.check, "init": estimate.init, "window": estimate.window}


def _peak_formulas(valid: ValidSpec, say: Say) -> list[Formula]:
    """The estimated peak of each part of the app (:mod:`core.memory`) and the budget it is held to."""
    estimate = valid.memory
    terms = PEAK_TERMS_ISOLATED if estimate.isolated else PEAK_TERMS
    parts = say(tr_noop("Inspect report", "{kept} kept + {work} work + {slack} slack"))
    formulas = [
        Formula(
            say(PEAK_NAMES[name]),
            say(terms[name]),
            parts.format(
                kept=format_bytes(stage.kept), work=format_bytes(stage.work), slack=format_bytes(OVERHEAD_BYTES)
            ),
            format_bytes(stage.peak),
        )
        for name, stage in _stages(estimate).items()
    ]
    formulas.append(
        Formula(
            say(tr_noop("Inspect report", "memory budget")),
            say(tr_noop("Inspect report", "largest peak <= budget")),
            f"{format_bytes(estimate.total)} <= {format_bytes(valid.budget_bytes)}",
            say(tr_noop("Inspect report", "{percent:.0f}% used")).format(
                percent=100 * estimate.total / valid.budget_bytes
            ),
        )
    )
    return formulas


MEMORY_NAMES = {
    "conv_params": tr_noop("Inspect report", "conv params memory"),
    "linear_params": tr_noop("Inspect report", "linear params memory"),
    "input": tr_noop("Inspect report", "input memory"),
    "output": tr_noop("Inspect report", "output memory"),
}
RECEPTIVE_FIELD_NAMES = {
    "L": tr_noop("Inspect report", "receptive field L"),
    "H": tr_noop("Inspect report", "receptive field H"),
    "W": tr_noop("Inspect report", "receptive field W"),
}


@dataclass(frozen=True)
class _Counts:
    """The report's numbers, worked out once for both wordings."""

    out_spatial: tuple[int, ...]
    conv_params: int
    linear_params: int
    nonzero: int
    conv_macs: int
    linear_macs: int
    receptive: tuple[int, ...]
    elements: dict[str, int]


def _counts(valid: ValidSpec) -> _Counts:
    spec, geom, mode = valid.spec, valid.geometry, valid.mode
    out_spatial = tuple(int(f.value) for f in output_size_formulas(spec))
    shape = linear_shape(spec, mode, geom)
    cin_g = spec.cin // spec.groups
    kernel_numel = prod(spec.kernel)
    bias = int(spec.bias)
    conv_params = cin_g * kernel_numel * spec.cout + bias * spec.cout
    linear_params = shape.in_features * shape.out_features + bias * shape.out_features
    if mode == "unrolled":
        axes = zip(geom.input, geom.output, geom.kernel, geom.stride, geom.dilation, geom.pad_lo, strict=True)
        taps = [taps_inside(*axis) for axis in axes]
        nonzero = spec.cout * cin_g * prod(taps)
    else:
        nonzero = spec.cout * cin_g * (prod(geom.input) if mode == "full" else kernel_numel)
    return _Counts(
        out_spatial=out_spatial,
        conv_params=conv_params,
        linear_params=linear_params,
        nonzero=nonzero,
        conv_macs=spec.batch * spec.cout * prod(out_spatial) * cin_g * kernel_numel,
        linear_macs=shape.rows * shape.in_features * shape.out_features,
        receptive=tuple(d * (k - 1) + 1 for k, d in zip(spec.kernel, spec.dilation, strict=True)),
        elements={
            "conv_params": conv_params,
            "linear_params": linear_params,
            "input": spec.batch * spec.cin * prod(spec.input_size),
            "output": spec.batch * spec.cout * prod(out_spatial),
        },
    )


def inspect_spec(valid: ValidSpec) -> InspectReport:
    """Work out shapes, counts and memory of both layers of a validated spec, with their formulas: worded in the
    interface language for display, and in English for :meth:`InspectReport.to_json`."""
    spec, mode = valid.spec, valid.mode
    counts = _counts(valid)
    shape = linear_shape(spec, mode, valid.geometry)
    sections = _sections(valid, counts, _english)
    json_sections = None
    if current_language() != SOURCE_LANGUAGE:
        sections, json_sections = _sections(valid, counts, _translated), sections
    element = DTYPES[spec.dtype].bytes
    memory = {name: n * element for name, n in counts.elements.items()}
    memory |= {f"peak_{name}": stage.peak for name, stage in _stages(valid.memory).items()}
    memory["peak"] = valid.memory.total
    return InspectReport(
        mode=mode,
        output_shape=(spec.batch, spec.cout, *counts.out_spatial),
        linear_features=(shape.in_features, shape.out_features),
        params={"conv": counts.conv_params, "linear": counts.linear_params},
        linear_nonzero=counts.nonzero,
        macs={"conv": counts.conv_macs, "linear": counts.linear_macs},
        flops={"conv": 2 * counts.conv_macs, "linear": 2 * counts.linear_macs},
        receptive_field=counts.receptive,
        memory_bytes=memory,
        sections=sections,
        json_sections=json_sections,
    )


def _sections(valid: ValidSpec, counts: _Counts, say: Say) -> dict[str, list[Formula]]:
    """The report's formulas by section, worded by ``say`` (English, or the interface language)."""
    spec, geom, mode = valid.spec, valid.geometry, valid.mode
    shape = linear_shape(spec, mode, geom)
    k_sym = "k" if spec.dims == 1 else "kh*kw"
    k_num = "*".join(map(str, spec.kernel))
    out_sym = "*".join(f"{a}_out" for a in axis_names(spec.dims))
    out_num = "*".join(map(str, counts.out_spatial))
    in_sym, out_sym_lin, rows_sym = _linear_terms(mode, spec.dims)
    bias_sym, bias_num = (" + cout", f" + {spec.cout}") if spec.bias else ("", "")
    lin_bias_sym, lin_bias_num = (f" + {out_sym_lin}", f" + {shape.out_features}") if spec.bias else ("", "")
    entries = shape.in_features * shape.out_features
    if mode == "unrolled":
        nonzero_sym = say(tr_noop("Inspect report", "cout*cin/groups*(taps on real input)"))
    else:
        nonzero_sym = say(tr_noop("Inspect report", "cout*cin/groups*(kernel cells)"))
    params = [
        Formula(
            say(tr_noop("Inspect report", "conv params")),
            f"cin/groups*{k_sym}*cout{bias_sym}",
            f"{spec.cin}/{spec.groups}*{k_num}*{spec.cout}{bias_num}",
            counts.conv_params,
        ),
        Formula(
            say(tr_noop("Inspect report", "Linear params")),
            f"({in_sym})*({out_sym_lin}){lin_bias_sym}",
            f"{shape.in_features}*{shape.out_features}{lin_bias_num}",
            counts.linear_params,
        ),
        Formula(
            say(tr_noop("Inspect report", "Linear non-zero weights")),
            nonzero_sym,
            say(tr_noop("Inspect report", "{nonzero} of {entries} ({percent:.2f}% structural zeros)")).format(
                nonzero=counts.nonzero, entries=entries, percent=100 * (1 - counts.nonzero / entries)
            ),
            counts.nonzero,
        ),
    ]
    compute = [
        Formula(
            say(tr_noop("Inspect report", "conv MACs")),
            f"N*cout*{out_sym}*(cin/groups*{k_sym})",
            f"{spec.batch}*{spec.cout}*{out_num}*({spec.cin}/{spec.groups}*{k_num})",
            counts.conv_macs,
        ),
        Formula(
            say(tr_noop("Inspect report", "Linear MACs")),
            f"({rows_sym})*({in_sym})*({out_sym_lin})",
            f"{shape.rows}*{shape.in_features}*{shape.out_features}",
            counts.linear_macs,
        ),
        Formula(say(tr_noop("Inspect report", "conv FLOPs")), "2*MACs", f"2*{counts.conv_macs}", 2 * counts.conv_macs),
        Formula(
            say(tr_noop("Inspect report", "Linear FLOPs")), "2*MACs", f"2*{counts.linear_macs}", 2 * counts.linear_macs
        ),
    ]
    field_formulas = [
        Formula(say(RECEPTIVE_FIELD_NAMES[a]), "d*(k-1) + 1", f"{d}*({k}-1) + 1", r)
        for a, k, d, r in zip(axis_names(spec.dims), spec.kernel, spec.dilation, counts.receptive, strict=True)
    ]
    element = DTYPES[spec.dtype].bytes
    memory_formulas = [
        Formula(
            say(MEMORY_NAMES[name]),
            say(tr_noop("Inspect report", "elements*{element} B ({dtype})")).format(element=element, dtype=spec.dtype),
            f"{n}*{element}",
            format_bytes(n * element),
        )
        for name, n in counts.elements.items()
    ]
    memory_formulas += _peak_formulas(valid, say)
    return {
        say(tr_noop("Inspect report", "output shape")): output_size_formulas(spec),
        say(tr_noop("Inspect report", "parameters")): params,
        say(tr_noop("Inspect report", "compute")): compute,
        say(tr_noop("Inspect report", "receptive field")): field_formulas,
        say(tr_noop("Inspect report", "memory")): memory_formulas,
    }
