"""How many (output position, kernel tap) pairs of one axis see real input, in O(log) time for any size.

A loop over positions and taps took minutes for a kernel of 10^5 on an input of 10^6; this closed form sums
the per-position counts with :func:`floor_sum`, so ``inspect`` stays instant for every spec core accepts.
"""

from __future__ import annotations


def floor_sum(n: int, m: int, a: int, b: int) -> int:
    """``sum(floor((a*i + b) / m) for i in range(n))`` for ``m > 0``, any integers ``a``, ``b``, in O(log)."""
    if n <= 0:
        return 0
    total = 0
    if a < 0 or a >= m:
        total += n * (n - 1) // 2 * (a // m)
        a %= m
    if b < 0 or b >= m:
        total += n * (b // m)
        b %= m
    while True:  # Euclid-like reduction (the AtCoder Library's floor_sum)
        if a >= m:
            total += n * (n - 1) // 2 * (a // m)
            a %= m
        if b >= m:
            total += n * (b // m)
            b %= m
        y_max = a * n + b
        if y_max < m:
            return total
        n, b = y_max // m, y_max % m
        m, a = a, m


def _floor_div_sum(first: int, last: int, c: int, slope: int, d: int) -> int:
    """``sum(floor((c + slope*i) / d) for i in range(first, last + 1))``."""
    return floor_sum(last - first + 1, d, slope, c + slope * first)


def taps_inside(length: int, out: int, kernel: int, stride: int, dilation: int, pad_lo: int) -> int:
    """Pairs ``(i, a)``, ``0 <= i < out``, ``0 <= a < kernel``, with ``0 <= i*stride - pad_lo + a*dilation < length``.

    For position ``i`` the taps on real input are ``a`` in ``[max(0, V_i), min(kernel - 1, U_i)]`` with
    ``U_i = floor((pad_lo + length - 1 - i*stride) / dilation)`` and ``V_i = ceil((pad_lo - i*stride) / dilation)``.
    That range is non-empty exactly for positions whose window overlaps the input, a contiguous run of ``i``; on
    it the clamps switch once each, so the total is a few arithmetic-progression floor sums.
    """
    s, d, p, k = stride, dilation, pad_lo, kernel
    # Positions whose window overlaps the input: i*s <= p + length - 1 and i*s >= p - (k - 1)*d.
    first = max(0, -((-(p - (k - 1) * d)) // s))
    last = min(out - 1, (p + length - 1) // s)
    if first > last:
        return 0
    # min(k - 1, U_i) is k - 1 up to position i1, U_i after it.
    i1 = min(last, max(first - 1, (p + length - 1 - (k - 1) * d) // s))
    upper = (i1 - first + 1) * (k - 1) + _floor_div_sum(i1 + 1, last, p + length - 1, -s, d)
    # max(0, V_i) is V_i (>= 0) up to position i2 (i*s < p + d), 0 after it; V_i = -floor((i*s - p) / d).
    i2 = min(last, max(first - 1, (p + d - 1) // s))
    lower = -_floor_div_sum(first, i2, -p, s, d)
    return upper - lower + (last - first + 1)
