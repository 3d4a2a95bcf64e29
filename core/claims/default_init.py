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
from core.i18n import tr
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
    return tr(
        "Init claim",
        "{linear} has fan_in {linear_fan_in} (bound ±{linear_bound:.3g}) against {conv}'s {conv_fan_in} "
        "(±{conv_bound:.3g}); KS D = {statistic:.2f}",
    ).format(
        linear=case.linear,
        linear_fan_in=r.linear_fan_in,
        linear_bound=r.linear_bound,
        conv=case.conv,
        conv_fan_in=r.conv_fan_in,
        conv_bound=r.conv_bound,
        statistic=r.ks_statistic,
    )


def _evidence(evidence: InitEvidence) -> tuple[str, str]:
    equal, *unequal = evidence.cases
    r = equal.report
    rule = tr(
        "Init claim",
        "PyTorch initialises both with kaiming_uniform_(a=√5), i.e. U(±1/√fan_in): the law depends on fan_in only",
    )
    p_conv, p_linear = evidence.uniform_pvalues
    same_text = tr(
        "Init claim",
        "At equal fan_in ({conv} and the {linear} over its 3×3 patches: fan_in {fan_in}, both bounds ±{bound:.4f}) a "
        "two-sample KS test over {samples:,} weights of each from {draws} seeded re-initialisations gives "
        "D = {statistic:.4f}, p = {pvalue:.2f}",
    ).format(
        conv=equal.conv,
        linear=equal.linear,
        fan_in=r.conv_fan_in,
        bound=r.conv_bound,
        samples=r.samples,
        draws=r.draws,
        statistic=r.ks_statistic,
        pvalue=r.ks_pvalue,
    )
    uniform_text = tr(
        "Init claim",
        "each also fits U(±1/√{fan_in}) itself (one-sample KS p = {p_conv:.2f} conv, {p_linear:.2f} Linear, "
        "{samples:,} weights)",
    ).format(fan_in=r.conv_fan_in, p_conv=p_conv, p_linear=p_linear, samples=evidence.uniform_samples)
    differ = all(c.report.linear_fan_in != c.report.conv_fan_in and not c.report.same_distribution for c in unequal)
    differ_text = tr("Init claim", "They differ only when fan_in differs: {cases}").format(
        cases=tr("Init claim", "; ").join(
            tr("Init claim", "{case}: {bounds}").format(case=c.title, bounds=_bounds(c)) for c in unequal
        )
    )
    if equal.equal_fan_in and r.same_distribution and differ:
        return "false", tr(
            "Init claim",
            "False as stated. {rule}. {same}: no difference; {uniform}. {differ}. That is the same rule applied to a "
            "different fan_in, not a better initialisation.",
        ).format(rule=rule, same=same_text, uniform=uniform_text, differ=differ_text)
    outcome = (
        tr("Init claim", "no difference")
        if r.same_distribution
        else tr("Init claim", "the test rejects at 1% (a chance event for equal laws)")
    )
    return "depends", tr("Init claim", "{rule}. {same}: {outcome}; {uniform}. {differ}.").format(
        rule=rule, same=same_text, outcome=outcome, uniform=uniform_text, differ=differ_text
    )


def run(cancel: CancelToken | None = None) -> ClaimRun:
    """Compare the default inits at equal fan_in, then for a Toeplitz Linear and a depthwise conv."""
    cases = []
    plan = (
        (tr("Init claim", "equal fan_in"), EQUAL),
        (tr("Init claim", "a conv unrolled to its Toeplitz Linear (fan_in Cin·H·W)"), TOEPLITZ),
        (
            tr("Init claim", "a depthwise conv, groups={groups} (fan_in Cin/groups·k·k)").format(
                groups=DEPTHWISE.groups
            ),
            DEPTHWISE,
        ),
    )
    for index, (title, spec) in enumerate(plan):
        yield ClaimProgress(
            index / (len(plan) + 1),
            tr("Init claim", "re-initialising {case}: {draws} draws").format(case=title, draws=DRAWS),
        )
        check_cancel(cancel)
        cases.append(_case(title, spec))
    yield ClaimProgress(
        len(plan) / (len(plan) + 1), tr("Init claim", "testing each layer's weights against U(±1/√fan_in)")
    )
    check_cancel(cancel)
    pvalues, samples = _uniform_pvalues(EQUAL)
    evidence = InitEvidence(cases=tuple(cases), uniform_pvalues=pvalues, uniform_samples=samples)
    verdict, text = _evidence(evidence)
    return ClaimResult(NAME, verdict, text, evidence)
