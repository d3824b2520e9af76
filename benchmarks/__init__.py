"""Throughput benchmarks for the portal's pages. Run them with ``make bench``."""
