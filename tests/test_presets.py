from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.errors import SpecError
from core.inspect_report import inspect_spec
from core.presets import PRESET_DIR, load_all_presets, load_preset, load_preset_file, preset_names
from core.validation import validate

PRESET_FILES = Path(__file__).resolve().parent.parent / "resources" / "presets"

REQUIRED = {
    "fc-4x2-as-conv-2x2",
    "fc-4x2-as-conv-1x1",
    "conv1d-k1-vs-linear",
    "params-3to10-k5",
    "params-3to10-k1",
    "stride2-1x1-downsample",
    "factorized-1x3-3x1-vs-3x3",
    "conv2d-doc-example",
}


def _check_expectations(expect: dict, facts: dict) -> None:
    for key, value in expect.items():
        if isinstance(value, dict):
            for sub, number in value.items():
                assert facts[key][sub] == number, (key, sub)
        else:
            assert facts[key] == value, key


def test_required_presets_exist_and_explain_themselves() -> None:
    assert set(preset_names()) >= REQUIRED
    for preset in load_all_presets():
        assert len(preset.explanation) > 80 and preset.title


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_preset_facts_hold(name: str) -> None:
    """Every number a preset states in 'expect' is what core computes."""
    preset = load_preset(name)
    _check_expectations(preset.expect, inspect_spec(validate(preset.spec)).to_json())
    for related in preset.related:
        _check_expectations(related.expect, inspect_spec(validate(related.spec)).to_json())


def test_params_preset_has_the_no_bias_variant() -> None:
    preset = load_preset("params-3to10-k5")
    assert [r.spec.bias for r in preset.related] == [False]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("{not json", "cannot read JSON"),
        ("[]", "JSON object"),
        ('{"title": "t", "explanation": "e"}', "missing keys ['spec']"),
        ('{"title": "t", "explanation": "e", "spec": {}, "colour": 1}', "unknown keys ['colour']"),
        ('{"title": "t", "explanation": "e", "spec": {"groups": 3, "cin": 4}}', "invalid spec: groups"),
        ('{"title": "t", "explanation": "e", "spec": {"kernel": "ax"}}', "invalid spec: kernel"),
    ],
)
def test_broken_preset_files_are_refused_clearly(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content)
    with pytest.raises(SpecError) as caught:
        load_preset_file(path)
    assert caught.value.parameter == "preset" and "broken" in str(caught.value) and fragment in str(caught.value)
    assert caught.value.hint == f"fix {path}"


def test_unknown_preset_lists_the_known_ones() -> None:
    with pytest.raises(SpecError, match="conv2d-doc-example"):
        load_preset("nope")


def test_preset_files_are_plain_json_objects() -> None:
    assert preset_names() == sorted(p.stem for p in PRESET_FILES.glob("*.json"))
    for name in preset_names():
        data = json.loads((PRESET_FILES / f"{name}.json").read_text(encoding="utf-8"))
        assert {"title", "explanation", "spec"} <= set(data)


def test_presets_are_read_as_package_resources() -> None:
    """Through importlib.resources (an installed wheel has no checkout to find), whatever the working directory."""
    assert PRESET_DIR.is_dir() and PRESET_DIR.joinpath("conv2d-doc-example.json").is_file()
    assert Path(str(PRESET_DIR)).resolve() == PRESET_FILES.resolve()


def test_any_directory_of_presets_loads_by_plain_name(tmp_path: Path) -> None:
    (tmp_path / "mine.json").write_text((PRESET_FILES / "fc-4x2-as-conv-2x2.json").read_text(encoding="utf-8"))
    (tmp_path / "notes.txt").write_text("not a preset")
    (tmp_path / "folder.json").mkdir()
    assert preset_names(tmp_path) == ["mine"]
    assert [p.name for p in load_all_presets(tmp_path)] == ["mine"]
    with pytest.raises(SpecError, match="known presets: mine"):
        load_preset("../presets/mine", tmp_path)
