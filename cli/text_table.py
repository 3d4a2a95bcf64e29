"""Plain-text tables for the terminal."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: Chinese characters and full-width punctuation take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def fit(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` terminal columns and padded to exactly ``width`` (for ASCII text:
    ``f"{text[:width]:<{width}}"``)."""
    text = text[:width]  # no character is narrower than one column
    while display_width(text) > width:
        text = text[:-1]
    return _pad(text, width)


def format_table(rows: Sequence[Sequence[object]], header: Sequence[str] | None = None) -> str:
    """Left-aligned columns separated by two spaces, with an optional underlined header (aligned in columns of the
    terminal, so a Chinese label lines up with the English text under it)."""
    table = [[str(c) for c in row] for row in ([header] if header else []) + list(rows)]
    if not table:
        return ""
    widths = [max(display_width(row[i]) for row in table if i < len(row)) for i in range(max(map(len, table)))]
    lines = ["  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip() for row in table]
    if header:
        lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def format_sections(sections: Mapping[str, Sequence[Sequence[object]]]) -> str:
    """Titled tables, one after the other."""
    return "\n\n".join(f"{title}\n{format_table(rows)}" for title, rows in sections.items())
