"""The interface language of the window: Qt translators over the compiled catalogues, and the Chinese font.

The ``.qm`` files are compiled from ``resources/i18n/*.ts`` by ``make`` (and by the wheel build). Installing a
language also points :func:`core.i18n.tr` at ``QCoreApplication.translate``, so text made by the engine (errors,
verdicts, story captions) is translated by the same catalogues.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from core.catalogue import CATALOGUES, I18N_DIR, qm_name
from core.i18n import LANGUAGES, SOURCE_LANGUAGE, check_language, install_translator, language_for_locale
from core.resources import resource

LANGUAGE_KEY = "language"
FONT_FILES = ("NotoSansSC-LinConv-Regular.otf", "NotoSansSC-LinConv-Bold.otf")
CJK_FAMILY = "LinConv Noto Sans SC"
"""The shipped subset of Noto Sans CJK SC: a fallback family behind the system's UI font, so Chinese never needs a
system font (``resources/fonts/regenerate.py`` makes it)."""

_installed: list[QTranslator] = []


class MissingTranslation(RuntimeError):
    """A catalogue of the chosen language was not compiled (run ``make translations``)."""


def startup_language(settings: QSettings, requested: str | None = None) -> str:
    """``--lang`` if given, else the language chosen in the Language menu, else the system locale's."""
    if requested:
        return check_language(requested)
    saved = settings.value(LANGUAGE_KEY)
    if isinstance(saved, str) and saved in LANGUAGES:
        return saved
    return language_for_locale(QLocale.system().name())


def qm_files(language: str) -> list[Path]:
    """The compiled catalogues of ``language``; MissingTranslation names the first one absent."""
    files = [Path(str(resource(I18N_DIR, qm_name(catalogue, language)))) for catalogue in CATALOGUES]
    for file in files:
        if not file.is_file():
            raise MissingTranslation(f"{file.name} is missing: run `make translations` (Qt's lrelease compiles it)")
    return files


def install_language(app: QApplication, language: str) -> None:
    """Translate every string shown from now on into ``language`` (``"en"``: the English source text)."""
    check_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _use_cjk_fallback(app, language != SOURCE_LANGUAGE)
    if language == SOURCE_LANGUAGE:
        install_translator(None)
        return
    qt_own = QTranslator(app)  # Qt's standard dialogs and buttons
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt_own)
    for file in qm_files(language):
        translator = QTranslator(app)
        if not translator.load(str(file)):
            raise MissingTranslation(f"{file.name} could not be read: run `make translations` again")
        _installed.append(translator)
    for translator in _installed:
        app.installTranslator(translator)
    install_translator(QCoreApplication.translate, language)


def load_cjk_font(app: QApplication) -> str:
    """Register the shipped Chinese font (fontconfig falls back to it for a Chinese character in English text, such
    as the Language menu's 简体中文); return its family. :func:`install_language` makes it a fallback family of
    the application font for the Chinese interface only: an extra family changes every font's metrics."""
    for name in FONT_FILES:
        QFontDatabase.addApplicationFont(str(resource("fonts", name)))
    return CJK_FAMILY


def _use_cjk_fallback(app: QApplication, wanted: bool) -> None:
    font = QFont(app.font())
    families = [family for family in font.families() or [font.family()] if family != CJK_FAMILY]
    font.setFamilies([*families, CJK_FAMILY] if wanted else families)
    app.setFont(font)
