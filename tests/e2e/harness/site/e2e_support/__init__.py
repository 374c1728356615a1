"""What a case's ``drive.py`` may use (see tests/e2e/README.md).

- ``viewer.join(url, token)``: the frontend joining the LiveKit room with the credentials the
  program handed out;
- ``run_notebook(path)``: run a notebook's code cells in one namespace and return it;
- ``audio_chunk(ms=200, seed=0)``: deterministic PCM16 24 kHz mono bytes.
"""

from __future__ import annotations

from . import viewer
from .audio import audio_chunk
from .notebook import run_notebook

__all__ = ["audio_chunk", "run_notebook", "viewer"]
