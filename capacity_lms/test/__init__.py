"""Helpers shared by the test suite, the sandbox's demo data and the benchmarks."""
