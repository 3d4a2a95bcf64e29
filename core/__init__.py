"""LinConv Lab engine: specs, formulas, Linear<->Conv mappings, checks. Pure Python + torch, no Qt."""
