"""Claim: "nn.Conv has a better default initialisation than nn.Linear".

PyTorch initialises both with ``kaiming_uniform_(a=sqrt(5))``, i.e. U(±1/sqrt(fan_in)). At equal fan_in the two
laws are the same (two-sample KS test over many seeded re-initialisations, :mod:`core.init_check`, and each
against U(±1/sqrt(fan_in)) itself); they differ only when fan_in differs: a conv unrolled to a Toeplitz Linear
(fan_in Cin·H·W) or a grouped conv (fan_in Cin/groups·k·k).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from scipy import stats

from core.bench.runner import CancelToken
from core.claims.base import ClaimProgress, ClaimResult, ClaimRun, check_cancel
from core.init_check import InitReport, check_init
from core.layers import make_conv, make_linear
from core.modes import linear_shape
from core.spec import LayerSpec, parse_spec
from core.validation import validate

NAME = "init"
DRAWS = 40
UNIFORM_DRAWS = 8  # layers per side for the one-sample test against U(±bound)

EQUAL = parse_spec(dims=2, cin=16, cout=32, kernel=3, input_size=8, mode="unfold", bias=False)
TOEPLITZ = parse_spec(dims=2, cin=3, cout=4, kernel=3, input_size=8, mode="unrolled", bias=False)
DEPTHWISE = parse_spec(dims=2, cin=16, cout=16, kernel=3, groups=16, input_size=8, mode="unfold", bias=False)


@dataclass(frozen=True)
class InitCase:
    """One conv and its Linear counterpart, their default inits compared (``report``)."""

    title: str
    conv: str
    linear: str
    report: InitReport

    @property
    def equal_fan_in(self) -> bool:
        return self.report.linear_fan_in == self.report.conv_fan_in


@dataclass(frozen=True)
class InitEvidence:
    """The equal-fan_in case first, then the cases whose fan_in differs; ``uniform_pvalues`` are one-sample KS
    p-values of the equal case's weights against U(±1/sqrt(fan_in)): ``(conv, linear)``."""

    cases: tuple[InitCase, ...]
    uniform_pvalues: tuple[float, float]
    uniform_samples: int


def _conv_name(spec: LayerSpec) -> str:
    groups = f", groups={spec.groups}" if spec.groups > 1 else ""
    return f"Conv2d({spec.cin}, {spec.cout}, {spec.kernel[0]}{groups})"


def _case(title: str, spec: LayerSpec) -> InitCase:
    valid = validate(spec)
    shape = linear_shape(spec, valid.mode, valid.geometry)
    return InitCase(
        title=title,
        conv=_conv_name(spec),
        linear=f"Linear({shape.in_features}, {shape.out_features})",
        report=check_init(valid, draws=DRAWS),
    )


def _uniform_pvalues(spec: LayerSpec) -> tuple[tuple[float, float], int]:
    """One-sample KS of a few seeded default-initialised layers of each kind against U(±1/sqrt(fan_in))."""
    fan_in = spec.cin * math.prod(spec.kernel)
    bound = 1 / math.sqrt(fan_in)
    conv_w, linear_w = [], []
    with torch.random.fork_rng(devices=[]), torch.no_grad():
        for draw in range(UNIFORM_DRAWS):
            torch.manual_seed(spec.seed + 1000 + draw)
            conv_w.append(make_conv(spec).weight.detach().reshape(-1))
            linear_w.append(make_linear(fan_in, spec.cout, bias=False).weight.detach().reshape(-1))
    law = stats.uniform(loc=-bound, scale=2 * bound)
    conv = torch.cat(conv_w).double().numpy()
    linear = torch.cat(linear_w).double().numpy()
    pvalues = (float(stats.kstest(conv, law.cdf).pvalue), float(stats.kstest(linear, law.cdf).pvalue))
    return pvalues, int(min(conv.size, linear.size))


def _bounds(case: InitCase) -> str:
    r = case.report
    return (
        f"{case.linear} has fan_in {r.linear_fan_in} (bound ±{r.linear_bound:.3g}) against {case.conv}'s "
        f"{r.conv_fan_in} (±{r.conv_bound:.3g}); KS D = {r.ks_statistic:.2f}"
    )


def _evidence(evidence: InitEvidence) -> tuple[str, str]:
    equal, *unequal = evidence.cases
    r = equal.report
    rule = "PyTorch initialises both with kaiming_uniform_(a=√5), i.e. U(±1/√fan_in): the law depends on fan_in only"
    p_conv, p_linear = evidence.uniform_pvalues
    same_text = (
        f"At equal fan_in ({equal.conv} and the {equal.linear} over its 3×3 patches: fan_in {r.conv_fan_in}, both "
        f"bounds ±{r.conv_bound:.4f}) a two-sample KS test over {r.samples:,} weights of each from {r.draws} seeded "
        f"re-initialisations gives D = {r.ks_statistic:.4f}, p = {r.ks_pvalue:.2f}"
    )
    uniform_text = (
        f"each also fits U(±1/√{r.conv_fan_in}) itself (one-sample KS p = {p_conv:.2f} conv, {p_linear:.2f} "
        f"Linear, {evidence.uniform_samples:,} weights)"
    )
    differ = all(c.report.linear_fan_in != c.report.conv_fan_in and not c.report.same_distribution for c in unequal)
    differ_text = "They differ only when fan_in differs: " + "; ".join(f"{c.title}: {_bounds(c)}" for c in unequal)
    if equal.equal_fan_in and r.same_distribution and differ:
        return "false", (
            f"False as stated. {rule}. {same_text}: no difference; {uniform_text}. {differ_text}. That is the same "
            "rule applied to a different fan_in, not a better initialisation."
        )
    return "depends", (
        f"{rule}. {same_text}: "
        + ("no difference" if r.same_distribution else "the test rejects at 1% (a chance event for equal laws)")
        + f"; {uniform_text}. {differ_text}."
    )


def run(cancel: CancelToken | None = None) -> ClaimRun:
    """Compare the default inits at equal fan_in, then for a Toeplitz Linear and a depthwise conv."""
    cases = []
    plan = (
        ("equal fan_in", EQUAL),
        ("a conv unrolled to its Toeplitz Linear (fan_in Cin·H·W)", TOEPLITZ),
        ("a depthwise conv, groups=16 (fan_in Cin/groups·k·k)", DEPTHWISE),
    )
    for index, (title, spec) in enumerate(plan):
        yield ClaimProgress(index / (len(plan) + 1), f"re-initialising {title}: {DRAWS} draws")
        check_cancel(cancel)
        cases.append(_case(title, spec))
    yield ClaimProgress(len(plan) / (len(plan) + 1), "testing each layer's weights against U(±1/√fan_in)")
    check_cancel(cancel)
    pvalues, samples = _uniform_pvalues(EQUAL)
    evidence = InitEvidence(cases=tuple(cases), uniform_pvalues=pvalues, uniform_samples=samples)
    verdict, text = _evidence(evidence)
    return ClaimResult(NAME, verdict, text, evidence)
