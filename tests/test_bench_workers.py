"""Benchmark worker processes that die, are killed, or lose their parent."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time

from core.bench.config import BenchConfig
from core.bench.runner import CancelToken, run_bench
from core.spec import parse_spec
from tests.test_cli import ROOT

SPEC = parse_spec(dims=1, cin=4, cout=8, kernel=1, input_size=32, batch=2)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie (exited, not yet reaped) is not alive
        return stat.read().split(") ")[1][0] != "Z"


def test_a_worker_killed_mid_run_fails_its_implementation_and_the_run_carries_on() -> None:
    config = BenchConfig(spec=SPEC, impls=("linear", "conv", "unfold_matmul"), min_run_time=0.9, rounds=3)
    run = run_bench(config, CancelToken())
    progress = next(run)  # prepared: one worker process per implementation
    assert "prepared 3" in progress.message
    victim = next(p for p in multiprocessing.active_children() if p.name == "bench-conv")
    os.kill(victim.pid, signal.SIGKILL)
    messages, excluded = [], []
    try:
        while True:
            step = next(run)
            messages.append(step.message)
            excluded += step.excluded
    except StopIteration as stop:
        result = stop.value
    assert not result.error and not result.cancelled
    assert sorted(r.impl for r in result.records) == ["linear", "unfold_matmul"]
    reasons = [e.reason for _, e in result.excluded if e.name == "conv"]
    assert reasons and "killed by SIGKILL" in reasons[0], result.excluded
    assert any("conv failed" in m for m in messages)
    assert not [p for p in multiprocessing.active_children() if p.name.startswith("bench-")]


def test_cancelling_while_workers_start_ends_the_run_at_once() -> None:
    token = CancelToken()
    config = BenchConfig(spec=SPEC, impls=("linear", "conv", "unfold_matmul", "conv_channels_last"), min_run_time=1)
    run = run_bench(config, token)
    import threading

    timer = threading.Timer(0.3, token.cancel)  # while the roofline is measured or the workers import torch
    timer.start()
    started = time.monotonic()
    try:
        while True:
            next(run)
    except StopIteration as stop:
        result = stop.value
    timer.join()
    assert result.cancelled and not result.error
    assert time.monotonic() - started < 3.0  # roofline (about 1 s) at most, never the workers' start-up
    deadline = time.monotonic() + 2
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in multiprocessing.active_children() if p.name.startswith("bench-")]


ORPHANING_SCRIPT = textwrap.dedent(
    """
    import multiprocessing, sys, time
    from core.bench.config import BenchConfig
    from core.bench.runner import run_bench
    from core.spec import parse_spec

    if __name__ == "__main__":
        spec = parse_spec(dims=1, cin=4, cout=8, kernel=1, input_size=32)
        run = run_bench(BenchConfig(spec=spec, impls=("linear", "conv"), min_run_time=60, rounds=1))
        next(run)  # prepared
        print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
        next(run)  # measuring for 30 s
    """
)


def test_no_benchmark_worker_outlives_a_killed_parent_by_more_than_two_seconds() -> None:
    with subprocess.Popen(
        [sys.executable, "-c", ORPHANING_SCRIPT], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as parent:
        assert parent.stdout is not None
        pids = [int(p) for p in parent.stdout.readline().split()]
        assert len(pids) == 2 and all(_alive(pid) for pid in pids)
        time.sleep(0.5)  # the workers are measuring now
        parent.kill()
        parent.wait()
        killed = time.monotonic()
        while any(_alive(pid) for pid in pids) and time.monotonic() - killed < 5:
            time.sleep(0.05)
        assert not any(_alive(pid) for pid in pids)
        assert time.monotonic() - killed < 2.0
