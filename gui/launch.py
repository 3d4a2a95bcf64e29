"""Open the main window, or explain in one line why there is no screen to open it on."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from core.catalogue import speaking
from core.i18n import LANGUAGES, tr
from core.invocation import command_name

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

SETTINGS_NAMES = ("LinConvLab", "LinConv Lab")  # organisation, application: where the user's QSettings live


def user_settings() -> QSettings:
    """The user's settings of the window (layout, view, last spec, language)."""
    from PySide6.QtCore import QSettings

    return QSettings(*SETTINGS_NAMES)


def no_display_message() -> str:
    """The one line said when there is no screen, naming the command as the user typed it."""
    command = command_name()
    return "error: " + tr(
        "Window start",
        "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset). "
        "Run it on a desktop, under `xvfb-run {command}`, or use the headless commands: {command} --help",
    ).format(command=command)


def unknown_language_message(code: str) -> str:
    """The one line said for a ``--lang`` that names no interface language."""
    return "error: " + tr("Window start", "unknown language {language}: use one of {languages}").format(
        language=repr(code), languages=", ".join(LANGUAGES)
    )


def display_problem() -> str | None:
    """Why Qt could not open a window here, or None if it can (an explicit QT_QPA_PLATFORM is trusted)."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return no_display_message()


CLOSE_WAIT_S = 0.5  # how long closing waits for a worker to reach its next cancellation point

# Qt messages that are not problems: the offscreen platform plugin says this on every window it shows.
KNOWN_NOISE = ("This plugin does not support propagateSizeHints()",)


def _quiet_known_qt_noise() -> None:
    """Drop Qt's known harmless messages (so an error stays one line); print every other one as Qt would."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if message not in KNOWN_NOISE:
            print(message, file=sys.stderr)

    global _HANDLER
    _HANDLER = handler  # Qt keeps only a pointer: the function must stay alive
    qInstallMessageHandler(handler)


_HANDLER: object = None


def make_application() -> QApplication:
    """The QApplication, themed (created if needed)."""
    from PySide6.QtWidgets import QApplication

    from gui.language import load_cjk_font
    from gui.theme import apply_theme

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    _quiet_known_qt_noise()
    app.setApplicationName("LinConv Lab")
    load_cjk_font(app)
    apply_theme(app, "light")
    return app


def launch_window(language: str | None = None) -> int:
    """Start the Qt application with the main window in ``language`` (``--lang``; None: the language chosen in the
    Language menu, else the system's); return the exit status."""
    from gui.language import MissingTranslation, install_language, startup_language

    settings = user_settings()
    if language is not None and language not in LANGUAGES:
        with speaking(startup_language(settings)):
            print(unknown_language_message(language), file=sys.stderr)
        return 2
    chosen = startup_language(settings, language)
    if display_problem():
        with speaking(chosen):
            print(no_display_message(), file=sys.stderr)
        return 2
    app = make_application()
    try:
        install_language(app, chosen)
    except MissingTranslation as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    from gui.main_window import MainWindow

    window = MainWindow(settings=settings)
    window.show_first()
    window.start()
    status = app.exec()
    return _exit_without_waiting_for_torch(status)


def _exit_without_waiting_for_torch(status: int) -> int:
    """Once the window has closed (settings saved, every computation cancelled, benchmark processes killed), a
    worker thread may still be inside one PyTorch call that no thread can interrupt: end the process now rather
    than make the user wait for it. Nothing is lost: workers never write files."""
    from PySide6.QtCore import QThreadPool

    if QThreadPool.globalInstance().waitForDone(int(CLOSE_WAIT_S * 1000)):
        return status
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
