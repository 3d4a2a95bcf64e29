"""The index of an exported folder: what each file is, the spec, and how it was made.

One document, written three ways: ``index.md`` and ``index.html`` for people, ``index.json`` for programs. The
JSON is also the export's manifest: the next export into the same folder reads its file list to remove the files
this one wrote and that one no longer writes (and nothing else).
"""

from __future__ import annotations

import html
import importlib.metadata
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from core.export_folder import check_file_name
from core.i18n import tr
from core.inspect_report import inspect_spec
from core.json_file import JsonFileError, read_json_file
from core.number_format import format_number
from core.standalone_script import spec_line
from core.validation import ValidSpec

INDEX_MD, INDEX_HTML, MANIFEST = "index.md", "index.html", "index.json"
GENERATOR = "LinConv Lab export"
MANIFEST_VERSION = 1
MAX_MANIFEST_BYTES = 4 << 20


@dataclass(frozen=True)
class ExportedFile:
    """One file of the export: its name in the folder and one line saying what it holds."""

    name: str
    description: str


@dataclass(frozen=True)
class ExportInfo:
    """What the index says about the export besides its files."""

    spec_line: str
    spec: dict[str, Any]
    mode: str
    preset: str | None
    language: str
    theme: str
    width: int
    app_version: str
    torch_version: str
    date: str
    formulas: dict[str, list[tuple[str, str, str, str]]] = field(default_factory=dict)
    not_included: tuple[str, ...] = ()


def app_version() -> str:
    try:
        return importlib.metadata.version("linconv-lab")
    except importlib.metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def export_info(
    valid: ValidSpec,
    *,
    preset: str | None,
    language: str,
    theme: str,
    width: int,
    not_included: Sequence[str] = (),
) -> ExportInfo:
    """The index's facts for ``valid``: its spec line, parameters and formulas (as ``inspect`` shows them), the
    export's settings, the app's and PyTorch's versions and the date."""
    import torch

    formulas = {
        title: [
            (f.name, f.symbolic, f.substituted, f.value if isinstance(f.value, str) else format_number(f.value))
            for f in rows
        ]
        for title, rows in inspect_spec(valid).sections.items()
    }
    return ExportInfo(
        spec_line=spec_line(valid),
        spec=valid.spec.to_dict(),
        mode=valid.mode,
        preset=preset,
        language=language,
        theme=theme,
        width=width,
        app_version=app_version(),
        torch_version=str(torch.__version__),
        date=datetime.now().astimezone().isoformat(timespec="seconds"),
        formulas=formulas,
        not_included=tuple(not_included),
    )


# ----- one document, two renderings -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Link:
    name: str


Cell = str | _Link
Block = tuple[str, Any]  # ("h1" | "h2" | "h3" | "p", text), ("list", [text]), ("table", (headings, rows))


def _document(info: ExportInfo, files: Sequence[ExportedFile]) -> list[Block]:
    preset = info.preset or tr("Export index", "none (a spec given by its options)")
    settings = [
        (tr("Export index", "preset"), preset),
        (tr("Export index", "mapping mode"), info.mode),
        (tr("Export index", "language"), info.language),
        (tr("Export index", "theme"), info.theme),
        (tr("Export index", "PNG width"), tr("Export index", "{width} px").format(width=info.width)),
        (tr("Export index", "LinConv Lab version"), info.app_version),
        (tr("Export index", "PyTorch version"), info.torch_version),
        (tr("Export index", "exported"), info.date),
    ]
    blocks: list[Block] = [
        ("h1", tr("Export index", "LinConv Lab export")),
        ("p", info.spec_line),
        ("table", ((tr("Export index", "setting"), tr("Export index", "value")), settings)),
        ("h2", tr("Export index", "Files")),
        (
            "table",
            (
                (tr("Export index", "file"), tr("Export index", "what it holds")),
                [(_Link(f.name), f.description) for f in files],
            ),
        ),
    ]
    if info.not_included:
        blocks += [("h2", tr("Export index", "Not included")), ("list", list(info.not_included))]
    blocks += [
        ("h2", tr("Export index", "Spec")),
        ("table", ((tr("Export index", "parameter"), tr("Export index", "value")), _spec_rows(info.spec))),
        ("h2", tr("Export index", "Shapes, counts and memory (as `inspect` prints them)")),
    ]
    headings = (
        tr("Export index", "quantity"),
        tr("Export index", "formula"),
        tr("Export index", "with the numbers"),
        tr("Export index", "value"),
    )
    for title, rows in info.formulas.items():
        blocks += [("h3", title), ("table", (headings, rows))]
    blocks += [
        ("h2", tr("Export index", "About this folder")),
        (
            "p",
            tr(
                "Export index",
                "Every file appeared at once, when all of them were written (they wait in a hidden "
                ".linconv-export-* folder until then). Exporting into this folder again replaces the files listed "
                "above and removes those of them the new export does not write; nothing else here is touched.",
            ),
        ),
    ]
    return blocks


def _spec_rows(spec: dict[str, Any]) -> list[tuple[str, str]]:
    rows = []
    for name, value in spec.items():
        if isinstance(value, list) and len(value) > 16:  # input_values: the count, not 65,536 numbers
            value = tr("Export index", "{count:,} values (in the script and data.json)").format(count=len(value))
        rows.append((name, value if isinstance(value, str) else json.dumps(value)))
    return rows


def _md_cell(cell: Cell) -> str:
    if isinstance(cell, _Link):
        return f"[{cell.name}](<{cell.name}>)"
    return cell.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def to_markdown(blocks: Sequence[Block]) -> str:
    lines: list[str] = []
    for kind, content in blocks:
        if kind in ("h1", "h2", "h3"):
            lines += ["#" * int(kind[1]) + " " + content, ""]
        elif kind == "p":
            lines += [content, ""]
        elif kind == "list":
            lines += [f"- {item}" for item in content] + [""]
        else:
            headings, rows = content
            lines.append("| " + " | ".join(_md_cell(h) for h in headings) + " |")
            lines.append("|" + " --- |" * len(headings))
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
            lines.append("")
    return "\n".join(lines)


def _html_cell(cell: Cell) -> str:
    if isinstance(cell, _Link):
        return f'<a href="{html.escape(cell.name)}">{html.escape(cell.name)}</a>'
    return html.escape(cell)


def to_html(blocks: Sequence[Block], title: str, language: str = "en") -> str:
    # lang tells the browser to pick Simplified Chinese glyph shapes (not Japanese) for the Chinese index
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(language.replace("_", "-"))}"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        "<style>body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em}"
        "table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #bbb;padding:.2em .5em;"
        "text-align:left;vertical-align:top}</style>",
        "</head><body>",
    ]
    for kind, content in blocks:
        if kind in ("h1", "h2", "h3", "p"):
            parts.append(f"<{kind}>{html.escape(content)}</{kind}>")
        elif kind == "list":
            parts.append("<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in content) + "</ul>")
        else:
            headings, rows = content
            head = "".join(f"<th>{_html_cell(h)}</th>" for h in headings) if any(headings) else ""
            body = "".join("<tr>" + "".join(f"<td>{_html_cell(c)}</td>" for c in row) + "</tr>" for row in rows)
            parts.append(f"<table>{f'<tr>{head}</tr>' if head else ''}{body}</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def index_files(info: ExportInfo, files: Sequence[ExportedFile]) -> dict[str, str]:
    """``index.md``, ``index.html`` and ``index.json`` for an export of ``files`` (the three are listed too)."""
    listed = [
        *files,
        ExportedFile(INDEX_MD, tr("Export index", "this index, in Markdown")),
        ExportedFile(INDEX_HTML, tr("Export index", "this index, as a web page")),
        ExportedFile(MANIFEST, tr("Export index", "this index for programs (JSON), read by the next export here")),
    ]
    blocks = _document(info, listed)
    manifest = {
        "generator": GENERATOR,
        "version": MANIFEST_VERSION,
        **{key: value for key, value in asdict(info).items() if key != "formulas"},
        "files": [asdict(file) for file in listed],
    }
    return {
        INDEX_MD: to_markdown(blocks),
        INDEX_HTML: to_html(blocks, info.spec_line, info.language),
        MANIFEST: json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
    }


def previous_files(folder: Path) -> list[str]:
    """The files an earlier export into ``folder`` listed in its manifest (none if there is no readable one; names
    that are not an export's are left out, so a hand-edited manifest cannot point outside the folder)."""
    try:
        manifest = read_json_file(Path(folder) / MANIFEST, "an export index", MAX_MANIFEST_BYTES)
    except JsonFileError:
        return []
    if not isinstance(manifest, dict) or manifest.get("generator") != GENERATOR:
        return []
    names = []
    for entry in manifest.get("files", []) if isinstance(manifest.get("files"), list) else []:
        name = entry.get("name") if isinstance(entry, dict) else None
        try:
            names.append(check_file_name(name) if isinstance(name, str) else "")
        except ValueError:
            continue
    return [name for name in names if name]
