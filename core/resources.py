"""The project's data files, read through :mod:`importlib.resources`: the same code serves a checkout and an installed
wheel, whatever the working directory."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

RESOURCE_PACKAGE = "resources"


def resource(*parts: str) -> Traversable:
    """The file or directory ``parts`` under the ``resources`` package (it may not exist)."""
    return files(RESOURCE_PACKAGE).joinpath(*parts)
