"""Find the project's resource files by name."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/`` (it may not exist)."""
    return RESOURCES.joinpath(*parts)
