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
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QColor, QKeySequence, QPalette, QShortcut, QShowEvent
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
    QVBoxLayout,
    QWidget,
)

from core.atomic_write import describe_write_error, write_text_atomic
from core.catalogue import PRESET_CONTEXT
from core.errors import SpecError
from core.i18n import LANGUAGES, current_language, tr, tr_noop
from core.lab import LabResult
from core.presets import Preset, load_all_presets
from core.registry import MAPPING_MODES
from core.session import Session, load_session, save_session
from core.spec import LayerSpec, parse_spec
from core.user_presets import load_user_presets, preset_text, read_preset_file, save_user_preset
from core.validation import validate
from core.window_names import ZOOM_RANGE
from gui.controller import LabController
from gui.export_runner import add_export_action
from gui.image_file import save_image
from gui.language import LANGUAGE_KEY
from gui.launch import CLOSE_WAIT_S, user_settings
from gui.panels.claims import ClaimsPanel
from gui.panels.code import CodePanel
from gui.panels.compare import ComparePanel
from gui.panels.equality import EqualityPanel
from gui.panels.formulas import FormulasPanel
from gui.panels.init import InitPanel
from gui.panels.models import ModelsPanel
from gui.panels.parameters import ParameterPanel
from gui.panels.sliding import SlidingWindowPanel
from gui.panels.speed import SpeedPanel
from gui.panels.weights import WeightsPanel
from gui.plot_menu import install_plot_menus
from gui.story_player import StoryPlayer
from gui.theme import ERROR_COLOURS, PRESENTATION_SCALE, THEMES, PlotStyle, apply_theme, plot_colours
from gui.widgets.heatmap import Heatmap
from gui.widgets.panel_frame import PanelFrame
from gui.widgets.preset_dialog import PresetDialog
from gui.widgets.story_bar import StoryBar

# Tab titles carry the Alt mnemonics the help promises (Alt+E Equality, Alt+L Sliding window, Alt+P Speed);
# no parameter label or menu uses these letters.
# Shown as tr("Main window", TAB_TITLES[name]).
TAB_TITLES = {
    "weights": tr_noop("Main window", "&Weights"),
    "sliding": tr_noop("Main window", "S&liding window"),
    "equality": tr_noop("Main window", "&Equality"),
    "init": tr_noop("Main window", "I&nit"),
    "code": tr_noop("Main window", "&Code"),
    "compare": tr_noop("Main window", "Compare"),  # every letter of these is taken by a parameter, a tab or a menu
    "speed": tr_noop("Main window", "S&peed"),
    "claims": tr_noop("Main window", "Claims"),
    "models": tr_noop("Main window", "Models"),
}
NOTE_MS = 15_000
MIN_PANEL_WIDTH = 480
WIDE_WINDOW = 1600  # narrower first windows put the formulas behind the parameters (a tab of the same dock)
PENDING_TAB_COLOUR = "#c77700"  # amber, readable on both themes' tab bars
STAGE_WORDS = {  # shown as tr("Main window", STAGE_WORDS[stage])
    "conv": tr_noop("Main window", "the conv"),
    "linear": tr_noop("Main window", "the Linear side (mapping and matrices)"),
    "equality": tr_noop("Main window", "the equality check"),
    "init": tr_noop("Main window", "the init comparison"),
}
SHORTCUTS = tr_noop(
    "Main window",
    """<table>
<tr><td>Ctrl+1 … Ctrl+9</td><td>presets (each starts its story), in teaching order</td></tr>
<tr><td>→ / ← or Page Down / Page Up</td><td>next / previous story step (a presenter's clicker sends these)</td></tr>
<tr><td>F11 / Esc</td><td>presentation mode on / off</td></tr>
<tr><td>Ctrl+Shift+1 … 5</td><td>mapping mode: auto, pointwise, full, unrolled, unfold</td></tr>
<tr><td>Ctrl+Tab / Ctrl+Shift+Tab</td><td>next / previous panel</td></tr>
<tr><td>Alt+W, Alt+L, Alt+E, Alt+N, Alt+C, Alt+P</td><td>Weights, Sliding window, Equality, Init, Code, Speed</td></tr>
<tr><td>Ctrl+E</td><td>export the current panel as PNG</td></tr>
<tr><td>Ctrl+Shift+E</td><td>export all: every figure, the data, the animation and a script, into one folder</td></tr>
<tr><td>Ctrl+O / Ctrl+S</td><td>open / save a session</td></tr>
<tr><td>Ctrl++ / Ctrl+- / Ctrl+0</td><td>font zoom in / out / reset</td></tr>
<tr><td>Ctrl+T</td><td>light / dark theme</td></tr>
<tr><td>Alt + underlined letter</td><td>jump to that parameter</td></tr>
</table>""",
)


class MainWindow(QMainWindow):
    """The main window. ``settings`` defaults to the user's QSettings; tests pass their own file."""

    def __init__(self, settings: QSettings | None = None, restore: bool = True) -> None:
        super().__init__()
        self.setWindowTitle("LinConv Lab")
        self.settings = settings or user_settings()
        self.theme, self.zoom, self.presenting = "light", 1.0, False
        self.presets: dict[str, Preset] = {p.name: p for p in load_all_presets()}
        self.built_in = frozenset(self.presets)
        self.first_preset = next(iter(self.presets.values()))
        self.user_preset_dir = Path(self.settings.fileName()).parent / "presets"  # beside the settings file
        self.controller = LabController(self.first_preset.spec, parent=self)
        self.story = StoryPlayer(self)
        self.story_bar = StoryBar()
        self.parameters = ParameterPanel()
        self.formulas = FormulasPanel()
        self.panels: dict[str, Any] = {
            "weights": WeightsPanel(),
            "sliding": SlidingWindowPanel(),
            "equality": EqualityPanel(),
            "init": InitPanel(),
            "code": CodePanel(),
            "compare": ComparePanel(),
            "speed": SpeedPanel(),
            "claims": ClaimsPanel(),
            "models": ModelsPanel(),
        }
        self.frames = {name: PanelFrame(panel) for name, panel in self.panels.items()}
        self.formulas_frame = PanelFrame(self.formulas)
        self.tabs = QTabWidget()
        for name, frame in self.frames.items():
            self.tabs.addTab(frame, tr("Main window", TAB_TITLES[name]))
        # An explicit minimum: at a large font zoom a panel's own minimum (Claims, Speed) would otherwise widen the
        # window past the screen; the panel then lays out in the width there is.
        self.tabs.setMinimumWidth(MIN_PANEL_WIDTH)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.story_bar)
        centre_layout.addWidget(self.tabs, 1)
        self.setCentralWidget(centre)
        self.parameter_dock = self._dock(
            tr("Main window", "Parameters"),
            "parameters",
            _scrolling(self.parameters),
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        self.formulas_dock = self._dock(
            tr("Main window", "Formulas"), "formulas", self.formulas_frame, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.status = QLabel(tr("Main window", "ready"))
        self.statusBar().addWidget(self.status, 1)
        self.mode_actions: dict[str, QAction] = {}
        self.language_actions: dict[str, QAction] = {}
        self._highlighted: tuple[str, str] | None = None
        self._step_stages: set[str] = set()
        self._docks_before_presenting: dict[QDockWidget, bool] = {}
        self._docks_before_aside: dict[QDockWidget, bool] = {}
        self._build_menus()
        self.plot_menus = install_plot_menus(self)  # right-click on a plot or heatmap: export PNG/SVG/CSV, copy
        self._story_keys = self._build_story_keys()
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
        self.addAction(action)  # its shortcut works with the menu bar hidden (presentation mode)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("Main window", "&File"))
        self._action(
            file_menu, tr("Main window", "&Open session…"), self.open_session_dialog, QKeySequence.StandardKey.Open
        )
        self._action(
            file_menu, tr("Main window", "&Save session…"), self.save_session_dialog, QKeySequence.StandardKey.Save
        )
        self._action(file_menu, tr("Main window", "&Export current panel as PNG…"), self.export_panel_dialog, "Ctrl+E")
        add_export_action(self, file_menu)  # Export all… (Ctrl+Shift+E): gui/export_runner.py
        file_menu.addSeparator()
        self._action(file_menu, tr("Main window", "&Quit"), self.close, QKeySequence.StandardKey.Quit)
        preset_menu = bar.addMenu(tr("Main window", "P&resets"))
        preset_menu.setToolTipsVisible(True)
        for index, (name, preset) in enumerate(self.presets.items()):
            shortcut = f"Ctrl+{index + 1}" if index < 9 else None
            steps = (
                tr("Main window", ", a story in {count} steps").format(count=len(preset.steps)) if preset.steps else ""
            )
            action = self._action(
                preset_menu,
                tr("Main window", "{number}. {title}  ({name}{steps})").format(
                    number=index + 1, title=tr(PRESET_CONTEXT, preset.title), name=name, steps=steps
                ),
                lambda _=False, n=name: self.load_preset(n),
                shortcut,
            )
            action.setToolTip(tr(PRESET_CONTEXT, preset.explanation))
        preset_menu.addSeparator()
        self.user_preset_menu = preset_menu.addMenu(tr("Main window", "&My presets"))
        self._action(
            preset_menu, tr("Main window", "&Save current as preset…"), self.save_user_preset_dialog, "Ctrl+Shift+S"
        )
        self._action(preset_menu, tr("Main window", "&Import preset file…"), self.import_preset_dialog)
        self._action(preset_menu, tr("Main window", "&Export current as preset file…"), self.export_preset_dialog)
        self._load_user_presets()
        view = bar.addMenu(tr("Main window", "&View"))
        modes = view.addMenu(tr("Main window", "&Mapping mode"))
        group = QActionGroup(self)
        for term in MAPPING_MODES:
            action = self._action(
                modes,
                tr("Registry", term.label),
                lambda _=False, m=term.name: self.edit_field("mode", m),
                term.shortcut,
            )
            action.setCheckable(True)
            action.setToolTip(tr("Registry", term.description))
            group.addAction(action)
            self.mode_actions[term.name] = action
        self._action(view, tr("Main window", "Next panel"), lambda: self._cycle_tab(1), "Ctrl+Tab")
        self._action(view, tr("Main window", "Previous panel"), lambda: self._cycle_tab(-1), "Ctrl+Shift+Tab")
        view.addSeparator()
        self.presentation_action = self._action(
            view, tr("Main window", "&Presentation (full screen, large type)"), self.toggle_presentation, "F11"
        )
        self.presentation_action.setCheckable(True)
        self._action(view, tr("Main window", "Toggle light/dark &theme"), self.toggle_theme, "Ctrl+T")
        self._action(
            view,
            tr("Main window", "Zoom &in (fonts)"),
            lambda: self.set_zoom(self.zoom + 0.1),
            QKeySequence.StandardKey.ZoomIn,
        )
        self._action(
            view,
            tr("Main window", "Zoom &out (fonts)"),
            lambda: self.set_zoom(self.zoom - 0.1),
            QKeySequence.StandardKey.ZoomOut,
        )
        self._action(view, tr("Main window", "&Reset zoom"), lambda: self.set_zoom(1.0), "Ctrl+0")
        view.addSeparator()
        view.addAction(self.parameter_dock.toggleViewAction())
        view.addAction(self.formulas_dock.toggleViewAction())
        self._build_language_menu()
        help_menu = bar.addMenu(tr("Main window", "&Help"))
        self._action(help_menu, tr("Main window", "&Keyboard shortcuts"), self.show_shortcuts, "F1")
        self._action(help_menu, tr("Main window", "&About LinConv Lab"), self.show_about)

    def _build_language_menu(self) -> None:
        """One checkable entry per interface language, each named in its own language (so anyone finds theirs).
        The title has no Alt letter: every letter of "Language" is taken by a parameter, a tab or a menu."""
        menu = self.menuBar().addMenu(tr("Main window", "Language"))
        self.language_menu = menu
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(action)
            menu.addAction(action)
            self.language_actions[code] = action
        menu.addSeparator()
        note = menu.addAction(tr("Main window", "Takes effect after restart"))
        note.setEnabled(False)

    def choose_language(self, code: str) -> None:
        """Save ``code`` as the interface language of the next start (the text shown now stays as it is)."""
        self.settings.setValue(LANGUAGE_KEY, code)
        self.settings.sync()
        self.language_actions[code].setChecked(True)
        if code == current_language():
            self.status.setText(tr("Main window", "Language: {language} (in use)").format(language=LANGUAGES[code]))
        else:
            self.status.setText(
                tr("Main window", "Language: {language}, takes effect after restart").format(language=LANGUAGES[code])
            )

    def _build_story_keys(self) -> list[QShortcut]:
        """→/← and Page Down/Up step the story (presenters' clickers send these); Esc leaves presentation mode.
        Enabled only while they mean something, so the arrow keys keep their usual job otherwise."""
        keys = []
        for key, slot in (
            (Qt.Key.Key_Right, self.story.next),
            (Qt.Key.Key_PageDown, self.story.next),
            (Qt.Key.Key_Left, self.story.previous),
            (Qt.Key.Key_PageUp, self.story.previous),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)
            shortcut.setEnabled(False)
            keys.append(shortcut)
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._escape.activated.connect(lambda: self.set_presentation(False))
        self._escape.setEnabled(False)
        return keys

    def _connect(self) -> None:
        c = self.controller
        self.parameters.fieldEdited.connect(self.edit_field)
        self.panels["equality"].dtypeRequested.connect(lambda dtype: self.edit_field("dtype", dtype))
        self.story.stepChanged.connect(self._show_step)
        self.story.left.connect(self._story_left)
        self.story_bar.nextRequested.connect(self.story.next)
        self.story_bar.previousRequested.connect(self.story.previous)
        self.story_bar.leaveRequested.connect(self.story.leave)
        c.valuesChanged.connect(self.parameters.show_values)
        c.valuesChanged.connect(lambda _: self._sync_mode_actions())
        c.specChanged.connect(self._spec_changed)
        c.stageReady.connect(self._stage_ready)
        c.stageFailed.connect(self._stage_failed)
        c.invalid.connect(self._invalid)
        self.tabs.currentChanged.connect(lambda _: self._tell_visible_stages())
        self.tabs.currentChanged.connect(lambda _: self._docks_for_tab())
        for frame in self.frames.values():
            frame.stateShown.connect(lambda _: self._mark_tabs())

    # ----- flow: controller -> panels ----------------------------------------------------------------------------
    def _spec_changed(self, result: LabResult) -> None:
        self.formulas_frame.present(result)
        for frame in self.frames.values():
            if not frame.stages:
                frame.present(result)
        self._refresh_states()
        self.status.setText(
            tr("Main window", "{mode} mapping · {spec} · computing…").format(
                mode=result.valid.mode, spec=result.spec.describe()
            )
        )

    def _stage_ready(self, stage: str, result: LabResult) -> None:
        for frame in self.frames.values():
            if stage in frame.stages:
                frame.present(result)
        self._refresh_states()
        if stage in self._step_stages:  # the step's window position and highlights need this stage's drawing
            self._step_stages.discard(stage)
            self._apply_step_view()
        if stage == "equality" and result.equality is not None:
            eq, linear = result.equality, result.linear.mapping.linear if result.linear else None
            shape = f"Linear({linear.in_features}, {linear.out_features}) · " if linear is not None else ""
            if eq.equal:
                text = tr("Main window", "{mode} mapping · {shape}outputs agree (max abs error {error:.2g}, {dtype})")
            else:
                text = tr("Main window", "{mode} mapping · {shape}outputs DIFFER (max abs error {error:.2g}, {dtype})")
            self.status.setText(
                text.format(mode=result.valid.mode, shape=shape, error=eq.max_abs_error, dtype=eq.dtype)
            )

    def _stage_failed(self, stage: str, message: str) -> None:
        self._refresh_states()
        self.status.setText(
            tr("Main window", "{stage} failed: {message}").format(
                stage=tr("Main window", STAGE_WORDS.get(stage, stage)), message=message
            )
        )

    def _invalid(self, error: SpecError | None) -> None:
        self.parameters.show_error(error)
        self._refresh_states()
        if error is not None:
            self.status.setText(tr("Main window", "invalid: {error}").format(error=error))

    def _refresh_states(self) -> None:
        """Every frame says whether it is current, pending, stale (an invalid field) or failed."""
        c = self.controller
        result = c.result
        for frame in [*self.frames.values(), self.formulas_frame]:
            stages = frame.stages
            missing = [s for s in stages if result is None or not result.has(s)]
            failed = [s for s in stages if s in c.failures]
            if c.error is not None:
                frame.set_state(
                    "stale",
                    tr("Main window", "Stale: shown for the last valid spec. {parameter} is invalid.").format(
                        parameter=c.error.parameter
                    ),
                )
            elif failed:
                frame.set_state(
                    "failed",
                    tr("Main window", "Could not compute {stage}: {reason}").format(
                        stage=tr("Main window", STAGE_WORDS[failed[0]]), reason=c.failures[failed[0]]
                    ),
                )
            elif not missing or result is None:
                frame.set_state("current")
            elif len(missing) == len(stages):
                frame.set_state(
                    "pending",
                    tr("Main window", "Computing {stage}… (the previous spec's results, dimmed)").format(
                        stage=tr("Main window", STAGE_WORDS[missing[0]])
                    ),
                )
            else:
                frame.set_state(
                    "partial",
                    tr("Main window", "Computing {stage}…").format(stage=tr("Main window", STAGE_WORDS[missing[0]])),
                )

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
            bar.setTabToolTip(index, frame.banner.text() or tr("Main window", "current"))

    def _tell_visible_stages(self) -> None:
        frame = self.tabs.currentWidget()
        self.controller.set_visible_stages(frame.stages if isinstance(frame, PanelFrame) else ())

    def _docks_for_tab(self) -> None:
        """A panel about something other than the layer (Models: whole models) puts the layer's docks aside while
        it is in front, and they come back as they were when another panel is."""
        frame = self.tabs.currentWidget()
        aside = isinstance(frame, PanelFrame) and getattr(frame.panel, "DOCKS_ASIDE", False)
        docks = (self.parameter_dock, self.formulas_dock)
        if aside and not self._docks_before_aside:
            self._docks_before_aside = {dock: dock.isVisible() for dock in docks}
            for dock in docks:
                dock.hide()
        elif not aside and self._docks_before_aside:
            for dock, visible in self._docks_before_aside.items():
                dock.setVisible(visible)
            self._docks_before_aside = {}

    def _sync_mode_actions(self) -> None:
        action = self.mode_actions.get(str(self.controller.values.get("mode")))
        if action is not None:
            action.setChecked(True)

    # ----- flow: user -> controller -----------------------------------------------------------------------------
    def start(self) -> None:
        """Compute the current values (once the window is shown), unless restoring settings already did; a first
        start (no spec saved) plays the first story of the teaching order."""
        self._tell_visible_stages()
        if self.controller.result is None and not self.settings.contains("spec"):
            self.load_preset(self.first_preset.name)
        elif self.controller.result is None:
            self.controller.set_values(self.controller.values)

    def show_first(self) -> None:
        """Show the window: maximised the first time, as it was left afterwards."""
        if self.settings.contains("geometry"):
            self.show()
        else:
            self.showMaximized()

    def apply_spec(self, spec: LayerSpec, synchronous: bool = False) -> None:
        """Make ``spec`` the lab's spec (synchronously for screenshots and tests)."""
        if synchronous:
            self.controller.compute_now(spec)
        else:
            self.controller.set_spec(spec)

    def load_preset(
        self, name: str, synchronous: bool = False, story: bool = True, spec: LayerSpec | None = None
    ) -> None:
        """Make preset ``name`` (or ``spec``, a variant of it) the lab's spec and (unless ``story`` is False) start
        its story at step 1."""
        preset = self.presets[name]
        self.panels["compare"].set_preset(preset)
        self.story.leave()
        self.apply_spec(spec or preset.spec, synchronous)
        self.status.setText(
            tr("Main window", "preset {name}: {title}").format(name=name, title=tr(PRESET_CONTEXT, preset.title))
        )
        if story:
            self.story.start(preset)

    def edit_field(self, name: str, value: Any) -> None:
        """A person changed a parameter: the story (if any) stops, keeping what is shown, and the lab recomputes."""
        self.story.leave()
        self.controller.set_field(name, value)

    # ----- user presets -----------------------------------------------------------------------------------------
    def _load_user_presets(self) -> list[str]:
        """(Re)read the user's presets into the menu; returns one line per file that could not be read."""
        found = load_user_presets(self.user_preset_dir, self.built_in)
        for name in [n for n in self.presets if n not in self.built_in]:
            del self.presets[name]
        self.user_preset_menu.clear()
        for preset in found.presets:
            self.presets[preset.name] = preset
            action = self._action(
                self.user_preset_menu,
                tr("Main window", "{title}  ({name})").format(title=tr(PRESET_CONTEXT, preset.title), name=preset.name),
                lambda _=False, n=preset.name: self.load_preset(n),
            )
            action.setToolTip(tr(PRESET_CONTEXT, preset.explanation))
        self.user_preset_menu.setEnabled(bool(found.presets))
        return list(found.problems)

    def save_user_preset(self, name: str, title: str, explanation: str) -> bool:
        """Save the lab's last valid spec as preset ``name``; a bad name or a failed write is a message."""
        spec = self.controller.spec
        if spec is None:
            self._warn(
                tr("Main window", "Preset not saved"), tr("Main window", "no valid spec yet: fix the parameters first")
            )
            return False
        try:
            path = save_user_preset(self.user_preset_dir, name, title, explanation, spec, self.built_in)
        except SpecError as error:
            self._warn(tr("Main window", "Preset not saved"), str(error))
            return False
        except OSError as error:
            self._warn(tr("Main window", "Preset not saved"), describe_write_error(self.user_preset_dir / name, error))
            return False
        self._load_user_presets()
        self.status.setText(
            tr("Main window", "saved preset {name} ({path}); Presets → My presets reloads it").format(
                name=name, path=path
            )
        )
        return True

    def import_preset(self, path: Path) -> bool:
        """Check a shared preset file like a built-in one, then keep a copy among the user's presets."""
        try:
            preset = read_preset_file(path, self.built_in)
            saved = save_user_preset(
                self.user_preset_dir, preset.name, preset.title, preset.explanation, preset.spec, self.built_in
            )
        except SpecError as error:
            self._warn(tr("Main window", "Preset not imported"), str(error))
            return False
        except OSError as error:
            self._warn(tr("Main window", "Preset not imported"), describe_write_error(self.user_preset_dir, error))
            return False
        self._load_user_presets()
        self.load_preset(preset.name)
        self.status.setText(
            tr("Main window", "imported preset {name} into {folder}").format(name=preset.name, folder=saved.parent)
        )
        return True

    def export_preset(self, path: Path, title: str, explanation: str = "") -> bool:
        """Write the lab's last valid spec as a preset file someone else can import."""
        spec = self.controller.spec
        try:
            if spec is None:
                raise SpecError(
                    "spec", tr("Main window", "no valid spec yet"), tr("Main window", "fix the parameters first")
                )
            write_text_atomic(path, preset_text(title, explanation, spec))
        except SpecError as error:
            self._warn(tr("Main window", "Preset not exported"), str(error))
            return False
        except OSError as error:
            self._warn(tr("Main window", "Preset not exported"), describe_write_error(path, error))
            return False
        self.status.setText(tr("Main window", "exported preset file {path}").format(path=path))
        return True

    def save_user_preset_dialog(self) -> None:
        spec = self.controller.spec
        dialog = PresetDialog(spec.describe() if spec is not None else "", self)
        if dialog.exec():
            self.save_user_preset(*dialog.values())

    def import_preset_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Main window", "Import preset"), "", tr("Main window", "LinConv Lab preset (*.json)")
        )
        if name:
            self.import_preset(Path(name))

    def export_preset_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Main window", "Export preset"), "preset.json", tr("Main window", "LinConv Lab preset (*.json)")
        )
        if name and self.controller.spec is not None:
            self.export_preset(Path(name), self.controller.spec.describe())

    # ----- stories ----------------------------------------------------------------------------------------------
    def _show_step(self, index: int) -> None:
        step = self.story.step
        if step is None:
            return
        self.story_bar.show_step(tr(PRESET_CONTEXT, step.caption), index, len(self.story.steps))
        for key in self._story_keys:
            key.setEnabled(True)
        if step.mode is not None and self.controller.values.get("mode") != step.mode:
            self.controller.set_field("mode", step.mode)
        self.show_panel(step.panel)
        if self.presenting:
            self._collapse_docks()
        frame = self.frames.get(step.panel)
        result = self.controller.result
        needed = frame.stages if frame is not None else ()
        self._step_stages = {s for s in needed if result is None or not result.has(s)}
        self._apply_step_view()
        self.story_bar.setFocus()  # so → and ← reach the story, not a spin box that had focus

    def _apply_step_view(self) -> None:
        """The step's sliding-window position and highlighted cells, once its panel has the data to show them."""
        step = self.story.step
        if step is None:
            return
        sliding = self.panels["sliding"]
        if step.panel == "sliding" and not self._step_stages:
            if step.channel is not None:
                sliding.channel.setValue(step.channel)
            if step.position is not None:
                sliding.position.setValue(step.position)
        if self._highlighted is not None and self._highlighted != (step.panel, getattr(step.highlight, "target", "")):
            panel_name, target = self._highlighted
            self.panels[panel_name].show_highlight(target, [])
            self._highlighted = None
        if step.claim is not None:
            claims = self.panels["claims"]  # the measurement runs live, in its worker, once per session
            claims.show_claim(step.claim, run=step.claim not in claims.results and not claims.is_running(step.claim))
        if step.highlight is not None and not self._step_stages:
            self.panels[step.panel].show_highlight(step.highlight.target, step.highlight.cells)
            self._highlighted = (step.panel, step.highlight.target)

    def _story_left(self) -> None:
        self.story_bar.hide()
        self._step_stages = set()
        for key in self._story_keys:
            key.setEnabled(False)

    # ----- presentation -----------------------------------------------------------------------------------------
    def toggle_presentation(self) -> None:
        self.set_presentation(not self.presenting)

    def set_presentation(self, on: bool, full_screen: bool = True) -> None:
        """Full screen, fonts x1.6 (plots too), high contrast, docks collapsed to what the story step needs.
        (``full_screen`` False keeps the window's size: for screenshots at a given size.)"""
        if on == self.presenting:
            return
        self.presenting = on
        self.presentation_action.setChecked(on)
        self._escape.setEnabled(on)
        docks = (self.parameter_dock, self.formulas_dock)
        self.menuBar().setVisible(not on)  # the room sees the lab, not the chrome; every shortcut still works
        self.statusBar().setVisible(not on)
        if on:
            self._docks_before_presenting = {dock: dock.isVisible() for dock in docks}
            self._collapse_docks()
            if full_screen:
                self.showFullScreen()
        else:
            for dock, visible in self._docks_before_presenting.items():
                dock.setVisible(visible)
            self.showNormal()
        self._apply_look()

    def _collapse_docks(self) -> None:
        needed = self.story.step.docks if self.story.step is not None else ()
        self.parameter_dock.setVisible("parameters" in needed)
        self.formulas_dock.setVisible("formulas" in needed)

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

    @property
    def font_scale(self) -> float:
        """Font zoom times the presentation factor: what every font, plots included, is scaled by."""
        return self.zoom * (PRESENTATION_SCALE if self.presenting else 1.0)

    def plot_style(self) -> PlotStyle:
        """Colours and font scale every plot and heatmap is drawn with."""
        background, foreground = plot_colours(self.theme, self.presenting)
        return PlotStyle(background, foreground, self.font_scale)

    def _apply_look(self) -> None:
        apply_theme(QApplication.instance(), self.theme, self.font_scale, self.presenting)  # type: ignore[arg-type]
        style = self.plot_style()
        background, foreground = style.background, style.foreground
        for heatmap in self.findChildren(Heatmap):
            heatmap.restyle(style)
        for panel in self.panels.values():  # panels with plots or fixed-size text of their own
            restyle = getattr(panel, "restyle", None)
            if restyle is not None:
                restyle(style)
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
        spec = self.controller.spec or self.first_preset.spec
        return Session(spec, {"theme": self.theme, "zoom": self.zoom, "tab": self.tabs.currentIndex()})

    def save_session_to(self, path: Path) -> bool:
        """Save the session; with an invalid field, the last valid spec is saved and the message says so."""
        try:
            save_session(self.session(), path)
        except OSError as error:
            self._warn(tr("Main window", "Session not saved"), describe_write_error(path, error))
            return False
        note = ""
        if self.controller.error is not None:
            note = tr("Main window", " (the last valid spec: {parameter} is invalid and was not saved)").format(
                parameter=self.controller.error.parameter
            )
        self.status.setText(tr("Main window", "saved session to {path}{note}").format(path=path, note=note))
        return True

    def load_session_from(self, path: Path) -> bool:
        """Apply a session file; a broken one is refused with a message and changes nothing."""
        try:
            session = load_session(path)
        except SpecError as error:
            self._warn(tr("Main window", "Session not loaded"), str(error))
            return False
        ignored = self._apply_view(session.view)
        self.controller.set_spec(session.spec)
        note = ""
        if ignored:
            note = tr("Main window", " (ignored {ignored}: not a valid view setting)").format(
                ignored=", ".join(ignored)
            )
        self.status.setText(tr("Main window", "loaded session {name}{note}").format(name=path.name, note=note))
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
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Main window", "Open session"), "", tr("Main window", "LinConv Lab session (*.json)")
        )
        if name:
            self.load_session_from(Path(name))

    def save_session_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Main window", "Save session"), "session.json", tr("Main window", "LinConv Lab session (*.json)")
        )
        if name:
            self.save_session_to(Path(name))

    def export_panel(self, path: Path) -> bool:
        """Save the current panel as a PNG at its on-screen size; a failed write is a message naming the reason."""
        try:
            save_image(self.tabs.currentWidget().grab(), path)
        except OSError as error:
            self._warn(tr("Main window", "Not exported"), describe_write_error(path, error))
            return False
        self.status.setText(tr("Main window", "exported {path}").format(path=path))
        return True

    def export_panel_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Main window", "Export panel"), "panel.png", tr("Main window", "PNG image (*.png)")
        )
        if name:
            self.export_panel(Path(name))

    def _warn(self, title: str, text: str) -> None:
        self.status.setText(tr("Main window", "{title}: {text}").format(title=title.lower(), text=text))
        if self.isVisible():  # non-blocking: the window stays usable
            box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def show_shortcuts(self) -> None:
        QMessageBox.information(self, tr("Main window", "Keyboard shortcuts"), tr("Main window", SHORTCUTS))

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            tr("Main window", "About LinConv Lab"),
            tr(
                "Main window",
                "LinConv Lab: see and measure how nn.Linear and nn.Conv1d/Conv2d relate.\n"
                "Every number comes from the core engine; linconv-lab --help for the headless tools.",
            ),
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
            notes.append(tr("Main window", "window layout"))
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
                notes.append(tr("Main window", "the last spec"))
                self.settings.remove("spec")
        if notes:
            return [
                tr("Main window", "settings: ignored {notes} (corrupt or from another version); defaults used").format(
                    notes=", ".join(notes)
                )
            ]
        return []

    def save_settings(self) -> None:
        """Store the layout, view and the last *valid* spec (never an invalid or unloadable one)."""
        self.settings.setValue("geometry", self.saveGeometry())
        aside = self._docks_before_aside
        for dock, visible in aside.items():  # saved as the person left them, not as a panel put them aside
            dock.setVisible(visible)
        self.settings.setValue("windowState", self.saveState())
        for dock in aside:
            dock.hide()
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
            width = self.screen().availableGeometry().width() if self.isMaximized() else self.width()
            # the parameters' own width, but never so wide (large font zoom) that the panels lose theirs
            parameters = min(self.parameters.minimumSizeHint().width() + 28, int(0.35 * width))
            if width < WIDE_WINDOW:  # the panels need the width more: the formulas share the parameters' dock
                self.tabifyDockWidget(self.parameter_dock, self.formulas_dock)
                self.parameter_dock.raise_()
                self.resizeDocks([self.parameter_dock], [parameters], Qt.Orientation.Horizontal)
                return
            formulas = min(460, max(300, int(0.28 * width)))
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
        self.panels["claims"].cancel()
        self.panels["models"].cancel()
        self.controller.shutdown(CLOSE_WAIT_S)
        self.panels["speed"].shutdown(CLOSE_WAIT_S)
        self.panels["claims"].shutdown(CLOSE_WAIT_S)
        self.panels["models"].shutdown(CLOSE_WAIT_S)
        self.panels["sliding"].timer.stop()
        super().closeEvent(event)


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    return area
