"""Plain-text tables for the terminal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def format_table(rows: Sequence[Sequence[object]], header: Sequence[str] | None = None) -> str:
    """Left-aligned columns separated by two spaces, with an optional underlined header."""
    table = [[str(c) for c in row] for row in ([header] if header else []) + list(rows)]
    if not table:
        return ""
    widths = [max(len(row[i]) for row in table if i < len(row)) for i in range(max(map(len, table)))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in table]
    if header:
        lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def format_sections(sections: Mapping[str, Sequence[Sequence[object]]]) -> str:
    """Titled tables, one after the other."""
    return "\n\n".join(f"{title}\n{format_table(rows)}" for title, rows in sections.items())
