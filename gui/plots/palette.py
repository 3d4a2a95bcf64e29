"""Colours that stay distinguishable for colour-blind viewers and on a projector (Okabe-Ito)."""

from __future__ import annotations

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
IMPL_ORDER = ("linear", "linear_permute", "conv", "conv_channels_last", "unfold_matmul", "unrolled")
SYMBOLS = ("o", "s", "t", "d", "star", "h", "p", "+")


def impl_color(name: str) -> str:
    """A fixed colour per implementation, so every plot uses the same one."""
    index = IMPL_ORDER.index(name) if name in IMPL_ORDER else hash(name) % len(OKABE_ITO)
    return OKABE_ITO[index % len(OKABE_ITO)]


def impl_symbol(name: str) -> str:
    index = IMPL_ORDER.index(name) if name in IMPL_ORDER else hash(name) % len(SYMBOLS)
    return SYMBOLS[index % len(SYMBOLS)]
