"""What a model analysis says, in every form a face needs: table cells, the JSON payload, Markdown and CSV.

One place builds the layer table's columns and the timing rows, so the terminal, the window and the exported
report agree cell for cell.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.i18n import tr, tr_noop
from core.models.rewrite import Verification
from core.models.table import Counting, LayerRow, ModelTable
from core.models.timing import WHOLE, ModelTiming, form_label

COLUMNS = (  # (key, header) in table order; headers shown with tr("Model report", header)
    ("index", tr_noop("Model report", "#")),
    ("name", tr_noop("Model report", "layer")),
    ("kind", tr_noop("Model report", "type")),
    ("detail", tr_noop("Model report", "settings")),
    ("input", tr_noop("Model report", "input")),
    ("output", tr_noop("Model report", "output")),
    ("params", tr_noop("Model report", "params")),
    ("count", tr_noop("Model report", "count")),
    ("rf", tr_noop("Model report", "receptive field")),
    ("marks", tr_noop("Model report", "marks")),
)
MARK_WORDS = {
    "pointwise": tr_noop("Model report", "pointwise conv"),
    "full-kernel": tr_noop("Model report", "full-kernel conv"),
    "linear-as-conv": tr_noop("Model report", "Linear = conv"),
}


def shape_text(shape: Sequence[int]) -> str:
    """``(2, 24, 16, 16)`` → ``2×24×16×16``."""
    return "×".join(str(size) for size in shape)


def count_text(value: float) -> str:
    """A count with an SI suffix: ``1234567`` → ``1.23 M``; small counts in full."""
    for size, suffix in ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g} {suffix}"
    return f"{value:.0f}"


def rf_text(row: LayerRow) -> str:
    if row.whole_input:
        return tr("Model report", "whole input")
    if row.receptive_field is None:
        return "–"
    return "×".join(str(size) for size in row.receptive_field)


def marks_text(row: LayerRow) -> str:
    words = [tr("Model report", MARK_WORDS[mark]) for mark in row.marks if mark in MARK_WORDS]
    if row.rewritable:
        words.append(tr("Model report", "can become Linear"))
    return tr("Model report", ", ").join(words)


def headers(counting: Counting) -> list[str]:
    """Column headers; the count column is named after the unit."""
    unit = tr("Model report", "FLOPs") if counting.unit == "flops" else tr("Model report", "MACs")
    return [unit if key == "count" else tr("Model report", header) for key, header in COLUMNS]


def row_cells(row: LayerRow, counting: Counting) -> list[str]:
    """The cells of one layer, in :data:`COLUMNS` order, as people read them."""
    count = row.count(counting)
    values = {
        "index": str(row.index),
        "name": row.name or tr("Model report", "(the model's own parameters)"),
        "kind": row.kind,
        "detail": row.detail,
        "input": shape_text(row.input_shape),
        "output": shape_text(row.output_shape),
        "params": f"{row.params:,}" if row.params else "–",
        "count": count_text(count) if count else "–",  # not a conv or Linear: nothing counted
        "rf": rf_text(row),
        "marks": marks_text(row),
    }
    return [values[key] for key, _ in COLUMNS]


def row_record(row: LayerRow, counting: Counting) -> dict[str, Any]:
    """One layer as exact data (JSON and CSV): every number unformatted."""
    return {
        "index": row.index,
        "name": row.name,
        "type": row.kind,
        "settings": row.detail,
        "input_shape": list(row.input_shape),
        "output_shape": list(row.output_shape),
        "params": row.params,
        "macs": row.macs,
        "bias_adds": row.bias_adds,
        "count": row.count(counting),
        "receptive_field": None if row.receptive_field is None else list(row.receptive_field),
        "whole_input": row.whole_input,
        "marks": list(row.marks),
        "rewritable": row.rewritable,
    }


def totals_line(table: ModelTable, counting: Counting) -> str:
    return tr("Model report", "{params} parameters · {count} {unit} per forward on {shape}").format(
        params=f"{table.total_params:,}",
        count=count_text(table.total(counting)),
        unit=tr("Model report", "FLOPs") if counting.unit == "flops" else tr("Model report", "MACs"),
        shape=shape_text(table.input_shape),
    )


def flatten_lines(table: ModelTable) -> list[str]:
    """One line per Linear fed by a flatten: how its in_features follows from the shapes before it."""
    lines = []
    for item in table.flatten:
        verdict = "✓" if item.ok else "✗"
        lines.append(f"{verdict} {item.layer}: in_features {item.in_features} · {item.formula}")
    return lines


def rewrite_line(names: Sequence[str]) -> str:
    """Which layers were written as Linear."""
    return tr("Model report", "{count} pointwise convs written as Linear: {names}").format(
        count=len(names), names=tr("Model report", ", ").join(names)
    )


def restored_line(exact: bool) -> str:
    """What rewriting the Linear layers back to convs gave."""
    if exact:
        return tr("Model report", "rewritten back to convs: the original outputs, bit for bit")
    return tr("Model report", "rewritten back to convs: the outputs DIFFER from the original")


def verification_line(check: Verification) -> str:
    verdict = tr("Model report", "equal") if check.equal else tr("Model report", "NOT equal")
    return tr(
        "Model report",
        "{verdict} in {dtype}: max abs error {abs:.3g}, max rel error {rel:.3g} "
        "(each element within {tol:.0e} + {rtol:.1e}·|value|)",
    ).format(
        verdict=verdict,
        dtype=check.dtype,
        abs=check.max_abs_error,
        rel=check.max_rel_error,
        tol=check.tolerance,
        rtol=check.rel_tolerance,
    )


@dataclass(frozen=True)
class TimingRow:
    """One measured thing as a table row: subject (layer or whole model), form, median and IQR in ms, gain over
    the baseline (native conv, or the original model) with its 95% interval, or why it was not timed."""

    subject: str
    form: str
    median_ms: float
    iqr_ms: float
    gain: float
    low: float
    high: float
    note: str


def timing_rows(timing: ModelTiming) -> list[TimingRow]:
    rows = []
    for item in timing.layers + timing.whole:
        baseline = "conv" if item.subject != WHOLE else "original"
        gain = timing.gain(item.subject, item.form, baseline)
        ratio, low, high = gain if gain is not None else (math.nan, math.nan, math.nan)
        median = item.timing.median_s * 1e3 if item.timing else math.nan
        iqr = item.timing.iqr_s * 1e3 if item.timing else math.nan
        note = item.failure or item.unsteady or (item.timing.noise_warning if item.timing else "")
        rows.append(
            TimingRow(item.subject or tr("Model report", "whole model"), item.form, median, iqr, ratio, low, high, note)
        )
    return rows


def timing_cells(row: TimingRow) -> list[str]:
    if math.isnan(row.median_ms):
        return [row.subject, form_label(row.form), "–", "–", "–", row.note]
    gain = "" if math.isnan(row.gain) else f"{row.gain:.2f}× [{row.low:.2f}–{row.high:.2f}]"
    return [row.subject, form_label(row.form), f"{row.median_ms:.3f}", f"{row.iqr_ms:.3f}", gain, row.note]


def timing_headers() -> list[str]:
    return [
        tr("Model report", "layer"),
        tr("Model report", "form"),
        tr("Model report", "median ms"),
        tr("Model report", "IQR ms"),
        tr("Model report", "gain [95% CI]"),
        tr("Model report", "note"),
    ]


def timing_caption(timing: ModelTiming) -> str:
    """How it was measured, in one line."""
    isolation = (
        tr("Model report", "each in a fresh worker process")
        if timing.config.isolation == "process"
        else tr("Model report", "all in one process")
    )
    return tr(
        "Model report",
        "{isolation}; {rounds} interleaved rounds; {threads} threads; allocator {allocator}; started {started}. "
        "Gain = baseline median / this median (native conv for a layer, the original for the model).",
    ).format(
        isolation=isolation,
        rounds=timing.config.rounds,
        threads=timing.threads,
        allocator=timing.allocator,
        started=timing.started,
    )


def choice_lines(timing: ModelTiming) -> list[str]:
    lines = []
    if timing.choices and not any(item.form == "tuned" for item in timing.whole):
        lines.append(tr("Model report", "every layer kept its native conv: the tuned model is the original"))
    tuned = timing.gain(WHOLE, "tuned", "original")
    if tuned is not None and tuned[2] < 1.0:
        lines.append(
            tr(
                "Model report",
                "the tuned model is slower than the original ({ratio:.2f}×): the layers' gains, measured alone, did "
                "not add up in the model (a changed memory layout costs the next op); keep the original",
            ).format(ratio=tuned[0])
        )
    for choice in timing.choices:
        if choice.form != "conv":
            text = tr(
                "Model report", "{layer}: {form}, {ratio:.2f}× faster than the native conv [{low:.2f}–{high:.2f}]"
            )
        elif choice.fastest != "conv":
            text = tr(
                "Model report",
                "{layer}: native conv kept; {fastest} measured {ratio:.2f}× [{low:.2f}–{high:.2f}], not clearly faster",
            )
        else:
            text = tr("Model report", "{layer}: native conv kept; it measured fastest")
        lines.append(
            text.format(
                layer=choice.layer,
                form=form_label(choice.form),
                fastest=form_label(choice.fastest),
                ratio=choice.ratio,
                low=choice.low,
                high=choice.high,
            )
        )
    return lines


def timing_record(timing: ModelTiming) -> dict[str, Any]:
    """The timings as exact data."""

    def seconds(value: float) -> float | None:
        return None if math.isnan(value) else value / 1e3

    return {
        "isolation": timing.config.isolation,
        "rounds": timing.config.rounds,
        "min_run_time_s": timing.config.min_run_time,
        "threads": timing.threads,
        "allocator": timing.allocator,
        "started": timing.started,
        "cancelled": timing.cancelled,
        "error": timing.error,
        "measurements": [
            {
                "subject": item.subject or "model",
                "form": item.form,
                "median_s": seconds(row.median_ms),
                "iqr_s": seconds(row.iqr_ms),
                "gain": None if math.isnan(row.gain) else row.gain,
                "gain_ci95": None if math.isnan(row.gain) else [row.low, row.high],
                "max_abs_error": item.max_abs_error,
                "tolerance": item.tolerance,
                "verified": item.verified,
                "unsteady": bool(item.unsteady),
                "note": row.note,
            }
            for item, row in zip(timing.layers + timing.whole, timing_rows(timing), strict=True)
        ],
        "tuned": [
            {"layer": c.layer, "form": c.form, "fastest": c.fastest, "gain": c.ratio, "gain_ci95": [c.low, c.high]}
            for c in timing.choices
        ],
    }


def report_json(
    label: str,
    table: ModelTable,
    counting: Counting,
    rewritten: Sequence[str],
    checks: Sequence[Verification],
    timing: ModelTiming | None,
    restored_exact: bool | None = None,
) -> dict[str, Any]:
    """Everything as JSON-safe data: the layer table, the flatten sizes, the rewrite, its checks and timings."""
    strictest = checks[0] if checks else None
    return {
        "model": label,
        "input_shape": list(table.input_shape),
        "output_shapes": [list(shape) for shape in table.output_shapes],
        "counting": {"unit": counting.unit, "bias": counting.bias},
        "total_params": table.total_params,
        "total_count": table.total(counting),
        "layers": [row_record(row, counting) for row in table.rows],
        "flatten": [
            {"layer": f.layer, "in_features": f.in_features, "arriving": f.arriving, "formula": f.formula, "ok": f.ok}
            for f in table.flatten
        ],
        "rewritten": len(rewritten),
        "rewritten_layers": list(rewritten),
        "equal": None if strictest is None else all(check.equal for check in checks),
        "max_abs_error": None if strictest is None else strictest.max_abs_error,
        "restored_exact": restored_exact,
        "checks": [
            {
                "dtype": c.dtype,
                "equal": c.equal,
                "max_abs_error": c.max_abs_error,
                "max_rel_error": c.max_rel_error,
                "tolerance": c.tolerance,
            }
            for c in checks
        ],
        "timings": None if timing is None else timing_record(timing),
    }


def records_csv(records: Sequence[dict[str, Any]]) -> str:
    """Records with the same keys as CSV, one column per key; a list (a shape, an interval) as ``2x24x16x16``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    fields = list(records[0]) if records else []
    writer.writerow(fields)
    for record in records:
        writer.writerow(["x".join(map(str, v)) if isinstance(v, list) else v for v in (record[f] for f in fields)])
    return out.getvalue()


def layers_csv(table: ModelTable, counting: Counting) -> str:
    """The layer table as CSV (exact numbers)."""
    return records_csv([row_record(row, counting) for row in table.rows])


def timing_csv(timing: ModelTiming) -> str:
    """Every measurement as CSV (seconds; the gain's 95% interval in two columns)."""
    rows = []
    for record in timing_record(timing)["measurements"]:
        low, high = record.pop("gain_ci95") or (None, None)
        rows.append({**record, "gain_low": low, "gain_high": high})
    return records_csv(rows)


def _markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    return "\n".join([line(header), line(["---"] * len(header)), *(line(row) for row in rows)])


def report_markdown(
    label: str,
    table: ModelTable,
    counting: Counting,
    rewritten: Sequence[str],
    checks: Sequence[Verification],
    timing: ModelTiming | None,
    plot_file: str = "",
    restored_exact: bool | None = None,
) -> str:
    """The report a person reads: the table, the flatten sizes, the rewrite's checks and its timings."""
    parts = [
        f"# {label}",
        totals_line(table, counting),
        counting.describe(),
        _markdown_table(headers(counting), [row_cells(row, counting) for row in table.rows]),
    ]
    if table.flatten:
        parts += [f"## {tr('Model report', 'Flatten sizes')}", "\n".join(f"- {line}" for line in flatten_lines(table))]
    if rewritten:
        parts += [
            f"## {tr('Model report', 'Rewrite')}",
            rewrite_line(rewritten),
            "\n".join(f"- {verification_line(check)}" for check in checks),
        ]
        if restored_exact is not None:
            parts.append(f"- {restored_line(restored_exact)}")
    if timing is not None:
        parts += [
            f"## {tr('Model report', 'Timing')}",
            timing_caption(timing),
            _markdown_table(timing_headers(), [timing_cells(row) for row in timing_rows(timing)]),
        ]
        if timing.choices:
            parts.append("\n".join(f"- {line}" for line in choice_lines(timing)))
        if plot_file:
            parts.append(f"![{tr('Model report', 'per-layer time before and after')}]({plot_file})")
    return "\n\n".join(parts) + "\n"
