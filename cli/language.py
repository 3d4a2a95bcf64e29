"""The CLI's interface language: ``--lang {en,zh_CN}`` on every sub-command, by default the system locale's.

The chosen language serves :func:`core.i18n.tr` for one command (reports, verdicts, error lines) through the ``.ts``
catalogues (:func:`core.catalogue.speaking`: no Qt), and English is back once the command is done.
Machine-readable output (``--json``) is made in English whatever the language, so scripts never see a difference.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import NoReturn

from core.catalogue import speaking
from core.i18n import LANGUAGES, SOURCE_LANGUAGE, language_for_locale

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""Where the system locale is read, first set wins (as for gettext's messages)."""


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the locale in ``environ`` (default: the process environment); English for C/POSIX/unset."""
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        if env.get(name):
            return language_for_locale(env[name])
    return SOURCE_LANGUAGE


def add_language_option(parser: argparse.ArgumentParser, default: str) -> None:
    """The ``--lang`` option (one definition, added to every sub-command)."""
    parser.add_argument(
        "--lang",
        choices=tuple(LANGUAGES),
        default=default,
        help="interface language (default: from LC_ALL / LC_MESSAGES / LANG, here %(default)s)",
    )


class _Unreadable(Exception):
    pass


class _LanguageOnly(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _Unreadable(message)


def requested_language(argv: Sequence[str], default: str) -> str:
    """The ``--lang`` among ``argv``, read before the full parse so that its errors are already in that language;
    ``default`` when there is none or it is not a language (the full parse then reports it)."""
    parser = _LanguageOnly(add_help=False)
    parser.add_argument("--lang")
    try:
        known, _ = parser.parse_known_args(list(argv))
    except _Unreadable:
        return default
    return known.lang if known.lang in LANGUAGES else default


def interface_language(language: str) -> AbstractContextManager[None]:
    """Text shown through :func:`core.i18n.tr` in ``language`` inside the block; the language of before (English)
    after it."""
    return speaking(language)


@contextmanager
def english(when: bool = True) -> Iterator[None]:
    """English inside the block (``when`` it is machine-readable output, e.g. ``--json``: the same in every
    language), then the language of before."""
    if not when:
        yield
        return
    with speaking(SOURCE_LANGUAGE):
        yield
