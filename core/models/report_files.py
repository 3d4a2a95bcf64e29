"""The model report written to a folder: Markdown, the layer table and timings as CSV, everything as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from core.atomic_write import make_folder, write_text_atomic
from core.models.report import layers_csv, report_json, report_markdown, timing_csv
from core.models.table import Counting
from core.models.timing import ModelTiming

REPORT_FILES = ("model-report.md", "model-layers.csv", "model-timing.csv", "model-report.json")


def write_report(
    opened: Any, counting: Counting, rewritten: Any, timing: ModelTiming | None, out: Path, plot_name: str = ""
) -> list[Path]:
    """Write the report files of an opened model (:class:`core.models.workflow.OpenModel`) and its rewrite (a
    :class:`core.models.workflow.Rewritten` or None) into ``out``; each file is written atomically."""
    make_folder(out)
    names = rewritten.names if rewritten is not None else ()
    checks = rewritten.checks if rewritten is not None else ()
    exact = rewritten.restored_exact if rewritten is not None else None
    label = opened.source.label()
    texts = {
        REPORT_FILES[0]: report_markdown(label, opened.table, counting, names, checks, timing, plot_name, exact),
        REPORT_FILES[1]: layers_csv(opened.table, counting),
        REPORT_FILES[3]: json.dumps(report_json(label, opened.table, counting, names, checks, timing, exact), indent=2),
    }
    if timing is not None:
        texts[REPORT_FILES[2]] = timing_csv(timing)
    return [write_text_atomic(out / name, texts[name]) for name in REPORT_FILES if name in texts]
