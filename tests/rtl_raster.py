"""Compare two renderings of one chart as pictures: a PNG export against its PDF export, rasterised."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

PDFTOPPM = shutil.which("pdftoppm")


def rasterise_pdf(pdf: Path, dpi: int) -> Path:
    """The first page of a PDF as a PNG at ``dpi`` (poppler's pdftoppm)."""
    assert PDFTOPPM, "pdftoppm (poppler-utils) is needed to compare PDF exports"
    out = pdf.with_name(pdf.stem + "-pdftoppm")
    subprocess.run([PDFTOPPM, "-r", str(dpi), "-png", "-singlefile", str(pdf), str(out)], check=True)
    return out.with_suffix(".png")


def misplaced_ink(reference: Path, candidate: Path, blur: float = 2.0, threshold: float = 0.2) -> float:
    """Share of the reference's ink that the candidate does not cover, after a small blur.

    The blur absorbs the two rasterisers' different anti-aliasing; a glyph moved by a pixel or more,
    or drawn in another order, still shows. 0 means the same picture.
    """
    a, b = _grey(reference, blur), _grey(candidate, blur)
    assert a.shape == b.shape, f"{reference.name} is {a.shape}, {candidate.name} is {b.shape}"
    ink = _grey(reference, 0) < 0.5
    return float((np.abs(a - b) > threshold).sum() / max(ink.sum(), 1))


def _grey(path: Path, blur: float) -> np.ndarray:
    image = Image.open(path).convert("L")
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    return np.asarray(image, dtype=float) / 255
