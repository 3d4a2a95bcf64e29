"""A frame around a panel that says whether what it shows is current, pending, stale or failed.

A panel whose stage is still computing keeps its last drawing, dimmed, under a banner that says so: it never shows
old data as if it were current. A hidden frame keeps the newest result and draws it when it is first shown, so
the GUI thread only draws what a person can see.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

DIM_ALPHA = 165  # of 255: the wash over a panel whose data is not current
STATES = ("current", "partial", "pending", "stale", "failed")
PENDING_DELAY_MS = 150
BANNER_PADDING = 12  # the style sheet's vertical padding and border


class DimOverlay(QWidget):
    """A translucent wash of the window colour over a panel (mouse events pass through, so hover still works).

    Not a QGraphicsOpacityEffect: that re-renders the panel offscreen, which corrupts pyqtgraph views (ghosts of
    other tabs, white plots turned grey) and is expensive.
    """

    def __init__(self, panel: QWidget) -> None:
        super().__init__(panel)
        self.panel = panel
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()
        panel.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.panel and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.panel.rect())
        return False

    def show_over(self) -> None:
        self.setGeometry(self.panel.rect())
        self.raise_()
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        colour = QColor(self.palette().color(self.backgroundRole()))
        colour.setAlpha(DIM_ALPHA)
        QPainter(self).fillRect(self.rect(), colour)


class PanelFrame(QWidget):
    """Holds one panel; :meth:`present` hands it a result (now if visible, else when shown).

    ``stateShown(str)`` fires when the state a person sees changes (a pending state only once it shows).
    """

    stateShown = Signal(str)

    def __init__(self, panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.state = "current"
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setProperty("role", "banner")
        self._reserve_banner_line()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.banner)
        layout.addWidget(panel, 1)
        self.dim = DimOverlay(panel)
        self._waiting: Any = None
        self._pending_text = ""
        self._pending_timer = QTimer(self, singleShot=True, interval=PENDING_DELAY_MS)
        self._pending_timer.timeout.connect(self._show_pending)

    @property
    def stages(self) -> tuple[str, ...]:
        """The lab stages the panel draws (its ``STAGES``; none for panels that need only the instant part)."""
        return tuple(getattr(self.panel, "STAGES", ()))

    def present(self, result: Any) -> None:
        """Give the panel a result to draw: at once if it can be seen, otherwise when it is next shown."""
        if self.isVisible():
            self._waiting = None
            self._draw(result)
        else:
            self._waiting = result

    def _draw(self, result: Any) -> None:
        self.panel.show_result(result)  # type: ignore[attr-defined]
        self._tell_panel()  # what it just drew may still be stale (e.g. drawn when its tab was shown)

    def _tell_panel(self) -> None:
        show_state = getattr(self.panel, "show_state", None)
        if show_state is not None:  # a panel may say more itself (the equality badge)
            show_state(self.shown_state)

    def set_state(self, state: str, text: str = "") -> None:
        """``current`` (no banner); ``partial`` (a banner, the panel not dimmed: what it shows is current and the
        rest is on its way); ``pending``/``stale``/``failed`` with the banner's text, the panel dimmed.

        ``pending`` shows only if it lasts longer than :data:`PENDING_DELAY_MS`: a stage that lands sooner
        replaces the drawing without a flash of banner (and without painting the panel twice).
        """
        if state not in STATES:
            raise ValueError(f"unknown state {state!r}")
        self.state = state
        self._pending_timer.stop()
        if state in ("pending", "partial") and self.banner.property("state") in (None, "current"):
            self._pending_text = text
            self._pending_timer.start()
            return
        self._show_state(state, text)

    def _show_pending(self) -> None:
        if self.state in ("pending", "partial"):
            self._show_state(self.state, self._pending_text)

    @property
    def shown_state(self) -> str:
        """The state the banner shows (``pending`` lags :attr:`state` by :data:`PENDING_DELAY_MS`)."""
        return str(self.banner.property("state") or "current")

    def _show_state(self, state: str, text: str) -> None:
        changed = state != self.shown_state
        self.banner.setText(text if state != "current" else "")
        self.banner.setProperty("state", state)
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        if state in ("current", "partial"):
            self.dim.hide()
        else:
            self.dim.show_over()
        self._tell_panel()
        if changed:
            self.stateShown.emit(state)

    def _reserve_banner_line(self) -> None:
        # The banner keeps its line even when empty: showing it must not re-lay out (and so repaint) the panel.
        self.banner.setMinimumHeight(self.banner.fontMetrics().height() + BANNER_PADDING)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._reserve_banner_line()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._waiting is not None:
            result, self._waiting = self._waiting, None
            self._draw(result)
