"""Memory estimates, computed before anything is allocated: the peak each part of the app reaches for a spec.

Every figure is the growth of resident memory over the interpreter's baseline (torch and the app imported), worked
out from element counts alone. The stages free what they allocate, except their results: the window keeps the
results of all four stages (conv, linear, equality, init) while the next one runs, so its peak is the sum of the
results plus the largest working set of any stage. ``MemoryEstimate.total``, the figure the budget is compared
with, is the largest peak the app can reach: the window's. Calibrated against measured peaks (``ru_maxrss``) for
every mapping mode, 1-D and 2-D, every dtype, with and without bias; ``tests/test_memory_peak.py`` measures it.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil, prod

from core.geometry import Geometry
from core.i18n import tr
from core.modes import linear_shape
from core.registry import DTYPES
from core.spec import LayerSpec

DEFAULT_BUDGET_BYTES = 1 << 30
INDEX_BYTES = 8  # int64 index tensors
FLOAT64_BYTES = 8  # rounding references and display copies are float64
INIT_BYTES = 4  # the init check draws float32 layers, whatever the spec's dtype
INIT_LINEAR_BATCH = 64  # rows of the init check's Linear input (core.init_check)
INIT_SAMPLES = 20_000  # the most weights the init check samples (its default; the window asks for fewer)
DISPLAY_CELLS = 1_000_000  # core.display.MAX_DISPLAY_CELLS: reduced matrices never have more cells
MMAP_THRESHOLD_MAX = 32 << 20  # glibc's largest dynamic mmap threshold on 64-bit (DEFAULT_MMAP_THRESHOLD_MAX)
INIT_KEPT_BYTES = 8 * FLOAT64_BYTES * INIT_SAMPLES  # the samples, their float64 copies, the KS test's sorts
TRANSFER_BUFFERS = 3  # full-size buffers of a result in flight between processes (measured: pickling a tensor
# peaks at 3 copies, unpickling at 3, one of which is the result kept)
# Allocator slack, Python objects, the float64 comparisons' pieces, and what the first large torch call sets up
# (thread pools, kernel caches) that a tiny spec never does: a fixed allowance on every peak.
OVERHEAD_BYTES = 40 << 20


@dataclass(frozen=True)
class StagePeak:
    """One part of the app at its peak: what stays alive (its results, and what earlier stages left), the largest
    working set on top of it, and a fixed allowance for allocator slack and Python objects."""

    kept: int
    work: int

    @property
    def peak(self) -> int:
        return self.kept + self.work + OVERHEAD_BYTES


@dataclass(frozen=True)
class MemoryEstimate:
    """Peak bytes over the interpreter's baseline, per part of the app; ``total`` is what the budget is compared
    with.

    ``check``: building both layers, then both forward and backward and the float64 rounding references (the CLI's
    ``check``); ``init``: the default inits drawn again and again (the CLI's ``init``); ``window``: the window's
    four stages in turn, each stage's result kept while the next one runs. ``isolated``: the dtype's torch work
    runs in a child process (:mod:`core.isolation`) and its results are copied back, which is counted.
    """

    linear_weight: int
    check: StagePeak
    init: StagePeak
    window: StagePeak
    isolated: bool

    @property
    def total(self) -> int:
        return max(self.check.peak, self.init.peak, self.window.peak)

    def breakdown(self) -> str:
        """``"window 636.4 MiB, check 531.3 MiB, init 152.5 MiB"``: the peaks ``total`` is the largest of."""
        return tr("Memory", "window {window}, check {check}, init {init}").format(
            window=format_bytes(self.window.peak),
            check=format_bytes(self.check.peak),
            init=format_bytes(self.init.peak),
        )


def format_bytes(count: float) -> str:
    """``1536`` -> ``"1.5 KiB"``."""
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(count) < 1024 or unit == "TiB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class _Counts:
    """Element counts of the tensors a spec's stages allocate (``sample_*``: one sample of the batch)."""

    element: int  # bytes per element of the spec's dtype
    input: int
    output: int
    padded_input: int
    conv_weight: int
    linear_weight: int
    linear_in: int
    linear_bias: int
    bias_index: int
    columns: int  # im2col columns of the conv (the unfold patches): batch*cin*kernel*positions
    connections: int  # weight uses of the conv: cout*positions*cin/groups*kernel
    sample_input: int
    sample_output: int
    sample_padded: int
    sample_columns: int


def _counts(spec: LayerSpec, mode: str, geom: Geometry) -> _Counts:
    shape = linear_shape(spec, mode, geom)
    positions = prod(geom.output)
    kernel = prod(geom.kernel)
    cin_g = spec.cin // spec.groups
    sample_columns = spec.cin * kernel * positions
    return _Counts(
        element=DTYPES[spec.dtype].bytes,
        input=spec.batch * spec.cin * prod(geom.input),
        output=spec.batch * spec.cout * positions,
        padded_input=spec.batch * spec.cin * prod(geom.padded_input),
        conv_weight=spec.cout * cin_g * kernel,
        linear_weight=shape.in_features * shape.out_features,
        linear_in=shape.in_features,
        linear_bias=shape.out_features if spec.bias else 0,
        bias_index=(shape.out_features if mode == "unrolled" else spec.cout) if spec.bias else 0,
        columns=spec.batch * sample_columns,
        connections=spec.cout * positions * cin_g * kernel,
        sample_input=spec.cin * prod(geom.input),
        sample_output=spec.cout * positions,
        sample_padded=spec.cin * prod(geom.padded_input),
        sample_columns=sample_columns,
    )


def _ghosts(*sizes: int) -> int:
    """Bytes that may stay resident after tensors of these sizes are freed. glibc serves blocks up to its largest
    mmap threshold (32 MiB) from the heap, where a freed block may stay resident while the next ones are allocated
    elsewhere (measured: repeated draws of 24 MiB outputs settle at about twice their live size); larger blocks
    are mapped and unmapped, and leave nothing."""
    return sum(size for size in sizes if size <= MMAP_THRESHOLD_MAX)


def _churned(*sizes: int) -> int:
    """Resident bytes of tensors allocated and freed during a phase: their sizes, plus the ghosts they leave."""
    return sum(sizes) + _ghosts(*sizes)


def _conv_workspace(n: _Counts, element: int, groups: int) -> int:
    """What one conv call (forward or backward) allocates beyond its result: im2col columns on the slow path,
    a reordered weight and output on the others, and per group a slice of input and output to concatenate."""
    grouped = _churned(element * n.input, element * n.output) if groups > 1 else 0
    return _churned(element * n.columns, element * n.conv_weight, element * n.output) + grouped


def _mapping_kept(n: _Counts) -> int:
    """Both layers and their index maps, as :func:`core.mapping.build_mapping` returns them."""
    e = n.element
    return e * (n.conv_weight + n.linear_weight + n.linear_bias) + INDEX_BYTES * (n.linear_weight + n.bias_index)


def _mapping_work(n: _Counts, mode: str, source: str) -> int:
    """:func:`~core.mapping.build_mapping`'s largest working set beyond the mapping it returns: the index map's
    construction (dense: index-sized int64 arrays and a mask; unrolled: masks and position lists per
    connection), float32 layers filled by one gather before the cast to the spec's dtype, and for a Linear
    source the recovery of the conv (masks, position lists and float64 copies of the Linear, per-weight extrema)."""
    if mode == "unrolled":
        construction = _churned(*[INDEX_BYTES * n.connections] * 3, 2 * n.connections)
    else:
        construction = _churned(INDEX_BYTES * n.linear_weight, INDEX_BYTES * n.linear_weight, n.linear_weight)
    linear, conv = n.linear_weight, n.conv_weight
    float32_layers = _churned(4 * linear, 4 * linear, 4 * conv, 4 * conv)
    if source == "linear":  # the default-initialised Linear, masks, positions, float64 picks, per-weight extrema
        recovery = _churned(4 * linear, linear, linear, INDEX_BYTES * linear, INDEX_BYTES * linear, 12 * linear)
        float32_layers += 4 * linear + recovery + _churned(*[FLOAT64_BYTES * conv] * 3)
    return max(construction, float32_layers)


def _linear_work(n: _Counts, mode: str) -> int:
    """The Linear path forward and backward: its input transform, output layout copies, weight gradient."""
    e = n.element
    if mode == "unfold":  # padded copy, patches (kept for the backward) and their gradient, fold, layout copies
        return _churned(*[e * n.padded_input] * 2, *[e * n.columns] * 2, *[e * n.output] * 2)
    if mode == "pointwise":  # the subsampled channels-last input, output and gradient
        return _churned(e * n.input, e * n.output, e * n.output)
    return _churned(e * n.linear_weight, e * n.input, e * n.output)  # full, unrolled: the Linear-shaped gradient


def _equality_work(n: _Counts, mode: str, groups: int) -> int:
    """:func:`core.equality.check_equality`'s largest working set beyond the mapping, the input and the two
    outputs it returns; its phases run one after another."""
    e = n.element
    gradients = 2 * e * (n.input + n.conv_weight)  # input and weight gradients of both layers
    upstream = e * n.output
    layers = (
        upstream
        + gradients
        + max(
            _churned(FLOAT64_BYTES * n.output),  # the upstream gradient is drawn in float64
            _conv_workspace(n, e, groups),
            _linear_work(n, mode),
        )
    )
    # |x|, |W| and |upstream| in float64, the conv of them (kept for the comparison), its backward, its gradients.
    f64 = FLOAT64_BYTES
    absolute = (
        upstream
        + gradients
        + f64 * n.output
        + _churned(f64 * n.input, f64 * n.conv_weight, f64 * n.output, f64 * n.input, f64 * n.conv_weight)
        + _conv_workspace(n, f64, groups)
    )
    compare = f64 * (n.output + n.input + n.conv_weight) + gradients
    # The weight round trip gathers the conv into a Linear-shaped tensor and counts uses per conv weight.
    round_trip = _churned(e * n.linear_weight, e * n.conv_weight, INDEX_BYTES * n.conv_weight, n.conv_weight)
    return max(layers, absolute, compare, round_trip)


def _init_work(n: _Counts) -> int:
    """:func:`core.init_check.check_init`, one draw at a time: a float32 conv and a few Linear rows, a sample of
    each found through a full random permutation, then a batch-1 input through the conv, the conv freed, then 64
    rows through the Linear. The draws repeat, so every heap block's ghost is there at the peak."""
    rows = min(max(1, ceil(INIT_SAMPLES / 2 / max(n.linear_in, 1))), max(1, n.linear_weight // max(n.linear_in, 1)))
    linear = INIT_BYTES * n.linear_in * rows
    conv = INIT_BYTES * n.conv_weight
    permutations = (2 * linear, 2 * conv)  # int64 indices: twice the float32 bytes
    # input, output, and the conv's workspace: columns, a reordered weight, an output copy
    forward = [INIT_BYTES * size for size in (n.sample_input, n.sample_output, n.sample_columns, n.sample_output)]
    batch = INIT_BYTES * INIT_LINEAR_BATCH * (n.linear_in + rows)
    conv_branch = conv + max(*permutations, sum(forward) + conv)
    return linear + max(conv_branch, batch) + _ghosts(linear, conv, *permutations, *forward, conv, batch)


def _window_results(n: _Counts, mode: str) -> tuple[int, int]:
    """What the window's conv and linear stages return beyond the mapping and the input: the conv stage's own
    conv and float64 display copies of sample 0 (padded input, output, tiled weight, uses); the Linear's matrix
    reduced for display and (unfold) sample 0's patch matrix."""
    e, f64 = n.element, FLOAT64_BYTES
    conv_stage = e * n.conv_weight + f64 * (n.sample_padded + n.sample_output) + (f64 + INDEX_BYTES) * n.conv_weight
    reduced = (f64 + INDEX_BYTES) * min(n.linear_weight, DISPLAY_CELLS)
    patches = f64 * n.sample_columns if mode == "unfold" else 0
    return conv_stage, reduced + patches


def _window_work(n: _Counts, groups: int) -> int:
    """The largest working set of the window's own displays: the conv stage (input drawn in float64, sample 0
    padded and through the conv, the weight tiled) and the linear stage (a score per Linear entry and a mask to
    reduce it, sample 0's patches)."""
    e, f64 = n.element, FLOAT64_BYTES
    conv_work = _churned(f64 * n.input, e * n.sample_padded, e * n.sample_output, f64 * n.conv_weight) + (
        _conv_workspace(n, e, groups)
    )
    display_work = _churned(max(4, e) * n.linear_weight, n.linear_weight, e * n.sample_padded, e * n.sample_columns)
    return max(conv_work, display_work)


def estimate_memory(spec: LayerSpec, mode: str, geom: Geometry) -> MemoryEstimate:
    """Estimate the peak bytes a mapping of ``spec`` in ``mode`` allocates, per part of the app, without
    allocating."""
    n = _counts(spec, mode, geom)
    e = n.element
    mapping = _mapping_kept(n)
    mapping_work = _mapping_work(n, mode, spec.source)
    make_input = _churned(FLOAT64_BYTES * n.input)  # drawn in float64, then cast
    outputs = 2 * e * n.output
    results = mapping + e * n.input + outputs  # check keeps the mapping, the input and both outputs
    check_work = max(mapping_work - (results - mapping), make_input, _equality_work(n, mode, spec.groups))
    conv_stage, linear_display = _window_results(n, mode)
    window_kept = results + conv_stage + linear_display
    window_work = max(mapping_work, make_input, check_work, _init_work(n), _window_work(n, spec.groups))
    isolated = DTYPES[spec.dtype].crash_prone
    if isolated:
        # Computed in a child process (core.isolation) and copied back: the child keeps its results, the parent
        # keeps a copy of each, and the one in flight is pickled and unpickled through extra full-size buffers
        # (between the child's working sets, not during one).
        in_flight = mapping + outputs  # check: the mapping and the report with both outputs
        results, check_work = results + in_flight, max(check_work, TRANSFER_BUFFERS * in_flight)
        in_flight = max(e * n.input + conv_stage, mapping + linear_display, outputs)  # the largest stage result
        window_kept, window_work = 2 * window_kept, max(window_work, TRANSFER_BUFFERS * in_flight)
    return MemoryEstimate(
        linear_weight=e * n.linear_weight,
        check=StagePeak(results, check_work),
        init=StagePeak(INIT_KEPT_BYTES, _init_work(n)),
        window=StagePeak(window_kept, window_work),
        isolated=isolated,
    )
