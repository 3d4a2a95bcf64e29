"""Hostile command lines: every user error is exit status 2 with one ``error:`` line, before any work."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli import commands
from core.tap_count import floor_sum, taps_inside
from core.validation import divisors_to_show
from tests.test_cli import run

FIVE_THOUSAND_DIGITS = "9" * 5000

# (arguments, words the one error line must contain): each was exit 1, a traceback or silence before.
SUBPROCESS_CASES = [
    (["inspect", "--cin", "²"], ["cin", "digits"]),
    (["inspect", "--cin=+-3"], ["cin", "whole number"]),
    (["inspect", "--cin", FIVE_THOUSAND_DIGITS], ["cin", "5,000-digit", "int64"]),
    (["inspect", "--budget-mib", "inf"], ["budget-mib", "finite"]),
    (["inspect", "--budget-mib", "1e30"], ["budget-mib", "between"]),
    (["inspect", "--preset", "x" * 300], ["preset", "300 characters"]),
    (["presets", "x" * 5000], ["preset", "5,000 characters"]),
    (["check", "--stride", "10000000000000000000"], ["stride", "9,223,372,036,854,775,807", "int64"]),
    (["inspect", "--preset", ""], ["preset", "empty"]),
    (["presets", ""], ["preset", "empty"]),
    (["inspect", "--preset", "../../../evil"], ["preset", "no preset named"]),
    (["bench", "--min-time", "inf"], ["min-time", "finite"]),
    (["bench", "--min-time", "1e9"], ["min-time", "between"]),
    (["bench", "--rounds", "1000"], ["rounds", "between"]),
    (["bench", "--sweep", "batch=" + ",".join(["1"] * 65)], ["sweep", "at most"]),
    (["init", "--draws", "100000"], ["draws", "between"]),
    # accepted by every range, but 1,000 draws of 14.7M weights took minutes: the work is bounded too
    (
        [
            "init",
            "--cin",
            "4",
            "--cout",
            "3600",
            "--kernel",
            "32",
            "--input",
            "32",
            "--mode",
            "full",
            "--draws",
            "1000",
        ],
        ["draws", "over the limit", "use at most"],
    ),
    (["screenshot", "--preset", "conv2d-doc-example", "--step", "-5", "--out", "x.png"], ["step"]),
    (["screenshot", "--preset", "conv2d-doc-example", "--step", "99999999999", "--out", "x.png"], ["step"]),
    (["screenshot", "--preset", "conv2d-doc-example", "--out", "README.md/x.png"], ["out"]),
    (["bench", "--out", "README.md", "--min-time", "0.01"], ["out", "is a file"]),
    (["bench", "--out", "README.md/sub", "--min-time", "0.01"], ["out"]),
    (["bench", "--out", "/proc/x", "--min-time", "0.01"], ["out"]),
    (["bench", "--out", " ", "--min-time", "0.01"], ["out", "empty"]),  # made a folder named " " before
    # From the adversarial pass: each was exit 1, a second line, or silently accepted.
    (["inspect", "--cin", "0" * 4400 + "3" + "0" * 20], ["cin", "int64"]),
    (["bench", "--out", "/tmp/" + "a" * 300, "--min-time", "0.01"], ["out", "255 bytes"]),
    (["bench", "--out", "/proc", "--min-time", "0.01"], ["out", "cannot write into"]),
    (["screenshot", "--preset", "conv2d-doc-example", "--out", "/proc/x.png"], ["out", "cannot write into"]),
    (["init", "--draws=３"], ["--draws", "digits 0-9"]),
    (["init", "--draws=1_0"], ["--draws", "digits 0-9"]),
    (["bench", "--min-time=١"], ["--min-time", "digits 0-9"]),
    (["inspect", "--dims=２"], ["--dims", "digits 0-9"]),
    (["screenshot", "--preset", "conv2d-doc-example", "--out", "x.png", "--size=１９２０x１０８０"], ["size"]),
    (["bench", "--out=", "--format", "csv"], ["out", "empty"]),
    (["bench", "--sweep=batch=1,,2"], ["sweep", "empty value"]),
    (["inspect", "--mode", "m" * 100_000], ["--mode", "100,000 characters"]),
    (["screenshot", "--preset", "conv2d-doc-example", "--out", " /x.png"], ["out", "blank name"]),
]


@pytest.mark.parametrize(("args", "words"), SUBPROCESS_CASES, ids=lambda v: str(v)[:40] if isinstance(v, list) else "")
def test_hostile_command_line_is_one_error_line_and_exit_2(args: list[str], words: list[str]) -> None:
    started = time.monotonic()
    result = run(*args)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr[-500:]
    assert len(lines) == 1 and lines[0].startswith("error: "), lines[:3]
    assert all(word in lines[0] for word in words), lines[0]
    assert len(lines[0]) < 400, "a message must not echo the hostile value"
    assert time.monotonic() - started < 20, "refused before any work"


def test_groups_message_for_huge_channels_is_instant() -> None:
    started = time.monotonic()
    result = run("inspect", "--cin", "1000000000000", "--cout", "1000000000000", "--groups", "7")
    assert result.returncode == 2
    assert "use one of 1, 2, 4, 5, 8, 10" in result.stderr and "..., 1000000000000" in result.stderr
    assert time.monotonic() - started < 5  # was 35 s: a scan over 1..10^12


def test_divisors_to_show_are_the_smallest_and_the_number_itself() -> None:
    assert divisors_to_show(12) == ([1, 2, 3, 4, 6, 12], False)
    assert divisors_to_show(720720)[0][-1] == 720720 and divisors_to_show(720720)[1]
    shown, more = divisors_to_show(2**61 - 1)  # a prime far past the search limit
    assert shown == [1, 2**61 - 1] and more


def _brute_taps(length: int, out: int, kernel: int, stride: int, dilation: int, pad: int) -> int:
    return sum(1 for i in range(out) for a in range(kernel) if 0 <= i * stride - pad + a * dilation < length)


@settings(max_examples=400, deadline=None)
@given(
    st.integers(1, 20), st.integers(1, 25), st.integers(1, 9), st.integers(1, 5), st.integers(1, 5), st.integers(0, 12)
)
def test_closed_form_tap_count_matches_the_loop(
    length: int, out: int, kernel: int, stride: int, dilation: int, pad: int
) -> None:
    assert taps_inside(length, out, kernel, stride, dilation, pad) == _brute_taps(
        length, out, kernel, stride, dilation, pad
    )


@given(st.integers(0, 30), st.integers(1, 20), st.integers(-50, 50), st.integers(-100, 100))
def test_floor_sum_matches_the_loop(n: int, m: int, a: int, b: int) -> None:
    assert floor_sum(n, m, a, b) == sum((a * i + b) // m for i in range(n))


def test_tap_count_of_a_huge_axis_is_instant() -> None:
    started = time.monotonic()
    assert taps_inside(10**6, 900_001, 100_000, 1, 1, 0) == 900_001 * 100_000
    assert time.monotonic() - started < 0.1


# ----- property: every error path of every command is exit 2 with one line ------------------------------------------
class _ReachedWork(BaseException):
    """Raised where a command would start real work: the input was accepted."""


def _reached(*args: Any, **kwargs: Any) -> Any:
    raise _ReachedWork


HOSTILE_TEXT = st.one_of(
    st.sampled_from(
        ["", " ", "²", "+-3", "-1", "0", "1e400", "inf", "-inf", "nan", "NaN", "1e19", "10000000000000000000",
         FIVE_THOUSAND_DIGITS, "3x", "x3", "3x3x3", "١٢", "0x10", "1_000", "2.5", "../../../evil", "\x00", "same",
         "valid", "true", "null", "[]", "{}", "-", "--", "9223372036854775808", "9223372036854775807",
         "0" * 4400 + "3", "３", "1_0", "١", " ", "a" * 300]
    ),
    st.text(max_size=12),
    st.integers(-(2**70), 2**70).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)  # fmt: skip
OPTIONS = {
    "inspect": ["--cin", "--cout", "--kernel", "--stride", "--padding", "--dilation", "--groups", "--input",
                "--batch", "--seed", "--dims", "--mode", "--dtype", "--source", "--budget-mib", "--preset"],
    "check": ["--cin", "--kernel", "--stride", "--padding", "--dilation", "--input", "--budget-mib", "--seed"],
    "init": ["--draws", "--cin", "--kernel", "--budget-mib"],
    "bench": ["--min-time", "--rounds", "--threads", "--sweep", "--impl", "--format", "--width", "--out",
              "--allocator", "--isolation", "--method", "--device"],
    "screenshot": ["--step", "--size", "--out", "--panel", "--theme", "--mode", "--preset"],
}  # fmt: skip


@pytest.fixture
def no_real_work(monkeypatch: pytest.MonkeyPatch) -> None:
    import core.bench.runner
    import core.isolation

    monkeypatch.setattr(core.isolation, "call_isolated", _reached)  # check and init
    monkeypatch.setattr(core.bench.runner, "run_bench", _reached)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_cli_error_is_exit_2_with_one_line(
    data: st.DataObject,
    no_real_work: None,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    command = data.draw(st.sampled_from(sorted(OPTIONS)))
    option = data.draw(st.sampled_from(OPTIONS[command]))
    value = data.draw(HOSTILE_TEXT)
    monkeypatch.chdir(tmp_path)  # an accepted --out creates its folder: never in the checkout
    args = [command, f"{option}={value}"]
    if command == "screenshot":
        args += [] if option == "--preset" else ["--preset", "conv2d-doc-example"]
        args += [] if option == "--out" else ["--out", str(tmp_path / "shot.png")]
    try:
        status = commands.main(args)
    except _ReachedWork:
        return  # accepted: the command went on to its work
    except SystemExit as exit_:  # argparse's own --help/--version paths only
        status = int(exit_.code or 0)
    err = capsys.readouterr().err.strip().splitlines()
    assert status in (0, 2), (args, err)
    if status == 2:
        assert len(err) == 1 and err[0].startswith("error: "), (args, err)
