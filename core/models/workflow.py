"""The steps every face takes with a model: open it (build + layer table), rewrite chosen layers and verify, save.

Each step is a generator that yields progress lines (cancellation points for a window's worker) and returns its
result; :func:`finish` drives one to the end for a face that just waits (the CLI).
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import torch
from torch import nn

from core.errors import SpecError
from core.i18n import tr
from core.memory import DEFAULT_BUDGET_BYTES
from core.models.loading import ModelSource, build_model
from core.models.rewrite import Verification, pointwise_names, restore, rewrite, save_rewritten, verify
from core.models.table import ModelTable, analyse, example_input

S = TypeVar("S")
T = TypeVar("T")
CHECK_DTYPES = (torch.float64, torch.float32)  # the strict check first: it decides "equal"


@dataclass
class OpenModel:
    """A built model, what it was built from, the input it is analysed on and its layer table."""

    source: ModelSource
    model: nn.Module
    input_shape: tuple[int, ...]
    table: ModelTable

    @property
    def rewritable(self) -> list[str]:
        return pointwise_names(self.model)


@dataclass(frozen=True)
class Rewritten:
    """The model with ``names`` written as Linear, and its checks against the original (float64 first)."""

    model: nn.Module
    names: tuple[str, ...]
    checks: tuple[Verification, ...]
    restored_exact: bool = False  # rewriting back to convs gives the original outputs bit for bit

    @property
    def equal(self) -> bool:
        return all(check.equal for check in self.checks)


def default_input(source: ModelSource) -> tuple[int, ...] | None:
    """A built-in example's own input shape (None for a user's model: the user must say)."""
    if source.kind != "example":
        return None
    from core.models.examples import example

    return example(source.name).input_shape_for(**dict(source.args))


def open_model(
    source: ModelSource,
    input_shape: tuple[int, ...] | None,
    budget_bytes: int = DEFAULT_BUDGET_BYTES,
    model: nn.Module | None = None,
) -> Generator[str, None, OpenModel]:
    """Build the model (unless ``model`` is it, already built) and run it once on ``input_shape`` (an example's own
    shape when None) for its table."""
    shape = input_shape or default_input(source)
    if shape is None:
        raise SpecError(
            "--input",
            tr("Model workflow", "a model from a file needs the shape of an example input"),
            tr("Model workflow", "give it as N×C×H×W, e.g. 2x24x16x16"),
        )
    if model is None:
        yield tr("Model workflow", "building {label}").format(label=source.label())
        model = build_model(source)
    yield tr("Model workflow", "running it on {shape} with hooks on every layer").format(
        shape="×".join(map(str, shape))
    )
    table = analyse(model, shape, budget_bytes)
    return OpenModel(source, model, shape, table)


def chosen_layers(opened: OpenModel, choice: str) -> tuple[str, ...]:
    """``"pointwise"`` → every rewritable pointwise conv; else comma-separated layer names (checked by rewrite)."""
    if choice.strip().lower() == "pointwise":
        names = opened.rewritable
        if not names:
            raise SpecError(
                "--rewrite",
                tr("Model workflow", "the model has no pointwise conv that can become a Linear"),
                tr("Model workflow", "the table marks the layers that can"),
            )
        return tuple(names)
    names = [name.strip() for name in choice.split(",") if name.strip()]
    if not names:
        raise SpecError(
            "--rewrite", tr("Model workflow", "is empty"), tr("Model workflow", "use pointwise or layer names")
        )
    return tuple(dict.fromkeys(names))


def rewrite_checked(opened: OpenModel, names: tuple[str, ...]) -> Generator[str, None, Rewritten]:
    """Rewrite ``names`` and compare the whole model's output before and after, in float64 and float32."""
    yield tr("Model workflow", "rewriting {count} layers").format(count=len(names))
    model = rewrite(opened.model, names)
    example = example_input(opened.input_shape)
    checks = []
    for dtype in CHECK_DTYPES:
        yield tr("Model workflow", "comparing outputs in {dtype}").format(dtype=str(dtype).removeprefix("torch."))
        checks.append(verify(opened.model, model, example, dtype))
    yield tr("Model workflow", "rewriting back to convs")
    back = verify(opened.model, restore(model, names), example, torch.float32)
    return Rewritten(model, names, tuple(checks), back.equal and back.max_abs_error == 0.0)


def save(opened: OpenModel, rewritten: Rewritten, directory: Path) -> list[Path]:
    """The rewritten model's state dict, the module source it needs and how to rebuild it, into ``directory``."""
    return save_rewritten(rewritten.model, rewritten.names, opened.source.describe(), directory)


def finish(steps: Generator[S, None, T], on_step: Callable[[S], object] | None = None) -> T:
    """Run a step generator to its end and return its result, handing each step to ``on_step``."""
    while True:
        try:
            step = next(steps)
        except StopIteration as stop:
            return stop.value
        if on_step is not None:
            on_step(step)
