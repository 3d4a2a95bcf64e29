"""pyqtgraph plots shared by the window and the headless exports."""
