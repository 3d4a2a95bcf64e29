"""The PyTorch lines that perform the current mapping, copyable."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from core.i18n import tr
from core.lab import LabResult
from core.mapping import INPUT_TRANSFORMS, INPUT_TRANSFORMS_CONTEXT
from core.registry import INPUT_FILLS, MAPPING_MODES
from gui.theme import PlotStyle

CODE_POINTS = 11


class CodePanel(QWidget):
    """The mapping's code: instant (pure Python), so no stage."""

    STAGES: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)  # a long title must not widen the window's middle
        self.transform = QLabel()
        self.transform.setWordWrap(True)
        self.editor = QPlainTextEdit(readOnly=True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # wrapped Python reads as broken code
        self.restyle(PlotStyle())
        self.copy_button = QPushButton(tr("Code panel", "&Copy code"))
        self.copy_button.clicked.connect(self.copy)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.transform)
        layout.addWidget(self.editor, 1)

    def show_result(self, result: LabResult) -> None:
        spec = result.spec
        self.title.setText(MAPPING_MODES[result.valid.mode].shown_description())
        self.transform.setText(
            tr("Code panel", "Input: {fill}. Transform: {transform}.").format(
                fill=INPUT_FILLS[spec.input_fill].shown_description(),
                transform=tr(INPUT_TRANSFORMS_CONTEXT, INPUT_TRANSFORMS[result.valid.mode]),
            )
        )
        self.editor.setPlainText(result.code)

    def restyle(self, style: PlotStyle) -> None:
        """The code's monospace font follows the font zoom and presentation mode like every other text."""
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(style.points(CODE_POINTS))
        self.editor.setFont(font)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.editor.toPlainText())
