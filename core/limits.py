"""Every knob's bounds in one place: checked by core, named in the CLI's --help and the README.

Sizes (channels, kernel, input, batch) have no bound of their own: the memory budget bounds them. Every other
number a user can type has a maximum here, so no value can ask for unbounded work.
"""

from __future__ import annotations

import math
import re
from typing import Any

from core.errors import SpecError
from core.i18n import tr

MAX_INT = 2**63 - 1  # PyTorch's int64: sizes, strides and seeds beyond it cannot reach a tensor
MAX_INT_DIGITS = len(str(MAX_INT))
MIN_BUDGET_MIB = 1.0
MAX_BUDGET_MIB = float(1 << 20)  # 1 TiB
MIN_DRAWS, MAX_DRAWS = 2, 1000
MAX_INIT_WORK = 4 * 10**9  # random numbers + multiply-adds of all init draws: about half a minute here
MAX_MIN_RUN_TIME_S = 60.0  # timing budget per implementation and point
MAX_ROUNDS = 100
MAX_SWEEP_POINTS = 64
MAX_THREADS = 1024


def shown(value: Any, limit: int = 40) -> str:
    """``repr(value)`` cut to ``limit`` characters, with the full length named: a message never echoes 5,000 digits."""
    text = repr(value)
    if len(text) <= limit:
        return text
    if isinstance(value, str):
        size = tr("Limits", "{count:,} characters").format(count=len(value))
    else:
        size = tr("Limits", "{count:,} characters as text").format(count=len(text))
    return f"{text[: limit - 1]}… ({size})"


_WHOLE_TEXT = re.compile(r"([+-]?)([0-9]+)")  # ASCII digits only: str.isdigit() also accepts '²' and '١'
_NUMBER_TEXT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?(?:inf|infinity|nan)", re.I)
MAX_TEXT_CHARS = 100  # no number a user means is longer


def whole_from_text(name: str, text: str, hint: str) -> int:
    """``text`` (ASCII digits, an optional sign, blanks around) as an int; leading zeros are fine, but a number
    beyond int64 is refused before Python's own digit limit could raise."""
    match = _WHOLE_TEXT.fullmatch(text.strip())
    if match is None:
        raise SpecError(
            name, tr("Limits", "must be a whole number (digits 0-9), got {value}").format(value=shown(text)), hint
        )
    sign, digits = match.group(1), match.group(2).lstrip("0") or "0"
    if len(digits) > MAX_INT_DIGITS:
        if len(text.strip()) <= 40:
            got = text.strip()
        else:
            got = tr("Limits", "a {count:,}-digit number").format(count=len(digits))
        raise SpecError(
            name,
            tr("Limits", "must be <= {maximum:,}, got {value}").format(maximum=MAX_INT, value=got),
            int64_limit(),
        )
    return int(sign + digits)


def int64_limit() -> str:
    """The hint for a number beyond :data:`MAX_INT`."""
    return tr("Limits", "that is 2^63-1, PyTorch's int64 limit")


def number_from_text(name: str, text: str, hint: str) -> float:
    """``text`` as a float: ASCII digits, point and exponent only (``1_0``, ``١``, ``３`` are refused)."""
    if len(text) > MAX_TEXT_CHARS or _NUMBER_TEXT.fullmatch(text.strip()) is None:
        raise SpecError(
            name, tr("Limits", "must be a number (digits 0-9, '.', 'e'), got {value}").format(value=shown(text)), hint
        )
    return float(text)


def bounded_number(name: str, value: Any, low: float, high: float, hint: str) -> float:
    """``value`` as a finite float within ``[low, high]``, else a :class:`SpecError` naming both bounds."""
    try:
        number = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError, OverflowError):
        number = math.nan
    if not math.isfinite(number):
        raise SpecError(name, tr("Limits", "must be a finite number, got {value}").format(value=shown(value)), hint)
    if not low <= number <= high:
        rule = tr("Limits", "must be between {low:g} and {high:g}, got {value:g}")
        raise SpecError(name, rule.format(low=low, high=high, value=number), hint)
    return number


def bounded_int(name: str, value: Any, low: int, high: int, hint: str) -> int:
    """``value`` as a whole number within ``[low, high]``, else a :class:`SpecError` naming both bounds."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise SpecError(name, tr("Limits", "must be a whole number, got {value}").format(value=shown(value)), hint)
    if not low <= value <= high:
        rule = tr("Limits", "must be between {low:,} and {high:,}, got {value}")
        raise SpecError(name, rule.format(low=low, high=high, value=shown(value)), hint)
    return value


def budget_bytes(mib: Any) -> int:
    """A memory budget given in MiB, checked, in bytes."""
    mib = bounded_number("budget-mib", mib, MIN_BUDGET_MIB, MAX_BUDGET_MIB, tr("Limits", "use e.g. 1024 (MiB)"))
    return int(mib * 2**20)
