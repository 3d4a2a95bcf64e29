"""LinConv Lab data files (presets/*.json), read through ``importlib.resources`` so an installed wheel finds them."""
