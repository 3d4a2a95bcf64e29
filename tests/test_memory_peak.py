"""The memory budget is the real peak, measured: a spec that passes validation stays within its budget.

Each run is a fresh process: the real CLI (``main.py check`` / ``init``), or the window's four stages through
``core.lab.compute_stages`` with every result kept, as the window keeps them. What a spec costs is that process's
peak resident memory (``ru_maxrss`` from ``wait4``) minus the same command's peak on a tiny spec (the interpreter,
torch, the app's modules and one tiny computation). It must stay within the budget and within the estimate of that
part of the app, or validation must refuse the spec up front with one error line naming memory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from core.spec import parse_spec
from core.validation import validate

ROOT = Path(__file__).resolve().parent.parent
MIB = 1 << 20
TINY = {"cin": 1, "cout": 1, "kernel": 1, "input_size": 2}
# The case: 16 output channels of 900x900 from one input channel, pointwise.
WIDE = {"cin": 1, "cout": 16, "kernel": 1, "input_size": 900}
INIT_DRAWS = 12  # memory no longer depends on it: enough that keeping every draw's output (as before) shows
UNFOLD = {"cin": 16, "cout": 16, "kernel": 3, "input_size": 300, "mode": "unfold", "padding": 1}

LAB_SCRIPT = """
import json, sys
from core.lab import STAGES, StageFailure, compute_stages
from core.spec import parse_spec
from core.validation import validate

valid = validate(parse_spec(json.loads(sys.argv[1])), int(sys.argv[2]))
kept = list(compute_stages(valid, STAGES, init_draws=12))  # every result stays alive, as in the window
failed = [result for _, result in kept if isinstance(result, StageFailure)]
assert [stage for stage, _ in kept] == list(STAGES) and not failed, failed
"""


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    peak_bytes: int


def run_measured(args: list[str]) -> Run:
    """Run ``python *args`` in the checkout and measure the child's own peak resident memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen([sys.executable, *args], cwd=ROOT, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
        out.seek(0)
        err.seek(0)
        return Run(process.returncode, out.read().decode(), err.read().decode(), usage.ru_maxrss * 1024)


def options(values: dict[str, object]) -> list[str]:
    names = {"input_size": "input"}
    return [item for key, value in values.items() for item in (f"--{names.get(key, key)}", str(value))]


def cli(command: str, values: dict[str, object], budget_mib: int) -> list[str]:
    draws = ["--draws", str(INIT_DRAWS)] if command == "init" else []
    return ["main.py", command, *options(values), "--budget-mib", str(budget_mib), *draws]


def lab(values: dict[str, object], budget_mib: int) -> list[str]:
    return ["-c", LAB_SCRIPT, json.dumps(values), str(budget_mib * MIB)]


@cache
def baseline(kind: str) -> int:
    """Peak resident memory of the same kind of run on a tiny spec."""
    args = lab(TINY, 1024) if kind == "lab" else cli(kind, TINY, 1024)
    run = run_measured(args)
    assert run.returncode == 0, run.stderr
    return run.peak_bytes


def estimate(kind: str, values: dict[str, object], budget_mib: int) -> int:
    """The validated spec's estimate for this part of the app."""
    memory = validate(parse_spec(values), budget_mib * MIB).memory
    return {"check": memory.check, "init": memory.init, "lab": memory.window}[kind].peak


def assert_within_budget_or_refused(kind: str, values: dict[str, object], budget_mib: int) -> Run:
    run = run_measured(lab(values, budget_mib) if kind == "lab" else cli(kind, values, budget_mib))
    if run.returncode == 2 and kind != "lab":
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: memory:"), run.stderr
        assert "over the budget" in lines[0]
        return run
    assert run.returncode == 0, run.stderr
    growth = run.peak_bytes - baseline(kind)
    peaked = f"{kind} peaked {growth / MIB:.0f} MiB over its baseline"
    assert growth <= budget_mib * MIB, f"{peaked}, over the budget of {budget_mib} MiB"
    predicted = estimate(kind, values, budget_mib)
    assert growth <= predicted, f"{peaked}, over its estimate of {predicted / MIB:.0f} MiB"
    return run


@pytest.mark.parametrize(
    ("command", "values", "budget_mib"),
    [("check", WIDE, 256), ("init", WIDE, 256), ("check", UNFOLD, 512)],
)
def test_a_budget_is_kept_or_the_spec_refused(command: str, values: dict[str, object], budget_mib: int) -> None:
    assert_within_budget_or_refused(command, values, budget_mib)


@pytest.mark.parametrize("command", ["check", "init"])
def test_the_wide_spec_runs_within_the_default_budget(command: str) -> None:
    """Admitted by the default 1 GiB budget, and measured: ``init`` (it used to keep every draw's 49 MiB output, 4 GiB
    for the default 40 draws), ``check`` with its float64 references (1.1 GiB before)."""
    run = assert_within_budget_or_refused(command, WIDE, 1024)
    assert run.returncode == 0, run.stderr


def test_the_window_stages_run_within_the_default_budget() -> None:
    """All four stages in one process with every result kept (2.6 GiB before, for this spec)."""
    assert_within_budget_or_refused("lab", WIDE, 1024)
