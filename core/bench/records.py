"""Benchmark records and their CSV / JSON forms (one record per implementation and sweep point)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.atomic_write import make_folder, write_text_atomic

NOISE_THRESHOLD = 0.1  # IQR / median above which a point is noisy (torch.utils.benchmark's own warning threshold)


@dataclass(frozen=True)
class BenchRecord:
    """One implementation measured at one point.

    ``value`` is the swept variable's value (or ``""`` without a sweep). Times are seconds per call: the median,
    the first and third quartiles of the per-run times (``q1_s``, ``q3_s``) and their difference (``iqr_s``);
    ``noise_warning`` is set when the IQR exceeds :data:`NOISE_THRESHOLD` of the median. ``gflops`` counts the
    conv's useful FLOPs (2*MACs); ``roofline_fraction`` relates the FLOPs actually executed to this machine's
    roofline bound at the implementation's arithmetic intensity, read from the memory level (``roofline_level``,
    its bandwidth ``roofline_bandwidth_gbs``) that holds its working set (``working_set_bytes`` read and written
    per call); it is never clamped, so above 1 means the bound was exceeded. ``ratio_to_linear`` is this median
    over the baseline's (``baseline``), with a 95% bootstrap interval. ``page_faults`` are minor faults per call,
    ``peak_rss_bytes`` the resident-memory growth of one call.
    """

    impl: str
    variable: str
    value: str
    median_s: float
    q1_s: float
    q3_s: float
    iqr_s: float
    runs: int
    gflops: float
    executed_gflops: float
    ratio_to_linear: float
    ratio_low: float
    ratio_high: float
    baseline: str
    backend: str
    page_faults: float
    peak_rss_bytes: int
    arithmetic_intensity: float
    working_set_bytes: int
    roofline_level: str
    roofline_bandwidth_gbs: float
    roofline_bound_gflops: float
    roofline_fraction: float
    noise_warning: str
    max_abs_error: float
    dtype: str
    threads: int
    backward: bool
    allocator: str
    device: str

    @property
    def noisy(self) -> bool:
        """Whether the per-run times spread by more than :data:`NOISE_THRESHOLD` of the median."""
        return bool(self.noise_warning)


FIELDS = tuple(f.name for f in dataclasses.fields(BenchRecord))
_TYPES = {f.name: f.type for f in dataclasses.fields(BenchRecord)}


def _convert(name: str, text: Any) -> Any:
    kind = _TYPES[name]
    if kind == "float":
        return float(text)
    if kind == "int":
        return int(float(text))
    if kind == "bool":
        return text if isinstance(text, bool) else str(text).lower() == "true"
    return str(text)


def records_to_csv(records: list[BenchRecord]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: repr(v) if isinstance(v, float) else v for k, v in dataclasses.asdict(record).items()})
    return buffer.getvalue()


def records_from_csv(text: str) -> list[BenchRecord]:
    rows = csv.DictReader(io.StringIO(text))
    return [BenchRecord(**{k: _convert(k, row[k]) for k in FIELDS}) for row in rows]


def _json_safe(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def records_to_json(records: list[BenchRecord], meta: dict[str, Any] | None = None) -> str:
    payload = {
        "meta": meta or {},
        "records": [{k: _json_safe(v) for k, v in dataclasses.asdict(r).items()} for r in records],
    }
    return json.dumps(payload, indent=2)


def records_from_json(text: str) -> list[BenchRecord]:
    data = json.loads(text)
    return [BenchRecord(**{k: _convert(k, row[k]) for k in FIELDS}) for row in data["records"]]


def write_records(records: list[BenchRecord], directory: Path, formats: set[str], meta: dict[str, Any]) -> list[Path]:
    """Write ``bench.csv`` / ``bench.json`` into ``directory`` for the requested formats; return the paths.

    Each file is written atomically; a failure raises :class:`~core.atomic_write.WriteError` naming the file."""
    make_folder(directory)
    written = []
    if "csv" in formats:
        path = directory / "bench.csv"
        write_text_atomic(path, records_to_csv(records))
        written.append(path)
    if "json" in formats:
        path = directory / "bench.json"
        write_text_atomic(path, records_to_json(records, meta))
        written.append(path)
    return written
