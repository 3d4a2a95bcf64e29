"""The parameter panel: a view of the controller's raw values. Each edit goes to the controller as one field;
the controller's values and errors come back here. The panel keeps no spec of its own."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from superqt import QLargeIntSpinBox
from superqt.utils import signals_blocked

from core.errors import SpecError
from core.i18n import tr, tr_noop
from core.limits import MAX_INT
from core.registry import DTYPES, INPUT_FILLS, MAPPING_MODES, SOURCES, Registry, Term
from core.spec import MAX_SEED, PADDING_WORDS, SIZE_FIELDS

# Spin boxes show every whole number core could accept: core decides what is valid, never a widget's range.
SIZE_MINIMUM = {"kernel": 1, "stride": 1, "padding": 0, "dilation": 1, "input_size": 1}
# Which widgets a core error about a non-field parameter points at.
ERROR_TARGETS = {"memory": ("input_size", "batch", "cin", "cout", "mode")}
PADDING_KINDS = ("numbers", *PADDING_WORDS)
# What the padding combo shows for each kind: the words are PyTorch's own (padding="same"), "numbers" is prose.
PADDING_KIND_LABELS = {"numbers": tr_noop("Parameters panel", "numbers")}


class _DigitsValidator(QValidator):
    """ASCII digits only (Python's ``isnumeric`` would let '²' through to ``int()``)."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if text == "":
            return QValidator.State.Intermediate, text, pos
        if text.isascii() and text.isdigit():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Invalid, text, pos


class IntBox(QLargeIntSpinBox):
    """A spin box for every whole number core accepts: up to :data:`core.limits.MAX_INT` (torch's int64), so a
    value core accepts is never clamped by the widget."""

    def __init__(self, minimum: int, maximum: int = MAX_INT) -> None:
        super().__init__()
        self.setRange(minimum, maximum)
        self.lineEdit().setValidator(_DigitsValidator(self))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def minimumSizeHint(self) -> QSize:
        # Narrow enough that two boxes and a "×" fit the parameter dock at 1280 px; long numbers scroll.
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 64), hint.height())

    def _updateEdit(self) -> None:
        # A programmatic value must not look like typing: superqt would move the keyboard focus here.
        with signals_blocked(self.lineEdit()):
            super()._updateEdit()


class SizePair(QWidget):
    """Height x width boxes; the height box hides for 1-D layers. ``edited`` carries the new list."""

    edited = Signal(list)

    def __init__(self, name: str, minimum: int) -> None:
        super().__init__()
        self.height_box, self.width_box = IntBox(minimum), IntBox(minimum)
        self.height_box.setObjectName(f"{name}_h")
        self.width_box.setObjectName(f"{name}_w")
        self.height_box.setAccessibleName(f"{name} height")
        self.width_box.setAccessibleName(f"{name} width")
        self.times = QLabel("×")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.height_box, 1)
        layout.addWidget(self.times)
        layout.addWidget(self.width_box, 1)
        self.dims = 2
        for box in (self.height_box, self.width_box):
            box.valueChanged.connect(lambda _=None: self.edited.emit(self.values()))

    def set_dims(self, dims: int) -> None:
        self.dims = dims
        self.height_box.setVisible(dims == 2)
        self.times.setVisible(dims == 2)

    def values(self) -> list[int]:
        if self.dims == 1:
            return [self.width_box.value()]
        return [self.height_box.value(), self.width_box.value()]

    def show_values(self, values: Any) -> None:
        """Show a list of one or two whole numbers (anything else is left as it is: core reports it)."""
        if not isinstance(values, list | tuple) or not all(isinstance(v, int) for v in values) or not values:
            return
        with signals_blocked(self.height_box), signals_blocked(self.width_box):
            self.height_box.setValue(values[0])
            self.width_box.setValue(values[-1])

    def boxes(self) -> tuple[QWidget, ...]:
        return (self.height_box, self.width_box)


def _combo(registry: Registry[Any]) -> QComboBox:
    box = QComboBox()
    term: Term
    for term in registry:
        box.addItem(term.shown_label(), term.name)
        box.setItemData(box.count() - 1, term.shown_description(), 3)  # Qt.ToolTipRole
    return box


class ParameterPanel(QWidget):
    """Every spec field as a widget named after the field. ``fieldEdited(name, value)`` fires on each edit."""

    fieldEdited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dims = QComboBox()
        self.dims.addItem(tr("Parameters panel", "1-D (Conv1d)"), 1)
        self.dims.addItem(tr("Parameters panel", "2-D (Conv2d)"), 2)
        self.cin, self.cout, self.groups, self.batch = IntBox(1), IntBox(1), IntBox(1), IntBox(1)
        self.seed = IntBox(0, MAX_SEED)
        self.pairs = {name: SizePair(name, SIZE_MINIMUM[name]) for name in SIZE_FIELDS}
        self.padding_kind = QComboBox()
        for kind in PADDING_KINDS:  # the kind is the item's data: its text may be translated
            self.padding_kind.addItem(tr("Parameters panel", PADDING_KIND_LABELS.get(kind, kind)), kind)
        self.padding_kind.setObjectName("padding_kind")
        self.padding_kind.setAccessibleName("padding kind")
        self.bias = QCheckBox(tr("Parameters panel", "bias"))
        self.dtype, self.mode, self.source = _combo(DTYPES), _combo(MAPPING_MODES), _combo(SOURCES)
        self.input_fill = _combo(INPUT_FILLS)
        self.input_values = QLineEdit(placeholderText=tr("Parameters panel", "e.g. 1, 2, 3, 4"))
        padding_row = _row(self.padding_kind, self.pairs["padding"])
        # (spec field, label with its Alt mnemonic, the field's widget)
        rows: list[tuple[str, str, QWidget]] = [
            ("dims", tr("Parameters panel", "La&yer"), self.dims),
            ("cin", tr("Parameters panel", "C&in"), self.cin),
            ("cout", tr("Parameters panel", "C&out"), self.cout),
            ("kernel", tr("Parameters panel", "&Kernel"), self.pairs["kernel"]),
            ("stride", tr("Parameters panel", "&Stride"), self.pairs["stride"]),
            ("padding", tr("Parameters panel", "P&adding"), padding_row),
            ("dilation", tr("Parameters panel", "&Dilation"), self.pairs["dilation"]),
            ("groups", tr("Parameters panel", "&Groups"), self.groups),
            ("input_size", tr("Parameters panel", "Inp&ut size"), self.pairs["input_size"]),
            ("batch", tr("Parameters panel", "&Batch"), self.batch),
            ("bias", "", self.bias),
            ("dtype", tr("Parameters panel", "D&type"), self.dtype),
            ("seed", tr("Parameters panel", "Seed"), self.seed),
            ("input_fill", tr("Parameters panel", "Input"), self.input_fill),
            ("input_values", "", self.input_values),
            ("mode", tr("Parameters panel", "&Mapping"), self.mode),
            ("source", tr("Parameters panel", "Initialise"), self.source),
        ]
        self.fields: dict[str, QWidget] = {}
        self.form = form = QFormLayout()
        for name, label, widget in rows:
            form.addRow(label, widget)
            self.fields[name] = widget
            widget.setObjectName(name)
            widget.setAccessibleName(name)
        for combo in self.findChildren(QComboBox):  # narrow docks elide long entries; the list shows them whole
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6 if combo is self.padding_kind else 10)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._set_tab_order()
        self._connect()

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = []
        for widget in self.fields.values():
            if isinstance(widget, SizePair):
                chain += widget.boxes()
            elif widget is self.fields["padding"]:
                chain += [self.padding_kind, *self.pairs["padding"].boxes()]
            else:
                chain.append(widget)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        emit = self.fieldEdited.emit
        self.dims.currentIndexChanged.connect(lambda _: emit("dims", self.dims.currentData()))
        for name in ("cin", "cout", "groups", "batch", "seed"):
            box: IntBox = getattr(self, name)
            box.valueChanged.connect(lambda value, n=name: emit(n, value))
        for name, pair in self.pairs.items():
            if name == "padding":
                pair.edited.connect(lambda values: emit("padding", values))
            else:
                pair.edited.connect(lambda values, n=name: emit(n, values))
        self.padding_kind.currentIndexChanged.connect(
            lambda _: self._padding_kind_changed(self.padding_kind.currentData())
        )
        self.bias.toggled.connect(lambda on: emit("bias", on))
        for name in ("dtype", "mode", "source", "input_fill"):
            combo: QComboBox = getattr(self, name)
            combo.currentIndexChanged.connect(lambda _, n=name, c=combo: emit(n, c.currentData()))
        self.input_fill.currentIndexChanged.connect(lambda _: self._sync_enabled())
        self.input_values.textEdited.connect(lambda text: emit("input_values", text))

    def _padding_kind_changed(self, kind: str) -> None:
        self._sync_enabled()
        self.fieldEdited.emit("padding", self.pairs["padding"].values() if kind == "numbers" else kind)

    def _sync_enabled(self) -> None:
        self.pairs["padding"].setEnabled(self.padding_kind.currentData() == "numbers")
        self.form.setRowVisible(self.input_values, self.input_fill.currentData() == "values")

    # ----- from the controller ----------------------------------------------------------------------------------
    def show_values(self, values: dict[str, Any]) -> None:
        """Show the controller's raw values without emitting edits."""
        with _blocked(self.findChildren(QWidget)):
            dims = values.get("dims")
            if dims in (1, 2):
                self.dims.setCurrentIndex(int(dims) - 1)
                for pair in self.pairs.values():
                    pair.set_dims(int(dims))
            for name in ("cin", "cout", "groups", "batch", "seed"):
                value = values.get(name)
                if isinstance(value, int) and not isinstance(value, bool):
                    getattr(self, name).setValue(value)
            for name in SIZE_FIELDS:
                if name != "padding":
                    self.pairs[name].show_values(values.get(name))
            padding = values.get("padding")
            if isinstance(padding, str) and padding in PADDING_WORDS:
                self.padding_kind.setCurrentIndex(self.padding_kind.findData(padding))
            else:
                self.padding_kind.setCurrentIndex(self.padding_kind.findData("numbers"))
                self.pairs["padding"].show_values(padding)
            if isinstance(values.get("bias"), bool):
                self.bias.setChecked(values["bias"])
            for name in ("dtype", "mode", "source", "input_fill"):
                combo: QComboBox = getattr(self, name)
                index = combo.findData(values.get(name))
                if index >= 0:
                    combo.setCurrentIndex(index)
            numbers = values.get("input_values")
            if isinstance(numbers, list | tuple):
                self.input_values.setText(", ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in numbers))
        self._sync_enabled()

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


def _row(*widgets: QWidget) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for index, widget in enumerate(widgets):
        layout.addWidget(widget, index)
    return row


@contextmanager
def _blocked(widgets: list[QWidget]) -> Iterator[None]:
    with ExitStack() as stack:
        for widget in widgets:
            stack.enter_context(signals_blocked(widget))
        yield
