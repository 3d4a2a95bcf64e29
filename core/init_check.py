"""Test the claim "Conv has a better default init than Linear" with draws of PyTorch's own init."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from scipy import stats

from core.errors import SpecError
from core.i18n import tr
from core.layers import make_conv, make_linear, quiet_same_padding
from core.limits import MAX_DRAWS, MAX_INIT_WORK, MIN_DRAWS, bounded_int
from core.modes import linear_shape
from core.running_moments import RunningMoments
from core.validation import ValidSpec

SAME_DISTRIBUTION_P = 0.01
DEFAULT_SAMPLES = 20_000
PERMUTATION_LIMIT = 16  # sample by permutation while the weights are at most this many times the samples


@dataclass(frozen=True)
class InitReport:
    """Default-init weights of both layers of a mapping, compared.

    ``ks_statistic``/``ks_pvalue`` come from a two-sample Kolmogorov-Smirnov test on pooled weights of
    ``draws`` independent re-initialisations; ``output_std`` is the measured std of each layer's output for
    unit-variance input (bias included), the quantity an init is meant to control.
    """

    linear_fan_in: int
    conv_fan_in: int
    linear_bound: float
    conv_bound: float
    draws: int
    samples: int
    ks_statistic: float
    ks_pvalue: float
    same_distribution: bool
    bin_edges: list[float]
    linear_density: list[float]
    conv_density: list[float]
    linear_weight_std: float
    conv_weight_std: float
    linear_output_std: float
    conv_output_std: float
    verdict: str

    def to_json(self) -> dict[str, Any]:
        """Every field, JSON-ready; the histogram grouped as ``{"bin_edges", "linear", "conv"}``."""
        data = dataclasses.asdict(self)
        data["histogram"] = {
            "bin_edges": data.pop("bin_edges"),
            "linear": data.pop("linear_density"),
            "conv": data.pop("conv_density"),
        }
        return data


def _sample(weight: torch.Tensor, count: int, generator: torch.Generator) -> torch.Tensor:
    flat = weight.detach().reshape(-1)
    if flat.numel() <= count:
        return flat
    if flat.numel() <= PERMUTATION_LIMIT * count:
        return flat[torch.randperm(flat.numel(), generator=generator)[:count]]
    # Far more weights than samples: positions drawn independently (a repeat is rare) instead of a permutation of
    # every weight, which cost 8 bytes and most of a draw's time per weight (0.4 s for 14.7M weights).
    return flat[torch.randint(flat.numel(), (count,), generator=generator)]


def _linear_rows(in_features: int, out_features: int, per_draw: int) -> int:
    # nn.Linear's init depends on in_features only, so a few rows of PyTorch's own Linear show the whole law
    # without building (say) a 27M-entry unrolled matrix per draw.
    return max(1, min(out_features, math.ceil(per_draw / in_features)))


def init_work(valid: ValidSpec, draws: int, samples: int = DEFAULT_SAMPLES) -> int:
    """Random numbers drawn and multiply-adds done by :func:`check_init`: bounded by :data:`MAX_INIT_WORK`."""
    spec = valid.spec
    shape = linear_shape(spec, valid.mode, valid.geometry)
    rows = _linear_rows(shape.in_features, shape.out_features, max(1, math.ceil(samples / draws)))
    conv_weights = spec.cout * (spec.cin // spec.groups) * math.prod(spec.kernel)
    conv_macs = conv_weights * math.prod(valid.geometry.output)  # one sample per draw
    linear = 65 * shape.in_features * rows  # its init, and a batch of 64 through it
    return draws * (conv_weights + conv_macs + linear + spec.cin * math.prod(spec.input_size))


def affordable_draws(valid: ValidSpec, wanted: int, samples: int = DEFAULT_SAMPLES) -> int:
    """``wanted`` draws, or fewer if that many would exceed :data:`MAX_INIT_WORK` (the window's fixed count on a
    large spec); below :data:`MIN_DRAWS` when even two are too much (then :func:`check_draws` says so)."""
    per_draw = max(1, init_work(valid, 1, samples))
    return min(wanted, MAX_INIT_WORK // per_draw)


def check_draws(valid: ValidSpec, draws: int, samples: int = DEFAULT_SAMPLES) -> None:
    """Refuse a number of draws outside its range, or whose work exceeds :data:`MAX_INIT_WORK`, before any."""
    bounded_int("draws", draws, MIN_DRAWS, MAX_DRAWS, tr("Init check", "use e.g. 40"))
    work = init_work(valid, draws, samples)
    if work > MAX_INIT_WORK:
        most = max(1, MAX_INIT_WORK // max(1, work // draws))
        if most >= MIN_DRAWS:
            hint = tr("Init check", "use at most {most} draws for this spec").format(most=most)
        else:
            hint = tr("Init check", "use a smaller spec")
        rule = tr(
            "Init check",
            "{draws} draws of this spec would take about {work:,} random numbers and multiply-adds, over the limit "
            "of {limit:,} (about half a minute)",
        )
        raise SpecError("draws", rule.format(draws=draws, work=work, limit=MAX_INIT_WORK), hint)


def _verdict(linear_fan_in: int, conv_fan_in: int, same: bool, ks: float, p: float, draws: int) -> str:
    rule = tr(
        "Init check",
        "PyTorch initialises both with kaiming_uniform_(a=sqrt(5)), i.e. U(-1/sqrt(fan_in), 1/sqrt(fan_in))",
    )
    if linear_fan_in == conv_fan_in:
        if same:
            finding = tr(
                "Init check",
                "Same distribution: both layers have fan_in = {fan_in}. {rule}. KS statistic D = {ks:.4f} "
                "(p = {p:.2g}) over {draws} re-initialisations finds no difference. The claim 'Conv has a better "
                "default init' has no support for this spec.",
            )
        else:
            finding = tr(
                "Init check",
                "Same distribution: both layers have fan_in = {fan_in}. {rule}. KS statistic D = {ks:.4f} "
                "(p = {p:.2g}) over {draws} re-initialisations rejects at 1% — a chance event for equal laws; try "
                "another seed. The claim 'Conv has a better default init' has no support for this spec.",
            )
        return finding.format(fan_in=conv_fan_in, rule=rule, ks=ks, p=p, draws=draws)
    return tr(
        "Init check",
        "Different distributions, by fan_in alone: the Linear has fan_in = {linear_fan_in}, the conv "
        "cin/groups*kernel = {conv_fan_in}, so the Linear's bound is {ratio:.3g}x the conv's (KS D = {ks:.4f}, "
        "p = {p:.2g}). {rule}: the same rule for both, so neither is 'better' by construction; compare the output "
        "std, which both keep near 1/sqrt(3) of the input's.",
    ).format(
        linear_fan_in=linear_fan_in,
        conv_fan_in=conv_fan_in,
        ratio=math.sqrt(conv_fan_in / linear_fan_in),
        ks=ks,
        p=p,
        rule=rule,
    )


def check_init(valid: ValidSpec, draws: int = 40, samples: int = DEFAULT_SAMPLES, bins: int = 40) -> InitReport:
    """Re-initialise both layers ``draws`` times (seeded) and compare their default weight distributions.

    Raises :class:`~core.errors.SpecError` before any work if ``draws`` is out of range or too much work.
    """
    check_draws(valid, draws, samples)
    spec = valid.spec
    shape = linear_shape(spec, valid.mode, valid.geometry)
    generator = torch.Generator().manual_seed(spec.seed)
    per_draw = max(1, math.ceil(samples / draws))
    linear_rows = _linear_rows(shape.in_features, shape.out_features, per_draw)
    conv_fan_in = (spec.cin // spec.groups) * math.prod(spec.kernel)
    # The samples' room is taken up front (small tensors allocated between the draws' large ones would pin the heap
    # holes those leave), and output moments accumulate draw by draw (every draw's output kept cost draws x its size).
    linear_samples = torch.empty((draws, min(linear_rows * shape.in_features, per_draw)))
    conv_samples = torch.empty((draws, min(spec.cout * conv_fan_in, per_draw)))
    linear_outputs, conv_outputs = RunningMoments(), RunningMoments()
    with torch.random.fork_rng(devices=[]), torch.no_grad(), quiet_same_padding():
        for draw in range(draws):
            torch.manual_seed(spec.seed + draw)
            conv = make_conv(spec)
            linear = make_linear(shape.in_features, linear_rows, spec.bias)
            linear_samples[draw] = _sample(linear.weight, per_draw, generator)
            conv_samples[draw] = _sample(conv.weight, per_draw, generator)
            x = torch.randn((1, spec.cin, *spec.input_size), generator=generator)
            conv_outputs.add(conv(x))
            del x, conv  # before the next draw's
            linear_outputs.add(linear(torch.randn((64, shape.in_features), generator=generator)))
            del linear
    linear_w = linear_samples.reshape(-1).double().numpy()
    conv_w = conv_samples.reshape(-1).double().numpy()
    test = stats.ks_2samp(linear_w, conv_w)
    linear_bound = 1 / math.sqrt(shape.in_features)
    conv_bound = 1 / math.sqrt(conv_fan_in)
    edge = max(linear_bound, conv_bound)
    edges = np.linspace(-edge, edge, bins + 1)
    linear_density, _ = np.histogram(linear_w, bins=edges, density=True)
    conv_density, _ = np.histogram(conv_w, bins=edges, density=True)
    same = bool(test.pvalue > SAME_DISTRIBUTION_P)
    return InitReport(
        linear_fan_in=shape.in_features,
        conv_fan_in=conv_fan_in,
        linear_bound=linear_bound,
        conv_bound=conv_bound,
        draws=draws,
        samples=min(len(linear_w), len(conv_w)),
        ks_statistic=float(test.statistic),
        ks_pvalue=float(test.pvalue),
        same_distribution=same,
        bin_edges=edges.tolist(),
        linear_density=linear_density.tolist(),
        conv_density=conv_density.tolist(),
        linear_weight_std=float(linear_w.std()),
        conv_weight_std=float(conv_w.std()),
        linear_output_std=linear_outputs.std(),
        conv_output_std=conv_outputs.std(),
        verdict=_verdict(shape.in_features, conv_fan_in, same, float(test.statistic), float(test.pvalue), draws),
    )
