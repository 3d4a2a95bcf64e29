"""The parameter panel: every spec field as a widget; core's error shown next to the field it names."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import signals_blocked

from core.errors import SpecError
from core.spec import DTYPES, MODES, SOURCES, LayerSpec

PAIR_FIELDS = {
    "kernel": (1, 1024),
    "stride": (1, 64),
    "padding": (0, 512),
    "dilation": (1, 64),
    "input_size": (1, 4096),
}
MODE_LABELS = {
    "auto": "auto",
    "pointwise": "pointwise (kernel 1)",
    "full": "full-kernel",
    "unrolled": "unrolled (Toeplitz)",
    "unfold": "unfold (im2col)",
}
# Which widgets a core error about a parameter points at.
ERROR_TARGETS = {"memory": ("input_size", "batch", "cin", "cout", "mode"), "computation": ()}


class SizePair(QWidget):
    """Height x width spin boxes; the height box hides for 1-D layers."""

    changed = Signal()

    def __init__(self, minimum: int, maximum: int) -> None:
        super().__init__()
        self.height_box, self.width_box = QSpinBox(), QSpinBox()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.times = QLabel("×")
        for box in (self.height_box, self.width_box):
            box.setRange(minimum, maximum)
            box.setAccelerated(True)
            box.valueChanged.connect(self.changed)
        layout.addWidget(self.height_box, 1)
        layout.addWidget(self.times)
        layout.addWidget(self.width_box, 1)

    def set_dims(self, dims: int) -> None:
        self.height_box.setVisible(dims == 2)
        self.times.setVisible(dims == 2)

    def values(self, dims: int) -> list[int]:
        return [self.width_box.value()] if dims == 1 else [self.height_box.value(), self.width_box.value()]

    def set_values(self, values: tuple[int, ...]) -> None:
        with signals_blocked(self.height_box), signals_blocked(self.width_box):
            if len(values) == 1:
                self.width_box.setValue(values[0])
            else:
                self.height_box.setValue(values[0])
                self.width_box.setValue(values[1])


def _spin(minimum: int, maximum: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, maximum)
    box.setAccelerated(True)
    return box


class ParameterPanel(QWidget):
    """Edits a spec. ``edited`` fires on every change with the raw values (core parses and validates them)."""

    edited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        self.dims = QComboBox()
        self.dims.addItem("1-D (Conv1d)", 1)
        self.dims.addItem("2-D (Conv2d)", 2)
        self.cin, self.cout, self.groups = _spin(1, 4096), _spin(1, 4096), _spin(1, 4096)
        self.batch, self.seed = _spin(1, 4096), _spin(0, 2**31 - 1)
        self.pairs = {name: SizePair(*bounds) for name, bounds in PAIR_FIELDS.items()}
        self.padding_kind = QComboBox()
        self.padding_kind.addItems(["numbers", "same", "valid"])
        self.bias = QCheckBox("bias")
        self.dtype, self.mode, self.source = QComboBox(), QComboBox(), QComboBox()
        self.dtype.addItems(DTYPES)
        for mode in MODES:
            self.mode.addItem(MODE_LABELS[mode], mode)
        self.source.addItems(SOURCES)
        form = QFormLayout()
        padding_row = QWidget()
        padding_layout = QHBoxLayout(padding_row)
        padding_layout.setContentsMargins(0, 0, 0, 0)
        padding_layout.addWidget(self.padding_kind)
        padding_layout.addWidget(self.pairs["padding"], 1)
        rows: list[tuple[str, str, QWidget, QWidget]] = [
            ("dims", "&Layer", self.dims, self.dims),
            ("cin", "C&in", self.cin, self.cin),
            ("cout", "C&out", self.cout, self.cout),
            ("kernel", "&Kernel", self.pairs["kernel"], self.pairs["kernel"]),
            ("stride", "&Stride", self.pairs["stride"], self.pairs["stride"]),
            ("padding", "&Padding", padding_row, padding_row),
            ("dilation", "&Dilation", self.pairs["dilation"], self.pairs["dilation"]),
            ("groups", "&Groups", self.groups, self.groups),
            ("input_size", "&Input size", self.pairs["input_size"], self.pairs["input_size"]),
            ("batch", "&Batch", self.batch, self.batch),
            ("bias", "", self.bias, self.bias),
            ("dtype", "D&type", self.dtype, self.dtype),
            ("seed", "S&eed", self.seed, self.seed),
            ("mode", "&Mapping", self.mode, self.mode),
            ("source", "Initialise", self.source, self.source),
        ]
        for name, label, widget, marked in rows:
            form.addRow(label, widget)
            self.fields[name] = marked
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        for signal in (
            self.dims.currentIndexChanged,
            self.padding_kind.currentIndexChanged,
            self.dtype.currentIndexChanged,
            self.mode.currentIndexChanged,
            self.source.currentIndexChanged,
        ):
            signal.connect(self._changed)
        for box in (self.cin, self.cout, self.groups, self.batch, self.seed):
            box.valueChanged.connect(self._changed)
        for pair in self.pairs.values():
            pair.changed.connect(self._changed)
        self.bias.toggled.connect(self._changed)

    def current_dims(self) -> int:
        return int(self.dims.currentData())

    def values(self) -> dict[str, Any]:
        """The raw spec values the widgets show."""
        dims = self.current_dims()
        kind = self.padding_kind.currentText()
        return {
            "dims": dims,
            "cin": self.cin.value(),
            "cout": self.cout.value(),
            "kernel": self.pairs["kernel"].values(dims),
            "stride": self.pairs["stride"].values(dims),
            "padding": self.pairs["padding"].values(dims) if kind == "numbers" else kind,
            "dilation": self.pairs["dilation"].values(dims),
            "groups": self.groups.value(),
            "input_size": self.pairs["input_size"].values(dims),
            "batch": self.batch.value(),
            "bias": self.bias.isChecked(),
            "dtype": self.dtype.currentText(),
            "seed": self.seed.value(),
            "mode": self.mode.currentData(),
            "source": self.source.currentText(),
        }

    def set_spec(self, spec: LayerSpec) -> None:
        """Show ``spec`` without emitting ``edited``."""
        widgets = [
            self.dims,
            self.cin,
            self.cout,
            self.groups,
            self.batch,
            self.seed,
            self.padding_kind,
            self.bias,
            self.dtype,
            self.mode,
            self.source,
        ]
        with _all_blocked(widgets):
            self.dims.setCurrentIndex(spec.dims - 1)
            self.cin.setValue(spec.cin)
            self.cout.setValue(spec.cout)
            self.groups.setValue(spec.groups)
            self.batch.setValue(spec.batch)
            self.seed.setValue(min(spec.seed, 2**31 - 1))
            self.bias.setChecked(spec.bias)
            self.dtype.setCurrentText(spec.dtype)
            self.mode.setCurrentIndex(self.mode.findData(spec.mode))
            self.source.setCurrentText(spec.source)
            for name in ("kernel", "stride", "dilation", "input_size"):
                self.pairs[name].set_values(getattr(spec, name))
            if isinstance(spec.padding, str):
                self.padding_kind.setCurrentText(spec.padding)
            else:
                self.padding_kind.setCurrentText("numbers")
                self.pairs["padding"].set_values(spec.padding)
        self._sync_visibility()

    def _sync_visibility(self) -> None:
        dims = self.current_dims()
        for pair in self.pairs.values():
            pair.set_dims(dims)
        self.pairs["padding"].setEnabled(self.padding_kind.currentText() == "numbers")

    def _changed(self, *_: object) -> None:
        self._sync_visibility()
        self.edited.emit(self.values())

    def show_error(self, error: SpecError | None) -> None:
        """Mark the field(s) core's error names and show its message; None clears."""
        targets = set() if error is None else set(ERROR_TARGETS.get(error.parameter, (error.parameter,)))
        for name, widget in self.fields.items():
            marked = name in targets
            if widget.property("invalid") != marked:
                widget.setProperty("invalid", marked)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        self.error.setVisible(error is not None)
        self.error.setText("" if error is None else str(error))


class _all_blocked:
    def __init__(self, widgets: list[QWidget]) -> None:
        self.widgets = widgets
        self.previous: list[bool] = []

    def __enter__(self) -> None:
        self.previous = [w.blockSignals(True) for w in self.widgets]

    def __exit__(self, *_: object) -> None:
        for widget, was in zip(self.widgets, self.previous, strict=True):
            widget.blockSignals(was)
