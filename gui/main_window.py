"""The lab window: parameters on the left, formulas on the right, the panels in the middle.

The window owns no spec: the :class:`~gui.controller.LabController` does. The window routes the controller's
events to the panels and each panel's requests to the controller.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QColor, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from core.atomic_write import describe_write_error
from core.errors import SpecError
from core.lab import LabResult
from core.presets import Preset, load_all_presets
from core.registry import MAPPING_MODES
from core.session import Session, load_session, save_session
from core.spec import LayerSpec, parse_spec
from core.validation import validate
from gui.controller import LabController
from gui.image_file import save_image
from gui.launch import CLOSE_WAIT_S
from gui.panels.code import CodePanel
from gui.panels.equality import EqualityPanel
from gui.panels.formulas import FormulasPanel
from gui.panels.init import InitPanel
from gui.panels.parameters import ParameterPanel
from gui.panels.sliding import SlidingWindowPanel
from gui.panels.speed import SpeedPanel
from gui.panels.weights import WeightsPanel
from gui.theme import ERROR_COLOURS, THEMES, PlotStyle, apply_theme, plot_colours
from gui.widgets.heatmap import Heatmap
from gui.widgets.panel_frame import PanelFrame

# Tab titles carry the Alt mnemonics the help promises (Alt+E Equality, Alt+L Sliding window, Alt+P Speed);
# no parameter label or menu uses these letters.
TAB_TITLES = {
    "weights": "&Weights",
    "sliding": "S&liding window",
    "equality": "&Equality",
    "init": "I&nit",
    "code": "&Code",
    "speed": "S&peed",
}
DEFAULT_PRESET = "conv2d-doc-example"
ZOOM_RANGE = (0.8, 2.5)
NOTE_MS = 15_000
PENDING_TAB_COLOUR = "#c77700"  # amber, readable on both themes' tab bars
STAGE_WORDS = {
    "conv": "the conv",
    "linear": "the Linear side (mapping and matrices)",
    "equality": "the equality check",
    "init": "the init comparison",
}
SHORTCUTS = """<table>
<tr><td>Ctrl+1 … Ctrl+8</td><td>presets, in menu order</td></tr>
<tr><td>Ctrl+Shift+1 … 5</td><td>mapping mode: auto, pointwise, full, unrolled, unfold</td></tr>
<tr><td>Ctrl+Tab / Ctrl+Shift+Tab</td><td>next / previous panel</td></tr>
<tr><td>Alt+W, Alt+L, Alt+E, Alt+N, Alt+C, Alt+P</td><td>Weights, Sliding window, Equality, Init, Code, Speed</td></tr>
<tr><td>Ctrl+E</td><td>export the current panel as PNG</td></tr>
<tr><td>Ctrl+O / Ctrl+S</td><td>open / save a session</td></tr>
<tr><td>Ctrl++ / Ctrl+- / Ctrl+0</td><td>font zoom in / out / reset</td></tr>
<tr><td>Ctrl+T</td><td>light / dark theme</td></tr>
<tr><td>Alt + underlined letter</td><td>jump to that parameter</td></tr>
</table>"""


class MainWindow(QMainWindow):
    """The main window. ``settings`` defaults to the user's QSettings; tests pass their own file."""

    def __init__(self, settings: QSettings | None = None, restore: bool = True) -> None:
        super().__init__()
        self.setWindowTitle("LinConv Lab")
        self.settings = settings or QSettings("LinConvLab", "LinConv Lab")
        self.theme, self.zoom = "light", 1.0
        self.presets: dict[str, Preset] = {p.name: p for p in load_all_presets()}
        self.controller = LabController(self.presets[DEFAULT_PRESET].spec, parent=self)
        self.parameters = ParameterPanel()
        self.formulas = FormulasPanel()
        self.panels: dict[str, Any] = {
            "weights": WeightsPanel(),
            "sliding": SlidingWindowPanel(),
            "equality": EqualityPanel(),
            "init": InitPanel(),
            "code": CodePanel(),
            "speed": SpeedPanel(),
        }
        self.frames = {name: PanelFrame(panel) for name, panel in self.panels.items()}
        self.formulas_frame = PanelFrame(self.formulas)
        self.tabs = QTabWidget()
        for name, frame in self.frames.items():
            self.tabs.addTab(frame, TAB_TITLES[name])
        self.setCentralWidget(self.tabs)
        self.parameter_dock = self._dock(
            "Parameters", "parameters", _scrolling(self.parameters), Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.formulas_dock = self._dock(
            "Formulas", "formulas", self.formulas_frame, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.status = QLabel("ready")
        self.statusBar().addWidget(self.status, 1)
        self.mode_actions: dict[str, QAction] = {}
        self._build_menus()
        self._connect()
        self.resize(1600, 950)
        self._docks_sized = False
        notes = self._restore() if restore else []
        self.parameters.show_values(self.controller.values)
        self._sync_mode_actions()
        if notes:  # shown for a while over the status line, so the first computation does not hide it at once
            self.statusBar().showMessage(" · ".join(notes), NOTE_MS)

    # ----- construction -----------------------------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Any,
        shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
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
        preset_menu = bar.addMenu("P&resets")
        for index, (name, preset) in enumerate(self.presets.items()):
            shortcut = f"Ctrl+{index + 1}" if index < 9 else None
            action = self._action(
                preset_menu, f"{preset.title}  ({name})", lambda _=False, n=name: self.load_preset(n), shortcut
            )
            action.setToolTip(preset.explanation)
        view = bar.addMenu("&View")
        modes = view.addMenu("&Mapping mode")
        group = QActionGroup(self)
        for term in MAPPING_MODES:
            action = self._action(
                modes, term.label, lambda _=False, m=term.name: self.controller.set_field("mode", m), term.shortcut
            )
            action.setCheckable(True)
            action.setToolTip(term.description)
            group.addAction(action)
            self.mode_actions[term.name] = action
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

    def _connect(self) -> None:
        c = self.controller
        self.parameters.fieldEdited.connect(c.set_field)
        self.panels["equality"].dtypeRequested.connect(lambda dtype: c.set_field("dtype", dtype))
        c.valuesChanged.connect(self.parameters.show_values)
        c.valuesChanged.connect(lambda _: self._sync_mode_actions())
        c.specChanged.connect(self._spec_changed)
        c.stageReady.connect(self._stage_ready)
        c.stageFailed.connect(self._stage_failed)
        c.invalid.connect(self._invalid)
        self.tabs.currentChanged.connect(lambda _: self._tell_visible_stages())
        for frame in self.frames.values():
            frame.stateShown.connect(lambda _: self._mark_tabs())

    # ----- flow: controller -> panels ----------------------------------------------------------------------------
    def _spec_changed(self, result: LabResult) -> None:
        self.formulas_frame.present(result)
        for frame in self.frames.values():
            if not frame.stages:
                frame.present(result)
        self._refresh_states()
        self.status.setText(f"{result.valid.mode} mapping · {result.spec.describe()} · computing…")

    def _stage_ready(self, stage: str, result: LabResult) -> None:
        for frame in self.frames.values():
            if stage in frame.stages:
                frame.present(result)
        self._refresh_states()
        if stage == "equality" and result.equality is not None:
            eq, linear = result.equality, result.linear.mapping.linear if result.linear else None
            shape = f"Linear({linear.in_features}, {linear.out_features}) · " if linear is not None else ""
            self.status.setText(
                f"{result.valid.mode} mapping · {shape}outputs {'agree' if eq.equal else 'DIFFER'} "
                f"(max abs error {eq.max_abs_error:.2g}, {eq.dtype})"
            )

    def _stage_failed(self, stage: str, message: str) -> None:
        self._refresh_states()
        self.status.setText(f"{STAGE_WORDS.get(stage, stage)} failed: {message}")

    def _invalid(self, error: SpecError | None) -> None:
        self.parameters.show_error(error)
        self._refresh_states()
        if error is not None:
            self.status.setText(f"invalid: {error}")

    def _refresh_states(self) -> None:
        """Every frame says whether it is current, pending, stale (an invalid field) or failed."""
        c = self.controller
        result = c.result
        for frame in [*self.frames.values(), self.formulas_frame]:
            stages = frame.stages
            missing = [s for s in stages if result is None or not result.has(s)]
            failed = [s for s in stages if s in c.failures]
            if c.error is not None:
                frame.set_state("stale", f"Stale: shown for the last valid spec. {c.error.parameter} is invalid.")
            elif failed:
                frame.set_state("failed", f"Could not compute {STAGE_WORDS[failed[0]]}: {c.failures[failed[0]]}")
            elif not missing or result is None:
                frame.set_state("current")
            elif len(missing) == len(stages):
                frame.set_state(
                    "pending", f"Computing {STAGE_WORDS[missing[0]]}… (the previous spec's results, dimmed)"
                )
            else:
                frame.set_state("partial", f"Computing {STAGE_WORDS[missing[0]]}…")

    def _mark_tabs(self) -> None:
        """A hidden panel's state shows on its tab: coloured text, the banner as the tooltip."""
        bar = self.tabs.tabBar()
        colours = {
            "failed": QColor(ERROR_COLOURS[self.theme]),
            "stale": self.palette().color(QPalette.ColorRole.PlaceholderText),
            "pending": QColor(PENDING_TAB_COLOUR),
            "partial": QColor(PENDING_TAB_COLOUR),
        }
        text = self.palette().color(QPalette.ColorRole.WindowText)
        for index, frame in enumerate(self.frames.values()):
            bar.setTabTextColor(index, colours.get(frame.shown_state, text))
            bar.setTabToolTip(index, frame.banner.text() or "current")

    def _tell_visible_stages(self) -> None:
        frame = self.tabs.currentWidget()
        self.controller.set_visible_stages(frame.stages if isinstance(frame, PanelFrame) else ())

    def _sync_mode_actions(self) -> None:
        action = self.mode_actions.get(str(self.controller.values.get("mode")))
        if action is not None:
            action.setChecked(True)

    # ----- flow: user -> controller -----------------------------------------------------------------------------
    def start(self) -> None:
        """Compute the current values (once the window is shown), unless restoring settings already did."""
        self._tell_visible_stages()
        if self.controller.result is None:
            self.controller.set_values(self.controller.values)

    def apply_spec(self, spec: LayerSpec, synchronous: bool = False) -> None:
        """Make ``spec`` the lab's spec (synchronously for screenshots and tests)."""
        if synchronous:
            self.controller.compute_now(spec)
        else:
            self.controller.set_spec(spec)

    def load_preset(self, name: str, synchronous: bool = False) -> None:
        preset = self.presets[name]
        self.apply_spec(preset.spec, synchronous)
        self.status.setText(f"preset {name}: {preset.title}")

    def _cycle_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def show_panel(self, name: str) -> None:
        if name in self.frames:
            self.tabs.setCurrentWidget(self.frames[name])
        elif name == "formulas":
            self.formulas_dock.show()
            self.formulas_dock.raise_()
        elif name == "parameters":
            self.parameter_dock.show()

    def panel_widget(self, name: str) -> QWidget:
        """The widget that shows panel ``name`` (a tab, or a dock's contents)."""
        if name == "formulas":
            return self.formulas_dock
        if name == "parameters":
            return self.parameter_dock
        return self.frames[name]

    # ----- look -------------------------------------------------------------------------------------------------
    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(max(round(zoom, 2), ZOOM_RANGE[0]), ZOOM_RANGE[1])
        self._apply_look()

    def set_theme(self, theme: str) -> None:
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}; choose one of {', '.join(THEMES)}")
        self.theme = theme
        self._apply_look()

    def toggle_theme(self) -> None:
        self.theme = THEMES[(THEMES.index(self.theme) + 1) % len(THEMES)] if self.theme in THEMES else "light"
        self._apply_look()

    def plot_style(self) -> PlotStyle:
        """Colours and font scale every plot and heatmap is drawn with."""
        background, foreground = plot_colours(self.theme)
        return PlotStyle(background, foreground, self.zoom)

    def _apply_look(self) -> None:
        apply_theme(QApplication.instance(), self.theme, self.zoom)  # type: ignore[arg-type]
        style = self.plot_style()
        background, foreground = style.background, style.foreground
        for heatmap in self.findChildren(Heatmap):
            heatmap.restyle(style)
        self.panels["speed"].restyle(style)
        self.panels["init"].restyle(style)
        for view in self.findChildren(pg.PlotWidget):
            view.setBackground(background)
            for side in ("left", "bottom"):
                view.getPlotItem().getAxis(side).setPen(foreground)
                view.getPlotItem().getAxis(side).setTextPen(foreground)
        self._mark_tabs()
        result = self.controller.result
        if result is not None:  # titles and labels are drawn in the theme's colours: draw again
            for frame in [*self.frames.values(), self.formulas_frame]:
                if not frame.stages or any(result.has(stage) for stage in frame.stages):
                    frame.present(result)

    # ----- files ------------------------------------------------------------------------------------------------
    def session(self) -> Session:
        """The lab's last valid spec and the view settings."""
        spec = self.controller.spec or self.presets[DEFAULT_PRESET].spec
        return Session(spec, {"theme": self.theme, "zoom": self.zoom, "tab": self.tabs.currentIndex()})

    def save_session_to(self, path: Path) -> bool:
        """Save the session; with an invalid field, the last valid spec is saved and the message says so."""
        try:
            save_session(self.session(), path)
        except OSError as error:
            self._warn("Session not saved", describe_write_error(path, error))
            return False
        note = ""
        if self.controller.error is not None:
            note = f" (the last valid spec: {self.controller.error.parameter} is invalid and was not saved)"
        self.status.setText(f"saved session to {path}{note}")
        return True

    def load_session_from(self, path: Path) -> bool:
        """Apply a session file; a broken one is refused with a message and changes nothing."""
        try:
            session = load_session(path)
        except SpecError as error:
            self._warn("Session not loaded", str(error))
            return False
        ignored = self._apply_view(session.view)
        self.controller.set_spec(session.spec)
        note = f" (ignored {', '.join(ignored)}: not a valid view setting)" if ignored else ""
        self.status.setText(f"loaded session {path.name}{note}")
        return True

    def _apply_view(self, view: dict[str, Any]) -> list[str]:
        """Theme, zoom and tab from a session or the settings; returns what was ignored, and why."""
        ignored = []
        theme, zoom, tab = view.get("theme", self.theme), view.get("zoom", self.zoom), view.get("tab")
        if theme in THEMES:
            self.theme = theme
        else:
            ignored.append(f"theme {str(theme)[:20]!r}")
        try:
            value = float(zoom)
            if not math.isfinite(value):
                raise ValueError
            self.zoom = min(max(round(value, 2), ZOOM_RANGE[0]), ZOOM_RANGE[1])  # as Ctrl+/- clamps it
        except (TypeError, ValueError, OverflowError):
            ignored.append(f"zoom {str(zoom)[:20]!r}")
        self._apply_look()
        if tab is not None:
            try:
                index = int(tab)
                if not 0 <= index < self.tabs.count():
                    raise ValueError
                self.tabs.setCurrentIndex(index)
            except (TypeError, ValueError, OverflowError):
                ignored.append(f"tab {str(tab)[:20]!r}")
        return ignored

    def open_session_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open session", "", "LinConv Lab session (*.json)")
        if name:
            self.load_session_from(Path(name))

    def save_session_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Save session", "session.json", "LinConv Lab session (*.json)")
        if name:
            self.save_session_to(Path(name))

    def export_panel(self, path: Path) -> bool:
        """Save the current panel as a PNG at its on-screen size; a failed write is a message naming the reason."""
        try:
            save_image(self.tabs.currentWidget().grab(), path)
        except OSError as error:
            self._warn("Not exported", describe_write_error(path, error))
            return False
        self.status.setText(f"exported {path}")
        return True

    def export_panel_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export panel", "panel.png", "PNG image (*.png)")
        if name:
            self.export_panel(Path(name))

    def _warn(self, title: str, text: str) -> None:
        self.status.setText(f"{title.lower()}: {text}")
        if self.isVisible():  # non-blocking: the window stays usable
            box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def show_shortcuts(self) -> None:
        QMessageBox.information(self, "Keyboard shortcuts", SHORTCUTS)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About LinConv Lab",
            "LinConv Lab: see and measure how nn.Linear and nn.Conv1d/Conv2d relate.\n"
            "Every number comes from the core engine; linconv-lab --help for the headless tools.",
        )

    # ----- persistence ------------------------------------------------------------------------------------------
    def _restore(self) -> list[str]:
        """Restore geometry, view and the last spec; a corrupt or hostile value falls back to its default.

        Returns one note per value ignored (shown once in the status bar).
        """
        notes = []
        geometry, state = self.settings.value("geometry"), self.settings.value("windowState")
        try:
            if geometry is not None:
                self.restoreGeometry(geometry)
            if state is not None:
                self.restoreState(state)
        except (TypeError, ValueError):
            notes.append("window layout")
        ignored = self._apply_view(
            {"theme": self.settings.value("theme", "light"), "zoom": self.settings.value("zoom", 1.0)}
            | ({"tab": self.settings.value("tab")} if self.settings.contains("tab") else {})
        )
        for note in ignored:  # said once: a value ignored is removed, not met again at every start
            self.settings.remove(note.split()[0])
        notes += ignored
        text = self.settings.value("spec")
        if text:
            try:
                data = json.loads(str(text))
                if not isinstance(data, dict):
                    raise SpecError("spec", "must be an object")
                spec = parse_spec(data)
                validate(spec, self.controller.budget_bytes)
                self.controller.set_spec(spec)
            except (SpecError, ValueError, TypeError, RecursionError):
                notes.append("the last spec")
                self.settings.remove("spec")
        if notes:
            return [f"settings: ignored {', '.join(notes)} (corrupt or from another version); defaults used"]
        return []

    def save_settings(self) -> None:
        """Store the layout, view and the last *valid* spec (never an invalid or unloadable one)."""
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState())
        self.settings.setValue("tab", self.tabs.currentIndex())
        if self.controller.spec is not None:
            self.settings.setValue("spec", json.dumps(self.controller.spec.to_dict()))
        self.settings.setValue("theme", self.theme)
        self.settings.setValue("zoom", self.zoom)
        self.settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._docks_sized and not self.settings.contains("windowState"):
            # First show at this size: the parameters fit without a sideways scroll bar, the rest is shared.
            self._docks_sized = True
            parameters = self.parameters.minimumSizeHint().width() + 28
            formulas = min(460, max(300, int(0.28 * self.width())))
            self.resizeDocks(
                [self.parameter_dock, self.formulas_dock], [parameters, formulas], Qt.Orientation.Horizontal
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save, cancel every computation at once (benchmark processes are killed), then wait briefly for the
        workers: a PyTorch call in progress cannot be interrupted, and :func:`gui.launch.launch_window` does not
        wait for it either."""
        self.save_settings()
        self.controller.cancel()
        self.panels["speed"].cancel()
        self.controller.shutdown(CLOSE_WAIT_S)
        self.panels["speed"].shutdown(CLOSE_WAIT_S)
        self.panels["sliding"].timer.stop()
        super().closeEvent(event)


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    return area
