"""Mean and standard deviation of values seen in batches, without keeping the batches."""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch


@dataclass
class RunningMoments:
    """Count, mean and sum of squared deviations so far, in float64; each batch is folded in with Chan et al.'s
    pairwise update, which stays accurate when the mean is far from 0 (unlike a running sum of squares)."""

    count: int = 0
    mean: float = 0.0
    squared_deviations: float = 0.0

    def add(self, values: torch.Tensor) -> None:
        """Fold in every element of ``values``."""
        n = values.numel()
        if n == 0:
            return
        # The batch's own moments (var_mean accumulates in double on the CPU), then the pairwise combination.
        variance, mean = torch.var_mean(values.detach(), correction=0)
        batch_mean, batch_deviations = float(mean), float(variance) * n
        total = self.count + n
        delta = batch_mean - self.mean
        self.mean += delta * n / total
        self.squared_deviations += batch_deviations + delta * delta * self.count * n / total
        self.count = total

    def std(self) -> float:
        """The sample standard deviation (Bessel's correction, as ``torch.std``); NaN below two values."""
        if self.count < 2:
            return math.nan
        return math.sqrt(self.squared_deviations / (self.count - 1))
