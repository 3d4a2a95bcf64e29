"""Everything about a spec that arithmetic alone tells: shapes, parameters, MACs/FLOPs, receptive field, memory.

Pure Python (no torch), so it answers instantly for any size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import prod

from core.formulas import Formula, axis_names, output_size_formulas
from core.memory import OVERHEAD_BYTES, MemoryEstimate, StagePeak, format_bytes
from core.modes import linear_shape
from core.registry import DTYPES
from core.tap_count import taps_inside
from core.validation import ValidSpec


@dataclass(frozen=True)
class InspectReport:
    """Numbers and the formulas behind them, grouped in sections for display."""

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
                for title, fs in self.sections.items()
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
    "check": "layers + input + outputs + largest phase",
    "init": "largest draw: float32 layers, permutation, forward",
    "window": "every stage's result + largest stage's work",
}


def _stages(estimate: MemoryEstimate) -> dict[str, StagePeak]:
    return {"check": estimate.check, "init": estimate.init, "window": estimate.window}


def _peak_formulas(valid: ValidSpec) -> list[Formula]:
    """The estimated peak of each part of the app (:mod:`core.memory`) and the budget it is held to."""
    estimate = valid.memory
    copied = " + copies back from a child process" if estimate.isolated else ""
    formulas = [
        Formula(
            f"peak: {name}",
            PEAK_TERMS[name] + ("" if name == "init" else copied),
            f"{format_bytes(stage.kept)} kept + {format_bytes(stage.work)} work + {format_bytes(OVERHEAD_BYTES)} slack",
            format_bytes(stage.peak),
        )
        for name, stage in _stages(estimate).items()
    ]
    formulas.append(
        Formula(
            "memory budget",
            "largest peak <= budget",
            f"{format_bytes(estimate.total)} <= {format_bytes(valid.budget_bytes)}",
            f"{100 * estimate.total / valid.budget_bytes:.0f}% used",
        )
    )
    return formulas


def inspect_spec(valid: ValidSpec) -> InspectReport:
    """Work out shapes, counts and memory of both layers of a validated spec, with their formulas."""
    spec, geom, mode = valid.spec, valid.geometry, valid.mode
    out_sizes = output_size_formulas(spec)
    out_spatial = tuple(int(f.value) for f in out_sizes)
    output_shape = (spec.batch, spec.cout, *out_spatial)
    shape = linear_shape(spec, mode, geom)
    cin_g = spec.cin // spec.groups
    kernel_numel = prod(spec.kernel)
    k_sym = "k" if spec.dims == 1 else "kh*kw"
    k_num = "*".join(map(str, spec.kernel))
    out_sym = "*".join(f"{a}_out" for a in axis_names(spec.dims))
    out_num = "*".join(map(str, out_spatial))
    bias = int(spec.bias)

    conv_params = cin_g * kernel_numel * spec.cout + bias * spec.cout
    linear_params = shape.in_features * shape.out_features + bias * shape.out_features
    in_sym, out_sym_lin, rows_sym = _linear_terms(mode, spec.dims)
    bias_sym, bias_num = (" + cout", f" + {spec.cout}") if bias else ("", "")
    lin_bias_sym, lin_bias_num = (f" + {out_sym_lin}", f" + {shape.out_features}") if bias else ("", "")
    params = [
        Formula(
            "conv params",
            f"cin/groups*{k_sym}*cout{bias_sym}",
            f"{spec.cin}/{spec.groups}*{k_num}*{spec.cout}{bias_num}",
            conv_params,
        ),
        Formula(
            "Linear params",
            f"({in_sym})*({out_sym_lin}){lin_bias_sym}",
            f"{shape.in_features}*{shape.out_features}{lin_bias_num}",
            linear_params,
        ),
    ]
    if mode == "unrolled":
        axes = zip(geom.input, geom.output, geom.kernel, geom.stride, geom.dilation, geom.pad_lo, strict=True)
        taps = [taps_inside(*axis) for axis in axes]
        nonzero = spec.cout * cin_g * prod(taps)
    else:
        nonzero = spec.cout * cin_g * (prod(geom.input) if mode == "full" else kernel_numel)
    params.append(
        Formula(
            "Linear non-zero weights",
            "cout*cin/groups*(taps on real input)" if mode == "unrolled" else "cout*cin/groups*(kernel cells)",
            f"{nonzero} of {shape.in_features * shape.out_features} "
            f"({100 * (1 - nonzero / (shape.in_features * shape.out_features)):.2f}% structural zeros)",
            nonzero,
        )
    )

    conv_macs = spec.batch * spec.cout * prod(out_spatial) * cin_g * kernel_numel
    linear_macs = shape.rows * shape.in_features * shape.out_features
    compute = [
        Formula(
            "conv MACs",
            f"N*cout*{out_sym}*(cin/groups*{k_sym})",
            f"{spec.batch}*{spec.cout}*{out_num}*({spec.cin}/{spec.groups}*{k_num})",
            conv_macs,
        ),
        Formula(
            "Linear MACs",
            f"({rows_sym})*({in_sym})*({out_sym_lin})",
            f"{shape.rows}*{shape.in_features}*{shape.out_features}",
            linear_macs,
        ),
        Formula("conv FLOPs", "2*MACs", f"2*{conv_macs}", 2 * conv_macs),
        Formula("Linear FLOPs", "2*MACs", f"2*{linear_macs}", 2 * linear_macs),
    ]

    receptive = tuple(d * (k - 1) + 1 for k, d in zip(spec.kernel, spec.dilation, strict=True))
    field_formulas = [
        Formula(f"receptive field {a}", "d*(k-1) + 1", f"{d}*({k}-1) + 1", r)
        for a, k, d, r in zip(axis_names(spec.dims), spec.kernel, spec.dilation, receptive, strict=True)
    ]

    element = DTYPES[spec.dtype].bytes
    counts = {
        "conv_params": conv_params,
        "linear_params": linear_params,
        "input": spec.batch * spec.cin * prod(spec.input_size),
        "output": prod(output_shape),
    }
    memory = {name: n * element for name, n in counts.items()}
    memory_formulas = [
        Formula(
            f"{name.replace('_', ' ')} memory",
            f"elements*{element} B ({spec.dtype})",
            f"{n}*{element}",
            format_bytes(n * element),
        )
        for name, n in counts.items()
    ]
    memory_formulas += _peak_formulas(valid)
    memory |= {f"peak_{name}": stage.peak for name, stage in _stages(valid.memory).items()}
    memory["peak"] = valid.memory.total
    return InspectReport(
        mode=mode,
        output_shape=output_shape,
        linear_features=(shape.in_features, shape.out_features),
        params={"conv": conv_params, "linear": linear_params},
        linear_nonzero=nonzero,
        macs={"conv": conv_macs, "linear": linear_macs},
        flops={"conv": 2 * conv_macs, "linear": 2 * linear_macs},
        receptive_field=receptive,
        memory_bytes=memory,
        sections={
            "output shape": out_sizes,
            "parameters": params,
            "compute": compute,
            "receptive field": field_formulas,
            "memory": memory_formulas,
        },
    )
