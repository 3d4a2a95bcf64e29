"""Asks for a user preset's name, title and explanation; core checks them when the window saves."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from core.i18n import tr


class PresetDialog(QDialog):
    """Three fields and OK/Cancel; ``values()`` returns what was typed."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Preset dialog", "Save as preset"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("Preset dialog", "e.g. my-conv (letters, digits, dashes)"))
        self.title = QLineEdit(title)
        self.explanation = QPlainTextEdit()
        self.explanation.setPlaceholderText(tr("Preset dialog", "What this spec shows, in plain words (optional)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("Preset dialog", "&Name"), self.name)
        form.addRow(tr("Preset dialog", "T&itle"), self.title)
        form.addRow(tr("Preset dialog", "E&xplanation"), self.explanation)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str]:
        return self.name.text().strip(), self.title.text(), self.explanation.toPlainText()
