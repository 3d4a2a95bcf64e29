"""The lab window: parameters on the left, formulas on the right, the panels in the middle."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QGraphicsOpacityEffect,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from core.errors import SpecError
from core.lab import LabResult
from core.modes import MAPPING_MODES
from core.presets import Preset, load_all_presets
from core.session import Session, load_session, save_session
from core.spec import LayerSpec, parse_spec
from gui.controller import LabController
from gui.panels.code import CodePanel
from gui.panels.equality import EqualityPanel
from gui.panels.formulas import FormulasPanel
from gui.panels.init import InitPanel
from gui.panels.parameters import ParameterPanel
from gui.panels.sliding import SlidingWindowPanel
from gui.panels.speed import SpeedPanel
from gui.panels.weights import WeightsPanel
from gui.theme import THEMES, apply_theme, plot_colours
from gui.widgets.heatmap import Heatmap

TAB_TITLES = {
    "weights": "&Weights",
    "sliding": "S&liding window",
    "equality": "&Equality",
    "init": "I&nit",
    "code": "&Code",
    "speed": "S&peed",
}
DIMMED_OPACITY = 0.4
DEFAULT_PRESET = "conv2d-doc-example"
SHORTCUTS = """<table>
<tr><td>Ctrl+1 … Ctrl+8</td><td>presets, in menu order</td></tr>
<tr><td>Ctrl+Shift+1 … 5</td><td>mapping mode: auto, pointwise, full, unrolled, unfold</td></tr>
<tr><td>Ctrl+Tab / Ctrl+Shift+Tab</td><td>next / previous panel</td></tr>
<tr><td>Ctrl+E</td><td>export the current panel as PNG</td></tr>
<tr><td>Ctrl+O / Ctrl+S</td><td>open / save a session</td></tr>
<tr><td>Ctrl++ / Ctrl+- / Ctrl+0</td><td>font zoom in / out / reset</td></tr>
<tr><td>Ctrl+T</td><td>light / dark theme</td></tr>
<tr><td>Alt + underlined letter</td><td>jump to a parameter or panel</td></tr>
</table>"""


class MainWindow(QMainWindow):
    """The main window. ``settings`` defaults to the user's QSettings; tests pass their own file."""

    def __init__(self, settings: QSettings | None = None, restore: bool = True) -> None:
        super().__init__()
        self.setWindowTitle("LinConv Lab")
        self.settings = settings or QSettings("LinConvLab", "LinConv Lab")
        self.theme = str(self.settings.value("theme", "light"))
        self.zoom = float(self.settings.value("zoom", 1.0))
        self.presets: dict[str, Preset] = {p.name: p for p in load_all_presets()}
        self.controller = LabController(parent=self)
        self.parameters = ParameterPanel()
        self.formulas = FormulasPanel()
        self.panels = {
            "weights": WeightsPanel(),
            "sliding": SlidingWindowPanel(),
            "equality": EqualityPanel(),
            "init": InitPanel(),
            "code": CodePanel(),
            "speed": SpeedPanel(),
        }
        self.tabs = QTabWidget()
        for name, panel in self.panels.items():
            self.tabs.addTab(panel, TAB_TITLES[name])
        self.setCentralWidget(self.tabs)
        self.parameter_dock = self._dock(
            "Parameters", "parameters", _scrolling(self.parameters), Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.formulas_dock = self._dock("Formulas", "formulas", self.formulas, Qt.DockWidgetArea.RightDockWidgetArea)
        self.status = QLabel("ready")
        self.statusBar().addWidget(self.status, 1)
        self._build_menus()
        self.parameters.edited.connect(self._edited)
        self.panels["equality"].dtypeRequested.connect(lambda dtype: self._edit_field("dtype", dtype))
        self.controller.resultReady.connect(self.show_result)
        self.controller.invalid.connect(self.show_invalid)
        self.controller.busy.connect(self._busy)
        self.resize(1600, 950)
        self.resizeDocks([self.parameter_dock, self.formulas_dock], [360, 460], Qt.Orientation.Horizontal)
        self.current_spec: LayerSpec = self.presets[DEFAULT_PRESET].spec
        if restore:
            self._restore()
        self.parameters.set_spec(self.current_spec)

    # ----- construction -----------------------------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, menu, text: str, slot, shortcut: str | QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&Open session…", self.open_session_dialog, QKeySequence.StandardKey.Open)
        self._action(file_menu, "&Save session…", self.save_session_dialog, QKeySequence.StandardKey.Save)
        self._action(file_menu, "&Export current panel as PNG…", self.export_panel_dialog, "Ctrl+E")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        preset_menu = bar.addMenu("&Presets")
        for index, (name, preset) in enumerate(self.presets.items()):
            shortcut = f"Ctrl+{index + 1}" if index < 9 else None
            action = self._action(
                preset_menu, f"{preset.title}  ({name})", lambda _=False, n=name: self.load_preset(n), shortcut
            )
            action.setToolTip(preset.explanation)
        view = bar.addMenu("&View")
        modes = view.addMenu("&Mapping mode")
        group = QActionGroup(self)
        for index, mode in enumerate(("auto", *MAPPING_MODES)):
            action = self._action(
                modes, mode, lambda _=False, m=mode: self._edit_field("mode", m), f"Ctrl+Shift+{index + 1}"
            )
            action.setCheckable(True)
            group.addAction(action)
        self._action(view, "Next panel", lambda: self._cycle_tab(1), "Ctrl+Tab")
        self._action(view, "Previous panel", lambda: self._cycle_tab(-1), "Ctrl+Shift+Tab")
        view.addSeparator()
        self._action(view, "Toggle light/dark &theme", self.toggle_theme, "Ctrl+T")
        self._action(view, "Zoom &in (fonts)", lambda: self.set_zoom(self.zoom + 0.1), QKeySequence.StandardKey.ZoomIn)
        self._action(
            view, "Zoom &out (fonts)", lambda: self.set_zoom(self.zoom - 0.1), QKeySequence.StandardKey.ZoomOut
        )
        self._action(view, "&Reset zoom", lambda: self.set_zoom(1.0), "Ctrl+0")
        view.addSeparator()
        view.addAction(self.parameter_dock.toggleViewAction())
        view.addAction(self.formulas_dock.toggleViewAction())
        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Keyboard shortcuts", self.show_shortcuts, "F1")
        self._action(help_menu, "&About LinConv Lab", self.show_about)

    # ----- flow -------------------------------------------------------------------------------------------------
    def _edited(self, values: dict) -> None:
        try:
            spec = parse_spec(values)
        except SpecError as error:
            self.show_invalid(error)
            return
        self.current_spec = spec
        self.controller.set_spec(spec)

    def _edit_field(self, name: str, value: object) -> None:
        values = self.parameters.values()
        values[name] = value
        try:
            spec = parse_spec(values)
        except SpecError as error:
            self.show_invalid(error)
            return
        self.apply_spec(spec)

    def apply_spec(self, spec: LayerSpec, synchronous: bool = False) -> None:
        """Show ``spec`` in the parameter panel and compute it (synchronously for screenshots and tests)."""
        self.current_spec = spec
        self.parameters.set_spec(spec)
        if synchronous:
            try:
                self.controller.compute_now(spec)
            except SpecError as error:
                self.show_invalid(error)
        else:
            self.controller.set_spec(spec)

    def load_preset(self, name: str, synchronous: bool = False) -> None:
        preset = self.presets[name]
        self.status.setText(f"preset {name}: {preset.title}")
        self.apply_spec(preset.spec, synchronous)

    def show_result(self, result: LabResult) -> None:
        self.parameters.show_error(None)
        self._dim(False)
        self.formulas.show_result(result)
        for panel in self.panels.values():
            panel.show_result(result)
        eq = result.equality
        self.status.setText(
            f"{result.valid.mode} mapping · Linear({result.mapping.linear.in_features}, "
            f"{result.mapping.linear.out_features}) · outputs {'agree' if eq.equal else 'DIFFER'} "
            f"(max abs error {eq.max_abs_error:.2g}, {eq.dtype})"
        )

    def show_invalid(self, error: SpecError) -> None:
        self.parameters.show_error(error)
        self._dim(True)
        self.status.setText(f"invalid: {error}")

    def _busy(self, busy: bool, stage: str) -> None:
        if busy:
            self.status.setText(f"computing… ({stage})")
            self.panels["equality"].set_badge("busy", "computing…")

    def _dim(self, dim: bool) -> None:
        for widget in (self.tabs, self.formulas):
            if dim:
                effect = QGraphicsOpacityEffect(widget)
                effect.setOpacity(DIMMED_OPACITY)
                widget.setGraphicsEffect(effect)
            else:
                widget.setGraphicsEffect(None)

    def _cycle_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def show_panel(self, name: str) -> None:
        if name in self.panels:
            self.tabs.setCurrentWidget(self.panels[name])
        elif name == "formulas":
            self.formulas_dock.show()
            self.formulas_dock.raise_()
        elif name == "parameters":
            self.parameter_dock.show()

    # ----- look -------------------------------------------------------------------------------------------------
    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(max(round(zoom, 2), 0.8), 2.5)
        self._apply_look()

    def toggle_theme(self) -> None:
        self.theme = THEMES[(THEMES.index(self.theme) + 1) % len(THEMES)] if self.theme in THEMES else "light"
        self._apply_look()

    def _apply_look(self) -> None:
        apply_theme(QApplication.instance(), self.theme, self.zoom)
        background, foreground = plot_colours(self.theme)
        for heatmap in self.findChildren(Heatmap):
            heatmap.restyle(background, foreground)
        self.panels["speed"].restyle(background, foreground)
        for view in self.findChildren(pg.PlotWidget):
            view.setBackground(background)
            for side in ("left", "bottom"):
                view.getPlotItem().getAxis(side).setPen(foreground)
                view.getPlotItem().getAxis(side).setTextPen(foreground)
        if self.controller.result is not None:
            self.show_result(self.controller.result)

    # ----- files ------------------------------------------------------------------------------------------------
    def session(self) -> Session:
        return Session(self.current_spec, {"theme": self.theme, "zoom": self.zoom, "tab": self.tabs.currentIndex()})

    def save_session_to(self, path: Path) -> None:
        save_session(self.session(), path)
        self.status.setText(f"saved session to {path}")

    def load_session_from(self, path: Path) -> bool:
        """Apply a session file; a broken one is refused with a message and changes nothing."""
        try:
            session = load_session(path)
        except SpecError as error:
            self.status.setText(f"session refused: {error}")
            if self.isVisible():  # non-blocking: the window stays usable and nothing was changed
                box = QMessageBox(
                    QMessageBox.Icon.Warning, "Session not loaded", str(error), QMessageBox.StandardButton.Ok, self
                )
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                box.open()
            return False
        view = session.view
        if view.get("theme") in THEMES:
            self.theme = view["theme"]
        if isinstance(view.get("zoom"), int | float):
            self.zoom = float(view["zoom"])
        self._apply_look()
        if isinstance(view.get("tab"), int) and 0 <= view["tab"] < self.tabs.count():
            self.tabs.setCurrentIndex(view["tab"])
        self.apply_spec(session.spec)
        self.status.setText(f"loaded session {path.name}")
        return True

    def open_session_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open session", "", "LinConv Lab session (*.json)")
        if name:
            self.load_session_from(Path(name))

    def save_session_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Save session", "session.json", "LinConv Lab session (*.json)")
        if name:
            self.save_session_to(Path(name))

    def export_panel(self, path: Path) -> None:
        """Save the current panel as a PNG at its on-screen size."""
        self.tabs.currentWidget().grab().save(str(path))
        self.status.setText(f"exported {path}")

    def export_panel_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export panel", "panel.png", "PNG image (*.png)")
        if name:
            self.export_panel(Path(name))

    def show_shortcuts(self) -> None:
        QMessageBox.information(self, "Keyboard shortcuts", SHORTCUTS)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About LinConv Lab",
            "LinConv Lab: see and measure how nn.Linear and nn.Conv1d/Conv2d relate.\n"
            "Every number comes from the core engine; python main.py --help for the headless tools.",
        )

    # ----- persistence ------------------------------------------------------------------------------------------
    def _restore(self) -> None:
        geometry, state = self.settings.value("geometry"), self.settings.value("windowState")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self.tabs.setCurrentIndex(int(self.settings.value("tab", 0)))
        text = self.settings.value("spec")
        if text:
            # A stale or hand-edited setting keeps the default preset.
            with contextlib.suppress(SpecError, ValueError):
                self.current_spec = parse_spec(json.loads(str(text)))

    def save_settings(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState())
        self.settings.setValue("tab", self.tabs.currentIndex())
        self.settings.setValue("spec", json.dumps(self.current_spec.to_dict()))
        self.settings.setValue("theme", self.theme)
        self.settings.setValue("zoom", self.zoom)
        self.settings.sync()

    def closeEvent(self, event) -> None:
        self.save_settings()
        self.controller.shutdown()
        self.panels["speed"].shutdown()
        self.panels["sliding"].timer.stop()
        super().closeEvent(event)


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    return area
