"""Shared pytest configuration (keep it minimal; add, don't rewrite)."""
from __future__ import annotations


def pytest_configure(config):
    # tests that start the HermiT reasoner (Java, about 1-2 s each); deselect with -m "not hermit"
    config.addinivalue_line("markers", "hermit: runs the HermiT OWL reasoner (needs Java)")
