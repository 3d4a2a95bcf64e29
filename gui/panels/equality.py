"""Do the outputs agree? A pass/fail badge, the numbers, both outputs and their difference as heatmaps."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.axis_labels import OUTPUT_MAP_AXES, axis_label
from core.display import first_map
from core.equality import EqualityReport
from core.i18n import tr, tr_noop
from core.lab import LabResult
from core.registry import DTYPES
from core.window_names import HIGHLIGHT_TARGETS
from gui.widgets.heatmap import Heatmap, HighlightTargets

# The numbers' names: keys of EqualityPanel.numbers, shown with tr("Equality panel", name).
NUMBER_NAMES = (
    tr_noop("Equality panel", "max abs error"),
    tr_noop("Equality panel", "max rel error"),
    tr_noop("Equality panel", "allclose"),
    tr_noop("Equality panel", "rounding bound"),
    tr_noop("Equality panel", "bitwise equal"),
    tr_noop("Equality panel", "gradients"),
    tr_noop("Equality panel", "weights round trip"),
)


def _shown(labels: tuple[str, str]) -> tuple[str, str]:
    """A heatmap's (x, y) axis labels from core.axis_labels, in the interface language."""
    return axis_label(labels[0]), axis_label(labels[1])


def difference_levels(diff: np.ndarray) -> tuple[tuple[float, float], str]:
    """Colour levels and title of the |difference| map: 0..max, or 0..1 and "(all 0)" when nothing differs."""
    top = float(diff.max()) if diff.size else 0.0
    if top == 0:
        return (0.0, 1.0), tr("Equality panel", "|difference| (all 0)")
    if not np.isfinite(top):  # an overflowed or NaN output: the finite part still gets a scale
        finite = diff[np.isfinite(diff)]
        return (0.0, float(finite.max(initial=0.0)) or 1.0), tr("Equality panel", "|difference| (some not finite)")
    return (0.0, top), tr("Equality panel", "|difference|")


class EqualityPanel(HighlightTargets, QWidget):
    """``dtypeRequested`` asks the window to recompute in another dtype (float32 <-> float64)."""

    dtypeRequested = Signal(str)
    STAGES = ("equality",)
    highlight_targets = HIGHLIGHT_TARGETS["equality"]  # the names a story step may use

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: EqualityReport | None = None
        self.badge = QLabel("…")
        self.badge.setProperty("role", "badge")
        self.dtype = QComboBox()
        self.dtype.addItems(DTYPES.names)
        self.dtype.setToolTip(
            tr("Equality panel", "Recompute in another precision: differences that shrink with it are rounding")
        )
        self.dtype.textActivated.connect(self.dtypeRequested)
        self.numbers = {name: QLabel() for name in NUMBER_NAMES}
        form = QGridLayout()  # two pairs per row: the maps keep the height a projector's large type needs
        form.setHorizontalSpacing(12)
        for index, (name, label) in enumerate(self.numbers.items()):
            label.setWordWrap(True)
            row, column = divmod(index, 2)
            form.addWidget(QLabel(tr("Equality panel", name)), row, 2 * column)
            form.addWidget(label, row, 2 * column + 1)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        self.conv_map = Heatmap("conv(x)", *_shown(OUTPUT_MAP_AXES))
        self.linear_map = Heatmap(tr("Equality panel", "Linear path"), *_shown(OUTPUT_MAP_AXES))
        self.diff_map = Heatmap(tr("Equality panel", "|difference|"), *_shown(OUTPUT_MAP_AXES))
        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addStretch(1)
        top.addWidget(QLabel(tr("Equality panel", "precision:")))
        top.addWidget(self.dtype)
        maps = QGridLayout()
        maps.addWidget(self.conv_map, 0, 0)
        maps.addWidget(self.linear_map, 0, 1)
        maps.addWidget(self.diff_map, 0, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addLayout(maps, 1)

    def target_maps(self) -> dict[str, Heatmap]:
        return {"conv": self.conv_map, "linear": self.linear_map, "difference": self.diff_map}

    def set_badge(self, state: str, text: str) -> None:
        self.badge.setText(text)
        self.badge.setProperty("state", state)
        self.badge.style().unpolish(self.badge)
        self.badge.style().polish(self.badge)

    def show_state(self, state: str) -> None:
        """The badge never says PASS/FAIL for data that is not current (its frame's state)."""
        if state == "current":
            if self.report is not None:
                self._show_verdict(self.report)
            return
        words = {
            "pending": tr("Equality panel", "checking…"),
            "partial": tr("Equality panel", "checking…"),
            "stale": tr("Equality panel", "stale"),
            "failed": tr("Equality panel", "not checked"),
        }
        self.set_badge("busy", words.get(state, state))

    def _show_verdict(self, report: EqualityReport) -> None:
        if report.equal:
            self.set_badge("pass", tr("Equality panel", "PASS · outputs agree ({dtype})").format(dtype=report.dtype))
        else:
            self.set_badge("fail", tr("Equality panel", "FAIL · outputs differ ({dtype})").format(dtype=report.dtype))

    def show_result(self, result: LabResult) -> None:
        report: EqualityReport | None = result.equality
        if report is None:
            return
        if report is not self.report:
            self.clear_highlights()
        self.report = report
        self._show_verdict(report)
        self.dtype.blockSignals(True)
        self.dtype.setCurrentText(report.dtype)
        self.dtype.blockSignals(False)
        n = self.numbers
        n["max abs error"].setText(f"{report.max_abs_error:.3g}")
        n["max rel error"].setText(f"{report.max_rel_error:.3g}")
        n["allclose"].setText(
            tr("Equality panel", "{answer} (rtol={rtol:g}, atol={atol:g})").format(
                answer=_yes_no(report.allclose), rtol=report.rtol, atol=report.atol
            )
        )
        n["rounding bound"].setText(
            tr("Equality panel", "{bound:.3g} — every difference within it: {answer}").format(
                bound=report.rounding_bound, answer=_yes_no(report.within_rounding_bound)
            )
        )
        n["bitwise equal"].setText(
            tr("Equality panel", "{percent:.1f}% of elements").format(percent=100 * report.bitwise_equal_fraction)
        )
        grads = ", ".join(f"{k} {v:.2g}" for k, v in report.grad_max_abs_error.items())
        gradients = tr("Equality panel", "agree") if report.grad_equal else tr("Equality panel", "DIFFER")
        n["gradients"].setText(
            tr("Equality panel", "{state} (max abs error {errors})").format(state=gradients, errors=grads)
        )
        n["weights round trip"].setText(report.round_trip_text())
        self._draw_maps(report)

    def _draw_maps(self, report: EqualityReport) -> None:
        """Both outputs on one colour scale (so equal numbers look equal), and their difference."""
        conv, linear = first_map(report.conv_output), first_map(report.linear_output)
        bound = float(max(np.abs(conv).max(initial=0.0), np.abs(linear).max(initial=0.0))) or 1.0
        self.conv_map.set_data(conv, levels=(-bound, bound))
        self.linear_map.set_data(linear, levels=(-bound, bound))
        diff = abs(conv - linear)
        levels, title = difference_levels(diff)
        self.diff_map.set_title(title)
        self.diff_map.set_data(diff, levels=levels, cmap="viridis")


def _yes_no(answer: bool) -> str:
    return tr("Equality panel", "yes") if answer else tr("Equality panel", "no")
