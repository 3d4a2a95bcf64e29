"""Whole models: built-in examples, loading, the layer table, pointwise conv ⇄ Linear rewrites and their timing."""
