"""The forms a pointwise conv of a model can take (native conv, conv on channels-last memory, Linear) and putting a
model's layers into chosen forms, with the weights carried over exactly."""

from __future__ import annotations

import copy
from collections.abc import Mapping

import torch
from torch import nn

from core.errors import SpecError
from core.i18n import tr
from core.models.pointwise import PointwiseLinear
from core.models.rewrite import rewrite_reason, to_conv, to_linear
from core.registry import MODEL_FORMS

CONVS = (nn.Conv1d, nn.Conv2d, nn.Conv3d)


class ChannelsLastConv(nn.Module):
    """A 2-D conv that runs on channels-last (NHWC) memory: its input is made channels-last before the call, and
    its weight is stored channels-last. The output stays channels-last; every later op accepts that."""

    def __init__(self, conv: nn.Conv2d) -> None:
        super().__init__()
        self.conv = conv.to(memory_format=torch.channels_last)  # type: ignore[call-overload]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.conv(x.contiguous(memory_format=torch.channels_last))


def native(module: nn.Module) -> nn.Module:
    """The plain conv behind any form of it (a copy; weights equal)."""
    if isinstance(module, PointwiseLinear):
        return to_conv(module)
    if isinstance(module, ChannelsLastConv):
        conv = copy.deepcopy(module.conv)
        return conv.to(memory_format=torch.contiguous_format)
    return copy.deepcopy(module)


def form_of(module: nn.Module) -> str:
    """Which form ``module`` is in."""
    if isinstance(module, PointwiseLinear):
        return "linear"
    if isinstance(module, ChannelsLastConv):
        return "channels_last"
    return "conv"


def forms_for(module: nn.Module) -> tuple[str, ...]:
    """The forms a layer can take: every layer its native conv; 2-D convs channels-last; pointwise convs Linear."""
    conv = native(module)
    forms = ["conv"]
    if isinstance(conv, nn.Conv2d):
        forms.append("channels_last")
    if rewrite_reason(conv) is None:
        forms.append("linear")
    return tuple(name for name in MODEL_FORMS.names if name in forms)


def in_form(module: nn.Module, form: str) -> nn.Module:
    """A copy of ``module`` (a conv in any form) in ``form``; SpecError when it cannot take that form."""
    conv = native(module)
    if form not in forms_for(conv):
        reason = rewrite_reason(conv) if form == "linear" else tr("Model forms", "only 2-D convs have it")
        raise SpecError(
            "form",
            tr("Model forms", "{kind} cannot take the form {form}: {reason}").format(
                kind=type(conv).__name__, form=form, reason=reason
            ),
            tr("Model forms", "choose one of {forms}").format(forms=", ".join(forms_for(conv))),
        )
    if form == "linear":
        return to_linear(conv)
    if form == "channels_last":
        assert isinstance(conv, nn.Conv2d)
        return ChannelsLastConv(conv)
    return conv


def apply_forms(model: nn.Module, forms: Mapping[str, str]) -> nn.Module:
    """A copy of ``model`` with each named layer in its form (``{"pwconv1": "linear"}``); other layers unchanged."""
    result = copy.deepcopy(model)
    for name, form in forms.items():
        try:
            layer = result.get_submodule(name)
        except AttributeError:
            raise SpecError("layer", tr("Model forms", "the model has no layer {name!r}").format(name=name)) from None
        result.set_submodule(name, in_form(layer, form))
    return result
