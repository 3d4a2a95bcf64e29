"""LinConv Lab command line: a headless face over core (``python main.py --help``); never imports gui or Qt."""
