"""Benchmarks and their data generator (see docs/BENCHMARKS.md)."""
