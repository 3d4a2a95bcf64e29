"""Translation of visible text: every face shows its strings through :func:`tr`.

``core`` never imports Qt, so the translator is installed by the face that shows the text: the window installs Qt's
``QCoreApplication.translate`` (the compiled ``.qm`` catalogues), the CLI a reader of the ``.ts`` sources
(:mod:`core.catalogue`). Until one is installed, :func:`tr` returns the English source text.

Write a source string once, as a literal, with named placeholders filled *after* translation::

    tr("Equality", "max |difference| = {error}").format(error=shown)

A constant that must exist before a language is chosen is marked with :func:`tr_noop` (it returns the text
unchanged) and translated where it is shown, with ``tr(context, constant)`` and the same context.
``core/catalogue.py`` finds both calls to build the ``.ts`` catalogues, so a context and a text must be literals.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]

LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
"""The interface languages: code -> name in that language (as the Language menu lists them)."""

SOURCE_LANGUAGE = "en"


def _untranslated(_context: str, text: str) -> str:
    return text


_translator: Translator = _untranslated
_language = SOURCE_LANGUAGE


def tr(context: str, text: str) -> str:
    """``text`` in the current language (``context`` groups the strings of one panel or module for translators)."""
    return _translator(context, text) or text


def tr_noop(context: str, text: str) -> str:
    """Mark ``text`` for translation without translating it yet (show it later with ``tr(context, text)``)."""
    del context
    return text


def install_translator(translator: Translator | None, language: str = SOURCE_LANGUAGE) -> None:
    """Make ``translator`` serve :func:`tr` (``None``: back to English source text)."""
    global _translator, _language
    _translator = translator or _untranslated
    _language = language if translator else SOURCE_LANGUAGE


def current_language() -> str:
    """The code of the language :func:`tr` answers in (``"en"`` or ``"zh_CN"``)."""
    return _language


def language_for_locale(locale_name: str) -> str:
    """The interface language for a system locale name such as ``zh_CN``, ``zh_TW.UTF-8`` or ``de_DE``."""
    return "zh_CN" if locale_name.lower().startswith("zh") else SOURCE_LANGUAGE


def check_language(code: str) -> str:
    """``code`` if it names an interface language, else ValueError listing the valid ones."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}: use one of {', '.join(LANGUAGES)}")
    return code
