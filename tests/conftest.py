"""Test-wide settings: in CI (``HYPOTHESIS_PROFILE=ci``, set by .ci/run) property tests draw the same
examples every run, so a submission never fails on a lucky draw; elsewhere they draw new ones each run."""

import os

try:
    from hypothesis import settings
except ImportError:  # the old-matplotlib nox session runs only the RTL tests, without hypothesis
    settings = None

if settings is not None:
    settings.register_profile("ci", derandomize=True)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
