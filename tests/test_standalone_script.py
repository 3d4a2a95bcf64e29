"""The exported standalone script: it runs with only torch, rebuilds the lab's layers, checks them and times them."""

from __future__ import annotations

import ast
import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from core.layers import make_input
from core.mapping import build_mapping
from core.presets import load_preset
from core.spec import parse_spec
from core.standalone_script import DISAGREE_MESSAGE, spec_line, standalone_script
from core.validation import ValidSpec, validate
from tests.strategies import raw_valid_values

# The editable install puts the project on every sys.path through a .pth file, so PYTHONPATH="" is not enough:
# the scripts run without site processing (-S), with only the directory torch is installed in on their path.
TORCH_ONLY_PATH = str(Path(torch.__file__).resolve().parent.parent)
ALLOWED_IMPORTS = {"__future__", "argparse", "sys", "warnings", "torch"}
TIME_LINE = re.compile(r"^time (conv|Linear): median [\d.e+-]+ (ns|us|ms|s), IQR [\d.e+-]+ (ns|us|ms|s) \(\d+ runs")

SPECS: dict[str, dict[str, Any]] = {
    "pointwise-1d-groups-stride-no-bias-float64": dict(
        dims=1, cin=4, cout=6, groups=2, kernel=1, stride=2, input_size=7, bias=False, dtype="float64",
        mode="pointwise", seed=3,
    ),
    "full-1d-conv-source-values": dict(
        dims=1, cin=2, cout=3, kernel=4, input_size=4, mode="full", input_fill="values",
        input_values=[0.5, -1.0, 2.0, 7.0, 1.5, 0.25, -3.0, 4.0],
    ),
    "unrolled-2d-padding-stride-dilation-groups": dict(
        cin=4, cout=4, groups=2, kernel="2x3", stride="2x1", padding="1x0", dilation="1x2", input_size="5x6",
        mode="unrolled", batch=2, seed=11,
    ),
    "unfold-1d-same-padding-linear-source-float64": dict(
        dims=1, cin=3, cout=2, kernel=4, dilation=2, padding="same", input_size=9, mode="unfold", source="linear",
        dtype="float64", input_fill="arange",
    ),
    "unfold-2d-stride-padding-groups": dict(
        cin=6, cout=3, groups=3, kernel=3, stride=2, padding=1, input_size="7x5", mode="unfold", seed=7
    ),
    "pointwise-2d-bfloat16": dict(cin=3, cout=5, kernel=1, input_size="4x4", mode="pointwise", dtype="bfloat16"),
}  # fmt: skip


def valid_of(name: str) -> ValidSpec:
    if name == "lecture":
        return validate(load_preset("fc-4x2-as-conv-2x2").spec)
    return validate(parse_spec(SPECS[name]))


def torch_only(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -S *args`` in ``tmp_path``, where torch imports and the project does not."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env["PYTHONPATH"] = TORCH_ONLY_PATH
    command = [sys.executable, "-S", *args]
    return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)


def run_script(tmp_path: Path, script: str, *args: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "linconv_script.py"
    path.write_text(script, encoding="utf-8")
    return torch_only(tmp_path, path.name, *args)


def imported_modules(script: str) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(script)):
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            modules.add((node.module or "").split(".")[0])
    return modules


def printed_number(stdout: str, label: str) -> float:
    match = re.search(rf"^{re.escape(label)} (\S+)", stdout, re.MULTILINE)
    assert match, f"no {label!r} line in:\n{stdout}"
    return float(match.group(1))


def test_the_subprocess_environment_cannot_import_the_project(tmp_path: Path) -> None:
    probe = "import importlib.util as u, sys; sys.exit(sum(u.find_spec(n) is not None for n in sys.argv[1:]))"
    assert torch_only(tmp_path, "-c", probe, "core", "gui", "cli", "main").returncode == 0
    assert torch_only(tmp_path, "-c", "import torch.utils.benchmark").returncode == 0


@pytest.mark.parametrize("name", ["lecture", *SPECS])
def test_the_script_runs_alone_agrees_and_times_both_layers(name: str, tmp_path: Path) -> None:
    valid = valid_of(name)
    script = standalone_script(valid)
    assert imported_modules(script) <= ALLOWED_IMPORTS
    result = run_script(tmp_path, script, "--min-time", "0.01")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    lines = out.splitlines()
    assert lines[0] == f"spec: {spec_line(valid)}"
    assert lines[1].startswith(f"mapping: {valid.mode if valid.mode != 'full' else 'full-kernel'}:")
    error = printed_number(out, "max abs error:")
    assert error <= (1e-10 if valid.spec.dtype == "float64" else 0.1)
    assert "torch.allclose(" in out and "the conv and the Linear agree" in out
    assert [m.group(1) for m in map(TIME_LINE.match, lines) if m] == ["conv", "Linear"]
    assert printed_number(out, "ratio Linear / conv:") > 0
    assert not result.stderr


def test_the_lecture_script_prints_the_lectures_outputs(tmp_path: Path) -> None:
    result = run_script(tmp_path, standalone_script(valid_of("lecture")), "--min-time", "0.01")
    outputs = {}
    for line in result.stdout.splitlines():
        label, _, rest = line.partition(":")
        if label in ("conv", "Linear") and rest.strip().startswith("["):
            outputs[label] = ast.literal_eval(rest.strip())
    assert [round(v, 4) for v in outputs["conv"]] == [0.2983, 1.4994]
    assert outputs["Linear"] == outputs["conv"]


@pytest.mark.parametrize("name", ["lecture", *SPECS])
def test_the_script_builds_the_labs_layers_and_input(name: str) -> None:
    """Same seed, same weights: the script's build_layers and make_input give what the lab's check uses."""
    valid = valid_of(name)
    namespace: dict[str, Any] = {"__name__": "linconv_script"}
    exec(compile(standalone_script(valid), "linconv_script.py", "exec"), namespace)
    conv, linear = namespace["build_layers"]()
    mapping = build_mapping(valid)
    for ours, theirs in [(conv, mapping.conv), (linear, mapping.linear)]:
        assert ours.weight.dtype == theirs.weight.dtype
        assert torch.equal(ours.weight, theirs.weight)
        assert (ours.bias is None) == (theirs.bias is None)
        assert ours.bias is None or torch.equal(ours.bias, theirs.bias)
    assert torch.equal(namespace["make_input"](), make_input(valid.spec))


@pytest.mark.parametrize(
    ("name", "copy_line"),
    [("unfold-2d-stride-padding-groups", "linear.weight.copy_("), ("lecture", "conv.weight.copy_(")],
)
def test_a_script_whose_layers_differ_exits_1(name: str, copy_line: str, tmp_path: Path) -> None:
    script = standalone_script(valid_of(name))
    kept = [line for line in script.splitlines() if copy_line not in line]
    assert len(kept) == len(script.splitlines()) - 1
    result = run_script(tmp_path, "\n".join(kept), "--min-time", "0.01")
    assert result.returncode == 1, result.stdout + result.stderr
    assert DISAGREE_MESSAGE in result.stderr
    assert printed_number(result.stdout, "max abs error:") > 1e-3
    assert "time conv" not in result.stdout


def test_min_time_must_be_positive(tmp_path: Path) -> None:
    script = standalone_script(valid_of("lecture"))
    assert "MIN_RUN_TIME = 0.5" in script
    result = run_script(tmp_path, script, "--min-time", "0")
    assert result.returncode == 2 and "--min-time must be a positive number" in result.stderr


@st.composite
def any_valid_values(draw: st.DrawFn) -> dict[str, Any]:
    """Valid raw values of any mode, dtype, input fill and source."""
    mode = draw(st.sampled_from(["pointwise", "full", "unrolled", "unfold"]))
    values = draw(raw_valid_values(mode))
    values["dtype"] = draw(st.sampled_from(["float32", "float64", "bfloat16", "float16"]))
    values["input_fill"] = draw(st.sampled_from(["randn", "arange", "values"]))
    count = values["batch"] * values["cin"] * math.prod(values["input_size"])
    values["input_values"] = draw(st.lists(st.floats(-1e6, 1e6), min_size=count, max_size=count))
    if values["groups"] == 1 and mode != "unrolled" and draw(st.booleans()):
        values["source"] = "linear"
    return values


@given(values=any_valid_values())
def test_the_script_is_ascii_python_importing_only_torch(values: dict[str, Any]) -> None:
    script = standalone_script(validate(parse_spec(values)), script_name="demo.py")
    compile(script, "demo.py", "exec")
    assert script.isascii()
    assert imported_modules(script) <= ALLOWED_IMPORTS
    header = ast.get_docstring(ast.parse(script), clean=False)
    assert header is not None and header.count("Generated by LinConv Lab for the spec") == 1
    spec_json = header[header.index("{") : header.index("}\n") + 1]  # the spec as the lab reads it, wrapped
    shown = json.loads(spec_json)
    spec = parse_spec(values)
    assert ("input_values" in shown) == (spec.input_fill == "values" and len(spec.input_values) <= 64)
    assert parse_spec(shown) == (spec if "input_values" in shown else spec.replace(input_values=[]))
    assert "python demo.py --min-time" in script
    assert 'if __name__ == "__main__":' in script
