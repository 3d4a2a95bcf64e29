"""Truthful Linear vs Conv timing: implementations, interleaved measurement, roofline, sweeps, records."""
