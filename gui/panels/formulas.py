"""Formulas with the numbers substituted, so a student can follow the arithmetic."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from core.lab import LabResult
from core.text_table import format_number


class FormulasPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["quantity", "formula, then with the numbers", "value"])
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
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
                self.tree.addTopLevelItem(QTreeWidgetItem([f"  {f.name}", f"{f.symbolic}\n= {f.substituted}", value]))
        shape = " x ".join(str(s) for s in result.report.output_shape)
        self.tree.addTopLevelItem(QTreeWidgetItem(["output tensor", "(N, cout, *spatial)", shape]))

    def text(self) -> str:
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            rows.append(" | ".join(item.text(c) for c in range(3)))
        return "\n".join(rows)
