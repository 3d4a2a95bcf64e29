"""Stories, teaching order, related variants and user presets: the core side, no window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.errors import SpecError
from core.presets import load_all_presets, load_preset
from core.spec import parse_spec
from core.story import parse_steps, step_label
from core.user_presets import load_user_presets, read_preset_file, save_user_preset
from core.variants import compare_variants
from core.window_names import HIGHLIGHT_TARGETS, PANEL_CHOICES

BUILT_IN = frozenset(p.name for p in load_all_presets())


def test_every_preset_is_a_story_in_teaching_order_starting_with_linear_4_2() -> None:
    presets = load_all_presets()
    assert presets[0].name == "fc-4x2-as-conv-2x2"
    orders = [p.order for p in presets]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)
    for preset in presets:
        assert 3 <= len(preset.steps) <= 6, preset.name
        views = {(s.panel, s.claim, s.highlight, s.position, s.mode) for s in preset.steps}
        moves = len(views) == len(preset.steps)
        assert moves, preset.name  # every step shows something new (panel, claim, cells or position)
        for step in preset.steps:
            assert step.panel in PANEL_CHOICES and len(step.caption) > 30


def test_the_linear_4_2_story_follows_the_lecture() -> None:
    steps = load_preset("fc-4x2-as-conv-2x2").steps
    assert [s.panel for s in steps] == ["weights", "weights", "sliding", "equality", "code"]
    assert steps[0].highlight is not None and steps[0].highlight.target == "linear"
    assert steps[1].highlight is not None and steps[1].highlight.target == "conv"
    assert "8 numbers" in steps[0].caption and "[0.2983, 1.4994]" in steps[3].caption
    assert step_label(2, len(steps)) == "3 / 5"


@pytest.mark.parametrize(
    ("steps", "fragment"),
    [
        ([], "expected a list of 1..20 steps"),
        ([{"caption": "x" * 40}], "missing keys ['panel']"),
        ([{"caption": "hello there", "panel": "nope"}], "step 1: 'panel' is 'nope'"),
        ([{"caption": "a", "panel": "weights", "zoom": 2}], "unknown keys ['zoom']"),
        ([{"caption": "a", "panel": "code", "highlight": {"target": "linear"}}], "panel code has no heatmap"),
        ([{"caption": "a", "panel": "weights", "highlight": {"target": "kernel"}}], "'highlight.target' is 'kernel'"),
        ([{"caption": "a", "panel": "weights", "highlight": {"target": "conv", "cells": [[0]]}}], "is not [row, col]"),
        ([{"caption": "a", "panel": "sliding", "position": -1}], "'position' is -1"),
        ([{"caption": "a", "panel": "sliding", "mode": "magic"}], "'mode' is 'magic'"),
        ([{"caption": "a", "panel": "sliding", "docks": ["speed"]}], "'docks' is 'speed'"),
        ([{"caption": "a", "panel": "code", "claim": "not-a-claim"}], "'claim' is 'not-a-claim'"),
        ([{"caption": " ", "panel": "code"}], "'caption' must be non-empty"),
    ],
)
def test_a_broken_step_names_the_step_and_the_rule(steps: list, fragment: str) -> None:
    with pytest.raises(SpecError) as error:
        parse_steps(steps, claims=lambda: ("init",))
    assert fragment in str(error.value)


def test_highlight_targets_name_real_panels() -> None:
    assert set(HIGHLIGHT_TARGETS) <= set(PANEL_CHOICES)


def test_variants_side_by_side_760_750_40_30_and_the_pair_beside_the_3x3() -> None:
    k5 = compare_variants(load_preset("params-3to10-k5"))
    k1 = compare_variants(load_preset("params-3to10-k1"))
    assert [v.params for v in k5] == [760, 750] and [v.params for v in k1] == [40, 30]
    pair = compare_variants(load_preset("factorized-1x3-3x1-vs-3x3"))
    assert [v.params for v in pair] == [36_928, 12_352, 12_352, 24_704]
    assert pair[-1].spec is None and pair[-1].receptive_field == pair[0].receptive_field == (3, 3)
    assert pair[-1].macs == 2 * pair[1].macs < pair[0].macs
    assert compare_variants(load_preset("fc-4x2-as-conv-2x2")) == []


def test_a_user_preset_saves_reloads_and_shares(tmp_path: Path) -> None:
    spec = parse_spec(dims=1, cin=3, cout=5, kernel=3, padding=1, input_size=12, bias=False)
    path = save_user_preset(tmp_path / "mine", "my-conv", "My Conv1d", "", spec, BUILT_IN)
    loaded = load_user_presets(tmp_path / "mine", BUILT_IN)
    assert loaded.problems == () and [p.name for p in loaded.presets] == ["my-conv"]
    assert loaded.presets[0].spec == spec and loaded.presets[0].title == "My Conv1d"
    assert read_preset_file(path, BUILT_IN).spec == spec  # the file is the thing to share


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("My Conv", "is not a preset name"),
        ("", "is not a preset name"),
        ("../x", "is not a preset name"),
        ("fc-4x2-as-conv-2x2", "already a built-in preset"),
    ],
)
def test_a_bad_user_preset_name_is_refused_before_writing(tmp_path: Path, name: str, fragment: str) -> None:
    with pytest.raises(SpecError, match="preset name") as error:
        save_user_preset(tmp_path, name, "t", "", parse_spec(), BUILT_IN)
    assert fragment in str(error.value) and list(tmp_path.iterdir()) == []


def test_an_invalid_spec_is_never_saved_as_a_preset(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="kernel"):
        save_user_preset(tmp_path, "too-big", "t", "", parse_spec(kernel=9, input_size=4), BUILT_IN)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("[1, 2]", "JSON object"),
        ('{"title": "t", "explanation": "e", "spec": {"cin": -1}}', "invalid spec"),
        ('{"title": "t", "explanation": "e", "spec": {}, "steps": [{"panel": "x"}]}', "invalid story"),
        ("\u0000\u00ff", "cannot read JSON"),
    ],
)
def test_a_hostile_shared_preset_is_refused_with_its_reason(tmp_path: Path, content: str, fragment: str) -> None:
    file = tmp_path / "shared.json"
    file.write_text(content)
    with pytest.raises(SpecError) as error:
        read_preset_file(file, BUILT_IN)
    assert fragment in str(error.value)
    folder = tmp_path / "presets"
    folder.mkdir()
    (folder / "broken.json").write_text(content)
    (folder / "fine.json").write_text(json.dumps({"title": "t", "explanation": "e", "spec": {}}))
    found = load_user_presets(folder, BUILT_IN)  # one broken file does not hide the others
    assert [p.name for p in found.presets] == ["fine"] and len(found.problems) == 1


def test_a_huge_shared_preset_is_refused_before_reading(tmp_path: Path) -> None:
    file = tmp_path / "huge.json"
    with file.open("wb") as handle:
        handle.truncate(4 << 30)  # sparse: 4 GiB on paper, nothing on disk
    with pytest.raises(SpecError, match="a preset is a few KiB"):
        read_preset_file(file, BUILT_IN)
