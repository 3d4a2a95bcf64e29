"""The flatten-size calculator: how a Linear's in_features follows from the shapes flattened into it.

"256 channels × 1 position × 3 branches = 768": each piece of the flattened dim is channels × positions (the spatial
sizes of the map that was flattened); equal pieces side by side (a cat of branches) are counted, unequal ones summed.
The layout comes from :mod:`core.models.receptive`, which follows flatten, view, reshape and cat through the forward.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from core.i18n import tr
from core.models.receptive import Dim, Piece


@dataclass(frozen=True)
class FlattenExplanation:
    """Where a Linear's in_features comes from: ``formula`` reads e.g. "256 channels × 1 position × 3 branches = 768"
    (translated); ``ok`` when the Linear's in_features equals what arrives."""

    layer: str
    in_features: int
    arriving: int
    formula: str
    ok: bool


def explain(layer: str, in_features: int, dim: Dim) -> FlattenExplanation | None:
    """The explanation for the Linear ``layer`` whose input's last dim is ``dim``; None unless a flatten made that
    dim (a plain feature dim, or a cat of plain feature dims, has nothing to explain)."""
    flattened = any(len(piece) > 1 or piece[0].axis is not None for piece in dim.pieces)
    if not dim.merged or not flattened:
        return None
    return FlattenExplanation(layer, in_features, dim.size, formula(dim), in_features == dim.size)


def formula(dim: Dim) -> str:
    """``dim``'s size as a product per piece: "256 channels × 1 position × 3 branches = 768", or a sum of pieces."""
    texts = [_piece_text(piece) for piece in dim.pieces]
    if len(texts) > 1 and len(set(texts)) == 1:
        return tr("Model table", "{part} × {count} branches = {total}").format(
            part=texts[0], count=len(texts), total=dim.size
        )
    return tr("Model table", "{parts} = {total}").format(parts=" + ".join(texts), total=dim.size)


def _piece_text(piece: Piece) -> str:
    """ "256 channels × 1 position", "64 channels × 49 positions (7×7)", "196 positions (14×14)", "10 features"."""
    channels = math.prod(atom.size for atom in piece if atom.axis is None)
    spatial = [atom.size for atom in piece if atom.axis is not None]
    if not spatial:
        return tr("Model table", "{features} features").format(features=channels)
    positions = _positions_text(spatial)
    if not any(atom.axis is None for atom in piece):
        return positions
    if channels == 1:
        return tr("Model table", "1 channel × {positions}").format(positions=positions)
    return tr("Model table", "{channels} channels × {positions}").format(channels=channels, positions=positions)


def _positions_text(sizes: list[int]) -> str:
    count = math.prod(sizes)
    if count == 1:
        return tr("Model table", "1 position")
    if len(sizes) == 1:
        return tr("Model table", "{count} positions").format(count=count)
    shape = "×".join(str(size) for size in sizes)
    return tr("Model table", "{count} positions ({shape})").format(count=count, shape=shape)
