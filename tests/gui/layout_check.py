"""Find what a person would see cut off: widgets narrower than their text, or drawn outside what shows them."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLabel, QLineEdit, QTabBar, QWidget

CHECKED = (QLabel, QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit)


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    words = text() if callable(text) else ""
    return f"{type(widget).__name__} {words[:40]!r} in {type(widget.parent()).__name__}"


def clipped_widgets(root: QWidget) -> list[str]:
    """Every visible text-bearing widget under ``root`` that is narrower than it needs or partly hidden."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, (*CHECKED, QTabBar)):
            continue
        if isinstance(widget, QTabBar):
            if widget.sizeHint().width() > widget.width() + 1:
                problems.append(f"tab bar needs {widget.sizeHint().width()} px, has {widget.width()}")
            continue
        needed = widget.minimumSizeHint().width()
        if widget.width() + 1 < needed:
            problems.append(f"{_name(widget)}: {widget.width()} px wide, needs {needed}")
        shown = widget.visibleRegion().boundingRect()
        if shown.isEmpty():
            continue  # scrolled out of view in a scroll area: not cut, just elsewhere
        wraps = isinstance(widget, QLabel) and widget.wordWrap()
        wrapped_height = widget.heightForWidth(widget.width()) if wraps else 0
        if wrapped_height > widget.height() + 1:
            problems.append(f"{_name(widget)}: wrapped text needs {wrapped_height} px high, has {widget.height()}")
        if shown != QRect(0, 0, widget.width(), widget.height()) and not _in_scroll_area(widget):
            size = f"{widget.width()}x{widget.height()}"
            problems.append(f"{_name(widget)}: only {shown.width()}x{shown.height()} of {size} shows")
    return problems


def _in_scroll_area(widget: QWidget) -> bool:
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def clipped_plot_text(root: QWidget) -> list[str]:
    """Plot titles and axis labels wider than the space pyqtgraph gave them."""
    problems = []
    for view in root.findChildren(pg.GraphicsView):
        if not view.isVisible():
            continue
        for item in view.scene().items():
            if isinstance(item, pg.LabelItem) and item.isVisible() and item.text:
                need, have = item.item.boundingRect().width(), item.boundingRect().width()
                if need > have + 2:
                    problems.append(f"plot title {item.text[:40]!r}: needs {need:.0f} px, has {have:.0f}")
            if isinstance(item, pg.AxisItem) and item.isVisible() and item.label.isVisible():
                label = item.label
                need = label.boundingRect().width()
                side = item.orientation
                have = item.boundingRect().height() if side in ("left", "right") else item.boundingRect().width()
                if need > have + 2:
                    text = label.toPlainText()[:40]
                    problems.append(f"{side} axis label {text!r}: needs {need:.0f} px, has {have:.0f}")
    return problems
