"""One module per panel; each presents core results and knows nothing of the others."""
