"""The cores this run may use: what the default worker counts and the ``--workers`` warning go by.

``os.cpu_count()`` counts the machine's cores, not those a container, ``taskset`` or a batch scheduler
leaves to this process; ``os.sched_getaffinity`` does (Python 3.13's ``os.process_cpu_count`` is the
same, and this package supports 3.11). One function, so the default and the warning cannot disagree.
"""

from __future__ import annotations

import os

__all__ = ["usable_cores"]


def usable_cores() -> int:
    """The number of cores this process may run on (at least 1)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1
