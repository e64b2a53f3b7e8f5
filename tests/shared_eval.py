"""The evaluation sets kept outside the repository, in ``../shared/eval`` (the real article texts may not be copied here).

Tests that read them call :func:`shared_eval_dir`: without ``../shared`` they skip with the reason, and in CI
(``HELPERS_REQUIRE_SHARED=1``, set by ``.ci/run``) they fail instead, so a missing folder can never pass as green.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REQUIRE_ENV = "HELPERS_REQUIRE_SHARED"


def shared_eval_dir(name: str) -> Path:
    """``../shared/eval/<name>``, or skip (fail when ``HELPERS_REQUIRE_SHARED=1``) when it is not there."""
    path = SHARED / "eval" / name
    if not (path / "articles").is_dir():
        reason = f"{path} is not there: the shared evaluation sets live beside the checkout, never inside it"
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(reason + f" ({REQUIRE_ENV}=1)")
        pytest.skip(reason)
    return path
