"""Correct SVG export with pyqtgraph 0.14.0 on Qt >= 6.11.

Qt 6.11 writes closed paths with a trailing ``Z`` command, which pyqtgraph 0.14.0's ``correctCoordinates``
cannot parse (pyqtgraph issue #3495, fixed on master by #3458, not released). Rendering through QSvgGenerator
instead garbles axes and symbols, so we keep pyqtgraph's exporter and, only for the duration of one export, take the
close commands out of every path before its coordinates are corrected and put them back afterwards.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from xml.dom import minidom

import pyqtgraph as pg
import pyqtgraph.exporters

_svg_module = importlib.import_module("pyqtgraph.exporters.SVGExporter")
CLOSE = ("Z", "z")


def _take_out_closes(node: minidom.Element) -> list[tuple[minidom.Element, list[int]]]:
    taken = []
    for path in node.getElementsByTagName("path"):
        tokens: list[str] = []
        for token in path.getAttribute("d").split():
            if len(token) > 1 and token[-1] in CLOSE:
                tokens += [token[:-1], token[-1]]
            else:
                tokens.append(token)
        closes = [i for i, token in enumerate(tokens) if token in CLOSE]
        if closes:
            path.setAttribute("d", " ".join(t for t in tokens if t not in CLOSE))
            taken.append((path, closes))
    return taken


def _put_back(taken: list[tuple[minidom.Element, list[int]]]) -> None:
    for path, closes in taken:
        tokens = path.getAttribute("d").split()
        for index in closes:
            tokens.insert(index, "Z")
        path.setAttribute("d", " ".join(tokens))


@contextmanager
def _closed_path_support() -> Iterator[None]:
    original = _svg_module.correctCoordinates

    def correct(node: minidom.Element, defs: Any, item: Any, options: Any) -> None:
        taken = _take_out_closes(node)
        original(node, defs, item, options)
        _put_back(taken)

    _svg_module.correctCoordinates = correct  # type: ignore[attr-defined]
    try:
        yield
    finally:
        _svg_module.correctCoordinates = original  # type: ignore[attr-defined]


def svg_bytes(item: pg.GraphicsObject, width: int | None = None) -> bytes:
    """The SVG document of ``item`` (a PlotItem, say), as pyqtgraph draws it."""
    exporter = pg.exporters.SVGExporter(item)
    if width:
        exporter.parameters()["width"] = width
    with _closed_path_support():
        return exporter.export(toBytes=True)
