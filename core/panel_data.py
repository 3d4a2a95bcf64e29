"""The data behind the panels' plots and heatmaps, as tables: exactly the arrays the window draws from a
:class:`~core.lab.LabResult`, and a writer that saves them as CSV (one file per table) and JSON (``data.json``).

CSV numbers are written with ``repr``, the shortest text that reads back as the same float64, so a table
round-trips exactly; JSON holds the same numbers, with ``"nan"``, ``"inf"`` and ``"-inf"`` as strings (JSON has
no non-finite numbers).
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from core.atomic_write import make_folder, write_text_atomic
from core.axis_labels import CONV_GRID_AXES, OUTPUT_MAP_AXES, PATCH_AXES, SLIDING_AXES
from core.display import first_map
from core.lab import ConvStage, LabResult, LinearStage
from core.validation import ValidSpec

JSON_NAME = "data.json"
NAME_RULE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
# Device names Windows will not open as files, whatever the extension.
RESERVED_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10))})
HISTOGRAM_COLUMNS = ("bin_start", "bin_end", "linear_density", "conv_density")


@dataclass(frozen=True, eq=False)
class Table:
    """One 2-D array a panel draws, with its axis labels; ``values`` is a read-only float64 view.

    ``row_index``/``col_index`` name the rows/columns (default ``0 .. n-1``); ``note`` says how the data relates
    to the tensor behind it (e.g. a matrix shown by blocks).
    """

    name: str
    title: str
    row_label: str
    col_label: str
    values: np.ndarray
    row_index: tuple[str, ...] | None = None
    col_index: tuple[str, ...] | None = None
    note: str = ""

    def __post_init__(self) -> None:
        values = np.asarray(self.values, dtype=np.float64).view()
        if values.ndim != 2:
            raise ValueError(f"table {self.name!r}: values must be 2-D, got shape {values.shape}")
        values.flags.writeable = False
        object.__setattr__(self, "values", values)
        rows, cols = values.shape
        for index, size, what in ((self.row_index, rows, "rows"), (self.col_index, cols, "columns")):
            if index is not None and len(index) != size:
                raise ValueError(f"table {self.name!r}: {len(index)} labels for {size} {what}")

    @property
    def shape(self) -> tuple[int, int]:
        rows, cols = self.values.shape
        return rows, cols

    def row_labels(self) -> tuple[str, ...]:
        return self.row_index if self.row_index is not None else tuple(map(str, range(self.shape[0])))

    def col_labels(self) -> tuple[str, ...]:
        return self.col_index if self.col_index is not None else tuple(map(str, range(self.shape[1])))

    def to_csv(self) -> str:
        """Header: ``row_label \\ col_label`` then the column labels; each row: its label, then its values."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([f"{self.row_label} \\ {self.col_label}", *self.col_labels()])
        for label, row in zip(self.row_labels(), self.values.tolist(), strict=True):
            writer.writerow([label, *map(repr, row)])
        return buffer.getvalue()

    def to_json(self) -> dict[str, Any]:
        """Name, title, axis labels, shape, index labels, note and values (non-finite numbers as strings)."""
        return {
            "name": self.name,
            "title": self.title,
            "row_label": self.row_label,
            "col_label": self.col_label,
            "shape": list(self.shape),
            "row_index": list(self.row_labels()),
            "col_index": list(self.col_labels()),
            "note": self.note,
            "values": [[_json_number(v) for v in row] for row in self.values.tolist()],
        }


def _json_number(value: float) -> float | str:
    return value if math.isfinite(value) else repr(value)


def _weight_tables(valid: ValidSpec, conv: ConvStage | None, linear: LinearStage | None) -> list[Table]:
    """The Weights panel: the Linear (or Toeplitz) matrix as shown, the tiled conv weight, the patch matrix."""
    dims = valid.spec.dims
    tables = []
    if linear is not None:
        reduced = linear.linear_matrix
        rows, cols = reduced.shape
        block = reduced.block
        note = (
            f"shown in {block}x{block} blocks (the largest-magnitude entry of each) of the full {rows}x{cols} "
            "matrix; the index labels are each block's first row/column"
            if block > 1
            else ""
        )
        shown_rows, shown_cols = reduced.values.shape
        tables.append(
            Table(
                "linear_weight",
                f"Linear.weight {rows}×{cols}",
                "out feature",
                "in feature",
                reduced.values,
                tuple(str(r * block) for r in range(shown_rows)) if block > 1 else None,
                tuple(str(c * block) for c in range(shown_cols)) if block > 1 else None,
                note,
            )
        )
        if linear.patch_matrix is not None:
            tables.append(
                Table(
                    "patches",
                    "patches (sample 0)",
                    PATCH_AXES[dims][1],
                    PATCH_AXES[dims][0],
                    linear.patch_matrix,
                    note="the unfolded input of sample 0: a column per output position",
                )
            )
    if conv is not None:
        grid = conv.conv_grid
        shape = "×".join(str(n) for n in conv.conv.weight.shape)
        tables.append(
            Table(
                "conv_weight",
                f"conv.weight {shape}",
                CONV_GRID_AXES[dims][1],
                CONV_GRID_AXES[dims][0],
                grid.values,
                note=f"kernels tiled: output channel o, kernel row a is row o*{grid.kernel[0]}+a; "
                f"input channel c, kernel column b is column c*{grid.kernel[1]}+b",
            )
        )
    return tables


def _sliding_tables(valid: ValidSpec, conv: ConvStage) -> list[Table]:
    """The Sliding window panel for output channel 0 of sample 0: padded input, kernel [0, 0], output."""
    geom, dims = valid.geometry, valid.spec.dims
    kernel = conv.conv.weight.detach()[0, 0].double().numpy().reshape(geom.kernel)

    def axes(name: str) -> tuple[str, str]:
        """(row, column) labels as the panel's (x, y); a 1-D map has one row and no y label."""
        x, y = SLIDING_AXES[dims][name]
        return y or "row", x

    return [
        Table(
            "sliding_input",
            "input ch 0 (padded)",
            *axes("input"),
            conv.padded_input[0].numpy(),
            note=f"padding zeros included: {geom.pad_lo} before and {geom.pad_hi} after (rows, columns)"
            if geom.has_padding
            else "no padding",
        ),
        Table("sliding_kernel", "kernel [0, 0]", *axes("kernel"), kernel),
        Table("sliding_output", "output ch 0", *axes("output"), conv.sample_output[0].numpy().reshape(geom.output)),
    ]


def _equality_tables(result: LabResult) -> list[Table]:
    """The Equality panel: both outputs of sample 0 and their absolute difference."""
    report = result.equality
    if report is None:
        return []
    maps = (
        ("conv_output", "conv(x)", report.conv_output),
        ("linear_output", "Linear path", report.linear_output),
        ("output_difference", "|difference|", report.abs_difference),
    )
    note = f"sample 0 in {report.dtype}, as float64"
    col, row = OUTPUT_MAP_AXES
    return [Table(name, title, row, col, first_map(t), note=note) for name, title, t in maps]


def _init_tables(result: LabResult) -> list[Table]:
    """The Init panel: one row per histogram bin, its edges and both densities."""
    init = result.init
    if init is None:
        return []
    edges = init.bin_edges
    values = np.column_stack([edges[:-1], edges[1:], init.linear_density, init.conv_density])
    return [
        Table(
            "init_histogram",
            "default-init weight densities",
            "bin",
            "column",
            values,
            col_index=HISTOGRAM_COLUMNS,
            note=f"{init.draws} re-initialisations; bounds ±{init.linear_bound!r} (Linear), "
            f"±{init.conv_bound!r} (conv)",
        )
    ]


def panel_tables(result: LabResult) -> dict[str, Table]:
    """Every table the panels draw from ``result``, by name; a stage not landed gives none of its tables."""
    tables = _weight_tables(result.valid, result.conv, result.linear)
    if result.conv is not None:
        tables += _sliding_tables(result.valid, result.conv)
    tables += _equality_tables(result) + _init_tables(result)
    return {table.name: table for table in tables}


def check_name(name: str) -> str:
    """``name`` if it is a safe file name stem (lowercase letters, digits, ``-``, ``_``); else a ValueError."""
    if NAME_RULE.fullmatch(name) is None or name in RESERVED_NAMES:
        raise ValueError(
            f"not a safe table name: {name!r} (use 1-64 lowercase letters, digits, '-' or '_', starting with a "
            "letter or digit)"
        )
    return name


def write_tables(tables: Mapping[str, Table], folder: Path, spec: Mapping[str, Any]) -> list[Path]:
    """Write ``NAME.csv`` per table and ``data.json`` (every table and ``spec``) into ``folder``, each atomically;
    ``data.json`` last, so its presence means the export finished. Names are checked before anything is written."""
    for key, table in tables.items():
        check_name(table.name)
        if key != table.name:
            raise ValueError(f"table {table.name!r} is filed under another name, {key!r}")
    make_folder(folder)
    written = [write_text_atomic(folder / f"{name}.csv", table.to_csv()) for name, table in tables.items()]
    payload = {"spec": dict(spec), "tables": [table.to_json() for table in tables.values()]}
    written.append(write_text_atomic(folder / JSON_NAME, json.dumps(payload, allow_nan=False) + "\n"))
    return written


def export_panel_data(result: LabResult, folder: Path) -> list[Path]:
    """:func:`panel_tables` of ``result`` written by :func:`write_tables`, with the result's spec."""
    return write_tables(panel_tables(result), folder, result.spec.to_dict())
