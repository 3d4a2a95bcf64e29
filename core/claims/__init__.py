"""Popular claims about Linear and conv layers, tested live with a verdict: one registry, :data:`CLAIMS`.

Each entry has a name, the claim as heard (``quote``) and ``run(cancel=None, ...)``: a generator that yields
:class:`ClaimProgress` and returns a :class:`ClaimResult` (verdict word, evidence paragraph, data for plots and
tables). Every number in a verdict comes from the computation; everything but timings is seeded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.claims import default_init, factorised, params, speed, stride
from core.claims.base import (
    VERDICTS,
    Claim,
    ClaimCancelled,
    ClaimProgress,
    ClaimResult,
    ClaimRun,
    check_cancel,
    verdict_description,
    verdict_label,
)
from core.i18n import tr_noop
from core.registry import Registry

__all__ = [
    "CLAIMS",
    "VERDICTS",
    "Claim",
    "ClaimCancelled",
    "ClaimProgress",
    "ClaimResult",
    "ClaimRun",
    "check_cancel",
    "collect",
    "run_claim",
    "verdict_description",
    "verdict_label",
]

# Titles, descriptions and quotes are shown text marked for translation (context "Claims"): show them with
# Claim.shown_label() / shown_quote() / shown_description(), never the raw fields.
CLAIMS: Registry[Claim] = Registry(
    "claim",
    [
        Claim(
            default_init.NAME,
            tr_noop("Claims", "Conv has the better default init"),
            tr_noop(
                "Claims",
                "both layers' default weights compared: two-sample KS test at equal fan_in, and the bounds when fan_in "
                "differs (Toeplitz Linear, depthwise conv)",
            ),
            quote=tr_noop("Claims", "nn.Conv has a better default initialisation than nn.Linear."),
            run=default_init.run,
        ),
        Claim(
            speed.NAME,
            tr_noop("Claims", "Linear is 10× faster than a 1×1 conv"),
            tr_noop(
                "Claims",
                "the seed case timed live by the bench engine: fresh process vs allocator kept warm, NCL vs "
                "channels_last, 1 thread vs all, with page faults per call",
            ),
            quote=tr_noop("Claims", "Linear is an order of magnitude faster than Conv1d(kernel_size=1)."),
            run=speed.run,
            cheap=False,
        ),
        Claim(
            stride.NAME,
            tr_noop("Claims", "Stride 2 halves the feature map"),
            tr_noop(
                "Claims",
                "output size for even and odd inputs, equality with subsample-then-Linear, and how many input "
                "positions influence the output",
            ),
            quote=tr_noop("Claims", "A stride-2 1×1 conv halves the feature map."),
            run=stride.run,
        ),
        Claim(
            factorised.NAME,
            tr_noop("Claims", "1×3 then 3×1 replaces 3×3"),
            tr_noop(
                "Claims",
                "parameters, receptive field, which 3×3 kernels the pair can make (rank 1: Sobel yes, Laplacian no), "
                "channels in between, and a bias leaking through the padding",
            ),
            quote=tr_noop("Claims", "A 1×3 conv followed by a 3×1 conv replaces a 3×3 conv."),
            run=factorised.run,
        ),
        Claim(
            params.NAME,
            tr_noop("Claims", "Conv params = Cin·k·k·Co + Co"),
            tr_noop(
                "Claims", "the formula against sum(p.numel()) of real modules, with and without bias, and with groups"
            ),
            quote=tr_noop("Claims", "A conv layer has Cin·k·k·Co + Co parameters."),
            run=params.run,
        ),
    ],
)


def run_claim(name: str, *args: Any, **kwargs: Any) -> ClaimRun:
    """The generator testing claim ``name`` (a :class:`~core.errors.SpecError` names the known ones)."""
    return CLAIMS[CLAIMS.parse(name)].run(*args, **kwargs)


def collect(
    run: ClaimRun,
    on_progress: Callable[[ClaimProgress], Any] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ClaimResult | None:
    """Drive a claim's run to its result; None if ``should_cancel()`` said stop (the run is closed at once)."""
    try:
        while True:
            progress = next(run)
            if on_progress is not None:
                on_progress(progress)
            if should_cancel is not None and should_cancel():
                run.close()
                return None
    except StopIteration as stop:
        result: ClaimResult = stop.value
        return result
