"""A write that fails after the CLI's up-front checks (a full disk, a file-size limit) ends as one ``error:`` line
with exit status 2, and the previous file stays as it was. The limit is a real RLIMIT_FSIZE in the child."""

from __future__ import annotations

from pathlib import Path

from tests.test_atomic_write import OLD, others, run_limited

MAIN = """
    import os
    os.execv(sys.executable, [sys.executable, "main.py", *sys.argv[1:]])
"""
TOO_LARGE = "the file is too large (a file-size limit was reached)"
HINT = "a previous file there is unchanged; choose a writable folder with free space"


def last_line(text: str) -> str:
    return text.strip().split("\n")[-1]


def test_bench_json_cut_by_a_file_size_limit_is_one_error_line_and_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "bench.json").write_bytes(OLD[:1000])
    bench = ["bench", "--dims", "1", "--cin", "4", "--cout", "8", "--kernel", "1", "--input", "32", "--impl", "linear"]
    options = ["--min-time", "0.02", "--rounds", "2", "--isolation", "none", "--format", "json"]
    result = run_limited(MAIN, 1024, *bench, *options, "--out", str(out))
    assert result.returncode == 2, result.stderr
    assert last_line(result.stderr) == f"error: out: cannot write {out / 'bench.json'}: {TOO_LARGE}; {HINT}"
    assert "Traceback" not in result.stderr
    assert (out / "bench.json").read_bytes() == OLD[:1000] and others(out, "bench.json") == []


def test_a_screenshot_cut_by_a_file_size_limit_is_one_error_line_and_keeps_the_old_file(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    shot.write_bytes(OLD[:1000])
    result = run_limited(MAIN, 4096, "screenshot", "--preset", "fc-4x2-as-conv-2x2", "--out", str(shot))
    assert result.returncode == 2, result.stderr
    assert last_line(result.stderr) == f"error: out: cannot write {shot}: {TOO_LARGE}; {HINT}"
    assert shot.read_bytes() == OLD[:1000] and others(tmp_path, "shot.png") == []
