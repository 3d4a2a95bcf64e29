"""Related variants side by side: with and without bias, or a 1x3 then 3x1 pair beside the 3x3 it replaces.

Instant (pure Python counts from :func:`core.variants.compare_variants`); each variant is a column whose parameter
count is large enough to read from the back of the room.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from core.i18n import tr, tr_noop
from core.lab import LabResult
from core.presets import Preset
from core.variants import Variant, compare_variants

ROWS = (
    tr_noop("Compare panel", "parameters"),
    tr_noop("Compare panel", "multiply-adds"),
    tr_noop("Compare panel", "output shape"),
    tr_noop("Compare panel", "receptive field"),
)  # row names, shown with tr("Compare panel", name)


def _cells(variant: Variant) -> tuple[str, ...]:
    return (
        f"{variant.params:,}",
        f"{variant.macs:,}",
        " × ".join(map(str, variant.output_shape)),
        " × ".join(map(str, variant.receptive_field)),
    )


class ComparePanel(QWidget):
    """Shows the current preset's variants; a spec without any says where to find some."""

    STAGES: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preset: Preset | None = None
        self.variants: list[Variant] = []
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        self.grid_host = QFrame()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(10)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.grid_host)
        layout.addStretch(1)

    def set_preset(self, preset: Preset | None) -> None:
        """The preset whose variants to show (the last one loaded)."""
        self.preset = preset

    def show_result(self, result: LabResult) -> None:
        self.variants = compare_variants(self.preset, result.spec) if self.preset is not None else []
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        if not self.variants:
            self.heading.setText(
                tr(
                    "Compare panel",
                    "This spec has no related variants to compare. The parameter-count presets show it with and "
                    "without bias; the 1×3 then 3×1 preset shows the pair beside the 3×3 it replaces.",
                )
            )
            return
        self.heading.setText(tr("Compare panel", "{spec}, beside its variants").format(spec=result.spec.describe()))
        for row, name in enumerate(ROWS, start=1):
            self.grid.addWidget(QLabel(tr("Compare panel", name)), row, 0)
        for column, variant in enumerate(self.variants, start=1):
            title = QLabel(variant.label)
            title.setProperty("role", "heading")
            title.setWordWrap(True)
            self.grid.addWidget(title, 0, column)
            for row, text in enumerate(_cells(variant), start=1):
                cell = QLabel(text)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                if row == 1:
                    cell.setProperty("role", "counter")  # the number the story is about, in caption size
                self.grid.addWidget(cell, row, column)

    def table(self) -> list[tuple[str, ...]]:
        """The columns as text (label and cells), for tests and export."""
        return [(v.label, *_cells(v)) for v in self.variants]
