"""Write an export: the files a face rendered, the panels' data, the standalone script and the index, all at once.

:func:`write_export` is a generator: it yields an :class:`ExportProgress` before each file, so a face can show
progress and cancel between files; it returns the final paths, or None when cancelled (nothing written). A face's
files arrive as :class:`ExportItem` whose content is made when it is written (encoding a picture can happen in
the writing thread).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from core.atomic_write import write_bytes_atomic, write_text_atomic
from core.export_folder import StagedFolder, check_file_name
from core.export_index import ExportedFile, ExportInfo, index_files, previous_files
from core.i18n import tr
from core.panel_data import JSON_NAME, Table, write_tables
from core.standalone_script import SCRIPT_NAME, standalone_script
from core.validation import ValidSpec


@dataclass(frozen=True)
class ExportItem:
    """One file a face rendered: its name in the folder, one line for the index, and its bytes (made on demand)."""

    name: str
    description: str
    content: Callable[[], bytes]


@dataclass(frozen=True)
class ExportProgress:
    """``done`` of ``total`` steps, and what the next one is; ``waiting``: nothing was done, ask again a little
    later (the producer waits for something else, e.g. a computation)."""

    done: int
    total: int
    message: str
    waiting: bool = False

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0


def table_description(table: Table) -> str:
    """One index line for a panel's data table (CSV)."""
    rows, cols = table.shape
    line = tr("Export", "data of “{title}”: {rows}×{cols} values, rows {row_label}, columns {col_label}").format(
        title=table.title, rows=rows, cols=cols, row_label=table.row_label, col_label=table.col_label
    )
    return f"{line} ({table.note})" if table.note else line


def write_export(
    folder: Path,
    items: Sequence[ExportItem],
    tables: Mapping[str, Table],
    valid: ValidSpec,
    info: ExportInfo,
    cancelled: Callable[[], bool] = lambda: False,
) -> Generator[ExportProgress, None, list[Path] | None]:
    """Write ``items``, one CSV per table plus ``data.json``, the standalone script and the index into ``folder``:
    into a hidden staging folder first, moved into place once every file is written (see
    :class:`~core.export_folder.StagedFolder`). A failure raises :class:`~core.atomic_write.WriteError` and, like a
    cancellation, leaves the folder as it was."""
    names = [check_file_name(item.name) for item in items]
    if len(set(names)) != len(names):
        raise ValueError("an export names the same file twice")
    total = len(items) + 3
    files: list[ExportedFile] = []
    with StagedFolder(folder) as staged:
        for done, item in enumerate(items):
            if cancelled():
                return None
            yield ExportProgress(done, total, tr("Export", "writing {name}").format(name=item.name))
            write_bytes_atomic(staged.path(item.name), item.content())
            files.append(ExportedFile(item.name, item.description))
        if cancelled():
            return None
        yield ExportProgress(total - 3, total, tr("Export", "writing the panels' data (CSV, JSON)"))
        write_tables(tables, staged.staging, valid.spec.to_dict())
        files += [ExportedFile(f"{table.name}.csv", table_description(table)) for table in tables.values()]
        files.append(ExportedFile(JSON_NAME, tr("Export", "every table above with the spec, as JSON")))
        yield ExportProgress(total - 2, total, tr("Export", "writing {name}").format(name=SCRIPT_NAME))
        write_text_atomic(staged.path(SCRIPT_NAME), standalone_script(valid, SCRIPT_NAME))
        files.append(
            ExportedFile(
                SCRIPT_NAME,
                tr(
                    "Export",
                    "the demo as a PyTorch script that needs only torch: builds both layers, maps the weights, "
                    "checks that the outputs agree and times both with torch.utils.benchmark (python {name})",
                ).format(name=SCRIPT_NAME),
            )
        )
        yield ExportProgress(total - 1, total, tr("Export", "writing the index"))
        index = index_files(info, files)
        for name, text in index.items():
            write_text_atomic(staged.path(name), text)
        if cancelled():
            return None
        return staged.commit([*(file.name for file in files), *index], stale=previous_files(folder))
