"""The app's vocabularies, each defined once: mapping modes, benchmark implementations, dtypes, input sources.

Every face (CLI options, window menus and combo boxes, plot colours, shortcuts) and every core module reads its
names, labels, colours and shortcuts from here. Pure Python: importing it never loads torch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from core.errors import SpecError
from core.i18n import tr, tr_noop
from core.limits import shown

VOCABULARY_CONTEXT = "Registry"
"""The translation context of every label and description below (marked with ``tr_noop``, shown with ``tr``)."""


@dataclass(frozen=True)
class Term:
    """One word of a vocabulary.

    Attributes
    ----------
    name : str
        The identifier used in specs, JSON, CLI options and objectNames.
    label : str
        Short text for a menu entry or combo box.
    description : str
        One sentence saying what it is.
    colour : str
        Hex colour used wherever it is drawn ("" when it is never drawn).
    shortcut : str
        Qt key sequence text ("" for none).
    """

    name: str
    label: str
    description: str = ""
    colour: str = ""
    shortcut: str = ""

    def shown_label(self) -> str:
        """:attr:`label` in the interface language (``label`` itself stays English: exports and tests read it)."""
        return tr(VOCABULARY_CONTEXT, self.label)

    def shown_description(self) -> str:
        """:attr:`description` in the interface language."""
        return tr(VOCABULARY_CONTEXT, self.description) if self.description else ""


@dataclass(frozen=True)
class DtypeTerm(Term):
    """A floating dtype: its size, the ``torch.testing.assert_close`` default tolerances, and whether PyTorch's CPU
    kernels are known to crash the process on some convolutions in it (work then runs in a child process)."""

    bytes: int = 4
    rtol: float = 0.0
    atol: float = 0.0
    crash_prone: bool = False


T = TypeVar("T", bound=Term)


class Registry(Generic[T]):
    """An ordered set of terms looked up by name; :meth:`parse` turns user text into a known name."""

    def __init__(self, field: str, terms: Iterable[T]) -> None:
        self.field = field
        self._terms = {term.name: term for term in terms}

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._terms)

    def __getitem__(self, name: str) -> T:
        return self._terms[name]

    def __contains__(self, name: object) -> bool:
        return name in self._terms

    def __iter__(self) -> Iterator[T]:
        return iter(self._terms.values())

    def __len__(self) -> int:
        return len(self._terms)

    def parse(self, value: object) -> str:
        """The name ``value`` denotes (case and surrounding blanks ignored), or a :class:`SpecError`."""
        text = value.strip().lower() if isinstance(value, str) else value
        if not isinstance(text, str) or text not in self._terms:
            raise SpecError(
                self.field,
                tr("Registry", "unknown value {value}").format(value=shown(value)),
                tr("Registry", "choose one of {choices}").format(choices=", ".join(self.names)),
            )
        return text


# Okabe-Ito: distinguishable for colour-blind viewers and on a projector.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")

MAPPING_MODES: Registry[Term] = Registry(
    "mode",
    [
        Term(
            "auto",
            tr_noop("Registry", "auto"),
            tr_noop("Registry", "the most specific mapping whose preconditions hold"),
            "",
            "Ctrl+Shift+1",
        ),
        Term(
            "pointwise",
            tr_noop("Registry", "pointwise (kernel 1)"),
            tr_noop("Registry", "pointwise: kernel-1 conv = Linear over channels"),
            OKABE_ITO[0],
            "Ctrl+Shift+2",
        ),
        Term(
            "full",
            tr_noop("Registry", "full-kernel"),
            tr_noop("Registry", "full-kernel: kernel = input conv = Linear over the flattened input"),
            OKABE_ITO[2],
            "Ctrl+Shift+3",
        ),
        Term(
            "unrolled",
            tr_noop("Registry", "unrolled (Toeplitz)"),
            tr_noop("Registry", "unrolled: conv = Linear with a Toeplitz (sparse, weight-shared) matrix"),
            OKABE_ITO[3],
            "Ctrl+Shift+4",
        ),
        Term(
            "unfold",
            tr_noop("Registry", "unfold (im2col)"),
            tr_noop("Registry", "unfold: conv = Linear over unfolded patches (im2col)"),
            OKABE_ITO[4],
            "Ctrl+Shift+5",
        ),
    ],
)

IMPLEMENTATIONS: Registry[Term] = Registry(
    "impl",
    [
        Term(
            "linear",
            "Linear",
            tr_noop("Registry", "Linear on data already in its layout (channel-last / flattened)"),
            OKABE_ITO[0],
        ),
        Term(
            "linear_permute",
            tr_noop("Registry", "Linear + permutes"),
            tr_noop("Registry", "Linear including the permutes (or flatten) a conv-layout tensor needs"),
            OKABE_ITO[1],
        ),
        Term(
            "conv",
            "Conv (NCHW)",
            tr_noop("Registry", "Conv1d/Conv2d on the native channels-first layout"),
            OKABE_ITO[2],
        ),
        Term(
            "conv_channels_last",
            "Conv channels_last",
            tr_noop("Registry", "Conv2d on channels_last data (1-D as height 1)"),
            OKABE_ITO[3],
        ),
        Term(
            "unfold_matmul",
            "unfold + matmul",
            tr_noop("Registry", "F.unfold patches @ reshaped weight (+ bias), folded to the conv layout"),
            OKABE_ITO[4],
        ),
        Term(
            "unrolled",
            "Toeplitz Linear",
            tr_noop("Registry", "dense Linear with the conv's Toeplitz matrix (only if it fits the memory budget)"),
            OKABE_ITO[5],
        ),
    ],
)

DTYPES: Registry[DtypeTerm] = Registry(
    "dtype",
    [
        DtypeTerm("float32", "float32", tr_noop("Registry", "IEEE single precision"), bytes=4, rtol=1.3e-6, atol=1e-5),
        DtypeTerm("float64", "float64", tr_noop("Registry", "IEEE double precision"), bytes=8, rtol=1e-7, atol=1e-7),
        DtypeTerm(
            "bfloat16",
            "bfloat16",
            tr_noop("Registry", "brain float: float32's range, 8-bit mantissa"),
            bytes=2,
            rtol=1.6e-2,
            atol=1e-5,
            crash_prone=True,
        ),
        DtypeTerm(
            "float16",
            "float16",
            tr_noop("Registry", "IEEE half precision"),
            bytes=2,
            rtol=1e-3,
            atol=1e-5,
            crash_prone=True,
        ),
    ],
)

INPUT_FILLS: Registry[Term] = Registry(
    "input_fill",
    [
        Term(
            "randn",
            tr_noop("Registry", "seeded randn"),
            tr_noop("Registry", "normal random numbers from torch.Generator().manual_seed(seed)"),
        ),
        Term("arange", "1, 2, 3, …", tr_noop("Registry", "1, 2, 3, ... in the conv's (N, C, *spatial) layout")),
        Term(
            "values",
            tr_noop("Registry", "given values"),
            tr_noop("Registry", "the numbers in input_values, in the conv's (N, C, *spatial) layout"),
        ),
    ],
)

SOURCES: Registry[Term] = Registry(
    "source",
    [
        Term("conv", "conv", tr_noop("Registry", "PyTorch initialises the conv; the Linear is built from its weights")),
        Term(
            "linear",
            "Linear",
            tr_noop("Registry", "PyTorch initialises the Linear; the conv is built from its weights"),
        ),
    ],
)

MODEL_FORMS: Registry[Term] = Registry(
    "form",
    [
        Term(
            "conv",
            tr_noop("Registry", "native conv"),
            tr_noop("Registry", "the convolution as the model writes it, in PyTorch's default memory format"),
            OKABE_ITO[1],
        ),
        Term(
            "channels_last",
            tr_noop("Registry", "conv, channels-last"),
            tr_noop("Registry", "the same convolution on channels-last (NHWC) memory; 2-D convs only"),
            OKABE_ITO[2],
        ),
        Term(
            "linear",
            "Linear",
            tr_noop(
                "Registry", "permute, Linear over channels, permute back (stride: subsample; groups: block-diagonal)"
            ),
            OKABE_ITO[0],
        ),
    ],
)

MODEL_VARIANTS: Registry[Term] = Registry(
    "variant",
    [
        Term("original", tr_noop("Registry", "original"), tr_noop("Registry", "the model as built"), OKABE_ITO[3]),
        Term(
            "rewritten",
            tr_noop("Registry", "rewritten"),
            tr_noop("Registry", "the chosen pointwise convs replaced by Linear"),
            OKABE_ITO[5],
        ),
        Term(
            "tuned",
            tr_noop("Registry", "tuned"),
            tr_noop("Registry", "each chosen layer in the form that measured fastest"),
            OKABE_ITO[4],
        ),
    ],
)
