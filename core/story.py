"""Guided stories: the steps a preset walks a class through, each naming what the window shows and a caption.

A step is data (from the preset's JSON), checked here against the window's names, so a typo in a preset fails the
tests and a user's preset file gets a message naming the step and the rule, never a half-applied story.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core.errors import SpecError
from core.i18n import tr
from core.limits import shown
from core.spec import MODES
from core.window_names import DOCK_CHOICES, HIGHLIGHT_TARGETS, PANEL_CHOICES

STEP_KEYS = {"caption", "panel", "mode", "highlight", "position", "channel", "claim", "docks"}
MAX_STEPS = 20
MAX_CAPTION = 400
MAX_CELLS = 256


@dataclass(frozen=True)
class Highlight:
    """Cells outlined on one heatmap of the step's panel; ``cells`` None outlines every cell."""

    target: str
    cells: tuple[tuple[int, int], ...] | None = None


@dataclass(frozen=True)
class StoryStep:
    """What one step of a story shows.

    ``panel`` is brought to the front; ``mode`` (a mapping mode) is set when given; ``position`` and ``channel``
    place the sliding window; ``claim`` names a claim to run (Claims panel); ``docks`` are the docks this step
    needs in presentation mode (the others collapse).
    """

    caption: str
    panel: str
    mode: str | None = None
    highlight: Highlight | None = None
    position: int | None = None
    channel: int | None = None
    claim: str | None = None
    docks: tuple[str, ...] = ()


def _fail(index: int, rule: str, hint: str) -> SpecError:
    return SpecError("steps", tr("Story steps", "step {number}: {rule}").format(number=index + 1, rule=rule), hint)


def _choice(index: int, key: str, value: Any, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise _fail(
            index,
            tr("Story steps", "'{key}' is {value}").format(key=key, value=shown(value)),
            tr("Story steps", "use one of {choices}").format(choices=", ".join(choices)),
        )
    return value


def _count(index: int, key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _fail(
            index,
            tr("Story steps", "'{key}' is {value}").format(key=key, value=shown(value)),
            tr("Story steps", "use a whole number >= 0"),
        )
    return value


def _highlight(index: int, panel: str, data: Any) -> Highlight:
    targets = HIGHLIGHT_TARGETS.get(panel, ())
    if not isinstance(data, dict) or set(data) - {"target", "cells"} or "target" not in data:
        raise _fail(
            index,
            tr("Story steps", "'{key}' is {value}").format(key="highlight", value=shown(data)),
            tr("Story steps", 'use {{"target": NAME, "cells": [[row, col], ...]}}').format(),
        )
    if not targets:
        raise _fail(
            index,
            tr("Story steps", "panel {panel} has no heatmap to highlight").format(panel=panel),
            tr("Story steps", "drop 'highlight' or change the panel"),
        )
    target = _choice(index, "highlight.target", data["target"], targets)
    cells = data.get("cells")
    if cells is None or cells == "all":
        return Highlight(target)
    if not isinstance(cells, list) or len(cells) > MAX_CELLS:
        raise _fail(
            index,
            tr("Story steps", "'highlight.cells' must be a list"),
            tr("Story steps", 'at most {count} [row, col] pairs, or "all"').format(count=MAX_CELLS),
        )
    pairs = []
    for cell in cells:
        if not (isinstance(cell, list) and len(cell) == 2):
            raise _fail(
                index,
                tr("Story steps", "cell {cell} is not [row, col]").format(cell=shown(cell)),
                tr("Story steps", "use e.g. [0, 1]"),
            )
        pairs.append((_count(index, "row", cell[0]), _count(index, "col", cell[1])))
    return Highlight(target, tuple(pairs))


def parse_step(index: int, data: Any, claims: Callable[[], tuple[str, ...]]) -> StoryStep:
    """One step from its JSON object; ``claims()`` gives the claim names a step may run (asked only if it runs one)."""
    if not isinstance(data, dict):
        raise _fail(
            index,
            tr("Story steps", "expected an object, got {value}").format(value=shown(data)),
            tr("Story steps", 'use {{"caption": ..., "panel": ...}}').format(),
        )
    unknown, missing = set(data) - STEP_KEYS, {"caption", "panel"} - set(data)
    if unknown or missing:
        raise _fail(
            index,
            tr("Story steps", "unknown keys {unknown}, missing keys {missing}").format(
                unknown=sorted(unknown), missing=sorted(missing)
            ),
            tr("Story steps", "keys: {keys}").format(keys=sorted(STEP_KEYS)),
        )
    caption = data["caption"]
    if not isinstance(caption, str) or not caption.strip() or len(caption) > MAX_CAPTION:
        raise _fail(
            index,
            tr("Story steps", "'caption' must be non-empty text"),
            tr("Story steps", "at most {count} characters").format(count=MAX_CAPTION),
        )
    panel = _choice(index, "panel", data["panel"], PANEL_CHOICES)
    docks = data.get("docks", [])
    if not isinstance(docks, list):
        raise _fail(
            index,
            tr("Story steps", "'{key}' is {value}").format(key="docks", value=shown(docks)),
            tr("Story steps", "use a list of {choices}").format(choices=", ".join(DOCK_CHOICES)),
        )
    return StoryStep(
        caption=caption.strip(),
        panel=panel,
        mode=_choice(index, "mode", data["mode"], MODES) if "mode" in data else None,
        highlight=_highlight(index, panel, data["highlight"]) if "highlight" in data else None,
        position=_count(index, "position", data["position"]) if "position" in data else None,
        channel=_count(index, "channel", data["channel"]) if "channel" in data else None,
        claim=_choice(index, "claim", data["claim"], claims()) if "claim" in data else None,
        docks=tuple(_choice(index, "docks", dock, DOCK_CHOICES) for dock in docks),
    )


def parse_steps(data: Any, claims: Callable[[], tuple[str, ...]] = tuple) -> tuple[StoryStep, ...]:
    """A story's steps from JSON (a list of step objects, at most :data:`MAX_STEPS`)."""
    if not isinstance(data, list) or not 1 <= len(data) <= MAX_STEPS:
        raise SpecError(
            "steps",
            tr("Story steps", "expected a list of 1..{maximum} steps, got {value}").format(
                maximum=MAX_STEPS, value=shown(data)
            ),
            tr("Story steps", "see the presets"),
        )
    return tuple(parse_step(index, step, claims) for index, step in enumerate(data))


def step_label(index: int, count: int) -> str:
    """The counter a class sees, e.g. ``3 / 5``."""
    return f"{index + 1} / {count}"
