"""The main window (first version): pick a preset and read its formulas, computed by core."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QPlainTextEdit, QVBoxLayout, QWidget

from core.errors import SpecError
from core.inspect_report import inspect_spec
from core.presets import load_all_presets
from core.validation import validate


class MainWindow(QMainWindow):
    """Preset chooser over the formula report of the chosen spec."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("LinConv Lab")
        self.resize(1100, 700)
        self._presets = {p.name: p for p in load_all_presets()}
        self.preset_box = QComboBox()
        self.preset_box.addItems(list(self._presets))
        self.explanation = QLabel(wordWrap=True)
        self.report = QPlainTextEdit(readOnly=True)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        central = QWidget()
        layout = QVBoxLayout(central)
        for widget in (self.preset_box, self.explanation, self.report):
            layout.addWidget(widget)
        self.setCentralWidget(central)
        self.preset_box.currentTextChanged.connect(self.show_preset)
        self.show_preset(self.preset_box.currentText())

    def show_preset(self, name: str) -> None:
        preset = self._presets[name]
        self.explanation.setText(f"<b>{preset.title}</b><br>{preset.explanation}")
        try:
            report = inspect_spec(validate(preset.spec))
        except SpecError as error:
            self.report.setPlainText(f"error: {error}")
            return
        lines = []
        for title, formulas in report.sections.items():
            lines.append(title)
            lines += [f"  {f}" for f in formulas]
            lines.append("")
        self.report.setPlainText("\n".join(lines))
