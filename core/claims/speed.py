"""Claim: "Linear is an order of magnitude faster than Conv1d(kernel_size=1)".

The seed case (preset ``conv1d-k1-vs-linear``: Conv1d(8, 32, 1) on 128×8×256 against Linear(8, 32) on
128×256×8, the same multiply-adds) is measured live with the project's bench engine (:mod:`core.bench`, which
times with ``torch.utils.benchmark``), under two conditions:

- **fresh**: Linear and the conv each in a fresh worker process with glibc's default allocator (the engine's
  default isolation, what a stand-alone script sees), at 1 thread;
- **warm**: in this process (isolation ``none``), whose allocator has kept its freed blocks (the page faults per
  call say whether it did): Linear, the conv on NCL data and on channels_last data, at 1 thread and at PyTorch's
  thread count.

The verdict says what the ratio depends on (allocator and page faults, layout, threads) with the measured ratios
and their 95% intervals. Timings are not seeded: the numbers are this machine's, now.
"""

from __future__ import annotations

import math
import time
from collections.abc import Generator
from dataclasses import dataclass

import torch

from core.bench.allocator import use_allocator
from core.bench.config import BenchConfig, Sweep
from core.bench.records import BenchRecord
from core.bench.runner import BenchResult, CancelToken, run_bench
from core.claims.base import ClaimCancelled, ClaimProgress, ClaimResult, ClaimRun, check_cancel
from core.errors import SpecError
from core.i18n import tr, tr_noop
from core.memory import format_bytes
from core.presets import load_preset
from core.spec import LayerSpec

NAME = "speed"
PRESET = "conv1d-k1-vs-linear"
FRESH_IMPLS = ("linear", "conv")  # a worker process each: two start in parallel on two cores
WARM_IMPLS = ("linear", "conv", "conv_channels_last")
ORDER_OF_MAGNITUDE = 10.0
PAGE = 4096
FRESH_SHARE = 0.7  # of the progress bar: process start-up dominates
CONDITION_NAMES = {"fresh": tr_noop("Speed claim", "fresh"), "warm": tr_noop("Speed claim", "warm")}
"""How each condition's key is shown (see :func:`condition_name`)."""


@dataclass(frozen=True)
class SpeedOptions:
    """How the claim is measured. ``spec`` None takes the preset's; ``thread_counts`` (the warm condition's) ()
    takes 1 and PyTorch's current count. The fresh condition runs at ``fresh_threads``: 1 by default, because with
    two worker processes on a busy two-core machine a 2-thread measurement showed scheduler ticks (16 ms for a
    0.1 ms call), not the layers. ``fresh_isolation`` ``"none"`` measures the fresh condition in this process too
    (faster, for tests; the evidence then says so)."""

    spec: LayerSpec | None = None
    min_run_time: float = 0.2
    rounds: int = 2
    fresh_isolation: str = "process"
    fresh_threads: int = 1
    thread_counts: tuple[int, ...] = ()


@dataclass(frozen=True)
class SpeedCondition:
    """One run of the engine: ``key`` is ``fresh`` or ``warm``; ``records`` as the engine returned them (the warm
    condition's ``value`` is its thread count)."""

    key: str
    label: str
    isolation: str
    allocator: str
    records: tuple[BenchRecord, ...]

    def record(self, impl: str, threads: int | None = None) -> BenchRecord | None:
        return next(
            (r for r in self.records if r.impl == impl and (threads is None or r.threads == threads)),
            None,
        )


@dataclass(frozen=True)
class SpeedEvidence:
    """Both conditions, what was left out or failed, and how long the measurement took (seconds)."""

    spec: LayerSpec
    min_run_time: float
    rounds: int
    conditions: tuple[SpeedCondition, ...]
    excluded: tuple[str, ...]
    errors: tuple[str, ...]
    seconds: float

    def condition(self, key: str) -> SpeedCondition | None:
        return next((c for c in self.conditions if c.key == key), None)


def _in_process_allocator() -> str:
    """``default``, unless this process already runs the tuned allocator (which glibc cannot undo)."""
    try:
        use_allocator("default")  # for "default" a check only: it changes nothing
    except SpecError:
        return "tuned"
    return "default"


def _thread_counts(options: SpeedOptions) -> tuple[int, ...]:
    return options.thread_counts or tuple(dict.fromkeys((1, torch.get_num_threads())))


def condition_name(key: str) -> str:
    """A condition's key (``fresh``, ``warm``: identifiers in the data) as shown, in the current language."""
    return tr("Speed claim", CONDITION_NAMES.get(key, key))


def _drive(
    config: BenchConfig, cancel: CancelToken, start: float, span: float, label: str
) -> Generator[ClaimProgress, None, BenchResult]:
    """Run the engine, yielding its progress scaled into ``[start, start + span]``; closing this closes it."""
    run = run_bench(config, cancel)
    try:
        while True:
            progress = next(run)
            fraction = start + span * (progress.done / progress.total if progress.total else 0.0)
            yield ClaimProgress(
                min(fraction, start + span),
                tr("Speed claim", "{condition}: {message}").format(condition=label, message=progress.message),
            )
    except StopIteration as stop:
        result: BenchResult = stop.value
        return result
    finally:
        run.close()  # a cancelled claim stops the engine's worker processes now


def _threads(count: int) -> str:
    if count != 1:
        return tr("Speed claim", "{count} threads").format(count=count)
    return tr("Speed claim", "{count} thread").format(count=count)


def _ms(record: BenchRecord) -> str:
    return f"{record.median_s * 1e3:.3g} ms"


def _ratio(record: BenchRecord) -> str:
    return tr("Speed claim", "{ratio:.2f}× (95% CI {low:.2f}–{high:.2f})").format(
        ratio=record.ratio_to_linear, low=record.ratio_low, high=record.ratio_high
    )


def _faults(record: BenchRecord) -> str:
    return f"{record.page_faults:,.0f}"


def _ratios(evidence: SpeedEvidence) -> list[tuple[str, float]]:
    """Every measured conv / Linear ratio (NCL and channels_last data), with where it was measured."""
    found = []
    for condition in evidence.conditions:
        for record in condition.records:
            if record.impl.startswith("conv") and record.baseline == "linear" and math.isfinite(record.ratio_to_linear):
                found.append((f"{condition.key} {record.impl}, {record.threads} thread(s)", record.ratio_to_linear))
    return found


def _fresh_text(evidence: SpeedEvidence) -> list[str]:
    fresh = evidence.condition("fresh")
    if fresh is None:
        return []
    linear, conv = fresh.record("linear"), fresh.record("conv")
    if linear is None or conv is None:
        return []
    where = (
        tr("Speed claim", "In a fresh process per implementation (isolation process, glibc's default allocator)")
        if fresh.isolation == "process"
        else tr("Speed claim", "In this process (isolation none, {allocator} allocator)").format(
            allocator=fresh.allocator
        )
    )
    return [
        tr(
            "Speed claim",
            "{where}, at {threads}, the conv took {conv_time} against the Linear's {linear_time}: {ratio}, paying "
            "{conv_faults} minor page faults per call (~{mapped} mapped afresh every call) against the Linear's "
            "{linear_faults}.",
        ).format(
            where=where,
            threads=_threads(conv.threads),
            conv_time=_ms(conv),
            linear_time=_ms(linear),
            ratio=_ratio(conv),
            conv_faults=_faults(conv),
            mapped=format_bytes(conv.page_faults * PAGE),
            linear_faults=_faults(linear),
        )
    ]


def _warm_text(evidence: SpeedEvidence) -> list[str]:
    warm = evidence.condition("warm")
    if warm is None:
        return []
    parts = []
    for threads in sorted({r.threads for r in warm.records}):
        conv, last = warm.record("conv", threads), warm.record("conv_channels_last", threads)
        found = []
        if conv is not None:
            found.append(
                tr("Speed claim", "the conv {ratio} with {faults} faults per call").format(
                    ratio=_ratio(conv), faults=_faults(conv)
                )
            )
        if last is not None:
            found.append(tr("Speed claim", "on channels_last data {ratio}").format(ratio=_ratio(last)))
        if found:
            parts.append(
                tr("Speed claim", "at {threads} {found}").format(
                    threads=_threads(threads), found=tr("Speed claim", ", ").join(found)
                )
            )
    if not parts:
        return []
    return [
        tr(
            "Speed claim",
            "In this process, whose allocator had already kept its freed blocks (isolation none, {allocator} "
            "allocator): {parts}.",
        ).format(allocator=warm.allocator, parts=tr("Speed claim", "; ").join(parts))
    ]


def _depends_text(evidence: SpeedEvidence) -> str:
    """What moved the ratio, measured: allocator (fresh vs warm at the same threads), layout, threads."""
    fresh, warm = evidence.condition("fresh"), evidence.condition("warm")
    effects = []
    counts = sorted({r.threads for r in warm.records}) if warm else []
    if fresh and warm:
        conv = fresh.record("conv")
        same = warm.record("conv", conv.threads) if conv else None
        if conv and same:
            effects.append(
                tr(
                    "Speed claim",
                    "the allocator and its page faults ({fresh:.2f}× fresh, {warm:.2f}× warm, both at {threads})",
                ).format(fresh=conv.ratio_to_linear, warm=same.ratio_to_linear, threads=_threads(conv.threads))
            )
    if warm and counts:
        conv, last = warm.record("conv", counts[-1]), warm.record("conv_channels_last", counts[-1])
        if conv and last:
            effects.append(
                tr("Speed claim", "the layout ({ncl:.2f}× NCL, {channels_last:.2f}× channels_last)").format(
                    ncl=conv.ratio_to_linear, channels_last=last.ratio_to_linear
                )
            )
    if warm and len(counts) > 1:
        one, many = warm.record("conv", counts[0]), warm.record("conv", counts[-1])
        if one and many:
            effects.append(
                tr(
                    "Speed claim",
                    "the threads ({few_ratio:.2f}× at {few}, {many_ratio:.2f}× at {many}) and how busy the cores are",
                ).format(few_ratio=one.ratio_to_linear, few=counts[0], many_ratio=many.ratio_to_linear, many=counts[-1])
            )
    return tr("Speed claim", "The gap depends on {effects}.").format(
        effects=tr("Speed claim", "; ").join(effects) if effects else tr("Speed claim", "the conditions of measurement")
    )


def _evidence(evidence: SpeedEvidence) -> tuple[str, str]:
    ratios = _ratios(evidence)
    if not ratios:
        problems = tr("Speed claim", "; ").join(evidence.errors + evidence.excluded) or tr(
            "Speed claim", "no conv/Linear pair was measured"
        )
        raise RuntimeError(tr("Speed claim", "the benchmark produced no ratio: {problems}").format(problems=problems))
    spec = evidence.spec
    low, high = min(r for _, r in ratios), max(r for _, r in ratios)
    intro = tr(
        "Speed claim",
        "Measured live with the project's bench engine (torch.utils.benchmark, {min_run_time:g} s per implementation "
        "in {rounds} rounds, {seconds:.1f} s in all): {spec}, against Linear({cin}, {cout}) on {batch}×{length}×{cin}: "
        "the same {macs:,} multiply-adds. Conv / Linear time ranged {low:.2f}×–{high:.2f}× over {count} conditions.",
    ).format(
        min_run_time=evidence.min_run_time,
        rounds=evidence.rounds,
        seconds=evidence.seconds,
        spec=spec.describe(),
        cin=spec.cin,
        cout=spec.cout,
        batch=spec.batch,
        length=spec.input_size[0],
        macs=spec.batch * spec.input_size[0] * spec.cin * spec.cout,
        low=low,
        high=high,
        count=len(ratios),
    )
    if low >= ORDER_OF_MAGNITUDE:
        verdict = "true"
        head = tr("Speed claim", "True here: an order of magnitude (≥ {order:g}×) under every condition.").format(
            order=ORDER_OF_MAGNITUDE
        )
    elif high < ORDER_OF_MAGNITUDE:
        verdict = "false"
        head = tr(
            "Speed claim", "False here: not an order of magnitude (≥ {order:g}×) under any condition measured."
        ).format(order=ORDER_OF_MAGNITUDE)
    else:
        verdict = "depends"
        head = tr(
            "Speed claim",
            "Depends: an order of magnitude (≥ {order:g}×) under some conditions only, {worst:.1f}× at worst and "
            "{best:.2f}× at best.",
        ).format(order=ORDER_OF_MAGNITUDE, worst=high, best=low)
    noisy = sorted({r.impl for c in evidence.conditions for r in c.records if r.noise_warning})
    tail = []
    if noisy:
        tail.append(
            tr("Speed claim", "Noisy (IQR over 10% of the median): {impls}; the machine was busy.").format(
                impls=", ".join(noisy)
            )
        )
    if evidence.errors or evidence.excluded:
        tail.append(
            tr("Speed claim", "Not measured: {problems}.").format(
                problems=tr("Speed claim", "; ").join(evidence.errors + evidence.excluded)
            )
        )
    sentences = [head, intro, *_fresh_text(evidence), *_warm_text(evidence), _depends_text(evidence), *tail]
    return verdict, _paragraph(sentences)


def _paragraph(sentences: list[str]) -> str:
    """Sentences run together: a space after an English full stop, none after a Chinese one (。)."""
    text = ""
    for sentence in sentences:
        text += sentence if not text or text.endswith("。") else " " + sentence
    return text


def run(cancel: CancelToken | None = None, options: SpeedOptions | None = None) -> ClaimRun:
    """Measure the seed case fresh (process isolation, default allocator) and warm (in this process, 1 and N
    threads). Cancelling ``cancel`` kills the engine's worker processes and raises :class:`ClaimCancelled`."""
    options = options or SpeedOptions()
    token = cancel or CancelToken()
    spec = options.spec or load_preset(PRESET).spec
    started = time.perf_counter()
    in_process = _in_process_allocator()
    fresh_allocator = "default" if options.fresh_isolation == "process" else in_process
    counts = _thread_counts(options)
    plans = (
        (
            "fresh",
            tr("Speed claim", "a new process per implementation")
            if options.fresh_isolation == "process"
            else tr("Speed claim", "this process"),
            BenchConfig(
                spec=spec,
                impls=FRESH_IMPLS,
                allocator=fresh_allocator,
                isolation=options.fresh_isolation,
                min_run_time=options.min_run_time,
                rounds=options.rounds,
                threads=options.fresh_threads,
            ),
        ),
        (
            "warm",
            tr("Speed claim", "this process, allocator warm"),
            BenchConfig(
                spec=spec,
                impls=WARM_IMPLS,
                allocator=in_process,
                isolation="none",
                min_run_time=options.min_run_time,
                rounds=options.rounds,
                threads=counts[0],
                sweep=Sweep("threads", counts) if len(counts) > 1 else None,
            ),
        ),
    )
    conditions, excluded, errors = [], [], []
    start = 0.0
    for key, label, config in plans:
        shown = condition_name(key)
        yield ClaimProgress(
            start,
            tr("Speed claim", "{condition}: preparing {impls} (isolation {isolation})").format(
                condition=shown, impls=", ".join(config.impls), isolation=config.isolation
            ),
        )
        check_cancel(token)
        span = FRESH_SHARE if key == "fresh" else 1.0 - FRESH_SHARE
        result = yield from _drive(config, token, start, span, shown)
        if token.cancelled or result.cancelled:
            raise ClaimCancelled("cancelled")
        start += span
        excluded += [
            tr("Speed claim", "{condition} {impl}: {reason}").format(condition=shown, impl=e.name, reason=e.reason)
            for _, e in result.excluded
        ]
        if result.error:
            errors.append(tr("Speed claim", "{condition}: {error}").format(condition=shown, error=result.error))
        conditions.append(SpeedCondition(key, label, config.isolation, config.allocator, tuple(result.records)))
    evidence = SpeedEvidence(
        spec=spec,
        min_run_time=options.min_run_time,
        rounds=options.rounds,
        conditions=tuple(conditions),
        excluded=tuple(excluded),
        errors=tuple(errors),
        seconds=time.perf_counter() - started,
    )
    verdict, text = _evidence(evidence)
    return ClaimResult(NAME, verdict, text, evidence)
