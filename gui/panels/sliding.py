"""Sliding window ⇄ matrix: step through output positions; the input patch, the kernel, the output cell and the
matching matrix row (Toeplitz) or column (patch matrix) are highlighted together."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.axis_labels import SLIDING_AXES, axis_label
from core.i18n import tr
from core.lab import ConvStage, LabResult, LinearStage
from core.sliding import WindowStep, step_count, window_step
from core.window_names import HIGHLIGHT_TARGETS
from gui.widgets.heatmap import Heatmap, HighlightTargets, format_cell, shows_cell_texts, symmetric_levels

PAD_MARK = "#9a9a9a"


def _shown(labels: tuple[str, str]) -> tuple[str, str]:
    """A heatmap's (x, y) axis labels from core.axis_labels, in the interface language."""
    return axis_label(labels[0]), axis_label(labels[1])


def taps(count: int) -> str:
    """``1 tap``, ``3 taps``."""
    text = tr("Sliding panel", "{count} tap") if count == 1 else tr("Sliding panel", "{count} taps")
    return text.format(count=count)


def per_dim(values: tuple[int, int], dims: int) -> str:
    """A geometry pair as the spec writes it: one number for 1-D (its width), ``(h, w)`` for 2-D."""
    return str(values[1]) if dims == 1 else f"({values[0]}, {values[1]})"


def padding_text(lo: tuple[int, int], hi: tuple[int, int], dims: int) -> str:
    """Zeros before/after each dimension; one figure when both sides agree."""
    return per_dim(lo, dims) if lo == hi else f"{per_dim(lo, dims)}/{per_dim(hi, dims)}"


class SlidingWindowPanel(HighlightTargets, QWidget):
    """Shows the ``conv`` stage (input, kernel, output) and the ``linear`` stage (the matrix view)."""

    STAGES = ("conv", "linear")
    highlight_targets = HIGHLIGHT_TARGETS["sliding"]  # the names a story step may use

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: LabResult | None = None
        self.conv: ConvStage | None = None
        self.linear: LinearStage | None = None
        self.channel = QSpinBox()
        self.channel.setPrefix(tr("Sliding panel", "output channel "))
        self.position = QSlider(Qt.Orientation.Horizontal)
        self.previous_button = QPushButton(tr("Sliding panel", "◀ Step"))
        self.next_button = QPushButton(tr("Sliding panel", "Step ▶"))
        self.play_button = QPushButton(tr("Sliding panel", "Play"))
        self.play_button.setCheckable(True)
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(1, 20)
        self.speed.setValue(4)
        self.speed.setToolTip(tr("Sliding panel", "steps per second"))
        self.speed.setMaximumWidth(160)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.timer = QTimer(self)
        labels = SLIDING_AXES[2]
        self.input_map = Heatmap(tr("Sliding panel", "input (padded)"), *_shown(labels["input"]), colorbar=False)
        self.kernel_map = Heatmap(tr("Sliding panel", "kernel"), *_shown(labels["kernel"]), colorbar=False)
        self.output_map = Heatmap(tr("Sliding panel", "conv output"), *_shown(labels["output"]), colorbar=False)
        self.matrix_map = Heatmap(
            tr("Sliding panel", "matrix view"), tr("Sliding panel", "column"), tr("Sliding panel", "row")
        )
        for spatial in (self.input_map, self.kernel_map, self.output_map):
            spatial.plot.setAspectLocked(True)  # square cells: the picture has the tensor's proportions
        self.pad_marks = pg.ScatterPlotItem(pxMode=False)
        self.input_map.plot.addItem(self.pad_marks)
        controls = QHBoxLayout()
        for widget in (
            self.channel,
            self.previous_button,
            self.next_button,
            self.play_button,
            QLabel(tr("Sliding panel", "speed")),
            self.speed,
        ):
            controls.addWidget(widget)
        controls.addStretch(1)
        slider_row = QHBoxLayout()
        slider_row.addWidget(QLabel(tr("Sliding panel", "output position")))
        slider_row.addWidget(self.position, 1)
        self.grid = QGridLayout()
        self.one_row: bool | None = None
        self._arrange(one_row=False)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(slider_row)
        layout.addWidget(self.where)
        layout.addLayout(self.grid, 1)
        self.position.valueChanged.connect(self._draw_step)
        self.channel.valueChanged.connect(self._channel_changed)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.play_button.toggled.connect(self._play)
        self.speed.valueChanged.connect(self._speed_changed)
        self.timer.timeout.connect(lambda: self.step(1))

    def _arrange(self, one_row: bool) -> None:
        """Input, kernel and output above the matrix view; all four in one row when the panel is short and wide
        (a projector's 1280x720 in presentation type), so no map is squeezed to a strip."""
        if one_row == self.one_row:
            return
        self.one_row = one_row
        maps = (self.input_map, self.kernel_map, self.output_map, self.matrix_map)
        for heatmap in maps:
            self.grid.removeWidget(heatmap)
        for column, heatmap in enumerate(maps[:3]):
            self.grid.addWidget(heatmap, 0, column)
        if one_row:
            self.grid.addWidget(self.matrix_map, 0, 3)
        else:
            self.grid.addWidget(self.matrix_map, 1, 0, 1, 3)
        self.grid.setRowStretch(0, 3)
        self.grid.setRowStretch(1, 0 if one_row else 2)
        for column in range(4):
            self.grid.setColumnStretch(column, (2 if column == 3 else 1) if one_row else (1 if column < 3 else 0))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(one_row=self.height() < 0.5 * self.width())

    def target_maps(self) -> dict[str, Heatmap]:
        return {
            "input": self.input_map,
            "kernel": self.kernel_map,
            "output": self.output_map,
            "matrix": self.matrix_map,
        }

    def show_result(self, result: LabResult) -> None:
        if result.conv is None:
            return
        if result.conv is self.conv:  # the same spec's matrix view has landed
            self._show_matrix(result)
            self._draw_step()
            return
        self.result, self.conv = result, result.conv
        self.clear_highlights()
        conv = result.conv
        spec = result.valid.spec
        for name, heatmap in (("input", self.input_map), ("kernel", self.kernel_map), ("output", self.output_map)):
            heatmap.set_axis_labels(*_shown(SLIDING_AXES[spec.dims][name]))
        for widget, maximum in ((self.channel, spec.cout - 1), (self.position, step_count(result.valid) - 1)):
            widget.blockSignals(True)
            widget.setRange(0, maximum)
            widget.setValue(min(widget.value(), maximum))
            widget.setEnabled(maximum > 0)  # one position (or channel): nothing to step through
            widget.blockSignals(False)
        geom = result.valid.geometry
        rows, cols = conv.padded_input.shape[1:]
        pad_cells = _padding_cells((rows, cols), geom.pad_lo, geom.input)
        self.pad_marks.clear()  # a spec without padding must not keep the previous one's marks
        if pad_cells.size:
            # Where cells print their "0", a dashed frame marks padding (an x would cross the number out).
            framed = _pad_symbol((rows, cols)) == "dashed"
            self.pad_marks.setData(
                x=pad_cells[:, 1] + 0.5,
                y=pad_cells[:, 0] + 0.5,
                size=0.84 if framed else 0.6,
                symbol="s" if framed else "x",
                pen=pg.mkPen(PAD_MARK, width=1.5, style=Qt.PenStyle.DashLine) if framed else PAD_MARK,
                brush=None,
            )
        self._show_matrix(result)
        self._channel_changed()

    def _show_matrix(self, result: LabResult) -> None:
        """The matrix the current position is a row (Toeplitz, Linear) or column (patches) of, once it landed."""
        self.linear = linear = result.linear
        self.matrix_map.setVisible(linear is not None)
        if linear is None:
            return
        mode = result.valid.mode
        if mode == "unfold" and linear.patch_matrix is not None:
            self.matrix_map.set_title(tr("Sliding panel", "patches: a column per position"))
            self.matrix_map.set_data(linear.patch_matrix)
        else:
            what = (
                tr("Sliding panel", "Toeplitz: a row per output")
                if mode == "unrolled"
                else tr("Sliding panel", "Linear.weight: a row per channel")
            )
            self.matrix_map.set_title(what)
            self.matrix_map.set_data(linear.linear_matrix.values, scale=linear.linear_matrix.block)

    def step(self, delta: int) -> None:
        if self.result is None:
            return
        count = self.position.maximum() + 1
        self.position.setValue((self.position.value() + delta) % count)

    def _play(self, on: bool) -> None:
        self.play_button.setText(tr("Sliding panel", "Pause") if on else tr("Sliding panel", "Play"))
        if on:
            self.timer.start(int(1000 / self.speed.value()))
        else:
            self.timer.stop()

    def _speed_changed(self, value: int) -> None:
        if self.timer.isActive():
            self.timer.start(int(1000 / value))

    def _channel_changed(self) -> None:
        if self.result is None or self.conv is None:
            return
        result, conv, o = self.result, self.conv, self.channel.value()
        spec = result.valid.spec
        cin_g = spec.cin // spec.groups
        group_first = (o // (spec.cout // spec.groups)) * cin_g
        kernel = conv.conv.weight.detach()[o, 0].double().numpy().reshape(result.valid.geometry.kernel)
        self.kernel_map.set_title(tr("Sliding panel", "kernel [{channel}, 0]").format(channel=o))
        # One scale per tensor, not per slice: a kernel of small weights is not painted as if it were the largest
        # (the kernel on the weights' scale, as in the Weights panel; the output and input on their own).
        self.kernel_map.set_data(kernel, levels=symmetric_levels(conv.conv.weight.detach().double().numpy()))
        out = conv.sample_output[o].numpy().reshape(result.valid.geometry.output)
        self.output_map.set_title(tr("Sliding panel", "output ch {channel}").format(channel=o))
        self.output_map.set_data(out, levels=symmetric_levels(conv.sample_output.numpy()))
        padded = conv.padded_input[group_first].numpy()
        if result.valid.geometry.has_padding:
            mark = tr("Sliding panel", "dashed") if _pad_symbol(padded.shape) == "dashed" else "x"
            title = tr("Sliding panel", "input ch {channel} ({mark}: padding)").format(channel=group_first, mark=mark)
        else:
            title = tr("Sliding panel", "input ch {channel}").format(channel=group_first)
        self.input_map.set_title(title)
        self.input_map.set_data(padded, levels=symmetric_levels(conv.padded_input.numpy()))
        self._draw_step()

    def _draw_step(self, *_: object) -> None:
        if self.result is None or self.conv is None:
            return
        result, conv, linear = self.result, self.conv, self.linear
        step = window_step(result.valid, self.position.value(), self.channel.value())
        real = [cell for _, cell, inside in step.taps if inside]
        padded = [cell for _, cell, inside in step.taps if not inside]
        self.input_map.highlight(real + padded)
        self.kernel_map.highlight([tap for tap, _, _ in step.taps])
        self.output_map.highlight([step.position])
        matrix_rows, matrix_cols = self.matrix_map.shape
        if linear is None:
            matrix_text = tr("Sliding panel", "the matrix view (still computing)")
        elif result.valid.mode == "unfold" and linear.patch_matrix is not None:
            column = step.patch_column
            self.matrix_map.highlight([(r, column) for r in range(matrix_rows)])
            matrix_text = tr("Sliding panel", "patch matrix column {column} · weight row {row}").format(
                column=column, row=step.out_channel
            )
        else:
            block = linear.linear_matrix.block
            row = step.toeplitz_row if result.valid.mode == "unrolled" else step.out_channel
            self.matrix_map.highlight([(row // block, c) for c in range(matrix_cols)])
            if block > 1:
                matrix_text = tr("Sliding panel", "matrix row {row} (block row {block_row})").format(
                    row=row, block_row=row // block
                )
            else:
                matrix_text = tr("Sliding panel", "matrix row {row}").format(row=row)
        value = float(conv.sample_output[step.out_channel].reshape(-1)[self.position.value()])
        bias = conv.conv.bias
        bias_value = float(bias.detach()[step.out_channel]) if bias is not None else 0.0
        self.where.setText(_step_text(step, value, bias_value, matrix_text, result))


def _step_text(step: WindowStep, value: float, bias: float, matrix_text: str, result: LabResult) -> str:
    """The status line under the controls, in the spec's dimensionality and with singular/plural right."""
    geom, spec = result.valid.geometry, result.valid.spec
    i, j = step.position
    where = f"({i}, {j})" if spec.dims == 2 else f"{j}"
    real = sum(1 for _, _, inside in step.taps if inside)
    padded = len(step.taps) - real
    zeros = tr("Sliding panel", "a padding zero") if padded == 1 else tr("Sliding panel", "padding zeros")
    first, last = step.channels[0], step.channels[-1]
    if first == last:
        channels = tr("Sliding panel", "input channel {channel}").format(channel=first)
    else:
        channels = tr("Sliding panel", "input channels {first}–{last}").format(first=first, last=last)
    if spec.groups > 1:
        group = step.out_channel // (spec.cout // spec.groups)
        channels += tr("Sliding panel", " (group {group})").format(group=group)
    terms = tr("Sliding panel", "Σ kernel ⊙ patch + bias")
    formula = (
        f"output[0, {step.out_channel}, {where}] = {terms} = {format_cell(value - bias)} "
        f"{'−' if bias < 0 else '+'} {format_cell(abs(bias))} = {format_cell(value)}"
    )
    parts = (
        formula,
        tr("Sliding panel", "{real} on input, {padded} on {zeros}").format(
            real=taps(real), padded=taps(padded), zeros=zeros
        ),
        tr("Sliding panel", "same number as {matrix}").format(matrix=matrix_text),
        channels,
        tr("Sliding panel", "stride {stride}, dilation {dilation}, padding {padding}").format(
            stride=per_dim(geom.stride, spec.dims),
            dilation=per_dim(geom.dilation, spec.dims),
            padding=padding_text(geom.pad_lo, geom.pad_hi, spec.dims),
        ),
    )
    return "  ·  ".join(parts)


def _pad_symbol(shape: tuple[int, ...]) -> str:
    """How padding cells are marked: a dashed frame where cells print their numbers, else an x."""
    return "dashed" if shows_cell_texts(shape, 1) else "x"


def _padding_cells(shape: tuple[int, int], pad_lo: tuple[int, int], size: tuple[int, int]) -> np.ndarray:
    rows, cols = np.indices(shape)
    inside = (rows >= pad_lo[0]) & (rows < pad_lo[0] + size[0]) & (cols >= pad_lo[1]) & (cols < pad_lo[1] + size[1])
    cells = np.argwhere(~inside)
    return cells[:2000]
