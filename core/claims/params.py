"""Claim: "Conv params = Cin·k·k·Co + Co".

Checked against ``sum(p.numel() for p in module.parameters())`` of real modules: right for groups=1 with a bias
(without one, drop the + Co); with groups each output channel sees Cin/groups input channels, so the count is
Cin/groups·kh·kw·Co + Co.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import nn

from core.bench.runner import CancelToken
from core.claims.base import ClaimProgress, ClaimResult, ClaimRun, check_cancel
from core.i18n import tr

NAME = "params"
GENERAL = "Cin/groups·kh·kw·Co + Co·bias"
CLAIMED = "Cin·k·k·Co + Co"

# (cin, cout, kernel, groups, bias): the seed table, its bias-free twins, a grouped and a depthwise conv.
LAYERS: tuple[tuple[int, int, tuple[int, int], int, bool], ...] = (
    (3, 10, (5, 5), 1, True),
    (3, 10, (5, 5), 1, False),
    (3, 10, (1, 1), 1, True),
    (3, 10, (1, 1), 1, False),
    (64, 64, (1, 3), 1, True),
    (8, 16, (3, 3), 2, True),
    (32, 32, (3, 3), 32, True),
)


@dataclass(frozen=True)
class ParamsRow:
    """One ``nn.Conv2d``: the claim's count, the general formula (with the numbers in it) and the module's own."""

    layer: str
    cin: int
    cout: int
    kernel: tuple[int, int]
    groups: int
    bias: bool
    claimed: int
    general_text: str
    general: int
    module: int

    @property
    def claim_holds(self) -> bool:
        return self.claimed == self.module

    @property
    def formula_holds(self) -> bool:
        return self.general == self.module


@dataclass(frozen=True)
class ParamsEvidence:
    rows: tuple[ParamsRow, ...]


def _layer_name(cin: int, cout: int, kernel: tuple[int, int], groups: int, bias: bool) -> str:
    k = str(kernel[0]) if kernel[0] == kernel[1] else f"({kernel[0]}, {kernel[1]})"
    extra = (f", groups={groups}" if groups > 1 else "") + ("" if bias else ", bias=False")
    return f"Conv2d({cin}, {cout}, {k}{extra})"


def _row(cin: int, cout: int, kernel: tuple[int, int], groups: int, bias: bool) -> ParamsRow:
    with torch.random.fork_rng(devices=[]):
        module = nn.Conv2d(cin, cout, kernel, groups=groups, bias=bias)
    kh, kw = kernel
    general = cin // groups * kh * kw * cout + (cout if bias else 0)
    per_group = f"{cin}/{groups}" if groups > 1 else f"{cin}"
    text = f"{per_group}·{kh}·{kw}·{cout}" + (f" + {cout}" if bias else "") + f" = {general:,}"
    return ParamsRow(
        layer=_layer_name(cin, cout, kernel, groups, bias),
        cin=cin,
        cout=cout,
        kernel=kernel,
        groups=groups,
        bias=bias,
        claimed=cin * math.prod(kernel) * cout + cout,
        general_text=text,
        general=general,
        module=sum(p.numel() for p in module.parameters()),
    )


def _evidence(rows: tuple[ParamsRow, ...]) -> tuple[str, str]:
    plain = [r for r in rows if r.groups == 1 and r.bias]
    no_bias = [r for r in rows if r.groups == 1 and not r.bias]
    grouped = [r for r in rows if r.groups > 1]
    seed = tr("Params claim", " and ").join(
        tr("Params claim", "{layer}: {count:,}").format(layer=r.layer, count=r.module) for r in plain[:2]
    )
    bias_free = tr("Params claim", ", ").join(f"{r.module:,}" for r in no_bias)
    grouped_text = tr("Params claim", "; ").join(
        tr("Params claim", "{layer} has {count:,} ({formula}), the claim says {claimed:,}").format(
            layer=r.layer, count=r.module, formula=r.general_text, claimed=r.claimed
        )
        for r in grouped
    )
    text = tr(
        "Params claim",
        "Counted with sum(p.numel()) on real modules. With groups=1 and a bias the claim's formula matches "
        "{plain_matched} of {plain_count} layers ({seed}; kh·kw for a non-square kernel). Without a bias drop the "
        "+ Co ({bias_free}). With groups each output channel sees only Cin/groups inputs, so the count is "
        "{general}: {grouped}. That general formula matches {general_matched} of {count} layers.",
    ).format(
        plain_matched=sum(r.claim_holds for r in plain),
        plain_count=len(plain),
        seed=seed,
        bias_free=bias_free,
        general=GENERAL,
        grouped=grouped_text,
        general_matched=sum(r.formula_holds for r in rows),
        count=len(rows),
    )
    all_general = all(r.formula_holds for r in rows)
    if all(r.claim_holds for r in rows):
        return "true", tr("Params claim", "True. {evidence}").format(evidence=text)
    if all_general and all(r.claim_holds for r in plain) and not all(r.claim_holds for r in grouped):
        return "partly true", tr("Params claim", "Partly true: right for groups=1 (with a bias). {evidence}").format(
            evidence=text
        )
    return "false", tr("Params claim", "False as measured. {evidence}").format(evidence=text)


def run(cancel: CancelToken | None = None) -> ClaimRun:
    """The seed table (Conv2d(3,10,5), Conv2d(3,10,1), with and without bias) plus a 1×3, a grouped and a
    depthwise conv: formula against ``sum(p.numel())``."""
    rows = []
    for index, layer in enumerate(LAYERS):
        yield ClaimProgress(
            index / len(LAYERS), tr("Params claim", "counting {layer}").format(layer=_layer_name(*layer))
        )
        check_cancel(cancel)
        rows.append(_row(*layer))
    evidence = ParamsEvidence(tuple(rows))
    verdict, text = _evidence(evidence.rows)
    return ClaimResult(NAME, verdict, text, evidence)
