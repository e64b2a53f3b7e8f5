"""Watch ``os.fsync`` and ``os.replace`` during a test: what a command moves into an output folder must be on the
disk first (synced), and the folder after the moves, or a power cut can leave an empty file under the final name.
Shared by the tests of ``extract``'s tables and of the report's pages (the ``disk_sync`` fixture, conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path


class SyncWatch:
    """Records every fsync (device, inode) in order, and each move into ``out`` of a file or folder not yet synced."""

    def __init__(self, monkeypatch, out: Path):
        self.out = out
        self.synced: list[tuple[int, int]] = []
        self.problems: list[str] = []
        self.moved_in: list[int] = []  # positions in `synced` when something was moved into `out`
        real_fsync, real_replace = os.fsync, os.replace

        def fsync(fd):
            real_fsync(fd)
            status = os.fstat(fd)
            self.synced.append((status.st_dev, status.st_ino))

        def replace(src, dst, *args, **kwargs):
            if os.path.realpath(os.path.dirname(os.path.abspath(dst))) == os.path.realpath(self.out):
                moved = Path(src)
                for path in [moved, *(moved.rglob("*") if moved.is_dir() else ())]:
                    status = path.stat()
                    if (status.st_dev, status.st_ino) not in self.synced:
                        self.problems.append(f"{path} moved in as {dst} before it was synced")
                self.moved_in.append(len(self.synced))
            return real_replace(src, dst, *args, **kwargs)

        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace)

    def assert_whole(self) -> None:
        """Something was moved in, each thing synced before its move, and the folder synced after the last move."""
        assert self.moved_in and not self.problems, self.problems[:5]
        folder = os.stat(self.out)
        assert (folder.st_dev, folder.st_ino) in self.synced[self.moved_in[-1]:], \
            "the output folder was not synced after the moves"
