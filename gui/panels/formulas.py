"""Formulas with the numbers substituted, so a student can follow the arithmetic."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from core.lab import LabResult
from core.number_format import format_number


class FormulasPanel(QWidget):
    """Formulas: instant (pure Python), shown in the same event as the edit."""

    STAGES: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["quantity", "value", "formula, then with the numbers"])
        self.tree.setAlternatingRowColors(True)
        self.tree.setRootIsDecorated(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)  # scrolls sideways when long
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)

    def show_result(self, result: LabResult) -> None:
        self.tree.clear()
        for title, formulas in result.report.sections.items():
            section = QTreeWidgetItem([title])
            font = section.font(0)
            font.setBold(True)
            section.setFont(0, font)
            section.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(section)
            for f in formulas:
                value = f.value if isinstance(f.value, str) else format_number(f.value)
                item = QTreeWidgetItem([f"  {f.name}", value, f"{f.symbolic}\n= {f.substituted}"])
                item.setToolTip(2, f"{f.symbolic}\n= {f.substituted}\n= {value}")
                self.tree.addTopLevelItem(item)
        shape = " x ".join(str(s) for s in result.report.output_shape)
        self.tree.addTopLevelItem(QTreeWidgetItem(["output tensor", shape, "(N, cout, *spatial)"]))

    def text(self) -> str:
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            assert item is not None
            rows.append(" | ".join(item.text(c) for c in range(3)))
        return "\n".join(rows)
