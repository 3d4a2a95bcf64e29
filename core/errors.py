"""The one error type a user ever sees from core."""

from __future__ import annotations


class SpecError(ValueError):
    """An invalid parameter: names the parameter, the rule it breaks, and a valid alternative.

    Attributes
    ----------
    parameter : str
        The spec field at fault (``"groups"``, ``"padding"``, ...), as the CLI and GUI name it.
    rule : str
        The rule that is broken, with the offending numbers.
    hint : str
        What would be valid instead.
    """

    def __init__(self, parameter: str, rule: str, hint: str = "") -> None:
        self.parameter = parameter
        self.rule = rule
        self.hint = hint
        text = f"{parameter}: {rule}"
        if hint:
            text += f"; {hint}"
        super().__init__(text)
