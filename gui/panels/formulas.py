"""Formulas with the numbers substituted, so a student can follow the arithmetic.

Rich text, not a table: each quantity is a line (name and value), then its formula and the same formula with the
numbers, wrapped to the dock's width. Nothing is cut off at any window size or font zoom.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from core.i18n import tr
from core.lab import LabResult
from core.number_format import format_number

ZERO_WIDTH_SPACE = "\u200b"
BREAK_AFTER = ("(", ",", "*", "/")  # a long formula may wrap after these as well as at spaces


def _breakable(text: str) -> str:
    """Escaped ``text`` that may wrap after operators (a formula like ``floor((50+2*4...`` has few spaces)."""
    escaped = html.escape(text)
    for mark in BREAK_AFTER:
        escaped = escaped.replace(mark, mark + ZERO_WIDTH_SPACE)
    return escaped


class FormulasPanel(QWidget):
    """Formulas: instant (pure Python), shown in the same event as the edit."""

    STAGES: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setAccessibleName("formulas")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)

    def show_result(self, result: LabResult) -> None:
        parts = []
        for title, formulas in result.report.sections.items():
            parts.append(f"<h3 style='margin:10px 0 2px 0'>{html.escape(title)}</h3>")
            for f in formulas:
                value = f.value if isinstance(f.value, str) else format_number(f.value)
                parts.append(
                    "<table width='100%' cellspacing='0' cellpadding='0' style='margin-top:6px'><tr>"
                    f"<td>{html.escape(f.name)}</td><td align='right'><b>{html.escape(value)}</b></td></tr></table>"
                    f"<div style='margin-left:14px; font-family:monospace'>{_breakable(f.symbolic)}<br>"
                    f"= {_breakable(f.substituted)}</div>"
                )
        shape = " × ".join(str(s) for s in result.report.output_shape)
        heading = html.escape(tr("Formulas panel", "output tensor"))
        parts.append(f"<h3 style='margin:10px 0 2px 0'>{heading}</h3><b>{shape}</b> (N, cout, *spatial)")
        scroll = self.view.verticalScrollBar().value()
        self.view.setHtml("".join(parts))
        self.view.verticalScrollBar().setValue(scroll)  # an edit keeps the reader's place

    def text(self) -> str:
        """What the panel shows, as plain text (formulas as written, without the wrap marks)."""
        return self.view.toPlainText().replace(ZERO_WIDTH_SPACE, "")
