"""Deterministic test audio, the same in both phases."""

from __future__ import annotations

import math
import struct

SAMPLE_RATE = 24_000


def audio_chunk(ms: int = 200, seed: int = 0) -> bytes:
    """``ms`` milliseconds of PCM16 little-endian mono at 24 kHz: a tone picked by ``seed``."""
    frequency = 220.0 + 110.0 * seed
    count = SAMPLE_RATE * ms // 1000
    samples = (
        int(8000 * math.sin(2 * math.pi * frequency * index / SAMPLE_RATE))
        for index in range(count)
    )
    return struct.pack(f"<{count}h", *samples)
