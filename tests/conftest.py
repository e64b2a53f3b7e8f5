"""Test-wide settings: in CI (``HYPOTHESIS_PROFILE=ci``, set by .ci/run) property tests draw the same
examples every run, so a submission never fails on a lucky draw; elsewhere they draw new ones each run.
The ``browser`` fixture (Chromium, one per test module) serves every browser test; ``disk_sync`` watches what a
command syncs and moves into its output folder (tests/disk_sync.py)."""

import os

import pytest
from chromium import launched_chromium
from disk_sync import SyncWatch

try:
    from hypothesis import settings
except ImportError:  # the old-matplotlib nox session runs only the RTL tests, without hypothesis
    settings = None

if settings is not None:
    settings.register_profile("ci", derandomize=True)
    # `make fuzz`: tests/test_fuzz.py in batches of fresh examples until its time budget (FUZZ_MINUTES) is spent
    settings.register_profile("fuzz", max_examples=1000, deadline=None, print_blob=True)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium for one test module (tests/chromium.py: skips, or fails in CI, when it is missing)."""
    yield from launched_chromium()


@pytest.fixture
def disk_sync(monkeypatch):
    """``disk_sync(out)``: a ``SyncWatch`` of ``out`` for this test (os.fsync and os.replace watched)."""
    return lambda out: SyncWatch(monkeypatch, out)
