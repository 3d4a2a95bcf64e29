"""Which story is playing and which step it is on: the one owner of that state (the window applies the steps)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from core.presets import Preset
from core.story import StoryStep


class StoryPlayer(QObject):
    """``stepChanged(index)`` when a step is entered; ``left()`` when the story stops (the state shown stays)."""

    stepChanged = Signal(int)
    left = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.preset: Preset | None = None
        self.index = 0

    @property
    def active(self) -> bool:
        return self.preset is not None

    @property
    def steps(self) -> tuple[StoryStep, ...]:
        return self.preset.steps if self.preset is not None else ()

    @property
    def step(self) -> StoryStep | None:
        return self.steps[self.index] if self.active else None

    def start(self, preset: Preset, index: int = 0) -> None:
        """Play ``preset``'s story from step ``index``; a preset without steps leaves any story playing."""
        if not preset.steps:
            self.leave()
            return
        self.preset = preset
        self.go(index)

    def go(self, index: int) -> None:
        if self.active:
            self.index = min(max(index, 0), len(self.steps) - 1)
            self.stepChanged.emit(self.index)

    def next(self) -> None:
        if self.active and self.index < len(self.steps) - 1:
            self.go(self.index + 1)

    def previous(self) -> None:
        if self.active and self.index > 0:
            self.go(self.index - 1)

    def leave(self) -> None:
        if self.active:
            self.preset = None
            self.index = 0
            self.left.emit()
