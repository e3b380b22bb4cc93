"""Scrutiny: committee packs in, normalised JSON out."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

__version__ = "0.1.0"


@functools.lru_cache(maxsize=1)
def build_id() -> str:
    """A digest of the extractor's own source (``extractor/`` and ``models/``), so an output can
    tell which code made it: a cached extraction is fresh only when made by this very code."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent
    for package in ("extractor", "models"):
        for path in sorted((root / package).rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
