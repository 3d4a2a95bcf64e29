"""The Speed panel's summary as HTML: every implementation's times, its ratio and the findings per point
(faults, allocator, layout, roofline), what was excluded and why, and the caption. Lists, not tables, so it
reads in a narrow column."""

from __future__ import annotations

import html
from collections.abc import Iterable

from core.bench.caption import caption_lines
from core.bench.runner import BenchResult
from core.bench.summary import findings_by_point, timing_line
from core.i18n import tr


def _list(lines: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>"


def summary_html(result: BenchResult) -> str:
    """The whole summary of ``result`` (an empty string when nothing was measured or excluded)."""
    parts: list[str] = []
    for point in findings_by_point(result.records):
        if point.name != "spec":
            parts.append(f"<h4>{html.escape(point.name)}</h4>")
        parts.append(_list(point.findings) + _list(timing_line(r) for r in point.records))
    excluded = [
        tr("Benchmark plots", "{name} at {value}: {reason}").format(name=e.name, value=v, reason=e.reason)
        if v
        else f"{e.name}: {e.reason}"
        for v, e in result.excluded
    ]
    if excluded:
        parts.append(f"<p><b>{html.escape(tr('Benchmark plots', 'excluded'))}</b></p>" + _list(excluded))
    if result.records:
        parts.append("<p><small>" + "<br>".join(html.escape(line) for line in caption_lines(result)) + "</small></p>")
    return "".join(parts)
