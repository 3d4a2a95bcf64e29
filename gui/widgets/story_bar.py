"""The caption line of a guided story: the step's caption in large type, Previous / "3 / 5" / Next, and Leave."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from core.i18n import tr
from core.story import step_label


class StoryBar(QWidget):
    """Shows one step; asks for the previous or next one, or to leave the story (it owns no story state)."""

    previousRequested = Signal()
    nextRequested = Signal()
    leaveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel()
        self.caption.setProperty("role", "caption")
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.counter = QLabel()
        self.counter.setProperty("role", "counter")
        self.counter.setAccessibleName(tr("Story bar", "story step"))
        self.previous = QPushButton(tr("Story bar", "◀ Previous"))
        self.previous.setToolTip(tr("Story bar", "Previous step (← or Page Up)"))
        self.next = QPushButton(tr("Story bar", "Next ▶"))
        self.next.setToolTip(tr("Story bar", "Next step (→ or Page Down)"))
        self.leave = QPushButton(tr("Story bar", "Leave story"))
        self.leave.setToolTip(
            tr("Story bar", "Stop the story and keep what is shown (editing any parameter does the same)")
        )
        for button in (self.previous, self.next, self.leave):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrow keys stay with the story, not a button
        self.previous.clicked.connect(self.previousRequested)
        self.next.clicked.connect(self.nextRequested)
        self.leave.clicked.connect(self.leaveRequested)
        controls = QHBoxLayout()
        controls.addWidget(self.previous)
        controls.addWidget(self.counter)
        controls.addWidget(self.next)
        controls.addStretch(1)
        controls.addWidget(self.leave)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addWidget(self.caption)  # the whole width: the line a class reads
        layout.addLayout(controls)
        self.hide()

    def show_step(self, caption: str, index: int, count: int) -> None:
        """Show step ``index`` (0-based) of ``count``."""
        self.caption.setText(caption)
        lines = 2 * self.caption.fontMetrics().lineSpacing() + 8  # two lines reserved: the controls stay put
        self.caption.setMinimumHeight(lines)
        self.counter.setText(step_label(index, count))
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < count - 1)
        self.show()
