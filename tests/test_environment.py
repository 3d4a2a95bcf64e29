"""Guards against the known interpreter abort of PySide6 6.12.0 on Python 3.11 (bool_dealloc after many emits)."""

from __future__ import annotations

import sys

import PySide6


def test_pyside_version_is_safe_for_this_python() -> None:
    version = tuple(int(p) for p in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12):
        assert version < (6, 12), f"PySide6 {PySide6.__version__} aborts Python 3.11 after repeated Signal.emit"


def test_many_signal_emits_do_not_corrupt_refcounts(qtbot) -> None:
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        fired = Signal(bool)

    emitter = Emitter()
    seen: list[bool] = []
    emitter.fired.connect(seen.append)
    for _ in range(2000):
        emitter.fired.emit(True)
    assert len(seen) == 2000
