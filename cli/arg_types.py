"""argparse types with core's rules for numbers: ASCII digits only (argparse's int() and float() accept '３', '١'
and '1_0'), no digit-limit crash, and the reason in the one error line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeVar

from core.errors import SpecError
from core.i18n import tr
from core.limits import number_from_text, whole_from_text

T = TypeVar("T")


def _argument_type(parse: Callable[[str, str, str], T], option: str, hint: str) -> Callable[[str], T]:
    def convert(text: str) -> T:
        try:
            return parse(option, text, tr("CLI option hints", hint))
        except SpecError as error:
            raise argparse.ArgumentTypeError(
                tr("CLI errors", "{rule}; {hint}").format(rule=error.rule, hint=error.hint)
            ) from None

    return convert


def whole(option: str, hint: str) -> Callable[[str], int]:
    """An argparse ``type`` for a whole number (its range is checked by core where the value is used). ``hint`` is
    marked with ``tr_noop("CLI option hints", ...)`` and shown translated."""
    return _argument_type(whole_from_text, option, hint)


def number(option: str, hint: str) -> Callable[[str], float]:
    """An argparse ``type`` for a real number (its range is checked by core where the value is used). ``hint`` is
    marked with ``tr_noop("CLI option hints", ...)`` and shown translated."""
    return _argument_type(number_from_text, option, hint)
