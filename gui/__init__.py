"""LinConv Lab desktop views over core results (PySide6 + pyqtgraph)."""
