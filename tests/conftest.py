"""Test configuration: Qt renders offscreen; hypothesis runs a bounded, deterministic number of examples; no test
may leak a thread or a top-level widget."""

from __future__ import annotations

import os
import threading

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The interface follows the system locale: tests assert English text unless they choose a language themselves.
os.environ.update({"LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": "", "LANG": "C.UTF-8"})

from hypothesis import HealthCheck, settings

settings.register_profile(
    "project", max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("project")


def _top_level_widgets() -> list:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return list(app.topLevelWidgets()) if app else []


def _flush() -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

    app = QCoreApplication.instance()
    if app is None:
        return
    QThreadPool.globalInstance().waitForDone(10_000)
    for _ in range(3):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def no_leaks():
    """Fail a test that leaves a Python thread, a pooled Qt thread or a top-level widget behind."""
    threads_before = set(threading.enumerate())
    widgets_before = {id(w) for w in _top_level_widgets()}
    yield
    _flush()
    leaked_threads = [t for t in threading.enumerate() if t not in threads_before and t.is_alive()]
    assert not leaked_threads, f"leaked threads: {leaked_threads}"
    from PySide6.QtCore import QThreadPool

    assert QThreadPool.globalInstance().activeThreadCount() == 0, "a Qt worker is still running"
    leaked = [w for w in _top_level_widgets() if id(w) not in widgets_before and w.isVisible()]
    assert not leaked, f"leaked top-level widgets: {[type(w).__name__ for w in leaked]}"


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A test that switches the language (window, CLI or core) cannot leave the next test in Chinese."""
    yield
    import sys

    from core.i18n import current_language, install_translator

    if current_language() != "en":
        install_translator(None)
        if "gui.language" in sys.modules:
            from PySide6.QtWidgets import QApplication

            from gui.language import install_language

            app = QApplication.instance()
            if isinstance(app, QApplication):
                install_language(app, "en")
